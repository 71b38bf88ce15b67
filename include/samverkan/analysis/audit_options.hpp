// audit_options: which rules run and at which severity.
#ifndef SAMVERKAN_ANALYSIS_AUDIT_OPTIONS_HPP
#define SAMVERKAN_ANALYSIS_AUDIT_OPTIONS_HPP

#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>

#include <array>
#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <optional>

namespace samverkan {

/// Switches built-in rules off and overrides their severities. All rules run by default.
///
///     samverkan::audit_options opts;
///     opts.skip(samverkan::rule_id::idle_actor)
///         .set_severity(samverkan::rule_id::no_responsible, samverkan::severity::error);
///     auto r = samverkan::audit(m, opts);
struct audit_options {
    std::bitset<rule_count> disabled;
    std::array<std::optional<samverkan::severity>, rule_count> severity_overrides{};

    /// Switches `r` off.
    audit_options& skip(rule_id r) noexcept {
        disabled.set(static_cast<std::size_t>(r));
        return *this;
    }
    /// Runs only the rules listed (built-in rules; user rules always run).
    audit_options& only(std::initializer_list<rule_id> rules) noexcept {
        disabled.set();
        for (rule_id r : rules) disabled.reset(static_cast<std::size_t>(r));
        return *this;
    }
    /// Reports `r` at severity `s` instead of its default.
    audit_options& set_severity(rule_id r, samverkan::severity s) noexcept {
        severity_overrides[static_cast<std::size_t>(r)] = s;
        return *this;
    }
    [[nodiscard]] bool enabled(rule_id r) const noexcept { return !disabled.test(static_cast<std::size_t>(r)); }
    [[nodiscard]] samverkan::severity severity_of(rule_id r) const noexcept {
        auto const& o = severity_overrides[static_cast<std::size_t>(r)];
        return o ? *o : default_severity(r);
    }
};

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_AUDIT_OPTIONS_HPP
