#include "experiment/designs/keyed_permutation.hpp"

#include <stdexcept>

#include "model/random_stream.hpp"

namespace placesim {

namespace {
constexpr int kRounds = 4;
}

KeyedPermutation::KeyedPermutation(std::uint64_t n, std::uint64_t seed, std::uint32_t stream)
    : n_(n), seed_(seed), stream_(stream) {
  if (n == 0 || n > (std::uint64_t{1} << 32)) throw std::invalid_argument("a keyed permutation needs 1 to 2^32 elements");
  int bits = 2;
  while ((std::uint64_t{1} << bits) < n) bits += 2;
  half_bits_ = bits / 2;
  half_mask_ = (std::uint64_t{1} << half_bits_) - 1;
}

std::uint64_t KeyedPermutation::encrypt(std::uint64_t x) const {
  std::uint64_t left = x >> half_bits_;
  std::uint64_t right = x & half_mask_;
  for (int round = 0; round < kRounds; ++round) {
    RandomStream f(seed_, stream_, Purpose::DesignPermutation, static_cast<std::uint32_t>(round),
                   static_cast<std::uint32_t>(right));
    const std::uint64_t mixed = left ^ (f.next_u32() & half_mask_);
    left = right;
    right = mixed;
  }
  return (left << half_bits_) | right;
}

std::uint64_t KeyedPermutation::operator()(std::uint64_t index) const {
  // The network permutes [0, 4^half_bits); walking the cycle from index until it lands
  // below n permutes [0, n), and 4^half_bits < 4n bounds the expected walk.
  std::uint64_t x = encrypt(index);
  while (x >= n_) x = encrypt(x);
  return x;
}

}  // namespace placesim
