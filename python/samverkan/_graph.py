"""The model as a typed networkx.MultiDiGraph, and back."""

from __future__ import annotations

import json
from typing import Any

from . import _samverkan
from ._samverkan import Model

__all__ = ["to_networkx", "from_networkx"]

_ORDER = ("stage", "scope", "actor", "mandate", "duty", "forum")


def _attributes(text: str) -> dict:
    return json.loads(text) if text else {}


def to_networkx(model: Model) -> Any:
    """The model as a networkx.MultiDiGraph with typed nodes and edges.

    Nodes are keyed (kind, id), e.g. ("actor", "ks"), since two kinds may share an id. Node data: kind,
    id, name, attributes (a dict), and per kind category (actor); basis, exclusive, delegable (mandate);
    basis, optional, stage, scope (duty, None when unplaced), realises (duty, a list); model, scope (forum).
    Edges run as in the model file and the GraphML export: holds actor->mandate, delegates from->to,
    assigned actor->duty, requires_mandate duty->mandate, needs duty->needed duty, after later->earlier
    stage, within inner->outer scope, member and coordinated_by forum->actor, covers forum->duty. Edge
    data: relation, plus role ('R', 'A', 'C', 'I') for assigned; mandate for delegates; scope (None:
    everywhere), stages (a list, [] for every stage) and attributes (a dict) for holds and delegates.
    Graph data: name (None when unnamed), description, attributes, format ('samverkan/1' or '/1.1').
    """
    import networkx as nx

    graph_attrs, nodes, edges = _samverkan._graph_data(model)
    g = nx.MultiDiGraph()
    g.graph.update(name=graph_attrs["name"], description=graph_attrs["description"],
                   attributes=_attributes(graph_attrs["attributes"]), format=graph_attrs["format"])
    for key, data in nodes:
        data["attributes"] = _attributes(data["attributes"])
        g.add_node(key, **data)
    for u, v, data in edges:
        if "attributes" in data:
            data["attributes"] = _attributes(data["attributes"])
        g.add_edge(u, v, **data)
    return g


def from_networkx(graph: Any) -> Model:
    """A Model from a graph shaped as to_networkx() makes it (nodes keyed (kind, id) with a "kind" datum,
    edges with a "relation" datum). Missing node data take their defaults. Raises KeyError for an edge
    between unknown elements, samverkan.Error for a graph that is not a valid model (a cycle of stages)."""
    ga = graph.graph
    m = Model(name=ga.get("name"), description=ga.get("description", "") or "",
              attributes=ga.get("attributes") or None)
    if ga.get("format"):
        m.format = ga["format"]
    by_kind = {k: [] for k in _ORDER}
    for key, data in graph.nodes(data=True):
        kind = data.get("kind", key[0] if isinstance(key, tuple) else None)
        if kind not in by_kind:
            raise ValueError(f"node {key!r} has no valid 'kind' (one of {', '.join(_ORDER)})")
        by_kind[kind].append((key, data))

    def common(key, data):
        ident = data.get("id", key[1] if isinstance(key, tuple) else key)
        return ident, dict(name=data.get("name", "") or "", attributes=data.get("attributes") or None)

    for key, data in by_kind["stage"]:
        ident, kw = common(key, data)
        m.add_stage(ident, **kw)
    for key, data in by_kind["scope"]:
        ident, kw = common(key, data)
        m.add_scope(ident, **kw)
    for key, data in by_kind["actor"]:
        ident, kw = common(key, data)
        m.add_actor(ident, category=data.get("category", "") or "", **kw)
    for key, data in by_kind["mandate"]:
        ident, kw = common(key, data)
        m.add_mandate(ident, basis=data.get("basis", "") or "", exclusive=bool(data.get("exclusive", False)),
                      delegable=bool(data.get("delegable", True)), **kw)
    for key, data in by_kind["duty"]:
        ident, kw = common(key, data)
        m.add_duty(ident, basis=data.get("basis", "") or "", optional=bool(data.get("optional", False)),
                   stage=data.get("stage"), scope=data.get("scope"), realises=list(data.get("realises") or []), **kw)
    for key, data in by_kind["forum"]:
        ident, kw = common(key, data)
        m.add_forum(ident, model=data.get("model", "") or "", scope=data.get("scope"), **kw)

    def ident(node):
        return graph.nodes[node].get("id", node[1] if isinstance(node, tuple) else node)

    # structural edges first (after, within), then the rest in the graph's order
    ordered = sorted(graph.edges(data=True), key=lambda e: e[2].get("relation") not in ("after", "within"))
    for u, v, data in ordered:
        rel = data.get("relation")
        a, b = ident(u), ident(v)
        if rel == "after":
            m.order(a, b)
        elif rel == "within":
            m.nest(a, b)
        elif rel == "holds":
            m.grant(a, b, scope=data.get("scope"), stages=list(data.get("stages") or []),
                    attributes=data.get("attributes") or None)
        elif rel == "delegates":
            m.delegate(a, b, data["mandate"], scope=data.get("scope"), stages=list(data.get("stages") or []),
                       attributes=data.get("attributes") or None)
        elif rel == "assigned":
            m.assign(a, b, data["role"])
        elif rel == "requires_mandate":
            m.require(a, b)
        elif rel == "needs":
            m.need(a, b)
        elif rel == "member":
            m.add_member(a, b)
        elif rel == "coordinated_by":
            m.set_coordinator(a, b)
        elif rel == "covers":
            m.cover(a, b)
        else:
            raise ValueError(f"edge {u!r} -> {v!r} has no valid 'relation': {rel!r}")
    return m
