"""The same scenario and seed give bit-identical results files with one or two threads:
every dataset in every group, and every attribute but the time and command line."""
import h5py
import numpy as np

from conftest import run


def results(placesim, tmp_path, threads):
    out = tmp_path / f"threads{threads}.h5"
    run([placesim, "run", "--replicates", "7", "--set", "simulation.months=36", "--threads", str(threads),
         "-o", str(out), "--quiet"], tmp_path, check=True)
    return out


def datasets(path):
    found = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, item: found.__setitem__(name, item[...]) if isinstance(item, h5py.Dataset) else None)
        attributes = {k: v for k, v in f.attrs.items() if k not in ("created_utc", "command_line", "content_crc32")}
    return found, attributes


def test_results_do_not_depend_on_the_number_of_threads(placesim, tmp_path):
    one, attributes_one = datasets(results(placesim, tmp_path, 1))
    two, attributes_two = datasets(results(placesim, tmp_path, 2))
    assert sorted(one) == sorted(two)
    # Every metric of the program's table, and the five coordinates.
    table = run([placesim, "metrics"], tmp_path, check=True).stdout
    metrics = len([line for line in table.splitlines() if line.startswith("| `")])
    assert len([n for n in one if n.startswith("metrics/")]) == metrics + 5
    for name in one:
        a, b = one[name], two[name]
        assert a.dtype == b.dtype, name
        if a.dtype.kind in "fiu":
            assert a.tobytes() == b.tobytes(), name
        else:
            assert list(a) == list(b), name
    assert attributes_one.keys() == attributes_two.keys()
    for key in attributes_one:
        assert attributes_one[key] == attributes_two[key], key


def test_another_seed_gives_other_results(placesim, tmp_path):
    a = tmp_path / "a.h5"
    b = tmp_path / "b.h5"
    for out, seed in ((a, "1"), (b, "2")):
        run([placesim, "run", "--replicates", "2", "--set", "simulation.months=12", "--seed", seed, "-o", str(out),
             "-q"], tmp_path, check=True)
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        assert not np.array_equal(fa["metrics/trust_cross_sector"][...], fb["metrics/trust_cross_sector"][...])
