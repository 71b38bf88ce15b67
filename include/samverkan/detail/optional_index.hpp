// npos and the one conversion between std::optional<Id> and an index with a sentinel (npos for none), as
// the model and the analyses store optional ids in flat arrays (a duty's stage and scope, a reach's scope,
// a forum's coordinator...).
#ifndef SAMVERKAN_DETAIL_OPTIONAL_INDEX_HPP
#define SAMVERKAN_DETAIL_OPTIONAL_INDEX_HPP

#include <cstdint>
#include <limits>
#include <optional>

namespace samverkan::detail {

/// No index: the sentinel of an absent id (and of "not found").
inline constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

/// The index of `id`, or npos when there is none. O(1).
template <class Id>
[[nodiscard]] constexpr std::uint32_t index_or_npos(std::optional<Id> const& id) noexcept {
    return id ? id->index() : npos;
}

/// The id with index `i`, or none when `i` is npos. O(1).
template <class Id>
[[nodiscard]] constexpr std::optional<Id> id_or_none(std::uint32_t i) noexcept {
    if (i == npos) return std::nullopt;
    return Id{i};
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_OPTIONAL_INDEX_HPP
