#include "experiment/mpi/mpi_runner.hpp"

#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <exception>
#include <map>
#include <thread>

namespace boost::serialization {

// A finished block travels from a worker to the root as its encoded bytes.
template <class Archive>
void serialize(Archive& archive, placesim::EncodedBlock& block, unsigned /*version*/) {
  archive & block.block & block.first & block.runs & block.failed & block.messages & block.chunks;
}

}  // namespace boost::serialization

namespace placesim::mpi {

namespace {

constexpr int kRoot = 0;
constexpr int kAsk = 1;     // worker -> root: a block, please
constexpr int kResult = 2;  // worker -> root: a finished block (and a block, please)
constexpr int kAssign = 3;  // root -> worker: a block index, or -1 to stop
constexpr int kInHand = 2;  // blocks a worker asks for at the start
constexpr int kStop = -1;

}  // namespace

Progress run_root(const boost::mpi::communicator& world, const std::vector<int>& pending,
                  const std::function<EncodedBlock(int)>& compute, const std::function<void(const EncodedBlock&)>& store,
                  Progress start, int threads, const std::function<void(const Progress&)>& on_progress) {
  BlockWriter writer(store, start, on_progress);
  BlockQueue queue(pending);

  // The root's own threads take blocks from the same queue as the other ranks.
  std::exception_ptr local_failure;
  std::thread local([&] {
    try {
      compute_blocks(queue, compute, writer, threads);
    } catch (...) {
      local_failure = std::current_exception();
      queue.close();  // hand out nothing more: the run stops
    }
  });

  // Answer every worker message with the next block, until each worker has had its stops.
  std::map<int, int> stops_sent;
  int working = world.size() - 1;
  auto reply = [&](int rank) {
    const std::optional<int> next = writer.failed() ? std::nullopt : queue.next();
    const int block = next ? *next : kStop;
    world.send(rank, kAssign, block);
    if (block == kStop && ++stops_sent[rank] == kInHand) --working;
  };
  while (working > 0) {
    const boost::optional<boost::mpi::status> message = world.iprobe(boost::mpi::any_source, boost::mpi::any_tag);
    if (!message) {
      // Polling rather than a blocking receive: OpenMPI's blocking receive spins a core the
      // root's threads need.
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    const int rank = message->source();
    if (message->tag() == kResult) {
      auto block = std::make_unique<EncodedBlock>();
      world.recv(rank, kResult, *block);
      writer.push(std::move(block));
    } else {
      world.recv(rank, kAsk);
    }
    reply(rank);
  }
  local.join();
  Progress done = writer.finish();
  if (local_failure) std::rethrow_exception(local_failure);
  return done;
}

void run_worker(const boost::mpi::communicator& world, const std::function<EncodedBlock(int)>& compute, int threads) {
  tbb::task_arena arena(runner_threads(threads));
  for (int i = 0; i < kInHand; ++i) world.send(kRoot, kAsk);
  int stops = 0;
  while (stops < kInHand) {
    int block = kStop;
    world.recv(kRoot, kAssign, block);
    if (block == kStop) {
      ++stops;
      continue;
    }
    EncodedBlock finished;
    arena.execute([&] { finished = compute(block); });
    world.send(kRoot, kResult, finished);
  }
}

}  // namespace placesim::mpi
