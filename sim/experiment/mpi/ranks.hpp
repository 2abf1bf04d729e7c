#pragma once
// How this process takes part in a run: alone, or as one rank of an MPI job started by
// `mpirun -n N placesim run ...` (builds with PLACESIM_WITH_MPI; see docs/cluster.md). The
// job writes the same file as one process: rank 0 writes it, the other ranks compute the
// blocks it hands out.
#include <functional>

#include "experiment/experiment.hpp"

namespace placesim {

// Joins the MPI job when started by an MPI launcher (and does nothing otherwise); call first.
void start_ranks(int& argc, char**& argv);
// Leaves it (MPI_Finalize) at a normal exit.
void finish_ranks();
// Stops every rank of the job with `status` (MPI_Abort); returns when not in a job.
void abort_ranks(int status);

int rank();   // 0 when alone
int ranks();  // 1 when alone
bool built_with_mpi();

// Rank 0's executor for run_experiment: its threads and every other rank's.
BlockExecutor root_executor(int threads, std::function<void(const Progress&)> on_progress);
// The other ranks: compute the blocks rank 0 hands out until it says stop.
void serve_blocks(const std::function<EncodedBlock(int)>& compute, int threads);

}  // namespace placesim
