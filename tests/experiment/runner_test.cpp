// The runner writes exactly what each run computes, whatever the number of threads.
#include "experiment/runner.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "io/results_reader.hpp"
#include "model/model.hpp"

namespace placesim {
namespace {

Scenario small_scenario(int replicates) {
  Scenario s = default_scenario();
  apply_override(s, "simulation.months=30");
  apply_override(s, "simulation.replicates=" + std::to_string(replicates));
  return s;
}

std::string run_to_file(const Scenario& scenario, int threads, const std::string& name, int block_runs) {
  const std::string path = (std::filesystem::temp_directory_path() / ("placesim_runner_" + name + ".h5")).string();
  const Plan plan = plan_strategies(scenario);
  results::Layout layout;
  layout.runs = static_cast<int>(plan.runs.size());
  layout.months = plan.months;
  for (const auto& issue : plan.variants.front()->place.issues) layout.issues.push_back(issue.name);
  layout.block_runs = block_runs;
  ResultsWriter writer(path, layout, plan.design(), {"v", "c", "t", "cmd", "toml", plan.seed});
  RunnerOptions options;
  options.threads = threads;
  int last_done = 0;
  options.on_block_written = [&](const Progress& p) { last_done = p.runs_done; };
  run_plan(plan, writer, options);
  writer.close();
  EXPECT_EQ(last_done, layout.runs);
  return path;
}

TEST(Runner, WritesWhatEachRunComputes) {
  const Scenario s = small_scenario(5);
  const std::string path = run_to_file(s, 2, "direct", 2);
  const ResultsReader r(path);
  const auto configuration = configure(s.params);
  for (int replicate = 0; replicate < 5; ++replicate) {
    Model model(configuration, {s.params.simulation.seed, static_cast<std::uint32_t>(replicate)});
    model.run();
    const auto written = r.read("trust_by_sector", replicate, 1);
    std::size_t k = 0;
    for (int t = 0; t <= 30; ++t) {
      for (int c = 0; c < 25; ++c) {
        const float expected = model.metrics().at(t, Metric::TrustBySector, c);
        const float got = written[k++];
        ASSERT_TRUE(std::memcmp(&expected, &got, sizeof(float)) == 0) << "replicate " << replicate;
      }
    }
  }
  std::filesystem::remove(path);
}

TEST(Runner, ResultsAreBitIdenticalWithOneOrTwoThreads) {
  const Scenario s = small_scenario(9);
  const std::string one = run_to_file(s, 1, "one", 4);
  const std::string two = run_to_file(s, 2, "two", 4);
  const ResultsReader a(one), b(two);
  for (const std::string& name : a.metric_names()) {
    const auto x = a.read(name, 0, a.runs());
    const auto y = b.read(name, 0, b.runs());
    ASSERT_EQ(x.size(), y.size());
    EXPECT_EQ(std::memcmp(x.data(), y.data(), x.size() * sizeof(float)), 0) << name;
  }
  EXPECT_EQ(a.completed(), b.completed());
  std::filesystem::remove(one);
  std::filesystem::remove(two);
}

}  // namespace
}  // namespace placesim
