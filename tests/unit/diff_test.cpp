// diff (analysis/diff.hpp, analytics.md 4): a model against itself is empty, the comparison is antisymmetric,
// elements compare by meaning (RACI lists and relations as sets, attributes as JSON values), holdings and
// delegations as multisets; and the JSON writer (io/diff_report.hpp).
#include "catch.hpp"

#include <samverkan/analysis/diff.hpp>
#include <samverkan/detail/json_canonical.hpp>
#include <samverkan/io/diff_report.hpp>
#include <samverkan/io/json.hpp>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan_tests_diff_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using strings = std::vector<std::string>;

model base() {
    model m;
    m.set_name("v1");
    auto s1 = m.add_stage({.id = "s1"});
    auto kommun = m.add_scope({.id = "kommun"});
    auto ks = m.add_actor({.id = "ks", .category = "kommun"});
    auto lpo = m.add_actor({.id = "lpo", .category = "stat"});
    auto leda = m.add_mandate({.id = "leda"});
    auto lb = m.add_duty({.id = "lb"}, {.stage = s1, .scope = kommun});
    m.require(lb, leda);
    m.assign(ks, lb, raci::accountable);
    m.assign(lpo, lb, raci::responsible);
    m.grant(ks, leda, {.scope = kommun});
    m.delegate(ks, lpo, leda);
    auto f = m.add_forum({.id = "bra"});
    m.add_member(f, ks);
    m.add_member(f, lpo);
    return m;
}

bool swapped(diff_report const& x, diff_report const& y) {
    auto const kinds = [](diff_report const& d) {
        return std::vector<element_changes const*>{&d.elements.stages,   &d.elements.scopes, &d.elements.actors,
                                                   &d.elements.mandates, &d.elements.duties, &d.elements.forums};
    };
    auto const kx = kinds(x), ky = kinds(y);
    for (std::size_t i = 0; i < kx.size(); ++i)
        if (kx[i]->added != ky[i]->removed || kx[i]->removed != ky[i]->added || kx[i]->changed != ky[i]->changed)
            return false;
    return x.model == y.model && x.holds.added == y.holds.removed && x.holds.removed == y.holds.added &&
           x.delegations.added == y.delegations.removed && x.delegations.removed == y.delegations.added &&
           x.findings.added.findings.size() == y.findings.removed.findings.size() &&
           x.findings.removed.findings.size() == y.findings.added.findings.size();
}

TEST_CASE("canonical_json sorts object keys at every level and keeps numbers as written", "[diff]") {
    CHECK(detail::canonical_json(R"({"b": 1, "a": {"y": [1.0, true], "x": null}})") ==
          R"({"a":{"x":null,"y":[1.0,true]},"b":1})");
    CHECK(detail::canonical_json("") == "{}");
    CHECK(detail::canonical_json("{ }") == "{}");
    CHECK(detail::canonical_json(R"({"a":"x,}y"})") == R"({"a":"x,}y"})");
    CHECK(detail::canonical_json(R"({"v":1})") != detail::canonical_json(R"({"v":1.0})"));
    CHECK(detail::canonical_json(R"(["q\"", 2])") == R"(["q\"",2])");
    CHECK_THROWS_AS(detail::canonical_json(R"({"a": [1, 2)"), samverkan::error);
}

TEST_CASE("a model compared with itself is empty", "[diff]") {
    auto const m = base();
    auto const d = diff(m, m);
    CHECK(d.empty());
    CHECK(d.from == std::optional<std::string>{"v1"});
    for (auto const& entry : std::filesystem::directory_iterator{SAMVERKAN_SOURCE_DIR "/examples/models"}) {
        if (entry.path().extension() != ".json") continue;
        auto const e = io::read_json_file(entry.path());
        INFO(entry.path());
        CHECK(diff(e, e).empty());
    }
}

TEST_CASE("element changes: a RACI role moved, an attribute, a relation, a placement", "[diff]") {
    auto const a = base();
    {
        auto b = base();
        auto lb = *b.find<duty_id>("lb");
        b.assign(*b.find<actor_id>("lpo"), lb, raci::consulted); // lpo is R and now also C
        auto const d = diff(a, b);
        CHECK(d.elements.duties.changed == strings{"lb"});
        CHECK(d.elements.actors.empty());
        CHECK(!d.empty());
    }
    {
        auto b = base(); // the same RACI entries added in another order: no change
        model c;
        c.set_name("v1");
        auto s1 = c.add_stage({.id = "s1"});
        auto kommun = c.add_scope({.id = "kommun"});
        auto lpo = c.add_actor({.id = "lpo", .category = "stat"});
        auto ks = c.add_actor({.id = "ks", .category = "kommun"});
        auto leda = c.add_mandate({.id = "leda"});
        auto f = c.add_forum({.id = "bra"});
        c.add_member(f, lpo);
        c.add_member(f, ks);
        auto lb = c.add_duty({.id = "lb"}, {.stage = s1, .scope = kommun});
        c.assign(lpo, lb, raci::responsible);
        c.assign(ks, lb, raci::accountable);
        c.require(lb, leda);
        c.delegate(ks, lpo, leda);
        c.grant(ks, leda, {.scope = kommun});
        CHECK(diff(b, c).empty());
    }
    {
        auto b = base();
        auto ks = *b.find<actor_id>("ks");
        b.update(ks, {.id = "ks", .category = "kommun", .attributes = R"({"b":1,"a":2})"});
        auto c = base();
        c.update(*c.find<actor_id>("ks"), {.id = "ks", .category = "kommun", .attributes = R"({"a":2,"b":1})"});
        CHECK(diff(b, c).empty()); // key order ignored
        CHECK(diff(a, b).elements.actors.changed == strings{"ks"});
        auto e = base();
        e.update(*e.find<actor_id>("ks"), {.id = "ks", .category = "kommun", .attributes = R"({"a":2.0,"b":1})"});
        CHECK(diff(b, e).elements.actors.changed == strings{"ks"}); // 2 and 2.0 differ
        auto empty_attributes = base();
        empty_attributes.update(*empty_attributes.find<actor_id>("ks"),
                                {.id = "ks", .category = "kommun", .attributes = "{}"});
        CHECK(diff(a, empty_attributes).empty()); // absent and {} are the same
    }
    {
        auto b = base();
        b.set_coordinator(*b.find<forum_id>("bra"), *b.find<actor_id>("ks"));
        CHECK(diff(a, b).elements.forums.changed == strings{"bra"});
    }
    {
        auto b = base();
        auto s2 = b.add_stage({.id = "s2"});
        b.order(s2, *b.find<stage_id>("s1"));
        auto const d = diff(a, b);
        CHECK(d.elements.stages.added == strings{"s2"});
        CHECK(d.elements.stages.changed.empty()); // s2 comes after s1: s2's `after` changed, s1 did not
    }
}

TEST_CASE("holdings and delegations are compared as multisets", "[diff]") {
    auto const a = base();
    auto b = base();
    auto ks = *b.find<actor_id>("ks");
    auto leda = *b.find<mandate_id>("leda");
    auto kommun = *b.find<scope_id>("kommun");
    b.grant(ks, leda, {.scope = kommun}); // the same holding listed twice
    auto const d = diff(a, b);
    REQUIRE(d.holds.added.size() == 1);
    CHECK(d.holds.removed.empty());
    CHECK(d.holds.added[0] == holding_entry{"ks", "leda", "kommun", {}, {}});
    CHECK(d.findings.added.findings.empty()); // duplicates change no finding
    auto const back = diff(b, a);
    CHECK(back.holds.removed == d.holds.added);

    auto c = base();
    c.delegate(*c.find<actor_id>("ks"), *c.find<actor_id>("lpo"), *c.find<mandate_id>("leda"));
    c.delegate(*c.find<actor_id>("ks"), *c.find<actor_id>("lpo"), *c.find<mandate_id>("leda"),
               {.stages = {*c.find<stage_id>("s1")}});
    auto const e = diff(a, c);
    REQUIRE(e.delegations.added.size() == 2);
    CHECK(e.delegations.added[0].stages.empty()); // [] sorts first
    CHECK(e.delegations.added[1].stages == strings{"s1"});
    CHECK(swapped(e, diff(c, a)));
}

TEST_CASE("diff is antisymmetric on random edits of random models", "[diff]") {
    std::mt19937 rng{20261206};
    for (int round = 0; round < 300; ++round) {
        model a;
        int const n = 2 + static_cast<int>(rng() % 5);
        std::vector<actor_id> actors;
        std::vector<duty_id> duties;
        std::vector<mandate_id> mandates;
        for (int i = 0; i < n; ++i) {
            actors.push_back(a.add_actor({.id = "a" + std::to_string(i)}));
            duties.push_back(a.add_duty({.id = "d" + std::to_string(i)}));
            mandates.push_back(a.add_mandate({.id = "m" + std::to_string(i)}));
        }
        auto const edit = [&](model& m, int count) {
            for (int k = 0; k < count; ++k) {
                auto const x = actor_id{static_cast<std::uint32_t>(rng() % n)};
                auto const y = duty_id{static_cast<std::uint32_t>(rng() % n)};
                auto const z = mandate_id{static_cast<std::uint32_t>(rng() % n)};
                switch (rng() % 4) {
                case 0: m.assign(x, y, static_cast<raci>(rng() % 4)); break;
                case 1: m.grant(x, z); break;
                case 2: m.require(y, z); break;
                default: m.delegate(x, actor_id{static_cast<std::uint32_t>(rng() % n)}, z); break;
                }
            }
        };
        edit(a, 6);
        model b = a;
        edit(b, 1 + static_cast<int>(rng() % 3));
        if (rng() % 3 == 0) b.add_actor({.id = "new"});
        auto const ab = diff(a, b);
        auto const ba = diff(b, a);
        CHECK(diff(a, a).empty());
        CHECK(swapped(ab, ba));
        CHECK(ab.empty() == ba.empty());
    }
}

TEST_CASE("diff JSON: every key, holdings with every key, null names", "[diff]") {
    auto const a = base();
    auto b = base();
    b.grant(*b.find<actor_id>("lpo"), *b.find<mandate_id>("leda"), {.stages = {*b.find<stage_id>("s1")}});
    std::ostringstream os;
    io::write_diff_json(os, a, b, diff(a, b));
    auto const text = os.str();
    CHECK(text.rfind("{\n  \"format\": \"samverkan-diff/1\",\n  \"from\": \"v1\",\n  \"to\": \"v1\",\n  \"model\": [],",
                     0) == 0);
    CHECK(text.find(R"("actor": "lpo",
        "mandate": "leda",
        "scope": null,
        "stages": [
          "s1"
        ],
        "attributes": {})") != std::string::npos);
    CHECK(text.find("\"removed\": {\n      \"summary\": {") != std::string::npos);
    model unnamed;
    std::ostringstream empty;
    io::write_diff_json(empty, unnamed, unnamed, diff(unnamed, unnamed));
    CHECK(empty.str().find("\"from\": null,\n  \"to\": null,") != std::string::npos);
}

} // namespace samverkan_tests_diff_test
