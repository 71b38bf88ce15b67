// The order of findings in a report (model-format.md, precise reading 7): severity (error, warning, info),
// then rule id, then the tuple of subject values in the key order of rules.md. An element compares by its
// id text, a list of elements as the sequence of their id texts; texts compare by byte (code point for
// UTF-8). Ties, which only user rules can produce, are broken by witness and message, so the order never
// depends on the order in which rules ran.
#ifndef SAMVERKAN_ANALYSIS_FINDING_ORDER_HPP
#define SAMVERKAN_ANALYSIS_FINDING_ORDER_HPP

#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <compare>
#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace samverkan {

namespace detail {

template <class Traits>
std::strong_ordering compare_refs(basic_model<Traits> const& m, element_ref const& a, element_ref const& b) noexcept {
    if (auto const c = id_text(m, a) <=> id_text(m, b); c != 0) return c;
    return a.index() <=> b.index(); // same text, different kinds: only in user rules
}

template <class Traits>
std::strong_ordering compare_values(basic_model<Traits> const& m, field_value const& a, field_value const& b) noexcept {
    if (a.index() != b.index()) return a.index() <=> b.index();
    if (auto const* x = std::get_if<element_ref>(&a)) return compare_refs(m, *x, std::get<element_ref>(b));
    if (auto const* x = std::get_if<std::string>(&a)) return std::string_view{*x} <=> std::string_view{std::get<std::string>(b)};
    if (auto const* x = std::get_if<ref_list>(&a)) {
        auto const& y = std::get<ref_list>(b);
        for (std::size_t i = 0; i < x->size() && i < y.size(); ++i) {
            auto const& p = (*x)[i];
            auto const& q = y[i];
            if (p.has_value() != q.has_value()) return p.has_value() ? std::strong_ordering::greater : std::strong_ordering::less;
            if (p)
                if (auto const c = compare_refs(m, *p, *q); c != 0) return c;
        }
        return x->size() <=> y.size();
    }
    auto const& x = std::get<ref_map>(a);
    auto const& y = std::get<ref_map>(b);
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (auto const c = compare_refs(m, x[i].first, y[i].first); c != 0) return c;
        if (auto const c = std::string_view{x[i].second} <=> std::string_view{y[i].second}; c != 0) return c;
    }
    return x.size() <=> y.size();
}

template <class Traits>
std::strong_ordering compare_fields(basic_model<Traits> const& m, std::vector<field> const& a, std::vector<field> const& b) noexcept {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (auto const c = compare_values(m, a[i].value, b[i].value); c != 0) return c;
        if (auto const c = std::string_view{a[i].key} <=> std::string_view{b[i].key}; c != 0) return c;
    }
    return a.size() <=> b.size();
}

} // namespace detail

/// The report order of two findings of model `m` (see the top of this header). O(size of the subjects).
///     bool first = samverkan::compare_findings(m, a, b) < 0;
template <class Traits>
[[nodiscard]] std::strong_ordering compare_findings(basic_model<Traits> const& m, finding const& a, finding const& b) noexcept {
    if (auto const c = a.severity <=> b.severity; c != 0) return c;
    if (auto const c = std::string_view{a.rule} <=> std::string_view{b.rule}; c != 0) return c;
    if (auto const c = detail::compare_fields(m, a.subjects, b.subjects); c != 0) return c;
    if (auto const c = detail::compare_fields(m, a.witness, b.witness); c != 0) return c;
    return std::string_view{a.message} <=> std::string_view{b.message};
}

/// Sorts findings into report order. O(n log n) comparisons.
///     samverkan::sort_findings(m, findings);
template <class Traits>
void sort_findings(basic_model<Traits> const& m, std::vector<finding>& findings) {
    std::sort(findings.begin(), findings.end(), [&m](finding const& a, finding const& b) { return compare_findings(m, a, b) < 0; });
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_FINDING_ORDER_HPP
