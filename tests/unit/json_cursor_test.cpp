// The strict JSON pull parser under io/json.hpp: what it accepts, what it rejects and where it says the
// problem is.
#include "catch.hpp"

#include <samverkan/io/detail/json_cursor.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_json_cursor_test { // one per file: the tests are built as a unity build

namespace {

using samverkan::io::detail::json_cursor;
using samverkan::io::detail::json_event;
using samverkan::io::detail::json_failure;

/// The failure of reading `text` to the end, or nullopt when it is valid JSON.
std::optional<json_failure> failure(std::string_view text, std::size_t max_depth = 512) {
    try {
        json_cursor c{text, max_depth};
        while (c.next() != json_event::end) {}
    } catch (json_failure const& f) {
        return f;
    }
    return std::nullopt;
}

bool valid(std::string_view text) { return !failure(text); }

std::string message(std::string_view text) {
    auto const f = failure(text);
    return f ? f->message() : std::string{"(valid)"};
}

} // namespace

TEST_CASE("json_cursor accepts standard JSON of every kind") {
    for (std::string_view text :
         {"{}", "[]", "0", "-0", "1.5e+10", "-12.25E-3", "123456789012345678901234567890", "true", "false", "null",
          R"("")", R"("a\"b\\c\/d\b\f\n\r\t")", R"("\u00e5\uD83D\uDE00")", " \t\r\n[ 1 , { \"a\" : [ ] } ] \n",
          R"({"":1})", "\"\xc3\xa5\xe2\x82\xac\xf0\x9f\x98\x80\"", "[1e999999999999]"})
        CHECK(valid(text));
}

TEST_CASE("json_cursor rejects what strict JSON does not allow, saying what it is") {
    CHECK_THAT(message(""), samverkan_test::contains("empty input"));
    CHECK_THAT(message("  \n "), samverkan_test::contains("empty input"));
    CHECK_THAT(message("\xEF\xBB\xBF{}"), samverkan_test::contains("byte-order mark"));
    CHECK_THAT(message("// note\n{}"), samverkan_test::contains("comments are not allowed"));
    CHECK_THAT(message("{\"a\": 1 /* c */}"), samverkan_test::contains("comments are not allowed"));
    CHECK_THAT(message("[1,]"), samverkan_test::contains("trailing comma"));
    CHECK_THAT(message(R"({"a": 1,})"), samverkan_test::contains("trailing comma"));
    CHECK_THAT(message("[NaN]"), samverkan_test::contains("NaN and Infinity"));
    CHECK_THAT(message("[-Infinity]"), samverkan_test::contains("NaN and Infinity"));
    CHECK_THAT(message("[Infinity]"), samverkan_test::contains("NaN and Infinity"));
    CHECK_THAT(message("[01]"), samverkan_test::contains("leading zeros"));
    CHECK_THAT(message("[1.]"), samverkan_test::contains("decimal point"));
    CHECK_THAT(message("[1e]"), samverkan_test::contains("exponent"));
    CHECK_THAT(message("[-]"), samverkan_test::contains("after '-'"));
    CHECK_THAT(message("[+1]"), samverkan_test::contains("expected a JSON value"));
    CHECK_THAT(message("['a']"), samverkan_test::contains("double quotes"));
    CHECK_THAT(message("{a: 1}"), samverkan_test::contains("expected a key in double quotes"));
    CHECK_THAT(message("[tru]"), samverkan_test::contains("invalid literal"));
    CHECK_THAT(message("[1 2]"), samverkan_test::contains("expected ',' or ']'"));
    CHECK_THAT(message(R"({"a" 1})"), samverkan_test::contains("expected ':'"));
    CHECK_THAT(message("{} {}"), samverkan_test::contains("after the end of the JSON value"));
    CHECK_THAT(message("[1"), samverkan_test::contains("unexpected end of input inside an array"));
    CHECK_THAT(message(R"({"a": "b)"), samverkan_test::contains("unterminated string"));
    CHECK_THAT(message("[\"a\nb\"]"), samverkan_test::contains("line break inside a string must be escaped"));
    CHECK_THAT(message("[\"\x01\"]"), samverkan_test::contains("U+0001"));
    CHECK_THAT(message(R"(["\x"])"), samverkan_test::contains("invalid escape"));
    CHECK_THAT(message(R"(["\u12g4"])"), samverkan_test::contains("four hexadecimal digits"));
}

TEST_CASE("json_cursor rejects invalid UTF-8 and lone surrogates") {
    CHECK_THAT(message("[\"Lokalpolisomr\xe5"
                       "det\"]"),
               samverkan_test::contains("invalid UTF-8 (byte 0xE5)"));
    CHECK_FALSE(valid("[\"\xc0\xaf\"]"));         // overlong '/'
    CHECK_FALSE(valid("[\"\xe0\x80\xaf\"]"));     // overlong, three bytes
    CHECK_FALSE(valid("[\"\xed\xa0\x80\"]"));     // an encoded surrogate
    CHECK_FALSE(valid("[\"\xf4\x90\x80\x80\"]")); // above U+10FFFF
    CHECK_FALSE(valid("[\"\xc3\"]"));             // truncated sequence
    CHECK_FALSE(valid("[\xc3\xa5]"));             // non-ASCII outside a string
    CHECK_THAT(message(R"(["\ud800"])"), samverkan_test::contains("lone high surrogate"));
    CHECK_THAT(message(R"(["\udc00"])"), samverkan_test::contains("lone low surrogate"));
    CHECK_THAT(message(R"(["\ud800\u0041"])"), samverkan_test::contains("lone high surrogate"));
}

TEST_CASE("json_cursor decodes escapes and keeps plain strings as views of the input") {
    std::string const text = R"(["plain", "\u00e5\ud83d\ude00\n"])";
    json_cursor c{text};
    REQUIRE(c.next() == json_event::array_begin);
    REQUIRE(c.next() == json_event::string);
    CHECK(c.value() == "plain");
    CHECK_FALSE(c.escaped());
    CHECK(c.value().data() == text.data() + 2);
    REQUIRE(c.next() == json_event::string);
    CHECK(c.value() == "\xc3\xa5\xf0\x9f\x98\x80\n");
    CHECK(c.escaped());
    CHECK(c.offset() == 10);
    REQUIRE(c.next() == json_event::array_end);
    REQUIRE(c.next() == json_event::end);
}

TEST_CASE("json_cursor finds duplicate keys in small and large objects, also when escaped differently") {
    CHECK_THAT(message(R"({"id": 1, "id": 2})"), samverkan_test::contains("duplicate key \"id\""));
    CHECK_THAT(message(R"({"a": 1, "\u0061": 2})"), samverkan_test::contains("duplicate key \"a\""));
    CHECK(valid(R"({"a": {"a": 1}, "b": {"a": 2}})")); // equal keys in different objects are fine
    std::string big = "{";
    for (int i = 0; i < 100; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    CHECK(valid(big + "\"last\": 0}"));
    auto const f = failure(big + "\"k7\": 0}");
    REQUIRE(f);
    CHECK_THAT(f->message(), samverkan_test::contains("duplicate key \"k7\"") &&
                                 samverkan_test::contains("first at line 1, column 65"));
    CHECK(f->path() == "/k7");
}

TEST_CASE("json_cursor tracks the JSON pointer of every value") {
    std::string const text = R"({"duties": [{"id": "d", "raci": {"R": ["x", 7]}}], "a/b~c": null})";
    json_cursor c{text};
    std::vector<std::string> paths;
    for (json_event e = c.next(); e != json_event::end; e = c.next())
        if (e == json_event::string || e == json_event::number || e == json_event::literal_null)
            paths.push_back(c.path());
    CHECK(paths == std::vector<std::string>{"/duties/0/id", "/duties/0/raci/R/0", "/duties/0/raci/R/1", "/a~1b~0c"});
}

TEST_CASE("json_cursor limits nesting without recursion") {
    std::string const ok = std::string(512, '[') + std::string(512, ']');
    CHECK(valid(ok));
    std::string const deep = std::string(513, '[') + std::string(513, ']');
    CHECK_THAT(message(deep), samverkan_test::contains("nesting deeper than 512 levels"));
    // Far deeper than any call stack could take if the parser recursed.
    std::string const very_deep = std::string(100000, '[') + std::string(100000, ']');
    auto const f = failure(very_deep);
    REQUIRE(f);
    CHECK(f->offset() == 512);
    CHECK(failure(std::string(100000, '['), 100000)); // a higher limit is still safe: only the explicit stack grows
}

TEST_CASE("json_cursor reports the offset of the offending byte") {
    auto const f = failure("{\"a\": [1, 2,, 3]}");
    REQUIRE(f);
    CHECK(f->offset() == 12);
    CHECK(f->path() == "/a/1");
    auto const t = failure("{\"a\": [1");
    REQUIRE(t);
    CHECK(t->offset() == 8);
    CHECK(t->path() == "/a"); // the open container, not its last complete element
    auto const at = samverkan::io::detail::position_of("ab\ncå\td", 7);
    CHECK(at.line == 2);
    CHECK(at.column == 4); // c, å (two bytes, one column), tab
}

} // namespace samverkan_tests_json_cursor_test
