// libFuzzer harness for samverkan::io::read_json (and the strict JSON cursor under it).
//
// For every input it checks:
//   1. read_json either returns a model or throws samverkan::io::load_error, nothing else (a crash, a hang,
//      a sanitizer report or any other exception is a bug);
//   2. a model that loads round-trips: to_json(read_json(to_json(m))) == to_json(m), byte for byte;
//   3. the cursor accepts exactly the texts Boost.JSON's strict parser accepts (same nesting limit) once
//      duplicate keys are counted as errors, except numbers whose exponent overflows a double, which
//      samverkan keeps as text and Boost.JSON rejects;
//   4. a reader told to release the text every few bytes (which resolves its pending references at each
//      such point, so its batches fall elsewhere) reads the same model, or fails with the same message.
// Check 3 needs Boost.JSON's compiled part; a program may include <boost/json/src.hpp> once, so this file
// does (the library's headers never do).
//
//   build:  cmake --preset fuzz && cmake --build --preset fuzz
//   run:    build/fuzz/fuzz/samverkan_json_reader_fuzzer -dict=fuzz/json.dict -max_total_time=600 CORPUS fuzz/corpus
//   tests/invalid
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/src.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// A Boost.JSON SAX handler that only notices duplicate keys.
struct duplicate_key_handler {
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    std::vector<std::set<std::string>> objects;
    std::string key;
    bool duplicate = false;

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_array_begin(boost::json::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code&) {
        objects.emplace_back();
        return true;
    }
    bool on_object_end(std::size_t, boost::json::error_code&) {
        objects.pop_back();
        return true;
    }
    bool on_string_part(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        key.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        key.append(s.data(), s.size());
        if (!objects.back().insert(key).second) duplicate = true;
        key.clear();
        return true;
    }
    bool on_number_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_double(double, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_bool(bool, boost::json::error_code&) { return true; }
    bool on_null(boost::json::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

[[noreturn]] void bug(char const* what, std::string_view detail) {
    std::fprintf(stderr, "json_reader_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

/// Whether samverkan's cursor accepts `text` as JSON, and why not.
bool cursor_accepts(std::string_view text, std::string& why) {
    try {
        samverkan::io::detail::json_cursor c{text, samverkan::io::json_max_depth};
        while (c.next() != samverkan::io::detail::json_event::end) {}
        return true;
    } catch (samverkan::io::detail::json_failure const& f) {
        why = f.message();
        return false;
    }
}

void differential(std::string_view text) {
    std::string why;
    bool const ours = cursor_accepts(text, why);
    boost::json::parse_options options;
    options.max_depth = samverkan::io::json_max_depth;
    boost::json::basic_parser<duplicate_key_handler> parser{options};
    boost::json::error_code ec;
    std::size_t const used = parser.write_some(false, text.data(), text.size(), ec);
    if (ec == boost::json::error::exponent_overflow) return; // a limit of Boost.JSON's number conversion
    bool const theirs = !ec && used == text.size() && !parser.handler().duplicate;
    if (ours != theirs)
        bug(ours ? "accepted what Boost.JSON rejects" : ("rejected what Boost.JSON accepts: " + why).c_str(), text);
}

/// Check 4: read_json with a release callback every 16 bytes; `plain` is read_json's model as JSON, or
/// its error message.
void released_read(std::string_view text, std::string const& plain) {
    std::string got;
    try {
        samverkan::io::detail::model_reader reader{text, "<fuzz>", samverkan::io::json_max_depth};
        reader.on_release({nullptr, [](void*, std::size_t) noexcept {}}, 16);
        got = samverkan::io::to_json(reader.read());
    } catch (samverkan::io::load_error const& e) {
        got = e.what();
    }
    if (got != plain) bug("a reader that releases the text reads something else", got);
}

void round_trip(std::string_view text) {
    samverkan::model m;
    try {
        m = samverkan::io::read_json(text, "<fuzz>");
    } catch (samverkan::io::load_error const& e) {
        released_read(text, e.what());
        return;
    }
    released_read(text, samverkan::io::to_json(m));
    std::string const first = samverkan::io::to_json(m);
    std::string second;
    try {
        second = samverkan::io::to_json(samverkan::io::read_json(first, "<rewritten>"));
    } catch (samverkan::io::load_error const& e) {
        bug("the canonical form of a valid model does not load", e.what());
    }
    if (first != second) bug("writing is not idempotent", first);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text{reinterpret_cast<char const*>(data), size};
    differential(text);
    round_trip(text);
    return 0;
}
