// The order rules (rules.md): work that needs output which comes later, or that waits on itself.
//
//   stage-order       error  duty d that needs duty e whose stage is later than d's
//                            subjects: duty (d), needs (e)     witness: stages = [stage(d), stage(e)]
//   dependency-cycle  error  set of duties that need one another in a cycle (a strongly connected
//                            component of `needs` with two or more duties, or a duty that needs itself)
//                            subjects: duties
//
// stage-order ignores a pair where either duty has no stage; stages that are parallel or equal are fine.
// Complexity: stage-order O(needs) queries of stage_order (O(1) each, after its O(stages x links / 64)
// preparation); dependency-cycle O(duties + needs): duties that need nothing still standing or that nothing
// still standing needs lie on no cycle and are peeled off first, and Boost.Graph's strong_components runs
// on what is left (the cycles and the paths between them, usually a handful of duties), plus sorting the
// duties of each cycle found.
#ifndef SAMVERKAN_ANALYSIS_ORDER_RULES_HPP
#define SAMVERKAN_ANALYSIS_ORDER_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/detail/strong_components.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/stage_order.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace samverkan {

namespace detail {

/// The stage-order findings of duty `d` (its needs links), with the stage order `order` of `m`. Used by the
/// audit for every duty and by the incremental audit for the duties an edit touches.
template <class Traits>
void stage_order_of(basic_model<Traits> const& m, stage_order const& order, audit_options const& opts, duty_id d,
                    std::vector<finding>& out) {
    auto const sd = m.stage_of(d);
    if (!sd) return;
    for (duty_id e : m.needs(d)) {
        auto const se = m.stage_of(e);
        if (!se || !order.later_than(*se, *sd)) continue;
        out.push_back(make_finding(rule_id::stage_order, opts, {{key_id::duty, d}, {key_id::needs, e}},
                                   {{key_id::stages, ref_list{element_ref{*sd}, element_ref{*se}}}}));
    }
}

template <class Traits>
void dependency_cycle_rule(basic_model<Traits> const& m, audit_options const& opts, std::vector<finding>& out) {
    if (opts.enabled(rule_id::dependency_cycle)) {
        auto const n = m.template id_bound<duty_id>();
        std::vector<std::uint32_t> in_degree(n, 0), out_degree(n, 0);
        std::vector<std::uint8_t> self_loop(n, 0);
        bool any = false;
        for (duty_id d : m.duties())
            for (duty_id e : m.needs(d)) {
                any = true;
                if (d == e) self_loop[d.index()] = 1;
                else {
                    ++out_degree[d.index()];
                    ++in_degree[e.index()];
                }
            }
        if (!any) return;

        // Peel off the duties on no cycle: a duty with no remaining incoming or outgoing link, repeatedly.
        std::vector<std::uint8_t> standing(n, 1);
        std::vector<std::uint32_t> peel;
        auto const fall = [&](std::uint32_t v) {
            standing[v] = 0;
            peel.push_back(v);
        };
        for (std::uint32_t v = 0; v < n; ++v)
            if (in_degree[v] == 0 || out_degree[v] == 0) fall(v);
        while (!peel.empty()) {
            duty_id const v{peel.back()};
            peel.pop_back();
            for (duty_id e : m.needs(v))
                if (standing[e.index()] != 0 && e != v && --in_degree[e.index()] == 0) fall(e.index());
            for (duty_id p : m.needed_by(v))
                if (standing[p.index()] != 0 && p != v && --out_degree[p.index()] == 0) fall(p.index());
        }
        std::vector<std::uint32_t> kept, local(n, 0); // the standing duties, and each one's index among them
        for (std::uint32_t v = 0; v < n; ++v) {
            if (standing[v] == 0) continue;
            local[v] = static_cast<std::uint32_t>(kept.size());
            kept.push_back(v);
        }
        std::vector<std::pair<std::size_t, std::size_t>> edges;
        for (std::uint32_t v : kept)
            for (duty_id e : m.needs(duty_id{v}))
                if (standing[e.index()] != 0 && e.index() != v) edges.emplace_back(local[v], local[e.index()]);
        auto const comp = strong_components(kept.size(), edges);
        std::vector<std::uint32_t> size(comp.count, 0);
        for (auto c : comp.of) ++size[c];

        // (component, duty); a peeled duty with a self-loop is a cycle of its own, numbered after the components
        std::vector<std::pair<std::uint32_t, std::uint32_t>> in_cycle;
        std::uint32_t alone = comp.count;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (standing[v] != 0) {
                if (auto const c = comp.of[local[v]]; size[c] >= 2 || self_loop[v] != 0) in_cycle.emplace_back(c, v);
            } else if (self_loop[v] != 0) {
                in_cycle.emplace_back(alone++, v);
            }
        }
        std::sort(in_cycle.begin(), in_cycle.end());
        std::vector<duty_id> duties;
        for (std::size_t i = 0; i < in_cycle.size();) {
            duties.clear();
            auto j = i;
            for (; j < in_cycle.size() && in_cycle[j].first == in_cycle[i].first; ++j)
                duties.emplace_back(in_cycle[j].second);
            i = j;
            sort_by_id_text(m, duties);
            out.push_back(make_finding(rule_id::dependency_cycle, opts, {{key_id::duties, sorted_refs(m, duties)}}));
        }
    }
}

template <class Traits>
void order_rules(basic_model<Traits> const& m, audit_options const& opts, std::vector<finding>& out) {
    if (opts.enabled(rule_id::stage_order) && m.template count<stage_id>() > 1) {
        stage_order const order{m};
        for (duty_id d : m.duties()) stage_order_of(m, order, opts, d, out);
    }
    dependency_cycle_rule(m, opts, out);
}

} // namespace detail

/// Runs stage-order and dependency-cycle (those the options enable) and returns their findings in report
/// order. O(duties + needs), plus the stage order's preparation.
///
///     for (auto const& f : samverkan::check_order_rules(m)) std::cout << f << '\n';
template <class Traits>
[[nodiscard]] std::vector<finding> check_order_rules(basic_model<Traits> const& m, audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::order_rules(m, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_ORDER_RULES_HPP
