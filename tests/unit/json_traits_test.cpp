// The JSON reader and writer over a planning tool's own element types (basic_model<Traits>): described
// members under their own names, relation keys explicit, the unknown-key rule, default values for a file
// without the members, and located errors for bad values.
#include "catch.hpp"

#include <samverkan/io/json.hpp>
#include <samverkan/model.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_json_traits_test { // one per file: the tests are built as a unity build

using samverkan_test::contains;

enum class level : std::uint8_t { kommun, region, stat };
BOOST_DESCRIBE_ENUM(level, kommun, region, stat)

struct my_actor : samverkan::actor {
    std::int32_t budget_kkr = 7; // a non-zero default: a file without the key must keep it
    std::optional<level> tier;
    std::vector<std::string> phones;
    bool on_call = false;
};
BOOST_DESCRIBE_STRUCT(my_actor, (samverkan::actor), (budget_kkr, tier, phones, on_call))

/// A duty type of its own, not derived from the default (no basis, no attributes).
struct my_duty {
    std::string id;
    std::string name;
    bool optional = false;
    double hours = 1.5;
    std::uint16_t weight = 0;
};
BOOST_DESCRIBE_STRUCT(my_duty, (), (id, name, optional, hours, weight))

struct my_traits : samverkan::default_traits {
    using actor_type = my_actor;
    using duty_type = my_duty;
};
using my_model = samverkan::basic_model<my_traits>;

std::string located(std::string_view text) {
    try {
        (void)samverkan::io::read_json<my_traits>(text, "plan.json");
    } catch (samverkan::io::load_error const& e) {
        return e.what();
    }
    return "(loaded)";
}

TEST_CASE("own element types: described members round trip under their own names", "[json][traits]") {
    my_model n;
    my_actor a;
    a.id = "ks";
    a.name = "Kommunstyrelsen";
    a.budget_kkr = -12;
    a.tier = level::region;
    a.phones = {"112", "08-123"};
    a.attributes = R"({"x": 1})";
    auto const id = n.add_actor(a);
    auto const d = n.add_duty({.id = "d", .name = "", .optional = true, .hours = 0.25, .weight = 65535});
    n.assign(id, d, samverkan::raci::responsible);
    std::string const text = samverkan::io::to_json(n);
    // the default type's keys in the format's order, then the type's own, attributes last
    CHECK_THAT(text, contains(R"("id": "ks",
      "name": "Kommunstyrelsen",
      "budget_kkr": -12,
      "tier": "region",
      "phones": [
        "112",
        "08-123"
      ],
      "on_call": false,
      "attributes": {
        "x": 1
      })"));
    CHECK_THAT(text, contains(R"("id": "d",
      "optional": true,
      "raci": {
        "R": [
          "ks"
        ]
      },
      "hours": 0.25,
      "weight": 65535
    })"));
    auto const back = samverkan::io::read_json<my_traits>(text);
    auto const bid = *back.find<samverkan::actor_id>("ks");
    CHECK(back[bid].budget_kkr == -12);
    CHECK(back[bid].tier == level::region);
    CHECK(back[bid].phones == std::vector<std::string>{"112", "08-123"});
    CHECK(back[*back.find<samverkan::duty_id>("d")].weight == 65535);
    CHECK(samverkan::io::to_json(back) == text);
}

TEST_CASE("own element types: a samverkan/1 file without the members reads default values", "[json][traits]") {
    auto const m = samverkan::io::read_json<my_traits>(
        R"({"format": "samverkan/1", "actors": [{"id": "a", "category": "kommun"}], "duties": [{"id": "d"}]})");
    auto const& a = m[*m.find<samverkan::actor_id>("a")];
    CHECK(a.budget_kkr == 7);
    CHECK_FALSE(a.tier);
    CHECK(a.phones.empty());
    CHECK(a.category == "kommun");
    CHECK(m[*m.find<samverkan::duty_id>("d")].hours == 1.5);
}

TEST_CASE("own element types: a key is known iff it is a member or a relation key", "[json][traits]") {
    // "basis" is a key of the default duty, not of my_duty
    CHECK_THAT(
        located(R"({"format": "samverkan/1", "duties": [{"id": "d", "basis": "x"}]})"),
        contains("plan.json:1:50: /duties/0/basis: unknown key \"basis\" in a duty (the keys are: id, name, stage, "
                 "scope, requires, needs, optional, raci, realises, hours, weight)"));
    CHECK_THAT(located(R"({"format": "samverkan/1", "actors": [{"id": "a", "budget": 1}]})"),
               contains("did you mean \"budget_kkr\"?"));
    // relation keys stay known
    CHECK(located(R"({"format": "samverkan/1", "stages": [{"id": "s"}], "duties": [{"id": "d", "stage": "s"}]})") ==
          "(loaded)");
}

TEST_CASE("own element types: bad values name file, line, column and path", "[json][traits]") {
    std::string const head = R"({"format": "samverkan/1", "actors": [{"id": "a", )";
    CHECK(located(head + R"("budget_kkr": "x"}]})") ==
          "plan.json:1:64: /actors/0/budget_kkr: expected an integer from -2147483648 to 2147483647, found a string "
          "(\"x\")");
    CHECK_THAT(located(head + R"("budget_kkr": 1.5}]})"), contains("1:64: /actors/0/budget_kkr: expected an integer"));
    CHECK_THAT(located(head + R"("budget_kkr": 3000000000}]})"), contains("found a number (3000000000)"));
    CHECK_THAT(located(head + R"("tier": "regon"}]})"),
               contains("1:58: /actors/0/tier: unknown value \"regon\" (the values are: kommun, region, stat); did "
                        "you mean \"region\"?"));
    CHECK_THAT(located(head + R"("tier": null}]})"), contains("leave the key out instead of writing null"));
    CHECK_THAT(located(head + R"("phones": ["1", 2]}]})"), contains("/actors/0/phones/1: expected a string"));
    CHECK_THAT(located(head + R"("on_call": 1}]})"), contains("expected true or false"));
    CHECK_THAT(located(R"({"format": "samverkan/1", "duties": [{"id": "d", "weight": 65536}]})"),
               contains("/duties/0/weight: expected an integer from 0 to 65535"));
    CHECK_THAT(located(R"({"format": "samverkan/1", "duties": [{"id": "d", "hours": 1e999}]})"),
               contains("/duties/0/hours: the number 1e999 is out of the range"));
}

TEST_CASE("own element types: an enum value without a name cannot be written", "[json][traits]") {
    my_model m;
    my_actor a;
    a.id = "a";
    a.tier = static_cast<level>(9);
    m.add_actor(a);
    CHECK_THROWS_AS(samverkan::io::to_json(m), samverkan::error);
}

// ---- the reader's batched adding and pipelined lookups (the default model) ----------------------------

std::string default_error(std::string const& text) {
    try {
        (void)samverkan::io::read_json(text, "m.json");
    } catch (samverkan::io::load_error const& e) {
        return e.what();
    }
    return "(loaded)";
}

std::string actors(std::vector<std::string> const& entries) {
    std::string out = "{\"format\": \"samverkan/1\", \"actors\": [";
    for (std::size_t i = 0; i < entries.size(); ++i) out += (i ? ",\n" : "\n") + entries[i];
    return out + "]}";
}

TEST_CASE("reader: duplicate ids are found within a batch and across batches, in file order", "[json][reader]") {
    std::vector<std::string> list;
    for (int i = 0; i < 600; ++i) list.push_back("{\"id\": \"a" + std::to_string(i) + "\"}");
    CHECK(default_error(actors(list)) == "(loaded)");
    auto across = list;
    across[590] = R"({"id": "a3"})"; // the first is three batches earlier
    CHECK(default_error(actors(across)) ==
          "m.json:592:8: /actors/590/id: duplicate actor id \"a3\" (first at /actors/3, line 5); ids must be unique "
          "within a kind");
    auto within = list;
    within[7] = R"({"id": "a5"})";
    CHECK_THAT(default_error(actors(within)), contains("/actors/7/id: duplicate actor id \"a5\""));
    // an error later in the array does not hide an earlier duplicate that was still waiting to be added
    auto later = list;
    later[10] = R"({"id": "a2"})";
    later[11] = R"({"id": 5})";
    CHECK_THAT(default_error(actors(later)), contains("/actors/10/id: duplicate actor id \"a2\""));
    // ...and a later error is reported when no duplicate comes before it
    later[10] = R"({"id": "b"})";
    CHECK_THAT(default_error(actors(later)), contains("/actors/11/id: expected a string"));
}

TEST_CASE("reader: every reference resolves to what find gives, misses reported in order", "[json][reader]") {
    std::string text = R"({"format": "samverkan/1", "actors": [)";
    for (int i = 0; i < 5000; ++i)
        text += (i ? "," : "") + std::string{R"({"id": "actor-with-a-long-id-)"} + std::to_string(i) + "\"}";
    text += R"(], "duties": [)";
    for (int i = 0; i < 3000; ++i)
        text += (i ? "," : "") + std::string{R"({"id": "d)"} + std::to_string(i) +
                R"(", "raci": {"R": ["actor-with-a-long-id-)" + std::to_string((i * 7919) % 5000) +
                R"("], "C": ["actor-with-a-long-id-)" + std::to_string(i) + "\"]}}";
    text += "]}";
    auto const m = samverkan::io::read_json(text);
    for (int i = 0; i < 3000; i += 37) {
        auto const d = *m.find<samverkan::duty_id>("d" + std::to_string(i));
        auto const r = m.actors_with(d, samverkan::raci::responsible);
        REQUIRE(r.begin() != r.end());
        CHECK(m[*r.begin()].id == "actor-with-a-long-id-" + std::to_string((i * 7919) % 5000));
    }
    std::uint32_t found[4];
    std::string const keys[] = {"actor-with-a-long-id-0", "nobody", "actor-with-a-long-id-4999", ""};
    m.find_many<samverkan::actor_id>(
        4, [&](std::size_t i) { return std::string_view{keys[i]}; }, found);
    CHECK(found[0] == m.find<samverkan::actor_id>(keys[0])->index());
    CHECK(found[1] == 0xFFFFFFFFU);
    CHECK(found[2] == m.find<samverkan::actor_id>(keys[2])->index());
    CHECK(found[3] == 0xFFFFFFFFU);
    // the first unknown reference in the order of the sections, with a suggestion
    auto const broken =
        text.substr(0, text.size() - 2) + R"(, {"id": "x", "raci": {"A": ["actor-with-a-long-id-50000"]}}]})";
    CHECK_THAT(default_error(broken), contains("/duties/3000/raci/A/0: unknown actor \"actor-with-a-long-id-50000\""));
}

} // namespace samverkan_tests_json_traits_test
