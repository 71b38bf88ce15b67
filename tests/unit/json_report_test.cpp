// The audit report as samverkan-report/1 JSON.
#include "catch.hpp"
#include "json_test_support.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/diagnostics.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>

#include <sstream>
#include <string>

namespace samverkan_tests_json_report_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {

std::string report_json(model const& m, report const& r) {
    std::ostringstream os;
    io::write_report_json(os, m, r);
    return os.str();
}

} // namespace

TEST_CASE("write_report_json writes every kind of subject and witness value") {
    model m;
    auto const d = m.add_duty({.id = "lagesbild"});
    auto const leda = m.add_mandate({.id = "leda"});
    auto const ks = m.add_actor({.id = "ks"});
    auto const sf = m.add_actor({.id = "sf"});
    auto const kommun = m.add_scope({.id = "kommun"});
    m.set_name("Exempelkommun");

    report r;
    r.model = m.name();
    r.findings.push_back(finding{
        .rule = "mandate-missing",
        .severity = severity::error,
        .subjects = {{"duty", element_ref{d}}, {"mandate", element_ref{leda}}},
        .witness = {{"reasons", ref_map{{element_ref{sf}, "invalid-delegation"}}},
                    {"capable", ref_list{element_ref{ks}}}},
        .message = "No one assigned to 'lagesbild' holds \"leda\"",
    });
    r.findings.push_back(finding{
        .rule = "exclusive-overlap",
        .severity = severity::error,
        .subjects = {{"mandate", element_ref{leda}}, {"actors", ref_list{element_ref{ks}, element_ref{sf}}}},
        .witness = {{"scopes", ref_list{element_ref{kommun}, std::nullopt}}},
        .message = "overlap",
    });
    r.findings.push_back(finding{.rule = "idle-actor",
                                 .severity = severity::info,
                                 .subjects = {{"actor", element_ref{sf}}},
                                 .witness = {},
                                 .message = "idle"});
    r.findings.push_back(finding{.rule = "invalid-delegation",
                                 .severity = severity::warning,
                                 .subjects = {{"from", element_ref{ks}}},
                                 .witness = {{"reason", std::string{"not-held"}}, {"capable", ref_list{}}},
                                 .message = "x"});

    CHECK(report_json(m, r) == R"({
  "format": "samverkan-report/1",
  "model": "Exempelkommun",
  "summary": {
    "error": 2,
    "warning": 1,
    "info": 1
  },
  "findings": [
    {
      "rule": "mandate-missing",
      "severity": "error",
      "subjects": {
        "duty": "lagesbild",
        "mandate": "leda"
      },
      "message": "No one assigned to 'lagesbild' holds \"leda\"",
      "witness": {
        "reasons": {
          "sf": "invalid-delegation"
        },
        "capable": [
          "ks"
        ]
      }
    },
    {
      "rule": "exclusive-overlap",
      "severity": "error",
      "subjects": {
        "mandate": "leda",
        "actors": [
          "ks",
          "sf"
        ]
      },
      "message": "overlap",
      "witness": {
        "scopes": [
          "kommun",
          null
        ]
      }
    },
    {
      "rule": "idle-actor",
      "severity": "info",
      "subjects": {
        "actor": "sf"
      },
      "message": "idle",
      "witness": {}
    },
    {
      "rule": "invalid-delegation",
      "severity": "warning",
      "subjects": {
        "from": "ks"
      },
      "message": "x",
      "witness": {
        "reason": "not-held",
        "capable": []
      }
    }
  ]
}
)");
}

TEST_CASE("a report without findings or model name") {
    model const m;
    CHECK(report_json(m, report{}) == R"({
  "format": "samverkan-report/1",
  "model": null,
  "summary": {
    "error": 0,
    "warning": 0,
    "info": 0
  },
  "findings": []
}
)");
}

TEST_CASE("the report's \"model\" is null only when the file has no name; an empty name is kept") {
    model const unnamed = io::read_json(R"({"format": "samverkan/1"})");
    CHECK_FALSE(unnamed.has_name());
    CHECK_FALSE(audit(unnamed).model.has_value());
    CHECK(report_json(unnamed, audit(unnamed)).find("\"model\": null,") != std::string::npos);
    CHECK(io::to_json(unnamed).find("\"name\"") == std::string::npos);

    model const empty = io::read_json(R"({"format": "samverkan/1", "name": ""})");
    CHECK(empty.has_name());
    CHECK(audit(empty).model == std::string{});
    CHECK(report_json(empty, audit(empty)).find("\"model\": \"\",") != std::string::npos);
    model const again = io::read_json(io::to_json(empty)); // the round trip keeps the empty name
    CHECK(again.has_name());
    CHECK(again.name().empty());
}

TEST_CASE("the report of a real audit is valid JSON, deterministic, and names elements by id") {
    auto const file = samverkan_json_test::conformance_dir() / "cases/110-example-model.json";
    model const m = io::read_json_file(file);
    report const r = audit(m);
    std::string const text = report_json(m, r);
    CHECK(text == report_json(m, audit(m)));
    io::detail::json_cursor c{text};
    std::size_t strings = 0;
    for (auto e = c.next(); e != io::detail::json_event::end; e = c.next())
        if (e == io::detail::json_event::string) ++strings;
    CHECK(strings > 4);
    CHECK(text.find("\"model\": \"Exempelkommun: lägesbild till åtgärdsplan\"") != std::string::npos);
    CHECK(text.find("\"duty\": \"plan\"") != std::string::npos);
}

} // namespace samverkan_tests_json_report_test
