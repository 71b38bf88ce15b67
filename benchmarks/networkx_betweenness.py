#!/usr/bin/env python3
"""samverkan's exact betweenness against NetworkX's betweenness_centrality on the same collaboration graph.

    benchmarks/networkx_betweenness.py TOOL MODEL [--actors N] [--keep DIR]

Builds the collaboration graph of MODEL independently of samverkan (actors; an edge between two actors
that share a forum, the coordinator counting as a member), picks the connected component whose number of
actors is closest to N (default 3000; NetworkX needs hours on the largest component of the 290-municipality
model), writes that component as a model of its own (its actors and forums), then

  - times `TOOL metrics COMPONENT --format dot --timings` (the collaboration graph: components and Brandes
    betweenness; the tool's own "metrics" figure, loading excluded), median of three runs;
  - times one run of networkx.betweenness_centrality(G, normalized=True) on the component;
  - checks that every actor's betweenness (`TOOL metrics --format csv`) equals NetworkX's within 1e-9.

Prints the sizes, both times and the ratio. Exit status 1 when a value differs.
"""
import argparse
import csv
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import networkx as nx


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tool")
    ap.add_argument("model")
    ap.add_argument("--actors", type=int, default=3000)
    ap.add_argument("--keep", help="directory to keep the component model in")
    args = ap.parse_args()

    t = time.perf_counter()
    with open(args.model, encoding="utf-8") as f:
        model = json.load(f)
    print(f"read {args.model} in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    G = nx.Graph()
    G.add_nodes_from(a["id"] for a in model.get("actors", []))
    for forum in model.get("forums", []):
        group = set(forum.get("members", []))
        if forum.get("coordinator") is not None:
            group.add(forum["coordinator"])
        group = sorted(group)
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                G.add_edge(u, v)
    components = sorted(nx.connected_components(G), key=len, reverse=True)
    print(f"whole graph: {G.number_of_nodes()} actors, {G.number_of_edges()} edges, {len(components)} components, "
          f"largest {len(components[0])}", file=sys.stderr)
    chosen = min(components, key=lambda c: (abs(len(c) - args.actors), -len(c)))
    Gc = G.subgraph(chosen).copy()

    sub = {"format": "samverkan/1", "name": "component",
           "actors": [a for a in model["actors"] if a["id"] in chosen],
           "forums": [{k: v for k, v in f.items() if k in ("id", "members", "coordinator")}
                      for f in model.get("forums", [])
                      if any(m in chosen for m in f.get("members", [])) or f.get("coordinator") in chosen]}
    directory = args.keep or tempfile.mkdtemp(prefix="samverkan-betweenness-")
    path = os.path.join(directory, f"component-{len(chosen)}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sub, f, ensure_ascii=False)

    times = []
    for _ in range(3):
        err = subprocess.run([args.tool, "metrics", path, "--format", "dot", "--timings"], check=True,
                             capture_output=True, text=True).stderr
        times.append(float(re.search(r"metrics ([0-9.]+) s", err).group(1)))
    ours = statistics.median(times)

    t = time.perf_counter()
    expected = nx.betweenness_centrality(Gc, normalized=True)
    theirs = time.perf_counter() - t

    rows = csv.DictReader(io.StringIO(subprocess.run([args.tool, "metrics", path, "--format", "csv"], check=True,
                                                     capture_output=True, text=True).stdout))
    worst = 0.0
    for row in rows:
        worst = max(worst, abs(float(row["betweenness"]) - expected[row["actor"]]))
    print(f"component: {Gc.number_of_nodes()} actors, {Gc.number_of_edges()} edges")
    print(f"samverkan (components + Brandes, median of 3): {ours:.3f} s")
    print(f"networkx betweenness_centrality (one run):     {theirs:.3f} s")
    print(f"ratio: {theirs / ours:.0f}x; largest difference {worst:.2e}")
    if not args.keep:
        os.remove(path)
        os.rmdir(directory)
    return 0 if worst <= 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main())
