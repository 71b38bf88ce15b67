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
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
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

namespace detail {

/// The sort key of a finding as a sequence of parts that compare in the order of compare_findings, with
/// every element reduced to its rank among the ids of its kind (so sorting compares integers, not texts).
struct key_part {
    static constexpr std::uint32_t end_tag = 0, null_tag = 1, element_tag = 2, text_tag = 3, name_tag = 4,
                                   type_tag = 10, severity_tag = 100;
    std::uint32_t tag = end_tag;
    std::uint32_t kind = 0;
    std::uint32_t rank = 0;
    std::string_view text{};
};

[[nodiscard]] inline std::strong_ordering compare_parts(key_part const& a, key_part const& b) noexcept {
    if (a.tag != b.tag) return a.tag <=> b.tag;
    if (a.tag == key_part::element_tag) {
        if (a.kind == b.kind) return a.rank <=> b.rank; // same kind: rank order is id-text order
        if (auto const c = a.text <=> b.text; c != 0) return c;
        return a.kind <=> b.kind;
    }
    if (a.tag == key_part::name_tag) return a.rank <=> b.rank; // rank among the distinct names: text order
    return a.text <=> b.text;
}

} // namespace detail

/// Sorts findings into report order. O(n log n) comparisons of precomputed keys, plus one sort by id text
/// of the r distinct elements that occur in the subjects (O(r log r)); each finding is moved once. The
/// cost does not depend on the size of the model, only on the findings.
///     samverkan::sort_findings(m, findings);
template <class Traits>
void sort_findings(basic_model<Traits> const& m, std::vector<finding>& findings) {
    using detail::key_part;
    if (findings.size() < 2) return;

    // The elements of each kind that occur in a subject, ranked among themselves in id-text order: two
    // elements of one kind compare by rank exactly as they compare by text.
    constexpr std::size_t kinds = std::variant_size_v<element_ref>;
    auto const index_of = [](element_ref const& r) { return std::visit([](auto id) { return id.index(); }, r); };
    std::array<std::vector<element_ref>, kinds> occurring; // sorted by index, unique
    std::array<std::vector<std::uint32_t>, kinds> rank_at; // rank of occurring[kind][i]
    auto const note = [&occurring](element_ref const& r) { occurring[r.index()].push_back(r); };
    for (auto const& f : findings)
        for (auto const& fld : f.subjects) {
            if (auto const* e = std::get_if<element_ref>(&fld.value)) note(*e);
            else if (auto const* l = std::get_if<ref_list>(&fld.value)) {
                for (auto const& x : *l)
                    if (x) note(*x);
            } else if (auto const* mp = std::get_if<ref_map>(&fld.value))
                for (auto const& kv : *mp) note(kv.first);
        }
    auto const by_index = [&index_of](element_ref const& a, element_ref const& b) { return index_of(a) < index_of(b); };
    for (std::size_t kind = 0; kind < kinds; ++kind) {
        auto& refs = occurring[kind];
        if (refs.empty()) continue;
        std::sort(refs.begin(), refs.end(), by_index);
        refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
        std::vector<std::uint32_t> by_text(refs.size()); // positions in `refs`, sorted by id text
        for (std::size_t i = 0; i < by_text.size(); ++i) by_text[i] = static_cast<std::uint32_t>(i);
        std::sort(by_text.begin(), by_text.end(), [&m, &refs](std::uint32_t a, std::uint32_t b) {
            return detail::id_text(m, refs[a]) < detail::id_text(m, refs[b]);
        });
        auto& ranks = rank_at[kind];
        ranks.resize(refs.size());
        for (std::size_t i = 0; i < by_text.size(); ++i) ranks[by_text[i]] = static_cast<std::uint32_t>(i);
    }
    auto const rank_of = [&](element_ref const& r) -> key_part {
        auto const kind = r.index();
        auto const& refs = occurring[kind];
        auto const pos =
            static_cast<std::size_t>(std::lower_bound(refs.begin(), refs.end(), r, by_index) - refs.begin());
        return {key_part::element_tag, static_cast<std::uint32_t>(kind), rank_at[kind][pos], detail::id_text(m, r)};
    };

    // rule ids and subject keys, few and repeated in every finding, compare by their rank among themselves
    std::unordered_set<std::string_view> distinct;
    for (auto const& f : findings) {
        distinct.insert(f.rule);
        for (auto const& fld : f.subjects) distinct.insert(fld.key);
    }
    std::vector<std::string_view> names(distinct.begin(), distinct.end());
    std::sort(names.begin(), names.end());
    auto const name_part = [&names](std::string_view text) {
        auto const rank =
            static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), text) - names.begin());
        return key_part{key_part::name_tag, 0, rank, text};
    };

    std::vector<key_part> parts;
    parts.reserve(8 * findings.size());
    std::vector<std::uint32_t> begin;
    begin.reserve(findings.size() + 1);
    for (auto const& f : findings) {
        begin.push_back(static_cast<std::uint32_t>(parts.size()));
        parts.push_back({key_part::severity_tag + static_cast<std::uint32_t>(f.severity), 0, 0, {}});
        parts.push_back(name_part(f.rule));
        for (auto const& fld : f.subjects) {
            parts.push_back({key_part::type_tag + static_cast<std::uint32_t>(fld.value.index()), 0, 0, {}});
            if (auto const* e = std::get_if<element_ref>(&fld.value)) parts.push_back(rank_of(*e));
            else if (auto const* t = std::get_if<std::string>(&fld.value))
                parts.push_back({key_part::text_tag, 0, 0, *t});
            else if (auto const* l = std::get_if<ref_list>(&fld.value)) {
                for (auto const& x : *l) parts.push_back(x ? rank_of(*x) : key_part{key_part::null_tag, 0, 0, {}});
                parts.push_back({});
            } else if (auto const* texts = std::get_if<text_list>(&fld.value)) {
                for (auto const& x : *texts) parts.push_back({key_part::text_tag, 0, 0, x});
                parts.push_back({});
            } else {
                for (auto const& [k, v] : std::get<ref_map>(fld.value)) {
                    parts.push_back(rank_of(k));
                    parts.push_back({key_part::text_tag, 0, 0, v});
                }
                parts.push_back({});
            }
            parts.push_back(name_part(fld.key));
        }
        parts.push_back({});
    }
    begin.push_back(static_cast<std::uint32_t>(parts.size()));

    std::vector<std::uint32_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto i = begin[a], j = begin[b];
        for (; i < begin[a + 1] && j < begin[b + 1]; ++i, ++j)
            if (auto const c = detail::compare_parts(parts[i], parts[j]); c != 0) return c < 0;
        if (begin[a + 1] - begin[a] != begin[b + 1] - begin[b])
            return begin[a + 1] - begin[a] < begin[b + 1] - begin[b];
        return compare_findings(m, findings[a], findings[b]) < 0; // equal subjects: witness, then message
    });
    std::vector<finding> sorted;
    sorted.reserve(findings.size());
    for (auto i : order) sorted.push_back(std::move(findings[i]));
    findings = std::move(sorted);
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_FINDING_ORDER_HPP
