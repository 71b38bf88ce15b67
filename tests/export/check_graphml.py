#!/usr/bin/env python3
"""Loads the GraphML export of the sample model (export_sample.cpp) with NetworkX and checks it.

    check_graphml.py PATH/TO/samverkan_export_sample

Exit status: 0 when every check passes, 1 on a failed check, 77 (ctest's SKIP_RETURN_CODE) when NetworkX
is not installed.
"""
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed; skipping", file=sys.stderr)
    sys.exit(77)

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
# An XML NMTOKEN (fifth edition NameChar), the type GraphML gives node, edge and key ids.
NMTOKEN = re.compile(
    "^[-.0-9:A-Z_a-z\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c-\u200d\u203f-\u2040"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff\u0300-\u036f]+$"
)


def main():
    document = subprocess.run([sys.argv[1], "graphml"], check=True, capture_output=True).stdout
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    # The XML itself: well-formed (ElementTree raises otherwise), ids are NMTOKENs, every <data> refers to
    # a key declared for its domain.
    root = ET.fromstring(document)
    keys = {k.get("id"): k.get("for") for k in root.iter(GRAPHML + "key")}
    for k in keys:
        check(NMTOKEN.match(k), f"key id {k!r} is not an NMTOKEN")
    for tag, domain in (("graph", "graph"), ("node", "node"), ("edge", "edge")):
        for element in root.iter(GRAPHML + tag):
            if tag != "graph":
                check(NMTOKEN.match(element.get("id")), f"{tag} id {element.get('id')!r} is not an NMTOKEN")
            for data in element.findall(GRAPHML + "data"):
                check(keys.get(data.get("key")) == domain, f"<data key={data.get('key')!r}> in a {tag} is not declared for {domain}")

    g = nx.read_graphml(io.BytesIO(document))
    check(isinstance(g, nx.MultiDiGraph), f"expected a MultiDiGraph (parallel edges), got {type(g).__name__}")
    check(g.number_of_nodes() == 13, f"13 nodes expected, got {g.number_of_nodes()}")
    check(g.number_of_edges() == 21, f"21 edges expected, got {g.number_of_edges()}")

    kinds = {}
    for _, data in g.nodes(data=True):
        kinds[data["kind"]] = kinds.get(data["kind"], 0) + 1
    check(kinds == {"stage": 2, "scope": 2, "actor": 4, "mandate": 2, "duty": 2, "forum": 1}, f"node kinds: {kinds}")

    relations = {}
    for _, _, data in g.edges(data=True):
        relations[data["relation"]] = relations.get(data["relation"], 0) + 1
    check(relations == {"after": 1, "within": 1, "holds": 3, "delegates": 2, "assigned": 6, "requires_mandate": 2,
                        "needs": 1, "member": 2, "coordinated_by": 1, "covers": 2}, f"edge relations: {relations}")

    # The model's own data and the escaping of every special character.
    check(g.graph.get("name") == 'Exempelkommun: "lägesbild" & <åtgärdsplan>', f"graph name: {g.graph.get('name')!r}")
    check(g.graph.get("description") == "line one\nline two\twith a tab\r\nand a bell \ufffd here",
          f"graph description: {g.graph.get('description')!r}")
    check(json.loads(g.graph.get("attributes", "null")) == {"version": 2}, "graph attributes")

    lpo = g.nodes.get("actor:lpo:3A:1", {})
    check(lpo.get("element_id") == "lpo:1", f"lpo element_id: {lpo.get('element_id')!r}")
    check(lpo.get("name") == 'Polisen "LPO" <Norr> & co', f"lpo name: {lpo.get('name')!r}")
    check(lpo.get("category") == "stat", "lpo category")
    sf = g.nodes.get("actor:sf", {})
    check(sf.get("name") == "Samordnings-\nfunktionen", f"sf name: {sf.get('name')!r}")
    check(json.loads(sf.get("attributes", "null")) == {"fte": 1.5}, "sf attributes")
    unnamed = g.nodes.get("actor:", {})
    check(unnamed.get("name") == "ctl\ufffd\ufffdchar \ufffd end", f"control characters: {unnamed.get('name')!r}")
    check(unnamed.get("label") == unnamed.get("name"), "label is the name when there is one")
    centrum = g.nodes.get("scope:Centrum:20:väst", {})
    check(centrum.get("element_id") == "Centrum väst" and centrum.get("name") == "Centrum \\ väst", f"centrum: {centrum}")

    leda, polis = g.nodes.get("mandate:leda", {}), g.nodes.get("mandate:polis", {})
    check(leda.get("exclusive") is True and leda.get("delegable") is True, f"leda flags: {leda}")
    check(polis.get("exclusive") is False and polis.get("delegable") is False, f"polis flags: {polis}")
    check(polis.get("basis") == "PL 2 §", "polis basis")
    atg = g.nodes.get("duty:Åtgärdsplan", {})
    check(atg.get("optional") is True and atg.get("stage") == "atgardsplan" and "scope" not in atg, f"Åtgärdsplan: {atg}")
    lb = g.nodes.get("duty:lagesbild", {})
    check(lb.get("optional") is False and lb.get("stage") == "lagesbild" and lb.get("scope") == "kommun", f"lagesbild: {lb}")
    check(g.nodes.get("forum:rad", {}).get("model") == "samverkansöverenskommelse", "forum model")

    # Parallel RACI edges, a loop, reach data.
    roles = sorted(d["role"] for d in g.get_edge_data("actor:ks", "duty:Åtgärdsplan", default={}).values())
    check(roles == ["A", "R"], f"ks on Åtgärdsplan: {roles}")
    loop = list(g.get_edge_data("actor:lpo:3A:1", "actor:lpo:3A:1", default={}).values())
    check(len(loop) == 1 and loop[0].get("mandate") == "polis" and loop[0].get("scope") == "Centrum väst", f"loop: {loop}")
    held = list(g.get_edge_data("actor:ks", "mandate:leda", default={}).values())
    check(len(held) == 1 and json.loads(held[0].get("stages", "null")) == ["lagesbild", "atgardsplan"], f"ks holds leda: {held}")
    after = g.get_edge_data("stage:atgardsplan", "stage:lagesbild", default={})
    check(len(after) == 1, "after goes from the later stage to the earlier")

    for f in failures:
        print("FAILED:", f, file=sys.stderr)
    print(f"check_graphml: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
