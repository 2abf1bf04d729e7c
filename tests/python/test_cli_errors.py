"""Bad input through the real executable: each case must exit with status 2, say what is
wrong and where (file, line, key), and leave no results file behind and any existing one
unchanged."""
import hashlib
from pathlib import Path

import h5py
import pytest

from conftest import run

# name, scenario text (None: no scenario file), extra arguments, fragments the message must contain
CASES = [
    ("missing_file", None, ["run", "no_such.toml"], ["no_such.toml", "cannot read the scenario file"]),
    ("folder_as_scenario", None, ["run", "."], ["cannot read the scenario file"]),
    ("toml_syntax", "[trust]\ndecay = 0.1\nfloor = \n", [], ["s.toml:3:", "TOML syntax error"]),
    ("unclosed_table", "[trust\ndecay = 0.1\n", [], ["s.toml:1:", "TOML syntax error"]),
    ("unknown_section", "[trusst]\ndecay = 0.1\n", [], ["s.toml:1:", "trusst", "did you mean 'trust'"]),
    ("unknown_key", "[trust]\ndecya = 0.1\n", [], ["s.toml:2:", "trust.decya", "did you mean 'trust.decay'"]),
    ("unknown_field", "[place.issues.community_safety]\nwikedness = 0.3\n", [],
     ["s.toml:2:", "place.issues.community_safety.wikedness", "did you mean 'wickedness'"]),
    ("unknown_sector_row", "[sectors.polce]\nhierarchy = 0.3\n", [], ["s.toml:1:", "sectors.polce", "did you mean 'police'"]),
    ("string_for_number", "[trust]\ndecay = \"fast\"\n", [], ["s.toml:2:", "trust.decay", "expected a number, found a string"]),
    ("real_for_integer", "[simulation]\nmonths = 12.5\n", [], ["s.toml:2:", "simulation.months", "expected an integer"]),
    ("out_of_range", "[trust]\ndecay = 1.5\n", [], ["s.toml:2:", "trust.decay", "out of range", "from 0 to 1"]),
    ("negative_months", "[simulation]\nmonths = -3\n", [], ["s.toml:2:", "simulation.months", "from 1 to 12000"]),
    ("bad_choice", "[place.issues.community_safety]\nlevel = \"city\"\n", [],
     ["s.toml:2:", "level", "\"place\", \"neighbourhood\""]),
    ("unknown_weight_sector", "[place.issues.community_safety]\nweights = { polise = 0.5 }\n", [],
     ["s.toml:2:", "weights.polise", "did you mean 'police'"]),
    ("negative_weight", "[place.issues.community_safety]\nweights = { police = -1 }\n", [],
     ["s.toml:2:", "weights.police", "out of range"]),
    ("section_not_a_table", "[place]\nissues = 3\n", [], ["s.toml:2:", "place.issues", "expected a table"]),
    ("forum_unknown_role", "[simulation]\nmonths = 12\n\n[place.forums.top_team]\nroles = [\"leader\", \"chief_exec\"]\n", [],
     ["s.toml:5:", "place.forums.top_team.roles", "no role named 'chief_exec'"]),
    ("issue_without_stakeholders", "[place.issues.housing]\nwickedness = 0.2\n", [],
     ["s.toml:1:", "place.issues.housing.weights", "positive stakeholder weight"]),
    ("too_big_for_memory", "[population.roles.ward_councillor]\ncount = 1000000\n[trust]\nmax_ties_within = 4096\n"
     "max_ties_cross = 4096\n", [], ["s.toml:2:", "population.roles", "GiB"]),
    ("set_unknown_key", None, ["run", "--set", "trust.dekay=0.1"], ["--set trust.dekay=0.1", "did you mean 'trust.decay'"]),
    ("set_out_of_range", None, ["run", "--set", "trust.decay=2"], ["--set trust.decay=2", "out of range"]),
    ("set_without_value", None, ["run", "--set", "trust.decay"], ["--set trust.decay", "expected key.path=value"]),
    ("set_wrong_type", None, ["run", "--set", "simulation.months=soon"], ["simulation.months", "expected an integer"]),
    ("zero_replicates", None, ["run", "--replicates", "0"], ["simulation.replicates", "out of range"]),
    ("zero_threads", None, ["run", "--threads", "0"], ["--threads must be at least 1"]),
    ("not_a_number_seed", None, ["run", "--seed", "abc"], ["--seed abc", "simulation.seed", "expected an integer"]),
    ("negative_seed", None, ["run", "--seed", "-1"], ["--seed -1", "value -1 is out of range", "from 0 to 9200000000000000000"]),
    ("seed_above_the_maximum", None, ["run", "--seed", "9200000000000000001"],
     ["value 9200000000000000001 is out of range"]),
    ("integer_range_in_whole_numbers", None, ["run", "--set", "population.roles.leader.count=10000001"],
     ["value 10000001 is out of range: expected from 0 to 1000000"]),
    ("negative_replicates", None, ["run", "--replicates", "-1"], ["--replicates -1", "out of range"]),
    ("unknown_option", None, ["run", "--fast"], ["unrecognised option", "--fast"]),
    ("unknown_command", None, ["fly"], ["unknown command 'fly'"]),
    ("output_folder_missing", None, ["run", "-o", "nowhere/out.h5"], ["nowhere", "does not exist"]),
    ("name_with_slash", "[simulation]\nname = \"a/b\"\n", [], ["s.toml:2:", "simulation.name", "path separator"]),
    ("name_with_nul", "[simulation]\nname = \"a\\u0000b\"\n", [], ["s.toml:2:", "simulation.name", "control character"]),
    ("name_dot_dot", "[simulation]\nname = \"..\"\n", [], ["simulation.name", "not a file name"]),
    ("row_name_with_dot", "[place.issues.\"a.b\"]\nweights = { officer = 1 }\n", [],
     ["s.toml:1:", "place.issues.a.b", "holds a '.'"]),
    ("nested_too_deep", "[trust]\ndecay = " + "[" * 5000 + "]" * 5000 + "\n", [], ["s.toml:2:", "nested more than"]),
    ("set_nested_too_deep", None, ["run", "--set", "trust.decay=" + "{a=" * 5000 + "1" + "}" * 5000],
     ["--set trust.decay", "nested more than"]),
    ("validate_bad_file", "[trust]\ndecay = 1.5\n", ["validate"], ["s.toml:2:", "out of range"]),
    ("info_missing_file", None, ["info", "none.h5"], ["none.h5"]),
    ("info_not_hdf5", None, ["info", "s.toml"], ["s.toml", "not an HDF5 file"]),
    ("info_without_file", None, ["info"], ["needs a results file"]),
]


def snapshot(folder):
    """Every results-like file under folder, with a digest of its bytes."""
    found = {}
    for path in Path(folder).rglob("*"):
        if path.is_file() and (path.suffix == ".h5" or path.name.endswith((".partial", ".journal"))):
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.mark.parametrize("name,text,args,fragments", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_clearly_and_writes_nothing(placesim, tmp_path, name, text, args, fragments):
    if text is not None:
        (tmp_path / "s.toml").write_text(text)
    if name == "info_not_hdf5":
        (tmp_path / "s.toml").write_text("not hdf5\n")
    command = [placesim] + (args if args else ["run"])
    if text is not None and name != "info_not_hdf5":
        command = command[:2] + ["s.toml"] + command[2:]
    before = snapshot(tmp_path)
    result = run(command, tmp_path)
    assert result.returncode == 2, f"exit {result.returncode}\n{result.stderr}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    assert result.stderr.startswith("placesim: ")
    assert snapshot(tmp_path) == before


def test_an_existing_results_file_is_never_overwritten_without_force(placesim, tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    existing = results / "default.h5"
    existing.write_bytes(b"earlier results")
    result = run([placesim, "run", "--replicates", "1", "--set", "simulation.months=3"], tmp_path)
    assert result.returncode == 2
    assert "results/default.h5 exists" in result.stderr and "--force" in result.stderr
    assert existing.read_bytes() == b"earlier results"
    assert not (results / "default.h5.journal").exists()


def test_an_unfinished_run_is_kept_and_reported(placesim, tmp_path):
    journal = tmp_path / "out.h5.journal"
    journal.write_bytes(b"an interrupted run")
    result = run([placesim, "run", "-o", "out.h5", "--replicates", "1", "--set", "simulation.months=3"], tmp_path)
    assert result.returncode == 2
    assert "out.h5.journal" in result.stderr and "--resume" in result.stderr and "--force" in result.stderr
    assert journal.read_bytes() == b"an interrupted run"
    assert not (tmp_path / "out.h5").exists()


def test_resume_refuses_a_file_that_is_not_a_journal(placesim, tmp_path):
    journal = tmp_path / "out.h5.journal"
    journal.write_bytes(b"an interrupted run")
    result = run([placesim, "run", "-o", "out.h5", "--resume", "--replicates", "1", "--set", "simulation.months=3"],
                 tmp_path)
    assert result.returncode != 0
    assert "not a PlaceSim journal" in result.stderr
    assert journal.read_bytes() == b"an interrupted run"


def test_force_replaces_an_existing_file(placesim, tmp_path):
    out = tmp_path / "out.h5"
    out.write_bytes(b"old")
    result = run([placesim, "run", "-o", "out.h5", "--force", "-q", "--replicates", "2", "--set",
                  "simulation.months=6"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""  # --quiet
    with h5py.File(out, "r") as f:
        assert list(f["status/completed"][...]) == [1] * 2 * 9  # 2 replicates of 9 strategies
    assert not (tmp_path / "out.h5.journal").exists()


def test_info_on_an_hdf5_file_that_is_not_a_results_file(placesim, tmp_path):
    with h5py.File(tmp_path / "other.h5", "w") as f:
        f["x"] = [1, 2, 3]
    result = run([placesim, "info", "other.h5"], tmp_path)
    assert result.returncode == 2
    assert "not a PlaceSim results file" in result.stderr


def every_run_fails(placesim, folder):
    """A results file in which every run failed: a sweep whose one point gives every issue a
    salience of 0 (a place needs one issue residents care about)."""
    resolved = run([placesim, "validate"], folder, check=True).stdout
    issues = [line[len("[place.issues."):-1] for line in resolved.splitlines() if line.startswith("[place.issues.")]
    sweep = "".join(f'"place.issues.{i}.salience" = {{ values = [0.0] }}\n' for i in issues)
    (folder / "fails.toml").write_text('[simulation]\nmonths = 12\nreplicates = 2\nstrategies = ["baseline", '
                                       '"peer_review"]\n[sweep]\ndesign = "grid"\n[sweep.parameters]\n' + sweep)
    run([placesim, "run", "fails.toml", "-o", "fails.h5", "--quiet"], folder, check=True)
    with h5py.File(folder / "fails.h5", "r") as f:
        assert f["status/failed"][...].all()  # the premise, from the file
    return folder / "fails.h5"


@pytest.mark.parametrize("command", [["compare"], ["export"], ["discover", "--strategy", "peer_review"],
                                     ["report", "-o", "report"]])
def test_a_file_where_every_run_failed_gets_one_message(placesim, tmp_path, command):
    results = every_run_fails(placesim, tmp_path)
    result = run([placesim, command[0], str(results), *command[1:]], tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "no completed runs: all 4 runs failed" in result.stderr
    assert "at least one enabled issue needs a positive salience" in result.stderr  # the reason, from the file
    assert result.stdout == "" and not (tmp_path / "report").exists()
