import io
import json
from collections import Counter

import networkx as nx
import pytest

import samverkan

SETS = ("after", "stages", "requires", "needs", "covers", "members")


def normal(text):
    """A model file's meaning: list-valued keys compared as sets (networkx does not keep their order)."""
    def walk(v, key=None):
        if isinstance(v, dict):
            return {k: walk(x, k) for k, x in v.items()}
        if isinstance(v, list):
            items = [walk(x) for x in v]
            if key in SETS or key in ("R", "A", "C", "I"):
                return sorted(items, key=json.dumps)
            if key in ("holds", "delegations"):
                return sorted(items, key=lambda x: json.dumps(x, sort_keys=True))
            return items
        return v
    return walk(json.loads(text))


def test_typed_nodes_and_edges(tiny):
    g = samverkan.to_networkx(tiny)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.graph["name"] == "Tiny"
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"stage": 2, "scope": 2, "actor": 3, "mandate": 1, "duty": 2, "forum": 1}
    assert g.nodes["actor", "ks"] == {"kind": "actor", "id": "ks", "name": "Kommunstyrelsen",
                                      "category": "kommun", "attributes": {}}
    assert g.nodes["duty", "lagesbild"]["stage"] == "s1" and g.nodes["duty", "plan"]["scope"] is None
    assert g.nodes["mandate", "leda"]["delegable"] is True
    relations = Counter(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == {"after": 1, "within": 1, "holds": 1, "delegates": 1, "assigned": 5,
                         "requires_mandate": 1, "needs": 1, "member": 2, "coordinated_by": 1, "covers": 2}
    roles = {(u[1], v[1], d["role"]) for u, v, d in g.edges(data=True) if d["relation"] == "assigned"}
    assert ("lpo", "lagesbild", "C") in roles and ("ks", "plan", "A") in roles
    (hold,) = [d for _, _, d in g.edges(("actor", "ks"), data=True) if d["relation"] == "holds"]
    assert hold == {"relation": "holds", "scope": "kommun", "stages": [], "attributes": {}}
    (deleg,) = [d for u, v, d in g.edges(data=True) if d["relation"] == "delegates"]
    assert deleg["mandate"] == "leda" and deleg["scope"] is None


def test_same_graph_as_the_tools_graphml(model_path, run_tool):
    m = samverkan.load(model_path)
    g = samverkan.to_networkx(m)
    graphml = nx.read_graphml(io.BytesIO(run_tool("convert", model_path, "--to", "graphml").stdout.encode()))
    assert isinstance(graphml, nx.MultiDiGraph)
    key = {n: (d["kind"], d["element_id"]) for n, d in graphml.nodes(data=True)}
    assert sorted(key.values()) == sorted(g.nodes)
    theirs = Counter((key[u], key[v], d["relation"], d.get("role")) for u, v, d in graphml.edges(data=True))
    ours = Counter((u, v, d["relation"], d.get("role")) for u, v, d in g.edges(data=True))
    assert ours == theirs


def test_round_trip_through_networkx(model_path):
    m = samverkan.load(model_path)
    again = samverkan.from_networkx(samverkan.to_networkx(m))
    assert normal(again.to_json()) == normal(m.to_json())
    assert samverkan.audit(again).to_json() == samverkan.audit(m).to_json()


def test_networkx_algorithms_work_on_it(tiny):
    g = samverkan.to_networkx(tiny)
    collaboration = nx.Graph()
    for forum, actor, d in g.edges(data=True):
        if d["relation"] in ("member", "coordinated_by"):
            collaboration.add_edge(forum, actor)
    assert nx.is_connected(collaboration)


def test_from_networkx_rejects_bad_graphs():
    g = nx.MultiDiGraph()
    g.add_node(("robot", "r"), kind="robot")
    with pytest.raises(ValueError, match="kind"):
        samverkan.from_networkx(g)
    g = nx.MultiDiGraph()
    g.add_node(("stage", "a"), kind="stage")
    g.add_node(("stage", "b"), kind="stage")
    g.add_edge(("stage", "a"), ("stage", "b"), relation="after")
    g.add_edge(("stage", "b"), ("stage", "a"), relation="after")
    with pytest.raises(samverkan.Error, match="cycle"):
        samverkan.from_networkx(g)
    g = nx.MultiDiGraph()
    g.add_node(("actor", "a"), kind="actor")
    g.add_edge(("actor", "a"), ("actor", "a"), relation="friends")
    with pytest.raises(ValueError, match="relation"):
        samverkan.from_networkx(g)
