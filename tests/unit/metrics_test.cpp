// metrics (analysis/metrics.hpp, analytics.md 3) on hand-computed small models: a star, a complete graph, a
// path with an isolated actor, an empty model; coverage and redundancy shares; holdings counted with
// duplicates; the per-stage rows; and the writers (io/metrics_report.hpp): doubles, JSON keys, CSV.
#include "catch.hpp"

#include <samverkan/analysis/collaboration.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/metrics_report.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan_tests_metrics_test { // one per file: the tests are built as a unity build

using namespace samverkan;
/// Equal within 1e-12 (Catch2's Approx has another name in v3); an absent share is never near.
bool near(double x, double y) { return x - y < 1e-12 && y - x < 1e-12; }
bool near(std::optional<double> x, double y) { return x && near(*x, y); }

model with_actors(int n) {
    model m;
    for (int i = 0; i < n; ++i) m.add_actor({.id = "a" + std::to_string(i)});
    return m;
}

forum_id forum(model& m, std::vector<int> const& members) {
    auto f = m.add_forum({.id = "f" + std::to_string(m.count<forum_id>())});
    for (int a : members) m.add_member(f, actor_id{static_cast<std::uint32_t>(a)});
    return f;
}

TEST_CASE("a star: centralisation 1, the centre's betweenness 1, the leaves' 0", "[metrics]") {
    for (int n : {3, 4, 7}) {
        auto m = with_actors(n);
        for (int leaf = 1; leaf < n; ++leaf) {
            auto f = forum(m, {leaf});
            m.set_coordinator(f, actor_id{0}); // the coordinator counts as a member
        }
        auto const r = metrics(m);
        CHECK(r.collaboration.n == static_cast<std::size_t>(n));
        CHECK(r.collaboration.edges == static_cast<std::size_t>(n - 1));
        CHECK(r.collaboration.components == 1);
        CHECK(near(r.collaboration.degree_centralisation, 1.0));
        CHECK(near(r.collaboration.density, 2.0 / n));
        CHECK(near(r.actors[0].betweenness, 1.0));
        CHECK(r.actors[0].degree == static_cast<std::size_t>(n - 1));
        for (int i = 1; i < n; ++i) CHECK(r.actors[static_cast<std::size_t>(i)].betweenness == 0.0);
    }
}

TEST_CASE("a complete graph: centralisation 0, density 1, no betweenness", "[metrics]") {
    auto m = with_actors(5);
    forum(m, {0, 1, 2, 3, 4});
    forum(m, {0, 1}); // a second forum adds no edge: G is simple
    auto const r = metrics(m);
    CHECK(r.collaboration.edges == 10);
    CHECK(r.collaboration.density == 1.0);
    CHECK(r.collaboration.degree_centralisation == 0.0);
    CHECK(r.collaboration.components == 1);
    for (auto const& a : r.actors) {
        CHECK(a.degree == 4);
        CHECK(a.betweenness == 0.0);
    }
}

TEST_CASE("a path of three and an isolated actor: two components, middle 1/3, centralisation 2/3", "[metrics]") {
    auto m = with_actors(4);
    forum(m, {0, 1});
    forum(m, {1, 2});
    auto const r = metrics(m);
    CHECK(r.collaboration.components == 2);
    CHECK(r.collaboration.edges == 2);
    CHECK(near(r.collaboration.density, 1.0 / 3));
    CHECK(near(r.collaboration.degree_centralisation, 2.0 / 3)); // (1 + 0 + 1 + 2) / 6
    CHECK(near(r.actors[1].betweenness, 1.0 / 3));               // 1 pair of 3 = (n-1)(n-2)/2
    CHECK(r.actors[3].degree == 0);
}

TEST_CASE("an empty model: shares null, counts and graph measures zero, the stage-less row", "[metrics]") {
    model const m;
    auto const r = metrics(m);
    CHECK(!r.model);
    CHECK(r.counts == element_counts{});
    CHECK(!r.coverage.assigned);
    CHECK(!r.coverage.accountable);
    CHECK(!r.coverage.mandated);
    CHECK(!r.coverage.standing);
    CHECK(r.redundancy.pairs == 0);
    CHECK(!r.redundancy.mean_capable);
    CHECK(r.resilience == resilience_histogram{});
    CHECK(r.collaboration.n == 0);
    CHECK(r.collaboration.components == 0);
    CHECK(r.collaboration.density == 0.0);
    CHECK(r.actors.empty());
    REQUIRE(r.stages.size() == 1);
    CHECK(!r.stages[0].stage);
    CHECK(r.stages[0].duties == 0);
    std::ostringstream os;
    io::write_metrics_json(os, r);
    CHECK(os.str().find("\"assigned\": null") != std::string::npos);
    CHECK(os.str().find("\"density\": 0.0,") != std::string::npos);
    CHECK(os.str().find("\"3+\": 0") != std::string::npos);
    CHECK(os.str().find("\"stage\": null") != std::string::npos);
    auto const two = metrics(with_actors(2)); // n < 3: centralisation 0.0, n < 2 would give density 0.0
    CHECK(two.collaboration.degree_centralisation == 0.0);
    CHECK(two.collaboration.density == 0.0);
    CHECK(metrics(with_actors(1)).collaboration.components == 1);
}

TEST_CASE("coverage and redundancy shares on a hand-computed model", "[metrics]") {
    model m;
    auto s1 = m.add_stage({.id = "s1"});
    auto s2 = m.add_stage({.id = "s0"}); // id order differs from listing order
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto lpo = m.add_actor({.id = "lpo"});
    auto leda = m.add_mandate({.id = "leda"});
    auto polis = m.add_mandate({.id = "polis"});
    m.grant(ks, leda);
    m.grant(ks, leda); // a duplicated holding counts twice in `holds`
    m.grant(lpo, polis);
    m.delegate(ks, sf, leda);
    // d1: A ks, R sf; requires leda twice (one pair): capable ks and sf
    auto d1 = m.add_duty({.id = "d1"}, {.stage = s1});
    m.require(d1, leda);
    m.assign(ks, d1, raci::accountable);
    m.assign(sf, d1, raci::responsible);
    // d2: two A, requires polis which only lpo holds and lpo is not a performer: fails
    auto d2 = m.add_duty({.id = "d2"}, {.stage = s2});
    m.require(d2, polis);
    m.require(d2, leda);
    m.assign(ks, d2, raci::accountable);
    m.assign(sf, d2, raci::accountable);
    // d3: optional, no performer (fails; not counted by assigned/accountable)
    auto d3 = m.add_duty({.id = "d3", .optional = true});
    m.require(d3, polis);
    // d4: not optional, only C: unassigned, fails
    auto d4 = m.add_duty({.id = "d4"});
    m.assign(lpo, d4, raci::consulted);

    auto const r = metrics(m);
    CHECK(r.counts.holds == 3);
    CHECK(r.counts.delegations == 1);
    CHECK(near(r.coverage.assigned, 2.0 / 3));    // d1, d2 of d1, d2, d4
    CHECK(near(r.coverage.accountable, 1.0 / 3)); // d1 only
    // pairs of performed duties: (d1, leda) yes, (d2, polis) no, (d2, leda) yes
    CHECK(near(r.coverage.mandated, 2.0 / 3));
    CHECK(near(r.coverage.standing, 1.0 / 4)); // d1
    // all pairs: (d1, leda) 2 capable, (d2, polis) 1, (d2, leda) 2, (d3, polis) 1
    CHECK(r.redundancy.pairs == 4);
    CHECK(near(r.redundancy.mean_capable, 6.0 / 4));
    CHECK(r.redundancy.sole_capable == 2);
    CHECK(r.redundancy.none_capable == 0);
    CHECK(r.resilience.counts == std::array<std::size_t, 4>{3, 1, 0, 0}); // d1 hangs on ks (the delegator)
    REQUIRE(r.actors.size() == 3);
    CHECK(r.actors[0].actor == "ks");
    CHECK(r.actors[0].holds == 2);
    CHECK(r.actors[0].performs == 2);
    CHECK(r.actors[0].accountable == 2);
    CHECK(r.actors[0].capable == 2);
    CHECK(r.actors[0].failing_if_withdrawn == 1);
    CHECK(r.actors[1].actor == "lpo");
    CHECK(r.actors[1].performs == 0);
    CHECK(r.actors[1].capable == 2);
    CHECK(r.actors[2].actor == "sf");
    CHECK(r.actors[2].holds == 0); // received holdings are not direct ones
    CHECK(r.actors[2].capable == 2);
    REQUIRE(r.stages.size() == 3);
    CHECK(r.stages[0].stage == std::optional<std::string>{"s0"});
    CHECK(r.stages[0].duties == 1);
    CHECK(r.stages[0].failing == 1);
    CHECK(r.stages[0].findings.error >= 1); // mandate-missing on d2, multiple-accountable
    CHECK(r.stages[1].stage == std::optional<std::string>{"s1"});
    CHECK(r.stages[1].failing == 0);
    CHECK(!r.stages[2].stage);
    CHECK(r.stages[2].duties == 2);
    CHECK(r.stages[2].failing == 2);
    summary expected_unstaged; // d4: unassigned-duty (error); d3 optional: skipped by the assignment rules
    auto const findings = audit(m);
    for (auto const& f : findings.findings)
        if (auto d = f.subject_id<duty_id>("duty"); d && !m.stage_of(*d) && detail::counts_for_stage(f.rule))
            detail::add_finding(expected_unstaged, f.severity);
    CHECK(r.stages[2].findings == expected_unstaged);
    CHECK(expected_unstaged.total() >= 1);
}

TEST_CASE("betweenness does not depend on the number of threads", "[metrics]") {
    std::mt19937 rng{7};
    auto m = with_actors(60);
    for (int f = 0; f < 40; ++f) {
        std::vector<int> members;
        for (int k = 0; k < 3; ++k) members.push_back(static_cast<int>(rng() % 60));
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        forum(m, members);
    }
    auto const one = collaboration(m, 1);
    auto const two = collaboration(m, 2);
    auto const four = collaboration(m, 4);
    CHECK(one.betweenness == two.betweenness); // bit for bit
    CHECK(one.betweenness == four.betweenness);
    CHECK(one.components == two.components);
}

TEST_CASE("doubles are written shortest, with a fraction or exponent", "[metrics]") {
    using io::detail::format_double;
    CHECK(format_double(1.0) == "1.0");
    CHECK(format_double(0.0) == "0.0");
    CHECK(format_double(0.25) == "0.25");
    CHECK(format_double(1.0 / 3) == "0.3333333333333333");
    CHECK(format_double(2.0 / 3) == "0.6666666666666666");
    CHECK(format_double(1e300) == "1e+300");
    CHECK(format_double(123456.0) == "123456.0");
    CHECK(std::stod(format_double(0.1 + 0.2)) == 0.1 + 0.2);
    CHECK_THROWS_AS(format_double(std::numeric_limits<double>::infinity()), samverkan::error);
}

TEST_CASE("metrics CSV: the described header, quoted ids, doubles as in JSON", "[metrics]") {
    auto m = with_actors(0);
    auto a = m.add_actor({.id = "a,\"b\""});
    auto b = m.add_actor({.id = "b"});
    auto c = m.add_actor({.id = "c"});
    forum(m, {static_cast<int>(a.index()), static_cast<int>(b.index())});
    forum(m, {static_cast<int>(b.index()), static_cast<int>(c.index())});
    std::ostringstream os;
    io::write_metrics_csv(os, metrics(m));
    CHECK(os.str() == "actor,degree,betweenness,performs,accountable,holds,capable,failing_if_withdrawn\n"
                      "\"a,\"\"b\"\"\",1,0.0,0,0,0,0,0\n"
                      "b,2,1.0,0,0,0,0,0\n"
                      "c,1,0.0,0,0,0,0,0\n");
}

TEST_CASE("metrics JSON keys in report order, the same bytes twice", "[metrics]") {
    auto const m = io::read_json_file(SAMVERKAN_SOURCE_DIR "/examples/models/centrum_bid.json");
    std::ostringstream x, y;
    io::write_metrics_json(x, metrics(m));
    io::write_metrics_json(y, metrics(m));
    CHECK(x.str() == y.str());
    auto const& text = x.str();
    std::size_t last = 0;
    for (std::string_view key : {"format\": \"samverkan-metrics/1\"", "model\"", "counts\"", "coverage\"",
                                 "redundancy\"", "resilience\"", "collaboration\"", "actors\"", "stages\""}) {
        auto const at = text.find("\n  \"" + std::string{key}); // top level: indented once
        INFO(key);
        REQUIRE(at != std::string::npos);
        CHECK(at >= last);
        last = at;
    }
}

} // namespace samverkan_tests_metrics_test
