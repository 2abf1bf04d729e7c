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

Plan plan_strategies(const Scenario& scenario) {
  Plan plan;
  const Params& p = scenario.params;
  plan.seed = p.simulation.seed;
  plan.months = p.simulation.months;
  for (const std::string& strategy : p.simulation.strategies) {
    const int variant = static_cast<int>(plan.variants.size());
    plan.variants.push_back(configure(p, strategy));
    plan.variant_labels.push_back(strategy);
    for (int r = 0; r < p.simulation.replicates; ++r) plan.runs.push_back({variant, r});
  }
  return plan;
}

}  // namespace placesim
