// edit: one change of a model as a value, and apply(model, edit). The incremental audit
// (analysis/incremental_audit.hpp) and `samverkan watch` take edits in this form; a planning tool can
// also keep them as an undo list of its own.
//
//     samverkan::edit e = samverkan::edits::assign{ks, lagesbild, samverkan::raci::accountable};
//     samverkan::apply(m, e);              // the same as m.assign(ks, lagesbild, samverkan::raci::accountable)
//
// Every edit maps to one basic_model member function (see there for its cost and what it throws) and has
// the same strong guarantee: an edit that throws leaves the model unchanged. `basic_edit<Traits>` carries
// the element types of the model it applies to; `edit` is the one for samverkan::model.
#ifndef SAMVERKAN_MODEL_EDIT_HPP
#define SAMVERKAN_MODEL_EDIT_HPP

#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/elements.hpp>
#include <samverkan/model/ids.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace samverkan {

/// Any element id.
using any_element_id = std::variant<stage_id, scope_id, actor_id, mandate_id, duty_id, forum_id>;

namespace edits {
// clang-format off
template <class Element> struct add_element { Element value; };                           ///< add_stage ... add_mandate
template <class Duty> struct add_duty { Duty value; placement where{}; };
template <class Forum> struct add_forum { Forum value; forum_placement where{}; };
template <class Id, class Element> struct update { Id id; Element value; };               ///< update(id, value)
struct remove { any_element_id element; };                                                ///< remove(id)
struct rename { any_element_id element; std::string id; };                                ///< rename(id, text)
struct grant { actor_id actor; mandate_id mandate; reach where{}; };
struct revoke { holding_id holding; };
struct set_holding_reach { holding_id holding; reach where{}; };
struct delegate { actor_id from; actor_id to; mandate_id mandate; reach where{}; };
struct undelegate { delegation_id delegation; };
struct set_delegation_reach { delegation_id delegation; reach where{}; };
struct assign { actor_id actor; duty_id duty; raci role; };
struct unassign { actor_id actor; duty_id duty; raci role; };
struct reassign { actor_id actor; duty_id duty; raci from; raci to; };
struct require { duty_id duty; mandate_id mandate; };
struct unrequire { duty_id duty; mandate_id mandate; };
struct need { duty_id duty; duty_id needed; };
struct unneed { duty_id duty; duty_id needed; };
struct order { stage_id later; stage_id earlier; };
struct unorder { stage_id later; stage_id earlier; };
struct nest { scope_id inner; scope_id outer; };
struct unnest { scope_id inner; };
struct add_member { forum_id forum; actor_id actor; };
struct remove_member { forum_id forum; actor_id actor; };
struct set_coordinator { forum_id forum; actor_id actor; };
struct clear_coordinator { forum_id forum; };
struct cover { forum_id forum; duty_id duty; };
struct uncover { forum_id forum; duty_id duty; };
struct place_duty { duty_id duty; placement where{}; };
struct place_forum { forum_id forum; forum_placement where{}; };
// clang-format on
} // namespace edits

/// Every kind of edit of a basic_model<Traits>.
template <class Traits>
using basic_edit = std::variant<
    edits::add_element<typename Traits::stage_type>, edits::add_element<typename Traits::scope_type>,
    edits::add_element<typename Traits::actor_type>, edits::add_element<typename Traits::mandate_type>,
    edits::add_duty<typename Traits::duty_type>, edits::add_forum<typename Traits::forum_type>,
    edits::update<stage_id, typename Traits::stage_type>, edits::update<scope_id, typename Traits::scope_type>,
    edits::update<actor_id, typename Traits::actor_type>, edits::update<mandate_id, typename Traits::mandate_type>,
    edits::update<duty_id, typename Traits::duty_type>, edits::update<forum_id, typename Traits::forum_type>,
    edits::remove, edits::rename, edits::grant, edits::revoke, edits::set_holding_reach, edits::delegate,
    edits::undelegate, edits::set_delegation_reach, edits::assign, edits::unassign, edits::reassign, edits::require,
    edits::unrequire, edits::need, edits::unneed, edits::order, edits::unorder, edits::nest, edits::unnest,
    edits::add_member, edits::remove_member, edits::set_coordinator, edits::clear_coordinator, edits::cover,
    edits::uncover, edits::place_duty, edits::place_forum>;

/// The edits of samverkan::model.
using edit = basic_edit<default_traits>;

/// What an edit made: the element, holding or delegation it added, if any, and whether it changed the
/// model at all (assigning a role an actor already has changes nothing).
struct edit_result {
    std::optional<any_element_id> element;
    std::optional<holding_id> holding;
    std::optional<delegation_id> delegation;
    bool changed = true;
};

/// Applies `e` to `m`. Throws what the basic_model member function throws (samverkan::error naming the
/// elements), with the model unchanged. Preconditions: the ids in `e` are live ids of `m`.
template <class Traits>
edit_result apply(basic_model<Traits>& m, basic_edit<Traits> const& e) {
    return std::visit(
        [&m](auto const& x) -> edit_result {
            using E = std::remove_cvref_t<decltype(x)>;
            edit_result r;
            if constexpr (std::is_same_v<E, edits::add_element<typename Traits::stage_type>>)
                r.element = m.add_stage(x.value);
            else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::scope_type>>)
                r.element = m.add_scope(x.value);
            else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::actor_type>>)
                r.element = m.add_actor(x.value);
            else if constexpr (std::is_same_v<E, edits::add_element<typename Traits::mandate_type>>)
                r.element = m.add_mandate(x.value);
            else if constexpr (std::is_same_v<E, edits::add_duty<typename Traits::duty_type>>)
                r.element = m.add_duty(x.value, x.where);
            else if constexpr (std::is_same_v<E, edits::add_forum<typename Traits::forum_type>>)
                r.element = m.add_forum(x.value, x.where);
            else if constexpr (std::is_same_v<E, edits::remove>) std::visit([&m](auto id) { m.remove(id); }, x.element);
            else if constexpr (std::is_same_v<E, edits::rename>)
                std::visit([&m, &x](auto id) { m.rename(id, x.id); }, x.element);
            else if constexpr (std::is_same_v<E, edits::grant>) r.holding = m.grant(x.actor, x.mandate, x.where);
            else if constexpr (std::is_same_v<E, edits::revoke>) m.revoke(x.holding);
            else if constexpr (std::is_same_v<E, edits::set_holding_reach>) m.set_reach(x.holding, x.where);
            else if constexpr (std::is_same_v<E, edits::delegate>)
                r.delegation = m.delegate(x.from, x.to, x.mandate, x.where);
            else if constexpr (std::is_same_v<E, edits::undelegate>) m.undelegate(x.delegation);
            else if constexpr (std::is_same_v<E, edits::set_delegation_reach>) m.set_reach(x.delegation, x.where);
            else if constexpr (std::is_same_v<E, edits::assign>) r.changed = m.assign(x.actor, x.duty, x.role);
            else if constexpr (std::is_same_v<E, edits::unassign>) r.changed = m.unassign(x.actor, x.duty, x.role);
            else if constexpr (std::is_same_v<E, edits::reassign>)
                r.changed = m.reassign(x.actor, x.duty, x.from, x.to);
            else if constexpr (std::is_same_v<E, edits::require>) r.changed = m.require(x.duty, x.mandate);
            else if constexpr (std::is_same_v<E, edits::unrequire>) r.changed = m.unrequire(x.duty, x.mandate);
            else if constexpr (std::is_same_v<E, edits::need>) r.changed = m.need(x.duty, x.needed);
            else if constexpr (std::is_same_v<E, edits::unneed>) r.changed = m.unneed(x.duty, x.needed);
            else if constexpr (std::is_same_v<E, edits::order>) r.changed = m.order(x.later, x.earlier);
            else if constexpr (std::is_same_v<E, edits::unorder>) r.changed = m.unorder(x.later, x.earlier);
            else if constexpr (std::is_same_v<E, edits::nest>) r.changed = m.nest(x.inner, x.outer);
            else if constexpr (std::is_same_v<E, edits::unnest>) r.changed = m.unnest(x.inner);
            else if constexpr (std::is_same_v<E, edits::add_member>) r.changed = m.add_member(x.forum, x.actor);
            else if constexpr (std::is_same_v<E, edits::remove_member>) r.changed = m.remove_member(x.forum, x.actor);
            else if constexpr (std::is_same_v<E, edits::set_coordinator>) {
                r.changed = m.coordinator(x.forum) != std::optional{x.actor};
                m.set_coordinator(x.forum, x.actor);
            } else if constexpr (std::is_same_v<E, edits::clear_coordinator>) r.changed = m.clear_coordinator(x.forum);
            else if constexpr (std::is_same_v<E, edits::cover>) r.changed = m.cover(x.forum, x.duty);
            else if constexpr (std::is_same_v<E, edits::uncover>) r.changed = m.uncover(x.forum, x.duty);
            else if constexpr (std::is_same_v<E, edits::place_duty>) m.place(x.duty, x.where);
            else if constexpr (std::is_same_v<E, edits::place_forum>) m.place(x.forum, x.where);
            else m.update(x.id, x.value); // edits::update<Id, Element>
            return r;
        },
        e);
}

} // namespace samverkan

#endif // SAMVERKAN_MODEL_EDIT_HPP
