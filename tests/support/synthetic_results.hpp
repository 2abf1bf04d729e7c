#pragma once
// A results file with values known in advance, for round-trip tests: the value of run r,
// month t, metric m and column c is r * 1e6 + t * 1e3 + m * 30 + c, exact in float32 for
// the small sizes used here. tests/python/test_results_file.py computes the same formula.
#include <algorithm>
#include <string>
#include <vector>

#include "io/results_writer.hpp"
#include "model/metrics.hpp"

namespace placesim::testing {

inline float synthetic_value(int run, int month, int metric, int column) {
  return static_cast<float>(run * 1000000 + month * 1000 + metric * 30 + column);
}

inline MetricSeries synthetic_run(int run, int months, MetricDims dims) {
  MetricSeries series(months + 1, dims);
  for (int t = 0; t <= months; ++t) {
    for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
      for (int c = 0; c < series.width(static_cast<Metric>(m)); ++c) {
        series.at(t, static_cast<Metric>(m), c) = synthetic_value(run, t, m, c);
      }
    }
  }
  return series;
}

// Two variants alternating, replicate r / 2, seed 42: a design table for the writer.
class SyntheticDesign : public results::DesignTable {
 public:
  std::vector<results::DesignColumn> design_columns() const override {
    using results::ColumnType;
    return {{"label", ColumnType::Text, "variant", "", "", 1},
            {"replicate", ColumnType::Int32, "replicate", "", "", 1},
            {"seed", ColumnType::UInt64, "seed", "", "", 1},
            {"point", ColumnType::Int32, "point", "", "", 1}};
  }
  std::vector<std::string> design_parameters() const override { return {}; }
  std::vector<std::pair<std::string, results::AttributeValue>> design_attributes() const override {
    return {{"sweep_design", std::string("none")}, {"points", std::int64_t{1}}};
  }
  std::vector<results::ColumnData> design_rows(int first, int count) const override {
    std::vector<std::string> labels;
    std::vector<std::int32_t> replicates, points;
    std::vector<std::uint64_t> seeds;
    for (int r = first; r < first + count; ++r) {
      labels.push_back(r % 2 ? "variant b" : "variant a");
      replicates.push_back(r / 2);
      seeds.push_back(42);
      points.push_back(0);
    }
    return {labels, replicates, seeds, points};
  }
};

struct SyntheticFile {
  results::Layout layout;
  SyntheticDesign design;
  results::Provenance provenance;
};

inline SyntheticFile synthetic_file(int runs = 10, int months = 12, int block_runs = 4, int compression = 1) {
  SyntheticFile f;
  f.layout.runs = runs;
  f.layout.months = months;
  f.layout.issues = {"safety", "health", "care"};
  f.layout.sectors = {"member", "officer", "police", "health", "vcs"};
  f.layout.block_runs = block_runs;
  f.layout.compression = compression;
  f.provenance = {"9.9.9", "abcdef", "2026-01-02T03:04:05Z", "placesim run test", "[simulation]\nname = \"t\"\n", 42};
  return f;
}

// The synthetic runs of one block, encoded; runs listed in `failed` fail with a message.
inline EncodedBlock synthetic_block(const SyntheticFile& f, int block, const std::vector<int>& failed = {}) {
  std::vector<MetricSeries> runs;
  std::vector<std::string> messages;
  const int first = f.layout.first_run(block);
  for (int r = first; r < first + f.layout.runs_in(block); ++r) {
    runs.push_back(synthetic_run(r, f.layout.months, f.layout.dims()));
    const bool fails = std::find(failed.begin(), failed.end(), r) != failed.end();
    messages.push_back(fails ? "run " + std::to_string(r) + " broke" : "");
  }
  std::vector<const MetricSeries*> pointers;
  for (std::size_t i = 0; i < runs.size(); ++i) pointers.push_back(messages[i].empty() ? &runs[i] : nullptr);
  return encode_block(f.layout, block, pointers, messages);
}

// Writes the blocks holding runs [0, written) of a synthetic file (written a multiple of
// block_runs, or every run).
inline void write_synthetic(const std::string& path, const SyntheticFile& f, int written,
                            const std::vector<int>& failed = {}) {
  ResultsWriter writer(path, f.layout, results::Shard{}, f.design, f.provenance);
  for (int b = 0; b < f.layout.blocks() && f.layout.first_run(b) < written; ++b) {
    writer.write_block(synthetic_block(f, b, failed));
  }
  writer.close();
}

}  // namespace placesim::testing
