"""`cmake --install` puts placesim and the analysis package where a user's PATH finds them, and
the installed program writes reports with the installed package; the analysis package installs
with pip from its pyproject.toml, and README.md's commands for a notebook's virtual environment
work as printed on Debian, whose own Python refuses pip installs (PEP 668), offline."""
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO, readme_commands, run


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


def test_the_readmes_virtual_environment_commands_work_as_printed_offline(tmp_path):
    commands = readme_commands("For your own notebooks")
    assert any("venv --system-site-packages" in c for c in commands) and any("-e analysis" in c for c in commands)
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "checkout"  # a copy of the analysis folder: an editable install writes beside it
    shutil.copytree(REPO / "analysis", work / "analysis", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    # Offline: no package index, so nothing can be fetched, only what Debian's packages give.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    for command in commands:
        done = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
    python = home / ".venvs/placesim/bin/python"
    script = "import placesim_analysis, placesim_analysis.calibration.cli, h5py, sklearn; print(placesim_analysis.__file__)"
    imported = subprocess.run([str(python), "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == str(work / "analysis/placesim_analysis/__init__.py")  # editable: the sources
    assert (home / ".venvs/placesim/bin/placesim-report").is_file()
    # What the README says it replaces does fail: Debian's Python refuses pip installs.
    refused = subprocess.run(["/usr/bin/python3", "-m", "pip", "install", "--no-build-isolation", "--no-deps",
                              "-e", "analysis"], cwd=work, env=env, capture_output=True, text=True)
    if (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists():
        assert refused.returncode != 0 and "externally-managed-environment" in refused.stderr
