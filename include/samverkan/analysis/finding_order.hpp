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
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
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
    if (auto const* x = std::get_if<std::string>(&a))
        return std::string_view{*x} <=> std::string_view{std::get<std::string>(b)};
    if (auto const* x = std::get_if<ref_list>(&a)) {
        auto const& y = std::get<ref_list>(b);
        for (std::size_t i = 0; i < x->size() && i < y.size(); ++i) {
            auto const& p = (*x)[i];
            auto const& q = y[i];
            if (p.has_value() != q.has_value())
                return p.has_value() ? std::strong_ordering::greater : std::strong_ordering::less;
            if (p)
                if (auto const c = compare_refs(m, *p, *q); c != 0) return c;
        }
        return x->size() <=> y.size();
    }
    if (auto const* x = std::get_if<text_list>(&a)) {
        auto const& y = std::get<text_list>(b);
        return std::lexicographical_compare_three_way(
            x->begin(), x->end(), y.begin(), y.end(),
            [](std::string const& p, std::string const& q) { return std::string_view{p} <=> std::string_view{q}; });
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
std::strong_ordering compare_fields(basic_model<Traits> const& m, std::vector<field> const& a,
                                    std::vector<field> const& b) noexcept {
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
[[nodiscard]] std::strong_ordering compare_findings(basic_model<Traits> const& m, finding const& a,
                                                    finding const& b) noexcept {
    if (auto const c = a.severity <=> b.severity; c != 0) return c;
    if (auto const c = std::string_view{a.rule} <=> std::string_view{b.rule}; c != 0) return c;
    if (auto const c = detail::compare_fields(m, a.subjects, b.subjects); c != 0) return c;
    if (auto const c = detail::compare_fields(m, a.witness, b.witness); c != 0) return c;
    return a.message.text() <=> b.message.text(); // literal messages: built-in findings have none
}

/// Sorts findings into report order (compare_findings). Each finding gets a 64-bit key that orders as
/// compare_findings does as far as it goes: severity, the rank of its rule id among the rule ids present,
/// the kind of its first subject's value and, for an element or a list of elements, the rank of the
/// (first) element among the elements present (ranked by id text, then kind, as compare_refs orders
/// them). Findings with equal keys are ordered by compare_findings itself. With the built-in rules most
/// keys differ, so sorting compares integers, not texts.
/// Cost: O(n log n) integer comparisons, plus the sort by id text of the r distinct elements that lead a
/// subject (O(r log r) text comparisons), plus compare_findings on equal keys; O(n + r) extra memory and
/// O(id bound) for each kind of element that leads a subject. Each finding is moved once.
///     samverkan::sort_findings(m, findings);
template <class Traits>
void sort_findings(basic_model<Traits> const& m, std::vector<finding>& findings) {
    if (findings.size() < 2) return;
    constexpr std::size_t kinds = std::variant_size_v<element_ref>;
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    // the element that leads each finding's first subject value (an element, or the first of a list)
    auto const lead = [](finding const& f) -> element_ref const* {
        if (f.subjects.empty()) return nullptr;
        auto const& v = f.subjects.front().value;
        if (auto const* e = std::get_if<element_ref>(&v)) return e;
        if (auto const* l = std::get_if<ref_list>(&v))
            if (!l->empty() && l->front()) return &*l->front();
        return nullptr;
    };
    auto const index_of = [](element_ref const& r) { return std::visit([](auto id) { return id.index(); }, r); };

    // ranks of the leading elements among themselves, by (id text, kind): rank_at[kind][index]
    std::array<std::vector<std::uint32_t>, kinds> rank_at;
    std::vector<element_ref> leading;
    for (auto const& f : findings)
        if (auto const* e = lead(f)) {
            auto& at = rank_at[e->index()];
            if (at.empty())
                at.assign(std::visit([&m](auto id) { return m.template id_bound<decltype(id)>(); }, *e), none);
            auto const i = index_of(*e);
            if (i >= at.size()) at.resize(i + 1, none); // an id the model did not issue: still ordered
            if (at[i] == none) {
                at[i] = 0;
                leading.push_back(*e);
            }
        }
    {
        // (first 8 bytes of the id text, big-endian, zero-padded; position): the prefixes order as the
        // texts do wherever they differ; equal prefixes fall back to the texts
        std::vector<std::string_view> texts;
        texts.reserve(leading.size());
        std::vector<std::pair<std::uint64_t, std::uint32_t>> by_text;
        by_text.reserve(leading.size());
        for (auto const& e : leading) {
            texts.push_back(detail::id_text(m, e));
            std::uint64_t prefix = 0;
            for (std::size_t k = 0; k < 8; ++k)
                prefix = (prefix << 8) | (k < texts.back().size() ? static_cast<unsigned char>(texts.back()[k]) : 0U);
            by_text.emplace_back(prefix, static_cast<std::uint32_t>(by_text.size()));
        }
        std::sort(by_text.begin(), by_text.end(), [&](auto const& a, auto const& b) {
            if (a.first != b.first) return a.first < b.first;
            if (auto const c = texts[a.second] <=> texts[b.second]; c != 0) return c < 0;
            return leading[a.second].index() < leading[b.second].index();
        });
        for (std::size_t r = 0; r < by_text.size(); ++r) {
            auto const& e = leading[by_text[r].second];
            rank_at[e.index()][index_of(e)] = static_cast<std::uint32_t>(r);
        }
    }

    // ranks of the rule ids among themselves, by text
    std::vector<std::string_view> rules;
    {
        std::unordered_set<std::string_view> distinct;
        for (auto const& f : findings) distinct.insert(f.rule.text());
        rules.assign(distinct.begin(), distinct.end());
        std::sort(rules.begin(), rules.end());
    }
    bool const keyed = rules.size() < (std::size_t{1} << 14); // else every key is equal: compare_findings
    auto const key_of = [&](finding const& f) -> std::uint64_t {
        if (!keyed) return 0;
        auto const rule =
            static_cast<std::uint64_t>(std::lower_bound(rules.begin(), rules.end(), f.rule.text()) - rules.begin());
        std::uint64_t kind = 0, value = 0; // kind 0: no subjects (sorts first, as the shorter tuple)
        if (!f.subjects.empty()) {
            auto const& v = f.subjects.front().value;
            kind = v.index() + 1;
            if (auto const* e = std::get_if<element_ref>(&v)) value = rank_at[e->index()][index_of(*e)];
            else if (auto const* l = std::get_if<ref_list>(&v)) // empty 0 < null 1 < elements from 2
                value = l->empty()    ? 0
                        : !l->front() ? 1
                                      : std::uint64_t{rank_at[l->front()->index()][index_of(*l->front())]} + 2;
        }
        return (std::uint64_t{static_cast<std::uint8_t>(f.severity)} << 62) | (rule << 48) | (kind << 45) | value;
    };

    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = {key_of(findings[i]), static_cast<std::uint32_t>(i)};
    std::sort(order.begin(), order.end(), [&](auto const& a, auto const& b) {
        if (a.first != b.first) return a.first < b.first;
        return compare_findings(m, findings[a.second], findings[b.second]) < 0;
    });
    std::vector<finding> sorted;
    sorted.reserve(findings.size());
    for (auto const& [key, i] : order) sorted.push_back(std::move(findings[i]));
    findings = std::move(sorted);
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_FINDING_ORDER_HPP
