#pragma once
#include <cmath>
#include <cstdint>
#include <limits>

#include "model/random_stream.hpp"

namespace placesim {

// Failures before the next success of Bernoulli(p) trials: floor(log U / log(1 - p)), one
// uniform draw (none when p >= 1: no failures; or p <= 0: never a success, the maximum).
inline std::uint64_t geometric_gap(double p, RandomStream& rng) {
  if (p >= 1) return 0;
  if (p <= 0) return std::numeric_limits<std::uint64_t>::max();
  const double failures = std::floor(std::log(rng.uniform()) / std::log1p(-p));
  return failures < 1e18 ? static_cast<std::uint64_t>(failures) : std::numeric_limits<std::uint64_t>::max();
}

// The outcomes of a sequence of Bernoulli(p) trials, drawn by jumping over the failures: the
// number of failures before the next success is geometric, floor(log U / log(1 - p)). One
// draw per success instead of one per trial.
class BernoulliSkipper {
 public:
  BernoulliSkipper(double p, RandomStream& rng) : p_(p), rng_(rng) { draw_gap(); }
  bool next() {
    if (gap_ > 0) {
      --gap_;
      return false;
    }
    draw_gap();
    return true;
  }

 private:
  void draw_gap() { gap_ = geometric_gap(p_, rng_); }
  double p_;
  RandomStream& rng_;
  std::uint64_t gap_ = 0;
};

}  // namespace placesim
