// Reading and writing model files: what is read, the canonical form, and round trips.
#include "catch.hpp"
#include "json_test_support.hpp"

#include <samverkan/io/json.hpp>
#include <samverkan/model.hpp>

#include <sstream>
#include <string>

namespace samverkan_tests_json_roundtrip_test { // one per file: the tests are built as a unity build

using samverkan_json_test::dump;
using namespace samverkan;

TEST_CASE("every conformance model round-trips: load, write, load gives an equal model and writing is idempotent") {
    auto const files = samverkan_json_test::conformance_models("cases");
    REQUIRE(files.size() >= 50);
    for (auto const& file : files) {
        INFO(file.filename().string());
        model const first = io::read_json_file(file);
        std::string const written = io::to_json(first);
        model const second = io::read_json(written, "rewritten");
        CHECK(dump(second) == dump(first));
        CHECK(io::to_json(second) == written);
    }
}

TEST_CASE("read_json reads every key of the format into the model") {
    model const m = io::read_json(
        samverkan_json_test::read_text(samverkan_json_test::conformance_dir() / "cases/110-example-model.json"));
    CHECK(m.name() == "Exempelkommun: lägesbild till åtgärdsplan");
    auto const ks = m.find<actor_id>("ks").value();
    auto const sf = m.find<actor_id>("sf").value();
    auto const lpo = m.find<actor_id>("lpo").value();
    auto const leda = m.find<mandate_id>("leda").value();
    auto const kommun = m.find<scope_id>("kommun").value();
    auto const centrum = m.find<scope_id>("centrum").value();
    auto const s_lagesbild = m.find<stage_id>("lagesbild").value();
    auto const s_plan = m.find<stage_id>("atgardsplan").value();
    auto const d_lagesbild = m.find<duty_id>("lagesbild").value();
    auto const d_plan = m.find<duty_id>("plan").value();
    auto const rad = m.find<forum_id>("brottsforebyggande-rad").value();

    CHECK(m[lpo].category == "stat");
    CHECK(m[leda].basis == "KL 6 kap. 1 §");
    CHECK(m[leda].exclusive);
    CHECK(m[leda].delegable);
    CHECK(m.parent(centrum) == kommun);
    CHECK(dump(m).find("stage <atgardsplan> name=Åtgärdsplan attributes= after: <lagesbild>") != std::string::npos);
    (void)s_plan;
    REQUIRE(m.holdings().size() == 1);
    CHECK(m.holding(holding_id{0}).actor == ks);
    CHECK(m.holding(holding_id{0}).where.scope == kommun);
    REQUIRE(m.delegations().size() == 1);
    CHECK(m.delegation(delegation_id{0}).to == sf);
    CHECK_FALSE(m.delegation(delegation_id{0}).explicit_grant());
    CHECK(m.stage_of(d_lagesbild) == s_lagesbild);
    CHECK(m.scope_of(d_plan) == std::nullopt);
    CHECK(m[d_lagesbild].basis == "Lag (2023:196) 4 §");
    CHECK(dump(m).find("raci: R<sf> A<ks> C<lpo>") != std::string::npos);
    CHECK(m.coordinator(rad) == sf);
    CHECK(dump(m).find("members: <ks> <lpo> covers: <lagesbild> <plan>") != std::string::npos);
}

TEST_CASE("attributes of every owner are kept: any JSON, numbers verbatim, key order kept, strings canonical") {
    std::string const text = R"({"format": "samverkan/1",
        "attributes": {"z": 1, "a": [1.50, -0, 1E+400, 123456789012345678901234567890], "t": "\u00e5\/", "n": null, "e": {}, "l": []},
        "actors": [{"id": "ks", "attributes": {"x": true}}],
        "mandates": [{"id": "m"}],
        "holds": [{"actor": "ks", "mandate": "m", "attributes": {"beslut": "KS § 12"}}],
        "delegations": [{"from": "ks", "to": "ks", "mandate": "m", "attributes": {}}]})";
    model const m = io::read_json(text);
    CHECK(m.attributes() ==
          R"({"z":1,"a":[1.50,-0,1E+400,123456789012345678901234567890],"t":"å/","n":null,"e":{},"l":[]})");
    CHECK(m[actor_id{0}].attributes == R"({"x":true})");
    CHECK(m.holding(holding_id{0}).attributes == R"({"beslut":"KS § 12"})");
    CHECK(m.delegation(delegation_id{0}).attributes == "{}"); // present but empty is kept
    std::string const written = io::to_json(m);
    CHECK(written.find(R"(    "a": [
      1.50,
      -0,
      1E+400,
      123456789012345678901234567890
    ],)") != std::string::npos);
    CHECK(written.find(R"("e": {},
    "l": [])") != std::string::npos);
    CHECK(dump(io::read_json(written)) == dump(m));
}

TEST_CASE("the canonical form: fixed key order, defaults left out, booleans written, two-space layout") {
    model m;
    auto const s1 = m.add_stage({.id = "s1"});
    auto const s2 = m.add_stage({.id = "s2", .name = "Två"});
    m.order(s2, s1);
    auto const kommun = m.add_scope({.id = "kommun"});
    auto const ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto const lpo = m.add_actor({.id = "lpo"});
    auto const leda = m.add_mandate({.id = "leda", .exclusive = true});
    m.grant(ks, leda, {.scope = kommun, .stages = {s2, s1}});
    m.delegate(ks, lpo, leda);
    auto const d = m.add_duty({.id = "d", .optional = true}, {.stage = s2});
    m.require(d, leda);
    m.assign(lpo, d, raci::informed);
    m.assign(ks, d, raci::accountable);
    auto const f = m.add_forum({.id = "f", .model = "EST"}, {.scope = kommun});
    m.add_member(f, lpo);
    m.set_coordinator(f, ks);
    m.set_name("Test \"quoted\"\n");

    std::string const expected = R"({
  "format": "samverkan/1",
  "name": "Test \"quoted\"\n",
  "stages": [
    {
      "id": "s1"
    },
    {
      "id": "s2",
      "name": "Två",
      "after": [
        "s1"
      ]
    }
  ],
  "scopes": [
    {
      "id": "kommun"
    }
  ],
  "actors": [
    {
      "id": "ks",
      "name": "Kommunstyrelsen"
    },
    {
      "id": "lpo"
    }
  ],
  "mandates": [
    {
      "id": "leda",
      "exclusive": true,
      "delegable": true
    }
  ],
  "holds": [
    {
      "actor": "ks",
      "mandate": "leda",
      "scope": "kommun",
      "stages": [
        "s1",
        "s2"
      ]
    }
  ],
  "delegations": [
    {
      "from": "ks",
      "to": "lpo",
      "mandate": "leda"
    }
  ],
  "duties": [
    {
      "id": "d",
      "stage": "s2",
      "requires": [
        "leda"
      ],
      "optional": true,
      "raci": {
        "A": [
          "ks"
        ],
        "I": [
          "lpo"
        ]
      }
    }
  ],
  "forums": [
    {
      "id": "f",
      "model": "EST",
      "members": [
        "lpo"
      ],
      "coordinator": "ks",
      "scope": "kommun"
    }
  ]
}
)";
    CHECK(io::to_json(m) == expected);
    std::ostringstream os;
    io::write_json(os, m);
    CHECK(os.str() == expected);
    CHECK(dump(io::read_json(expected)) == dump(m));
}

TEST_CASE("an empty model writes as the format line only") {
    CHECK(io::to_json(model{}) == "{\n  \"format\": \"samverkan/1\"\n}\n");
}

TEST_CASE("ids may be any string: empty, escaped, differing only by Unicode normalisation") {
    std::string const text =
        "{\"format\": \"samverkan/1\", \"actors\": [{\"id\": \"\"}, {\"id\": \"\xc3\xa5\"}, {\"id\": \"a\xcc\x8a\"},"
        " {\"id\": \"tab\\there \\\"q\\\" \\u0001\"}], \"duties\": [{\"id\": \"\", \"raci\": {\"R\": [\"\\u00e5\", "
        "\"\"], "
        "\"A\": [\"a\\u030a\", \"tab\\there \\\"q\\\" \\u0001\"]}}]}";
    model const m = io::read_json(text);
    REQUIRE(m.count<actor_id>() == 4);
    CHECK(m.find<actor_id>("") == actor_id{0});
    CHECK(m.find<actor_id>("\xc3\xa5") == actor_id{1});
    CHECK(m.find<actor_id>("a\xcc\x8a") == actor_id{2});
    CHECK(m.find<actor_id>("tab\there \"q\" \x01") == actor_id{3});
    CHECK(dump(m).find("raci: R<\xc3\xa5> R<> A<a\xcc\x8a> A<tab\there \"q\" \x01>") != std::string::npos);
    std::string const written = io::to_json(m);
    CHECK(written.find(R"("id": "tab\there \"q\" \u0001")") != std::string::npos);
    CHECK(dump(io::read_json(written)) == dump(m));
    CHECK(io::to_json(io::read_json(written)) == written);
}

TEST_CASE("duplicates inside after, stages, requires, needs and covers are read as sets") {
    std::string const text = R"({"format": "samverkan/1",
        "stages": [{"id": "s1"}, {"id": "s2", "after": ["s1", "s1"]}],
        "actors": [{"id": "ks"}],
        "mandates": [{"id": "m"}],
        "holds": [{"actor": "ks", "mandate": "m", "stages": ["s2", "s1", "s2"]}],
        "duties": [{"id": "d", "requires": ["m", "m"], "needs": ["e", "e"]}, {"id": "e"}],
        "forums": [{"id": "f", "covers": ["d", "d", "e"], "coordinator": "ks", "members": ["ks"]}]})";
    model const m = io::read_json(text);
    std::string const d = dump(m);
    CHECK(d.find("stage <s2> name= attributes= after: <s1>\n") != std::string::npos);
    CHECK(d.find("holds <ks> <m> - @ <s1> <s2> ") != std::string::npos);
    CHECK(d.find("requires: <m> needs: <e> raci:") != std::string::npos);
    CHECK(d.find("members: <ks> covers: <d> <e>") != std::string::npos); // a coordinator may also be a member
    CHECK(m.relation_count(relation_kind::after) == 1);
}

TEST_CASE("empty lists and an empty stages list are the same as none") {
    model const m = io::read_json(R"({"format": "samverkan/1", "stages": [], "actors": [{"id": "ks"}],
        "mandates": [{"id": "m"}], "holds": [{"actor": "ks", "mandate": "m", "stages": []}],
        "delegations": [{"from": "ks", "to": "ks", "mandate": "m", "stages": []}],
        "duties": [{"id": "d", "raci": {"R": [], "A": ["ks"], "C": [], "I": []}}]})");
    CHECK(m.holding(holding_id{0}).where.every_stage());
    CHECK_FALSE(m.delegation(delegation_id{0}).explicit_grant());
    CHECK(io::to_json(m).find("\"stages\"") == std::string::npos);
}

TEST_CASE("references may point forward, also across kinds listed later") {
    model const m = io::read_json(R"({"format": "samverkan/1",
        "forums": [{"id": "f", "scope": "inner", "coordinator": "ks"}],
        "duties": [{"id": "d", "stage": "late", "scope": "inner", "raci": {"A": ["ks"]}}],
        "stages": [{"id": "late", "after": ["early"]}, {"id": "early"}],
        "scopes": [{"id": "inner", "within": "outer"}, {"id": "outer"}],
        "actors": [{"id": "ks"}]})");
    CHECK(m.parent(m.find<scope_id>("inner").value()) == m.find<scope_id>("outer"));
    CHECK(m.stage_of(duty_id{0}) == m.find<stage_id>("late"));
    CHECK(m.scope_of(forum_id{0}) == m.find<scope_id>("inner"));
}

TEST_CASE("long chains of stages and scopes load in linear time and keep their order") {
    std::string text = R"({"format": "samverkan/1", "stages": [)";
    int const n = 20000;
    for (int i = 0; i < n; ++i)
        text += (i ? "," : "") + std::string{"{\"id\": \"s"} + std::to_string(i) + "\"" +
                (i ? ", \"after\": [\"s" + std::to_string(i - 1) + "\"]" : "") + "}";
    text += R"(], "scopes": [)";
    for (int i = 0; i < n; ++i)
        text += (i ? "," : "") + std::string{"{\"id\": \"c"} + std::to_string(i) + "\"" +
                (i + 1 < n ? ", \"within\": \"c" + std::to_string(i + 1) + "\"" : "") + "}";
    text += "]}";
    model const m = io::read_json(text);
    CHECK(m.relation_count(relation_kind::after) == static_cast<std::size_t>(n - 1));
    CHECK(m.relation_count(relation_kind::within) == static_cast<std::size_t>(n - 1));
    CHECK(io::to_json(io::read_json(io::to_json(m))) == io::to_json(m));
}

TEST_CASE("the writer refuses text that would not be valid JSON") {
    model m;
    auto const a = m.add_actor({.id = "ks",
                                .name = "Lokalpolisomr\xe5"
                                        "det"});
    CHECK_THROWS_WITH(io::to_json(m), samverkan_test::contains("not valid UTF-8"));
    m.update(a, {.id = "ks", .attributes = "[1, 2]"});
    CHECK_THROWS_WITH(io::to_json(m),
                      samverkan_test::contains("attributes of actor \"ks\": they must be a JSON object"));
    m.update(a, {.id = "ks", .attributes = "{\"a\": 1,}"});
    CHECK_THROWS_WITH(io::to_json(m), samverkan_test::contains("not valid JSON (trailing comma"));
    m.update(a, {.id = "ks", .attributes = " {\"a\" : [ 1 ] } "});
    CHECK(io::to_json(m).find("\"attributes\": {\n        \"a\": [\n          1\n        ]\n      }") !=
          std::string::npos);
}

TEST_CASE("read_json_file names the file in errors and reports unreadable files without a position") {
    auto const missing = std::filesystem::temp_directory_path() / "samverkan-no-such-file.json";
    try {
        (void)io::read_json_file(missing);
        FAIL("no error");
    } catch (io::load_error const& e) {
        CHECK(e.source() == missing.string());
        CHECK(e.line() == 0);
        CHECK_THAT(e.what(), samverkan_test::contains("cannot read the file: No such file or directory"));
    }
    auto const file = samverkan_json_test::conformance_dir() / "invalid/024-unknown-actor-in-raci.json";
    try {
        (void)io::read_json_file(file);
        FAIL("no error");
    } catch (io::load_error const& e) {
        CHECK(e.source() == file.string());
        CHECK(std::string{e.what()} ==
              file.string() + ":18:11: /duties/0/raci/R/0: unknown actor \"polis\"; did you mean \"lpo\"?");
    }
}

} // namespace samverkan_tests_json_roundtrip_test
