"""The run summary and the analysis package give the same interval for the same runs: one
formula (Student t over replicates), written in C++ for `placesim run` and in Python for the
report. Also: the summary's rows are the file's key outcomes."""
import re

import numpy as np

from conftest import run
from placesim_analysis.loader import load
from placesim_analysis.statistics import mean_interval

ARGS = ["--replicates", "7", "--set", "simulation.months=30",
        "--set", 'simulation.strategies=["baseline", "co_design"]']


def parse_summary(text):
    """{(label, strategy): [(mean, half), ...]} from the summary table, and the months."""
    lines = text.splitlines()
    header = next(l for l in lines if l.startswith("mean (95% CI half-width)"))
    months = [int(m) for m in re.findall(r"month (\d+)", header)]
    table, label = {}, None
    for line in lines[lines.index(header) + 1:]:
        if not line.strip() or line.startswith("Inspect"):
            continue
        if not line.startswith("  "):
            label = line.strip()
            continue
        strategy = line.split()[0]
        cells = re.findall(r"(-?[\d.]+) \+- (-?[\d.]+)", line)
        table[(label, strategy)] = [(float(m), float(h)) for m, h in cells]
    return months, table


def test_the_summary_and_the_package_agree_on_every_interval(placesim, tmp_path):
    result = run([placesim, "run", "-o", "s.h5", *ARGS], tmp_path)
    assert result.returncode == 0, result.stderr
    months, table = parse_summary(result.stdout)
    results = load(tmp_path / "s.h5")
    labels = {results.labels[m]: m for m in results.key_outcomes}
    shown = {label for label, _ in table}
    assert set(labels) <= shown  # every key outcome has its rows
    checked = 0
    for (label, strategy), cells in table.items():
        if label not in labels:
            continue
        values = results.metric(labels[label]).where(results.metrics["strategy"] == strategy, drop=True)
        for month, (mean, half) in zip(months, cells):
            m, low, high, n = mean_interval(values.sel(month=month).values)
            assert n == 7
            assert abs(mean - m) <= 0.0005 + 1e-9, (label, strategy, month)
            assert abs(half - (high - m)) <= 0.0005 + 1e-9, (label, strategy, month, half, high - m)
            checked += 1
    assert checked >= 2 * len(labels) * len(months)
