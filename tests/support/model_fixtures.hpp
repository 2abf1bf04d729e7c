#pragma once
// Helpers shared by the model and pattern tests.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "scenario/registry.hpp"

namespace placesim::testing {

inline int issue_index(const Place& place, const std::string& name) {
  for (int i = 0; i < place.issue_count(); ++i) {
    if (place.issues[static_cast<std::size_t>(i)].name == name) return i;
  }
  throw std::out_of_range("no issue " + name);
}

// The sector of that name (sectors are the scenario's rows, in order).
inline Sector sector_named(const Params& p, const std::string& name) {
  for (std::size_t s = 0; s < p.sectors.size(); ++s) {
    if (p.sectors[s].name == name) return sector_at(s);
  }
  throw std::out_of_range("no sector " + name);
}

inline void set_row(Params& p, const std::string& table, const std::string& row,
                    const std::string& field, const Value& value) {
  Registry::instance().find_table(table)->set(p, row, field, value);
}

// A place with no elections, staff turnover, crises or national policy changes.
inline Params quiet(Params p) {
  p.events.elections.first_month = 100000;
  for (auto& role : p.population.roles) role.tenure_months = 0;
  for (auto& issue : p.place.issues) issue.crises_per_year = 0;
  for (auto& sector : p.sectors) sector.policy_changes_per_year = 0;
  return p;
}

// A place small enough to work out by hand: the default sectors, issues and parameters, and
// the posts given as {role name, sector, authority, level}, one post each, in that order (post
// n is the n-th), with no forums unless added. Quiet (no events).
struct Post {
  std::string role;
  std::string sector;
  double authority;
  Level level;
};
inline Params small_place(const Params& defaults, const std::vector<Post>& posts) {
  Params p = quiet(defaults);
  p.population.roles.clear();
  for (const Post& post : posts) p.population.roles.push_back({post.role, post.sector, 1, post.authority, post.level, 0});
  p.place.forums.clear();
  return p;
}

// A model state over a built place, not initialised: no ties, every agent value zero, for
// tests that set the state they need.
struct Bare {
  explicit Bare(Params params) : p(std::move(params)), place(build_place(p)), st(p, place, {1, 0}) {}
  Params p;
  Place place;
  ModelState st;
};

// Sets post n's mandate and priorities to the given point (a priority it has adopted).
inline void adopt(ModelState& st, int n, const double* point) {
  std::copy(point, point + st.issues, st.agents.mandate_of(n));
  std::copy(point, point + st.issues, st.agents.priorities_of(n));
}

}  // namespace placesim::testing
