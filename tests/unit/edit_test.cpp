// Editing a model (basic_model's edits, model/edit.hpp) and the incremental audit
// (analysis/incremental_audit.hpp):
//   - each kind of edit does what it says, removes the relations naming a removed element, keeps ids stable;
//   - an edit that would break a guarantee throws samverkan::error naming the elements and changes nothing;
//   - random edit scripts on random models and on the bundled examples: after every edit the incremental
//     report equals audit() from scratch (and, every few edits, the bytes of the report of the model written
//     and read back), the delta turns the old report into the new one, and a failed edit changes neither
//     the model nor the report;
//   - models built by edits pass the property checks (rule families = audit; capability index agrees with
//     the index of the same model read back).
#include "analysis_test_support.hpp"
#include "catch.hpp"
#include "random_model_support.hpp"

#include "../../examples/models/centrum_bid.hpp"
#include "../../examples/models/detaljplan_blandstad.hpp"
#include "../../examples/models/kommun_lag_2023_196.hpp"

#include <samverkan/analysis.hpp>
#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/edit.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan_tests_edit_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::lines;

namespace {

template <class Fn>
std::string thrown_message(Fn&& fn) {
    try {
        fn();
    } catch (samverkan::error const& e) {
        return e.what();
    }
    return "(nothing thrown)";
}

bool mentions(std::string const& text, std::string const& part) { return text.find(part) != std::string::npos; }

std::string report_text(model const& m, report const& r) {
    std::ostringstream os;
    io::write_report_json(os, m, r);
    return os.str();
}

template <class Id>
std::vector<Id> live(model const& m) {
    std::vector<Id> out;
    for (Id id : m.ids<Id>()) out.push_back(id);
    return out;
}

// ---- random edits --------------------------------------------------------------------------------------

struct edit_maker {
    std::mt19937 rng;
    int fresh = 0;
    bool capability_heavy = false; // mostly holdings, delegations and RACI entries (the per-mandate paths)
    explicit edit_maker(unsigned seed, bool heavy = false) : rng{seed}, capability_heavy{heavy} {}
    int pick(std::size_t n) { return std::uniform_int_distribution<int>{0, static_cast<int>(n) - 1}(rng); }
    bool chance(double p) { return std::bernoulli_distribution{p}(rng); }
    template <class T>
    T any(std::vector<T> const& v) {
        return v[static_cast<std::size_t>(pick(v.size()))];
    }
    template <class Id>
    std::optional<Id> maybe(model const& m, double none) {
        auto const v = live<Id>(m);
        if (v.empty() || chance(none)) return std::nullopt;
        return any(v);
    }
    raci role() { return static_cast<raci>(pick(4)); }
    // a new id text, or (sometimes) one that exists already: the add must then throw
    template <class Id>
    std::string text(model const& m, char const* prefix) {
        auto const v = live<Id>(m);
        if (!v.empty() && chance(0.15)) return m[any(v)].id;
        return std::string{prefix} + "new" + std::to_string(fresh++);
    }
    reach where(model const& m) {
        reach r;
        r.scope = maybe<scope_id>(m, 0.4);
        auto const st = live<stage_id>(m);
        if (!st.empty())
            for (int k = pick(3); k > 0; --k) r.stages.push_back(any(st));
        return r;
    }

    // One random edit that `m` can take (every id in it live); it may still throw.
    edit make(model const& m) {
        auto const st = live<stage_id>(m);
        auto const sc = live<scope_id>(m);
        auto const ac = live<actor_id>(m);
        auto const ma = live<mandate_id>(m);
        auto const du = live<duty_id>(m);
        auto const fo = live<forum_id>(m);
        auto const ho = live<holding_id>(m);
        auto const de = live<delegation_id>(m);
        for (;;) {
            switch (capability_heavy && chance(0.8) ? 14 + pick(11) : pick(40)) {
            case 0: return edits::add_element<stage>{{.id = text<stage_id>(m, "st"), .name = "New stage"}};
            case 1: return edits::add_element<scope>{{.id = text<scope_id>(m, "sc")}};
            case 2:
            case 3: return edits::add_element<actor>{{.id = text<actor_id>(m, "a"), .name = "New actor"}};
            case 4:
                return edits::add_element<mandate>{
                    {.id = text<mandate_id>(m, "m"), .exclusive = chance(0.4), .delegable = chance(0.8)}};
            case 5:
                return edits::add_duty<duty>{{.id = text<duty_id>(m, "d"), .optional = chance(0.2)},
                                             {maybe<stage_id>(m, 0.3), maybe<scope_id>(m, 0.3)}};
            case 6: return edits::add_forum<forum>{{.id = text<forum_id>(m, "f")}, {maybe<scope_id>(m, 0.5)}};
            case 7: // remove an element of any kind
            case 8: {
                std::vector<any_element_id> all;
                for (auto x : st) all.emplace_back(x);
                for (auto x : sc) all.emplace_back(x);
                for (auto x : ac) all.emplace_back(x);
                for (auto x : ma) all.emplace_back(x);
                for (auto x : du) all.emplace_back(x);
                for (auto x : fo) all.emplace_back(x);
                if (!all.empty()) return edits::remove{any(all)};
                break;
            }
            case 9: // update: names and flags; sometimes a changed id, which must throw
                if (!ma.empty()) {
                    auto const x = any(ma);
                    auto v = m[x];
                    v.exclusive = chance(0.5);
                    v.delegable = chance(0.8);
                    v.name = "Renamed " + v.id;
                    if (chance(0.1)) v.id += "-changed";
                    return edits::update<mandate_id, mandate>{x, v};
                }
                break;
            case 10:
                if (!du.empty()) {
                    auto const x = any(du);
                    auto v = m[x];
                    v.optional = !v.optional;
                    return edits::update<duty_id, duty>{x, v};
                }
                break;
            case 11:
                if (!ac.empty()) {
                    auto const x = any(ac);
                    auto v = m[x];
                    v.name = chance(0.5) ? "" : "Other name " + std::to_string(fresh++);
                    return edits::update<actor_id, actor>{x, v};
                }
                break;
            case 12:
                if (!ac.empty()) return edits::rename{any(ac), text<actor_id>(m, "a")};
                break;
            case 13:
                if (!du.empty()) return edits::rename{any(du), text<duty_id>(m, "d")};
                break;
            case 14:
                if (!ac.empty() && !ma.empty()) return edits::grant{any(ac), any(ma), where(m)};
                break;
            case 15:
                if (!ho.empty()) return edits::revoke{any(ho)};
                break;
            case 16:
                if (!ho.empty()) return edits::set_holding_reach{any(ho), where(m)};
                break;
            case 17:
                if (!ac.empty() && !ma.empty()) {
                    auto const from = any(ac);
                    auto const to = chance(0.1) ? from : any(ac);
                    return edits::delegate{from, to, any(ma), chance(0.5) ? reach{} : where(m)};
                }
                break;
            case 18:
                if (!de.empty()) return edits::undelegate{any(de)};
                break;
            case 19:
                if (!de.empty()) return edits::set_delegation_reach{any(de), chance(0.3) ? reach{} : where(m)};
                break;
            case 20:
            case 21:
            case 22:
                if (!ac.empty() && !du.empty()) return edits::assign{any(ac), any(du), role()};
                break;
            case 23:
            case 24:
                if (!du.empty()) { // mostly an existing entry
                    auto const d = any(du);
                    std::vector<assignment> entries;
                    for (auto const& e : m.raci_of(d)) entries.push_back(e);
                    if (!entries.empty() && chance(0.9)) {
                        auto const e = any(entries);
                        if (chance(0.3)) return edits::reassign{e.actor, d, e.role, role()};
                        return edits::unassign{e.actor, d, e.role};
                    }
                    if (!ac.empty()) return edits::unassign{any(ac), d, role()};
                }
                break;
            case 25:
                if (!du.empty() && !ma.empty()) return edits::require{any(du), any(ma)};
                break;
            case 26:
                if (!du.empty() && !ma.empty()) {
                    auto const d = any(du);
                    std::vector<mandate_id> req;
                    for (auto x : m.required_mandates(d)) req.push_back(x);
                    return edits::unrequire{d, req.empty() ? any(ma) : any(req)};
                }
                break;
            case 27:
                if (!du.empty()) return edits::need{any(du), any(du)};
                break;
            case 28:
                if (!du.empty()) {
                    auto const d = any(du);
                    std::vector<duty_id> n;
                    for (auto e : m.needs(d)) n.push_back(e);
                    return edits::unneed{d, n.empty() ? any(du) : any(n)};
                }
                break;
            case 29:
                if (!st.empty()) return edits::order{any(st), any(st)}; // cycles must throw
                break;
            case 30:
                if (!st.empty()) {
                    auto const s = any(st);
                    std::vector<stage_id> e;
                    for (auto x : m.earlier_stages(s)) e.push_back(x);
                    return edits::unorder{s, e.empty() ? any(st) : any(e)};
                }
                break;
            case 31:
                if (!sc.empty()) return edits::nest{any(sc), any(sc)}; // second parents and cycles must throw
                break;
            case 32:
                if (!sc.empty()) return edits::unnest{any(sc)};
                break;
            case 33:
                if (!fo.empty() && !ac.empty()) return edits::add_member{any(fo), any(ac)};
                break;
            case 34:
                if (!fo.empty()) {
                    auto const f = any(fo);
                    std::vector<actor_id> mem;
                    for (auto a : m.members(f)) mem.push_back(a);
                    if (!mem.empty()) return edits::remove_member{f, any(mem)};
                    if (!ac.empty()) return edits::remove_member{f, any(ac)};
                }
                break;
            case 35:
                if (!fo.empty() && !ac.empty()) return edits::set_coordinator{any(fo), any(ac)};
                break;
            case 36:
                if (!fo.empty()) return edits::clear_coordinator{any(fo)};
                break;
            case 37:
                if (!fo.empty() && !du.empty())
                    return chance(0.6) ? edit{edits::cover{any(fo), any(du)}} : edit{edits::uncover{any(fo), any(du)}};
                break;
            case 38:
                if (!du.empty()) return edits::place_duty{any(du), {maybe<stage_id>(m, 0.3), maybe<scope_id>(m, 0.3)}};
                break;
            case 39:
                if (!fo.empty()) return edits::place_forum{any(fo), {maybe<scope_id>(m, 0.5)}};
                break;
            default: break;
            }
        }
    }
};

// audit(m, {}, rules...) with its messages frozen: what the incremental audit keeps (it reports a finding
// whose text changed as removed and added).
template <class... Rules>
report frozen_audit(model const& m, Rules const&... rules) {
    auto r = audit(m, {}, rules...);
    freeze_messages(m, r.findings);
    return r;
}

// The capability index the incremental audit keeps equals a fresh one in every query.
void same_capability(model const& m, capability_index const& kept) {
    capability_index const fresh{m};
    REQUIRE(kept.derived_holding_count() == fresh.derived_holding_count());
    for (delegation_id g : m.delegations()) REQUIRE(kept.validity(g) == fresh.validity(g));
    for (duty_id d : m.duties()) {
        REQUIRE(kept.placement_of(d).stage == fresh.placement_of(d).stage);
        REQUIRE(kept.placement_of(d).scope == fresh.placement_of(d).scope);
        auto const a = kept.performers(d), b = fresh.performers(d);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            REQUIRE((a[i].actor == b[i].actor && a[i].responsible == b[i].responsible &&
                     a[i].accountable == b[i].accountable));
        for (mandate_id x : m.mandates()) {
            REQUIRE(kept.anyone_capable(x, d) == fresh.anyone_capable(x, d));
            REQUIRE(kept.capable_actors(x, d) == fresh.capable_actors(x, d));
            for (actor_id y : m.actors()) REQUIRE(kept.capability(y, x, d) == fresh.capability(y, x, d));
        }
    }
}

// A user rule that reads the capability index: every duty nobody may perform, by the first required mandate.
struct nobody_capable {
    std::string_view id() const { return "nobody-capable"; }
    template <class Model>
    void check(Model const& m, capability_index const& cap, std::vector<finding>& out) const {
        for (duty_id d : m.duties())
            for (mandate_id x : m.required_mandates(d)) {
                if (cap.capable_actors(x, d).empty() && cap.performers(d).size() < 2)
                    out.push_back({.severity = severity::info,
                                   .subjects = {{"duty", d}, {"mandate", x}},
                                   .message = std::string{m.name_of(d)} + ": nobody capable"});
                break;
            }
    }
};

// Applies `count` random edits (and some batches) to `start`, checking everything after each.
template <class... Rules>
void run_script(model start, unsigned seed, int count, int full_check_every, bool heavy = false,
                Rules const&... rules) {
    incremental_audit live{std::move(start), audit_options{}, rules...};
    edit_maker maker{seed, heavy};
    REQUIRE(live.report().findings == frozen_audit(live.model(), rules...).findings);
    for (int step = 0; step < count; ++step) {
        INFO("seed " << seed << " step " << step);
        auto const model_before = live.model(); // compared as JSON text only when an edit fails
        auto const report_before = live.report().findings;
        bool const batch = maker.chance(0.05);
        std::vector<edit> es{maker.make(live.model())};
        if (batch) {
            auto copy = live.model(); // later edits of the batch must be valid for the model as it will be
            for (int k = 0; k < 3; ++k) {
                try {
                    samverkan::apply(copy, es.back());
                } catch (samverkan::error const&) {
                    break;
                }
                es.push_back(maker.make(copy));
            }
        }
        finding_delta delta;
        bool failed = false;
        try {
            delta = batch ? live.apply(std::span<edit const>{es}) : live.apply(es.front());
        } catch (samverkan::error const& e) {
            failed = true;
            REQUIRE_FALSE(std::string{e.what()}.empty());
        }
        if (failed) { // nothing changed
            REQUIRE(io::to_json(live.model()) == io::to_json(model_before));
            REQUIRE(live.report().findings == report_before);
            continue;
        }
        auto const fresh = frozen_audit(live.model(), rules...);
        if (heavy) same_capability(live.model(), live.capability());
        if (live.report().findings != fresh.findings) { // show the difference readably
            REQUIRE(lines(live.model(), live.report().findings) == lines(live.model(), fresh.findings));
            REQUIRE(report_text(live.model(), live.report()) == report_text(live.model(), fresh));
        }
        REQUIRE(live.report().findings == fresh.findings);
        // the delta turns the old report into the new one, and each list is in report order
        auto expected = report_before;
        for (auto const& f : delta.removed) {
            auto it = std::find(expected.begin(), expected.end(), f);
            REQUIRE(it != expected.end());
            expected.erase(it);
        }
        expected.insert(expected.end(), delta.added.begin(), delta.added.end());
        sort_findings(live.model(), expected);
        REQUIRE(expected == live.report().findings);
        auto sorted_removed = delta.removed, sorted_added = delta.added;
        sort_findings(live.model(), sorted_removed);
        sort_findings(live.model(), sorted_added);
        REQUIRE(sorted_removed == delta.removed);
        REQUIRE(sorted_added == delta.added);
        if (step % full_check_every == 0) { // the same bytes as the model written, read back and audited
            auto const text = io::to_json(live.model());
            auto const back = io::read_json(text);
            REQUIRE(io::to_json(back) == text);
            REQUIRE(report_text(back, audit(back, {}, rules...)) == report_text(live.model(), live.report()));
        }
    }
}

} // namespace

TEST_CASE("edits: removing an actor removes its relations; ids stay stable and are never reused") {
    model m;
    auto const kommun = m.add_scope({.id = "kommun"});
    auto const ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto const sf = m.add_actor({.id = "sf"});
    auto const lpo = m.add_actor({.id = "lpo"});
    auto const leda = m.add_mandate({.id = "leda"});
    auto const lb = m.add_duty({.id = "lagesbild"}, {.scope = kommun});
    auto const h = m.grant(ks, leda, {.scope = kommun});
    m.delegate(ks, sf, leda);
    m.assign(ks, lb, raci::accountable);
    m.assign(sf, lb, raci::responsible);
    auto const brå = m.add_forum({.id = "brå"});
    m.add_member(brå, ks);
    m.add_member(brå, sf);
    m.set_coordinator(brå, ks);

    m.remove(ks);
    CHECK_FALSE(m.contains(ks));
    CHECK_FALSE(m.contains(h));
    CHECK(m.count<actor_id>() == 2);
    CHECK(m.id_bound<actor_id>() == 3);
    CHECK(live<actor_id>(m) == std::vector{sf, lpo});
    CHECK(m.holdings().empty());
    CHECK(m.delegations().empty());
    CHECK(m.relation_count(relation_kind::holds) == 0);
    CHECK(m.relation_count(relation_kind::coordinated_by) == 0);
    CHECK_FALSE(m.coordinator(brå));
    std::vector<assignment> entries;
    for (auto const& e : m.raci_of(lb)) entries.push_back(e);
    CHECK(entries == std::vector{assignment{sf, lb, raci::responsible}});
    CHECK(live<actor_id>(m) == std::vector{sf, lpo});
    CHECK_FALSE(m.find<actor_id>("ks"));
    CHECK(m[ks].name == "Kommunstyrelsen"); // a removed element's data stays readable
    // the id text is free again; the new actor gets a new index
    auto const ks2 = m.add_actor({.id = "ks"});
    CHECK(ks2.index() == 3);
    CHECK(m.find<actor_id>("ks") == ks2);
    CHECK(m[sf].id == "sf"); // other ids keep their meaning
}

TEST_CASE("edits: removing each kind of element takes the relations that name it") {
    model m;
    auto const s1 = m.add_stage({.id = "s1"});
    auto const s2 = m.add_stage({.id = "s2"});
    m.order(s2, s1);
    auto const outer = m.add_scope({.id = "outer"});
    auto const inner = m.add_scope({.id = "inner"});
    m.nest(inner, outer);
    auto const a = m.add_actor({.id = "a"});
    auto const b = m.add_actor({.id = "b"});
    auto const x = m.add_mandate({.id = "x"});
    auto const y = m.add_mandate({.id = "y"});
    m.grant(a, x, {.scope = inner});
    m.grant(a, y, {.stages = {s1}});
    m.delegate(a, b, x);
    auto const d = m.add_duty({.id = "d"}, {.stage = s2});
    auto const e = m.add_duty({.id = "e"});
    m.require(d, x);
    m.need(d, e);
    m.need(e, d);
    m.assign(a, d, raci::responsible);
    auto const f = m.add_forum({.id = "f"}, {.scope = outer});
    m.cover(f, d);
    m.add_member(f, b);

    SECTION("mandate") {
        m.remove(x);
        CHECK(m.holdings().size() == 1);
        CHECK(m.delegations().empty());
        CHECK(m.required_mandates(d).empty());
    }
    SECTION("duty") {
        m.remove(d);
        CHECK(m.needs(e).empty());
        CHECK(m.needed_by(e).empty());
        CHECK(m.raci_of(a).empty());
        CHECK(m.covered(f).empty());
        CHECK(m.duties_requiring(x).empty());
    }
    SECTION("forum") {
        m.remove(f);
        CHECK(m.forums_of(b).empty());
        CHECK(m.forums_covering(d).empty());
        CHECK(m.count<forum_id>() == 0);
    }
    SECTION("stage: only when no duty is placed at it; holdings naming it go") {
        auto const before = io::to_json(m);
        auto const why = thrown_message([&] { m.remove(s2); });
        CHECK(mentions(why, "\"s2\""));
        CHECK(mentions(why, "\"d\""));
        CHECK(io::to_json(m) == before);
        m.remove(s1);
        CHECK(m.earlier_stages(s2).empty());
        CHECK(m.holdings().size() == 1); // the holding of y at s1 went
    }
    SECTION("scope: only when nothing is placed in it; its inner scopes become outermost") {
        auto const before = io::to_json(m);
        auto const why = thrown_message([&] { m.remove(outer); });
        CHECK(mentions(why, "\"outer\""));
        CHECK(mentions(why, "forum \"f\""));
        CHECK(io::to_json(m) == before);
        m.place(f, {});
        m.remove(outer);
        CHECK_FALSE(m.parent(inner));
        m.remove(inner);
        CHECK(m.holdings().size() == 1); // the holding over inner went
    }
}

TEST_CASE("edits: single relations are removed and replaced; edits that break a guarantee throw and change nothing") {
    model m;
    auto const s1 = m.add_stage({.id = "s1"});
    auto const s2 = m.add_stage({.id = "s2"});
    auto const s3 = m.add_stage({.id = "s3"});
    m.order(s2, s1);
    m.order(s3, s2);
    auto const c1 = m.add_scope({.id = "c1"});
    auto const c2 = m.add_scope({.id = "c2"});
    auto const c3 = m.add_scope({.id = "c3"});
    m.nest(c2, c1);
    auto const a = m.add_actor({.id = "a"});
    auto const b = m.add_actor({.id = "b"});
    auto const x = m.add_mandate({.id = "x"});
    auto const d = m.add_duty({.id = "d"});
    auto const h = m.grant(a, x);
    auto const g = m.delegate(a, b, x);
    m.assign(a, d, raci::responsible);
    m.assign(b, d, raci::consulted);
    auto const f = m.add_forum({.id = "f"});
    m.add_member(f, a);
    m.set_coordinator(f, b);
    auto const before = io::to_json(m);

    auto const unchanged = [&](auto&& fn, std::initializer_list<char const*> named) {
        auto const why = thrown_message(fn);
        for (auto const* n : named) CHECK(mentions(why, std::string{"\""} + n + "\""));
        CHECK(io::to_json(m) == before);
    };
    unchanged([&] { m.order(s1, s3); }, {"s1", "s3"});
    unchanged([&] { m.nest(c2, c3); }, {"c2", "c1", "c3"});
    unchanged([&] { m.nest(c1, c2); }, {"c1", "c2"});
    unchanged([&] { m.add_actor({.id = "a"}); }, {"a"});
    unchanged([&] { m.rename(a, "b"); }, {"a", "b"});
    unchanged([&] { m.update(a, actor{.id = "z"}); }, {"a"});

    m.set_reach(h, {.scope = c1, .stages = {s2, s1, s2}});
    CHECK(m.holding(h).where.scope == c1);
    CHECK(std::vector<stage_id>(m.holding(h).where.stages.begin(), m.holding(h).where.stages.end()) ==
          std::vector{s1, s2});
    m.set_reach(g, {.scope = c2});
    CHECK(m.delegation(g).explicit_grant());
    CHECK(m.reassign(b, d, raci::consulted, raci::accountable));
    CHECK_FALSE(m.reassign(b, d, raci::consulted, raci::accountable));
    std::vector<assignment> entries;
    for (auto const& e : m.raci_of(d)) entries.push_back(e);
    CHECK(entries == std::vector{assignment{a, d, raci::responsible}, assignment{b, d, raci::accountable}});
    CHECK(m.unassign(a, d, raci::responsible));
    CHECK_FALSE(m.unassign(a, d, raci::responsible));
    CHECK(m.unorder(s3, s2));
    CHECK_FALSE(m.unorder(s3, s2));
    m.order(s1, s3); // no cycle any more
    CHECK(m.disconnect<relation::within>(c2, c1));
    CHECK_FALSE(m.unnest(c2));
    CHECK(m.remove_member(f, a));
    CHECK(m.disconnect<relation::coordinated_by>(f, b));
    CHECK_FALSE(m.clear_coordinator(f));
    m.revoke(h);
    m.undelegate(g);
    CHECK(m.relation_count() == 3); // s2 -> s1, s1 -> s3 and b's A on d
    m.rename(a, "a2");
    CHECK(m.find<actor_id>("a2") == a);
    CHECK_FALSE(m.find<actor_id>("a"));
}

TEST_CASE("edits: a model built by edits writes the bytes of the same model read back") {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        auto m = build(samverkan_test::generator{seed}.make());
        edit_maker maker{seed};
        for (int k = 0; k < 30; ++k) try {
                samverkan::apply(m, maker.make(m));
            } catch (samverkan::error const&) {}
        auto const text = io::to_json(m);
        auto const back = io::read_json(text);
        INFO("seed " << seed);
        REQUIRE(io::to_json(back) == text);
        REQUIRE(samverkan_test::audit_lines(back) == samverkan_test::audit_lines(m));
    }
}

TEST_CASE("incremental audit: random edit scripts on random models equal a fresh audit after every edit") {
    for (unsigned seed = 1; seed <= 60; ++seed) run_script(build(samverkan_test::generator{seed}.make()), seed, 30, 10);
}

TEST_CASE("incremental audit: scripts of mostly holdings, delegations and RACI edits keep the capability index "
          "equal to a fresh one") {
    for (unsigned seed = 1; seed <= 40; ++seed)
        run_script(build(samverkan_test::generator{seed}.make()), seed + 500, 30, 10, true);
}

TEST_CASE("incremental audit: user rules run with the kept capability index and equal audit(m, opts, rules...)") {
    for (unsigned seed = 1; seed <= 20; ++seed)
        run_script(build(samverkan_test::generator{seed}.make()), seed + 900, 30, 10, seed % 2 == 0, nobody_capable{});
    run_script(samverkan::examples::kommun_lag_2023_196(), 1900, 60, 30, true, nobody_capable{});
}

TEST_CASE("incremental audit: random edit scripts on the bundled examples") {
    unsigned seed = 1000;
    for (auto const& make : {samverkan::examples::kommun_lag_2023_196, samverkan::examples::detaljplan_blandstad,
                             samverkan::examples::centrum_bid})
        run_script(make(), seed++, 150, 30);
}

TEST_CASE("property: models built by edits (tombstones) keep the audit's properties") {
    for (unsigned seed = 1; seed <= 80; ++seed) {
        auto m = build(samverkan_test::generator{seed}.make());
        edit_maker maker{seed + 77};
        for (int k = 0; k < 25; ++k) try {
                samverkan::apply(m, maker.make(m));
            } catch (samverkan::error const&) {}
        INFO("seed " << seed);
        capability_index const cap{m};
        std::vector<finding> all;
        for (auto part : {check_assignment_rules(m), check_mandate_rules(m, cap), check_exclusive_overlap(m),
                          check_delegation_rules(m, cap), check_order_rules(m), check_coordination_rules(m, cap),
                          check_inventory_rules(m)})
            all.insert(all.end(), part.begin(), part.end());
        sort_findings(m, all);
        REQUIRE(all == audit(m).findings);
        // the capability index agrees with the index of the same model read back (compact ids)
        auto const back = io::read_json(io::to_json(m));
        capability_index const cap_back{back};
        for (duty_id d : m.duties())
            for (mandate_id x : m.mandates())
                for (actor_id a : m.actors()) {
                    auto const d2 = *back.find<duty_id>(m[d].id);
                    auto const x2 = *back.find<mandate_id>(m[x].id);
                    auto const a2 = *back.find<actor_id>(m[a].id);
                    REQUIRE(cap.capability(a, x, placement{m.stage_of(d), m.scope_of(d)}) ==
                            cap_back.capability(a2, x2, d2));
                }
    }
}

} // namespace samverkan_tests_edit_test
