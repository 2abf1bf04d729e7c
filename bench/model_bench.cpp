// One default run (the default place, 120 months) on one core: runs per second and
// agent-months per second. Issue target: at least 500 default runs per second.
//   build/release/bench/bench_model
#include <benchmark/benchmark.h>

#include "model/model.hpp"

namespace {

using namespace placesim;

void BM_DefaultRun(benchmark::State& state) {
  const Params params = default_params();
  std::uint32_t replicate = 0;
  long agent_months = 0;
  for (auto _ : state) {
    Model model(params, {params.simulation.seed, replicate++});
    model.run();
    benchmark::DoNotOptimize(model.metrics().values().data());
    agent_months += static_cast<long>(model.state().agents.count) * params.simulation.months;
  }
  state.counters["runs_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate);
  state.counters["agent_months_per_s"] =
      benchmark::Counter(static_cast<double>(agent_months), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DefaultRun)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The parts of a month, to show what dominates.
void BM_Setup(benchmark::State& state) {
  const Params params = default_params();
  std::uint32_t replicate = 0;
  for (auto _ : state) {
    Model model(params, {params.simulation.seed, replicate++});
    benchmark::DoNotOptimize(model.metrics().values().data());
  }
}
BENCHMARK(BM_Setup)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
