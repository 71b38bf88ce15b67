"""Withdrawal, what-if, resilience, criticality (analytics.md, sections 1-2) and diff (section 4)."""

from __future__ import annotations

import json
from typing import Iterable, List, Union

from . import _samverkan
from ._samverkan import Diff, Metrics, Model, Resilience, WhatIf

__all__ = ["withdraw", "what_if", "resilience", "criticality", "metrics", "diff"]


def _actors(without: Union[str, Iterable[str]]) -> List[str]:
    if isinstance(without, str):
        without = [without]
    return list(dict.fromkeys(without))


def withdraw(model: Model, without: Union[str, Iterable[str]]) -> Model:
    """A new model: `model` without the actors `without` and everything that names them (their RACI
    entries, forum memberships, coordinatorships, holdings and delegations). A repeated actor counts once;
    an unknown actor raises KeyError (with a "did you mean"), an empty list ValueError."""
    return _samverkan.withdraw(model, _actors(without))


def what_if(model: Model, without: Union[str, Iterable[str]]) -> WhatIf:
    """audit(model) compared with audit(withdraw(model, without)) by (rule, subjects): a WhatIf with
    .without, .added and .removed (Reports, ids of `model`) and to_json() as `samverkan what-if` writes."""
    return _samverkan.what_if(model, _actors(without))


def resilience(model: Model, k: int = 3) -> Resilience:
    """Resilience of every duty, exact up to k (1 to 8; samverkan.Error otherwise), and criticality of every
    actor: a Resilience with .duties and .actors (lists of dicts) and to_json()/to_csv() as `samverkan
    resilience` writes."""
    return _samverkan.resilience(model, k)


def criticality(model: Model) -> list:
    """Per actor, in model order: {'actor', 'failing': duties that stand and fail without it (sorted),
    'added': {'error', 'warning', 'info'} counts of what_if(model, [actor])'s added findings}.
    pandas.DataFrame(samverkan.criticality(m)) takes it as it is."""
    return _samverkan.criticality(model)


def metrics(model: Model) -> Metrics:
    """Coverage, redundancy, resilience, collaboration (degree, betweenness, centralisation) and per-actor
    and per-stage rows (analytics.md, section 3): a Metrics with to_json()/to_csv() as `samverkan metrics`
    writes, to_dict(), and .actors / .stages rows for pandas.DataFrame."""
    return _samverkan.metrics(model)


def diff(a: Model, b: Model) -> Diff:
    """What changed in meaning from model a to model b: a Diff with to_json() (as `samverkan diff` writes),
    to_dict(), .empty, and the findings .added (ids of b) and .removed (ids of a) as Reports."""
    return _samverkan.diff(a, b)


def _to_dict(self) -> dict:
    """The report parsed from to_json()."""
    return json.loads(self.to_json())


for _cls in (WhatIf, Resilience, Diff, Metrics):
    _cls.to_dict = _to_dict
Metrics.actors = property(lambda self: self.to_dict()["actors"], doc="One row per actor, in id order.")
Metrics.stages = property(lambda self: self.to_dict()["stages"], doc="One row per stage, then the stage-less duties.")
