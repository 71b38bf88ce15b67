// Property tests on random models (seeded std::mt19937, deterministic):
//   - listing elements and relations in another order never changes the report;
//   - the capability index agrees with a naive fixpoint written straight from model-format.md;
//   - adding a holding never adds a (duty, mandate) pair to mandate-missing + mandate-unheld;
//   - adding a forum never adds a coordination-gap;
//   - the per-family functions together give exactly the audit's findings;
//   - sort_findings (the fast path) and compare_findings (the definition of the report order) agree.
#include "analysis_test_support.hpp"
#include "catch.hpp"
#include "random_model_support.hpp"

#include <samverkan/analysis.hpp>

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace samverkan_tests_property_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::build;
using samverkan_test::generator;
using samverkan_test::line;
using samverkan_test::spec;

namespace {

std::vector<std::string> report_lines(model const& m, report const& r) {
    std::vector<std::string> out;
    for (auto const& f : r.findings) out.push_back(line(m, f) + " :: " + message(m, f));
    return out;
}

// ---- a naive reference of the delegation semantics, straight from model-format.md ------------------------

struct reference {
    using reach_t = std::pair<int, std::vector<int>>; // (scope or -1, sorted stages, empty = every stage)
    model const& m;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<reach_t>> held; // (actor, mandate)

    bool covers(int outer, int inner) const {
        if (outer < 0) return true;
        if (inner < 0) return false;
        for (std::optional<scope_id> s = scope_id{static_cast<std::uint32_t>(inner)}; s; s = m.parent(*s))
            if (static_cast<int>(s->index()) == outer) return true;
        return false;
    }
    static reach_t reach_of(reach_view const& w) {
        std::vector<int> st;
        for (auto s : w.stages) st.push_back(static_cast<int>(s.index()));
        return {w.scope ? static_cast<int>(w.scope->index()) : -1, st};
    }
    // nullopt: valid; otherwise the reason
    std::optional<delegation_status> judge(delegation_view const& v) const {
        if (!m[v.mandate].delegable) return delegation_status::not_delegable;
        if (v.from == v.to) return delegation_status::self;
        auto const it = held.find({v.from.index(), v.mandate.index()});
        if (it == held.end() || it->second.empty()) return delegation_status::not_held;
        if (!v.explicit_grant()) return std::nullopt;
        auto const [scope, stages] = reach_of(v.where);
        std::vector<reach_t> covering;
        for (auto const& h : it->second)
            if (covers(h.first, scope)) covering.push_back(h);
        if (covering.empty()) return delegation_status::scope;
        if (stages.empty())
            return std::any_of(covering.begin(), covering.end(), [](reach_t const& h) { return h.second.empty(); })
                       ? std::nullopt
                       : std::optional{delegation_status::stage};
        for (int t : stages)
            if (std::none_of(covering.begin(), covering.end(), [t](reach_t const& h) {
                    return h.second.empty() || std::find(h.second.begin(), h.second.end(), t) != h.second.end();
                }))
                return delegation_status::stage;
        return std::nullopt;
    }
    explicit reference(model const& mm) : m{mm} {
        for (auto h : m.holdings()) {
            auto const v = m.holding(h);
            held[{v.actor.index(), v.mandate.index()}].insert(reach_of(v.where));
        }
        for (bool changed = true; changed;) { // Kleene iteration: monotone, so it reaches the least fixpoint
            changed = false;
            for (auto d : m.delegations()) {
                auto const v = m.delegation(d);
                if (judge(v)) continue;
                auto& to = held[{v.to.index(), v.mandate.index()}];
                auto const before = to.size();
                if (v.explicit_grant()) to.insert(reach_of(v.where));
                else {
                    auto const from = held[{v.from.index(), v.mandate.index()}];
                    to.insert(from.begin(), from.end());
                }
                changed = changed || to.size() != before;
            }
        }
    }
    bool capable(actor_id a, mandate_id x, placement const& p) const {
        auto const it = held.find({a.index(), x.index()});
        if (it == held.end()) return false;
        int const scope = p.scope ? static_cast<int>(p.scope->index()) : -1;
        for (auto const& h : it->second)
            if (covers(h.first, scope) &&
                (h.second.empty() || (p.stage && std::find(h.second.begin(), h.second.end(),
                                                           static_cast<int>(p.stage->index())) != h.second.end())))
                return true;
        return false;
    }
};

std::set<std::pair<std::string, std::string>> mandate_gaps(model const& m) {
    std::set<std::pair<std::string, std::string>> out;
    for (auto const& f : audit(m, audit_options{}.only({rule_id::mandate_missing, rule_id::mandate_unheld})).findings)
        out.emplace(std::string{detail::id_text(m, *f.subject_id<duty_id>("duty"))},
                    std::string{detail::id_text(m, *f.subject_id<mandate_id>("mandate"))});
    return out;
}

std::set<std::string> gaps(model const& m) {
    std::set<std::string> out;
    for (auto const& f : audit(m, audit_options{}.only({rule_id::coordination_gap})).findings) out.insert(line(m, f));
    return out;
}

constexpr unsigned seeds = 300;

} // namespace

TEST_CASE("property: the listing order of elements and relations never changes the report") {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        auto const s = generator{seed}.make();
        auto const base = build(s);
        auto const expected = report_lines(base, audit(base));
        for (unsigned k = 0; k < 3; ++k) {
            std::mt19937 rng{seed * 7919U + k};
            auto const other = build(s, &rng);
            INFO("seed " << seed << " permutation " << k);
            REQUIRE(report_lines(other, audit(other)) == expected);
        }
    }
}

TEST_CASE("property: the capability index agrees with a naive least fixpoint") {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        auto const s = generator{seed}.make();
        auto const m = build(s);
        capability_index const cap{m};
        reference const ref{m};
        INFO("seed " << seed);
        for (auto d : m.delegations()) {
            auto const why = ref.judge(m.delegation(d));
            REQUIRE(cap.validity(d) == (why ? *why : delegation_status::valid));
        }
        std::vector<placement> places{placement{}};
        for (auto d : m.duties()) places.push_back(cap.placement_of(d));
        for (auto st : m.stages())
            for (auto sc : m.scopes()) places.push_back(placement{st, sc});
        for (auto const& p : places)
            for (auto x : m.mandates()) {
                std::vector<actor_id> able;
                for (auto a : m.actors()) {
                    bool const expected = ref.capable(a, x, p);
                    REQUIRE(cap.capable(a, x, p) == expected);
                    if (expected) able.push_back(a);
                }
                REQUIRE(cap.capable_actors(x, p) == able);
                REQUIRE(cap.anyone_capable(x, p) == !able.empty());
            }
    }
}

TEST_CASE("property: adding a holding never adds a mandate-missing or mandate-unheld pair") {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        generator g{seed};
        auto s = g.make();
        auto const before = mandate_gaps(build(s));
        s.holdings.push_back({g.pick(s.actors), g.pick(s.mandates), g.maybe(s.scopes, 0.3),
                              g.chance(0.5) ? std::vector<int>{} : g.subset(s.stages, 2)});
        auto const after = mandate_gaps(build(s));
        INFO("seed " << seed);
        REQUIRE(after.size() <= before.size());
        REQUIRE(std::includes(before.begin(), before.end(), after.begin(), after.end()));
    }
}

TEST_CASE("property: adding a forum never adds a coordination-gap") {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        generator g{seed};
        auto s = g.make();
        auto const before = gaps(build(s));
        spec::forum f{{}, g.subset(static_cast<int>(s.duties.size()), 2), g.maybe(s.actors, 0.3)};
        std::set<int> members;
        for (int a : g.subset(s.actors, 4)) members.insert(a);
        f.members.assign(members.begin(), members.end());
        s.forums.push_back(f);
        auto const after = gaps(build(s));
        INFO("seed " << seed);
        REQUIRE(std::includes(before.begin(), before.end(), after.begin(), after.end()));
    }
}

TEST_CASE("property: mandate-missing and mandate-unheld exclude each other; reasons name exactly the performers") {
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        auto const m = build(generator{seed}.make());
        std::set<std::pair<std::uint32_t, std::uint32_t>> missing, unheld;
        for (auto const& f : audit(m).findings) {
            auto const key = [&] {
                return std::pair{f.subject_id<duty_id>("duty")->index(), f.subject_id<mandate_id>("mandate")->index()};
            };
            if (f.rule == "mandate-unheld") unheld.insert(key());
            if (f.rule != "mandate-missing") continue;
            missing.insert(key());
            std::set<std::uint32_t> performers, named;
            for (auto const& e : m.raci_of(*f.subject_id<duty_id>("duty")))
                if (e.role == raci::responsible || e.role == raci::accountable) performers.insert(e.actor.index());
            for (auto const& [who, why] : std::get<ref_map>(*f.evidence("reasons")))
                named.insert(std::get<actor_id>(who).index());
            INFO("seed " << seed);
            REQUIRE(named == performers);
            REQUIRE_FALSE(std::get<ref_list>(*f.evidence("capable")).empty());
        }
        for (auto const& k : missing) REQUIRE(unheld.count(k) == 0);
    }
}

TEST_CASE("property: sort_findings orders exactly as compare_findings defines the report order") {
    for (unsigned seed = 1; seed <= 100; ++seed) {
        auto const m = build(generator{seed}.make());
        std::mt19937 rng{seed};
        std::vector<finding> findings = audit(m).findings;
        // findings as user rules may make them: every kind of subject value, equal subjects with other
        // witnesses and messages, text subjects, lists with null, maps
        std::vector<element_ref> refs;
        for (auto a : m.actors()) refs.emplace_back(a);
        for (auto d : m.duties()) refs.emplace_back(d);
        for (auto x : m.mandates()) refs.emplace_back(x);
        for (auto f : m.forums()) refs.emplace_back(f);
        if (!refs.empty())
            for (int i = 0; i < 40; ++i) {
                auto pick = [&] { return refs[rng() % refs.size()]; };
                finding f;
                f.rule = i % 3 == 0 ? "user-a" : "user-b";
                f.severity = static_cast<severity>(rng() % 3);
                switch (rng() % 4) {
                case 0: f.subjects.push_back({"x", pick()}); break;
                case 1: f.subjects.push_back({"x", std::string{"t"} + std::to_string(rng() % 3)}); break;
                case 2: f.subjects.push_back({"x", ref_list{pick(), std::nullopt, pick()}}); break;
                default: f.subjects.push_back({"x", ref_map{{pick(), "r" + std::to_string(rng() % 2)}}}); break;
                }
                if (rng() % 2 == 0) f.subjects.push_back({rng() % 2 == 0 ? "y" : "z", pick()});
                f.witness.push_back({"w", std::string(1, static_cast<char>('a' + rng() % 3))});
                f.message = std::to_string(rng() % 2);
                findings.push_back(f);
            }
        std::shuffle(findings.begin(), findings.end(), rng);
        auto by_definition = findings;
        std::stable_sort(by_definition.begin(), by_definition.end(),
                         [&m](finding const& a, finding const& b) { return compare_findings(m, a, b) < 0; });
        sort_findings(m, findings);
        INFO("seed " << seed);
        REQUIRE(findings.size() == by_definition.size());
        for (std::size_t i = 0; i < findings.size(); ++i)
            REQUIRE(std::is_eq(compare_findings(m, findings[i], by_definition[i])));
    }
}

TEST_CASE("property: the rule families together give exactly the audit's findings") {
    for (unsigned seed = 1; seed <= 100; ++seed) {
        auto const m = build(generator{seed}.make());
        capability_index const cap{m};
        std::vector<finding> all;
        for (auto part : {check_assignment_rules(m), check_mandate_rules(m, cap), check_exclusive_overlap(m),
                          check_delegation_rules(m, cap), check_order_rules(m), check_coordination_rules(m, cap),
                          check_inventory_rules(m)})
            all.insert(all.end(), part.begin(), part.end());
        sort_findings(m, all);
        INFO("seed " << seed);
        REQUIRE(all == audit(m).findings);
        // the assignment rules give the same findings with their own performer table or the index's
        REQUIRE(check_assignment_rules(m, cap) == check_assignment_rules(m));
    }
}

TEST_CASE("property: the capability index's performers are each duty's R and A actors, once, by index") {
    for (unsigned seed = 1; seed <= 100; ++seed) {
        auto const m = build(generator{seed}.make());
        capability_index const cap{m};
        INFO("seed " << seed);
        for (duty_id d : m.duties()) {
            std::vector<std::tuple<actor_id, bool, bool>> expected, got;
            auto const has = [&](actor_id a, raci role) {
                for (actor_id x : m.actors_with(d, role))
                    if (x == a) return true;
                return false;
            };
            for (actor_id a : m.actors()) {
                bool const r = has(a, raci::responsible), acc = has(a, raci::accountable);
                if (r || acc) expected.emplace_back(a, r, acc);
            }
            for (auto const& p : cap.performers(d)) got.emplace_back(p.actor, p.responsible, p.accountable);
            REQUIRE(got == expected);
        }
    }
}

} // namespace samverkan_tests_property_test
