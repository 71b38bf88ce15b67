// Internals of the robustness analyses (resilience.hpp): the delegation graph of every mandate as a static
// structure, and a least-fixpoint solver that re-derives holdings on a small region of it.
//
// mandate_graph. A node is an (actor, mandate) pair that occurs in a holding or at either end of a
// delegation; delegations never cross mandates, so each mandate's nodes form a graph of their own. The edges
// are the delegations that can ever confer anything: a delegation of a non-delegable mandate, or to oneself,
// is invalid in every model and is left out. Identical bare delegations are one edge. A node keeps its
// direct holdings. Withdrawing actors only removes nodes (and so edges and holdings), so every analysis is a
// question about this one graph with some nodes gone.
//
// flow_solver. Model-format.md's semantics on a region of one mandate's graph: origins (a direct holding,
// a boundary origin fed in from outside, or the grant of an explicit delegation that has become valid) are
// taken one at a time from a work list; each is pushed along bare edges by a depth-first search inside the
// region, and at every node it reaches it is offered to the pending explicit delegations leaving the node
// (detail::grant_progress of delegation_validity.hpp, the check the capability index runs), which append their grant
// to the work list once every flag is set. Two uses:
//   - the ancestors of some target nodes (closed under predecessors): then the result at the targets is
//     exactly the capability of withdraw(M, W) when the nodes of W's actors are left out;
//   - the nodes downstream of a withdrawn actor, with the unchanged holdings of their other predecessors
//     fed in as boundary origins: the new holdings of exactly the nodes whose holdings can change.
// With `track` on it also records how each origin reached each node, so that proof() can name a set of
// actors whose presence alone keeps a target capable (the actors of one derivation).
// Cost: O(region + origins x (reached nodes + explicit edges left)) per run; scratch arrays are sized to the
// whole graph once and reset by epoch stamps, so a run allocates nothing once warmed up.
#ifndef SAMVERKAN_ANALYSIS_MANDATE_FLOW_HPP
#define SAMVERKAN_ANALYSIS_MANDATE_FLOW_HPP

#include <samverkan/analysis/delegation_validity.hpp>
#include <samverkan/detail/counting_sort.hpp>
#include <samverkan/detail/optional_index.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/scope_tree.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace samverkan::detail {

inline constexpr std::uint32_t flow_none = npos; // none: everywhere, or no stage

/// A reach: scope (flow_none: everywhere) and sorted stages in a pool (count 0: every stage).
struct flow_reach {
    std::uint32_t scope = flow_none;
    std::uint32_t stage_begin = 0;
    std::uint32_t stage_count = 0;
};

class mandate_graph {
public:
    struct edge {
        std::uint32_t from, to;
        bool explicit_grant;
        flow_reach grant;         // for an explicit grant
        std::uint32_t delegation; // the first delegation of the model it stands for
    };

    mandate_graph() = default;

    template <class Traits>
    explicit mandate_graph(basic_model<Traits> const& m) : tree_{m} {
        auto const n_actors = m.template id_bound<actor_id>(); // by index: removed actors have no nodes
        std::vector<std::uint64_t> keys;
        keys.reserve(m.holdings().size() + 2 * m.delegations().size());
        for (holding_id h : m.holdings()) {
            auto const v = m.holding(h);
            keys.push_back(key(v.actor.index(), v.mandate.index()));
        }
        for (delegation_id d : m.delegations()) {
            auto const v = m.delegation(d);
            keys.push_back(key(v.from.index(), v.mandate.index()));
            keys.push_back(key(v.to.index(), v.mandate.index()));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        auto const n = static_cast<std::uint32_t>(keys.size());
        node_actor_.resize(n);
        node_mandate_.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            node_actor_[i] = static_cast<std::uint32_t>(keys[i] >> 32);
            node_mandate_[i] = static_cast<std::uint32_t>(keys[i] & 0xffffffffU);
        }
        actor_node_begin_ = group_offsets(n_actors, node_actor_, [](std::uint32_t a) { return a; });

        // direct holdings per node (counting sort, listing order kept)
        counting_sort(
            n, m.holdings(),
            [&](holding_id h) {
                auto const v = m.holding(h);
                return *node(v.actor, v.mandate);
            },
            [&](holding_id h) { return make_reach(m.holding(h).where); }, holding_begin_, holdings_);

        // edges: delegations that can confer; identical bare ones once
        std::vector<std::pair<std::uint64_t, std::uint32_t>> bare_seen; // ((from, to), delegation)
        for (delegation_id d : m.delegations()) {
            auto const v = m.delegation(d);
            if (!m[v.mandate].delegable || v.from == v.to) continue;
            auto const from = *node(v.from, v.mandate);
            auto const to = *node(v.to, v.mandate);
            if (!v.explicit_grant()) {
                bare_seen.emplace_back((std::uint64_t{from} << 32) | to, d.index());
                continue;
            }
            edges_.push_back({from, to, true, make_reach(v.where), d.index()});
        }
        std::sort(bare_seen.begin(), bare_seen.end());
        for (std::size_t i = 0; i < bare_seen.size(); ++i)
            if (i == 0 || bare_seen[i].first != bare_seen[i - 1].first)
                edges_.push_back({static_cast<std::uint32_t>(bare_seen[i].first >> 32),
                                  static_cast<std::uint32_t>(bare_seen[i].first & 0xffffffffU),
                                  false,
                                  {},
                                  bare_seen[i].second});
        // keep a deterministic order: by (from, to, delegation)
        std::sort(edges_.begin(), edges_.end(), [](edge const& a, edge const& b) {
            return a.from != b.from ? a.from < b.from : a.to != b.to ? a.to < b.to : a.delegation < b.delegation;
        });
        out_begin_ = group_offsets(n, edges_, [](edge const& e) { return e.from; });
        counting_sort(
            n, indices{edges_.size()}, [this](std::uint32_t i) { return edges_[i].to; },
            [](std::uint32_t i) { return i; }, in_begin_, in_edges_);
    }

    [[nodiscard]] std::uint32_t node_count() const noexcept { return static_cast<std::uint32_t>(node_actor_.size()); }
    [[nodiscard]] std::uint32_t edge_count() const noexcept { return static_cast<std::uint32_t>(edges_.size()); }

    /// The node of (a, x), if any. O(log of a's mandates).
    [[nodiscard]] std::optional<std::uint32_t> node(actor_id a, mandate_id x) const noexcept {
        if (a.index() + 1 >= actor_node_begin_.size()) return std::nullopt;
        auto const first = node_mandate_.begin() + actor_node_begin_[a.index()];
        auto const last = node_mandate_.begin() + actor_node_begin_[a.index() + 1];
        auto const it = std::lower_bound(first, last, x.index());
        if (it == last || *it != x.index()) return std::nullopt;
        return static_cast<std::uint32_t>(it - node_mandate_.begin());
    }
    /// The nodes of actor a (one per mandate it holds or delegates or receives), by mandate.
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> nodes_of(actor_id a) const noexcept {
        return {actor_node_begin_[a.index()], actor_node_begin_[a.index() + 1]};
    }
    [[nodiscard]] actor_id actor_of(std::uint32_t n) const noexcept { return actor_id{node_actor_[n]}; }
    [[nodiscard]] mandate_id mandate_of(std::uint32_t n) const noexcept { return mandate_id{node_mandate_[n]}; }

    [[nodiscard]] std::span<flow_reach const> holdings(std::uint32_t n) const noexcept {
        return std::span<flow_reach const>{holdings_}.subspan(holding_begin_[n],
                                                              holding_begin_[n + 1] - holding_begin_[n]);
    }
    /// Edge indices leaving n (sorted by target), and entering n.
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> out_edges(std::uint32_t n) const noexcept {
        return {out_begin_[n], out_begin_[n + 1]};
    }
    [[nodiscard]] std::span<std::uint32_t const> in_edges(std::uint32_t n) const noexcept {
        return std::span<std::uint32_t const>{in_edges_}.subspan(in_begin_[n], in_begin_[n + 1] - in_begin_[n]);
    }
    [[nodiscard]] edge const& edge_at(std::uint32_t i) const noexcept { return edges_[i]; }

    [[nodiscard]] std::span<std::uint32_t const> stages(flow_reach const& r) const noexcept {
        return std::span<std::uint32_t const>{pool_}.subspan(r.stage_begin, r.stage_count);
    }
    /// Whether reach r covers placement (scope, stage) (flow_none: everywhere / stage-independent).
    [[nodiscard]] bool covers(flow_reach const& r, std::uint32_t scope, std::uint32_t stage) const noexcept {
        if (!covers_scope(r.scope, scope)) return false;
        if (r.stage_count == 0) return true;
        if (stage == flow_none) return false;
        auto const s = stages(r);
        return std::binary_search(s.begin(), s.end(), stage);
    }
    /// The scope cover relation the graph was built with.
    [[nodiscard]] scope_tree const& tree() const noexcept { return tree_; }
    [[nodiscard]] bool covers_scope(std::uint32_t outer, std::uint32_t inner) const noexcept {
        return tree_.covers(id_or_none<scope_id>(outer), id_or_none<scope_id>(inner));
    }
    /// A reach from the model's view (for boundary origins taken from a capability index).
    [[nodiscard]] flow_reach make_reach(std::optional<scope_id> scope, std::span<stage_id const> stages) {
        flow_reach r{index_or_npos(scope), static_cast<std::uint32_t>(pool_.size()),
                     static_cast<std::uint32_t>(stages.size())};
        for (stage_id s : stages) pool_.push_back(s.index()); // already sorted and unique
        return r;
    }
    [[nodiscard]] flow_reach make_reach(reach_view const& v) { return make_reach(v.scope, v.stages); }
    /// Drops reaches made after `mark` (pool_size() before them): boundary origins are temporary.
    [[nodiscard]] std::size_t pool_size() const noexcept { return pool_.size(); }
    void truncate_pool(std::size_t mark) { pool_.resize(mark); }

private:
    static std::uint64_t key(std::uint32_t actor, std::uint32_t mandate) noexcept {
        return (std::uint64_t{actor} << 32) | mandate;
    }

    scope_tree tree_;
    std::vector<std::uint32_t> actor_node_begin_, node_actor_, node_mandate_;
    std::vector<std::uint32_t> holding_begin_;
    std::vector<flow_reach> holdings_;
    std::vector<edge> edges_;
    std::vector<std::uint32_t> out_begin_, in_begin_, in_edges_;
    std::vector<std::uint32_t> pool_;
};

/// The least fixpoint on a region of one mandate's graph (see the top of this header).
class flow_solver {
public:
    explicit flow_solver(mandate_graph const& g)
        : g_{&g},
          region_(g.node_count(), 0),
          seen_(g.node_count(), 0),
          head_(g.node_count(), flow_none),
          pending_at_(g.edge_count(), 0),
          pending_index_(g.edge_count(), 0) {}

    /// Starts a new run: empty region, no origins.
    void begin() {
        ++epoch_;
        if (epoch_ == 0) { // wrapped: clear the stamps once every 2^32 runs
            std::fill(region_.begin(), region_.end(), 0);
            std::fill(pending_at_.begin(), pending_at_.end(), 0);
            epoch_ = 1;
        }
        nodes_.clear();
        items_.clear();
        arrivals_.clear();
        pending_.clear();
        slots_.clear();
        seeds_.clear();
    }
    void add(std::uint32_t n) {
        if (region_[n] == epoch_) return;
        region_[n] = epoch_;
        head_[n] = flow_none;
        nodes_.push_back(n);
    }
    [[nodiscard]] bool in_region(std::uint32_t n) const noexcept { return region_[n] == epoch_; }
    [[nodiscard]] std::span<std::uint32_t const> region() const noexcept { return nodes_; }

    /// Adds the targets and all their predecessors, leaving out the nodes for which `removed(node)` holds.
    template <class Removed>
    void add_ancestors(std::span<std::uint32_t const> targets, Removed const& removed) {
        auto first = nodes_.size();
        for (auto t : targets)
            if (!removed(t)) add(t);
        for (; first < nodes_.size(); ++first) {
            auto const v = nodes_[first];
            for (auto e : g_->in_edges(v)) {
                auto const u = g_->edge_at(e).from;
                if (!in_region(u) && !removed(u)) add(u);
            }
        }
    }

    /// An origin that arrives at region node n from outside (a boundary origin).
    void seed(std::uint32_t n, flow_reach r) { seeds_.emplace_back(n, r); }

    /// Runs the fixpoint: direct holdings of the region's nodes, then the seeds, then grants as they become
    /// valid. With `track`, proof() can be asked afterwards.
    void run(bool track) {
        track_ = track;
        for (auto n : nodes_)
            for (auto const& h : g_->holdings(n)) items_.push_back({h, n, flow_none, 0, 0, 0, 0});
        for (auto const& [n, r] : seeds_) items_.push_back({r, n, flow_none, 0, 0, 0, 0});
        for (std::uint32_t i = 0; i < items_.size(); ++i) spread(i);
    }

    /// The first origin held by n that covers (scope, stage), or flow_none.
    [[nodiscard]] std::uint32_t covering(std::uint32_t n, std::uint32_t scope, std::uint32_t stage) const noexcept {
        if (!in_region(n)) return flow_none;
        std::uint32_t best = flow_none;
        for (auto a = head_[n]; a != flow_none; a = arrivals_[a].next)
            if (g_->covers(items_[arrivals_[a].item].reach, scope, stage))
                best = std::min(best, arrivals_[a].item); // the earliest origin: shortest derivations first
        return best;
    }
    /// Whether n holds anything at all.
    [[nodiscard]] bool holds_any(std::uint32_t n) const noexcept { return in_region(n) && head_[n] != flow_none; }
    /// Calls f(flow_reach) for every origin n holds.
    template <class F>
    void for_each_origin(std::uint32_t n, F const& f) const {
        if (!in_region(n)) return;
        for (auto a = head_[n]; a != flow_none; a = arrivals_[a].next) f(items_[arrivals_[a].item].reach);
    }

    /// Appends to `out` the actors of one derivation of `origin` (as covering() returns it) at node `n`
    /// (run with track).
    void proof(std::uint32_t origin, std::uint32_t n, std::vector<actor_id>& out) const {
        // the path from the origin's owner to n, along the recorded predecessors
        auto const& it = items_[origin];
        for (auto v = n;;) {
            out.push_back(g_->actor_of(v));
            if (v == it.owner) break;
            std::uint32_t pred = flow_none;
            for (auto a = it.arrival_begin; a < it.arrival_end; ++a)
                if (arrivals_[a].node == v) {
                    pred = arrivals_[a].pred;
                    break;
                }
            if (pred == flow_none) break;
            v = pred;
        }
        if (it.edge == flow_none) return;
        out.push_back(g_->actor_of(g_->edge_at(it.edge).from));
        for (auto s = it.slot_begin; s < it.slot_begin + it.slot_count; ++s)
            proof(slots_[s].first, g_->edge_at(it.edge).from, out);
    }

private:
    struct item {
        flow_reach reach;
        std::uint32_t owner;
        std::uint32_t edge; // the explicit delegation whose grant it is, or flow_none
        std::uint32_t slot_begin, slot_count;
        std::uint32_t arrival_begin, arrival_end;
    };
    struct arrival {
        std::uint32_t node, item, pred, next;
    };
    struct pending {
        std::uint32_t edge, slot_begin, slot_count;
        detail::grant_progress progress;
        bool done;
    };

    void spread(std::uint32_t i) {
        items_[i].arrival_begin = static_cast<std::uint32_t>(arrivals_.size());
        std::uint32_t const stamp = ++seen_epoch_;
        if (stamp == 0) {
            std::fill(seen_.begin(), seen_.end(), 0);
            seen_epoch_ = 1;
        }
        auto const mark = seen_epoch_;
        stack_.clear();
        stack_.emplace_back(items_[i].owner, flow_none);
        seen_[items_[i].owner] = mark;
        while (!stack_.empty()) {
            auto const [x, pred] = stack_.back();
            stack_.pop_back();
            arrivals_.push_back({x, i, track_ ? pred : flow_none, head_[x]});
            head_[x] = static_cast<std::uint32_t>(arrivals_.size() - 1);
            auto const [eb, ee] = g_->out_edges(x);
            for (auto e = eb; e < ee; ++e) {
                auto const& ed = g_->edge_at(e);
                if (!in_region(ed.to)) continue;
                if (!ed.explicit_grant) {
                    if (seen_[ed.to] != mark) {
                        seen_[ed.to] = mark;
                        stack_.emplace_back(ed.to, x);
                    }
                    continue;
                }
                offer(i, x, e);
            }
        }
        items_[i].arrival_end = static_cast<std::uint32_t>(arrivals_.size());
    }

    // Offers origin i, held at node x, to the explicit delegation e leaving x (precise reading 2).
    void offer(std::uint32_t i, std::uint32_t x, std::uint32_t e) {
        auto const& ed = g_->edge_at(e);
        if (pending_at_[e] != epoch_) {
            pending_at_[e] = epoch_;
            pending_index_[e] = static_cast<std::uint32_t>(pending_.size());
            auto const progress = detail::grant_progress::start(ed.grant.stage_count);
            auto const count = progress.remaining;
            pending_.push_back({e, static_cast<std::uint32_t>(slots_.size()), count, progress, false});
            slots_.resize(slots_.size() + count, {flow_none, flow_none});
        }
        auto& p = pending_[pending_index_[e]];
        if (p.done) return;
        flow_reach const r = items_[i].reach; // copy: items_ may grow below
        auto* const slots = slots_.data() + p.slot_begin;
        bool const complete = p.progress.offer(
            g_->tree(), r.scope, g_->stages(r), ed.grant.scope, g_->stages(ed.grant),
            [&](std::uint32_t k) { return slots[k].first != flow_none; },
            [&](std::uint32_t k) {
                slots[k] = {i, x};
            });
        if (!complete) return;
        p.done = true;
        items_.push_back({ed.grant, ed.to, e, p.slot_begin, p.slot_count, 0, 0});
    }

    mandate_graph const* g_;
    std::uint32_t epoch_ = 0, seen_epoch_ = 0;
    bool track_ = false;
    std::vector<std::uint32_t> region_, seen_, head_, pending_at_, pending_index_;
    std::vector<std::uint32_t> nodes_;
    std::vector<item> items_;
    std::vector<arrival> arrivals_;
    std::vector<pending> pending_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> slots_; // (origin, node of the delegator)
    std::vector<std::pair<std::uint32_t, flow_reach>> seeds_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack_;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_ANALYSIS_MANDATE_FLOW_HPP
