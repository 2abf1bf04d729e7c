#pragma once
// A scenario's [sweep] section: the experimental design that varies parameters across runs
// (docs/scenarios.md, "Sweeps"). Every design point is crossed with every strategy of
// simulation.strategies and every replicate.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario_error.hpp"
#include "scenario/value.hpp"

namespace placesim {

enum class SweepDesign {
  None,            // no [sweep]: one point, the scenario as written
  List,            // explicit points
  Grid,            // every combination of each parameter's levels
  Random,          // independent draws from each parameter's distribution
  LatinHypercube,  // one draw from each of `samples` equal-probability strata, per parameter
  Sobol,           // Saltelli's A, B and AB_i matrices from a Sobol sequence
  Morris,          // elementary-effects trajectories on a grid of `levels` levels
};

std::string_view design_name(SweepDesign design);
const std::vector<std::string>& design_names();  // in SweepDesign order, None first

enum class Distribution {
  Uniform,     // min .. max (integers: each integer equally likely)
  LogUniform,  // log-uniform between min and max (both positive)
  Normal,      // mean, sd, truncated to min .. max
  Triangular,  // min, mode, max
  Choice,      // one of `values`, equally likely (grids: every value in turn)
};

std::string_view distribution_name(Distribution distribution);

// One varied parameter.
struct SweptParameter {
  std::string key;  // a registry key path: "trust.decay", "interventions.peer_review.cost_per_session"
  ValueType type = ValueType::Real;
  Distribution distribution = Distribution::Uniform;
  double min = 0, max = 0;   // the support (Normal: the truncation bounds)
  double mode = 0;           // Triangular
  double mean = 0, sd = 0;   // Normal
  int levels = 0;            // grids over a range: evenly spaced levels, ends included
  std::vector<Value> values; // Choice; a grid's levels when listed
  SourcePosition where;

  bool numeric() const { return type == ValueType::Integer || type == ValueType::Real; }
  // "uniform(0.01, 0.05)", "one of [1, 2, 4]": for /design attributes and messages.
  std::string describe() const;
};

struct Sweep {
  SweepDesign design = SweepDesign::None;
  std::int64_t samples = 0;  // random, latin_hypercube: points; sobol: base samples; morris: trajectories
  int levels = 4;            // morris grid levels
  std::uint64_t seed = 0;    // the design's own random streams
  bool seed_set = false;     // false: simulation.seed
  // Replicate r of every point shares its random streams (common random numbers: differences
  // between points are not noise between seeds), unless independent_streams: then each point's
  // replicates have streams of their own, so that the noise of a point's mean is independent
  // across points (what an emulator of the sweep assumes; placesim calibrate uses it).
  bool independent_streams = false;
  std::vector<SweptParameter> parameters;
  // List designs: the points, each with a value for every parameter (points[p][i] is the
  // value of parameters[i]); a point that does not name a parameter takes the scenario's.
  std::vector<std::vector<std::optional<Value>>> points;
  SourcePosition where;      // of [sweep]
};

// a * b for non-negative counts, the largest int64 when it overflows.
std::int64_t saturating_product(std::int64_t a, std::int64_t b);

// The number of design points (1 without a sweep); the largest int64 when it overflows.
std::int64_t sweep_points(const Sweep& sweep);

// The [sweep] section as scenario text that reads back to the same sweep (empty for None).
std::string sweep_toml(const Sweep& sweep);

}  // namespace placesim
