"""`cmake --install` puts placesim and the analysis package where a user's PATH finds them, and
the installed program writes reports with the installed package; the analysis package installs
with pip from its pyproject.toml (as docs/analysis.md says)."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, run


def test_the_installed_program_runs_and_reports(placesim, tmp_path):
    build = Path(placesim).resolve().parents[1]
    prefix = tmp_path / "prefix"
    installed = subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    program = prefix / "bin" / "placesim"
    assert program.is_file() and os.access(program, os.X_OK)
    assert (prefix / "share/placesim/analysis/placesim_analysis/report.py").is_file()
    assert (prefix / "share/placesim/scenarios/presets/presets.toml").is_file()
    env = {k: v for k, v in os.environ.items() if k != "PLACESIM_ANALYSIS_DIR"}
    env["PATH"] = f"{prefix / 'bin'}:{env.get('PATH', '')}"
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(["placesim", "run", "--replicates", "2", "--set", "simulation.months=6", "-o", "r.h5", "-q"],
                          cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = subprocess.run(["placesim", "report", "r.h5", "-o", "rep", "--quiet", "--formats", "png"],
                            cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert report.returncode == 0, report.stderr
    assert (work / "rep" / "index.html").is_file()


def test_the_analysis_package_installs_with_pip(tmp_path):
    pip = subprocess.run(["/usr/bin/python3", "-m", "pip", "--version"], capture_output=True)
    if pip.returncode != 0:
        pytest.skip("Debian's python3-pip is not installed (scripts/deps.sh installs it)")
    target = tmp_path / "site"
    source = tmp_path / "analysis"  # a copy: building writes beside the sources
    shutil.copytree(REPO / "analysis", source, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(["/usr/bin/python3", "-m", "pip", "install", "--no-build-isolation", "--no-deps",
                            "--no-index", "--target", str(target), str(source)],
                           capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    # Every subpackage is installed (the calibration's is imported by placesim calibrate).
    script = "import placesim_analysis, placesim_analysis.calibration.cli; print(placesim_analysis.__file__)"
    imported = subprocess.run(["/usr/bin/python3", "-c", script],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(target)},
                              cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(str(target))
