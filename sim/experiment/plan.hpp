#pragma once
// An experiment plan: the scenario variants to run and every run, in the order of the
// results file. A run is (variant, replicate); replicate r of every variant shares its
// random streams (common random numbers).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/results_schema.hpp"
#include "model/configuration.hpp"
#include "scenario/scenario.hpp"

namespace placesim {

struct PlannedRun {
  int variant = 0;
  int replicate = 0;
};

struct Plan {
  std::vector<std::shared_ptr<const Configuration>> variants;
  std::vector<std::string> variant_labels;
  std::vector<PlannedRun> runs;
  std::uint64_t seed = 0;
  int months = 0;

  results::RunDesign design() const;
};

// Every strategy of simulation.strategies times every replicate, strategy by strategy: the
// variants are the strategies, labelled with their names.
Plan plan_strategies(const Scenario& scenario);

}  // namespace placesim
