// Which members of an element type become GraphML attributes, with which GraphML type, and how a value
// is written. Used by io/graphml.hpp.
//
// A type described with Boost.Describe (the default element types are, and so may a planning tool's own)
// contributes every public described member, inherited ones included, whose type GraphML can carry:
//   bool -> boolean; other integers (not characters) -> long; floating point -> double;
//   anything convertible to std::string_view -> string; std::optional of one of these -> the same type.
// Members of other types (vectors, nested structs) are skipped. A type that is not described
// contributes the members of the default types it has: id, name, category, basis, exclusive, delegable,
// optional, model, attributes.
#ifndef SAMVERKAN_IO_DETAIL_GRAPHML_MEMBERS_HPP
#define SAMVERKAN_IO_DETAIL_GRAPHML_MEMBERS_HPP

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace samverkan::io::detail {

/// The GraphML attribute types used (attr.type).
enum class graphml_type : std::uint8_t { boolean, long_integer, double_float, string };

[[nodiscard]] constexpr std::string_view graphml_type_name(graphml_type t) noexcept {
    switch (t) {
    case graphml_type::boolean: return "boolean";
    case graphml_type::long_integer: return "long";
    case graphml_type::double_float: return "double";
    case graphml_type::string: return "string";
    }
    return "string";
}

template <class T>
struct graphml_optional_value {
    using type = T;
};
template <class T>
struct graphml_optional_value<std::optional<T>> {
    using type = T;
};

template <class T>
inline constexpr bool is_character =
    std::same_as<T, char> || std::same_as<T, signed char> || std::same_as<T, unsigned char> ||
    std::same_as<T, wchar_t> || std::same_as<T, char8_t> || std::same_as<T, char16_t> || std::same_as<T, char32_t>;

/// The GraphML type of a member of type M (std::optional<T> as T), or nullopt when GraphML cannot carry it.
template <class M>
[[nodiscard]] constexpr std::optional<graphml_type> graphml_type_of() noexcept {
    using T = typename graphml_optional_value<std::remove_cvref_t<M>>::type;
    if constexpr (std::same_as<T, bool>) return graphml_type::boolean;
    else if constexpr (std::integral<T> && !is_character<T>) return graphml_type::long_integer;
    else if constexpr (std::floating_point<T>) return graphml_type::double_float;
    else if constexpr (std::convertible_to<T const&, std::string_view>) return graphml_type::string;
    else return std::nullopt;
}

/// The text of a member value, or nullopt when it is absent (an empty optional). O(size of the value).
template <class M>
[[nodiscard]] std::optional<std::string> graphml_value_text(M const& value) {
    if constexpr (requires {
                      value.has_value();
                      *value;
                  } &&
                  !std::convertible_to<M const&, std::string_view>) {
        if (!value.has_value()) return std::nullopt;
        return graphml_value_text(*value);
    } else if constexpr (std::same_as<M, bool>) {
        return std::string{value ? "true" : "false"};
    } else if constexpr (std::integral<M>) {
        return std::to_string(value);
    } else if constexpr (std::floating_point<M>) {
        char buffer[64];
        auto const result =
            std::to_chars(buffer, buffer + sizeof buffer, value); // shortest form that reads back exactly
        return std::string{buffer, result.ptr};
    } else {
        return std::string{std::string_view{value}};
    }
}

template <class C, class M>
M graphml_member_type(M C::*);

/// Calls `f(name, pointer)` for each member of T that becomes a GraphML attribute (see the top of this
/// file), in declaration order. Compile-time enumeration; no cost at run time beyond the calls.
template <class T, class F>
void for_each_graphml_member(F&& f) {
    auto visit = [&](std::string_view name, auto pointer) {
        if constexpr (requires { graphml_member_type(pointer); }) {
            using M = decltype(graphml_member_type(pointer));
            if constexpr (graphml_type_of<M>().has_value()) f(name, pointer);
        }
    };
    if constexpr (boost::describe::has_describe_members<T>::value) {
        using members =
            boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;
        boost::mp11::mp_for_each<members>([&](auto d) { visit(d.name, d.pointer); });
    } else {
        visit("id", &T::id);
        visit("name", &T::name);
        if constexpr (requires { &T::category; }) visit("category", &T::category);
        if constexpr (requires { &T::basis; }) visit("basis", &T::basis);
        if constexpr (requires { &T::exclusive; }) visit("exclusive", &T::exclusive);
        if constexpr (requires { &T::delegable; }) visit("delegable", &T::delegable);
        if constexpr (requires { &T::optional; }) visit("optional", &T::optional);
        if constexpr (requires { &T::model; }) visit("model", &T::model);
        if constexpr (requires { &T::attributes; }) visit("attributes", &T::attributes);
    }
}

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_GRAPHML_MEMBERS_HPP
