// The inventory rules (rules.md): elements that take part in nothing.
//
//   idle-actor      info  actor with no RACI entry, no forum (member or coordinator), no holding and no
//                         delegation in either direction (valid or not)          subjects: actor
//   unused-mandate  info  mandate that no duty requires and no actor holds directly   subjects: mandate
//
// Complexity: O(actors + mandates + forums) degree checks on the model's relation lists.
#ifndef SAMVERKAN_ANALYSIS_INVENTORY_RULES_HPP
#define SAMVERKAN_ANALYSIS_INVENTORY_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace samverkan {

namespace detail {

template <class Range>
[[nodiscard]] bool is_empty(Range const& r) {
    return r.begin() == r.end();
}

/// The idle-actor finding of actor `a`, if any; `coordinates` tells whether it coordinates a forum.
template <class Traits>
void idle_actor_of(basic_model<Traits> const& m, audit_options const& opts, actor_id a, bool coordinates,
                   std::vector<finding>& out) {
    if (!opts.enabled(rule_id::idle_actor) || coordinates || !is_empty(m.raci_of(a)) || !is_empty(m.forums_of(a)) ||
        !is_empty(m.holdings_of(a)) || !is_empty(m.delegations_from(a)) || !is_empty(m.delegations_to(a)))
        return;
    out.push_back(make_finding(rule_id::idle_actor, opts, {{key_id::actor, a}}));
}

/// The unused-mandate finding of mandate `x`, if any.
template <class Traits>
void unused_mandate_of(basic_model<Traits> const& m, audit_options const& opts, mandate_id x,
                       std::vector<finding>& out) {
    if (opts.enabled(rule_id::unused_mandate) && is_empty(m.duties_requiring(x)) && is_empty(m.holdings_of(x)))
        out.push_back(make_finding(rule_id::unused_mandate, opts, {{key_id::mandate, x}}));
}

template <class Traits>
void inventory_rules(basic_model<Traits> const& m, audit_options const& opts, std::vector<finding>& out) {
    if (opts.enabled(rule_id::idle_actor)) {
        std::vector<std::uint8_t> coordinates(m.template id_bound<actor_id>(), 0);
        for (forum_id f : m.forums())
            if (auto const c = m.coordinator(f)) coordinates[c->index()] = 1;
        for (actor_id a : m.actors()) idle_actor_of(m, opts, a, coordinates[a.index()] != 0, out);
    }
    if (opts.enabled(rule_id::unused_mandate))
        for (mandate_id x : m.mandates()) unused_mandate_of(m, opts, x, out);
}

} // namespace detail

/// Runs idle-actor and unused-mandate (those the options enable) and returns their findings in report
/// order. O(actors + mandates + forums).
///
///     for (auto const& f : samverkan::check_inventory_rules(m)) std::cout << f << '\n';
template <class Traits>
[[nodiscard]] std::vector<finding> check_inventory_rules(basic_model<Traits> const& m, audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::inventory_rules(m, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_INVENTORY_RULES_HPP
