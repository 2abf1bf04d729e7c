"""A file from someone else cannot hurt you (issue 26): files that never end or never answer,
calibration files damaged, of another version or of another scenario, and rounds files edited
every way one can think of. Each is driven through the real executable: one clear message and
status 2, within a bound of time, never a traceback or a hang."""
import os
import resource
import subprocess
import time
from pathlib import Path

import pytest

from conftest import run

# Every refusal here must come fast: before the fix, /dev/zero grew a process by 7.6 GB in
# 20 s and a FIFO hung `validate` for ever. "Fast" is counted in the processor time the command
# and its children use, not in wall time, which a machine busy with other tests stretches; a
# command that waits instead (a FIFO never answering) is caught by the wall-time limit.
QUICK = 1.0
HANG = 20.0


def processor_time_of_children():
    """Processor seconds used so far by this process's children that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def refused_quickly(args, cwd, within=QUICK):
    """Runs a command that must be refused: status 2, one line naming the problem, no traceback,
    within `within` seconds of processor time (its children's included), and without waiting
    HANG seconds. Returns its stderr."""
    before = processor_time_of_children()
    with subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        try:
            _, stderr = child.communicate(timeout=HANG)
        except subprocess.TimeoutExpired:
            child.kill()
            raise AssertionError(f"{args} hung") from None
    took = processor_time_of_children() - before
    assert child.returncode == 2, (args, child.returncode, stderr)
    assert "Traceback" not in stderr, stderr
    assert took < within, f"{args} used {took:.2f} s of processor time"
    return stderr


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
    started = time.process_time()
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
    assert time.process_time() - started < QUICK
    (tmp_path / "ok.toml").write_text("a = 'é'\n")
    assert read_text(tmp_path / "ok.toml") == "a = 'é'\n"


def test_a_results_file_declaring_billions_of_runs_is_refused_before_it_is_allocated(placesim, write_fixture, tmp_path):
    """A small results file whose runs, or whose /status/completed, declare 2,000,000,000 entries
    (16 GB of labels to read): the engine's check and the loader each refuse it within a second."""
    import h5py
    from placesim_analysis.loader import ResultsError, load
    for edit in ("runs", "completed"):
        path = tmp_path / f"{edit}.h5"
        run([write_fixture, str(path)], tmp_path, check=True)
        with h5py.File(path, "r+") as f:
            if edit == "runs":
                f.attrs["runs"] = 2_000_000_000
            else:
                del f["status/completed"]
                f["status"].create_dataset("completed", shape=(2_000_000_000,), dtype="u1", chunks=(1 << 20,))
        stderr = refused_quickly([placesim, "compare", str(path)], tmp_path)
        assert f"{path} is damaged" in stderr, stderr
        started = time.process_time() + processor_time_of_children()
        with pytest.raises(ResultsError, match="damaged"):
            load(path)
        assert time.process_time() + processor_time_of_children() - started < QUICK


# ---------------------------------------------------------------------------------------------
# Calibration files: a checksum, a checked version, and the place they were made for

SMALL = '[simulation]\nname = "small"\nmonths = 12\nstrategies = ["baseline", "peer_review"]\n'
TARGETS = ('scenario = "small.toml"\n[parameters]\n"trust.decay" = { min = 0.005, max = 0.05 }\n'
           '[[targets]]\nname = "trust"\nmetric = "trust_cross_sector"\nmonth = 12\nvalue = 0.3\nsd = 0.05\n'
           '[calibration]\nwaves = 1\npoints = 20\nreplicates = 2\nposterior_draws = 50\ncheck_points = 0\n')


@pytest.fixture(scope="module")
def calibration(placesim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("calibration")
    (folder / "small.toml").write_text(SMALL)
    (folder / "t.toml").write_text(TARGETS)
    run([placesim, "calibrate", "t.toml", "-o", "c.h5", "--quiet"], folder, check=True)
    return folder


def copy_of(calibration, tmp_path, name="copy.h5"):
    copy = tmp_path / name
    copy.write_bytes((calibration / "c.h5").read_bytes())
    (tmp_path / "small.toml").write_text(SMALL)
    return copy


def posterior_refused(placesim, tmp_path, calibration_file, scenario="small.toml"):
    return refused_quickly([placesim, "run", scenario, "--posterior", str(calibration_file), "-o", "x.h5", "--quiet"],
                           tmp_path, within=2 * QUICK)


def test_a_flipped_bit_in_a_posterior_draw_is_refused(placesim, calibration, tmp_path):
    import h5py
    from placesim_analysis.calibration.calibration_file import CalibrationFileError, open_calibration
    damaged = copy_of(calibration, tmp_path)
    with h5py.File(damaged, "r") as f:
        dataset = f["calibration/posterior"]
        offset, before = dataset.id.get_offset(), dataset[0, 0]
    data = bytearray(damaged.read_bytes())
    data[offset + 2] ^= 0x04  # a low bit of the first draw's mantissa: a plausible, wrong value
    damaged.write_bytes(data)
    with h5py.File(damaged, "r") as f:
        after = f["calibration/posterior"][0, 0]
    assert after != before and abs(after - before) < 1e-6 * abs(before)
    stderr = posterior_refused(placesim, tmp_path, damaged)
    assert f"--posterior: {damaged} is damaged: its contents do not match their checksum" in stderr, stderr
    stderr = refused_quickly([placesim, "report", str(damaged), "-o", "r"], tmp_path, within=2 * QUICK)
    assert "is damaged: its contents do not match their checksum" in stderr, stderr
    with pytest.raises(CalibrationFileError, match="do not match their checksum"):
        open_calibration(damaged)
    assert not (tmp_path / "x.h5").exists() and not (tmp_path / "r").exists()


def test_a_flipped_bit_anywhere_never_runs_with_other_values(placesim, calibration, tmp_path):
    """Wherever a bit flips, the run is refused, or runs with the calibration's very draws (a bit
    HDF5 never reads: free space, padding)."""
    import h5py
    import numpy as np
    with h5py.File(calibration / "c.h5", "r") as f:
        draws = f["calibration/posterior"][...]
    size = (calibration / "c.h5").stat().st_size
    rng = np.random.default_rng(26)
    refused = ran = 0
    for offset in rng.integers(0, size, 24):
        damaged = copy_of(calibration, tmp_path)
        data = bytearray(damaged.read_bytes())
        data[offset] ^= 1 << int(rng.integers(0, 8))
        damaged.write_bytes(data)
        result = subprocess.run([placesim, "run", "small.toml", "--posterior", str(damaged), "--replicates", "2",
                                 "-o", "x.h5", "--quiet", "--force"], cwd=tmp_path, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode in (0, 2) and "Traceback" not in result.stderr, (offset, result.stderr)
        if result.returncode == 2:
            refused += 1
            continue
        ran += 1
        with h5py.File(tmp_path / "x.h5", "r") as f:
            np.testing.assert_array_equal(f["design/posterior:trust.decay"][...], np.tile(draws[:2, 0], 2))
    assert refused > 0


@pytest.mark.parametrize("version", [0, 3, 7, -1])
def test_a_calibration_file_of_an_unknown_version_is_refused(placesim, calibration, tmp_path, version):
    import h5py
    from placesim_analysis.calibration.calibration_file import CalibrationFileError, open_calibration
    other = copy_of(calibration, tmp_path)
    with h5py.File(other, "r+") as f:
        f.attrs["format_version"] = version
    stderr = posterior_refused(placesim, tmp_path, other)
    assert f"{other} has calibration-file format version {version}; this placesim reads versions 1 and 2" in stderr
    with pytest.raises(CalibrationFileError, match=f"format version {version}; this package reads versions 1 and 2"):
        open_calibration(other)


def test_a_calibration_of_another_place_is_refused_naming_what_differs(placesim, calibration, tmp_path):
    copy_of(calibration, tmp_path)
    quiet = posterior_refused(placesim, tmp_path, calibration / "c.h5",
                              scenario=str(Path(__file__).parents[2] / "scenarios" / "quiet_place.toml"))
    assert "was calibrated on another place" in quiet and "events.elections.first_month = " in quiet, quiet
    (tmp_path / "edited.toml").write_text(SMALL + "[place.issues.housing]\ninitial_outcome = 0.4\n")
    edited = posterior_refused(placesim, tmp_path, calibration / "c.h5", scenario="edited.toml")
    assert "place.issues.housing: a row here only" in edited, edited
    (tmp_path / "changed.toml").write_text(SMALL + "[trust]\ninitial_cross = 0.31\n")
    changed = posterior_refused(placesim, tmp_path, calibration / "c.h5", scenario="changed.toml")
    assert "trust.initial_cross = 0.31 here, 0.3 in the calibration" in changed, changed


def test_what_a_comparison_chooses_may_differ_from_the_calibration(placesim, calibration, tmp_path):
    """Its strategies (one of its own too), replicates, months, seed, and the calibrated key itself."""
    (tmp_path / "mine.toml").write_text(
        '[simulation]\nname = "mine"\nmonths = 6\nseed = 9\nstrategies = ["baseline", "co_design", "mine"]\n'
        '[trust]\ndecay = 0.04\n[strategies.mine]\ninterventions = ["diagnostic"]\n')
    result = run([placesim, "run", "mine.toml", "--posterior", str(calibration / "c.h5"), "--replicates", "2",
                  "-o", "x.h5", "--quiet"], tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_posterior_declaring_200_million_draws_is_refused_before_it_is_allocated(placesim, calibration, tmp_path):
    """A file of a few kilobytes whose posterior declares 200,000,000 x 6 draws (9.6 GB): as
    version 1 (no checksum: the size is checked as it is read) and as version 2 (the checksum
    would read it: the size is checked first)."""
    import h5py
    for version in (1, 2):
        huge = copy_of(calibration, tmp_path, f"huge{version}.h5")
        with h5py.File(huge, "r+") as f:
            c = f["calibration"]
            keys = [f"trust.decay{i}" for i in range(6)]
            del c["parameter"], c["posterior"]
            c.create_dataset("parameter", data=keys, dtype=h5py.string_dtype())
            c.create_dataset("posterior", shape=(200_000_000, 6), dtype="f8", chunks=(1 << 16, 6))
            f.attrs["format_version"] = version
        assert huge.stat().st_size < 256 << 10
        stderr = posterior_refused(placesim, tmp_path, huge)
        assert "declares 1200000000 values, more than the file's" in stderr and "damaged" in stderr, stderr


# ---------------------------------------------------------------------------------------------
# Rounds files (run --until): exactly the listed files, inside OUT.rounds/, once each, of the
# same scenario, of a known version; the engine's check and the loader refuse the same files.

ROUNDS = ('[simulation]\nname = "adaptive"\nmonths = 24\nreplicates = 4\n'
          'strategies = ["baseline", "mentoring", "diagnostic"]\n')
UNTIL = ["--until", "0.000001", "--max-replicates", "12", "--quiet"]
ENDLESS = Path(__file__).parents[1] / "fuzz" / "regressions" / "results" / "hdf5_endless_loop.h5"


@pytest.fixture(scope="module")
def rounds_made(placesim, tmp_path_factory):
    """Two rounds files: one, and one of another scenario (trust.decay), to take rounds from."""
    folder = tmp_path_factory.mktemp("rounds")
    (folder / "a.toml").write_text(ROUNDS)
    (folder / "b.toml").write_text(ROUNDS + "[trust]\ndecay = 0.031\n")
    for name in ("a", "b"):
        run([placesim, "run", f"{name}.toml", "-o", f"{name}.h5", *UNTIL], folder, check=True)
    assert len(list((folder / "a.h5.rounds").glob("round_*.h5"))) >= 2
    return folder


def copy_rounds(source, tmp_path):
    import shutil
    shutil.copy(source / "a.h5", tmp_path / "a.h5")
    shutil.copytree(source / "a.h5.rounds", tmp_path / "a.h5.rounds")
    shutil.copy(source / "a.toml", tmp_path / "a.toml")
    return tmp_path / "a.h5"


def edit_rounds(path, **columns):
    """Replaces columns of /rounds (file=[...], first_replicate=[...]) or root attributes (attrs={})."""
    import h5py
    with h5py.File(path, "r+") as f:
        for key, value in columns.pop("attrs", {}).items():
            f.attrs[key] = value
        for name, values in columns.items():
            dtype = f["rounds"][name].dtype
            del f["rounds"][name]
            f["rounds"].create_dataset(name, data=values, dtype=dtype)


def refused_alike(placesim, folder, expected, within=5 * QUICK, loader=True):
    """info and compare (the engine's check) and the loader refuse the rounds file, each naming
    the same fault."""
    from placesim_analysis.loader import ResultsError, load
    for command in ("info", "compare"):
        stderr = refused_quickly([placesim, command, "a.h5"], folder, within=within)
        assert expected in stderr, (command, stderr)
    if loader:
        with pytest.raises(ResultsError) as refused:
            load(folder / "a.h5")
        assert expected in str(refused.value), str(refused.value)


def listed(source):
    import h5py
    with h5py.File(source / "a.h5", "r") as f:
        return [v.decode() for v in f["rounds/file"][...]], list(f["rounds/first_replicate"][...])


@pytest.mark.parametrize("entry", ["../../../../etc/passwd", "/dev/zero", "a.h5.rounds/../a.h5",
                                   "a.h5.rounds/../../a.h5.rounds/round_01.h5", "b.h5.rounds/round_02.h5",
                                   "a.h5.rounds/", "a.h5.rounds/sub/round_02.h5"])
def test_a_round_listed_outside_its_folder_is_refused(placesim, rounds_made, tmp_path, entry):
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    edit_rounds(tmp_path / "a.h5", file=[files[0], entry] + files[2:])
    refused_alike(placesim, tmp_path, f"a.h5 lists '{entry}' as round 2, which is not a file of ")


@pytest.mark.parametrize("other", ["scenario.toml", "rule.json"])
def test_a_file_of_the_folder_that_is_no_results_file_is_refused(placesim, rounds_made, tmp_path, other):
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    edit_rounds(tmp_path / "a.h5", file=[files[0], f"a.h5.rounds/{other}"] + files[2:])
    refused_alike(placesim, tmp_path, f"a.h5.rounds/{other} is not ")


def test_a_round_listed_twice_is_refused(placesim, rounds_made, tmp_path):
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    edit_rounds(tmp_path / "a.h5", file=[files[0], files[0]] + files[2:])
    refused_alike(placesim, tmp_path, f"a.h5 lists {files[0]} twice")


def test_a_round_of_another_scenario_is_refused(placesim, rounds_made, tmp_path):
    import shutil
    copy_rounds(rounds_made, tmp_path)
    shutil.copy(rounds_made / "b.h5.rounds" / "round_02.h5", tmp_path / "a.h5.rounds" / "round_02.h5")
    refused_alike(placesim, tmp_path, "round_02.h5 is a round of another scenario than")
    stderr = refused_quickly([placesim, "compare", "a.h5"], tmp_path, within=5 * QUICK)
    assert "trust.decay = 0.031 there" in stderr, stderr


def test_a_round_in_another_rounds_place_is_refused(placesim, rounds_made, tmp_path):
    """A copy of round 1 under round 2's name holds round 1's replicates: its pairs would count twice."""
    import shutil
    copy_rounds(rounds_made, tmp_path)
    shutil.copy(tmp_path / "a.h5.rounds" / "round_01.h5", tmp_path / "a.h5.rounds" / "round_02.h5")
    refused_alike(placesim, tmp_path, "round_02.h5 holds replicates 0 to 3, but")


def test_overlapping_replicates_in_the_list_are_refused(placesim, rounds_made, tmp_path):
    copy_rounds(rounds_made, tmp_path)
    _, first = listed(rounds_made)
    edit_rounds(tmp_path / "a.h5", first_replicate=[0, 0] + first[2:])
    refused_alike(placesim, tmp_path, "a.h5 is damaged: round 2 has replicates 0 to")


def test_a_stray_round_in_the_folder_changes_nothing(placesim, rounds_made, tmp_path):
    import shutil
    copy_rounds(rounds_made, tmp_path)
    before = run([placesim, "compare", "a.h5", "--format", "json"], tmp_path, check=True).stdout
    shutil.copy(rounds_made / "b.h5.rounds" / "round_02.h5", tmp_path / "a.h5.rounds" / "round_09.h5")
    shutil.copy(tmp_path / "a.h5.rounds" / "round_01.h5", tmp_path / "a.h5.rounds" / "round_10.h5")
    assert run([placesim, "compare", "a.h5", "--format", "json"], tmp_path, check=True).stdout == before
    described = run([placesim, "info", "a.h5"], tmp_path, check=True).stdout
    files, _ = listed(rounds_made)
    assert described.count("format      placesim-results") == len(files) and "round_09" not in described


def test_a_missing_round_is_named(placesim, rounds_made, tmp_path):
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    (tmp_path / files[1]).unlink()
    refused_alike(placesim, tmp_path, f"a.h5 lists {files[1]} as round 2, which is missing")


def test_a_round_that_is_a_symbolic_link_is_refused(placesim, rounds_made, tmp_path):
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    for target in (rounds_made / files[1], Path("/dev/zero")):
        (tmp_path / files[1]).unlink()
        (tmp_path / files[1]).symlink_to(target)
        refused_alike(placesim, tmp_path, f"{files[1]} is a symbolic link")


@pytest.mark.parametrize("version", [99, 0, 2])
def test_a_rounds_file_of_an_unknown_version_is_refused(placesim, rounds_made, tmp_path, version):
    copy_rounds(rounds_made, tmp_path)
    edit_rounds(tmp_path / "a.h5", attrs={"format_version": version})
    refused_alike(placesim, tmp_path, f"a.h5 has rounds-file format version {version}; this")


def test_a_rounds_file_listing_no_round_is_refused(placesim, rounds_made, tmp_path):
    copy_rounds(rounds_made, tmp_path)
    edit_rounds(tmp_path / "a.h5", file=[], first_replicate=[], replicates=[])
    refused_alike(placesim, tmp_path, "a.h5 lists no rounds")


def test_the_endless_loop_file_listed_as_a_round_is_called_damaged_not_hung(placesim, rounds_made, tmp_path):
    """libhdf5 loops for ever on it: the engine's check gives up after its 10 s, and compare
    never hands it to the analysis."""
    import shutil
    copy_rounds(rounds_made, tmp_path)
    files, _ = listed(rounds_made)
    shutil.copy(ENDLESS, tmp_path / "a.h5.rounds" / "endless.h5")  # a name no pattern of round names matches
    edit_rounds(tmp_path / "a.h5", file=[files[0], "a.h5.rounds/endless.h5"] + files[2:])
    stderr = refused_quickly([placesim, "compare", "a.h5"], tmp_path, within=20)
    assert "a.h5.rounds/endless.h5 is damaged" in stderr, stderr


def test_a_damaged_round_kept_for_resume_is_refused_not_hung(placesim, rounds_made, tmp_path):
    """run --until --resume reuses a finished round: the engine's check comes first."""
    import shutil
    copy_rounds(rounds_made, tmp_path)
    (tmp_path / "a.h5").unlink()
    shutil.copy(ENDLESS, tmp_path / "a.h5.rounds" / "round_01.h5")
    stderr = refused_quickly([placesim, "run", "a.toml", "-o", "a.h5", *UNTIL, "--resume"], tmp_path, within=20)
    assert "round_01.h5 is damaged" in stderr, stderr


def test_a_damaged_wave_kept_for_resume_is_refused_not_hung(placesim, calibration, tmp_path):
    """calibrate --resume reuses a finished wave: the engine's check comes first."""
    import shutil
    shutil.copytree(calibration / "c.h5.waves", tmp_path / "c.h5.waves")
    for name in ("small.toml", "t.toml"):
        shutil.copy(calibration / name, tmp_path / name)
    shutil.copy(ENDLESS, tmp_path / "c.h5.waves" / "wave-1.h5")
    stderr = refused_quickly([placesim, "calibrate", "t.toml", "-o", "c.h5", "--resume", "--quiet"], tmp_path,
                             within=20)
    assert "wave-1.h5 is damaged" in stderr, stderr
