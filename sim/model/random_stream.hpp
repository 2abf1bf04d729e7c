#pragma once
// Counter-based random streams (Random123 Philox4x64-10).
//
// A draw is a pure function of (seed, replicate, purpose, month, entity, draw index): the
// seed is the Philox key and the rest is the counter. So any run can be recomputed alone,
// results never depend on threads or scheduling, and replicate r of every strategy sees the
// same numbers for every process the strategy does not change (common random numbers).
#include <Random123/philox.h>

#include <cstdint>

namespace placesim {

// One tag per random process, so that draws for one process never shift another's.
enum class Purpose : std::uint32_t {
  Initialisation = 1,
  InitialTies = 11,
  Newcomer = 12,
  Elections = 2,
  Turnover = 3,
  Crises = 4,
  PolicyChurn = 5,
  Attendance = 6,
  Pairing = 7,
  Experience = 8,
  Informal = 9,
  Interventions = 10,
  ProgrammeQuality = 13,   // an intervention's effect multipliers, drawn when a run of it starts
  Arrangements = 14,       // standing arrangements' meetings
  Design = 20,             // sampled sweep designs (random, Latin hypercube)
  DesignPermutation = 21,  // Latin hypercube strata
  DesignMorris = 22,       // Morris trajectories
  Test = 255,
};

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint32_t replicate, Purpose purpose, std::uint32_t month,
               std::uint32_t entity);

  std::uint32_t next_u32() {
    if (used_ == 8) refill();
    const std::uint64_t word = block_.v[used_ >> 1];
    const auto draw = static_cast<std::uint32_t>((used_ & 1) ? word >> 32 : word);
    ++used_;
    return draw;
  }
  // Uniform on the open interval (0, 1), with 32 bits of resolution.
  double uniform() { return (static_cast<double>(next_u32()) + 0.5) * 0x1.0p-32; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n); multiply-shift, bias below n / 2^32.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }
  bool bernoulli(double p) { return uniform() < p; }
  // Standard normal by Box-Muller (two uniforms per draw; used at set-up, not in the step).
  double normal();
  // Standard exponential, used for uniform points on the simplex.
  double exponential();

 private:
  void refill();
  // Philox4x64 yields 256 bits a call: eight 32-bit draws.
  using Philox = r123::Philox4x64;
  Philox::key_type key_;
  Philox::ctr_type counter_;
  Philox::ctr_type block_;
  int used_ = 8;
};

}  // namespace placesim
