"""placesim compare: the decision layer, checked against numbers worked out here."""
import io
import json
import re

import h5py
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from conftest import run
from placesim_analysis.decision import frontier, holm

SCENARIO = """\
[simulation]
name = "compare"
months = 30
replicates = 12
strategies = ["baseline", "peer_review", "co_design"]

[events.elections]
first_month = 30   # an election in the last month: compare must not read it
"""


def test_holm_adjusts_as_the_textbook_does():
    # Holm (1979): sorted p 0.01, 0.03, 0.04 of m = 3 -> 3 x 0.01, max(0.03, 2 x 0.03), max(0.06, 1 x 0.04).
    adjusted, step = holm([0.01, 0.04, 0.03])
    np.testing.assert_allclose(adjusted, [0.03, 0.06, 0.06])
    assert step.tolist() == [0, 2, 1]


def test_the_frontier_keeps_one_of_strategies_equal_in_cost_and_gain():
    # Six months in, nothing has cost or gained anything yet: no division by a zero gain.
    status = frontier({"none": 0, "a": 0, "b": 0}, {"none": 0.0, "a": 0.0, "b": 0.0})
    assert [s for s in status if status[s][0] == "on the frontier"] == ["none"]
    assert status["a"] == ("dominated", status["a"][1], "none") and status["b"][0] == "dominated"


def test_the_frontier_drops_dominated_and_extendedly_dominated_strategies():
    costs = {"none": 0, "b": 10, "c": 30, "d": 25, "e": 40}
    gains = {"none": 0, "b": 1.0, "c": 2.0, "d": 1.5, "e": 1.8}
    status = frontier(costs, gains)
    assert status["e"][0] == "dominated"               # c costs less and gains more
    assert status["d"][0] == "extendedly dominated"    # ICER b->d 30 > d->c 10: a mix of b and c beats it
    assert [s for s in costs if status[s][0] == "on the frontier"] == ["none", "b", "c"]
    assert status["b"][1] == pytest.approx(10.0) and status["b"][2] == "none"
    assert status["c"][1] == pytest.approx(20.0) and status["c"][2] == "b"


@pytest.fixture(scope="module")
def results(placesim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    (folder / "c.toml").write_text(SCENARIO)
    run([placesim, "run", str(folder / "c.toml"), "-o", str(folder / "c.h5"), "--quiet"], folder, check=True)
    return folder / "c.h5"


def by_strategy(path, metric, month):
    with h5py.File(path, "r") as f:
        labels = np.array([v.decode() for v in f["design/label"][...]])
        values = f["metrics"][metric][:, month].astype(float)
    return {s: values[labels == s] for s in dict.fromkeys(labels)}


def compare_csv(placesim, results, *options):
    out = run([placesim, "compare", str(results), "--format", "csv", *options], results.parent, check=True).stdout
    return pd.read_csv(io.StringIO(out))


def test_the_default_month_is_not_an_election_month(placesim, results):
    with h5py.File(results, "r") as f:
        elections = np.nansum(f["metrics/elections"][...], axis=0)
    frame = compare_csv(placesim, results)
    month = int(frame["months"].iloc[0].split()[-1])
    assert elections[30] > 0
    assert month == 29 and elections[29] == 0


def test_paired_differences_and_their_holm_intervals(placesim, results):
    frame = compare_csv(placesim, results, "--at", "24")
    y = by_strategy(results, "place_index", 24)
    diffs = frame[(frame.quantity == "difference") & (frame.outcome == "place_index")]
    assert len(diffs) == 3
    p_values = []
    for _, row in diffs.iterrows():
        d = y[row["strategy"]] - y[row["versus"]]
        assert row["estimate"] == pytest.approx(d.mean(), rel=1e-5, abs=1e-9)
        p_values.append(stats.ttest_rel(y[row["strategy"]], y[row["versus"]]).pvalue)
    order = np.argsort(p_values)
    for k, i in enumerate(order):
        row = diffs.iloc[i]
        d = y[row["strategy"]] - y[row["versus"]]
        level = 1 - 0.05 / (3 - k)
        half = stats.t.ppf(0.5 + level / 2, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d))
        assert row["low"] == pytest.approx(d.mean() - half, rel=1e-4, abs=1e-8)
        assert row["high"] == pytest.approx(d.mean() + half, rel=1e-4, abs=1e-8)
    adjusted, _ = holm(p_values)
    np.testing.assert_allclose(diffs["p_holm"].to_numpy(), adjusted, rtol=1e-4, atol=1e-12)


def test_probability_of_being_best_and_cost_per_gain(placesim, results):
    frame = compare_csv(placesim, results, "--over", "20:26")
    best = frame[frame.quantity == "probability_best"].set_index("strategy")["estimate"]
    assert best.sum() == pytest.approx(1.0)
    assert set(best.index) == {"baseline", "peer_review", "co_design"}
    # The strategy with the highest mean in every bootstrap resample of clearly separated
    # strategies is the one with the highest mean.
    means = frame[(frame.quantity == "mean") & (frame.outcome == "place_index")].set_index("strategy")["estimate"]
    assert best.idxmax() == means.idxmax()
    with h5py.File(results, "r") as f:
        labels = np.array([v.decode() for v in f["design/label"][...]])
        cost = f["metrics/cost_cumulative"][:, 26].astype(float)
        index = f["metrics/place_index"][:, 20:27].astype(float).mean(axis=1)
    for s in ("peer_review", "co_design"):
        row = frame[(frame.quantity == "cost") & (frame.strategy == s)].iloc[0]
        assert row["estimate"] == pytest.approx(cost[labels == s].mean(), rel=1e-5)
        gain = index[labels == s] - index[labels == "baseline"]
        g = frame[(frame.quantity == "gain") & (frame.strategy == s)].iloc[0]
        assert g["estimate"] == pytest.approx(gain.mean(), rel=1e-4, abs=1e-9)
        per = frame[(frame.quantity == "cost_per_0.01") & (frame.strategy == s)]
        if g["low"] > 0:
            assert per["estimate"].iloc[0] == pytest.approx(cost[labels == s].mean() / (gain.mean() / 0.01), rel=1e-4)
            assert per["low"].iloc[0] <= per["estimate"].iloc[0] <= per["high"].iloc[0]
        else:
            assert per.empty


def test_text_and_json_say_it_in_words(placesim, results):
    text = run([placesim, "compare", str(results)], results.parent, check=True).stdout
    assert "Ranking by place outcome index" in text and "Holm" in text
    assert "the probability that it is the best of the 3 is" in text
    data = json.loads(run([placesim, "compare", str(results), "--format", "json"], results.parent, check=True).stdout)
    assert data["ranked_by"] == "place_index" and len(data["sentences"]) == 3
    assert set(data["ranking"]) == {"baseline", "peer_review", "co_design"}


@pytest.mark.parametrize("options, message", [
    (["--at", "99"], "month 99 is outside 0..30"),
    (["--outcomes", "place_indx"], "place_indx is not a metric"),
    (["--outcomes", "outcome"], "outcome is not a [run, month] metric"),
    (["--over", "9-12"], "expected FIRST:LAST months"),
])
def test_bad_options_are_named(placesim, results, options, message):
    result = run([placesim, "compare", str(results), *options], results.parent)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_file_that_is_not_results_is_refused(placesim, tmp_path):
    (tmp_path / "x.h5").write_text("not hdf5")
    result = run([placesim, "compare", str(tmp_path / "x.h5")], tmp_path)
    assert result.returncode == 2 and "compare: " in result.stderr


def test_one_replicate_gives_no_interval_no_probability_and_no_declared_difference(placesim, tmp_path):
    (tmp_path / "one.toml").write_text(SCENARIO.replace("replicates = 12", "replicates = 1"))
    run([placesim, "run", "one.toml", "-o", "one.h5", "--quiet"], tmp_path, check=True)
    text = run([placesim, "compare", "one.h5"], tmp_path, check=True).stdout
    assert "95% CI  to" not in text and "P(best)" not in text.split("Ranking by")[1].split("Pairwise")[0]
    assert "the probability that it is the best" not in text and "one replicate: no interval" in text
    differences = text.split("Pairwise")[1].split("* the interval")[0]
    assert "*" not in differences and differences.count("no test (one pair)") == 3
    frame = compare_csv(placesim, tmp_path / "one.h5")
    assert frame[frame.quantity == "probability_best"]["estimate"].isna().all()
    diffs = frame[(frame.quantity == "difference") & (frame.outcome == "place_index")]
    assert diffs[["low", "high", "p_holm"]].isna().all().all()
    y = by_strategy(tmp_path / "one.h5", "place_index", 29)
    for _, row in diffs.iterrows():  # the one difference there is, from the file
        assert row["estimate"] == pytest.approx(float(y[row["strategy"]][0] - y[row["versus"]][0]), abs=1e-7)


def plant(path, values):
    """Sets place_index of every run of a results file to values(strategy, replicate) at every month."""
    with h5py.File(path, "r+") as f:
        labels = [v.decode() for v in f["design/label"][...]]
        replicates = f["design/replicate"][...]
        data = f["metrics/place_index"]
        planted = np.array([[values(s, int(r))] * data.shape[1] for s, r in zip(labels, replicates)], dtype=np.float32)
        data[...] = planted


def test_after_until_the_ranking_is_paired_not_a_mean_over_other_replicates(placesim, tmp_path):
    """As placesim run --until leaves it: mentoring dropped after a first round of replicates that
    were poor for every strategy, baseline and peer_review run on. Mentoring's paired gain over
    baseline is wholly above zero; its mean over its 4 replicates is below baseline's over 24."""
    from placesim_analysis.adaptive import Round, Rule, write_rounds_file
    from placesim_analysis.decision import Window as W
    (tmp_path / "r.toml").write_text('[simulation]\nmonths = 12\nreplicates = 4\n'
                                     'strategies = ["baseline", "peer_review", "mentoring"]\n')
    folder = tmp_path / "u.h5.rounds"
    folder.mkdir()
    run([placesim, "run", "r.toml", "-o", str(folder / "round_01.h5"), "--quiet"], tmp_path, check=True)
    run([placesim, "run", "r.toml", "-o", str(folder / "round_02.h5"), "--quiet", "--replicates", "20", "--set",
         "simulation.first_replicate=4", "--set", 'simulation.strategies=["baseline", "peer_review"]'], tmp_path,
        check=True)
    base = lambda r: 0.40 + 0.001 * r if r < 4 else 0.60 + 0.001 * (r % 5)
    gain = {"baseline": lambda r: 0.0, "peer_review": lambda r: 0.001 + 0.0005 * (r % 3),
            "mentoring": lambda r: 0.05 + 0.001 * (r % 2)}
    for name in ("round_01.h5", "round_02.h5"):
        plant(folder / name, lambda s, r: base(r) + gain[s](r))
    with h5py.File(folder / "round_01.h5", "r") as f:
        scenario = f.attrs["scenario"]
    rounds = [Round(1, 0, 4, ["baseline", "peer_review", "mentoring"], ["baseline", "peer_review"], ["mentoring"]),
              Round(2, 4, 20, ["baseline", "peer_review"], ["baseline", "peer_review"], [])]
    write_rounds_file(tmp_path / "u.h5", ["u.h5.rounds/round_01.h5", "u.h5.rounds/round_02.h5"], rounds,
                      Rule(0.001), W(12, 12), "precise", "placesim run r.toml -o u.h5 --until 0.001", scenario)

    # Expected, from the round files: every run's value by (strategy, replicate).
    value = {}
    for name in ("round_01.h5", "round_02.h5"):
        with h5py.File(folder / name, "r") as f:
            for s, r, y in zip(f["design/label"][...], f["design/replicate"][...], f["metrics/place_index"][:, 12]):
                value[(s.decode(), int(r))] = float(y)
    paired_gain = {s: np.mean([value[(s, r)] - value[("baseline", r)] for (t, r) in value if t == s])
                   for s in ("baseline", "peer_review", "mentoring")}
    mean = {s: np.mean([v for (t, _), v in value.items() if t == s]) for s in paired_gain}
    assert mean["mentoring"] < mean["baseline"] < mean["peer_review"]  # the premise: unpaired means mislead
    mentoring = [value[("mentoring", r)] - value[("baseline", r)] for r in range(4)]
    assert stats.ttest_1samp(mentoring, 0).confidence_interval().low > 0  # and the paired gain is clear

    data = json.loads(run([placesim, "compare", "u.h5", "--at", "12", "--format", "json"], tmp_path,
                          check=True).stdout)
    assert data["ranking"] == sorted(paired_gain, key=paired_gain.get, reverse=True) == \
        ["mentoring", "peer_review", "baseline"]
    best = {e["strategy"]: e["estimate"] for e in data["estimates"] if e["quantity"] == "probability_best"}
    assert best["mentoring"] == 1.0  # its paired gain beats peer_review's in every resample


def test_exactly_tied_strategies_share_the_probability_of_being_best(placesim, tmp_path):
    # Two strategies of the same intervention: with common random numbers their runs are equal.
    (tmp_path / "t.toml").write_text('[simulation]\nmonths = 30\nreplicates = 10\n'
                                     'strategies = ["baseline", "twin_a", "twin_b", "mentoring"]\n'
                                     '[strategies.twin_a]\ninterventions = ["co_design"]\n'
                                     '[strategies.twin_b]\ninterventions = ["co_design"]\n')
    run([placesim, "run", "t.toml", "-o", "t.h5", "--quiet"], tmp_path, check=True)
    y = by_strategy(tmp_path / "t.h5", "place_index", 30)
    np.testing.assert_array_equal(y["twin_a"], y["twin_b"])  # the premise, from the file
    assert (y["twin_a"] - y["baseline"]).mean() > (y["mentoring"] - y["baseline"]).mean()
    frame = compare_csv(placesim, tmp_path / "t.h5", "--at", "30")
    best = frame[frame.quantity == "probability_best"].set_index("strategy")["estimate"]
    assert best["twin_a"] == best["twin_b"] > 0.25
    assert best.sum() == pytest.approx(1.0)


def test_a_strategy_that_lowers_the_outcome_is_said_to(placesim, results):
    # Peer review's sessions take leaders' time: it lowers the attention they have for partnership.
    data = json.loads(run([placesim, "compare", str(results), "--outcomes", "attention", "--at", "24", "--format",
                           "json"], results.parent, check=True).stdout)
    y = by_strategy(results, "attention", 24)
    d = y["peer_review"] - y["baseline"]
    low, high = stats.ttest_1samp(d, 0).confidence_interval()
    assert high < 0  # the premise: it clearly lowers attention
    [sentence] = [s for s in data["sentences"] if s.startswith("peer_review")]
    found = re.match(r"peer_review lowers the attention by ([\d.]+) \(95% CI ([\d.]+) to ([\d.]+)\) compared with "
                     r"baseline at month 24, at a cost of GBP [\d,]+k, for no gain: it does worse than baseline", sentence)
    assert found, sentence
    by, reduction_low, reduction_high = (float(x) for x in found.groups())
    step = 10.0 ** -len(found.group(1).split(".")[1])  # the sentence's rounding
    assert by == pytest.approx(-d.mean(), abs=step)
    assert reduction_low == pytest.approx(-high, abs=step) and reduction_high == pytest.approx(-low, abs=step)
    assert "gain not clearly above zero" not in sentence and "-" not in sentence.split("95% CI")[1].split(")")[0]
