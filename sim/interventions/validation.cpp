#include "interventions/validation.hpp"

#include <algorithm>
#include <set>

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

void validate_interventions(const Params& p) {
  const auto strategies = names(p.strategies);
  const auto interventions = names(p.interventions);
  const auto forums = names(p.forums);
  const auto roles = names(p.roles);
  std::vector<std::string> issues;
  for (const IssueSpec& issue : p.issues) {
    if (issue.enabled) issues.push_back(issue.name);
  }
  const std::vector<std::string> sectors(kSectorNames.begin(), kSectorNames.end());

  if (p.simulation.strategies.empty()) {
    throw ParameterError("simulation.strategies", "name at least one strategy to run (\"baseline\" runs no intervention)");
  }
  std::set<std::string> seen;
  for (const std::string& s : p.simulation.strategies) {
    require(strategies, s, "simulation.strategies", "strategy");
    if (!seen.insert(s).second) throw ParameterError("simulation.strategies", "'" + s + "' is listed twice");
  }
  for (const StrategySpec& s : p.strategies) {
    for (const std::string& i : s.interventions) {
      require(interventions, i, "strategies." + s.name + ".interventions", "intervention");
    }
  }
  for (const InterventionSpec& i : p.interventions) {
    const std::string key = "interventions." + i.name;
    if (i.trigger == Trigger::Schedule && i.start_month < 1) {
      throw ParameterError(key + ".start_month", "a scheduled intervention starts in month 1 or later");
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
        if (w > p.neighbourhoods) {
          throw ParameterError(key + ".neighbourhoods", "the place has " + std::to_string(p.neighbourhoods) +
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

}  // namespace placesim
