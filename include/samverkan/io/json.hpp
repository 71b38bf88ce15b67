// Model files: reading and writing the samverkan/1 JSON format (model-format.md, section 1).
//
//     samverkan::model m = samverkan::io::read_json_file("kommun.json");   // validated, or load_error
//     samverkan::io::write_json(std::cout, m);                             // canonical form
//
// Reading validates everything the contract calls a load error: text that is not strict JSON (duplicate
// keys in any object, comments, trailing commas, NaN/Infinity, a byte-order mark, invalid UTF-8, escaped
// lone surrogates), wrong types (null for an optional key included), missing required keys, unknown keys,
// an unknown "format", duplicate ids within a kind, references to ids that do not exist (also when the id
// exists in another kind), the same actor twice in one RACI list or in "members", and cycles of "after"
// or "within" links. The first error found is thrown as a load_error naming the source, line, column,
// JSON path and what is wrong, with a "did you mean" where one is likely:
//
//     kommun.json:14:11: /duties/0/raci/R/0: unknown actor "polis"; did you mean "lpo"?
//
// Nothing is half-loaded: the model is built apart and returned only when the whole file is valid.
// Errors are reported in the order of the file, except that references (which may point forward) are
// checked after the whole file has been read. Duplicates inside after, stages, requires, needs and covers
// are read as sets; "stages": [] is the same as no stages.
//
// Limits: nesting is accepted to json_max_depth (512) levels, deeper text is rejected with an error (the
// reader uses no recursion, so no input can exhaust the stack); at most 2^32 - 2 elements of a kind and
// 2^32 - 1 references in all. Strings and numbers have no length limit. Numbers appear in the format only
// inside "attributes", where they are kept as written (123456789012345678901234567890 stays exactly that).
//
// `attributes` (of the model, every element, holding and delegation) accept any JSON object. They are
// stored as compact JSON text (strings re-escaped canonically, numbers verbatim, key order kept) and
// written back re-formatted, so load -> write -> load gives an equal model and writing is idempotent:
// to_json(read_json(to_json(m))) == to_json(m), byte for byte.
//
// A planning tool's own element types (basic_model<Traits>, model/elements.hpp): read_json<Traits>,
// read_json_file<Traits>, write_json and to_json read and write them through their Boost.Describe
// descriptions (every element type must be described):
//   - every public described member (inherited ones included) is a key of its own name; the relation keys
//     (after, within, stage, scope, requires, needs, raci, realises, members, coordinator, covers) stay
//     explicit and no member may be named like one of its kind (compile-time error);
//   - member types: std::string, bool, integers, float/double, described enums (as the enumerator's
//     name), and std::optional or std::vector of those; any other type does not compile. A std::string
//     named `attributes` holds the element's attributes object, as in the default types;
//   - the writer puts the default type's keys in the format's order, then a type's own members in
//     declaration order, `attributes` last; it leaves out empty strings, empty vectors and empty optionals
//     (`id` is always written) and always writes bool, numbers and enums;
//   - a key is known iff it is a described member of the kind's element type or a relation key of the
//     kind; any other key is a load error, as the format requires. A member whose key a file does not
//     have keeps the value of a default-constructed element: a samverkan/1 file written for the default
//     types reads into a tool's types with the default values of their own members;
//   - a wrong value is a load error like any other: "plan.json:7:21: /actors/0/budget: expected an
//     integer from -2147483648 to 2147483647, found a string ("x")"; integers must be exact (no
//     fraction or exponent, in range), enum values one of the described names (with "did you mean").
// The default model's output is the same bytes as before the reader became generic.
//
// Cost: reading is one streaming pass over the text plus O(relations) expected work to resolve
// references; besides the text and the model it needs about 16 bytes per reference. Writing is O(model).
#ifndef SAMVERKAN_IO_JSON_HPP
#define SAMVERKAN_IO_JSON_HPP

#include <samverkan/config.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/load_error.hpp>
// The reader and writer templates are included in both modes of samverkan/config.hpp: with the compiled
// part only the default model's instantiation is compiled once; a planning tool's own traits instantiate
// them here.
#include <samverkan/io/detail/json_model_reader.hpp>
#include <samverkan/io/detail/json_model_writer.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/detail/mapped_file.hpp>
#include <samverkan/model/basic_model.hpp>

#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>

namespace samverkan::io {

/// The deepest nesting of objects and arrays read_json accepts (the contract requires at least 64).
inline constexpr std::size_t json_max_depth = detail::json_cursor::default_max_depth;

/// Reads a model from samverkan/1 JSON text. `source` names the text in error messages (a file name).
/// Throws load_error. O(|text|) plus O(relations) expected.
///
///     auto m = samverkan::io::read_json(R"({"format": "samverkan/1", "actors": [{"id": "ks"}]})");
///     assert(m.find<samverkan::actor_id>("ks"));
[[nodiscard]] SAMVERKAN_COMPILED_INLINE model read_json(std::string_view text, std::string_view source = "<input>")
#if SAMVERKAN_DECLARE_ONLY
    ; // compiled once, in samverkan::compiled (samverkan/config.hpp)
#else
{
    return detail::model_reader{text, source, json_max_depth}.read();
}
#endif

/// The bytes of a file. Throws load_error (with line 0) when it cannot be read.
///
///     std::string text = samverkan::io::read_file("kommun.json");
[[nodiscard]] inline std::string read_file(std::filesystem::path const& path) {
    std::string const source = path.string();
    auto fail = [&](std::string const& why) { return load_error{source, 0, 0, "", "cannot read the file: " + why}; };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw fail("it is a directory");
    errno = 0;
    std::ifstream in{path, std::ios::binary};
    if (!in) throw fail(std::generic_category().message(errno != 0 ? errno : ENOENT));
    std::string text;
    if (auto const size = std::filesystem::file_size(path, ec); !ec) text.reserve(static_cast<std::size_t>(size));
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw fail("read error");
    return text;
}

/// Reads a model of a planning tool's own element types (`read_json<my_traits>(text)`): every element's
/// described members are read under their own names (the rules at the top of this header). Throws
/// load_error. O(|text|) plus O(relations) expected.
///
///     auto m = samverkan::io::read_json<my_traits>(text, "plan.json");
template <model_traits Traits>
[[nodiscard]] basic_model<Traits> read_json(std::string_view text, std::string_view source = "<input>") {
    return detail::basic_model_reader<Traits>{text, source, json_max_depth}.read();
}

namespace detail {
/// read_json of a text whose owner drops its pages as the reader passes them (read_json_file).
[[nodiscard]] SAMVERKAN_COMPILED_INLINE model read_json_releasing(std::string_view text, std::string_view source,
                                                                  text_release release)
#if SAMVERKAN_DECLARE_ONLY
    ;
#else
{
    model_reader reader{text, source, json_max_depth};
    reader.on_release(release);
    return reader.read();
}
#endif
} // namespace detail

/// Reads a model from a samverkan/1 file; error messages name the file. Throws load_error.
///
/// A regular file is mapped, parsed in place and its pages dropped as the reader passes them
/// (io/detail/mapped_file.hpp), so the load holds the model and a window of the file rather than both
/// whole; anything else (a pipe, a system without mmap) is read into memory first.
///
///     samverkan::model m = samverkan::io::read_json_file("kommun.json");
[[nodiscard]] inline model read_json_file(std::filesystem::path const& path) {
    if (detail::mapped_file map{path.string()}; map.mapped())
        return detail::read_json_releasing(map.text(), path.string(), map.releaser());
    std::string const text = read_file(path); // also the message when the file cannot be read
    return read_json(text, path.string());
}

/// Reads a model of a planning tool's own element types from a file (mapped as read_json_file does).
/// Throws load_error.
template <model_traits Traits>
[[nodiscard]] basic_model<Traits> read_json_file(std::filesystem::path const& path) {
    if (detail::mapped_file map{path.string()}; map.mapped()) {
        detail::basic_model_reader<Traits> reader{map.text(), path.string(), json_max_depth};
        reader.on_release(map.releaser());
        return reader.read();
    }
    std::string const text = read_file(path);
    return read_json<Traits>(text, path.string());
}

/// Writes `m` as canonical samverkan/1 JSON (see detail/json_model_writer.hpp for the exact form),
/// ending with a newline. Throws samverkan::error when a string set through the API is not valid UTF-8
/// or attributes set through the API are not a JSON object (the stream may then hold part of the
/// output), or when the stream fails. O(model size).
///
///     samverkan::io::write_json(std::cout, m);
SAMVERKAN_COMPILED_INLINE void write_json(std::ostream& os, model const& m)
#if SAMVERKAN_DECLARE_ONLY
    ;
#else
{
    detail::json_sink out{&os};
    detail::model_writer{out, m}.write();
    out.flush();
}
#endif

/// The canonical samverkan/1 JSON text of `m` (as write_json writes it).
///
///     std::string text = samverkan::io::to_json(m);
[[nodiscard]] SAMVERKAN_COMPILED_INLINE std::string to_json(model const& m)
#if SAMVERKAN_DECLARE_ONLY
    ;
#else
{
    detail::json_sink out;
    detail::model_writer{out, m}.write();
    return std::move(out.buffer());
}
#endif

/// write_json for a model of a planning tool's own element types: described members are written under
/// their own names (the rules at the top of this header). Throws as write_json does. O(model size).
template <model_traits Traits>
void write_json(std::ostream& os, basic_model<Traits> const& m) {
    detail::json_sink out{&os};
    detail::basic_model_writer<Traits>{out, m}.write();
    out.flush();
}

/// to_json for a model of a planning tool's own element types.
template <model_traits Traits>
[[nodiscard]] std::string to_json(basic_model<Traits> const& m) {
    detail::json_sink out;
    detail::basic_model_writer<Traits>{out, m}.write();
    return std::move(out.buffer());
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_JSON_HPP
