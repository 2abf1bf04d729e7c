#pragma once
#include <cmath>
#include <limits>

#include "model/random_stream.hpp"

namespace placesim {

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
  void draw_gap() {
    if (p_ >= 1) {
      gap_ = 0;
    } else if (p_ <= 0) {
      gap_ = std::numeric_limits<long>::max();
    } else {
      const double failures = std::floor(std::log(rng_.uniform()) / std::log1p(-p_));
      gap_ = failures < 1e18 ? static_cast<long>(failures) : std::numeric_limits<long>::max();
    }
  }
  double p_;
  RandomStream& rng_;
  long gap_ = 0;
};

}  // namespace placesim
