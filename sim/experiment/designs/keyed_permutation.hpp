#pragma once
// A random permutation of 0 .. n-1 that maps any index without storing the permutation: a
// four-round Feistel network over the smallest even number of bits that holds n, keyed by
// a counter-based stream, with cycle walking back into range. A Latin hypercube of a
// million points thus needs no memory per point.
#include <cstdint>

namespace placesim {

class KeyedPermutation {
 public:
  // n at most 2^32.
  KeyedPermutation(std::uint64_t n, std::uint64_t seed, std::uint32_t stream);
  std::uint64_t operator()(std::uint64_t index) const;

 private:
  std::uint64_t encrypt(std::uint64_t x) const;
  std::uint64_t n_;
  std::uint64_t seed_;
  std::uint32_t stream_;
  int half_bits_ = 1;
  std::uint64_t half_mask_ = 1;
};

}  // namespace placesim
