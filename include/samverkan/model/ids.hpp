// Strong ids: a typed index per element kind.
//
// Naming used across samverkan:
//   actor_id, mandate_id, duty_id, stage_id, scope_id, forum_id   element ids
//   holding_id, delegation_id                                      ids of the relations that carry data
// An id is a dense index (0, 1, 2, ... in insertion order) wrapped in a type of its own, so an actor id
// cannot be passed where a duty id is expected. Ids are only meaningful for the model that issued them.
#ifndef SAMVERKAN_MODEL_IDS_HPP
#define SAMVERKAN_MODEL_IDS_HPP

#include <boost/describe/enum.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <type_traits>

namespace samverkan {

/// The six kinds of element of a collaboration model.
enum class element_kind : std::uint8_t { stage, scope, actor, mandate, duty, forum };
BOOST_DESCRIBE_ENUM(element_kind, stage, scope, actor, mandate, duty, forum)

/// A typed, dense index. `Tag` names the kind; two ids of different kinds never compare or convert.
///
///     samverkan::actor_id ks = m.add_actor({.id = "ks"});
///     std::uint32_t i = ks.index();           // 0 for the first actor
template <class Tag>
class basic_id {
public:
    using tag_type = Tag;
    using value_type = std::uint32_t;

    constexpr basic_id() noexcept = default;
    constexpr explicit basic_id(value_type index) noexcept : index_{index} {}

    [[nodiscard]] constexpr value_type index() const noexcept { return index_; }

    friend constexpr bool operator==(basic_id, basic_id) noexcept = default;
    friend constexpr auto operator<=>(basic_id, basic_id) noexcept = default;

private:
    value_type index_{0};
};

namespace tags {
// clang-format off
struct stage      { static constexpr std::string_view name = "stage"; };
struct scope      { static constexpr std::string_view name = "scope"; };
struct actor      { static constexpr std::string_view name = "actor"; };
struct mandate    { static constexpr std::string_view name = "mandate"; };
struct duty       { static constexpr std::string_view name = "duty"; };
struct forum      { static constexpr std::string_view name = "forum"; };
struct holding    { static constexpr std::string_view name = "holding"; };
struct delegation { static constexpr std::string_view name = "delegation"; };
// clang-format on
} // namespace tags

using stage_id = basic_id<tags::stage>;
using scope_id = basic_id<tags::scope>;
using actor_id = basic_id<tags::actor>;
using mandate_id = basic_id<tags::mandate>;
using duty_id = basic_id<tags::duty>;
using forum_id = basic_id<tags::forum>;
using holding_id = basic_id<tags::holding>;
using delegation_id = basic_id<tags::delegation>;

/// True for the six element id types (not for holding_id and delegation_id).
template <class T>
concept element_id = std::same_as<T, stage_id> || std::same_as<T, scope_id> || std::same_as<T, actor_id> ||
    std::same_as<T, mandate_id> || std::same_as<T, duty_id> || std::same_as<T, forum_id>;

/// The element_kind of an element id type: `kind_of<actor_id> == element_kind::actor`.
template <element_id Id>
inline constexpr element_kind kind_of = [] {
    if constexpr (std::same_as<Id, stage_id>) return element_kind::stage;
    else if constexpr (std::same_as<Id, scope_id>) return element_kind::scope;
    else if constexpr (std::same_as<Id, actor_id>) return element_kind::actor;
    else if constexpr (std::same_as<Id, mandate_id>) return element_kind::mandate;
    else if constexpr (std::same_as<Id, duty_id>) return element_kind::duty;
    else return element_kind::forum;
}();

} // namespace samverkan

template <class Tag>
struct std::hash<samverkan::basic_id<Tag>> {
    std::size_t operator()(samverkan::basic_id<Tag> id) const noexcept {
        return std::hash<std::uint32_t>{}(id.index());
    }
};

#endif // SAMVERKAN_MODEL_IDS_HPP
