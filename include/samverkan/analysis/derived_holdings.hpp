// derived_holdings: who holds which mandate where and when, once delegations are taken into account; one
// mandate_holdings per mandate, so that an edit of one mandate's holdings or delegations re-derives only
// that mandate.
//
// The semantics are those of model-format.md ("Delegation", "capable", precise readings 1-4):
//   - a direct holding, or the grant of a valid explicit delegation (one with `scope` or non-empty
//     `stages`), is an *origin*: a reach (scope or everywhere) x (stages or every stage) owned by an actor;
//   - a valid bare delegation (neither key) passes on everything the delegator holds, so an actor holds
//     every origin owned by an actor that reaches it through bare delegations (itself included);
//   - an explicit delegation is valid when the delegator's holdings cover every point of its grant
//     (detail::grant_progress in delegation_validity.hpp, the one definition of that check);
//   - validity is the least fixpoint grounded in direct holdings, so loops that nobody holds directly
//     confer nothing, whatever the listing order.
// Delegations never cross mandates, so each mandate is a fixpoint of its own.
//
// How one mandate is derived (n = its holdings + delegations, k = its (actor, origin) pairs): every actor
// that occurs in one of them becomes a node. A bare delegation is valid exactly when its delegator holds
// anything, so the bare-delegation graph is static and an origin reaches exactly the nodes reachable from
// its owner through bare edges. A work list of origins (direct holdings first) is walked one origin at a
// time by a depth-first search over the bare edges, each node seen once per origin; when a node gains an
// origin, the still-pending explicit delegations leaving it are offered that origin, and one that becomes
// valid appends its grant to the work list. Time O(n log n + k + sum over nodes of origins x out-degree),
// memory O(n + k). For models whose delegation chains have bounded length, k is linear in the model.
//
// Queries on one mandate (a = actor, r = origins held by a):
//   capability(a, where)   O(log n + r)       capable, or why not (the mandate-missing reasons)
//   anyone_capable(where)  O(depth(where's scope) x log n + bucket sizes)
//   capable_actors(where)  output-sensitive: the covering origins' holders, sorted and deduplicated
//   holdings(a)            O(log n) to find, then the origins
#ifndef SAMVERKAN_ANALYSIS_DERIVED_HOLDINGS_HPP
#define SAMVERKAN_ANALYSIS_DERIVED_HOLDINGS_HPP

#include <samverkan/analysis/delegation_validity.hpp>
#include <samverkan/analysis/scope_containment.hpp>
#include <samverkan/detail/described_enum.hpp>
#include <samverkan/detail/ranges.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

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
///   it with the same reach as `origin`. `stages` points into the index: valid until that mandate is
///   derived again.
struct effective_holding {
    std::optional<scope_id> scope;    ///< nullopt: everywhere
    std::span<stage_id const> stages; ///< sorted; empty: every stage
    actor_id origin;
    std::variant<holding_id, delegation_id> source;

    [[nodiscard]] bool every_stage() const noexcept { return stages.empty(); }
};

/// The derived holdings of one mandate (see the top of this header).
class mandate_holdings {
public:
    mandate_holdings() = default;

    /// Derives the holdings of mandate `x` of `m` from its direct holdings and from `delegations` (the
    /// live delegations of x, by increasing index), and writes the statuses of those delegations into
    /// `validity`. Time and memory: see the top of this header.
    template <class Traits>
    mandate_holdings(basic_model<Traits> const& m, mandate_id x, std::vector<delegation_id> delegations,
                     scope_containment const& scopes, delegation_validity& validity);

    /// Capable, or the first mandate-missing reason that applies (see capability_status), for actor `a`
    /// at `where`: capable when one of its origins covers the scope and is valid at the stage (a
    /// stage-less placement needs one valid at every stage; a scope-less one needs one for everywhere).
    [[nodiscard]] capability_status capability(actor_id a, placement const& where,
                                               scope_containment const& scopes) const noexcept {
        auto const n = node_of(a);
        if (!n) return capability_status::not_held;
        auto const items = node_items(*n);
        if (items.empty())
            return incoming_[*n] != 0 ? capability_status::invalid_delegation : capability_status::not_held;
        bool scope_covered = false;
        for (auto i : items) {
            auto const& it = items_[i];
            if (!scopes.covers(unraw_scope(it.scope), where.scope)) continue;
            if (valid_at(it, where.stage)) return capability_status::capable;
            scope_covered = true;
        }
        return scope_covered ? capability_status::stage : capability_status::scope;
    }
    /// Whether any actor is capable at `where`.
    [[nodiscard]] bool anyone_capable(placement const& where, scope_containment const& scopes) const noexcept {
        return for_covering_origins(where.scope, scopes,
                                    [&](std::uint32_t i) { return valid_at(items_[i], where.stage); });
    }
    /// Every actor capable at `where`, sorted by index, without duplicates.
    [[nodiscard]] std::vector<actor_id> capable_actors(placement const& where, scope_containment const& scopes) const {
        std::vector<actor_id> out;
        for_covering_origins(where.scope, scopes, [&](std::uint32_t i) {
            if (valid_at(items_[i], where.stage))
                for (auto k = item_node_begin_[i]; k < item_node_begin_[i + 1]; ++k)
                    out.emplace_back(actors_[item_node_[k]]);
            return false;
        });
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    /// Whether `a` holds the mandate anywhere at all. O(log n).
    [[nodiscard]] bool holds(actor_id a) const noexcept {
        auto const n = node_of(a);
        return n && node_item_begin_[*n] != node_item_begin_[*n + 1];
    }
    /// The origins `a` holds, in the order they were derived.
    [[nodiscard]] auto holdings(actor_id a) const noexcept {
        std::span<std::uint32_t const> items;
        if (auto const n = node_of(a)) items = node_items(*n);
        return detail::mapped_range{items, [this](std::uint32_t i) { return view(i); }};
    }
    /// The delegations of this mandate the derivation read, by increasing index.
    [[nodiscard]] std::span<delegation_id const> delegations() const noexcept { return delegations_; }
    /// Number of (actor, origin) pairs.
    [[nodiscard]] std::size_t pair_count() const noexcept { return item_node_.size(); }

    /// What differs between two derivations of one mandate (before and after an edit): appends to `actors`
    /// (sorted, each once) every actor whose origins or incoming delegations differ, and to `origins` every
    /// origin whose holders differ (each source once per side; twice when the edit changed its reach). A capability
    /// query for the mandate can only answer differently for such an actor, or at a placement that such an origin
    /// covers. The spans in `origins` point into `before` or `after`. O(pairs of both x log).
    static void compare(mandate_holdings const& before, mandate_holdings const& after, std::vector<actor_id>& actors,
                        std::vector<effective_holding>& origins) {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> a, b; // (source key, item)
        std::vector<std::pair<std::uint64_t, effective_holding>> found;
        auto const load = [](mandate_holdings const& h, std::uint32_t n, auto& out) {
            out.clear();
            for (auto i : h.node_items(n)) out.emplace_back(h.source_key(i), i);
            std::sort(out.begin(), out.end());
        };
        // found is keyed by (source, side): a source whose reach an edit changed is an origin on either side
        auto const all = [&](mandate_holdings const& h, auto const& list) {
            for (auto const& [k, i] : list) found.emplace_back(2 * k + (&h == &after), h.view(i));
        };
        auto const same_reach = [&](std::uint32_t x, std::uint32_t y) {
            auto const& u = before.items_[x];
            auto const& v = after.items_[y];
            auto const su = before.stages_of(u), sv = after.stages_of(v);
            return u.scope == v.scope && std::equal(su.begin(), su.end(), sv.begin(), sv.end());
        };
        std::size_t i = 0, j = 0;
        while (i < before.actors_.size() || j < after.actors_.size()) {
            if (j == after.actors_.size() || (i < before.actors_.size() && before.actors_[i] < after.actors_[j])) {
                actors.emplace_back(before.actors_[i]);
                load(before, static_cast<std::uint32_t>(i++), a);
                all(before, a);
            } else if (i == before.actors_.size() || after.actors_[j] < before.actors_[i]) {
                actors.emplace_back(after.actors_[j]);
                load(after, static_cast<std::uint32_t>(j++), b);
                all(after, b);
            } else if (auto const ia = before.node_items(static_cast<std::uint32_t>(i)),
                       ib = after.node_items(static_cast<std::uint32_t>(j));
                       ia.size() == 1 && ib.size() == 1 && before.incoming_[i] == after.incoming_[j] &&
                       before.source_key(ia[0]) == after.source_key(ib[0]) && same_reach(ia[0], ib[0])) {
                ++i, ++j; // the same single origin: the common case, without sorting
            } else {
                load(before, static_cast<std::uint32_t>(i), a);
                load(after, static_cast<std::uint32_t>(j), b);
                bool differs = before.incoming_[i] != after.incoming_[j];
                std::size_t p = 0, q = 0;
                while (p < a.size() || q < b.size()) {
                    if (q == b.size() || (p < a.size() && a[p].first < b[q].first)) {
                        found.emplace_back(2 * a[p].first, before.view(a[p].second));
                        ++p;
                        differs = true;
                    } else if (p == a.size() || b[q].first < a[p].first) {
                        found.emplace_back(2 * b[q].first + 1, after.view(b[q].second));
                        ++q;
                        differs = true;
                    } else {
                        if (!same_reach(a[p].second, b[q].second)) { // the same source with another reach
                            found.emplace_back(2 * a[p].first, before.view(a[p].second));
                            found.emplace_back(2 * b[q].first + 1, after.view(b[q].second));
                            differs = true;
                        }
                        ++p, ++q;
                    }
                }
                if (differs) actors.emplace_back(before.actors_[i]);
                ++i, ++j;
            }
        }
        std::sort(found.begin(), found.end(), [](auto const& x, auto const& y) { return x.first < y.first; });
        for (std::size_t k = 0; k < found.size(); ++k)
            if (k == 0 || found[k].first != found[k - 1].first) origins.push_back(found[k].second);
    }

private:
    static constexpr std::uint32_t none = 0xffffffffU;
    static constexpr std::size_t direct_table_nodes = 1024;

    // An origin: a direct holding or the grant of a valid explicit delegation.
    struct item {
        std::uint32_t owner;       // node
        std::uint32_t scope;       // none: everywhere
        std::uint32_t stage_begin; // into stage_pool_
        std::uint32_t stage_count; // 0: every stage
        std::uint32_t source;      // holding or delegation index
        bool from_delegation;
    };

    [[nodiscard]] std::uint64_t source_key(std::uint32_t i) const noexcept {
        return (std::uint64_t{items_[i].from_delegation} << 32) | items_[i].source;
    }
    static std::optional<scope_id> unraw_scope(std::uint32_t v) noexcept {
        if (v == none) return std::nullopt;
        return scope_id{v};
    }
    [[nodiscard]] std::optional<std::uint32_t> node_of(actor_id a) const noexcept {
        if (!node_by_actor_.empty()) { // a large mandate: a direct table instead of a binary search
            if (a.index() >= node_by_actor_.size() || node_by_actor_[a.index()] == none) return std::nullopt;
            return node_by_actor_[a.index()];
        }
        auto const it = std::lower_bound(actors_.begin(), actors_.end(), a.index());
        if (it == actors_.end() || *it != a.index()) return std::nullopt;
        return static_cast<std::uint32_t>(it - actors_.begin());
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
    [[nodiscard]] effective_holding view(std::uint32_t i) const noexcept {
        auto const& it = items_[i];
        effective_holding h{unraw_scope(it.scope), stages_of(it), actor_id{actors_[it.owner]}, holding_id{it.source}};
        if (it.from_delegation) h.source = delegation_id{it.source};
        return h;
    }
    // Calls f(item index) for every origin whose scope covers `scope`, walking up the scope chain and
    // finishing with the "everywhere" bucket; stops when f returns true.
    template <class F>
    bool for_covering_origins(std::optional<scope_id> scope, scope_containment const& scopes, F const& f) const {
        if (buckets_.empty()) return false;
        return scopes.for_each_covering(scope, [&](std::optional<scope_id> s) {
            auto const raw = s ? s->index() : none;
            auto it = std::lower_bound(buckets_.begin(), buckets_.end(), std::pair{raw, std::uint32_t{0}});
            for (; it != buckets_.end() && it->first == raw; ++it)
                if (f(it->second)) return true;
            return false;
        });
    }

    std::vector<delegation_id> delegations_;
    std::vector<std::uint32_t> actors_;        // node -> actor index, sorted
    std::vector<std::uint32_t> node_by_actor_; // actor index -> node, for mandates of many actors only
    std::vector<std::uint32_t> incoming_;      // delegations to the node, valid or not
    std::vector<item> items_;
    std::vector<stage_id> stage_pool_;
    std::vector<std::uint32_t> node_item_begin_, node_item_;       // origins held per node
    std::vector<std::uint32_t> item_node_begin_, item_node_;       // holders per origin
    std::vector<std::pair<std::uint32_t, std::uint32_t>> buckets_; // (scope, origin), sorted
};

/// The derived holdings of every mandate of a model, and with them the validity of every delegation.
/// An edit of one mandate's holdings or delegations needs only rederive() of that mandate.
///
///     samverkan::scope_containment const scopes{m};
///     samverkan::derived_holdings held{m, scopes};
///     held.of(leda).capability(sf, {s1, centrum}, scopes);
class derived_holdings {
public:
    derived_holdings() = default;

    /// Derives every mandate of `m`. O(holdings + delegations) plus the derivations (top of this header).
    template <class Traits>
    derived_holdings(basic_model<Traits> const& m, scope_containment const& scopes) {
        auto const n_mandates = m.template id_bound<mandate_id>();
        std::vector<std::vector<delegation_id>> by_mandate(n_mandates);
        for (delegation_id d : m.delegations()) by_mandate[m.delegation(d).mandate.index()].push_back(d);
        validity_.reserve_ids(m.template id_bound<delegation_id>());
        per_mandate_.resize(n_mandates);
        for (mandate_id x : m.mandates()) {
            auto const held = m.holdings_of(x);
            if (by_mandate[x.index()].empty() && held.begin() == held.end()) continue;
            per_mandate_[x.index()] = mandate_holdings{m, x, std::move(by_mandate[x.index()]), scopes, validity_};
            pairs_ += per_mandate_[x.index()].pair_count();
        }
    }

    /// Derives mandate `x` of `m` again after an edit of its holdings or delegations: its delegations are
    /// those it had that are still live, plus `added` (delegations of x made since). A removed mandate
    /// becomes empty. Returns x's previous derivation (for mandate_holdings::compare). Time: that of
    /// deriving x alone.
    template <class Traits>
    mandate_holdings rederive(basic_model<Traits> const& m, mandate_id x, scope_containment const& scopes,
                              std::span<delegation_id const> added = {}) {
        if (x.index() >= per_mandate_.size()) per_mandate_.resize(x.index() + 1);
        auto& slot = per_mandate_[x.index()];
        pairs_ -= slot.pair_count();
        mandate_holdings previous = std::move(slot);
        slot = {};
        if (!m.contains(x)) return previous;
        std::vector<delegation_id> ds;
        for (delegation_id d : previous.delegations())
            if (m.contains(d)) ds.push_back(d);
        for (delegation_id d : added)
            if (m.contains(d) && m.delegation(d).mandate == x) ds.push_back(d);
        std::sort(ds.begin(), ds.end());
        ds.erase(std::unique(ds.begin(), ds.end()), ds.end());
        validity_.reserve_ids(m.template id_bound<delegation_id>());
        slot = mandate_holdings{m, x, std::move(ds), scopes, validity_};
        pairs_ += slot.pair_count();
        return previous;
    }

    /// The derived holdings of mandate `x` (empty for a mandate nobody holds or delegates). O(1).
    [[nodiscard]] mandate_holdings const& of(mandate_id x) const noexcept {
        static mandate_holdings const nothing{};
        return x.index() < per_mandate_.size() ? per_mandate_[x.index()] : nothing;
    }
    /// The validity of every delegation, decided by the derivation.
    [[nodiscard]] delegation_validity const& validity() const noexcept { return validity_; }
    /// Number of (actor, origin) pairs over all mandates.
    [[nodiscard]] std::size_t pair_count() const noexcept { return pairs_; }

private:
    std::vector<mandate_holdings> per_mandate_;
    delegation_validity validity_;
    std::size_t pairs_ = 0;
};

// ---- derivation of one mandate ----------------------------------------------------------------------------

template <class Traits>
mandate_holdings::mandate_holdings(basic_model<Traits> const& m, mandate_id x, std::vector<delegation_id> delegations,
                                   scope_containment const& scopes, delegation_validity& validity)
    : delegations_{std::move(delegations)} {
    // scratch space, kept per thread so that deriving thousands of small mandates allocates only what the
    // index keeps (it holds the capacity of the largest mandate derived on the thread)
    thread_local std::vector<holding_id> holdings;
    holdings.clear();
    for (holding_id h : m.holdings_of(x)) holdings.push_back(h);
    if (!std::is_sorted(holdings.begin(), holdings.end()))
        std::sort(holdings.begin(), holdings.end()); // by index, however the model was built

    // ---- nodes: the actors of the holdings and delegation ends, sorted
    thread_local std::vector<std::uint32_t> ends;
    ends.clear();
    for (holding_id h : holdings) ends.push_back(m.holding(h).actor.index());
    for (delegation_id d : delegations_) {
        auto const v = m.delegation(d);
        ends.push_back(v.from.index());
        ends.push_back(v.to.index());
    }
    if (ends.size() >= direct_table_nodes) { // many actors: mark them in a table instead of sorting
        thread_local std::vector<std::uint8_t> mark;
        mark.assign(*std::max_element(ends.begin(), ends.end()) + std::size_t{1}, 0);
        for (auto a : ends) mark[a] = 1;
        actors_.clear();
        for (std::uint32_t a = 0; a < mark.size(); ++a)
            if (mark[a] != 0) actors_.push_back(a);
        actors_.shrink_to_fit();
    } else {
        std::sort(ends.begin(), ends.end());
        actors_.assign(ends.begin(), std::unique(ends.begin(), ends.end()));
    }
    if (actors_.size() >= direct_table_nodes) { // O(1) lookups where the binary search would be deep
        node_by_actor_.assign(actors_.back() + 1, none);
        for (std::uint32_t n = 0; n < actors_.size(); ++n) node_by_actor_[actors_[n]] = n;
    }
    auto const n_nodes = static_cast<std::uint32_t>(actors_.size());
    auto const node_at = [&](actor_id a) { return *node_of(a); };

    // ---- origins from direct holdings
    items_.reserve(holdings.size() + delegations_.size());
    for (holding_id h : holdings) {
        auto const v = m.holding(h);
        auto const begin = static_cast<std::uint32_t>(stage_pool_.size());
        stage_pool_.insert(stage_pool_.end(), v.where.stages.begin(), v.where.stages.end());
        items_.push_back({node_at(v.actor), v.where.scope ? v.where.scope->index() : none, begin,
                          static_cast<std::uint32_t>(v.where.stages.size()), h.index(), false});
    }

    // ---- delegations: statuses decided now, bare edges, pending explicit grants
    struct pending_grant {
        std::uint32_t delegation;
        std::uint32_t to;          // node that receives the grant
        std::uint32_t scope;       // none: everywhere
        std::uint32_t stage_begin; // into stage_pool_
        std::uint32_t stage_count;
        std::uint32_t slot_begin; // flags in slots
        detail::grant_progress progress;
        bool done = false;
    };
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> bare;   // (from node, to node)
    thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> grants; // (from node, index into pending)
    thread_local std::vector<pending_grant> pending;
    thread_local std::vector<std::uint8_t> slots;
    thread_local std::vector<delegation_status> status;
    bare.clear();
    grants.clear();
    pending.clear();
    slots.clear();
    status.assign(delegations_.size(), delegation_status::not_held);
    incoming_.assign(n_nodes, 0);
    bool const delegable = static_cast<bool>(m[x].delegable);
    for (std::size_t k = 0; k < delegations_.size(); ++k) {
        auto const v = m.delegation(delegations_[k]);
        auto const from = node_at(v.from);
        auto const to = node_at(v.to);
        ++incoming_[to];
        auto& st = status[k];
        if (!delegable) st = delegation_status::not_delegable;
        else if (v.from == v.to) st = delegation_status::self;
        if (st != delegation_status::not_held) continue;
        if (!v.explicit_grant()) {
            bare.emplace_back(from, to);
            continue;
        }
        pending_grant g{static_cast<std::uint32_t>(k),
                        to,
                        v.where.scope ? v.where.scope->index() : none,
                        static_cast<std::uint32_t>(stage_pool_.size()),
                        static_cast<std::uint32_t>(v.where.stages.size()),
                        static_cast<std::uint32_t>(slots.size()),
                        detail::grant_progress::start(v.where.stages.size())};
        stage_pool_.insert(stage_pool_.end(), v.where.stages.begin(), v.where.stages.end());
        slots.resize(slots.size() + g.progress.remaining, 0);
        grants.emplace_back(from, static_cast<std::uint32_t>(pending.size()));
        pending.push_back(g);
    }
    // identical bare delegations count once (precise reading 4)
    std::sort(bare.begin(), bare.end());
    bare.erase(std::unique(bare.begin(), bare.end()), bare.end());
    thread_local std::vector<std::uint32_t> bare_begin, bare_to;
    bare_begin.assign(n_nodes + 1, 0);
    bare_to.resize(bare.size());
    for (auto const& e : bare) ++bare_begin[e.first + 1];
    for (std::uint32_t n = 0; n < n_nodes; ++n) bare_begin[n + 1] += bare_begin[n];
    for (std::size_t i = 0; i < bare.size(); ++i) bare_to[i] = bare[i].second; // already grouped by source
    std::sort(grants.begin(), grants.end());
    thread_local std::vector<std::uint32_t> grant_begin, grant_of;
    grant_begin.assign(n_nodes + 1, 0);
    grant_of.resize(grants.size());
    for (auto const& g : grants) ++grant_begin[g.first + 1];
    for (std::uint32_t n = 0; n < n_nodes; ++n) grant_begin[n + 1] += grant_begin[n];
    for (std::size_t i = 0; i < grants.size(); ++i) grant_of[i] = grants[i].second;

    // ---- the least fixpoint: a work list of origins, each pushed along bare edges once per node
    thread_local std::vector<std::uint32_t> seen, stack;
    seen.assign(n_nodes, none);                                   // the last origin that reached the node
    item_node_begin_.reserve(items_.size() + pending.size() + 1); // at most one origin per pending grant
    item_node_.reserve(items_.size());
    item_node_begin_.push_back(0);
    for (std::uint32_t i = 0; i < items_.size(); ++i) {
        stack.assign(1, items_[i].owner);
        seen[items_[i].owner] = i;
        while (!stack.empty()) {
            auto const n = stack.back();
            stack.pop_back();
            item_node_.push_back(n);
            for (auto k = grant_begin[n]; k < grant_begin[n + 1]; ++k) {
                auto& g = pending[grant_of[k]];
                if (g.done) continue;
                item const it = items_[i]; // copy: items_ may grow below
                std::span<std::uint8_t> flags{slots.data() + g.slot_begin,
                                              detail::grant_progress::flag_count(g.stage_count)};
                bool const complete = g.progress.offer(
                    scopes.tree(), it.scope, stages_of(it), g.scope,
                    std::span<stage_id const>{stage_pool_}.subspan(g.stage_begin, g.stage_count),
                    [&](std::uint32_t f) { return flags[f] != 0; }, [&](std::uint32_t f) { flags[f] = 1; });
                if (!complete) continue;
                g.done = true;
                status[g.delegation] = delegation_status::valid;
                items_.push_back(
                    {g.to, g.scope, g.stage_begin, g.stage_count, delegations_[g.delegation].index(), true});
            }
            for (auto k = bare_begin[n]; k < bare_begin[n + 1]; ++k)
                if (seen[bare_to[k]] != i) {
                    seen[bare_to[k]] = i;
                    stack.push_back(bare_to[k]);
                }
        }
        item_node_begin_.push_back(static_cast<std::uint32_t>(item_node_.size()));
    }

    // ---- origins per node (counting sort of the holder pairs)
    node_item_begin_.assign(n_nodes + 1, 0);
    for (auto n : item_node_) ++node_item_begin_[n + 1];
    for (std::uint32_t n = 0; n < n_nodes; ++n) node_item_begin_[n + 1] += node_item_begin_[n];
    node_item_.resize(item_node_.size());
    {
        thread_local std::vector<std::uint32_t> fill;
        fill.assign(node_item_begin_.begin(), node_item_begin_.end() - 1);
        for (std::uint32_t i = 0; i < items_.size(); ++i)
            for (auto k = item_node_begin_[i]; k < item_node_begin_[i + 1]; ++k) node_item_[fill[item_node_[k]]++] = i;
    }

    // ---- the remaining statuses: a bare delegation is valid when its delegator holds anything; an explicit
    // one that never became valid fails on the scope or, with the scope covered, on a stage
    auto const holds_any = [&](std::uint32_t n) { return node_item_begin_[n] != node_item_begin_[n + 1]; };
    for (std::size_t k = 0; k < delegations_.size(); ++k) {
        if (status[k] != delegation_status::not_held) continue;
        auto const v = m.delegation(delegations_[k]);
        if (!holds_any(node_at(v.from))) continue; // not-held
        if (!v.explicit_grant()) status[k] = delegation_status::valid;
    }
    for (auto const& g : pending)
        if (!g.done && status[g.delegation] == delegation_status::not_held &&
            holds_any(node_at(m.delegation(delegations_[g.delegation]).from)))
            status[g.delegation] = g.progress.scope_covered ? delegation_status::stage : delegation_status::scope;
    for (std::size_t k = 0; k < delegations_.size(); ++k) validity.set(delegations_[k], status[k]);

    // ---- origins by scope, for "who is capable here" without scanning actors
    buckets_.reserve(items_.size());
    if (items_.size() >= direct_table_nodes) { // many origins: a counting sort by scope (stable: items in order)
        thread_local std::vector<std::uint32_t> start;
        std::uint32_t top = 0; // scope index + 1; 0 for everywhere, which sorts last as `none`
        for (auto const& it : items_)
            if (it.scope != none) top = std::max(top, it.scope + 1);
        start.assign(top + std::size_t{2}, 0);
        auto const slot = [&](std::uint32_t scope) { return scope == none ? top : scope; };
        for (auto const& it : items_) ++start[slot(it.scope) + 1];
        for (std::size_t k = 0; k + 1 < start.size(); ++k) start[k + 1] += start[k];
        buckets_.resize(items_.size());
        for (std::uint32_t i = 0; i < items_.size(); ++i)
            buckets_[start[slot(items_[i].scope)]++] = {items_[i].scope, i};
    } else {
        for (std::uint32_t i = 0; i < items_.size(); ++i) buckets_.emplace_back(items_[i].scope, i);
        std::sort(buckets_.begin(), buckets_.end());
    }
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_DERIVED_HOLDINGS_HPP
