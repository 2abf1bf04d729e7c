// The ranks of a build with MPI (PLACESIM_WITH_MPI).
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <cstdlib>
#include <memory>

#include "experiment/mpi/ranks.hpp"
#include "experiment/mpi/mpi_runner.hpp"

namespace placesim {

namespace {

std::unique_ptr<boost::mpi::environment> environment;
std::unique_ptr<boost::mpi::communicator> world;

// Whether an MPI launcher (mpirun, srun) started this process: only then is MPI started, so
// that `placesim` alone never pays for it or depends on a launcher.
bool launched_by_mpi() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"}) {
    if (std::getenv(variable)) return true;
  }
  return false;
}

}  // namespace

void start_ranks(int& argc, char**& argv) {
  if (!launched_by_mpi()) return;
  // Only the main thread calls MPI; the writer and TBB threads do not.
  environment = std::make_unique<boost::mpi::environment>(argc, argv, boost::mpi::threading::funneled, false);
  world = std::make_unique<boost::mpi::communicator>();
}

void finish_ranks() {
  world.reset();
  environment.reset();
}

void abort_ranks(int status) {
  if (world && world->size() > 1) world->abort(status);
}

int rank() { return world ? world->rank() : 0; }
int ranks() { return world ? world->size() : 1; }
bool built_with_mpi() { return true; }

BlockExecutor root_executor(int threads, std::function<void(const Progress&)> on_progress) {
  if (ranks() < 2) return {};
  return [threads, on_progress](const std::vector<int>& pending, const std::function<EncodedBlock(int)>& compute,
                                const std::function<void(const EncodedBlock&)>& store, Progress start) {
    return mpi::run_root(*world, pending, compute, store, start, threads, on_progress);
  };
}

void serve_blocks(const std::function<EncodedBlock(int)>& compute, int threads) {
  mpi::run_worker(*world, compute, threads);
}

}  // namespace placesim
