// The runner stores every block once and exactly what each run computes, whatever the number
// of threads; a run that fails is recorded and the others go on; a failure of the machinery
// stops everything and is reported.
#include "experiment/runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include "experiment/experiment.hpp"
#include "io/results_reader.hpp"
#include "model/model.hpp"

namespace placesim {
namespace {

Scenario small_scenario(int replicates) {
  Scenario s = default_scenario();
  apply_override(s, "simulation.months=30");
  apply_override(s, "simulation.replicates=" + std::to_string(replicates));
  apply_override(s, "simulation.strategies=[\"baseline\", \"peer_review\"]");
  check_scenario(s);
  return s;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("placesim_runner_" + name + ".h5")).string();
}

std::string run_to_file(const Scenario& scenario, int threads, const std::string& name) {
  const std::string path = temp_path(name);
  std::filesystem::remove(path);
  const Plan plan(scenario);
  ExperimentOptions options;
  options.output = path;
  options.threads = threads;
  options.compression = 1;
  int last_done = 0;
  options.on_progress = [&](const Progress& p) { last_done = p.runs_done; };
  const ExperimentResult result = run_experiment(plan, {"v", "c", "t", "cmd", "toml", plan.seed()}, options);
  EXPECT_EQ(last_done, plan.runs());
  EXPECT_EQ(result.progress.runs_total, plan.runs());
  EXPECT_FALSE(std::filesystem::exists(journal_path(path)));  // removed once the file is written
  return path;
}

TEST(Runner, WritesWhatEachRunComputes) {
  const Scenario s = small_scenario(5);
  const std::string path = run_to_file(s, 2, "direct");
  const ResultsReader r(path);
  const Plan plan(s);
  for (int run = 0; run < plan.runs(); ++run) {
    const RunAddress a = plan.address(run);
    Model model(plan.configuration(a.point, a.strategy), {s.params.simulation.seed, static_cast<std::uint32_t>(a.replicate)});
    model.run();
    const auto written = r.read("trust_by_sector", run, 1);
    std::size_t k = 0;
    for (int t = 0; t <= 30; ++t) {
      for (int c = 0; c < 25; ++c) {
        const float expected = model.metrics().at(t, Metric::TrustBySector, c);
        const float got = written[k++];
        ASSERT_TRUE(std::memcmp(&expected, &got, sizeof(float)) == 0) << "run " << run;
      }
    }
  }
  EXPECT_EQ(r.design().labels[6], "peer_review");  // runs 5-9: the second strategy
  std::filesystem::remove(path);
}

TEST(Runner, ResultsAreBitIdenticalWithOneOrTwoThreads) {
  const Scenario s = small_scenario(9);
  const std::string one = run_to_file(s, 1, "one");
  const std::string two = run_to_file(s, 2, "two");
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

EncodedBlock fake_block(int b) {
  EncodedBlock block;
  block.block = b;
  block.runs = 3;
  block.failed = {0, static_cast<std::uint8_t>(b % 2), 0};
  return block;
}

TEST(Runner, StoresEveryBlockOnceAndCountsRuns) {
  std::vector<int> blocks;
  for (int b = 0; b < 40; b += 2) blocks.push_back(b);
  std::multiset<int> stored;
  Progress start;
  start.runs_done = 7;  // resumed
  start.runs_before = 7;
  start.runs_total = 7 + 3 * 20;
  RunnerOptions options;
  options.threads = 2;
  const Progress end = run_blocks(blocks, fake_block, [&](const EncodedBlock& b) { stored.insert(b.block); }, start,
                                  options);
  EXPECT_EQ(stored, std::multiset<int>(blocks.begin(), blocks.end()));
  EXPECT_EQ(end.runs_done, 67);
  EXPECT_EQ(end.runs_failed, 0);  // even blocks only
}

TEST(Runner, AFailureToComputeOrStoreStopsTheRunAndIsReported) {
  std::vector<int> blocks(200);
  for (int b = 0; b < 200; ++b) blocks[static_cast<std::size_t>(b)] = b;
  std::atomic<int> computed{0};
  std::mutex mutex;
  std::set<int> succeeded, stored;
  auto compute = [&](int b) {
    ++computed;
    if (b == 5) throw std::runtime_error("out of memory, say");
    std::lock_guard lock(mutex);
    succeeded.insert(b);
    return fake_block(b);
  };
  RunnerOptions two;
  two.threads = 2;
  EXPECT_THROW(run_blocks(blocks, compute, [&](const EncodedBlock& b) { stored.insert(b.block); }, {}, two),
               std::runtime_error);
  EXPECT_LT(computed.load(), 200);  // stopped early
  EXPECT_EQ(stored, succeeded);     // but every block computed is written, none dropped or leaked

  auto store = [](const EncodedBlock& b) {
    if (b.block == 3) throw std::runtime_error("disk full");
  };
  try {
    run_blocks(blocks, fake_block, store, {}, {});
    FAIL() << "expected the store failure";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "disk full");
  }
}

TEST(Runner, ARunThatFailsIsRecordedAndTheOthersGoOn) {
  Scenario s = load_scenario_text(R"(
[simulation]
months = 12
replicates = 3
strategies = ["baseline"]

[sweep]
design = "list"
points = [
  { trust.decay = 0.01 },
  { place.issues.community_safety.enabled = false, place.issues.local_economy.enabled = false },
  { trust.decay = 0.03 },
]
)",
                                  "failing.toml");
  check_scenario(s);
  const std::string path = run_to_file(s, 2, "failing");
  const ResultsReader r(path);
  const auto completed = r.completed();
  const auto failed = r.failed();
  for (int run = 0; run < 9; ++run) {
    const bool middle = run >= 3 && run < 6;  // point 1 runs with fewer issues than the file has
    EXPECT_EQ(failed[static_cast<std::size_t>(run)], middle ? 1 : 0) << run;
    EXPECT_EQ(completed[static_cast<std::size_t>(run)], middle ? 0 : 1) << run;
  }
  const auto failures = r.failures();
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].run, 3);
  EXPECT_NE(failures[0].message.find("design point 1"), std::string::npos) << failures[0].message;
  EXPECT_NE(failures[0].message.find("issues differ"), std::string::npos) << failures[0].message;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace placesim
