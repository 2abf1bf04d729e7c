"""`--shard I/N` slices a sweep into files of their own, and `placesim merge` joins them into
a file equal to one process's (provenance times aside); shards that do not belong together
are refused."""
import h5py

from conftest import run
from test_interrupted_runs import assert_same_results

SWEEP = """
[simulation]
name = "sharded"
months = 24
replicates = 30
strategies = ["baseline", "co_design"]

[sweep]
design = "latin_hypercube"
samples = 5

[sweep.parameters]
trust.decay = { min = 0.005, max = 0.05 }
"interventions.co_design.take_up" = { min = 0.4, max = 1.0 }
"""


def test_shards_merge_to_the_single_process_file(placesim, tmp_path):
    (tmp_path / "sweep.toml").write_text(SWEEP)
    single = run([placesim, "run", "sweep.toml", "-o", "single.h5", "-q", "--threads", "2"], tmp_path)
    assert single.returncode == 0, single.stderr
    for i in (1, 2, 3):
        shard = run([placesim, "run", "sweep.toml", "--shard", f"{i}/3", "-q", "--threads", "1"], tmp_path)
        assert shard.returncode == 0, shard.stderr
    shards = [f"results/sharded-shard-{i}-of-3.h5" for i in (3, 1, 2)]  # any order
    with h5py.File(tmp_path / shards[1], "r") as f:
        assert f.attrs["shard_index"] == 1 and f.attrs["shard_count"] == 3
        done = f["status/completed"][...]
        assert 0 < done.sum() < len(done)  # a slice of the runs, the rest missing
    merged = run([placesim, "merge", "merged.h5", *shards], tmp_path)
    assert merged.returncode == 0, merged.stderr
    assert "300 runs" in merged.stdout
    assert_same_results(tmp_path / "merged.h5", tmp_path / "single.h5")


def test_merge_refuses_shards_that_do_not_belong_together(placesim, tmp_path):
    (tmp_path / "sweep.toml").write_text(SWEEP)
    for i in (1, 2):
        assert run([placesim, "run", "sweep.toml", "--shard", f"{i}/2", "-q"], tmp_path).returncode == 0
    assert run([placesim, "run", "sweep.toml", "--shard", "2/2", "-q", "-o", "other.h5", "--set", "trust.floor=0.05"],
               tmp_path).returncode == 0
    one, two = "results/sharded-shard-1-of-2.h5", "results/sharded-shard-2-of-2.h5"

    missing = run([placesim, "merge", "out.h5", one], tmp_path)
    assert missing.returncode == 2 and "shard 2 of 2 missing" in missing.stderr
    twice = run([placesim, "merge", "out.h5", one, one, two], tmp_path)
    assert twice.returncode == 2 and "are both shard 1/2" in twice.stderr
    other = run([placesim, "merge", "out.h5", one, "other.h5"], tmp_path)
    assert other.returncode == 2 and "scenarios differ" in other.stderr
    assert not (tmp_path / "out.h5").exists()

    assert run([placesim, "merge", "out.h5", one, two, "-q"], tmp_path).returncode == 0
    again = run([placesim, "merge", "out.h5", one, two], tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr


def test_bad_shard_options_are_refused(placesim, tmp_path):
    for shard in ("0/3", "4/3", "2", "a/b", "1/0"):
        result = run([placesim, "run", "--shard", shard, "--replicates", "1"], tmp_path)
        assert result.returncode == 2, shard
        assert "--shard" in result.stderr, result.stderr
