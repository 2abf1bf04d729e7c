"""The results file through other clients: h5py reads back exactly the values written,
xarray labels every dimension, and ncdump -h reads the header."""

import h5py
import numpy as np
import pytest
import xarray as xr

from conftest import run

RUNS, MONTHS, ISSUES = 10, 12, ["safety", "health", "care"]
SECTORS = ["member", "officer", "police", "health", "vcs"]


def expected(run_index, month, metric_index, column):
    """The formula of tests/support/synthetic_results.hpp, computed independently here."""
    return run_index * 1_000_000 + month * 1_000 + metric_index * 30 + column


@pytest.fixture()
def fixture_file(tmp_path, write_fixture):
    path = tmp_path / "fixture.h5"
    run([write_fixture, str(path)], tmp_path, check=True)
    return path


def test_h5py_reads_back_every_value_written(fixture_file, placesim, tmp_path):
    table = run([placesim, "metrics"], tmp_path, check=True).stdout
    names = [line.split("`")[1] for line in table.splitlines() if line.startswith("| `")]
    with h5py.File(fixture_file, "r") as f:
        metrics = [name for name in f["metrics"] if name not in ("run", "month", "issue", "sector_from", "sector_to")]
        assert metrics == names  # every metric of the program's table, in its order
        for m, name in enumerate(metrics):
            data = f["metrics"][name][...]
            assert data.dtype == np.float32
            assert data.shape[:2] == (RUNS, MONTHS + 1)
            columns = data.reshape(RUNS, MONTHS + 1, -1)
            r, t, c = np.meshgrid(np.arange(RUNS), np.arange(MONTHS + 1), np.arange(columns.shape[2]), indexing="ij")
            assert np.array_equal(columns, expected(r, t, m, c).astype(np.float32)), name


def test_h5py_reads_provenance_design_and_status(fixture_file):
    with h5py.File(fixture_file, "r") as f:
        assert f.attrs["format"] == "placesim-results"
        assert f.attrs["format_version"] == 4
        assert f.attrs["program_version"] == "9.9.9"
        assert f.attrs["base_seed"] == 42
        assert f.attrs["runs"] == RUNS and f.attrs["months"] == MONTHS
        labels = [s.decode() if isinstance(s, bytes) else s for s in f["design/label"][...]]
        assert labels == ["variant b" if r % 2 else "variant a" for r in range(RUNS)]
        assert list(f["design/replicate"][...]) == [r // 2 for r in range(RUNS)]
        assert list(f["status/completed"][...]) == [1] * RUNS
        place_index = f["metrics/place_index"]
        assert place_index.attrs["units"] == "outcome"
        assert place_index.attrs["long_name"] == "place outcome index"
        assert place_index.attrs["key_outcome"] == 1 and f["metrics/capacity"].attrs["key_outcome"] == 0
        assert place_index.attrs["lower_bound"] == 0 and place_index.attrs["upper_bound"] == 1
        assert "upper_bound" not in f["metrics/cost"].attrs
        sectors = [s.decode() if isinstance(s, bytes) else s for s in f["metrics/sector_from"][...]]
        assert sectors == ["member", "officer", "police", "health", "vcs"]
        assert place_index.compression == "gzip" and place_index.shuffle
        assert place_index.chunks[0] == 4  # a block of runs


def test_an_unfinished_file_marks_missing_runs(tmp_path, write_fixture):
    path = tmp_path / "partial.h5"
    run([write_fixture, str(path), "8"], tmp_path, check=True)
    with h5py.File(path, "r") as f:
        assert list(f["status/completed"][...]) == [1] * 8 + [0] * 2
        assert np.isnan(f["metrics/place_index"][8:]).all()


def test_xarray_gives_labelled_arrays(fixture_file):
    metrics = xr.open_dataset(fixture_file, engine="h5netcdf", group="metrics")
    assert list(metrics["outcome"].dims) == ["run", "month", "issue"]
    assert list(metrics["issue"].values) == ISSUES
    assert list(metrics["month"].values) == list(range(MONTHS + 1))
    assert list(metrics["sector_from"].values) == SECTORS
    outcome = [name for name in metrics.data_vars].index("outcome")
    value = metrics["outcome"].sel(run=3, month=7, issue="health").item()
    assert value == expected(3, 7, outcome, 1)
    assert metrics["trust_by_sector"].dims == ("run", "month", "sector_from", "sector_to")
    design = xr.open_dataset(fixture_file, engine="h5netcdf", group="design")
    assert list(design["replicate"].values) == [r // 2 for r in range(RUNS)]


def test_ncdump_reads_the_header(fixture_file, tmp_path):
    result = run(["ncdump", "-h", str(fixture_file)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "group: metrics" in result.stdout
    assert "float place_index(run, month)" in result.stdout
    assert "float outcome(run, month, issue)" in result.stdout
    assert ":format = \"placesim-results\"" in result.stdout
