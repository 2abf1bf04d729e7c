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
};

// Builds the place; throws PlaceError when the parameters do not make one.
std::shared_ptr<const Configuration> configure(Params params);

}  // namespace placesim
