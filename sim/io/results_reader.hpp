#pragma once
// Reads a results file written by ResultsWriter (docs/results.md).
#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5.hpp"
#include "io/results_schema.hpp"
#include "model/metrics.hpp"

namespace placesim {

struct MetricInfo {
  std::string name;
  std::string units;
  std::string label;        // long_name: a short name for tables and charts
  std::string description;
  bool key_outcome = false;  // the key_outcome attribute
  std::vector<std::string> dimensions;  // run, month[, issue | sector_from, sector_to]
  std::vector<std::uint64_t> shape;
};

// What each run is: the /design columns every file has.
struct RunLabels {
  std::vector<std::string> labels;       // the strategy
  std::vector<std::int32_t> replicates;
  std::vector<std::int32_t> points;      // design point of the sweep
};

struct RunFailure {
  int run = 0;
  std::string message;
};

class ResultsReader {
 public:
  // Throws hdf5::Hdf5Error when the file is not a PlaceSim results file, or is one of a format
  // version this program does not read, or its sizes do not agree with each other.
  explicit ResultsReader(const std::string& path);

  const std::string& path() const { return path_; }
  std::int64_t format_version() const { return version_; }
  // Whether every chunk carries a Fletcher-32 checksum, and the rest the root attribute
  // content_crc32 (format version 3 on).
  bool checksums() const { return version_ >= 3; }
  // The file's content digest as recomputed now (io/content_digest.hpp).
  std::uint32_t content_digest() const;

  std::string text(const std::string& attribute) const;
  std::int64_t number(const std::string& attribute) const;
  std::uint64_t base_seed() const;
  int runs() const { return runs_; }
  int months() const { return months_; }  // simulated months: the month dimension is months + 1

  std::vector<std::string> issues() const;
  std::vector<std::string> sectors() const;
  std::vector<std::string> metric_names() const;
  MetricInfo metric(const std::string& name) const;
  // Values of runs first .. first + count - 1, laid out [run][month][column].
  std::vector<float> read(const std::string& name, int first, int count) const;
  // A scalar metric's value at one month, for every run.
  std::vector<float> read_month(const std::string& name, int month) const;
  std::vector<std::uint8_t> completed() const;
  std::vector<std::uint8_t> failed() const;
  std::vector<RunFailure> failures() const;
  RunLabels design() const;
  // The swept parameters (empty without a sweep), and one's values for every run.
  std::vector<std::string> design_parameters() const;
  std::vector<double> design_numbers(const std::string& column) const;
  std::string design_attribute(const std::string& name) const;  // a text attribute of /design
  std::int64_t number_in_design(const std::string& name) const;  // an integer attribute of /design
  std::string design_column_attribute(const std::string& column, const std::string& name) const;

  // How the file is cut, for merging shards.
  results::Layout layout() const;
  results::Shard shard() const;
  results::Provenance provenance() const;
  // A block's chunk of one metric as stored (filtered bytes), or nothing when the block was
  // never written. Throws hdf5::Hdf5Error when its checksum does not match.
  std::vector<std::uint8_t> raw_chunk(Metric metric, int block) const;

 private:
  std::string path_;
  hdf5::Handle file_;
  std::int64_t version_ = 0;
  int runs_ = 0;
  int months_ = 0;
};

}  // namespace placesim
