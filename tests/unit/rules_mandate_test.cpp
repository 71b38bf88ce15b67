// mandate-missing, mandate-unheld, accountable-without-mandate, responsible-without-mandate.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/mandate_rules.hpp>
#include <samverkan/analysis/message.hpp>

namespace samverkan_tests_rules_mandate_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_only;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
constexpr auto R = raci::responsible;
constexpr auto A = raci::accountable;
constexpr auto C = raci::consulted;

auto const mandate_rule_ids = {rule_id::mandate_missing, rule_id::mandate_unheld, rule_id::accountable_without_mandate,
                               rule_id::responsible_without_mandate};

struct town {
    model m;
    stage_id s1 = m.add_stage({.id = "s1", .name = "Lägesbild"});
    stage_id s2 = m.add_stage({.id = "s2", .name = "Åtgärdsplan"});
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    scope_id centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
    scope_id norr = m.add_scope({.id = "norr", .name = "Norr"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    actor_id lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet"});
    actor_id pe = m.add_actor({.id = "pe", .name = "Planenheten"});
    mandate_id leda = m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    mandate_id polis = m.add_mandate({.id = "polis", .name = "Polisiära befogenheter"});
    town() {
        m.order(s2, s1);
        m.nest(centrum, kommun);
        m.nest(norr, kommun);
    }
    std::vector<std::string> run() const { return audit_only(m, mandate_rule_ids); }
};
} // namespace

TEST_CASE("mandate-missing: no performer holds the mandate, another actor does") {
    town t;
    t.m.grant(t.ks, t.leda, {.scope = t.kommun});
    auto const d = t.m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = t.kommun});
    t.m.require(d, t.leda);
    t.m.assign(t.sf, d, R);
    t.m.assign(t.sf, d, A);
    capability_index const cap{t.m};
    auto const f = check_mandate_rules(t.m, cap);
    CHECK(lines(t.m, f) ==
          strings{"error mandate-missing duty=lagesbild mandate=leda | reasons={sf:not-held} capable=[ks]",
                  "warning accountable-without-mandate duty=lagesbild actor=sf | mandates=[leda]"});
    CHECK(message(t.m, f[0]).rfind(
              "No one assigned to 'Ta fram lägesbild' is capable of 'Leda och samordna' for Exempelkommun", 0) == 0);
    CHECK(message(t.m, f[0]).find("Kommunstyrelsen is") != std::string::npos);
}

TEST_CASE("mandate-missing reasons: not-held, invalid-delegation, scope and stage, one per performer") {
    town t;
    auto const fritid = t.m.add_actor({.id = "fritid", .name = "Fritidsgården"});
    auto const forening = t.m.add_actor({.id = "forening", .name = "Föreningen"});
    auto const sdf = t.m.add_actor({.id = "sdf-norr", .name = "Stadsdelsförvaltning Norr"});
    auto const sn = t.m.add_actor({.id = "sn", .name = "Socialnämnden"});
    t.m.grant(t.ks, t.leda);
    t.m.grant(sdf, t.leda, {.scope = t.norr});
    t.m.grant(sn, t.leda, {.scope = t.kommun, .stages = {t.s1}});
    t.m.delegate(sdf, forening, t.leda, {.scope = t.kommun});
    auto const d = t.m.add_duty({.id = "plan"}, {.stage = t.s2, .scope = t.centrum});
    t.m.require(d, t.leda);
    for (auto a : {fritid, forening, sdf}) t.m.assign(a, d, R);
    t.m.assign(sn, d, A);
    std::string const missing =
        std::string{"error mandate-missing duty=plan mandate=leda | "} +
        "reasons={forening:invalid-delegation,fritid:not-held,sdf-norr:scope,sn:stage} capable=[ks]";
    CHECK(t.run() == strings{
                         missing,
                         "warning accountable-without-mandate duty=plan actor=sn | mandates=[leda]",
                         "info responsible-without-mandate duty=plan actor=forening | mandates=[leda]",
                         "info responsible-without-mandate duty=plan actor=fritid | mandates=[leda]",
                         "info responsible-without-mandate duty=plan actor=sdf-norr | mandates=[leda]",
                     });
}

TEST_CASE("mandate-unheld when no actor at all is capable, and never mandate-missing with it") {
    town t;
    t.m.grant(t.ks, t.leda, {.scope = t.norr});
    auto const d = t.m.add_duty({.id = "insats", .name = "Insats i centrum"}, {.scope = t.centrum});
    t.m.require(d, t.leda);
    t.m.assign(t.ks, d, R);
    t.m.assign(t.sf, d, A);
    auto const f = audit(t.m, audit_options{}.only({rule_id::mandate_missing, rule_id::mandate_unheld})).findings;
    CHECK(lines(t.m, f) == strings{"error mandate-unheld duty=insats mandate=leda"});
    CHECK(message(t.m, f[0]).find("'Leda och samordna'") != std::string::npos);
}

TEST_CASE("a duty without performers can get mandate-unheld but never mandate-missing") {
    town t;
    t.m.grant(t.ks, t.leda);
    auto const held = t.m.add_duty({.id = "held"});
    auto const unheld = t.m.add_duty({.id = "unheld"});
    t.m.require(held, t.leda);
    t.m.require(unheld, t.polis);
    t.m.assign(t.lpo, held, C); // C is not a performer
    CHECK(t.run() == strings{"error mandate-unheld duty=unheld mandate=polis"});
}

TEST_CASE("required mandates are met jointly by the performers") {
    town t;
    t.m.grant(t.ks, t.leda);
    t.m.grant(t.lpo, t.polis);
    auto const d = t.m.add_duty({.id = "trygghet"});
    t.m.require(d, t.leda);
    t.m.require(d, t.polis);
    t.m.assign(t.ks, d, A);
    t.m.assign(t.lpo, d, R);
    CHECK(t.run().empty());
}

TEST_CASE("of joint mandates, the one no performer brings is reported") {
    town t;
    t.m.grant(t.ks, t.leda);
    t.m.grant(t.lpo, t.polis);
    auto const d = t.m.add_duty({.id = "trygghet"});
    t.m.require(d, t.leda);
    t.m.require(d, t.polis);
    t.m.assign(t.ks, d, A);
    t.m.assign(t.sf, d, R);
    CHECK(t.run() ==
          strings{"error mandate-missing duty=trygghet mandate=polis | reasons={ks:not-held,sf:not-held} capable=[lpo]",
                  "info responsible-without-mandate duty=trygghet actor=sf | mandates=[leda,polis]"});
}

TEST_CASE("an actor that is both R and A appears once in reasons and is judged only as accountable") {
    town t;
    t.m.grant(t.ks, t.leda);
    auto const d = t.m.add_duty({.id = "samordning"});
    t.m.require(d, t.leda);
    t.m.assign(t.sf, d, R);
    t.m.assign(t.sf, d, A);
    CHECK(t.run() == strings{"error mandate-missing duty=samordning mandate=leda | reasons={sf:not-held} capable=[ks]",
                             "warning accountable-without-mandate duty=samordning actor=sf | mandates=[leda]"});
}

TEST_CASE("the mandate rules also apply to optional duties") {
    town t;
    t.m.grant(t.ks, t.leda);
    auto const d = t.m.add_duty({.id = "extra", .optional = true});
    t.m.require(d, t.leda);
    t.m.assign(t.sf, d, R);
    auto const e = t.m.add_duty({.id = "vakant", .optional = true});
    t.m.require(e, t.polis);
    CHECK(t.run() == strings{"error mandate-missing duty=extra mandate=leda | reasons={sf:not-held} capable=[ks]",
                             "error mandate-unheld duty=vakant mandate=polis",
                             "info responsible-without-mandate duty=extra actor=sf | mandates=[leda]"});
}

TEST_CASE("being capable of one of the required mandates clears an actor of the *-without-mandate rules") {
    town t;
    t.m.grant(t.ks, t.leda);
    auto const d = t.m.add_duty({.id = "d"});
    t.m.require(d, t.leda);
    t.m.require(d, t.polis);
    t.m.assign(t.ks, d, A);
    t.m.assign(t.ks, d, R);
    CHECK(t.run() == strings{"error mandate-unheld duty=d mandate=polis"});
}

TEST_CASE("accountable- and responsible-without-mandate fire whatever the reason, also when nobody is capable") {
    town t;
    auto const d = t.m.add_duty({.id = "d"});
    t.m.require(d, t.polis);
    t.m.require(d, t.leda);
    t.m.assign(t.ks, d, A);
    t.m.assign(t.sf, d, R);
    t.m.assign(t.pe, d, R);
    CHECK(t.run() == strings{"error mandate-unheld duty=d mandate=leda", "error mandate-unheld duty=d mandate=polis",
                             "warning accountable-without-mandate duty=d actor=ks | mandates=[leda,polis]",
                             "info responsible-without-mandate duty=d actor=pe | mandates=[leda,polis]",
                             "info responsible-without-mandate duty=d actor=sf | mandates=[leda,polis]"});
}

TEST_CASE("a duty without scope needs a holding for everywhere; without stage one valid at every stage") {
    town t;
    t.m.grant(t.ks, t.leda, {.scope = t.kommun});
    t.m.grant(t.lpo, t.polis, {.stages = {t.s1, t.s2}});
    auto const anywhere = t.m.add_duty({.id = "overallt"}, {.stage = t.s1});
    auto const always = t.m.add_duty({.id = "alltid"}, {.scope = t.kommun});
    t.m.require(anywhere, t.leda);
    t.m.require(always, t.polis);
    t.m.assign(t.ks, anywhere, A);
    t.m.assign(t.ks, anywhere, R);
    t.m.assign(t.lpo, always, A);
    t.m.assign(t.lpo, always, R);
    CHECK(t.run() == strings{"error mandate-unheld duty=alltid mandate=polis",
                             "error mandate-unheld duty=overallt mandate=leda",
                             "warning accountable-without-mandate duty=alltid actor=lpo | mandates=[polis]",
                             "warning accountable-without-mandate duty=overallt actor=ks | mandates=[leda]"});
}

TEST_CASE("capable lists every capable actor sorted by id, delegates included, performers' reasons by id") {
    town t;
    auto const z = t.m.add_actor({.id = "Zorn"});
    auto const ae = t.m.add_actor({.id = "ä"});
    t.m.grant(t.ks, t.leda);
    t.m.delegate(t.ks, ae, t.leda);
    t.m.delegate(t.ks, z, t.leda, {.scope = t.centrum});
    auto const d = t.m.add_duty({.id = "d"}, {.scope = t.centrum});
    t.m.require(d, t.leda);
    t.m.require(d, t.leda); // duplicates are read as a set
    t.m.assign(t.sf, d, A);
    t.m.assign(t.pe, d, R);
    CHECK(audit_only(t.m, {rule_id::mandate_missing}) ==
          strings{"error mandate-missing duty=d mandate=leda | reasons={pe:not-held,sf:not-held} capable=[Zorn,ks,ä]"});
}

TEST_CASE("a performer capable through a valid delegation meets the requirement") {
    town t;
    t.m.grant(t.ks, t.leda, {.scope = t.kommun});
    t.m.delegate(t.ks, t.sf, t.leda, {.scope = t.centrum, .stages = {t.s2}});
    auto const d = t.m.add_duty({.id = "d"}, {.stage = t.s2, .scope = t.centrum});
    t.m.require(d, t.leda);
    t.m.assign(t.sf, d, A);
    t.m.assign(t.sf, d, R);
    CHECK(t.run().empty());
}

TEST_CASE("the mandate rules honour the options and check_mandate_rules sorts its findings") {
    town t;
    t.m.grant(t.ks, t.leda);
    auto const b = t.m.add_duty({.id = "b"});
    auto const a = t.m.add_duty({.id = "a"});
    for (auto d : {b, a}) {
        t.m.require(d, t.leda);
        t.m.assign(t.sf, d, A);
    }
    capability_index const cap{t.m};
    audit_options opts;
    opts.only({rule_id::accountable_without_mandate})
        .set_severity(rule_id::accountable_without_mandate, severity::error);
    CHECK(lines(t.m, check_mandate_rules(t.m, cap, opts)) ==
          strings{"error accountable-without-mandate duty=a actor=sf | mandates=[leda]",
                  "error accountable-without-mandate duty=b actor=sf | mandates=[leda]"});
}

} // namespace samverkan_tests_rules_mandate_test
