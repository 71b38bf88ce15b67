#!/usr/bin/env python3
"""Checks samverkan-template/1 files against the rules of templates.md section 1 (a stand-in for the C++
reader while it is written; the C++ reader is the authority). Usage: check_templates.py FILE_OR_DIR...

Checks: strict JSON (duplicate keys), known keys and their types, required ids, unique ids per kind,
references (roles in raci/members/coordinator, stages in stage/after, duties in needs/covers, mandates in
requires), the same role twice in one RACI list or in members, after cycles, kind, a coordinator that is a
`many` role, and `each` naming a `many` role that is in the duty's raci. Exit status 1 on any problem."""
import json, os, sys

KEYS = {
    "top": {"format", "id", "kind", "name", "basis", "description", "attributes", "roles", "stages", "mandates", "duties", "forums"},
    "roles": {"id", "name", "category", "holds", "many", "optional", "attributes"},
    "stages": {"id", "name", "after", "attributes"},
    "mandates": {"id", "name", "basis", "exclusive", "delegable", "attributes"},
    "duties": {"id", "name", "basis", "stage", "requires", "needs", "optional", "raci", "each", "attributes"},
    "forums": {"id", "name", "members", "coordinator", "covers", "attributes"},
}
STR = {"id", "name", "basis", "description", "format", "kind", "stage", "each", "coordinator"}
BOOL = {"many", "optional", "exclusive", "delegable"}
LIST = {"category", "holds", "after", "requires", "needs", "members", "covers"}


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise ValueError(f"duplicate key {k!r}")
        seen[k] = v
    return seen


def check(path):
    problems = []
    err = problems.append
    try:
        with open(path, encoding="utf-8") as f:
            t = json.load(f, object_pairs_hook=no_duplicates)
    except (ValueError, UnicodeDecodeError) as e:
        return [f"not JSON: {e}"]
    if not isinstance(t, dict):
        return ["top level is not an object"]
    for k in t:
        if k not in KEYS["top"]:
            err(f"/{k}: unknown key")
    if t.get("format") != "samverkan-template/1":
        err("/format: not samverkan-template/1")
    if not isinstance(t.get("id"), str):
        err("/id: required string")
    if t.get("kind", "model") not in ("model", "profile"):
        err("/kind: unknown kind")
    ids = {}
    for kind in ("roles", "stages", "mandates", "duties", "forums"):
        elems = t.get(kind, [])
        if not isinstance(elems, list):
            err(f"/{kind}: not a list")
            elems = []
        ids[kind] = {}
        for i, e in enumerate(elems):
            where = f"/{kind}/{i}"
            if not isinstance(e, dict):
                err(f"{where}: not an object")
                continue
            for k, v in e.items():
                if k not in KEYS[kind]:
                    err(f"{where}/{k}: unknown key")
                elif k in STR and not isinstance(v, str):
                    err(f"{where}/{k}: not a string")
                elif k in BOOL and not isinstance(v, bool):
                    err(f"{where}/{k}: not a boolean")
                elif k in LIST and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
                    err(f"{where}/{k}: not a list of strings")
            if not isinstance(e.get("id"), str):
                err(f"{where}/id: required string")
                continue
            if e["id"] in ids[kind]:
                err(f"{where}/id: duplicate {kind[:-1]} id {e['id']!r}")
            ids[kind][e["id"]] = e
    roles, stages, mandates, duties = ids["roles"], ids["stages"], ids["mandates"], ids["duties"]

    def refs(where, values, known, what):
        for j, v in enumerate(values or []):
            if v not in known:
                err(f"{where}/{j}: unknown {what} {v!r}")

    for i, s in enumerate(t.get("stages", [])):
        refs(f"/stages/{i}/after", s.get("after"), stages, "stage")
    for i, d in enumerate(t.get("duties", [])):
        where = f"/duties/{i}"
        if "stage" in d and d["stage"] not in stages:
            err(f"{where}/stage: unknown stage {d['stage']!r}")
        refs(f"{where}/requires", d.get("requires"), mandates, "mandate")
        refs(f"{where}/needs", d.get("needs"), duties, "duty")
        raci = d.get("raci", {})
        if not isinstance(raci, dict):
            err(f"{where}/raci: not an object")
            raci = {}
        for letter, lst in raci.items():
            if letter not in "RACI" or len(letter) != 1:
                err(f"{where}/raci/{letter}: unknown key")
                continue
            refs(f"{where}/raci/{letter}", lst, roles, "role")
            if len(set(lst)) != len(lst):
                err(f"{where}/raci/{letter}: a role twice")
        if "each" in d:
            r = roles.get(d["each"])
            if r is None:
                err(f"{where}/each: unknown role {d['each']!r}")
            elif not r.get("many", False):
                err(f"{where}/each: role {d['each']!r} is not many")
            elif not any(d["each"] in lst for lst in raci.values()):
                err(f"{where}/each: role {d['each']!r} is not in the duty's raci")
    for i, fo in enumerate(t.get("forums", [])):
        where = f"/forums/{i}"
        refs(f"{where}/members", fo.get("members"), roles, "role")
        if len(set(fo.get("members", []))) != len(fo.get("members", [])):
            err(f"{where}/members: a role twice")
        c = fo.get("coordinator")
        if c is not None:
            if c not in roles:
                err(f"{where}/coordinator: unknown role {c!r}")
            elif roles[c].get("many", False):
                err(f"{where}/coordinator: role {c!r} is many")
        refs(f"{where}/covers", fo.get("covers"), duties, "duty")
    # after cycles (depth-first search)
    state = {}

    def visit(s):
        state[s] = 1
        for p in stages[s].get("after", []):
            if p in stages and (state.get(p) == 1 or (p not in state and visit(p))):
                return True
        state[s] = 2
        return False
    for s in stages:
        if s not in state and visit(s):
            err(f"/stages: a cycle of after through {s!r}")
            break
    return problems


def main(args):
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".json"))
        else:
            files.append(a)
    bad = 0
    for f in files:
        for p in check(f):
            print(f"{f}: {p}")
            bad += 1
    print(f"check_templates: {len(files)} files, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
