// The capability index: derived holdings, delegation validity (least fixpoint), capability and its reasons.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/capability.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace samverkan_tests_capability_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {

// s1 (Lägesbild) -> s2 (Åtgärdsplan) -> s3 (Uppföljning); kommun contains centrum and norr.
struct fixture {
    model m;
    stage_id s1 = m.add_stage({.id = "s1", .name = "Lägesbild"});
    stage_id s2 = m.add_stage({.id = "s2", .name = "Åtgärdsplan"});
    stage_id s3 = m.add_stage({.id = "s3", .name = "Uppföljning"});
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    scope_id centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
    scope_id norr = m.add_scope({.id = "norr", .name = "Norr"});
    actor_id kf = m.add_actor({.id = "kf", .name = "Kommunfullmäktige"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    actor_id pe = m.add_actor({.id = "pe", .name = "Planenheten"});
    mandate_id leda = m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    fixture() {
        m.order(s2, s1);
        m.order(s3, s2);
        m.nest(centrum, kommun);
        m.nest(norr, kommun);
    }
    placement at(std::optional<stage_id> st, std::optional<scope_id> sc) const { return {st, sc}; }
};

} // namespace

TEST_CASE("a direct holding covers its scope and the scopes within it, at its stages") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    capability_index const cap{f.m};
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s1, f.kommun)));
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s1, f.centrum)));
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(f.s2, f.centrum)));
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(f.s1, std::nullopt)));     // a scope-less duty needs everywhere
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(std::nullopt, f.kommun))); // a stage-less duty needs every stage
    CHECK(cap.capability(f.ks, f.leda, f.at(f.s2, f.centrum)) == capability_status::stage);
    CHECK(cap.capability(f.ks, f.leda, f.at(f.s1, std::nullopt)) == capability_status::scope);
}

TEST_CASE("scope cover is one way: a holding for a part does not cover the whole") {
    fixture f;
    f.m.grant(f.sf, f.leda, {.scope = f.centrum});
    capability_index const cap{f.m};
    CHECK(cap.capable(f.sf, f.leda, f.at(f.s2, f.centrum)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s2, f.kommun)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s2, f.norr)));
    CHECK(cap.capability(f.sf, f.leda, f.at(f.s2, f.norr)) == capability_status::scope);
}

TEST_CASE("a holding without scope and stages covers every duty, also stage- and scope-less ones") {
    fixture f;
    f.m.grant(f.ks, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.capable(f.ks, f.leda, f.at(std::nullopt, std::nullopt)));
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s3, f.norr)));
    CHECK(cap.anyone_capable(f.leda, f.at(std::nullopt, std::nullopt)));
}

TEST_CASE("a holding that lists every stage still does not cover a stage-less duty") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.stages = {f.s1, f.s2, f.s3}});
    capability_index const cap{f.m};
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s3, f.kommun)));
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(std::nullopt, f.kommun)));
    CHECK_FALSE(cap.anyone_capable(f.leda, f.at(std::nullopt, f.kommun)));
}

TEST_CASE("one holding must cover both the scope and the stage") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    f.m.grant(f.ks, f.leda, {.scope = f.norr, .stages = {f.s2}});
    capability_index const cap{f.m};
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(f.s2, f.centrum)));
    CHECK(cap.capability(f.ks, f.leda, f.at(f.s2, f.centrum)) == capability_status::stage);
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s2, f.norr)));
}

TEST_CASE("a bare delegation passes on exactly what the delegator holds") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(d));
    CHECK(cap.capable(f.sf, f.leda, f.at(f.s1, f.centrum)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s2, f.centrum)));
    CHECK(cap.capability(f.sf, f.leda, f.at(f.s2, f.centrum)) == capability_status::stage);
}

TEST_CASE("a delegation with \"stages\": [] is the same as none: it passes on the delegator's reach") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.norr});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.stages = {}});
    capability_index const cap{f.m};
    CHECK(cap.valid(d));
    CHECK(cap.capable(f.sf, f.leda, f.at(std::nullopt, f.norr)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s1, f.centrum)));
}

TEST_CASE("bare delegations are transitive whatever the listing order") {
    fixture f;
    f.m.grant(f.kf, f.leda);
    auto const later = f.m.delegate(f.sf, f.pe, f.leda);
    auto const middle = f.m.delegate(f.ks, f.sf, f.leda);
    auto const first = f.m.delegate(f.kf, f.ks, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(first));
    CHECK(cap.valid(middle));
    CHECK(cap.valid(later));
    CHECK(cap.capable(f.pe, f.leda, f.at(std::nullopt, std::nullopt)));
    CHECK(cap.capable_actors(f.leda, f.at(f.s1, f.norr)) == std::vector<actor_id>{f.kf, f.ks, f.sf, f.pe});
}

TEST_CASE("a bare delegation passes on an explicit grant the delegator received (case 057)") {
    fixture f;
    f.m.grant(f.ks, f.leda);
    auto const grant = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum});
    auto const bare = f.m.delegate(f.sf, f.pe, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(grant));
    CHECK(cap.valid(bare));
    CHECK(cap.capable(f.pe, f.leda, f.at(std::nullopt, f.centrum)));
    CHECK_FALSE(cap.capable(f.pe, f.leda, f.at(std::nullopt, f.kommun)));
    CHECK(cap.capability(f.pe, f.leda, f.at(std::nullopt, f.kommun)) == capability_status::scope);
}

TEST_CASE("an explicit grant gives exactly its scope, for every stage when it lists none") {
    fixture f;
    f.m.grant(f.ks, f.leda);
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum});
    capability_index const cap{f.m};
    CHECK(cap.valid(d));
    CHECK(cap.capable(f.sf, f.leda, f.at(std::nullopt, f.centrum)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s1, f.kommun)));
}

TEST_CASE("a stages-only grant is a grant for everywhere, so it needs a holding for everywhere") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.stages = {f.s1}});
    f.m.grant(f.kf, f.leda);
    auto const ok = f.m.delegate(f.kf, f.pe, f.leda, {.stages = {f.s1}});
    capability_index const cap{f.m};
    CHECK(cap.validity(d) == delegation_status::scope);
    CHECK(cap.capability(f.sf, f.leda, f.at(f.s1, f.kommun)) == capability_status::invalid_delegation);
    CHECK(cap.valid(ok));
    CHECK(cap.capable(f.pe, f.leda, f.at(f.s1, std::nullopt)));
    CHECK_FALSE(cap.capable(f.pe, f.leda, f.at(f.s2, std::nullopt)));
}

TEST_CASE("a scope-only grant is for every stage, so it needs a holding valid at every stage") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1, f.s2, f.s3}});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.kommun});
    capability_index const cap{f.m};
    CHECK(cap.validity(d) == delegation_status::stage);
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s1, f.kommun)));
}

TEST_CASE("an explicit grant may be covered stage by stage by several holdings") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s2}});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s1, f.s2}});
    capability_index const cap{f.m};
    CHECK(cap.valid(d));
    CHECK(cap.capable(f.sf, f.leda, f.at(f.s2, f.centrum)));
    CHECK_FALSE(cap.capable(f.sf, f.leda, f.at(f.s3, f.centrum)));
}

TEST_CASE("an explicit grant can combine a direct holding with one received later in the listing") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    auto const combined = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s1, f.s2}});
    f.m.grant(f.kf, f.leda, {.stages = {f.s2}});
    auto const feeding = f.m.delegate(f.kf, f.ks, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(feeding));
    CHECK(cap.valid(combined));
    CHECK(cap.capable(f.sf, f.leda, f.at(f.s2, f.centrum)));
}

TEST_CASE("the stages of a grant must be covered by holdings that cover its scope") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s1}});
    f.m.grant(f.ks, f.leda, {.scope = f.norr, .stages = {f.s2}});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s1, f.s2}});
    capability_index const cap{f.m};
    CHECK(cap.validity(d) == delegation_status::stage);
}

TEST_CASE("the scope of a grant needs one covering holding, not several that tile it") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.centrum});
    f.m.grant(f.ks, f.leda, {.scope = f.norr});
    auto const d = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.kommun});
    capability_index const cap{f.m};
    CHECK(cap.validity(d) == delegation_status::scope);
}

TEST_CASE("invalid-delegation reasons come in the order not-delegable, self, not-held, scope, stage") {
    fixture f;
    auto const fixed = f.m.add_mandate({.id = "fixed", .delegable = false});
    f.m.grant(f.ks, fixed);
    auto const not_delegable_self = f.m.delegate(f.ks, f.ks, fixed);
    auto const not_delegable = f.m.delegate(f.ks, f.sf, fixed);
    auto const self_unheld = f.m.delegate(f.pe, f.pe, f.leda);
    auto const unheld_scope = f.m.delegate(f.sf, f.pe, f.leda, {.scope = f.centrum});
    f.m.grant(f.kf, f.leda, {.scope = f.norr, .stages = {f.s1}});
    auto const scope_and_stage = f.m.delegate(f.kf, f.sf, f.leda, {.scope = f.kommun, .stages = {f.s2}});
    auto const stage_only = f.m.delegate(f.kf, f.sf, f.leda, {.scope = f.norr, .stages = {f.s2}});
    capability_index const cap{f.m};
    CHECK(cap.validity(not_delegable_self) == delegation_status::not_delegable);
    CHECK(cap.validity(not_delegable) == delegation_status::not_delegable);
    CHECK(cap.validity(self_unheld) == delegation_status::self);
    CHECK(cap.validity(unheld_scope) == delegation_status::not_held);
    CHECK(cap.validity(scope_and_stage) == delegation_status::scope);
    CHECK(cap.validity(stage_only) == delegation_status::stage);
    CHECK(to_string(cap.validity(stage_only)) == "stage");
    CHECK(to_string(delegation_status::not_delegable) == "not-delegable");
    CHECK_FALSE(cap.capable(f.sf, fixed, f.at(f.s1, f.kommun)));
}

TEST_CASE("a self-delegation of a held mandate is invalid and changes nothing") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.norr});
    auto const d = f.m.delegate(f.ks, f.ks, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.validity(d) == delegation_status::self);
    CHECK(cap.capable(f.ks, f.leda, f.at(f.s1, f.norr)));
    CHECK_FALSE(cap.capable(f.ks, f.leda, f.at(f.s1, f.kommun)));
}

TEST_CASE("an invalid delegation confers nothing, and a bare one from its recipient is not-held") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.norr});
    auto const bad = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.kommun});
    auto const onward = f.m.delegate(f.sf, f.pe, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.validity(bad) == delegation_status::scope);
    CHECK(cap.validity(onward) == delegation_status::not_held);
    CHECK_FALSE(cap.holds(f.sf, f.leda));
    CHECK_FALSE(cap.holds(f.pe, f.leda));
    CHECK(cap.capability(f.pe, f.leda, f.at(f.s1, f.norr)) == capability_status::invalid_delegation);
}

TEST_CASE("validity is the least fixpoint: a loop that nobody holds directly confers nothing") {
    fixture f;
    auto const ab = f.m.delegate(f.sf, f.pe, f.leda);
    auto const ba = f.m.delegate(f.pe, f.sf, f.leda);
    auto const explicit_loop = f.m.delegate(f.pe, f.ks, f.leda, {.scope = f.kommun});
    auto const back = f.m.delegate(f.ks, f.pe, f.leda, {.scope = f.kommun});
    capability_index const cap{f.m};
    CHECK(cap.validity(ab) == delegation_status::not_held);
    CHECK(cap.validity(ba) == delegation_status::not_held);
    CHECK(cap.validity(explicit_loop) == delegation_status::not_held);
    CHECK(cap.validity(back) == delegation_status::not_held);
    CHECK_FALSE(cap.anyone_capable(f.leda, f.at(f.s1, f.kommun)));
}

TEST_CASE("a loop entered from a direct holding makes every delegation in it valid") {
    fixture f;
    f.m.grant(f.kf, f.leda, {.scope = f.kommun});
    auto const loop1 = f.m.delegate(f.sf, f.pe, f.leda);
    auto const loop2 = f.m.delegate(f.pe, f.sf, f.leda);
    auto const entry = f.m.delegate(f.kf, f.sf, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(loop1));
    CHECK(cap.valid(loop2));
    CHECK(cap.valid(entry));
    CHECK(cap.capable(f.pe, f.leda, f.at(f.s3, f.centrum)));
    CHECK(cap.capable(f.sf, f.leda, f.at(f.s3, f.centrum)));
}

TEST_CASE("explicit grants listed in reverse order of their chain are all valid") {
    fixture f;
    f.m.grant(f.kf, f.leda);
    auto const third = f.m.delegate(f.sf, f.pe, f.leda, {.scope = f.centrum, .stages = {f.s1}});
    auto const second = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.kommun});
    auto const first = f.m.delegate(f.kf, f.ks, f.leda);
    capability_index const cap{f.m};
    CHECK(cap.valid(first));
    CHECK(cap.valid(second));
    CHECK(cap.valid(third));
    CHECK(cap.capable(f.pe, f.leda, f.at(f.s1, f.centrum)));
    CHECK_FALSE(cap.capable(f.pe, f.leda, f.at(f.s2, f.centrum)));
}

TEST_CASE("identical delegations count once; a valid and an invalid one between the same pair keep their own status") {
    fixture f;
    auto const a = f.m.delegate(f.ks, f.sf, f.leda);
    auto const b = f.m.delegate(f.ks, f.sf, f.leda);
    f.m.grant(f.kf, f.leda, {.scope = f.norr});
    auto const good = f.m.delegate(f.kf, f.pe, f.leda, {.scope = f.norr});
    auto const bad = f.m.delegate(f.kf, f.pe, f.leda, {.scope = f.centrum});
    capability_index const cap{f.m};
    CHECK(cap.validity(a) == delegation_status::not_held);
    CHECK(cap.validity(b) == delegation_status::not_held);
    CHECK(cap.valid(good));
    CHECK(cap.validity(bad) == delegation_status::scope);
    CHECK(cap.capable(f.pe, f.leda, f.at(f.s1, f.norr)));
}

TEST_CASE("the not-held and invalid-delegation reasons look only at delegations to the actor of that mandate") {
    fixture f;
    auto const budget = f.m.add_mandate({.id = "budget"});
    f.m.grant(f.ks, f.leda);
    f.m.grant(f.ks, budget);
    f.m.delegate(f.sf, f.pe, f.leda); // outgoing, invalid: does not count for sf
    f.m.delegate(f.ks, f.sf, budget); // another mandate: does not count
    f.m.delegate(f.pe, f.kf, f.leda); // pe -> kf, invalid (pe holds nothing)
    capability_index const cap{f.m};
    CHECK(cap.capability(f.sf, f.leda, f.at(f.s1, f.kommun)) == capability_status::not_held);
    CHECK(cap.capability(f.kf, f.leda, f.at(f.s1, f.kommun)) == capability_status::invalid_delegation);
    CHECK(cap.capability(f.pe, f.leda, f.at(f.s1, f.kommun)) == capability_status::invalid_delegation);
    CHECK(cap.capable(f.sf, budget, f.at(f.s1, f.kommun)));
    CHECK(to_string(capability_status::invalid_delegation) == "invalid-delegation");
}

TEST_CASE("the scope reason holds when a valid delegation exists but covers another scope (case 026)") {
    fixture f;
    f.m.grant(f.ks, f.leda, {.scope = f.kommun});
    f.m.delegate(f.pe, f.sf, f.leda);
    f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.norr});
    capability_index const cap{f.m};
    CHECK(cap.capability(f.sf, f.leda, f.at(std::nullopt, f.centrum)) == capability_status::scope);
}

TEST_CASE("capable_actors lists every capable actor once, found through the duty's scope chain") {
    fixture f;
    auto const other = f.m.add_mandate({.id = "other"});
    f.m.grant(f.kf, f.leda); // everywhere
    f.m.grant(f.ks, f.leda, {.scope = f.kommun});
    f.m.grant(f.ks, f.leda, {.scope = f.centrum});                   // a second origin of ks
    f.m.grant(f.sf, f.leda, {.scope = f.norr});                      // elsewhere
    f.m.grant(f.pe, f.leda, {.scope = f.centrum, .stages = {f.s2}}); // wrong stage
    f.m.grant(f.pe, other, {.scope = f.centrum});                    // another mandate
    f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s1}});
    capability_index const cap{f.m};
    CHECK(cap.capable_actors(f.leda, f.at(f.s1, f.centrum)) == std::vector<actor_id>{f.kf, f.ks, f.sf});
    CHECK(cap.capable_actors(f.leda, f.at(f.s1, std::nullopt)) == std::vector<actor_id>{f.kf});
    CHECK(cap.capable_actors(other, f.at(f.s1, f.norr)).empty());
    CHECK_FALSE(cap.anyone_capable(other, f.at(f.s1, f.norr)));
    CHECK(cap.anyone_capable(other, f.at(f.s1, f.centrum)));
}

TEST_CASE("holdings() shows direct and received holdings with their origin and source") {
    fixture f;
    auto const h = f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s2, f.s1}});
    auto const g = f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s1}});
    f.m.delegate(f.sf, f.pe, f.leda);
    capability_index const cap{f.m};
    std::vector<effective_holding> ks_has, pe_has;
    for (auto const& e : cap.holdings(f.ks, f.leda)) ks_has.push_back(e);
    for (auto const& e : cap.holdings(f.pe, f.leda)) pe_has.push_back(e);
    REQUIRE(ks_has.size() == 1);
    CHECK(ks_has[0].origin == f.ks);
    CHECK(ks_has[0].scope == f.kommun);
    CHECK(std::vector<stage_id>(ks_has[0].stages.begin(), ks_has[0].stages.end()) == std::vector<stage_id>{f.s1, f.s2});
    CHECK(std::get<holding_id>(ks_has[0].source) == h);
    REQUIRE(pe_has.size() == 1);
    CHECK(pe_has[0].origin == f.sf);
    CHECK(pe_has[0].scope == f.centrum);
    CHECK_FALSE(pe_has[0].every_stage());
    CHECK(std::vector<stage_id>(pe_has[0].stages.begin(), pe_has[0].stages.end()) == std::vector<stage_id>{f.s1});
    CHECK(std::get<delegation_id>(pe_has[0].source) == g);
    CHECK(cap.holds(f.pe, f.leda));
    CHECK_FALSE(cap.holds(f.kf, f.leda));
    CHECK(cap.derived_holding_count() == 3);
}

TEST_CASE("the index keeps working after the model is gone, and a duty query uses the duty's placement") {
    capability_index cap;
    actor_id ks;
    mandate_id leda;
    duty_id plan;
    {
        fixture f;
        f.m.grant(f.ks, f.leda, {.scope = f.kommun, .stages = {f.s2}});
        plan = f.m.add_duty({.id = "plan"}, {.stage = f.s2, .scope = f.centrum});
        ks = f.ks;
        leda = f.leda;
        cap = capability_index{f.m};
    }
    CHECK(cap.capable(ks, leda, plan));
    CHECK(cap.placement_of(plan).stage.has_value());
    CHECK(cap.anyone_capable(leda, plan));
}

TEST_CASE("an empty index and an empty model answer 'not capable'") {
    capability_index const empty;
    CHECK_FALSE(empty.capable(actor_id{0}, mandate_id{0}, placement{}));
    CHECK_FALSE(empty.anyone_capable(mandate_id{0}, placement{}));
    model m;
    auto const a = m.add_actor({.id = "a"});
    auto const x = m.add_mandate({.id = "x"});
    capability_index const cap{m};
    CHECK(cap.capability(a, x, placement{}) == capability_status::not_held);
    CHECK(cap.capable_actors(x, placement{}).empty());
}

TEST_CASE("a long chain of bare delegations, listed backwards, reaches its end") {
    model m;
    auto const x = m.add_mandate({.id = "x"});
    std::vector<actor_id> chain;
    chain.reserve(3000);
    for (int i = 0; i < 3000; ++i) chain.push_back(m.add_actor({.id = "a" + std::to_string(i)}));
    m.grant(chain.front(), x);
    for (std::size_t i = chain.size() - 1; i > 0; --i) m.delegate(chain[i - 1], chain[i], x);
    capability_index const cap{m};
    CHECK(cap.capable(chain.back(), x, placement{}));
    CHECK(cap.capable_actors(x, placement{}).size() == chain.size());
    std::size_t valid = 0;
    for (auto d : m.delegations()) valid += cap.valid(d) ? 1U : 0U;
    CHECK(valid == chain.size() - 1);
}

TEST_CASE("the parts of the index answer on their own, and re-deriving one mandate tells what changed") {
    fixture f;
    mandate_id const other = f.m.add_mandate({.id = "other"});
    auto const h = f.m.grant(f.ks, f.leda, {.scope = f.kommun});
    f.m.delegate(f.ks, f.sf, f.leda, {.scope = f.centrum, .stages = {f.s2}});
    f.m.grant(f.pe, other);
    duty_id const d = f.m.add_duty({.id = "d"}, {f.s2, f.centrum});

    scope_containment const scopes{f.m};
    CHECK(scopes.covers(f.kommun, f.centrum));
    CHECK(scopes.parent(f.centrum) == std::optional{f.kommun});
    std::vector<std::optional<scope_id>> chain;
    scopes.for_each_covering(f.centrum, [&](std::optional<scope_id> s) {
        chain.push_back(s);
        return false;
    });
    CHECK(chain == std::vector<std::optional<scope_id>>{f.centrum, f.kommun, std::nullopt});

    duty_placements places{f.m};
    CHECK(places.of(d).stage == std::optional{f.s2});

    derived_holdings held{f.m, scopes};
    CHECK(held.of(f.leda).capability(f.sf, places.of(d), scopes) == capability_status::capable);
    CHECK(held.of(other).capable_actors(places.of(d), scopes) == std::vector<actor_id>{f.pe});
    auto const g = *f.m.delegations().begin();
    CHECK(held.validity().valid(g));

    // revoking ks's holding: leda is derived again, `other` stays as it was; compare names ks and sf
    f.m.revoke(h);
    auto const before = held.rederive(f.m, f.leda, scopes);
    CHECK(held.validity().validity(g) == delegation_status::not_held);
    CHECK(held.of(f.leda).capability(f.sf, places.of(d), scopes) == capability_status::invalid_delegation);
    CHECK(held.of(other).capable_actors(places.of(d), scopes) == std::vector<actor_id>{f.pe});
    std::vector<actor_id> changed;
    std::vector<effective_holding> origins;
    mandate_holdings::compare(before, held.of(f.leda), changed, origins);
    CHECK(changed == std::vector<actor_id>{f.ks, f.sf});
    CHECK(origins.size() == 2); // ks's holding and the grant sf received

    // the whole index follows a moved duty
    capability_index cap{f.m};
    f.m.place(d, {f.s1, f.norr});
    cap.refresh_duty(f.m, d);
    CHECK(cap.placement_of(d).scope == std::optional{f.norr});
}

} // namespace samverkan_tests_capability_test
