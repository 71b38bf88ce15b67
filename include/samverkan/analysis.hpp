// samverkan/analysis.hpp: the audit, the capability index, every rule family, the user-rule concept,
// and the robustness analyses (withdraw, what_if, resilience, criticality).
#ifndef SAMVERKAN_ANALYSIS_HPP
#define SAMVERKAN_ANALYSIS_HPP

#include <samverkan/analysis/assignment_rules.hpp>
#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/coordination_rules.hpp>
#include <samverkan/analysis/delegation_rules.hpp>
#include <samverkan/analysis/exclusive_overlap.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/analysis/inventory_rules.hpp>
#include <samverkan/analysis/mandate_rules.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/order_rules.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/user_rule.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/analysis/withdraw.hpp>

#endif // SAMVERKAN_ANALYSIS_HPP
