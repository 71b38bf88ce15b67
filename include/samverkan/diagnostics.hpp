// The diagnostics layer: severities, rule ids, findings and reports.
#ifndef SAMVERKAN_DIAGNOSTICS_HPP
#define SAMVERKAN_DIAGNOSTICS_HPP

#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/names.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>

#endif // SAMVERKAN_DIAGNOSTICS_HPP
