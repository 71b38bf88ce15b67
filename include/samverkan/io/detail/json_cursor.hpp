// json_cursor: a strict, iterative pull parser for JSON text (RFC 8259), used by io/json.hpp.
//
// Why not Boost.JSON's basic_parser: its implementation calls a few functions that exist only in the
// compiled Boost.JSON library (or in <boost/json/src.hpp>, which must be included in exactly one
// translation unit of a program). A header-only library cannot guarantee either, so samverkan reads JSON
// with this cursor; the fuzz harness checks that it accepts exactly what Boost.JSON's strict parser
// accepts (fuzz/json_reader_fuzzer.cpp).
//
// What it guarantees:
//   - strict JSON only: no comments, trailing commas, NaN/Infinity, byte-order mark, single quotes,
//     leading zeros, unescaped control characters, invalid UTF-8 (overlong forms, encoded surrogates,
//     code points above U+10FFFF) or escaped lone surrogates; nothing but whitespace after the value;
//   - no duplicate keys in any object (a JSON text with them has no single meaning);
//   - no recursion: nesting is tracked on a small explicit stack and limited to `max_depth` levels, so no
//     input can exhaust the call stack, and memory stays proportional to the input;
//   - every token carries its byte offset, and the cursor knows the JSON pointer (RFC 6901) of the value
//     it is at, so errors can say where they are.
//
// Cost: one pass over the input, O(1) work per byte; a string with escapes is decoded once into a scratch
// buffer. Keys are compared against the earlier keys of their object: linearly up to 16 keys, through a
// hash table beyond, so duplicate detection is O(keys) per object.
#ifndef SAMVERKAN_IO_DETAIL_JSON_CURSOR_HPP
#define SAMVERKAN_IO_DETAIL_JSON_CURSOR_HPP

#include <samverkan/detail/bytes.hpp>
#include <samverkan/detail/utf8.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace samverkan::io::detail {

using samverkan::detail::append_utf8;
using samverkan::detail::utf8_sequence_length;

/// A JSON or shape error at a byte offset of the input, with the JSON pointer of the value it concerns.
/// The reader turns it into a load_error (which adds the source name, line and column).
class json_failure : public std::exception {
public:
    json_failure(std::size_t offset, std::string path, std::string message)
        : offset_{offset}, path_{std::move(path)}, message_{std::move(message)} {}
    [[nodiscard]] char const* what() const noexcept override { return message_.c_str(); }
    [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
    [[nodiscard]] std::string const& path() const noexcept { return path_; }
    [[nodiscard]] std::string const& message() const noexcept { return message_; }

private:
    std::size_t offset_;
    std::string path_;
    std::string message_;
};

/// What the cursor is at after next().
enum class json_event : std::uint8_t {
    object_begin,
    object_end,
    array_begin,
    array_end,
    key,
    string,
    number,
    literal_true,
    literal_false,
    literal_null,
    end ///< the whole text has been read (and only whitespace followed the value)
};

/// "an object", "a string", ...: the kind of value an event starts, for messages.
[[nodiscard]] constexpr std::string_view describe(json_event e) noexcept {
    switch (e) {
    case json_event::object_begin: return "an object";
    case json_event::array_begin: return "an array";
    case json_event::string: return "a string";
    case json_event::number: return "a number";
    case json_event::literal_true: return "true";
    case json_event::literal_false: return "false";
    case json_event::literal_null: return "null";
    case json_event::key: return "a key";
    case json_event::object_end: return "the end of an object";
    case json_event::array_end: return "the end of an array";
    case json_event::end: return "the end of the input";
    }
    return "a value";
}

/// 1-based line and column of byte `offset` in `text`; columns count code points (what editors show),
/// a tab counts as one. O(offset): used only when reporting an error.
struct text_position {
    std::size_t line = 1;
    std::size_t column = 1;
};
[[nodiscard]] inline text_position position_of(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) offset = text.size();
    text_position at;
    for (std::size_t i = 0; i < offset; ++i) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++at.column; // continuation bytes belong to the code point already counted
        }
    }
    return at;
}

/// Appends `key` to a JSON pointer: "/" and the key with "~" written "~0" and "/" written "~1".
inline void append_pointer_segment(std::string& path, std::string_view key) {
    path += '/';
    for (char c : key) {
        if (c == '~') path += "~0";
        else if (c == '/') path += "~1";
        else path += c;
    }
}

/// The pull parser. Usage:
///
///     json_cursor c{R"({"a": [1, "x"]})"};
///     c.next();   // object_begin
///     c.next();   // key, c.value() == "a", c.path() == "/a"
///     c.next();   // array_begin
///     c.next();   // number, c.value() == "1" (the text, verbatim), c.path() == "/a/0"
///
/// value() is valid until the next call of next(); for keys and strings it is the decoded text, a view
/// into the input when the string has no escapes (escaped() is false) and into a scratch buffer otherwise.
class json_cursor {
public:
    static constexpr std::size_t default_max_depth = 512;

    explicit json_cursor(std::string_view text, std::size_t max_depth = default_max_depth)
        : text_{text}, max_depth_{max_depth == 0 ? 1 : max_depth} {}

    /// Reads the next token. Throws json_failure on anything that is not strict JSON.
    json_event next() {
        skip_whitespace();
        switch (expect_) {
        case expect::document: {
            if (pos_ == 0 && text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF")
                fail_at(0, "the text starts with a byte-order mark, which JSON does not allow (save the file as "
                           "UTF-8 without BOM)");
            if (pos_ == text_.size()) fail_at(pos_, "empty input: expected a JSON value");
            return parse_value();
        }
        case expect::array_first:
            if (peek() == ']') return close(']');
            return parse_value();
        case expect::object_first:
            if (peek() == '}') return close('}');
            return key();
        case expect::colon:
            if (at_end()) truncated();
            if (peek() != ':')
                fail_at(pos_, "expected ':' after the key " + quoted(stack_.back().key) + ", found " + found());
            ++pos_;
            skip_whitespace();
            return parse_value();
        case expect::comma_or_close: return after_value();
        case expect::done: return json_event::end;
        }
        return json_event::end;
    }

    [[nodiscard]] std::string_view value() const noexcept { return value_; }
    [[nodiscard]] bool escaped() const noexcept { return escaped_; }
    /// Byte offset of the current token (the opening quote of a string or key, the first byte otherwise).
    [[nodiscard]] std::size_t offset() const noexcept { return token_; }
    /// Number of open objects and arrays.
    [[nodiscard]] std::size_t depth() const noexcept { return stack_.size(); }

    /// The JSON pointer of the current value: for a key, the member it names; for object_begin or
    /// array_begin, the container itself; for object_end or array_end, the container just closed.
    [[nodiscard]] std::string path() const { return path_of(stack_.size()); }

    /// Throws json_failure at `offset` with the current path.
    [[noreturn]] void fail_at(std::size_t offset, std::string message) const {
        throw json_failure{offset, path(), std::move(message)};
    }

private:
    /// The JSON pointer through the outermost `frames` open containers (the innermost ones left out).
    [[nodiscard]] std::string path_of(std::size_t frames) const {
        std::string out;
        for (std::size_t i = 0; i < frames && i < stack_.size(); ++i) {
            frame const& f = stack_[i];
            if (f.count == 0) break;
            if (f.object) append_pointer_segment(out, f.key);
            else out += '/' + std::to_string(f.count - 1);
        }
        return out;
    }

    enum class expect : std::uint8_t { document, array_first, object_first, colon, comma_or_close, done };

    struct key_entry {
        std::string_view text;
        std::size_t offset;
    };
    struct frame {
        bool object = false;
        std::size_t count = 0;         // members or elements seen so far
        std::string_view key{};        // the current key (objects)
        std::size_t keys_begin = 0;    // first entry of this object in keys_
        std::size_t escaped_begin = 0; // first entry of this object in escaped_keys_
    };

    [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
    [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }

    void skip_whitespace() noexcept {
        while (pos_ < text_.size()) {
            char const c = text_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            ++pos_;
        }
    }

    [[noreturn]] void truncated() const {
        std::string what = stack_.empty() ? "the value" : stack_.back().object ? "an object" : "an array";
        // The path of the open container, not of its last member: that one is complete.
        throw json_failure{text_.size(), path_of(stack_.empty() ? 0 : stack_.size() - 1),
                           "unexpected end of input inside " + what + " (is the file truncated?)"};
    }

    /// A short description of the byte at pos_, for "expected X, found Y".
    [[nodiscard]] std::string found() const {
        if (at_end()) return "the end of the input";
        unsigned char const c = static_cast<unsigned char>(text_[pos_]);
        if (c >= 0x20 && c < 0x7F) return std::string{"'"} + static_cast<char>(c) + "'";
        static constexpr char hex[] = "0123456789ABCDEF";
        return std::string{"byte 0x"} + hex[c >> 4] + hex[c & 15];
    }

    static std::string quoted(std::string_view s) { return "\"" + std::string{s} + "\""; }

    // ---- structure ------------------------------------------------------------------------------------

    json_event after_value() {
        if (stack_.empty()) {
            if (!at_end()) fail_at(pos_, "unexpected " + found() + " after the end of the JSON value");
            expect_ = expect::done;
            return json_event::end;
        }
        frame const& f = stack_.back();
        if (at_end()) truncated();
        char const c = text_[pos_];
        if (c == ',') {
            ++pos_;
            skip_whitespace();
            char const d = peek();
            if (d == (f.object ? '}' : ']'))
                fail_at(pos_, std::string{"trailing comma before '"} + d + "': JSON does not allow one");
            return f.object ? key() : parse_value();
        }
        if (c == (f.object ? '}' : ']')) return close(c);
        if (c == '/') comment();
        fail_at(pos_, std::string{"expected ',' or '"} + (f.object ? '}' : ']') + "' after " +
                          (f.object ? "an object member" : "an array element") + ", found " + found());
    }

    json_event open(bool object) {
        if (stack_.size() >= max_depth_)
            fail_at(pos_, "nesting deeper than " + std::to_string(max_depth_) + " levels (the limit of this reader)");
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().count;
        token_ = pos_++;
        stack_.push_back(frame{object, 0, {}, keys_.size(), escaped_keys_.size()});
        expect_ = object ? expect::object_first : expect::array_first;
        return object ? json_event::object_begin : json_event::array_begin;
    }

    json_event close(char c) {
        token_ = pos_++;
        frame const& f = stack_.back();
        if (f.object) {
            keys_.resize(f.keys_begin);
            escaped_keys_.resize(f.escaped_begin);
            if (big_objects_.size() > stack_.size()) big_objects_[stack_.size()].reset();
        }
        stack_.pop_back();
        expect_ = expect::comma_or_close;
        return c == '}' ? json_event::object_end : json_event::array_end;
    }

    json_event key() {
        if (at_end()) truncated();
        if (text_[pos_] != '"') {
            if (text_[pos_] == '/') comment();
            if (text_[pos_] == '\'') fail_at(pos_, "keys must be in double quotes");
            fail_at(pos_, "expected a key in double quotes, found " + found());
        }
        token_ = pos_;
        read_string();
        frame& f = stack_.back();
        std::string_view k = value_;
        if (escaped_) {
            escaped_keys_.emplace_back(value_);
            k = escaped_keys_.back();
        }
        ++f.count;
        f.key = k;
        check_duplicate(f, k);
        expect_ = expect::colon;
        return json_event::key;
    }

    void check_duplicate(frame const& f, std::string_view k) {
        std::size_t const n = keys_.size() - f.keys_begin;
        std::size_t first = std::string_view::npos;
        if (n < small_object) {
            for (std::size_t i = f.keys_begin; i < keys_.size(); ++i)
                if (samverkan::detail::same_bytes(keys_[i].text, k)) {
                    first = keys_[i].offset;
                    break;
                }
        } else {
            // Large objects get a hash table (built once, when they reach small_object keys).
            if (big_objects_.size() <= stack_.size()) big_objects_.resize(stack_.size() + 1);
            auto& table = big_objects_[stack_.size()];
            if (!table) {
                table = std::make_unique<std::unordered_map<std::string_view, std::size_t>>();
                for (std::size_t i = f.keys_begin; i < keys_.size(); ++i)
                    table->emplace(keys_[i].text, keys_[i].offset);
            }
            auto [it, inserted] = table->emplace(k, token_);
            if (!inserted) first = it->second;
        }
        if (first != std::string_view::npos) {
            // Reported at the second occurrence, naming the first.
            auto const at = position_of(text_, first);
            fail_at(token_, "duplicate key " + quoted(k) + " in one object (first at line " + std::to_string(at.line) +
                                ", column " + std::to_string(at.column) + "); JSON objects need unique keys");
        }
        keys_.push_back(key_entry{k, token_});
    }

    json_event parse_value() {
        if (at_end()) truncated();
        char const c = text_[pos_];
        switch (c) {
        case '{': return open(true);
        case '[': return open(false);
        case '"': {
            if (!stack_.empty() && !stack_.back().object) ++stack_.back().count;
            token_ = pos_;
            read_string();
            expect_ = expect::comma_or_close;
            return json_event::string;
        }
        case 't': return literal("true", json_event::literal_true);
        case 'f': return literal("false", json_event::literal_false);
        case 'n': return literal("null", json_event::literal_null);
        case '/': comment();
        case '\'': fail_at(pos_, "strings must be in double quotes");
        case 'N':
        case 'I': not_a_number();
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return number();
            if (c == ']' || c == '}') fail_at(pos_, "expected a value, found " + found());
            fail_at(pos_, "expected a JSON value, found " + found());
        }
    }

    [[noreturn]] void comment() const { fail_at(pos_, "comments are not allowed in JSON"); }
    [[noreturn]] void not_a_number() const {
        fail_at(pos_, "NaN and Infinity are not JSON numbers (write the value as a string, or leave it out)");
    }

    json_event literal(std::string_view word, json_event e) {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().count;
        token_ = pos_;
        if (text_.substr(pos_, word.size()) != word)
            fail_at(pos_, "invalid literal (expected " + std::string{word} + "; strings need double quotes)");
        pos_ += word.size();
        value_ = word;
        escaped_ = false;
        expect_ = expect::comma_or_close;
        return e;
    }

    json_event number() {
        if (!stack_.empty() && !stack_.back().object) ++stack_.back().count;
        token_ = pos_;
        auto digit = [&] { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; };
        auto digits = [&] {
            while (digit()) ++pos_;
        };
        if (text_[pos_] == '-') {
            ++pos_;
            if (peek() == 'I' || peek() == 'N') not_a_number();
            if (!digit()) fail_at(pos_, "expected a digit after '-' in a number");
        }
        if (text_[pos_] == '0') {
            ++pos_;
            if (digit()) fail_at(token_, "leading zeros are not allowed in JSON numbers");
        } else {
            digits();
        }
        if (peek() == '.') {
            ++pos_;
            if (!digit()) fail_at(pos_, "expected a digit after the decimal point");
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!digit()) fail_at(pos_, "expected a digit in the exponent");
            digits();
        }
        value_ = text_.substr(token_, pos_ - token_);
        escaped_ = false;
        expect_ = expect::comma_or_close;
        return json_event::number;
    }

    // ---- strings --------------------------------------------------------------------------------------

    /// Reads the string whose opening quote is at pos_; sets value_ and escaped_. O(length).
    void read_string() {
        std::size_t const start = ++pos_;
        auto const* data = reinterpret_cast<unsigned char const*>(text_.data());
        std::size_t const n = text_.size();
        // Fast path: a run of bytes that need no attention, eight at a time while there are eight.
        while (true) {
            pos_ = skip_plain_words(data, pos_, n);
            while (pos_ < n && plain(data[pos_])) ++pos_;
            if (pos_ >= n) fail_at(token_, "unterminated string (is the file truncated?)");
            unsigned char const c = data[pos_];
            if (c == '"') {
                value_ = text_.substr(start, pos_ - start);
                escaped_ = false;
                ++pos_;
                return;
            }
            if (c == '\\') break;
            if (c < 0x20) control_character(c);
            std::size_t const len = utf8_sequence_length(text_, pos_);
            if (len == 0) invalid_utf8();
            pos_ += len;
        }
        // Slow path: decode escapes into the scratch buffer.
        scratch_.assign(text_.data() + start, pos_ - start);
        while (true) {
            if (pos_ >= n) fail_at(token_, "unterminated string (is the file truncated?)");
            unsigned char const c = data[pos_];
            if (c == '"') {
                ++pos_;
                value_ = scratch_;
                escaped_ = true;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (plain(c)) {
                std::size_t const run = pos_;
                while (pos_ < n && plain(data[pos_])) ++pos_;
                scratch_.append(text_.data() + run, pos_ - run);
            } else {
                if (c < 0x20) control_character(c);
                std::size_t const len = utf8_sequence_length(text_, pos_);
                if (len == 0) invalid_utf8();
                scratch_.append(text_.data() + pos_, len);
                pos_ += len;
            }
        }
    }

    static bool plain(unsigned char c) noexcept { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

    /// The first position from `pos` on that holds a byte that is not plain (a quote, a backslash, a
    /// control character or a non-ASCII byte), or a position less than eight bytes before the end with
    /// only plain bytes before it. Sixteen bytes at a time with SSE2 (every x86-64 processor has it),
    /// then eight at a time with word tests. Each word test is exact for its lowest flagged byte (a borrow
    /// runs only upwards), which on a little-endian machine is the first: its position is the count of
    /// trailing zero bits.
    static std::size_t skip_plain_words(unsigned char const* data, std::size_t pos, std::size_t n) noexcept {
#if defined(__SSE2__)
        __m128i const quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
        while (pos + 16 <= n) {
            __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(data + pos));
            // signed: the bytes from 0x80 on are negative, so "less than 0x20" also finds non-ASCII bytes
            __m128i const special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                                 _mm_cmplt_epi8(v, space));
            if (auto const mask = static_cast<unsigned>(_mm_movemask_epi8(special)); mask != 0)
                return pos + static_cast<std::size_t>(std::countr_zero(mask));
            pos += 16;
        }
#endif
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        auto has_zero = [](std::uint64_t v) noexcept { return (v - ones) & ~v & highs; };
        while (pos + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, data + pos, 8);
            std::uint64_t const special = has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) |
                                          ((w - ones * 0x20) & ~w & highs) | (w & highs);
            if (special != 0) {
                if constexpr (std::endian::native == std::endian::little)
                    return pos + static_cast<std::size_t>(std::countr_zero(special)) / 8;
                return pos;
            }
            pos += 8;
        }
        return pos;
    }

    [[noreturn]] void control_character(unsigned char c) const {
        static constexpr char hex[] = "0123456789ABCDEF";
        std::string name = c == '\n'   ? "a line break"
                           : c == '\t' ? "a tab"
                                       : std::string{"control character U+00"} + hex[c >> 4] + hex[c & 15];
        fail_at(pos_, name + " inside a string must be escaped (\\n, \\t, \\u00XX)");
    }

    [[noreturn]] void invalid_utf8() const {
        static constexpr char hex[] = "0123456789ABCDEF";
        auto const c = static_cast<unsigned char>(text_[pos_]);
        fail_at(pos_, std::string{"invalid UTF-8 (byte 0x"} + hex[c >> 4] + hex[c & 15] +
                          "); JSON text must be UTF-8 (was the file saved as Latin-1 or Windows-1252?)");
    }

    void escape() {
        std::size_t const at = pos_++;
        if (at_end()) fail_at(token_, "unterminated string (is the file truncated?)");
        char const c = text_[pos_++];
        switch (c) {
        case '"': scratch_ += '"'; return;
        case '\\': scratch_ += '\\'; return;
        case '/': scratch_ += '/'; return;
        case 'b': scratch_ += '\b'; return;
        case 'f': scratch_ += '\f'; return;
        case 'n': scratch_ += '\n'; return;
        case 'r': scratch_ += '\r'; return;
        case 't': scratch_ += '\t'; return;
        case 'u': break;
        default:
            fail_at(at, "invalid escape sequence in a string (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        std::uint32_t cp = hex4(at);
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            fail_at(at, "lone low surrogate \\u" + std::string{text_.substr(at + 2, 4)} +
                            " (UTF-16 surrogates must come in pairs)");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (text_.substr(pos_, 2) != "\\u")
                fail_at(at, "lone high surrogate \\u" + std::string{text_.substr(at + 2, 4)} +
                                " (it must be followed by a low surrogate \\uDC00-\\uDFFF)");
            std::size_t const low_at = pos_;
            pos_ += 2;
            std::uint32_t const low = hex4(low_at);
            if (low < 0xDC00 || low > 0xDFFF)
                fail_at(at, "lone high surrogate \\u" + std::string{text_.substr(at + 2, 4)} +
                                " (it must be followed by a low surrogate \\uDC00-\\uDFFF)");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(scratch_, cp);
    }

    /// Reads four hex digits at pos_ (the escape started at `at`).
    std::uint32_t hex4(std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            if (at_end()) fail_at(token_, "unterminated string (is the file truncated?)");
            char const h = text_[pos_];
            std::uint32_t d = 0;
            if (h >= '0' && h <= '9') d = static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') d = static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') d = static_cast<std::uint32_t>(h - 'A' + 10);
            else fail_at(at, "\\u must be followed by four hexadecimal digits");
            v = v * 16 + d;
            ++pos_;
        }
        return v;
    }

    static constexpr std::size_t small_object = 16;

    std::string_view text_;
    std::size_t max_depth_;
    std::size_t pos_ = 0;
    std::size_t token_ = 0;
    expect expect_ = expect::document;
    std::string_view value_{};
    bool escaped_ = false;
    std::string scratch_;
    std::vector<frame> stack_;
    std::vector<key_entry> keys_;
    std::deque<std::string> escaped_keys_; // stable addresses: keys_ and frame::key point into them
    std::vector<std::unique_ptr<std::unordered_map<std::string_view, std::size_t>>> big_objects_; // by depth
};

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_JSON_CURSOR_HPP
