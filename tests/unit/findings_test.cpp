// Findings as typed, compact data (diagnostics/names.hpp, diagnostics/finding.hpp) and their messages made
// when written (analysis/message.hpp). The texts themselves are held to the pre-change output by the
// findings.* tool tests (tests/findings/).
#include "catch.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/diagnostics/names.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace samverkan_tests_findings_test { // one per file: the tests are built as a unity build

using namespace samverkan;

TEST_CASE("rule and key names are one handle per text, built-in or interned", "[findings]") {
    rule_name const built_in{rule_id::idle_actor};
    CHECK(built_in == "idle-actor");
    CHECK(built_in.text() == "idle-actor");
    CHECK(built_in.id() == rule_id::idle_actor);
    CHECK(rule_name{"idle-actor"} == built_in); // text that spells a built-in gives the built-in handle
    CHECK(rule_name{std::string{"idle-actor"}}.id() == rule_id::idle_actor);
    CHECK(built_in != rule_id::unused_mandate);
    CHECK(built_in != "unused-mandate");

    rule_name const mine{"police-consulted"};
    CHECK_FALSE(mine.id().has_value());
    CHECK(mine == rule_name{std::string_view{"police-consulted"}});
    CHECK(mine != rule_name{"police-consulted-2"});
    CHECK(mine.text() == "police-consulted");
    CHECK(rule_name{}.empty());
    CHECK(rule_name{""} == rule_name{});
    CHECK((rule_name{"a"} < rule_name{"b"}));
    CHECK((rule_name{rule_id::unassigned_duty} > rule_name{"mandate"}));

    CHECK(key_name{key_id::duty} == "duty");
    CHECK(key_name{"duty"}.id() == key_id::duty);
    CHECK(key_name{"consulted"}.text() == "consulted");
    for (auto r : all_rules()) CHECK(rule_name{to_string(r)}.id() == r);
    static_assert(sizeof(rule_name) == sizeof(void*) && sizeof(key_name) == sizeof(void*));
}

TEST_CASE("names made from text in several threads at once are the same handles", "[findings]") {
    std::vector<std::vector<rule_name>> made(4);
    {
        std::vector<std::jthread> threads;
        for (auto& out : made)
            threads.emplace_back([&out] {
                for (int i = 0; i < 200; ++i) out.emplace_back("threaded-rule-" + std::to_string(i % 50));
            });
    }
    for (auto const& out : made)
        for (std::size_t i = 0; i < out.size(); ++i) {
            CHECK(out[i] == made[0][i]);
            CHECK(out[i].text() == "threaded-rule-" + std::to_string(i % 50));
        }
}

TEST_CASE("a finding is small and keeps its subjects as typed ids", "[findings]") {
    if constexpr (sizeof(void*) == 8) CHECK(sizeof(finding) <= 80);
    finding f{rule_id::mandate_unheld, severity::error, {{key_id::duty, duty_id{3}}, {"mandate", mandate_id{1}}}};
    CHECK(f.rule == "mandate-unheld");
    CHECK(f.subject_id<duty_id>("duty") == duty_id{3});
    CHECK(f.subject_id<duty_id>(key_id::duty) == duty_id{3});
    CHECK(f.subject_id<mandate_id>(key_id::mandate) == mandate_id{1});
    CHECK_FALSE(f.subject_id<actor_id>(key_id::duty).has_value());
    CHECK(f.subject("forum") == nullptr);
    CHECK(f.message.empty());
    finding g = f;
    g.message = "text";
    CHECK(g != f);
    CHECK(g.message.text() == "text");
    finding h = g; // a deep copy
    g.message = "other";
    CHECK(h.message.text() == "text");
}

TEST_CASE("message(m, f) derives the text; a literal message wins; freezing keeps it", "[findings]") {
    model m;
    auto const ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto const idle = m.add_actor({.id = "idle", .name = "Ingen alls"});
    auto const d = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"});
    m.assign(ks, d, raci::responsible);
    auto r = audit(m);
    REQUIRE(r.findings.size() == 2);
    CHECK(message(m, r.findings[0]) == "'Ta fram lägesbild' has no one accountable; Kommunstyrelsen is responsible, "
                                       "but no actor answers for the result");
    CHECK(message(m, r.findings[1]) == "Ingen alls takes part in nothing: no duty, forum, mandate or delegation; "
                                       "give it a role or leave it out of the model");
    std::ostringstream line;
    line << describe(m, r.findings[1]);
    CHECK(line.str() == "info     idle-actor                   " + message(m, r.findings[1]));

    // the message follows the model: a second responsible actor changes the text of the same finding
    auto frozen = r.findings;
    freeze_messages(m, frozen);
    auto const other = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    m.assign(other, d, raci::responsible);
    CHECK(message(m, r.findings[0]).find("Kommunstyrelsen and Samordningsfunktionen are responsible") !=
          std::string::npos);
    CHECK(message(m, frozen[0]).find("Kommunstyrelsen is responsible") != std::string::npos);

    finding mine{"my-rule", severity::warning, {{"actor", idle}}, {}, "my own text"};
    CHECK(message(m, mine) == "my own text");
    CHECK(message(m, finding{"my-rule", severity::warning, {}}).empty());
}

TEST_CASE("what-if's added findings carry the text of the withdrawn model", "[findings]") {
    model m;
    auto const ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto const sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    auto const d = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"});
    m.assign(ks, d, raci::responsible);
    m.assign(sf, d, raci::responsible);
    m.assign(sf, d, raci::accountable);
    auto const w = what_if(m, std::vector{sf});
    REQUIRE(w.added.findings.size() == 1);
    CHECK(w.added.findings[0].rule == rule_id::no_accountable);
    // in m, sf is still responsible; the finding speaks of the model without sf
    CHECK(message(m, w.added.findings[0]) == "'Ta fram lägesbild' has no one accountable; Kommunstyrelsen is "
                                             "responsible, but no actor answers for the result");
}

TEST_CASE("the JSON report makes every message while writing", "[findings]") {
    auto const m = io::read_json_file(std::string{SAMVERKAN_SOURCE_DIR} + "/examples/models/centrum_bid.json");
    auto const r = audit(m);
    std::ostringstream os;
    io::write_report_json(os, m, r);
    auto const text = os.str();
    REQUIRE_FALSE(r.findings.empty());
    for (auto const& f : r.findings) {
        CHECK(f.message.empty()); // built-in findings hold no text
        auto const msg = message(m, f);
        CHECK_FALSE(msg.empty());
        CHECK(text.find(msg.substr(0, 20)) != std::string::npos);
    }
}

} // namespace samverkan_tests_findings_test
