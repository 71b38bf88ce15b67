// The built-in rule catalogue (rules.md, version 1): stable ids and default severities.
#ifndef SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP
#define SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP

#include <samverkan/diagnostics/severity.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>

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

/// The built-in rules: the catalogue of rules.md and the three obligation rules of templates.md section 4,
/// which fire only when the model is audited against a profile (see is_profile_rule).
inline constexpr std::size_t rule_count = 21;

namespace detail {
struct rule_entry {
    std::string_view id;
    severity default_severity;
};
inline constexpr std::array<rule_entry, rule_count> rule_table{{
    {"unassigned-duty", severity::error},
    {"no-accountable", severity::error},
    {"no-responsible", severity::warning},
    {"multiple-accountable", severity::error},
    {"mandate-missing", severity::error},
    {"mandate-unheld", severity::error},
    {"accountable-without-mandate", severity::warning},
    {"responsible-without-mandate", severity::info},
    {"exclusive-overlap", severity::error},
    {"invalid-delegation", severity::error},
    {"delegation-cycle", severity::warning},
    {"stage-order", severity::error},
    {"dependency-cycle", severity::error},
    {"coordination-gap", severity::warning},
    {"coordinator-without-mandate", severity::warning},
    {"forum-without-coordinator", severity::info},
    {"idle-actor", severity::info},
    {"unused-mandate", severity::info},
    {"obligation-unrealised", severity::error},
    {"obligation-misowned", severity::warning},
    {"profile-role-unbound", severity::warning},
}};
} // namespace detail

/// The stable id text: `to_string(rule_id::mandate_missing) == "mandate-missing"`.
[[nodiscard]] constexpr std::string_view to_string(rule_id r) noexcept {
    return detail::rule_table[static_cast<std::size_t>(r)].id;
}

/// The severity rules.md gives the rule.
[[nodiscard]] constexpr severity default_severity(rule_id r) noexcept {
    return detail::rule_table[static_cast<std::size_t>(r)].default_severity;
}

/// The built-in rule with id `text` ("mandate-missing"), if any.
[[nodiscard]] constexpr std::optional<rule_id> parse_rule_id(std::string_view text) noexcept {
    for (std::size_t i = 0; i < rule_count; ++i)
        if (detail::rule_table[i].id == text) return static_cast<rule_id>(i);
    return std::nullopt;
}

/// Whether `r` is one of the obligation rules (templates.md section 4), which fire only against a profile.
[[nodiscard]] constexpr bool is_profile_rule(rule_id r) noexcept {
    return r == rule_id::obligation_unrealised || r == rule_id::obligation_misowned ||
           r == rule_id::profile_role_unbound;
}

/// Every built-in rule, in catalogue order.
[[nodiscard]] constexpr std::array<rule_id, rule_count> all_rules() noexcept {
    std::array<rule_id, rule_count> out{};
    for (std::size_t i = 0; i < rule_count; ++i) out[i] = static_cast<rule_id>(i);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_RULE_ID_HPP
