"""Templates, apply, fit and profiles (templates.md): established samverkansmodeller with roles in place of
actors, put onto a place and ranked for it.

    >>> t = samverkan.load_template("est")                 # a bundled id, a path, or JSON text
    >>> a = samverkan.apply(t, place, bind={"polis": ["lpo"]})
    >>> a.model, a.binding, a.unbound                       # the applied model (samverkan/1.1) and how
    >>> samverkan.fit(place).to_records()                   # every bundled model template ranked
    >>> samverkan.audit(model, profile="lag-2023-196")      # the obligation rules added

A template argument (apply, fit's `templates`, audit's `profile`) is a Template, JSON text (starting with
"{"), a path (an os.PathLike, or a str containing "/" or ending in ".json", as the tool reads --template), or
the id of a bundled template (or of one in the `templates_dirs` given).
"""

from __future__ import annotations

import difflib
import json
import os
import pathlib
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _samverkan
from ._samverkan import Application, Fit, Model, Template

__all__ = ["load_template", "templates", "apply", "fit", "bundled_templates_dir"]

TemplateLike = Union[Template, str, "os.PathLike[str]"]
Binding = Mapping[str, Union[str, Sequence[str], None]]


def bundled_templates_dir() -> pathlib.Path:
    """The directory of the bundled templates: bundled_templates/ inside the package (copied there by the
    build and by pip install); $SAMVERKAN_TEMPLATES_DIR overrides it."""
    env = os.environ.get("SAMVERKAN_TEMPLATES_DIR")
    if env:
        return pathlib.Path(env)
    return pathlib.Path(__file__).resolve().parent / "bundled_templates"


def load_template(source: Union[str, bytes, "os.PathLike[str]"], *, name: Optional[str] = None) -> Template:
    """Reads a samverkan-template/1 template (templates.md section 1).

    source: JSON text (a str whose first non-blank character is "{", or bytes), a path (os.PathLike, or a
    str containing "/" or ending in ".json"), or the id of a bundled template. `name` names text in error
    messages (default "<input>"). Raises LoadError (a ValueError with .file, .line, .column, .json_path and
    .reason) for an invalid template, KeyError (with a "did you mean") for an unknown bundled id.
    """
    if isinstance(source, bytes):
        return _samverkan._load_template_text(source.decode("utf-8"), name or "<input>")
    if isinstance(source, str) and source.lstrip()[:1] == "{":
        return _samverkan._load_template_text(source, name or "<input>")
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _is_file(source)):
        return _samverkan._load_template_file(os.fspath(source))
    if isinstance(source, str):
        return _lookup(source, ())
    raise TypeError(f"load_template() takes a path, JSON text or a template id, not {type(source).__name__}")


def _is_file(name: str) -> bool:
    return "/" in name or name.endswith(".json") or os.sep in name


def _read_dir(directory: Union[str, "os.PathLike[str]"], must_exist: bool) -> List[Template]:
    path = pathlib.Path(directory)
    if not path.is_dir():
        if must_exist:
            raise _samverkan_error(f"templates directory {os.fspath(directory)}: not a directory")
        return []
    files = sorted(p for p in path.iterdir() if p.suffix == ".json" and not p.is_dir())
    return [_samverkan._load_template_file(str(p)) for p in files]


def _samverkan_error(message: str) -> Exception:
    from ._errors import Error
    return Error(message)


def _dirs(templates_dirs: Union[str, "os.PathLike[str]", Iterable, None]) -> list:
    if templates_dirs is None:
        return []
    if isinstance(templates_dirs, (str, os.PathLike)):
        return [templates_dirs]
    return list(templates_dirs)


def templates(templates_dirs: Union[str, "os.PathLike[str]", Iterable, None] = None) -> List[Template]:
    """The available templates, sorted by id: the bundled ones and every *.json file directly in each of
    `templates_dirs` (which win over a bundled template with the same id), as `samverkan templates` lists
    them. An invalid file raises LoadError; a directory that does not exist samverkan.Error."""
    by_id: Dict[str, Template] = {t.id: t for t in _read_dir(bundled_templates_dir(), False)}
    for d in _dirs(templates_dirs):
        for t in _read_dir(d, True):
            by_id[t.id] = t
    return [by_id[k] for k in sorted(by_id)]


def templates_json(templates_dirs: Union[str, "os.PathLike[str]", Iterable, None] = None) -> str:
    """The listing as `samverkan templates --format json` writes it (samverkan-templates/1)."""
    return _samverkan._templates_json(templates(templates_dirs))


def _lookup(template_id: str, templates_dirs) -> Template:
    for d in _dirs(templates_dirs):
        for t in _read_dir(d, True):
            if t.id == template_id:
                return t
    known = _read_dir(bundled_templates_dir(), False)
    for t in known:
        if t.id == template_id:
            return t
    ids = [t.id for t in known] + [t.id for d in _dirs(templates_dirs) for t in _read_dir(d, True)]
    close = difflib.get_close_matches(template_id, ids, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else " (samverkan.templates() lists them)"
    raise KeyError(f'unknown template "{template_id}"{hint}')


def _template(value: TemplateLike, templates_dirs=None) -> Template:
    if isinstance(value, Template):
        return value
    if isinstance(value, str) and not (value.lstrip()[:1] == "{" or _is_file(value)):
        return _lookup(value, templates_dirs)
    if isinstance(value, (str, bytes, os.PathLike)):
        return load_template(value)
    raise TypeError(f"expected a Template, a path, JSON text or a template id, not {type(value).__name__}")


def apply(template: TemplateLike, place: Model, *, bind: Optional[Binding] = None,
          mandate: Optional[Mapping[str, str]] = None, stage: Optional[Mapping[str, str]] = None,
          scope: Optional[str] = None, everywhere: bool = False, prefix: Optional[str] = None,
          templates_dirs=None) -> Application:
    """Applies `template` to `place` (templates.md sections 2 and 3), as `samverkan apply` does.

    bind        {role: actor ids}: explicit bindings (a list, one id, "a,b", or [] / None for none); every
                other role with category or holds is bound automatically
    mandate     {template mandate id: place mandate id}; stage likewise (--mandate, --stage)
    scope       the application scope (a scope id of the place); everywhere=True for none; by default
                the place's only root scope when it has one, everywhere otherwise
    prefix      the prefix of the added ids (the tool's --as; default the template's id)

    Returns an Application: .model (the applied model, a new Model of format samverkan/1.1; `place` is
    unchanged), .binding, .unbound, .messages, and to_json() (what the tool writes). Misuse (an unknown
    role, actor, scope or mapped id, two actors for a role without `many`, an id clash) raises
    samverkan.Error naming what is wrong.
    """
    return _samverkan.apply(_template(template, templates_dirs), place, bind=_binding(bind), mandate=mandate,
                            stage=stage, scope=scope, everywhere=everywhere, prefix=prefix)


def _binding(bind: Optional[Binding]):
    if bind is None:
        return None
    return {role: ([] if actors is None else actors) for role, actors in bind.items()}


def fit(place: Model, templates: Union[TemplateLike, Iterable[TemplateLike], None] = None, *,
        templates_dirs=None, bind: Optional[Binding] = None, mandate: Optional[Mapping[str, str]] = None,
        stage: Optional[Mapping[str, str]] = None, scope: Optional[str] = None,
        everywhere: bool = False) -> Fit:
    """Ranks candidate templates for `place` (templates.md section 5), as `samverkan fit` does.

    The candidates are the bundled templates of kind 'model', unless `templates` or `templates_dirs` are
    given: then the templates of kind model in each directory and each of `templates` (a profile there
    raises samverkan.Error). bind, mandate, stage, scope and everywhere as in apply(), applied to every
    candidate that has that role, mandate or stage.

    Returns a Fit: to_json() (samverkan-fit/1, byte for byte the tool's), to_dict(), to_records() (one row
    per candidate), .ranking, .baseline; indexing gives the candidates of the report.
    """
    dirs = _dirs(templates_dirs)
    if templates is None and not dirs:
        candidates = [t for t in _read_dir(bundled_templates_dir(), False) if t.kind == "model"]
    else:
        candidates = [t for d in dirs for t in _read_dir(d, True) if t.kind == "model"]
        if templates is not None:
            if isinstance(templates, (str, bytes, os.PathLike, Template)):
                templates = [templates]
            for value in templates:
                t = _template(value, dirs)
                if t.kind != "model":
                    raise _samverkan_error(
                        f"template {t.id}: it is a profile; fit ranks templates of kind model (audit a model "
                        "against a profile with samverkan.audit(model, profile=...))")
                candidates.append(t)
    return _samverkan.fit(place, candidates, bind=_binding(bind), mandate=mandate, stage=stage, scope=scope,
                          everywhere=everywhere)


def _fit_to_dict(self) -> dict:
    """The samverkan-fit/1 report parsed from to_json()."""
    return json.loads(self.to_json())


def _fit_getitem(self, i):
    return self.to_dict()["candidates"][i]


def _fit_iter(self):
    return iter(self.to_dict()["candidates"])


Fit.to_dict = _fit_to_dict
Fit.__getitem__ = _fit_getitem
Fit.__iter__ = _fit_iter
Fit.candidates = property(lambda self: self.to_dict()["candidates"],
                          doc="The candidates as the JSON report lists them (ranked, then skipped).")
