"""Writes the report: the decision first, then every chart (interactive where that helps, and
PNG, SVG, PDF) with its data as CSV, and index.html."""
import warnings
from pathlib import Path

import h5py
import pandas as pd

from .csv_output import write_csv
from .decision import CompareError, compare, default_window, election_months
from .decision_report import decision_chart, differences_table, ranking_table
from .delivery import delivery, delivery_table
from .discovery_report import sweep_sections
from .economics import cost_effectiveness
from .elections import RECOVERY_HORIZON, election_resilience
from .files import UnreadableFile, require_regular
from .heatmaps import default_heatmap_months, grid_outcome, sector_trust
from .interactive import write_plotly_js
from .loader import BASELINE, load
from .outcomes import differences, effects_end_and_legacy, key_outcomes, small_multiples, trajectories
from .output_files import written_folder
from .page import write_page
from .style import FORMATS, pretty
from .sweeps import morris_chart, sobol_chart
from .tables import interval_column

SENSITIVITY_OUTCOMES = ["place_index", "trust_cross_sector"]


class ReportError(Exception):
    pass


def is_calibration_file(path):
    """Whether the file is a placesim calibrate file (its own report)."""
    try:
        require_regular(path)
        with h5py.File(path, "r") as f:
            format_name = f.attrs.get("format", b"")
    except (OSError, UnreadableFile):
        return False
    return (format_name.decode() if isinstance(format_name, bytes) else str(format_name)) == "placesim-calibration"


def default_directory(results_path):
    """results/default.h5 -> results/default-report"""
    path = Path(results_path)
    return path.with_name(path.stem + "-report")


def is_unmarked_report(directory):
    """A report written before reports were marked as placesim's (output_files.FOLDER_MARK):
    its index.html is a PlaceSim page."""
    try:
        with open(Path(directory) / "index.html", encoding="utf-8", errors="replace") as page:
            return "<title>PlaceSim " in page.read(4096)
    except OSError:
        return False


def build_report(results_path, directory=None, heatmap_months=None, formats=FORMATS, force=False,
                 progress=None):
    """Writes the report for one results file (or calibration file); returns the path of
    index.html. The report is written whole beside its folder and then takes its place (--force
    replaces only an earlier report); an error leaves the folder as it was."""
    directory = Path(directory or default_directory(results_path))

    def folder():
        return written_folder(directory, "report", force, inputs=[(results_path, "the results file")],
                              legacy=is_unmarked_report)

    if is_calibration_file(results_path):
        from .calibration.report import build_calibration_report
        with folder() as partial:
            index = build_calibration_report(Path(results_path), partial, formats, progress)
        return directory / index.name
    results = load(results_path)
    results.require_runs()
    say = progress or (lambda message: None)
    months = results.months
    heatmap_months = heatmap_months or default_heatmap_months(months)
    for month in heatmap_months:
        if not 0 <= month <= months:
            raise ReportError(f"heatmap month {month} is outside 0..{months}")
    with folder() as partial, warnings.catch_warnings():
        # Statistics of one run (no interval) are NaN, and the page says why once (notes).
        warnings.simplefilter("ignore", RuntimeWarning)
        index = _write(results, partial, heatmap_months, formats, say)
    return directory / index.name


def _write(results, directory, heatmap_months, formats, say):
    has_baseline = BASELINE in results.strategies and len(results.strategies) > 1
    elections = sorted(election_months(results))
    window = default_window(results)
    sections, tables, notes = [], [], []
    replicates = results.design[results.design.completed].groupby(["strategy", "point"]).size()
    if replicates.max() < 2:
        notes.append("Each strategy has one run per design point: no confidence interval can be estimated, so "
                     "intervals are left blank and no difference is declared. Run more replicates "
                     "(--replicates 10, or placesim run --until) to compare strategies.")

    def save(chart):
        say(f"report: {chart.name}")
        chart.save(directory, formats)
        return chart

    def make(heading, builders, section_tables=()):
        charts = [save(builder()) for builder in builders]
        if charts:
            sections.append((heading, charts, list(section_tables)))
        return charts

    comparison, decision = None, None
    if len(results.strategies) > 1:
        try:
            comparison = compare(results, [o for o in results.key_outcomes if o in results.metrics] or None, window)
        except CompareError as error:
            notes.append(f"No comparison of strategies: {error}.")
    if comparison is not None:
        chart = save(decision_chart(results, comparison))
        decision = (comparison.sentences, chart, [
            (f"Ranking at {window.describe()}", "Strategies ranked by "
             f"{results.labels.get(comparison.primary, comparison.primary)}; placesim compare prints the same, "
             "with every outcome.", ranking_table(results, comparison)),
            ("Differences between strategies", "Every pair, paired by replicate; intervals at the level Holm's "
             "procedure tests each difference at, so 'declared' differences hold together at the 5% level.",
             differences_table(results, comparison))])

    outcomes = key_outcomes(results)
    if has_baseline:
        make("Each strategy against baseline", [lambda o=o: small_multiples(results, o, elections)
                                                 for o in outcomes[:2]])
    make("Trajectories", [lambda o=o: trajectories(results, o, elections) for o in outcomes])
    if has_baseline:
        make("Differences from baseline", [lambda o=o: differences(results, o, elections) for o in outcomes])
        effects = effects_end_and_legacy(results, window.last)
        make("Effects at the evaluation month and legacy", [lambda: effects],
             [("Effects and legacy", effects.caption, effects_table(effects.data, results))])
        if "intervention_sessions" in results.metrics:
            dose = delivery(results)
            make("How much happened", [lambda: dose],
                 [("Delivery", dose.caption, delivery_table(dose.data))])
        cost = cost_effectiveness(results, window.last)
        make("Cost-effectiveness", [lambda: cost])

    def resilience():
        chart, per_election = election_resilience(results)
        write_csv(per_election, directory / "election_dips.csv")
        return chart

    if results.metric("elections").sum() > 0:
        [elections_chart] = make("Election resilience", [resilience])
        if len(elections_chart.data):
            sections[-1][2].append(("Election resilience", elections_chart.caption,
                                    resilience_table(elections_chart.data)))
    make("Trust between sectors", [lambda m=m: sector_trust(results, m) for m in heatmap_months])

    design = results.sweep_design
    if design == "grid" and len(results.parameters) >= 2:
        first, second = results.parameters[:2]
        make("Grid sweep", [lambda m=m: grid_outcome(results, m, first, second)
                            for m in SENSITIVITY_OUTCOMES])
    elif design == "sobol":
        make("Sensitivity (Sobol)", [lambda m=m: sobol_chart(results, m) for m in SENSITIVITY_OUTCOMES])
    elif design == "morris":
        make("Sensitivity (Morris)", [lambda m=m: morris_chart(results, m) for m in SENSITIVITY_OUTCOMES])
    sweep_charts, sweep_tables = sweep_sections(results, comparison, window)
    for heading, charts in sweep_charts:
        sections.append((heading, [save(c) for c in charts], []))
    tables += sweep_tables

    if len(results.failed_runs):
        tables.append(("Failed runs", "Runs that failed, left out of every chart and table.",
                       results.failed_runs))
    if any(chart.interactive is not None for _, charts, _ in sections for chart in charts) or decision:
        write_plotly_js(directory)
    index = directory / "index.html"
    write_page(index, results, sections, tables, notes, decision)
    return index


def effects_table(data, results):
    table = data.copy()
    table["Outcome"] = [results.labels.get(o, o) for o in table["outcome"]]
    table["Strategy"] = [pretty(s) for s in table["strategy"]]
    table["When"] = ["evaluation month" if w == "end" else "legacy" for w in table["when"]]
    table["Month"] = table["month"]
    pieces = []
    for _, group in table.groupby("outcome", sort=False):
        group = group.copy()
        group["Difference from baseline (95% CI)"] = interval_column(group, "mean_difference", "ci_low", "ci_high")
        pieces.append(group)
    table = pd.concat(pieces)
    return table[["Outcome", "Strategy", "When", "Month", "Difference from baseline (95% CI)"]]


def resilience_table(data):
    return pd.DataFrame({
        "Strategy": [pretty(s) for s in data["strategy"]],
        "Elections counted": data["elections"],
        "Fall in trust (95% CI)": interval_column(data, "mean_dip", "dip_ci_low", "dip_ci_high"),
        f"Recovered within {RECOVERY_HORIZON} months": interval_column(data, "share_recovered",
                                                                       "share_recovered_ci_low",
                                                                       "share_recovered_ci_high"),
        f"Months to recover (at most {RECOVERY_HORIZON}; 95% CI)": interval_column(
            data, "mean_months_to_recover", "recover_ci_low", "recover_ci_high")})
