import json

import pandas as pd
import pytest

import samverkan
from conftest import ROOT

WAVE2 = ROOT.parent / "shared" / "conformance-wave2" / "models"


def keys(report):
    return {(f["rule"], json.dumps(f["subjects"], sort_keys=True)) for f in report.to_records()}


def test_withdraw_removes_the_actor_and_what_names_it(tiny):
    w = samverkan.withdraw(tiny, ["sf"])
    assert w.ids("actor") == ["ks", "lpo"]
    assert w.counts["delegations"] == 0 and w.counts["holds"] == 1
    assert w.element("duty", "lagesbild")["raci"] == {"R": [], "A": ["ks"], "C": ["lpo"], "I": []}
    assert w.element("forum", "brf")["coordinator"] is None
    assert tiny.ids("actor") == ["ks", "sf", "lpo"]  # the original is unchanged
    w2 = samverkan.withdraw(tiny, ["ks", "lpo", "ks"])
    assert w2.ids("actor") == ["sf"] and w2.counts["holds"] == 0
    assert w2.element("forum", "brf")["members"] == []


def test_bad_input(tiny):
    with pytest.raises(KeyError, match='did you mean "ks"'):
        samverkan.withdraw(tiny, ["kss"])
    with pytest.raises(KeyError):
        samverkan.what_if(tiny, "nobody")
    with pytest.raises(ValueError):
        samverkan.what_if(tiny, [])
    with pytest.raises(samverkan.Error, match="1 to 8"):
        samverkan.resilience(tiny, k=9)
    with pytest.raises(TypeError):
        samverkan.diff(tiny, "not a model")


def test_what_if_compares_two_audits(model_path):
    m = samverkan.load(model_path)
    base = samverkan.audit(m)
    for actor in m.ids("actor"):
        r = samverkan.what_if(m, actor)
        after = samverkan.audit(samverkan.withdraw(m, [actor]))
        # the added findings are those of `after`, with ids of m: compare by (rule, subjects)
        assert keys(r.added) == keys(after) - keys(base)
        assert keys(r.removed) == keys(base) - keys(after)
        assert r.without == [actor]
        for f in r.added:  # a finding that names a withdrawn actor can only be removed
            named = [f.subjects.get(k) for k in ("actor", "from", "to")] + f.subjects.get("actors", [])
            assert actor not in named


def test_what_if_json_is_the_tools(model_path, run_tool):
    m = samverkan.load(model_path)
    for actor in m.ids("actor")[:4]:
        tool = run_tool("what-if", model_path, "--without", actor, "--format", "json", "--fail-on", "never")
        assert tool.returncode == 0, tool.stderr
        r = samverkan.what_if(m, [actor])
        assert r.to_json() == tool.stdout
        doc = r.to_dict()
        assert doc["added"]["findings"] == r.added.to_records()
        assert doc["removed"]["summary"] == r.removed.summary


def test_resilience_json_and_csv_are_the_tools(model_path, run_tool):
    m = samverkan.load(model_path)
    for k in (1, 3):
        r = samverkan.resilience(m, k=k)
        assert r.to_json() == run_tool("resilience", model_path, "--max-k", k, "--format", "json").stdout
        assert r.to_csv() == run_tool("resilience", model_path, "--max-k", k, "--format", "csv").stdout
        doc = r.to_dict()
        assert r.k == k and r.duties == doc["duties"] and r.actors == doc["actors"]


def test_criticality(model_path):
    m = samverkan.load(model_path)
    rows = samverkan.criticality(m)
    assert [r["actor"] for r in rows] == m.ids("actor")
    ranked = samverkan.resilience(m, k=1).actors
    assert sorted(rows, key=lambda r: r["actor"]) == sorted(ranked, key=lambda r: r["actor"])
    for row in rows[:5]:
        w = samverkan.what_if(m, row["actor"])
        assert row["added"] == w.added.summary
    df = pd.DataFrame(rows)
    assert list(df.columns) == ["actor", "failing", "added"] and len(df) == m.counts["actors"]


def test_failing_duties_through_resilience(tiny):
    rows = {r["actor"]: r["failing"] for r in samverkan.criticality(tiny)}
    assert rows == {"ks": ["lagesbild"], "sf": [], "lpo": []}  # sf's delegation goes with ks
    duties = {r["duty"]: r["resilience"] for r in samverkan.resilience(tiny).duties}
    assert duties == {"lagesbild": 1, "plan": 2}


def test_diff(tiny):
    assert samverkan.diff(tiny, tiny).empty
    other = samverkan.load(tiny.to_json())
    other.add_actor("polis")
    other.assign("polis", "plan", "C")
    d = samverkan.diff(tiny, other)
    assert not d.empty
    doc = d.to_dict()
    assert doc["format"] == "samverkan-diff/1"
    assert doc["elements"]["actors"]["added"] == ["polis"]
    assert doc["elements"]["duties"]["changed"] == ["plan"]
    assert len(d.added) == 0 and len(d.removed) == 0
    back = samverkan.diff(other, tiny).to_dict()
    assert back["elements"]["actors"]["removed"] == ["polis"]


def test_diff_findings_as_reports(model_path):
    m = samverkan.load(model_path)
    actor = m.ids("actor")[0]
    w = samverkan.withdraw(m, [actor])
    d = samverkan.diff(m, w)
    doc = d.to_dict()
    assert doc["findings"]["added"]["findings"] == d.added.to_records()
    assert doc["findings"]["removed"]["findings"] == d.removed.to_records()
    assert doc["elements"]["actors"]["removed"] == [actor]


def test_metrics_json_and_csv_are_the_tools(model_path, run_tool):
    m = samverkan.load(model_path)
    r = samverkan.metrics(m)
    assert r.to_json() == run_tool("metrics", model_path, "--format", "json").stdout
    assert r.to_csv() == run_tool("metrics", model_path, "--format", "csv").stdout
    doc = r.to_dict()
    assert doc["format"] == "samverkan-metrics/1"
    assert [row["actor"] for row in r.actors] == sorted(m.ids("actor"))
    assert doc["counts"] == m.counts
    failing = {row["actor"]: len(row["failing"]) for row in samverkan.criticality(m)}
    assert {row["actor"]: row["failing_if_withdrawn"] for row in r.actors} == failing
    df = pd.DataFrame(r.actors)
    assert {"degree", "betweenness"} <= set(df.columns)


def test_diff_json_is_the_tools(model_path, run_tool, tmp_path):
    m = samverkan.load(model_path)
    w = samverkan.withdraw(m, [m.ids("actor")[0]])
    other = tmp_path / "other.json"
    other.write_text(w.to_json(), encoding="utf-8")
    result = run_tool("diff", model_path, other, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert samverkan.diff(m, w).to_json() == result.stdout
