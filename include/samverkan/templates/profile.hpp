// Profiles: auditing a model against a template of obligations (templates.md section 4).
//
//     samverkan::capability_index cap{m};
//     auto scope = samverkan::templates::application_scope(m, opts);
//     auto b = samverkan::templates::bind(m, cap, profile, opts, scope);
//     samverkan::report r = samverkan::templates::audit(m, profile, b, audit_opts);
//
// Each duty of a profile that is not optional is an obligation. The three rules (ids in rule_id.hpp):
//   obligation-unrealised (error)   an obligation no duty of the model realises ("profile:duty")
//   obligation-misowned (warning)   (obligation o, duty d realising it): o has A roles, at least one bound;
//                                   d has A actors; none of them is bound to any of o's A roles
//   profile-role-unbound (warning)  a role of the profile, not optional, that is unbound
// They take part in audit_options (skip, only, severities) and the report order like every other rule.
// Cost: O(duties x |realises|) to index what the model realises, plus O(profile x realising duties).
#ifndef SAMVERKAN_TEMPLATES_PROFILE_HPP
#define SAMVERKAN_TEMPLATES_PROFILE_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace samverkan::templates {

/// Appends the findings of the three obligation rules that `opts` enables for model `m` against profile
/// `p` bound by `b` (bind()'s result for `p` on `m`). Unsorted; audit() below sorts.
template <class Traits>
void profile_rules(basic_model<Traits> const& m, collaboration_template const& p, binding const& b,
                   audit_options const& opts, std::vector<finding>& out) {
    bool const unrealised = opts.enabled(rule_id::obligation_unrealised);
    bool const misowned = opts.enabled(rule_id::obligation_misowned);
    if (unrealised || misowned) {
        std::unordered_map<std::string_view, std::vector<duty_id>> realising;
        std::string const prefix = p.id + ":";
        for (duty_id d : m.duties())
            for (std::string const& key : m.realises(d))
                if (key.starts_with(prefix)) realising[key].push_back(d);
        for (template_duty const& o : p.duties) {
            if (o.optional) continue;
            std::string const key = prefix + o.id;
            auto const it = realising.find(key);
            if (it == realising.end()) {
                if (unrealised)
                    out.push_back({.rule = rule_id::obligation_unrealised,
                                   .severity = opts.severity_of(rule_id::obligation_unrealised),
                                   .subjects = {{key_id::profile, p.id}, {key_id::obligation, o.id}}});
                continue;
            }
            if (!misowned) continue;
            auto const& roles = o.raci[1];
            std::vector<actor_id> bound; // the actors bound to o's A roles
            for (auto const& rid : roles)
                if (auto r = p.find_role(rid))
                    bound.insert(bound.end(), b.roles[*r].actors.begin(), b.roles[*r].actors.end());
            if (bound.empty()) continue; // no A role, or none bound
            for (duty_id d : it->second) {
                std::vector<actor_id> accountable;
                for (actor_id a : m.actors_with(d, raci::accountable)) accountable.push_back(a);
                if (accountable.empty()) continue; // no-accountable / unassigned-duty say it
                bool owned = false;
                for (actor_id a : accountable)
                    if (std::find(bound.begin(), bound.end(), a) != bound.end()) owned = true;
                if (owned) continue;
                sort_by_id(m, accountable);
                text_list sorted_roles(roles.begin(), roles.end());
                std::sort(sorted_roles.begin(), sorted_roles.end());
                ref_list acc;
                for (actor_id a : accountable) acc.emplace_back(element_ref{a});
                out.push_back(
                    {.rule = rule_id::obligation_misowned,
                     .severity = opts.severity_of(rule_id::obligation_misowned),
                     .subjects = {{key_id::profile, p.id}, {key_id::obligation, o.id}, {key_id::duty, element_ref{d}}},
                     .witness = {{key_id::roles, std::move(sorted_roles)}, {key_id::accountable, std::move(acc)}}});
            }
        }
    }
    if (opts.enabled(rule_id::profile_role_unbound))
        for (std::size_t i = 0; i < p.roles.size() && i < b.roles.size(); ++i) {
            role const& r = p.roles[i];
            role_binding const& rb = b.roles[i];
            if (r.optional || !rb.actors.empty()) continue;
            ref_list candidates;
            if (rb.reason == unbound_reason::ambiguous)
                for (actor_id a : rb.candidates) candidates.emplace_back(element_ref{a});
            out.push_back({.rule = rule_id::profile_role_unbound,
                           .severity = opts.severity_of(rule_id::profile_role_unbound),
                           .subjects = {{key_id::profile, p.id}, {key_id::role, r.id}},
                           .witness = {{key_id::reason, std::string{to_string(rb.reason)}},
                                       {key_id::candidates, std::move(candidates)}}});
        }
}

/// The audit of `m` with the obligation rules of profile `p` added (bound by `b`), sorted as every report.
template <class Traits>
[[nodiscard]] report audit(basic_model<Traits> const& m, collaboration_template const& p, binding const& b,
                           audit_options const& opts = {}) {
    report r = samverkan::audit(m, opts);
    profile_rules(m, p, b, opts, r.findings);
    sort_findings(m, r.findings);
    return r;
}

} // namespace samverkan::templates

#endif // SAMVERKAN_TEMPLATES_PROFILE_HPP
