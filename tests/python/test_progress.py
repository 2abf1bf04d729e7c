"""Progress of `placesim run` where nobody watches a terminal (a Slurm log, nohup): a line now
and then on stderr, and in a log file when asked (--log). On a terminal, one line rewritten in
place. PLACESIM_PROGRESS_INTERVAL sets the seconds between lines (docs/cluster.md); at 0, only
the rule of a tenth of the runs is left, so the lines expected follow from the run count."""
import math
import os
import pty
import re
import subprocess

import pytest

from conftest import run

# 180 runs of 12 months (9 strategies x 20 replicates), in blocks of a few runs: about a second.
SHORT = ["run", "--replicates", "20", "--set", "simulation.months=12", "-o", "r.h5"]
RUNS = 9 * 20
LINE = re.compile(r"^placesim: runs (\d+)/(\d+) \(\s*(\d+)%\)  \d+ runs/s  .* left$")
STAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


def placesim_run(placesim, folder, arguments, interval, extra_env=None):
    env = {**os.environ, "PLACESIM_PROGRESS_INTERVAL": str(interval), **(extra_env or {})}
    return subprocess.run([placesim, *arguments], cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def progress_lines(stderr):
    return [tuple(int(x) for x in LINE.match(line).groups()) for line in stderr.splitlines() if LINE.match(line)]


def test_off_a_terminal_a_line_for_every_tenth_of_the_runs(placesim, tmp_path):
    done = placesim_run(placesim, tmp_path, SHORT, interval=0)
    assert done.returncode == 0, done.stderr
    lines = progress_lines(done.stderr)
    assert len(lines) >= 2, done.stderr
    previous = 0
    for runs, total, percent in lines:
        assert total == RUNS
        assert runs - previous >= math.ceil(RUNS / 10), lines  # a tenth more than the line before
        assert 0 < runs < RUNS
        assert percent == round(100 * runs / RUNS)
        previous = runs
    assert "\r" not in done.stderr  # nothing rewritten in place in a log
    assert "Wrote 180 runs" in done.stdout


def test_lines_are_no_more_frequent_than_the_interval(placesim, tmp_path):
    done = placesim_run(placesim, tmp_path, SHORT, interval=3600)
    assert done.returncode == 0, done.stderr
    assert progress_lines(done.stderr) == []


def test_quiet_prints_no_progress(placesim, tmp_path):
    done = placesim_run(placesim, tmp_path, SHORT + ["--quiet"], interval=0)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_on_a_terminal_one_line_rewritten_in_place(placesim, tmp_path):
    controller, terminal = pty.openpty()
    env = {**os.environ, "PLACESIM_PROGRESS_INTERVAL": "0"}
    process = subprocess.Popen([placesim, *SHORT], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                               stderr=terminal, stdin=subprocess.DEVNULL)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed: the run ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=300) == 0
    text = seen.decode()
    assert "\r  runs 180/180 (100%)" in text
    assert not re.search(r"^placesim: runs", text, re.MULTILINE)


def test_the_log_file_gets_the_start_each_line_and_the_end_and_is_appended_to(placesim, tmp_path):
    log = tmp_path / "progress.log"
    log.write_text("kept from before\n")
    done = placesim_run(placesim, tmp_path, SHORT + ["--log", "progress.log", "--quiet"], interval=0)
    assert done.returncode == 0, done.stderr
    lines = log.read_text().splitlines()
    assert lines[0] == "kept from before"
    assert re.match(rf"^{STAMP} started: .*placesim run .*--log progress.log .*\(180 runs -> r.h5\)$", lines[1]), lines[1]
    middle = [re.match(rf"^{STAMP} (runs (\d+)/180 .*)$", line) for line in lines[2:-1]]
    assert len(middle) >= 2 and all(middle), lines
    assert re.match(rf"^{STAMP} finished: 180 runs \(0 failed\) in \d+ s -> r.h5$", lines[-1]), lines[-1]


@pytest.mark.parametrize("log, fragment", [
    ("r.h5", "--log r.h5 is r.h5"),
    ("r.h5.journal", "is r.h5.journal"),
    ("s.toml", "is s.toml"),
    ("folder", "is not a regular file"),
])
def test_a_log_that_would_be_one_of_the_runs_own_files_is_refused(placesim, tmp_path, log, fragment):
    (tmp_path / "s.toml").write_text("[simulation]\nmonths = 12\nreplicates = 2\n")
    scenario_text = (tmp_path / "s.toml").read_text()
    (tmp_path / "folder").mkdir()
    done = run([placesim, "run", "s.toml", "-o", "r.h5", "--log", log], tmp_path)
    assert done.returncode == 2, done.stderr
    assert fragment in done.stderr
    assert not (tmp_path / "r.h5").exists()
    assert (tmp_path / "s.toml").read_text() == scenario_text


def test_a_bad_interval_is_refused(placesim, tmp_path):
    done = placesim_run(placesim, tmp_path, SHORT, interval="soon")
    assert done.returncode == 2
    assert "PLACESIM_PROGRESS_INTERVAL must be a number of seconds" in done.stderr
    assert not (tmp_path / "r.h5").exists()
