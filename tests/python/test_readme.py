"""The newcomer's path, as README.md prints it: the two commands, placesim on PATH afterwards
(scripts/link.sh, which scripts/demo.sh runs), and every command of "Running your own scenarios"
run as printed, in order, from a folder holding the shipped scenarios, with `placesim` found on
PATH (the one under test). scripts/demo.sh itself is not run here: it builds, and a build in the
middle of the suite would replace the program other tests are running; its steps are each
tested (deps.sh in test_deps.py, link.sh here, run and report everywhere)."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, readme_commands

BUILT = REPO / "build/release/sim/placesim"  # what scripts/link.sh links


def test_the_two_commands_are_demo_and_test_and_ci_runs_test():
    commands = [line.split("#")[0].strip() for line in readme_commands("## Two commands")]
    assert [c for c in commands if c] == ["scripts/demo.sh", "scripts/test.sh"]
    for script in ("demo.sh", "test.sh", "link.sh"):
        assert os.access(REPO / "scripts" / script, os.X_OK)
    assert "scripts/link.sh" in (REPO / "scripts/demo.sh").read_text()
    assert "scripts/test.sh" in (REPO / ".ci/run").read_text()


@pytest.fixture
def home(tmp_path):
    if not BUILT.is_file():
        pytest.skip("scripts/link.sh links the release build, which is not built")
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def link(home, path):
    env = {"HOME": str(home), "PATH": path}
    return subprocess.run([str(REPO / "scripts/link.sh")], env=env, capture_output=True, text=True, timeout=60)


def placesim_on_path(home, path):
    """What `placesim --version` says in a new shell with this PATH (as the next command would)."""
    return subprocess.run(["bash", "-c", "placesim --version"], env={"HOME": str(home), "PATH": path},
                          capture_output=True, text=True, timeout=60)


def test_after_link_the_next_command_finds_placesim(home):
    path = f"{home}/.local/bin:/usr/bin:/bin"  # a login that puts ~/.local/bin on PATH (Debian's ~/.profile)
    done = link(home, path)
    assert done.returncode == 0, done.stderr
    assert f"placesim is {home}/.local/bin/placesim (this build), on your PATH" in done.stdout
    assert Path(os.readlink(home / ".local/bin/placesim")) == BUILT
    found = placesim_on_path(home, path)
    assert found.returncode == 0 and found.stdout.startswith("placesim"), found.stderr
    assert link(home, path).returncode == 0  # again, after a rebuild: the same link


def test_without_a_folder_on_path_it_says_the_line_that_puts_one_there(home):
    path = "/usr/bin:/bin"  # neither ~/.local/bin nor /usr/local/bin: the link goes to ~/.local/bin
    done = link(home, path)
    assert done.returncode == 0, done.stderr
    assert "is not on your PATH" in done.stdout
    export = next(line.strip() for line in done.stdout.splitlines() if line.strip().startswith("export PATH="))
    assert placesim_on_path(home, path).returncode != 0
    found = subprocess.run(["bash", "-c", f"{export}; placesim --version"], env={"HOME": str(home), "PATH": path},
                           capture_output=True, text=True, timeout=60)
    assert found.returncode == 0 and found.stdout.startswith("placesim"), found.stderr


def test_a_placesim_there_that_is_not_a_link_is_left_alone(home):
    copy = home / ".local/bin/placesim"
    copy.parent.mkdir(parents=True)
    copy.write_text("#!/bin/sh\necho installed copy\n")
    done = link(home, f"{home}/.local/bin:/usr/bin:/bin")
    assert done.returncode == 1
    assert "is not a link" in done.stderr and "left as it is" in done.stderr
    assert copy.read_text() == "#!/bin/sh\necho installed copy\n"


def test_the_commands_for_your_own_scenarios_run_as_printed(placesim, tmp_path):
    commands = readme_commands("## Running your own scenarios")
    assert len(commands) >= 20 and all(c.startswith("placesim ") for c in commands)
    work = tmp_path / "checkout"
    shutil.copytree(REPO / "scenarios", work / "scenarios")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "placesim").symlink_to(Path(placesim).resolve())
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}
    for command in commands:
        done = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=1200)
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr, f"{command}\n{done.stderr}"
        # What a comment says a command writes is there.
        for written in re.findall(r"-> (\S+)", command.split("#", 1)[1] if "#" in command else ""):
            assert (work / written).exists(), f"{command}: {written} is not there"
    assert (work / "results/sweep-shard-2-of-8.h5").is_file()
    assert (work / "trial.csv").is_file() and (work / "results/posterior.h5").is_file()
