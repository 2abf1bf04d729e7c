#include "experiment/plan.hpp"

namespace placesim {

results::RunDesign Plan::design() const {
  results::RunDesign design;
  for (const PlannedRun& run : runs) {
    design.labels.push_back(variant_labels[static_cast<std::size_t>(run.variant)]);
    design.replicates.push_back(run.replicate);
    design.seeds.push_back(seed);
  }
  return design;
}

Plan plan_replicates(const Scenario& scenario) {
  Plan plan;
  plan.variants.push_back(configure(scenario.params));
  plan.variant_labels.push_back(scenario.params.simulation.name);
  plan.seed = scenario.params.simulation.seed;
  plan.months = scenario.params.simulation.months;
  for (int r = 0; r < scenario.params.simulation.replicates; ++r) plan.runs.push_back({0, r});
  return plan;
}

}  // namespace placesim
