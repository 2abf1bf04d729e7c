#pragma once
// Reads a results file written by ResultsWriter (docs/results.md).
#include <cstdint>
#include <string>
#include <vector>

#include "io/hdf5.hpp"
#include "io/results_schema.hpp"

namespace placesim {

struct MetricInfo {
  std::string name;
  std::string units;
  std::string description;
  std::vector<std::string> dimensions;  // run, month[, issue | sector_from, sector_to]
  std::vector<std::uint64_t> shape;
};

class ResultsReader {
 public:
  // Throws hdf5::Hdf5Error when the file is not a PlaceSim results file.
  explicit ResultsReader(const std::string& path);

  std::string text(const std::string& attribute) const;
  std::int64_t number(const std::string& attribute) const;
  std::uint64_t base_seed() const;
  int runs() const { return runs_; }
  int months() const { return months_; }  // simulated months: the month dimension is months + 1

  std::vector<std::string> issues() const;
  std::vector<std::string> metric_names() const;
  MetricInfo metric(const std::string& name) const;
  // Values of runs first .. first + count - 1, laid out [run][month][column].
  std::vector<float> read(const std::string& name, int first, int count) const;
  // A scalar metric's value at one month, for every run.
  std::vector<float> read_month(const std::string& name, int month) const;
  std::vector<std::uint8_t> completed() const;
  results::RunDesign design() const;

 private:
  std::string path_;
  hdf5::Handle file_;
  int runs_ = 0;
  int months_ = 0;
};

}  // namespace placesim
