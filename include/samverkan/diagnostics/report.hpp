// report: the sorted findings of one audit with their summary.
#ifndef SAMVERKAN_DIAGNOSTICS_REPORT_HPP
#define SAMVERKAN_DIAGNOSTICS_REPORT_HPP

#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/severity.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace samverkan {

/// Number of findings per severity.
struct summary {
    std::size_t error = 0;
    std::size_t warning = 0;
    std::size_t info = 0;
    [[nodiscard]] std::size_t total() const noexcept { return error + warning + info; }
    [[nodiscard]] std::size_t at_or_above(severity s) const noexcept {
        switch (s) {
        case severity::error: return error;
        case severity::warning: return error + warning;
        case severity::info: return total();
        }
        return total();
    }
    friend bool operator==(summary const&, summary const&) = default;
};
BOOST_DESCRIBE_STRUCT(summary, (), (error, warning, info))

/// The result of an audit: findings sorted by severity, rule id, then subjects (rules.md), and their counts.
struct report {
    std::optional<std::string> model; ///< the model's name; nullopt when it has none
    std::vector<finding> findings;

    [[nodiscard]] samverkan::summary summary() const noexcept {
        samverkan::summary s;
        for (auto const& f : findings) {
            switch (f.severity) {
            case severity::error: ++s.error; break;
            case severity::warning: ++s.warning; break;
            case severity::info: ++s.info; break;
            }
        }
        return s;
    }
};

/// A report's text needs its model: write `samverkan::describe(m, r)` (analysis/message.hpp).
std::ostream& operator<<(std::ostream& os, report const& r) = delete;

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_REPORT_HPP
