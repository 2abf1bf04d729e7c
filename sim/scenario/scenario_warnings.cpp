#include "scenario/scenario_warnings.hpp"

#include <algorithm>
#include <set>

#include "scenario/presets.hpp"
#include "scenario/strategies.hpp"

namespace placesim {

namespace {

std::string at(const Scenario& scenario, const std::string& key) {
  const SourcePosition where = scenario.position_of(key);
  std::string text = where.source;
  if (where.line > 0) text += ":" + std::to_string(where.line);
  return text + ": " + key + ": ";
}

const StrategySpec* find_strategy(const Params& p, const std::string& name) {
  for (const StrategySpec& s : p.strategies) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

// Posts a targeting rule can draw on: those of its sectors (all when empty) and roles (all
// when empty).
int pool(const Params& p, const InterventionSpec& spec) {
  int posts = 0;
  for (const RoleSpec& role : p.population.roles) {
    const bool sector = spec.sectors.empty() ||
                        std::find(spec.sectors.begin(), spec.sectors.end(), role.sector) != spec.sectors.end();
    const bool named = spec.roles.empty() || std::find(spec.roles.begin(), spec.roles.end(), role.name) != spec.roles.end();
    if (sector && named) posts += role.count;
  }
  return posts;
}

}  // namespace

std::vector<std::string> scenario_warnings(const Scenario& scenario) {
  const Params& p = scenario.params;
  const int months = p.simulation.months;
  std::vector<std::string> warnings;
  std::set<std::string> checked;
  for (const std::string& name : p.simulation.strategies) {
    const StrategySpec* strategy = find_strategy(p, name);
    if (!strategy) continue;
    if (strategy->interventions.empty() && name != "baseline") {
      warnings.push_back(at(scenario, "strategies." + name + ".interventions") +
                         "the strategy has no interventions: it runs as the baseline does");
    }
    // As the strategy runs them: starts after another intervention resolved to months.
    const std::vector<InterventionSpec> resolved = strategy_interventions(p, name);
    for (const InterventionSpec& each : resolved) {
      if (!checked.insert(name + "/" + each.name).second) continue;
      const InterventionSpec* spec = &each;
      const std::string key = "interventions." + each.name;
      const int first = spec->trigger == Trigger::Election ? p.events.elections.first_month + spec->start_month
                                                           : spec->start_month;
      if (first > months) {
        warnings.push_back(at(scenario, key + ".start_month") + "its first session would be in month " +
                           std::to_string(first) + ", after the last month (" + std::to_string(months) +
                           "): it never runs in strategy " + name);
        continue;
      }
      if (spec->cap <= 0) continue;
      const int reachable = pool(p, *spec);
      const int last = std::min(months, first + spec->duration_months - 1);
      const int sessions = (last - first) / std::max(spec->cadence_months, 1) + 1;
      if (spec->targeting == Targeting::Snowball) {
        const int grown = std::min(reachable, spec->seeds + spec->growth * std::max(sessions - 1, 0));
        if (grown < spec->cap) {
          warnings.push_back(at(scenario, key + ".cap") + "a snowball of " + std::to_string(spec->seeds) + " seeds growing by " +
                             std::to_string(spec->growth) + " over " + std::to_string(sessions) + " sessions reaches at most " +
                             std::to_string(grown) + " of its cap of " + std::to_string(spec->cap) + " participants");
        }
      } else if ((spec->targeting == Targeting::Top || spec->targeting == Targeting::Cohort) && reachable < spec->cap) {
        warnings.push_back(at(scenario, key + ".cap") + "its sectors and roles hold " + std::to_string(reachable) +
                           " posts, fewer than its cap of " + std::to_string(spec->cap) + " participants");
      }
    }
  }
  // Strategies this file declares but does not compare (the presets' are always declared).
  for (const StrategySpec& s : p.strategies) {
    const bool declared_here = scenario.positions.count("strategies." + s.name) > 0;
    const bool compared = std::find(p.simulation.strategies.begin(), p.simulation.strategies.end(), s.name) !=
                          p.simulation.strategies.end();
    if (declared_here && !compared) {
      warnings.push_back(at(scenario, "strategies." + s.name) +
                         "declared but not compared: add it to simulation.strategies to run it");
    }
  }
  return warnings;
}

}  // namespace placesim
