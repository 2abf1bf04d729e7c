#pragma once
// What every run of one scenario shares: its parameters, the place built from them, and the
// interventions of the strategy it runs. A sweep builds it once per design point and strategy
// and hands it to each run.
#include <memory>
#include <string>
#include <vector>

#include "model/params.hpp"
#include "model/place.hpp"

namespace placesim {

struct Configuration {
  Params params;
  Place place;
  std::string strategy;                          // empty: no intervention
  std::vector<InterventionSpec> interventions;   // the strategy's, in its order
};

// Builds the place; throws PlaceError when the parameters do not make one. The strategy's
// interventions come resolved (scenario/strategies.hpp finds them by name).
std::shared_ptr<const Configuration> configure(Params params, std::string strategy = {},
                                               std::vector<InterventionSpec> interventions = {});

}  // namespace placesim
