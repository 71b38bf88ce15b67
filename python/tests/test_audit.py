import json

import pandas as pd
import pytest

import samverkan

SOME_RULES = ["mandate-missing", "coordination-gap", "idle-actor"]


def test_report_json_is_the_tools_byte_for_byte(model_path, run_tool):
    result = run_tool("audit", model_path, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    report = samverkan.audit(samverkan.load(model_path))
    assert report.to_json() == result.stdout


def test_records_and_findings_equal_the_tools_json(model_path, run_tool):
    tool = json.loads(run_tool("audit", model_path, "--format", "json", "--fail-on", "never").stdout)
    report = samverkan.audit(samverkan.load(model_path))
    assert report.model == tool["model"]
    assert report.summary == tool["summary"]
    assert report.to_records() == tool["findings"]
    assert len(report) == len(tool["findings"])
    for finding, expected in zip(report, tool["findings"]):
        assert (finding.rule, finding.severity, finding.subjects, finding.witness, finding.message) == (
            expected["rule"], expected["severity"], expected["subjects"], expected["witness"], expected["message"])
        assert finding.to_dict() == expected


def test_only_and_skip_equal_the_tools(model_path, run_tool):
    m = samverkan.load(model_path)
    for option, value in (("--only", SOME_RULES), ("--skip", SOME_RULES)):
        tool = run_tool("audit", model_path, "--format", "json", "--fail-on", "never", option, ",".join(value))
        kwargs = {option[2:]: value}
        assert samverkan.audit(m, **kwargs).to_json() == tool.stdout
        assert samverkan.audit(m, **{option[2:]: ",".join(value)}).to_json() == tool.stdout


def test_only_runs_only_those_rules(model_path):
    m = samverkan.load(model_path)
    full = samverkan.audit(m)
    for rule, _ in samverkan.rules():
        part = samverkan.audit(m, only=[rule])
        assert [f.to_dict() for f in part] == [f.to_dict() for f in full if f.rule == rule]
        rest = samverkan.audit(m, skip=rule)
        assert len(part) + len(rest) == len(full)


def test_unknown_rule_ids_are_value_errors_with_a_suggestion(tiny):
    with pytest.raises(ValueError, match='did you mean "idle-actor"'):
        samverkan.audit(tiny, only=["idle-actr"])
    with pytest.raises(ValueError, match="unknown rule id"):
        samverkan.audit(tiny, skip="nonsense")
    with pytest.raises(TypeError):
        samverkan.audit(tiny, only=[1])


def test_severity_override(tiny):
    tiny.add_actor("idle")
    assert [f.severity for f in samverkan.audit(tiny, only="idle-actor")] == ["info"]
    raised = samverkan.audit(tiny, only="idle-actor", severity={"idle-actor": "error"})
    assert [f.severity for f in raised] == ["error"] and raised.summary["error"] == 1
    with pytest.raises(ValueError):
        samverkan.audit(tiny, severity={"idle-actor": "fatal"})


def test_findings_of_a_model_built_in_code(tiny):
    assert len(samverkan.audit(tiny)) == 0
    tiny.add_actor("polis")
    tiny.add_mandate("ingripa", exclusive=True)
    tiny.grant("polis", "ingripa")
    tiny.require("plan", "ingripa")
    report = samverkan.audit(tiny)
    assert report.counts_by_rule() == {"mandate-missing": 1, "accountable-without-mandate": 1,
                                       "responsible-without-mandate": 1}
    missing = report[0]
    assert missing.subjects == {"duty": "plan", "mandate": "ingripa"}
    assert missing.witness == {"reasons": {"ks": "not-held", "sf": "not-held"}, "capable": ["polis"]}
    assert missing.severity == "error" and report.summary == {"error": 1, "warning": 1, "info": 1}
    tiny.add_actor("idle")
    assert samverkan.audit(tiny).counts_by_rule()["idle-actor"] == 1


def test_report_sequence_protocol(model_path):
    report = samverkan.audit(samverkan.load(model_path))
    n = len(report)
    assert bool(report) == (n > 0)
    if n:
        assert report[-1].to_dict() == report[n - 1].to_dict()
        assert [f.to_dict() for f in report[::2]] == [report[i].to_dict() for i in range(0, n, 2)]
        assert report[0] == report[0]
    with pytest.raises(IndexError):
        report[n]
    with pytest.raises(IndexError):
        report[-n - 1]
    assert repr(report).startswith("<samverkan.Report:")


def test_records_go_into_pandas_as_they_are(model_path):
    report = samverkan.audit(samverkan.load(model_path))
    df = pd.DataFrame(report.to_records())
    if len(report) == 0:
        assert df.empty
        return
    assert list(df.columns) == ["rule", "severity", "subjects", "message", "witness"]
    assert df["severity"].value_counts().to_dict() == {k: v for k, v in report.summary.items() if v}
    # and back: the rows are the report's findings
    assert df.to_dict("records") == report.to_records()
    flat = pd.DataFrame(report.to_records(flat=True))
    for row, finding in zip(flat.to_dict("records"), report):
        for key, value in finding.subjects.items():
            assert row[key] == value


def test_findings_outlive_the_report_and_model(model_path):
    findings = list(samverkan.audit(samverkan.load(model_path)))
    import gc
    gc.collect()
    assert all(isinstance(f.rule, str) and f.severity in ("error", "warning", "info") for f in findings)


def test_rules_catalogue():
    rules = dict(samverkan.rules())
    assert len(rules) == 21  # rules.md's 18 and templates.md's three obligation rules
    assert rules["obligation-unrealised"] == "error"
    assert rules["mandate-missing"] == "error" and rules["idle-actor"] == "info"
