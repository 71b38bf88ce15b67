"""Templates, apply, fit and audit(profile=...) (templates.md): results equal to the tool's output on the
bundled templates and models and on the public wave-2 conformance suite, bad input, LoadError locations."""

import json
import os
import pathlib
import pickle

import pandas as pd
import pytest

import samverkan
from conftest import MODELS, ROOT

TEMPLATES = sorted((ROOT / "templates").glob("*.json"))
KINDS = {p.stem: json.loads(p.read_text(encoding="utf-8")).get("kind", "model") for p in TEMPLATES}
MODEL_TEMPLATES = [k for k, v in sorted(KINDS.items()) if v == "model"]
PROFILES = [k for k, v in sorted(KINDS.items()) if v == "profile"]
PLACES = sorted((ROOT / "examples" / "models").glob("plats_*.json"))
SUITE = ROOT.parent / "shared" / "conformance-wave2"


# ---- the bundled templates against the tool ------------------------------------------------------------

def test_bundled_templates_are_the_tools_listing(run_tool):
    result = run_tool("templates", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert samverkan.templates_json() == result.stdout
    listed = json.loads(result.stdout)["templates"]
    assert [(t.id, t.kind, t.name, [r["id"] for r in t.roles]) for t in samverkan.templates()] == [
        (t["id"], t["kind"], t["name"], t["roles"]) for t in listed]
    assert {t.id for t in samverkan.templates()} == set(KINDS)


@pytest.mark.parametrize("place", PLACES, ids=[p.stem for p in PLACES])
@pytest.mark.parametrize("template", MODEL_TEMPLATES)
def test_apply_is_the_tools_byte_for_byte(place, template, run_tool):
    result = run_tool("apply", place, "--template", template)
    applied = samverkan.apply(template, samverkan.load(place))
    if result.returncode != 0:  # an id clash: the tool and Python refuse alike
        assert result.returncode == 2
        with pytest.raises(samverkan.Error):
            samverkan.apply(template, samverkan.load(place))
        return
    assert applied.to_json() == result.stdout
    assert applied.model.to_json() == result.stdout
    assert "".join(line + "\n" for line in applied.messages) == result.stderr
    assert applied.model.format == "samverkan/1.1"
    unbound = {u["role"] for u in applied.unbound}
    assert [r for r, actors in applied.binding.items() if not actors] == [u["role"] for u in applied.unbound]
    assert unbound <= {r["id"] for r in applied.template.roles}


@pytest.mark.parametrize("place", PLACES, ids=[p.stem for p in PLACES])
def test_fit_is_the_tools_byte_for_byte(place, run_tool):
    result = run_tool("fit", place, "--format", "json")
    assert result.returncode == 0, result.stderr
    fit = samverkan.fit(samverkan.load(place))
    assert fit.to_json() == result.stdout
    report = json.loads(result.stdout)
    assert fit.to_dict() == report and fit.candidates == report["candidates"]
    assert fit.baseline == report["baseline"] and fit.place == report["place"] and fit.scope == report["scope"]
    assert len(fit) == len(report["candidates"]) and fit[0] == report["candidates"][0]
    assert fit.ranking == [c["template"] for c in report["candidates"] if c["rank"] is not None]
    rows = fit.to_records()
    assert [(r["rank"], r["template"], r["name"]) for r in rows] == [
        (c["rank"], c["template"], c["name"]) for c in report["candidates"]]
    for r, c in zip(rows, report["candidates"]):
        if c["rank"] is not None:
            assert r["introduced_error"] == c["introduced"]["error"]
            assert r["resolved_warning"] == c["resolved"]["warning"]
            assert r["unbound_required"] == sum(1 for u in c["unbound"] if not u["optional"])
    frame = pd.DataFrame(rows)
    assert list(frame["template"]) == [c["template"] for c in report["candidates"]]


@pytest.mark.parametrize("profile", PROFILES)
def test_profile_audit_is_the_tools_byte_for_byte(model_path, profile, run_tool):
    result = run_tool("audit", model_path, "--profile", profile, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    m = samverkan.load(model_path)
    report = samverkan.audit(m, profile=profile)
    assert report.to_json() == result.stdout
    assert report.to_records() == json.loads(result.stdout)["findings"]
    by_object = samverkan.audit(m, profile=samverkan.load_template(profile))
    assert by_object.to_json() == result.stdout
    for f in report:
        if f.rule in ("obligation-unrealised", "obligation-misowned", "profile-role-unbound"):
            assert f.subjects["profile"] == profile


# ---- the public wave-2 suite, translated into Python calls ----------------------------------------------

def _parse(args):
    """The tool's command line as (command, positional arguments, {option: [values]}, flags)."""
    command, rest = args[0], args[1:]
    positional, options, flags = [], {}, set()
    i = 0
    while i < len(rest):
        a = rest[i]
        if a == "--everywhere":
            flags.add(a)
        elif a.startswith("--"):
            name, eq, value = a.partition("=")
            if not eq:
                i += 1
                value = rest[i]
            options.setdefault(name, []).append(value)
        else:
            positional.append(a)
        i += 1
    return command, positional, options, flags


class Unexpressible(Exception):
    """A command line that has no Python equivalent (a role bound twice: a dict has one value per key)."""


def _binding_kwargs(options, flags, stage=True):
    kw = {}
    if "--bind" in options:
        bind = {}
        for b in options["--bind"]:
            role, _, actors = b.partition("=")
            if role in bind:
                raise Unexpressible
            bind[role] = actors.split(",") if actors else []
        kw["bind"] = bind
    for option, key in (("--mandate", "mandate"), ("--stage", "stage")):
        if option in options:
            if not stage and option == "--stage":
                kw["stage"] = dict(v.split("=", 1) for v in options[option])  # audit has no stage: TypeError
                continue
            pairs = [v.split("=", 1) for v in options[option]]
            kw[key] = dict(pairs)
            if len(kw[key]) != len(pairs):
                raise Unexpressible
    if "--scope" in options:
        kw["scope"] = options["--scope"][0]
    if "--everywhere" in flags:
        kw["everywhere"] = True
    if "--templates" in options:
        kw["templates_dirs"] = options["--templates"]
    return kw


def _python(args):
    """What Python gives for the tool's command line `args` (the tool's stdout for a JSON command)."""
    command, positional, options, flags = _parse(args)
    if command == "templates":
        return samverkan.templates_json(options.get("--templates"))
    if command == "apply":
        kw = _binding_kwargs(options, flags)
        if "--as" in options:
            kw["prefix"] = options["--as"][0]
        (template,) = options["--template"]
        return samverkan.apply(template, samverkan.load(positional[0]), **kw).to_json()
    if command == "fit":
        kw = _binding_kwargs(options, flags)
        return samverkan.fit(samverkan.load(positional[0]), options.get("--template"), **kw).to_json()
    if command == "audit":
        kw = _binding_kwargs(options, flags, stage=False)
        for option in ("--only", "--skip"):
            if option in options:
                kw[option[2:]] = ",".join(options[option])
        if "--profile" in options:
            (kw["profile"],) = options["--profile"]
        return samverkan.audit(samverkan.load(positional[0]), **kw).to_json()
    raise Unexpressible


def _suite_cases(folder):
    if not SUITE.is_dir():
        return []
    out = []
    for p in sorted((SUITE / folder).glob("*.json")):
        args = json.loads(p.read_text(encoding="utf-8"))["args"]
        if args[0] in ("apply", "fit", "audit", "templates"):
            out.append(pytest.param(args, id=p.stem))
    return out


def _json_args(args):
    command, _, options, _ = _parse(args)
    if command in ("fit", "templates") and "--format" not in options:
        return [*args, "--format", "json"]
    if command == "audit":
        extra = [] if "--format" in options else ["--format", "json"]
        return [*args, *extra, "--fail-on", "never"] if "--fail-on" not in options else [*args, *extra]
    return args


@pytest.mark.skipif(not SUITE.is_dir(), reason="the conformance suite (../shared) is not beside the repository")
@pytest.mark.parametrize("args", _suite_cases("cases"))
def test_conformance_cases_equal_the_tool(args, tool, monkeypatch):
    import subprocess
    monkeypatch.chdir(SUITE)
    args = _json_args(args)
    result = subprocess.run([tool, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode in (0, 1), result.stderr
    assert _python(args) == result.stdout


@pytest.mark.skipif(not SUITE.is_dir(), reason="the conformance suite (../shared) is not beside the repository")
@pytest.mark.parametrize("args", _suite_cases("invalid"))
def test_conformance_invalid_input_raises(args, tool, monkeypatch):
    import subprocess
    monkeypatch.chdir(SUITE)
    result = subprocess.run([tool, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and result.stdout == ""
    try:
        _python(args)
    except Unexpressible:
        pytest.skip("no Python equivalent of this command line")
    except samverkan.LoadError as e:
        # a bad template or model file: the location as the tool prints it
        assert str(e) in result.stderr
        assert e.file and e.reason and str(e).startswith(e.file)
    except (samverkan.Error, KeyError, TypeError, ValueError):
        pass
    else:
        pytest.fail("Python accepted what the tool refuses: " + result.stderr)


# ---- load_template and Template ------------------------------------------------------------------------

def test_load_template_from_an_id_a_path_text_and_bytes():
    path = ROOT / "templates" / "est.json"
    by_id = samverkan.load_template("est")
    by_path = samverkan.load_template(path)
    by_str_path = samverkan.load_template(str(path))
    by_text = samverkan.load_template(path.read_text(encoding="utf-8"))
    by_bytes = samverkan.load_template(path.read_bytes())
    assert {t.to_json() for t in (by_id, by_path, by_str_path, by_text, by_bytes)} == {by_id.to_json()}
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert by_id.id == "est" and by_id.kind == "model" and by_id.name == raw["name"]
    assert [r["id"] for r in by_id.roles] == [r["id"] for r in raw["roles"]]
    assert by_id.duties == [d["id"] for d in raw["duties"]]
    assert by_id.forums == [f["id"] for f in raw.get("forums", [])]
    assert by_id.obligations == []
    assert repr(by_id).startswith("<samverkan.Template 'est' (model)")
    assert samverkan.load_template(by_id.to_json()).to_json() == by_id.to_json()
    assert pickle.loads(pickle.dumps(by_id)).to_json() == by_id.to_json()


def test_a_profile_lists_its_obligations():
    p = samverkan.load_template("lag-2023-196")
    raw = json.loads((ROOT / "templates" / "lag-2023-196.json").read_text(encoding="utf-8"))
    assert p.kind == "profile"
    assert p.obligations == [d["id"] for d in raw["duties"] if not d.get("optional", False)]


def test_load_error_of_a_template_names_the_location():
    text = '{\n  "format": "samverkan-template/1",\n  "id": "x",\n  "roles": [{"id": "a", "colour": 1}]\n}\n'
    with pytest.raises(samverkan.LoadError) as e:
        samverkan.load_template(text, name="mine.json")
    err = e.value
    assert isinstance(err, ValueError)
    assert (err.file, err.line, err.json_path) == ("mine.json", 4, "/roles/0/colour")
    assert err.column == text.splitlines()[3].index('"colour"') + 1
    assert "colour" in err.reason and str(err).startswith("mine.json:4:")


def test_load_error_of_a_template_file_matches_the_tool(tmp_path, run_tool):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "samverkan-template/1", "id": "x", "roles": [{"id": "a"}, {"id": "a"}]}',
                   encoding="utf-8")
    result = run_tool("apply", PLACES[0], "--template", bad)
    assert result.returncode == 2 and result.stdout == ""
    with pytest.raises(samverkan.LoadError) as e:
        samverkan.load_template(bad)
    assert str(e.value) in result.stderr
    assert e.value.file == str(bad) and e.value.line == 1 and e.value.json_path == "/roles/1/id"
    with pytest.raises(samverkan.LoadError):
        samverkan.apply(bad, samverkan.load(PLACES[0]))


def test_bad_template_arguments():
    with pytest.raises(KeyError, match='did you mean "est"'):
        samverkan.load_template("ets")
    with pytest.raises(samverkan.LoadError) as e:
        samverkan.load_template("/nonexistent/t.json")
    assert e.value.line is None
    with pytest.raises(samverkan.LoadError):
        samverkan.load_template("{not json")
    with pytest.raises(TypeError):
        samverkan.load_template(3)
    with pytest.raises(samverkan.Error, match="not a directory"):
        samverkan.templates("/nonexistent")


def test_a_templates_directory_adds_and_overrides(tmp_path):
    own = json.loads((ROOT / "templates" / "est.json").read_text(encoding="utf-8"))
    own["name"] = "Vår EST"
    (tmp_path / "est.json").write_text(json.dumps(own), encoding="utf-8")
    own["id"] = "var-est"
    (tmp_path / "var.json").write_text(json.dumps(own), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    listed = {t.id: t for t in samverkan.templates(tmp_path)}
    assert listed["est"].name == "Vår EST" and "var-est" in listed and len(listed) == len(KINDS) + 1
    assert samverkan.apply("var-est", samverkan.load(PLACES[0]), templates_dirs=[tmp_path]).template.id == "var-est"


# ---- apply, fit and profiles: behaviour and misuse -----------------------------------------------------

@pytest.fixture
def centrum():
    return samverkan.load(ROOT / "examples" / "models" / "plats_centrum.json")


def test_apply_leaves_the_place_unchanged_and_reports_its_binding(centrum):
    before = centrum.to_json()
    a = samverkan.apply("bid", centrum, bind={"naringsidkare": "kronan"}, prefix="bid2")
    assert centrum.to_json() == before and centrum.format == "samverkan/1"
    assert a.binding["naringsidkare"] == ["kronan"]
    assert all(d.startswith("bid2:") for d in a.model.ids("duty") if d not in centrum.ids("duty"))
    assert len(a.model.ids("duty")) > len(centrum.ids("duty"))
    assert a.scope == "kommun"
    assert samverkan.audit(a.model).summary  # the applied model is a Model like any other
    g = samverkan.to_networkx(a.model)
    assert g.graph["format"] == "samverkan/1.1"
    realised = {k for d in a.model.ids("duty") for k in a.model.element("duty", d).get("realises", [])}
    assert realised == set() or all(k.startswith("bid:") for k in realised)


def test_apply_explicit_none_and_everywhere(centrum, run_tool):
    a = samverkan.apply("bid", centrum, bind={"polis": None}, everywhere=True)
    assert a.scope is None and a.binding["polis"] == []
    assert {"role": "polis", "optional": False, "reason": "explicit", "candidates": []} in a.unbound
    tool = run_tool("apply", ROOT / "examples" / "models" / "plats_centrum.json", "--template", "bid", "--bind",
                    "polis=", "--everywhere")
    assert a.to_json() == tool.stdout


def test_apply_misuse_raises(centrum):
    with pytest.raises(samverkan.Error, match="agare"):
        samverkan.apply("bid", centrum, bind={"agare": ["kronan"]})
    with pytest.raises(samverkan.Error, match="nobody"):
        samverkan.apply("bid", centrum, bind={"polis": ["nobody"]})
    with pytest.raises(samverkan.Error):
        samverkan.apply("bid", centrum, scope="kommun", everywhere=True)
    with pytest.raises(samverkan.Error, match="stad"):
        samverkan.apply("bid", centrum, scope="stad")
    with pytest.raises(samverkan.Error):
        samverkan.apply("bid", centrum, mandate={"no-such-mandate": "x"})
    with pytest.raises(TypeError):
        samverkan.apply("bid", centrum, bind={"polis": [1]})
    with pytest.raises(ValueError):
        samverkan.apply("bid", centrum, bind={"polis": "lpo,"})
    with pytest.raises(ValueError):
        samverkan.apply("bid", centrum, prefix="")
    applied = samverkan.apply("bid", centrum).model
    with pytest.raises(samverkan.Error, match="--as"):
        samverkan.apply("bid", applied)  # the ids are there already: choose another prefix


def test_fit_candidates_and_misuse(centrum):
    full = samverkan.fit(centrum)
    assert set(full.ranking) <= set(MODEL_TEMPLATES) and len(full) == len(MODEL_TEMPLATES)
    two = samverkan.fit(centrum, ["est", samverkan.load_template("bid")])
    assert sorted(c["template"] for c in two) == ["bid", "est"]
    assert samverkan.fit(centrum, "est").ranking == ["est"]
    with pytest.raises(samverkan.Error, match="profile"):
        samverkan.fit(centrum, ["lag-2023-196"])
    with pytest.raises(samverkan.Error):
        samverkan.fit(centrum, ["est", "est"])
    with pytest.raises(samverkan.Error):
        samverkan.fit(centrum, ["est"], bind={"no-such-role": ["kronan"]})
    assert "candidates" in repr(full)


def test_profile_misuse(centrum):
    with pytest.raises(samverkan.Error, match="not a profile"):
        samverkan.audit(centrum, profile="est")
    with pytest.raises(ValueError, match="need a profile"):
        samverkan.audit(centrum, bind={"polis": ["lpo"]})
    with pytest.raises(TypeError):
        samverkan.audit(centrum, profile="lag-2023-196", stage={"a": "b"})
    with pytest.raises(KeyError):
        samverkan.audit(centrum, profile="lag-2023-19")
    r = samverkan.audit(centrum, profile="lag-2023-196", only="obligation-unrealised")
    assert {f.rule for f in r} <= {"obligation-unrealised"}
