// The ranks of a build without MPI: always one process.
#include <stdexcept>

#include "experiment/mpi/ranks.hpp"

namespace placesim {

void start_ranks(int&, char**&) {}
void finish_ranks() {}
void abort_ranks(int) {}
int rank() { return 0; }
int ranks() { return 1; }
bool built_with_mpi() { return false; }

BlockExecutor root_executor(int, std::function<void(const Progress&)>) { return {}; }

void serve_blocks(const std::function<EncodedBlock(int)>&, int) {
  throw std::logic_error("serve_blocks needs an MPI build");
}

}  // namespace placesim
