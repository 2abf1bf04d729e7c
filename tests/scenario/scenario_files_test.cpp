// Every scenario in scenarios/ is valid and opens with a comment stating its question.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/presets.hpp"
#include "scenario/scenario.hpp"

namespace placesim {
namespace {

std::vector<std::filesystem::path> scenario_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PLACESIM_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ScenarioFiles, EveryScenarioIsValidAndAsksAQuestion) {
  const auto files = scenario_files();
  ASSERT_GE(files.size(), 4u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first.rfind("# Question:", 0), 0u) << "the first line must state the question";
    std::string opening = first, line;
    while (opening.find('?') == std::string::npos && std::getline(in, line) && line.rfind("#", 0) == 0) opening += line;
    EXPECT_NE(opening.find('?'), std::string::npos) << "the opening comment must end its question with '?'";
    Scenario s = load_scenario_file(file.string());
    EXPECT_NO_THROW(check_scenario(s));
    EXPECT_EQ(s.params.simulation.name, file.stem().string()) << "name the results file after the scenario";
  }
}

std::string file_text(const std::string& path) {
  std::ifstream in(std::string(PLACESIM_SOURCE_DIR) + "/" + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ScenarioFiles, TheEmbeddedDefaultIsScenariosDefaultToml) {
  EXPECT_EQ(embedded_default_text(), file_text("scenarios/default.toml"));
}

TEST(ScenarioFiles, TheEmbeddedPresetsAreScenariosPresetsToml) {
  EXPECT_EQ(presets_text(), file_text("scenarios/presets/presets.toml"));
}

TEST(ScenarioFiles, TheDefaultComparesTheBaselineWithEveryPreset) {
  // From the presets data, not from a hand list: the baseline, then every preset strategy.
  std::vector<std::string> expected = {"baseline"};
  for (const std::string& name : built_in_strategy_names()) {
    if (name != "baseline") expected.push_back(name);
  }
  EXPECT_EQ(default_scenario().params.simulation.strategies, expected);
  EXPECT_EQ(preset_names().size() + 1, built_in_strategy_names().size());  // one strategy per preset, and the baseline
}

TEST(ScenarioFiles, EveryPresetCitesItsSourceAndTheory) {
  for (const InterventionSpec& preset : default_params().interventions) {
    EXPECT_FALSE(preset.provider.empty()) << preset.name;
    EXPECT_FALSE(preset.theory.empty()) << preset.name;
    EXPECT_FALSE(preset.source.empty()) << preset.name;
  }
  for (const StrategySpec& strategy : default_params().strategies) EXPECT_FALSE(strategy.colour.empty()) << strategy.name;
}

}  // namespace
}  // namespace placesim
