"""A file from someone else cannot hurt you (issue 26): files that never end or never answer,
calibration files damaged, of another version or of another scenario, and rounds files edited
every way one can think of. Each is driven through the real executable: one clear message and
status 2, within a bound of time, never a traceback or a hang."""
import os
import subprocess
import time

import pytest

from conftest import run

# Every refusal here must come fast: before the fix, /dev/zero grew a process by 7.6 GB in
# 20 s and a FIFO hung `validate` for ever.
QUICK = 1.0


def refused_quickly(args, cwd, within=QUICK):
    """Runs a command that must be refused: status 2, one line naming the problem, no traceback,
    within `within` seconds. Returns its stderr."""
    started = time.monotonic()
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=max(10, 5 * within))
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{args} hung") from None
    took = time.monotonic() - started
    assert result.returncode == 2, (args, result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert took < within, f"{args} took {took:.2f} s"
    return result.stderr


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo.toml"
    os.mkfifo(path)
    return path


# ---------------------------------------------------------------------------------------------
# Reading without bounds

@pytest.mark.parametrize("command", [["validate"], ["plan"], ["run"], ["calibrate"]])
def test_a_scenario_or_targets_file_that_never_ends_is_refused_at_once(placesim, tmp_path, fifo, command):
    for endless in ("/dev/zero", str(fifo)):
        stderr = refused_quickly([placesim, *command, endless], tmp_path)
        assert f"{endless}: cannot read the" in stderr and "is not a regular file" in stderr, stderr


def test_a_targets_file_naming_an_endless_scenario_is_refused_at_once(placesim, tmp_path, fifo):
    for endless in ("/dev/zero", str(fifo)):
        (tmp_path / "t.toml").write_text(f'scenario = "{endless}"\n[parameters]\n"trust.decay" = {{ min = 0.01, max = 0.02 }}\n'
                                         '[[targets]]\nmetric = "place_index"\nmonth = 12\nvalue = 0.5\nsd = 0.1\n')
        for command in ("calibrate", "plan"):
            stderr = refused_quickly([placesim, command, "t.toml"], tmp_path)
            assert f"{endless}: cannot read the scenario file: it is not a regular file" in stderr, stderr


def test_a_file_larger_than_the_limit_is_refused_without_reading_it_whole(placesim, tmp_path):
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:
        f.truncate(8 << 30)  # 8 GB of holes: reading it whole would take most of a minute
    for command in ("validate", "plan", "calibrate"):
        stderr = refused_quickly([placesim, command, str(big)], tmp_path)
        assert f"larger than the {16 << 20} bytes that are read" in stderr, stderr


@pytest.mark.parametrize("command", ["info", "compare", "export", "discover", "report"])
def test_a_results_file_that_never_ends_is_refused_at_once(placesim, tmp_path, fifo, command):
    for endless in ("/dev/zero", str(fifo)):
        stderr = refused_quickly([placesim, command, endless], tmp_path)
        assert f"{endless} is not a regular file" in stderr, stderr


def test_a_posterior_that_never_ends_is_refused_at_once(placesim, tmp_path, fifo):
    for endless in ("/dev/zero", str(fifo)):
        stderr = refused_quickly([placesim, "run", "--posterior", endless, "-o", "x.h5"], tmp_path)
        assert f"{endless} is not a regular file" in stderr, stderr
        assert not (tmp_path / "x.h5").exists()


def test_the_analysis_package_reads_only_regular_files_and_never_past_the_limit(tmp_path, fifo):
    from placesim_analysis.files import UnreadableFile, read_text
    from placesim_analysis.loader import ResultsError, load
    from placesim_analysis.report import is_calibration_file
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:
        f.truncate(8 << 30)
    started = time.monotonic()
    for endless in ("/dev/zero", str(fifo)):
        with pytest.raises(UnreadableFile, match=f"^{endless} is not a regular file"):
            read_text(endless)
        with pytest.raises(ResultsError, match=f"^{endless} is not a regular file"):
            load(endless)
        assert not is_calibration_file(endless)
    with pytest.raises(UnreadableFile, match=f"larger than the {16 << 20} bytes that are read"):
        read_text(big)
    with pytest.raises(UnreadableFile, match="is a folder"):
        read_text(tmp_path)
    assert time.monotonic() - started < QUICK
    (tmp_path / "ok.toml").write_text("a = 'é'\n")
    assert read_text(tmp_path / "ok.toml") == "a = 'é'\n"
