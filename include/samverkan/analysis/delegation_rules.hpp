// The delegation rules (rules.md): delegations that confer nothing, and delegations that go round.
//
//   invalid-delegation  error    delegation that is invalid       subjects: mandate, from, to   witness: reason
//   delegation-cycle    warning  mandate and set of two or more actors that delegate it to one another in a
//                                cycle (a strongly connected component of that mandate's delegations, valid
//                                or not; a self-delegation is no cycle)    subjects: mandate, actors
//
// Validity and its reason come from the capability index (not-delegable, self, not-held, scope, stage:
// the first that applies). Delegations of one mandate between the same two actors give at most one
// invalid-delegation finding, with the reason of the first of them listed that is invalid.
// Complexity: O(D log D) for D delegations (grouping by sorting); the cycles are one run of Boost.Graph's
// strong_components over the (mandate, actor) pairs of all delegations, O(D log D) to build and O(D) to run.
#ifndef SAMVERKAN_ANALYSIS_DELEGATION_RULES_HPP
#define SAMVERKAN_ANALYSIS_DELEGATION_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/detail/strong_components.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace samverkan {

namespace detail {

template <class Traits>
void delegation_rules(basic_model<Traits> const& m, capability_index const& cap, audit_options const& opts,
                      std::vector<finding>& out, std::optional<mandate_id> only = std::nullopt) {
    // every delegation, or with `only` the delegations of that one mandate (the incremental audit: every
    // finding of these rules lies within one mandate)
    auto const for_each_delegation = [&](auto const& f) {
        if (only)
            for (delegation_id d : cap.derived().of(*only).delegations()) f(d);
        else
            for (delegation_id d : m.delegations()) f(d);
    };
    if (opts.enabled(rule_id::invalid_delegation)) {
        // (mandate, from, to, delegation) of every invalid delegation; the first of each triple gives the reason
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>> bad;
        for_each_delegation([&](delegation_id d) {
            if (!cap.valid(d)) {
                auto const v = m.delegation(d);
                bad.emplace_back(v.mandate.index(), v.from.index(), v.to.index(), d.index());
            }
        });
        std::sort(bad.begin(), bad.end());
        for (std::size_t i = 0; i < bad.size(); ++i) {
            if (i > 0 && std::get<0>(bad[i]) == std::get<0>(bad[i - 1]) &&
                std::get<1>(bad[i]) == std::get<1>(bad[i - 1]) && std::get<2>(bad[i]) == std::get<2>(bad[i - 1]))
                continue;
            delegation_id const d{std::get<3>(bad[i])};
            auto const v = m.delegation(d);
            auto const why = cap.validity(d);
            auto f = make_finding(rule_id::invalid_delegation, opts,
                                  {{key_id::mandate, v.mandate}, {key_id::from, v.from}, {key_id::to, v.to}},
                                  {{key_id::reason, std::string{to_string(why)}}});
            f.delegation = d; // its scope and stages are in the message
            out.push_back(std::move(f));
        }
    }

    if (opts.enabled(rule_id::delegation_cycle)) {
        // vertices: the (mandate, actor) pairs at either end of a delegation; edges never cross mandates, so
        // every component lies within one mandate
        std::vector<std::uint64_t> keys;
        auto const n_delegations = only ? cap.derived().of(*only).delegations().size() : m.delegations().size();
        keys.reserve(2 * n_delegations);
        auto const key = [](mandate_id x, actor_id a) { return (std::uint64_t{x.index()} << 32) | a.index(); };
        for_each_delegation([&](delegation_id d) {
            auto const v = m.delegation(d);
            if (v.from == v.to) return;
            keys.push_back(key(v.mandate, v.from));
            keys.push_back(key(v.mandate, v.to));
        });
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        auto const vertex = [&keys](std::uint64_t k) {
            return static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), k) - keys.begin());
        };
        std::vector<std::pair<std::size_t, std::size_t>> edges;
        edges.reserve(n_delegations);
        for_each_delegation([&](delegation_id d) {
            auto const v = m.delegation(d);
            if (v.from != v.to) edges.emplace_back(vertex(key(v.mandate, v.from)), vertex(key(v.mandate, v.to)));
        });
        auto const comp = strong_components(keys.size(), edges);
        std::vector<std::uint32_t> size(comp.count, 0);
        for (auto c : comp.of) ++size[c];
        std::vector<std::pair<std::uint32_t, std::uint64_t>> in_cycle; // (component, key), grouped by component
        for (std::size_t v = 0; v < keys.size(); ++v)
            if (size[comp.of[v]] >= 2) in_cycle.emplace_back(comp.of[v], keys[v]);
        std::sort(in_cycle.begin(), in_cycle.end());
        std::vector<actor_id> actors;
        for (std::size_t i = 0; i < in_cycle.size();) {
            mandate_id const x{static_cast<std::uint32_t>(in_cycle[i].second >> 32)};
            actors.clear();
            auto j = i;
            for (; j < in_cycle.size() && in_cycle[j].first == in_cycle[i].first; ++j)
                actors.emplace_back(static_cast<std::uint32_t>(in_cycle[j].second & 0xffffffffU));
            i = j;
            sort_by_id_text(m, actors);
            out.push_back(make_finding(rule_id::delegation_cycle, opts,
                                       {{key_id::mandate, x}, {key_id::actors, sorted_refs(m, actors)}}));
        }
    }
}

} // namespace detail

/// Runs invalid-delegation and delegation-cycle (those the options enable) with the capability index `cap`
/// of `m`, and returns their findings in report order. O(D log D) for D delegations.
///
///     samverkan::capability_index cap{m};
///     auto findings = samverkan::check_delegation_rules(m, cap);
template <class Traits>
[[nodiscard]] std::vector<finding> check_delegation_rules(basic_model<Traits> const& m, capability_index const& cap,
                                                          audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::delegation_rules(m, cap, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_DELEGATION_RULES_HPP
