#!/usr/bin/env python3
"""Renders the DOT export of the sample model (export_sample.cpp) with Graphviz and checks the drawing.

    check_dot.py PATH/TO/samverkan_export_sample

Graphviz must read the file without a warning, and the SVG it draws must show the names exactly as the
model holds them (the escaping round trip), one node per element, one edge per relation plus the finding
edges, and the findings in their colours. Exit status: 0 when every check passes, 1 on a failed check,
77 (ctest's SKIP_RETURN_CODE) when Graphviz's `dot` is not installed.
"""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main():
    dot = shutil.which("dot")
    if dot is None:
        print("Graphviz (dot) is not installed; skipping", file=sys.stderr)
        return 77
    source = subprocess.run([sys.argv[1], "dot"], check=True, capture_output=True).stdout
    rendered = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True)
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    check(rendered.returncode == 0, f"dot exited with {rendered.returncode}")
    check(rendered.stderr == b"", f"dot wrote to stderr: {rendered.stderr.decode(errors='replace')}")
    if rendered.returncode != 0:
        for f in failures:
            print("FAILED:", f, file=sys.stderr)
        return 1

    root = ET.fromstring(rendered.stdout)
    groups = {g.get("class"): [] for g in root.iter(SVG + "g")}
    for g in root.iter(SVG + "g"):
        groups[g.get("class")].append(g)
    titles = {g.findtext(SVG + "title") for g in groups.get("node", [])}
    model_nodes = {t for t in titles if not t.startswith("legend:")}
    check(len(model_nodes) == 13, f"13 model nodes expected, got {sorted(model_nodes)}")
    for key in ("actor:lpo:3A:1", "actor:", "scope:Centrum:20:väst", "duty:Åtgärdsplan", "forum:rad"):
        check(key in titles, f"node {key!r} missing")
    edges = [g for g in groups.get("edge", []) if not g.findtext(SVG + "title").startswith("legend:")]
    check(len(edges) == 22, f"22 edges expected (21 relations and a coordination gap), got {len(edges)}")

    texts = [t.text or "" for t in root.iter(SVG + "text")]
    # Names come back exactly as the model holds them: quotes, <, &, a backslash, line breaks, Swedish letters.
    for expected in ('Polisen "LPO" <Norr> & co', "Centrum \\ väst", "Samordnings-", "funktionen", "Åtgärdsplan",
                     "Brottsförebyggande rådet", 'Exempelkommun: "lägesbild" & <åtgärdsplan>'):
        check(expected in texts, f"text {expected!r} not drawn")
    check("ctl\ufffd\ufffdchar \ufffd end" in texts, "control characters and a bad byte drawn as U+FFFD")
    # The findings: rule ids drawn, in their severity's colour.
    for rule, color in (("mandate-missing", "#d32f2f"), ("exclusive-overlap", "#d32f2f"), ("invalid-delegation", "#d32f2f"),
                        ("unassigned-duty", "#d32f2f"), ("coordination-gap", "#ef6c00"), ("idle-actor", "#1976d2")):
        drawn = [t for t in root.iter(SVG + "text") if t.text == rule]
        check(drawn and all(t.get("fill") == color for t in drawn), f"{rule} not drawn in {color}")
    tooltips = [a.get("{http://www.w3.org/1999/xlink}title") or "" for a in root.iter(SVG + "a")]
    check(any("error invalid-delegation: self-delegation \\ of 'polis'" in t for t in tooltips), "tooltip of the finding")

    for f in failures:
        print("FAILED:", f, file=sys.stderr)
    print(f"check_dot: {len(model_nodes)} nodes, {len(edges)} edges, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
