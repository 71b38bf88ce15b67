"""samverkan.sweep on a LocalCluster of two worker processes on loopback."""

import json
import os
import pathlib

import pytest

distributed = pytest.importorskip("distributed")

import samverkan
from samverkan import _sweep
from conftest import ROOT

MODEL = ROOT / "examples" / "models" / "kommun_lag_2023_196.json"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=True, host="127.0.0.1",
                                       dashboard_address=None, worker_dashboard_address=None)
    client = distributed.Client(cluster)
    # the workers import the package from the same place as this process
    yield client
    client.close()
    cluster.close()


def failing_duties(model):
    return {r["duty"] for r in samverkan.resilience(model, k=1).duties if r["resilience"] == 0}


def expected(model, without):
    r = samverkan.what_if(model, without)
    failing = failing_duties(samverkan.withdraw(model, without)) - failing_duties(model)
    return r.without, [(f.rule, f.severity, f.subjects) for f in r.added], sorted(failing)


def test_sweep_equals_what_if_scenario_by_scenario(client):
    result = samverkan.sweep(client, MODEL, k=2, n=30, seed=7)
    assert len(result) == 30 and result.k == 2 and result.workers == 2
    m = samverkan.load(MODEL)
    actors = sorted(m.ids("actor"))
    for i, s in enumerate(result):
        assert s["scenario"] == i
        assert len(s["without"]) == 2 and set(s["without"]) <= set(actors)
        without, added, failing = expected(m, s["without"])
        assert s["without"] == without and s["failing"] == failing
        assert [(f["rule"], f["severity"], f["subjects"]) for f in s["added"]] == added
        assert s["added_summary"]["error"] == sum(1 for f in added if f[1] == "error")


def test_same_seed_same_scenarios_and_results(client):
    a = samverkan.sweep(client, str(MODEL), k=1, n=12, seed=3)
    b = samverkan.sweep(client, MODEL, k=1, n=12, seed=3, batch_size=1)
    assert a.scenarios == b.scenarios
    c = samverkan.sweep(client, MODEL, k=1, n=12, seed=4)
    assert [s["without"] for s in c] != [s["without"] for s in a]


def test_each_worker_loads_the_model_once(client):
    samverkan.sweep(client, MODEL, k=1, n=40, seed=1, batch_size=1)
    samverkan.sweep(client, MODEL, k=1, n=40, seed=2, batch_size=1)
    loads = client.run(_sweep.loads_in_this_process)
    assert len(loads) == 2
    key = ("file", str(MODEL.resolve()))
    for worker, counts in loads.items():
        mine = [n for k, n in counts.items() if k[:2] == key]
        assert mine in ([], [1]), (worker, counts)
    assert any(loads.values())


def test_model_object_and_explicit_scenarios(client, tiny):
    result = samverkan.sweep(client, tiny, scenarios=[["ks"], ["sf", "ks"], "lpo"])
    assert [s["without"] for s in result] == [["ks"], ["ks", "sf"], ["lpo"]]
    assert [s["failing"] for s in result] == [["lagesbild"], ["lagesbild", "plan"], []]
    assert result.failing_counts() == {"lagesbild": 2, "plan": 1}
    rows = result.to_records()
    assert rows[1]["n_failing"] == 2 and rows[1]["added_error"] >= 2
    import pandas as pd
    df = pd.DataFrame(result.findings_records())
    assert set(df["scenario"]) <= {0, 1, 2} and set(df.columns) == {"scenario", "rule", "severity", "subjects"}


def test_details_keep_messages_and_removed(client, tiny):
    (s,) = samverkan.sweep(client, tiny, scenarios=[["ks"]], details=True)
    direct = samverkan.what_if(tiny, ["ks"])
    assert s["added"] == direct.added.to_records() and s["removed"] == direct.removed.to_records()


def test_bad_input(client, tiny, tmp_path):
    with pytest.raises(ValueError, match="k = 9"):
        samverkan.sweep(client, tiny, k=9, n=1)
    with pytest.raises(ValueError):
        samverkan.sweep(client, tiny, k=0, n=1)
    with pytest.raises(KeyError, match="nobody"):
        samverkan.sweep(client, tiny, scenarios=[["nobody"]])
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "samverkan/1", "actors": [{"id": 1}]}')
    with pytest.raises(samverkan.LoadError) as caught:
        samverkan.sweep(client, bad, n=1)
    assert caught.value.json_path == "/actors/0/id" and caught.value.line == 1
