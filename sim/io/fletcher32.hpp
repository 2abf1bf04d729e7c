#pragma once
// The checksum of HDF5's Fletcher-32 filter (H5Z_FILTER_FLETCHER32): the results file's
// chunks are encoded by worker threads and stored as they are (HDF5 direct chunk write), so
// the encoder appends the checksum HDF5 would have appended, and readers of raw chunks
// (shard merge, verification) check it. Sums run over 16-bit big-endian words, as HDF5's do;
// the checksum is stored after the data, little-endian. tests/io/chunk_encoder_test.cpp checks
// it against the textbook definition, and tests/io/results_round_trip_test.cpp that HDF5's own
// filter accepts every chunk.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace placesim {

inline std::uint32_t fletcher32(const std::uint8_t* data, std::size_t bytes) {
  std::uint32_t sum1 = 0, sum2 = 0;
  std::size_t words = bytes / 2;
  while (words > 0) {
    // 360 sums at most before the 32-bit sums could overflow.
    std::size_t n = words > 360 ? 360 : words;
    words -= n;
    do {
      sum1 += static_cast<std::uint32_t>((data[0] << 8) | data[1]);
      data += 2;
      sum2 += sum1;
    } while (--n);
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
  }
  if (bytes % 2) {
    sum1 += static_cast<std::uint32_t>(data[0] << 8);
    sum2 += sum1;
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
  }
  sum1 = (sum1 & 0xffff) + (sum1 >> 16);
  sum2 = (sum2 & 0xffff) + (sum2 >> 16);
  return (sum2 << 16) | sum1;
}

// Appends the checksum of `chunk`'s bytes to it, as the filter stores it.
inline void append_fletcher32(std::vector<std::uint8_t>& chunk) {
  const std::uint32_t sum = fletcher32(chunk.data(), chunk.size());
  for (int shift = 0; shift < 32; shift += 8) chunk.push_back(static_cast<std::uint8_t>(sum >> shift));
}

// Whether a stored chunk (data then checksum) is intact. HDF5 also accepts the checksum with
// the bytes of each 16-bit half swapped (written by releases before 1.6.3).
inline bool fletcher32_intact(const std::vector<std::uint8_t>& chunk) {
  if (chunk.size() < 4) return false;
  const std::size_t n = chunk.size() - 4;
  std::uint32_t stored = 0;
  for (int b = 0; b < 4; ++b) stored |= static_cast<std::uint32_t>(chunk[n + static_cast<std::size_t>(b)]) << (8 * b);
  const std::uint32_t sum = fletcher32(chunk.data(), n);
  const std::uint32_t swapped = ((sum & 0x00ff00ffu) << 8) | ((sum & 0xff00ff00u) >> 8);
  return stored == sum || stored == swapped;
}

}  // namespace placesim
