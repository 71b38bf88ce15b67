// capability_index: who holds which mandate where and when, once delegations are taken into account.
//
// The semantics are those of model-format.md ("Delegation", "capable", precise readings 1-4):
//   - a direct holding, or the grant of a valid explicit delegation (one with `scope` or non-empty
//     `stages`), is an *origin*: a reach (scope or everywhere) x (stages or every stage) owned by an actor;
//   - a valid bare delegation (neither key) passes on everything the delegator holds, so an actor holds
//     every origin owned by an actor that reaches it through bare delegations (itself included);
//   - an explicit delegation is valid when the delegator's holdings cover every point of its grant: some
//     holding covers its scope, and for each granted stage (or "every stage") some holding that covers the
//     scope is valid there;
//   - validity is the least fixpoint grounded in direct holdings, so loops that nobody holds directly
//     confer nothing, whatever the listing order.
//
// How it is computed (n = holdings + delegations, k = number of (actor, origin) pairs in the result):
// every (actor, mandate) pair that occurs in a holding or delegation becomes a dense node. A bare
// delegation is valid exactly when its delegator holds anything, so the bare-delegation graph is static and
// an origin reaches exactly the nodes reachable from its owner through bare edges. A work list of origins
// (direct holdings first) is walked one origin at a time by a depth-first search over the bare edges, each
// node seen once per origin; when a node gains an origin, the still-pending explicit delegations leaving it
// are fed that origin (scope check plus a merge of two sorted stage lists) and one that becomes valid
// appends its grant to the work list. Time O(n log n + k + sum over nodes of origins x out-degree), memory
// O(n + k). For models whose delegation chains have bounded length, k is linear in the model.
//
// Queries (a = actor, m = mandate, d = duty; r = origins held by the queried (actor, mandate) node):
//   capable(a, m, d)          O(log + r)
//   status(a, m, d)           O(log + r)           capable, or why not (the mandate-missing reasons)
//   anyone_capable(m, d)      O(depth(d's scope) x log + bucket sizes)
//   capable_actors(m, d)      output-sensitive: the covering origins' holders, sorted and deduplicated
//   status(delegation)        O(1)
//   performers(d)             O(1)                 d's R and A actors, read from the RACI lists once
#ifndef SAMVERKAN_ANALYSIS_CAPABILITY_HPP
#define SAMVERKAN_ANALYSIS_CAPABILITY_HPP

#include <samverkan/analysis/performers.hpp>
#include <samverkan/detail/counting_sort.hpp>
#include <samverkan/detail/described_enum.hpp>
#include <samverkan/detail/ranges.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/scope_tree.hpp>

#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// Whether a delegation is valid, or the first reason (in the order of rules.md) why it is not.
enum class delegation_status : std::uint8_t { valid, not_delegable, self, not_held, scope, stage };

BOOST_DESCRIBE_ENUM(delegation_status, valid, not_delegable, self, not_held, scope, stage)

/// "valid", or the invalid-delegation reason as rules.md spells it: "not-delegable", "self", "not-held",
/// "scope", "stage" (from the enum's description).
[[nodiscard]] constexpr std::string_view to_string(delegation_status s) noexcept { return detail::enum_text(s); }

/// Whether an actor is capable of a mandate for a duty, or why not (the `reasons` of mandate-missing):
///   not_held            neither a holding nor any delegation of the mandate to the actor
///   invalid_delegation  no holding; every delegation of the mandate to the actor is invalid
///   scope               it holds the mandate, but no holding covers the duty's scope
///   stage               some holding covers the scope, but none that does is valid at the duty's stage
enum class capability_status : std::uint8_t { capable, not_held, invalid_delegation, scope, stage };

BOOST_DESCRIBE_ENUM(capability_status, capable, not_held, invalid_delegation, scope, stage)

/// "capable", or the reason as rules.md spells it: "not-held", "invalid-delegation", "scope", "stage" (from
/// the enum's description).
[[nodiscard]] constexpr std::string_view to_string(capability_status s) noexcept { return detail::enum_text(s); }

/// One holding an actor has of a mandate, direct or received.
///   `origin` is the actor that holds it directly or received it as an explicit grant; `source` is that
///   direct holding or that explicit delegation. An actor that received it through bare delegations holds
///   it with the same reach as `origin`.
struct effective_holding {
    std::optional<scope_id> scope;    ///< nullopt: everywhere
    std::span<stage_id const> stages; ///< sorted; empty: every stage
    actor_id origin;
    std::variant<holding_id, delegation_id> source;

    [[nodiscard]] bool every_stage() const noexcept { return stages.empty(); }
};

/// The capability index: derived holdings, delegation validity and capability queries, computed once from
/// a model (see the top of this header for the semantics and costs). It copies what it needs, so it stays
/// valid when the model is changed or destroyed, but it does not follow such changes.
///
///     samverkan::capability_index cap{m};
///     if (!cap.capable(sf, leda, lagesbild))
///         std::cout << to_string(cap.status(sf, leda, lagesbild));   // "invalid-delegation"
///     for (samverkan::actor_id a : cap.capable_actors(leda, lagesbild)) std::cout << m.name_of(a) << '\n';
class capability_index {
public:
    capability_index() = default;

    /// Builds the index of `m`. Time and memory: see the top of this header.
    template <class Traits>
    explicit capability_index(basic_model<Traits> const& m);

    // ---- capability ---------------------------------------------------------------------------------------

    /// Whether `a` is capable of `mnd` at `where`: one of its holdings (direct or received) covers the
    /// scope and is valid at the stage. A stage-less placement needs a holding valid at every stage; a
    /// scope-less one needs a holding for everywhere.
    ///     cap.capable(ks, leda, samverkan::placement{.stage = s1, .scope = centrum});
    [[nodiscard]] bool capable(actor_id a, mandate_id mnd, placement const& where) const noexcept {
        return status(a, mnd, where) == capability_status::capable;
    }
    /// Whether `a` is capable of `mnd` for duty `d` (at the duty's stage and scope).
    ///     cap.capable(sf, leda, lagesbild);
    [[nodiscard]] bool capable(actor_id a, mandate_id mnd, duty_id d) const noexcept {
        return capable(a, mnd, placement_of(d));
    }

    /// Capable, or the first mandate-missing reason that applies (see capability_status).
    ///     to_string(cap.status(sn, leda, plan));   // "stage"
    [[nodiscard]] capability_status status(actor_id a, mandate_id mnd, placement const& where) const noexcept;
    [[nodiscard]] capability_status status(actor_id a, mandate_id mnd, duty_id d) const noexcept {
        return status(a, mnd, placement_of(d));
    }

    /// Whether any actor of the model is capable of `mnd` at `where` (not capable: mandate-unheld).
    ///     if (!cap.anyone_capable(leda, plan)) ...
    [[nodiscard]] bool anyone_capable(mandate_id mnd, placement const& where) const noexcept;
    [[nodiscard]] bool anyone_capable(mandate_id mnd, duty_id d) const noexcept {
        return anyone_capable(mnd, placement_of(d));
    }

    /// Every actor capable of `mnd` at `where`, sorted by index (not by id text) without duplicates.
    ///     for (auto a : cap.capable_actors(leda, plan)) ...
    [[nodiscard]] std::vector<actor_id> capable_actors(mandate_id mnd, placement const& where) const;
    [[nodiscard]] std::vector<actor_id> capable_actors(mandate_id mnd, duty_id d) const {
        return capable_actors(mnd, placement_of(d));
    }

    /// Whether `a` holds `mnd` anywhere at all, directly or through valid delegations. O(log).
    [[nodiscard]] bool holds(actor_id a, mandate_id mnd) const noexcept {
        auto const n = node_of(a, mnd);
        return n && node_item_begin_[*n] != node_item_begin_[*n + 1];
    }

    /// The holdings `a` has of `mnd`, direct and received (origins in the order they were derived).
    ///     for (samverkan::effective_holding const& h : cap.holdings(sf, leda)) ...
    [[nodiscard]] auto holdings(actor_id a, mandate_id mnd) const noexcept {
        std::span<std::uint32_t const> items;
        if (auto const n = node_of(a, mnd)) items = node_items(*n);
        return detail::mapped_range{items, [this](std::uint32_t i) { return view(i); }};
    }

    // ---- delegations --------------------------------------------------------------------------------------

    /// Whether delegation `d` is valid, or why not. O(1).
    ///     if (cap.status(d) != samverkan::delegation_status::valid) ...
    [[nodiscard]] delegation_status status(delegation_id d) const noexcept { return delegation_status_[d.index()]; }
    [[nodiscard]] bool valid(delegation_id d) const noexcept { return status(d) == delegation_status::valid; }

    // ---- helpers ------------------------------------------------------------------------------------------

    /// The performers of duty `d` (its R and A actors, each once, by index), read once with the index and
    /// shared by the rules that need them (analysis/performers.hpp).
    ///     for (auto const& p : cap.performers(d)) if (p.accountable) ...
    [[nodiscard]] std::span<performer const> performers(duty_id d) const noexcept { return performers_.of(d); }
    /// The performers of every duty.
    [[nodiscard]] performer_table const& all_performers() const noexcept { return performers_; }

    /// The stage and scope of duty `d`, as copied from the model.
    [[nodiscard]] placement placement_of(duty_id d) const noexcept {
        return {unraw<stage_id>(duty_stage_[d.index()]), unraw<scope_id>(duty_scope_[d.index()])};
    }
    /// The scope cover relation of the model (nullopt = everywhere).
    [[nodiscard]] scope_tree const& scopes() const noexcept { return tree_; }
    /// Number of (actor, origin) pairs: the size of all derived holdings together.
    [[nodiscard]] std::size_t derived_holding_count() const noexcept { return node_item_.size(); }

private:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    // An origin: a direct holding or the grant of a valid explicit delegation.
    struct item {
        std::uint32_t owner;       // node
        std::uint32_t scope;       // none: everywhere
        std::uint32_t stage_begin; // into stage_pool_
        std::uint32_t stage_count; // 0: every stage
        std::uint32_t source;      // holding or delegation index
        bool from_delegation;
    };
    struct bucket_entry {
        std::uint32_t mandate, scope, item;
        friend bool operator<(bucket_entry const& a, bucket_entry const& b) noexcept {
            return a.mandate != b.mandate ? a.mandate < b.mandate
                   : a.scope != b.scope   ? a.scope < b.scope
                                          : a.item < b.item;
        }
    };

    template <class Id>
    static std::optional<Id> unraw(std::uint32_t v) noexcept {
        return detail::id_or_none<Id>(v); // none == npos
    }
    template <class Id>
    static std::uint32_t raw(std::optional<Id> v) noexcept {
        return detail::index_or_npos(v);
    }
    static std::uint64_t key(std::uint32_t actor, std::uint32_t mandate) noexcept {
        return (std::uint64_t{actor} << 32) | mandate;
    }

    [[nodiscard]] std::optional<std::uint32_t> node_of(actor_id a, mandate_id mnd) const noexcept {
        if (a.index() + 1 >= actor_node_begin_.size()) return std::nullopt;
        auto const first = node_mandate_.begin() + actor_node_begin_[a.index()];
        auto const last = node_mandate_.begin() + actor_node_begin_[a.index() + 1];
        auto const it = std::lower_bound(first, last, mnd.index());
        if (it == last || *it != mnd.index()) return std::nullopt;
        return static_cast<std::uint32_t>(it - node_mandate_.begin());
    }
    [[nodiscard]] std::span<std::uint32_t const> node_items(std::uint32_t n) const noexcept {
        return std::span<std::uint32_t const>{node_item_}.subspan(node_item_begin_[n],
                                                                  node_item_begin_[n + 1] - node_item_begin_[n]);
    }
    [[nodiscard]] std::span<stage_id const> stages_of(item const& it) const noexcept {
        return std::span<stage_id const>{stage_pool_}.subspan(it.stage_begin, it.stage_count);
    }
    [[nodiscard]] bool valid_at(item const& it, std::optional<stage_id> stage) const noexcept {
        if (it.stage_count == 0) return true;
        if (!stage) return false; // a stage-less duty needs a holding valid at every stage (precise reading 1)
        auto const s = stages_of(it);
        return std::binary_search(s.begin(), s.end(), *stage);
    }
    [[nodiscard]] bool covers(item const& it, std::optional<scope_id> scope) const noexcept {
        return tree_.covers(unraw<scope_id>(it.scope), scope);
    }
    [[nodiscard]] effective_holding view(std::uint32_t i) const noexcept {
        auto const& it = items_[i];
        effective_holding h{unraw<scope_id>(it.scope), stages_of(it), actor_id{node_actor_[it.owner]},
                            holding_id{it.source}};
        if (it.from_delegation) h.source = delegation_id{it.source};
        return h;
    }
    // Calls f(item index) for every origin of `mnd` whose scope covers `scope` (nullopt: everywhere), by
    // walking up the scope chain and finishing with the "everywhere" bucket; stops when f returns true.
    template <class F>
    bool for_covering_origins(mandate_id mnd, std::optional<scope_id> scope, F const& f) const;

    // The explicit-delegation check of precise reading 2, fed one origin of the delegator at a time.
    struct pending_grant {
        std::uint32_t delegation;
        std::uint32_t to;         // node that receives the grant
        std::uint32_t scope;      // none: everywhere
        std::uint32_t slot_begin; // flags in grant_slots, one per granted stage, or one for "every stage"
        std::uint32_t remaining;  // stages not yet covered
        bool every_stage;
        bool scope_covered = false;
        bool done = false;
    };

    std::vector<std::uint32_t> duty_stage_, duty_scope_;
    performer_table performers_;
    std::vector<std::uint32_t> scope_parent_;
    scope_tree tree_;

    std::vector<std::uint32_t> actor_node_begin_; // nodes sorted by (actor, mandate)
    std::vector<std::uint32_t> node_actor_, node_mandate_;
    std::vector<std::uint32_t> node_incoming_; // delegations of the node's mandate to its actor, valid or not

    std::vector<item> items_;
    std::vector<stage_id> stage_pool_;
    std::vector<std::uint32_t> node_item_begin_, node_item_; // origins held per node
    std::vector<std::uint32_t> item_node_begin_, item_node_; // holders per origin
    std::vector<bucket_entry> buckets_;                      // origins by (mandate, scope)
    std::vector<std::uint32_t> mandate_bucket_begin_;

    std::vector<delegation_status> delegation_status_;
};

// ---- construction --------------------------------------------------------------------------------------

template <class Traits>
capability_index::capability_index(basic_model<Traits> const& m) : performers_{m}, tree_{m} {
    auto const n_actors = m.template id_bound<actor_id>();
    auto const n_mandates = m.template id_bound<mandate_id>();

    // per-index arrays: removed duties and scopes (model edits) have no stage, scope or parent
    auto const n_duties = static_cast<std::uint32_t>(m.template id_bound<duty_id>());
    duty_stage_.reserve(n_duties);
    duty_scope_.reserve(n_duties);
    for (std::uint32_t i = 0; i < n_duties; ++i) {
        duty_stage_.push_back(raw(m.stage_of(duty_id{i})));
        duty_scope_.push_back(raw(m.scope_of(duty_id{i})));
    }
    auto const n_scopes = static_cast<std::uint32_t>(m.template id_bound<scope_id>());
    scope_parent_.reserve(n_scopes);
    for (std::uint32_t i = 0; i < n_scopes; ++i) scope_parent_.push_back(raw(m.parent(scope_id{i})));

    // ---- nodes: the (actor, mandate) pairs of holdings and delegation ends, sorted by actor then mandate
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
    auto const n_nodes = static_cast<std::uint32_t>(keys.size());
    node_actor_.resize(n_nodes);
    node_mandate_.resize(n_nodes);
    for (std::uint32_t n = 0; n < n_nodes; ++n) {
        node_actor_[n] = static_cast<std::uint32_t>(keys[n] >> 32);
        node_mandate_[n] = static_cast<std::uint32_t>(keys[n] & 0xffffffffU);
    }
    actor_node_begin_ = detail::group_offsets(n_actors, node_actor_, [](std::uint32_t a) { return a; });
    auto const node_at = [&](actor_id a, mandate_id mnd) {
        auto const n = node_of(a, mnd);
        assert(n);
        return *n;
    };

    // ---- origins from direct holdings
    items_.reserve(m.holdings().size());
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        auto const begin = static_cast<std::uint32_t>(stage_pool_.size());
        stage_pool_.insert(stage_pool_.end(), v.where.stages.begin(), v.where.stages.end());
        items_.push_back({node_at(v.actor, v.mandate), raw(v.where.scope), begin,
                          static_cast<std::uint32_t>(v.where.stages.size()), h.index(), false});
    }

    // ---- delegations: statuses decided now, bare edges, pending explicit grants
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bare;   // (from node, to node)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> grants; // (from node, index into pending)
    std::vector<pending_grant> pending;
    std::vector<std::uint8_t> grant_slots;
    std::vector<std::uint32_t> delegation_stage_begin(m.template id_bound<delegation_id>(), 0);
    std::vector<std::uint32_t> grant_stage_count(m.template id_bound<delegation_id>(), 0);
    node_incoming_.assign(n_nodes, 0);
    delegation_status_.assign(m.template id_bound<delegation_id>(), delegation_status::not_held);
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        auto const from = node_at(v.from, v.mandate);
        auto const to = node_at(v.to, v.mandate);
        ++node_incoming_[to];
        auto& st = delegation_status_[d.index()];
        if (!m[v.mandate].delegable) st = delegation_status::not_delegable;
        else if (v.from == v.to) st = delegation_status::self;
        if (st != delegation_status::not_held) continue;
        if (!v.explicit_grant()) {
            bare.emplace_back(from, to);
            continue;
        }
        delegation_stage_begin[d.index()] = static_cast<std::uint32_t>(stage_pool_.size());
        grant_stage_count[d.index()] = static_cast<std::uint32_t>(v.where.stages.size());
        stage_pool_.insert(stage_pool_.end(), v.where.stages.begin(), v.where.stages.end());
        pending_grant g{d.index(),
                        to,
                        raw(v.where.scope),
                        static_cast<std::uint32_t>(grant_slots.size()),
                        v.where.stages.empty() ? 1U : static_cast<std::uint32_t>(v.where.stages.size()),
                        v.where.stages.empty()};
        grant_slots.resize(grant_slots.size() + g.remaining, 0);
        grants.emplace_back(from, static_cast<std::uint32_t>(pending.size()));
        pending.push_back(g);
    }
    // identical bare delegations count once (precise reading 4)
    std::sort(bare.begin(), bare.end());
    bare.erase(std::unique(bare.begin(), bare.end()), bare.end());
    auto const bare_begin = detail::group_offsets(n_nodes, bare, [](auto const& e) { return e.first; });
    std::vector<std::uint32_t> bare_to(bare.size());
    for (std::size_t i = 0; i < bare.size(); ++i) bare_to[i] = bare[i].second; // already grouped by source
    std::vector<std::uint32_t> grant_begin, grant_of; // by source node, pending order within one
    detail::counting_sort(
        n_nodes, grants, [](auto const& g) { return g.first; }, [](auto const& g) { return g.second; }, grant_begin,
        grant_of);

    // ---- the least fixpoint: a work list of origins, each pushed along bare edges once per node
    std::vector<std::uint32_t> seen(n_nodes, none); // the last origin that reached the node
    std::vector<std::uint32_t> stack;
    std::vector<std::uint32_t> pair_node; // holders, grouped by origin in work-list order
    item_node_begin_.push_back(0);
    for (std::uint32_t i = 0; i < items_.size(); ++i) {
        stack.assign(1, items_[i].owner);
        seen[items_[i].owner] = i;
        while (!stack.empty()) {
            auto const x = stack.back();
            stack.pop_back();
            pair_node.push_back(x);
            for (auto k = grant_begin[x]; k < grant_begin[x + 1]; ++k) {
                auto& g = pending[grant_of[k]];
                if (g.done) continue;
                item const it = items_[i]; // copy: items_ may grow below
                if (!tree_.covers(unraw<scope_id>(it.scope), unraw<scope_id>(g.scope))) continue;
                g.scope_covered = true;
                if (it.stage_count == 0) {
                    g.remaining = 0;
                } else if (!g.every_stage) {
                    auto const have = stages_of(it);
                    auto const want = delegation_stage_begin[g.delegation];
                    for (std::uint32_t s = 0; s < grant_stage_count[g.delegation]; ++s) {
                        auto& flag = grant_slots[g.slot_begin + s];
                        if (flag == 0 && std::binary_search(have.begin(), have.end(), stage_pool_[want + s])) {
                            flag = 1;
                            --g.remaining;
                        }
                    }
                }
                if (g.remaining != 0) continue;
                g.done = true;
                delegation_status_[g.delegation] = delegation_status::valid;
                items_.push_back({g.to, g.scope, delegation_stage_begin[g.delegation], grant_stage_count[g.delegation],
                                  g.delegation, true});
            }
            for (auto k = bare_begin[x]; k < bare_begin[x + 1]; ++k)
                if (seen[bare_to[k]] != i) {
                    seen[bare_to[k]] = i;
                    stack.push_back(bare_to[k]);
                }
        }
        item_node_begin_.push_back(static_cast<std::uint32_t>(pair_node.size()));
    }
    item_node_ = std::move(pair_node);

    // ---- origins per node (counting sort of the holder pairs)
    {
        std::uint32_t owner = 0; // the item that owns pair k (value_of runs over k in increasing order)
        detail::counting_sort(
            n_nodes, detail::indices{item_node_.size()}, [this](std::uint32_t k) { return item_node_[k]; },
            [&](std::uint32_t k) {
                while (item_node_begin_[owner + 1] <= k) ++owner;
                return owner;
            },
            node_item_begin_, node_item_);
    }

    // ---- the remaining statuses: a bare delegation is valid when its delegator holds anything
    for (delegation_id d : m.delegations()) {
        auto& st = delegation_status_[d.index()];
        if (st != delegation_status::not_held) continue;
        auto const v = m.delegation(d);
        auto const from = node_at(v.from, v.mandate);
        if (node_item_begin_[from] == node_item_begin_[from + 1]) continue; // not-held
        if (!v.explicit_grant()) st = delegation_status::valid;
    }
    for (auto const& g : pending)
        if (!g.done && delegation_status_[g.delegation] == delegation_status::not_held) {
            auto const v = m.delegation(delegation_id{g.delegation});
            auto const from = node_at(v.from, v.mandate);
            if (node_item_begin_[from] != node_item_begin_[from + 1])
                delegation_status_[g.delegation] =
                    g.scope_covered ? delegation_status::stage : delegation_status::scope;
        }

    // ---- origins by (mandate, scope), for "who is capable here" without scanning actors
    buckets_.reserve(items_.size());
    for (std::uint32_t i = 0; i < items_.size(); ++i)
        buckets_.push_back({node_mandate_[items_[i].owner], items_[i].scope, i});
    std::sort(buckets_.begin(), buckets_.end());
    mandate_bucket_begin_ = detail::group_offsets(n_mandates, buckets_, [](auto const& b) { return b.mandate; });
}

// ---- queries -------------------------------------------------------------------------------------------

inline capability_status capability_index::status(actor_id a, mandate_id mnd, placement const& where) const noexcept {
    auto const n = node_of(a, mnd);
    if (!n) return capability_status::not_held;
    auto const items = node_items(*n);
    if (items.empty())
        return node_incoming_[*n] != 0 ? capability_status::invalid_delegation : capability_status::not_held;
    bool scope_covered = false;
    for (auto i : items) {
        auto const& it = items_[i];
        if (!covers(it, where.scope)) continue;
        if (valid_at(it, where.stage)) return capability_status::capable;
        scope_covered = true;
    }
    return scope_covered ? capability_status::stage : capability_status::scope;
}

template <class F>
bool capability_index::for_covering_origins(mandate_id mnd, std::optional<scope_id> scope, F const& f) const {
    if (mnd.index() + 1 >= mandate_bucket_begin_.size()) return false;
    auto const first = buckets_.begin() + mandate_bucket_begin_[mnd.index()];
    auto const last = buckets_.begin() + mandate_bucket_begin_[mnd.index() + 1];
    if (first == last) return false;
    auto const visit = [&](std::uint32_t s) {
        auto it = std::lower_bound(first, last, bucket_entry{mnd.index(), s, 0});
        for (; it != last && it->scope == s; ++it)
            if (f(it->item)) return true;
        return false;
    };
    for (auto s = raw(scope); s != none; s = scope_parent_[s])
        if (visit(s)) return true;
    return visit(none);
}

inline bool capability_index::anyone_capable(mandate_id mnd, placement const& where) const noexcept {
    return for_covering_origins(mnd, where.scope, [&](std::uint32_t i) { return valid_at(items_[i], where.stage); });
}

inline std::vector<actor_id> capability_index::capable_actors(mandate_id mnd, placement const& where) const {
    std::vector<actor_id> out;
    for_covering_origins(mnd, where.scope, [&](std::uint32_t i) {
        if (valid_at(items_[i], where.stage))
            for (auto k = item_node_begin_[i]; k < item_node_begin_[i + 1]; ++k)
                out.emplace_back(node_actor_[item_node_[k]]);
        return false;
    });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_CAPABILITY_HPP
