#pragma once
// A family of structurally different places for the pattern tests (docs/ODD.md 7.7): each is
// the default place with a scenario snippet read over it, so every kind is also a valid
// scenario that a user could write. The kinds differ in size and number of neighbourhoods,
// sector cultures, election cycles and marginality, crisis rates, issue sets (with bilateral
// issues) and starting trust.
#include <algorithm>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace placesim::testing {

struct PlaceKind {
  std::string name;
  Params params;
};

struct PlaceSnippet {
  const char* name;
  const char* toml;
};

// What makes each kind different from the default place.
inline const std::vector<PlaceSnippet>& place_snippets() {
  static const std::vector<PlaceSnippet> snippets = {
      {"unitary", ""},  // the default place: six neighbourhoods, all-out elections every four years
      {"county", R"(
        # A large two-tier county: ten neighbourhoods and about twice the posts.
        [place]
        neighbourhoods = 10
        [population.roles.ward_councillor]
        count = 60
        [population.roles.cabinet]
        count = 9
        [population.roles.director]
        count = 8
        [population.roles.neighbourhood_manager]
        count = 10
        [population.roles.superintendent]
        count = 3
        [population.roles.neighbourhood_inspector]
        count = 10
        [population.roles.health_board_member]
        count = 6
      )"},
      {"small_district", R"(
        # A small district: three neighbourhoods, few posts, four issues.
        [place]
        neighbourhoods = 3
        [population.roles.ward_councillor]
        count = 15
        [population.roles.cabinet]
        count = 5
        [population.roles.director]
        count = 4
        [population.roles.neighbourhood_manager]
        count = 3
        [population.roles.neighbourhood_inspector]
        count = 3
        [population.roles.health_board_member]
        count = 2
        [place.issues.children_and_young_people]
        enabled = false
        [place.issues.local_economy]
        enabled = false
      )"},
      {"marginal_by_thirds", R"(
        # A marginal council elected by thirds: an election every year, control easily lost.
        [events.elections]
        cycle_months = 12
        first_month = 12
        groups = 3
        control_change_threshold = 0.15
      )"},
      {"hierarchical_crises", R"(
        # Command-and-control police and health, and two to three times the crises.
        [sectors.police]
        hierarchy = 0.95
        target_focus = 0.9
        [sectors.health]
        hierarchy = 0.95
        target_focus = 0.9
        [place.issues.community_safety]
        crises_per_year = 0.8
        [place.issues.adult_social_care]
        crises_per_year = 0.8
        [place.issues.health_inequalities]
        crises_per_year = 0.8
      )"},
      {"bilateral_issues", R"(
        # Issues that need only two sectors: safety is the council's officers' and the
        # police's, social care the officers' and health's, the economy the council's own.
        [place.issues.community_safety]
        weights = { officer = 0.4, police = 0.6 }
        [place.issues.adult_social_care]
        weights = { officer = 0.5, health = 0.5 }
        [place.issues.community_cohesion]
        enabled = false
      )"},
      {"distrustful", R"(
        # A place whose sectors start out wary of each other.
        [trust]
        initial_cross = 0.18
      )"},
      {"trusting", R"(
        # A place whose sectors start out on good terms.
        [trust]
        initial_cross = 0.5
      )"},
  };
  return snippets;
}

// The family read over `base` (the default scenario's parameters unless given).
inline std::vector<PlaceKind> place_family(const Params& base) {
  std::vector<PlaceKind> kinds;
  for (const PlaceSnippet& s : place_snippets()) {
    Scenario scenario = load_scenario_text(s.toml, std::string("place family: ") + s.name, base);
    kinds.push_back({s.name, scenario.params});
  }
  return kinds;
}

inline std::vector<PlaceKind> place_family() { return place_family(default_scenario().params); }

// The structural kinds of the family (all but those defined by their starting trust), started
// on good terms (cross-sector trust 0.5, above the threshold between the circles): for
// patterns about what churn and instability take away from a partnership that works.
inline std::vector<PlaceKind> on_good_terms(const std::vector<PlaceKind>& family) {
  std::vector<PlaceKind> kinds;
  for (PlaceKind kind : family) {
    if (kind.name == "distrustful") continue;
    kind.params.trust.initial_cross = std::max(kind.params.trust.initial_cross, 0.5);
    kinds.push_back(kind);
  }
  return kinds;
}

// Every intervention run at its expected quality, on every participant alike
// (quality_sd = participant_sd = 0): for patterns about what a mechanism does, not about
// how uncertain its size is.
inline Params at_expected_quality(Params p) {
  for (InterventionSpec& i : p.interventions) {
    i.quality_sd = 0;
    i.participant_sd = 0;
  }
  return p;
}

}  // namespace placesim::testing
