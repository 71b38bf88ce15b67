#!/usr/bin/python3
"""samverkan_baseline.py: a reference implementation of the samverkan audit in Python with networkx.

It implements the model format (samverkan/1, including every load error), the rule catalogue version 1 and
the report (samverkan-report/1) of /work/shared/model-format.md and /work/shared/rules.md.  It is the
oracle and the "networkx baseline" that the C++ library is compared with and benchmarked against.

usage: samverkan_baseline.py audit FILE|- [--format json|text] [--fail-on error|warning|info|never]
                                          [--only RULES] [--skip RULES] [--timings]

Exit status: 0 when no finding is at or above --fail-on (default error), 1 otherwise, 2 for an unreadable
or invalid model or a misuse of the command line (a message on stderr, nothing on stdout).

Needs only the Python 3 standard library and networkx (Debian: python3-networkx).
"""

import argparse
import difflib
import json
import re
import sys
import time
from collections import defaultdict, deque, namedtuple

import networkx as nx

FORMAT = "samverkan/1"
REPORT_FORMAT = "samverkan-report/1"
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

# rule id -> (default severity, subject keys in the order of rules.md)
RULES = {
    "unassigned-duty": ("error", ("duty",)),
    "no-accountable": ("error", ("duty",)),
    "no-responsible": ("warning", ("duty",)),
    "multiple-accountable": ("error", ("duty", "actors")),
    "mandate-missing": ("error", ("duty", "mandate")),
    "mandate-unheld": ("error", ("duty", "mandate")),
    "accountable-without-mandate": ("warning", ("duty", "actor")),
    "responsible-without-mandate": ("info", ("duty", "actor")),
    "exclusive-overlap": ("error", ("mandate", "actors")),
    "invalid-delegation": ("error", ("mandate", "from", "to")),
    "delegation-cycle": ("warning", ("mandate", "actors")),
    "stage-order": ("error", ("duty", "needs")),
    "dependency-cycle": ("error", ("duties",)),
    "coordination-gap": ("warning", ("actors",)),
    "coordinator-without-mandate": ("warning", ("forum", "actor")),
    "forum-without-coordinator": ("info", ("forum",)),
    "idle-actor": ("info", ("actor",)),
    "unused-mandate": ("info", ("mandate",)),
}


# --------------------------------------------------------------------------------------------------------
# Loading: strict JSON, then the schema, the references and the graph constraints of model-format.md
# --------------------------------------------------------------------------------------------------------

class LoadError(Exception):
    """An invalid model: the message names the JSON path (and line/column where the parser can tell)."""


class JNum:
    """A JSON number, kept as its text (numbers only appear inside attributes; never converted, so that any
    size is accepted and a number is never mistaken for a string or a boolean)."""
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


def _reject_constant(name):
    raise LoadError(f"not JSON: {name} is not a JSON value")


def _pairs_hook(pairs):
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise LoadError(f'not JSON: duplicate key "{key}" in one object')
            seen.add(key)
    return obj


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs_hook, parse_constant=_reject_constant,
                            parse_int=JNum, parse_float=JNum, strict=True)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_CHAR = re.compile("[\ud800-\udfff]")


def _find_lone_surrogate(root):
    """Returns the JSON path of a string (key or value) holding a lone surrogate, or None. Iterative."""
    stack = [(root, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if _SURROGATE_CHAR.search(value):
                return path
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE_CHAR.search(key):
                    return path
                stack.append((item, path + "/" + _escape_pointer(key)))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                stack.append((item, f"{path}/{i}"))
    return None


def _escape_pointer(key):
    return key.replace("~", "~0").replace("/", "~1")


def parse_json(data):
    """bytes -> Python value; raises LoadError for anything that is not strict JSON (RFC 8259)."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise LoadError("1:1: not JSON: a byte-order mark is not allowed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise LoadError(f"{line}:{col}: not JSON: invalid UTF-8 (byte offset {e.start})") from None
    try:
        value, end = _DECODER.raw_decode(text, _skip_ws(text, 0))
    except json.JSONDecodeError as e:
        raise LoadError(f"{e.lineno}:{e.colno}: not JSON: {e.msg}") from None
    except RecursionError:
        raise LoadError("not JSON: nested too deeply for this parser (the limit is about "
                        f"{sys.getrecursionlimit()} levels)") from None
    end = _skip_ws(text, end)
    if end != len(text):
        line = text.count("\n", 0, end) + 1
        col = end - (text.rfind("\n", 0, end) + 1) + 1
        raise LoadError(f"{line}:{col}: not JSON: extra data after the top-level value")
    if _SURROGATE_ESCAPE.search(text):
        path = _find_lone_surrogate(value)
        if path is not None:
            raise LoadError(f"{path or '/'}: not JSON: a lone surrogate escape (\\uD800-\\uDFFF) is not text")
    return value


_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(text, pos):
    return _WS.match(text, pos).end()


def _type_name(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, JNum):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _suggest(word, candidates):
    if not candidates:
        return ""
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f'; did you mean "{matches[0]}"?' if matches else ""


# key -> expected type: "str", "bool", "strlist", "obj" (attributes), "raci"
ELEMENT_KEYS = {
    "stages": {"id": "str", "name": "str", "after": "strlist", "attributes": "obj"},
    "scopes": {"id": "str", "name": "str", "within": "str", "attributes": "obj"},
    "actors": {"id": "str", "name": "str", "category": "str", "attributes": "obj"},
    "mandates": {"id": "str", "name": "str", "basis": "str", "exclusive": "bool", "delegable": "bool",
                 "attributes": "obj"},
    "holds": {"actor": "str", "mandate": "str", "scope": "str", "stages": "strlist", "attributes": "obj"},
    "delegations": {"from": "str", "to": "str", "mandate": "str", "scope": "str", "stages": "strlist",
                    "attributes": "obj"},
    "duties": {"id": "str", "name": "str", "basis": "str", "stage": "str", "scope": "str",
               "requires": "strlist", "needs": "strlist", "optional": "bool", "raci": "raci",
               "attributes": "obj"},
    "forums": {"id": "str", "name": "str", "model": "str", "members": "strlist", "coordinator": "str",
               "covers": "strlist", "scope": "str", "attributes": "obj"},
}
REQUIRED = {
    "stages": ("id",), "scopes": ("id",), "actors": ("id",), "mandates": ("id",), "duties": ("id",),
    "forums": ("id",), "holds": ("actor", "mandate"), "delegations": ("from", "to", "mandate"),
}
TOP_KEYS = {"format": "str", "name": "str", "description": "str", "attributes": "obj"}
KINDS = ("stages", "scopes", "actors", "mandates", "holds", "delegations", "duties", "forums")
SINGULAR = {"stages": "stage", "scopes": "scope", "actors": "actor", "mandates": "mandate",
            "duties": "duty", "forums": "forum"}
RACI_KEYS = ("R", "A", "C", "I")


def _check_value(value, kind, path):
    if kind == "str":
        if not isinstance(value, str):
            raise LoadError(f"{path}: expected a string, found {_type_name(value)}")
    elif kind == "bool":
        if not isinstance(value, bool):
            raise LoadError(f"{path}: expected a boolean, found {_type_name(value)}")
    elif kind == "obj":
        if not isinstance(value, dict):
            raise LoadError(f"{path}: expected an object, found {_type_name(value)}")
    elif kind == "strlist":
        if not isinstance(value, list):
            raise LoadError(f"{path}: expected an array of strings, found {_type_name(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise LoadError(f"{path}/{i}: expected a string, found {_type_name(item)}")
    elif kind == "raci":
        if not isinstance(value, dict):
            raise LoadError(f"{path}: expected an object with R, A, C, I, found {_type_name(value)}")
        for letter, lst in value.items():
            if letter not in RACI_KEYS:
                raise LoadError(f'{path}/{_escape_pointer(letter)}: unknown key "{letter}" '
                                f"(a RACI object has only R, A, C, I){_suggest(letter, RACI_KEYS)}")
            _check_value(lst, "strlist", f"{path}/{letter}")


def _check_object(obj, allowed, required, path, what):
    if not isinstance(obj, dict):
        raise LoadError(f"{path or '/'}: expected {what} (an object), found {_type_name(obj)}")
    for key in required:
        if key not in obj:
            raise LoadError(f'{path or "/"}: missing required key "{key}" of {what}')
    for key, value in obj.items():
        kind = allowed.get(key)
        if kind is None:
            raise LoadError(f'{path}/{_escape_pointer(key)}: unknown key "{key}" in {what}'
                            f"{_suggest(key, list(allowed))}")
        _check_value(value, kind, f"{path}/{_escape_pointer(key)}")


# a duty, with its lists read as sets where the format says so (requires, needs)
Duty = namedtuple("Duty", "id name stage scope requires needs optional R A C I")


class Model:
    """The loaded model, in plain Python data (no raw JSON kept)."""

    def __init__(self):
        self.name = None
        self.stages = []          # ids in listing order
        self.stage_name = {}
        self.after = {}           # stage -> set of stages before it
        self.scopes = []
        self.scope_name = {}
        self.within = {}          # scope -> enclosing scope or None
        self.actors = []
        self.actor_name = {}
        self.mandates = []
        self.mandate_name = {}
        self.exclusive = {}
        self.delegable = {}
        self.holds = []           # (actor, mandate, scope|None, frozenset(stages)|None)
        self.delegations = []     # (from, to, mandate, scope|None, frozenset|None, explicit)
        self.duties = []          # Duty tuples
        self.duty_index = {}
        self.forums = []          # (id, name, members tuple, coordinator|None, covers tuple)


def _unique(seq):
    """Distinct items of seq, in first-seen order (lists read as sets)."""
    return tuple(dict.fromkeys(seq))


def load_model(doc):
    """Validates the parsed document and builds a Model; raises LoadError with the JSON path."""
    if not isinstance(doc, dict):
        raise LoadError(f"/: expected the model (an object), found {_type_name(doc)}")
    if "format" not in doc:
        raise LoadError('/: missing required key "format"')
    fmt = doc["format"]
    if not isinstance(fmt, str):
        raise LoadError(f"/format: expected a string, found {_type_name(fmt)}")
    if fmt != FORMAT:
        raise LoadError(f'/format: unknown format "{fmt}" (this tool reads "{FORMAT}")')
    for key, value in doc.items():
        if key in KINDS:
            if not isinstance(value, list):
                raise LoadError(f"/{key}: expected an array, found {_type_name(value)}")
            continue
        kind = TOP_KEYS.get(key)
        if kind is None:
            raise LoadError(f'/{_escape_pointer(key)}: unknown key "{key}" at the top level'
                            f"{_suggest(key, list(TOP_KEYS) + list(KINDS))}")
        _check_value(value, kind, f"/{key}")

    arrays = {kind: doc.get(kind, []) for kind in KINDS}
    # types, required and unknown keys, per element
    for kind in KINDS:
        allowed, required = ELEMENT_KEYS[kind], REQUIRED[kind]
        what = SINGULAR.get(kind, "holding" if kind == "holds" else "delegation")
        for i, el in enumerate(arrays[kind]):
            _check_object(el, allowed, required, f"/{kind}/{i}", ("an " if what[0] in "aeiou" else "a ") + what)

    # duplicate ids within a kind
    ids = {}
    for kind in ("stages", "scopes", "actors", "mandates", "duties", "forums"):
        seen = {}
        for i, el in enumerate(arrays[kind]):
            ident = el["id"]
            if ident in seen:
                raise LoadError(f'/{kind}/{i}/id: duplicate {SINGULAR[kind]} id "{ident}" '
                                f"(also /{kind}/{seen[ident]}/id)")
            seen[ident] = i
        ids[kind] = seen

    def ref(value, kind, path):
        if value not in ids[kind]:
            raise LoadError(f'{path}: unknown {SINGULAR[kind]} "{value}"{_suggest_ref(value, kind)}')

    def _suggest_ref(value, kind):
        # a close id, else an element whose name contains the word ("polis" -> "lpo", Lokalpolisområdet)
        hint = _suggest(value, list(ids[kind]))
        if hint or not value:
            return hint
        word = value.casefold()
        for el in arrays[kind]:
            if word in el.get("name", "").casefold():
                return f'; did you mean "{el["id"]}"?'
        for other in ("stages", "scopes", "actors", "mandates", "duties", "forums"):
            if other != kind and value in ids[other]:
                return f' (there is a {SINGULAR[other]} "{value}", but no {SINGULAR[kind]})'
        return ""

    def refs(values, kind, path):
        for j, value in enumerate(values):
            ref(value, kind, f"{path}/{j}")

    def no_duplicates(values, path, what):
        seen = set()
        for j, value in enumerate(values):
            if value in seen:
                raise LoadError(f'{path}/{j}: actor "{value}" is listed twice in {what}')
            seen.add(value)

    for i, el in enumerate(arrays["stages"]):
        refs(el.get("after", ()), "stages", f"/stages/{i}/after")
    for i, el in enumerate(arrays["scopes"]):
        if "within" in el:
            ref(el["within"], "scopes", f"/scopes/{i}/within")
    for kind in ("holds", "delegations"):
        for i, el in enumerate(arrays[kind]):
            base = f"/{kind}/{i}"
            if kind == "holds":
                ref(el["actor"], "actors", base + "/actor")
            else:
                ref(el["from"], "actors", base + "/from")
                ref(el["to"], "actors", base + "/to")
            ref(el["mandate"], "mandates", base + "/mandate")
            if "scope" in el:
                ref(el["scope"], "scopes", base + "/scope")
            refs(el.get("stages", ()), "stages", base + "/stages")
    for i, el in enumerate(arrays["duties"]):
        base = f"/duties/{i}"
        if "stage" in el:
            ref(el["stage"], "stages", base + "/stage")
        if "scope" in el:
            ref(el["scope"], "scopes", base + "/scope")
        refs(el.get("requires", ()), "mandates", base + "/requires")
        refs(el.get("needs", ()), "duties", base + "/needs")
        for letter, lst in el.get("raci", {}).items():
            refs(lst, "actors", f"{base}/raci/{letter}")
            no_duplicates(lst, f"{base}/raci/{letter}", f"one RACI list ({letter})")
    for i, el in enumerate(arrays["forums"]):
        base = f"/forums/{i}"
        refs(el.get("members", ()), "actors", base + "/members")
        no_duplicates(el.get("members", ()), base + "/members", "members")
        if "coordinator" in el:
            ref(el["coordinator"], "actors", base + "/coordinator")
        refs(el.get("covers", ()), "duties", base + "/covers")
        if "scope" in el:
            ref(el["scope"], "scopes", base + "/scope")

    m = Model()
    m.name = doc.get("name")
    for el in arrays["stages"]:
        m.stages.append(el["id"])
        m.stage_name[el["id"]] = el.get("name", el["id"])
        m.after[el["id"]] = set(el.get("after", ()))
    for el in arrays["scopes"]:
        m.scopes.append(el["id"])
        m.scope_name[el["id"]] = el.get("name", el["id"])
        m.within[el["id"]] = el.get("within")
    for el in arrays["actors"]:
        m.actors.append(el["id"])
        m.actor_name[el["id"]] = el.get("name", el["id"])
    for el in arrays["mandates"]:
        mid = el["id"]
        m.mandates.append(mid)
        m.mandate_name[mid] = el.get("name", mid)
        m.exclusive[mid] = el.get("exclusive", False)
        m.delegable[mid] = el.get("delegable", True)
    for el in arrays["holds"]:
        stages = el.get("stages")
        m.holds.append((el["actor"], el["mandate"], el.get("scope"), frozenset(stages) if stages else None))
    for el in arrays["delegations"]:
        stages = el.get("stages")
        # model-format.md, precise readings 1 and 2: "stages": [] is the same as no stages; a delegation is
        # an explicit grant when it has a scope or a non-empty stages list, otherwise it is bare.
        explicit = "scope" in el or bool(stages)
        m.delegations.append((el["from"], el["to"], el["mandate"], el.get("scope"),
                              frozenset(stages) if stages else None, explicit))
    for i, el in enumerate(arrays["duties"]):
        raci = el.get("raci", {})
        m.duties.append(Duty(el["id"], el.get("name", el["id"]), el.get("stage"), el.get("scope"),
                             _unique(el.get("requires", ())), _unique(el.get("needs", ())),
                             el.get("optional", False), tuple(raci.get("R", ())), tuple(raci.get("A", ())),
                             tuple(raci.get("C", ())), tuple(raci.get("I", ()))))
        m.duty_index[el["id"]] = i
    for el in arrays["forums"]:
        m.forums.append((el["id"], el.get("name", el["id"]), tuple(el.get("members", ())),
                         el.get("coordinator"), _unique(el.get("covers", ()))))

    # the graphs: after must be acyclic, within must be a forest
    m.stage_graph = nx.DiGraph()            # edge t -> s for s in after(t): s comes before t
    m.stage_graph.add_nodes_from(m.stages)
    for t in m.stages:
        m.stage_graph.add_edges_from((t, s) for s in m.after[t])
    try:
        cycle = nx.find_cycle(m.stage_graph)
    except nx.NetworkXNoCycle:
        cycle = None
    if cycle:
        start = cycle[0][0]
        names = " -> ".join(f'"{u}"' for u, _ in cycle) + f' -> "{start}"'
        raise LoadError(f"/stages/{ids['stages'][start]}/after: the after links form a cycle: {names}")
    up = nx.DiGraph()                       # edge scope -> enclosing scope
    up.add_nodes_from(m.scopes)
    up.add_edges_from((s, p) for s, p in m.within.items() if p is not None)
    try:
        cycle = nx.find_cycle(up)
    except nx.NetworkXNoCycle:
        cycle = None
    if cycle:
        start = cycle[0][0]
        names = " -> ".join(f'"{u}"' for u, _ in cycle) + f' -> "{start}"'
        raise LoadError(f"/scopes/{ids['scopes'][start]}/within: the within links form a cycle: {names}")
    return m


# --------------------------------------------------------------------------------------------------------
# Semantics: scope forest, stage order, effective holdings (least fixpoint of delegation validity)
# --------------------------------------------------------------------------------------------------------

_ROOT = object()   # the virtual root of the scope forest ("everywhere")


class Semantics:
    def __init__(self, model):
        self.m = model
        self._scope_intervals()
        self._descendants = {}
        self._holdings()

    # -- scopes: a forest through within; cover tested with DFS entry/exit times
    def _scope_intervals(self):
        m = self.m
        tree = nx.DiGraph()
        tree.add_node(_ROOT)
        for s in m.scopes:
            tree.add_edge(m.within[s] if m.within[s] is not None else _ROOT, s)
        self.tin, self.tout = {}, {}
        clock = 0
        for u, v, d in nx.dfs_labeled_edges(tree, _ROOT):
            if d == "forward":
                self.tin[v] = clock
                clock += 1
            elif d == "reverse":
                self.tout[v] = clock
                clock += 1

    def covers(self, a, b):
        """Scope a covers scope b (None = everywhere)."""
        if a is None:
            return True
        if b is None:
            return False
        return a == b or (self.tin[a] < self.tin[b] and self.tout[b] < self.tout[a])

    def scope_chain(self, s):
        """s, its enclosing scopes outwards, then None (everywhere)."""
        chain = []
        while s is not None:
            chain.append(s)
            s = self.m.within[s]
        chain.append(None)
        return chain

    # -- stages: t is later than s when s is reachable from t along after links
    def later(self, t, s):
        desc = self._descendants.get(t)
        if desc is None:
            desc = self._descendants[t] = nx.descendants(self.m.stage_graph, t)
        return s in desc

    # -- holdings
    def grant_reason(self, held, scope, stages):
        """Why an explicit grant (scope|None) x (stages|None) is not covered by the delegator's holdings
        `held`; None when it is. Reasons: not-held, scope, stage (model-format.md, precise reading 2)."""
        if not held:
            return "not-held"
        covering = [h_stages for h_scope, h_stages in held if self.covers(h_scope, scope)]
        if not covering:
            return "scope"
        if stages is None:
            return None if any(h is None for h in covering) else "stage"
        for t in stages:
            if not any(h is None or t in h for h in covering):
                return "stage"
        return None

    def _holdings(self):
        """Effective holdings per (mandate, actor): direct holdings plus what valid delegations confer,
        computed as the least fixpoint grounded in the direct holdings (a semi-naive work-list)."""
        m = self.m
        self.held = defaultdict(lambda: defaultdict(set))    # mandate -> actor -> {(scope, stages)}
        self.direct_holders = defaultdict(list)              # mandate -> [(index, actor, scope, stages)]
        for i, (actor, mandate, scope, stages) in enumerate(m.holds):
            self.held[mandate][actor].add((scope, stages))
            self.direct_holders[mandate].append((i, actor, scope, stages))

        by_mandate = defaultdict(list)
        for d in m.delegations:
            by_mandate[d[2]].append(d)
        self.delegations_by_mandate = by_mandate

        for mandate, dels in by_mandate.items():
            if not m.delegable[mandate]:
                continue                        # every delegation of it is invalid: confers nothing
            held = self.held[mandate]
            bare_out = defaultdict(set)         # from -> {to}
            explicit_out = defaultdict(set)     # from -> {(to, scope, stages)}
            for frm, to, _, scope, stages, explicit in dels:
                if frm == to:
                    continue
                if explicit:
                    explicit_out[frm].add((to, scope, stages))
                else:
                    bare_out[frm].add(to)
            pending = {a: set(h) for a, h in held.items() if h}
            queue = deque(pending)
            granted = set()
            while queue:
                a = queue.popleft()
                delta = pending.pop(a)
                updates = []
                for b in bare_out.get(a, ()):
                    updates.append((b, delta))
                for grant in explicit_out.get(a, ()):
                    if grant in granted:
                        continue
                    to, scope, stages = grant
                    if self.grant_reason(held[a], scope, stages) is None:
                        granted.add(grant)
                        updates.append((to, ((scope, stages),)))
                for b, items in updates:
                    hb = held[b]
                    new = [h for h in items if h not in hb]
                    if new:
                        hb.update(new)
                        if b in pending:
                            pending[b].update(new)
                        else:
                            pending[b] = set(new)
                            queue.append(b)

        # who receives each mandate through any delegation (valid or not): the not-held / invalid-delegation
        # reasons look at delegations *to* the actor only
        self.receives = defaultdict(set)     # mandate -> {to}
        for frm, to, mandate, *_ in m.delegations:
            self.receives[mandate].add(to)

        # an index of every effective holding by (mandate, scope): for "is anyone capable" and `capable`
        self.index = defaultdict(lambda: defaultdict(list))   # mandate -> scope -> [(actor, stages)]
        for mandate, per_actor in self.held.items():
            for actor, items in per_actor.items():
                for scope, stages in items:
                    self.index[mandate][scope].append((actor, stages))
        self._any_cache = {}
        self._list_cache = {}

    def delegation_reason(self, d):
        """Why delegation d is invalid (not-delegable, self, not-held, scope, stage), or None if valid."""
        frm, to, mandate, scope, stages, explicit = d
        if not self.m.delegable[mandate]:
            return "not-delegable"
        if frm == to:
            return "self"
        held = self.held[mandate].get(frm)
        if not held:
            return "not-held"
        if explicit:
            return self.grant_reason(held, scope, stages)
        return None

    def capable(self, actor, mandate, scope, stage):
        """One of the actor's effective holdings covers the duty's scope and is valid at its stage."""
        items = self.held[mandate].get(actor)
        if not items:
            return False
        for h_scope, h_stages in items:
            if (h_stages is None or (stage is not None and stage in h_stages)) and self.covers(h_scope, scope):
                return True
        return False

    def anyone_capable(self, mandate, scope, stage):
        key = (mandate, scope, stage)
        hit = self._any_cache.get(key)
        if hit is None:
            hit = False
            by_scope = self.index.get(mandate)
            if by_scope:
                for s in self.scope_chain(scope) if scope is not None else (None,):
                    for _, h_stages in by_scope.get(s, ()):
                        if h_stages is None or (stage is not None and stage in h_stages):
                            hit = True
                            break
                    if hit:
                        break
            self._any_cache[key] = hit
        return hit

    def capable_list(self, mandate, scope, stage):
        key = (mandate, scope, stage)
        hit = self._list_cache.get(key)
        if hit is None:
            found = set()
            by_scope = self.index.get(mandate, {})
            for s in self.scope_chain(scope) if scope is not None else (None,):
                for actor, h_stages in by_scope.get(s, ()):
                    if h_stages is None or (stage is not None and stage in h_stages):
                        found.add(actor)
            hit = self._list_cache[key] = sorted(found)
        return hit

    def missing_reason(self, actor, mandate, scope):
        """Why a performer is not capable (rules.md, mandate-missing reasons)."""
        items = self.held[mandate].get(actor)
        if not items:
            return "invalid-delegation" if actor in self.receives.get(mandate, ()) else "not-held"
        if not any(self.covers(h_scope, scope) for h_scope, _ in items):
            return "scope"
        return "stage"


# --------------------------------------------------------------------------------------------------------
# The rule catalogue
# --------------------------------------------------------------------------------------------------------

def _q(text):
    return f"'{text}'"


def audit(model, enabled):
    """Runs the enabled rules; returns the sorted list of findings (dicts)."""
    m = model
    sem = Semantics(m)
    findings = []
    an = m.actor_name
    mn = m.mandate_name

    def emit(rule, subjects, witness, message):
        findings.append({"rule": rule, "severity": RULES[rule][0], "subjects": subjects,
                         "message": message, "witness": witness})

    def names(actor_ids):
        return ", ".join(_q(an[a]) for a in actor_ids)

    def where(scope, stage):
        parts = []
        parts.append(f" for {m.scope_name[scope]}" if scope is not None else " everywhere")
        parts.append(f" at stage {_q(m.stage_name[stage])}" if stage is not None else " at every stage")
        return "".join(parts)

    on = enabled.__contains__

    # ---- assignment rules and the mandate rules, per duty
    mandate_rules = any(on(r) for r in ("mandate-missing", "mandate-unheld", "accountable-without-mandate",
                                        "responsible-without-mandate"))
    for d in m.duties:
        R, A = d.R, d.A
        if not d.optional:
            if not R and not A:
                if on("unassigned-duty"):
                    emit("unassigned-duty", {"duty": d.id}, {}, f"{_q(d.name)} has no one responsible or accountable")
            elif not A:
                if on("no-accountable"):
                    emit("no-accountable", {"duty": d.id}, {}, f"{_q(d.name)} has no one accountable")
            elif not R:
                if on("no-responsible"):
                    emit("no-responsible", {"duty": d.id}, {}, f"{_q(d.name)} has no one responsible")
        if len(A) >= 2 and on("multiple-accountable"):
            actors = sorted(A)
            emit("multiple-accountable", {"duty": d.id, "actors": actors}, {},
                 f"{_q(d.name)} has {len(actors)} accountable actors: {names(actors)}")
        if not d.requires or not mandate_rules:
            continue
        performers = _unique(A + R)
        # capability of each performer for each required mandate
        capable_of = {p: set() for p in performers}
        for mandate in d.requires:
            holders = [p for p in performers if sem.capable(p, mandate, d.scope, d.stage)]
            for p in holders:
                capable_of[p].add(mandate)
            if holders:
                continue
            if not sem.anyone_capable(mandate, d.scope, d.stage):
                if on("mandate-unheld"):
                    emit("mandate-unheld", {"duty": d.id, "mandate": mandate}, {},
                         f"No one in the model holds {_q(mn[mandate])}{where(d.scope, d.stage)}, "
                         f"which {_q(d.name)} requires")
            elif performers and on("mandate-missing"):
                capable = sem.capable_list(mandate, d.scope, d.stage)
                reasons = {p: sem.missing_reason(p, mandate, d.scope) for p in sorted(performers)}
                emit("mandate-missing", {"duty": d.id, "mandate": mandate},
                     {"reasons": reasons, "capable": capable},
                     f"No one assigned to {_q(d.name)} holds {_q(mn[mandate])}{where(d.scope, d.stage)}; "
                     f"{names(capable[:5])}{' and others' if len(capable) > 5 else ''} "
                     f"{'does' if len(capable) == 1 else 'do'}")
        required_sorted = None
        for p in _unique(A):
            if not capable_of[p] and on("accountable-without-mandate"):
                required_sorted = required_sorted or sorted(d.requires)
                emit("accountable-without-mandate", {"duty": d.id, "actor": p}, {"mandates": required_sorted},
                     f"{_q(an[p])} is accountable for {_q(d.name)} but holds none of the mandates it requires")
        accountable = set(A)
        for p in _unique(R):
            if p not in accountable and not capable_of[p] and on("responsible-without-mandate"):
                required_sorted = required_sorted or sorted(d.requires)
                emit("responsible-without-mandate", {"duty": d.id, "actor": p}, {"mandates": required_sorted},
                     f"{_q(an[p])} is responsible for {_q(d.name)} but holds none of the mandates it requires; "
                     "it works under another's mandate without a delegation")

    # ---- exclusive-overlap: direct holdings only
    if on("exclusive-overlap"):
        for mandate in m.mandates:
            if not m.exclusive[mandate]:
                continue
            holders = sem.direct_holders.get(mandate, ())
            by_scope = defaultdict(list)
            for h in holders:
                by_scope[h[2]].append(h)
            pairs = {}     # (a, b) sorted -> (i, j, scope of a, scope of b)
            for h in holders:
                i, actor, scope, stages = h
                # every holding whose scope covers this one's: same scope listed earlier, or an enclosing
                # scope, or everywhere; each overlapping pair of holdings is met exactly once
                chain = sem.scope_chain(scope) if scope is not None else [None]
                for s in chain:
                    for g in by_scope.get(s, ()):
                        j, other, o_scope, o_stages = g
                        if s == scope and j >= i:
                            break            # same scope: only earlier holdings (lists are in index order)
                        if other == actor:
                            continue
                        if not (stages is None or o_stages is None or not stages.isdisjoint(o_stages)):
                            continue
                        key = (actor, other) if actor < other else (other, actor)
                        order = (min(i, j), max(i, j))
                        scopes = (scope, o_scope) if key[0] == actor else (o_scope, scope)
                        old = pairs.get(key)
                        if old is None or order < old[0]:
                            pairs[key] = (order, scopes)
            for (a, b), (_, scopes) in pairs.items():
                emit("exclusive-overlap", {"mandate": mandate, "actors": [a, b]}, {"scopes": list(scopes)},
                     f"{_q(an[a])} and {_q(an[b])} both hold the exclusive mandate {_q(mn[mandate])} "
                     "over overlapping scopes and stages")

    # ---- invalid-delegation: one finding per (mandate, from, to), the reason of the first invalid one
    if on("invalid-delegation"):
        reported = set()
        texts = {"not-delegable": "the mandate is not delegable", "self": "an actor delegates to itself",
                 "not-held": "the delegator does not hold the mandate",
                 "scope": "the delegator does not hold the mandate over the stated scope",
                 "stage": "the delegator does not hold the mandate at every stated stage"}
        for d in m.delegations:
            key = (d[2], d[0], d[1])
            if key in reported:
                continue
            reason = sem.delegation_reason(d)
            if reason is None:
                continue
            reported.add(key)
            emit("invalid-delegation", {"mandate": d[2], "from": d[0], "to": d[1]}, {"reason": reason},
                 f"The delegation of {_q(mn[d[2]])} from {_q(an[d[0]])} to {_q(an[d[1]])} is invalid: "
                 f"{texts[reason]}")

    # ---- delegation-cycle: strongly connected components of each mandate's delegations (valid or not)
    if on("delegation-cycle"):
        g = nx.DiGraph()
        g.add_edges_from(((d[2], d[0]), (d[2], d[1])) for d in m.delegations if d[0] != d[1])
        for comp in nx.strongly_connected_components(g):
            if len(comp) < 2:
                continue
            mandate = next(iter(comp))[0]
            actors = sorted(a for _, a in comp)
            emit("delegation-cycle", {"mandate": mandate, "actors": actors}, {},
                 f"{_q(mn[mandate])} is delegated in a cycle among {names(actors)}")

    # ---- stage-order and dependency-cycle
    duty_by_id = {d.id: d for d in m.duties}
    if on("stage-order"):
        for d in m.duties:
            if d.stage is None:
                continue
            for e_id in d.needs:
                e = duty_by_id[e_id]
                if e.stage is not None and sem.later(e.stage, d.stage):
                    emit("stage-order", {"duty": d.id, "needs": e.id}, {"stages": [d.stage, e.stage]},
                         f"{_q(d.name)} (stage {_q(m.stage_name[d.stage])}) needs {_q(e.name)}, "
                         f"which comes later (stage {_q(m.stage_name[e.stage])})")
    if on("dependency-cycle"):
        g = nx.DiGraph()
        g.add_nodes_from(d.id for d in m.duties)
        g.add_edges_from((d.id, e) for d in m.duties for e in d.needs)
        for comp in nx.strongly_connected_components(g):
            if len(comp) < 2:
                (only,) = comp
                if not g.has_edge(only, only):
                    continue
            duties = sorted(comp)
            emit("dependency-cycle", {"duties": duties}, {},
                 "Duties need one another in a cycle: " +
                 ", ".join(_q(duty_by_id[x].name) for x in duties))

    # ---- coordination-gap
    if on("coordination-gap"):
        forums_of = defaultdict(set)
        for idx, (_, _, members, coordinator, _) in enumerate(m.forums):
            for a in members:
                forums_of[a].add(idx)
            if coordinator is not None:
                forums_of[coordinator].add(idx)
        no_forums = frozenset()
        gaps = {}
        shared = set()

        def share(x, y, duties):
            key = (x, y) if x < y else (y, x)
            got = gaps.get(key)
            if got is not None:
                got.update(duties)
            elif key not in shared:
                if forums_of.get(x, no_forums).isdisjoint(forums_of.get(y, no_forums)):
                    gaps[key] = set(duties)
                else:
                    shared.add(key)

        performers_of = {d.id: _unique(d.R + d.A) for d in m.duties}
        for d in m.duties:
            pd = performers_of[d.id]
            if len(pd) > 1:
                for i, x in enumerate(pd):
                    for y in pd[i + 1:]:
                        share(x, y, (d.id,))
            if pd:
                for e_id in d.needs:
                    pe = performers_of[e_id]
                    for x in pd:
                        for y in pe:
                            if x != y:
                                share(x, y, (d.id, e_id))
        for (a, b), duties in gaps.items():
            emit("coordination-gap", {"actors": [a, b]}, {"duties": sorted(duties)},
                 f"{_q(an[a])} and {_q(an[b])} share work but no forum")

    # ---- forums
    for fid, fname, members, coordinator, covers in m.forums:
        if coordinator is None:
            if on("forum-without-coordinator"):
                emit("forum-without-coordinator", {"forum": fid}, {}, f"{_q(fname)} has no coordinator")
            continue
        if not on("coordinator-without-mandate"):
            continue
        required = set()
        cleared = False
        for duty_id in covers:
            d = duty_by_id[duty_id]
            required.update(d.requires)
            if not cleared and any(sem.capable(coordinator, mnd, d.scope, d.stage) for mnd in d.requires):
                cleared = True
        if required and not cleared:
            emit("coordinator-without-mandate", {"forum": fid, "actor": coordinator},
                 {"mandates": sorted(required)},
                 f"{_q(an[coordinator])}, coordinator of {_q(fname)}, holds none of the mandates "
                 "its duties require")

    # ---- idle-actor and unused-mandate
    if on("idle-actor"):
        busy = set()
        for d in m.duties:
            busy.update(d.R, d.A, d.C, d.I)
        for _, _, members, coordinator, _ in m.forums:
            busy.update(members)
            if coordinator is not None:
                busy.add(coordinator)
        busy.update(h[0] for h in m.holds)
        for d in m.delegations:
            busy.add(d[0])
            busy.add(d[1])
        for a in m.actors:
            if a not in busy:
                emit("idle-actor", {"actor": a}, {},
                     f"{_q(an[a])} has no duty, no forum, no holding and no delegation")
    if on("unused-mandate"):
        used = {h[1] for h in m.holds}
        for d in m.duties:
            used.update(d.requires)
        for mandate in m.mandates:
            if mandate not in used:
                emit("unused-mandate", {"mandate": mandate}, {},
                     f"{_q(mn[mandate])} is neither required by any duty nor held by any actor")

    findings.sort(key=_sort_key)
    return findings


def _sort_key(f):
    subj = f["subjects"]
    return (SEVERITY_RANK[f["severity"]], f["rule"],
            tuple(tuple(subj[k]) if isinstance(subj[k], list) else subj[k] for k in RULES[f["rule"]][1]))


# --------------------------------------------------------------------------------------------------------
# Report and command line
# --------------------------------------------------------------------------------------------------------

def render_json(model, findings):
    summary = {s: 0 for s in SEVERITIES}
    for f in findings:
        summary[f["severity"]] += 1
    dump = json.JSONEncoder(ensure_ascii=False).encode
    head = (f'{{\n  "format": {dump(REPORT_FORMAT)},\n  "model": {dump(model.name)},\n'
            f'  "summary": {dump(summary)},\n  "findings": [')
    if not findings:
        return head + "]\n}\n"
    return head + "\n    " + ",\n    ".join(dump(f) for f in findings) + "\n  ]\n}\n"


def render_text(model, findings):
    lines = []
    for f in findings:
        subj = " ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in f["subjects"].items())
        lines.append(f"{f['severity']}: {f['rule']}: {subj}: {f['message']}")
    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES}
    lines.append(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(lines) + "\n"


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write(f"samverkan_baseline: {message}\n")
        sys.exit(2)


def _rule_list(text):
    rules = [r for r in text.split(",") if r]
    for r in rules:
        if r not in RULES:
            raise argparse.ArgumentTypeError(f'unknown rule "{r}"{_suggest(r, list(RULES))}')
    return rules


def main(argv):
    parser = _Parser(prog="samverkan_baseline.py",
                     description="Reference (networkx) implementation of the samverkan audit.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("audit", help="audit a samverkan/1 model")
    p.add_argument("file", help="the model file, or - for standard input")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="error")
    p.add_argument("--only", type=_rule_list, default=None, metavar="RULES")
    p.add_argument("--skip", type=_rule_list, default=None, metavar="RULES")
    p.add_argument("--timings", action="store_true")
    args = parser.parse_args(argv)

    label = "<stdin>" if args.file == "-" else args.file
    t0 = time.perf_counter()
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as fh:
                data = fh.read()
    except OSError as e:
        sys.stderr.write(f"samverkan_baseline: {label}: cannot read: {e.strerror}\n")
        return 2
    try:
        doc = parse_json(data)
        del data
        model = load_model(doc)
        del doc
    except LoadError as e:
        text = str(e)
        sep = ":" if text[:1].isdigit() else ": "
        sys.stderr.write(f"samverkan_baseline: {label}{sep}{text}\n")
        return 2
    t1 = time.perf_counter()

    enabled = set(args.only) if args.only is not None else set(RULES)
    if args.skip:
        enabled -= set(args.skip)
    findings = audit(model, enabled)
    t2 = time.perf_counter()

    out = render_json(model, findings) if args.format == "json" else render_text(model, findings)
    sys.stdout.buffer.write(out.encode("utf-8"))
    sys.stdout.flush()
    if args.timings:
        sys.stderr.write(f"baseline: load {t1 - t0:.3f} s, audit {t2 - t1:.3f} s\n")

    if args.fail_on == "never":
        return 0
    limit = SEVERITY_RANK[args.fail_on]
    return 1 if any(SEVERITY_RANK[f["severity"]] <= limit for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
