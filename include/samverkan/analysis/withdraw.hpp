// withdraw: the model without some actors (analytics.md section 1).
//
//     std::vector<samverkan::actor_id> const gone{*m.find<samverkan::actor_id>("lpo")};
//     samverkan::model const rest = samverkan::withdraw(m, gone);   // no lpo, nothing that names it
//
// The result is `m` without the actors of `W` and without everything that names one of them: their RACI
// entries, forum memberships, coordinatorships (the forum is left without a coordinator), holdings and every
// delegation from or to one of them. Every other element keeps its id text and its index (stages, scopes,
// mandates, duties, forums); the remaining actors keep their order, so an actor's index drops by the number
// of withdrawn actors before it (withdrawn_index() gives the new index). Relations keep their listing order,
// attributes and reaches. The result is a valid model (withdrawal cannot break an invariant). On an edited
// model (with removed elements) the indices are kept by copying the removed stages, scopes, mandates, duties
// and forums as removed elements too (removed actors are left out like withdrawn ones): the result writes
// the bytes of withdraw() of the model written and read back.
//
// Complexity: O(size of m) time and memory (a full copy). The robustness analyses (resilience.hpp) never
// build it: it is the reference semantics, used by what_if() and by the tests.
// Preconditions (assert): every id in W was issued by m. Throws only std::bad_alloc.
#ifndef SAMVERKAN_ANALYSIS_WITHDRAW_HPP
#define SAMVERKAN_ANALYSIS_WITHDRAW_HPP

#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/copy_slots.hpp>
#include <samverkan/model/ids.hpp>

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace samverkan {

/// For each actor of `m` (by index, id_bound<actor_id>() entries), its index in withdraw(m, W), or nullopt
/// when it is in W or was removed from m. O(actors).
///     auto const where = samverkan::withdrawn_index(m, gone);   // where[ks.index()] -> index in the result
template <class Traits>
[[nodiscard]] std::vector<std::optional<actor_id>> withdrawn_index(basic_model<Traits> const& m,
                                                                   std::span<actor_id const> W) {
    std::vector<std::optional<actor_id>> out(m.template id_bound<actor_id>());
    std::vector<bool> gone(out.size(), false);
    for (actor_id a : W) {
        assert(a.index() < gone.size() && "samverkan::withdraw: an actor that this model did not issue");
        gone[a.index()] = true;
    }
    std::uint32_t next = 0;
    for (actor_id a : m.actors())
        if (!gone[a.index()]) out[a.index()] = actor_id{next++};
    return out;
}

/// The model `m` without the actors of `W` and everything that names them (see the top of this header).
/// A repeated actor counts once. O(size of m).
///     auto const rest = samverkan::withdraw(m, std::vector{lpo, sf});
template <class Traits>
[[nodiscard]] basic_model<Traits> withdraw(basic_model<Traits> const& m, std::span<actor_id const> W) {
    auto const map = withdrawn_index(m, W);
    basic_model<Traits> out;
    if (m.has_name()) out.set_name(m.name());
    out.set_description(m.description());
    out.set_attributes(m.attributes());

    detail::copy_slots<stage_id>(m, out, [&](auto v, stage_id) { return out.add_stage(std::move(v)); });
    detail::copy_slots<scope_id>(m, out, [&](auto v, scope_id) { return out.add_scope(std::move(v)); });
    for (actor_id a : m.actors())
        if (map[a.index()]) out.add_actor(m[a]);
    detail::copy_slots<mandate_id>(m, out, [&](auto v, mandate_id) { return out.add_mandate(std::move(v)); });
    detail::copy_slots<duty_id>(m, out, [&](auto v, duty_id d) {
        return out.add_duty(std::move(v), {m.stage_of(d), m.scope_of(d)});
    });
    detail::copy_slots<forum_id>(m, out,
                                 [&](auto v, forum_id f) { return out.add_forum(std::move(v), {m.scope_of(f)}); });

    for (stage_id s : m.stages())
        for (stage_id e : m.earlier_stages(s)) out.order(s, e);
    for (scope_id s : m.scopes())
        if (auto const p = m.parent(s)) out.nest(s, *p);

    auto const reach_of = [](reach_view const& r) {
        return reach{r.scope, std::vector<stage_id>(r.stages.begin(), r.stages.end())};
    };
    out.template reserve_relations<relation::holds>(m.relation_count(relation_kind::holds));
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        if (!map[v.actor.index()]) continue;
        auto const id = out.grant(*map[v.actor.index()], v.mandate, reach_of(v.where));
        if (!v.attributes.empty()) out.set_attributes(id, std::string{v.attributes});
    }
    out.template reserve_relations<relation::delegates>(m.relation_count(relation_kind::delegates));
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        if (!map[v.from.index()] || !map[v.to.index()]) continue;
        auto const id = out.delegate(*map[v.from.index()], *map[v.to.index()], v.mandate, reach_of(v.where));
        if (!v.attributes.empty()) out.set_attributes(id, std::string{v.attributes});
    }
    out.template reserve_relations<relation::assigned>(m.relation_count(relation_kind::assigned));
    out.template reserve_relations<relation::requires_mandate>(m.relation_count(relation_kind::requires_mandate));
    out.template reserve_relations<relation::needs>(m.relation_count(relation_kind::needs));
    for (duty_id d : m.duties()) {
        for (assignment const& e : m.raci_of(d))
            if (map[e.actor.index()]) out.assign(*map[e.actor.index()], d, e.role);
        for (mandate_id x : m.required_mandates(d)) out.require(d, x);
        for (duty_id e : m.needs(d)) out.need(d, e);
    }
    out.template reserve_relations<relation::member>(m.relation_count(relation_kind::member));
    out.template reserve_relations<relation::covers>(m.relation_count(relation_kind::covers));
    for (forum_id f : m.forums()) {
        for (actor_id a : m.members(f))
            if (map[a.index()]) out.add_member(f, *map[a.index()]);
        if (auto const c = m.coordinator(f); c && map[c->index()]) out.set_coordinator(f, *map[c->index()]);
        for (duty_id d : m.covered(f)) out.cover(f, d);
    }
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_WITHDRAW_HPP
