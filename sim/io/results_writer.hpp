#pragma once
// Writes a results file (docs/results.md): provenance, the design, every metric as float32
// [run, month, ...] chunked by blocks of runs and compressed, dimension scales on every
// dimension, and a completed flag per run. Used from one thread only.
#include <string>
#include <vector>

#include "io/hdf5.hpp"
#include "io/results_schema.hpp"
#include "model/metrics.hpp"

namespace placesim {

class ResultsWriter {
 public:
  // Creates (truncating) the file with every dataset sized for layout.runs runs.
  ResultsWriter(const std::string& path, const results::Layout& layout, const results::RunDesign& design,
                const results::Provenance& provenance);

  const results::Layout& layout() const { return layout_; }

  // Writes the metrics of runs first .. first + runs.size() - 1, then marks them completed
  // and flushes, so that a completed flag is only ever set on written data.
  void write_runs(int first, const std::vector<const MetricSeries*>& runs);

  // Flushes and closes the file.
  void close();

 private:
  void create_coordinates(hid_t group, bool metric_dimensions);

  results::Layout layout_;
  hdf5::Handle file_;
  hdf5::Handle metrics_;
  std::vector<hdf5::Handle> datasets_;  // one per metric, in Metric order
  hdf5::Handle completed_;
  std::vector<float> buffer_;
};

}  // namespace placesim
