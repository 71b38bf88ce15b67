// severity: how serious a finding is. Reports sort errors first.
#ifndef SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP
#define SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace samverkan {

/// Severities in report order: error < warning < info.
enum class severity : std::uint8_t { error, warning, info };
BOOST_DESCRIBE_ENUM(severity, error, warning, info)

/// "error", "warning" or "info".
[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
    switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
    }
    return "info";
}

/// The severity named `text`, if it names one.
[[nodiscard]] constexpr std::optional<severity> parse_severity(std::string_view text) noexcept {
    if (text == "error") return severity::error;
    if (text == "warning") return severity::warning;
    if (text == "info") return severity::info;
    return std::nullopt;
}

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_SEVERITY_HPP
