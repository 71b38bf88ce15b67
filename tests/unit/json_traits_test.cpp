// The JSON reader and writer over a planning tool's own element types (basic_model<Traits>): described
// members under their own names, relation keys explicit, the unknown-key rule, default values for a file
// without the members, and located errors for bad values.
#include "catch.hpp"

#include <samverkan/io/json.hpp>
#include <samverkan/model.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

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
    CHECK_THAT(located(R"({"format": "samverkan/1", "duties": [{"id": "d", "basis": "x"}]})"),
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

} // namespace samverkan_tests_json_traits_test
