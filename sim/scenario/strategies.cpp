#include "scenario/strategies.hpp"

#include <algorithm>
#include <stdexcept>

namespace placesim {

std::vector<InterventionSpec> strategy_interventions(const Params& params, const std::string& strategy) {
  const auto s = std::find_if(params.strategies.begin(), params.strategies.end(),
                              [&](const StrategySpec& x) { return x.name == strategy; });
  if (s == params.strategies.end()) throw std::out_of_range("no strategy named '" + strategy + "'");
  std::vector<InterventionSpec> interventions;
  for (const std::string& name : s->interventions) {
    const auto i = std::find_if(params.interventions.begin(), params.interventions.end(),
                                [&](const InterventionSpec& x) { return x.name == name; });
    if (i == params.interventions.end()) throw std::out_of_range("no intervention named '" + name + "'");
    interventions.push_back(*i);
  }
  return interventions;
}

std::shared_ptr<const Configuration> configure_strategy(Params params, const std::string& strategy) {
  std::vector<InterventionSpec> interventions = strategy_interventions(params, strategy);
  return configure(std::move(params), strategy, std::move(interventions));
}

}  // namespace placesim
