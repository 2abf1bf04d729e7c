"""A sweep killed mid-way (kill -9) keeps every finished run, `--resume` runs only the
missing ones, and the resumed file equals an uninterrupted run's, provenance times aside."""
import os
import signal
import subprocess
import time

import h5py
import numpy as np

from conftest import run

# Many short runs on one thread: a few seconds, long enough to be killed part way.
ARGS = ["--threads", "1", "--replicates", "400", "--set", "simulation.months=24",
        "--set", 'simulation.strategies=["baseline", "peer_review", "co_design"]']
# The time and command of a run differ, and so the checksum that covers them.
PROVENANCE_TIMES = ("created_utc", "command_line", "content_crc32")


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj[...]) if isinstance(obj, h5py.Dataset) else None)
    return found


def assert_same_results(path_a, path_b):
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        for key in a.attrs:
            if key not in PROVENANCE_TIMES:
                assert np.array_equal(a.attrs[key], b.attrs[key]), key
        da, db = datasets(a), datasets(b)
        assert da.keys() == db.keys()
        for name in da:
            x, y = da[name], db[name]
            assert x.dtype == y.dtype and x.shape == y.shape, name
            if x.dtype.kind == "f":
                # Bit for bit, NaN included.
                assert np.array_equal(x.view(np.uint8), y.view(np.uint8)), name
            else:
                assert np.array_equal(x, y), name


def kill_when_journal_has(placesim, tmp_path, out, min_bytes):
    process = subprocess.Popen([placesim, "run", "-o", out, "-q", *ARGS], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    journal = tmp_path / (out + ".journal")
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if journal.exists() and journal.stat().st_size >= min_bytes:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the run finished before it could be killed; make it longer"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return journal


def test_a_killed_sweep_resumes_to_the_uninterrupted_result(placesim, tmp_path):
    complete = run([placesim, "run", "-o", "complete.h5", "-q", *ARGS], tmp_path)
    assert complete.returncode == 0, complete.stderr

    journal = kill_when_journal_has(placesim, tmp_path, "killed.h5", 4_000_000)
    assert journal.exists() and not (tmp_path / "killed.h5").exists()

    info = run([placesim, "info", "killed.h5"], tmp_path)
    assert info.returncode == 0, info.stderr
    assert "unfinished run" in info.stdout and " of 1200 done" in info.stdout

    again = run([placesim, "run", "-o", "killed.h5", *ARGS], tmp_path)
    assert again.returncode == 2 and "--resume" in again.stderr  # never discarded unasked

    resumed = run([placesim, "run", "-o", "killed.h5", "--resume", *ARGS], tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    line = next(l for l in resumed.stdout.splitlines() if l.startswith("Resumed:"))
    before, now = [int(word) for word in line.replace(",", " ").split() if word.isdigit()]
    assert before > 0 and now > 0 and before + now == 1200, line
    assert not journal.exists()
    assert_same_results(tmp_path / "killed.h5", tmp_path / "complete.h5")

    # Resuming a complete file does nothing.
    done = run([placesim, "run", "-o", "killed.h5", "--resume", *ARGS], tmp_path)
    assert done.returncode == 0 and "nothing to resume" in done.stderr


def test_resume_refuses_a_journal_of_another_scenario(placesim, tmp_path):
    journal = kill_when_journal_has(placesim, tmp_path, "other.h5", 1_000_000)
    kept = journal.read_bytes()
    result = run([placesim, "run", "-o", "other.h5", "--resume", *ARGS, "--set", "trust.decay=0.03"], tmp_path)
    assert result.returncode != 0
    assert "scenario differs" in result.stderr and "trust" in result.stderr
    assert journal.read_bytes() == kept
