// unassigned-duty, no-accountable, no-responsible, multiple-accountable.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/assignment_rules.hpp>
#include <samverkan/analysis/message.hpp>

namespace samverkan_tests_rules_assignment_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_only;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
constexpr auto R = raci::responsible;
constexpr auto A = raci::accountable;
constexpr auto C = raci::consulted;
constexpr auto I = raci::informed;

struct people {
    model m;
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    actor_id lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet"});
    actor_id bn = m.add_actor({.id = "bn", .name = "Byggnadsnämnden"});
};

auto const assignment_rules = {rule_id::unassigned_duty, rule_id::no_accountable, rule_id::no_responsible,
                               rule_id::multiple_accountable};
} // namespace

TEST_CASE("unassigned-duty: a duty with no R and no A, even with C and I") {
    people p;
    auto const d = p.m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"});
    p.m.assign(p.lpo, d, C);
    p.m.assign(p.sf, d, I);
    p.m.add_duty({.id = "tom", .name = "Tom uppgift"});
    auto const f = check_assignment_rules(p.m);
    CHECK(lines(p.m, f) == strings{"error unassigned-duty duty=lagesbild", "error unassigned-duty duty=tom"});
    CHECK(message(p.m, f[0]).find("'Ta fram lägesbild'") != std::string::npos);
    CHECK(f[0].witness.empty());
}

TEST_CASE("unassigned-duty does not fire when the duty has a performer") {
    people p;
    auto const r_only = p.m.add_duty({.id = "r"});
    auto const a_only = p.m.add_duty({.id = "a"});
    p.m.assign(p.sf, r_only, R);
    p.m.assign(p.ks, a_only, A);
    CHECK(audit_only(p.m, {rule_id::unassigned_duty}).empty());
}

TEST_CASE("no-accountable: R but no A") {
    people p;
    auto const d = p.m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"});
    p.m.assign(p.sf, d, R);
    p.m.assign(p.lpo, d, C);
    auto const f = check_assignment_rules(p.m);
    CHECK(lines(p.m, f) == strings{"error no-accountable duty=lagesbild"});
    CHECK(message(p.m, f[0]).rfind("'Ta fram lägesbild' has no one accountable", 0) == 0);
    CHECK(message(p.m, f[0]).find("Samordningsfunktionen") != std::string::npos);
}

TEST_CASE("no-responsible: A but no R, at severity warning") {
    people p;
    auto const d = p.m.add_duty({.id = "plan", .name = "Besluta åtgärdsplan"});
    p.m.assign(p.ks, d, A);
    p.m.assign(p.lpo, d, I);
    auto const f = check_assignment_rules(p.m);
    CHECK(lines(p.m, f) == strings{"warning no-responsible duty=plan"});
}

TEST_CASE("an actor that is both R and A satisfies both roles") {
    people p;
    auto const d = p.m.add_duty({.id = "d"});
    p.m.assign(p.ks, d, R);
    p.m.assign(p.ks, d, A);
    CHECK(check_assignment_rules(p.m).empty());
}

TEST_CASE("optional duties skip the three assignment rules") {
    people p;
    auto const none = p.m.add_duty({.id = "none", .optional = true});
    auto const r_only = p.m.add_duty({.id = "r", .optional = true});
    auto const a_only = p.m.add_duty({.id = "a", .optional = true});
    p.m.assign(p.lpo, none, C);
    p.m.assign(p.sf, r_only, R);
    p.m.assign(p.ks, a_only, A);
    CHECK(audit_only(p.m, assignment_rules).empty());
}

TEST_CASE("multiple-accountable lists the actors sorted by id, also on optional duties") {
    people p;
    auto const d = p.m.add_duty({.id = "samordning", .name = "Samordning", .optional = true});
    p.m.assign(p.sf, d, A);
    p.m.assign(p.ks, d, A);
    p.m.assign(p.bn, d, A);
    p.m.assign(p.lpo, d, R);
    auto const f = check_assignment_rules(p.m);
    CHECK(lines(p.m, f) == strings{"error multiple-accountable duty=samordning actors=[bn,ks,sf]"});
    CHECK(message(p.m, f[0]).find("3 accountable actors") != std::string::npos);
}

TEST_CASE("multiple-accountable needs two accountable actors; one A with several R is fine") {
    people p;
    auto const d = p.m.add_duty({.id = "d"});
    p.m.assign(p.ks, d, A);
    p.m.assign(p.sf, d, R);
    p.m.assign(p.lpo, d, R);
    p.m.assign(p.ks, d, A); // the same role twice is one entry
    CHECK(audit_only(p.m, {rule_id::multiple_accountable}).empty());
}

TEST_CASE("a non-optional duty with several A and no R gets both multiple-accountable and no-responsible") {
    people p;
    auto const d = p.m.add_duty({.id = "d"});
    p.m.assign(p.sf, d, A);
    p.m.assign(p.ks, d, A);
    CHECK(audit_only(p.m, assignment_rules) ==
          strings{"error multiple-accountable duty=d actors=[ks,sf]", "warning no-responsible duty=d"});
}

TEST_CASE("assignment rules honour the options: skipped rules and severities") {
    people p;
    auto const d = p.m.add_duty({.id = "d"});
    p.m.assign(p.sf, d, R);
    p.m.add_duty({.id = "e"});
    audit_options opts;
    opts.skip(rule_id::unassigned_duty).set_severity(rule_id::no_accountable, severity::info);
    CHECK(lines(p.m, check_assignment_rules(p.m, opts)) == strings{"info no-accountable duty=d"});
}

} // namespace samverkan_tests_rules_assignment_test
