// The assignment rules (rules.md): who does and who answers for each duty.
//
//   unassigned-duty        error    duty, not optional, with no performer (R or A)           subjects: duty
//   no-accountable         error    duty, not optional, with R but no A                       subjects: duty
//   no-responsible         warning  duty, not optional, with A but no R                       subjects: duty
//   multiple-accountable   error    duty (optional or not) with two or more A                 subjects: duty, actors
//
// "The three assignment rules" (the first three) skip optional duties; multiple-accountable does not.
// Complexity: O(duties + RACI entries), plus O(k log k) to sort the k actors of a multiple-accountable
// finding. No capability is needed.
#ifndef SAMVERKAN_ANALYSIS_ASSIGNMENT_RULES_HPP
#define SAMVERKAN_ANALYSIS_ASSIGNMENT_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/performers.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <span>
#include <string>
#include <vector>

namespace samverkan {

namespace detail {

/// The assignment-rule findings of one duty `d`, whose performers are `performers` (R and A actors, each
/// once). `responsible` and `accountable` are scratch space. Used by the audit for every duty and by the
/// incremental audit for the duties an edit touches.
template <class Traits>
void assignment_rules_of(basic_model<Traits> const& m, std::span<performer const> performers, audit_options const& opts,
                         duty_id d, std::vector<actor_id>& responsible, std::vector<actor_id>& accountable,
                         std::vector<finding>& out) {
    bool const unassigned = opts.enabled(rule_id::unassigned_duty);
    bool const no_a = opts.enabled(rule_id::no_accountable);
    bool const no_r = opts.enabled(rule_id::no_responsible);
    bool const multiple = opts.enabled(rule_id::multiple_accountable);
    responsible.clear();
    accountable.clear();
    for (auto const& p : performers) {
        if (p.responsible) responsible.push_back(p.actor);
        if (p.accountable) accountable.push_back(p.actor);
    }
    // read the element only when a finding may follow: touching every duty's struct costs more than
    // the rest of the rule
    bool const may_fire = (unassigned && responsible.empty() && accountable.empty()) ||
                          (no_a && !responsible.empty() && accountable.empty()) ||
                          (no_r && !accountable.empty() && responsible.empty());
    if (may_fire && !static_cast<bool>(m[d].optional)) {
        if (unassigned && responsible.empty() && accountable.empty())
            out.push_back(make_finding(rule_id::unassigned_duty, opts, {{key_id::duty, d}}));
        if (no_a && !responsible.empty() && accountable.empty())
            out.push_back(make_finding(rule_id::no_accountable, opts, {{key_id::duty, d}}));
        if (no_r && !accountable.empty() && responsible.empty())
            out.push_back(make_finding(rule_id::no_responsible, opts, {{key_id::duty, d}}));
    }
    if (multiple && accountable.size() >= 2)
        out.push_back(make_finding(rule_id::multiple_accountable, opts,
                                   {{key_id::duty, d}, {key_id::actors, sorted_refs(m, accountable)}}));
}

template <class Traits>
void assignment_rules(basic_model<Traits> const& m, performer_table const& performers, audit_options const& opts,
                      std::vector<finding>& out) {
    if (!opts.enabled(rule_id::unassigned_duty) && !opts.enabled(rule_id::no_accountable) &&
        !opts.enabled(rule_id::no_responsible) && !opts.enabled(rule_id::multiple_accountable))
        return;
    std::vector<actor_id> responsible, accountable; // reused for every duty
    for (duty_id d : m.duties()) assignment_rules_of(m, performers.of(d), opts, d, responsible, accountable, out);
}

} // namespace detail

/// Runs unassigned-duty, no-accountable, no-responsible and multiple-accountable (those the options
/// enable) and returns their findings in report order. O(duties + RACI entries).
///
///     for (auto const& f : samverkan::check_assignment_rules(m)) std::cout << f << '\n';
template <class Traits>
[[nodiscard]] std::vector<finding> check_assignment_rules(basic_model<Traits> const& m,
                                                          audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::assignment_rules(m, performer_table{m}, opts, out);
    sort_findings(m, out);
    return out;
}

/// The same, with the performers the capability index `cap` of `m` has already read (as the audit does).
///     samverkan::capability_index cap{m};
///     auto findings = samverkan::check_assignment_rules(m, cap);
template <class Traits>
[[nodiscard]] std::vector<finding> check_assignment_rules(basic_model<Traits> const& m, capability_index const& cap,
                                                          audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::assignment_rules(m, cap.all_performers(), opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_ASSIGNMENT_RULES_HPP
