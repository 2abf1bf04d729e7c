#pragma once
// Encodes a block of runs into the exact bytes of each metric's chunk, as HDF5's shuffle,
// deflate and Fletcher-32 filters would store them, so that worker threads (or MPI ranks) compress in
// parallel and the one writer only stores finished chunks (HDF5 direct chunk write). Readers
// decode them with the standard filters: every HDF5 client opens the file.
#include <cstdint>
#include <string>
#include <vector>

#include "io/results_schema.hpp"
#include "model/metrics.hpp"

namespace placesim {

struct EncodedBlock {
  int block = 0;                                  // index of the block in the file
  int first = 0;                                  // its first run
  int runs = 0;                                   // runs it holds (the last block may be short)
  std::vector<std::uint8_t> failed;               // per run: 1 when the run failed
  std::vector<std::string> messages;              // per run: why it failed (empty otherwise)
  std::vector<std::vector<std::uint8_t>> chunks;  // one per metric, in Metric order
  double encoding_seconds = 0;                    // time encode_block took (not stored)
};

// Values in one chunk of a metric: block_runs x (months + 1) x width.
std::size_t chunk_values(const results::Layout& layout, Metric metric);

// Gathers, shuffles (4-byte elements) and deflates (zlib format, libdeflate) each metric's
// chunk of block `block`, keeping byte planes that are noise as stored blocks; compression 0
// stores the values as they are. Every chunk ends with its Fletcher-32 checksum. runs[i] is run first + i, or null when it failed
// (messages[i] says why): its values, and those of runs past the end of the file, are NaN.
EncodedBlock encode_block(const results::Layout& layout, int block, const std::vector<const MetricSeries*>& runs,
                          const std::vector<std::string>& messages);

// Decodes one metric's chunk back to values (the inverse of encode_block, for tests and
// for reading a journal); throws std::runtime_error when its checksum does not match.
std::vector<float> decode_chunk(const results::Layout& layout, Metric metric, const std::vector<std::uint8_t>& chunk);

}  // namespace placesim
