// exclusive-overlap, stage-order and dependency-cycle.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/exclusive_overlap.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/order_rules.hpp>

namespace samverkan_tests_rules_structure_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_only;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
struct region {
    model m;
    stage_id s1 = m.add_stage({.id = "s1", .name = "Lägesbild"});
    stage_id s2 = m.add_stage({.id = "s2", .name = "Åtgärdsplan"});
    stage_id s3 = m.add_stage({.id = "s3", .name = "Uppföljning"});
    stage_id p = m.add_stage({.id = "p", .name = "Parallellt"});
    scope_id lan = m.add_scope({.id = "lan", .name = "Länet"});
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    scope_id centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
    scope_id norr = m.add_scope({.id = "norr", .name = "Norr"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id lst = m.add_actor({.id = "lst", .name = "Länsstyrelsen"});
    actor_id bn = m.add_actor({.id = "bn", .name = "Byggnadsnämnden"});
    mandate_id plan = m.add_mandate({.id = "planmonopol", .name = "Planmonopol", .exclusive = true});
    mandate_id leda = m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    region() {
        m.order(s2, s1);
        m.order(s3, s2);
        m.order(p, s1);
        m.nest(kommun, lan);
        m.nest(centrum, kommun);
        m.nest(norr, kommun);
    }
    std::vector<std::string> overlap() const { return audit_only(m, {rule_id::exclusive_overlap}); }
    std::vector<std::string> order() const { return audit_only(m, {rule_id::stage_order, rule_id::dependency_cycle}); }
};
} // namespace

TEST_CASE("exclusive-overlap: nested scopes overlap; scopes witness in the order of the actors") {
    region r;
    r.m.grant(r.lst, r.plan, {.scope = r.lan});
    r.m.grant(r.bn, r.plan, {.scope = r.centrum});
    auto const f = check_exclusive_overlap(r.m);
    CHECK(lines(r.m, f) ==
          strings{"error exclusive-overlap mandate=planmonopol actors=[bn,lst] | scopes=[centrum,lan]"});
    CHECK(message(r.m, f[0]).find("'Planmonopol' is exclusive") != std::string::npos);
}

TEST_CASE("exclusive-overlap: everywhere overlaps everything, and null stands for it in the witness") {
    region r;
    r.m.grant(r.lst, r.plan);
    r.m.grant(r.ks, r.plan, {.scope = r.norr, .stages = {r.s2}});
    CHECK(r.overlap() == strings{"error exclusive-overlap mandate=planmonopol actors=[ks,lst] | scopes=[norr,null]"});
}

TEST_CASE("exclusive-overlap: the same scope twice, with every stage against one stage") {
    region r;
    r.m.grant(r.bn, r.plan, {.scope = r.kommun, .stages = {}});
    r.m.grant(r.ks, r.plan, {.scope = r.kommun, .stages = {r.s1}});
    CHECK(r.overlap() ==
          strings{"error exclusive-overlap mandate=planmonopol actors=[bn,ks] | scopes=[kommun,kommun]"});
}

TEST_CASE("exclusive-overlap does not fire for sibling scopes, disjoint stages, one actor, delegations or "
          "non-exclusive mandates") {
    region r;
    auto const exclusive = [&r](char const* id) { return r.m.add_mandate({.id = id, .exclusive = true}); };
    auto const siblings = exclusive("siblings");
    r.m.grant(r.ks, siblings, {.scope = r.centrum});
    r.m.grant(r.bn, siblings, {.scope = r.norr});
    auto const stages = exclusive("stages");
    r.m.grant(r.lst, stages, {.scope = r.kommun, .stages = {r.s1}});
    r.m.grant(r.bn, stages, {.scope = r.lan, .stages = {r.s2, r.s3}});
    auto const one_actor = exclusive("one-actor");
    r.m.grant(r.ks, one_actor, {.scope = r.lan});
    r.m.grant(r.ks, one_actor, {.scope = r.kommun});
    auto const delegated = exclusive("delegated");
    r.m.grant(r.ks, delegated, {.scope = r.lan});
    r.m.delegate(r.ks, r.lst, delegated);
    r.m.delegate(r.ks, r.bn, delegated, {.scope = r.norr});
    r.m.grant(r.ks, r.leda);
    r.m.grant(r.lst, r.leda);
    CHECK(r.overlap().empty());
    // one more holding that meets the "stages" pair at s1 makes exactly one pair overlap
    r.m.grant(r.ks, stages, {.scope = r.centrum, .stages = {r.s1, r.p}});
    CHECK(r.overlap() == strings{"error exclusive-overlap mandate=stages actors=[ks,lst] | scopes=[centrum,kommun]"});
}

TEST_CASE("exclusive-overlap reports every overlapping pair") {
    region r;
    r.m.grant(r.ks, r.plan);
    r.m.grant(r.lst, r.plan);
    r.m.grant(r.bn, r.plan);
    CHECK(r.overlap() == strings{"error exclusive-overlap mandate=planmonopol actors=[bn,ks] | scopes=[null,null]",
                                 "error exclusive-overlap mandate=planmonopol actors=[bn,lst] | scopes=[null,null]",
                                 "error exclusive-overlap mandate=planmonopol actors=[ks,lst] | scopes=[null,null]"});
}

TEST_CASE("exclusive-overlap gives one finding per pair and a witness independent of listing order") {
    region r;
    r.m.grant(r.ks, r.plan, {.scope = r.norr});
    r.m.grant(r.lst, r.plan, {.scope = r.kommun});
    r.m.grant(r.ks, r.plan, {.scope = r.centrum});
    r.m.grant(r.lst, r.plan);
    // pairs: (centrum, kommun), (centrum, null), (norr, kommun), (norr, null): the smallest texts win
    CHECK(r.overlap() ==
          strings{"error exclusive-overlap mandate=planmonopol actors=[ks,lst] | scopes=[centrum,null]"});
}

TEST_CASE("stage-order: a duty needs one at a later stage, directly or transitively") {
    region r;
    auto const bild = r.m.add_duty({.id = "bild", .name = "Lägesbild"}, {.stage = r.s1});
    auto const plan = r.m.add_duty({.id = "plan", .name = "Åtgärdsplan"}, {.stage = r.s2});
    auto const uppf = r.m.add_duty({.id = "uppf", .name = "Uppföljning"}, {.stage = r.s3});
    r.m.need(bild, plan);
    r.m.need(bild, uppf);
    r.m.need(uppf, plan); // later needs earlier: fine
    auto const f = check_order_rules(r.m);
    CHECK(lines(r.m, f) == strings{"error stage-order duty=bild needs=plan | stages=[s1,s2]",
                                   "error stage-order duty=bild needs=uppf | stages=[s1,s3]"});
    CHECK(message(r.m, f[0]).find("'Lägesbild' (stage 'Lägesbild') needs the output of 'Åtgärdsplan'") !=
          std::string::npos);
}

TEST_CASE("stage-order ignores parallel and equal stages and stage-less duties") {
    region r;
    auto const a = r.m.add_duty({.id = "a"}, {.stage = r.s2});
    auto const par = r.m.add_duty({.id = "par"}, {.stage = r.p});
    auto const same = r.m.add_duty({.id = "same"}, {.stage = r.s2});
    auto const free = r.m.add_duty({.id = "free"});
    auto const late = r.m.add_duty({.id = "late"}, {.stage = r.s3});
    r.m.need(a, par);
    r.m.need(par, a);
    r.m.need(a, same);
    r.m.need(free, late);
    r.m.need(a, free);
    CHECK(audit_only(r.m, {rule_id::stage_order}).empty());
}

TEST_CASE("dependency-cycle: components of needs with two or more duties, and self-needs") {
    region r;
    auto const b = r.m.add_duty({.id = "b"});
    auto const c = r.m.add_duty({.id = "c"});
    auto const a = r.m.add_duty({.id = "a"});
    auto const z = r.m.add_duty({.id = "z"});
    auto const ab = r.m.add_duty({.id = "ab"});
    auto const tail = r.m.add_duty({.id = "tail"});
    r.m.need(b, c);
    r.m.need(c, b);
    r.m.need(a, z);
    r.m.need(z, ab);
    r.m.need(ab, a);
    r.m.need(tail, a); // needs a cycle but is not in it
    auto const self = r.m.add_duty({.id = "self", .name = "Självberoende"});
    r.m.need(self, self);
    auto const f = check_order_rules(r.m);
    CHECK(lines(r.m, f) == strings{"error dependency-cycle duties=[a,ab,z]", "error dependency-cycle duties=[b,c]",
                                   "error dependency-cycle duties=[self]"});
    CHECK(message(r.m, f[2]).find("'Självberoende' needs its own output") != std::string::npos);
}

TEST_CASE("dependency-cycle: a chain or a diamond is no cycle") {
    region r;
    auto const a = r.m.add_duty({.id = "a"});
    auto const b = r.m.add_duty({.id = "b"});
    auto const c = r.m.add_duty({.id = "c"});
    auto const d = r.m.add_duty({.id = "d"});
    r.m.need(a, b);
    r.m.need(a, c);
    r.m.need(b, d);
    r.m.need(c, d);
    CHECK(r.order().empty());
}

TEST_CASE("a cycle across stages gives both dependency-cycle and stage-order (case 073)") {
    region r;
    auto const bild = r.m.add_duty({.id = "bild"}, {.stage = r.s1});
    auto const plan = r.m.add_duty({.id = "plan"}, {.stage = r.s2});
    r.m.need(bild, plan);
    r.m.need(plan, bild);
    CHECK(r.order() == strings{"error dependency-cycle duties=[bild,plan]",
                               "error stage-order duty=bild needs=plan | stages=[s1,s2]"});
}

} // namespace samverkan_tests_rules_structure_test
