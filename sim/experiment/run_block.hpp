#pragma once
// One block of runs: the unit of work of every runner (threads, shards, MPI ranks) and of
// the results file (a chunk of each metric).
#include "experiment/plan.hpp"
#include "io/chunk_encoder.hpp"

namespace placesim {

// Runs every run of block `block` (on the calling TBB arena's threads) and encodes it. A run
// that fails (its parameters make no place, or it breaks an invariant) is recorded as failed
// with its message; the other runs go on.
EncodedBlock run_block(const Plan& plan, const results::Layout& layout, int block);

}  // namespace placesim
