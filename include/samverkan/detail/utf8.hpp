// utf8: the one UTF-8 decoder and validator of the library (internal). The JSON reader validates with it,
// the writers escape with it, the exporters replace what their format cannot carry with it.
//
// Well-formed means Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.
#ifndef SAMVERKAN_DETAIL_UTF8_HPP
#define SAMVERKAN_DETAIL_UTF8_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace samverkan::detail {

inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD"; // U+FFFD

/// The length of the well-formed UTF-8 sequence that starts at `text[at]` (at < text.size()), or 0 when
/// the bytes there are not one. O(1).
[[nodiscard]] constexpr std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept {
    auto const byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::size_t const n = text.size() - at;
    unsigned char const b = byte(at);
    if (b < 0x80) return 1;
    auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < n && byte(at + i) >= lo && byte(at + i) <= hi;
    };
    if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
    if (b == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (b == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (b == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (b >= 0xF1 && b <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (b == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

/// One decoded code point and the number of bytes it took; `valid` is false for a byte that does not start
/// a well-formed sequence, in which case `length` is 1 and `code` is that byte.
struct utf8_step {
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = false;
};

/// Decodes the code point at `text[at]` (at < text.size()). O(1).
[[nodiscard]] constexpr utf8_step decode_utf8(std::string_view text, std::size_t at) noexcept {
    auto const b0 = static_cast<unsigned char>(text[at]);
    std::size_t const length = utf8_sequence_length(text, at);
    if (length == 0) return {b0, 1, false};
    if (length == 1) return {b0, 1, true};
    constexpr unsigned char lead_mask[] = {0, 0, 0x1F, 0x0F, 0x07};
    char32_t code = b0 & lead_mask[length];
    for (std::size_t i = 1; i < length; ++i) code = (code << 6U) | (static_cast<unsigned char>(text[at + i]) & 0x3FU);
    return {code, length, true};
}

/// Whether `text` is well-formed UTF-8. O(n).
[[nodiscard]] constexpr bool is_utf8(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t const len = utf8_sequence_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

/// Appends the UTF-8 encoding of code point `cp` (at most U+10FFFF, not a surrogate).
inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_UTF8_HPP
