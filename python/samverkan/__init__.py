"""samverkan: model crime-prevention collaboration frameworks as typed graphs and audit them.

The Python face of the C++ library (same headers, same results as the command-line tool):

    >>> import samverkan
    >>> m = samverkan.load("examples/models/centrum_bid.json")
    >>> report = samverkan.audit(m, skip=["idle-actor"])
    >>> report.summary
    {'error': ..., 'warning': ..., 'info': ...}
    >>> import pandas; df = pandas.DataFrame(report.to_records())
    >>> g = samverkan.to_networkx(m)       # a typed networkx.MultiDiGraph

Templates (templates.md): samverkan.templates(), load_template("est"), apply(template, place, bind={...}),
fit(place), audit(model, profile="lag-2023-196").

Scenario sweeps on a Dask cluster: samverkan.sweep(client, path, k=1, n=1000, seed=1).
"""

from __future__ import annotations

import os
from typing import Iterable, Optional, Union

from . import _samverkan
from ._errors import Error, LoadError
from ._samverkan import Application, Diff, Finding, Fit, Metrics, Model, Report, Resilience, Template, WhatIf
from ._graph import from_networkx, to_networkx
from ._scenarios import criticality, diff, metrics, resilience, what_if, withdraw
from ._sweep import SweepResult, sweep
from ._templates import _template, apply, bundled_templates_dir, fit, load_template, templates, templates_json

__version__: str = _samverkan.__version__

__all__ = [
    "Error", "LoadError", "Model", "Report", "Finding", "load", "audit", "rules", "to_networkx",
    "from_networkx", "what_if", "withdraw", "resilience", "criticality", "metrics", "diff", "WhatIf",
    "Resilience", "Metrics", "Diff", "sweep", "SweepResult", "Template", "Application", "Fit",
    "load_template", "templates", "templates_json", "bundled_templates_dir", "apply", "fit", "__version__",
]


def load(source: Union[str, bytes, "os.PathLike[str]"], *, name: Optional[str] = None) -> Model:
    """Reads a samverkan/1 model from a file path or from JSON text.

    A str whose first non-blank character is "{" is JSON text, any other str a path; os.PathLike is a
    path; bytes are JSON text. `name` is the source named in error messages for text (default
    "<input>"). The file is mapped, not copied, and the GIL is released while it is read.

    Raises LoadError (a ValueError) with .file, .line, .column, .json_path and .reason.
    """
    if isinstance(source, bytes):
        return _samverkan._load_text(source, name or "<input>")
    if isinstance(source, str) and source.lstrip()[:1] == "{":
        return _samverkan._load_text(source, name or "<input>")
    if isinstance(source, (str, os.PathLike)):
        return _samverkan._load_file(os.fspath(source))
    raise TypeError(f"load() takes a path or JSON text, not {type(source).__name__}")


def audit(model: Model, *, only: Union[str, Iterable[str], None] = None,
          skip: Union[str, Iterable[str], None] = None, severity: Optional[dict] = None,
          profile: Union[Template, str, "os.PathLike[str]", None] = None, bind: Optional[dict] = None,
          mandate: Optional[dict] = None, scope: Optional[str] = None, everywhere: bool = False,
          templates_dirs=None) -> Report:
    """Runs the rule catalogue (rules.md) over `model` and returns the sorted Report.

    only: rule ids to run (all when None); skip: rule ids not to run; either may be a list or a
    comma-separated string, as the tool's --only/--skip. severity: {rule id: 'error'|'warning'|'info'}
    overrides. An unknown rule id raises ValueError with a "did you mean". The findings stay in C++ until
    asked for (report[i], iteration, report.to_records()).

    profile: audit against a profile of obligations (templates.md section 4; `samverkan audit --profile`):
    a Template of kind 'profile', or a bundled id ("lag-2023-196"), a path or JSON text. It adds the rules
    obligation-unrealised, obligation-misowned and profile-role-unbound. bind, mandate, scope and
    everywhere bind the profile's roles as in samverkan.apply() (they need a profile). A template of kind
    'model' raises samverkan.Error.
    """
    if profile is not None:
        profile = _template(profile, templates_dirs)
    return _samverkan.audit(model, only=only, skip=skip, severity=severity, profile=profile,
                            bind=None if bind is None else {k: ([] if v is None else v) for k, v in bind.items()},
                            mandate=mandate, scope=scope, everywhere=everywhere)


def rules() -> list:
    """The built-in rule catalogue as (rule id, default severity) pairs, in catalogue order."""
    return _samverkan.rules()
