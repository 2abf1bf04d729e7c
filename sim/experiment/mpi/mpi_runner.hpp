#pragma once
// Runs blocks across the ranks of an MPI job with dynamic load balancing: rank 0 (the root)
// hands out blocks one at a time to whichever rank asks, runs blocks on its own threads too,
// and stores every finished block through its one writer, so the job writes exactly the file
// one process would (blocks are a pure function of their index). Built only with
// PLACESIM_WITH_MPI (OpenMPI and Boost.MPI from Debian).
//
// Protocol: a worker asks twice at the start (so that it always holds a block in reserve),
// then sends each finished block; the root answers every message with the next block, or -1
// when there are none left. A worker stops after its second -1.
#include <boost/mpi/communicator.hpp>

#include <functional>
#include <vector>

#include "experiment/runner.hpp"

namespace placesim::mpi {

// The root's side: runs `pending` on its own threads and on every other rank; stores each
// finished block with `store` on the root's writer thread. Returns when every rank has
// stopped; rethrows the first failure of the root's computing or storing.
Progress run_root(const boost::mpi::communicator& world, const std::vector<int>& pending,
                  const std::function<EncodedBlock(int)>& compute, const std::function<void(const EncodedBlock&)>& store,
                  Progress start, int threads, const std::function<void(const Progress&)>& on_progress);

// Any other rank: computes the blocks the root hands out, on `threads` threads, until told to
// stop.
void run_worker(const boost::mpi::communicator& world, const std::function<EncodedBlock(int)>& compute, int threads);

}  // namespace placesim::mpi
