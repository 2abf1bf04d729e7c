#pragma once
// Joins the shard files of one run (`placesim run --shard I/N`) into one results file equal
// to a single-process run's: every shard's blocks copied as stored (no decompression), the
// design and provenance from the shards. Refuses shards that do not belong together.
#include <stdexcept>
#include <string>
#include <vector>

namespace placesim {

class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MergeReport {
  int runs = 0;
  int failed = 0;
  int shards = 0;
};

// Writes `output` (through output.partial, renamed at the end) from the shards. Throws
// MergeError naming the shard at fault when they differ in program, scenario or layout,
// when one is missing or given twice, or when one is incomplete.
MergeReport merge_shards(const std::string& output, const std::vector<std::string>& shards,
                         const std::string& command_line);

}  // namespace placesim
