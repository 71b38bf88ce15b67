#include "catch.hpp"

#include <samverkan/samverkan.hpp>

namespace samverkan_tests_smoke_test { // one per file: the tests are built as a unity build

TEST_CASE("a model built in code keeps its elements") {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    CHECK(m.find<samverkan::actor_id>("ks") == ks);
    CHECK(m[ks].name == "Kommunstyrelsen");
}

} // namespace samverkan_tests_smoke_test
