#include "model/events.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/population.hpp"
#include "support/model_fixtures.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

struct World {
  explicit World(Params params, std::uint32_t replicate = 0)
      : p(std::move(params)), place(build_place(p)), st(p, place, {11, replicate}) {
    initialise(st);
  }
  Params p;
  Place place;
  ModelState st;
};

TEST(Elections, AChangeOfControlReplacesTheCabinetAndRenewsTheManifesto) {
  Params p = default_params();
  p.events.elections.control_change_threshold = 0;
  p.events.elections.control_change_slope = 100;  // control certainly changes
  p.events.elections.turnover_base = 0;
  p.events.elections.turnover_dissatisfaction = 0;  // no other seat changes hands
  World w(p);
  const int before = w.st.place_state.controlling_party;
  w.st.month = p.events.elections.first_month;
  hold_election_if_due(w.st);
  EXPECT_EQ(w.st.events.elections, 1);
  EXPECT_EQ(w.st.events.control_changes, 1);
  EXPECT_EQ(w.st.events.departures, 9);  // the leader and cabinet
  EXPECT_NE(w.st.place_state.controlling_party, before);
  for (int n = 0; n < w.place.agent_count(); ++n) {
    if (!w.place.executive[static_cast<std::size_t>(n)]) continue;
    EXPECT_EQ(w.st.agents.tenure[static_cast<std::size_t>(n)], 0);
    EXPECT_EQ(w.st.trust.degree(n), 0);  // newcomers arrive with no ties
    for (int i = 0; i < w.st.issues; ++i) {
      EXPECT_EQ(w.st.agents.mandate_of(n)[i], w.st.place_state.manifesto[static_cast<std::size_t>(i)]);
    }
  }
}

TEST(Elections, HappenOnlyOnTheirCycle) {
  World w(default_params());
  for (int month = 1; month <= 120; ++month) {
    w.st.month = month;
    w.st.events = {};
    hold_election_if_due(w.st);
    const bool due = month >= 24 && (month - 24) % 48 == 0;
    EXPECT_EQ(w.st.events.elections, due ? 1 : 0) << month;
  }
}

TEST(Elections, SeatsTurnOverAtTheRateDissatisfactionImplies) {
  Params p = default_params();
  p.events.elections.control_change_slope = 0;
  p.events.elections.turnover_base = 0.1;
  p.events.elections.turnover_dissatisfaction = 0.4;
  double departures = 0, expected = 0, variance = 0;
  for (std::uint32_t r = 0; r < 200; ++r) {
    World w(p, r);
    w.st.month = p.events.elections.first_month;
    const double q = 0.1 + 0.4 * dissatisfaction(w.st);
    hold_election_if_due(w.st);
    departures += w.st.events.departures;
    expected += 39 * q;
    variance += 39 * q * (1 - q);
  }
  EXPECT_NEAR(departures, expected, 4 * std::sqrt(variance));
}

TEST(StaffTurnover, PostsEmptyAtTheHazardOneOverTenure) {
  Params p = default_params();
  for (auto& role : p.population.roles) role.tenure_months = role.sector == "member" ? 0 : 10;
  World w(p);
  double departures = 0;
  const int months = 300;
  for (int month = 1; month <= months; ++month) {
    w.st.month = month;
    w.st.events = {};
    staff_turnover(w.st);
    departures += w.st.events.departures;
  }
  const double trials = 31.0 * months;  // 31 officer, police and health posts
  EXPECT_NEAR(departures, trials * 0.1, 4 * std::sqrt(trials * 0.1 * 0.9));
}

TEST(Crises, HappenAtTheirRateAndTakeOutcomeAndAttention) {
  Params p = default_params();
  for (auto& issue : p.place.issues) issue.crises_per_year = 3;  // a quarter of months
  World w(p);
  double count = 0;
  const int months = 400;
  for (int month = 1; month <= months; ++month) {
    w.st.month = month;
    w.st.events = {};
    const auto outcome = w.st.place_state.outcome;
    crises(w.st);
    count += w.st.events.crises;
    for (int i = 0; i < w.st.issues; ++i) {
      const double y0 = outcome[static_cast<std::size_t>(i)];
      const double y1 = w.st.place_state.outcome[static_cast<std::size_t>(i)];
      EXPECT_TRUE(y1 == y0 || std::abs(y1 - y0 * 0.9) < 1e-15);
    }
  }
  const double trials = 6.0 * months;
  EXPECT_NEAR(count, trials * 0.25, 4 * std::sqrt(trials * 0.25 * 0.75));
  double attention = 0;
  for (double a : w.st.agents.attention) attention += a;
  EXPECT_LT(attention / w.st.agents.count, p.sectors[0].attention);
}

TEST(PolicyChanges, MoveAMandateTowardsOneNationalPriority) {
  Params p = default_params();
  for (auto& sector : p.sectors) sector.policy_changes_per_year = 12;  // every month
  World w(p);
  w.st.month = 1;
  std::vector<double> before(w.st.sector_mandate(testing::sector_named(p, "police")),
                             w.st.sector_mandate(testing::sector_named(p, "police")) + w.st.issues);
  policy_changes(w.st);
  EXPECT_EQ(w.st.events.policy_changes, 4);  // the four sectors with posts
  const double* after = w.st.sector_mandate(testing::sector_named(p, "police"));
  int raised = 0;
  for (int i = 0; i < w.st.issues; ++i) {
    const double scaled = before[static_cast<std::size_t>(i)] * (1 - p.events.policy.size);
    if (std::abs(after[i] - scaled) < 1e-15) continue;
    EXPECT_NEAR(after[i], scaled + p.events.policy.size, 1e-15);
    ++raised;
  }
  EXPECT_EQ(raised, 1);
}

TEST(PolicyChanges, FavourTheIssuesASectorAnswersFor) {
  World w(default_params());
  // Police answer for no part of the local economy: only the mandate floor draws it.
  const std::size_t police = index(testing::sector_named(w.st.params, "police"));
  const int economy = testing::issue_index(w.place, "local_economy");
  const int safety = testing::issue_index(w.place, "community_safety");
  int economy_draws = 0, safety_draws = 0;
  for (int k = 0; k < 10000; ++k) {
    const int j = national_priority(w.st, police, (k + 0.5) / 10000);
    economy_draws += j == economy;
    safety_draws += j == safety;
  }
  const double floor = w.p.population.mandate_floor;
  const double total = 1.0 + 6 * floor;  // weights sum to one, plus six floors
  EXPECT_NEAR(economy_draws / 10000.0, floor / total, 1e-3);
  EXPECT_NEAR(safety_draws / 10000.0, (0.5 + floor) / total, 1e-3);
}

}  // namespace
}  // namespace placesim
