"""Writes the report: every chart (PNG, SVG, PDF) with its data as CSV, and index.html."""
import shutil
from pathlib import Path

import h5py

from .economics import cost_effectiveness
from .elections import election_resilience
from .heatmaps import default_heatmap_months, grid_outcome, sector_trust
from .loader import BASELINE, load
from .outcomes import differences, effects_end_and_legacy, key_outcomes, trajectories
from .page import write_page
from .style import FORMATS
from .sweeps import morris_chart, sobol_chart

SENSITIVITY_OUTCOMES = ["place_index", "trust_cross_sector"]


class ReportError(Exception):
    pass


def is_calibration_file(path):
    """Whether the file is a placesim calibrate file (its own report)."""
    try:
        with h5py.File(path, "r") as f:
            format_name = f.attrs.get("format", b"")
    except OSError:
        return False
    return (format_name.decode() if isinstance(format_name, bytes) else str(format_name)) == "placesim-calibration"


def default_directory(results_path):
    """results/default.h5 -> results/default-report"""
    path = Path(results_path)
    return path.with_name(path.stem + "-report")


def prepare_directory(directory, force):
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        if not force:
            raise ReportError(f"{directory}: exists and is not empty; use --force to replace it")
        # --force replaces an earlier report, never a folder of other things.
        if not (directory / "index.html").exists():
            raise ReportError(f"{directory}: is not empty and holds no report (no index.html); "
                              "choose a new or empty directory")
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def build_report(results_path, directory=None, heatmap_months=None, formats=FORMATS, force=False,
                 progress=None):
    """Writes the report for one results file (or calibration file); returns the path of
    index.html."""
    if is_calibration_file(results_path):
        from .calibration.report import build_calibration_report
        directory = prepare_directory(directory or default_directory(results_path), force)
        return build_calibration_report(Path(results_path), directory, formats, progress)
    results = load(results_path)
    if results.metrics.sizes["run"] == 0:
        raise ReportError(f"{results_path}: no completed runs to report on")
    say = progress or (lambda message: None)
    months = results.months
    heatmap_months = heatmap_months or default_heatmap_months(months)
    for month in heatmap_months:
        if not 0 <= month <= months:
            raise ReportError(f"heatmap month {month} is outside 0..{months}")
    directory = prepare_directory(directory or default_directory(results_path), force)
    has_baseline = BASELINE in results.strategies and len(results.strategies) > 1

    sections = []
    tables = []

    def make(heading, builders):
        charts = []
        for builder in builders:
            chart = builder()
            say(f"report: {chart.name}")
            chart.save(directory, formats)
            charts.append(chart)
        if charts:
            sections.append((heading, charts))
        return charts

    outcomes = key_outcomes(results)
    make("Trajectories", [lambda o=o: trajectories(results, o) for o in outcomes])
    if has_baseline:
        make("Differences from baseline", [lambda o=o: differences(results, o) for o in outcomes])
        [effects] = make("Effects at the end and legacy", [lambda: effects_end_and_legacy(results)])
        tables.append(("Effects at the end and legacy", effects.caption, effects.data))
        [cost] = make("Cost-effectiveness", [lambda: cost_effectiveness(results)])
        tables.append(("Cost-effectiveness", cost.caption, cost.data))

    def resilience():
        chart, per_election = election_resilience(results)
        per_election.to_csv(directory / "election_dips.csv", index=False)
        return chart

    if results.metric("elections").sum() > 0:
        [elections] = make("Election resilience", [resilience])
        tables.append(("Election resilience", elections.caption, elections.data))
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

    if len(results.failed_runs):
        tables.append(("Failed runs", "Runs that failed, left out of every chart and table.",
                       results.failed_runs))
    index = directory / "index.html"
    write_page(index, results, sections, tables)
    return index
