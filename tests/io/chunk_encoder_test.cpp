// The chunk encoder: every chunk decodes back to the values encoded, bit for bit, with and
// without compression; failed runs and runs past the end of the file are NaN; a damaged chunk
// is refused; and the Fletcher-32 checksum is the textbook one over 16-bit big-endian words
// (HDF5's filter; that HDF5 itself accepts the chunks is tests/io/results_round_trip_test.cpp).
#include "io/chunk_encoder.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <random>

#include "io/fletcher32.hpp"
#include "support/synthetic_results.hpp"

namespace placesim {
namespace {

// Fletcher-32 as the definition states it: two sums modulo 65535 over 16-bit words, big-endian,
// an odd last byte padded with zero.
std::uint32_t textbook_fletcher32(const std::vector<std::uint8_t>& bytes) {
  std::uint64_t sum1 = 0, sum2 = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const std::uint32_t word = (static_cast<std::uint32_t>(bytes[i]) << 8) | (i + 1 < bytes.size() ? bytes[i + 1] : 0);
    sum1 = (sum1 + word) % 65535;
    sum2 = (sum2 + sum1) % 65535;
  }
  return static_cast<std::uint32_t>((sum2 << 16) | sum1);
}

TEST(Fletcher32, IsTheTextbookChecksumOverBigEndianWords) {
  std::mt19937 rng(5);
  for (const std::size_t size : {1u, 2u, 3u, 719u, 720u, 721u, 5000u}) {
    std::vector<std::uint8_t> bytes(size);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
    const std::uint32_t ours = fletcher32(bytes.data(), bytes.size());
    const std::uint32_t textbook = textbook_fletcher32(bytes);
    // The folded sums may hold 65535 where the modular ones hold 0: equal modulo 65535.
    EXPECT_EQ((ours & 0xffff) % 65535, textbook & 0xffff) << size;
    EXPECT_EQ((ours >> 16) % 65535, textbook >> 16) << size;
  }
}

class ChunkEncoder : public ::testing::TestWithParam<int> {};

TEST_P(ChunkEncoder, EveryChunkDecodesToTheValuesEncodedBitForBit) {
  // Ten runs in blocks of four: the last block holds two runs and two slots past the end.
  const auto f = testing::synthetic_file(10, 12, 4, GetParam());
  for (int block = 0; block < f.layout.blocks(); ++block) {
    const EncodedBlock encoded = testing::synthetic_block(f, block, {5});  // run 5 failed
    ASSERT_EQ(encoded.chunks.size(), static_cast<std::size_t>(Metric::Count));
    for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
      const auto metric = static_cast<Metric>(m);
      const std::vector<float> values = decode_chunk(f.layout, metric, encoded.chunks[static_cast<std::size_t>(m)]);
      ASSERT_EQ(values.size(), chunk_values(f.layout, metric));
      const int width = metric_width(metric, f.layout.dims());
      std::size_t k = 0;
      for (int r = f.layout.first_run(block); r < f.layout.first_run(block) + f.layout.block_runs; ++r) {
        for (int t = 0; t <= f.layout.months; ++t) {
          for (int c = 0; c < width; ++c, ++k) {
            if (r == 5 || r >= f.layout.runs) {
              ASSERT_TRUE(std::isnan(values[k])) << "run " << r;
            } else {
              ASSERT_EQ(std::bit_cast<std::uint32_t>(values[k]),
                        std::bit_cast<std::uint32_t>(testing::synthetic_value(r, t, m, c)));
            }
          }
        }
      }
    }
  }
}

TEST_P(ChunkEncoder, ADamagedChunkIsRefused) {
  const auto f = testing::synthetic_file(4, 12, 4, GetParam());
  const EncodedBlock encoded = testing::synthetic_block(f, 0);
  for (const std::size_t at : {std::size_t{0}, encoded.chunks[0].size() / 2, encoded.chunks[0].size() - 1}) {
    std::vector<std::uint8_t> chunk = encoded.chunks[0];
    chunk[at] ^= 0x04;
    EXPECT_THROW(decode_chunk(f.layout, Metric(0), chunk), std::runtime_error) << "byte " << at;
  }
}

INSTANTIATE_TEST_SUITE_P(Compression, ChunkEncoder, ::testing::Values(0, 1, 9));

TEST(ChunkEncoder, CompressionShrinksSmoothValues) {
  const auto stored = testing::synthetic_file(8, 120, 8, 0);
  const auto deflated = testing::synthetic_file(8, 120, 8, 6);
  const EncodedBlock a = testing::synthetic_block(stored, 0), b = testing::synthetic_block(deflated, 0);
  const auto m = static_cast<std::size_t>(Metric::PlaceIndex);
  // Stored: the values and the 4-byte checksum.
  EXPECT_EQ(a.chunks[m].size(), 4 * chunk_values(stored.layout, Metric::PlaceIndex) + 4);
  EXPECT_LT(b.chunks[m].size(), a.chunks[m].size() / 2);  // the synthetic values are smooth
}

}  // namespace
}  // namespace placesim
