#pragma once
// Writes a results file (docs/results.md): provenance, the design, every metric as float32
// [run, month, ...] chunked by blocks of runs (and compressed when asked), dimension scales on
// every dimension, and each run's status. The file is written in one go from finished
// blocks (from a journal, or from shards being merged): see io/journal.hpp for why.
#include <string>
#include <vector>

#include "io/chunk_encoder.hpp"
#include "io/hdf5.hpp"
#include "io/results_schema.hpp"
#include "model/metrics.hpp"

namespace placesim {

class ResultsWriter {
 public:
  // Creates (truncating) the file with every dataset sized for layout.runs runs, and writes
  // the design.
  ResultsWriter(const std::string& path, const results::Layout& layout, const results::Shard& shard,
                const results::DesignTable& design, const results::Provenance& provenance);

  const results::Layout& layout() const { return layout_; }

  // Stores a block's chunks as they are, and its runs' status.
  void write_block(const EncodedBlock& block);

  // Writes the failures' messages, flushes and closes the file.
  void close();
  // Closes every handle without writing more (after a failure: the file is to be removed).
  void abandon();

 private:
  void create_coordinates(hid_t group, bool metric_dimensions);
  void write_design(const results::DesignTable& design);

  results::Layout layout_;
  hdf5::Handle file_;
  hdf5::Handle metrics_;
  std::vector<hdf5::Handle> datasets_;  // one per metric, in Metric order
  hdf5::Handle status_;
  hdf5::Handle completed_;
  hdf5::Handle failed_;
  std::vector<std::int32_t> failure_runs_;
  std::vector<std::string> failure_messages_;
};

}  // namespace placesim
