// docs/ODD.md and docs/scenarios.md list every parameter from the registry, docs/interventions.md
// the presets, and docs/results.md the metrics; these fail when they are out of date (run
// scripts/update-docs.sh).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/metric_reference.hpp"
#include "scenario/intervention_tables.hpp"
#include "scenario/reference.hpp"

namespace placesim {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(OddDocument, ItsParameterTablesMatchTheRegistry) {
  const std::string odd = read(std::string(PLACESIM_SOURCE_DIR) + "/docs/ODD.md");
  ASSERT_FALSE(odd.empty()) << "cannot read docs/ODD.md";
  std::ostringstream expected;
  write_parameter_reference(expected);
  EXPECT_TRUE(generated_block(odd, "parameters") == expected.str())
      << "docs/ODD.md is out of date: run scripts/update-docs.sh";
}

TEST(ScenariosDocument, ItsKeyReferenceMatchesTheRegistry) {
  const std::string doc = read(std::string(PLACESIM_SOURCE_DIR) + "/docs/scenarios.md");
  ASSERT_FALSE(doc.empty()) << "cannot read docs/scenarios.md";
  std::ostringstream expected;
  write_parameter_reference(expected);
  EXPECT_TRUE(generated_block(doc, "parameters") == expected.str())
      << "docs/scenarios.md is out of date: run scripts/update-docs.sh";
}

TEST(InterventionsDocument, ItsPresetTableMatchesTheRegistry) {
  const std::string doc = read(std::string(PLACESIM_SOURCE_DIR) + "/docs/interventions.md");
  ASSERT_FALSE(doc.empty()) << "cannot read docs/interventions.md";
  std::ostringstream expected;
  write_preset_comparison(expected);
  EXPECT_TRUE(generated_block(doc, "presets") == expected.str())
      << "docs/interventions.md is out of date: run scripts/update-docs.sh";
}

TEST(ResultsDocument, ItsMetricTableMatchesTheMetricTable) {
  const std::string doc = read(std::string(PLACESIM_SOURCE_DIR) + "/docs/results.md");
  ASSERT_FALSE(doc.empty()) << "cannot read docs/results.md";
  std::ostringstream expected;
  write_metric_reference(expected);
  EXPECT_TRUE(generated_block(doc, "metrics") == expected.str())
      << "docs/results.md is out of date: run scripts/update-docs.sh";
}

TEST(OddDocument, GeneratedBlocksAreReplacedBetweenTheirMarkers) {
  const std::string doc = "a\n<!-- BEGIN GENERATED: x -->\nold\n<!-- END GENERATED: x -->\nb\n";
  const std::string updated = replace_generated_block(doc, "x", "new\n");
  EXPECT_EQ(updated, "a\n<!-- BEGIN GENERATED: x -->\nnew\n<!-- END GENERATED: x -->\nb\n");
  EXPECT_EQ(generated_block(updated, "x"), "new\n");
  EXPECT_THROW(generated_block(doc, "y"), std::runtime_error);
}

}  // namespace
}  // namespace placesim
