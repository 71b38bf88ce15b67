import json

import pytest

import samverkan


def test_build_in_code_round_trips_through_json(tiny):
    text = tiny.to_json()
    again = samverkan.load(text)
    assert again.to_json() == text
    doc = json.loads(text)
    assert doc["name"] == "Tiny"
    assert doc["duties"][0]["raci"] == {"R": ["sf"], "A": ["ks"], "C": ["lpo"]}
    assert doc["delegations"] == [{"from": "ks", "to": "sf", "mandate": "leda"}]
    assert doc["forums"][0]["coordinator"] == "sf"
    assert doc["stages"][1]["after"] == ["s1"]


def test_counts_ids_contains_and_elements(tiny):
    assert tiny.counts == {"stages": 2, "scopes": 2, "actors": 3, "mandates": 1, "holds": 1, "delegations": 1,
                           "duties": 2, "forums": 1}
    assert tiny.ids("actor") == ["ks", "sf", "lpo"] == tiny.ids("actors")
    assert ("actor", "ks") in tiny and ("duty", "ks") not in tiny
    duty = tiny.element("duty", "lagesbild")
    assert duty["stage"] == "s1" and duty["scope"] == "kommun" and duty["requires"] == ["leda"]
    assert duty["raci"] == {"R": ["sf"], "A": ["ks"], "C": ["lpo"], "I": []}
    assert tiny.element("scope", "centrum")["within"] == "kommun"
    assert tiny.element("forum", "brf")["members"] == ["ks", "lpo"]
    assert tiny.element("mandate", "leda")["delegable"] is True
    with pytest.raises(ValueError):
        tiny.ids("actress")


def test_unknown_ids_are_key_errors_with_a_suggestion_and_change_nothing(tiny):
    before = tiny.to_json()
    with pytest.raises(KeyError, match='did you mean "lpo"'):
        tiny.add_duty("new", raci={"R": ["polis"]})
    with pytest.raises(KeyError, match="unknown mandate"):
        tiny.grant("ks", "styra")
    with pytest.raises(KeyError):
        tiny.element("actor", "nobody")
    assert tiny.to_json() == before


def test_broken_guarantees_are_errors_and_change_nothing(tiny):
    before = tiny.to_json()
    with pytest.raises(samverkan.Error, match="duplicate actor"):
        tiny.add_actor("ks")
    with pytest.raises(samverkan.Error, match="cycle"):
        tiny.order("s1", "s2")
    with pytest.raises(samverkan.Error):
        tiny.nest("kommun", "centrum")
    with pytest.raises(ValueError, match="RACI role"):
        tiny.assign("ks", "plan", "X")
    assert tiny.to_json() == before


def test_relations_report_whether_they_changed_anything(tiny):
    assert tiny.assign("lpo", "plan", "I") is True
    assert tiny.assign("lpo", "plan", "I") is False
    assert tiny.require("plan", "leda") is True
    assert tiny.need("plan", "lagesbild") is False
    assert tiny.add_member("brf", "sf") is True
    assert tiny.cover("brf", "plan") is False


def test_attributes_are_kept(tmp_path):
    m = samverkan.Model(name="A", attributes={"källa": "test", "n": 1})
    m.add_actor("a", attributes={"x": [1, 2]})
    m.add_mandate("m")
    m.grant("a", "m", attributes='{"since": 2023}')
    doc = json.loads(m.to_json())
    assert doc["attributes"] == {"källa": "test", "n": 1}
    assert doc["actors"][0]["attributes"] == {"x": [1, 2]}
    assert doc["holds"][0]["attributes"] == {"since": 2023}
    assert m.element("actor", "a")["attributes"] == {"x": [1, 2]}


def test_name_and_description():
    m = samverkan.Model()
    assert m.name is None and json.loads(samverkan.audit(m).to_json())["model"] is None
    m.name = ""
    assert m.name == "" and samverkan.audit(m).model == ""
    m.description = "text"
    assert json.loads(m.to_json())["description"] == "text"


def test_graphml_export_is_the_tools(model_path, run_tool):
    result = run_tool("convert", model_path, "--to", "graphml")
    assert samverkan.load(model_path).to_graphml() == result.stdout


def test_json_export_is_the_tools(model_path, run_tool):
    result = run_tool("convert", model_path, "--to", "json")
    assert samverkan.load(model_path).to_json() == result.stdout
