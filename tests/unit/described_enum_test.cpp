// Enum texts from Boost.Describe (detail/described_enum.hpp): rule ids, severities and the capability and
// delegation statuses read and written as the contracts spell them, and the rule count derived from the enum.
#include "catch.hpp"

#include <samverkan/analysis/capability.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>

#include <set>
#include <string>
#include <string_view>

namespace samverkan_tests_described_enum_test { // one per file: the tests are built as a unity build

using namespace samverkan;

static_assert(rule_count == 21, "rules.md's 18 rules and templates.md's three obligation rules");
static_assert(to_string(rule_id::mandate_missing) == "mandate-missing");
static_assert(to_string(rule_id::profile_role_unbound) == "profile-role-unbound");
static_assert(default_severity(rule_id::no_responsible) == severity::warning);
static_assert(*parse_rule_id("coordinator-without-mandate") == rule_id::coordinator_without_mandate);
static_assert(!parse_rule_id("coordinator_without_mandate"));
static_assert(to_string(severity::info) == "info");
static_assert(to_string(capability_status::invalid_delegation) == "invalid-delegation");
static_assert(to_string(delegation_status::not_delegable) == "not-delegable");

TEST_CASE("described enums: every text reads back to its enumerator, and texts are distinct") {
    std::set<std::string> seen;
    for (auto r : all_rules()) {
        CHECK(parse_rule_id(to_string(r)) == r);
        CHECK(seen.insert(std::string{to_string(r)}).second);
        CHECK(to_string(r).find('_') == std::string_view::npos);
    }
    CHECK(seen.size() == rule_count);
    for (auto s : {severity::error, severity::warning, severity::info}) CHECK(parse_severity(to_string(s)) == s);
    CHECK_FALSE(parse_severity("Error").has_value());
    CHECK_FALSE(parse_rule_id("").has_value());
    CHECK(to_string(delegation_status::valid) == "valid");
    CHECK(to_string(capability_status::not_held) == "not-held");
}

} // namespace samverkan_tests_described_enum_test
