"""Withdrawal and what-if (analytics.md, section 1) over the library."""

from __future__ import annotations

from typing import Iterable

from . import _samverkan
from ._samverkan import Model

__all__ = ["withdraw", "what_if"]


def _actors(model: Model, without: Iterable[str]) -> list:
    if isinstance(without, str):
        without = [without]
    actors = list(dict.fromkeys(without))
    if not actors:
        raise ValueError("what_if/withdraw need at least one actor to withdraw")
    return actors


def withdraw(model: Model, without: Iterable[str]) -> Model:
    """A new model: `model` without the actors `without` and everything that names them (their RACI
    entries, forum memberships, coordinatorships, holdings and delegations). KeyError for an unknown
    actor (with a "did you mean"); a repeated actor counts once."""
    return _samverkan._ScenarioRunner(model).withdraw(_actors(model, without))


def what_if(model: Model, without: Iterable[str]) -> dict:
    """Compares audit(model) with audit(withdraw(model, without)) by (rule, subjects), as
    `samverkan what-if` does: {'without': sorted ids, 'added': [finding dicts], 'removed': [...],
    'added_summary': {...}, 'failing': duties that stand before and fail after}."""
    return _samverkan._ScenarioRunner(model).run(_actors(model, without), True)
