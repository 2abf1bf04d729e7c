#pragma once
// A results file with values known in advance, for round-trip tests: the value of run r,
// month t, metric m and column c is r * 1e6 + t * 1e3 + m * 30 + c, exact in float32 for
// the small sizes used here. tests/python/test_results_file.py computes the same formula.
#include <string>
#include <vector>

#include "io/results_writer.hpp"
#include "model/metrics.hpp"

namespace placesim::testing {

inline float synthetic_value(int run, int month, int metric, int column) {
  return static_cast<float>(run * 1000000 + month * 1000 + metric * 30 + column);
}

inline MetricSeries synthetic_run(int run, int months, int issues) {
  MetricSeries series(months + 1, issues);
  for (int t = 0; t <= months; ++t) {
    for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
      for (int c = 0; c < series.width(static_cast<Metric>(m)); ++c) {
        series.at(t, static_cast<Metric>(m), c) = synthetic_value(run, t, m, c);
      }
    }
  }
  return series;
}

struct SyntheticFile {
  results::Layout layout;
  results::RunDesign design;
  results::Provenance provenance;
};

inline SyntheticFile synthetic_file(int runs = 10, int months = 12, int block_runs = 4) {
  SyntheticFile f;
  f.layout.runs = runs;
  f.layout.months = months;
  f.layout.issues = {"safety", "health", "care"};
  f.layout.block_runs = block_runs;
  for (int r = 0; r < runs; ++r) {
    f.design.labels.push_back(r % 2 ? "variant b" : "variant a");
    f.design.replicates.push_back(r / 2);
    f.design.seeds.push_back(42);
  }
  f.provenance = {"9.9.9", "abcdef", "2026-01-02T03:04:05Z", "placesim run test", "[simulation]\nname = \"t\"\n", 42};
  return f;
}

// Writes the runs [0, written) of a synthetic file in blocks.
inline void write_synthetic(const std::string& path, const SyntheticFile& f, int written) {
  ResultsWriter writer(path, f.layout, f.design, f.provenance);
  for (int first = 0; first < written; first += f.layout.block_runs) {
    std::vector<MetricSeries> runs;
    for (int r = first; r < std::min(written, first + f.layout.block_runs); ++r) {
      runs.push_back(synthetic_run(r, f.layout.months, static_cast<int>(f.layout.issues.size())));
    }
    std::vector<const MetricSeries*> pointers;
    for (const auto& s : runs) pointers.push_back(&s);
    writer.write_runs(first, pointers);
  }
  writer.close();
}

}  // namespace placesim::testing
