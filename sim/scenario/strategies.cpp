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
  resolve_relative_starts(interventions);
  return interventions;
}

void resolve_relative_starts(std::vector<InterventionSpec>& interventions) {
  // Resolved in order of dependency: each pass resolves those whose predecessor is resolved; a
  // pass that resolves nothing while some remain means a cycle.
  std::vector<bool> resolved(interventions.size());
  for (std::size_t i = 0; i < interventions.size(); ++i) resolved[i] = interventions[i].start_after.empty();
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < interventions.size(); ++i) {
      if (resolved[i]) continue;
      InterventionSpec& spec = interventions[i];
      if (spec.start_after == spec.name) {
        throw std::invalid_argument("interventions." + spec.name + ".start_after: an intervention cannot start after itself");
      }
      const auto before = std::find_if(interventions.begin(), interventions.end(),
                                       [&](const InterventionSpec& x) { return x.name == spec.start_after; });
      if (before == interventions.end()) {
        throw std::invalid_argument("interventions." + spec.name + ".start_after: '" + spec.start_after +
                                    "' is not an intervention of the same strategy");
      }
      if (before->trigger != Trigger::Schedule || spec.trigger != Trigger::Schedule) {
        throw std::invalid_argument("interventions." + spec.name + ".start_after: both interventions must be scheduled "
                                    "(trigger = \"schedule\")");
      }
      if (!resolved[static_cast<std::size_t>(before - interventions.begin())]) continue;
      spec.start_month = before->start_month + before->duration_months + spec.start_month;
      spec.start_after.clear();
      resolved[i] = true;
      progress = true;
    }
  }
  for (std::size_t i = 0; i < interventions.size(); ++i) {
    if (!resolved[i]) {
      throw std::invalid_argument("interventions." + interventions[i].name + ".start_after: the interventions start "
                                  "after each other in a circle");
    }
  }
}

std::shared_ptr<const Configuration> configure_strategy(Params params, const std::string& strategy) {
  std::vector<InterventionSpec> interventions = strategy_interventions(params, strategy);
  return configure(std::move(params), strategy, std::move(interventions));
}

}  // namespace placesim
