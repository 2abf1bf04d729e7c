"""placesim calibrate: targets files checked like scenarios, and history matching that recovers
parameter values it was not told.

The synthetic truths: targets are the expected statistics (64 replicates, computed here with
h5py, not with the calibration's own code) at parameter values drawn from the prior; the
calibration must put every true value inside its 90% posterior interval when the targets are
exact, and cover the truth about 90% of the time when the targets carry the noise their sd
says. A target out of reach must be reported, not fitted."""
import subprocess
import textwrap

import h5py
import numpy as np
import pytest

from conftest import run

SCENARIO = textwrap.dedent("""\
    [simulation]
    name = "small"
    months = 60
    strategies = ["baseline", "peer_review"]
""")

# The parameters and their priors: the two rates of trust learning, each a strong lever on
# cross-sector trust and on strong ties.
PRIORS = {"trust.decay": (0.005, 0.05), "trust.learning_up": (0.05, 0.4)}
# name -> (metric, months, sd)
TARGETS = {"trust": ("trust_cross_sector", [60], 0.01), "strong": ("strong_cross_sector_ties", [48, 60], 0.04)}


def targets_text(values, waves=4, extra=""):
    lines = ['scenario = "small.toml"', "[parameters]"]
    lines += [f'"{key}" = {{ min = {lo}, max = {hi} }}' for key, (lo, hi) in PRIORS.items()]
    for name, (metric, months, sd) in TARGETS.items():
        where = f"month = {months[0]}" if len(months) == 1 else f"months = {months}"
        lines += ["[[targets]]", f'name = "{name}"', f'metric = "{metric}"', where, f"value = {values[name]!r}",
                  f"sd = {sd}"]
    lines += ["[calibration]", f"waves = {waves}", "replicates = 8", "posterior_draws = 2000", "check_points = 0"]
    return "\n".join(lines) + "\n" + extra


def truth_statistics(placesim, folder, theta):
    """The targets' expected values at theta: 64 replicates of the baseline."""
    sets = [arg for key, value in theta.items() for arg in ("--set", f"{key}={value!r}")]
    out = folder / "truth.h5"
    run([placesim, "run", str(folder / "small.toml"), "--replicates", "64", "--set", 'simulation.strategies=["baseline"]',
         "-o", str(out), "--force", "--quiet", *sets], folder, check=True)
    with h5py.File(out, "r") as f:
        return {name: float(np.mean(f["metrics"][metric][:, months].astype(float)))
                for name, (metric, months, _) in TARGETS.items()}


def calibrate(placesim, folder, text, name="c"):
    (folder / f"{name}.toml").write_text(text)
    result = run([placesim, "calibrate", str(folder / f"{name}.toml"), "-o", str(folder / f"{name}.h5"), "--force"], folder)
    return result


def posterior(folder, name="c"):
    with h5py.File(folder / f"{name}.h5", "r") as f:
        keys = [k.decode() if isinstance(k, bytes) else k for k in f["calibration/parameter"][...]]
        return dict(zip(keys, f["calibration/posterior"][...].T))


@pytest.fixture
def place(tmp_path):
    (tmp_path / "small.toml").write_text(SCENARIO)
    return tmp_path


def test_exact_targets_put_every_true_value_in_its_90_percent_interval(placesim, place):
    rng = np.random.default_rng(11)
    for truth in range(3):
        theta = {key: float(rng.uniform(lo, hi)) for key, (lo, hi) in PRIORS.items()}
        values = truth_statistics(placesim, place, theta)
        result = calibrate(placesim, place, targets_text(values))
        assert result.returncode == 0, result.stderr
        draws = posterior(place)
        for key, value in theta.items():
            low, high = np.quantile(draws[key], [0.05, 0.95])
            assert low <= value <= high, f"truth {truth}: {key} = {value:.4g} outside [{low:.4g}, {high:.4g}]"
        # The targets inform the learning rate: its posterior is narrower than its prior.
        lo, hi = PRIORS["trust.learning_up"]
        assert np.std(draws["trust.learning_up"]) < 0.6 * (hi - lo) / np.sqrt(12)


def test_noisy_targets_cover_the_truth_near_the_nominal_rate(placesim, place):
    rng = np.random.default_rng(23)
    covered, intervals = 0, 0
    for truth in range(6):
        theta = {key: float(rng.uniform(lo, hi)) for key, (lo, hi) in PRIORS.items()}
        expected = truth_statistics(placesim, place, theta)
        observed = {name: expected[name] + rng.normal(0, TARGETS[name][2]) for name in TARGETS}
        result = calibrate(placesim, place, targets_text(observed))
        assert result.returncode == 0, result.stderr
        draws = posterior(place)
        for key, value in theta.items():
            low, high = np.quantile(draws[key], [0.05, 0.95])
            covered += low <= value <= high
            intervals += 1
    # Binomial(12, 0.9): P(at most 7 covered) = 0.004.
    assert covered >= 8, f"{covered} of {intervals} 90% intervals covered the truth"


def test_a_target_out_of_reach_is_reported_not_fitted(placesim, place):
    result = calibrate(placesim, place, targets_text({"trust": 0.97, "strong": 0.5}, waves=2))
    assert result.returncode == 2
    assert "every point of the prior is implausible" in result.stderr
    assert "trust" in result.stderr.split("out of reach on their own:")[1]
    with h5py.File(place / "c.h5", "r") as f:
        assert f.attrs["status"] == "all_implausible"
        assert "posterior" not in f["calibration"]
        assert f["calibration/min_implausibility"][0] > 3


def test_a_killed_calibration_resumes_to_the_same_posterior(placesim, place):
    values = {"trust": 0.3, "strong": 0.3}
    assert calibrate(placesim, place, targets_text(values), name="whole").returncode == 0
    (place / "part.toml").write_text(targets_text(values))
    command = [placesim, "calibrate", str(place / "part.toml"), "-o", str(place / "part.h5")]
    process = subprocess.Popen(command, cwd=place, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waves = place / "part.h5.waves"
    import time
    deadline = time.monotonic() + 60
    while not (waves / "wave-2.h5").exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.kill()
    process.wait()
    # kill -9 reaches only the command; its analysis and the wave's run die with it (they ask
    # the kernel for it), and the operating system releases the run's lock as it goes.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and subprocess.run(["pgrep", "-f", str(place / "part.h5")],
                                                         capture_output=True).returncode == 0:
        time.sleep(0.05)
    assert subprocess.run(["pgrep", "-f", str(place / "part.h5")], capture_output=True).returncode != 0, \
        "a process of the killed calibration is still running"
    refused = run(command, place)
    assert refused.returncode == 2 and "--resume" in refused.stderr
    resumed = run(command + ["--resume"], place)
    assert resumed.returncode == 0, resumed.stderr
    whole, part = posterior(place, "whole"), posterior(place, "part")
    for key in PRIORS:
        np.testing.assert_array_equal(whole[key], part[key])
    # And the waves' screens, which read-back designs must not shift.
    with h5py.File(place / "whole.h5", "r") as w, h5py.File(place / "part.h5", "r") as p:
        for name in ("waves/nonimplausible_fraction", "min_implausibility"):
            np.testing.assert_array_equal(w[f"calibration/{name}"][...], p[f"calibration/{name}"][...])


def test_training_runs_are_the_newest_waves_eligible_runs_up_to_the_bound():
    from types import SimpleNamespace
    from placesim_analysis.calibration.history_matching import training_runs
    waves = [SimpleNamespace(unit=np.zeros((n, 2))) for n in (5, 4, 6)]  # runs 0-4, 5-8, 9-14
    eligible = np.ones(15, dtype=bool)
    eligible[[9, 10, 6]] = False
    rng = np.random.default_rng(0)
    chosen = training_runs(waves, eligible, 6, rng)
    # The last wave's four eligible runs, then two of the second wave's three, none of the first.
    assert set(chosen) >= {11, 12, 13, 14} and len(chosen) == 6
    assert set(chosen) - {11, 12, 13, 14} <= {5, 7, 8}
    assert list(chosen) == sorted(chosen)
    assert sorted(training_runs(waves, eligible, 100, rng)) == [i for i in range(15) if eligible[i]]
    # The second wave's part is drawn at random: over seeds, every eligible run of it is taken.
    seen = set()
    for seed in range(20):
        seen |= set(training_runs(waves, eligible, 6, np.random.default_rng(seed))) - {11, 12, 13, 14}
    assert seen == {5, 7, 8}


def test_emulators_are_fitted_to_at_most_emulator_points_runs(placesim, place):
    text = targets_text({"trust": 0.3, "strong": 0.3}, waves=3).replace("[calibration]", "[calibration]\nemulator_points = 25")
    result = calibrate(placesim, place, text)
    assert result.returncode == 0, result.stderr
    with h5py.File(place / "c.h5", "r") as f:
        points = f["calibration/waves/points"][...]
        train = f["calibration/waves/train_points"][...]
    assert len(train) >= 2 and points[0] == 20  # 10 per parameter, at least 20
    assert train[0] == 20 and max(train) == 25, train  # a wave and more were there to take


@pytest.mark.parametrize("edit, where, message", [
    (lambda t: t.replace('metric = "trust_cross_sector"', 'metric = "trust_cross_sectr"'), ":7:",
     "targets[0].metric: \"trust_cross_sectr\" is not a metric (did you mean 'trust_cross_sector'?)"),
    (lambda t: t.replace("month = 60", "month = 61"), ":8:", "targets[0].month: value 61 is out of range: expected from 0 to 60"),
    (lambda t: t.replace("sd = 0.01", "sd = 0"), ":10:", "targets[0].sd: expected a positive standard deviation"),
    (lambda t: t.replace('"trust.decay" = { min = 0.005, max = 0.05 }', '"trust.decya" = { min = 0.005, max = 0.05 }'),
     ":3:", "parameters.trust.decya: unknown parameter (did you mean 'trust.decay'?)"),
    (lambda t: t.replace('"trust.decay" = { min = 0.005, max = 0.05 }', '"trust.decay" = { min = 0.005, max = 2.5 }'),
     ":3:", "parameters.trust.decay.max: value 2.5 is out of range"),
    (lambda t: t.replace('name = "trust"\n', 'name = "trust"\nstrategy = "co_design"\n'), ":7:",
     "targets[0].strategy: \"co_design\" is not one of the scenario's strategies"),
    (lambda t: t.replace('"trust.decay" = { min = 0.005, max = 0.05 }', '"place.issues.community_safety.level" = { values = ["place"] }'),
     ":3:", "calibration needs a number"),
    (lambda t: t.replace('small.toml', 'missing.toml'), ":1:", "scenario: no such file"),
    (lambda t: t.replace("waves = 4", "wavs = 4"), ":", "calibration.wavs: unknown key (did you mean 'waves'?)"),
    (lambda t: t.replace("waves = 4", "waves = 4\nemulator_points = 3"), ":", "calibration.emulator_points: value 3 is out "
     "of range: expected from 10 to 100000"),
])
def test_mistakes_in_a_targets_file_name_file_line_and_key(placesim, place, edit, where, message):
    text = edit(targets_text({"trust": 0.3, "strong": 0.3}))
    result = calibrate(placesim, place, text, name="bad")
    assert result.returncode == 2
    assert f"bad.toml{where}" in result.stderr and message in result.stderr, result.stderr
    assert not (place / "bad.h5.waves").exists()


def test_a_scenario_with_its_own_sweep_is_refused_not_silently_dropped(placesim, place):
    swept = SCENARIO + '\n[sweep]\ndesign = "grid"\n[sweep.parameters]\n"trust.max_ties_cross" = { values = [8, 24] }\n'
    (place / "swept.toml").write_text(swept)
    line = swept.splitlines().index("[sweep]") + 1
    text = targets_text({"trust": 0.3, "strong": 0.3}).replace('"small.toml"', '"swept.toml"')
    for command in ("calibrate", "plan"):
        result = calibrate(placesim, place, text, name="bad") if command == "calibrate" else \
            run([placesim, "plan", str(place / "bad.toml")], place)
        assert result.returncode == 2, result.stderr
        assert f"bad.toml:1:12: scenario: {place / 'swept.toml'}:{line} holds a [sweep] (design \"grid\")" in result.stderr
        assert "which a calibration would ignore" in result.stderr
    assert not (place / "bad.h5.waves").exists() and not (place / "bad.h5").exists()


def test_calibrate_says_what_it_will_cost_and_refuses_days_of_work_unless_asked(placesim, place):
    # 4 waves of 100,000 points x 1 strategy x 10,000 replicates: 4e9 runs, years of work.
    text = targets_text({"trust": 0.3, "strong": 0.3}).replace("replicates = 8", "replicates = 10000\npoints = 100000")
    result = calibrate(placesim, place, text, name="huge")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"at most {4 * 100000 * 10000} runs (4 waves of 100000 points x 1 strategies x 10000 replicates" \
        in result.stderr
    assert "Lower [calibration] points, replicates or waves" in result.stderr and "--allow-long-runs" in result.stderr
    assert not (place / "huge.h5.waves").exists() and not (place / "huge.h5").exists()
    # A calibration of seconds starts, and says first what it will take.
    quick = calibrate(placesim, place, targets_text({"trust": 0.3, "strong": 0.3}, waves=1), name="quick")
    assert quick.returncode == 0, quick.stderr
    assert quick.stderr.startswith(f"placesim: calibration of 2 parameters to 2 targets, at most {1 * 20 * 1 * 8} runs "
                                   "(1 waves of 20 points x 1 strategies x 8 replicates")


def test_runs_under_the_posterior_take_draw_r_for_replicate_r_in_every_strategy(placesim, place):
    assert calibrate(placesim, place, targets_text({"trust": 0.3, "strong": 0.3}, waves=2)).returncode == 0
    out = place / "post.h5"
    run([placesim, "run", str(place / "small.toml"), "--posterior", str(place / "c.h5"), "--replicates", "3", "-o", str(out),
         "--quiet"], place, check=True)
    draws = posterior(place)
    with h5py.File(out, "r") as f:
        design = f["design"]
        assert design.attrs["posterior_draws"] == 2000
        labels = [v.decode() for v in design["label"][...]]
        assert labels == ["baseline"] * 3 + ["peer_review"] * 3
        np.testing.assert_array_equal(design["posterior_draw"][...], [0, 1, 2, 0, 1, 2])
        for key in PRIORS:
            np.testing.assert_array_equal(design[f"posterior:{key}"][...], np.tile(draws[key][:3], 2))
        trust = f["metrics/trust_cross_sector"][...]
    # Replicate r is the run a scenario with draw r's values set by hand makes as its replicate r.
    for r in range(3):
        sets = [arg for key in PRIORS for arg in ("--set", f"{key}={float(draws[key][r])!r}")]
        plain = place / "plain.h5"
        run([placesim, "run", str(place / "small.toml"), "--replicates", "3", "-o", str(plain), "--force", "--quiet", *sets],
            place, check=True)
        with h5py.File(plain, "r") as f:
            expected = f["metrics/trust_cross_sector"][...]
        np.testing.assert_array_equal(trust[r], expected[r])
        np.testing.assert_array_equal(trust[3 + r], expected[3 + r])


def test_a_results_file_is_not_a_posterior(placesim, place):
    run([placesim, "run", str(place / "small.toml"), "--replicates", "1", "-o", str(place / "r.h5"), "--quiet"], place, check=True)
    result = run([placesim, "run", str(place / "small.toml"), "--posterior", str(place / "r.h5"), "-o", str(place / "x.h5")], place)
    assert result.returncode == 2
    assert "--posterior: " in result.stderr and "is not a calibration file" in result.stderr


def test_the_documented_targets_file_is_valid(placesim, place):
    import re
    from conftest import REPO
    block = re.findall(r"```toml\n(.*?)```", (REPO / "docs" / "calibration.md").read_text(), flags=re.S)[0]
    (place / "my_place.toml").write_text('[simulation]\nstrategies = ["baseline", "co_design"]\n')
    (place / "doc.toml").write_text(block)
    result = run([placesim, "plan", str(place / "doc.toml"), "--pilot", "0"], place)
    assert result.returncode == 0, result.stderr
    assert "parameters  2: trust.decay interventions.co_design.effects.capacity" in result.stdout
    assert "targets     4" in result.stdout


def test_the_shipped_evidence_targets_are_valid(placesim, place):
    from conftest import REPO
    result = run([placesim, "plan", str(REPO / "scenarios" / "targets" / "evidence.toml"), "--pilot", "0"], place)
    assert result.returncode == 0, result.stderr
    assert "parameters  8" in result.stdout
    # The emulation's cost, even without a pilot: 8 parameters give 80 points a wave, and
    # emulators fitted to at most twice that.
    assert "emulation   at most about" in result.stdout and "fitted to at most 160 runs each" in result.stdout


def test_the_report_of_a_calibration_shows_posterior_targets_and_waves(placesim, place):
    text = targets_text({"trust": 0.3, "strong": 0.3}, waves=2).replace("check_points = 0", "check_points = 10")
    assert calibrate(placesim, place, text).returncode == 0
    result = run([placesim, "report", str(place / "c.h5"), "-o", str(place / "report")], place)
    assert result.returncode == 0, result.stderr
    page = (place / "report" / "index.html").read_text()
    for chart in ("prior_posterior", "posterior_pairs", "targets_check", "implausibility_by_wave"):
        for suffix in ("png", "svg", "pdf", "csv"):
            assert (place / "report" / f"{chart}.{suffix}").stat().st_size > 0
        assert f'src="{chart}.png"' in page
    check = (place / "report" / "targets_check.csv").read_text().splitlines()
    assert check[0].startswith("target,observed,sd,predicted_median") and len(check) == 3
    # A calibration that found every point implausible still reports its waves.
    assert calibrate(placesim, place, targets_text({"trust": 0.97, "strong": 0.5}, waves=1), name="none").returncode == 2
    result = run([placesim, "report", str(place / "none.h5"), "-o", str(place / "none-report")], place)
    assert result.returncode == 0, result.stderr
    assert (place / "none-report" / "implausibility_by_wave.png").exists()
    assert not (place / "none-report" / "prior_posterior.png").exists()


def test_the_report_of_the_shipped_evidence_calibration(placesim, tmp_path):
    """The calibration README and docs/calibration.md walk users through, with its eight
    parameters and five targets as shipped, made smaller: one wave of 16 points and 2
    replicates (its [calibration] settings), so the test takes seconds."""
    import tomllib
    from conftest import REPO
    shipped = (REPO / "scenarios" / "targets" / "evidence.toml").read_text()
    parameters = list(tomllib.loads(shipped)["parameters"])
    assert len(parameters) > 6  # more than the pairs chart shows
    reduced = shipped.replace('scenario = "../default.toml"', f'scenario = "{REPO / "scenarios" / "default.toml"}"')
    reduced = reduced.split("[calibration]")[0] + ("[calibration]\nwaves = 1\npoints = 16\nreplicates = 2\n"
                                                   "candidates = 1000\nposterior_draws = 100\ncheck_points = 4\n")
    assert tomllib.loads(reduced)["targets"] == tomllib.loads(shipped)["targets"]
    (tmp_path / "evidence.toml").write_text(reduced)
    made = run([placesim, "calibrate", "evidence.toml", "-o", "evidence.h5", "--quiet"], tmp_path)
    assert made.returncode == 0, made.stderr
    result = run([placesim, "report", "evidence.h5", "-o", "report", "--formats", "png", "--quiet"], tmp_path)
    assert result.returncode == 0, result.stderr
    report = tmp_path / "report"
    with open(report / "posterior_pairs.csv") as f:
        assert f.readline().strip().split(",") == parameters[:6]
    with open(report / "prior_posterior.csv") as f:
        shown = {line.split(",")[0] for line in f.readlines()[1:]}
    assert shown == set(parameters)
    page = (report / "index.html").read_text()
    assert "the other 2 are in the prior and posterior chart" in page
    for chart in ("prior_posterior", "posterior_pairs", "targets_check", "implausibility_by_wave"):
        assert f'src="{chart}.png"' in page
