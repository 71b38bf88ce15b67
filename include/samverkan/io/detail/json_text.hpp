// Writing JSON text: an output sink, string escaping, and re-formatting of stored JSON text (attributes).
//
// The layout is the one of Python's json.dumps(value, indent=2, ensure_ascii=False): two spaces per
// level, one member or element per line, ": " after keys, "{}" and "[]" for empty containers, strings in
// UTF-8 with only what JSON requires escaped. Research scripts that re-save a file with Python therefore
// get the same bytes back.
#ifndef SAMVERKAN_IO_DETAIL_JSON_TEXT_HPP
#define SAMVERKAN_IO_DETAIL_JSON_TEXT_HPP

#include <samverkan/error.hpp>
#include <samverkan/io/detail/json_cursor.hpp>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::io::detail {

/// The library's one buffered output sink: collects output in a buffer and hands it to a stream in large
/// pieces (or keeps it all when there is no stream). Writing through the buffer instead of `operator<<`
/// per token is what makes the writers (and the synthetic generator) fast. Counts the bytes written.
class json_sink {
public:
    explicit json_sink(std::ostream* os = nullptr) : os_{os} {
        if (os_) buffer_.reserve(chunk + 4096);
    }
    json_sink(json_sink const&) = delete;
    json_sink& operator=(json_sink const&) = delete;
    ~json_sink() = default;

    void put(char c) {
        buffer_ += c;
        maybe_flush();
    }
    void append(std::string_view s) {
        buffer_ += s;
        maybe_flush();
    }
    void newline(std::size_t level) {
        buffer_ += '\n';
        buffer_.append(2 * level, ' ');
        maybe_flush();
    }
    /// Passes what is buffered to the stream (if any); throws samverkan::error if the stream fails.
    void flush() {
        if (!os_) return;
        os_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        bytes_ += buffer_.size();
        buffer_.clear();
        if (!*os_) throw error{"could not write the output (disk full, or the reader went away?)"};
    }
    /// flush(), then flushes the stream itself; throws samverkan::error if it failed. (The destructor
    /// does not write: it must not throw.)
    void finish() {
        flush();
        if (!os_) return;
        os_->flush();
        if (!*os_) throw error{"could not write the output (disk full, or the reader went away?)"};
    }
    /// The bytes written so far, buffered ones included.
    [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_ + buffer_.size(); }
    /// The buffer, for appending to it directly; call written() afterwards.
    [[nodiscard]] std::string& buffer() noexcept { return buffer_; }
    void written() { maybe_flush(); }

private:
    static constexpr std::size_t chunk = std::size_t{1} << 16;
    void maybe_flush() {
        if (os_ && buffer_.size() >= chunk) flush();
    }
    std::ostream* os_;
    std::string buffer_;
    std::uint64_t bytes_ = 0;
};

/// The shortest text of `x` that reads back to the same double, with a fraction or exponent ("1.0").
/// Throws samverkan::error for a NaN or an infinity (JSON has neither).
inline std::string format_double(double x) {
    if (!std::isfinite(x)) throw error{"cannot write a NaN or infinite number as JSON"};
    char buffer[64];
    auto const [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    std::string text{buffer, end};
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

/// What the JSON escaper does with bytes that are not UTF-8: throw samverkan::error (the model writer:
/// text read from a file was checked, so only text set through the API can be invalid, and the caller
/// should hear of it), or write U+FFFD in their place (the exporters and the generator, whose output must
/// always be a valid document).
enum class invalid_utf8 : unsigned char { throw_error, replace };

/// Appends `s` as a JSON string literal: quotes, `"` `\` and control characters escaped (\n \r \t \b
/// \f, \u00XX for the others), everything else as is; bytes that are not UTF-8 as `policy` says. This is
/// the library's one JSON string escaper. O(|s|).
inline void append_string(std::string& out, std::string_view s, invalid_utf8 policy = invalid_utf8::throw_error) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t const n = s.size();
    std::size_t run = 0; // start of the pending run of bytes copied as is
    for (std::size_t i = 0; i < n;) {
        auto const c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            std::size_t const len = samverkan::detail::utf8_sequence_length(s, i);
            if (len != 0) {
                i += len;
                continue;
            }
            if (policy == invalid_utf8::throw_error)
                throw error{"cannot write \"" + std::string{s.substr(0, 40)} +
                            "\" as JSON: it is not valid UTF-8 (text in a model must be UTF-8)"};
            out.append(s.data() + run, i - run);
            out += samverkan::detail::replacement_character;
            run = ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
        run = ++i;
    }
    out.append(s.data() + run, n - run);
    out += '"';
}

inline void append_string(json_sink& out, std::string_view s, invalid_utf8 policy = invalid_utf8::throw_error) {
    append_string(out.buffer(), s, policy);
    out.written();
}

/// Starts an object member as every writer lays it out: separator, new line, indentation, "key": .
inline void begin_json_member(json_sink& out, std::size_t level, std::string_view k, bool first) {
    if (!first) out.put(',');
    out.newline(level);
    append_string(out, k);
    out.append(": ");
}

/// `s` JSON-escaped and quoted, for messages: "polis".
[[nodiscard]] inline std::string quote(std::string_view s) {
    std::string out;
    append_string(out, s, invalid_utf8::replace);
    return out;
}

/// Writes one stored JSON value (text that json_cursor accepts) in the layout above, its first line
/// continuing the current one and nested lines indented from `level`. Numbers are copied verbatim;
/// strings are re-escaped canonically. Iterative, O(|text|). Throws json_failure on invalid text.
inline void write_pretty(json_sink& out, std::string_view text, std::size_t level) {
    struct open_container {
        bool object;
        bool first;
    };
    std::vector<open_container> stack;
    json_cursor c{text};
    json_event e = c.next();
    while (e != json_event::end) {
        switch (e) {
        case json_event::key:
            if (!stack.back().first) out.put(',');
            stack.back().first = false;
            out.newline(level + stack.size());
            append_string(out, c.value());
            out.append(": ");
            e = c.next();
            continue;
        case json_event::object_end:
        case json_event::array_end:
            stack.pop_back();
            out.newline(level + stack.size());
            out.put(e == json_event::object_end ? '}' : ']');
            e = c.next();
            continue;
        default: break;
        }
        // A value. In an array it starts a line of its own; after a key it continues the key's line.
        if (!stack.empty() && !stack.back().object) {
            if (!stack.back().first) out.put(',');
            stack.back().first = false;
            out.newline(level + stack.size());
        }
        switch (e) {
        case json_event::object_begin:
        case json_event::array_begin: {
            bool const object = e == json_event::object_begin;
            e = c.next();
            if (e == (object ? json_event::object_end : json_event::array_end)) {
                out.append(object ? "{}" : "[]");
                e = c.next();
            } else {
                out.put(object ? '{' : '[');
                stack.push_back({object, true});
            }
            continue; // e is the first event inside (or after) the container
        }
        case json_event::string: append_string(out, c.value()); break;
        default: out.append(c.value()); break; // numbers verbatim, true, false, null
        }
        e = c.next();
    }
}

/// Appends the value that starts with event `e` (just read from `c`) as compact JSON text: no
/// whitespace, strings re-escaped canonically, numbers verbatim. Leaves `c` on the value's last event.
/// Used to store `attributes`. Iterative, O(size of the value).
inline void append_compact(std::string& out, json_cursor& c, json_event e) {
    struct open_container {
        bool object;
        bool first;
    };
    std::vector<open_container> stack;
    while (true) {
        switch (e) {
        case json_event::key:
            if (!stack.back().first) out += ',';
            stack.back().first = false;
            append_string(out, c.value());
            out += ':';
            e = c.next();
            continue;
        case json_event::object_end:
        case json_event::array_end:
            out += e == json_event::object_end ? '}' : ']';
            stack.pop_back();
            break;
        default:
            if (!stack.empty() && !stack.back().object) {
                if (!stack.back().first) out += ',';
                stack.back().first = false;
            }
            if (e == json_event::object_begin || e == json_event::array_begin) {
                bool const object = e == json_event::object_begin;
                out += object ? '{' : '[';
                stack.push_back({object, true});
            } else if (e == json_event::string) {
                append_string(out, c.value());
            } else {
                out += c.value();
            }
        }
        if (stack.empty()) return;
        e = c.next();
    }
}

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_JSON_TEXT_HPP
