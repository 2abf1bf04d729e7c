#include "io/chunk_encoder.hpp"

#include <libdeflate.h>

#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>

namespace placesim {

std::size_t chunk_values(const results::Layout& layout, Metric metric) {
  return static_cast<std::size_t>(layout.block_runs) * static_cast<std::size_t>(layout.months + 1) *
         static_cast<std::size_t>(metric_width(metric, static_cast<int>(layout.issues.size())));
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

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

}  // namespace

EncodedBlock encode_block(const results::Layout& layout, int block, const std::vector<const MetricSeries*>& runs,
                          const std::vector<std::string>& messages) {
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
    const int width = metric_width(metric, static_cast<int>(layout.issues.size()));
    const std::size_t run_values = static_cast<std::size_t>(months) * static_cast<std::size_t>(width);
    values.assign(chunk_values(layout, metric), std::numeric_limits<float>::quiet_NaN());
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (!runs[r]) continue;
      float* out = values.data() + r * run_values;
      for (int t = 0; t < months; ++t) {
        for (int c = 0; c < width; ++c) *out++ = runs[r]->at(t, metric, c);
      }
    }
    const std::size_t bytes = values.size() * sizeof(float);
    std::vector<std::uint8_t>& chunk = encoded.chunks.emplace_back();
    if (!compressor) {
      chunk.resize(bytes);
      std::memcpy(chunk.data(), values.data(), bytes);
      continue;
    }
    shuffled.resize(bytes);
    shuffle4(values.data(), values.size(), shuffled.data());
    chunk.resize(libdeflate_zlib_compress_bound(compressor.get(), bytes));
    const std::size_t size = libdeflate_zlib_compress(compressor.get(), shuffled.data(), bytes, chunk.data(), chunk.size());
    if (size == 0) throw std::runtime_error("deflate failed on a chunk");
    chunk.resize(size);
  }
  return encoded;
}

std::vector<float> decode_chunk(const results::Layout& layout, Metric metric, const std::vector<std::uint8_t>& chunk) {
  std::vector<float> values(chunk_values(layout, metric));
  const std::size_t bytes = values.size() * sizeof(float);
  if (layout.compression == 0) {
    if (chunk.size() != bytes) throw std::runtime_error("a stored chunk has the wrong size");
    std::memcpy(values.data(), chunk.data(), bytes);
    return values;
  }
  std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(libdeflate_alloc_decompressor());
  if (!decompressor) throw std::runtime_error("cannot start the deflate decompressor");
  std::vector<std::uint8_t> shuffled(bytes);
  if (libdeflate_zlib_decompress(decompressor.get(), chunk.data(), chunk.size(), shuffled.data(), bytes, nullptr) !=
      LIBDEFLATE_SUCCESS) {
    throw std::runtime_error("a stored chunk does not decompress");
  }
  unshuffle4(shuffled.data(), values.size(), values.data());
  return values;
}

}  // namespace placesim
