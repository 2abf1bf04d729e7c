// P6: in hierarchical sectors a priority adopted at the top spreads through the sector
// fastest. The borough commander adopts a new priority; over 30 replicates the rest of the
// police sector moves further towards it in a year when police culture is hierarchical
// (h = 0.9) than when it is flat (h = 0.1), all else equal and paired by replicate.
#include <gtest/gtest.h>

#include "support/model_fixtures.hpp"
#include "support/statistics.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 30;
constexpr int kMonths = 12;

// Mean shift of the other police posts' priority on the adopted issue after a year.
std::vector<double> spread(double police_hierarchy) {
  Params p = default_params();
  p.sectors[index(testing::sector_named(p, "police"))].culture.hierarchy = police_hierarchy;
  // Keep the commander in post and the police mandate still, so only influence acts.
  for (auto& role : p.population.roles) {
    if (role.sector == "police") role.tenure_months = 0;
  }
  p.sectors[index(testing::sector_named(p, "police"))].policy_changes_per_year = 0;
  p.simulation.months = kMonths;

  std::vector<double> shifts;
  for (std::uint32_t r = 0; r < kReplicates; ++r) {
    Model model(p, {6, r});
    ModelState& st = model.state();
    const int issue = testing::issue_index(st.place, "children_and_young_people");
    int commander = -1;
    std::vector<int> others;
    for (int n = 0; n < st.agents.count; ++n) {
      if (st.sector(n) != testing::sector_named(st.params, "police")) continue;
      if (st.authority(n) == 1.0) {
        commander = n;
      } else {
        others.push_back(n);
      }
    }
    // The commander's new priority: 30% of the way from the current one to the new issue
    // (a shift the others can still hear: a radical one falls outside bounded confidence).
    std::vector<double> adopted(st.agents.priorities_of(commander),
                                st.agents.priorities_of(commander) + st.issues);
    for (double& x : adopted) x *= 0.7;
    adopted[static_cast<std::size_t>(issue)] += 0.3;
    testing::adopt(st, commander, adopted.data());

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

TEST(PatternP6, APriorityAdoptedAtTheTopSpreadsFastestInAHierarchicalSector) {
  const auto hierarchical = spread(0.9);
  const auto flat = spread(0.1);
  const auto shift = testing::mean_ci95(hierarchical);
  EXPECT_GT(shift.lower, 0.0) << "the priority spreads at all: " << shift.str();
  const auto difference = testing::mean_ci95(testing::differences(hierarchical, flat));
  EXPECT_GT(difference.lower, 0.0) << "hierarchical minus flat shift " << difference.str();
}

}  // namespace
}  // namespace placesim
