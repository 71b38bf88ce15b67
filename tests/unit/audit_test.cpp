// audit(): the whole catalogue, report order, options, user rules.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/user_rule.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_audit_test { // one per file: the tests are built as a unity build

using namespace samverkan;
using samverkan_test::audit_lines;
using samverkan_test::lines;
using samverkan_test::strings;

namespace {
constexpr auto R = raci::responsible;
constexpr auto A = raci::accountable;
constexpr auto C = raci::consulted;

// "every duty in stage förvaltning (management/operation) has the police consulted"
struct police_consulted {
    actor_id police;
    stage_id forvaltning;
    [[nodiscard]] std::string_view id() const { return "police-consulted"; }
    template <class Model>
    void check(Model const& m, capability_index const&, std::vector<finding>& out) const {
        for (duty_id d : m.duties()) {
            if (m.stage_of(d) != forvaltning) continue;
            bool consulted = false;
            for (actor_id a : m.actors_with(d, raci::consulted)) consulted = consulted || a == police;
            if (!consulted)
                out.push_back({.severity = severity::warning,
                               .subjects = {{"duty", d}},
                               .message = "'" + std::string{m.name_of(d)} + "' does not consult " +
                                          std::string{m.name_of(police)}});
        }
    }
};

// A rule that uses the capability index and names its findings itself.
struct sole_capable {
    [[nodiscard]] char const* id() const { return "sole-capable"; }
    template <class Model>
    void check(Model const& m, capability_index const& cap, std::vector<finding>& out) const {
        for (duty_id d : m.duties())
            for (mandate_id x : m.required_mandates(d)) {
                auto const who = cap.capable_actors(x, d);
                if (who.size() == 1)
                    out.push_back({.rule = "sole-capable",
                                   .severity = severity::info,
                                   .subjects = {{"duty", d}, {"actor", who.front()}}});
            }
    }
};

struct no_id {
    template <class Model>
    void check(Model const&, capability_index const&, std::vector<finding>&) const {}
};
struct wrong_check {
    [[nodiscard]] std::string_view id() const { return "x"; }
    void check(int) const {}
};
static_assert(user_rule<police_consulted, model>);
static_assert(user_rule<sole_capable, model>);
static_assert(!user_rule<no_id, model>);
static_assert(!user_rule<wrong_check, model>);

// The model of design.md's first program.
struct first_program {
    model m;
    scope_id kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    actor_id ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    actor_id sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    mandate_id leda = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 §"});
    duty_id lagesbild = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = kommun});
    first_program() {
        m.grant(ks, leda, {.scope = kommun});
        m.require(lagesbild, leda);
        m.assign(sf, lagesbild, R);
    }
};
} // namespace

TEST_CASE("the first program of design.md gets the three findings it describes, in report order") {
    first_program p;
    auto const r = audit(p.m);
    CHECK(lines(p.m, r.findings) ==
          strings{"error mandate-missing duty=lagesbild mandate=leda | reasons={sf:not-held} capable=[ks]",
                  "error no-accountable duty=lagesbild",
                  "info responsible-without-mandate duty=lagesbild actor=sf | mandates=[leda]"});
    CHECK(message(p.m, r.findings[0]) ==
          "No one assigned to 'Ta fram lägesbild' is capable of 'Leda och samordna' for Exempelkommun "
          "(Samordningsfunktionen: holds no such mandate); Kommunstyrelsen is");
    CHECK(message(p.m, r.findings[1]).rfind("'Ta fram lägesbild' has no one accountable", 0) == 0);
    CHECK(r.summary() == summary{.error = 2, .warning = 0, .info = 1});
    std::ostringstream text;
    text << describe(p.m, r);
    CHECK(text.str().find("2 errors, 0 warnings, 1 info") != std::string::npos);
}

TEST_CASE("the report carries the model's name, or none") {
    first_program p;
    CHECK_FALSE(audit(p.m).model.has_value());
    p.m.set_name("Exempelkommun: lägesbild");
    CHECK(audit(p.m).model == std::optional<std::string>{"Exempelkommun: lägesbild"});
    CHECK(audit(model{}).findings.empty());
}

TEST_CASE("findings sort by severity, then rule id, then subjects by id text (not by index)") {
    model m;
    auto const zeta = m.add_actor({.id = "zeta"});
    auto const alfa = m.add_actor({.id = "Alfa"});
    auto const b = m.add_duty({.id = "b"});
    auto const a = m.add_duty({.id = "a"});
    m.assign(zeta, b, A);
    m.assign(alfa, a, R);
    m.add_mandate({.id = "oanvand"});
    CHECK(audit_lines(m) == strings{"error no-accountable duty=a", "warning no-responsible duty=b",
                                    "info unused-mandate mandate=oanvand"});
    m.need(a, b);
    CHECK(audit_lines(m) == strings{"error no-accountable duty=a",
                                    "warning coordination-gap actors=[Alfa,zeta] | duties=[a,b]",
                                    "warning no-responsible duty=b", "info unused-mandate mandate=oanvand"});
}

TEST_CASE("list subjects sort as sequences of id texts (case 104)") {
    model m;
    auto const pe = m.add_actor({.id = "pe"});
    auto const add = [&](char const* id) {
        auto const d = m.add_duty({.id = id});
        m.assign(pe, d, R);
        m.assign(pe, d, A);
        return d;
    };
    auto const b = add("b"), c = add("c"), a = add("a"), z = add("z"), ab = add("ab");
    m.need(b, c);
    m.need(c, b);
    m.need(a, z);
    m.need(z, a);
    m.need(ab, ab);
    CHECK(audit_lines(m) == strings{"error dependency-cycle duties=[a,z]", "error dependency-cycle duties=[ab]",
                                    "error dependency-cycle duties=[b,c]"});
}

TEST_CASE("ids sort by code point, not by locale or case (case 101)") {
    model m;
    for (char const* id : {"🌲", "ö", "Zorn", "å", "alm-ö", "ä", "Ａ", "alm"}) m.add_actor({.id = id});
    std::vector<std::string> ids;
    for (auto const& f : audit(m).findings)
        ids.push_back(std::string{detail::id_text(m, *f.subject_id<actor_id>("actor"))});
    CHECK(ids == strings{"Zorn", "alm", "alm-ö", "ä", "å", "ö", "Ａ", "🌲"});
}

TEST_CASE("audit options: a skipped rule is silent, a severity override moves the finding") {
    first_program p;
    audit_options opts;
    opts.skip(rule_id::mandate_missing).set_severity(rule_id::responsible_without_mandate, severity::error);
    CHECK(lines(p.m, audit(p.m, opts).findings) ==
          strings{"error no-accountable duty=lagesbild",
                  "error responsible-without-mandate duty=lagesbild actor=sf | mandates=[leda]"});
    audit_options only;
    only.only({rule_id::no_accountable});
    CHECK(lines(p.m, audit(p.m, only).findings) == strings{"error no-accountable duty=lagesbild"});
    audit_options none;
    none.only({});
    CHECK(audit(p.m, none).findings.empty());
}

TEST_CASE("a user rule's findings land in the same sorted report, named by its id, at its own severity") {
    model m;
    auto const forvaltning = m.add_stage({.id = "forvaltning", .name = "Förvaltning"});
    auto const lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet"});
    auto const ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto const drift = m.add_duty({.id = "drift", .name = "Drift av kameror"}, {.stage = forvaltning});
    auto const skotsel = m.add_duty({.id = "skotsel", .name = "Skötsel av parker"}, {.stage = forvaltning});
    auto const plan = m.add_duty({.id = "plan"});
    for (auto d : {drift, skotsel, plan}) {
        m.assign(ks, d, R);
        m.assign(ks, d, A);
    }
    m.assign(lpo, drift, C);
    auto const r = audit(m, {}, police_consulted{lpo, forvaltning});
    CHECK(lines(m, r.findings) == strings{"warning police-consulted duty=skotsel"});
    CHECK(message(m, r.findings[0]) == "'Skötsel av parker' does not consult Lokalpolisområdet");
    audit_options opts;
    opts.set_severity(rule_id::idle_actor, severity::info);
    m.add_actor({.id = "idle"});
    CHECK(lines(m, audit(m, opts, police_consulted{lpo, forvaltning}).findings) ==
          strings{"warning police-consulted duty=skotsel", "info idle-actor actor=idle"});
}

TEST_CASE("several user rules run, may use the capability index, and may name their findings") {
    first_program p;
    auto const lpo = p.m.add_actor({.id = "lpo"});
    auto const stage = p.m.add_stage({.id = "s"});
    auto const r =
        audit(p.m, audit_options{}.only({rule_id::no_accountable}), sole_capable{}, police_consulted{lpo, stage});
    CHECK(lines(p.m, r.findings) ==
          strings{"error no-accountable duty=lagesbild", "info sole-capable duty=lagesbild actor=ks"});
}

TEST_CASE("the same model always gives the same report") {
    first_program p;
    p.m.add_actor({.id = "idle"});
    auto const a = audit(p.m);
    auto const b = audit(p.m);
    CHECK(a.findings == b.findings);
    CHECK(a.findings.size() == 4);
}

TEST_CASE("one model can trigger every built-in rule, each under its own id and default severity") {
    model m;
    auto const s1 = m.add_stage({.id = "s1"});
    auto const s2 = m.add_stage({.id = "s2"});
    m.order(s2, s1);
    auto const kommun = m.add_scope({.id = "kommun"});
    auto const ks = m.add_actor({.id = "ks"});
    auto const sf = m.add_actor({.id = "sf"});
    auto const lpo = m.add_actor({.id = "lpo"});
    m.add_actor({.id = "idle"});
    auto const leda = m.add_mandate({.id = "leda", .exclusive = true});
    auto const vakant = m.add_mandate({.id = "vakant"});
    m.add_mandate({.id = "unused"});
    m.grant(ks, leda);
    m.grant(lpo, leda, {.scope = kommun});
    m.delegate(sf, lpo, leda, {.scope = kommun});
    m.delegate(lpo, sf, leda, {.scope = kommun});
    m.delegate(sf, sf, vakant);
    auto const none = m.add_duty({.id = "none"});
    auto const r_only = m.add_duty({.id = "r-only"}, {.stage = s1});
    auto const a_only = m.add_duty({.id = "a-only"}, {.stage = s2});
    m.assign(sf, r_only, R);
    m.assign(sf, a_only, A);
    m.assign(lpo, a_only, A);
    m.require(r_only, leda);
    m.require(a_only, vakant);
    m.need(r_only, a_only);
    m.need(none, none);
    auto const f = m.add_forum({.id = "f"});
    m.set_coordinator(f, sf);
    m.cover(f, r_only);
    m.add_forum({.id = "g"});
    std::set<std::string> fired;
    for (auto const& x : audit(m).findings) {
        fired.insert(std::string{x.rule.text()});
        CHECK(x.severity == default_severity(*parse_rule_id(x.rule)));
        CHECK_FALSE(message(m, x).empty());
    }
    std::set<std::string> all;
    for (auto r : all_rules())
        if (!is_profile_rule(r)) all.insert(std::string{to_string(r)}); // those fire only against a profile
    CHECK(fired == all);

    // each rule alone gives exactly its part of the whole audit: no rule depends on another having run
    auto const whole = audit(m).findings;
    for (auto r : all_rules()) {
        audit_options only;
        only.only({r});
        std::vector<finding> expected;
        std::copy_if(whole.begin(), whole.end(), std::back_inserter(expected),
                     [r](finding const& x) { return x.rule == to_string(r); });
        INFO("rule " << to_string(r));
        CHECK(audit(m, only).findings == expected);
    }
}

TEST_CASE("audit works on a model with the planning tool's own element types") {
    struct my_actor {
        std::string id, name;
        int budget_kkr = 0;
    };
    struct my_traits : default_traits {
        using actor_type = my_actor;
    };
    basic_model<my_traits> m;
    auto const a = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .budget_kkr = 10});
    auto const d = m.add_duty({.id = "d", .name = "Uppgift"});
    m.assign(a, d, R);
    m.add_actor({.id = "idle", .name = "Vilande"});
    CHECK(lines(m, audit(m).findings) == strings{"error no-accountable duty=d", "info idle-actor actor=idle"});
}

TEST_CASE("compare_findings orders by severity, rule, subjects, then witness and message") {
    model m;
    auto const a = m.add_actor({.id = "a"});
    auto const b = m.add_actor({.id = "b"});
    finding const x{"r", severity::warning, {{"actor", a}}, {}, "x"};
    finding const y{"r", severity::warning, {{"actor", b}}, {}, "x"};
    finding const z{"q", severity::info, {{"actor", a}}, {}, "x"};
    finding const e{"s", severity::error, {{"actor", b}}, {}, "x"};
    finding const x2{"r", severity::warning, {{"actor", a}}, {}, "y"};
    CHECK((compare_findings(m, x, y) < 0));
    CHECK((compare_findings(m, y, z) < 0));
    CHECK((compare_findings(m, e, x) < 0));
    CHECK((compare_findings(m, x, x2) < 0));
    CHECK((compare_findings(m, x, x) == 0));
    std::vector<finding> v{z, x2, y, e, x};
    sort_findings(m, v);
    CHECK(v == std::vector<finding>{e, x, x2, y, z});
}

} // namespace samverkan_tests_audit_test
