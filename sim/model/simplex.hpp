#pragma once
// Points on the probability simplex over the place's issues (agents' priorities, mandates,
// residents' salience). Every update in the model is a convex combination of such points,
// so priorities stay on the simplex; normalise() only removes rounding drift.
#include <cmath>

#include "model/random_stream.hpp"

namespace placesim {

// Half the L1 distance: 0 for equal priorities, 1 for priorities on disjoint issues.
inline double simplex_distance(const double* a, const double* b, int k) {
  double sum = 0;
  for (int i = 0; i < k; ++i) sum += std::abs(a[i] - b[i]);
  return 0.5 * sum;
}

inline void normalise(double* v, int k) {
  double sum = 0;
  for (int i = 0; i < k; ++i) sum += v[i];
  if (sum <= 0) {
    for (int i = 0; i < k; ++i) v[i] = 1.0 / k;
    return;
  }
  for (int i = 0; i < k; ++i) v[i] /= sum;
}

// A point drawn uniformly on the simplex (normalised exponentials: Dirichlet(1, ..., 1)).
inline void random_simplex_point(RandomStream& rng, double* out, int k) {
  for (int i = 0; i < k; ++i) out[i] = rng.exponential();
  normalise(out, k);
}

// out <- (1 - t) out + t target
inline void move_towards(double* out, const double* target, double t, int k) {
  for (int i = 0; i < k; ++i) out[i] += t * (target[i] - out[i]);
}

}  // namespace placesim
