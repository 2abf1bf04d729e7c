"""sweep.streams: common random numbers across design points by default, streams of their own
per (point, replicate) when asked. Two points with the same values tell them apart."""
import h5py
import numpy as np

from conftest import run

SCENARIO = """\
[simulation]
name = "streams"
months = 24
replicates = 3

[sweep]
design = "list"
{streams}
points = [{{ "trust.decay" = 0.02 }}, {{ "trust.decay" = 0.02 }}]
"""


def trust(placesim, folder, streams):
    (folder / "s.toml").write_text(SCENARIO.format(streams=streams))
    run([placesim, "run", str(folder / "s.toml"), "-o", str(folder / "s.h5"), "--force", "--quiet"], folder, check=True)
    with h5py.File(folder / "s.h5", "r") as f:
        assert f["design"].attrs.get("streams", "common") == ("independent" if "independent" in streams else "common")
        return f["metrics/trust_cross_sector"][...].reshape(2, 3, -1)  # [point, replicate, month]


def test_common_streams_repeat_a_point_exactly(placesim, tmp_path):
    values = trust(placesim, tmp_path, "")
    np.testing.assert_array_equal(values[0], values[1])


def test_independent_streams_give_each_point_its_own_noise(placesim, tmp_path):
    values = trust(placesim, tmp_path, 'streams = "independent"')
    # Same parameters, other streams: every replicate's path differs by the end.
    assert np.all(values[0, :, -1] != values[1, :, -1])
    # Point 0 keeps replicate r's streams; point 1 takes streams 3, 4, 5.
    common = trust(placesim, tmp_path, "")
    np.testing.assert_array_equal(values[0], common[0])


def test_an_unknown_streams_value_is_named(placesim, tmp_path):
    (tmp_path / "s.toml").write_text(SCENARIO.format(streams='streams = "shared"'))
    result = run([placesim, "validate", str(tmp_path / "s.toml")], tmp_path)
    assert result.returncode == 2
    assert 's.toml:8:11: sweep.streams: "shared" is not one of "common", "independent"' in result.stderr
