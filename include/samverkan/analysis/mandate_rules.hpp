// The mandate rules (rules.md): does the work sit with actors who may legally do it?
//
//   mandate-missing              error    (duty with a performer, required mandate) none of the performers
//                                         is capable of, while some other actor is
//                                         subjects: duty, mandate     witness: reasons, capable
//   mandate-unheld               error    (duty, required mandate) no actor in the model is capable of
//                                         subjects: duty, mandate
//   accountable-without-mandate  warning  (duty, A actor) capable of none of the duty's required mandates
//                                         subjects: duty, actor       witness: mandates
//   responsible-without-mandate  info     (duty, R actor not also A) capable of none of them
//                                         subjects: duty, actor       witness: mandates
//
// All four apply to optional duties too. mandate-missing and mandate-unheld exclude each other; a duty with
// no performers can only get mandate-unheld. Capability comes from the capability index, never re-derived.
// Complexity: for each duty, p performers x q required mandates capability queries (each O(log + origins
// held by the actor)); for each (duty, mandate) that no performer meets, one anyone_capable query
// (O(scope depth x log)); a mandate-missing finding adds its capable list (output-sensitive) and sorting.
// Linear in duties + RACI entries + requirements when performers hold few origins each.
#ifndef SAMVERKAN_ANALYSIS_MANDATE_RULES_HPP
#define SAMVERKAN_ANALYSIS_MANDATE_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan {

namespace detail {

/// Scratch space for mandate_rules_of, reused from duty to duty.
struct mandate_scratch {
    std::vector<mandate_id> required;
    std::vector<actor_id> responsible, accountable, performers;
    std::vector<std::uint8_t> capable; // performers x required
};

/// The mandate-rule findings of one duty `d` placed at `where`, whose performers are `duty_performers`.
/// Used by the audit for every duty and by the incremental audit for the duties an edit touches.
template <class Traits>
void mandate_rules_of(basic_model<Traits> const& m, capability_index const& cap,
                      std::span<performer const> duty_performers, placement const& where, audit_options const& opts,
                      duty_id d, mandate_scratch& scratch, std::vector<finding>& out) {
    bool const missing_on = opts.enabled(rule_id::mandate_missing);
    bool const unheld_on = opts.enabled(rule_id::mandate_unheld);
    bool const a_on = opts.enabled(rule_id::accountable_without_mandate);
    bool const r_on = opts.enabled(rule_id::responsible_without_mandate);
    auto& required = scratch.required;
    auto& responsible = scratch.responsible;
    auto& accountable = scratch.accountable;
    auto& performers = scratch.performers;
    auto& capable = scratch.capable;
    required.clear();
    for (mandate_id x : m.required_mandates(d)) required.push_back(x);
    if (required.empty()) return;
    std::sort(required.begin(), required.end());
    required.erase(std::unique(required.begin(), required.end()), required.end());

    // performers in increasing index (as the index keeps them); R-only and A actors apart
    responsible.clear();
    accountable.clear();
    performers.clear();
    for (auto const& p : duty_performers) {
        performers.push_back(p.actor);
        if (p.accountable) accountable.push_back(p.actor);
        else responsible.push_back(p.actor); // judged only as accountable when it is both
    }

    auto const q = required.size();
    capable.assign(performers.size() * q, 0);
    for (std::size_t k = 0; k < performers.size(); ++k)
        for (std::size_t j = 0; j < q; ++j) capable[k * q + j] = cap.capable(performers[k], required[j], where) ? 1 : 0;

    if (missing_on || unheld_on) {
        for (std::size_t j = 0; j < q; ++j) {
            bool met = false;
            for (std::size_t k = 0; k < performers.size() && !met; ++k) met = capable[k * q + j] != 0;
            if (met) continue;
            mandate_id const x = required[j];
            if (!cap.anyone_capable(x, where)) {
                if (unheld_on)
                    out.push_back(
                        make_finding(rule_id::mandate_unheld, opts, {{key_id::duty, d}, {key_id::mandate, x}}));
                continue;
            }
            if (!missing_on || performers.empty()) continue;
            std::vector<actor_id> who = performers;
            sort_by_id_text(m, who);
            ref_map reasons;
            reasons.reserve(who.size());
            for (actor_id a : who)
                reasons.emplace_back(element_ref{a}, std::string{to_string(cap.capability(a, x, where))});
            out.push_back(make_finding(rule_id::mandate_missing, opts, {{key_id::duty, d}, {key_id::mandate, x}},
                                       {{key_id::reasons, std::move(reasons)},
                                        {key_id::capable, sorted_refs(m, cap.capable_actors(x, where))}}));
        }
    }

    if (!a_on && !r_on) return;
    auto const capable_of_any = [&](actor_id a) {
        auto const k =
            static_cast<std::size_t>(std::lower_bound(performers.begin(), performers.end(), a) - performers.begin());
        for (std::size_t j = 0; j < q; ++j)
            if (capable[k * q + j] != 0) return true;
        return false;
    };
    // the witness is the same for every actor of the duty: built once, on demand
    ref_list mandates;
    auto const mandates_field = [&] {
        if (mandates.empty()) {
            auto sorted_required = required;
            sort_by_id_text(m, sorted_required);
            mandates = sorted_refs(m, sorted_required);
        }
        return field{key_id::mandates, mandates};
    };
    if (a_on)
        for (actor_id a : accountable)
            if (!capable_of_any(a))
                out.push_back(make_finding(rule_id::accountable_without_mandate, opts,
                                           {{key_id::duty, d}, {key_id::actor, a}}, {mandates_field()}));
    if (r_on)
        for (actor_id a : responsible)
            if (!capable_of_any(a))
                out.push_back(make_finding(rule_id::responsible_without_mandate, opts,
                                           {{key_id::duty, d}, {key_id::actor, a}}, {mandates_field()}));
}

template <class Traits>
void mandate_rules(basic_model<Traits> const& m, capability_index const& cap, audit_options const& opts,
                   std::vector<finding>& out) {
    if (!opts.enabled(rule_id::mandate_missing) && !opts.enabled(rule_id::mandate_unheld) &&
        !opts.enabled(rule_id::accountable_without_mandate) && !opts.enabled(rule_id::responsible_without_mandate))
        return;
    mandate_scratch scratch; // no allocation per relation once warmed up
    for (duty_id d : m.duties())
        mandate_rules_of(m, cap, cap.performers(d), cap.placement_of(d), opts, d, scratch, out);
}

} // namespace detail

/// Runs mandate-missing, mandate-unheld, accountable-without-mandate and responsible-without-mandate (those
/// the options enable) with the capability index `cap` of `m`, and returns their findings in report order.
///
///     samverkan::capability_index cap{m};
///     auto findings = samverkan::check_mandate_rules(m, cap);
template <class Traits>
[[nodiscard]] std::vector<finding> check_mandate_rules(basic_model<Traits> const& m, capability_index const& cap,
                                                       audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::mandate_rules(m, cap, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_MANDATE_RULES_HPP
