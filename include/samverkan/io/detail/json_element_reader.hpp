// The machinery shared by the model reader (json_model_reader.hpp) and the template reader
// (template_json.hpp): a json_cursor over the text, errors as load_error with source, line, column and
// JSON path, typed reads with "expected X, found Y" messages, unknown keys with "did you mean", and the
// members of an element read and written through their Boost.Describe descriptions.
//
// Described members (the rules of io/json.hpp, "A planning tool's own element types"):
//   - every public member, own or inherited, described with BOOST_DESCRIBE_STRUCT is read and written
//     under its own name; the relation keys of a kind (`after`, `within`, `stage`, `scope`, `requires`,
//     `needs`, `raci`, `realises`, `members`, `coordinator`, `covers`) are not members and stay explicit;
//     a member may not be named like a relation key of its kind (a compile-time error);
//   - supported member types (json_member<T>): std::string, bool, integers (not char), float and double,
//     enums described with BOOST_DESCRIBE_ENUM (written as the enumerator's name), std::optional of one of
//     these and std::vector of one of these; anything else is a compile-time error naming the member;
//   - a std::string member named `attributes` holds the element's free JSON object as text (as the
//     default types do);
//   - written: `id` always; strings, vectors and optionals only when not empty; bool, numbers and enums
//     always (so a reader without the member sees every value the writer knows);
//   - read: a key that is not present leaves the member as the default-constructed element has it, so a
//     samverkan/1 file written for the default types reads with default member values. A key is known iff
//     it is a described member of the kind's element type or one of the kind's relation keys; any other key
//     is an error ("unknown key"), as model-format.md requires.
#ifndef SAMVERKAN_IO_DETAIL_JSON_ELEMENT_READER_HPP
#define SAMVERKAN_IO_DETAIL_JSON_ELEMENT_READER_HPP

#include <samverkan/detail/bytes.hpp>
#include <samverkan/detail/suggest.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/load_error.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace samverkan::io::detail {

// ---- described members --------------------------------------------------------------------------------

template <class T>
struct member_optional : std::false_type {};
template <class T>
struct member_optional<std::optional<T>> : std::true_type {};
template <class T>
struct member_vector : std::false_type {};
template <class T, class A>
struct member_vector<std::vector<T, A>> : std::true_type {};

/// A scalar member type: string, bool, integer, floating point or a described enum.
template <class T>
concept json_scalar_member = std::same_as<T, std::string> || std::same_as<T, bool> ||
                             (std::is_integral_v<T> && !std::same_as<T, char> && !std::same_as<T, char8_t> &&
                              !std::same_as<T, wchar_t> && !std::same_as<T, char16_t> && !std::same_as<T, char32_t>) ||
                             std::is_floating_point_v<T> ||
                             (std::is_enum_v<T> && boost::describe::has_describe_enumerators<T>::value);

/// A member type the JSON reader and writer support: a scalar, or an optional or vector of one.
template <class T>
concept json_member = json_scalar_member<T> ||
                      (member_optional<T>::value&& json_scalar_member<typename T::value_type>) ||
                      (member_vector<T>::value && json_scalar_member<typename T::value_type>);

/// The public members of T, its bases' first, as Boost.Describe lists them.
template <class T>
using json_members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

/// Whether T is described (only described element types can be read and written).
template <class T>
inline constexpr bool described_element = boost::describe::has_describe_members<T>::value;

/// Whether `name` is in `list`.
[[nodiscard]] constexpr bool listed(std::string_view name, std::span<std::string_view const> list) noexcept {
    for (std::string_view k : list)
        if (k == name) return true;
    return false;
}

/// Whether every described member of T has a supported type and a name that is not a relation key.
template <class T>
[[nodiscard]] consteval bool members_fit(std::span<std::string_view const> relations) {
    bool ok = true;
    boost::mp11::mp_for_each<json_members<T>>([&](auto D) {
        using member = std::remove_cvref_t<decltype(std::declval<T const&>().*D.pointer)>;
        if (!json_member<member> || listed(D.name, relations)) ok = false;
    });
    return ok;
}

/// One key of an element as written: a described member (its index in json_members) or a relation key.
struct element_key {
    std::string_view name;
    int member = -1; ///< -1: a relation key
};

/// The keys of an element of type T in their canonical order: those of `table` (the default type's
/// order: model-format.md) that are relation keys or members of T, then T's other members in declaration
/// order, before `attributes` (always last). O(|table| * |members|), once per kind.
template <class T>
[[nodiscard]] std::vector<element_key> element_keys(std::span<std::string_view const> table,
                                                    std::span<std::string_view const> relations) {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<json_members<T>>([&](auto D) { names.emplace_back(D.name); });
    auto member_index = [&](std::string_view k) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == k) return static_cast<int>(i);
        return -1;
    };
    std::vector<element_key> out;
    for (std::string_view k : table) {
        if (k == "attributes") continue;
        if (listed(k, relations)) out.push_back({k, -1});
        else if (int const i = member_index(k); i >= 0) out.push_back({k, i});
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] != "attributes" && !listed(names[i], table)) out.push_back({names[i], static_cast<int>(i)});
    if (int const i = member_index("attributes"); i >= 0) out.push_back({"attributes", i});
    return out;
}

/// The described name of an enumerator; empty when it has none.
template <class E>
[[nodiscard]] std::string_view enumerator_name(E v) noexcept {
    std::string_view out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (out.empty() && D.value == v) out = D.name;
    });
    return out;
}

// ---- the reader base ------------------------------------------------------------------------------------

/// A reader of one JSON document: the cursor, error locations and typed reads. Derived readers add the
/// shape of their format. All reads throw load_error (through json_failure or directly).
class json_document_reader {
public:
    json_document_reader(std::string_view text, std::string_view source, std::size_t max_depth)
        : text_{text}, source_{source}, c_{text, max_depth} {}

    /// A load_error at byte `offset` of the text.
    [[nodiscard]] load_error error_at(std::size_t offset, std::string path, std::string message) const {
        auto const at = position_of(text_, offset);
        return load_error{std::string{source_}, at.line, at.column, std::move(path), std::move(message)};
    }
    /// A load_error for a json_failure of the cursor.
    [[nodiscard]] load_error error_of(json_failure const& f) const {
        return error_at(f.offset(), f.path(), f.message());
    }

    [[noreturn]] void fail(std::string message) const { throw error_at(c_.offset(), c_.path(), std::move(message)); }

    [[noreturn]] void wrong_type(json_event e, std::string_view expected) const {
        std::string found{describe(e)};
        std::string_view const shown = c_.value().substr(0, 40);
        std::string_view const more = c_.value().size() > shown.size() ? "..." : "";
        if (e == json_event::number) found += " (" + std::string{shown} + std::string{more} + ")";
        if (e == json_event::string) found += " (" + quote(shown) + std::string{more} + ")";
        std::string message = "expected " + std::string{expected} + ", found " + found;
        if (e == json_event::literal_null && c_.depth() > 0) message += "; leave the key out instead of writing null";
        fail(std::move(message));
    }

    /// "unknown key" with a "did you mean" among `known`, or the list of the keys.
    template <class Keys>
    [[noreturn]] void unknown_key(std::string_view key, Keys const& known, std::string_view what) const {
        if (description_hint_ && key == "description" && what != "the top level")
            fail("unknown key \"description\" in " + std::string{what} +
                 ": only the model as a whole has a description; put free text about an element in its "
                 "\"attributes\"");
        samverkan::detail::suggester s{key};
        std::string list;
        for (auto const& entry : known) {
            std::string_view k = key_name(entry);
            s.offer(k);
            list += (list.empty() ? "" : ", ") + std::string{k};
        }
        if (s.found()) fail("unknown key " + quote(key) + " in " + std::string{what} + s.hint());
        fail("unknown key " + quote(key) + " in " + std::string{what} + " (the keys are: " + list + ")");
    }

    [[noreturn]] void missing_key(std::string_view key, std::string_view what, std::size_t object_offset) const {
        throw error_at(object_offset, c_.path(),
                       "missing required key \"" + std::string{key} + "\" in " + std::string{what});
    }

    std::string_view read_string() {
        json_event const e = c_.next();
        if (e != json_event::string) wrong_type(e, "a string");
        return c_.value();
    }
    bool read_bool() {
        json_event const e = c_.next();
        if (e == json_event::literal_true) return true;
        if (e == json_event::literal_false) return false;
        wrong_type(e, "true or false");
    }
    void read_attributes(std::string& out) {
        json_event const e = c_.next();
        if (e != json_event::object_begin) wrong_type(e, "an object (attributes hold any JSON, inside an object)");
        out.clear();
        append_compact(out, c_, e);
    }
    /// Reads an array and calls each(first event) for every element.
    template <class Each>
    void read_array(Each&& each) {
        json_event e = c_.next();
        if (e != json_event::array_begin) wrong_type(e, "an array");
        while ((e = c_.next()) != json_event::array_end) each(e);
    }
    /// Checks that an array element is an object; returns the offset of its '{'.
    std::size_t begin_object(json_event e, std::string_view what) {
        if (e != json_event::object_begin) wrong_type(e, "an object (" + std::string{what} + ")");
        return c_.offset();
    }
    /// The role index (R 0, A 1, C 2, I 3) of a key of a "raci" object; an error for any other key.
    std::size_t raci_role(std::string_view k) const {
        static constexpr std::string_view letters[] = {"R", "A", "C", "I"};
        if (k.size() == 1) switch (k[0]) {
            case 'R': return 0;
            case 'A': return 1;
            case 'C': return 2;
            case 'I': return 3;
            default: break;
            }
        samverkan::detail::suggester s{k};
        for (std::string_view r : letters) s.offer(r);
        fail("unknown RACI role " + quote(k) + " (the roles are R, A, C and I)" + s.hint());
    }

    /// Reads the value of a described member of type T (json_member) into `out`; `name` is the member's.
    template <class T>
    void read_member(std::string_view name, T& out) {
        if constexpr (std::same_as<T, std::string>) {
            if (name == "attributes") read_attributes(out);
            else out = read_string();
        } else if constexpr (member_optional<T>::value) {
            typename T::value_type v{};
            read_scalar(c_.next(), v);
            out = std::move(v);
        } else if constexpr (member_vector<T>::value) {
            out.clear();
            read_array([&](json_event e) {
                typename T::value_type v{};
                read_scalar(e, v);
                out.push_back(std::move(v));
            });
        } else {
            read_scalar(c_.next(), out);
        }
    }

    /// Reads the members of an element object (whose '{' is event `e`) into `out`: described members
    /// by name, relation keys through `relation(key)` (which returns false for a key it does not know).
    /// Returns the offset of the id value; throws when there is none. `keys` are the known keys (for
    /// messages), `what` names the element ("an actor").
    template <class T, class Relation>
    std::size_t read_element(json_event e, T& out, std::span<element_key const> keys, std::string_view what,
                             Relation&& relation) {
        std::size_t const start = begin_object(e, what);
        std::size_t id_at = npos;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            bool done = false;
            boost::mp11::mp_for_each<json_members<T>>([&](auto D) {
                if (done || !samverkan::detail::same_bytes(k, D.name)) return;
                done = true;
                read_member(D.name, out.*D.pointer);
                if constexpr (std::string_view{decltype(D)::name} == "id") id_at = c_.offset();
            });
            if (done || relation(k)) continue;
            unknown_key(k, keys, what);
        }
        if (id_at == npos) missing_key("id", what, start);
        return id_at;
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

protected:
    std::string_view text_;
    std::string_view source_;
    json_cursor c_;
    bool description_hint_ = false; ///< "description" in an element: explain that only the model has one

private:
    static std::string_view key_name(std::string_view k) noexcept { return k; }
    static std::string_view key_name(element_key const& k) noexcept { return k.name; }

    template <class T>
    void read_scalar(json_event e, T& out) {
        if constexpr (std::same_as<T, std::string>) {
            if (e != json_event::string) wrong_type(e, "a string");
            out = c_.value();
        } else if constexpr (std::same_as<T, bool>) {
            if (e == json_event::literal_true) out = true;
            else if (e == json_event::literal_false) out = false;
            else wrong_type(e, "true or false");
        } else if constexpr (std::is_integral_v<T>) {
            std::string const range = "an integer from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
                                      std::to_string(std::numeric_limits<T>::max());
            if (e != json_event::number) wrong_type(e, range);
            std::string_view const v = c_.value();
            auto const [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
            if (ec != std::errc{} || end != v.data() + v.size()) wrong_type(e, range);
        } else if constexpr (std::is_floating_point_v<T>) {
            if (e != json_event::number) wrong_type(e, "a number");
            std::string_view const v = c_.value();
            auto const [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
            if (ec != std::errc{} || end != v.data() + v.size())
                fail("the number " + std::string{v.substr(0, 40)} + " is out of the range of this field");
        } else {
            static_assert(std::is_enum_v<T>);
            if (e != json_event::string) wrong_type(e, "a string (one of the values of the field)");
            std::string_view const v = c_.value();
            bool found = false;
            samverkan::detail::suggester s{v};
            std::string list;
            boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto D) {
                if (!found && v == std::string_view{D.name}) {
                    out = D.value;
                    found = true;
                }
                s.offer(D.name);
                list += (list.empty() ? "" : ", ") + std::string{D.name};
            });
            if (!found) fail("unknown value " + quote(v) + " (the values are: " + list + ")" + s.hint());
        }
    }
};

// ---- writing described members ---------------------------------------------------------------------------

/// Writes the value of a scalar member (no key).
template <class T>
void append_member_scalar(json_sink& out, T const& v) {
    if constexpr (std::same_as<T, std::string>) {
        append_string(out, v);
    } else if constexpr (std::same_as<T, bool>) {
        out.append(v ? "true" : "false");
    } else if constexpr (std::is_integral_v<T>) {
        char buffer[32];
        auto const [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
        out.append(std::string_view{buffer, static_cast<std::size_t>(end - buffer)});
    } else if constexpr (std::is_floating_point_v<T>) {
        out.append(format_double(static_cast<double>(v)));
    } else {
        std::string_view const name = enumerator_name(v);
        if (name.empty())
            throw error{"cannot write the value " + std::to_string(static_cast<std::underlying_type_t<T>>(v)) +
                        " of an enum member: it is not one of the described enumerators"};
        append_string(out, name);
    }
}

/// Whether a member value is left out of the output: empty strings, vectors and optionals.
template <class T>
[[nodiscard]] bool member_omitted(T const& v) noexcept {
    if constexpr (std::same_as<T, std::string> || member_vector<T>::value) return v.empty();
    else if constexpr (member_optional<T>::value) return !v.has_value();
    else return false;
}

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_JSON_ELEMENT_READER_HPP
