#pragma once
// Where two sets of parameters differ, key by key, in the registry's order: what `run
// --posterior` tells a user whose scenario is not the one the calibration was made on.
#include <string>
#include <vector>

#include "model/params.hpp"

namespace placesim {

struct ParameterDifference {
  std::string key;    // "trust.decay", "place.issues.housing.wickedness", or a whole row: "place.issues.housing"
  std::string table;  // the table of a row's field ("place.issues"); empty for a scalar
  std::string here;   // the value as TOML text; empty when the row is not here
  std::string there;  // the same on the other side
};

// Every key whose value differs between `here` and `there`. A row that only one side has is
// one difference (its fields are not listed); an entry of a table of reals
// (interventions.co_design.effects.capacity) is a key of its own.
std::vector<ParameterDifference> parameter_differences(const Params& here, const Params& there);

}  // namespace placesim
