"""Shared fixtures: the programs under test come from the build (CTest sets the paths)."""
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def program(variable):
    path = os.environ.get(variable)
    if not path:
        pytest.fail(f"{variable} is not set: run the Python tests through ctest")
    return path


@pytest.fixture(scope="session")
def placesim():
    return program("PLACESIM_BIN")


@pytest.fixture(scope="session")
def write_fixture():
    return program("PLACESIM_FIXTURE")


def run(args, cwd, check=False):
    """Runs a command; returns the CompletedProcess (text output)."""
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stderr}")
    return result


# The analysis package, imported from the source tree.
ANALYSIS = REPO / "analysis"
if str(ANALYSIS) not in __import__("sys").path:
    __import__("sys").path.insert(0, str(ANALYSIS))


def readme_commands(after):
    """The command lines of README.md's first ```sh block after the text `after`, as printed
    (comments and continuation included), for tests that run them."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("```sh\n", text.index(after)) + len("```sh\n")
    return [line for line in text[start:text.index("```", start)].splitlines() if line.strip()]
