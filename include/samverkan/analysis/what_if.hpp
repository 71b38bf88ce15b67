// what_if: what the audit would say if some actors left (analytics.md section 1).
//
//     auto const lpo = *m.find<samverkan::actor_id>("lpo");
//     samverkan::what_if_result const r = samverkan::what_if(m, std::vector{lpo});
//     for (auto const& f : r.added.findings) std::cout << f << '\n';   // new problems without lpo
//
// what_if(M, W) compares audit(M) with audit(withdraw(M, W)) finding by finding, by (rule, subjects), with
// the default options: `added` holds the findings of the second that are not in the first, `removed` those
// of the first that are not in the second, each sorted as in a report; a finding in both whose witness
// changed is in neither. Every id in the result refers to `m` (the added findings are translated back from
// the withdrawn model), so one model renders both lists. `without` is W sorted by id text, each actor once.
//
// Complexity: two audits and one copy of the model, O(size of m) up to log factors (see audit.hpp,
// withdraw.hpp); what_if_counts() counts the added findings of every single-actor withdrawal without either
// (resilience.hpp, criticality()). Preconditions (assert): the ids in W were issued by m. Throws only
// std::bad_alloc.
#ifndef SAMVERKAN_ANALYSIS_WHAT_IF_HPP
#define SAMVERKAN_ANALYSIS_WHAT_IF_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// The result of what_if(): the withdrawn actors and the findings added and removed (ids of the original
/// model; `model` of both reports is the model's name).
struct what_if_result {
    std::vector<actor_id> without; ///< sorted by id text, each once
    report added;
    report removed;
};

namespace detail {

/// The comparison key of a finding: rule and subjects as id texts (what_if compares by these only).
template <class Traits>
[[nodiscard]] std::string finding_key(basic_model<Traits> const& m, finding const& f) {
    std::string k = f.rule;
    for (auto const& x : f.subjects) {
        k += '\x1f';
        k += x.key;
        k += '=';
        if (auto const* e = std::get_if<element_ref>(&x.value)) {
            k += id_text(m, *e);
        } else if (auto const* s = std::get_if<std::string>(&x.value)) {
            k += *s;
        } else if (auto const* l = std::get_if<ref_list>(&x.value)) {
            for (auto const& r : *l) {
                k += '\x1e';
                if (r) k += id_text(m, *r);
                else k += '\x1d';
            }
        } else {
            for (auto const& [r, t] : std::get<ref_map>(x.value)) {
                k += '\x1e';
                k += id_text(m, r);
                k += '\x1d';
                k += t;
            }
        }
    }
    return k;
}

// Replaces the actor ids of a finding of the withdrawn model by those of the original model.
inline void remap_actors(finding& f, std::vector<actor_id> const& back) {
    auto const fix = [&back](element_ref& r) {
        if (auto* a = std::get_if<actor_id>(&r)) *a = back[a->index()];
    };
    auto const fix_value = [&fix](field_value& v) {
        if (auto* e = std::get_if<element_ref>(&v)) fix(*e);
        else if (auto* l = std::get_if<ref_list>(&v)) {
            for (auto& r : *l)
                if (r) fix(*r);
        } else if (auto* mp = std::get_if<ref_map>(&v))
            for (auto& kv : *mp) fix(kv.first);
    };
    for (auto& x : f.subjects) fix_value(x.value);
    for (auto& x : f.witness) fix_value(x.value);
}

} // namespace detail

/// The findings that withdrawing `W` adds to and removes from the audit of `m` (see the top of this header).
///     auto r = samverkan::what_if(m, std::vector{sf});
///     bool worse = r.added.summary().error > 0;
template <class Traits>
[[nodiscard]] what_if_result what_if(basic_model<Traits> const& m, std::span<actor_id const> W) {
    what_if_result out;
    out.without.assign(W.begin(), W.end());
    detail::sort_by_id_text(m, out.without);

    auto const rest = withdraw(m, std::span<actor_id const>{out.without});
    auto const map = withdrawn_index(m, std::span<actor_id const>{out.without});
    std::vector<actor_id> back(rest.template count<actor_id>());
    for (actor_id a : m.actors())
        if (map[a.index()]) back[map[a.index()]->index()] = a;

    report before = audit(m);
    report after = audit(rest);
    for (auto& f : after.findings) detail::remap_actors(f, back);

    std::vector<std::pair<std::string, std::size_t>> keys_before, keys_after;
    keys_before.reserve(before.findings.size());
    keys_after.reserve(after.findings.size());
    for (std::size_t i = 0; i < before.findings.size(); ++i)
        keys_before.emplace_back(detail::finding_key(m, before.findings[i]), i);
    for (std::size_t i = 0; i < after.findings.size(); ++i)
        keys_after.emplace_back(detail::finding_key(m, after.findings[i]), i);
    std::sort(keys_before.begin(), keys_before.end());
    std::sort(keys_after.begin(), keys_after.end());
    auto const has = [](std::vector<std::pair<std::string, std::size_t>> const& keys, std::string const& k) {
        auto const it = std::lower_bound(keys.begin(), keys.end(), std::pair<std::string, std::size_t>{k, 0});
        return it != keys.end() && it->first == k;
    };
    out.added.model = before.model;
    out.removed.model = before.model;
    for (auto& f : after.findings)
        if (!has(keys_before, detail::finding_key(m, f))) out.added.findings.push_back(std::move(f));
    for (auto& f : before.findings)
        if (!has(keys_after, detail::finding_key(m, f))) out.removed.findings.push_back(std::move(f));
    sort_findings(m, out.added.findings);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_WHAT_IF_HPP
