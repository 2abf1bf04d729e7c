// Values written to a results file are the values read back, through the project's reader.
#include <gtest/gtest.h>

#include <bit>
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
    const int width = metric_width(static_cast<Metric>(m), f.layout.dims());
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

// Values whose low byte planes are noise, as a varying metric's are: the bits of run r,
// month t, metric m, column c come from a hash. Even metrics take any 32 bits (all four planes
// noise, NaNs included); odd metrics are floats in [0.5, 1) (the two low planes noise, the
// others not).
std::uint32_t noisy_bits(int run, int month, int metric, int column) {
  std::uint32_t x = static_cast<std::uint32_t>(((run * 1000 + month) * 40 + metric) * 40 + column);
  x ^= x >> 16;  // a 32-bit integer hash (lowbias32)
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return metric % 2 == 0 ? x : (x & 0x007FFFFFU) | 0x3F000000U;
}

TEST(ResultsFile, NoisyBytePlanesAreStoredAndReadBackByHdf5sOwnFilter) {
  const std::string path = temp_path("noisy_planes");
  // 4 runs x 301 months: a trust_by_sector plane holds 4 x 301 x 25 = 30,100 bytes, so its
  // four noise planes need two stored blocks (65,535 bytes at most each).
  auto f = testing::synthetic_file(8, 300, 4, 1);
  std::vector<MetricSeries> runs;
  for (int r = 0; r < 8; ++r) {
    MetricSeries& series = runs.emplace_back(301, f.layout.dims());
    for (int t = 0; t <= 300; ++t) {
      for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
        for (int c = 0; c < series.width(static_cast<Metric>(m)); ++c) {
          series.at(t, static_cast<Metric>(m), c) = std::bit_cast<float>(noisy_bits(r, t, m, c));
        }
      }
    }
  }
  {
    ResultsWriter writer(path, f.layout, results::Shard{}, f.design, f.provenance);
    for (int b = 0; b < 2; ++b) {
      std::vector<const MetricSeries*> block;
      for (int r = 4 * b; r < 4 * b + 4; ++r) block.push_back(&runs[static_cast<std::size_t>(r)]);
      const EncodedBlock encoded = encode_block(f.layout, b, block, std::vector<std::string>(4));
      // All-noise chunks are nothing but stored blocks: zlib header, 5 bytes a stored block,
      // the values, Adler-32, then the Fletcher-32 checksum; whatever the compressor would have
      // made of them.
      for (int m = 0; m < static_cast<int>(Metric::Count); m += 2) {
        const std::size_t bytes = 4 * chunk_values(f.layout, static_cast<Metric>(m));
        const std::size_t stored_blocks = (bytes + 65534) / 65535;
        EXPECT_EQ(encoded.chunks[static_cast<std::size_t>(m)].size(), 2 + 5 * stored_blocks + bytes + 4 + 4)
            << spec(static_cast<Metric>(m)).name;
      }
      writer.write_block(encoded);
    }
    writer.close();
  }
  const ResultsReader r(path);
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const std::string name(spec(static_cast<Metric>(m)).name);
    const auto values = r.read(name, 0, 8);
    const int width = metric_width(static_cast<Metric>(m), f.layout.dims());
    std::size_t k = 0;
    for (int run = 0; run < 8; ++run) {
      for (int t = 0; t <= 300; ++t) {
        for (int c = 0; c < width; ++c) {
          ASSERT_EQ(std::bit_cast<std::uint32_t>(values[k++]), noisy_bits(run, t, m, c)) << name;
        }
      }
    }
  }
  std::filesystem::remove(path);
}

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
  EXPECT_EQ(r.number("format_version"), results::kFormatVersion);
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
