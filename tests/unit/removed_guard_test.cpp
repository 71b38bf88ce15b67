// The analyses that need a model without removed elements (basic_model::has_removed) refuse an edited
// model with samverkan::error instead of indexing past their arrays; the same model written and read
// back is accepted and gives the same results as a model built without the removed element.
#include "catch.hpp"

#include <samverkan/analysis/diff.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/json.hpp>

#include <vector>

namespace samverkan_tests_removed_guard_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {
model small() {
    model m;
    auto const ks = m.add_actor({.id = "ks"});
    auto const sf = m.add_actor({.id = "sf"});
    m.add_actor({.id = "old"});
    auto const leda = m.add_mandate({.id = "leda"});
    m.grant(ks, leda);
    auto const d = m.add_duty({.id = "lagesbild"});
    m.require(d, leda);
    m.assign(ks, d, raci::accountable);
    m.assign(sf, d, raci::responsible);
    return m;
}
} // namespace

TEST_CASE("removed elements: the analyses refuse an edited model, and accept it written and read back") {
    model m = small();
    CHECK_FALSE(m.has_removed());
    m.remove(*m.find<actor_id>("old"));
    REQUIRE(m.has_removed());
    std::vector<actor_id> const w{*m.find<actor_id>("sf")};
    CHECK_THROWS_AS(what_if(m, w), samverkan::error);
    CHECK_THROWS_AS(resilience(m), samverkan::error);
    CHECK_THROWS_AS(failing_if_withdrawn(m), samverkan::error);
    CHECK_THROWS_AS(metrics(m), samverkan::error);
    CHECK_THROWS_AS(diff(m, small()), samverkan::error);

    model const back = io::read_json(io::to_json(m));
    CHECK_FALSE(back.has_removed());
    CHECK(back.count<actor_id>() == 2);
    auto const rows = resilience(back);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].value == 1); // ks alone holds leda
    CHECK(metrics(back).counts.actors == 2);
}

} // namespace samverkan_tests_removed_guard_test
