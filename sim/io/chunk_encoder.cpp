#include "io/chunk_encoder.hpp"

#include <libdeflate.h>

#include "io/fletcher32.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>

namespace placesim {

std::size_t chunk_values(const results::Layout& layout, Metric metric) {
  return static_cast<std::size_t>(layout.block_runs) * static_cast<std::size_t>(layout.months + 1) *
         static_cast<std::size_t>(metric_width(metric, layout.dims()));
}

namespace {

// HDF5's shuffle filter: byte b of every element, for b = 0 .. 3, one plane after another.
void shuffle4(const float* values, std::size_t n, std::uint8_t* out) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(values);
  for (std::size_t b = 0; b < 4; ++b) {
    std::uint8_t* plane = out + b * n;
    for (std::size_t i = 0; i < n; ++i) plane[i] = bytes[i * 4 + b];
  }
}

void unshuffle4(const std::uint8_t* in, std::size_t n, float* values) {
  auto* bytes = reinterpret_cast<std::uint8_t*>(values);
  for (std::size_t b = 0; b < 4; ++b) {
    const std::uint8_t* plane = in + b * n;
    for (std::size_t i = 0; i < n; ++i) bytes[i * 4 + b] = plane[i];
  }
}

// Whether a byte plane is noise that deflate cannot shrink: the low bytes of a varying
// float's mantissa. Its byte histogram is flat (Shannon entropy at least 7.9 bits a byte) and
// bytes rarely repeat their predecessor (a run of equal values would, and deflate codes runs
// well). Measured on the default place: such planes deflate to 99-100% of their size at
// level 1, and take most of the compressor's time (docs/performance.md).
bool is_noise(const std::uint8_t* plane, std::size_t n) {
  // Most planes that are not noise (zeros, counts, exponents) show it at once in runs of equal
  // bytes: a look at the first 256 settles them.
  const std::size_t prefix = std::min<std::size_t>(n, 256);
  std::size_t prefix_repeats = 0;
  for (std::size_t i = 1; i < prefix; ++i) prefix_repeats += plane[i] == plane[i - 1];
  if (prefix_repeats * 50 > prefix) return false;
  std::array<std::uint32_t, 256> count{};
  std::size_t repeats = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ++count[plane[i]];
    repeats += i > 0 && plane[i] == plane[i - 1];
  }
  if (repeats * 50 > n) return false;  // more than 2% repeats
  double entropy = 0;
  for (std::uint32_t c : count) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / static_cast<double>(n);
    entropy -= p * std::log2(p);
  }
  return entropy >= 7.9;
}

// The zlib stream of shuffled bytes (4 planes of `plane` bytes) that HDF5's deflate filter
// would store, with the planes that are noise up front kept as deflate's stored blocks
// instead of being run through the compressor: the stream stays standard (any inflater reads
// it, stored blocks followed by libdeflate's compressed blocks), is as small as deflating
// everything, and costs a fraction of the time.
std::size_t deflate_planes(libdeflate_compressor* compressor, const std::uint8_t* shuffled, std::size_t plane,
                           std::vector<std::uint8_t>& out) {
  const std::size_t bytes = 4 * plane;
  std::size_t noise = 0;
  while (noise < 4 && is_noise(shuffled + noise * plane, plane)) ++noise;
  if (noise == 0) {
    out.resize(libdeflate_zlib_compress_bound(compressor, bytes));
    return libdeflate_zlib_compress(compressor, shuffled, bytes, out.data(), out.size());
  }
  const std::size_t stored = noise * plane;
  constexpr std::size_t kStoredBlock = 65535;  // the most one stored block holds
  const std::size_t stored_blocks = (stored + kStoredBlock - 1) / kStoredBlock;
  const std::size_t rest = bytes - stored;
  out.resize(2 + stored + 5 * stored_blocks + (rest > 0 ? libdeflate_deflate_compress_bound(compressor, rest) : 0) + 4);
  std::uint8_t* at = out.data();
  *at++ = 0x78;  // zlib header: deflate, 32 KiB window
  *at++ = 0x01;  // fastest level, no dictionary; (0x78 * 256 + 0x01) % 31 == 0
  for (std::size_t from = 0; from < stored; from += kStoredBlock) {
    const auto length = static_cast<std::uint16_t>(std::min(kStoredBlock, stored - from));
    const auto complement = static_cast<std::uint16_t>(~length);
    const bool last = rest == 0 && from + length == stored;
    *at++ = last ? 0x01 : 0x00;  // BFINAL, BTYPE 00 (stored), padding to the byte
    *at++ = static_cast<std::uint8_t>(length);
    *at++ = static_cast<std::uint8_t>(length >> 8);
    *at++ = static_cast<std::uint8_t>(complement);
    *at++ = static_cast<std::uint8_t>(complement >> 8);
    std::memcpy(at, shuffled + from, length);
    at += length;
  }
  if (rest > 0) {
    const std::size_t room = static_cast<std::size_t>(out.data() + out.size() - at) - 4;
    const std::size_t size = libdeflate_deflate_compress(compressor, shuffled + stored, rest, at, room);
    if (size == 0) return 0;
    at += size;
  }
  const std::uint32_t adler = libdeflate_adler32(1, shuffled, bytes);
  for (int shift = 24; shift >= 0; shift -= 8) *at++ = static_cast<std::uint8_t>(adler >> shift);
  return static_cast<std::size_t>(at - out.data());
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

}  // namespace

EncodedBlock encode_block(const results::Layout& layout, int block, const std::vector<const MetricSeries*>& runs,
                          const std::vector<std::string>& messages) {
  const auto start = std::chrono::steady_clock::now();
  EncodedBlock encoded;
  encoded.block = block;
  encoded.first = layout.first_run(block);
  encoded.runs = static_cast<int>(runs.size());
  encoded.messages = messages;
  encoded.messages.resize(runs.size());
  for (const MetricSeries* run : runs) encoded.failed.push_back(run ? 0 : 1);
  const int months = layout.months + 1;
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor;
  if (layout.compression > 0) {
    compressor.reset(libdeflate_alloc_compressor(layout.compression));
    if (!compressor) throw std::runtime_error("cannot start the deflate compressor");
  }
  std::vector<float> values;
  std::vector<std::uint8_t> shuffled;
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
    const auto metric = static_cast<Metric>(m);
    const int width = metric_width(metric, layout.dims());
    const std::size_t run_values = static_cast<std::size_t>(months) * static_cast<std::size_t>(width);
    values.assign(chunk_values(layout, metric), std::numeric_limits<float>::quiet_NaN());
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (!runs[r]) continue;
      // A run's months are rows of every metric's columns; this metric's are contiguous.
      const float* row = runs[r]->values().data() + runs[r]->offset(metric);
      const auto columns = static_cast<std::size_t>(runs[r]->columns());
      float* out = values.data() + r * run_values;
      for (int t = 0; t < months; ++t, row += columns, out += width) std::copy_n(row, width, out);
    }
    const std::size_t bytes = values.size() * sizeof(float);
    std::vector<std::uint8_t>& chunk = encoded.chunks.emplace_back();
    if (!compressor) {
      chunk.reserve(bytes + 4);
      chunk.resize(bytes);
      std::memcpy(chunk.data(), values.data(), bytes);
    } else {
      shuffled.resize(bytes);
      shuffle4(values.data(), values.size(), shuffled.data());
      const std::size_t size = deflate_planes(compressor.get(), shuffled.data(), values.size(), chunk);
      if (size == 0) throw std::runtime_error("deflate failed on a chunk");
      chunk.resize(size);
    }
    append_fletcher32(chunk);  // the last filter of every metric's pipeline
  }
  encoded.encoding_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return encoded;
}

std::vector<float> decode_chunk(const results::Layout& layout, Metric metric, const std::vector<std::uint8_t>& chunk) {
  std::vector<float> values(chunk_values(layout, metric));
  const std::size_t bytes = values.size() * sizeof(float);
  if (!fletcher32_intact(chunk)) throw std::runtime_error("a stored chunk is damaged (its checksum does not match)");
  const std::size_t stored = chunk.size() - 4;
  if (layout.compression == 0) {
    if (stored != bytes) throw std::runtime_error("a stored chunk has the wrong size");
    std::memcpy(values.data(), chunk.data(), bytes);
    return values;
  }
  std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(libdeflate_alloc_decompressor());
  if (!decompressor) throw std::runtime_error("cannot start the deflate decompressor");
  std::vector<std::uint8_t> shuffled(bytes);
  if (libdeflate_zlib_decompress(decompressor.get(), chunk.data(), stored, shuffled.data(), bytes, nullptr) !=
      LIBDEFLATE_SUCCESS) {
    throw std::runtime_error("a stored chunk does not decompress");
  }
  unshuffle4(shuffled.data(), values.size(), values.data());
  return values;
}

}  // namespace placesim
