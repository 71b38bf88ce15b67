// canonical_json: the normal form of a JSON value's text, for comparing attributes by meaning
// (analytics.md 4: "compared as JSON values, object key order ignored and numbers by their text").
//
//     canonical_json(R"({"b": 1, "a": [true, 1.0]})") == R"({"a":[true,1.0],"b":1})"
//     canonical_json("") == "{}"                       // absent attributes are the empty object
//
// Whitespace outside strings is dropped and the members of every object are sorted by their key text
// (bytewise, so UTF-8 sorts by code point); numbers, strings and literals are kept as written. Texts read
// by io/json are already compact with canonically escaped strings, so two texts that mean the same value
// give the same canonical text. It is not a validator: it expects text that a JSON parser accepted.
// Cost: O(n log n) for n bytes. Throws samverkan::error on text nested deeper than 512 levels or cut
// short.
#ifndef SAMVERKAN_DETAIL_JSON_CANONICAL_HPP
#define SAMVERKAN_DETAIL_JSON_CANONICAL_HPP

#include <samverkan/error.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan::detail {

class json_canonicaliser {
public:
    explicit json_canonicaliser(std::string_view text) noexcept : text_{text} {}

    [[nodiscard]] std::string run() {
        skip_space();
        if (pos_ == text_.size()) return "{}";
        std::string out;
        value(out, 0);
        return out;
    }

private:
    void skip_space() noexcept {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }
    [[noreturn]] static void fail() { throw error{"attributes: not JSON text (cut short or nested too deeply)"}; }
    char peek() const {
        if (pos_ >= text_.size()) fail();
        return text_[pos_];
    }
    void string(std::string& out) {
        std::size_t const start = pos_++;
        while (true) {
            char const c = peek();
            ++pos_;
            if (c == '\\') ++pos_;
            else if (c == '"') break;
        }
        if (pos_ > text_.size()) fail();
        out.append(text_.substr(start, pos_ - start));
    }
    void value(std::string& out, std::size_t depth) {
        if (depth > 512) fail();
        skip_space();
        char const c = peek();
        if (c == '"') {
            string(out);
        } else if (c == '[') {
            ++pos_;
            out += '[';
            skip_space();
            if (peek() == ']') {
                ++pos_;
            } else {
                while (true) {
                    value(out, depth + 1);
                    skip_space();
                    char const d = peek();
                    ++pos_;
                    if (d == ']') break;
                    out += ',';
                }
            }
            out += ']';
        } else if (c == '{') {
            ++pos_;
            std::vector<std::pair<std::string, std::string>> members;
            skip_space();
            if (peek() == '}') {
                ++pos_;
            } else {
                while (true) {
                    skip_space();
                    std::pair<std::string, std::string> m;
                    string(m.first);
                    skip_space();
                    if (peek() != ':') fail();
                    ++pos_;
                    value(m.second, depth + 1);
                    members.push_back(std::move(m));
                    skip_space();
                    char const d = peek();
                    ++pos_;
                    if (d == '}') break;
                }
            }
            std::sort(members.begin(), members.end());
            out += '{';
            for (std::size_t i = 0; i < members.size(); ++i) {
                if (i > 0) out += ',';
                out += members[i].first;
                out += ':';
                out += members[i].second;
            }
            out += '}';
        } else {
            std::size_t const start = pos_;
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != ']' && text_[pos_] != '}' &&
                   text_[pos_] != ' ' && text_[pos_] != '\t' && text_[pos_] != '\n' && text_[pos_] != '\r')
                ++pos_;
            if (start == pos_) fail();
            out.append(text_.substr(start, pos_ - start));
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

/// The canonical text of JSON value `text` (see the top of this file); "{}" for empty text.
[[nodiscard]] inline std::string canonical_json(std::string_view text) {
    if (text.empty() || text == "{}") return "{}";
    return json_canonicaliser{text}.run();
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_JSON_CANONICAL_HPP
