// Sweep throughput with results written: the default place (one strategy, many replicates)
// run by the experiment runner exactly as `placesim run` does (TBB over blocks of runs, one
// writer thread appending each block to the journal and the HDF5 file), on 1 and 2 threads.
// Prints runs per second, agent-months per second, thread scaling and the share of wall time
// spent writing: by the writer thread while runs go on, and closing the files after them.
// Chunks are compressed by the worker threads as part of their work; the last column shows
// that share of the workers' time (encoding seconds / (threads x wall time)). Targets (issue
// 5): at least 1,000 runs/s on this 2-core machine, at least 1.8x from 1 to 2 threads,
// writing at most 10%.
//
//   build/release/bench/bench_sweep [RUNS [COMPRESSION [REPEATS]]]     (default 2000 1 3; --help)
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace {

using namespace placesim;

struct Measure {
  double seconds = 0;
  double writer = 0;     // the writer thread storing blocks (journal and results file), during the run
  double finishing = 0;  // closing both after the last run
  double encoding = 0;   // worker threads encoding (compressing) blocks
};

Measure sweep_once(const Plan& plan, int threads, int compression, const std::string& path) {
  std::filesystem::remove(path);
  ExperimentOptions options;
  options.output = path;
  options.threads = threads;
  options.compression = compression;
  const auto start = std::chrono::steady_clock::now();
  const ExperimentResult result = run_experiment(plan, {"bench", "bench", "now", "bench", "", plan.seed()}, options);
  Measure m;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.writer = result.progress.writing_seconds;
  m.encoding = result.progress.encoding_seconds;
  m.finishing = result.finishing_seconds;
  return m;
}

constexpr const char* kUsage =
    "usage: bench_sweep [RUNS [COMPRESSION [REPEATS]]]\n"
    "  RUNS         default runs per sweep, at least 1 (default 2000)\n"
    "  COMPRESSION  deflate level of the results file, 0-9 (default 1)\n"
    "  REPEATS      sweeps per thread count; the median is printed (default 3)\n";

// The whole argument must be an integer in [low, high]; a bad one is a usage error, not a
// silent 0 from atoi that would then fail deep inside the scenario checks.
bool parse_argument(int argc, char** argv, int index, const char* name, int low, int high, int& value) {
  if (argc <= index) return true;
  const char* text = argv[index];
  const char* end = text + std::strlen(text);
  const auto [stop, error] = std::from_chars(text, end, value);
  if (error != std::errc() || stop != end || value < low || value > high) {
    std::fprintf(stderr, "bench_sweep: %s must be an integer from %d to %d, got '%s'\n%s", name, low, high, text,
                 kUsage);
    return false;
  }
  return true;
}

int run_benchmark(int runs, int compression, int repeats) {
  Scenario scenario = default_scenario();
  apply_override(scenario, "simulation.strategies=[\"baseline\"]");
  apply_override(scenario, "simulation.replicates=" + std::to_string(runs));
  check_scenario(scenario);
  const Plan plan(scenario);
  const double agent_months =
      static_cast<double>(runs) * plan.configuration(0, 0)->place.agent_count() * plan.months();
  const std::string path = (std::filesystem::temp_directory_path() / "placesim_bench_sweep.h5").string();

  std::printf("bench_sweep: %d default runs of %d months, deflate level %d, median of %d\n", runs, plan.months(),
              compression, repeats);
  std::printf("%8s %10s %18s %9s %14s %12s %10s %16s\n", "threads", "runs/s", "agent-months/s", "scaling", "writing share",
              "during runs", "after", "encoding (CPU)");
  double one_thread = 0;
  for (int threads : {1, 2}) {
    std::vector<Measure> measures;
    for (int r = 0; r < repeats; ++r) measures.push_back(sweep_once(plan, threads, compression, path));
    std::sort(measures.begin(), measures.end(), [](const Measure& a, const Measure& b) { return a.seconds < b.seconds; });
    const Measure& median = measures[measures.size() / 2];
    const double rate = runs / median.seconds;
    if (threads == 1) one_thread = rate;
    std::printf("%8d %10.0f %18.3g %8.2fx %13.1f%% %11.1f%% %9.1f%% %15.1f%%\n", threads, rate,
                agent_months / median.seconds, rate / one_thread,
                100 * (median.writer + median.finishing) / median.seconds, 100 * median.writer / median.seconds,
                100 * median.finishing / median.seconds, 100 * median.encoding / (threads * median.seconds));
  }
  std::filesystem::remove(path);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (argc > 4) {
    std::fprintf(stderr, "bench_sweep: at most three arguments\n%s", kUsage);
    return 2;
  }
  int runs = 2000, compression = 1, repeats = 3;
  if (!parse_argument(argc, argv, 1, "RUNS", 1, 10000000, runs) ||
      !parse_argument(argc, argv, 2, "COMPRESSION", 0, 9, compression) ||
      !parse_argument(argc, argv, 3, "REPEATS", 1, 1000, repeats))
    return 2;
  try {
    return run_benchmark(runs, compression, repeats);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "bench_sweep: %s\n", error.what());
    return 1;
  }
}
