// what_if: what the audit would say if some actors left (analytics.md section 1).
//
//     auto const lpo = *m.find<samverkan::actor_id>("lpo");
//     samverkan::what_if_result const r = samverkan::what_if(m, std::vector{lpo});
//     for (auto const& f : r.added.findings) std::cout << f << '\n';   // new problems without lpo
//
// what_if(M, W) compares audit(M) with audit(withdraw(M, W)) finding by finding, by (rule, subjects), with
// the default options: `added` holds the findings of the second that are not in the first, `removed` those
// of the first that are not in the second, each sorted as in a report; a finding in both whose witness
// changed is in neither. Every id in the result refers to `m` (the added findings are translated back from
// the withdrawn model, and carry the messages they have there as literal messages: freeze_messages), so
// one model renders both lists. `without` is W sorted by id text, each actor once.
//
// Complexity: one full audit of m, plus building and auditing a region model of the part of m that the
// withdrawal can change (see what_if() below); criticality() (resilience.hpp) counts the added findings of
// every single-actor withdrawal without any audit. An edited model (with removed elements) gives the findings
// of the same model written and read back. Preconditions (assert): the ids in W were issued by m. Throws only
// std::bad_alloc.
#ifndef SAMVERKAN_ANALYSIS_WHAT_IF_HPP
#define SAMVERKAN_ANALYSIS_WHAT_IF_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/inventory_rules.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/copy_slots.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// The result of what_if(): the withdrawn actors and the findings added and removed (ids of the original
/// model; `model` of both reports is the model's name).
struct what_if_result {
    std::vector<actor_id> without; ///< sorted by id text, each once
    report added;
    report removed;
};

namespace detail {

/// The comparison key of a finding: rule and subjects as id texts (what_if compares by these only).
template <class Traits>
[[nodiscard]] std::string finding_key(basic_model<Traits> const& m, finding const& f) {
    std::string k{f.rule.text()};
    for (auto const& x : f.subjects) {
        k += '\x1f';
        k += x.key.text();
        k += '=';
        if (auto const* e = std::get_if<element_ref>(&x.value)) {
            k += id_text(m, *e);
        } else if (auto const* s = std::get_if<std::string>(&x.value)) {
            k += *s;
        } else if (auto const* l = std::get_if<ref_list>(&x.value)) {
            for (auto const& r : *l) {
                k += '\x1e';
                if (r) k += id_text(m, *r);
                else k += '\x1d';
            }
        } else if (auto const* texts = std::get_if<text_list>(&x.value)) {
            for (auto const& t : *texts) {
                k += '\x1e';
                k += t;
            }
        } else {
            for (auto const& [r, t] : std::get<ref_map>(x.value)) {
                k += '\x1e';
                k += id_text(m, r);
                k += '\x1d';
                k += t;
            }
        }
    }
    return k;
}

// Calls `fix(element_ref&)` on every element a finding names, in its subjects and its witness.
template <class Fix>
void for_each_element(finding& f, Fix const& fix) {
    auto const fix_value = [&fix](field_value& v) {
        if (auto* e = std::get_if<element_ref>(&v)) fix(*e);
        else if (auto* l = std::get_if<ref_list>(&v)) {
            for (auto& r : *l)
                if (r) fix(*r);
        } else if (auto* mp = std::get_if<ref_map>(&v))
            for (auto& kv : *mp) fix(kv.first);
    };
    for (auto& x : f.subjects) fix_value(x.value);
    for (auto& x : f.witness) fix_value(x.value);
}

// Replaces the actor ids of a finding of the withdrawn model by those of the original model.
inline void remap_actors(finding& f, std::vector<actor_id> const& back) {
    for_each_element(f, [&back](element_ref& r) {
        if (auto* a = std::get_if<actor_id>(&r)) *a = back[a->index()];
    });
}

} // namespace detail

namespace detail {

/// what_if by its definition: two full audits and one full copy of the model. The reference the tests
/// check what_if() against; O(size of m).
template <class Traits>
[[nodiscard]] what_if_result what_if_by_audits(basic_model<Traits> const& m, std::span<actor_id const> W) {
    what_if_result out;
    out.without.assign(W.begin(), W.end());
    sort_by_id_text(m, out.without);

    auto const rest = withdraw(m, std::span<actor_id const>{out.without});
    auto const map = withdrawn_index(m, std::span<actor_id const>{out.without});
    std::vector<actor_id> back(rest.template id_bound<actor_id>());
    for (actor_id a : m.actors())
        if (map[a.index()]) back[map[a.index()]->index()] = a;

    report before = audit(m);
    report after = audit(rest);
    freeze_messages(rest, after.findings); // their texts are those of the withdrawn model
    for (auto& f : after.findings) remap_actors(f, back);

    std::vector<std::string> keys_before, keys_after;
    for (auto const& f : before.findings) keys_before.push_back(finding_key(m, f));
    for (auto const& f : after.findings) keys_after.push_back(finding_key(m, f));
    std::sort(keys_before.begin(), keys_before.end());
    std::sort(keys_after.begin(), keys_after.end());
    out.added.model = before.model;
    out.removed.model = before.model;
    for (auto& f : after.findings)
        if (!std::binary_search(keys_before.begin(), keys_before.end(), finding_key(m, f)))
            out.added.findings.push_back(std::move(f));
    for (auto& f : before.findings)
        if (!std::binary_search(keys_after.begin(), keys_after.end(), finding_key(m, f)))
            out.removed.findings.push_back(std::move(f));
    sort_findings(m, out.added.findings);
    return out;
}

// Element maps of the region model: index in the region model -> index in m.
struct region_maps {
    std::vector<std::uint32_t> actors, mandates, duties, forums;
};

template <class Id>
void remap_ref(element_ref& r, region_maps const& maps) {
    if (auto* id = std::get_if<Id>(&r)) {
        if constexpr (std::same_as<Id, actor_id>) *id = actor_id{maps.actors[id->index()]};
        else if constexpr (std::same_as<Id, mandate_id>) *id = mandate_id{maps.mandates[id->index()]};
        else if constexpr (std::same_as<Id, duty_id>) *id = duty_id{maps.duties[id->index()]};
        else if constexpr (std::same_as<Id, forum_id>) *id = forum_id{maps.forums[id->index()]};
    }
}
inline void remap_region(finding& f, region_maps const& maps) {
    for_each_element(f, [&maps](element_ref& r) {
        remap_ref<actor_id>(r, maps);
        remap_ref<mandate_id>(r, maps);
        remap_ref<duty_id>(r, maps);
        remap_ref<forum_id>(r, maps);
    });
}

} // namespace detail

/// The findings that withdrawing `W` adds to and removes from the audit of `m` (see the top of this header).
///
/// How, without a second full audit: withdrawing W can change findings only in a region that is known in
/// advance (resilience.hpp, withdrawal_counter::added, lists it rule by rule): the duties W performs, the
/// duties performed by actors downstream of W in the delegation graph of a mandate W holds or passes on,
/// the (duty, mandate) pairs of those mandates that no performer meets, the forums coordinated by W or by
/// those actors, the delegations and cycles of W's mandates, W's delegation partners (idle-actor) and the
/// mandates only W holds (unused-mandate); a finding elsewhere changes only if it names an actor of W,
/// and then it is removed. A region model is built from m without W: those duties (their R and A entries
/// and requirements), the duties those forums cover, the forums, and every holding and delegation of
/// every mandate they require or W touches (so capability, capable lists and reasons are exactly those of
/// withdraw(m, W)); it is audited, its findings in the region are compared with audit(m)'s. The cost is
/// one full audit plus the size of the region (what_if_by_audits in namespace detail is the definition,
/// which the tests compare it with).
///     auto r = samverkan::what_if(m, std::vector{sf});
///     bool worse = r.added.summary().error > 0;
///
/// The same with audit(m) given: `before` must be audit(m) with the default options (for many withdrawals
/// from one model, e.g. a scenario sweep, which then pays only the region of each). Cost: the size of the
/// region plus O(m's elements and before's findings).
template <class Traits>
[[nodiscard]] what_if_result what_if(basic_model<Traits> const& m, std::span<actor_id const> W, report const& before) {
    using detail::region_maps;
    what_if_result out;
    out.without.assign(W.begin(), W.end());
    detail::sort_by_id_text(m, out.without);
    auto const n_actors = m.template id_bound<actor_id>(); // arrays by index: removed ids stay unused
    auto const n_mandates = m.template id_bound<mandate_id>();
    std::vector<std::uint8_t> gone(n_actors, 0);
    for (actor_id a : out.without) gone[a.index()] = 1;

    // ---- the region
    std::vector<std::uint8_t> x_w(n_mandates, 0); // mandates W holds, delegates or receives
    for (actor_id w : out.without) {
        for (holding_id h : m.holdings_of(w)) x_w[m.holding(h).mandate.index()] = 1;
        for (delegation_id d : m.delegations_from(w)) x_w[m.delegation(d).mandate.index()] = 1;
        for (delegation_id d : m.delegations_to(w)) x_w[m.delegation(d).mandate.index()] = 1;
    }
    std::vector<std::uint8_t> duty_in(m.template id_bound<duty_id>(), 0), forum_in(m.template id_bound<forum_id>(), 0);
    std::vector<duty_id> duties;
    auto const take_duty = [&](duty_id d) {
        if (duty_in[d.index()] != 0) return;
        duty_in[d.index()] = 1;
        duties.push_back(d);
    };
    auto const performs = [](assignment const& e) {
        return e.role == raci::responsible || e.role == raci::accountable;
    };
    for (actor_id w : out.without)
        for (assignment const& e : m.raci_of(w))
            if (performs(e)) take_duty(e.duty);
    // actors downstream of W, per mandate (delegations that can confer: delegable mandate, not to oneself)
    std::vector<std::uint8_t> downstream(n_actors, 0);
    std::vector<std::uint32_t> seen(n_actors, 0);
    std::uint32_t stamp = 0;
    std::vector<actor_id> stack;
    for (mandate_id x : m.mandates()) {
        if (x_w[x.index()] == 0 || !m[x].delegable) continue;
        ++stamp;
        stack.clear();
        for (actor_id w : out.without) {
            seen[w.index()] = stamp;
            stack.push_back(w);
        }
        while (!stack.empty()) {
            actor_id const u = stack.back();
            stack.pop_back();
            for (delegation_id d : m.delegations_from(u)) {
                auto const v = m.delegation(d);
                if (v.mandate != x || v.to == v.from || seen[v.to.index()] == stamp) continue;
                seen[v.to.index()] = stamp;
                downstream[v.to.index()] = 1;
                stack.push_back(v.to);
                for (assignment const& e : m.raci_of(v.to)) {
                    if (!performs(e)) continue;
                    for (mandate_id y : m.required_mandates(e.duty))
                        if (y == x) {
                            take_duty(e.duty);
                            break;
                        }
                }
            }
        }
    }
    for (actor_id w : out.without) downstream[w.index()] = 0;
    for (auto const& f : before.findings)
        if (f.rule == rule_id::mandate_missing)
            if (auto const x = f.subject_id<mandate_id>(key_id::mandate); x && x_w[x->index()] != 0)
                take_duty(*f.subject_id<duty_id>(key_id::duty));
    for (duty_id d : m.duties()) { // duties without performers that require one of W's mandates
        bool any = false;
        for (assignment const& e : m.raci_of(d))
            if (performs(e)) {
                any = true;
                break;
            }
        if (any) continue;
        for (mandate_id x : m.required_mandates(d))
            if (x_w[x.index()] != 0) {
                take_duty(d);
                break;
            }
    }
    std::vector<std::uint8_t> coordinates(n_actors, 0);
    std::vector<forum_id> forums;
    for (forum_id f : m.forums())
        if (auto const c = m.coordinator(f)) {
            coordinates[c->index()] = 1;
            if (gone[c->index()] != 0 || downstream[c->index()] != 0) {
                forum_in[f.index()] = 1;
                forums.push_back(f);
            }
        }
    // W's delegation partners that would take part in nothing; mandates only W holds and nobody requires
    std::vector<std::uint8_t> idle_after(n_actors, 0), unused_after(n_mandates, 0);
    auto const idle_without = [&](actor_id b) {
        if (gone[b.index()] != 0 || coordinates[b.index()] != 0 || !detail::is_empty(m.raci_of(b)) ||
            !detail::is_empty(m.forums_of(b)) || !detail::is_empty(m.holdings_of(b)))
            return false;
        for (delegation_id d : m.delegations_from(b))
            if (gone[m.delegation(d).to.index()] == 0) return false;
        for (delegation_id d : m.delegations_to(b))
            if (gone[m.delegation(d).from.index()] == 0) return false;
        return true;
    };
    for (actor_id w : out.without) {
        for (delegation_id d : m.delegations_from(w))
            if (auto const b = m.delegation(d).to; idle_without(b)) idle_after[b.index()] = 1;
        for (delegation_id d : m.delegations_to(w))
            if (auto const b = m.delegation(d).from; idle_without(b)) idle_after[b.index()] = 1;
        for (holding_id h : m.holdings_of(w)) {
            auto const x = m.holding(h).mandate;
            if (!detail::is_empty(m.duties_requiring(x))) continue;
            bool only_w = true;
            for (holding_id k : m.holdings_of(x)) only_w = only_w && gone[m.holding(k).actor.index()] != 0;
            if (only_w) unused_after[x.index()] = 1;
        }
    }

    // ---- the region model: m without W, restricted to the region
    std::vector<std::uint8_t> mandate_in(n_mandates, 0);
    for (mandate_id x : m.mandates())
        if (x_w[x.index()] != 0 || unused_after[x.index()] != 0) mandate_in[x.index()] = 1;
    std::vector<duty_id> covered_only;
    for (duty_id d : duties)
        for (mandate_id x : m.required_mandates(d)) mandate_in[x.index()] = 1;
    for (forum_id f : forums)
        for (duty_id d : m.covered(f)) {
            for (mandate_id x : m.required_mandates(d)) mandate_in[x.index()] = 1;
            if (duty_in[d.index()] == 0) {
                duty_in[d.index()] = 2; // in the region model for the coordinator rule only
                covered_only.push_back(d);
            }
        }

    basic_model<Traits> r;
    region_maps maps;
    // stages and scopes keep their ids (removed ones are copied as removed: detail::copy_slots)
    detail::copy_slots<stage_id>(m, r, [&r](auto v, stage_id) { return r.add_stage(std::move(v)); });
    detail::copy_slots<scope_id>(m, r, [&r](auto v, scope_id) { return r.add_scope(std::move(v)); });
    for (stage_id st : m.stages())
        for (stage_id e : m.earlier_stages(st)) r.order(st, e);
    for (scope_id sc : m.scopes())
        if (auto const p = m.parent(sc)) r.nest(sc, *p);
    std::vector<std::uint32_t> mandate_at(n_mandates, detail::npos), actor_at(n_actors, detail::npos);
    for (mandate_id x : m.mandates())
        if (mandate_in[x.index()] != 0) {
            mandate_at[x.index()] = static_cast<std::uint32_t>(maps.mandates.size());
            maps.mandates.push_back(x.index());
            r.add_mandate(m[x]);
        }
    auto const actor_of = [&](actor_id a) {
        if (actor_at[a.index()] == detail::npos) {
            actor_at[a.index()] = static_cast<std::uint32_t>(maps.actors.size());
            maps.actors.push_back(a.index());
            r.add_actor(m[a]);
        }
        return actor_id{actor_at[a.index()]};
    };
    auto const mandate_of = [&](mandate_id x) { return mandate_id{mandate_at[x.index()]}; };
    auto const reach_of = [](reach_view const& v) {
        return reach{v.scope, std::vector<stage_id>(v.stages.begin(), v.stages.end())};
    };
    // Holdings and delegations: every one of W's mandates (their delegations and cycles are judged), and of
    // any other mandate the part that decides capability in the region: the actors whose holding or grant
    // covers a region duty's scope, the region's performers and coordinators, everything downstream of
    // them, and all their ancestors (holdings flow only downstream, so this part derives exactly what m
    // without W derives for them).
    std::vector<std::vector<delegation_id>> delegations_of(n_mandates);
    for (delegation_id d : m.delegations())
        if (auto const x = m.delegation(d).mandate; mandate_in[x.index()] != 0) delegations_of[x.index()].push_back(d);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> scope_need, actor_need; // (mandate, scope or actor)
    auto const note_duty = [&](duty_id d, bool with_performers) {
        for (mandate_id x : m.required_mandates(d)) {
            if (x_w[x.index()] != 0) continue;
            scope_need.emplace_back(x.index(), detail::index_or_npos(m.scope_of(d)));
            if (with_performers)
                for (assignment const& e : m.raci_of(d))
                    if (performs(e) && gone[e.actor.index()] == 0) actor_need.emplace_back(x.index(), e.actor.index());
        }
    };
    for (duty_id d : duties) note_duty(d, true);
    for (duty_id d : covered_only) note_duty(d, false);
    for (forum_id f : forums)
        if (auto const c = m.coordinator(f); c && gone[c->index()] == 0)
            for (duty_id d : m.covered(f))
                for (mandate_id x : m.required_mandates(d))
                    if (x_w[x.index()] == 0) actor_need.emplace_back(x.index(), c->index());
    std::sort(scope_need.begin(), scope_need.end());
    std::sort(actor_need.begin(), actor_need.end());
    std::vector<std::uint8_t> scope_mark(m.template id_bound<scope_id>(), 0);
    std::vector<std::uint32_t> marked;
    std::vector<std::uint32_t> keep(n_actors, 0);
    std::uint32_t keep_stamp = 0;
    std::vector<actor_id> part;
    std::vector<delegation_id> kept_delegations;
    std::size_t si = 0, ai = 0;
    for (mandate_id x : m.mandates()) {
        if (mandate_in[x.index()] == 0) continue;
        auto const& dels = delegations_of[x.index()];
        if (x_w[x.index()] != 0) {
            for (holding_id h : m.holdings_of(x)) {
                auto const v = m.holding(h);
                if (gone[v.actor.index()] == 0) r.grant(actor_of(v.actor), mandate_of(x), reach_of(v.where));
            }
            for (delegation_id d : dels)
                if (gone[m.delegation(d).from.index()] == 0 && gone[m.delegation(d).to.index()] == 0)
                    kept_delegations.push_back(d);
            continue;
        }
        ++keep_stamp;
        part.clear();
        auto const add_part = [&](actor_id a) {
            if (gone[a.index()] != 0 || keep[a.index()] == keep_stamp) return;
            keep[a.index()] = keep_stamp;
            part.push_back(a);
        };
        for (; si < scope_need.size() && scope_need[si].first < x.index(); ++si) {}
        for (; si < scope_need.size() && scope_need[si].first == x.index(); ++si) {
            if (scope_need[si].second == detail::npos) continue; // only holdings for everywhere cover it
            for (std::optional<scope_id> sc = scope_id{scope_need[si].second}; sc && scope_mark[sc->index()] == 0;
                 sc = m.parent(*sc)) {
                scope_mark[sc->index()] = 1;
                marked.push_back(sc->index());
            }
        }
        auto const covers_need = [&](std::optional<scope_id> sc) { return !sc || scope_mark[sc->index()] != 0; };
        for (; ai < actor_need.size() && actor_need[ai].first < x.index(); ++ai) {}
        for (; ai < actor_need.size() && actor_need[ai].first == x.index(); ++ai)
            add_part(actor_id{actor_need[ai].second});
        for (holding_id h : m.holdings_of(x))
            if (auto const v = m.holding(h); covers_need(v.where.scope)) add_part(v.actor);
        for (delegation_id d : dels)
            if (auto const v = m.delegation(d); v.explicit_grant() && covers_need(v.where.scope)) add_part(v.to);
        for (std::size_t i = 0; i < part.size(); ++i) // downstream
            for (delegation_id d : m.delegations_from(part[i]))
                if (auto const v = m.delegation(d); v.mandate == x) add_part(v.to);
        for (std::size_t i = 0; i < part.size(); ++i) // and every ancestor
            for (delegation_id d : m.delegations_to(part[i]))
                if (auto const v = m.delegation(d); v.mandate == x) add_part(v.from);
        for (auto sc : marked) scope_mark[sc] = 0;
        marked.clear();
        for (actor_id a : part)
            for (holding_id h : m.holdings_of(a))
                if (auto const v = m.holding(h); v.mandate == x) r.grant(actor_of(a), mandate_of(x), reach_of(v.where));
        for (delegation_id d : dels)
            if (auto const v = m.delegation(d); keep[v.from.index()] == keep_stamp && keep[v.to.index()] == keep_stamp)
                kept_delegations.push_back(d);
    }
    std::sort(kept_delegations.begin(),
              kept_delegations.end()); // listing order: the first invalid one names the reason
    for (delegation_id d : kept_delegations) {
        auto const v = m.delegation(d);
        r.delegate(actor_of(v.from), actor_of(v.to), mandate_of(v.mandate), reach_of(v.where));
    }
    for (actor_id a : m.actors())
        if (idle_after[a.index()] != 0) actor_of(a);
    std::vector<duty_id> duty_at(m.template id_bound<duty_id>());
    auto const add_duty = [&](duty_id d) {
        duty_at[d.index()] = r.add_duty(m[d], {m.stage_of(d), m.scope_of(d)});
        maps.duties.push_back(d.index());
        for (mandate_id x : m.required_mandates(d)) r.require(duty_at[d.index()], mandate_of(x));
    };
    for (duty_id d : duties) {
        add_duty(d);
        for (assignment const& e : m.raci_of(d))
            if (performs(e) && gone[e.actor.index()] == 0) r.assign(actor_of(e.actor), duty_at[d.index()], e.role);
    }
    for (duty_id d : covered_only) add_duty(d);
    for (forum_id f : forums) {
        auto const g = r.add_forum(m[f], {m.scope_of(f)});
        maps.forums.push_back(f.index());
        if (auto const c = m.coordinator(f); c && gone[c->index()] == 0) r.set_coordinator(g, actor_of(*c));
        for (duty_id d : m.covered(f)) r.cover(g, duty_at[d.index()]);
    }

    // ---- compare the region's findings
    auto const in_region = [&](finding const& f, bool before_side) {
        if (before_side)
            for (auto const& x : f.subjects) {
                bool names_w = false;
                auto const check = [&](element_ref const& e) {
                    if (auto const* a = std::get_if<actor_id>(&e)) names_w = names_w || gone[a->index()] != 0;
                };
                if (auto const* e = std::get_if<element_ref>(&x.value)) check(*e);
                else if (auto const* l = std::get_if<ref_list>(&x.value))
                    for (auto const& item : *l)
                        if (item) check(*item);
                if (names_w) return true;
            }
        if (auto const d = f.subject_id<duty_id>(key_id::duty); d && f.rule != rule_id::stage_order)
            return duty_in[d->index()] == 1;
        if (auto const g = f.subject_id<forum_id>(key_id::forum)) return forum_in[g->index()] != 0;
        if (f.rule == rule_id::invalid_delegation || f.rule == rule_id::delegation_cycle)
            return x_w[f.subject_id<mandate_id>(key_id::mandate)->index()] != 0;
        if (f.rule == rule_id::idle_actor) return idle_after[f.subject_id<actor_id>(key_id::actor)->index()] != 0;
        if (f.rule == rule_id::unused_mandate)
            return unused_after[f.subject_id<mandate_id>(key_id::mandate)->index()] != 0;
        return false;
    };
    report after = audit(r);
    std::vector<finding> after_region;
    std::vector<std::string> keys_after, keys_before;
    freeze_messages(r, after.findings); // their texts are those of the withdrawn model
    for (auto& f : after.findings) {
        detail::remap_region(f, maps);
        if (!in_region(f, false)) continue;
        keys_after.push_back(detail::finding_key(m, f));
        after_region.push_back(std::move(f));
    }
    for (auto const& f : before.findings) keys_before.push_back(detail::finding_key(m, f));
    std::sort(keys_after.begin(), keys_after.end());
    std::sort(keys_before.begin(), keys_before.end());
    out.added.model = before.model;
    out.removed.model = before.model;
    for (auto& f : after_region)
        if (!std::binary_search(keys_before.begin(), keys_before.end(), detail::finding_key(m, f)))
            out.added.findings.push_back(std::move(f));
    for (auto const& f : before.findings)
        if (in_region(f, true) && !std::binary_search(keys_after.begin(), keys_after.end(), detail::finding_key(m, f)))
            out.removed.findings.push_back(f);
    sort_findings(m, out.added.findings);
    return out;
}

/// what_if(m, W) as described above: one full audit of m, then the region.
template <class Traits>
[[nodiscard]] what_if_result what_if(basic_model<Traits> const& m, std::span<actor_id const> W) {
    return what_if(m, W, audit(m));
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_WHAT_IF_HPP
