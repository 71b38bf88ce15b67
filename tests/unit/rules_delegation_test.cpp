// invalid-delegation and delegation-cycle.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/delegation_rules.hpp>
#include <samverkan/analysis/message.hpp>

namespace samverkan_tests_rules_delegation_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_only;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
struct office {
    model m;
    stage_id s1 = m.add_stage({.id = "s1", .name = "Lägesbild"});
    stage_id s2 = m.add_stage({.id = "s2", .name = "Åtgärdsplan"});
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    scope_id norr = m.add_scope({.id = "norr", .name = "Norr"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    actor_id pe = m.add_actor({.id = "pe", .name = "Planenheten"});
    actor_id ek = m.add_actor({.id = "ekonomi", .name = "Ekonomikontoret"});
    mandate_id leda = m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    mandate_id budget = m.add_mandate({.id = "budget", .name = "Budgetansvar"});
    office() {
        m.order(s2, s1);
        m.nest(norr, kommun);
    }
    std::vector<std::string> invalid() const { return audit_only(m, {rule_id::invalid_delegation}); }
    std::vector<std::string> cycles() const { return audit_only(m, {rule_id::delegation_cycle}); }
};
} // namespace

TEST_CASE("invalid-delegation: not-delegable, with the reason as witness") {
    office o;
    auto const fixed = o.m.add_mandate({.id = "myndighet", .name = "Myndighetsutövning", .delegable = false});
    o.m.grant(o.ks, fixed);
    o.m.delegate(o.ks, o.sf, fixed);
    capability_index const cap{o.m};
    auto const f = check_delegation_rules(o.m, cap);
    CHECK(lines(o.m, f) == strings{"error invalid-delegation mandate=myndighet from=ks to=sf | reason=not-delegable"});
    CHECK(message(o.m, f[0]).find("'Myndighetsutövning' may not be delegated") != std::string::npos);
    CHECK(message(o.m, f[0]).rfind("Kommunstyrelsen's delegation of", 0) == 0);
}

TEST_CASE("invalid-delegation: self comes before not-held") {
    office o;
    o.m.delegate(o.sf, o.sf, o.leda);
    CHECK(o.invalid() == strings{"error invalid-delegation mandate=leda from=sf to=sf | reason=self"});
}

TEST_CASE("invalid-delegation: not-held, scope and stage") {
    office o;
    o.m.grant(o.ks, o.leda, {.scope = o.norr, .stages = {o.s1}});
    o.m.delegate(o.sf, o.pe, o.leda);
    o.m.delegate(o.ks, o.sf, o.leda, {.scope = o.kommun, .stages = {o.s2}});
    o.m.delegate(o.ks, o.ek, o.leda, {.scope = o.norr, .stages = {o.s1, o.s2}});
    CHECK(o.invalid() == strings{"error invalid-delegation mandate=leda from=ks to=ekonomi | reason=stage",
                                 "error invalid-delegation mandate=leda from=ks to=sf | reason=scope",
                                 "error invalid-delegation mandate=leda from=sf to=pe | reason=not-held"});
}

TEST_CASE("valid delegations give no finding") {
    office o;
    o.m.grant(o.ks, o.leda, {.scope = o.kommun});
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.sf, o.pe, o.leda, {.scope = o.norr});
    CHECK(o.invalid().empty());
}

TEST_CASE("identical invalid delegations give one finding") {
    office o;
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.ks, o.sf, o.leda);
    CHECK(o.invalid() == strings{"error invalid-delegation mandate=leda from=ks to=sf | reason=not-held"});
}

TEST_CASE("one finding per (mandate, from, to), with the reason of the first invalid one listed") {
    office o;
    o.m.grant(o.ks, o.leda, {.scope = o.norr, .stages = {o.s1}});
    o.m.delegate(o.ks, o.sf, o.leda, {.scope = o.norr});                   // stage
    o.m.delegate(o.ks, o.sf, o.leda, {.scope = o.kommun});                 // scope
    o.m.delegate(o.ks, o.sf, o.leda, {.scope = o.norr, .stages = {o.s1}}); // valid
    o.m.delegate(o.ks, o.pe, o.leda, {.scope = o.norr, .stages = {o.s1}}); // valid
    o.m.delegate(o.ks, o.pe, o.leda, {.scope = o.kommun});                 // scope
    CHECK(o.invalid() == strings{"error invalid-delegation mandate=leda from=ks to=pe | reason=scope",
                                 "error invalid-delegation mandate=leda from=ks to=sf | reason=stage"});
}

TEST_CASE("the same pair with different mandates gives a finding per mandate") {
    office o;
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.ks, o.sf, o.budget);
    CHECK(o.invalid() == strings{"error invalid-delegation mandate=budget from=ks to=sf | reason=not-held",
                                 "error invalid-delegation mandate=leda from=ks to=sf | reason=not-held"});
}

TEST_CASE("an ungrounded delegation loop is invalid and a cycle; a grounded one is only a cycle") {
    office o;
    o.m.grant(o.ks, o.budget);
    o.m.delegate(o.sf, o.pe, o.leda);
    o.m.delegate(o.pe, o.sf, o.leda);
    o.m.delegate(o.ek, o.ks, o.budget);
    o.m.delegate(o.ks, o.ek, o.budget);
    CHECK(audit_only(o.m, {rule_id::invalid_delegation, rule_id::delegation_cycle}) ==
          strings{"error invalid-delegation mandate=leda from=pe to=sf | reason=not-held",
                  "error invalid-delegation mandate=leda from=sf to=pe | reason=not-held",
                  "warning delegation-cycle mandate=budget actors=[ekonomi,ks]",
                  "warning delegation-cycle mandate=leda actors=[pe,sf]"});
}

TEST_CASE("delegation-cycle: one finding per strongly connected component, actors sorted") {
    office o;
    o.m.grant(o.ks, o.leda);
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.sf, o.pe, o.leda);
    o.m.delegate(o.pe, o.ks, o.leda);
    o.m.delegate(o.pe, o.ek, o.leda); // a tail leaving the cycle is not part of it
    auto const f = check_delegation_rules(o.m, capability_index{o.m});
    CHECK(lines(o.m, f) == strings{"warning delegation-cycle mandate=leda actors=[ks,pe,sf]"});
    CHECK(message(o.m, f[0]).find("'Leda och samordna'") != std::string::npos);
}

TEST_CASE("delegation-cycle is per mandate: delegations of different mandates do not close a cycle") {
    office o;
    o.m.grant(o.ks, o.leda);
    o.m.grant(o.sf, o.budget);
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.sf, o.ks, o.budget);
    CHECK(o.cycles().empty());
}

TEST_CASE("a self-delegation is not a cycle, and a chain is not one either") {
    office o;
    o.m.grant(o.ks, o.leda);
    o.m.delegate(o.ks, o.ks, o.leda);
    o.m.delegate(o.ks, o.sf, o.leda);
    o.m.delegate(o.sf, o.pe, o.leda);
    CHECK(o.cycles().empty());
}

TEST_CASE("two disjoint cycles of one mandate give two findings; cycles count invalid delegations too") {
    office o;
    auto const fixed = o.m.add_mandate({.id = "fast", .delegable = false});
    o.m.delegate(o.ks, o.sf, fixed);
    o.m.delegate(o.sf, o.ks, fixed);
    o.m.delegate(o.pe, o.ek, fixed);
    o.m.delegate(o.ek, o.pe, fixed);
    CHECK(o.cycles() == strings{"warning delegation-cycle mandate=fast actors=[ekonomi,pe]",
                                "warning delegation-cycle mandate=fast actors=[ks,sf]"});
}

} // namespace samverkan_tests_rules_delegation_test
