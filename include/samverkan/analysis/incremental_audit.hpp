// incremental_audit: a model, its current report, and edits that keep the report current.
//
//     samverkan::incremental_audit live{std::move(m)};          // audits once, O(model)
//     auto delta = live.apply(samverkan::edits::unassign{ks, lagesbild, samverkan::raci::accountable});
//     for (auto const& f : delta.added) std::cout << "+ " << f << '\n';
//     for (auto const& f : delta.removed) std::cout << "- " << f << '\n';
//     live.report();                                            // audit(live.model()), messages frozen
//
// What it guarantees: after any sequence of edits, report() equals samverkan::audit(model(), options,
// rules...) of the same model (the same findings in the same order, so the same bytes in every writer); each
// apply() returns the findings the edit added and removed, each list in report order. An edit that throws (a
// samverkan::error from the model, naming the elements) changes neither the model nor the report. A batch
// is applied as one: one delta, and if any edit in it throws, the model and the report are restored to
// what they were before the batch (the batch keeps a copy of the model for that: O(model) per batch of
// two or more edits).
//
// How (see docs/watch.md and benchmarks/README.md for the figures): the findings are kept per unit: per
// duty (assignment and mandate rules; stage-order separately), per forum (coordinator-without-mandate,
// forum-without-coordinator), per actor (idle-actor), per mandate (unused-mandate; exclusive-overlap; the
// delegation rules, whose findings all lie within one mandate) and per pair of actors (coordination-gap).
// An edit names the units it can affect; only those are examined again, and the delta is the difference of
// their old and new findings. The capability index is kept current, not rebuilt: an edit of a holding or
// delegation of mandate x (grant, revoke, delegate, undelegate, set_*_reach, removing an actor that holds
// or delegates x, an update of x's flags) derives x's holdings again (its delegation graph only), and then
// only the duties requiring x, the forums covering them and x's own units are examined again; an edit of a
// duty's RACI list or placement reads that duty's performers and placement again.
// Structure edits: `order`/`unorder` and adding a stage (but the first: it changes how every stage-less
// placement is worded, "at every stage") build the stage order again (O(stages x links /
// 64)) and re-examine only the stage-order findings of duties that need others; adding a scope reads the
// scope forest again (O(scopes)) and re-examines nothing (no relation names the new scope yet); an
// `update` that keeps the id text and name re-examines the one duty (its `optional`) or mandate (its
// flags, as above), and nothing for other kinds (no built-in rule reads their other fields). What still
// re-audits the whole model, and why: `nest`/`unnest` and removing a scope change which scopes cover
// which, so every capability, delegation validity and exclusive overlap that crosses the moved subtree may
// change; removing a stage or a scope also drops the holdings and delegations whose reach names it and
// re-links the stage order; removing a mandate drops all its relations at once; `rename` and an `update`
// that changes a name change the id text or name that the messages, the report order and the witness
// order of every family use; dependency-cycle is re-run whole on an edit of `needs` (O(duties + needs)).
//
// User rules (analysis/user_rule.hpp) are accepted as in audit(): `incremental_audit live{m, opts, rule}`.
// A user rule may read anything, so each one is run whole on every edit, with the kept capability index
// (capability(), equal to a fresh one); its cost is added to every edit. Keep user rules cheap, or batch
// edits, when that matters.
//
// Costs at national scale (290 municipalities): see benchmarks/README.md.
//
// Concurrency: an incremental_audit is not synchronised; const member functions may run concurrently with
// each other, apply() must not run concurrently with anything else on the same object.
#ifndef SAMVERKAN_ANALYSIS_INCREMENTAL_AUDIT_HPP
#define SAMVERKAN_ANALYSIS_INCREMENTAL_AUDIT_HPP

#include <samverkan/analysis/assignment_rules.hpp>
#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/coordination_rules.hpp>
#include <samverkan/analysis/delegation_rules.hpp>
#include <samverkan/analysis/exclusive_overlap.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/inventory_rules.hpp>
#include <samverkan/analysis/mandate_rules.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/order_rules.hpp>
#include <samverkan/analysis/performers.hpp>
#include <samverkan/analysis/user_rule.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/edit.hpp>
#include <samverkan/model/stage_order.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// The findings an edit (or a batch) added and removed, each list in report order.
struct finding_delta {
    std::vector<finding> removed;
    std::vector<finding> added;
    [[nodiscard]] bool empty() const noexcept { return removed.empty() && added.empty(); }
};

namespace detail {
template <class E>
struct is_update_edit : std::false_type {};
template <class Id, class Element>
struct is_update_edit<edits::update<Id, Element>> : std::true_type {};
} // namespace detail

template <class Traits = default_traits, class... Rules>
class incremental_audit {
public:
    using model_type = basic_model<Traits>;
    using edit_type = basic_edit<Traits>;

    /// Takes `m` and audits it with `opts` and the user rules `rules` (as audit(m, opts, rules...) does).
    /// O(model), like audit().
    explicit incremental_audit(model_type m, audit_options opts = {}, Rules... rules)
        : m_{std::move(m)}, opts_{opts}, rules_{std::move(rules)...} {
        static_assert((user_rule<Rules, model_type> && ...),
                      "incremental_audit: each user rule needs `id()` and `check(model, capability_index, "
                      "std::vector<finding>&)`; see samverkan/analysis/user_rule.hpp");
        rebuild();
    }

    /// The model as edited so far.
    [[nodiscard]] model_type const& model() const noexcept { return m_; }
    /// The options the audit runs with.
    [[nodiscard]] audit_options const& options() const noexcept { return opts_; }
    /// The current report: equal to audit(model(), options(), rules...) with freeze_messages(model(), ...)
    /// applied.
    [[nodiscard]] samverkan::report const& report() const noexcept { return report_; }
    /// The capability index of the current model, kept up to date edit by edit (equal in every query to
    /// capability_index{model()}).
    [[nodiscard]] capability_index const& capability() const noexcept { return *cap_; }

    /// Applies one edit and returns what it changed in the report. Strong guarantee.
    finding_delta apply(edit_type const& e) {
        edit_result ignored;
        return apply(e, ignored);
    }
    /// The same, also telling what the edit made (the id of an added element, holding or delegation).
    finding_delta apply(edit_type const& e, edit_result& result) {
        dirt d;
        before(e, d);                     // reads the model only
        result = samverkan::apply(m_, e); // strong: throws with nothing changed
        after(e, result, d);
        return refresh(d);
    }

    /// Applies `batch` in order as one change and returns one delta. If an edit throws, the model and the
    /// report are restored and the exception propagates. O(model) for the copy taken first when the batch
    /// has two or more edits.
    finding_delta apply(std::span<edit_type const> batch) {
        if (batch.size() == 1) return apply(batch[0]);
        if (batch.empty()) return {};
        auto const saved = m_;
        dirt d;
        try {
            for (auto const& e : batch) {
                before(e, d);
                auto const r = samverkan::apply(m_, e);
                after(e, r, d);
            }
        } catch (...) {
            m_ = saved; // report_ and the units were not touched yet
            throw;
        }
        return refresh(d);
    }

private:
    using pair_key = std::pair<std::uint32_t, std::uint32_t>; // actor indices, first < second

    // What an edit may have changed.
    struct dirt {
        std::vector<std::uint32_t> duties, forums, actors, mandates;
        std::vector<std::uint32_t> rederive;        // mandates whose holdings or delegations changed
        std::vector<std::uint32_t> duty_facts;      // duties whose performers or placement changed
        std::vector<std::uint32_t> order_duties;    // duties whose stage-order findings may change
        std::string name_before;                    // of an updated element (id text and name)
        bool stages = false;                        // the stage order changed: build it again
        std::vector<delegation_id> new_delegations; // made by the edits, for rederive
        std::vector<pair_key> pairs;
        std::vector<std::uint32_t> actors_gone; // every gap finding with them goes
        bool cycles = false, scopes = false, everything = false;
    };

    // ---- which units an edit touches ---------------------------------------------------------------------

    void duty_and_neighbours(duty_id d, dirt& x) const {
        x.duties.push_back(d.index());
        x.order_duties.push_back(d.index());
        for (duty_id p : m_.needed_by(d)) x.order_duties.push_back(p.index()); // their stage-order findings
    }
    void forums_covering(duty_id d, dirt& x) const {
        for (forum_id f : m_.forums_covering(d)) x.forums.push_back(f.index());
    }
    void requiring(mandate_id mnd, dirt& x) const {
        for (duty_id d : m_.duties_requiring(mnd)) {
            x.duties.push_back(d.index());
            forums_covering(d, x);
        }
    }
    // the gap pairs of actor `a` with everyone who works on d or on a duty linked to d by needs
    void pairs_around(actor_id a, duty_id d, dirt& x) {
        auto const with = [&](duty_id e) {
            scratch_.clear();
            append_performers(m_, e, scratch_);
            for (auto const& p : scratch_) add_pair(a, p.actor, x);
        };
        with(d);
        for (duty_id e : m_.needs(d)) with(e);
        for (duty_id e : m_.needed_by(d)) with(e);
    }
    void pairs_in_forum(forum_id f, dirt& x) const {
        std::vector<actor_id> people;
        for (actor_id a : m_.members(f)) people.push_back(a);
        if (auto c = m_.coordinator(f)) people.push_back(*c);
        for (std::size_t i = 0; i < people.size(); ++i)
            for (std::size_t j = i + 1; j < people.size(); ++j) add_pair(people[i], people[j], x);
    }
    void pairs_with_forum(actor_id a, forum_id f, dirt& x) const {
        for (actor_id b : m_.members(f)) add_pair(a, b, x);
        if (auto c = m_.coordinator(f)) add_pair(a, *c, x);
    }
    static void add_pair(actor_id a, actor_id b, dirt& x) {
        if (a == b) return;
        x.pairs.emplace_back(std::min(a.index(), b.index()), std::max(a.index(), b.index()));
    }
    // A holding or delegation of mnd changed: mnd is derived again, and what reads its holdings (the duties
    // requiring it, the forums covering them, its delegation and exclusive-overlap findings) is examined
    // again; the edited actors' idle-actor and the mandate's unused-mandate findings too.
    // (Which duties requiring mnd are examined again is decided after the derivation: affected_duties.)
    void holding_dirt(actor_id a, mandate_id mnd, dirt& x) const {
        x.rederive.push_back(mnd.index());
        x.actors.push_back(a.index());
        x.mandates.push_back(mnd.index());
    }
    void delegation_dirt(actor_id from, actor_id to, mandate_id mnd, dirt& x) const {
        x.rederive.push_back(mnd.index());
        x.actors.push_back(from.index());
        x.actors.push_back(to.index());
    }
    // After mandate x was derived again: of the duties requiring x, those whose findings can change, and the
    // forums whose coordinator-without-mandate can change. The mandate rules read x's capabilities at a
    // duty's placement for its performers (capable, or the reason) and, only when none of them is capable,
    // who else is capable there (the witness; mandate-unheld when nobody is). So a duty is affected when one
    // of its performers' holdings changed (found through their RACI entries), or when it is one of x's
    // unmet duties (unmet_, no performer capable) and an origin whose holders changed covers its placement.
    // coordinator-without-mandate reads only the coordinator's capabilities: the forums whose coordinator's
    // holdings changed. Cost: O(changed actors' RACI entries + x's unmet duties x changed origins + forums).
    void affected_duties(mandate_id x, mandate_holdings const& before, dirt& d) {
        changed_actors_.clear();
        changed_origins_.clear();
        mandate_holdings::compare(before, cap_->derived().of(x), changed_actors_, changed_origins_);
        if (changed_actors_.empty()) return;
        auto const requires_x = [&](duty_id e) {
            for (mandate_id y : m_.required_mandates(e))
                if (y == x) return true;
            return false;
        };
        for (actor_id a : changed_actors_) {
            if (!m_.contains(a)) continue; // removed: its duties are examined anyway
            for (auto const& r : m_.raci_of(a))
                if ((r.role == raci::responsible || r.role == raci::accountable) && requires_x(r.duty))
                    d.duties.push_back(r.duty.index());
        }
        bool const every = changed_origins_.size() > 64; // many origins changed: take them all as covering
        auto const& scopes = cap_->scopes();
        for (auto it = unmet_.lower_bound({x.index(), 0}); it != unmet_.end() && it->first == x.index(); ++it) {
            auto const p = cap_->placement_of(duty_id{it->second});
            bool const hit =
                every || std::any_of(changed_origins_.begin(), changed_origins_.end(), [&](effective_holding const& o) {
                    return scopes.covers(o.scope, p.scope) &&
                           (o.stages.empty() ||
                            (p.stage && std::binary_search(o.stages.begin(), o.stages.end(), *p.stage)));
                });
            if (hit) d.duties.push_back(it->second);
        }
        for (forum_id f : m_.forums())
            if (auto c = m_.coordinator(f); c && std::binary_search(changed_actors_.begin(), changed_actors_.end(), *c))
                d.forums.push_back(f.index());
    }
    // Records the mandates of duty d that none of its performers is capable of (its unmet mandates), for
    // affected_duties; called whenever d is examined, so it follows every change of d's performers,
    // placement, requirements and of its performers' holdings.
    void note_unmet(duty_id d, std::span<performer const> performers) {
        forget_unmet(d.index());
        if (!mandate_rules_on() || !m_.contains(d)) return;
        auto const where = cap_->placement_of(d);
        std::vector<std::uint32_t> mine;
        for (mandate_id x : m_.required_mandates(d)) {
            bool met = false;
            for (auto const& p : performers)
                if (cap_->capable(p.actor, x, where)) {
                    met = true;
                    break;
                }
            if (!met) mine.push_back(x.index());
        }
        if (mine.empty()) return;
        for (auto x : mine) unmet_.emplace(x, d.index());
        unmet_of_duty_.emplace(d.index(), std::move(mine));
    }
    void forget_unmet(std::uint32_t d) {
        auto it = unmet_of_duty_.find(d);
        if (it == unmet_of_duty_.end()) return;
        for (auto x : it->second) unmet_.erase({x, d});
        unmet_of_duty_.erase(it);
    }
    void performer_dirt(actor_id a, duty_id d, dirt& x) {
        x.duties.push_back(d.index());
        x.duty_facts.push_back(d.index());
        x.actors.push_back(a.index());
        pairs_around(a, d, x);
    }

    // Called before the edit (the model as it is) and after it (as it became): the union is what changed.
    void before(edit_type const& e, dirt& x) {
        std::visit(
            [&](auto const& v) {
                using E = std::remove_cvref_t<decltype(v)>;
                if constexpr (std::is_same_v<E, edits::remove>)
                    std::visit([&](auto id) { removing(id, x); }, v.element);
                else if constexpr (std::is_same_v<E, edits::revoke>) {
                    auto const h = m_.holding(v.holding);
                    holding_dirt(h.actor, h.mandate, x);
                } else if constexpr (std::is_same_v<E, edits::set_holding_reach>) {
                    auto const h = m_.holding(v.holding);
                    holding_dirt(h.actor, h.mandate, x);
                } else if constexpr (std::is_same_v<E, edits::undelegate>) {
                    auto const g = m_.delegation(v.delegation);
                    delegation_dirt(g.from, g.to, g.mandate, x);
                } else if constexpr (std::is_same_v<E, edits::set_delegation_reach>) {
                    auto const g = m_.delegation(v.delegation);
                    delegation_dirt(g.from, g.to, g.mandate, x);
                } else if constexpr (std::is_same_v<E, edits::unassign> || std::is_same_v<E, edits::reassign>)
                    performer_dirt(v.actor, v.duty, x);
                else if constexpr (std::is_same_v<E, edits::unneed>) need_dirt(v.duty, v.needed, x);
                else if constexpr (std::is_same_v<E, edits::remove_member>) pairs_with_forum(v.actor, v.forum, x);
                else if constexpr (std::is_same_v<E, edits::set_coordinator> ||
                                   std::is_same_v<E, edits::clear_coordinator>)
                    coordinator_dirt(v.forum, x);
                else if constexpr (std::is_same_v<E, edits::place_duty>) place_dirt(v.duty, x);
                else if constexpr (detail::is_update_edit<E>::value) x.name_before = key_text(v.id);
            },
            e);
    }
    void after(edit_type const& e, edit_result const& r, dirt& x) {
        std::visit(
            [&](auto const& v) {
                using E = std::remove_cvref_t<decltype(v)>;
                if constexpr (std::is_same_v<E, edits::add_element<typename Traits::actor_type>>)
                    x.actors.push_back(std::get<actor_id>(*r.element).index());
                else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::mandate_type>>)
                    x.mandates.push_back(std::get<mandate_id>(*r.element).index());
                else if constexpr (std::is_same_v<E, edits::add_duty<typename Traits::duty_type>>) {
                    x.duties.push_back(std::get<duty_id>(*r.element).index());
                    x.order_duties.push_back(std::get<duty_id>(*r.element).index());
                    x.duty_facts.push_back(std::get<duty_id>(*r.element).index());
                } else if constexpr (std::is_same_v<E, edits::add_forum<typename Traits::forum_type>>)
                    x.forums.push_back(std::get<forum_id>(*r.element).index());
                else if constexpr (std::is_same_v<E, edits::grant>) holding_dirt(v.actor, v.mandate, x);
                else if constexpr (std::is_same_v<E, edits::delegate>) {
                    delegation_dirt(v.from, v.to, v.mandate, x);
                    if (r.delegation) x.new_delegations.push_back(*r.delegation);
                } else if constexpr (std::is_same_v<E, edits::assign> || std::is_same_v<E, edits::reassign>)
                    performer_dirt(v.actor, v.duty, x);
                else if constexpr (std::is_same_v<E, edits::require> || std::is_same_v<E, edits::unrequire>) {
                    x.duties.push_back(v.duty.index());
                    x.mandates.push_back(v.mandate.index());
                    forums_covering(v.duty, x);
                } else if constexpr (std::is_same_v<E, edits::need>) need_dirt(v.duty, v.needed, x);
                else if constexpr (std::is_same_v<E, edits::add_member>) {
                    pairs_with_forum(v.actor, v.forum, x);
                    x.actors.push_back(v.actor.index());
                } else if constexpr (std::is_same_v<E, edits::remove_member>) x.actors.push_back(v.actor.index());
                else if constexpr (std::is_same_v<E, edits::set_coordinator> ||
                                   std::is_same_v<E, edits::clear_coordinator>)
                    coordinator_dirt(v.forum, x);
                else if constexpr (std::is_same_v<E, edits::cover> || std::is_same_v<E, edits::uncover>)
                    x.forums.push_back(v.forum.index());
                else if constexpr (std::is_same_v<E, edits::place_duty>) place_dirt(v.duty, x);
                else if constexpr (std::is_same_v<E, edits::place_forum> || std::is_same_v<E, edits::remove> ||
                                   std::is_same_v<E, edits::revoke> || std::is_same_v<E, edits::undelegate> ||
                                   std::is_same_v<E, edits::set_holding_reach> ||
                                   std::is_same_v<E, edits::set_delegation_reach> ||
                                   std::is_same_v<E, edits::unassign> || std::is_same_v<E, edits::unneed>) {
                    // before() has it all (place_forum: no rule reads a forum's scope)
                } else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::stage_type>>) {
                    // the first stage changes how stage-less placements are worded ("at every stage")
                    if (m_.template count<stage_id>() == 1) x.everything = true;
                    else stage_order_dirt(x);
                } else if constexpr (std::is_same_v<E, edits::order> || std::is_same_v<E, edits::unorder>) {
                    stage_order_dirt(x); // only stage-order reads the order of stages
                } else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::scope_type>>) {
                    x.scopes = true; // a new root scope: no holding, duty or forum names it yet
                } else if constexpr (detail::is_update_edit<E>::value) {
                    update_dirt(v.id, x);
                } else {
                    // the nesting of scopes (every capability and delegation that crosses it), rename (the
                    // id text orders findings and witnesses of every family): everything
                    x.everything = true;
                }
            },
            e);
    }

    // An update that keeps the id text and the name (they appear in messages and order): only the fields a
    // rule reads matter, a duty's `optional` (its assignment rules) and a mandate's `exclusive` and
    // `delegable` (its holdings, the duties requiring it); no built-in rule reads other fields.
    template <class Id>
    void update_dirt(Id id, dirt& x) {
        if (x.name_before != key_text(id)) {
            x.everything = true;
            return;
        }
        if constexpr (std::is_same_v<Id, duty_id>) x.duties.push_back(id.index());
        else if constexpr (std::is_same_v<Id, mandate_id>) {
            x.rederive.push_back(id.index());
            x.mandates.push_back(id.index());
            requiring(id, x);
        }
    }
    template <class Id>
    std::string key_text(Id id) const {
        std::string k{m_[id].id};
        k += '\n';
        k += m_.name_of(id);
        return k;
    }
    void stage_order_dirt(dirt& x) const {
        x.stages = true;
        for (duty_id d : m_.duties())
            if (!detail::is_empty(m_.needs(d))) x.order_duties.push_back(d.index());
    }

    void need_dirt(duty_id d, duty_id needed, dirt& x) {
        x.order_duties.push_back(d.index()); // stage-order
        x.cycles = true;
        scratch_.clear();
        append_performers(m_, d, scratch_);
        std::vector<performer> others;
        append_performers(m_, needed, others);
        for (auto const& p : scratch_)
            for (auto const& q : others) add_pair(p.actor, q.actor, x);
    }
    void coordinator_dirt(forum_id f, dirt& x) const {
        x.forums.push_back(f.index());
        if (auto c = m_.coordinator(f)) {
            x.actors.push_back(c->index());
            pairs_with_forum(*c, f, x);
        }
    }
    void place_dirt(duty_id d, dirt& x) const {
        x.duty_facts.push_back(d.index());
        duty_and_neighbours(d, x);
        forums_covering(d, x);
    }

    void removing(actor_id a, dirt& x) {
        x.actors.push_back(a.index());
        x.actors_gone.push_back(a.index());
        for (auto const& r : m_.raci_of(a)) {
            x.duties.push_back(r.duty.index());
            x.duty_facts.push_back(r.duty.index());
        }
        for (holding_id h : m_.holdings_of(a)) holding_dirt(a, m_.holding(h).mandate, x);
        for (delegation_id g : m_.delegations_from(a)) {
            auto const v = m_.delegation(g);
            delegation_dirt(v.from, v.to, v.mandate, x);
        }
        for (delegation_id g : m_.delegations_to(a)) {
            auto const v = m_.delegation(g);
            delegation_dirt(v.from, v.to, v.mandate, x);
        }
        for (forum_id f : m_.forums()) // its coordinator link goes
            if (m_.coordinator(f) == std::optional{a}) x.forums.push_back(f.index());
    }
    void removing(duty_id d, dirt& x) {
        x.duties.push_back(d.index());
        x.duty_facts.push_back(d.index());
        x.order_duties.push_back(d.index());
        for (duty_id p : m_.needed_by(d)) x.order_duties.push_back(p.index());
        for (mandate_id r : m_.required_mandates(d)) x.mandates.push_back(r.index());
        forums_covering(d, x);
        x.cycles = true;
        for (auto const& r : m_.raci_of(d)) {
            x.actors.push_back(r.actor.index());
            pairs_around(r.actor, d, x);
        }
    }
    void removing(forum_id f, dirt& x) {
        x.forums.push_back(f.index());
        for (actor_id a : m_.members(f)) x.actors.push_back(a.index());
        if (auto c = m_.coordinator(f)) x.actors.push_back(c->index());
        pairs_in_forum(f, x);
    }
    void removing(mandate_id, dirt& x) { x.everything = true; }
    void removing(stage_id, dirt& x) { x.everything = true; }
    void removing(scope_id, dirt& x) { x.everything = true; }

    // ---- re-examining units ------------------------------------------------------------------------------

    using unit_map = std::unordered_map<std::uint32_t, std::vector<finding>>;

    void duty_findings(duty_id d, std::vector<finding>& out) {
        auto const first = out.size();
        scratch_.clear();
        append_performers(m_, d, scratch_);
        detail::assignment_rules_of(m_, scratch_, opts_, d, responsible_, accountable_, out);
        note_unmet(d, scratch_);
        if (mandate_rules_on())
            detail::mandate_rules_of(m_, *cap_, scratch_, placement{m_.stage_of(d), m_.scope_of(d)}, opts_, d,
                                     mandate_scratch_, out);
        freeze(out, first);
    }
    void order_findings(duty_id d, std::vector<finding>& out) {
        auto const first = out.size();
        if (stage_order_on()) detail::stage_order_of(m_, *stages_, opts_, d, out);
        freeze(out, first);
    }
    void forum_findings(forum_id f, std::vector<finding>& out) {
        auto const first = out.size();
        detail::forum_rules_of(m_, *cap_, opts_, f, mandates_, out);
        freeze(out, first);
    }
    void actor_findings(actor_id a, std::vector<finding>& out) {
        bool coordinates = false;
        if (opts_.enabled(rule_id::idle_actor) && is_idle_candidate(a))
            for (forum_id f : m_.forums())
                if (m_.coordinator(f) == std::optional{a}) {
                    coordinates = true;
                    break;
                }
        auto const first = out.size();
        detail::idle_actor_of(m_, opts_, a, coordinates, out);
        freeze(out, first);
    }
    bool is_idle_candidate(actor_id a) const {
        return detail::is_empty(m_.raci_of(a)) && detail::is_empty(m_.forums_of(a)) &&
               detail::is_empty(m_.holdings_of(a)) && detail::is_empty(m_.delegations_from(a)) &&
               detail::is_empty(m_.delegations_to(a));
    }
    void mandate_findings(mandate_id x, std::vector<finding>& out) {
        auto const first = out.size();
        detail::unused_mandate_of(m_, opts_, x, out);
        freeze(out, first);
    }
    void exclusive_findings(mandate_id x, std::vector<finding>& out) {
        auto const first = out.size();
        if (static_cast<bool>(m_[x].exclusive)) detail::exclusive_overlap_rule(m_, opts_, out, x);
        freeze(out, first);
    }
    void delegation_findings(mandate_id x, std::vector<finding>& out) {
        auto const first = out.size();
        if (!cap_->derived().of(x).delegations().empty()) detail::delegation_rules(m_, *cap_, opts_, out, x);
        freeze(out, first);
    }
    void run_user_rules(std::vector<finding>& out) {
        auto const first = out.size();
        std::apply([&](auto const&... r) { (detail::run_user_rule(r, m_, *cap_, out), ...); }, rules_);
        freeze(out, first);
    }
    // Findings keep the message of the model state they were found in (freeze_messages): a delta's removed
    // findings are written after the edit, and a finding whose text changed must leave and come back.
    void freeze(std::vector<finding>& out, std::size_t first) const {
        freeze_messages(m_, std::span<finding>{out}.subspan(first));
    }

    bool mandate_rules_on() const {
        return opts_.enabled(rule_id::mandate_missing) || opts_.enabled(rule_id::mandate_unheld) ||
               opts_.enabled(rule_id::accountable_without_mandate) ||
               opts_.enabled(rule_id::responsible_without_mandate);
    }
    bool stage_order_on() const { return opts_.enabled(rule_id::stage_order) && m_.template count<stage_id>() > 1; }

    // whether actor `x` works (R or A) on duty d
    bool performs(actor_id x, duty_id d) const {
        for (auto const& r : m_.raci_of(d))
            if (r.actor == x && (r.role == raci::responsible || r.role == raci::accountable)) return true;
        return false;
    }
    bool share_forum(actor_id a, actor_id b) const {
        auto const in = [&](forum_id f, actor_id who) {
            if (m_.coordinator(f) == std::optional{who}) return true;
            for (actor_id y : m_.members(f))
                if (y == who) return true;
            return false;
        };
        for (forum_id f : m_.forums_of(a))
            if (in(f, b)) return true;
        for (forum_id f : m_.forums_of(b))
            if (in(f, a)) return true;
        for (std::uint32_t f : coordinated(a))
            if (in(forum_id{f}, b)) return true;
        return false;
    }
    std::vector<std::uint32_t> coordinated(actor_id a) const {
        std::vector<std::uint32_t> out;
        for (forum_id f : m_.forums())
            if (m_.coordinator(f) == std::optional{a}) out.push_back(f.index());
        return out;
    }
    // the coordination-gap finding of the pair, if any
    std::optional<finding> gap_of(pair_key k) {
        actor_id a{k.first}, b{k.second};
        if (!m_.contains(a) || !m_.contains(b)) return std::nullopt;
        // walk the duties of the actor with fewer RACI entries
        auto const entries = [&](actor_id x) {
            std::size_t n = 0;
            for (auto const& r : m_.raci_of(x)) n += (r.role == raci::responsible || r.role == raci::accountable);
            return n;
        };
        if (entries(b) < entries(a)) std::swap(a, b);
        std::vector<duty_id> duties;
        for (auto const& r : m_.raci_of(a)) {
            if (r.role != raci::responsible && r.role != raci::accountable) continue;
            duty_id const d = r.duty;
            if (performs(b, d)) duties.push_back(d);
            for (duty_id e : m_.needs(d))
                if (performs(b, e)) {
                    duties.push_back(d);
                    duties.push_back(e);
                }
            for (duty_id p : m_.needed_by(d))
                if (performs(b, p)) {
                    duties.push_back(p);
                    duties.push_back(d);
                }
        }
        if (duties.empty()) return std::nullopt;
        if (share_forum(a, b)) return std::nullopt;
        std::sort(duties.begin(), duties.end());
        duties.erase(std::unique(duties.begin(), duties.end()), duties.end());
        auto f = detail::coordination_gap_finding(m_, opts_, a, b, duties);
        f.message = message(m_, f);
        return f;
    }

    static void unique(std::vector<std::uint32_t>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    template <class Id, class Fn>
    void redo(unit_map& units, std::vector<std::uint32_t>& which, Fn const& fn, std::vector<finding>& old_f,
              std::vector<finding>& new_f) {
        unique(which);
        for (auto i : which) {
            if (auto it = units.find(i); it != units.end()) {
                for (auto& f : it->second) old_f.push_back(std::move(f));
                units.erase(it);
            }
            if (!m_.contains(Id{i})) continue;
            std::vector<finding> fresh;
            fn(Id{i}, fresh);
            if (fresh.empty()) continue;
            new_f.insert(new_f.end(), fresh.begin(), fresh.end());
            units.emplace(i, std::move(fresh));
        }
    }
    void redo_family(std::vector<finding>& family, std::vector<finding> fresh, std::vector<finding>& old_f,
                     std::vector<finding>& new_f) {
        for (auto& f : family) old_f.push_back(std::move(f));
        new_f.insert(new_f.end(), fresh.begin(), fresh.end());
        family = std::move(fresh);
    }

    finding_delta refresh(dirt& x) {
        if (x.everything) {
            auto const old = std::move(report_.findings);
            rebuild();
            return difference(old, report_.findings);
        }
        // the capability index first: the duties' performers and placements, then each edited mandate's
        // holdings (and its delegations' validity), derived again on their own
        unique(x.duty_facts);
        for (auto i : x.duty_facts) cap_->refresh_duty(m_, duty_id{i});
        unique(x.rederive);
        for (auto i : x.rederive) {
            auto const before = cap_->rederive(m_, mandate_id{i}, x.new_delegations);
            if (m_.contains(mandate_id{i})) affected_duties(mandate_id{i}, before, x);
        }
        if (x.scopes) cap_->refresh_scopes(m_);
        if (x.stages) stages_.emplace(m_);
        std::vector<finding> old_f, new_f;
        for (auto i : x.duties)
            if (!m_.contains(duty_id{i})) forget_unmet(i);
        redo<duty_id>(
            duty_units_, x.duties, [this](duty_id d, auto& out) { duty_findings(d, out); }, old_f, new_f);
        redo<duty_id>(
            order_units_, x.order_duties, [this](duty_id d, auto& out) { order_findings(d, out); }, old_f, new_f);
        redo<forum_id>(
            forum_units_, x.forums, [this](forum_id f, auto& out) { forum_findings(f, out); }, old_f, new_f);
        redo<actor_id>(
            actor_units_, x.actors, [this](actor_id a, auto& out) { actor_findings(a, out); }, old_f, new_f);
        redo<mandate_id>(
            mandate_units_, x.mandates, [this](mandate_id m, auto& out) { mandate_findings(m, out); }, old_f, new_f);
        if (opts_.enabled(rule_id::coordination_gap)) {
            unique(x.actors_gone);
            for (auto it = gaps_.begin(); it != gaps_.end();) {
                if (std::binary_search(x.actors_gone.begin(), x.actors_gone.end(), it->first.first) ||
                    std::binary_search(x.actors_gone.begin(), x.actors_gone.end(), it->first.second)) {
                    old_f.push_back(std::move(it->second));
                    it = gaps_.erase(it);
                } else {
                    ++it;
                }
            }
            std::sort(x.pairs.begin(), x.pairs.end());
            x.pairs.erase(std::unique(x.pairs.begin(), x.pairs.end()), x.pairs.end());
            for (auto const& k : x.pairs) {
                if (auto it = gaps_.find(k); it != gaps_.end()) {
                    old_f.push_back(std::move(it->second));
                    gaps_.erase(it);
                }
                if (auto g = gap_of(k)) {
                    new_f.push_back(*g);
                    gaps_.emplace(k, std::move(*g));
                }
            }
        }
        // exclusive-overlap and the delegation rules: every finding lies within one mandate
        auto again = x.rederive;
        redo<mandate_id>(
            exclusive_units_, again, [this](mandate_id i, auto& out) { exclusive_findings(i, out); }, old_f, new_f);
        redo<mandate_id>(
            delegation_units_, x.rederive, [this](mandate_id i, auto& out) { delegation_findings(i, out); }, old_f,
            new_f);
        if (x.cycles) {
            std::vector<finding> fresh;
            detail::dependency_cycle_rule(m_, opts_, fresh);
            freeze(fresh, 0);
            redo_family(cycles_, std::move(fresh), old_f, new_f);
        }
        if constexpr (sizeof...(Rules) > 0) { // user rules: run whole on every edit (they may read anything)
            std::vector<finding> fresh;
            run_user_rules(fresh);
            redo_family(user_, std::move(fresh), old_f, new_f);
        }
        auto delta = difference(std::move(old_f), std::move(new_f));
        apply_delta(delta);
        if (m_.has_name()) report_.model = m_.name();
        else report_.model.reset();
        return delta;
    }

    // old and new findings of the re-examined units -> what left and what came, each in report order
    finding_delta difference(std::vector<finding> old_f, std::vector<finding> new_f) const {
        sort_findings(m_, old_f);
        sort_findings(m_, new_f);
        finding_delta out;
        std::size_t i = 0, j = 0;
        while (i < old_f.size() || j < new_f.size()) {
            if (j == new_f.size()) out.removed.push_back(std::move(old_f[i++]));
            else if (i == old_f.size()) out.added.push_back(std::move(new_f[j++]));
            else {
                auto const c = compare_findings(m_, old_f[i], new_f[j]);
                if (c < 0) out.removed.push_back(std::move(old_f[i++]));
                else if (c > 0) out.added.push_back(std::move(new_f[j++]));
                else if (old_f[i] == new_f[j]) ++i, ++j;
                else {
                    out.removed.push_back(std::move(old_f[i++]));
                    out.added.push_back(std::move(new_f[j++]));
                }
            }
        }
        return out;
    }

    void apply_delta(finding_delta const& delta) {
        auto& all = report_.findings;
        auto const less = [this](finding const& a, finding const& b) { return compare_findings(m_, a, b) < 0; };
        for (auto const& f : delta.removed) {
            auto it = std::lower_bound(all.begin(), all.end(), f, less);
            while (it != all.end() && !(*it == f)) ++it;
            if (it != all.end()) all.erase(it);
        }
        for (auto const& f : delta.added) all.insert(std::upper_bound(all.begin(), all.end(), f, less), f);
    }

    // the whole audit, kept per unit
    void rebuild() {
        cap_.emplace(m_);
        stages_.emplace(m_);
        duty_units_.clear();
        order_units_.clear();
        unmet_.clear();
        unmet_of_duty_.clear();
        forum_units_.clear();
        actor_units_.clear();
        mandate_units_.clear();
        exclusive_units_.clear();
        delegation_units_.clear();
        gaps_.clear();
        std::vector<finding> all, part;
        auto const keep = [&](unit_map& units, std::uint32_t i) {
            if (part.empty()) return;
            all.insert(all.end(), part.begin(), part.end());
            units.emplace(i, std::move(part));
            part.clear();
        };
        for (duty_id d : m_.duties()) {
            duty_findings(d, part);
            keep(duty_units_, d.index());
            order_findings(d, part);
            keep(order_units_, d.index());
        }
        for (forum_id f : m_.forums()) {
            forum_findings(f, part);
            keep(forum_units_, f.index());
        }
        for (actor_id a : m_.actors()) {
            actor_findings(a, part);
            keep(actor_units_, a.index());
        }
        for (mandate_id x : m_.mandates()) {
            mandate_findings(x, part);
            keep(mandate_units_, x.index());
            exclusive_findings(x, part);
            keep(exclusive_units_, x.index());
            delegation_findings(x, part);
            keep(delegation_units_, x.index());
        }
        if (opts_.enabled(rule_id::coordination_gap)) {
            detail::coordination_gap_rule(m_, cap_->all_performers(), opts_, part);
            freeze(part, 0);
            for (auto& f : part) {
                auto const& refs = std::get<ref_list>(*f.subject(key_id::actors));
                auto const a = std::get<actor_id>(*refs[0]).index(), b = std::get<actor_id>(*refs[1]).index();
                all.push_back(f);
                gaps_.emplace(pair_key{std::min(a, b), std::max(a, b)}, std::move(f));
            }
            part.clear();
        }
        cycles_.clear();
        detail::dependency_cycle_rule(m_, opts_, cycles_);
        freeze(cycles_, 0);
        all.insert(all.end(), cycles_.begin(), cycles_.end());
        user_.clear();
        if constexpr (sizeof...(Rules) > 0) {
            run_user_rules(user_);
            all.insert(all.end(), user_.begin(), user_.end());
        }
        sort_findings(m_, all);
        report_ = {};
        if (m_.has_name()) report_.model = m_.name();
        report_.findings = std::move(all);
    }

    model_type m_;
    audit_options opts_;
    samverkan::report report_;
    std::optional<capability_index> cap_;
    std::optional<stage_order> stages_;
    std::tuple<Rules...> rules_;
    unit_map duty_units_, order_units_, forum_units_, actor_units_, mandate_units_, exclusive_units_, delegation_units_;
    std::map<pair_key, finding> gaps_;
    std::vector<finding> cycles_, user_;
    // scratch
    std::vector<performer> scratch_;
    std::vector<actor_id> changed_actors_;
    std::vector<effective_holding> changed_origins_;
    std::set<std::pair<std::uint32_t, std::uint32_t>> unmet_; // (mandate, duty): no performer capable
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> unmet_of_duty_;
    std::vector<actor_id> responsible_, accountable_;
    detail::mandate_scratch mandate_scratch_;
    std::vector<mandate_id> mandates_;
};

template <class Traits>
incremental_audit(basic_model<Traits>) -> incremental_audit<Traits>;
template <class Traits, class... Rules>
incremental_audit(basic_model<Traits>, audit_options, Rules...) -> incremental_audit<Traits, Rules...>;

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_INCREMENTAL_AUDIT_HPP
