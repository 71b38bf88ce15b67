// Withdrawal scenarios for samverkan.sweep (analytics.md, sections 1 and 2), over the library: withdraw()
// (analysis/withdraw.hpp), audit(), what_if's finding key and actor remapping (analysis/what_if.hpp) and
// standing() (analysis/resilience.hpp). What it adds is reuse: the audit and the standing duties of the
// unchanged model are computed once per runner, not once per scenario as what_if() does.
#ifndef SAMVERKAN_PYTHON_SCENARIO_HPP
#define SAMVERKAN_PYTHON_SCENARIO_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
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
/// Construction: one audit and one capability index, O(model). run(): one withdrawal, one audit and one
/// standing() of the withdrawn model, O(model), the same as what_if() less its audit of M.
class scenario_runner {
public:
    explicit scenario_runner(std::shared_ptr<sv::model const> m) : m_{std::move(m)} {
        base_ = sv::audit(*m_);
        base_keys_.reserve(base_.findings.size());
        for (std::size_t i = 0; i < base_.findings.size(); ++i)
            base_keys_.emplace_back(sv::detail::finding_key(*m_, base_.findings[i]), i);
        std::sort(base_keys_.begin(), base_keys_.end());
        base_standing_ = sv::standing(*m_);
    }

    [[nodiscard]] sv::model const& model() const noexcept { return *m_; }
    [[nodiscard]] std::shared_ptr<sv::model const> const& model_ptr() const noexcept { return m_; }

    [[nodiscard]] scenario_result run(std::vector<sv::actor_id> without, bool with_removed) const {
        scenario_result r;
        std::sort(without.begin(), without.end());
        without.erase(std::unique(without.begin(), without.end()), without.end());
        sv::detail::sort_by_id_text(*m_, without);
        r.without = without;

        auto const rest = sv::withdraw(*m_, std::span<sv::actor_id const>{without});
        auto const map = sv::withdrawn_index(*m_, std::span<sv::actor_id const>{without});
        std::vector<sv::actor_id> back(rest.count<sv::actor_id>());
        for (sv::actor_id a : m_->actors())
            if (map[a.index()]) back[map[a.index()]->index()] = a;

        sv::report after = sv::audit(rest);
        std::vector<std::pair<std::string, std::size_t>> after_keys;
        r.added.model = base_.model;
        r.removed.model = base_.model;
        for (auto& f : after.findings) {
            sv::detail::remap_actors(f, back);
            auto key = sv::detail::finding_key(*m_, f);
            if (!has(base_keys_, key)) r.added.findings.push_back(f);
            if (with_removed) after_keys.emplace_back(std::move(key), 0);
        }
        sv::sort_findings(*m_, r.added.findings); // actor ids changed: the withdrawn model's order may differ
        if (with_removed) {
            std::sort(after_keys.begin(), after_keys.end());
            for (auto const& [key, i] : base_keys_)
                if (!has(after_keys, key)) r.removed.findings.push_back(base_.findings[i]);
            sv::sort_findings(*m_, r.removed.findings);
        }

        auto const now = sv::standing(rest);
        for (sv::duty_id d : m_->duties())
            if (base_standing_[d.index()] && !now[d.index()]) r.failing.push_back(d);
        sv::detail::sort_by_id_text(*m_, r.failing);
        return r;
    }

private:
    static bool has(std::vector<std::pair<std::string, std::size_t>> const& keys, std::string const& k) {
        auto const it = std::lower_bound(keys.begin(), keys.end(), std::pair<std::string, std::size_t>{k, 0});
        return it != keys.end() && it->first == k;
    }

    std::shared_ptr<sv::model const> m_;
    sv::report base_;
    std::vector<std::pair<std::string, std::size_t>> base_keys_;
    std::vector<bool> base_standing_;
};

} // namespace samverkan_py

#endif // SAMVERKAN_PYTHON_SCENARIO_HPP
