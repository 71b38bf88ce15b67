// Standing duties, resilience with a cut, and criticality (analytics.md section 2), without re-auditing.
//
// API (all templated on basic_model<Traits>; ids refer to the model passed in):
//   stands(m, cap, d) / stands(m, d)      whether duty d stands: a performer, and for every required mandate
//                                         a performer capable of it for d
//   standing(m)                           the same for every duty, by duty index
//   resilience(m, k = 3)                  one duty_resilience row per duty, by duty index (the model's listing
//                                         order; the reports sort by id text): value 0 and cut [] when it
//                                         fails; the smallest |W| that makes it fail and one such W (sorted
//                                         by id text) when that is at most k; nullopt and [] above k.
//                                         1 <= k <= 8.
//   failing_if_withdrawn(m)               by actor index: the duties that stand and fail when that actor
//                                         alone is withdrawn, sorted by duty id text
//   criticality(m)                        by actor index: actor_criticality {actor, failing (as above),
//                                         added: what_if(m, {actor})'s added findings per severity}
//   analyse_robustness(m, k)              both at once (the `resilience` command): {duties, actors}
//
// Edited models (with removed elements, basic_model::has_removed) are analysed as they are: "by index"
// vectors have id_bound<Id>() entries, a removed element's entry empty (false, no duties; a criticality
// row with its id and nothing else); resilience() and robustness::duties have one row per live duty in
// index order, and robustness::actors one row per live actor in index order. The results name the same
// elements, with the same values, as those of the model written and read back.
//   rank_criticality(m, rows)             sorts rows as the resilience report lists them: failing count
//                                         descending, then added errors descending, then actor id text
// what_if(), withdraw(): what_if.hpp, withdraw.hpp.
//
// How (none of these builds a withdrawn model):
//   - A duty fails in withdraw(M, W) exactly when W contains all its performers, or, for some required
//     mandate x, no remaining performer holds x over the duty's scope and stage. A performer's holdings of x
//     depend only on its ancestors in x's delegation graph (analysis/mandate_flow.hpp), so a check re-derives
//     holdings on that small ancestor region (a least fixpoint with W's nodes left out), and a performer with
//     a direct covering holding needs no derivation at all.
//   - Each successful check yields a proof: the actors of one derivation per required mandate (a performer
//     and the delegators its holding came through, including, for an explicit grant, the derivations that make
//     the grant valid). Every W that makes the duty fail must contain an actor of every proof (the proof's
//     holdings and delegations survive otherwise). The smallest cut is therefore found by iterative deepening
//     over a bounded search tree: at depth b, branch on the actors of the current proof, up to depth b; the
//     first b at which a branch makes the duty fail is the resilience, and that branch is the cut. This is
//     exact whatever the grants need (an explicit grant that needs several holdings of its delegator at once
//     is a hitting-set, not a flow), and the bound k keeps it polynomial: O(s^k) checks for proofs of s
//     actors. Resilience is at most the number of performers, which ends the search early.
//   - The single-actor cuts (failing_if_withdrawn) are the actors of the first proof whose withdrawal alone
//     makes the duty fail: one check per proof actor.
//   - criticality's added findings are counted incrementally (detail::withdrawal_counter below): withdrawing
//     an actor a can add findings only where a performs, where a coordinates, next to a's delegations and
//     holdings, and where capability changes, which is only at the nodes downstream of a in the delegation
//     graph of each mandate a holds or passes on; the new holdings of those nodes are re-derived with the
//     unchanged holdings of their other predecessors fed in, and each rule is re-judged only there. Which
//     rules can add findings, and where, is written out at withdrawal_counter::added.
// Cost: O(model) to build, then per duty O(1 + s^min(k, r)) checks, each O(ancestor region), for proofs of
// s actors and resilience r; per actor O(its RACI entries + duties of the actors downstream of it + their
// forums and delegations). Memory O(model). Throws samverkan::error for k outside 1..8; otherwise only
// std::bad_alloc. Exactness at or below k is checked against withdrawing every subset in the tests.
#ifndef SAMVERKAN_ANALYSIS_RESILIENCE_HPP
#define SAMVERKAN_ANALYSIS_RESILIENCE_HPP

#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/mandate_flow.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/detail/counting_sort.hpp>
#include <samverkan/detail/optional_index.hpp>
#include <samverkan/detail/strong_components.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <boost/describe/class.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace samverkan {

/// One row of resilience(): `value` is nullopt when the resilience is above k; `cut` is sorted by actor id
/// text, empty when value is 0 or above k.
struct duty_resilience {
    duty_id duty;
    bool optional = false;
    std::optional<int> value;
    std::vector<actor_id> cut;
};
BOOST_DESCRIBE_STRUCT(duty_resilience, (), (duty, optional, value, cut))

/// One row of criticality(): the duties that fail without `actor` (sorted by id text) and the findings
/// its withdrawal adds, per severity.
struct actor_criticality {
    actor_id actor;
    std::vector<duty_id> failing;
    summary added;
};
BOOST_DESCRIBE_STRUCT(actor_criticality, (), (actor, failing, added))

/// Resilience and criticality together (the `resilience` command's report, rows by index).
struct robustness {
    int k = 3;
    std::vector<duty_resilience> duties;   ///< by duty index
    std::vector<actor_criticality> actors; ///< by actor index
};

/// Whether duty d stands, with the capability index `cap` of m. O(performers x required mandates).
///     samverkan::capability_index const cap{m};
///     bool ok = samverkan::stands(m, cap, d);
template <class Traits>
[[nodiscard]] bool stands(basic_model<Traits> const& m, capability_index const& cap, duty_id d) {
    auto const performers = cap.performers(d);
    if (performers.empty()) return false;
    auto const where = cap.placement_of(d);
    for (mandate_id x : m.required_mandates(d)) {
        bool met = false;
        for (auto const& p : performers)
            if (cap.capable(p.actor, x, where)) {
                met = true;
                break;
            }
        if (!met) return false;
    }
    return true;
}

/// Whether duty d stands (builds a capability index: O(model); use the three-argument form for many).
template <class Traits>
[[nodiscard]] bool stands(basic_model<Traits> const& m, duty_id d) {
    capability_index const cap{m};
    return stands(m, cap, d);
}

/// For every duty (by index; id_bound<duty_id>() entries, false for a removed duty), whether it stands.
/// O(model).
template <class Traits>
[[nodiscard]] std::vector<bool> standing(basic_model<Traits> const& m) {
    capability_index const cap{m};
    std::vector<bool> out(m.template id_bound<duty_id>(), false);
    for (duty_id d : m.duties()) out[d.index()] = stands(m, cap, d);
    return out;
}

namespace detail {

/// The smallest cuts of duties (see the top of this header).
template <class Traits>
class cut_finder {
public:
    cut_finder(basic_model<Traits> const& m, capability_index const& cap, mandate_graph const& g)
        : m_{m}, cap_{cap}, g_{g}, solver_{g} {}

    struct result {
        std::optional<int> value;
        std::vector<actor_id> cut;     // by index order until the caller sorts it
        std::vector<actor_id> singles; // every single actor whose withdrawal makes a standing duty fail
    };

    [[nodiscard]] result analyse(duty_id d, int k) {
        result out;
        load(d);
        std::vector<actor_id> proof0;
        removed_.clear();
        if (!check(&proof0)) {
            out.value = 0;
            return out;
        }
        auto cands = unique(proof0);
        for (actor_id v : cands) {
            removed_.assign(1, v);
            if (!check(nullptr)) out.singles.push_back(v);
        }
        if (!out.singles.empty()) {
            out.value = 1;
            auto best = out.singles.front();
            for (actor_id v : out.singles)
                if (id_text(m_, v) < id_text(m_, best)) best = v;
            out.cut.assign(1, best);
            return out;
        }
        auto const np = static_cast<int>(performers_.size());
        for (int b = 2; b <= k && b < np; ++b) {
            visited_.clear();
            removed_.clear();
            if (search(b)) {
                out.value = b;
                out.cut = removed_;
                return out;
            }
        }
        if (np <= k) {
            out.value = np;
            out.cut = performers_;
        }
        return out;
    }

private:
    static std::vector<actor_id> unique(std::vector<actor_id> const& v) {
        std::vector<actor_id> out;
        for (actor_id a : v)
            if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
        return out;
    }

    void load(duty_id d) {
        performers_.clear();
        for (auto const& p : cap_.performers(d)) performers_.push_back(p.actor);
        required_.clear();
        for (mandate_id x : m_.required_mandates(d)) required_.push_back(x);
        std::sort(required_.begin(), required_.end());
        required_.erase(std::unique(required_.begin(), required_.end()), required_.end());
        auto const where = cap_.placement_of(d);
        scope_ = index_or_npos(where.scope); // npos == flow_none
        stage_ = index_or_npos(where.stage);
    }

    [[nodiscard]] bool is_removed(actor_id a) const noexcept {
        return std::find(removed_.begin(), removed_.end(), a) != removed_.end();
    }

    // Whether the loaded duty stands without the actors of removed_; appends a proof when asked.
    bool check(std::vector<actor_id>* proof) {
        alive_.clear();
        for (actor_id p : performers_)
            if (!is_removed(p)) alive_.push_back(p);
        if (alive_.empty()) return false;
        if (required_.empty()) {
            if (proof) proof->push_back(alive_.front());
            return true;
        }
        for (mandate_id x : required_) {
            bool met = false;
            targets_.clear();
            for (actor_id p : alive_) {
                auto const n = g_.node(p, x);
                if (!n) continue;
                targets_.push_back(*n);
                for (auto const& h : g_.holdings(*n))
                    if (g_.covers(h, scope_, stage_)) {
                        met = true;
                        break;
                    }
                if (met) {
                    if (proof) proof->push_back(p);
                    break;
                }
            }
            if (met) continue;
            if (targets_.empty()) return false;
            solver_.begin();
            solver_.add_ancestors(targets_, [this](std::uint32_t n) { return is_removed(g_.actor_of(n)); });
            solver_.run(proof != nullptr);
            for (auto t : targets_) {
                auto const item = solver_.covering(t, scope_, stage_);
                if (item == flow_none) continue;
                met = true;
                if (proof) solver_.proof(item, t, *proof);
                break;
            }
            if (!met) return false;
        }
        return true;
    }

    // Depth-first search for a W of size removed_.size() + budget that makes the duty fail.
    bool search(int budget) {
        std::vector<actor_id> proof;
        if (!check(&proof)) return true;
        if (budget == 0) return false;
        for (actor_id v : unique(proof)) {
            if (is_removed(v)) continue;
            removed_.push_back(v);
            auto key = removed_;
            std::sort(key.begin(), key.end());
            if (visited_.insert(std::move(key)).second && search(budget - 1)) return true;
            removed_.pop_back();
        }
        return false;
    }

    basic_model<Traits> const& m_;
    capability_index const& cap_;
    mandate_graph const& g_;
    flow_solver solver_;
    std::vector<actor_id> performers_, alive_, removed_;
    std::vector<mandate_id> required_;
    std::vector<std::uint32_t> targets_;
    std::uint32_t scope_ = flow_none, stage_ = flow_none;
    std::set<std::vector<actor_id>> visited_;
};

/// Counts the findings that withdrawing one actor adds to the audit (default options), rule by rule, without
/// building the withdrawn model (see added()).
template <class Traits>
class withdrawal_counter {
public:
    withdrawal_counter(basic_model<Traits> const& m, capability_index const& cap)
        : m_{m},
          cap_{cap},
          g_{m},
          solver_{g_},
          changed_at_(g_.node_count(), 0),
          changed_index_(g_.node_count(), 0),
          duty_seen_(m.template id_bound<duty_id>(), 0),
          forum_seen_(m.template id_bound<forum_id>(), 0),
          actor_seen_(m.template id_bound<actor_id>(), 0),
          mandate_seen_(m.template id_bound<mandate_id>(), 0) {
        auto const n_actors = m.template id_bound<actor_id>(); // arrays by index: removed ids stay unused
        // distinct required mandates per duty (by index: a removed duty has none)
        req_begin_.reserve(m.template id_bound<duty_id>() + 1);
        req_begin_.push_back(0);
        for (std::uint32_t i = 0; i < m.template id_bound<duty_id>(); ++i) {
            duty_id const d{i};
            auto const first = req_.size();
            for (mandate_id x : m.required_mandates(d)) req_.push_back(x);
            std::sort(req_.begin() + static_cast<std::ptrdiff_t>(first), req_.end());
            req_.erase(std::unique(req_.begin() + static_cast<std::ptrdiff_t>(first), req_.end()), req_.end());
            req_begin_.push_back(static_cast<std::uint32_t>(req_.size()));
        }
        // forums by coordinator; actors with a relation other than a delegation
        std::vector<std::pair<std::uint32_t, std::uint32_t>> coordinated;
        other_.assign(n_actors, 0);
        for (forum_id f : m.forums())
            if (auto const c = m.coordinator(f)) {
                coordinated.emplace_back(c->index(), f.index());
                other_[c->index()] = 1;
            }
        // by coordinator; forums in increasing index within one (they were visited in order)
        counting_sort(
            n_actors, coordinated, [](auto const& p) { return p.first; },
            [](auto const& p) { return forum_id{p.second}; }, coord_begin_, coord_);
        for (actor_id a : m.actors())
            if (!is_empty(m.raci_of(a)) || !is_empty(m.forums_of(a)) || !is_empty(m.holdings_of(a)))
                other_[a.index()] = 1;

        // (duty, mandate) pairs that no performer meets while someone is capable: by capable actor
        std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> unmet;
        for (duty_id d : m.duties()) {
            auto const where = cap.placement_of(d);
            for (mandate_id x : required(d)) {
                bool met = false;
                for (auto const& p : cap.performers(d))
                    if (cap.capable(p.actor, x, where)) {
                        met = true;
                        break;
                    }
                if (met) continue;
                for (actor_id q : cap.capable_actors(x, where)) unmet.push_back({q.index(), {d.index(), x.index()}});
            }
        }
        // by capable actor; (duty, mandate) increasing within one (duties in order, mandates sorted, unique)
        counting_sort(
            n_actors, unmet, [](auto const& u) { return u.first; },
            [](auto const& u) {
                return std::pair{duty_id{u.second.first}, mandate_id{u.second.second}};
            },
            unmet_begin_, unmet_);

        // delegation cycles: strongly connected components over (mandate, actor), all delegations but self
        std::vector<std::uint64_t> keys;
        for (delegation_id d : m.delegations()) {
            auto const v = m.delegation(d);
            if (v.from == v.to) continue;
            keys.push_back(cycle_key(v.mandate, v.from));
            keys.push_back(cycle_key(v.mandate, v.to));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        std::vector<std::pair<std::size_t, std::size_t>> edges;
        for (delegation_id d : m.delegations()) {
            auto const v = m.delegation(d);
            if (v.from != v.to)
                edges.emplace_back(cycle_vertex(keys, cycle_key(v.mandate, v.from)),
                                   cycle_vertex(keys, cycle_key(v.mandate, v.to)));
        }
        auto const comp = strong_components(keys.size(), edges);
        std::vector<std::uint32_t> size(comp.count, 0);
        for (auto c : comp.of) ++size[c];
        for (std::size_t v = 0; v < keys.size(); ++v)
            if (size[comp.of[v]] >= 2) cycle_members_.emplace_back(comp.of[v], keys[v]);
        std::sort(cycle_members_.begin(), cycle_members_.end());
        for (std::size_t i = 0; i < cycle_members_.size(); ++i)
            cycle_comp_of_.emplace_back(cycle_members_[i].second, cycle_members_[i].first);
        std::sort(cycle_comp_of_.begin(), cycle_comp_of_.end());
    }

    /// The added findings of what_if(m, {a}) per severity (default severities).
    ///
    /// Withdrawing a removes only a's nodes, RACI entries, memberships, coordinatorships, holdings and
    /// delegations, and capability only shrinks. So, rule by rule, a finding can be added only:
    ///   unassigned-duty, no-accountable, no-responsible, multiple-accountable: on a duty a performs;
    ///   mandate-missing, mandate-unheld, accountable-/responsible-without-mandate: on a duty a performs, on a
    ///     duty (requiring x) performed by an actor downstream of a in x's delegation graph, or, for
    ///     mandate-unheld, on a (duty, x) that no performer met and whose capable actors (a among them: a
    ///     holding derived from a's is covered by a's own) all lose x;
    ///   coordinator-without-mandate: on a forum coordinated by an actor downstream of a;
    ///   forum-without-coordinator: on a forum a coordinates;
    ///   invalid-delegation: on a delegation from an actor downstream of a that was valid;
    ///   delegation-cycle: on what is left of a cycle through a (its components without a);
    ///   idle-actor: on an actor whose every relation was a delegation with a;
    ///   unused-mandate: on a mandate required by no duty whose every direct holder was a;
    ///   exclusive-overlap, coordination-gap, stage-order, dependency-cycle: never (their conditions do not
    ///     weaken when an actor leaves, or they do not involve actors).
    [[nodiscard]] summary added(actor_id a) {
        summary s;
        a_ = a;
        start_call();
        s.info += coord_begin_[a.index() + 1] - coord_begin_[a.index()]; // forum-without-coordinator

        // capability downstream of a, mandate by mandate
        derive_downstream();

        // duties a performs: assignment and mandate rules
        for (assignment const& e : m_.raci_of(a)) {
            if (e.role != raci::responsible && e.role != raci::accountable) continue;
            if (!first_visit(duty_seen_, e.duty.index())) continue;
            assignment_rules(e.duty, s);
            mandate_rules(e.duty, s);
        }
        // duties of actors whose capability may have changed
        for (auto n : changed_) {
            actor_id const b = g_.actor_of(n);
            mandate_id const x = g_.mandate_of(n);
            for (assignment const& e : m_.raci_of(b)) {
                if (e.role != raci::responsible && e.role != raci::accountable) continue;
                if (duty_seen_[e.duty.index()] == call_) continue;
                auto const req = required(e.duty);
                if (!std::binary_search(req.begin(), req.end(), x)) continue;
                duty_seen_[e.duty.index()] = call_;
                mandate_rules(e.duty, s);
            }
            // coordinator-without-mandate
            for (auto k = coord_begin_[b.index()]; k < coord_begin_[b.index() + 1]; ++k)
                if (first_visit(forum_seen_, coord_[k].index())) coordinator_rule(coord_[k], b, s);
            invalid_delegations(n, s);
        }
        // (duty, mandate) pairs that nobody performing met: mandate-unheld when every capable actor loses it
        for (auto k = unmet_begin_[a.index()]; k < unmet_begin_[a.index() + 1]; ++k) {
            auto const [d, x] = unmet_[k];
            if (duty_seen_[d.index()] == call_) continue; // judged in full above
            if (!anyone_capable_after(x, cap_.placement_of(d))) ++s.error;
        }
        cycles(s);
        inventory(s);
        g_.truncate_pool(pool_mark_);
        return s;
    }

private:
    static std::uint64_t cycle_key(mandate_id x, actor_id a) noexcept {
        return (std::uint64_t{x.index()} << 32) | a.index();
    }
    static std::size_t cycle_vertex(std::vector<std::uint64_t> const& keys, std::uint64_t k) {
        return static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), k) - keys.begin());
    }
    template <class Range>
    static bool is_empty(Range const& r) {
        return r.begin() == r.end();
    }

    [[nodiscard]] std::span<mandate_id const> required(duty_id d) const noexcept {
        return std::span<mandate_id const>{req_}.subspan(req_begin_[d.index()],
                                                         req_begin_[d.index() + 1] - req_begin_[d.index()]);
    }
    void start_call() {
        ++call_;
        if (call_ == 0) {
            for (auto* v : {&changed_at_, &duty_seen_, &forum_seen_, &actor_seen_, &mandate_seen_})
                std::fill(v->begin(), v->end(), 0);
            call_ = 1;
        }
        changed_.clear();
        reach_begin_.clear();
        reaches_.clear();
        pool_mark_ = g_.pool_size();
    }
    bool first_visit(std::vector<std::uint32_t>& seen, std::uint32_t i) {
        if (seen[i] == call_) return false;
        seen[i] = call_;
        return true;
    }

    // For each node of a: the nodes downstream of it get their holdings re-derived without a.
    void derive_downstream() {
        auto const [nb, ne] = g_.nodes_of(a_);
        for (auto na = nb; na < ne; ++na) {
            mandate_id const x = g_.mandate_of(na);
            // the region: everything reachable from na, without na
            region_.clear();
            stamp_region_.resize(g_.node_count(), 0);
            ++region_epoch_;
            stamp_region_[na] = region_epoch_;
            region_.push_back(na);
            for (std::size_t i = 0; i < region_.size(); ++i) {
                auto const [eb, ee] = g_.out_edges(region_[i]);
                for (auto e = eb; e < ee; ++e) {
                    auto const to = g_.edge_at(e).to;
                    if (stamp_region_[to] != region_epoch_) {
                        stamp_region_[to] = region_epoch_;
                        region_.push_back(to);
                    }
                }
            }
            if (region_.size() == 1) continue;
            solver_.begin();
            for (std::size_t i = 1; i < region_.size(); ++i) solver_.add(region_[i]);
            for (std::size_t i = 1; i < region_.size(); ++i) {
                auto const v = region_[i];
                for (auto e : g_.in_edges(v)) {
                    auto const& ed = g_.edge_at(e);
                    if (ed.from == na || solver_.in_region(ed.from)) continue;
                    if (ed.explicit_grant) {
                        if (cap_.valid(delegation_id{ed.delegation})) solver_.seed(v, ed.grant);
                        continue;
                    }
                    for (effective_holding const& h : cap_.holdings(g_.actor_of(ed.from), x))
                        solver_.seed(v, g_.make_reach(h.scope, h.stages));
                }
            }
            solver_.run(false);
            for (std::size_t i = 1; i < region_.size(); ++i) {
                auto const v = region_[i];
                changed_at_[v] = call_;
                changed_index_[v] = static_cast<std::uint32_t>(changed_.size());
                changed_.push_back(v);
                reach_begin_.push_back(static_cast<std::uint32_t>(reaches_.size()));
                solver_.for_each_origin(v, [this](flow_reach const& r) { reaches_.push_back(r); });
            }
        }
        reach_begin_.push_back(static_cast<std::uint32_t>(reaches_.size()));
    }
    [[nodiscard]] std::span<flow_reach const> new_reaches(std::uint32_t n) const noexcept {
        auto const i = changed_index_[n];
        return std::span<flow_reach const>{reaches_}.subspan(reach_begin_[i], reach_begin_[i + 1] - reach_begin_[i]);
    }

    // Capability in withdraw(m, {a}).
    [[nodiscard]] bool capable_after(actor_id p, mandate_id x, placement const& where) const {
        if (p == a_) return false;
        auto const n = g_.node(p, x);
        if (!n) return false;
        if (changed_at_[*n] != call_) return cap_.capable(p, x, where);
        auto const scope = index_or_npos(where.scope);
        auto const stage = index_or_npos(where.stage);
        for (auto const& r : new_reaches(*n))
            if (g_.covers(r, scope, stage)) return true;
        return false;
    }
    [[nodiscard]] bool anyone_capable_after(mandate_id x, placement const& where) const {
        for (actor_id q : cap_.capable_actors(x, where))
            if (capable_after(q, x, where)) return true;
        return false;
    }

    void assignment_rules(duty_id d, summary& s) const {
        std::size_t n_r = 0, n_a = 0;
        bool a_r = false, a_a = false;
        auto const performers = cap_.performers(d);
        for (auto const& p : performers) {
            n_r += p.responsible ? 1 : 0;
            n_a += p.accountable ? 1 : 0;
            if (p.actor == a_) {
                a_r = p.responsible;
                a_a = p.accountable;
            }
        }
        auto const r2 = n_r - (a_r ? 1 : 0), a2 = n_a - (a_a ? 1 : 0);
        if (!m_[d].optional) {
            if (performers.size() == 1) ++s.error;                        // unassigned-duty
            if (r2 > 0 && a2 == 0 && !(n_r > 0 && n_a == 0)) ++s.error;   // no-accountable
            if (a2 > 0 && r2 == 0 && !(n_a > 0 && n_r == 0)) ++s.warning; // no-responsible
        }
        if (a_a && a2 >= 2) ++s.error; // multiple-accountable with another set of actors
    }

    void mandate_rules(duty_id d, summary& s) const {
        auto const req = required(d);
        if (req.empty()) return;
        auto const where = cap_.placement_of(d);
        auto const performers = cap_.performers(d);
        bool any_left = false;
        for (auto const& p : performers) any_left = any_left || p.actor != a_;
        for (mandate_id x : req) {
            bool met_before = false, met_after = false;
            for (auto const& p : performers) {
                met_before = met_before || cap_.capable(p.actor, x, where);
                met_after = met_after || capable_after(p.actor, x, where);
            }
            if (met_after) continue;
            bool const anyone_before = met_before || cap_.anyone_capable(x, where);
            bool const anyone_after = anyone_capable_after(x, where);
            bool const missing_before = !met_before && !performers.empty() && anyone_before;
            bool const unheld_before = !anyone_before;
            bool const missing_after = any_left && anyone_after;
            bool const unheld_after = !anyone_after;
            if ((missing_after && !missing_before) || (unheld_after && !unheld_before)) ++s.error;
        }
        for (auto const& p : performers) {
            if (p.actor == a_) continue;
            bool before = false, after = false;
            for (mandate_id x : req) {
                before = before || cap_.capable(p.actor, x, where);
                after = after || capable_after(p.actor, x, where);
            }
            if (after || !before) continue;
            if (p.accountable) ++s.warning; // accountable-without-mandate
            else ++s.info;                  // responsible-without-mandate
        }
    }

    void coordinator_rule(forum_id f, actor_id c, summary& s) const {
        bool any = false, before = false, after = false;
        for (duty_id d : m_.covered(f)) {
            auto const where = cap_.placement_of(d);
            for (mandate_id x : required(d)) {
                any = true;
                before = before || cap_.capable(c, x, where);
                after = after || capable_after(c, x, where);
            }
        }
        if (any && before && !after) ++s.warning;
    }

    // invalid-delegation: delegations leaving changed node n (to someone other than a) that become invalid.
    void invalid_delegations(std::uint32_t n, summary& s) {
        actor_id const b = g_.actor_of(n);
        mandate_id const x = g_.mandate_of(n);
        group_.clear();
        for (delegation_id d : m_.delegations_from(b)) {
            auto const v = m_.delegation(d);
            if (v.mandate != x || v.to == a_) continue;
            group_.emplace_back(v.to, d);
        }
        std::sort(group_.begin(), group_.end());
        auto const origins = new_reaches(n);
        for (std::size_t i = 0; i < group_.size();) {
            auto j = i;
            bool invalid_before = false, invalid_after = false;
            for (; j < group_.size() && group_[j].first == group_[i].first; ++j) {
                auto const d = group_[j].second;
                if (!cap_.valid(d)) {
                    invalid_before = true;
                    continue;
                }
                auto const v = m_.delegation(d);
                if (!v.explicit_grant()) invalid_after = invalid_after || origins.empty();
                else invalid_after = invalid_after || !grant_held(origins, v.where);
            }
            if (invalid_after && !invalid_before) ++s.error;
            i = j;
        }
    }
    // Whether holdings `origins` cover every point of an explicit grant (precise reading 2).
    [[nodiscard]] bool grant_held(std::span<flow_reach const> origins, reach_view const& grant) const {
        auto const scope = index_or_npos(grant.scope);
        auto const covering = [&](flow_reach const& r) { return g_.covers_scope(r.scope, scope); };
        if (grant.stages.empty()) {
            for (auto const& r : origins)
                if (covering(r) && r.stage_count == 0) return true;
            return false;
        }
        for (stage_id t : grant.stages) {
            bool ok = false;
            for (auto const& r : origins)
                if (covering(r) && g_.covers(r, scope, t.index())) {
                    ok = true;
                    break;
                }
            if (!ok) return false;
        }
        return true;
    }

    // delegation-cycle: the components that are left of each cycle through a.
    void cycles(summary& s) {
        // a's keys: (x, a) for every mandate x; look each of a's delegation mandates up
        mandates_.clear();
        for (delegation_id d : m_.delegations_from(a_)) mandates_.push_back(m_.delegation(d).mandate);
        for (delegation_id d : m_.delegations_to(a_)) mandates_.push_back(m_.delegation(d).mandate);
        std::sort(mandates_.begin(), mandates_.end());
        mandates_.erase(std::unique(mandates_.begin(), mandates_.end()), mandates_.end());
        for (mandate_id x : mandates_) {
            auto const k = cycle_key(x, a_);
            auto const it = std::lower_bound(cycle_comp_of_.begin(), cycle_comp_of_.end(),
                                             std::pair<std::uint64_t, std::uint32_t>{k, 0});
            if (it == cycle_comp_of_.end() || it->first != k) continue;
            auto const c = it->second;
            auto lo = std::lower_bound(cycle_members_.begin(), cycle_members_.end(),
                                       std::pair<std::uint32_t, std::uint64_t>{c, 0});
            members_.clear();
            for (; lo != cycle_members_.end() && lo->first == c; ++lo) {
                actor_id const b{static_cast<std::uint32_t>(lo->second & 0xffffffffU)};
                if (b != a_) members_.push_back(b);
            }
            std::sort(members_.begin(), members_.end());
            std::vector<std::pair<std::size_t, std::size_t>> edges;
            for (std::size_t i = 0; i < members_.size(); ++i)
                for (delegation_id d : m_.delegations_from(members_[i])) {
                    auto const v = m_.delegation(d);
                    if (v.mandate != x || v.to == v.from) continue;
                    auto const jt = std::lower_bound(members_.begin(), members_.end(), v.to);
                    if (jt != members_.end() && *jt == v.to)
                        edges.emplace_back(i, static_cast<std::size_t>(jt - members_.begin()));
                }
            auto const comp = strong_components(members_.size(), edges);
            std::vector<std::uint32_t> size(comp.count, 0);
            for (auto cc : comp.of) ++size[cc];
            for (auto z : size)
                if (z >= 2) ++s.warning;
        }
    }

    // idle-actor and unused-mandate.
    void inventory(summary& s) {
        auto const idle_now = [this](actor_id b) {
            if (b == a_ || other_[b.index()] != 0) return false;
            for (delegation_id d : m_.delegations_from(b))
                if (m_.delegation(d).to != a_) return false;
            for (delegation_id d : m_.delegations_to(b))
                if (m_.delegation(d).from != a_) return false;
            return true;
        };
        for (delegation_id d : m_.delegations_from(a_)) {
            auto const b = m_.delegation(d).to;
            if (first_visit(actor_seen_, b.index()) && idle_now(b)) ++s.info;
        }
        for (delegation_id d : m_.delegations_to(a_)) {
            auto const b = m_.delegation(d).from;
            if (first_visit(actor_seen_, b.index()) && idle_now(b)) ++s.info;
        }
        for (holding_id h : m_.holdings_of(a_)) {
            auto const x = m_.holding(h).mandate;
            if (!first_visit(mandate_seen_, x.index())) continue;
            if (!is_empty(m_.duties_requiring(x))) continue;
            bool only_a = true;
            for (holding_id k : m_.holdings_of(x)) only_a = only_a && m_.holding(k).actor == a_;
            if (only_a) ++s.info;
        }
    }

    basic_model<Traits> const& m_;
    capability_index const& cap_;
    mandate_graph g_;
    flow_solver solver_;
    actor_id a_{};
    std::uint32_t call_ = 0, region_epoch_ = 0;
    std::size_t pool_mark_ = 0;
    std::vector<std::uint32_t> changed_at_, changed_index_, duty_seen_, forum_seen_, actor_seen_, mandate_seen_;
    std::vector<std::uint32_t> changed_, reach_begin_, region_, stamp_region_;
    std::vector<flow_reach> reaches_;
    std::vector<std::uint32_t> req_begin_;
    std::vector<mandate_id> req_, mandates_;
    std::vector<std::uint32_t> coord_begin_, unmet_begin_;
    std::vector<forum_id> coord_;
    std::vector<std::uint8_t> other_;
    std::vector<std::pair<duty_id, mandate_id>> unmet_;
    std::vector<std::pair<std::uint32_t, std::uint64_t>> cycle_members_; // (component, key), sorted
    std::vector<std::pair<std::uint64_t, std::uint32_t>> cycle_comp_of_; // (key, component), sorted
    std::vector<actor_id> members_;
    std::vector<std::pair<actor_id, delegation_id>> group_;
};

inline void check_k(int k) {
    if (k < 1 || k > 8) throw error{"the resilience bound k must be 1 to 8, not " + std::to_string(k)};
}

template <class Traits>
robustness analyse(basic_model<Traits> const& m, int k, bool with_duties, bool with_added) {
    check_k(k);
    capability_index const cap{m};
    robustness out;
    out.k = k;
    out.actors.resize(m.template id_bound<actor_id>()); // by index; a removed actor's row stays empty
    for (std::uint32_t i = 0; i < out.actors.size(); ++i) out.actors[i].actor = actor_id{i};
    {
        mandate_graph const g{m};
        cut_finder<Traits> finder{m, cap, g};
        if (with_duties) out.duties.reserve(m.template count<duty_id>()); // the live duties in index order
        for (duty_id d : m.duties()) {
            auto r = finder.analyse(d, with_duties ? k : 1);
            for (actor_id v : r.singles) out.actors[v.index()].failing.push_back(d);
            if (!with_duties) continue;
            sort_by_id_text(m, r.cut);
            out.duties.push_back({d, static_cast<bool>(m[d].optional), r.value, std::move(r.cut)});
        }
    }
    for (auto& row : out.actors) sort_by_id_text(m, row.failing);
    if (with_added) {
        withdrawal_counter<Traits> counter{m, cap};
        for (actor_id a : m.actors()) out.actors[a.index()].added = counter.added(a);
    }
    return out;
}

} // namespace detail

/// Resilience of every duty, by duty index (see the top of this header). Throws samverkan::error when
/// k is outside 1..8.
///     for (auto const& r : samverkan::resilience(m)) if (r.value == 1) std::cout << m[r.duty].id << '\n';
template <class Traits>
[[nodiscard]] std::vector<duty_resilience> resilience(basic_model<Traits> const& m, int k = 3) {
    return detail::analyse(m, k, true, false).duties;
}

/// By actor index: the duties that stand in m and fail when that actor alone is withdrawn, sorted by id text.
///     auto const f = samverkan::failing_if_withdrawn(m);
///     std::size_t n = f[lpo.index()].size();
template <class Traits>
[[nodiscard]] std::vector<std::vector<duty_id>> failing_if_withdrawn(basic_model<Traits> const& m) {
    auto r = detail::analyse(m, 1, false, false);
    std::vector<std::vector<duty_id>> out;
    out.reserve(r.actors.size());
    for (auto& row : r.actors) out.push_back(std::move(row.failing));
    return out;
}

/// Criticality of every actor, by actor index: failing duties and added findings per severity.
///     for (auto const& c : samverkan::criticality(m)) std::cout << c.failing.size() << ' ' << c.added.error;
template <class Traits>
[[nodiscard]] std::vector<actor_criticality> criticality(basic_model<Traits> const& m) {
    return detail::analyse(m, 1, false, true).actors;
}

/// Resilience of every duty (bound k) and criticality of every actor, sharing the work. Throws
/// samverkan::error when k is outside 1..8.
template <class Traits>
[[nodiscard]] robustness analyse_robustness(basic_model<Traits> const& m, int k = 3) {
    auto r = detail::analyse(m, k, true, true);
    if (m.template count<actor_id>() != r.actors.size()) // rows of removed actors: left out
        std::erase_if(r.actors, [&m](actor_criticality const& row) { return !m.contains(row.actor); });
    return r;
}

/// Sorts criticality rows as the resilience report lists them: failing count descending, then added errors
/// descending, then actor id text. O(n log n).
template <class Traits>
void rank_criticality(basic_model<Traits> const& m, std::vector<actor_criticality>& rows) {
    std::sort(rows.begin(), rows.end(), [&m](actor_criticality const& x, actor_criticality const& y) {
        if (x.failing.size() != y.failing.size()) return x.failing.size() > y.failing.size();
        if (x.added.error != y.added.error) return x.added.error > y.added.error;
        return detail::id_text(m, x.actor) < detail::id_text(m, y.actor);
    });
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_RESILIENCE_HPP
