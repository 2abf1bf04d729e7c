#include "model/random_stream.hpp"

#include <cmath>
#include <numbers>

namespace placesim {

RandomStream::RandomStream(std::uint64_t seed, std::uint32_t replicate, Purpose purpose,
                           std::uint32_t month, std::uint32_t entity) {
  // Key: the seed. Counter: (purpose, month), entity, replicate, block index.
  key_ = {{seed, 0}};
  counter_ = {{(static_cast<std::uint64_t>(purpose) << 32) | month, entity, replicate, 0}};
  block_ = {{0, 0, 0, 0}};
}

void RandomStream::refill() {
  block_ = Philox()(counter_, key_);
  ++counter_.v[3];
  used_ = 0;
}

double RandomStream::normal() {
  const double u1 = uniform();
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double RandomStream::exponential() { return -std::log(uniform()); }

}  // namespace placesim
