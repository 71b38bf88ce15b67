// capability_index: everything the rules ask about who may do what where, computed once from a model. It
// composes five parts, each answering one question, each usable on its own:
//
//   performer_table      (performers.hpp)         who performs duty d (its R and A actors)
//   duty_placements      (duty_placements.hpp)    at which stage and scope duty d lies
//   scope_containment    (scope_containment.hpp)  which scopes cover which
//   derived_holdings     (derived_holdings.hpp)   who holds which mandate where and when, per mandate, once
//                                                 delegations are taken into account (the semantics)
//   delegation_validity  (delegation_validity.hpp) whether each delegation is valid, or why not
//
// Queries (a = actor, m = mandate, d = duty; r = origins a holds of m; n = the mandate's nodes):
//   capable(a, m, d)          O(log n + r)
//   capability(a, m, d)       O(log n + r)    capable, or why not (the mandate-missing reasons)
//   anyone_capable(m, d)      O(depth(d's scope) x log n + bucket sizes)
//   capable_actors(m, d)      output-sensitive: the covering origins' holders, sorted and deduplicated
//   validity(delegation)      O(1)
//   performers(d)             O(1)
// Construction: O(model) time and memory (derived_holdings.hpp gives the derivation's cost).
//
// Keeping it current under edits (the incremental audit does this): rederive(m, x) after an edit of mandate
// x's holdings or delegations or flags (only x is derived again), refresh_duty(m, d) after an edit of d's
// RACI list or placement (or its addition or removal), refresh_scopes(m) after scopes were added; the
// nesting of scopes and removals of scopes or stages need a new index. A span from holdings() of mandate x is
// invalidated by rederive(m, x).
//
//     samverkan::capability_index cap{m};
//     if (!cap.capable(sf, leda, lagesbild))
//         std::cout << to_string(cap.capability(sf, leda, lagesbild));   // "invalid-delegation"
//     for (samverkan::actor_id a : cap.capable_actors(leda, lagesbild)) std::cout << m.name_of(a) << '\n';
#ifndef SAMVERKAN_ANALYSIS_CAPABILITY_HPP
#define SAMVERKAN_ANALYSIS_CAPABILITY_HPP

#include <samverkan/analysis/delegation_validity.hpp>
#include <samverkan/analysis/derived_holdings.hpp>
#include <samverkan/analysis/duty_placements.hpp>
#include <samverkan/analysis/performers.hpp>
#include <samverkan/analysis/scope_containment.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace samverkan {

/// The capability index of a model (see the top of this header). It copies what it needs, so it stays
/// valid when the model is changed or destroyed, but it follows changes only through rederive() and
/// refresh_duty().
class capability_index {
public:
    capability_index() = default;

    /// Builds the index of `m`. O(model).
    template <class Traits>
    explicit capability_index(basic_model<Traits> const& m)
        : performers_{m}, placements_{m}, scopes_{m}, holdings_{m, scopes_} {}

    // ---- capability ---------------------------------------------------------------------------------------

    /// Whether `a` is capable of `mnd` at `where`: one of its holdings (direct or received) covers the
    /// scope and is valid at the stage. A stage-less placement needs a holding valid at every stage; a
    /// scope-less one needs a holding for everywhere.
    ///     cap.capable(ks, leda, samverkan::placement{.stage = s1, .scope = centrum});
    [[nodiscard]] bool capable(actor_id a, mandate_id mnd, placement const& where) const noexcept {
        return capability(a, mnd, where) == capability_status::capable;
    }
    /// Whether `a` is capable of `mnd` for duty `d` (at the duty's stage and scope).
    [[nodiscard]] bool capable(actor_id a, mandate_id mnd, duty_id d) const noexcept {
        return capable(a, mnd, placement_of(d));
    }
    /// Capable, or the first mandate-missing reason that applies (see capability_status).
    ///     to_string(cap.capability(sn, leda, plan));   // "stage"
    [[nodiscard]] capability_status capability(actor_id a, mandate_id mnd, placement const& where) const noexcept {
        return holdings_.of(mnd).capability(a, where, scopes_);
    }
    [[nodiscard]] capability_status capability(actor_id a, mandate_id mnd, duty_id d) const noexcept {
        return capability(a, mnd, placement_of(d));
    }
    /// Whether any actor of the model is capable of `mnd` at `where` (not capable: mandate-unheld).
    [[nodiscard]] bool anyone_capable(mandate_id mnd, placement const& where) const noexcept {
        return holdings_.of(mnd).anyone_capable(where, scopes_);
    }
    [[nodiscard]] bool anyone_capable(mandate_id mnd, duty_id d) const noexcept {
        return anyone_capable(mnd, placement_of(d));
    }
    /// Every actor capable of `mnd` at `where`, sorted by index (not by id text) without duplicates.
    [[nodiscard]] std::vector<actor_id> capable_actors(mandate_id mnd, placement const& where) const {
        return holdings_.of(mnd).capable_actors(where, scopes_);
    }
    [[nodiscard]] std::vector<actor_id> capable_actors(mandate_id mnd, duty_id d) const {
        return capable_actors(mnd, placement_of(d));
    }
    /// Whether `a` holds `mnd` anywhere at all, directly or through valid delegations. O(log n).
    [[nodiscard]] bool holds(actor_id a, mandate_id mnd) const noexcept { return holdings_.of(mnd).holds(a); }
    /// The holdings `a` has of `mnd`, direct and received (origins in the order they were derived).
    ///     for (samverkan::effective_holding const& h : cap.holdings(sf, leda)) ...
    [[nodiscard]] auto holdings(actor_id a, mandate_id mnd) const noexcept { return holdings_.of(mnd).holdings(a); }

    // ---- delegations --------------------------------------------------------------------------------------

    /// Whether delegation `d` is valid, or why not. O(1).
    ///     if (cap.validity(d) != samverkan::delegation_status::valid) ...
    [[nodiscard]] delegation_status validity(delegation_id d) const noexcept { return delegations().validity(d); }
    [[nodiscard]] bool valid(delegation_id d) const noexcept { return delegations().valid(d); }

    // ---- the parts ----------------------------------------------------------------------------------------

    /// The performers of duty `d` (its R and A actors, each once, by index).
    ///     for (auto const& p : cap.performers(d)) if (p.accountable) ...
    [[nodiscard]] std::span<performer const> performers(duty_id d) const noexcept { return performers_.of(d); }
    /// The performers of every duty.
    [[nodiscard]] performer_table const& all_performers() const noexcept { return performers_; }
    /// The stage and scope of duty `d`.
    [[nodiscard]] placement placement_of(duty_id d) const noexcept { return placements_.of(d); }
    /// The placements of every duty.
    [[nodiscard]] duty_placements const& placements() const noexcept { return placements_; }
    /// The scope cover relation of the model (nullopt = everywhere).
    [[nodiscard]] scope_containment const& scopes() const noexcept { return scopes_; }
    /// The derived holdings, per mandate.
    [[nodiscard]] derived_holdings const& derived() const noexcept { return holdings_; }
    /// The validity of every delegation.
    [[nodiscard]] delegation_validity const& delegations() const noexcept { return holdings_.validity(); }
    /// Number of (actor, origin) pairs: the size of all derived holdings together.
    [[nodiscard]] std::size_t derived_holding_count() const noexcept { return holdings_.pair_count(); }

    // ---- following edits ----------------------------------------------------------------------------------

    /// Derives mandate `x` again after an edit of its holdings or delegations in `m` (the model this index
    /// was built from, edited); `added` names delegations of x made since. Returns x's previous derivation
    /// (mandate_holdings::compare tells what changed). Time: deriving x alone.
    template <class Traits>
    mandate_holdings rederive(basic_model<Traits> const& m, mandate_id x, std::span<delegation_id const> added = {}) {
        return holdings_.rederive(m, x, scopes_, added);
    }
    /// Reads the performers and the placement of duty `d` of `m` again (after an edit of its RACI list or
    /// placement, or its addition or removal). O(k log k) for k RACI entries of d.
    template <class Traits>
    void refresh_duty(basic_model<Traits> const& m, duty_id d) {
        performers_.refresh(m, d);
        placements_.refresh(m, d);
    }

    /// Reads the scope forest of `m` again after scopes were added (and nothing else changed about scopes:
    /// the nesting of existing scopes needs a new index). O(scopes).
    template <class Traits>
    void refresh_scopes(basic_model<Traits> const& m) {
        scopes_ = scope_containment{m};
    }

private:
    performer_table performers_;
    duty_placements placements_;
    scope_containment scopes_;
    derived_holdings holdings_;
};

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_CAPABILITY_HPP
