// Load errors: every kind the contract lists, with its line, column, JSON path and message.
#include "catch.hpp"
#include "json_test_support.hpp"

#include <samverkan/io/json.hpp>

#include <string>
#include <string_view>

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

} // namespace

TEST_CASE("what() puts the source, line, column and path before the message") {
    auto const e = load_failure(model(R"("actors": [{"id": "ks"}, {"id": "lpo", "name": "Lokalpolisområdet"}],
"duties": [{"id": "d", "raci": {"R": ["polis"]}}])"), "kommun.json");
    REQUIRE(e);
    CHECK(std::string{e->what()} == R"(kommun.json:2:33: /duties/0/raci/R/0: unknown actor "polis"; did you mean "lpo"?)");
    CHECK(e->source() == "kommun.json");
    CHECK(e->line() == 2);
    CHECK(e->column() == 33);
    CHECK(e->json_path() == "/duties/0/raci/R/0");
    CHECK(e->message() == R"(unknown actor "polis"; did you mean "lpo"?)");
    samverkan::error const& base = *e; // one exception base for the library
    CHECK_THAT(base.what(), Catch::StartsWith("kommun.json:2:33: "));
}

TEST_CASE("not JSON: each strict-JSON point is an error at its place") {
    CHECK(where("") == "1:1  | empty input: expected a JSON value");
    CHECK(where(R"({"format": "samverkan/1", "actors": [{"id": "ks"})") ==
          "1:49 /actors | unexpected end of input inside an array (is the file truncated?)");
    CHECK(where(model(R"("actors": [{"id": "ks", "id": "lpo"}])")) ==
          "1:50 /actors/0/id | duplicate key \"id\" in one object (first at line 1, column 39); JSON objects need unique keys");
    CHECK(where(model(R"("attributes": {"a": {"b": 1, "b": 2}})")) ==
          "1:52 /attributes/a/b | duplicate key \"b\" in one object (first at line 1, column 44); JSON objects need unique keys");
    CHECK_THAT(where(model(R"("actors": [{"id": "ks"},])")), Catch::StartsWith("1:51 /actors/0 | trailing comma before ']'"));
    CHECK_THAT(where("// kommun\n{\"format\": \"samverkan/1\"}"), Catch::StartsWith("1:1  | comments are not allowed"));
    CHECK_THAT(where(model(R"("attributes": {"andel": NaN})")), Catch::StartsWith("1:51 /attributes/andel | NaN and Infinity"));
    CHECK_THAT(where("\xEF\xBB\xBF{\"format\": \"samverkan/1\"}"), Catch::StartsWith("1:1  | the text starts with a byte-order mark"));
    CHECK_THAT(where(model("\"name\": \"Lokalpolisomr\xe5" "det\"")), Catch::StartsWith("1:49 /name | invalid UTF-8 (byte 0xE5)"));
    CHECK_THAT(where(model(R"("name": "trasig \ud800 text")")), Catch::StartsWith("1:43 /name | lone high surrogate \\ud800"));
    CHECK_THAT(where(model(R"("name": "x"} {)")), Catch::Contains("after the end of the JSON value"));
}

TEST_CASE("wrong types, null for an optional key included") {
    CHECK(where(R"([{"format": "samverkan/1"}])") == "1:1  | expected an object (a samverkan model) at the top level, found an array");
    CHECK(where(model(R"("duties": [{"id": "d", "optional": null}])")) ==
          "1:53 /duties/0/optional | expected true or false, found null; leave the key out instead of writing null");
    CHECK(where(model(R"("mandates": [{"id": "m", "exclusive": "true"}])")) ==
          "1:56 /mandates/0/exclusive | expected true or false, found a string (\"true\")");
    CHECK(where(model(R"("actors": [{"id": 7}])")) == "1:45 /actors/0/id | expected a string, found a number (7)");
    CHECK(where(model(R"("duties": [{"id": "d", "raci": {"R": "ks"}}])")) ==
          "1:59 /duties/0/raci/R | expected an array, found a string (\"ks\")");
    CHECK(where(model(R"("actors": [{"id": "ks", "attributes": ["kommun"]}])")) ==
          "1:63 /actors/0/attributes | expected an object (attributes hold any JSON, inside an object), found an array");
    CHECK(where(model(R"("actors": {"id": "ks"})")) == "1:37 /actors | expected an array, found an object");
    CHECK(where(model(R"("actors": ["ks"])")) == "1:38 /actors/0 | expected an object (an actor), found a string (\"ks\")");
    CHECK(where(model(R"("scopes": [{"id": "a", "within": ["b"]}])")) == "1:61 /scopes/0/within | expected a string, found an array");
    CHECK(where(model(R"("stages": [{"id": "a", "after": [1]}])")) == "1:60 /stages/0/after/0 | expected a string (an id), found a number (1)");
    CHECK(where(R"({"format": "samverkan/1", "name": 123456789012345678901234567890})") ==
          "1:35 /name | expected a string, found a number (123456789012345678901234567890)");
    CHECK(where(model(R"("duties": [{"id": "d", "raci": ["ks"]}])")) ==
          "1:55 /duties/0/raci | expected an object with the keys R, A, C and I, found an array");
}

TEST_CASE("missing required keys, unknown keys and an unknown format") {
    CHECK(where(R"({"name": "x"})") ==
          "1:1  | missing required key \"format\" at the top level (a model file starts with \"format\": \"samverkan/1\")");
    CHECK(where(model(R"("actors": [{"name": "Kommunstyrelsen"}])")) == "1:37 /actors/0 | missing required key \"id\" in an actor");
    CHECK(where(model(R"("holds": [{"actor": "ks"}])")) == "1:36 /holds/0 | missing required key \"mandate\" in a holding");
    CHECK(where(model(R"("holds": [{"mandate": "m"}])")) == "1:36 /holds/0 | missing required key \"actor\" in a holding");
    CHECK(where(model(R"("delegations": [{"from": "ks", "mandate": "m"}])")) ==
          "1:42 /delegations/0 | missing required key \"to\" in a delegation");
    CHECK(where(model(R"("forums": [{"name": "råd"}])")) == "1:37 /forums/0 | missing required key \"id\" in a forum");
    CHECK(where(model(R"("duties": [{"id": "d", "requries": []}])")) ==
          "1:49 /duties/0/requries | unknown key \"requries\" in a duty; did you mean \"requires\"?");
    CHECK(where(model(R"("holdings": [])")) == "1:27 /holdings | unknown key \"holdings\" in the top level; did you mean \"holds\"?");
    CHECK_THAT(where(model(R"("actors": [{"id": "ks", "description": "x"}])")),
               Catch::StartsWith("1:49 /actors/0/description | unknown key \"description\" in an actor: only the model as a whole"));
    CHECK_THAT(where(model(R"("duties": [{"id": "d", "raci": {"X": []}}])")),
               Catch::Equals("1:57 /duties/0/raci/X | unknown RACI role \"X\" (the roles are R, A, C and I)"));
    CHECK(where(model(R"("duties": [{"id": "d", "raci": {"r": []}}])")) ==
          "1:57 /duties/0/raci/r | unknown RACI role \"r\" (the roles are R, A, C and I); did you mean \"R\"?");
    CHECK(where(model(R"("forums": [{"id": "f", "xyz": 1}])")) ==
          "1:49 /forums/0/xyz | unknown key \"xyz\" in a forum (the keys are: id, name, model, members, coordinator, covers, scope, attributes)");
    CHECK(where(R"({"format": "samverkan/2", "actors": [{"id": "ks"}]})") ==
          "1:12 /format | unknown format \"samverkan/2\"; this reader understands \"samverkan/1\"");
    CHECK(where(R"({"format": 1})") == "1:12 /format | expected a string, found a number (1)");
}

TEST_CASE("duplicate ids within a kind, but the same id in two kinds is fine") {
    CHECK(where(model(R"("actors": [{"id": "ks"},
 {"id": "ks", "name": "igen"}])")) ==
          "2:9 /actors/1/id | duplicate actor id \"ks\" (first at /actors/0, line 1); ids must be unique within a kind");
    CHECK(where(model(R"("stages": [{"id": "s1"}, {"id": "s1"}])")) ==
          "1:55 /stages/1/id | duplicate stage id \"s1\" (first at /stages/0, line 1); ids must be unique within a kind");
    CHECK(where(model(R"("forums": [{"id": "f"}, {"id": "f"}])")) ==
          "1:55 /forums/1/id | duplicate forum id \"f\" (first at /forums/0, line 1); ids must be unique within a kind");
    CHECK(where(model(R"("stages": [{"id": "x"}], "scopes": [{"id": "x"}], "actors": [{"id": "x"}], "mandates": [{"id": "x"}],
        "duties": [{"id": "x"}], "forums": [{"id": "x"}])")) == "(loaded)");
}

TEST_CASE("unknown references: the kind expected, another kind with that id, and a suggestion") {
    CHECK(where(model(R"("stages": [{"id": "lagesbild"}], "duties": [{"id": "d", "requires": ["lagesbild"]}])")) ==
          "1:84 /duties/0/requires/0 | unknown mandate \"lagesbild\" (there is a stage with that id, but no mandate)");
    CHECK(where(model(R"("stages": [{"id": "x"}], "scopes": [{"id": "x"}], "actors": [{"id": "x"}],
        "duties": [{"id": "d", "requires": ["x"]}])")) ==
          "2:40 /duties/0/requires/0 | unknown mandate \"x\" (there is a stage, a scope and an actor with that id, but no mandate)");
    CHECK(where(model(R"("mandates": [{"id": "leda"}], "actors": [{"id": "ks"}], "holds": [{"actor": "ks", "mandate": "Leda"}])")) ==
          "1:108 /holds/0/mandate | unknown mandate \"Leda\"; did you mean \"leda\"?");
    CHECK(where(model(R"("scopes": [{"id": "kommun", "within": "lan"}])")) == "1:64 /scopes/0/within | unknown scope \"lan\"");
    CHECK(where(model(R"("stages": [{"id": "lagesbild"}, {"id": "plan", "after": ["lagsbild"]}])")) ==
          "1:86 /stages/1/after/0 | unknown stage \"lagsbild\"; did you mean \"lagesbild\"?");
    CHECK(where(model(R"("duties": [{"id": "plan"}], "forums": [{"id": "rad", "covers": ["plan", "lagesbild"]}])")) ==
          "1:100 /forums/0/covers/1 | unknown duty \"lagesbild\"");
    CHECK(where(model(R"("duties": [{"id": "a", "needs": ["b"]}])")) == "1:58 /duties/0/needs/0 | unknown duty \"b\"");
    CHECK(where(model(R"("duties": [{"id": "a", "stage": "s"}])")) == "1:58 /duties/0/stage | unknown stage \"s\"");
    CHECK(where(model(R"("duties": [{"id": "a", "scope": "s"}])")) == "1:58 /duties/0/scope | unknown scope \"s\"");
    CHECK(where(model(R"("forums": [{"id": "f", "scope": "s"}])")) == "1:58 /forums/0/scope | unknown scope \"s\"");
    CHECK(where(model(R"("forums": [{"id": "f", "coordinator": "f"}])")) ==
          "1:64 /forums/0/coordinator | unknown actor \"f\" (there is a forum with that id, but no actor)");
    CHECK(where(model(R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "delegations": [{"from": "ks", "to": "sf", "mandate": "m"}])")) ==
          "1:121 /delegations/0/to | unknown actor \"sf\"; did you mean \"ks\"?");
    CHECK(where(model(R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "holds": [{"actor": "ks", "mandate": "m", "stages": ["s"]}])")) ==
          "1:121 /holds/0/stages/0 | unknown stage \"s\"");
    CHECK(where(model(R"("actors": [{"id": "ks"}], "mandates": [{"id": "m"}], "delegations": [{"from": "ks", "to": "ks", "mandate": "m", "scope": "s"}])")) ==
          "1:137 /delegations/0/scope | unknown scope \"s\"");
}

TEST_CASE("escaped references are located at their own quote") {
    CHECK(where(model(R"("actors": [{"id": "ks"}], "duties": [{"id": "d", "raci": {"A": ["k\u0073", "\u006c"]}}])")) ==
          "1:96 /duties/0/raci/A/1 | unknown actor \"l\"");
}

TEST_CASE("the same actor twice in one RACI list or in members; in two roles it is fine") {
    CHECK(where(model(R"("actors": [{"id": "ks"}, {"id": "lpo"}], "duties": [{"id": "d", "raci": {"R": ["lpo", "ks", "lpo"], "A": ["ks"]}}])")) ==
          "1:111 /duties/0/raci/R/2 | actor \"lpo\" is listed twice in RACI role R (also at /duties/0/raci/R/0)");
    CHECK(where(model(R"("actors": [{"id": "ks"}, {"id": "lpo"}], "forums": [{"id": "f", "coordinator": "ks", "members": ["ks", "lpo", "ks"]}])")) ==
          "1:128 /forums/0/members/2 | actor \"ks\" is listed twice in members (also at /forums/0/members/0)");
    CHECK(where(model(R"("actors": [{"id": "ks"}], "duties": [{"id": "d", "raci": {"R": ["ks"], "A": ["ks"], "C": ["ks"], "I": ["ks"]}}])")) ==
          "(loaded)");
}

TEST_CASE("cycles of after and within links name the whole cycle") {
    CHECK(where(model(R"("stages": [{"id": "s1", "after": ["s3"]}, {"id": "s2", "after": ["s1"]}, {"id": "s3", "after": ["s2"]}])")) ==
          "1:53 /stages/0/after/0 | the \"after\" links form a cycle: \"s1\" comes after \"s3\", which comes after \"s2\", "
          "which comes after \"s1\"");
    CHECK(where(model(R"("stages": [{"id": "s1"}, {"id": "s2", "after": ["s1", "s2"]}])")) ==
          "1:77 /stages/1/after/1 | stage \"s2\" is listed as coming after itself");
    CHECK(where(model(R"("stages": [{"id": "a"}, {"id": "b", "after": ["a", "c"]}, {"id": "c", "after": ["b"]}])")) ==
          "1:73 /stages/1/after/1 | the \"after\" links form a cycle: \"b\" comes after \"c\", which comes after \"b\"");
    CHECK(where(model(R"("scopes": [{"id": "kommun", "within": "centrum"}, {"id": "centrum", "within": "kommun"}])")) ==
          "1:64 /scopes/0/within | the \"within\" links form a cycle: \"kommun\" lies within \"centrum\", which lies within \"kommun\"");
    CHECK(where(model(R"("scopes": [{"id": "kommun"}, {"id": "centrum", "within": "centrum"}])")) ==
          "1:86 /scopes/1/within | scope \"centrum\" is listed as lying within itself");
    // A diamond is not a cycle.
    CHECK(where(model(R"("stages": [{"id": "a"}, {"id": "b", "after": ["a"]}, {"id": "c", "after": ["a"]}, {"id": "d", "after": ["b", "c"]}])")) ==
          "(loaded)");
}

TEST_CASE("a long cycle is shortened in the message") {
    std::string stages;
    for (int i = 0; i < 30; ++i)
        stages += (i ? ", " : "") + std::string{"{\"id\": \"s"} + std::to_string(i) + "\", \"after\": [\"s" + std::to_string((i + 1) % 30) + "\"]}";
    auto const e = load_failure(model("\"stages\": [" + stages + "]"));
    REQUIRE(e);
    CHECK_THAT(e->message(), Catch::Contains("\"s11\", which comes after \"s12\", ... (30 in all)"));
    CHECK(e->json_path() == "/stages/0/after/0");
}

TEST_CASE("errors come in the order of the file; references are checked after it") {
    // The unknown actor comes first in the file, but the duplicate key is a JSON error found while reading.
    CHECK_THAT(where(model(R"("duties": [{"id": "d", "raci": {"A": ["nobody"]}}], "actors": [{"id": "a", "id": "b"}])")),
               Catch::Contains("duplicate key"));
    CHECK_THAT(where(model(R"("actors": [{"id": "a"}, {"id": "a"}], "duties": [{"id": "d", "raci": {"A": ["nobody"]}}])")),
               Catch::Contains("duplicate actor id"));
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
    CHECK(where(nested(30)) == "(loaded)"); // 30 x 2 + 3 levels
    CHECK(where(nested(254)) == "(loaded)"); // 511 levels
    CHECK_THAT(where(nested(256)), Catch::Contains("nesting deeper than 512 levels"));
    CHECK_THAT(where(model(R"("attributes": )" + std::string(100000, '['))), Catch::Contains("nesting deeper than 512 levels"));
    CHECK_THAT(where(model(R"("actors": )" + std::string(100000, '['))), Catch::Contains("expected an object (an actor), found an array"));
}
