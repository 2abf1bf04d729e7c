// Whole runs: determinism, and the invariants every state must keep.
#include "model/model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "support/model_fixtures.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

std::vector<float> run(const Params& p, RunIdentity id) {
  Model model(p, id);
  model.run();
  return model.metrics().values();
}

bool bit_identical(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

TEST(Model, TheSameSeedGivesBitIdenticalMetrics) {
  const Params p = default_params();
  EXPECT_TRUE(bit_identical(run(p, {7, 3}), run(p, {7, 3})));
}

TEST(Model, AnotherSeedOrReplicateGivesOtherMetrics) {
  const Params p = default_params();
  const auto base = run(p, {7, 3});
  EXPECT_FALSE(bit_identical(base, run(p, {8, 3})));
  EXPECT_FALSE(bit_identical(base, run(p, {7, 4})));
}

TEST(Model, RecordsEveryMonthFromTheInitialState) {
  Params p = default_params();
  p.simulation.months = 30;
  Model model(p, {1, 0});
  model.run();
  EXPECT_EQ(model.month(), 30);
  EXPECT_EQ(model.metrics().months(), 31);
  EXPECT_FLOAT_EQ(model.metrics().at(0, Metric::TrustCrossSector), model.metrics().at(0, Metric::TrustCrossSector));
  EXPECT_NEAR(model.metrics().at(0, Metric::Fatigue), 0.0, 0.0);
}

// Checks everything that must stay in its range, after every month.
void expect_invariants(const ModelState& st) {
  const Agents& a = st.agents;
  for (int n = 0; n < a.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    double sum = 0;
    for (int i = 0; i < st.issues; ++i) {
      ASSERT_GE(a.priorities_of(n)[i], 0.0);
      sum += a.priorities_of(n)[i];
    }
    ASSERT_NEAR(sum, 1.0, 1e-9) << "priorities of " << n << " left the simplex";
    for (const auto* values : {&a.capacity, &a.knowledge, &a.literacy, &a.openness, &a.fatigue, &a.attention}) {
      ASSERT_GE((*values)[ni], 0.0);
      ASSERT_LE((*values)[ni], 1.0);
    }
    for (const Layer l : {Layer::Within, Layer::Cross}) {
      for (int k = 0; k < st.trust.degree(n, l); ++k) {
        ASSERT_GE(st.trust.trust(n, l, k), 0.0f);
        ASSERT_LE(st.trust.trust(n, l, k), 1.0f);
      }
    }
  }
  double salience = 0;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    ASSERT_GE(st.place_state.outcome[ii], 0.0);
    ASSERT_LE(st.place_state.outcome[ii], 1.0);
    salience += st.place_state.salience[ii];
  }
  ASSERT_NEAR(salience, 1.0, 1e-9);
  ASSERT_TRUE(st.trust.symmetric());
}

// The default place, and one pushed to the ends of its parameter ranges.
std::vector<Params> invariant_cases() {
  Params extreme = default_params();
  extreme.trust.learning_up = extreme.trust.learning_down = 1.0;
  extreme.influence.rate = 1.0;
  extreme.influence.confidence_base = 1.0;
  extreme.learning.knowledge_flow = 1.0;
  extreme.learning.literacy_growth = 1.0;
  extreme.experience.noise = 1.0;
  extreme.joint_action.outcome_rate = 100;
  extreme.joint_action.success_trust_gain = extreme.joint_action.failure_trust_loss = 1.0;
  extreme.events.policy.size = extreme.events.policy.fatigue = 1.0;
  extreme.events.crises.attention_loss = 1.0;
  extreme.events.elections.cycle_months = 1;
  extreme.events.elections.first_month = 1;
  extreme.meetings.informal_contact_rate = 5.5;
  extreme.trust.max_ties_within = extreme.trust.max_ties_cross = 2;
  for (auto& s : extreme.sectors) s.policy_changes_per_year = 12;
  for (auto& i : extreme.place.issues) i.crises_per_year = 12;
  for (auto& r : extreme.population.roles) r.tenure_months = r.tenure_months > 0 ? 1 : 0;
  return {default_params(), extreme};
}

TEST(Model, KeepsPrioritiesOnTheSimplexAndEverythingElseInTheUnitInterval) {
  for (const Params& p : invariant_cases()) {
    for (std::uint32_t replicate = 0; replicate < 5; ++replicate) {
      Model model(p, {99, replicate});
      expect_invariants(model.state());
      while (!model.finished()) {
        model.step();
        expect_invariants(model.state());
        if (::testing::Test::HasFatalFailure()) return;
      }
    }
  }
}

TEST(Model, MetricsAreFiniteWhereDefined) {
  const Params p = default_params();
  Model model(p, {5, 0});
  model.run();
  const MetricSeries& m = model.metrics();
  for (int t = 0; t < m.months(); ++t) {
    for (Metric metric : {Metric::TrustCrossSector, Metric::SharedAmbition, Metric::PlaceIndex,
                          Metric::Capacity, Metric::Attention}) {
      EXPECT_TRUE(std::isfinite(m.at(t, metric))) << spec(metric).name << " month " << t;
    }
  }
}

}  // namespace
}  // namespace placesim
