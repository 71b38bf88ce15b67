// audit: runs the rule catalogue (rules.md) and any user rules over a model and returns the sorted report.
//
// Where each built-in rule lives (one header per family):
//   unassigned-duty, no-accountable, no-responsible, multiple-accountable    analysis/assignment_rules.hpp
//   mandate-missing, mandate-unheld, accountable-without-mandate,
//   responsible-without-mandate                                              analysis/mandate_rules.hpp
//   exclusive-overlap                                                        analysis/exclusive_overlap.hpp
//   invalid-delegation, delegation-cycle                                     analysis/delegation_rules.hpp
//   stage-order, dependency-cycle                                            analysis/order_rules.hpp
//   coordination-gap, coordinator-without-mandate, forum-without-coordinator analysis/coordination_rules.hpp
//   idle-actor, unused-mandate                                               analysis/inventory_rules.hpp
// Shared derived data: analysis/capability.hpp (built once per audit). Report order:
// analysis/finding_order.hpp. User rules: analysis/user_rule.hpp.
//
// Complexity: linear in the model (elements + relations) up to the log factors of sorting, for models whose
// delegation chains are of bounded length (see capability.hpp), plus the size of the output (a
// coordination-gap finding lists its duties, a mandate-missing finding its capable actors).
#ifndef SAMVERKAN_ANALYSIS_AUDIT_HPP
#define SAMVERKAN_ANALYSIS_AUDIT_HPP

#include <samverkan/analysis/assignment_rules.hpp>
#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/coordination_rules.hpp>
#include <samverkan/analysis/delegation_rules.hpp>
#include <samverkan/analysis/exclusive_overlap.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/inventory_rules.hpp>
#include <samverkan/analysis/mandate_rules.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/order_rules.hpp>
#include <samverkan/analysis/user_rule.hpp>
#include <samverkan/config.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace samverkan {

/// Audits `m`: every built-in rule that `opts` enables, then each user rule, all findings in one report
/// sorted by severity, rule id and subjects (model-format.md, precise reading 7). `model` is m.name(), or
/// nullopt when the model has no name. The same model always gives the same report.
///
///     samverkan::report r = samverkan::audit(m);
///     std::cout << r;                                           // one line per finding, then a summary
///     auto strict = samverkan::audit(m, samverkan::audit_options{}.skip(samverkan::rule_id::idle_actor));
///     auto mine   = samverkan::audit(m, {}, police_consulted{lpo, forvaltning});   // with a user rule
template <class Traits, class... Rules>
[[nodiscard]] report audit(basic_model<Traits> const& m, audit_options const& opts = {}, Rules const&... user_rules) {
    static_assert((user_rule<Rules, basic_model<Traits>> && ...),
                  "audit(model, options, rules...): each user rule needs `id()` returning a string and "
                  "`check(model, capability_index, std::vector<finding>&)`; see samverkan/analysis/user_rule.hpp");
    capability_index const cap{m}; // O(model); also holds the performers that several families read

    std::vector<finding> findings;
    detail::assignment_rules(m, cap.all_performers(), opts, findings);
    detail::mandate_rules(m, cap, opts, findings);
    detail::exclusive_overlap_rule(m, opts, findings);
    detail::delegation_rules(m, cap, opts, findings);
    detail::order_rules(m, opts, findings);
    detail::coordination_rules(m, cap, opts, findings);
    detail::inventory_rules(m, opts, findings);
    (detail::run_user_rule(user_rules, m, cap, findings), ...);
    sort_findings(m, findings);

    report r;
    if (m.has_name()) r.model = m.name();
    r.findings = std::move(findings);
    return r;
}

#if SAMVERKAN_DECLARE_ONLY
// The default model's audit is compiled once, in samverkan::compiled (samverkan/config.hpp).
extern template report audit<default_traits>(basic_model<default_traits> const&, audit_options const&);
#endif

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_AUDIT_HPP
