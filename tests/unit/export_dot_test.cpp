// The DOT export: nodes and edges by kind, escaping, determinism, and how each rule's findings are drawn.
#include "catch.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/diagnostics.hpp>
#include <samverkan/io/dot.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_export_dot_test { // one per file: the tests are built as a unity build

namespace {

using samverkan::raci;
using samverkan::ref_list;
using samverkan::severity;

std::string dot_of(samverkan::model const& m, samverkan::report const& r = {}) {
    std::ostringstream os;
    samverkan::io::write_dot(os, m, r);
    return os.str();
}

// The lines of `dot` that contain `needle`.
std::vector<std::string> lines_with(std::string const& dot, std::string_view needle) {
    std::vector<std::string> out;
    std::istringstream in{dot};
    for (std::string line; std::getline(in, line);)
        if (line.find(needle) != std::string::npos) out.push_back(line);
    return out;
}

// The one line of `dot` that contains `needle` (fails the test if there is not exactly one).
std::string line_with(std::string const& dot, std::string_view needle) {
    auto const lines = lines_with(dot, needle);
    INFO("looking for " << needle);
    REQUIRE(lines.size() == 1);
    return lines.front();
}

// The line of the node with key `key` ("actor:ks").
std::string node_line(std::string const& dot, std::string_view key) {
    return line_with(dot, "\"" + std::string{key} + "\" [shape=");
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

constexpr std::string_view red = "color=\"#d32f2f\"";
constexpr std::string_view orange = "color=\"#ef6c00\"";
constexpr std::string_view blue = "color=\"#1976d2\"";

// A model with something for every rule to point at.
struct fixture {
    samverkan::model m;
    samverkan::stage_id s1, s2;
    samverkan::scope_id kommun, centrum;
    samverkan::actor_id ks, sf, lpo, idle;
    samverkan::mandate_id leda, polis, unused;
    samverkan::duty_id lb, plan, follow;
    samverkan::forum_id rad, empty_forum;

    fixture() {
        m.set_name("Exempelkommun");
        s1 = m.add_stage({.id = "lagesbild", .name = "Lägesbild"});
        s2 = m.add_stage({.id = "plan", .name = "Åtgärdsplan"});
        m.order(s2, s1);
        kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
        centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
        m.nest(centrum, kommun);
        ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
        sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
        lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet", .category = "stat"});
        idle = m.add_actor({.id = "region", .name = "Regionen"});
        leda = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 §", .exclusive = true});
        polis = m.add_mandate({.id = "polis", .name = "Polisiära befogenheter", .delegable = false});
        unused = m.add_mandate({.id = "unused", .name = "Oanvänt"});
        lb = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.stage = s1, .scope = kommun});
        plan = m.add_duty({.id = "plan", .name = "Besluta åtgärdsplan", .optional = true}, {.stage = s2});
        follow = m.add_duty({.id = "follow", .name = "Följa upp"});
        m.require(lb, leda);
        m.require(plan, polis);
        m.need(lb, plan);
        m.need(plan, lb);
        m.assign(sf, lb, raci::responsible);
        m.assign(ks, lb, raci::accountable);
        m.assign(lpo, lb, raci::accountable);
        m.assign(lpo, lb, raci::consulted);
        m.assign(ks, plan, raci::informed);
        m.grant(ks, leda, {.scope = kommun});
        m.grant(lpo, leda, {.scope = centrum, .stages = {s1}});
        m.grant(lpo, polis);
        m.delegate(ks, sf, leda);
        m.delegate(sf, ks, leda);
        m.delegate(lpo, sf, polis);
        rad = m.add_forum({.id = "rad", .name = "Brottsförebyggande rådet", .model = "samverkansöverenskommelse"});
        m.add_member(rad, ks);
        m.set_coordinator(rad, sf);
        m.cover(rad, lb);
        empty_forum = m.add_forum({.id = "tom", .name = "Tomt forum"});
    }

    samverkan::report one(std::string rule, severity s, std::vector<samverkan::field> subjects) const {
        samverkan::report r;
        r.findings.push_back({std::move(rule), s, std::move(subjects), {}, "a message"});
        return r;
    }
};

} // namespace

TEST_CASE("write_dot draws every element as a node with its kind's shape and a stable id") {
    fixture const f;
    auto const dot = dot_of(f.m);
    CHECK(dot.starts_with("// A samverkan model"));
    CHECK(contains(dot, "digraph samverkan {"));
    CHECK(dot.ends_with("}\n"));
    CHECK(contains(node_line(dot, "actor:ks"), "shape=box, style=\"rounded,filled\""));
    CHECK(contains(node_line(dot, "actor:ks"),
                   "label=<Kommunstyrelsen<br/><font point-size=\"9\" color=\"#546e7a\">kommun</font>>"));
    CHECK(contains(node_line(dot, "mandate:leda"), "shape=note"));
    CHECK(contains(node_line(dot, "mandate:leda"), "KL 6 kap. 1 § · exclusive"));
    CHECK(contains(node_line(dot, "mandate:polis"), "not delegable"));
    CHECK(contains(node_line(dot, "duty:lagesbild"), "shape=ellipse"));
    CHECK(contains(node_line(dot, "duty:lagesbild"), "Lägesbild · Exempelkommun"));
    CHECK(contains(node_line(dot, "duty:plan"), "Åtgärdsplan · optional"));
    CHECK(contains(node_line(dot, "forum:rad"), "shape=hexagon"));
    CHECK(contains(node_line(dot, "stage:plan"), "shape=cds"));
    CHECK(contains(node_line(dot, "scope:kommun"), "shape=tab"));
    // The same id in two kinds gives two nodes.
    CHECK(lines_with(dot, "\"stage:lagesbild\" [shape=").size() == 1);
    CHECK(lines_with(dot, "\"duty:lagesbild\" [shape=").size() == 1);
    // Stages and scopes in their clusters; no findings, so no colours and no severity rows in the legend.
    CHECK(contains(dot, "subgraph cluster_stages {"));
    CHECK(contains(dot, "subgraph cluster_scopes {"));
    CHECK(contains(dot, "subgraph cluster_legend {"));
    CHECK_FALSE(contains(dot, "#d32f2f"));
    CHECK_FALSE(contains(dot, "finding: error"));
}

TEST_CASE("write_dot draws every relation as an edge styled by kind") {
    fixture const f;
    auto const dot = dot_of(f.m);
    CHECK(contains(line_with(dot, "\"actor:ks\" -> \"mandate:leda\""), "color=\"#2e7d32\""));
    CHECK(contains(line_with(dot, "\"actor:ks\" -> \"mandate:leda\""), "label=<Exempelkommun>"));
    CHECK(contains(line_with(dot, "\"actor:lpo\" -> \"mandate:leda\""), "label=<Centrum; Lägesbild>"));
    CHECK(contains(line_with(dot, "\"actor:lpo\" -> \"mandate:polis\""), "tooltip=\"holds: lpo -> polis\""));
    CHECK_FALSE(contains(line_with(dot, "\"actor:lpo\" -> \"mandate:polis\""), "label="));
    auto const delegation = line_with(dot, "\"actor:ks\" -> \"actor:sf\"");
    CHECK(contains(delegation, "style=\"dashed\""));
    CHECK(contains(delegation, "label=<Leda och samordna>"));
    CHECK(contains(line_with(dot, "\"actor:sf\" -> \"duty:lagesbild\""), "label=<R>"));
    CHECK(contains(line_with(dot, "\"actor:sf\" -> \"duty:lagesbild\""), "style=\"solid\""));
    CHECK(contains(line_with(dot, "\"actor:ks\" -> \"duty:lagesbild\""), "label=<A>"));
    CHECK(contains(line_with(dot, "\"actor:ks\" -> \"duty:lagesbild\""), "style=\"bold\""));
    CHECK(contains(line_with(dot, "label=<C>"), "style=\"dashed\""));
    CHECK(contains(line_with(dot, "label=<I>"), "style=\"dotted\""));
    CHECK(contains(line_with(dot, "\"duty:lagesbild\" -> \"mandate:leda\""), "arrowhead=odiamond"));
    CHECK(contains(line_with(dot, "\"duty:lagesbild\" -> \"duty:plan\""), "arrowhead=vee"));
    // Stage order along the process: from the earlier stage to the later.
    CHECK(contains(line_with(dot, "\"stage:lagesbild\" -> \"stage:plan\""), "stage order"));
    CHECK(contains(line_with(dot, "\"scope:centrum\" -> \"scope:kommun\""), "arrowhead=empty"));
    CHECK(contains(line_with(dot, "\"forum:rad\" -> \"actor:ks\""), "style=\"dotted\""));
    CHECK(contains(line_with(dot, "\"forum:rad\" -> \"actor:sf\""), "arrowhead=dot"));
    CHECK(contains(line_with(dot, "\"forum:rad\" -> \"duty:lagesbild\""), "covers"));
    // One edge per relation, nothing else (the legend draws no edges).
    CHECK(lines_with(dot, "\" -> \"").size() == f.m.relation_count());
}

TEST_CASE("write_dot escapes names, ids and messages") {
    samverkan::model m;
    m.set_name("A \"quoted\" <name> & more");
    auto a = m.add_actor({.id = "say \"hi\"\\", .name = "Polisen \"LPO\" <Norr> & co\nrad två\\"});
    auto d = m.add_duty({.id = "Åtgärdsplan", .name = "ctl\x01 bad\xff"});
    m.assign(a, d, raci::responsible);
    samverkan::report r;
    r.findings.push_back({"no-accountable", severity::error, {{"duty", d}}, {}, "tip \"quoted\" \\ back\nslash"});
    auto const dot = dot_of(m, r);

    // Node ids never hold '"' or '\': such characters are written as :hex:.
    auto const node = node_line(dot, "actor:say:20::22:hi:22::5C:");
    CHECK(contains(node, "label=<Polisen \"LPO\" &lt;Norr&gt; &amp; co<br/>rad två\\>"));
    CHECK(contains(node, "tooltip=\"actor say \\\"hi\\\"\\\\\""));
    CHECK(contains(dot, "label=<<font point-size=\"18\"><b>A \"quoted\" &lt;name&gt; &amp; more</b></font>"));
    auto const duty = node_line(dot, "duty:Åtgärdsplan");
    CHECK(contains(duty, "label=<ctl\xEF\xBF\xBD bad\xEF\xBF\xBD<br/>"));
    CHECK(contains(duty, "tooltip=\"duty Åtgärdsplan\\nerror no-accountable: tip \\\"quoted\\\" \\\\ back\\nslash\""));
    CHECK(lines_with(dot, "\"actor:say:20::22:hi:22::5C:\" -> \"duty:Åtgärdsplan\"").size() == 1);
}

TEST_CASE("write_dot is deterministic") {
    fixture const a;
    fixture const b;
    auto const r = a.one("coordination-gap", severity::warning, {{"actors", ref_list{a.ks, a.lpo}}});
    CHECK(dot_of(a.m, r) == dot_of(a.m, r));
    CHECK(dot_of(a.m, r) == dot_of(b.m, r));
    CHECK(dot_of(a.m) == dot_of(b.m));
}

TEST_CASE("write_dot highlights each rule's findings where the rule points") {
    fixture const f;

    SECTION("mandate-missing and mandate-unheld: the requires edge, red and bold") {
        for (std::string rule : {"mandate-missing", "mandate-unheld"}) {
            auto const dot = dot_of(f.m, f.one(rule, severity::error, {{"duty", f.lb}, {"mandate", f.leda}}));
            auto const edge = line_with(dot, "\"duty:lagesbild\" -> \"mandate:leda\"");
            CHECK(contains(edge, red));
            CHECK(contains(edge, "bold"));
            CHECK(contains(edge, "penwidth=3"));
            CHECK(contains(edge, "<b>" + rule + "</b>"));
            CHECK(contains(edge, "error " + rule + ": a message"));
            CHECK_FALSE(contains(node_line(dot, "duty:lagesbild"), "#d32f2f"));
        }
    }
    SECTION("unassigned-duty, no-accountable, no-responsible: the duty node") {
        for (std::string rule : {"unassigned-duty", "no-accountable", "no-responsible"}) {
            auto const dot = dot_of(f.m, f.one(rule, severity::error, {{"duty", f.follow}}));
            auto const node = node_line(dot, "duty:follow");
            CHECK(contains(node, red));
            CHECK(contains(node, "fillcolor=\"#ffebee\""));
            CHECK(contains(node, "<b>" + rule + "</b>"));
        }
    }
    SECTION("multiple-accountable: the duty and its A edges") {
        auto const dot = dot_of(
            f.m, f.one("multiple-accountable", severity::error, {{"duty", f.lb}, {"actors", ref_list{f.ks, f.lpo}}}));
        CHECK(contains(node_line(dot, "duty:lagesbild"), red));
        CHECK(contains(line_with(dot, "\"actor:ks\" -> \"duty:lagesbild\""), red));
        CHECK(contains(
            line_with(dot, "label=<A<br/><b>multiple-accountable</b>>, fontcolor=\"#d32f2f\", tooltip=\"assigned: lpo"),
            red));
        CHECK_FALSE(contains(line_with(dot, "label=<C>"), red)); // lpo's C edge stays plain
    }
    SECTION("accountable- and responsible-without-mandate: the A or R edge") {
        auto dot =
            dot_of(f.m, f.one("accountable-without-mandate", severity::warning, {{"duty", f.lb}, {"actor", f.ks}}));
        CHECK(contains(line_with(dot, "\"actor:ks\" -> \"duty:lagesbild\""), orange));
        dot = dot_of(f.m, f.one("responsible-without-mandate", severity::info, {{"duty", f.lb}, {"actor", f.sf}}));
        auto const edge = line_with(dot, "\"actor:sf\" -> \"duty:lagesbild\"");
        CHECK(contains(edge, blue));
        CHECK(contains(edge, "label=<R<br/><b>responsible-without-mandate</b>>"));
    }
    SECTION("exclusive-overlap: both actors' holds edges of the mandate") {
        auto const dot = dot_of(
            f.m, f.one("exclusive-overlap", severity::error, {{"mandate", f.leda}, {"actors", ref_list{f.ks, f.lpo}}}));
        CHECK(contains(line_with(dot, "\"actor:ks\" -> \"mandate:leda\""), red));
        CHECK(contains(line_with(dot, "\"actor:lpo\" -> \"mandate:leda\""), red));
        CHECK_FALSE(contains(line_with(dot, "\"actor:lpo\" -> \"mandate:polis\""), red));
        CHECK(lines_with(dot, "exclusive-overlap</b>").size() == 2);
    }
    SECTION("invalid-delegation: the delegation edge") {
        auto const dot = dot_of(
            f.m, f.one("invalid-delegation", severity::error, {{"mandate", f.polis}, {"from", f.lpo}, {"to", f.sf}}));
        auto const edge = line_with(dot, "\"actor:lpo\" -> \"actor:sf\"");
        CHECK(contains(edge, red));
        CHECK(contains(edge, "style=\"dashed,bold\""));
        CHECK(contains(edge, "label=<Polisiära befogenheter<br/><b>invalid-delegation</b>>"));
        CHECK_FALSE(contains(line_with(dot, "\"actor:ks\" -> \"actor:sf\""), red));
    }
    SECTION("delegation-cycle: the mandate's delegation edges inside the cycle") {
        auto const dot = dot_of(
            f.m, f.one("delegation-cycle", severity::warning, {{"mandate", f.leda}, {"actors", ref_list{f.ks, f.sf}}}));
        CHECK(contains(line_with(dot, "\"actor:ks\" -> \"actor:sf\""), orange));
        CHECK(contains(line_with(dot, "\"actor:sf\" -> \"actor:ks\""), orange));
        CHECK_FALSE(contains(line_with(dot, "\"actor:lpo\" -> \"actor:sf\""), orange)); // another mandate
    }
    SECTION("dependency-cycle: the needs edges inside the cycle") {
        auto const dot = dot_of(f.m, f.one("dependency-cycle", severity::error, {{"duties", ref_list{f.lb, f.plan}}}));
        CHECK(contains(line_with(dot, "\"duty:lagesbild\" -> \"duty:plan\""), red));
        CHECK(contains(line_with(dot, "\"duty:plan\" -> \"duty:lagesbild\""), red));
        CHECK(lines_with(dot, "<b>dependency-cycle</b>").size() == 2);
    }
    SECTION("stage-order: the needs edge") {
        auto const dot = dot_of(f.m, f.one("stage-order", severity::error, {{"duty", f.lb}, {"needs", f.plan}}));
        CHECK(contains(line_with(dot, "\"duty:lagesbild\" -> \"duty:plan\""), red));
        CHECK_FALSE(contains(line_with(dot, "\"duty:plan\" -> \"duty:lagesbild\""), red));
    }
    SECTION("coordination-gap: a dashed edge of its own between the two actors") {
        auto const dot = dot_of(f.m, f.one("coordination-gap", severity::warning, {{"actors", ref_list{f.ks, f.lpo}}}));
        auto const edge = line_with(dot, "\"actor:ks\" -> \"actor:lpo\"");
        CHECK(contains(edge, orange));
        CHECK(contains(edge, "style=\"dashed,bold\""));
        CHECK(contains(edge, "dir=none"));
        CHECK(contains(edge, "constraint=false"));
        CHECK(contains(edge, "<b>coordination-gap</b>"));
        CHECK(contains(edge, "tooltip=\"warning coordination-gap: a message\""));
    }
    SECTION("coordinator-without-mandate: the coordinator edge") {
        auto const dot =
            dot_of(f.m, f.one("coordinator-without-mandate", severity::warning, {{"forum", f.rad}, {"actor", f.sf}}));
        CHECK(contains(line_with(dot, "\"forum:rad\" -> \"actor:sf\""), orange));
    }
    SECTION("forum-without-coordinator, idle-actor, unused-mandate: the node") {
        auto dot = dot_of(f.m, f.one("forum-without-coordinator", severity::info, {{"forum", f.empty_forum}}));
        CHECK(contains(node_line(dot, "forum:tom"), blue));
        dot = dot_of(f.m, f.one("idle-actor", severity::info, {{"actor", f.idle}}));
        CHECK(contains(node_line(dot, "actor:region"), "<b>idle-actor</b>"));
        dot = dot_of(f.m, f.one("unused-mandate", severity::info, {{"mandate", f.unused}}));
        CHECK(contains(node_line(dot, "mandate:unused"), "fillcolor=\"#e3f2fd\""));
    }
    SECTION("a user rule: every element its subjects name") {
        auto const dot = dot_of(
            f.m, f.one("police-consulted", severity::warning, {{"duty", f.lb}, {"actors", ref_list{f.lpo, f.sf}}}));
        CHECK(contains(node_line(dot, "duty:lagesbild"), orange));
        CHECK(contains(node_line(dot, "actor:lpo"), "<b>police-consulted</b>"));
        CHECK(contains(node_line(dot, "actor:sf"), orange));
        CHECK_FALSE(contains(node_line(dot, "actor:ks"), orange));
    }
}

TEST_CASE("write_dot combines findings on one item and takes the most severe colour") {
    fixture const f;
    samverkan::report r;
    r.findings.push_back({"no-accountable", severity::error, {{"duty", f.follow}}, {}, "first"});
    r.findings.push_back({"no-responsible", severity::warning, {{"duty", f.follow}}, {}, "second"});
    r.findings.push_back({"idle-actor", severity::info, {{"actor", f.idle}}, {}, "third"});
    auto const dot = dot_of(f.m, r);
    auto const node = node_line(dot, "duty:follow");
    CHECK(contains(node, red));
    CHECK(contains(node, "<b>no-accountable<br/>no-responsible</b>"));
    CHECK(contains(node, "\\nerror no-accountable: first\\nwarning no-responsible: second"));
    // The title counts the findings; the legend explains the colours.
    CHECK(contains(dot,
                   "<b>Exempelkommun</b></font><br/><font point-size=\"13\"><font color=\"#d32f2f\">1 error</font>, "
                   "<font color=\"#ef6c00\">1 warning</font>, <font color=\"#1976d2\">1 info</font></font>"));
    CHECK(contains(dot, "finding: warning"));
}

TEST_CASE(
    "write_dot draws findings about relations the model lacks as edges of their own, and skips unknown elements") {
    fixture const f;
    samverkan::report r;
    // ks does not require polis on 'follow', and ks is not R on 'lagesbild'.
    r.findings.push_back({"mandate-unheld", severity::error, {{"duty", f.follow}, {"mandate", f.polis}}, {}, "m"});
    r.findings.push_back({"responsible-without-mandate", severity::info, {{"duty", f.lb}, {"actor", f.ks}}, {}, "m"});
    // An actor this model never issued.
    r.findings.push_back({"idle-actor", severity::info, {{"actor", samverkan::actor_id{99}}}, {}, "m"});
    auto const dot = dot_of(f.m, r);
    CHECK(contains(line_with(dot, "\"duty:follow\" -> \"mandate:polis\""), "constraint=false"));
    CHECK(contains(line_with(dot, "\"actor:ks\" -> \"duty:lagesbild\" [color=\"#1976d2\""),
                   "responsible-without-mandate"));
    CHECK(lines_with(dot, "idle-actor").empty());
}

TEST_CASE("write_dot draws the real audit's findings") {
    fixture const f;
    auto const r = samverkan::audit(f.m);
    REQUIRE_FALSE(r.findings.empty());
    auto const dot = dot_of(f.m, r);
    // Every finding's rule id appears in the drawing (in a label), and the audit's known problems sit
    // where they belong: the duties that need each other form a cycle, 'Följa upp' has no one assigned.
    for (auto const& finding : r.findings) {
        INFO(finding.rule.text());
        CHECK((contains(dot, "<b>" + std::string{finding.rule.text()}) ||
               contains(dot, "<br/>" + std::string{finding.rule.text()})));
    }
    CHECK(contains(line_with(dot, "\"duty:lagesbild\" -> \"duty:plan\""), "dependency-cycle"));
    CHECK(contains(node_line(dot, "duty:follow"), "unassigned-duty"));
    CHECK(contains(node_line(dot, "forum:tom"), "forum-without-coordinator"));
}

} // namespace samverkan_tests_export_dot_test
