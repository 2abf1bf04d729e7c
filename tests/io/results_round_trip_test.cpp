// Values written to a results file are the values read back, through the project's reader.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "io/results_reader.hpp"
#include "support/synthetic_results.hpp"

namespace placesim {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("placesim_" + name + ".h5")).string();
}

class ResultsFileCompression : public ::testing::TestWithParam<int> {};

TEST_P(ResultsFileCompression, EveryValueWrittenIsReadBack) {
  const std::string path = temp_path("round_trip_" + std::to_string(GetParam()));
  const auto f = testing::synthetic_file(10, 12, 4, GetParam());
  testing::write_synthetic(path, f, f.layout.runs);
  const ResultsReader r(path);
  EXPECT_EQ(r.runs(), 10);
  EXPECT_EQ(r.months(), 12);
  EXPECT_EQ(r.issues(), f.layout.issues);
  const auto names = r.metric_names();
  ASSERT_EQ(names.size(), static_cast<std::size_t>(Metric::Count));
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    EXPECT_EQ(names[static_cast<std::size_t>(m)], spec(static_cast<Metric>(m)).name);
    const auto values = r.read(names[static_cast<std::size_t>(m)], 0, r.runs());
    const int width = metric_width(static_cast<Metric>(m), 3);
    ASSERT_EQ(values.size(), static_cast<std::size_t>(10 * 13 * width));
    std::size_t k = 0;
    for (int run = 0; run < 10; ++run) {
      for (int t = 0; t <= 12; ++t) {
        for (int c = 0; c < width; ++c) {
          ASSERT_EQ(values[k++], testing::synthetic_value(run, t, m, c)) << names[static_cast<std::size_t>(m)];
        }
      }
    }
  }
  EXPECT_EQ(r.read_month("place_index", 7)[3], testing::synthetic_value(3, 7, static_cast<int>(Metric::PlaceIndex), 0));
  std::filesystem::remove(path);
}

// Stored as they are, deflated with HDF5's shuffle and deflate filters, and hard.
INSTANTIATE_TEST_SUITE_P(Levels, ResultsFileCompression, ::testing::Values(0, 1, 9));

TEST(ResultsFile, FailedRunsAreRecordedWithTheirMessages) {
  const std::string path = temp_path("failures");
  const auto f = testing::synthetic_file();
  testing::write_synthetic(path, f, f.layout.runs, {2, 9});
  const ResultsReader r(path);
  const auto completed = r.completed();
  const auto failed = r.failed();
  for (int run = 0; run < 10; ++run) {
    const bool fails = run == 2 || run == 9;
    EXPECT_EQ(completed[static_cast<std::size_t>(run)], fails ? 0 : 1) << run;
    EXPECT_EQ(failed[static_cast<std::size_t>(run)], fails ? 1 : 0) << run;
  }
  const auto failures = r.failures();
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].run, 2);
  EXPECT_EQ(failures[0].message, "run 2 broke");
  EXPECT_EQ(failures[1].run, 9);
  EXPECT_EQ(failures[1].message, "run 9 broke");
  for (float v : r.read("outcome", 2, 1)) EXPECT_TRUE(std::isnan(v));
  EXPECT_EQ(r.read("outcome", 3, 1)[0], testing::synthetic_value(3, 0, static_cast<int>(Metric::Outcome), 0));
  std::filesystem::remove(path);
}

TEST(ResultsFile, RawChunksAreThoseEncoded) {
  const std::string path = temp_path("raw_chunks");
  const auto f = testing::synthetic_file();
  testing::write_synthetic(path, f, 8);
  const ResultsReader r(path);
  const EncodedBlock block = testing::synthetic_block(f, 1);
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    EXPECT_EQ(r.raw_chunk(static_cast<Metric>(m), 1), block.chunks[static_cast<std::size_t>(m)]) << m;
  }
  EXPECT_TRUE(r.raw_chunk(Metric::Outcome, 2).empty());  // never written
  std::filesystem::remove(path);
}

TEST(ResultsFile, ProvenanceDesignAndUnitsAreReadBack) {
  const std::string path = temp_path("provenance");
  const auto f = testing::synthetic_file();
  testing::write_synthetic(path, f, f.layout.runs);
  const ResultsReader r(path);
  EXPECT_EQ(r.text("format"), "placesim-results");
  EXPECT_EQ(r.number("format_version"), 2);
  EXPECT_EQ(r.text("program_version"), "9.9.9");
  EXPECT_EQ(r.text("git_commit"), "abcdef");
  EXPECT_EQ(r.text("created_utc"), "2026-01-02T03:04:05Z");
  EXPECT_EQ(r.text("command_line"), "placesim run test");
  EXPECT_EQ(r.text("scenario"), f.provenance.scenario_toml);
  EXPECT_EQ(r.base_seed(), 42u);
  const auto design = r.design();
  ASSERT_EQ(design.labels.size(), 10u);
  for (int run = 0; run < 10; ++run) {
    EXPECT_EQ(design.labels[static_cast<std::size_t>(run)], run % 2 ? "variant b" : "variant a");
    EXPECT_EQ(design.replicates[static_cast<std::size_t>(run)], run / 2);
    EXPECT_EQ(design.points[static_cast<std::size_t>(run)], 0);
  }
  EXPECT_EQ(r.layout().block_runs, 4);
  EXPECT_EQ(r.layout().compression, 1);
  EXPECT_EQ(r.shard().index, 1);
  EXPECT_EQ(r.shard().count, 1);
  const MetricInfo outcome = r.metric("outcome");
  EXPECT_EQ(outcome.units, spec(Metric::Outcome).units);
  EXPECT_EQ(outcome.description, spec(Metric::Outcome).description);
  EXPECT_EQ(outcome.dimensions, (std::vector<std::string>{"run", "month", "issue"}));
  EXPECT_EQ(outcome.shape, (std::vector<std::uint64_t>{10, 13, 3}));
  EXPECT_EQ(r.metric("trust_by_sector").shape, (std::vector<std::uint64_t>{10, 13, 5, 5}));
  std::filesystem::remove(path);
}

TEST(ResultsFile, UnwrittenRunsAreNotCompletedAndHoldNaN) {
  const std::string path = temp_path("partial");
  const auto f = testing::synthetic_file();
  testing::write_synthetic(path, f, 8);  // two of three blocks
  const ResultsReader r(path);
  const auto completed = r.completed();
  for (int run = 0; run < 10; ++run) EXPECT_EQ(completed[static_cast<std::size_t>(run)], run < 8 ? 1 : 0) << run;
  const auto values = r.read("place_index", 8, 2);
  for (float v : values) EXPECT_TRUE(std::isnan(v));
  std::filesystem::remove(path);
}

TEST(ResultsFile, AFileThatIsNotAResultsFileIsRefused) {
  const std::string path = temp_path("not_results");
  { std::ofstream(path) << "plain text\n"; }
  EXPECT_THROW(ResultsReader{path}, hdf5::Hdf5Error);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace placesim
