#pragma once
// The /design of an existing results file as a design table, read in windows of rows: what
// merging shards copies into the merged file, so that merging needs nothing but the files.
#include <string>

#include "io/hdf5.hpp"
#include "io/results_schema.hpp"

namespace placesim {

class StoredDesign : public results::DesignTable {
 public:
  explicit StoredDesign(const std::string& path);

  std::vector<results::DesignColumn> design_columns() const override { return columns_; }
  std::vector<std::string> design_parameters() const override { return parameters_; }
  std::vector<std::pair<std::string, results::AttributeValue>> design_attributes() const override {
    return attributes_;
  }
  std::vector<results::ColumnData> design_rows(int first, int count) const override;

 private:
  hdf5::Handle file_;
  hdf5::Handle group_;
  std::vector<results::DesignColumn> columns_;
  std::vector<std::string> parameters_;
  std::vector<std::pair<std::string, results::AttributeValue>> attributes_;
};

}  // namespace placesim
