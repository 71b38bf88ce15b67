#!/usr/bin/env python3
"""Writes a second version of a model in which a given share of the duties differ (for timing `diff`).

    benchmarks/perturb_duties.py MODEL OUT [--share 0.01]

Every k-th duty (k = round(1 / share)) is changed in one way, taken in turn: it becomes optional (or stops
being), its first RACI list loses its first actor, or it gets a name. Everything else is copied as read.
"""
import argparse
import json

ap = argparse.ArgumentParser()
ap.add_argument("model")
ap.add_argument("out")
ap.add_argument("--share", type=float, default=0.01)
args = ap.parse_args()
with open(args.model, encoding="utf-8") as f:
    model = json.load(f)
step = max(1, round(1 / args.share))
changed = 0
for i, duty in enumerate(model.get("duties", [])):
    if i % step:
        continue
    kind = (i // step) % 3
    raci = duty.get("raci", {})
    if kind == 1 and raci and next(iter(raci.values())):
        first = next(iter(raci))
        raci[first] = raci[first][1:]
    elif kind == 2:
        duty["name"] = duty.get("name", "") + " (revised)"
    else:
        duty["optional"] = not duty.get("optional", False)
    changed += 1
with open(args.out, "w", encoding="utf-8") as f:
    json.dump(model, f, ensure_ascii=False)
print(f"{changed} of {len(model.get('duties', []))} duties changed")
