// described_enum: enum <-> text from an enum's Boost.Describe description (internal). The contracts spell
// enumerators with '-' where C++ needs '_' ("mandate-missing" is rule_id::mandate_missing), so the text of
// an enumerator is its described name with every '_' written as '-'. One place derives the texts, the count
// and the parser for every described enum whose enumerators are 0, 1, ..., N-1 in declaration order.
//
//     enum class severity : std::uint8_t { error, warning, info };
//     BOOST_DESCRIBE_ENUM(severity, error, warning, info)
//     static_assert(detail::enum_count<severity> == 3);
//     detail::enum_text(severity::warning)          // "warning"
//     detail::parse_enum<severity>("info")          // severity::info
#ifndef SAMVERKAN_DETAIL_DESCRIBED_ENUM_HPP
#define SAMVERKAN_DETAIL_DESCRIBED_ENUM_HPP

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace samverkan::detail {

/// The number of enumerators of described enum E.
template <class E>
inline constexpr std::size_t enum_count = boost::mp11::mp_size<boost::describe::describe_enumerators<E>>::value;

/// The texts of E's enumerators in declaration order, '_' written as '-', built at compile time.
template <class E>
struct enum_texts {
    static constexpr std::size_t longest = 48;
    std::array<std::array<char, longest>, enum_count<E>> text{};
    std::array<std::size_t, enum_count<E>> size{};
    bool dense = true; ///< enumerator i has the value i

    constexpr enum_texts() {
        std::size_t i = 0;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
            if (static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(d.value)) != i) dense = false;
            std::size_t n = 0;
            for (char const* p = d.name; *p != '\0' && n < longest; ++p) text[i][n++] = *p == '_' ? '-' : *p;
            size[i] = n;
            ++i;
        });
    }
    [[nodiscard]] constexpr std::string_view operator[](std::size_t i) const noexcept {
        return {text[i].data(), size[i]};
    }
};

template <class E>
inline constexpr enum_texts<E> enum_texts_v{};

/// The text of `e` ("not-held" for capability_status::not_held). O(1).
template <class E>
[[nodiscard]] constexpr std::string_view enum_text(E e) noexcept {
    static_assert(enum_texts_v<E>.dense, "enum_text: the enumerators must be 0, 1, ..., N-1 in declaration order");
    return enum_texts_v<E>[static_cast<std::size_t>(e)];
}

/// The enumerator whose text is `text`, if any. O(N).
template <class E>
[[nodiscard]] constexpr std::optional<E> parse_enum(std::string_view text) noexcept {
    static_assert(enum_texts_v<E>.dense, "parse_enum: the enumerators must be 0, 1, ..., N-1 in declaration order");
    for (std::size_t i = 0; i < enum_count<E>; ++i)
        if (enum_texts_v<E>[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

/// Every enumerator of E in declaration order.
template <class E>
[[nodiscard]] constexpr std::array<E, enum_count<E>> all_enumerators() noexcept {
    std::array<E, enum_count<E>> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
    return out;
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_DESCRIBED_ENUM_HPP
