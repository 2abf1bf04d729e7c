"""The commands added after `run` (calibrate, run --until, export, report) against what
test_hardening.py does to `run` (issue 26): --force onto things that are not regular files, an
output that is the command's own input, --resume with the same targets named another way, two
commands on one output, a full disk and kills while a wave, a report or a table is written, and
Ctrl-C. Each is driven through the real executable and judged by what is left on disk, and by
whether the command it prints, pasted into a shell, finishes the work."""
import os
import shlex
import signal
import stat
import subprocess
import time
from pathlib import Path

import h5py
import numpy as np
import pytest

from conftest import run
from test_hardening import small_disk  # noqa: F401 (a fixture: a tmpfs that the tests fill)

SCENARIO = """\
[simulation]
name = "small"
months = 12
replicates = 3
strategies = ["baseline", "peer_review"]
"""

# One parameter, one target, two small waves: a calibration of a few seconds.
TARGETS = """\
scenario = "small.toml"
[parameters]
"trust.decay" = { min = 0.005, max = 0.05 }
[[targets]]
name = "trust"
metric = "trust_cross_sector"
month = 12
value = 0.3
sd = 0.05
[calibration]
waves = 2
points = 10
replicates = 2
posterior_draws = 200
check_points = 0
"""

# The same, long enough (a few seconds per wave) to be acted on while it runs.
LONGER = {"small.toml": "long.toml", "points = 10": "points = 30", "replicates = 2": "replicates = 6"}
UNTIL = ["--until", "0.0001", "--max-replicates", "12", "--round", "3", "--threads", "1"]


def edited(text, changes):
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


@pytest.fixture
def place(tmp_path):
    (tmp_path / "small.toml").write_text(SCENARIO)
    (tmp_path / "long.toml").write_text(SCENARIO.replace("months = 12", "months = 120"))
    (tmp_path / "t.toml").write_text(TARGETS)
    (tmp_path / "long-targets.toml").write_text(edited(TARGETS, LONGER))
    return tmp_path


@pytest.fixture
def results(placesim, place):
    run([placesim, "run", "small.toml", "-o", "r.h5", "-q"], place, check=True)
    return place / "r.h5"


def posterior(path):
    with h5py.File(path, "r") as f:
        return f["calibration/posterior"][...]


def place_index(path):
    from placesim_analysis.loader import load
    return load(path).metric("place_index").values


@pytest.fixture(scope="module")
def alone(placesim, tmp_path_factory):
    """What each work gives uninterrupted and alone on its output: the posteriors of TARGETS and
    of the longer targets, and the place index of the runs of `run --until`."""
    folder = tmp_path_factory.mktemp("alone")
    for name, text in (("small.toml", SCENARIO), ("long.toml", SCENARIO.replace("months = 12", "months = 120")),
                       ("t.toml", TARGETS), ("long-targets.toml", edited(TARGETS, LONGER))):
        (folder / name).write_text(text)
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"], folder, check=True)
    run([placesim, "calibrate", "long-targets.toml", "-o", "long.h5", "-q"], folder, check=True)
    run([placesim, "run", "long.toml", "-o", "u.h5", "-q", *UNTIL], folder, check=True)
    return {"calibrate": posterior(folder / "c.h5"), "calibrate long": posterior(folder / "long.h5"),
            "run --until": place_index(folder / "u.h5")}


def start(placesim, folder, *args):
    return subprocess.Popen([placesim, *args], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def wait_for(process, path):
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if Path(path).exists():
            return
        time.sleep(0.005)
    raise AssertionError(f"{path} never appeared while the command ran; make it longer")


def assert_clean(result, *words):
    assert "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def no_process_left(process):
    """Whether every process of `process`'s session (the command, its analysis, their runs) has
    ended: kill -9 reaches only the command, and the others must die with it."""
    deadline = time.time() + 20
    while time.time() < deadline:
        if subprocess.run(["pgrep", "-s", str(process.pid)], capture_output=True).returncode != 0:
            return True
        time.sleep(0.05)
    return False


# --force onto what is not a regular file, and an output that is an input --------------------

WRITERS = {
    "run": ["run", "small.toml", "-q", "-o"],
    "merge": ["merge", "--force"],  # the output comes first: see test below
    "calibrate": ["calibrate", "t.toml", "-q", "-o"],
    "run --until": ["run", "small.toml", "-q", "--until", "0.1", "-o"],
    "export": ["export", "r.h5", "-o"],
}


def shards(placesim, folder):
    for i in (1, 2):
        if not (folder / f"s{i}.h5").exists():
            run([placesim, "run", "small.toml", "--shard", f"{i}/2", "-q", "-o", f"s{i}.h5"], folder, check=True)
    return ["s1.h5", "s2.h5"]


def writer_command(placesim, folder, name, output):
    if name == "merge":
        return [placesim, "merge", "--force", str(output), *shards(placesim, folder)]
    return [placesim, *WRITERS[name], str(output), "--force"]


@pytest.mark.parametrize("name", list(WRITERS))
def test_force_replaces_no_fifo_device_or_folder(placesim, place, results, name):
    os.mkfifo(place / "pipe.out")
    (place / "folder.out").mkdir()
    for target, kind in (("pipe.out", "FIFO"), ("/dev/null", "device"), ("folder.out", "folder")):
        answer = run(writer_command(placesim, place, name, target), place)
        assert answer.returncode == 2, (name, target, answer.stderr)
        assert_clean(answer, kind, "only regular files")
        assert "--force" not in answer.stderr, answer.stderr  # never suggested for what it cannot replace
    assert stat.S_ISFIFO(os.lstat(place / "pipe.out").st_mode)
    assert (place / "folder.out").is_dir() and not any((place / "folder.out").iterdir())
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_report_writes_no_fifo_device_or_file(placesim, place, results):
    os.mkfifo(place / "pipe")
    (place / "file").write_text("mine")
    for target, kind in (("pipe", "FIFO"), ("/dev/null", "device"), ("file", "a file, not a folder")):
        answer = run([placesim, "report", "r.h5", "-o", target, "--quiet", "--force"], place)
        assert answer.returncode == 2, (target, answer.stderr)
        assert_clean(answer, kind, target)
        assert "use --force" not in answer.stderr, answer.stderr
    assert stat.S_ISFIFO(os.lstat(place / "pipe").st_mode) and (place / "file").read_text() == "mine"


def test_no_output_replaces_the_commands_input(placesim, place, results):
    os.link(place / "r.h5", place / "alias.h5")  # the same file by another name
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"], place, check=True)
    kept = {p.name: p.read_bytes() for p in place.iterdir() if p.is_file()}
    refused = [
        ["export", "r.h5", "-o", "alias.h5", "--force"],
        ["export", "r.h5", "-o", str(place / "r.h5"), "--force"],
        ["calibrate", "t.toml", "-o", "t.toml", "--force"],
        ["calibrate", "t.toml", "-o", "./small.toml", "--force"],  # the scenario the targets name
        ["run", "small.toml", "-o", "small.toml", "--force"],
        ["run", "small.toml", "-o", str(place / "small.toml"), "--force"],
        ["run", "small.toml", "-o", "c.h5", "--force", "--posterior", "./c.h5"],
        ["run", "./small.toml", "-o", "small.toml", "--force", "--until", "0.1"],
    ]
    for command in refused:
        answer = run([placesim, *command], place)
        assert answer.returncode == 2, (command, answer.stderr)
        assert_clean(answer, "which this command reads")
    # A report folder (one of an earlier version: a PlaceSim index.html) that holds the results.
    (place / "rep").mkdir()
    (place / "rep" / "index.html").write_text("<html><head><title>PlaceSim report: r.h5</title>")
    os.link(place / "r.h5", place / "rep" / "r.h5")
    answer = run([placesim, "report", "rep/r.h5", "-o", "rep", "--force", "--quiet"], place)
    assert answer.returncode == 2 and "it holds the results file" in answer.stderr, answer.stderr
    assert (place / "rep" / "r.h5").exists()
    run([placesim, "merge", "m.h5", *shards(placesim, place)], place, check=True)
    os.link(place / "s1.h5", place / "same-as-s1.h5")
    answer = run([placesim, "merge", "same-as-s1.h5", "s1.h5", "s2.h5", "--force"], place)
    assert answer.returncode == 2 and "which this command reads" in answer.stderr, answer.stderr
    assert {name: (place / name).read_bytes() for name in kept} == kept


def test_force_removes_no_work_folder_that_holds_an_input_or_is_not_one(placesim, place):
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"], place, check=True)
    for name in ("t.toml", "small.toml"):
        (place / "c.h5.waves" / name).write_text((place / name).read_text())
    answer = run([placesim, "calibrate", "c.h5.waves/t.toml", "-o", "c.h5", "--force", "-q"], place)
    assert answer.returncode == 2 and "it holds the targets file" in answer.stderr, answer.stderr
    assert (place / "c.h5.waves" / "t.toml").exists() and (place / "c.h5.waves" / "wave-1.h5").exists()
    (place / "mine.h5.waves").mkdir()
    (place / "mine.h5.waves" / "notes.txt").write_text("keep me")
    for force in ([], ["--force"], ["--resume"]):
        answer = run([placesim, "calibrate", "t.toml", "-o", "mine.h5", "-q", *force], place)
        assert answer.returncode == 2 and "is not a work folder" in answer.stderr, answer.stderr
    assert (place / "mine.h5.waves" / "notes.txt").read_text() == "keep me"


# --resume with the same targets, named another way -------------------------------------------

def test_resume_knows_the_same_targets_by_their_content(placesim, place, alone):
    whole = alone["calibrate"]
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"], place, check=True)
    waves = sorted((place / "c.h5.waves").glob("wave-*.h5"))
    made = {p: p.stat().st_mtime_ns for p in waves}
    (place / "moved").mkdir()
    (place / "moved" / "t.toml").write_text("# a comment shifts every line\n" + TARGETS)
    (place / "moved" / "small.toml").write_text(SCENARIO)
    for targets in ("./t.toml", str(place / "t.toml"), "moved/t.toml"):
        (place / "c.h5").unlink()
        answer = run([placesim, "calibrate", targets, "-o", "c.h5", "--resume", "-q"], place)
        assert answer.returncode == 0, (targets, answer.stderr)
        np.testing.assert_array_equal(posterior(place / "c.h5"), whole)
        assert {p: p.stat().st_mtime_ns for p in waves} == made  # the finished waves were used, not run again
    # Other targets are still refused.
    (place / "other.toml").write_text(TARGETS.replace("value = 0.3", "value = 0.31"))
    (place / "c.h5").unlink()
    answer = run([placesim, "calibrate", "other.toml", "-o", "c.h5", "--resume", "-q"], place)
    assert answer.returncode == 2 and "other targets" in answer.stderr, answer.stderr


# Two commands on one output ----------------------------------------------------------------

def test_a_second_calibration_on_one_output_is_refused_and_the_first_finishes(placesim, place, alone):
    first = start(placesim, place, "calibrate", "long-targets.toml", "-o", "c.h5", "-q")
    wait_for(first, place / "c.h5.waves" / "wave-1.h5.journal")
    for option in ([], ["--force"], ["--resume"]):
        second = run([placesim, "calibrate", "long-targets.toml", "-o", "c.h5", *option], place)
        assert second.returncode == 2, second.stderr
        assert_clean(second, "being written by another placesim process", f"pid {first.pid}")
    plain = run([placesim, "run", "small.toml", "-o", "c.h5", "--force", "-q"], place)
    assert plain.returncode == 2 and "being written by another" in plain.stderr, plain.stderr
    assert first.wait() == 0, first.stderr.read()
    assert not (place / "c.h5.lock").exists()
    np.testing.assert_array_equal(posterior(place / "c.h5"), alone["calibrate long"])


def test_a_second_until_on_one_output_is_refused_and_the_first_finishes(placesim, place, alone):
    first = start(placesim, place, "run", "long.toml", "-o", "u.h5", "-q", *UNTIL)
    wait_for(first, place / "u.h5.rounds" / "round_01.h5.journal")
    for option in ([], ["--force"], ["--resume"]):
        second = run([placesim, "run", "long.toml", "-o", "u.h5", "-q", *UNTIL, *option], place)
        assert second.returncode == 2, second.stderr
        assert_clean(second, "being written by another placesim process", f"pid {first.pid}")
    assert first.wait() == 0, first.stderr.read()
    np.testing.assert_array_equal(place_index(place / "u.h5"), alone["run --until"])


# A full disk, and kills, while a wave, a report or a table is written ---------------------

def fill(disk, leave_pages=0):
    """Fills the tmpfs but `leave_pages` pages; returns the filler, which can be shrunk."""
    filler = open(disk / "filler", "wb")
    free = os.statvfs(disk).f_bavail
    os.posix_fallocate(filler.fileno(), 0, max(1, free - leave_pages) * 4096)
    return filler


def test_a_full_disk_at_each_write_of_a_wave_resumes_to_the_same_calibration(placesim, place, small_disk, alone):
    """A page more free at each step: the calibration fails at the spec, then the wave's design,
    then its TOML, then its runs; every failure is one clean message, and each --resume goes on
    from where the last stopped, to the calibration an uninterrupted one makes."""
    subprocess.run(["mount", "-o", "remount,size=4m", str(small_disk)], check=True)
    for name in ("t.toml", "small.toml"):
        (small_disk / name).write_text((place / name).read_text())
    filler = fill(small_disk)
    size = os.fstat(filler.fileno()).st_size
    failed_at = []
    for step in range(40):
        answer = run([placesim, "calibrate", "t.toml", "-o", "c.h5", "--resume", "-q"], small_disk)
        assert answer.returncode == 1, answer.stderr
        assert_clean(answer)
        assert "No space left on device" in answer.stderr or "is free in" in answer.stderr, answer.stderr
        failed_at.append(answer.stderr.splitlines()[0])
        if "is free in" in answer.stderr:  # the wave's runs: their own disk check
            break
        size -= 4096
        os.ftruncate(filler.fileno(), size)
    for what in ("targets.spec.toml", "wave-1.design.npy", "wave-1.toml"):
        assert any(f"cannot write c.h5.waves/{what}: No space left on device" in line for line in failed_at), failed_at
    advice = answer.stderr.split("continue with: ")[1].strip()
    assert shlex.split(advice)[1:] == ["calibrate", "t.toml", "-o", "c.h5", "--resume", "-q"]
    filler.close()
    os.unlink(small_disk / "filler")
    answer = run([placesim, "calibrate", "t.toml", "-o", "c.h5", "--resume", "-q"], small_disk)
    assert answer.returncode == 0, answer.stderr
    np.testing.assert_array_equal(posterior(small_disk / "c.h5"), alone["calibrate"])


def test_cut_designs_and_wave_files_are_made_again_on_resume(placesim, place, alone):
    """What a kill or a full disk left when these files were written in place: a 0-byte or cut
    design, a cut TOML. The designs are the waves' own random numbers, so made again they are
    the same; --resume finishes without --force."""
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"], place, check=True)
    waves = place / "c.h5.waves"
    for name in ("c.h5", "c.h5.waves/wave-2.h5"):
        (place / name).unlink()
    design = (waves / "wave-1.design.npy").read_bytes()
    (waves / "wave-1.design.npy").write_bytes(design[: len(design) // 2])
    (waves / "wave-2.design.npy").write_bytes(b"")
    toml = (waves / "wave-2.toml").read_text()
    (waves / "wave-2.toml").write_text(toml[: len(toml) // 3])
    answer = run([placesim, "calibrate", "t.toml", "-o", "c.h5", "--resume", "-q"], place)
    assert answer.returncode == 0, answer.stderr
    np.testing.assert_array_equal(posterior(place / "c.h5"), alone["calibrate"])
    assert (waves / "wave-2.toml").read_text() == toml


def test_kills_at_any_moment_leave_a_calibration_that_resumes(placesim, place, alone):
    command = [placesim, "calibrate", "t.toml", "-o", "c.h5", "-q"]
    for delay in (0.3, 0.7, 1.1, 1.5, 1.9):
        process = start(placesim, place, *command[1:], *(["--resume"] if (place / "c.h5.waves").exists() else []))
        time.sleep(delay)
        process.kill()
        process.communicate()
        assert no_process_left(process), "a process of the killed calibration is still running"
    if (place / "c.h5").exists():
        (place / "c.h5").unlink()  # finished before a kill: resume from the waves alone
    answer = run(command + ["--resume"], place)
    assert answer.returncode == 0 and "Traceback" not in answer.stderr, answer.stderr
    np.testing.assert_array_equal(posterior(place / "c.h5"), alone["calibrate"])


def test_a_report_cut_short_by_a_full_disk_or_a_kill_is_replaced(placesim, place, results, small_disk):
    subprocess.run(["mount", "-o", "remount,size=32m", str(small_disk)], check=True)  # two reports and more
    report = small_disk / "rep"
    filler = fill(small_disk, leave_pages=40)  # room for some charts, not all
    answer = run([placesim, "report", "r.h5", "-o", str(report), "--quiet", "--formats", "png"], place)
    assert answer.returncode == 1, answer.stderr
    assert_clean(answer, f"cannot write the report to {report}: No space left on device")
    assert "cannot read" not in answer.stderr and "r.h5" not in answer.stderr
    assert not report.exists() and not (small_disk / "rep.partial").exists()
    filler.close()
    os.unlink(small_disk / "filler")
    run([placesim, "report", "r.h5", "-o", str(report), "--quiet", "--formats", "png"], place, check=True)
    first = (report / "index.html").read_text()
    # A full disk during --force leaves the earlier report as it was.
    filler = fill(small_disk, leave_pages=40)
    answer = run([placesim, "report", "r.h5", "-o", str(report), "--quiet", "--force", "--formats", "png"], place)
    assert answer.returncode == 1 and "No space left on device" in answer.stderr, answer.stderr
    assert (report / "index.html").read_text() == first
    filler.close()
    os.unlink(small_disk / "filler")
    # A kill while it is written leaves only rep.partial, which the next report replaces.
    process = start(placesim, place, "report", "r.h5", "-o", str(report), "--quiet", "--force", "--formats", "png")
    wait_for(process, small_disk / "rep.partial" / "decision.png")
    process.kill()
    process.wait()
    assert no_process_left(process)
    assert (report / "index.html").read_text() == first
    answer = run([placesim, "report", "r.h5", "-o", str(report), "--quiet", "--force", "--formats", "png"], place)
    assert answer.returncode == 0, answer.stderr
    assert not (small_disk / "rep.partial").exists()
    # A read-only disk is the output's fault, and named so.
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    answer = run([placesim, "report", "r.h5", "-o", str(small_disk / "new"), "--quiet"], place)
    assert answer.returncode == 1, answer.stderr
    assert_clean(answer, f"cannot write the report to {small_disk / 'new'}: Read-only file system")


def test_an_export_on_a_full_or_read_only_disk_names_the_output(placesim, place, results, small_disk):
    table = small_disk / "t.csv"
    table.write_text("earlier table\n")
    filler = fill(small_disk)
    answer = run([placesim, "export", "r.h5", "-o", str(small_disk / "new.csv")], place)
    assert answer.returncode == 1, answer.stderr
    assert_clean(answer, f"cannot write {small_disk / 'new.csv'}: No space left on device")
    answer = run([placesim, "export", "r.h5", "-o", str(table), "--force"], place)
    assert answer.returncode == 1 and "No space left on device" in answer.stderr, answer.stderr
    assert table.read_text() == "earlier table\n"
    assert not (small_disk / "new.csv").exists() and not (small_disk / "t.csv.partial").exists()
    filler.close()
    os.unlink(small_disk / "filler")
    # What a kill leaves (the partial file) is replaced by the next export.
    (small_disk / "new.csv.partial").write_text("cut sh")
    run([placesim, "export", "r.h5", "-o", str(small_disk / "new.csv")], place, check=True)
    assert (small_disk / "new.csv").read_text().startswith("run,strategy")
    assert not (small_disk / "new.csv.partial").exists()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    answer = run([placesim, "export", "r.h5", "-o", str(small_disk / "other.csv")], place)
    assert answer.returncode == 1, answer.stderr
    assert_clean(answer, f"cannot write {small_disk / 'other.csv'}: Read-only file system")


# Ctrl-C and SIGTERM -----------------------------------------------------------------------

@pytest.mark.parametrize("command, sent, to_the_group", [
    (["calibrate", "long-targets.toml", "-o", "c.h5"], signal.SIGINT, True),
    (["calibrate", "long-targets.toml", "-o", "c.h5", "--force"], signal.SIGTERM, False),
    (["run", "long.toml", "-o", "u.h5", *UNTIL], signal.SIGINT, True),
])
def test_an_interruption_names_the_outer_command_to_continue(placesim, place, alone, command, sent, to_the_group):
    """Ctrl-C reaches the whole foreground group (the command, its analysis, the wave's run); a
    scheduler's SIGTERM may reach the command alone. Either way the command to paste is the
    outer one with --resume, and it finishes the work."""
    output = command[command.index("-o") + 1]
    folder = place / (output + (".waves" if command[0] == "calibrate" else ".rounds"))
    process = start(placesim, place, *command)
    wait_for(process, folder / ("wave-1.h5.journal" if command[0] == "calibrate" else "round_01.h5.journal"))
    time.sleep(0.3)
    if to_the_group:
        os.killpg(process.pid, sent)
    else:
        process.send_signal(sent)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + sent, (process.returncode, err)
    assert "Traceback" not in err and f"interrupted by {signal.Signals(sent).name}" in err, err
    pasted = shlex.split(err.split("continue with: ")[1].strip())
    assert pasted[1:] == [w for w in command if w != "--force"] + ["--resume"], pasted
    assert no_process_left(process)
    # Each run stopped as after Ctrl-C: its partial file and lock removed (its journal kept).
    assert not list(folder.glob("*.lock")) and not list(folder.glob("*.partial")), list(folder.iterdir())
    assert not (place / f"{output}.lock").exists()
    finished = subprocess.run(pasted, cwd=place, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    if command[0] == "calibrate":
        np.testing.assert_array_equal(posterior(place / output), alone["calibrate long"])
    else:
        np.testing.assert_array_equal(place_index(place / output), alone["run --until"])
