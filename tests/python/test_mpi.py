"""`mpirun -n N placesim run ...` writes the same file as one process (provenance times
aside), whatever the number of ranks. Registered only in builds with PLACESIM_WITH_MPI."""
import os
import subprocess

from conftest import run
from test_interrupted_runs import assert_same_results

SWEEP = """
[simulation]
months = 36
replicates = 8
strategies = ["baseline", "total_place"]

[sweep]
design = "sobol"
samples = 4

[sweep.parameters]
trust.decay = { min = 0.005, max = 0.05 }
"interventions.total_place.take_up" = { min = 0.4, max = 1.0 }
"""


def mpirun(ranks, args, cwd):
    environment = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
                       OMPI_MCA_rmaps_base_oversubscribe="1")
    return subprocess.run([os.environ["PLACESIM_MPIEXEC"], "--oversubscribe", "-n", str(ranks), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600, env=environment)


def test_mpi_ranks_write_the_single_process_file(placesim, tmp_path):
    (tmp_path / "sweep.toml").write_text(SWEEP)
    single = run([placesim, "run", "sweep.toml", "-o", "single.h5", "-q"], tmp_path)
    assert single.returncode == 0, single.stderr
    for ranks in (2, 3):
        out = f"ranks{ranks}.h5"
        job = mpirun(ranks, [placesim, "run", "sweep.toml", "-o", out, "-q", "--threads", "1"], tmp_path)
        assert job.returncode == 0, job.stderr
        assert_same_results(tmp_path / out, tmp_path / "single.h5")


def test_an_mpi_job_stops_every_rank_on_bad_input(placesim, tmp_path):
    (tmp_path / "sweep.toml").write_text(SWEEP)
    (tmp_path / "taken.h5").write_bytes(b"earlier results")
    job = mpirun(2, [placesim, "run", "sweep.toml", "-o", "taken.h5"], tmp_path)
    assert job.returncode == 2
    assert "taken.h5 exists" in job.stderr
    assert (tmp_path / "taken.h5").read_bytes() == b"earlier results"
