// Shared pieces of the rule families: id texts, sorted id lists for subjects and witnesses, message
// phrases in the planner's words (used by analysis/message.hpp), and the construction of a finding from its
// rule id and options.
// Internal (samverkan::detail); user rules may use them but they carry no stability promise.
#ifndef SAMVERKAN_ANALYSIS_RULE_SUPPORT_HPP
#define SAMVERKAN_ANALYSIS_RULE_SUPPORT_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan::detail {

/// The id text of an element (what reports print and sort by). O(1).
template <class Traits, element_id Id>
[[nodiscard]] std::string_view id_text(basic_model<Traits> const& m, Id id) noexcept {
    return std::string_view{m[id].id};
}
template <class Traits>
[[nodiscard]] std::string_view id_text(basic_model<Traits> const& m, element_ref const& r) noexcept {
    return std::visit([&m](auto id) { return id_text(m, id); }, r);
}

/// Sorts ids by id text (byte order, i.e. by code point for UTF-8) and drops duplicates. O(n log n).
template <class Traits, element_id Id>
void sort_by_id_text(basic_model<Traits> const& m, std::vector<Id>& ids) {
    std::sort(ids.begin(), ids.end(), [&m](Id a, Id b) { return id_text(m, a) < id_text(m, b); });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

/// A witness or subject list: the ids sorted by id text, without duplicates.
template <class Traits, element_id Id>
[[nodiscard]] ref_list sorted_refs(basic_model<Traits> const& m, std::vector<Id> ids) {
    sort_by_id_text(m, ids);
    ref_list out;
    out.reserve(ids.size());
    for (Id id : ids) out.emplace_back(element_ref{id});
    return out;
}

/// A finding of built-in rule `r` at the severity the options give it. Its message is not made here:
/// samverkan::message (analysis/message.hpp) derives it when the finding is written.
[[nodiscard]] inline finding make_finding(rule_id r, audit_options const& opts, std::vector<field> subjects,
                                          std::vector<field> witness = {}) {
    return finding{r, opts.severity_of(r), std::move(subjects), std::move(witness)};
}

// ---- message phrases ------------------------------------------------------------------------------------

/// 'Name' (duties, mandates, forums and stages are quoted in messages; actors are not).
template <class Traits, element_id Id>
[[nodiscard]] std::string quoted(basic_model<Traits> const& m, Id id) {
    std::string out{"'"};
    out += m.name_of(id);
    out += '\'';
    return out;
}

/// "A", "A and B", "A, B and C", "A, B, C and 4 others" (at most `shown` names).
template <class Traits, element_id Id>
[[nodiscard]] std::string name_list(basic_model<Traits> const& m, std::vector<Id> const& ids, bool quote = false,
                                    std::size_t shown = 4) {
    std::string out;
    auto const n = ids.size();
    auto const named = n > shown ? shown - 1 : n;
    for (std::size_t i = 0; i < named; ++i) {
        if (i > 0) out += (i + 1 == n) ? " and " : ", ";
        out += quote ? quoted(m, ids[i]) : std::string{m.name_of(ids[i])};
    }
    if (named < n) out += " and " + std::to_string(n - named) + " others";
    return out;
}

/// Where a duty sits, as a phrase: "for Centrum at stage 'Åtgärdsplan'", "everywhere", "for Centrum at
/// every stage" (the stage part only when the model has stages).
template <class Traits>
[[nodiscard]] std::string where_text(basic_model<Traits> const& m, placement const& p) {
    std::string out = p.scope ? "for " + std::string{m.name_of(*p.scope)} : std::string{"everywhere"};
    if (p.stage) out += " at stage " + quoted(m, *p.stage);
    else if (m.template count<stage_id>() != 0) out += " at every stage";
    return out;
}

/// "is" or "are" for a list of n names.
[[nodiscard]] inline std::string_view is_are(std::size_t n) noexcept { return n == 1 ? "is" : "are"; }

} // namespace samverkan::detail

#endif // SAMVERKAN_ANALYSIS_RULE_SUPPORT_HPP
