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
