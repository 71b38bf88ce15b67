import json

import pytest

import samverkan


def keys(report_or_list):
    items = report_or_list.to_records() if isinstance(report_or_list, samverkan.Report) else report_or_list
    return {(f["rule"], json.dumps(f["subjects"], sort_keys=True)) for f in items}


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


def test_withdraw_bad_input(tiny):
    with pytest.raises(KeyError, match='did you mean "ks"'):
        samverkan.withdraw(tiny, ["kss"])
    with pytest.raises(ValueError):
        samverkan.what_if(tiny, [])


def test_what_if_compares_two_audits(model_path):
    m = samverkan.load(model_path)
    base = samverkan.audit(m)
    for actor in m.ids("actor"):
        r = samverkan.what_if(m, actor)
        after = samverkan.audit(samverkan.withdraw(m, [actor]))
        assert keys(r["added"]) == keys(after) - keys(base)
        assert keys(r["removed"]) == keys(base) - keys(after)
        assert r["without"] == [actor]
        assert sum(r["added_summary"].values()) == len(r["added"])
        for f in r["added"]:  # a finding that names a withdrawn actor can only be removed
            named = [f["subjects"].get(k) for k in ("actor", "from", "to")] + f["subjects"].get("actors", [])
            assert actor not in named


def test_failing_duties(tiny):
    assert samverkan.what_if(tiny, ["lpo"])["failing"] == []
    # lagesbild needs leda: ks holds it, sf has it by delegation; both are performers
    assert samverkan.what_if(tiny, ["sf"])["failing"] == []
    assert samverkan.what_if(tiny, ["ks"])["failing"] == ["lagesbild"]  # sf's delegation goes with ks
    r = samverkan.what_if(tiny, ["ks", "sf"])
    assert r["failing"] == ["lagesbild", "plan"]  # no performers left
    added = {f["rule"] for f in r["added"]}
    assert {"unassigned-duty", "mandate-unheld"} <= added
