#include "model/place.hpp"

#include <algorithm>
#include <cmath>

namespace placesim {

namespace {

// The index of the sector of that name, for the place's lookups of names in the parameters.
Sector sector_named(const Params& params, const std::string& name) {
  for (std::size_t s = 0; s < params.sectors.size(); ++s) {
    if (params.sectors[s].name == name) return sector_at(s);
  }
  throw PlaceError("there is no sector named '" + name + "'");
}

// The enabled issues, salience normalised over issues, and their stakeholder weights as an
// array by sector, normalised over sectors.
void add_issues(const Params& params, Place& place) {
  double salience_sum = 0;
  for (const IssueSpec& issue : params.place.issues) {
    if (!issue.enabled) continue;
    PerSector weights{};
    for (const auto& [sector, weight] : issue.weights) weights[index(sector_named(params, sector))] = weight;
    double weight_sum = 0;
    for (const double w : weights) weight_sum += w;  // in sector order: the sum's rounding is part of the results
    if (weight_sum <= 0) throw PlaceError("issue '" + issue.name + "' has no sector with a positive stakeholder weight");
    for (double& w : weights) w /= weight_sum;
    salience_sum += issue.salience;
    place.issues.push_back(issue);
    place.issue_weights.push_back(weights);
  }
  if (place.issues.empty()) throw PlaceError("the place needs at least one enabled issue");
  if (salience_sum <= 0) throw PlaceError("at least one enabled issue needs a positive salience");
  for (IssueSpec& issue : place.issues) issue.salience /= salience_sum;
}

// Which neighbourhoods the j-th holder of a neighbourhood post covers: with at least one
// post per neighbourhood, holder j serves neighbourhood j mod W; with fewer posts than
// neighbourhoods, holder j serves every neighbourhood w with w mod count == j.
bool covers(int holder, int holders, int neighbourhood, int neighbourhoods) {
  if (holders >= neighbourhoods) return holder % neighbourhoods == neighbourhood;
  return neighbourhood % holders == holder;
}

}  // namespace

Place build_place(const Params& params) {
  Place place;
  place.neighbourhoods = params.place.neighbourhoods;
  if (params.sectors.empty() || params.sectors.size() > kMaxSectors) {
    throw PlaceError("a place has from 1 to " + std::to_string(kMaxSectors) + " sectors");
  }
  place.sectors = static_cast<int>(params.sectors.size());
  for (std::size_t s = 0; s < params.sectors.size(); ++s) place.council[s] = params.sectors[s].council;
  add_issues(params, place);

  for (const RoleSpec& role : params.population.roles) {
    if (role.count > 0) place.roles.push_back(role);
  }
  if (place.roles.empty()) throw PlaceError("the place needs at least one post");

  std::vector<int> holder_index;  // j: which holder of its role an agent is
  std::vector<int> holders;       // holders of the agent's role
  for (int r = 0; r < static_cast<int>(place.roles.size()); ++r) {
    const RoleSpec& role = place.roles[static_cast<std::size_t>(r)];
    const Sector sector = sector_named(params, role.sector);
    for (int j = 0; j < role.count; ++j) {
      place.role_of.push_back(r);
      place.sector_of.push_back(sector);
      place.authority_of.push_back(role.authority);
      place.level_of.push_back(role.level);
      place.neighbourhood_of.push_back(
          role.level == Level::Place ? -1 : (role.count >= place.neighbourhoods ? j % place.neighbourhoods : j));
      place.executive.push_back(place.is_member(sector) && role.level == Level::Place);
      holder_index.push_back(j);
      holders.push_back(role.count);
    }
  }
  const int n_agents = place.agent_count();
  place.neighbourhoods_covered.resize(static_cast<std::size_t>(n_agents));
  for (int n = 0; n < n_agents; ++n) {
    const auto i = static_cast<std::size_t>(n);
    if (place.level_of[i] != Level::Neighbourhood) continue;
    for (int w = 0; w < place.neighbourhoods; ++w) {
      if (covers(holder_index[i], holders[i], w, place.neighbourhoods)) place.neighbourhoods_covered[i].push_back(w);
    }
  }

  for (int n = 0; n < n_agents; ++n) {
    const Sector s = place.sector_of[static_cast<std::size_t>(n)];
    ++place.sector_size[index(s)];
    place.sector_authority[index(s)] += place.authority_of[static_cast<std::size_t>(n)];
    if (place.is_member(s)) place.member_seats.push_back(n);
    PerSector heard{};
    for (std::size_t listener = 0; listener < params.sectors.size(); ++listener) {
      const double exponent =
          params.influence.authority_steepness * params.sectors[listener].culture.hierarchy;
      heard[listener] = std::pow(place.authority_of[static_cast<std::size_t>(n)], exponent);
    }
    place.heard_authority.push_back(heard);
  }
  for (int s = 0; s < place.sectors; ++s) {
    if (place.sector_size[static_cast<std::size_t>(s)] > 0) place.staffed_sectors.push_back(s);
  }
  if (place.staffed_sectors.size() >= 2) {
    place.other_sector_weight = 1.0 / static_cast<double>(place.staffed_sectors.size() - 1);
  }

  for (std::size_t a = 0; a < params.sectors.size(); ++a) {
    for (std::size_t b = 0; b < params.sectors.size(); ++b) {
      place.culture_distance[a][b] =
          culture_distance(params.sectors[a].culture, params.sectors[b].culture);
    }
  }

  for (int f = 0; f < static_cast<int>(params.place.forums.size()); ++f) {
    const ForumSpec& spec = params.place.forums[static_cast<std::size_t>(f)];
    std::vector<int> roles;
    for (const std::string& name : spec.roles) {
      auto it = std::find_if(params.population.roles.begin(), params.population.roles.end(),
                             [&](const RoleSpec& r) { return r.name == name; });
      if (it == params.population.roles.end()) {
        throw PlaceError("forum '" + spec.name + "' names no role '" + name + "'");
      }
      for (int r = 0; r < static_cast<int>(place.roles.size()); ++r) {
        if (place.roles[static_cast<std::size_t>(r)].name == name) roles.push_back(r);
      }
    }
    if (spec.cadence_months <= 0) continue;
    const int instances = spec.scope == Level::Place ? 1 : place.neighbourhoods;
    for (int w = 0; w < instances; ++w) {
      ForumMeeting meeting{f, spec.scope == Level::Place ? -1 : w, spec.cadence_months, {}};
      for (int n = 0; n < n_agents; ++n) {
        const auto i = static_cast<std::size_t>(n);
        if (std::find(roles.begin(), roles.end(), place.role_of[i]) == roles.end()) continue;
        const bool serves = spec.scope == Level::Place || place.level_of[i] == Level::Place ||
                            covers(holder_index[i], holders[i], w, place.neighbourhoods);
        if (serves) meeting.members.push_back(n);
      }
      if (meeting.members.size() >= 2) place.forums.push_back(std::move(meeting));
    }
  }
  return place;
}

int issue_index(const Place& place, const std::string& name) {
  for (int i = 0; i < place.issue_count(); ++i) {
    if (place.issues[static_cast<std::size_t>(i)].name == name) return i;
  }
  return -1;
}

}  // namespace placesim
