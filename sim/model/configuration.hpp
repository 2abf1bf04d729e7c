#pragma once
// What every run of one scenario shares: its parameters and the place built from them.
// A sweep builds it once per scenario and hands it to each run.
#include <memory>

#include "model/params.hpp"
#include "model/place.hpp"

namespace placesim {

struct Configuration {
  Params params;
  Place place;
  std::string strategy;                          // empty: no intervention
  std::vector<InterventionSpec> interventions;   // the strategy's, in its order
};

// Builds the place; throws PlaceError when the parameters do not make one.
std::shared_ptr<const Configuration> configure(Params params);
// The same, running the named strategy's interventions; throws std::out_of_range when the
// strategy or one of its interventions is not declared.
std::shared_ptr<const Configuration> configure(Params params, const std::string& strategy);

}  // namespace placesim
