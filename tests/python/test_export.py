"""placesim export: the runs as a table, checked against the file read with h5py."""
import io

import h5py
import numpy as np
import pandas as pd

from conftest import run

SWEEP = """\
[simulation]
name = "export"
months = 24
replicates = 2
strategies = ["baseline", "peer_review"]

[sweep]
design = "list"
points = [{ "trust.decay" = 0.01 }, { "trust.decay" = 0.03 }]
"""


def make(placesim, folder):
    (folder / "s.toml").write_text(SWEEP)
    run([placesim, "run", str(folder / "s.toml"), "-o", str(folder / "s.h5"), "--quiet"], folder, check=True)
    return folder / "s.h5"


def test_one_row_per_run_with_its_design_and_outcomes(placesim, tmp_path):
    results = make(placesim, tmp_path)
    out = run([placesim, "export", str(results), "--months", "0,12,24", "--outcomes", "place_index,cost_cumulative"],
              tmp_path, check=True).stdout
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns) == ["run", "strategy", "replicate", "point", "trust.decay", "place_index@0",
                                   "place_index@12", "place_index@24", "cost_cumulative@0", "cost_cumulative@12",
                                   "cost_cumulative@24"]
    with h5py.File(results, "r") as f:
        assert len(table) == f.attrs["runs"] == 8
        np.testing.assert_allclose(table["place_index@12"], f["metrics/place_index"][:, 12], rtol=1e-6)
        np.testing.assert_allclose(table["trust.decay"], f["design/trust.decay"][...])
        assert table["strategy"].tolist() == [v.decode() for v in f["design/label"][...]]


def test_the_long_table_and_the_output_file(placesim, tmp_path):
    results = make(placesim, tmp_path)
    target = tmp_path / "long.csv"
    run([placesim, "export", str(results), "--long", "--months", "6,24", "--outcomes", "trust_cross_sector",
         "-o", str(target)], tmp_path, check=True)
    table = pd.read_csv(target)
    assert len(table) == 8 * 2 and set(table["month"]) == {6, 24} and set(table["metric"]) == {"trust_cross_sector"}
    with h5py.File(results, "r") as f:
        expected = f["metrics/trust_cross_sector"][3, 24]
    assert np.float32(table[(table.run == 3) & (table.month == 24)]["value"].iloc[0]) == expected
    again = run([placesim, "export", str(results), "-o", str(target)], tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr


def test_bad_months_and_outcomes_are_named(placesim, tmp_path):
    results = make(placesim, tmp_path)
    for options, message in ((["--months", "30"], "month 30 is outside 0..24"),
                             (["--outcomes", "trust"], "trust is not a metric")):
        result = run([placesim, "export", str(results), *options], tmp_path)
        assert result.returncode == 2 and message in result.stderr


def test_a_posterior_run_exports_each_runs_draw_and_its_values(placesim, tmp_path):
    # A small calibration of two keys to one target, then runs under its posterior.
    keys = ["trust.decay", "trust.learning_up"]
    (tmp_path / "t.toml").write_text('scenario = "default"\n[parameters]\n"trust.decay" = { min = 0.005, max = 0.05 }\n'
                                     '"trust.learning_up" = { min = 0.05, max = 0.4 }\n[[targets]]\n'
                                     'metric = "trust_cross_sector"\nmonth = 12\nvalue = 0.3\nsd = 0.05\n'
                                     '[calibration]\nwaves = 1\npoints = 8\nreplicates = 1\ncandidates = 1000\n'
                                     'posterior_draws = 10\ncheck_points = 0\n')
    run([placesim, "calibrate", "t.toml", "-o", "cal.h5", "--quiet"], tmp_path, check=True)
    with h5py.File(tmp_path / "cal.h5", "r") as f:
        assert [v.decode() for v in f["calibration/parameter"][...]] == keys
        draws = f["calibration/posterior"][...]
    (tmp_path / "s.toml").write_text('[simulation]\nmonths = 12\nstrategies = ["baseline", "peer_review"]\n')
    run([placesim, "run", "s.toml", "--posterior", "cal.h5", "--replicates", "12", "-o", "p.h5", "--quiet"],
        tmp_path, check=True)
    table = pd.read_csv(io.StringIO(run([placesim, "export", "p.h5", "--months", "12"], tmp_path, check=True).stdout),
                        float_precision="round_trip")
    assert list(table.columns[:7]) == ["run", "strategy", "replicate", "point", "posterior_draw",
                                       "posterior:trust.decay", "posterior:trust.learning_up"]
    # Replicate r runs draw r mod the draws (docs/calibration.md), whatever the strategy.
    assert len(table) == 24
    np.testing.assert_array_equal(table["posterior_draw"], table["replicate"] % len(draws))
    for i, key in enumerate(keys):
        np.testing.assert_array_equal(table[f"posterior:{key}"], draws[table["replicate"] % len(draws), i])
