"""The example study (examples/python/criticality_study.py) runs and agrees with the library."""

import os
import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("matplotlib")

import samverkan
from conftest import ROOT

STUDY = ROOT / "examples" / "python" / "criticality_study.py"


def test_study_writes_the_plot_and_the_table(tmp_path):
    model_path = ROOT / "examples" / "models" / "centrum_bid.json"
    out = tmp_path / "plot.png"
    package_dir = str(pathlib.Path(samverkan.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_dir, os.environ.get("PYTHONPATH", "")]))
    result = subprocess.run([sys.executable, str(STUDY), str(model_path), "--out", str(out)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    m = samverkan.load(model_path)
    critical = sum(1 for r in samverkan.criticality(m) if r["failing"])
    assert f"{critical} of {m.counts['actors']} actors are critical" in result.stdout
    for actor in m.ids("actor"):
        assert actor in result.stdout
