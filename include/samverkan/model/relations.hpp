// The relation kinds of a collaboration model, each declaring the kinds of element at its two ends.
//
//   relation           source     target     payload              model file
//   holds              actor   -> mandate    reach                "holds"
//   delegates          actor   -> actor      mandate, reach       "delegations"
//   assigned           actor   -> duty       raci role            duty "raci"
//   requires_mandate   duty    -> mandate                         duty "requires"
//   needs              duty    -> duty                            duty "needs"
//   after              stage   -> stage      (later -> earlier)   stage "after"
//   within             scope   -> scope      (inner -> outer)     scope "within"
//   member             forum   -> actor                           forum "members"
//   coordinated_by     forum   -> actor                           forum "coordinator"
//   covers             forum   -> duty                            forum "covers"
//
// `connects<R, From, To>` is true when R joins a From to a To; basic_model::connect checks it with a
// static_assert, so connecting the wrong kinds does not compile.
#ifndef SAMVERKAN_MODEL_RELATIONS_HPP
#define SAMVERKAN_MODEL_RELATIONS_HPP

#include <samverkan/model/ids.hpp>

#include <boost/describe/enum.hpp>

#include <concepts>
#include <cstdint>
#include <string_view>

namespace samverkan {

/// The kinds of relation, as data (for views and exports).
enum class relation_kind : std::uint8_t {
    holds,
    delegates,
    assigned,
    requires_mandate,
    needs,
    after,
    within,
    member,
    coordinated_by,
    covers
};
BOOST_DESCRIBE_ENUM(relation_kind, holds, delegates, assigned, requires_mandate, needs, after, within, member,
                    coordinated_by, covers)

namespace relation {
// clang-format off
struct holds            { using source = actor_id; using target = mandate_id; static constexpr relation_kind kind = relation_kind::holds; };
struct delegates        { using source = actor_id; using target = actor_id;   static constexpr relation_kind kind = relation_kind::delegates; };
struct assigned         { using source = actor_id; using target = duty_id;    static constexpr relation_kind kind = relation_kind::assigned; };
struct requires_mandate { using source = duty_id;  using target = mandate_id; static constexpr relation_kind kind = relation_kind::requires_mandate; };
struct needs            { using source = duty_id;  using target = duty_id;    static constexpr relation_kind kind = relation_kind::needs; };
struct after            { using source = stage_id; using target = stage_id;   static constexpr relation_kind kind = relation_kind::after; };
struct within           { using source = scope_id; using target = scope_id;   static constexpr relation_kind kind = relation_kind::within; };
struct member           { using source = forum_id; using target = actor_id;   static constexpr relation_kind kind = relation_kind::member; };
struct coordinated_by   { using source = forum_id; using target = actor_id;   static constexpr relation_kind kind = relation_kind::coordinated_by; };
struct covers           { using source = forum_id; using target = duty_id;    static constexpr relation_kind kind = relation_kind::covers; };
// clang-format on
} // namespace relation

/// A relation kind: a type with `source` and `target` element id types and a `kind` value.
template <class R>
concept relation_type = element_id<typename R::source> && element_id<typename R::target> && requires {
    { R::kind } -> std::convertible_to<relation_kind>;
};

/// True when relation R connects a From (source) to a To (target).
template <class R, class From, class To>
concept connects = relation_type<R> && std::same_as<From, typename R::source> && std::same_as<To, typename R::target>;

} // namespace samverkan

#endif // SAMVERKAN_MODEL_RELATIONS_HPP
