// P11: a lasting legacy needs a tip. Programmes vary in quality from run to run (quality_sd),
// so among paired runs of a place whose baseline ends in the vicious circle, some runs of a
// programme lift the place across the threshold and some do not. Where it tipped the place (the
// tenth year ends nearer the virtuous state), its effect on cross-sector trust is still large
// in the tenth year, years after the programme ended; where it helped without tipping (a gain
// at its end), the effect fades: smaller in the tenth year than at the end, and smaller than
// where it tipped. Runs of the two relational programmes that end once (co_design and
// cross_sector_programme; top-team workshops rerun after every election) are pooled per kind
// of place, over 60 replicates each; a group with fewer than 10 runs is not tested (the
// trusting kind's baseline is virtuous, so it has none).
#include <gtest/gtest.h>

#include <iostream>

#include "support/circles.hpp"
#include "support/places.hpp"

namespace placesim {
namespace {

constexpr int kReplicates = 60;
constexpr std::size_t kFewest = 10;

int last_month(const Params& p, const std::string& name) {
  const auto& s = *std::find_if(p.interventions.begin(), p.interventions.end(),
                                [&](const InterventionSpec& i) { return i.name == name; });
  return s.start_month + s.duration_months - 1;
}

struct Legacies {
  std::vector<double> tipped_end, tipped_late, faded_end, faded_late;
};

Legacies legacies_of(const testing::PlaceKind& kind) {
  const testing::Circles circles = testing::circles_of(kind.params);
  const auto base = testing::run_strategy(kind.params, "baseline", kReplicates);
  Legacies l;
  for (const std::string programme : {"co_design", "cross_sector_programme"}) {
    const int end = last_month(kind.params, programme);
    const auto runs = testing::run_strategy(kind.params, programme, kReplicates);
    for (std::size_t r = 0; r < runs.metrics.size(); ++r) {
      const double base_late = testing::tenth_year_trust(base.metrics[r]);
      if (base_late > circles.cut()) continue;  // already virtuous without it
      const double late = testing::tenth_year_trust(runs.metrics[r]) - base_late;
      const double at_end =
          runs.metrics[r].at(end, Metric::TrustCrossSector) - base.metrics[r].at(end, Metric::TrustCrossSector);
      if (testing::tenth_year_trust(runs.metrics[r]) > circles.cut()) {
        l.tipped_end.push_back(at_end);
        l.tipped_late.push_back(late);
      } else if (at_end > 0) {
        l.faded_end.push_back(at_end);
        l.faded_late.push_back(late);
      }
    }
  }
  return l;
}

TEST(PatternP11, ALegacyLastsWhereTheProgrammeTippedThePlaceAndFadesWhereItDidNot) {
  int kinds_tested = 0;
  for (const testing::PlaceKind& kind : testing::place_family()) {
    const Legacies l = legacies_of(kind);
    std::cout << kind.name << ": tipped " << l.tipped_late.size() << ", helped without tipping "
              << l.faded_late.size() << " of " << 2 * kReplicates << " programme runs\n";
    if (l.tipped_late.size() < kFewest || l.faded_late.size() < kFewest) continue;
    ++kinds_tested;
    const auto lasting = testing::mean_ci95(l.tipped_late);
    EXPECT_GT(lasting.lower, 0.1) << kind.name << ": tenth-year trust gain where it tipped the place "
                                  << lasting.str();
    const auto fade = testing::mean_ci95(testing::differences(l.faded_late, l.faded_end));
    EXPECT_LT(fade.upper, 0.0) << kind.name << ": tenth-year minus end-of-programme trust gain where it did not tip "
                               << fade.str();
    const auto apart = testing::welch_ci95(l.tipped_late, l.faded_late);
    EXPECT_GT(apart.lower, 0.0) << kind.name << ": tenth-year gain, tipped minus not tipped " << apart.str();
  }
  EXPECT_GE(kinds_tested, 5) << "too few kinds of place had both outcomes to test the pattern";
}

}  // namespace
}  // namespace placesim
