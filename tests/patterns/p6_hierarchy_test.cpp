// P6: in hierarchical sectors a priority adopted at the top spreads through the sector fastest.
// The borough commander adopts a new priority; a year later the rest of the police sector has
// moved towards it, measured against the same place and replicate with no adoption (the
// sector's priorities move anyway, under influence from other sectors and their own mandate),
// further when police culture is hierarchical (h = 0.9) than when it is flat (h = 0.1). On
// every kind of place in the family, for an issue the police weigh heavily and one they do not
// weigh at all, over 30 replicates paired by replicate.
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/places.hpp"
#include "support/statistics.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 30;
constexpr int kMonths = 12;

// Per replicate: the mean over the other police posts of their priority on the issue after a
// year, minus before.
std::vector<double> shift(Params p, double police_hierarchy, const std::string& issue_name, bool adopt) {
  const Sector police = testing::sector_named(p, "police");
  p.sectors[index(police)].culture.hierarchy = police_hierarchy;
  // Keep the commander in post and the police mandate still, so only influence acts on it.
  for (auto& role : p.population.roles) {
    if (role.sector == "police") role.tenure_months = 0;
  }
  p.sectors[index(police)].policy_changes_per_year = 0;
  p.simulation.months = kMonths;

  std::vector<double> shifts;
  for (std::uint32_t r = 0; r < kReplicates; ++r) {
    Model model(p, {6, r});
    ModelState& st = model.state();
    const int issue = testing::issue_index(st.place, issue_name);
    int commander = -1;
    std::vector<int> others;
    for (int n = 0; n < st.agents.count; ++n) {
      if (st.sector(n) != police) continue;
      if (st.authority(n) == 1.0) {
        commander = n;
      } else {
        others.push_back(n);
      }
    }
    if (adopt) {
      // 30% of the way from the commander's priorities to the issue: a shift the others can
      // still hear (a radical one falls outside bounded confidence).
      std::vector<double> adopted(st.agents.priorities_of(commander), st.agents.priorities_of(commander) + st.issues);
      for (double& x : adopted) x *= 0.7;
      adopted[static_cast<std::size_t>(issue)] += 0.3;
      testing::adopt(st, commander, adopted.data());
    }
    auto mean_priority = [&] {
      double sum = 0;
      for (int n : others) sum += st.agents.priorities_of(n)[issue];
      return sum / static_cast<double>(others.size());
    };
    const double before = mean_priority();
    model.run();
    shifts.push_back(mean_priority() - before);
  }
  return shifts;
}

// Per replicate: the shift with the adoption minus without it.
std::vector<double> spread(const Params& p, double police_hierarchy, const std::string& issue) {
  return testing::differences(shift(p, police_hierarchy, issue, true), shift(p, police_hierarchy, issue, false));
}

TEST(PatternP6, APriorityAdoptedAtTheTopSpreadsFastestInAHierarchicalSector) {
  for (const testing::PlaceKind& kind : testing::place_family()) {
    for (const std::string issue : {"community_safety", "adult_social_care"}) {
      const auto hierarchical = spread(kind.params, 0.9, issue);
      const auto flat = spread(kind.params, 0.1, issue);
      const auto spreads = testing::mean_ci95(hierarchical);
      EXPECT_GT(spreads.lower, 0.0) << kind.name << ", " << issue << ": the adopted priority spreads at all "
                                    << spreads.str();
      const auto difference = testing::mean_ci95(testing::differences(hierarchical, flat));
      EXPECT_GT(difference.lower, 0.0) << kind.name << ", " << issue << ": hierarchical minus flat spread "
                                       << difference.str();
    }
  }
}

}  // namespace
}  // namespace placesim
