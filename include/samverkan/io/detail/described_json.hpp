// Writers driven by Boost.Describe: a described struct becomes a JSON object whose keys are its member
// names in declaration order, a vector of described rows becomes CSV whose header is the member names.
// Used by the metrics and diff reports, so that adding a member to a report struct adds it to every form.
//
// Values: bool, integers, double (shortest text that reads back to the same double, always with a fraction
// or exponent: "1.0", "0.25", "1e+300"), std::string, std::optional (null), std::vector, json_text
// (written as the JSON value it holds), resilience_histogram (keys "0", "1", "2", "3+"), nested described
// structs; any other type goes to the `custom` callback, which gets (sink, value, level). Layout: that of
// io/detail/json_text.hpp (two-space indentation, as Python's json.dumps(indent=2, ensure_ascii=False)).
#ifndef SAMVERKAN_IO_DETAIL_DESCRIBED_JSON_HPP
#define SAMVERKAN_IO_DETAIL_DESCRIBED_JSON_HPP

#include <samverkan/error.hpp>
#include <samverkan/io/csv.hpp>
#include <samverkan/io/detail/json_text.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace samverkan::io::detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

/// A JSON value held as text (diff.hpp's json_text): `std::string text` and a `json_value_tag` type.
template <class T>
concept json_value_text = requires(T const& v) {
    typename T::json_value_tag;
    { v.text } -> std::convertible_to<std::string_view>;
};

/// Counts under fixed keys (metrics.hpp's resilience_histogram): `counts` and a static `keys` array.
template <class T>
concept keyed_counts = requires(T const& v) {
    v.counts[0];
    T::keys[0];
    v.counts.size();
};

struct no_custom {
    template <class T>
    void operator()(json_sink&, T const&, std::size_t) const {
        static_assert(sizeof(T) == 0, "described_json_writer: a member type without a JSON form; pass a custom writer");
    }
};

template <class Custom = no_custom>
class described_json_writer {
public:
    explicit described_json_writer(json_sink& out, Custom custom = {}) : out_{out}, custom_{std::move(custom)} {}

    /// Writes `v` as a value whose first line continues the current one, nested at `level`.
    template <class T>
    void value(T const& v, std::size_t level) {
        if constexpr (std::is_same_v<T, bool>) {
            out_.append(v ? "true" : "false");
        } else if constexpr (std::is_integral_v<T>) {
            out_.append(std::to_string(v));
        } else if constexpr (std::is_floating_point_v<T>) {
            out_.append(format_double(static_cast<double>(v)));
        } else if constexpr (std::is_convertible_v<T const&, std::string_view>) {
            append_string(out_, std::string_view{v});
        } else if constexpr (is_optional<T>::value) {
            if (v) value(*v, level);
            else out_.append("null");
        } else if constexpr (is_vector<T>::value) {
            if (v.empty()) {
                out_.append("[]");
                return;
            }
            out_.put('[');
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i > 0) out_.put(',');
                out_.newline(level + 1);
                value(v[i], level + 1);
            }
            out_.newline(level);
            out_.put(']');
        } else if constexpr (json_value_text<T>) {
            write_pretty(out_, v.text, level);
        } else if constexpr (keyed_counts<T>) {
            out_.put('{');
            for (std::size_t i = 0; i < v.counts.size(); ++i) {
                member(level + 1, v.keys[i], i == 0);
                value(v.counts[i], level + 1);
            }
            out_.newline(level);
            out_.put('}');
        } else if constexpr (boost::describe::has_describe_members<T>::value) {
            out_.put('{');
            bool first = true;
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
                member(level + 1, D.name, first);
                first = false;
                value(v.*D.pointer, level + 1);
            });
            out_.newline(level);
            out_.put('}');
        } else {
            custom_(out_, v, level);
        }
    }

    /// Writes a whole report: `{"format": FORMAT, <the members of v>}` and a newline.
    template <class T>
    void document(std::string_view format, T const& v) {
        out_.put('{');
        member(1, "format", true);
        append_string(out_, format);
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            member(1, D.name, false);
            value(v.*D.pointer, 1);
        });
        out_.newline(0);
        out_.append("}\n");
    }

    /// Starts a member: separator, new line, indentation, "key": .
    void member(std::size_t level, std::string_view key, bool first) { begin_json_member(out_, level, key, first); }

private:
    json_sink& out_;
    Custom custom_;
};

/// One CSV field of a value: numbers as in the JSON form, booleans true/false, strings quoted as
/// RFC 4180 asks (io/csv.hpp), an absent optional as an empty field.
template <class T>
void append_csv_value(std::string& out, T const& v) {
    if constexpr (std::is_same_v<T, bool>) out += v ? "true" : "false";
    else if constexpr (std::is_integral_v<T>) out += std::to_string(v);
    else if constexpr (std::is_floating_point_v<T>) out += format_double(static_cast<double>(v));
    else if constexpr (std::is_convertible_v<T const&, std::string_view>) append_csv_field(out, std::string_view{v});
    else if constexpr (is_optional<T>::value) {
        if (v) append_csv_value(out, *v);
    } else static_assert(sizeof(T) == 0, "append_csv_value: a member type without a CSV form");
}

/// Described rows as CSV: a header of the member names, then one record per row; records end in "\n".
template <class Row>
void write_described_csv(std::string& out, std::vector<Row> const& rows) {
    using members = boost::describe::describe_members<Row, boost::describe::mod_public>;
    bool first = true;
    boost::mp11::mp_for_each<members>([&](auto D) {
        if (!first) out += ',';
        first = false;
        out += D.name;
    });
    out += '\n';
    for (auto const& row : rows) {
        first = true;
        boost::mp11::mp_for_each<members>([&](auto D) {
            if (!first) out += ',';
            first = false;
            append_csv_value(out, row.*D.pointer);
        });
        out += '\n';
    }
}

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_DESCRIBED_JSON_HPP
