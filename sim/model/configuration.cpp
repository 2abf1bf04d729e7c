#include "model/configuration.hpp"

namespace placesim {

std::shared_ptr<const Configuration> configure(Params params, std::string strategy,
                                               std::vector<InterventionSpec> interventions) {
  auto configuration = std::make_shared<Configuration>();
  configuration->place = build_place(params);
  configuration->params = std::move(params);
  configuration->strategy = std::move(strategy);
  configuration->interventions = std::move(interventions);
  return configuration;
}

}  // namespace placesim
