// delegation_validity: whether each delegation of a model is valid, or the first reason why not; and the
// one definition of the explicit-grant check (model-format.md, precise reading 2) that both the capability
// index (derived_holdings.hpp) and the robustness solver (mandate_flow.hpp) run.
//
// The statuses are decided by the derivation of holdings (derived_holdings.hpp), one mandate at a time,
// since validity and holdings are one least fixpoint; this class only stores and answers them.
//
//     samverkan::capability_index cap{m};
//     if (cap.delegations().validity(d) != samverkan::delegation_status::valid) ...
//
// Queries O(1), noexcept. Memory: one byte per delegation id.
#ifndef SAMVERKAN_ANALYSIS_DELEGATION_VALIDITY_HPP
#define SAMVERKAN_ANALYSIS_DELEGATION_VALIDITY_HPP

#include <samverkan/detail/described_enum.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/scope_tree.hpp>

#include <boost/describe/enum.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace samverkan {

/// Whether a delegation is valid, or the first reason (in the order of rules.md) why it is not.
enum class delegation_status : std::uint8_t { valid, not_delegable, self, not_held, scope, stage };

BOOST_DESCRIBE_ENUM(delegation_status, valid, not_delegable, self, not_held, scope, stage)

/// "valid", or the invalid-delegation reason as rules.md spells it: "not-delegable", "self", "not-held",
/// "scope", "stage" (from the enum's description).
[[nodiscard]] constexpr std::string_view to_string(delegation_status s) noexcept { return detail::enum_text(s); }

/// The validity of every delegation of one model, indexed by delegation id.
class delegation_validity {
public:
    delegation_validity() = default;

    /// Whether delegation `d` is valid, or why not. O(1). Precondition: d belongs to the model.
    [[nodiscard]] delegation_status validity(delegation_id d) const noexcept {
        assert(d.index() < status_.size());
        return status_[d.index()];
    }
    /// Whether delegation `d` is valid. O(1).
    [[nodiscard]] bool valid(delegation_id d) const noexcept { return validity(d) == delegation_status::valid; }

    /// Sets the status of `d`, growing the table for delegations added since (for the derivation).
    void set(delegation_id d, delegation_status s) {
        if (d.index() >= status_.size()) status_.resize(d.index() + 1, delegation_status::not_held);
        status_[d.index()] = s;
    }
    /// Makes room for `bound` delegation ids (id_bound of the model).
    void reserve_ids(std::size_t bound) {
        if (bound > status_.size()) status_.resize(bound, delegation_status::not_held);
    }

private:
    std::vector<delegation_status> status_;
};

namespace detail {

/// Progress of one explicit delegation towards validity (precise reading 2): the delegator's holdings must
/// cover every point of the grant, that is some origin covers the grant's scope, and for each granted stage
/// (or "every stage") some origin that covers the scope is valid there. The grant has one flag per granted
/// stage, or one for "every stage" (flag_count); the caller stores the flags (a byte, or which origin set
/// it), and offer() is fed the delegator's origins one at a time.
/// Scope values are raw indices, `none` meaning everywhere; stage lists are sorted, empty meaning every stage.
struct grant_progress {
    static constexpr std::uint32_t none = 0xffffffffU;

    std::uint32_t remaining = 0; // flags not yet set
    bool scope_covered = false;

    /// A grant with `stage_count` granted stages (0: every stage), nothing covered yet.
    [[nodiscard]] static grant_progress start(std::size_t stage_count) noexcept {
        return {flag_count(stage_count), false};
    }
    /// The number of flags of a grant with `stage_count` granted stages (0: every stage).
    [[nodiscard]] static std::uint32_t flag_count(std::size_t stage_count) noexcept {
        return stage_count == 0 ? 1U : static_cast<std::uint32_t>(stage_count);
    }

    /// Offers one origin (scope, sorted stages) to the grant (scope, sorted stages). For every flag the
    /// origin covers that `is_set(k)` says is not yet set, calls `set(k)`. Returns true when the grant is
    /// fully covered (then it is valid). O(grant stages x log(origin stages)).
    template <class Stage, class IsSet, class Set>
    bool offer(scope_tree const& tree, std::uint32_t origin_scope, std::span<Stage const> origin_stages,
               std::uint32_t grant_scope, std::span<Stage const> grant_stages, IsSet const& is_set, Set const& set) {
        if (remaining == 0) return true;
        auto const as_scope = [](std::uint32_t s) {
            return s == none ? std::nullopt : std::optional<scope_id>{scope_id{s}};
        };
        if (!tree.covers(as_scope(origin_scope), as_scope(grant_scope))) return false;
        scope_covered = true;
        if (origin_stages.empty()) { // valid at every stage: covers every flag
            for (std::uint32_t k = 0; k < flag_count(grant_stages.size()); ++k)
                if (!is_set(k)) set(k);
            remaining = 0;
        } else if (!grant_stages.empty()) {
            for (std::uint32_t k = 0; k < grant_stages.size(); ++k)
                if (!is_set(k) && std::binary_search(origin_stages.begin(), origin_stages.end(), grant_stages[k])) {
                    set(k);
                    --remaining;
                }
        }
        return remaining == 0;
    }
};

} // namespace detail

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_DELEGATION_VALIDITY_HPP
