"""What an adversarial user can do to an output, and what must survive it (issue 11): two
processes on one output, --force onto things that are not results files, --resume onto another
run's file, damaged files read by info, merge and report, a full disk, signals, and a kill
between the final rename and the journal's removal. Each is driven through the real
executable and judged by what is left on disk."""
import os
import shlex
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import h5py
import numpy as np
import pytest

from conftest import run
from test_interrupted_runs import ARGS, assert_same_results

SMALL = ["--replicates", "2", "--set", "simulation.months=6"]


def start(placesim, tmp_path, out, *extra):
    return subprocess.Popen([placesim, "run", "-o", out, *ARGS, *extra], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_journal(process, journal, min_bytes=1):
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if journal.exists() and journal.stat().st_size >= min_bytes:
            return
        time.sleep(0.005)
    raise AssertionError("the run finished before the test could act on it; make it longer")


def test_a_second_writer_is_refused_and_the_first_finishes_whole(placesim, tmp_path):
    first = start(placesim, tmp_path, "busy.h5", "-q")
    wait_for_journal(first, tmp_path / "busy.h5.journal")
    for option in ("--force", "--resume"):
        second = run([placesim, "run", "-o", "busy.h5", option, *ARGS], tmp_path)
        assert second.returncode == 2, second.stderr
        assert "being written by another placesim process" in second.stderr
        assert f"pid {first.pid}" in second.stderr  # names the running one
    assert first.wait() == 0, first.stderr.read()
    assert not (tmp_path / "busy.h5.journal").exists() and not (tmp_path / "busy.h5.lock").exists()
    alone = run([placesim, "run", "-o", "alone.h5", "-q", *ARGS], tmp_path)
    assert alone.returncode == 0, alone.stderr
    assert_same_results(tmp_path / "busy.h5", tmp_path / "alone.h5")


def test_force_replaces_only_regular_files(placesim, tmp_path):
    os.mkfifo(tmp_path / "pipe.h5")
    (tmp_path / "folder.h5").mkdir()
    (tmp_path / "target.h5").write_bytes(b"someone else's file")
    os.symlink(tmp_path / "target.h5", tmp_path / "link.h5")
    for name, kind in (("pipe.h5", "FIFO"), ("folder.h5", "folder"), ("link.h5", "symbolic link"),
                       ("/dev/null", "device")):
        result = run([placesim, "run", "-o", name, "--force", *SMALL], tmp_path)
        assert result.returncode == 2, (name, result.stderr)
        assert kind in result.stderr and "only regular files" in result.stderr, result.stderr
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.h5").st_mode)
    assert (tmp_path / "folder.h5").is_dir() and os.path.islink(tmp_path / "link.h5")
    assert (tmp_path / "target.h5").read_bytes() == b"someone else's file"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_resume_refuses_a_complete_file_of_another_run(placesim, tmp_path):
    assert run([placesim, "run", "-o", "done.h5", "-q", *SMALL], tmp_path).returncode == 0
    (tmp_path / "text.h5").write_text("not results\n")
    kept = {name: (tmp_path / name).read_bytes() for name in ("done.h5", "text.h5")}
    other = run([placesim, "run", "-o", "done.h5", "--resume", *SMALL, "--set", "trust.decay=0.03"], tmp_path)
    assert other.returncode == 2 and "holds the results of another run" in other.stderr, other.stderr
    assert "trust" in other.stderr
    seed = run([placesim, "run", "-o", "done.h5", "--resume", *SMALL, "--seed", "7"], tmp_path)
    assert seed.returncode == 2 and "another run" in seed.stderr, seed.stderr
    text = run([placesim, "run", "-o", "text.h5", "--resume", *SMALL], tmp_path)
    assert text.returncode == 2 and "not an HDF5 file" in text.stderr, text.stderr
    same = run([placesim, "run", "-o", "done.h5", "--resume", *SMALL], tmp_path)
    assert same.returncode == 0 and "nothing to resume" in same.stderr
    assert {name: (tmp_path / name).read_bytes() for name in kept} == kept


def flip_inside_a_chunk(path, metric="place_index", at=0.5):
    """Flips one bit in the middle of the first stored chunk of a metric."""
    with h5py.File(path, "r") as f:
        info = f["metrics"][metric].id.get_chunk_info(0)
    offset = info.byte_offset + int(info.size * at)
    data = bytearray(Path(path).read_bytes())
    data[offset] ^= 0x10
    Path(path).write_bytes(bytes(data))


SHARDED = """
[simulation]
name = "s"
months = 12
replicates = 8
strategies = ["baseline", "co_design"]
"""


def test_a_damaged_shard_is_named_by_merge_info_and_report(placesim, tmp_path):
    (tmp_path / "s.toml").write_text(SHARDED)
    for i in (1, 2):
        assert run([placesim, "run", "s.toml", "--shard", f"{i}/2", "-q"], tmp_path).returncode == 0
    shard = tmp_path / "results/s-shard-1-of-2.h5"
    flip_inside_a_chunk(shard)
    merged = run([placesim, "merge", "m.h5", str(shard), "results/s-shard-2-of-2.h5"], tmp_path)
    assert merged.returncode == 2 and "damaged" in merged.stderr and "place_index" in merged.stderr, merged.stderr
    assert not (tmp_path / "m.h5").exists()
    info = run([placesim, "info", str(shard)], tmp_path)
    assert info.returncode == 2 and "damaged" in info.stderr, info.stderr
    report = run([placesim, "report", str(shard), "-o", "rep", "-q"], tmp_path)
    assert report.returncode == 2 and "damaged" in report.stderr, report.stderr
    assert not (tmp_path / "rep").exists()


def test_bit_flips_anywhere_never_crash_a_reader(placesim, tmp_path):
    """Random single-bit and multi-bit damage: every reader answers with status 0 or 2 and a
    message; none dies of a signal."""
    assert run([placesim, "run", "-o", "good.h5", "-q", *SMALL], tmp_path).returncode == 0
    good = (tmp_path / "good.h5").read_bytes()
    rng = np.random.default_rng(11)
    refused = 0
    for trial in range(40):
        data = bytearray(good)
        for _ in range(int(rng.choice([1, 3, 30]))):
            data[int(rng.integers(len(data)))] ^= 1 << int(rng.integers(8))
        (tmp_path / "bad.h5").write_bytes(bytes(data))
        result = run([placesim, "info", "bad.h5"], tmp_path)
        assert result.returncode in (0, 2), (trial, result.returncode, result.stderr)
        if result.returncode == 2:
            refused += 1
            assert result.stderr.startswith("placesim: ") and "bad.h5" in result.stderr, result.stderr
    assert refused >= 30  # checksums cover the chunks, the design and the text
    report = run([placesim, "report", "bad.h5", "-o", "rep", "-q"], tmp_path)
    assert report.returncode in (0, 2) and "Traceback" not in report.stderr


def test_a_cut_short_file_is_called_damaged(placesim, tmp_path):
    """The first half of a results file: its HDF5 signature is intact, its structure is not."""
    assert run([placesim, "run", "-o", "good.h5", "-q", *SMALL], tmp_path).returncode == 0
    whole = (tmp_path / "good.h5").read_bytes()
    (tmp_path / "cut.h5").write_bytes(whole[: len(whole) // 2])
    for command in (["info", "cut.h5"], ["report", "cut.h5", "-o", "rep"], ["compare", "cut.h5"]):
        result = run([placesim, *command], tmp_path)
        assert result.returncode == 2, result.stderr
        assert "cut.h5" in result.stderr and "damaged or cut short" in result.stderr, result.stderr
    assert not (tmp_path / "rep").exists()


def test_a_missing_file_is_called_missing(placesim, tmp_path):
    for command in (["info", "none.h5"], ["report", "none.h5"], ["merge", "m.h5", "none.h5"]):
        result = run([placesim, *command], tmp_path)
        assert result.returncode == 2, result.stderr
        assert "none.h5" in result.stderr and "not an HDF5 file" not in result.stderr, result.stderr


@pytest.fixture
def small_disk(tmp_path):
    """A 1.5 MB tmpfs: room for the start of a run's journal, not for its results."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(disk)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_full_disk_ends_with_one_line_and_resumes(placesim, tmp_path, small_disk):
    args = ["--replicates", "30", "--no-disk-check", "-q"]
    full = run([placesim, "run", "-o", "x.h5", *args], small_disk)
    assert full.returncode == 1, (full.returncode, full.stderr)
    assert "No space left on device" in full.stderr and "HDF5-DIAG" not in full.stderr, full.stderr
    assert len(full.stderr.strip().splitlines()) == 2  # what failed; what was kept and how to resume
    assert "--resume" in full.stderr
    assert (small_disk / "x.h5.journal").exists()
    assert not (small_disk / "x.h5").exists() and not (small_disk / "x.h5.partial").exists()
    # With room again, --resume finishes it to what an uninterrupted run writes.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    resumed = run([placesim, "run", "-o", "x.h5", *args, "--resume"], small_disk)
    assert resumed.returncode == 0, resumed.stderr
    assert run([placesim, "run", "-o", "whole.h5", *args], tmp_path).returncode == 0
    assert_same_results(small_disk / "x.h5", tmp_path / "whole.h5")


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_says_what_was_kept_and_how_to_resume(placesim, tmp_path, sent):
    process = start(placesim, tmp_path, "sig.h5")
    wait_for_journal(process, tmp_path / "sig.h5.journal", 1_000_000)
    process.send_signal(sent)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + sent, (process.returncode, err)
    name = signal.Signals(sent).name
    assert f"interrupted by {name}" in err and "runs are finished and kept in sig.h5.journal" in err, err
    kept = int(err.split(f"interrupted by {name}; ")[1].split()[0])
    assert 0 < kept < 1200
    command = shlex.split(err.split("finish the others with: ")[1].strip())  # as a user would paste it
    assert command[-1] == "--resume"
    assert not (tmp_path / "sig.h5.partial").exists() and not (tmp_path / "sig.h5.lock").exists()
    resumed = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    done_before = int(next(l for l in resumed.stdout.splitlines() if l.startswith("Resumed:")).split()[1])
    assert done_before >= kept  # what the message said was kept, was
    assert run([placesim, "run", "-o", "whole.h5", "-q", *ARGS], tmp_path).returncode == 0
    assert_same_results(tmp_path / "sig.h5", tmp_path / "whole.h5")


def test_a_kill_after_the_rename_leaves_a_complete_file(placesim, tmp_path):
    """Killed between the final rename and the journal's removal: the file is complete and the
    journal beside it is its own, so a rerun must not call it unfinished."""
    process = start(placesim, tmp_path, "late.h5", "-q")
    wait_for_journal(process, tmp_path / "late.h5.journal", 1_000_000)
    shutil.copy(tmp_path / "late.h5.journal", tmp_path / "saved.journal")  # its header: this run's
    assert process.wait() == 0
    shutil.copy(tmp_path / "saved.journal", tmp_path / "late.h5.journal")
    info = run([placesim, "info", "late.h5"], tmp_path)
    assert info.returncode == 0 and "unfinished" not in info.stdout, info.stdout + info.stderr
    again = run([placesim, "run", "-o", "late.h5", "--resume", *ARGS], tmp_path)
    assert again.returncode == 0 and "nothing to resume" in again.stderr, again.stderr
    assert not (tmp_path / "late.h5.journal").exists()


def test_places_that_would_take_hours_are_refused_before_they_start(placesim, tmp_path):
    huge = ["--set", "population.roles.ward_councillor.count=1000000"]
    result = run([placesim, "run", *huge], tmp_path)
    assert result.returncode == 2, result.stderr
    assert "hours" in result.stderr and "--allow-long-runs" in result.stderr, result.stderr
    estimate = run([placesim, "plan", *huge], tmp_path)  # plan estimates; it runs nothing
    assert estimate.returncode == 0 and "hours" in estimate.stdout, estimate.stdout
    # The memory check sees values a sweep sets, not only the file's.
    sweep = ("[sweep]\ndesign = \"list\"\npoints = [\n"
             "  { \"population.roles.ward_councillor.count\" = 30 },\n"
             "  { \"population.roles.ward_councillor.count\" = 1000000, \"trust.max_ties_within\" = 4096,"
             " \"trust.max_ties_cross\" = 4096 },\n]\n")
    (tmp_path / "sweep.toml").write_text(sweep)
    result = run([placesim, "run", "sweep.toml", "--allow-long-runs"], tmp_path)
    assert result.returncode == 2 and "GiB" in result.stderr, result.stderr
    assert not list(tmp_path.glob("results/*.h5"))
