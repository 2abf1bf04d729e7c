"""placesim run --until: adaptive replication (docs/adaptive.md). The rule is checked against
intervals worked out here with scipy; the runs against a one-shot run of as many replicates."""
import json
import shutil
import subprocess
import time

import h5py
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from conftest import run
from placesim_analysis.adaptive import Rule, decide, next_round_size
from placesim_analysis.decision import Window, compare
from placesim_analysis.loader import load

# Three strategies whose differences are small, so the rule must add rounds to reach +-0.002.
SCENARIO = """\
[simulation]
name = "adaptive"
months = 60
replicates = 8
strategies = ["baseline", "mentoring", "diagnostic"]
"""
HALFWIDTH = 0.002


def rounds_table(path):
    with h5py.File(path, "r") as f:
        g = f["rounds"]
        frame = pd.DataFrame({k: g[k][...] for k in ("first_replicate", "replicates", "widest_halfwidth")})
        for k in ("strategies", "contenders_after", "dropped_after", "best", "file"):
            frame[k] = [v.decode() for v in g[k][...]]
        return frame, {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}


@pytest.fixture(scope="module")
def adaptive(placesim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("adaptive")
    (folder / "a.toml").write_text(SCENARIO)
    out = run([placesim, "run", "a.toml", "-o", "a.h5", "--until", str(HALFWIDTH)], folder, check=True)
    return folder, out


def test_it_stops_with_the_asked_precision(adaptive):
    folder, out = adaptive
    rounds, attrs = rounds_table(folder / "a.h5")
    assert attrs["format"] == "placesim-rounds" and attrs["status"] == "precise", out.stdout
    assert len(rounds) > 1, "one round was already precise: the test scenario does not exercise the rule"
    # Before the last round the rule was not met, after it it was.
    assert rounds["widest_halfwidth"].iloc[-2] > HALFWIDTH >= rounds["widest_halfwidth"].iloc[-1]
    # The final comparison (as placesim compare prints it) has every contender pair within the
    # asked half-width, and at least one that was wider a round earlier.
    results = load(folder / "a.h5")
    first, last = (int(x) for x in attrs["window"].split(":"))
    c = compare(results, ["place_index"], Window(first, last))
    contenders = rounds["contenders_after"].iloc[-1].split(",")
    d = c.differences[c.differences.strategy.isin(contenders) & c.differences.versus.isin(contenders)]
    assert len(d) == len(contenders) * (len(contenders) - 1) // 2 > 0
    assert ((d["high"] - d["low"]) / 2 <= HALFWIDTH + 1e-12).all()


def test_each_round_adds_what_the_last_interval_predicts_within_bounds(adaptive):
    folder, _ = adaptive
    rounds, _ = rounds_table(folder / "a.h5")
    done = rounds["first_replicate"] + rounds["replicates"]
    assert (rounds["first_replicate"].iloc[1:].to_numpy() == done.iloc[:-1].to_numpy()).all()  # numbering continues
    for k in range(1, len(rounds)):
        n, w = done.iloc[k - 1], rounds["widest_halfwidth"].iloc[k - 1]
        predicted = int(np.ceil(n * ((w / HALFWIDTH) ** 2 - 1)))
        assert rounds["replicates"].iloc[k] == min(max(predicted, 8), n)


def test_rounds_keep_the_pairing_bit_for_bit(adaptive, placesim):
    """Replicate r of a strategy in any round is the run a one-shot run of all replicates makes."""
    folder, _ = adaptive
    rounds, _ = rounds_table(folder / "a.h5")
    total = int(rounds["first_replicate"].iloc[-1] + rounds["replicates"].iloc[-1])
    run([placesim, "run", "a.toml", "-o", "one.h5", "--quiet", "--replicates", str(total)], folder, check=True)
    once = load(folder / "one.h5").metric("trust_cross_sector")
    joined = load(folder / "a.h5").metric("trust_cross_sector")
    assert set(joined["round"].values.tolist()) == set(range(1, len(rounds) + 1))
    key = lambda m: pd.MultiIndex.from_arrays([m["strategy"].values, m["replicate"].values])
    once_rows = pd.Series(range(once.sizes["run"]), index=key(once))
    rows = once_rows.loc[key(joined)].to_numpy()
    np.testing.assert_array_equal(joined.values, once.values[rows])


def test_a_strategy_settled_as_worse_stops_running(placesim, tmp_path):
    # action_learning and total_place are ahead of diagnostic and close to each other: diagnostic
    # drops out, the two go on; baseline runs in every round as the anchor of the gains.
    (tmp_path / "s.toml").write_text(SCENARIO.replace('"mentoring", "diagnostic"',
                                                      '"diagnostic", "action_learning", "total_place"')
                                     .replace("months = 60", "months = 120"))
    run([placesim, "run", "s.toml", "-o", "s.h5", "--until", "0.0001", "--max-replicates", "40", "--quiet"],
        tmp_path, check=True)
    rounds, attrs = rounds_table(tmp_path / "s.h5")
    dropped_at = next(k for k, d in enumerate(rounds["dropped_after"]) if "diagnostic" in d.split(","))
    assert dropped_at < len(rounds) - 1
    for k in range(len(rounds)):
        running = rounds["strategies"].iloc[k].split(",")
        assert "baseline" in running
        assert ("diagnostic" in running) == (k <= dropped_at)
    results = load(tmp_path / "s.h5")
    counts = results.design[results.design.completed].groupby("strategy").size()
    assert counts["diagnostic"] < counts["action_learning"] == counts["baseline"]


def test_the_rule_against_intervals_worked_out_here():
    rng = np.random.default_rng(5)
    n = 30
    common = rng.normal(0, 1, n)
    table = pd.DataFrame({"a": 0.50 + common + rng.normal(0, 0.05, n),
                          "b": 0.49 + common + rng.normal(0, 0.05, n),
                          "c": 0.40 + common + rng.normal(0, 0.01, n)},
                         index=pd.MultiIndex.from_arrays([np.zeros(n, int), np.arange(n)]))
    d = decide(table, Rule(halfwidth=1.0), ["a", "b", "c"])
    assert d.best == "a" and d.dropped == ["c"] and d.contenders == ["a", "b"]
    # a - b: Holm over the 3 pairs; its p is the largest, so it is tested at the full 95% level.
    diff = table["a"] - table["b"]
    half = stats.t.ppf(0.975, n - 1) * diff.std(ddof=1) / np.sqrt(n)
    assert d.widest == pytest.approx(half, rel=1e-9)
    assert d.status == "precise"
    assert decide(table, Rule(halfwidth=half * 0.99), ["a", "b", "c"]).status == "continue"
    assert decide(table, Rule(halfwidth=1.0), ["a", "c"]).status == "settled"


def test_a_small_half_width_reaches_the_rule_whole(placesim, tmp_path):
    # 1e-7 is below the six decimals std::to_string keeps: it must not arrive as 0.
    (tmp_path / "a.toml").write_text(SCENARIO)
    run([placesim, "run", "a.toml", "-o", "a.h5", "--until", "1e-7", "--max-replicates", "8", "--quiet"], tmp_path,
        check=True)
    rounds, attrs = rounds_table(tmp_path / "a.h5")
    assert attrs["halfwidth"] == 1e-7 and attrs["status"] == "capped" and len(rounds) == 1


def test_next_round_size_closed_form():
    rule = Rule(halfwidth=0.01, round_size=5)
    assert next_round_size(rule, 20, 0.02) == 20     # needs 60 more: capped at doubling
    assert next_round_size(rule, 20, 0.0125) == 12   # 20 x (1.5625 - 1) = 11.25 -> 12
    assert next_round_size(rule, 20, 0.0101) == 5    # needs 1: at least the smallest round


def test_a_killed_run_resumes_to_the_same_rounds(adaptive, placesim, tmp_path):
    folder, _ = adaptive
    rounds, _ = rounds_table(folder / "a.h5")
    shutil.copy(folder / "a.toml", tmp_path / "a.toml")
    command = [placesim, "run", "a.toml", "-o", str(tmp_path / "a.h5"), "--until", str(HALFWIDTH), "--quiet"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (tmp_path / "a.h5.rounds" / "round_02.h5").exists() and process.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    process.kill()  # kill -9 of the command: its analysis and the round's run die with it
    process.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and subprocess.run(["pgrep", "-f", str(tmp_path / "a.h5")],
                                                         capture_output=True).returncode == 0:
        time.sleep(0.05)
    assert subprocess.run(["pgrep", "-f", str(tmp_path / "a.h5")], capture_output=True).returncode != 0, \
        "a process of the killed run is still running"
    assert not (tmp_path / "a.h5").exists()
    refused = run(command, tmp_path)
    assert refused.returncode != 0 and "--resume" in refused.stderr
    run(command + ["--resume"], tmp_path, check=True)
    again, _ = rounds_table(tmp_path / "a.h5")
    pd.testing.assert_frame_equal(again, rounds)
    np.testing.assert_array_equal(load(tmp_path / "a.h5").metric("place_index").values,
                                  load(folder / "a.h5").metric("place_index").values)


def test_every_command_reads_the_rounds_file(adaptive, placesim):
    folder, _ = adaptive
    compared = run([placesim, "compare", "a.h5", "--format", "json"], folder, check=True)
    assert json.loads(compared.stdout)["ranking"]
    exported = run([placesim, "export", "a.h5", "--format", "csv", "--months", "12"], folder, check=True)
    assert len(exported.stdout.splitlines()) > 1
    rounds, _ = rounds_table(folder / "a.h5")
    described = run([placesim, "info", "a.h5"], folder, check=True)
    assert described.stdout.count("format      placesim-results") == len(rounds)


def test_the_report_names_every_round_s_runs_and_the_user_s_command(adaptive, placesim):
    folder, _ = adaptive
    rounds, _ = rounds_table(folder / "a.h5")
    runs = 0
    for name in rounds["file"]:
        with h5py.File(folder / name, "r") as f:
            runs += len(f["design/label"])
    with h5py.File(folder / rounds["file"].iloc[0], "r") as f:
        assert f.attrs["runs"] < runs  # the premise: the first round holds fewer
    run([placesim, "report", "a.h5", "-o", "a-report", "--quiet", "--formats", "png"], folder, check=True)
    page = (folder / "a-report" / "index.html").read_text()
    assert f"{runs} runs of 60 months" in page
    command = page.split("command: <code>")[1].split("</code>")[0]
    assert "a.toml" in command and "--until 0.002" in command, command  # as the test above typed it
    assert "first_replicate" not in command and "round_01" not in command


@pytest.mark.parametrize("args, expected", [
    (["--at", "12"], "--at goes with --until"),
    (["--until", "0"], "above 0"),
    (["--until", "0.01", "--replicates", "2"], "at least 3"),
    (["--until", "0.01"], "common random numbers"),
    (["--until", "0.01", "--set", 'simulation.strategies=["baseline"]'], "the scenario has one"),
    (["--until", "0.01", "--outcome", "place_indx"], "did you mean 'place_index'"),
    (["--until", "0.01", "--outcome", "outcome"], "place-level outcome"),
    (["--until", "0.01", "--at", "61"], "not within the run's 0..60"),
    (["--until", "0.01", "--over", "40-50"], "FIRST:LAST"),
])
def test_until_mistakes_are_named(placesim, tmp_path, args, expected):
    sweep = '[sweep]\ndesign = "grid"\nstreams = "independent"\n[sweep.parameters]\n"trust.decay" = { values = [0.01, 0.02] }\n'
    (tmp_path / "a.toml").write_text(SCENARIO + ("\n" + sweep if expected == "common random numbers" else ""))
    result = run([placesim, "run", "a.toml", "-o", "x.h5", "--quiet"] + args, tmp_path)
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
