"""The sweep's scenario runner (python/src/scenario.hpp) against what_if and the definition of failing duties:
every single-actor withdrawal and a sample of pairs on the bundled models and the wave-2 suite's models."""

import itertools
import random

import pytest

import samverkan
from samverkan import _samverkan
from conftest import MODELS, ROOT

SUITE_MODELS = sorted((ROOT.parent / "shared" / "conformance-wave2" / "models").glob("*.json"))
ALL = MODELS + sorted((ROOT / "tests" / "templates").glob("place.json")) + SUITE_MODELS


def failing_duties(model):
    return {r["duty"] for r in samverkan.resilience(model, k=1).duties if r["resilience"] == 0}


def scenarios(model):
    actors = sorted(model.ids("actor"))
    pairs = list(itertools.combinations(actors, 2))
    random.Random(5).shuffle(pairs)
    return [[a] for a in actors] + [list(p) for p in pairs[:25]]


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_each_scenario_equals_what_if_and_the_definition(path):
    try:
        m = samverkan.load(path)
    except samverkan.LoadError:
        pytest.skip("not a model this package reads")
    if not m.ids("actor"):
        pytest.skip("no actors")
    runner = _samverkan._ScenarioRunner(m)
    before = failing_duties(m)
    single = {row["actor"]: row["failing"] for row in samverkan.criticality(m)}
    for without in scenarios(m):
        got = runner.run(without, True)
        w = samverkan.what_if(m, without)
        assert got["without"] == w.without
        assert got["added"].to_json() == w.added.to_json()
        assert got["removed"].to_json() == w.removed.to_json()
        expected = sorted(failing_duties(samverkan.withdraw(m, without)) - before)
        assert got["failing"] == expected
        if len(without) == 1:
            assert got["failing"] == single[without[0]]
        assert runner.run(without, False)["removed"].to_records() == []
