// severity: how serious a finding is. Reports sort errors first.
#ifndef SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP
#define SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP

#include <samverkan/detail/described_enum.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace samverkan {

/// Severities in report order: error < warning < info.
enum class severity : std::uint8_t { error, warning, info };
BOOST_DESCRIBE_ENUM(severity, error, warning, info)

/// "error", "warning" or "info" (from the enum's description).
[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept { return detail::enum_text(s); }

/// The severity named `text`, if it names one.
[[nodiscard]] constexpr std::optional<severity> parse_severity(std::string_view text) noexcept {
    return detail::parse_enum<severity>(text);
}

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP
