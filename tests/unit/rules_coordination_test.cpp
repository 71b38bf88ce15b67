// coordination-gap, coordinator-without-mandate, forum-without-coordinator, idle-actor, unused-mandate.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/coordination_rules.hpp>
#include <samverkan/analysis/inventory_rules.hpp>
#include <samverkan/analysis/message.hpp>

namespace samverkan_tests_rules_coordination_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_only;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
constexpr auto R = raci::responsible;
constexpr auto A = raci::accountable;
constexpr auto C = raci::consulted;
constexpr auto I = raci::informed;

struct network {
    model m;
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    scope_id centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
    scope_id norr = m.add_scope({.id = "norr", .name = "Norr"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    actor_id lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet"});
    actor_id rtj = m.add_actor({.id = "rtj", .name = "Räddningstjänsten"});
    network() {
        m.nest(centrum, kommun);
        m.nest(norr, kommun);
    }
    std::vector<std::string> gaps() const { return audit_only(m, {rule_id::coordination_gap}); }
    std::vector<std::string> forums() const {
        return audit_only(m, {rule_id::coordinator_without_mandate, rule_id::forum_without_coordinator});
    }
    std::vector<std::string> inventory() const { return audit_only(m, {rule_id::idle_actor, rule_id::unused_mandate}); }
};
} // namespace

TEST_CASE("coordination-gap: performers of one duty who share no forum") {
    network n;
    auto const d = n.m.add_duty({.id = "samordning", .name = "Samordning"});
    n.m.assign(n.sf, d, R);
    n.m.assign(n.lpo, d, A);
    n.m.assign(n.rtj, d, C); // consulted: not a performer
    capability_index const cap{n.m};
    auto const f = check_coordination_rules(n.m, cap, audit_options{}.only({rule_id::coordination_gap}));
    CHECK(lines(n.m, f) == strings{"warning coordination-gap actors=[lpo,sf] | duties=[samordning]"});
    CHECK(message(n.m, f[0]).find("Lokalpolisområdet and Samordningsfunktionen share work on 'Samordning'") !=
          std::string::npos);
}

TEST_CASE("coordination-gap through a needs link lists both duties") {
    network n;
    auto const atgarder = n.m.add_duty({.id = "atgarder"});
    auto const lagesbild = n.m.add_duty({.id = "lagesbild"});
    n.m.need(atgarder, lagesbild);
    n.m.assign(n.lpo, atgarder, R);
    n.m.assign(n.lpo, atgarder, A);
    n.m.assign(n.sf, lagesbild, R);
    n.m.assign(n.ks, lagesbild, I);
    CHECK(n.gaps() == strings{"warning coordination-gap actors=[lpo,sf] | duties=[atgarder,lagesbild]"});
}

TEST_CASE("coordination-gap collects every duty a pair shares, sorted, and gives one finding per pair") {
    network n;
    auto const samrad = n.m.add_duty({.id = "samrad"});
    auto const granskning = n.m.add_duty({.id = "granskning"});
    auto const antagande = n.m.add_duty({.id = "antagande"});
    auto const utlatande = n.m.add_duty({.id = "utlatande"});
    auto const arkiv = n.m.add_duty({.id = "arkiv"});
    for (auto d : {samrad, granskning}) {
        n.m.assign(n.sf, d, R);
        n.m.assign(n.ks, d, A);
    }
    n.m.need(antagande, utlatande);
    n.m.need(arkiv, antagande);
    n.m.assign(n.ks, antagande, A);
    n.m.assign(n.ks, arkiv, A);
    n.m.assign(n.sf, utlatande, A);
    CHECK(n.gaps() ==
          strings{"warning coordination-gap actors=[ks,sf] | duties=[antagande,granskning,samrad,utlatande]"});
}

TEST_CASE("coordination-gap: three performers give three pairs; one forum for two of them clears that pair") {
    network n;
    auto const d = n.m.add_duty({.id = "d"});
    n.m.assign(n.ks, d, A);
    n.m.assign(n.sf, d, R);
    n.m.assign(n.lpo, d, R);
    auto const bfr = n.m.add_forum({.id = "bfr"});
    n.m.add_member(bfr, n.ks);
    n.m.add_member(bfr, n.lpo);
    CHECK(n.gaps() == strings{"warning coordination-gap actors=[ks,sf] | duties=[d]",
                              "warning coordination-gap actors=[lpo,sf] | duties=[d]"});
}

TEST_CASE("coordination-gap: the coordinator counts as a member; members of different forums still have a gap") {
    network n;
    auto const trygghet = n.m.add_duty({.id = "trygghet"});
    auto const brand = n.m.add_duty({.id = "brand"});
    auto const samordning = n.m.add_duty({.id = "samordning"});
    n.m.assign(n.lpo, trygghet, R);
    n.m.assign(n.ks, trygghet, A);
    n.m.assign(n.rtj, brand, R);
    n.m.assign(n.sf, brand, A);
    n.m.assign(n.sf, samordning, R);
    n.m.assign(n.lpo, samordning, A);
    auto const bfr = n.m.add_forum({.id = "bfr"});
    n.m.set_coordinator(bfr, n.ks);
    n.m.add_member(bfr, n.lpo);
    auto const est = n.m.add_forum({.id = "est"});
    n.m.set_coordinator(est, n.ks);
    n.m.add_member(est, n.rtj);
    n.m.add_member(est, n.sf);
    CHECK(n.gaps() == strings{"warning coordination-gap actors=[lpo,sf] | duties=[samordning]"});
}

TEST_CASE("coordination-gap: an actor never has a gap with itself") {
    network n;
    auto const a = n.m.add_duty({.id = "a"});
    auto const b = n.m.add_duty({.id = "b"});
    n.m.assign(n.ks, a, R);
    n.m.assign(n.ks, a, A);
    n.m.assign(n.ks, b, A);
    n.m.need(a, b);
    n.m.need(a, a);
    CHECK(n.gaps().empty());
}

TEST_CASE("coordinator-without-mandate: lists every mandate the covered duties require") {
    network n;
    auto const leda = n.m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    auto const kamera = n.m.add_mandate({.id = "tillstand", .name = "Kameratillstånd"});
    n.m.grant(n.ks, leda, {.scope = n.kommun});
    n.m.grant(n.sf, leda, {.scope = n.norr});
    n.m.grant(n.lpo, kamera);
    auto const insats = n.m.add_duty({.id = "insats-centrum"}, {.scope = n.centrum});
    auto const kam = n.m.add_duty({.id = "kamera"}, {.scope = n.centrum});
    n.m.require(insats, leda);
    n.m.require(kam, kamera);
    auto const rad = n.m.add_forum({.id = "rad2", .name = "Trygghetsrådet"});
    n.m.set_coordinator(rad, n.sf);
    n.m.cover(rad, insats);
    n.m.cover(rad, kam);
    auto const f = audit(n.m, audit_options{}.only({rule_id::coordinator_without_mandate})).findings;
    CHECK(lines(n.m, f) ==
          strings{"warning coordinator-without-mandate forum=rad2 actor=sf | mandates=[leda,tillstand]"});
    CHECK(message(n.m, f[0]).rfind("Samordningsfunktionen coordinates 'Trygghetsrådet'", 0) == 0);
}

TEST_CASE("coordinator-without-mandate is judged per covered duty: one capable duty clears the forum") {
    network n;
    auto const leda = n.m.add_mandate({.id = "leda"});
    n.m.grant(n.sf, leda, {.scope = n.norr});
    auto const centrum_duty = n.m.add_duty({.id = "insats-centrum"}, {.scope = n.centrum});
    auto const norr_duty = n.m.add_duty({.id = "insats-norr"}, {.scope = n.norr});
    n.m.require(centrum_duty, leda);
    n.m.require(norr_duty, leda);
    auto const rad = n.m.add_forum({.id = "rad1"});
    n.m.set_coordinator(rad, n.sf);
    n.m.cover(rad, centrum_duty);
    n.m.cover(rad, norr_duty);
    auto const free = n.m.add_forum({.id = "rad3"}); // covers a duty without requirements: nothing to judge
    n.m.set_coordinator(free, n.rtj);
    n.m.cover(free, n.m.add_duty({.id = "motesplats"}));
    CHECK(n.forums().empty());
}

TEST_CASE("forum-without-coordinator, and a forum without coordinator is not judged for mandates") {
    network n;
    auto const leda = n.m.add_mandate({.id = "leda"});
    auto const d = n.m.add_duty({.id = "d"});
    n.m.require(d, leda);
    auto const f = n.m.add_forum({.id = "natverk", .name = "Nätverket"});
    n.m.add_member(f, n.ks);
    n.m.cover(f, d);
    auto const out =
        audit(n.m, audit_options{}.only({rule_id::coordinator_without_mandate, rule_id::forum_without_coordinator}))
            .findings;
    CHECK(lines(n.m, out) == strings{"info forum-without-coordinator forum=natverk"});
    CHECK(message(n.m, out[0]).rfind("'Nätverket' has no coordinator", 0) == 0);
}

TEST_CASE("idle-actor: each kind of involvement clears an actor") {
    network n;
    auto const leda = n.m.add_mandate({.id = "leda"});
    auto const by_raci = n.m.add_actor({.id = "informed"});
    auto const by_member = n.m.add_actor({.id = "member"});
    auto const by_coord = n.m.add_actor({.id = "coordinator"});
    auto const by_holding = n.m.add_actor({.id = "holder"});
    auto const by_out = n.m.add_actor({.id = "delegator"});
    auto const by_in = n.m.add_actor({.id = "delegate"});
    auto const idle = n.m.add_actor({.id = "idle", .name = "Ingen alls"});
    (void)idle;
    auto const d = n.m.add_duty({.id = "d"});
    n.m.assign(by_raci, d, I);
    auto const f = n.m.add_forum({.id = "f"});
    n.m.add_member(f, by_member);
    n.m.set_coordinator(f, by_coord);
    n.m.grant(by_holding, leda);
    n.m.delegate(by_out, by_in, leda); // invalid, still counts in both directions
    auto const out = audit(n.m, audit_options{}.only({rule_id::idle_actor})).findings;
    CHECK(lines(n.m, out) == strings{"info idle-actor actor=idle", "info idle-actor actor=ks",
                                     "info idle-actor actor=lpo", "info idle-actor actor=rtj",
                                     "info idle-actor actor=sf"});
    CHECK(message(n.m, out[0]).rfind("Ingen alls takes part in nothing", 0) == 0);
}

TEST_CASE("unused-mandate: only a requirement or a direct holding counts, not a delegation") {
    network n;
    auto const required = n.m.add_mandate({.id = "required"});
    auto const held = n.m.add_mandate({.id = "held"});
    auto const delegated = n.m.add_mandate({.id = "delegated", .name = "Bara delegerat"});
    n.m.add_mandate({.id = "nothing"});
    n.m.require(n.m.add_duty({.id = "d"}), required);
    n.m.grant(n.ks, held);
    n.m.delegate(n.sf, n.lpo, delegated);
    CHECK(audit_only(n.m, {rule_id::unused_mandate}) ==
          strings{"info unused-mandate mandate=delegated", "info unused-mandate mandate=nothing"});
    auto const f = check_inventory_rules(n.m, audit_options{}.only({rule_id::unused_mandate}));
    CHECK(message(n.m, f[0]).rfind("'Bara delegerat' is required by no duty", 0) == 0);
}

} // namespace samverkan_tests_rules_coordination_test
