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


def read_csv_text(text):
    return list(csv.DictReader(text.splitlines()))


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
        # An image, or an interactive chart (its PNG, SVG and PDF linked beside it).
        assert f'src="{stem}.png"' in page or f'id="plot-{stem}"' in page, stem
        assert f'href="{stem}.csv"' in page, stem


def test_every_chart_and_csv_is_written(comparison):
    _, report = comparison
    stems = ([f"trajectory_{m}" for m in KEY] + [f"difference_{m}" for m in KEY]
             + ["decision", "small_multiples_place_index", "small_multiples_trust_cross_sector", "delivery",
                "effects_end_and_legacy", "cost_effectiveness", "election_resilience",
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
        base = data[label == "baseline", senders.index(row["sector_from"]), receivers.index(row["sector_to"])]
        assert float(row["difference_from_baseline"]) == pytest.approx(np.mean(values) - np.mean(base), abs=1e-6)


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


def test_page_opens_in_chromium_at_1280_px_and_its_charts_respond(comparison):
    _, report = comparison
    page = chromium_page.inspect_page(report / "index.html", width=1280)
    assert page["errors"] == []
    images, plots = page["images"], page["plots"]
    assert all(loaded for _, loaded in images), [src for src, loaded in images if not loaded]
    # Every figure is an image or an interactive chart, and each of them loaded.
    # 13 interactive; 9 images: two small multiples, effects, delivery, cost, elections, three heatmaps.
    assert len(images) + len(plots) == page["figures"] == 22
    assert len(plots) == 13  # the decision, and the trajectories and differences of six outcomes
    assert all(p["drawn"] and p["hovered"] for p in plots), plots
    assert all(p["toggled"] for p in plots if p["id"] != "plot-decision"), plots
    # Nothing wider than the window: no sideways scrolling of the page or of any table.
    assert page["page_width"] <= page["width"] == 1280
    assert all(table <= wrap for table, wrap in page["tables"]), page["tables"]
    assert page["decision_top"] is not None and page["decision_top"] < 900  # on the first screen


def test_the_page_check_catches_a_broken_page(comparison, tmp_path):
    _, report = comparison
    broken = tmp_path / "index.html"
    broken.write_text((report / "index.html").read_text().replace("cost_effectiveness.png", "missing.png")
                      .replace("</body>", "<script>console.error('broken')</script></body>"))
    images, errors = chromium_page.open_page(broken)
    assert ("missing.png", False) in images
    assert any("broken" in e for e in errors)
    # Without plotly.js no interactive chart draws, and the page says so in its console.
    (tmp_path / "no-plotly.html").write_text((report / "index.html").read_text().replace('src="plotly.js"',
                                                                                          'src="gone.js"'))
    page = chromium_page.inspect_page(tmp_path / "no-plotly.html")
    assert page["plots"] == [] and page["errors"]


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


def test_delivery_csv_equals_the_data(comparison):
    results, report = comparison
    rows = {r["strategy"]: r for r in read_csv(report / "delivery.csv")}
    assert set(rows) == {"peer_review", "action_learning"}
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        sessions = f["metrics/intervention_sessions"][...].sum(axis=1)
        invited = f["metrics/invitations"][...].sum(axis=1)
        attended = f["metrics/participants"][...].sum(axis=1)
    for strategy, row in rows.items():
        mine = label == strategy
        assert float(row["sessions"]) == pytest.approx(sessions[mine].mean(), rel=1e-6)
        assert float(row["attendances"]) == pytest.approx(attended[mine].mean(), rel=1e-6)
        mean, low, high = t_interval(attended[mine] / invited[mine])
        assert float(row["take_up"]) == pytest.approx(mean, rel=1e-6)
        assert float(row["take_up_ci_low"]) == pytest.approx(low, rel=1e-6)
        assert 0 < float(row["take_up"]) <= 1


def test_election_resilience_counts_only_elections_with_months_to_recover(comparison):
    results, report = comparison
    rows = {r["strategy"]: r for r in read_csv(report / "election_resilience.csv")}
    horizon = 12
    with h5py.File(results) as f:
        trust = f["metrics/trust_member_officer"][...]
        elections = f["metrics/elections"][...]
        label = strings(f["design/label"])
    last = trust.shape[1] - 1
    for strategy, row in rows.items():
        dips, months, recovered = [], [], []
        for run in np.flatnonzero(label == strategy):
            held = [m for m in range(1, last + 1) if elections[run, m] > 0]
            for k, e in enumerate(held):
                if last - e < horizon:
                    continue  # no months left to see it recover
                end = held[k + 1] if k + 1 < len(held) else last + 1
                before = trust[run, e - 1]
                after = trust[run, e:end]
                back = [m for m in range(len(after)) if after[m] >= before]
                dips.append(before - after.min())
                recovered.append(bool(back) and back[0] <= horizon)
                months.append(back[0] if recovered[-1] else horizon)
        assert int(row["elections"]) == len(dips) > 0
        assert float(row["mean_dip"]) == pytest.approx(np.mean(dips), rel=1e-5)
        assert float(row["mean_months_to_recover"]) == pytest.approx(np.mean(months), rel=1e-9)
        assert float(row["share_recovered"]) == pytest.approx(np.mean(recovered), rel=1e-9)


def test_the_decision_csv_equals_paired_differences(comparison):
    results, report = comparison
    rows = {r["strategy"]: r for r in read_csv(report / "decision.csv")}
    assert set(rows) == {"baseline", "peer_review", "action_learning"}
    with h5py.File(results) as f:
        for strategy in ("peer_review", "action_learning"):
            mean, low, high = t_interval(paired(f, "place_index", strategy, 48))
            assert float(rows[strategy]["gain"]) == pytest.approx(mean, rel=1e-6, abs=1e-9)
            assert float(rows[strategy]["gain_low"]) == pytest.approx(low, rel=1e-6, abs=1e-9)
    assert sum(float(r["probability_best"]) for r in rows.values()) == pytest.approx(1.0)
    ranked = sorted(rows.values(), key=lambda r: int(r["rank"]))
    assert [float(r["mean"]) for r in ranked] == sorted((float(r["mean"]) for r in ranked), reverse=True)


def test_the_decision_csv_names_cost_per_gain_and_icers_as_compare_does_per_0_01(comparison, placesim):
    results, report = comparison
    rows = {r["strategy"]: r for r in read_csv(report / "decision.csv")}
    compared = read_csv_text(run([placesim, "compare", str(results), "--format", "csv"], results.parent,
                                 check=True).stdout)
    month = int(next(iter(rows.values()))["months"].split()[-1])
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        cost = {s: float(np.mean(f["metrics/cost_cumulative"][:, month][label == s])) for s in rows}
        gain = {s: float(np.mean(paired(f, "place_index", s, month))) if s != "baseline" else 0.0 for s in rows}
    icers = [r for r in compared if r["quantity"] == "icer_per_0.01"]
    assert icers, "no strategy on the frontier beyond baseline: the test checks nothing"
    for r in icers:
        s, versus = r["strategy"], r["versus"]
        expected = (cost[s] - cost[versus]) / (gain[s] - gain[versus]) * 0.01  # GBP thousand per 0.01
        assert float(r["estimate"]) == pytest.approx(expected, rel=1e-4)
        assert float(rows[s]["icer_per_0.01"]) == pytest.approx(float(r["estimate"]), rel=1e-9)
        assert r["units"] == "GBP thousand per 0.01 of place_index"
    for r in compared:
        if r["quantity"] == "cost_per_0.01":
            assert float(rows[r["strategy"]]["cost_per_0.01"]) == pytest.approx(float(r["estimate"]), rel=1e-9)
            assert r["units"] == "GBP thousand per 0.01 of place_index"
    assert all(r["money_units"] == "GBP thousand" for r in rows.values())
    assert not any(k in next(iter(rows.values())) for k in ("icer", "cost_per_step"))


def test_the_first_screen_answers_the_designer_for_the_default_scenario(placesim, tmp_path):
    run([placesim, "run", "-o", "default.h5", "--replicates", "6", "--quiet"], tmp_path, check=True)
    answer = run([placesim, "report", "default.h5", "-o", "report", "--quiet", "--formats", "png"], tmp_path,
                 check=True)
    assert "Warning" not in answer.stderr
    page = (tmp_path / "report" / "index.html").read_text()
    first = page.split("<nav>")[0]
    assert '<h2 id="the-decision">The decision</h2>' in first
    # A sentence per strategy, the ranking with its intervals, P(best) and cost per unit, the chart.
    assert first.count("the probability that it is the best of the 9 is") == 9
    for heading in ("P(best)", "Gain over baseline (95% CI)", "GBP k per 0.01 gain (95% CI)", "Cost-effectiveness"):
        assert f"<th>{heading}</th>" in first, heading
    assert 'id="plot-decision"' in first
    assert "e-0" not in first  # numbers as a person writes them
    shown = chromium_page.inspect_page(tmp_path / "report" / "index.html", width=1280)
    assert shown["errors"] == [] and shown["decision_top"] < 900
    assert shown["page_width"] <= 1280 and all(t <= w for t, w in shown["tables"])


def test_a_report_of_one_replicate_says_why_it_has_no_intervals(placesim, tmp_path):
    (tmp_path / "one.toml").write_text(COMPARISON.replace("replicates = 6", "replicates = 1"))
    run([placesim, "run", "one.toml", "-o", "one.h5", "--quiet"], tmp_path, check=True)
    answer = run([placesim, "report", "one.h5", "-o", "r", "--formats", "png"], tmp_path, check=True)
    assert "Warning" not in answer.stderr and "warn" not in answer.stderr.lower()
    assert "no confidence interval can be estimated" in (tmp_path / "r" / "index.html").read_text()


LHS = """
[simulation]
name = "lhs"
months = 24
replicates = 1
# Which of the two programmes wins depends on the point: a region for scenario discovery to find.
strategies = ["baseline", "diagnostic", "action_learning"]
[sweep]
design = "latin_hypercube"
samples = 16
[sweep.parameters]
"interventions.diagnostic.start_month" = { min = 1, max = 22 }
trust.decay = { min = 0.005, max = 0.05 }
"""


def test_a_latin_hypercube_gets_its_own_analysis_and_discovery(placesim, tmp_path):
    results, report = make(placesim, tmp_path, "lhs", LHS)
    page = (report / "index.html").read_text()
    assert "Scenario discovery" in page and "Robustness across the sweep" in page
    rows = read_csv(report / "parameters_place_index.csv")
    assert {r["parameter"] for r in rows} == {"trust.decay", "interventions.diagnostic.start_month"}
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        decay = f["design/trust.decay"][...]
        elections = f["metrics/elections"][...]
        held = np.flatnonzero(elections.sum(axis=0) > 0)
        at = max(m for m in range(24, 0, -1) if m not in held)
        y = f["metrics/place_index"][:, at]
    for row in rows:
        if row["parameter"] != "trust.decay":
            continue
        mine = label == row["strategy"]
        rho, _ = stats.spearmanr(decay[mine], y[mine])
        assert float(row["spearman_rho"]) == pytest.approx(rho, rel=1e-6, abs=1e-9)
    assert any(p.name.startswith("discovery_") and p.suffix == ".csv" for p in report.iterdir())


def test_a_sweep_one_strategy_wins_everywhere_has_no_region_to_find(placesim, tmp_path):
    # Two years in, the diagnostic's quick gain on its focal issue beats doing nothing at every
    # point (pattern P3): there is no region where it loses, and the report says so.
    everywhere = """
[simulation]
months = 24
replicates = 1
strategies = ["baseline", "diagnostic"]
[sweep]
design = "latin_hypercube"
samples = 8
[sweep.parameters]
trust.decay = { min = 0.005, max = 0.05 }
"""
    results, report = make(placesim, tmp_path, "everywhere", everywhere)
    with h5py.File(results) as f:
        label = strings(f["design/label"])
        y = f["metrics/place_index"][:, 23]
    assert np.all(y[label == "diagnostic"] > y[label == "baseline"])  # the premise, from the data
    page = (report / "index.html").read_text()
    assert "diagnostic is best at 8 of the 8 design points: no region of the sweep to find" in page
    assert not any(p.name.startswith("discovery_") for p in report.iterdir())
