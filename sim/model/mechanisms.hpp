#pragma once
// The model's equations as pure functions, so that tests can check each one against
// independent results (closed forms, published equilibria) without running a place.
#include <algorithm>
#include <array>
#include <cmath>

namespace placesim {

// Quality of n's experience of an encounter with m (docs/ODD.md step 2), before clipping noise
// is added by the caller: e = b0 + b_l l_n [cross] + b_a align + b_c (c_n + c_m)/2 - b_d dist.
struct ExperienceTerms {
  double literacy = 0;       // l_n
  bool cross_sector = false;
  double alignment = 0;      // 1 - |p_n - p_m|_1 / 2
  double mean_capacity = 0;  // (c_n + c_m) / 2
  double distance = 0;       // cultural distance between the sectors
  double partner_openness = 0.5;  // rho_m: how open the partner comes to n (reciprocity)
};

// The partner's openness: how far m comes ready to share and commit with n, a ramp in m's
// trust in n from closed (0) to open (1), even (1/2) at the threshold. Trust is reciprocated:
// the basis of the model's virtuous and vicious circles (docs/ODD.md 7.2.3).
inline double openness_to(double trust_mn, double threshold, double width) {
  return std::clamp(0.5 + (trust_mn - threshold) / width, 0.0, 1.0);
}

template <class ExperienceParamsT>
double experience(const ExperienceParamsT& b, const ExperienceTerms& t, double noise) {
  const double e = b.base + (t.cross_sector ? b.literacy * t.literacy : 0.0) +
                   b.alignment * t.alignment + b.capacity * t.mean_capacity -
                   b.distance * t.distance + b.reciprocity * (t.partner_openness - 0.5) + noise;
  return std::clamp(e, 0.0, 1.0);
}

// Trust moves towards the experience, faster down than up (slow to build, quick to lose).
inline double update_trust(double trust, double experience, double learning_up,
                           double learning_down) {
  const double eta = experience < trust ? learning_down : learning_up;
  return trust + eta * (experience - trust);
}

// Unused ties regress towards the floor.
inline double decay_trust(double trust, double floor, double rate) {
  return trust + rate * (floor - trust);
}

// Bounded confidence: a speaker can move a listener's priorities only when they are closer
// than epsilon (half L1 distance).
inline bool within_confidence(double distance, double epsilon) { return distance < epsilon; }

// One speaker's pull on a listener: pull += w (p_m - p_n), weight += w.
inline void add_pull(const double* __restrict listener, const double* __restrict speaker,
                     double w, double* __restrict pull, double& weight, int k) {
  for (int i = 0; i < k; ++i) pull[i] += w * (speaker[i] - listener[i]);
  weight += w;
}

// Applies the pulls gathered this month (synchronously, Friedkin-Johnsen):
// p <- lambda m + (1 - lambda) (p + pull), where the pull's weights are scaled to sum to at
// most one so that p + pull stays a convex combination of the speakers' priorities.
inline void apply_influence(double* __restrict p, const double* __restrict mandate,
                            double lambda, const double* __restrict pull, double weight, int k) {
  const double scale = weight > 1.0 ? 1.0 / weight : 1.0;
  double sum = 0;
  for (int i = 0; i < k; ++i) {
    const double moved = p[i] + scale * pull[i];
    p[i] = lambda * mandate[i] + (1.0 - lambda) * moved;
    p[i] = std::max(p[i], 0.0);
    sum += p[i];
  }
  for (int i = 0; i < k; ++i) p[i] /= sum;  // removes rounding drift only
}

// Effectiveness of joint action on one issue (docs/ODD.md step 3):
// J = ((1 - omega) sum_s w_s E_s + omega prod_s E_s^w_s C) (1/2 + K/2),
// the product over stakeholder sectors (w_s > 0), so a wicked issue gets nowhere when a
// required sector gives no effort or the contributors do not trust each other.
template <std::size_t Sectors>
double effectiveness(const std::array<double, Sectors>& weights,
                     const std::array<double, Sectors>& effort, double wickedness,
                     double cohesion, double knowledge) {
  double additive = 0;
  double log_product = 0;
  bool absent = false;
  for (std::size_t s = 0; s < Sectors; ++s) {
    if (weights[s] <= 0) continue;
    additive += weights[s] * effort[s];
    if (effort[s] <= 0) {
      absent = true;
    } else {
      log_product += weights[s] * std::log(effort[s]);
    }
  }
  const double together = absent ? 0.0 : std::exp(log_product) * cohesion;
  return ((1.0 - wickedness) * additive + wickedness * together) * (0.5 + 0.5 * knowledge);
}

// Outcome update: y <- y + r J (1 - y) - delta y, clamped to [0, 1].
inline double update_outcome(double outcome, double rate, double effectiveness, double drift) {
  const double next = outcome + rate * effectiveness * (1.0 - outcome) - drift * outcome;
  return std::clamp(next, 0.0, 1.0);
}

}  // namespace placesim
