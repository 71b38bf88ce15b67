// Withdrawal scenarios for samverkan.sweep and samverkan.what_if (analytics.md, sections 1 and 2).
//
// Provisional: the robust branch brings withdraw/what_if into the library; until it is merged, the
// binding builds the withdrawn model with the model's own API and compares two audits of the library.
// Nothing here re-implements a rule: findings come from samverkan::audit, capability from
// samverkan::capability_index.
#ifndef SAMVERKAN_PYTHON_SCENARIO_HPP
#define SAMVERKAN_PYTHON_SCENARIO_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan_py {

namespace sv = samverkan;

/// withdraw(M, W): `m` without the actors `without` and everything that names them (their RACI entries,
/// memberships, coordinatorships, holdings, and delegations from or to them). Every other element keeps
/// its position, so stage, scope, mandate, duty and forum ids of the result equal those of `m`.
/// O(model size).
inline sv::model withdraw(sv::model const& m, std::vector<sv::actor_id> const& without) {
    std::vector<bool> gone(m.count<sv::actor_id>(), false);
    for (auto a : without) gone[a.index()] = true;

    sv::model out;
    if (m.has_name()) out.set_name(m.name());
    out.set_description(m.description());
    out.set_attributes(m.attributes());
    out.reserve<sv::stage_id>(m.count<sv::stage_id>());
    out.reserve<sv::scope_id>(m.count<sv::scope_id>());
    out.reserve<sv::actor_id>(m.count<sv::actor_id>());
    out.reserve<sv::mandate_id>(m.count<sv::mandate_id>());
    out.reserve<sv::duty_id>(m.count<sv::duty_id>());
    out.reserve<sv::forum_id>(m.count<sv::forum_id>());

    for (sv::stage_id s : m.stages()) (void)out.add_stage(m[s]);
    for (sv::stage_id s : m.stages())
        for (sv::stage_id e : m.earlier_stages(s)) (void)out.order(s, e);
    for (sv::scope_id s : m.scopes()) (void)out.add_scope(m[s]);
    for (sv::scope_id s : m.scopes())
        if (auto p = m.parent(s)) (void)out.nest(s, *p);

    std::vector<sv::actor_id> new_id(m.count<sv::actor_id>());
    for (sv::actor_id a : m.actors())
        if (!gone[a.index()]) new_id[a.index()] = out.add_actor(m[a]);
    for (sv::mandate_id x : m.mandates()) (void)out.add_mandate(m[x]);
    for (sv::duty_id d : m.duties()) (void)out.add_duty(m[d], {m.stage_of(d), m.scope_of(d)});
    for (sv::forum_id f : m.forums()) (void)out.add_forum(m[f], {m.scope_of(f)});

    out.reserve_relations<sv::relation::holds>(m.relation_count(sv::relation_kind::holds));
    out.reserve_relations<sv::relation::delegates>(m.relation_count(sv::relation_kind::delegates));
    out.reserve_relations<sv::relation::assigned>(m.relation_count(sv::relation_kind::assigned));
    out.reserve_relations<sv::relation::requires_mandate>(m.relation_count(sv::relation_kind::requires_mandate));
    out.reserve_relations<sv::relation::needs>(m.relation_count(sv::relation_kind::needs));
    out.reserve_relations<sv::relation::member>(m.relation_count(sv::relation_kind::member));
    out.reserve_relations<sv::relation::covers>(m.relation_count(sv::relation_kind::covers));

    auto reach_of = [](sv::reach_view v) {
        return sv::reach{v.scope, std::vector<sv::stage_id>(v.stages.begin(), v.stages.end())};
    };
    for (sv::holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        if (gone[v.actor.index()]) continue;
        auto const nh = out.grant(new_id[v.actor.index()], v.mandate, reach_of(v.where));
        if (!v.attributes.empty()) out.set_attributes(nh, std::string{v.attributes});
    }
    for (sv::delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        if (gone[v.from.index()] || gone[v.to.index()]) continue;
        auto const nd = out.delegate(new_id[v.from.index()], new_id[v.to.index()], v.mandate, reach_of(v.where));
        if (!v.attributes.empty()) out.set_attributes(nd, std::string{v.attributes});
    }
    for (sv::duty_id d : m.duties()) {
        for (sv::assignment const& x : m.raci_of(d))
            if (!gone[x.actor.index()]) (void)out.assign(new_id[x.actor.index()], d, x.role);
        for (sv::mandate_id r : m.required_mandates(d)) (void)out.require(d, r);
        for (sv::duty_id n : m.needs(d)) (void)out.need(d, n);
    }
    for (sv::forum_id f : m.forums()) {
        for (sv::actor_id a : m.members(f))
            if (!gone[a.index()]) (void)out.add_member(f, new_id[a.index()]);
        if (auto c = m.coordinator(f); c && !gone[c->index()]) out.set_coordinator(f, new_id[c->index()]);
        for (sv::duty_id d : m.covered(f)) (void)out.cover(f, d);
    }
    return out;
}

/// Whether each duty stands (analytics.md, section 2): at least one performer, and for every required
/// mandate a performer capable of it for the duty. O(model) for the index plus O(requirements x performers).
inline std::vector<bool> standing(sv::model const& m, sv::capability_index const& cap) {
    std::vector<bool> out(m.count<sv::duty_id>(), false);
    for (sv::duty_id d : m.duties()) {
        auto const performers = cap.performers(d);
        if (performers.empty()) continue;
        bool ok = true;
        for (sv::mandate_id r : m.required_mandates(d)) {
            bool any = false;
            for (auto const& p : performers)
                if (cap.capable(p.actor, r, d)) {
                    any = true;
                    break;
                }
            if (!any) {
                ok = false;
                break;
            }
        }
        out[d.index()] = ok;
    }
    return out;
}

/// The identity of a finding across two models: rule and subjects, by id text.
inline std::string finding_key(sv::model const& m, sv::finding const& f) {
    std::string k = f.rule;
    auto id_text = [&](sv::element_ref const& r) {
        return std::visit([&](auto id) -> std::string const& { return m[id].id; }, r);
    };
    for (auto const& s : f.subjects) {
        k += '\x1f';
        k += s.key;
        k += '\x1e';
        std::visit(
            [&](auto const& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, sv::element_ref>) {
                    k += id_text(v);
                } else if constexpr (std::is_same_v<T, sv::ref_list>) {
                    for (auto const& x : v) {
                        k += x ? id_text(*x) : std::string{"\x01null"};
                        k += '\x1d';
                    }
                } else if constexpr (std::is_same_v<T, std::string>) {
                    k += v;
                } else {
                    for (auto const& [r, t] : v) {
                        k += id_text(r);
                        k += '=';
                        k += t;
                        k += '\x1d';
                    }
                }
            },
            s.value);
    }
    return k;
}

struct scenario_result {
    std::vector<std::string> without;      ///< sorted actor ids
    std::shared_ptr<sv::model> after;      ///< the withdrawn model (the added findings' ids refer to it)
    std::vector<sv::finding> added;        ///< in report order
    std::vector<sv::finding> removed;      ///< in report order (ids of the original model)
    std::vector<std::string> failing;      ///< duties that stand before and fail after, sorted
};

/// Runs withdrawal scenarios over one model; the audit and standing duties of the model itself are
/// computed once. Thread-safe for concurrent run() calls (all state is read-only after construction).
class scenario_runner {
public:
    explicit scenario_runner(std::shared_ptr<sv::model const> m) : m_{std::move(m)} {
        base_ = sv::audit(*m_);
        for (auto const& f : base_.findings) base_keys_.insert(finding_key(*m_, f));
        sv::capability_index const cap{*m_};
        base_standing_ = standing(*m_, cap);
    }

    [[nodiscard]] sv::model const& model() const noexcept { return *m_; }
    [[nodiscard]] sv::report const& baseline() const noexcept { return base_; }

    /// what_if(M, W) plus the duties that W makes fail. `details`: keep the removed findings too.
    [[nodiscard]] scenario_result run(std::vector<sv::actor_id> without, bool details) const {
        std::sort(without.begin(), without.end());
        without.erase(std::unique(without.begin(), without.end()), without.end());
        scenario_result r;
        for (auto a : without) r.without.push_back((*m_)[a].id);
        std::sort(r.without.begin(), r.without.end());
        r.after = std::make_shared<sv::model>(withdraw(*m_, without));
        sv::capability_index const cap{*r.after};
        auto after_report = sv::audit(*r.after);
        std::unordered_set<std::string> after_keys;
        for (auto& f : after_report.findings) {
            auto key = finding_key(*r.after, f);
            if (!base_keys_.contains(key)) r.added.push_back(std::move(f));
            if (details) after_keys.insert(std::move(key));
        }
        if (details)
            for (auto const& f : base_.findings)
                if (!after_keys.contains(finding_key(*m_, f))) r.removed.push_back(f);
        auto const now = standing(*r.after, cap);
        for (sv::duty_id d : m_->duties())
            if (base_standing_[d.index()] && !now[d.index()]) r.failing.push_back((*m_)[d].id);
        std::sort(r.failing.begin(), r.failing.end());
        return r;
    }

private:
    std::shared_ptr<sv::model const> m_;
    sv::report base_;
    std::unordered_set<std::string> base_keys_;
    std::vector<bool> base_standing_;
};

} // namespace samverkan_py

#endif // SAMVERKAN_PYTHON_SCENARIO_HPP
