"""placesim report on small results files made here: every chart and CSV is written, the CSV
numbers equal numbers computed directly from the HDF5 data with h5py and numpy, and the page
opens in headless Chromium with every image loaded and no console errors."""
import csv

import h5py
import numpy as np
import pytest
from scipy import stats

from conftest import run
import chromium_page

FORMATS = ("png", "svg", "pdf", "csv")
KEY = ["place_index", "trust_cross_sector", "trust_member_officer", "strong_cross_sector_ties",
       "shared_ambition", "alignment_with_residents"]

COMPARISON = """
# Three strategies over four years, for the report tests.
[simulation]
name = "comparison"
months = 48
replicates = 6
strategies = ["baseline", "peer_review", "action_learning"]
"""

GRID = """
[simulation]
name = "grid"
months = 12
replicates = 2
strategies = ["baseline"]
[sweep]
design = "grid"
[sweep.parameters]
trust.decay = { values = [0.01, 0.04] }
trust.strong_tie = { min = 0.5, max = 0.7, levels = 3 }
"""

SOBOL = """
[simulation]
name = "sobol"
months = 12
replicates = 1
strategies = ["baseline"]
[sweep]
design = "sobol"
samples = 16
[sweep.parameters]
trust.decay = { min = 0.005, max = 0.05 }
meetings.informal_contact_rate = { min = 0.25, max = 1.0 }
"""

MORRIS = SOBOL.replace('"sobol"', '"morris"').replace("samples = 16", "samples = 6")


def make(placesim, tmp, name, text):
    scenario = tmp / f"{name}.toml"
    scenario.write_text(text)
    results = tmp / f"{name}.h5"
    run([placesim, "run", str(scenario), "-o", str(results), "--quiet"], tmp, check=True)
    report = tmp / f"{name}-report"
    run([placesim, "report", str(results), "-o", str(report), "--quiet"], tmp, check=True)
    return results, report


@pytest.fixture(scope="module")
def comparison(placesim, tmp_path_factory):
    return make(placesim, tmp_path_factory.mktemp("comparison"), "comparison", COMPARISON)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def strings(dataset):
    return np.array([v.decode() if isinstance(v, bytes) else v for v in dataset[...]])


def t_interval(values):
    values = np.asarray(values, dtype=float)
    n = len(values)
    half = stats.t.ppf(0.975, n - 1) * values.std(ddof=1) / np.sqrt(n)
    return values.mean(), values.mean() - half, values.mean() + half


def assert_charts(report, stems):
    for stem in stems:
        for fmt in FORMATS:
            path = report / f"{stem}.{fmt}"
            assert path.exists() and path.stat().st_size > 0, path
    page = (report / "index.html").read_text()
    for stem in stems:
        assert f'src="{stem}.png"' in page, stem


def test_every_chart_and_csv_is_written(comparison):
    _, report = comparison
    stems = ([f"trajectory_{m}" for m in KEY] + [f"difference_{m}" for m in KEY]
             + ["effects_end_and_legacy", "cost_effectiveness", "election_resilience",
                "trust_by_sector_month_0", "trust_by_sector_month_24", "trust_by_sector_month_48"])
    assert_charts(report, stems)
    assert (report / "election_dips.csv").exists()


def test_trajectory_csv_equals_the_data(comparison):
    results, report = comparison
    rows = read_csv(report / "trajectory_trust_cross_sector.csv")
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        data = f["metrics/trust_cross_sector"][...]
    for row in rows[::7]:
        values = data[label == row["strategy"], int(row["month"])]
        mean, low, high = t_interval(values)
        assert float(row["mean"]) == pytest.approx(mean, rel=1e-6)
        assert float(row["ci_low"]) == pytest.approx(low, rel=1e-6, abs=1e-9)
        assert float(row["ci_high"]) == pytest.approx(high, rel=1e-6, abs=1e-9)
        assert int(row["runs"]) == 6


def paired(f, metric, strategy, month):
    label = strings(f["design/label"])
    replicate = f["design/replicate"][...]
    data = f[f"metrics/{metric}"][:, month]
    mine = {r: v for r, v, l in zip(replicate, data, label) if l == strategy}
    base = {r: v for r, v, l in zip(replicate, data, label) if l == "baseline"}
    return np.array([mine[r] - base[r] for r in sorted(mine)], dtype=float)


def test_difference_and_effect_csvs_equal_paired_differences(comparison):
    results, report = comparison
    rows = read_csv(report / "difference_place_index.csv")
    effects = read_csv(report / "effects_end_and_legacy.csv")
    with h5py.File(results) as f:
        for row in rows[::11]:
            mean, low, high = t_interval(paired(f, "place_index", row["strategy"], int(row["month"])))
            assert float(row["mean_difference"]) == pytest.approx(mean, rel=1e-6, abs=1e-9)
            assert float(row["ci_high"]) == pytest.approx(high, rel=1e-6, abs=1e-9)
        sessions = f["metrics/intervention_sessions"][...]
        label = strings(f["design/label"])
        for row in effects:
            mean, low, high = t_interval(paired(f, row["outcome"], row["strategy"], int(row["month"])))
            assert float(row["mean_difference"]) == pytest.approx(mean, rel=1e-6, abs=1e-9)
            assert float(row["ci_low"]) == pytest.approx(low, rel=1e-6, abs=1e-9)
            held = np.flatnonzero(sessions[label == row["strategy"]].sum(axis=0) > 0)
            expected_month = 48 if row["when"] == "end" else held[-1] + 24
            assert int(row["month"]) == expected_month
    whens = {(r["strategy"], r["when"]) for r in effects}
    # Action learning's sessions end within the first year, so its legacy month (+24) is inside
    # the 48 months; peer review's sessions run past month 24, so it has an end effect only.
    assert ("action_learning", "legacy") in whens and ("peer_review", "end") in whens
    assert ("peer_review", "legacy") not in whens


def test_cost_csv_equals_the_data(comparison):
    results, report = comparison
    rows = {r["strategy"]: r for r in read_csv(report / "cost_effectiveness.csv")}
    assert set(rows) == {"peer_review", "action_learning"}
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        cost = f["metrics/cost_cumulative"][:, -1]
        for strategy, row in rows.items():
            assert float(row["cost_gbp_thousand"]) == pytest.approx(cost[label == strategy].mean(), rel=1e-6)
            gain = paired(f, "place_index", strategy, 48).mean()
            assert float(row["place_index_gain"]) == pytest.approx(gain, rel=1e-6, abs=1e-9)


def test_heatmap_csv_equals_the_data(comparison):
    results, report = comparison
    rows = read_csv(report / "trust_by_sector_month_24.csv")
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        senders = list(strings(f["metrics/sector_from"]))
        receivers = list(strings(f["metrics/sector_to"]))
        data = f["metrics/trust_by_sector"][:, 24]
    assert rows
    for row in rows:
        values = data[label == row["strategy"], senders.index(row["sector_from"]),
                      receivers.index(row["sector_to"])]
        assert float(row["mean_trust"]) == pytest.approx(np.mean(values), rel=1e-6)


def test_election_dips_equal_the_data(comparison):
    results, report = comparison
    rows = read_csv(report / "election_dips.csv")
    with h5py.File(results) as f:
        trust = f["metrics/trust_member_officer"][...]
        elections = f["metrics/elections"][...]
    expected = []
    for run_index in range(trust.shape[0]):
        months = [m for m in range(1, trust.shape[1]) if elections[run_index, m] > 0]
        for k, e in enumerate(months):
            end = months[k + 1] if k + 1 < len(months) else trust.shape[1]
            before = trust[run_index, e - 1]
            after = trust[run_index, e:end]
            recovered = [m for m in range(len(after)) if after[m] >= before]
            expected.append((run_index, e, before - after.min(), recovered[0] if recovered else None))
    assert len(rows) == len(expected) > 0
    for row, (run_index, month, dip, back) in zip(rows, expected):
        assert int(row["run"]) == run_index and int(row["election_month"]) == month
        assert float(row["dip"]) == pytest.approx(dip, abs=1e-7)
        assert (row["months_to_recover"] == "") == (back is None)
        if back is not None:
            assert float(row["months_to_recover"]) == back


def test_grid_sweep_heatmap(placesim, tmp_path):
    results, report = make(placesim, tmp_path, "grid", GRID)
    assert_charts(report, ["grid_place_index", "grid_trust_cross_sector"])
    rows = read_csv(report / "grid_place_index.csv")
    assert len(rows) == 6
    with h5py.File(results) as f:
        decay = f["design/trust.decay"][...]
        tie = f["design/trust.strong_tie"][...]
        final = f["metrics/place_index"][:, -1]
    for row in rows:
        chosen = np.isclose(decay, float(row["trust.decay"])) & np.isclose(tie, float(row["trust.strong_tie"]))
        assert chosen.sum() == 2 == int(row["runs"])
        assert float(row["mean"]) == pytest.approx(final[chosen].mean(), rel=1e-6)


def test_sobol_report(placesim, tmp_path):
    results, report = make(placesim, tmp_path, "sobol", SOBOL)
    assert_charts(report, ["sobol_place_index", "sobol_trust_cross_sector"])
    rows = read_csv(report / "sobol_place_index.csv")
    assert [r["parameter"] for r in rows] == ["trust.decay", "meetings.informal_contact_rate"]
    with h5py.File(results) as f:
        matrix = strings(f["design/sobol_matrix"])
        sample = f["design/sobol_sample"][...]
        y = f["metrics/place_index"][:, -1].astype(float)
    fA = np.array([y[(matrix == "A") & (sample == j)][0] for j in range(16)])
    fB = np.array([y[(matrix == "B") & (sample == j)][0] for j in range(16)])
    variance = np.var(np.concatenate([fA, fB]))
    for row in rows:
        fAB = np.array([y[(matrix == f"AB:{row['parameter']}") & (sample == j)][0] for j in range(16)])
        assert float(row["total"]) == pytest.approx(np.mean((fA - fAB) ** 2) / 2 / variance, rel=1e-6)
        # Saltelli et al. (2010) on outputs centred on the mean of f(A) and f(B).
        centre = np.mean(np.concatenate([fA, fB]))
        first = np.mean((fB - centre) * (fAB - fA)) / variance
        assert float(row["first"]) == pytest.approx(first, rel=1e-6, abs=1e-12)
        assert float(row["total_low"]) <= float(row["total_high"])


def test_morris_report(placesim, tmp_path):
    results, report = make(placesim, tmp_path, "morris", MORRIS)
    assert_charts(report, ["morris_place_index", "morris_trust_cross_sector"])
    rows = {r["parameter"]: r for r in read_csv(report / "morris_place_index.csv")}
    with h5py.File(results) as f:
        delta = float(f["design"].attrs["morris_delta"])
        moved = strings(f["design/morris_moved"])
        direction = f["design/morris_direction"][...]
        y = f["metrics/place_index"][:, -1].astype(float)
    for parameter, row in rows.items():
        steps = np.flatnonzero(moved == parameter)
        effects = direction[steps] * (y[steps] - y[steps - 1]) / delta
        assert len(effects) == 6
        assert float(row["mu_star"]) == pytest.approx(np.abs(effects).mean(), rel=1e-6, abs=1e-12)
        assert float(row["mu"]) == pytest.approx(effects.mean(), rel=1e-6, abs=1e-12)


def test_page_opens_in_chromium_with_every_image(comparison):
    _, report = comparison
    images, errors = chromium_page.open_page(report / "index.html")
    assert len(images) == 18
    assert all(loaded for _, loaded in images), [src for src, loaded in images if not loaded]
    assert errors == []


def test_the_page_check_catches_a_broken_page(comparison, tmp_path):
    _, report = comparison
    broken = tmp_path / "index.html"
    broken.write_text((report / "index.html").read_text().replace("cost_effectiveness.png", "missing.png")
                      .replace("</body>", "<script>console.error('broken')</script></body>"))
    images, errors = chromium_page.open_page(broken)
    assert ("missing.png", False) in images
    assert any("broken" in e for e in errors)


def test_bad_input_and_existing_reports(placesim, comparison, tmp_path):
    results, report = comparison
    not_results = tmp_path / "x.h5"
    not_results.write_text("hello")
    answer = run([placesim, "report", str(not_results), "-o", str(tmp_path / "r")], tmp_path)
    assert answer.returncode == 2 and "x.h5 is not an HDF5 file" in answer.stderr
    assert not (tmp_path / "r").exists()
    before = (report / "index.html").stat().st_mtime_ns
    answer = run([placesim, "report", str(results), "-o", str(report)], tmp_path)
    assert answer.returncode == 2 and "use --force" in answer.stderr
    assert (report / "index.html").stat().st_mtime_ns == before
    answer = run([placesim, "report", str(results), "--months", "0,99"], tmp_path)
    assert answer.returncode == 2 and "heatmap month 99 is outside 0..48" in answer.stderr


def test_force_replaces_a_report_but_not_other_folders(placesim, comparison, tmp_path):
    results, _ = comparison
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    answer = run([placesim, "report", str(results), "-o", str(folder), "--force", "--formats", "png"], tmp_path)
    assert answer.returncode == 2 and "holds no report" in answer.stderr
    assert (folder / "notes.txt").read_text() == "keep me"


def test_the_loader_labels_runs_with_strategy_replicate_and_sampled_values(placesim, tmp_path):
    from placesim_analysis import load
    results_path, _ = make(placesim, tmp_path, "grid", GRID)
    results = load(results_path)
    trust = results.metric("trust_cross_sector")
    assert trust.dims == ("run", "month") and trust.sizes["month"] == 13
    with h5py.File(results_path) as f:
        assert np.array_equal(trust["trust.decay"].values, f["design/trust.decay"][...])
        assert np.array_equal(trust["replicate"].values, f["design/replicate"][...])
        assert list(trust["strategy"].values) == list(strings(f["design/label"]))
        assert np.array_equal(trust.values, f["metrics/trust_cross_sector"][...])
    assert results.parameters == ["trust.decay", "trust.strong_tie"]
    assert results.sweep_design == "grid"


def test_a_sobol_design_not_a_power_of_two_is_flagged(placesim, tmp_path):
    _, report = make(placesim, tmp_path, "sobol12", SOBOL.replace("samples = 16", "samples = 12"))
    assert "12 base samples, not a power of two" in (report / "index.html").read_text()
    (tmp_path / "p16").mkdir()
    _, report16 = make(placesim, tmp_path / "p16", "sobol", SOBOL)
    assert "not a power of two" not in (report16 / "index.html").read_text()
