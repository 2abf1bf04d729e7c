#include "model/configuration.hpp"

#include <algorithm>
#include <stdexcept>

namespace placesim {

std::shared_ptr<const Configuration> configure(Params params) {
  auto configuration = std::make_shared<Configuration>();
  configuration->place = build_place(params);
  configuration->params = std::move(params);
  return configuration;
}

std::shared_ptr<const Configuration> configure(Params params, const std::string& strategy) {
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
  auto configuration = std::make_shared<Configuration>();
  configuration->place = build_place(params);
  configuration->params = std::move(params);
  configuration->strategy = strategy;
  configuration->interventions = std::move(interventions);
  return configuration;
}

}  // namespace placesim
