#pragma once
// Strategies are resolved here, by name, into the interventions the model runs: the model
// receives a list of InterventionSpec and knows nothing of strategy names or presets.
#include <memory>
#include <string>
#include <vector>

#include "model/configuration.hpp"
#include "model/params.hpp"

namespace placesim {

// The interventions of the named strategy, in its order; throws std::out_of_range when the
// strategy, or one of its interventions, is not declared.
// Interventions that start after another (start_after) get their month: the other's start plus
// its duration plus their own start_month. Throws std::invalid_argument for a name not in the
// list, an election-triggered one, or a circle.
void resolve_relative_starts(std::vector<InterventionSpec>& interventions);

std::vector<InterventionSpec> strategy_interventions(const Params& params, const std::string& strategy);

// The configuration of one strategy: the place built from the parameters, and the strategy's
// interventions.
std::shared_ptr<const Configuration> configure_strategy(Params params, const std::string& strategy);

}  // namespace placesim
