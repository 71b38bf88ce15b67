// Withdrawal scenarios for samverkan.sweep (analytics.md, sections 1 and 2), over the library: the region-based
// what_if() (analysis/what_if.hpp) given the audit of the unchanged model, and the delegation graph of
// analysis/mandate_flow.hpp for the duties that fail. Neither builds nor audits the withdrawn model: the audit,
// the standing duties and the delegation graph of the unchanged model are computed once per runner, and a
// scenario pays only the region its withdrawal can change.
#ifndef SAMVERKAN_PYTHON_SCENARIO_HPP
#define SAMVERKAN_PYTHON_SCENARIO_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/mandate_flow.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace samverkan_py {

namespace sv = samverkan;

/// One scenario: what_if(M, W)'s added findings (ids of M, report order) and the duties that stand in M and
/// fail in withdraw(M, W) (sorted by id text); the removed findings only when asked for.
struct scenario_result {
    std::vector<sv::actor_id> without; ///< sorted by id text, each once
    sv::report added;
    sv::report removed;
    std::vector<sv::duty_id> failing;
};

/// Runs withdrawal scenarios over one model. Thread-safe for concurrent run() calls (read-only state).
/// Construction: one audit, standing() and one delegation graph, O(model). run(W): what_if(M, W) given the
/// audit (its region: the duties W performs or whose performers' capability flows through W, the forums
/// they coordinate, ...), plus, for each standing duty of that region, a re-derivation of its performers'
/// holdings on their ancestors in the delegation graph without W (resilience.hpp's check); results are
/// exactly those of comparing audit(M) and standing(M) with audit(withdraw(M, W)) and standing(withdraw(M, W)).
class scenario_runner {
public:
    explicit scenario_runner(std::shared_ptr<sv::model const> m)
        : m_{std::move(m)}, base_{sv::audit(*m_)}, base_standing_{sv::standing(*m_)}, graph_{*m_} {}

    [[nodiscard]] sv::model const& model() const noexcept { return *m_; }
    [[nodiscard]] std::shared_ptr<sv::model const> const& model_ptr() const noexcept { return m_; }

    [[nodiscard]] scenario_result run(std::vector<sv::actor_id> without, bool with_removed) const {
        scenario_result r;
        std::sort(without.begin(), without.end());
        without.erase(std::unique(without.begin(), without.end()), without.end());
        auto w = sv::what_if(*m_, std::span<sv::actor_id const>{without}, base_);
        r.without = std::move(w.without);
        r.added = std::move(w.added);
        if (with_removed) r.removed = std::move(w.removed);
        else r.removed.model = base_.model;
        r.failing = failing(r.without);
        return r;
    }

private:
    static bool performs(sv::assignment const& e) noexcept {
        return e.role == sv::raci::responsible || e.role == sv::raci::accountable;
    }

    /// The duties that stand in M and fail without W, sorted by id text.
    [[nodiscard]] std::vector<sv::duty_id> failing(std::vector<sv::actor_id> const& W) const {
        auto const& m = *m_;
        namespace d = sv::detail;
        std::vector<std::uint8_t> gone(m.count<sv::actor_id>(), 0);
        for (sv::actor_id a : W) gone[a.index()] = 1;
        // candidates: the duties W performs, and those whose performer holds a required mandate downstream
        // of W in that mandate's delegation graph (capability flows only along delegations)
        std::vector<sv::duty_id> candidates;
        for (sv::actor_id a : W)
            for (sv::assignment const& e : m.raci_of(a))
                if (performs(e)) candidates.push_back(e.duty);
        std::vector<std::uint8_t> seen(graph_.node_count(), 0);
        std::vector<std::uint32_t> stack;
        for (sv::actor_id a : W) {
            auto const [first, last] = graph_.nodes_of(a);
            for (auto n = first; n < last; ++n) {
                seen[n] = 1;
                stack.push_back(n);
            }
        }
        while (!stack.empty()) {
            auto const n = stack.back();
            stack.pop_back();
            auto const [first, last] = graph_.out_edges(n);
            for (auto e = first; e < last; ++e) {
                auto const v = graph_.edge_at(e).to;
                if (seen[v] != 0) continue;
                seen[v] = 1;
                stack.push_back(v);
                auto const a = graph_.actor_of(v);
                if (gone[a.index()] != 0) continue;
                auto const x = graph_.mandate_of(v);
                for (sv::assignment const& e2 : m.raci_of(a)) {
                    if (!performs(e2)) continue;
                    for (sv::mandate_id y : m.required_mandates(e2.duty))
                        if (y == x) {
                            candidates.push_back(e2.duty);
                            break;
                        }
                }
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

        std::optional<d::flow_solver> solver; // made on first need (scratch arrays the size of the graph)
        std::vector<sv::actor_id> alive;
        std::vector<sv::mandate_id> required;
        std::vector<std::uint32_t> targets;
        std::vector<sv::duty_id> out;
        for (sv::duty_id duty : candidates) {
            if (!base_standing_[duty.index()]) continue;
            alive.clear();
            for (sv::assignment const& e : m.raci_of(duty))
                if (performs(e) && gone[e.actor.index()] == 0) alive.push_back(e.actor);
            bool stands = !alive.empty();
            required.assign(m.required_mandates(duty).begin(), m.required_mandates(duty).end());
            std::sort(required.begin(), required.end());
            required.erase(std::unique(required.begin(), required.end()), required.end());
            auto const scope = m.scope_of(duty) ? m.scope_of(duty)->index() : d::flow_none;
            auto const stage = m.stage_of(duty) ? m.stage_of(duty)->index() : d::flow_none;
            for (std::size_t i = 0; stands && i < required.size(); ++i) {
                bool met = false;
                targets.clear();
                for (sv::actor_id p : alive) {
                    auto const n = graph_.node(p, required[i]);
                    if (!n) continue;
                    targets.push_back(*n);
                    for (auto const& h : graph_.holdings(*n)) met = met || graph_.covers(h, scope, stage);
                    if (met) break;
                }
                if (!met && !targets.empty()) {
                    if (!solver) solver.emplace(graph_);
                    solver->begin();
                    solver->add_ancestors(std::span<std::uint32_t const>{targets},
                                          [&](std::uint32_t n) { return gone[graph_.actor_of(n).index()] != 0; });
                    solver->run(false);
                    for (auto t : targets)
                        if (solver->covering(t, scope, stage) != d::flow_none) {
                            met = true;
                            break;
                        }
                }
                stands = met;
            }
            if (!stands) out.push_back(duty);
        }
        d::sort_by_id_text(m, out);
        return out;
    }

    std::shared_ptr<sv::model const> m_;
    sv::report base_;
    std::vector<bool> base_standing_;
    sv::detail::mandate_graph graph_;
};

} // namespace samverkan_py

#endif // SAMVERKAN_PYTHON_SCENARIO_HPP
