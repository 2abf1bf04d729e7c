// One default run (the default place, 120 months) on one core: runs per second and
// agent-months per second. Issue target: at least 500 default runs per second.
// As in a sweep, the scenario is configured once and shared by its runs; each run sets up
// its own agents and trust network. Pin it to a core for steadier figures:
//   taskset -c 1 build/release/bench/bench_model
#include <benchmark/benchmark.h>

#include "model/model.hpp"
#include "scenario/presets.hpp"

namespace {

using namespace placesim;

void BM_DefaultRun(benchmark::State& state) {
  const auto configuration = configure(default_params());
  const Params& params = configuration->params;
  std::uint32_t replicate = 0;
  long agent_months = 0;
  for (auto _ : state) {
    Model model(configuration, {params.simulation.seed, replicate++});
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

// A run's own set-up (agents, starting trust network, month 0) without its months.
void BM_RunSetup(benchmark::State& state) {
  const auto configuration = configure(default_params());
  std::uint32_t replicate = 0;
  for (auto _ : state) {
    Model model(configuration, {configuration->params.simulation.seed, replicate++});
    benchmark::DoNotOptimize(model.metrics().values().data());
  }
}
BENCHMARK(BM_RunSetup)->Unit(benchmark::kMicrosecond);

// Configuring a scenario (building its place), done once per scenario in a sweep.
void BM_Configure(benchmark::State& state) {
  const Params params = default_params();
  for (auto _ : state) benchmark::DoNotOptimize(configure(params).get());
}
BENCHMARK(BM_Configure)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
