#include "scenario/parameter_checks.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "scenario/presets.hpp"
#include "scenario/registry.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/strategies.hpp"
#include "scenario/suggestion.hpp"

namespace placesim {

namespace {

template <class Rows>
std::vector<std::string> names(const Rows& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.name);
  return out;
}

void require(const std::vector<std::string>& known, const std::string& name, const std::string& key,
             const std::string& what) {
  if (std::find(known.begin(), known.end(), name) == known.end()) {
    throw ParameterError(key, "no " + what + " named '" + name + "'" + did_you_mean(name, known));
  }
}

}  // namespace

void check_place(const Params& p) {
  const auto sectors = names(p.sectors);
  if (p.sectors.empty() || p.sectors.size() > kMaxSectors) {
    throw ParameterError("sectors", "a place has from 1 to " + std::to_string(kMaxSectors) + " sectors; this one has " +
                                        std::to_string(p.sectors.size()));
  }
  const auto roles = names(p.population.roles);
  // A sector the registry does not declare, which no role is in: most likely a misspelt one.
  static const auto default_sectors = names(Registry::instance().defaults().sectors);
  for (const SectorSpec& s : p.sectors) {
    const bool declared = std::find(default_sectors.begin(), default_sectors.end(), s.name) != default_sectors.end();
    const bool used = std::any_of(p.population.roles.begin(), p.population.roles.end(),
                                  [&](const RoleSpec& r) { return r.sector == s.name; });
    if (!declared && !used) {
      std::vector<std::string> others;
      for (const std::string& name : sectors) {
        if (name != s.name) others.push_back(name);
      }
      throw ParameterError("sectors." + s.name, "a new sector needs a role in it ([population.roles.<name>] sector = \"" +
                                                    s.name + "\")" + did_you_mean(s.name, others));
    }
  }
  int posts = 0;
  for (const RoleSpec& r : p.population.roles) {
    require(sectors, r.sector, "population.roles." + r.name + ".sector", "sector");
    posts += r.count;
  }
  if (posts <= 0) throw ParameterError("population.roles", "the place needs at least one post");
  double salience = 0;
  int enabled = 0;
  for (const IssueSpec& issue : p.place.issues) {
    if (!issue.enabled) continue;
    ++enabled;
    salience += issue.salience;
    double weight = 0;
    for (const auto& [sector, w] : issue.weights) {
      require(sectors, sector, "place.issues." + issue.name + ".weights." + sector, "sector");
      weight += w;
    }
    if (weight <= 0) {
      throw ParameterError("place.issues." + issue.name + ".weights",
                           "an issue needs at least one sector with a positive stakeholder weight");
    }
  }
  if (enabled == 0) throw ParameterError("place.issues", "the place needs at least one enabled issue");
  if (salience <= 0) throw ParameterError("place.issues", "at least one enabled issue needs a positive salience");
  for (const ForumSpec& f : p.place.forums) {
    for (const std::string& r : f.roles) require(roles, r, "place.forums." + f.name + ".roles", "role");
  }
}

void check_strategies_and_interventions(const Params& p) {
  const auto strategies = names(p.strategies);
  const auto interventions = names(p.interventions);
  const auto forums = names(p.place.forums);
  const auto roles = names(p.population.roles);
  const auto sectors = names(p.sectors);
  std::vector<std::string> issues;
  for (const IssueSpec& issue : p.place.issues) {
    if (issue.enabled) issues.push_back(issue.name);
  }

  if (p.simulation.strategies.empty()) {
    throw ParameterError("simulation.strategies", "name at least one strategy to run (\"baseline\" runs no intervention)");
  }
  std::set<std::string> seen;
  for (const std::string& s : p.simulation.strategies) {
    require(strategies, s, "simulation.strategies", "strategy");
    if (!seen.insert(s).second) throw ParameterError("simulation.strategies", "'" + s + "' is listed twice");
  }
  static const std::regex colour("#[0-9A-Fa-f]{6}");
  for (const StrategySpec& s : p.strategies) {
    if (s.name == kAllPresets) {
      throw ParameterError("strategies." + s.name, "the name '" + s.name + "' stands for every preset in "
                                                   "simulation.strategies; choose another");
    }
    for (const std::string& i : s.interventions) {
      require(interventions, i, "strategies." + s.name + ".interventions", "intervention");
    }
    try {
      strategy_interventions(p, s.name);  // start_after within the strategy, scheduled, no circle
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      throw ParameterError(what.substr(0, what.find(": ")), what.substr(what.find(": ") + 2) + " (strategy " + s.name + ")");
    }
    if (!s.colour.empty() && !std::regex_match(s.colour, colour)) {
      throw ParameterError("strategies." + s.name + ".colour", "expected a colour as #RRGGBB, such as \"#88CCEE\"");
    }
  }
  for (const InterventionSpec& i : p.interventions) {
    const std::string key = "interventions." + i.name;
    if (i.trigger == Trigger::Schedule && i.start_month < 1 && i.start_after.empty()) {
      throw ParameterError(key + ".start_month", "a scheduled intervention starts in month 1 or later");
    }
    if (!i.start_after.empty()) {
      require(interventions, i.start_after, key + ".start_after", "intervention");
      if (i.start_after == i.name) throw ParameterError(key + ".start_after", "an intervention cannot start after itself");
    }
    for (const std::string& s : i.sectors) require(sectors, s, key + ".sectors", "sector");
    for (const std::string& r : i.roles) require(roles, r, key + ".roles", "role");
    if (i.targeting == Targeting::Forum) {
      if (i.forum.empty()) throw ParameterError(key + ".forum", "forum targeting needs a forum");
      require(forums, i.forum, key + ".forum", "forum");
    }
    if (i.targeting == Targeting::Neighbourhood) {
      if (i.neighbourhoods.empty()) {
        throw ParameterError(key + ".neighbourhoods", "neighbourhood targeting needs neighbourhoods, such as [1, 2]");
      }
      for (std::int64_t w : i.neighbourhoods) {
        if (w > p.place.neighbourhoods) {
          throw ParameterError(key + ".neighbourhoods", "the place has " + std::to_string(p.place.neighbourhoods) +
                                                            " neighbourhoods; there is no neighbourhood " + std::to_string(w));
        }
      }
    }
    if (i.focal_rule == FocalRule::Fixed) {
      if (i.focal_issue.empty()) throw ParameterError(key + ".focal_issue", "a fixed focal rule needs a focal issue");
      require(issues, i.focal_issue, key + ".focal_issue", "enabled issue");
    }
  }
}

void check_parameters(const Params& params) {
  check_place(params);
  check_strategies_and_interventions(params);
}

}  // namespace placesim
