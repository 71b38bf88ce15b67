// metrics: network and coverage measures of a model for research and planning (analytics.md 3).
//
//     samverkan::metrics_report const r = samverkan::metrics(m);
//     if (r.coverage.standing) std::cout << *r.coverage.standing << " of the duties stand\n";
//     for (auto const& a : r.actors) std::cout << a.actor << ' ' << a.betweenness << '\n';
//
// Every struct here is described with Boost.Describe, so the writers of io/metrics_report.hpp (JSON, CSV)
// and a user's own code can walk the members without listing them: the member names are the keys of the
// samverkan-metrics/1 report, in report order. A share over an empty set is std::nullopt (JSON null).
//
// Definitions (analytics.md 3; "pair" = a (duty, required mandate) pair, counted once per duty):
//   coverage.assigned     non-optional duties with a performer (an R or A actor) / non-optional duties
//   coverage.accountable  non-optional duties with exactly one A / non-optional duties
//   coverage.mandated     pairs of duties with a performer where some performer is capable / such pairs
//   coverage.standing     duties that stand (analysis/resilience.hpp) / all duties
//   redundancy            over all pairs: how many, the mean number of capable actors, how many have
//                         exactly one and how many none
//   resilience            duties with resilience 0, 1, 2 and 3 or more (resilience computed with k = 3)
//   collaboration         the collaboration graph (analysis/collaboration.hpp): n, edges, density
//                         2e/(n(n-1)), components, Freeman degree centralisation
//                         sum(d_max - d(v)) / ((n-1)(n-2)); 0.0 for n < 2 and n < 3 respectively
//   actors                per actor, in id order: degree, normalised betweenness, duties performed (R or
//                         A), duties accountable (A), direct holdings (every entry, duplicates too),
//                         pairs capable of, and the duties failing when it alone is withdrawn
//   stages                per stage in id order, then the stage-less duties: duties, failing duties, and
//                         the audit's findings per severity whose `duty` subject is at that stage
//
// Cost: one audit, one capability index, the resilience computation of analysis/resilience.hpp with
// k = 3, and the collaboration graph's Brandes betweenness (the dominant term on large models:
// O(sum over components of n_c e_c), shared over std::thread::hardware_concurrency() threads).
// An edited model (with removed elements) gives the report of the same model written and read back.
// Throws std::bad_alloc and std::system_error (threads).
#ifndef SAMVERKAN_ANALYSIS_METRICS_HPP
#define SAMVERKAN_ANALYSIS_METRICS_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/collaboration.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>

#include <boost/describe/class.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan {

/// The number of entries of each kind of the model file.
struct element_counts {
    std::size_t stages = 0, scopes = 0, actors = 0, mandates = 0, holds = 0, delegations = 0, duties = 0, forums = 0;
    friend bool operator==(element_counts const&, element_counts const&) = default;
};
BOOST_DESCRIBE_STRUCT(element_counts, (), (stages, scopes, actors, mandates, holds, delegations, duties, forums))

/// Coverage shares; nullopt for a share over an empty set.
struct coverage_metrics {
    std::optional<double> assigned, accountable, mandated, standing;
};
BOOST_DESCRIBE_STRUCT(coverage_metrics, (), (assigned, accountable, mandated, standing))

/// How many actors are capable of each (duty, required mandate) pair.
struct redundancy_metrics {
    std::size_t pairs = 0;
    std::optional<double> mean_capable;
    std::size_t sole_capable = 0;
    std::size_t none_capable = 0;
};
BOOST_DESCRIBE_STRUCT(redundancy_metrics, (), (pairs, mean_capable, sole_capable, none_capable))

/// Duties by resilience: counts[0], [1], [2] and [3] for 0, 1, 2 and 3 or more (JSON keys "0", "1", "2",
/// "3+", which are not C++ names: the writers special-case this type).
struct resilience_histogram {
    std::array<std::size_t, 4> counts{};
    static constexpr std::array<std::string_view, 4> keys{"0", "1", "2", "3+"};
    friend bool operator==(resilience_histogram const&, resilience_histogram const&) = default;
};

/// Measures of the collaboration graph as a whole.
struct collaboration_metrics {
    std::size_t n = 0;
    std::size_t edges = 0;
    double density = 0.0;
    std::size_t components = 0;
    double degree_centralisation = 0.0;
};
BOOST_DESCRIBE_STRUCT(collaboration_metrics, (), (n, edges, density, components, degree_centralisation))

/// One actor's row (also the rows of the CSV form).
struct actor_metrics {
    std::string actor;
    std::size_t degree = 0;
    double betweenness = 0.0;
    std::size_t performs = 0;
    std::size_t accountable = 0;
    std::size_t holds = 0;
    std::size_t capable = 0;
    std::size_t failing_if_withdrawn = 0;
};
BOOST_DESCRIBE_STRUCT(actor_metrics, (),
                      (actor, degree, betweenness, performs, accountable, holds, capable, failing_if_withdrawn))

/// One stage's row; `stage` is nullopt for the duties without a stage.
struct stage_metrics {
    std::optional<std::string> stage;
    std::size_t duties = 0;
    std::size_t failing = 0;
    summary findings;
};
BOOST_DESCRIBE_STRUCT(stage_metrics, (), (stage, duties, failing, findings))

/// The whole samverkan-metrics/1 report (the writers add the "format" key first).
struct metrics_report {
    std::optional<std::string> model;
    element_counts counts;
    coverage_metrics coverage;
    redundancy_metrics redundancy;
    resilience_histogram resilience;
    collaboration_metrics collaboration;
    std::vector<actor_metrics> actors;
    std::vector<stage_metrics> stages;
};
BOOST_DESCRIBE_STRUCT(metrics_report, (),
                      (model, counts, coverage, redundancy, resilience, collaboration, actors, stages))

namespace detail {

inline std::optional<double> share(std::size_t part, std::size_t whole) noexcept {
    if (whole == 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

/// Indices of the elements of a kind sorted by id text (bytewise).
template <element_id Id, class Traits>
std::vector<Id> in_id_order(basic_model<Traits> const& m) {
    std::vector<Id> ids(m.template ids<Id>().begin(), m.template ids<Id>().end());
    std::sort(ids.begin(), ids.end(),
              [&](Id x, Id y) { return std::string_view{m[x].id} < std::string_view{m[y].id}; });
    return ids;
}

/// The rules whose findings count for the stage rows (those with a `duty` subject, analytics.md 3).
inline bool counts_for_stage(rule_name rule) noexcept {
    constexpr rule_id rules[] = {rule_id::unassigned_duty,
                                 rule_id::no_accountable,
                                 rule_id::no_responsible,
                                 rule_id::multiple_accountable,
                                 rule_id::mandate_missing,
                                 rule_id::mandate_unheld,
                                 rule_id::accountable_without_mandate,
                                 rule_id::responsible_without_mandate,
                                 rule_id::stage_order};
    auto const r = rule.id();
    return r && std::find(std::begin(rules), std::end(rules), *r) != std::end(rules);
}

inline void add_finding(summary& s, severity level) noexcept {
    switch (level) {
    case severity::error: ++s.error; break;
    case severity::warning: ++s.warning; break;
    case severity::info: ++s.info; break;
    }
}

} // namespace detail

/// Element counts of `m`. O(1).
template <class Traits>
[[nodiscard]] element_counts count_elements(basic_model<Traits> const& m) noexcept {
    return {m.template count<stage_id>(),
            m.template count<scope_id>(),
            m.template count<actor_id>(),
            m.template count<mandate_id>(),
            m.relation_count(relation_kind::holds),
            m.relation_count(relation_kind::delegates),
            m.template count<duty_id>(),
            m.template count<forum_id>()};
}

/// The measures of the collaboration graph as a whole, from a computed network.
[[nodiscard]] inline collaboration_metrics collaboration_summary(collaboration_network const& g) noexcept {
    collaboration_metrics c;
    c.n = g.actors;
    c.edges = g.edges.size();
    c.components = g.components;
    auto const n = static_cast<double>(c.n);
    if (c.n >= 2) c.density = 2.0 * static_cast<double>(c.edges) / (n * (n - 1.0));
    if (c.n >= 3) {
        std::uint64_t d_max = 0, sum = 0; // over the live actors (a removed one has no component)
        for (std::size_t a = 0; a < g.degree.size(); ++a)
            if (g.component[a] != removed_component) d_max = std::max<std::uint64_t>(d_max, g.degree[a]);
        for (std::size_t a = 0; a < g.degree.size(); ++a)
            if (g.component[a] != removed_component) sum += d_max - g.degree[a];
        c.degree_centralisation = static_cast<double>(sum) / ((n - 1.0) * (n - 2.0));
    }
    return c;
}

/// Computes the samverkan-metrics/1 report of `m` (see the top of this header). The same model always
/// gives the same report, whatever the number of threads.
template <class Traits>
[[nodiscard]] metrics_report metrics(basic_model<Traits> const& m) {
    metrics_report r;
    if (m.has_name()) r.model = m.name();
    r.counts = count_elements(m);

    capability_index const cap{m};
    auto const n_actors = m.template id_bound<actor_id>(); // by index: removed actors' rows stay unused
    std::vector<actor_metrics> per_actor(n_actors);

    // coverage and redundancy: one pass over the duties and their required mandates
    std::size_t mandatory = 0, assigned = 0, one_accountable = 0;
    std::size_t performed_pairs = 0, mandated_pairs = 0, capable_sum = 0;
    std::vector<mandate_id> required;
    for (duty_id d : m.duties()) {
        auto const performers = cap.performers(d);
        std::size_t accountable = 0;
        for (auto const& p : performers) {
            ++per_actor[p.actor.index()].performs;
            if (p.accountable) {
                ++accountable;
                ++per_actor[p.actor.index()].accountable;
            }
        }
        if (!m[d].optional) {
            ++mandatory;
            if (!performers.empty()) ++assigned;
            if (accountable == 1) ++one_accountable;
        }
        required.assign(m.required_mandates(d).begin(), m.required_mandates(d).end());
        std::sort(required.begin(), required.end());
        required.erase(std::unique(required.begin(), required.end()), required.end());
        auto const where = cap.placement_of(d);
        for (mandate_id mnd : required) {
            ++r.redundancy.pairs;
            auto const capable = cap.capable_actors(mnd, where);
            capable_sum += capable.size();
            if (capable.size() == 1) ++r.redundancy.sole_capable;
            if (capable.empty()) ++r.redundancy.none_capable;
            for (actor_id a : capable) ++per_actor[a.index()].capable;
            if (!performers.empty()) {
                ++performed_pairs;
                // both lists are sorted by actor index: a merge finds a capable performer
                auto c = capable.begin();
                for (auto const& p : performers) {
                    while (c != capable.end() && *c < p.actor) ++c;
                    if (c != capable.end() && *c == p.actor) {
                        ++mandated_pairs;
                        break;
                    }
                }
            }
        }
    }
    r.coverage.assigned = detail::share(assigned, mandatory);
    r.coverage.accountable = detail::share(one_accountable, mandatory);
    r.coverage.mandated = detail::share(mandated_pairs, performed_pairs);
    if (r.redundancy.pairs != 0)
        r.redundancy.mean_capable = static_cast<double>(capable_sum) / static_cast<double>(r.redundancy.pairs);
    for (actor_id a : m.actors())
        per_actor[a.index()].holds = static_cast<std::size_t>(std::ranges::distance(m.holdings_of(a)));

    // standing duties, resilience and criticality: analysis/resilience.hpp
    std::vector<bool> stand(m.template id_bound<duty_id>(), false);
    std::size_t standing = 0;
    for (duty_id d : m.duties())
        if ((stand[d.index()] = stands(m, cap, d))) ++standing;
    r.coverage.standing = detail::share(standing, m.template count<duty_id>());
    {
        // resilience(m, 3) and failing_if_withdrawn(m) in one pass (both come from the same cut search)
        auto const robust = detail::analyse(m, 3, true, false);
        for (auto const& row : robust.duties) {
            if (!row.value) ++r.resilience.counts[3];
            else ++r.resilience.counts[static_cast<std::size_t>(std::min(*row.value, 3))];
        }
        for (actor_id a : m.actors())
            per_actor[a.index()].failing_if_withdrawn = robust.actors[a.index()].failing.size();
    }

    // the collaboration graph
    auto const g = collaboration(m);
    r.collaboration = collaboration_summary(g);
    for (actor_id a : m.actors()) {
        per_actor[a.index()].degree = g.degree[a.index()];
        per_actor[a.index()].betweenness = g.betweenness[a.index()];
    }
    r.actors.reserve(m.template count<actor_id>());
    for (actor_id a : detail::in_id_order<actor_id>(m)) {
        r.actors.push_back(std::move(per_actor[a.index()]));
        r.actors.back().actor = m[a].id;
    }

    // stages: one row per stage in id order, then the stage-less duties
    auto const n_stages = m.template id_bound<stage_id>(); // rows by index, then the stage-less row
    std::vector<stage_metrics> rows(n_stages + 1);
    auto const row_of = [&](duty_id d) -> stage_metrics& {
        auto const s = m.stage_of(d);
        return rows[s ? s->index() : n_stages];
    };
    for (duty_id d : m.duties()) {
        auto& row = row_of(d);
        ++row.duties;
        if (!stand[d.index()]) ++row.failing;
    }
    for (auto const& f : audit(m).findings)
        if (detail::counts_for_stage(f.rule))
            if (auto d = f.template subject_id<duty_id>(key_id::duty))
                detail::add_finding(row_of(*d).findings, f.severity);
    r.stages.reserve(n_stages + 1);
    for (stage_id s : detail::in_id_order<stage_id>(m)) {
        r.stages.push_back(std::move(rows[s.index()]));
        r.stages.back().stage = m[s].id;
    }
    r.stages.push_back(std::move(rows[n_stages]));
    return r;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_METRICS_HPP
