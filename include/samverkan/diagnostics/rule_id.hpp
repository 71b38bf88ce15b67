// The built-in rule catalogue (rules.md, version 1, and the obligation rules of templates.md section 4):
// stable ids and default severities. The ids, their count and the parser come from the enum's Boost.Describe
// description (detail/described_enum.hpp): an enumerator's id is its name with '_' written as '-'.
#ifndef SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP
#define SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP

#include <samverkan/detail/described_enum.hpp>
#include <samverkan/diagnostics/severity.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace samverkan {

/// The built-in rules. The enumerator names are the rule ids with '-' written as '_'; to_string gives
/// the id. Ids are stable: never renamed; a new meaning gets a new id.
enum class rule_id : std::uint8_t {
    unassigned_duty,
    no_accountable,
    no_responsible,
    multiple_accountable,
    mandate_missing,
    mandate_unheld,
    accountable_without_mandate,
    responsible_without_mandate,
    exclusive_overlap,
    invalid_delegation,
    delegation_cycle,
    stage_order,
    dependency_cycle,
    coordination_gap,
    coordinator_without_mandate,
    forum_without_coordinator,
    idle_actor,
    unused_mandate,
    obligation_unrealised,
    obligation_misowned,
    profile_role_unbound
};
BOOST_DESCRIBE_ENUM(rule_id, unassigned_duty, no_accountable, no_responsible, multiple_accountable, mandate_missing,
                    mandate_unheld, accountable_without_mandate, responsible_without_mandate, exclusive_overlap,
                    invalid_delegation, delegation_cycle, stage_order, dependency_cycle, coordination_gap,
                    coordinator_without_mandate, forum_without_coordinator, idle_actor, unused_mandate,
                    obligation_unrealised, obligation_misowned, profile_role_unbound)

/// The number of built-in rules: the catalogue of rules.md and the three obligation rules of templates.md
/// section 4, which fire only when the model is audited against a profile (see is_profile_rule).
inline constexpr std::size_t rule_count = detail::enum_count<rule_id>;

namespace detail {
/// The severity rules.md (or templates.md) gives each rule, in enum order.
inline constexpr std::array<severity, rule_count> default_severities{
    severity::error,   // unassigned-duty
    severity::error,   // no-accountable
    severity::warning, // no-responsible
    severity::error,   // multiple-accountable
    severity::error,   // mandate-missing
    severity::error,   // mandate-unheld
    severity::warning, // accountable-without-mandate
    severity::info,    // responsible-without-mandate
    severity::error,   // exclusive-overlap
    severity::error,   // invalid-delegation
    severity::warning, // delegation-cycle
    severity::error,   // stage-order
    severity::error,   // dependency-cycle
    severity::warning, // coordination-gap
    severity::warning, // coordinator-without-mandate
    severity::info,    // forum-without-coordinator
    severity::info,    // idle-actor
    severity::info,    // unused-mandate
    severity::error,   // obligation-unrealised
    severity::warning, // obligation-misowned
    severity::warning, // profile-role-unbound
};
} // namespace detail

/// The stable id text: `to_string(rule_id::mandate_missing) == "mandate-missing"`.
[[nodiscard]] constexpr std::string_view to_string(rule_id r) noexcept { return detail::enum_text(r); }

/// The severity the contract gives the rule.
[[nodiscard]] constexpr severity default_severity(rule_id r) noexcept {
    return detail::default_severities[static_cast<std::size_t>(r)];
}

/// The built-in rule with id `text` ("mandate-missing"), if any.
[[nodiscard]] constexpr std::optional<rule_id> parse_rule_id(std::string_view text) noexcept {
    return detail::parse_enum<rule_id>(text);
}

/// Whether `r` is one of the obligation rules (templates.md section 4), which fire only against a profile.
[[nodiscard]] constexpr bool is_profile_rule(rule_id r) noexcept {
    return r == rule_id::obligation_unrealised || r == rule_id::obligation_misowned ||
           r == rule_id::profile_role_unbound;
}

/// Every built-in rule, in catalogue order.
[[nodiscard]] constexpr std::array<rule_id, rule_count> all_rules() noexcept {
    return detail::all_enumerators<rule_id>();
}

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP
