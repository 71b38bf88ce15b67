#!/usr/bin/env python3
"""Cross-checks the metrics with other programs (metrics_sample.cpp writes what is compared):

    check_metrics.py PATH/TO/samverkan_metrics_sample networkx|pandas

networkx: on 400 random collaboration graphs, samverkan's betweenness equals NetworkX's
betweenness_centrality(G, normalized=True) within 1e-9, and the number of connected components agrees.
pandas: the metrics CSV reads back with pandas.read_csv as it is (ids with a comma, a quote, a semicolon,
Swedish letters, a leading space, the empty id) and equals the JSON form's actor rows.

Exit status: 0 when every check passes, 1 on a failed check, 77 (ctest's SKIP_RETURN_CODE) when the
library needed is not installed.
"""
import io
import json
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.argv[1], *args], check=True, capture_output=True).stdout.decode("utf-8")


def check_networkx():
    try:
        import networkx as nx
    except ImportError:
        print("networkx is not installed; skipping", file=sys.stderr)
        return 77
    failures = 0
    for number, line in enumerate(run("graphs", "400", "20261206").splitlines()):
        g = json.loads(line)
        G = nx.Graph()
        G.add_nodes_from(range(g["n"]))
        G.add_edges_from(map(tuple, g["edges"]))
        expected = nx.betweenness_centrality(G, normalized=True)
        if nx.number_connected_components(G) != g["components"]:
            print(f"graph {number}: {g['components']} components, networkx {nx.number_connected_components(G)}")
            failures += 1
        for v in range(g["n"]):
            if abs(expected[v] - g["betweenness"][v]) > 1e-9:
                print(f"graph {number} vertex {v}: betweenness {g['betweenness'][v]!r}, networkx {expected[v]!r}")
                failures += 1
                break
    return 1 if failures else 0


def check_pandas():
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed; skipping", file=sys.stderr)
        return 77
    text = run("csv")
    report = json.loads(run("json"))
    frame = pd.read_csv(io.StringIO(text), dtype={"actor": str}, keep_default_na=False)
    columns = ["actor", "degree", "betweenness", "performs", "accountable", "holds", "capable", "failing_if_withdrawn"]
    failures = []
    if list(frame.columns) != columns:
        failures.append(f"columns {list(frame.columns)}")
    if len(frame) != len(report["actors"]):
        failures.append(f"{len(frame)} rows, JSON has {len(report['actors'])}")
    for row, expected in zip(frame.to_dict("records"), report["actors"]):
        for column in columns:
            got, want = row[column], expected[column]
            same = abs(float(got) - want) <= 1e-12 if column == "betweenness" else got == want
            if not same:
                failures.append(f"actor {expected['actor']!r} {column}: CSV {got!r}, JSON {want!r}")
    for column in columns[1:]:
        if column == "betweenness":
            if frame[column].dtype.kind != "f":
                failures.append(f"{column} is read as {frame[column].dtype}, not as floats")
        elif frame[column].dtype.kind not in "iu":
            failures.append(f"{column} is read as {frame[column].dtype}, not as integers")
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in ("networkx", "pandas"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(check_networkx() if sys.argv[2] == "networkx" else check_pandas())
