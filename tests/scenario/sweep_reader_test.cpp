// The [sweep] section: what it reads, that it reads back from its resolved text, and one
// clear error (file, line, key, what was expected) for each way of getting it wrong.
#include <gtest/gtest.h>

#include <algorithm>

#include "experiment/designs/design_points.hpp"
#include "scenario/scenario.hpp"
#include "scenario/value_reader.hpp"

namespace placesim {
namespace {

const char* kHead = "[simulation]\nmonths = 6\nreplicates = 2\nstrategies = [\"baseline\"]\n\n";

ScenarioError error_of(const std::string& sweep) {
  try {
    Scenario s = load_scenario_text(kHead + sweep, "sweep.toml");
    check_scenario(s);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << sweep;
  return ScenarioError({}, "", "");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SweepReader, ReadsDesignsDistributionsAndInterventionFields) {
  const Scenario s = load_scenario_text(std::string(kHead) + R"(
[sweep]
design = "latin_hypercube"
samples = 40
seed = 9

[sweep.parameters]
trust.decay = { min = 0.01, max = 0.05 }
"trust.strong_tie" = { distribution = "normal", mean = 0.6, sd = 0.05 }
interventions.peer_review.take_up = { distribution = "triangular", min = 0.5, mode = 0.8, max = 1.0 }
interventions.peer_review.cost_fixed = { distribution = "log_uniform", min = 5, max = 50 }
place.issues.community_safety.level = { values = ["place", "neighbourhood"] }
)",
                                        "sweep.toml");
  check_scenario(s);
  const Sweep& sweep = s.sweep;
  EXPECT_EQ(sweep.design, SweepDesign::LatinHypercube);
  EXPECT_EQ(sweep.samples, 40);
  EXPECT_TRUE(sweep.seed_set);
  ASSERT_EQ(sweep.parameters.size(), 5u);
  EXPECT_EQ(sweep.parameters[0].key, "trust.decay");
  EXPECT_EQ(sweep.parameters[1].distribution, Distribution::Normal);
  // A normal is truncated to the key's range and five standard deviations.
  EXPECT_DOUBLE_EQ(sweep.parameters[1].min, 0.35);
  EXPECT_DOUBLE_EQ(sweep.parameters[1].max, 0.85);
  EXPECT_EQ(sweep.parameters[2].key, "interventions.peer_review.take_up");
  EXPECT_EQ(sweep.parameters[2].mode, 0.8);
  EXPECT_EQ(sweep.parameters[4].distribution, Distribution::Choice);
  EXPECT_EQ(sweep.parameters[4].where.line, 17);
}

TEST(SweepReader, TheResolvedScenarioReadsBackToTheSameDesign) {
  for (const char* sweep : {
           "[sweep]\ndesign = \"sobol\"\nsamples = 8\n[sweep.parameters]\ntrust.decay = { min = 0.01, max = 0.05 }\n"
           "trust.strong_tie = { distribution = \"triangular\", min = 0.5, mode = 0.55, max = 0.9 }\n",
           "[sweep]\ndesign = \"list\"\npoints = [{ trust.decay = 0.01 }, { trust.strong_tie = 0.7, trust.decay = 0.1 }]\n",
           "[sweep]\ndesign = \"morris\"\nsamples = 3\nlevels = 6\nseed = 4\n[sweep.parameters]\n"
           "meetings.encounters_per_meeting = { min = 1, max = 5 }\ntrust.decay = { distribution = \"normal\", mean = 0.02, sd = 0.01 }\n",
           "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ntrust.decay = { distribution = \"log_uniform\", min = 0.001, max = 0.1, levels = 3 }\n"
           "place.issues.local_economy.enabled = { values = [true, false] }\n",
           "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ninterventions.co_design.sectors = { values = [[\"member\", \"officer\"], [\"police\"]] }\n"
           "interventions.action_learning.neighbourhoods = { values = [[1], [2, 3]] }\n"}) {
    Scenario first = load_scenario_text(std::string(kHead) + sweep, "a.toml");
    check_scenario(first);
    Scenario again = load_scenario_text(resolved_toml(first), "resolved.toml");
    check_scenario(again);
    EXPECT_EQ(resolved_toml(again), resolved_toml(first)) << sweep;
    const DesignPoints a(first.sweep, first.params.simulation.seed), b(again.sweep, again.params.simulation.seed);
    ASSERT_EQ(a.size(), b.size());
    for (std::int64_t p = 0; p < a.size(); ++p) EXPECT_EQ(a.values(p), b.values(p)) << sweep << " point " << p;
  }
}

TEST(SweepReader, AListIsVariedAsAChoiceAmongWholeLists) {
  const Scenario s = load_scenario_text(std::string(kHead) + R"(
[sweep]
design = "grid"
[sweep.parameters]
interventions.co_design.sectors = { values = [["member", "officer"], ["police", "health"]] }
interventions.action_learning.neighbourhoods = { values = [[1], [2, 3]] }
)",
                                        "lists.toml");
  check_scenario(s);
  const DesignPoints points(s.sweep, s.params.simulation.seed);
  ASSERT_EQ(points.size(), 4);  // two lists of sectors times two of neighbourhoods
  const std::vector<std::string> police_and_health = {"police", "health"};
  const std::vector<std::int64_t> two_and_three = {2, 3};
  const auto last = points.values(3);  // the first parameter varies slowest
  ASSERT_TRUE(last[0] && last[1]);
  EXPECT_EQ(std::get<std::vector<std::string>>(*last[0]), police_and_health);
  EXPECT_EQ(std::get<std::vector<std::int64_t>>(*last[1]), two_and_three);
  // Set on the parameters, the lists are the interventions' own.
  Params p = s.params;
  set_key(p, resolve_key("interventions.co_design.sectors"), *last[0]);
  const auto& co_design = *std::find_if(p.interventions.begin(), p.interventions.end(),
                                        [](const InterventionSpec& i) { return i.name == "co_design"; });
  EXPECT_EQ(co_design.sectors, police_and_health);
}

TEST(SweepReader, SetOverridesTheDesignSettings) {
  Scenario s = load_scenario_text(std::string(kHead) + "[sweep]\ndesign = \"random\"\nsamples = 10\n"
                                                       "[sweep.parameters]\ntrust.decay = { min = 0.01, max = 0.05 }\n",
                                  "s.toml");
  apply_override(s, "sweep.samples=500");
  apply_override(s, "sweep.design=latin_hypercube");
  check_scenario(s);
  EXPECT_EQ(s.sweep.samples, 500);
  EXPECT_EQ(s.sweep.design, SweepDesign::LatinHypercube);
  try {
    apply_override(s, "sweep.parameters.x=1");
    FAIL() << "parameters cannot be set with --set";
  } catch (const ScenarioError& e) {
    EXPECT_TRUE(contains(e.what(), "[sweep] section")) << e.what();
  }
}

struct BadSweep {
  const char* name;
  const char* text;
  const char* key;
  int line;  // in the sweep text (the head takes 5 lines)
  const char* fragment;
};

void PrintTo(const BadSweep& bad, std::ostream* out) { *out << bad.name; }

class SweepErrors : public ::testing::TestWithParam<BadSweep> {};

TEST_P(SweepErrors, NameTheLineTheKeyAndWhatWasExpected) {
  const BadSweep& bad = GetParam();
  const ScenarioError e = error_of(bad.text);
  EXPECT_EQ(e.key(), bad.key) << e.what();
  if (bad.line > 0) EXPECT_EQ(e.where().line, bad.line + 5) << e.what();
  EXPECT_EQ(e.where().source, "sweep.toml");
  EXPECT_TRUE(contains(e.what(), bad.fragment)) << e.what();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SweepErrors,
    ::testing::Values(
        BadSweep{"UnknownDesign", "[sweep]\ndesign = \"sobel\"\n", "sweep.design", 2, "did you mean 'sobol'"},
        BadSweep{"UnknownSetting", "[sweep]\ndesing = \"grid\"\n", "sweep.desing", 2, "did you mean 'design'"},
        BadSweep{"UnknownParameter", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decya = { min = 0, max = 1 }\n",
                 "sweep.parameters.trust.decya", 5, "did you mean 'trust.decay'"},
        BadSweep{"OutOfRange", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { min = 0, max = 2 }\n",
                 "sweep.parameters.trust.decay.max", 5, "expected from 0 to 1"},
        BadSweep{"MinNotBelowMax", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { min = 0.5, max = 0.5 }\n",
                 "sweep.parameters.trust.decay", 5, "must be less than max"},
        BadSweep{"MissingMax", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { min = 0.5 }\n",
                 "sweep.parameters.trust.decay", 5, "needs max"},
        BadSweep{"ValuesAndRange", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ntrust.decay = { values = [0.1], min = 0 }\n",
                 "sweep.parameters.trust.decay.min", 4, "either values or a range"},
        BadSweep{"ATableIsVariedEntryByEntry", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ninterventions.co_design.effects = { values = [1] }\n",
                 "sweep.parameters.interventions.co_design.effects", 4, "interventions.co_design.effects.<name>"},
        BadSweep{"AListTakesWholeListsAsValues", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ninterventions.co_design.sectors = { values = [\"police\"] }\n",
                 "sweep.parameters.interventions.co_design.sectors.values", 4, "expected an array"},
        BadSweep{"AListHasNoRange", "[sweep]\ndesign = \"random\"\nsamples = 2\n[sweep.parameters]\ninterventions.co_design.sectors = { min = 0, max = 1 }\n",
                 "sweep.parameters.interventions.co_design.sectors", 5, "give its values"},
        BadSweep{"SimulationKeys", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\nsimulation.months = { values = [6, 12] }\n",
                 "sweep.parameters.simulation.months", 4, "every run of one results file shares it"},
        BadSweep{"TextNeedsValues", "[sweep]\ndesign = \"random\"\nsamples = 2\n[sweep.parameters]\nplace.issues.local_economy.level = { min = 0, max = 1 }\n",
                 "sweep.parameters.place.issues.local_economy.level", 5, "give its values"},
        BadSweep{"ValueOfTheWrongType", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\nmeetings.encounters_per_meeting = { values = [1, 2.5] }\n",
                 "sweep.parameters.meetings.encounters_per_meeting.values", 4, "expected an integer"},
        BadSweep{"LogUniformFromZero", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { distribution = \"log_uniform\", min = 0, max = 1 }\n",
                 "sweep.parameters.trust.decay.min", 5, "min > 0"},
        BadSweep{"ModeOutside", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { distribution = \"triangular\", min = 0, mode = 0.9, max = 0.5 }\n",
                 "sweep.parameters.trust.decay.mode", 5, "between min and max"},
        BadSweep{"SamplesMissing", "[sweep]\ndesign = \"latin_hypercube\"\n[sweep.parameters]\ntrust.decay = { min = 0, max = 1 }\n",
                 "sweep.samples", 2, "needs samples"},
        BadSweep{"SamplesOnAGrid", "[sweep]\ndesign = \"grid\"\nsamples = 4\n[sweep.parameters]\ntrust.decay = { values = [0.1] }\n",
                 "sweep.samples", 3, "samples go with"},
        BadSweep{"GridWithoutLevels", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ntrust.decay = { min = 0, max = 1 }\n",
                 "sweep.parameters.trust.decay", 4, "min, max and levels"},
        BadSweep{"LevelsOutsideAGrid", "[sweep]\ndesign = \"random\"\nsamples = 3\n[sweep.parameters]\ntrust.decay = { min = 0, max = 1, levels = 3 }\n",
                 "sweep.parameters.trust.decay.levels", 5, "levels go with grid designs"},
        BadSweep{"RepeatedIntegers", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\nmeetings.encounters_per_meeting = { min = 1, max = 3, levels = 5 }\n",
                 "sweep.parameters.meetings.encounters_per_meeting.levels", 4, "would repeat integers"},
        BadSweep{"OddMorrisLevels", "[sweep]\ndesign = \"morris\"\nsamples = 3\nlevels = 5\n[sweep.parameters]\ntrust.decay = { min = 0, max = 1 }\n",
                 "sweep.levels", 4, "even number of levels"},
        BadSweep{"ListWithoutPoints", "[sweep]\ndesign = \"list\"\n", "sweep.points", 2, "needs points"},
        BadSweep{"PointsOutsideAList", "[sweep]\ndesign = \"grid\"\npoints = [{ trust.strong_tie = 0.1 }]\n[sweep.parameters]\ntrust.decay = { values = [0.1] }\n",
                 "sweep.points", 3, "points go with design \"list\""},
        BadSweep{"APointOutOfRange", "[sweep]\ndesign = \"list\"\npoints = [{ trust.decay = 0.1 }, { trust.decay = -1 }]\n",
                 "sweep.points[1].trust.decay", 3, "out of range"},
        BadSweep{"VariedTwice", "[sweep]\ndesign = \"grid\"\n[sweep.parameters]\ntrust.decay = { values = [0.1] }\n\"trust.decay\" = { values = [0.2] }\n",
                 "sweep.parameters.trust.decay", 5, "varied twice"},
        BadSweep{"TooManyRuns", "[sweep]\ndesign = \"random\"\nsamples = 2000000000\n[sweep.parameters]\ntrust.decay = { min = 0, max = 1 }\n",
                 "sweep.samples", 3, "the most one results file holds"}),
    [](const ::testing::TestParamInfo<BadSweep>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace placesim
