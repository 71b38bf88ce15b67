// Load errors: every kind the contract lists, with its line, column, JSON path and message.
#include "catch.hpp"
#include "json_test_support.hpp"

#include <samverkan/io/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace samverkan_tests_json_errors_test { // one per file: the tests are built as a unity build

using samverkan_json_test::load_failure;

namespace {

/// "LINE:COL PATH | MESSAGE" of the error reading `text`, or "(loaded)".
std::string where(std::string_view text) {
    auto const e = load_failure(text);
    if (!e) return "(loaded)";
    return std::to_string(e->line()) + ":" + std::to_string(e->column()) + " " + e->json_path() + " | " + e->message();
}

constexpr std::string_view head = R"({"format": "samverkan/1", )";

std::string model(std::string_view rest) { return std::string{head} + std::string{rest} + "}"; }

/// Line and column (1-based, code points) of byte `offset` of `text`, computed independently of the reader.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return {line, column};
}

/// "LINE:COL" of the `nth` occurrence of `needle` in `text` (the token an error must point at).
std::string at(std::string_view text, std::string_view needle, int nth = 1) {
    std::size_t pos = std::string_view::npos;
    for (int i = 0; i < nth; ++i) pos = text.find(needle, pos == std::string_view::npos ? 0 : pos + 1);
    REQUIRE(pos != std::string_view::npos);
    auto const [line, column] = line_column(text, pos);
    return std::to_string(line) + ":" + std::to_string(column);
}

/// "line L, column C" of the `nth` occurrence of `needle`.
std::string first_at(std::string_view text, std::string_view needle) {
    auto const [line, column] = line_column(text, text.find(needle));
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// "LINE:COL" of the end of `text`.
std::string at_end(std::string_view text) {
    auto const [line, column] = line_column(text, text.size());
    return std::to_string(line) + ":" + std::to_string(column);
}

} // namespace

TEST_CASE("what() puts the source, line, column and path before the message") {
    std::string const t = model(R"("actors": [{"id": "ks"}, {"id": "lpo", "name": "Lokalpolisområdet"}],
"duties": [{"id": "d", "raci": {"R": ["polis"]}}])");
    auto const e = load_failure(t, "kommun.json");
    REQUIRE(e);
    CHECK(std::string{e->what()} ==
          R"(kommun.json:2:39: /duties/0/raci/R/0: unknown actor "polis"; did you mean "lpo"?)");
    CHECK(at(t, "\"polis\"") == "2:39");
    CHECK(e->source() == "kommun.json");
    CHECK(e->line() == 2);
    CHECK(e->column() == 39);
    CHECK(e->json_path() == "/duties/0/raci/R/0");
    CHECK(e->message() == R"(unknown actor "polis"; did you mean "lpo"?)");
    samverkan::error const& base = *e; // one exception base for the library
    CHECK_THAT(base.what(), samverkan_test::starts_with("kommun.json:2:39: "));
}

TEST_CASE("not JSON: each strict-JSON point is an error at its place") {
    CHECK(where("") == "1:1  | empty input: expected a JSON value");
    std::string t = R"({"format": "samverkan/1", "actors": [{"id": "ks"})";
    CHECK(where(t) == at_end(t) + " /actors | unexpected end of input inside an array (is the file truncated?)");
    t = model(R"("actors": [{"id": "ks", "id": "lpo"}])");
    CHECK(where(t) == at(t, "\"id\"", 2) + " /actors/0/id | duplicate key \"id\" in one object (first at " +
                          first_at(t, "\"id\"") + "); JSON objects need unique keys");
    t = model(R"("attributes": {"a": {"b": 1, "b": 2}})");
    CHECK(where(t) == at(t, "\"b\"", 2) + " /attributes/a/b | duplicate key \"b\" in one object (first at " +
                          first_at(t, "\"b\"") + "); JSON objects need unique keys");
    t = model(R"("actors": [{"id": "ks"},])");
    CHECK_THAT(where(t), samverkan_test::starts_with(at(t, "]") + " /actors/0 | trailing comma before ']'"));
    CHECK_THAT(where("// kommun\n{\"format\": \"samverkan/1\"}"),
               samverkan_test::starts_with("1:1  | comments are not allowed"));
    t = model(R"("attributes": {"andel": NaN})");
    CHECK_THAT(where(t), samverkan_test::starts_with(at(t, "NaN") + " /attributes/andel | NaN and Infinity"));
    CHECK_THAT(where("\xEF\xBB\xBF{\"format\": \"samverkan/1\"}"),
               samverkan_test::starts_with("1:1  | the text starts with a byte-order mark"));
    t = model("\"name\": \"Lokalpolisomr\xe5"
              "det\"");
    CHECK_THAT(where(t), samverkan_test::starts_with(at(t, "\xe5") + " /name | invalid UTF-8 (byte 0xE5)"));
    t = model(R"("name": "trasig \ud800 text")");
    CHECK_THAT(where(t), samverkan_test::starts_with(at(t, "\\ud800") + " /name | lone high surrogate \\ud800"));
    CHECK_THAT(where(model(R"("name": "x"} {)")), samverkan_test::contains("after the end of the JSON value"));
}

TEST_CASE("wrong types, null for an optional key included") {
    CHECK(where(R"([{"format": "samverkan/1"}])") ==
          "1:1  | expected an object (a samverkan model) at the top level, found an array");
    std::string t = model(R"("duties": [{"id": "d", "optional": null}])");
    CHECK(where(t) ==
          at(t, "null") +
              " /duties/0/optional | expected true or false, found null; leave the key out instead of writing null");
    t = model(R"("mandates": [{"id": "m", "exclusive": "true"}])");
    CHECK(where(t) == at(t, "\"true\"") + " /mandates/0/exclusive | expected true or false, found a string (\"true\")");
    t = model(R"("actors": [{"id": 7}])");
    CHECK(where(t) == at(t, "7") + " /actors/0/id | expected a string, found a number (7)");
    t = model(R"("duties": [{"id": "d", "raci": {"R": "ks"}}])");
    CHECK(where(t) == at(t, "\"ks\"") + " /duties/0/raci/R | expected an array, found a string (\"ks\")");
    t = model(R"("actors": [{"id": "ks", "attributes": ["kommun"]}])");
    CHECK(
        where(t) ==
        at(t, "[\"kommun\"") +
            " /actors/0/attributes | expected an object (attributes hold any JSON, inside an object), found an array");
    t = model(R"("actors": {"id": "ks"})");
    CHECK(where(t) == at(t, "{\"id\"") + " /actors | expected an array, found an object");
    t = model(R"("actors": ["ks"])");
    CHECK(where(t) == at(t, "\"ks\"") + " /actors/0 | expected an object (an actor), found a string (\"ks\")");
    t = model(R"("scopes": [{"id": "a", "within": ["b"]}])");
    CHECK(where(t) == at(t, "[\"b\"") + " /scopes/0/within | expected a string, found an array");
    t = model(R"("stages": [{"id": "a", "after": [1]}])");
    CHECK(where(t) == at(t, "1]") + " /stages/0/after/0 | expected a string (an id), found a number (1)");
    t = R"({"format": "samverkan/1", "name": 123456789012345678901234567890})";
    CHECK(where(t) == at(t, "1234") + " /name | expected a string, found a number (123456789012345678901234567890)");
    t = model(R"("duties": [{"id": "d", "raci": ["ks"]}])");
    CHECK(where(t) ==
          at(t, "[\"ks\"") + " /duties/0/raci | expected an object with the keys R, A, C and I, found an array");
}

TEST_CASE("missing required keys, unknown keys and an unknown format") {
    CHECK(where(R"({"name": "x"})") == "1:1  | missing required key \"format\" at the top level (a model file starts "
                                       "with \"format\": \"samverkan/1\")");
    std::string t = model(R"("actors": [{"name": "Kommunstyrelsen"}])");
    CHECK(where(t) == at(t, "{\"name\"") + " /actors/0 | missing required key \"id\" in an actor");
    t = model(R"("holds": [{"actor": "ks"}])");
    CHECK(where(t) == at(t, "{\"actor\"") + " /holds/0 | missing required key \"mandate\" in a holding");
    t = model(R"("holds": [{"mandate": "m"}])");
    CHECK(where(t) == at(t, "{\"mandate\"") + " /holds/0 | missing required key \"actor\" in a holding");
    t = model(R"("delegations": [{"from": "ks", "mandate": "m"}])");
    CHECK(where(t) == at(t, "{\"from\"") + " /delegations/0 | missing required key \"to\" in a delegation");
    t = model(R"("forums": [{"name": "råd"}])");
    CHECK(where(t) == at(t, "{\"name\"") + " /forums/0 | missing required key \"id\" in a forum");
    t = model(R"("duties": [{"id": "d", "requries": []}])");
    CHECK(where(t) == at(t, "\"requries\"") +
                          " /duties/0/requries | unknown key \"requries\" in a duty; did you mean \"requires\"?");
    t = model(R"("holdings": [])");
    CHECK(where(t) ==
          at(t, "\"holdings\"") + " /holdings | unknown key \"holdings\" in the top level; did you mean \"holds\"?");
    t = model(R"("actors": [{"id": "ks", "description": "x"}])");
    CHECK_THAT(where(t),
               samverkan_test::starts_with(
                   at(t, "\"description\"") +
                   " /actors/0/description | unknown key \"description\" in an actor: only the model as a whole"));
    t = model(R"("duties": [{"id": "d", "raci": {"X": []}}])");
    CHECK(where(t) == at(t, "\"X\"") + " /duties/0/raci/X | unknown RACI role \"X\" (the roles are R, A, C and I)");
    t = model(R"("duties": [{"id": "d", "raci": {"r": []}}])");
    CHECK(where(t) ==
          at(t, "\"r\"") +
              " /duties/0/raci/r | unknown RACI role \"r\" (the roles are R, A, C and I); did you mean \"R\"?");
    t = model(R"("forums": [{"id": "f", "xyz": 1}])");
    CHECK(where(t) == at(t, "\"xyz\"") + " /forums/0/xyz | unknown key \"xyz\" in a forum (the keys are: id, name, "
                                         "model, members, coordinator, covers, scope, attributes)");
    t = R"({"format": "samverkan/2", "actors": [{"id": "ks"}]})";
    CHECK(
        where(t) ==
        at(t, "\"samverkan/2\"") +
            " /format | unknown format \"samverkan/2\"; this reader understands \"samverkan/1\" and \"samverkan/1.1\"");
    CHECK(where(R"({"format": 1})") == "1:12 /format | expected a string, found a number (1)");
}

TEST_CASE("duplicate ids within a kind, but the same id in two kinds is fine") {
    std::string t = model(R"("actors": [{"id": "ks"},
 {"id": "ks", "name": "igen"}])");
    CHECK(
        where(t) ==
        at(t, "\"ks\"", 2) +
            " /actors/1/id | duplicate actor id \"ks\" (first at /actors/0, line 1); ids must be unique within a kind");
    CHECK(at(t, "\"ks\"", 2) == "2:9");
    t = model(R"("stages": [{"id": "s1"}, {"id": "s1"}])");
    CHECK(
        where(t) ==
        at(t, "\"s1\"", 2) +
            " /stages/1/id | duplicate stage id \"s1\" (first at /stages/0, line 1); ids must be unique within a kind");
    t = model(R"("forums": [{"id": "f"}, {"id": "f"}])");
    CHECK(
        where(t) ==
        at(t, "\"f\"", 2) +
            " /forums/1/id | duplicate forum id \"f\" (first at /forums/0, line 1); ids must be unique within a kind");
    CHECK(where(model(
              R"("stages": [{"id": "x"}], "scopes": [{"id": "x"}], "actors": [{"id": "x"}], "mandates": [{"id": "x"}],
        "duties": [{"id": "x"}], "forums": [{"id": "x"}])")) == "(loaded)");
}

TEST_CASE("unknown references: the kind expected, another kind with that id, and a suggestion") {
    std::string t = model(R"("stages": [{"id": "lagesbild"}], "duties": [{"id": "d", "requires": ["lagesbild"]}])");
    CHECK(where(t) ==
          at(t, "\"lagesbild\"", 2) +
              " /duties/0/requires/0 | unknown mandate \"lagesbild\" (there is a stage with that id, but no mandate)");
    t = model(R"("stages": [{"id": "x"}], "scopes": [{"id": "x"}], "actors": [{"id": "x"}],
        "duties": [{"id": "d", "requires": ["x"]}])");
    CHECK(where(t) == at(t, "\"x\"", 4) + " /duties/0/requires/0 | unknown mandate \"x\" (there is a stage, a scope "
                                          "and an actor with that id, but no mandate)");
    t = model(
        R"("mandates": [{"id": "leda"}], "actors": [{"id": "ks"}], "holds": [{"actor": "ks", "mandate": "Leda"}])");
    CHECK(where(t) == at(t, "\"Leda\"") + " /holds/0/mandate | unknown mandate \"Leda\"; did you mean \"leda\"?");
    t = model(R"("scopes": [{"id": "kommun", "within": "lan"}])");
    CHECK(where(t) == at(t, "\"lan\"") + " /scopes/0/within | unknown scope \"lan\"");
    t = model(R"("stages": [{"id": "lagesbild"}, {"id": "plan", "after": ["lagsbild"]}])");
    CHECK(where(t) ==
          at(t, "\"lagsbild\"") + " /stages/1/after/0 | unknown stage \"lagsbild\"; did you mean \"lagesbild\"?");
    t = model(R"("duties": [{"id": "plan"}], "forums": [{"id": "rad", "covers": ["plan", "lagesbild"]}])");
    CHECK(where(t) == at(t, "\"lagesbild\"") + " /forums/0/covers/1 | unknown duty \"lagesbild\"");
    t = model(R"("duties": [{"id": "a", "needs": ["b"]}])");
    CHECK(where(t) == at(t, "\"b\"") + " /duties/0/needs/0 | unknown duty \"b\"");
    t = model(R"("duties": [{"id": "a", "stage": "s"}])");
    CHECK(where(t) == at(t, "\"s\"") + " /duties/0/stage | unknown stage \"s\"");
    t = model(R"("duties": [{"id": "a", "scope": "s"}])");
    CHECK(where(t) == at(t, "\"s\"") + " /duties/0/scope | unknown scope \"s\"");
    t = model(R"("forums": [{"id": "f", "scope": "s"}])");
    CHECK(where(t) == at(t, "\"s\"") + " /forums/0/scope | unknown scope \"s\"");
    t = model(R"("forums": [{"id": "f", "coordinator": "f"}])");
    CHECK(where(t) == at(t, "\"f\"", 2) +
                          " /forums/0/coordinator | unknown actor \"f\" (there is a forum with that id, but no actor)");
    t = model(
        R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "delegations": [{"from": "ks", "to": "sf", "mandate": "m"}])");
    CHECK(where(t) == at(t, "\"sf\"") + " /delegations/0/to | unknown actor \"sf\"");
    t = model(
        R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "holds": [{"actor": "ks", "mandate": "m", "stages": ["s"]}])");
    CHECK(where(t) == at(t, "\"s\"") + " /holds/0/stages/0 | unknown stage \"s\"");
    t = model(
        R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "delegations": [{"from": "ks", "to": "ks", "mandate": "m", "scope": "s"}])");
    CHECK(where(t) == at(t, "\"s\"") + " /delegations/0/scope | unknown scope \"s\"");
}

TEST_CASE("did you mean: by case, by spelling, by name; never a far-fetched guess") {
    std::string const actors =
        R"("actors": [{"id": "ks", "name": "Kommunstyrelsen"}, {"id": "lpo", "name": "Lokalpolisområdet"},
        {"id": "samordnare", "name": "Samordnaren"}], )";
    auto hint = [&](std::string_view ref) {
        return where(model(actors + R"("duties": [{"id": "d", "raci": {"A": [")" + std::string{ref} + R"("]}}])"));
    };
    CHECK_THAT(hint("KS"), samverkan_test::ends_with("unknown actor \"KS\"; did you mean \"ks\"?"));
    CHECK_THAT(hint("samordnaer"), samverkan_test::ends_with("; did you mean \"samordnare\"?"));
    CHECK_THAT(hint("polis"), samverkan_test::ends_with("; did you mean \"lpo\"?"));
    CHECK_THAT(hint("kommunstyrelsen"), samverkan_test::ends_with("; did you mean \"ks\"?"));
    CHECK_THAT(hint("xyz"), samverkan_test::ends_with("unknown actor \"xyz\""));
    CHECK_THAT(hint("sf"), samverkan_test::ends_with("unknown actor \"sf\""));
}

TEST_CASE("escaped references are located at their own quote") {
    std::string const t =
        model(R"("actors": [{"id": "ks"}], "duties": [{"id": "d", "raci": {"A": ["k\u0073", "\u006c"]}}])");
    CHECK(where(t) == at(t, "\"\\u006c\"") + " /duties/0/raci/A/1 | unknown actor \"l\"");
}

TEST_CASE("the same actor twice in one RACI list or in members; in two roles it is fine") {
    std::string t = model(
        R"("actors": [{"id": "ks"}, {"id": "lpo"}], "duties": [{"id": "d", "raci": {"R": ["lpo", "ks", "lpo"], "A": ["ks"]}}])");
    CHECK(where(t) ==
          at(t, "\"lpo\"", 3) +
              " /duties/0/raci/R/2 | actor \"lpo\" is listed twice in RACI role R (also at /duties/0/raci/R/0)");
    t = model(
        R"("actors": [{"id": "ks"}, {"id": "lpo"}], "forums": [{"id": "f", "coordinator": "ks", "members": ["ks", "lpo", "ks"]}])");
    CHECK(where(t) ==
          at(t, "\"ks\"", 4) +
              " /forums/0/members/2 | actor \"ks\" is listed twice in members (also at /forums/0/members/0)");
    CHECK(
        where(model(
            R"("actors": [{"id": "ks"}], "duties": [{"id": "d", "raci": {"R": ["ks"], "A": ["ks"], "C": ["ks"], "I": ["ks"]}}])")) ==
        "(loaded)");
}

TEST_CASE("cycles of after and within links name the whole cycle") {
    std::string t = model(
        R"("stages": [{"id": "s1", "after": ["s3"]}, {"id": "s2", "after": ["s1"]}, {"id": "s3", "after": ["s2"]}])");
    CHECK(where(t) == at(t, "\"s3\"") + " /stages/0/after/0 | the \"after\" links form a cycle: \"s1\" comes after "
                                        "\"s3\", which comes after \"s2\", "
                                        "which comes after \"s1\"");
    t = model(R"("stages": [{"id": "s1"}, {"id": "s2", "after": ["s1", "s2"]}])");
    CHECK(where(t) == at(t, "\"s2\"", 2) + " /stages/1/after/1 | stage \"s2\" is listed as coming after itself");
    t = model(R"("stages": [{"id": "a"}, {"id": "b", "after": ["a", "c"]}, {"id": "c", "after": ["b"]}])");
    CHECK(
        where(t) ==
        at(t, "\"c\"") +
            " /stages/1/after/1 | the \"after\" links form a cycle: \"b\" comes after \"c\", which comes after \"b\"");
    t = model(R"("scopes": [{"id": "kommun", "within": "centrum"}, {"id": "centrum", "within": "kommun"}])");
    CHECK(where(t) == at(t, "\"centrum\"") + " /scopes/0/within | the \"within\" links form a cycle: \"kommun\" lies "
                                             "within \"centrum\", which lies within \"kommun\"");
    t = model(R"("scopes": [{"id": "kommun"}, {"id": "centrum", "within": "centrum"}])");
    CHECK(where(t) ==
          at(t, "\"centrum\"", 2) + " /scopes/1/within | scope \"centrum\" is listed as lying within itself");
    // A diamond is not a cycle.
    CHECK(
        where(model(
            R"("stages": [{"id": "a"}, {"id": "b", "after": ["a"]}, {"id": "c", "after": ["a"]}, {"id": "d", "after": ["b", "c"]}])")) ==
        "(loaded)");
}

TEST_CASE("a long cycle is shortened in the message") {
    std::string stages;
    for (int i = 0; i < 30; ++i)
        stages += (i ? ", " : "") + std::string{"{\"id\": \"s"} + std::to_string(i) + "\", \"after\": [\"s" +
                  std::to_string((i + 1) % 30) + "\"]}";
    auto const e = load_failure(model("\"stages\": [" + stages + "]"));
    REQUIRE(e);
    CHECK_THAT(e->message(), samverkan_test::contains("\"s11\", which comes after \"s12\", ... (30 in all)"));
    CHECK(e->json_path() == "/stages/0/after/0");
}

TEST_CASE("errors come in the order of the file; references are checked after it") {
    // The unknown actor comes first in the file, but the duplicate key is a JSON error found while reading.
    CHECK_THAT(
        where(model(R"("duties": [{"id": "d", "raci": {"A": ["nobody"]}}], "actors": [{"id": "a", "id": "b"}])")),
        samverkan_test::contains("duplicate key"));
    CHECK_THAT(
        where(model(R"("actors": [{"id": "a"}, {"id": "a"}], "duties": [{"id": "d", "raci": {"A": ["nobody"]}}])")),
        samverkan_test::contains("duplicate actor id"));
}

TEST_CASE("deep nesting: 64 levels load, beyond 512 is a clear error, 100000 levels do not crash") {
    auto nested = [](int levels) {
        std::string open, close;
        for (int i = 0; i < levels; ++i) {
            open += "{\"n\": [";
            close += "]}";
        }
        return model(R"("attributes": {"djup": [)" + open + "1" + close + "]}");
    };
    CHECK(where(nested(31)) == "(loaded)");  // 31 x 2 + 3 = 65 levels
    CHECK(where(nested(254)) == "(loaded)"); // 511 levels
    CHECK_THAT(where(nested(256)), samverkan_test::contains("nesting deeper than 512 levels"));
    CHECK_THAT(where(model(R"("attributes": {"a": )" + std::string(100000, '['))),
               samverkan_test::contains("nesting deeper than 512 levels"));
    CHECK_THAT(where(model(R"("actors": )" + std::string(100000, '['))),
               samverkan_test::contains("expected an object (an actor), found an array"));
}

} // namespace samverkan_tests_json_errors_test
