"""Shared fixtures: the repository's bundled models and the command-line tool to compare with.

The package is imported from PYTHONPATH (the build tree's python/ folder, or an installed package). The
tool is $SAMVERKAN_TOOL, or `samverkan` next to the build tree of the package (CMake builds both into one
build directory); tests that compare with it are skipped only when neither exists.
"""

import os
import pathlib
import shutil
import subprocess

import pytest

import samverkan

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODELS = sorted((ROOT / "examples" / "models").glob("*.json"))


def _tool():
    env = os.environ.get("SAMVERKAN_TOOL")
    if env:
        return os.path.abspath(env) if os.sep in env else env
    here = pathlib.Path(samverkan.__file__).resolve().parent
    for candidate in (here.parent.parent / "samverkan", here.parent / "samverkan"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("samverkan")


@pytest.fixture(scope="session")
def tool():
    path = _tool()
    if not path:
        pytest.skip("the samverkan command-line tool was not found (set SAMVERKAN_TOOL)")
    return path


@pytest.fixture(scope="session")
def run_tool(tool):
    def run(*args, input=None):
        return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, input=input)
    return run


@pytest.fixture(params=MODELS, ids=[p.stem for p in MODELS])
def model_path(request):
    return request.param


@pytest.fixture
def tiny():
    """A small model built in code: ks holds leda over kommun and delegates it to sf; lpo consults."""
    m = samverkan.Model(name="Tiny")
    m.add_stage("s1", name="Lägesbild")
    m.add_stage("s2", after=["s1"])
    m.add_scope("kommun", name="Exempelkommun")
    m.add_scope("centrum", within="kommun")
    m.add_actor("ks", name="Kommunstyrelsen", category="kommun")
    m.add_actor("sf", name="Samordningsfunktionen")
    m.add_actor("lpo", name="Lokalpolisområdet", category="stat")
    m.add_mandate("leda", name="Leda och samordna", basis="KL 6 kap. 1 §")
    m.grant("ks", "leda", scope="kommun")
    m.delegate("ks", "sf", "leda")
    m.add_duty("lagesbild", stage="s1", scope="kommun", requires=["leda"],
               raci={"R": ["sf"], "A": ["ks"], "C": ["lpo"]})
    m.add_duty("plan", stage="s2", needs=["lagesbild"], raci={"R": ["sf"], "A": ["ks"]})
    m.add_forum("brf", name="Brottsförebyggande rådet", members=["ks", "lpo"], coordinator="sf",
                covers=["lagesbild", "plan"])
    return m
