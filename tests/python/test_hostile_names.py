"""Files and folders from someone else (issue 26, section 1). Names in a scenario or a targets file
(strategies, intervention rows in parameter keys, targets) that would become script on the
report's page, spreadsheet formulas, TeX, paths or TOML are shown and written as the text they
are; and every command run from a folder holding code (numpy.py, h5py.py, a placesim_analysis/)
and a matplotlibrc runs none of it and keeps the package's style.

The names are what the scenario reader accepts (sim/scenario: any row name without '.' or a
control character) and what a partner's file may hold. Every command here runs from the
folder of traps; the test of the traps checks that none went off."""
import csv
import io
import json
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import h5py
import matplotlib.image
import numpy as np
import pandas as pd
import pytest

import chromium_page
from conftest import run
from placesim_analysis.csv_output import write_csv
from placesim_analysis.file_names import file_stem
from placesim_analysis.style import strategy_colours

# Strategy names: script that would end the page's <script>; live elements; formulas (each of
# the characters that start one); TeX; quotes and backslashes that would end a TOML string.
SCRIPT = "</script><script>alert(1)</script>"
FORMULA = "=1+1+cmd|' /C calc'!A0"
IMG = "-2+3 <img src=x onerror=alert(2)>"
SVG = "@SUM(1) <svg onload=alert(3)>"
TEX = "$\\undefinedmacro{x}$"
MONEY = "$5k_to_$10k"
QUOTES = 'mentoring", "co_design'
BACKSLASH = 'back\\slash "quoted"'
STRATEGIES = [SCRIPT, FORMULA, IMG, SVG, TEX, MONEY, QUOTES]
PRESETS = ["peer_review", "co_design", "action_learning", "diagnostic", "cross_sector_programme",
           "total_place", "mentoring"]
# Names that would be paths: absolute, and with a folder in them.
ABSOLUTE, NESTED = "/abs/name", "a/b"
# An intervention row in a swept or calibrated parameter's key.
ROW = '$\\undefinedmacro{r}$ <svg onload=alert(4)> "q"'
# Target names.
TARGET_SCRIPT = "</script><img src=x onerror=alert(5)>"
TARGET_FORMULA = "+$\\undefinedmacro{t}$ =1+1+cmd|' /C calc'!A0"
TARGET_MONEY = "$5k_to_$10k"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def toml(text):
    """A TOML basic string (JSON's escaping is valid TOML for these names: no control characters)."""
    return json.dumps(text)


def strategies_toml(names, presets):
    lines = ["strategies = [" + ", ".join(toml(n) for n in ["baseline"] + names) + "]"]
    for name, preset in zip(names, presets):
        lines += [f"[strategies.{toml(name)}]", f"interventions = [{toml(preset)}]"]
    return "\n".join(lines)


COMPARISON = f"""[simulation]
name = "hostile"
months = 24
replicates = 3
{strategies_toml(STRATEGIES, PRESETS)}
"""

SWEEP = f"""[simulation]
name = "sweep"
months = 24
replicates = 1
{strategies_toml([ABSOLUTE, NESTED], [ROW, "action_learning"])}
[interventions.{toml(ROW)}]
based_on = "diagnostic"
[sweep]
design = "latin_hypercube"
samples = 16
[sweep.parameters]
{toml("interventions." + ROW + ".start_month")} = {{ min = 1, max = 22 }}
"trust.decay" = {{ min = 0.005, max = 0.05 }}
"""

CALIBRATED = f"""[simulation]
name = "calibrated"
months = 24
{strategies_toml([SCRIPT], [ROW])}
[interventions.{toml(ROW)}]
based_on = "peer_review"
"""

def target(name, metric, value, sd, **more):
    """A [[targets]] entry at month 24; `more` adds keys (strategy, minus) as TOML strings."""
    lines = ["[[targets]]", f"name = {toml(name)}", f"metric = {toml(metric)}", "month = 24", f"value = {value}",
             f"sd = {sd}"] + [f"{key} = {toml(text)}" for key, text in more.items()]
    return "\n".join(lines)


TARGETS = f"""scenario = "calibrated.toml"
[parameters]
{toml("interventions." + ROW + ".take_up")} = {{ min = 0.3, max = 0.9 }}
"trust.decay" = {{ min = 0.005, max = 0.05 }}
{target(TARGET_SCRIPT, "trust_cross_sector", 0.35, 0.05)}
{target(TARGET_FORMULA, "place_index", 0.0, 0.05, strategy=SCRIPT, minus="baseline")}
{target(TARGET_MONEY, "cost_cumulative", 35.0, 10.0, strategy=SCRIPT)}
[calibration]
waves = 1
points = 10
replicates = 2
candidates = 2000
posterior_draws = 100
check_points = 4
"""

UNTIL = f"""[simulation]
name = "until"
months = 12
replicates = 3
{strategies_toml([QUOTES, BACKSLASH], ["peer_review", "total_place"])}
"""

# The traps: code a `python3 -m` started in the folder would import (each leaves a file when it
# runs), and a style that would turn every chart red.
TRAP = "import pathlib\npathlib.Path(__file__).resolve().parent.joinpath('trap-{}').write_text('ran')\n"
RED = "ff0000"
MATPLOTLIBRC = f"""lines.color: {RED}
axes.prop_cycle: cycler('color', ['{RED}'])
axes.facecolor: {RED}
figure.facecolor: {RED}
savefig.facecolor: {RED}
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The working folder of every command here, holding the traps."""
    folder = tmp_path_factory.mktemp("partner")
    (folder / "numpy.py").write_text(TRAP.format("numpy"))
    (folder / "h5py.py").write_text(TRAP.format("h5py"))
    (folder / "placesim_analysis").mkdir()
    (folder / "placesim_analysis" / "__init__.py").write_text(TRAP.format("package"))
    (folder / "placesim_analysis" / "__main__.py").write_text(TRAP.format("package_main"))
    (folder / "matplotlibrc").write_text(MATPLOTLIBRC)
    return folder


def make(placesim, folder, name, scenario):
    (folder / f"{name}.toml").write_text(scenario)
    run([placesim, "run", f"{name}.toml", "-o", f"{name}.h5", "--quiet"], folder, check=True)
    run([placesim, "report", f"{name}.h5", "-o", f"{name}-report", "--quiet", "--formats", "png"], folder, check=True)
    return folder / f"{name}.h5", folder / f"{name}-report"


@pytest.fixture(scope="module")
def comparison(placesim, folder):
    return make(placesim, folder, "hostile", COMPARISON)


@pytest.fixture(scope="module")
def sweep(placesim, folder):
    return make(placesim, folder, "sweep", SWEEP)


@pytest.fixture(scope="module")
def calibration(placesim, folder):
    (folder / "calibrated.toml").write_text(CALIBRATED)
    (folder / "targets.toml").write_text(TARGETS)
    # An output named like an option is a path all the same (the analysis takes it, and passes
    # its waves' files to placesim run, as a value).
    run([placesim, "calibrate", "targets.toml", "-o", "-calibration.h5", "--quiet"], folder, check=True)
    run([placesim, "report", "./-calibration.h5", "-o", "calibration-report", "--quiet"], folder, check=True)
    return folder / "-calibration.h5", folder / "calibration-report"


@pytest.fixture(scope="module")
def until(placesim, folder):
    (folder / "until.toml").write_text(UNTIL)
    # A half-width no pair misses: one round, whose strategies the names set. The output is named
    # like an option, as the calibration's.
    run([placesim, "run", "until.toml", "-o", "-until.h5", "--until", "10", "--quiet"], folder, check=True)
    return folder / "-until.h5"


@pytest.fixture(scope="module")
def tables(placesim, folder, comparison, sweep):
    """What export and compare print and write, from the folder of traps: {name: CSV text}."""
    results, _ = comparison
    swept, _ = sweep
    out = {"compare": run([placesim, "compare", str(results), "--format", "csv"], folder, check=True).stdout,
           "export": run([placesim, "export", str(results)], folder, check=True).stdout,
           "export --long": run([placesim, "export", str(results), "--long"], folder, check=True).stdout,
           "export of a sweep": run([placesim, "export", str(swept)], folder, check=True).stdout}
    run([placesim, "export", str(results), "-o", "export.csv"], folder, check=True)
    out["export -o"] = (folder / "export.csv").read_text()
    return out


def cells(text):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows for cell in row]


def is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def red_share(png):
    pixels = matplotlib.image.imread(png)[..., :3]
    return float(np.mean((pixels[..., 0] > 0.9) & (pixels[..., 1] < 0.1) & (pixels[..., 2] < 0.1)))


def test_no_code_and_no_style_of_the_working_folder_is_used(placesim, folder, comparison, sweep, calibration, until,
                                                             tables):
    # Every command handed to Python has run from the folder: report, run, compare and export
    # (the fixtures), calibrate, run --until, and discover here.
    found = run([placesim, "discover", str(sweep[0]), "--strategy", NESTED], folder)
    assert found.returncode == 0, found.stderr
    assert sorted(p.name for p in folder.rglob("trap-*")) == []
    # The package's colours, not the folder's red (the style made 29% of a chart red).
    for report in (comparison[1], sweep[1], calibration[1]):
        charts = sorted(report.glob("*.png"))
        assert charts
        assert max(red_share(png) for png in charts) == 0, report


def test_a_matplotlibrc_that_never_ends_is_not_read(placesim, comparison, tmp_path):
    # A FIFO no one writes to: reading it would wait for ever.
    os.mkfifo(tmp_path / "matplotlibrc")
    try:
        answer = subprocess.run([placesim, "compare", str(comparison[0])], cwd=tmp_path, capture_output=True,
                                text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("placesim compare waited for the working folder's matplotlibrc")
    assert answer.returncode == 0, answer.stderr


def test_run_until_runs_the_strategies_named_whatever_their_names(until):
    with h5py.File(until, "r") as f:
        [round_file] = [until.parent / name.decode() for name in f["rounds/file"][...]]
    with h5py.File(round_file, "r") as f:
        labels = [v.decode() for v in f["design/label"][...]]
    # Three strategies, three replicates each: a name holding '", "' ran as itself, not as two others.
    assert sorted(set(labels)) == sorted(["baseline", QUOTES, BACKSLASH])
    assert len(labels) == 9


def test_a_calibration_writes_parameter_keys_as_data(calibration):
    results, _ = calibration
    with h5py.File(results, "r") as f:
        keys = [v.decode() for v in f["calibration/parameter"][...]]
    assert keys == ["interventions." + ROW + ".take_up", "trust.decay"]


def test_no_csv_cell_is_a_formula(comparison, sweep, calibration, tables):
    outputs = {f"{report.name}/{p.name}": p.read_text() for _, report in (comparison, sweep, calibration)
               for p in sorted(report.glob("*.csv"))}
    outputs.update(tables)
    for name in ("hostile-report/election_dips.csv", "hostile-report/decision.csv",
                 "calibration-report/targets_check.csv", "sweep-report/parameters_place_index.csv"):
        assert name in outputs
    for name, text in outputs.items():
        risky = [c for c in cells(text) if c.startswith(FORMULA_STARTS) and not is_number(c)]
        assert risky == [], name
    # The names are there, as text a spreadsheet shows; negative numbers are numbers still.
    for name in ("compare", "export", "export --long", "export -o", "hostile-report/decision.csv",
                 "hostile-report/trajectory_place_index.csv"):
        found = set(cells(outputs[name]))
        assert {"'" + FORMULA, "'" + IMG, "'" + SVG} <= found, name
    assert "'" + TARGET_FORMULA in cells(outputs["calibration-report/targets_check.csv"])
    assert any(is_number(c) and float(c) < 0 for c in cells(outputs["compare"]))
    assert any(is_number(c) and float(c) < 0 for c in cells(outputs["hostile-report/difference_place_index.csv"]))


def test_write_csv_changes_text_that_starts_a_formula_and_nothing_else():
    text = ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "\nx", "plain", "-0.5", "1e-3", "a\r=1+1", None]
    frame = pd.DataFrame({"=heading": text, "number": [-1.5, -2, 0, 1, 2, 3, 4, 5, 6, 7, 8, np.nan],
                          "kind": pd.Categorical(["=a", "b"] * 6)})
    out = io.StringIO()
    write_csv(frame, out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == ["'=heading", "number", "kind"]
    # A carriage return inside a cell would start a row (the writer leaves it unquoted): a line
    # feed, which it quotes, keeps the cell whole.
    assert len(rows) == 1 + len(text)
    assert [r[0] for r in rows[1:]] == ["'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\nx", "'\nx", "plain", "-0.5",
                                        "1e-3", "a\n=1+1", ""]
    assert [r[1] for r in rows[1:]] == ["-1.5", "-2.0", "0.0", "1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0",
                                        ""]
    assert [r[2] for r in rows[1:]] == ["'=a", "b"] * 6


def shown(name):
    """A strategy's name as the charts show it: underscores as spaces."""
    return name.replace("_", " ")


def interactive_charts(report):
    """The report's interactive charts, by docs/analysis.md: the decision, trajectories, differences."""
    return sorted(p.stem for p in report.glob("*.csv")
                  if p.stem == "decision" or p.stem.startswith(("trajectory_", "difference_")))


@pytest.mark.parametrize("which", ["comparison", "sweep", "calibration"])
def test_the_page_shows_names_and_runs_none_of_them(which, comparison, sweep, calibration):
    report = {"comparison": comparison, "sweep": sweep, "calibration": calibration}[which][1]
    page = chromium_page.inspect_page(report / "index.html")
    assert page["dialogs"] == []
    assert page["handlers"] == []  # no <img onerror>, no <svg onload>
    expected = interactive_charts(report)
    assert page["scripts"] == (["plotly.js"] + ["inline"] * len(expected) if expected else [])
    assert sorted(p["id"] for p in page["plots"]) == sorted(f"plot-{stem}" for stem in expected)
    assert page["graph_divs"] == len(expected)
    assert all(p["drawn"] and p["hovered"] for p in page["plots"]), page["plots"]
    assert all(loaded for _, loaded in page["images"]), page["images"]
    assert page["errors"] == []
    if which == "comparison":
        # The legend shows each name as it was written (plotly reads markup in names).
        names = [shown(s) for s in ["baseline"] + STRATEGIES]
        for plot in page["plots"]:
            if plot["id"].startswith("plot-trajectory_"):
                assert plot["legend"] == names


def test_names_with_dollars_are_text_in_charts(comparison, calibration):
    # "$\undefinedmacro{x}$" stopped the report as TeX: the fixtures' reports were written (a
    # strategy and a target named so). "$5k_to_$10k" drawn as text uses the font's dollar glyph
    # (its id in the SVG); as TeX, its dollars would vanish.
    assert (comparison[1] / "index.html").exists() and (calibration[1] / "index.html").exists()
    assert 'id="DejaVuSans-24"' in (calibration[1] / "targets_check.svg").read_text()


def test_names_that_look_like_paths_stay_inside_the_report(sweep):
    _, report = sweep
    assert all(p.is_file() for p in report.iterdir()), sorted(p.name for p in report.iterdir() if not p.is_file())
    discovery = sorted(p.name for p in report.glob("discovery_*.png"))
    assert len(discovery) == 1 and "/" not in discovery[0]
    assert not Path(ABSOLUTE).exists()


def test_file_stems_are_file_names_and_differ_for_different_names():
    names = ["a/b", "a_b", "/abs/name", "..", ".", ".hidden", "-option", "nul\0byte", "x" * 300, "x" * 301, "café",
             SCRIPT, QUOTES, "plain_name-1.2"]
    stems = [file_stem(n) for n in names]
    assert file_stem("plain_name-1.2") == "plain_name-1.2" and file_stem("a_b") == "a_b"
    assert len(set(stems)) == len(names)
    for stem in stems:
        assert 0 < len(stem.encode()) <= 100
        assert "/" not in stem and "\0" not in stem and stem not in (".", "..")
        assert not stem.startswith((".", "-"))


def test_a_colour_that_is_not_a_colour_is_not_used():
    results = SimpleNamespace(strategies=["a", "b", "c"],
                              strategy_colours={"a": "#123456", "b": "red); background: url(x)", "c": ""})
    colours = strategy_colours(results)
    assert colours["a"] == "#123456"
    assert all(len(c) == 7 and c.startswith("#") for c in colours.values())
