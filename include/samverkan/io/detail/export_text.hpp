// Text helpers shared by the export writers (DOT, GraphML, RACI CSV): XML escaping and node keys (UTF-8
// decoding: samverkan/detail/utf8.hpp; JSON strings: io/detail/json_text.hpp with invalid_utf8::replace).
//
// Model strings are std::string filled by code or by io/json, so they may hold anything, including bytes
// that are not UTF-8 and control characters. Every writer produces a document that its consumer accepts
// whatever the model holds: what a format cannot carry is replaced by U+FFFD (the replacement character),
// never passed through to break the document.
#ifndef SAMVERKAN_IO_DETAIL_EXPORT_TEXT_HPP
#define SAMVERKAN_IO_DETAIL_EXPORT_TEXT_HPP

#include <samverkan/detail/utf8.hpp>
#include <samverkan/model/ids.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace samverkan::io::detail {

using samverkan::detail::decode_utf8;
using samverkan::detail::is_utf8;
using samverkan::detail::replacement_character;

/// Appends `c` as upper-case hexadecimal without leading zeros.
inline void append_hex(std::string& out, std::uint32_t c) {
    constexpr char digits[] = "0123456789ABCDEF";
    char buffer[8];
    std::size_t n = 0;
    do {
        buffer[n++] = digits[c & 0xFU];
        c >>= 4U;
    } while (c != 0);
    while (n > 0) out += buffer[--n];
}

/// Whether XML 1.0 can carry code point `c` at all (the Char production): a document containing any
/// other is not well-formed, even written as a character reference.
[[nodiscard]] constexpr bool is_xml_char(char32_t c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/// The NameChar production of XML 1.0 (fifth edition), without ':'. A string of these is an NMTOKEN,
/// the type GraphML gives node, edge and key ids.
[[nodiscard]] constexpr bool is_name_char(char32_t c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == 0xB7 || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x37D) ||
           (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x203F && c <= 0x2040) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF) ||
           (c >= 0x300 && c <= 0x36F);
}

/// The node key of an element: `<kind>:<id>`, e.g. "actor:ks", "duty:Åtgärdsplan". Characters of the id
/// that are not XML name characters, and ':' itself, are written as ':' + hex code point + ':'
/// ("Centrum väst" -> "scope:Centrum:20:väst"); a byte that is not UTF-8 as ":x" + hex byte + ":". So the
/// key is unique per (kind, id), stable, readable for ordinary ids, a valid GraphML NMTOKEN and safe as a
/// quoted DOT id (it never contains '"' or '\'). O(|id|).
[[nodiscard]] inline std::string node_key(std::string_view kind, std::string_view id) {
    std::string out;
    out.reserve(kind.size() + 1 + id.size());
    out += kind;
    out += ':';
    for (std::size_t i = 0; i < id.size();) {
        auto const step = decode_utf8(id, i);
        if (step.valid && is_name_char(step.code)) {
            out.append(id.substr(i, step.length));
        } else {
            out += step.valid ? ":" : ":x";
            append_hex(out, static_cast<std::uint32_t>(step.code));
            out += ':';
        }
        i += step.length;
    }
    return out;
}

/// The node key of element `id` of a model: node_key("actor", m[id].id).
template <class Model, element_id Id>
[[nodiscard]] std::string node_key(Model const& m, Id id) {
    return node_key(Id::tag_type::name, std::string_view{m[id].id});
}

/// Where escaped XML text goes: element content, a double-quoted attribute value, or a Graphviz
/// HTML-like label (where a line break is <br/>).
enum class xml_context : std::uint8_t { content, attribute, html_label };

/// Appends `text` escaped for XML 1.0: & < > as entities; in attributes also " as an entity, and tab and
/// line feed as character references (attribute-value normalisation would turn them into spaces); carriage return
/// always as &#13; (end-of-line handling would drop it). Code points XML 1.0 cannot carry (most C0
/// controls, U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD. O(n).
inline void append_xml_escaped(std::string& out, std::string_view text, xml_context context = xml_context::content) {
    for (std::size_t i = 0; i < text.size();) {
        auto const step = decode_utf8(text, i);
        char32_t const c = step.code;
        if (!step.valid || !is_xml_char(c)) {
            out += replacement_character;
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '"' && context == xml_context::attribute) {
            out += "&quot;";
        } else if (c == '\n' && context == xml_context::html_label) {
            out += "<br/>";
        } else if ((c == '\n' || c == '\t') && context == xml_context::attribute) {
            out += c == '\n' ? "&#10;" : "&#9;";
        } else if (c == '\r') {
            if (context != xml_context::html_label) out += "&#13;";
        } else {
            out.append(text.substr(i, step.length));
        }
        i += step.length;
    }
}

[[nodiscard]] inline std::string xml_escaped(std::string_view text, xml_context context = xml_context::content) {
    std::string out;
    out.reserve(text.size());
    append_xml_escaped(out, text, context);
    return out;
}

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_EXPORT_TEXT_HPP
