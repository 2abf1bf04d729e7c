#include "scenario/registry.hpp"

#include <gtest/gtest.h>

#include <set>

#include "model/place.hpp"
#include "scenario/presets.hpp"

namespace placesim {
namespace {

bool in_range(const FieldInfo& f, const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d >= f.min && *d <= f.max;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i >= f.min && *i <= f.max;
  if (const auto* w = std::get_if<NamedReals>(&v)) {
    for (const auto& [name, x] : *w) {
      if (x < f.min || x > f.max) return false;
    }
  }
  if (const auto* s = std::get_if<std::string>(&v); s && f.type == ValueType::Choice) {
    return std::find(f.choices.begin(), f.choices.end(), *s) != f.choices.end();
  }
  return true;
}

TEST(Registry, EveryScalarIsDocumentedAndItsDefaultIsInItsRange) {
  const Registry& r = Registry::instance();
  std::set<std::string> keys;
  for (const auto& f : r.scalars()) {
    EXPECT_TRUE(keys.insert(f.key).second) << "duplicate key " << f.key;
    EXPECT_FALSE(f.description.empty()) << f.key;
    EXPECT_FALSE(f.source.empty()) << f.key;
    EXPECT_TRUE(in_range(f, f.default_value)) << f.key;
    EXPECT_EQ(f.default_value.index(), f.get(r.defaults()).index()) << f.key;
  }
}

TEST(Registry, EveryTableFieldIsDocumentedAndEveryDefaultRowIsInRange) {
  const Registry& r = Registry::instance();
  const Params& defaults = default_params();  // the registry's rows and the presets
  for (const auto& table : r.tables()) {
    for (const FieldInfo& f : table->fields()) {
      EXPECT_FALSE(f.description.empty()) << table->name() << "." << f.key;
      EXPECT_FALSE(f.source.empty()) << table->name() << "." << f.key;
      for (const std::string& row : table->row_names(defaults)) {
        EXPECT_TRUE(in_range(f, table->get(defaults, row, f.key))) << table->name() << "." << row << "." << f.key;
      }
    }
  }
}

TEST(Registry, SetThenGetGivesTheValueBack) {
  const Registry& r = Registry::instance();
  Params p = r.defaults();
  r.find_scalar("trust.decay")->set(p, 0.125);
  EXPECT_EQ(std::get<double>(r.find_scalar("trust.decay")->get(p)), 0.125);
  EXPECT_EQ(p.trust.decay, 0.125);
  r.find_table("population.roles")->set(p, "director", "count", std::int64_t{4});
  EXPECT_EQ(std::get<std::int64_t>(r.find_table("population.roles")->get(p, "director", "count")), 4);
  r.find_table("sectors")->set(p, "police", "hierarchy", 0.25);
  EXPECT_EQ(p.sectors[2].culture.hierarchy, 0.25);
}

TEST(Registry, SettingAnUnknownRowAddsItWithFieldDefaults) {
  const Registry& r = Registry::instance();
  Params p = r.defaults();
  const Table* issues = r.find_table("place.issues");
  issues->set(p, "housing", "wickedness", 0.9);
  ASSERT_TRUE(issues->has_row(p, "housing"));
  EXPECT_EQ(p.place.issues.back().name, "housing");
  EXPECT_EQ(p.place.issues.back().wickedness, 0.9);
  EXPECT_EQ(p.place.issues.back().drift, std::get<double>(issues->find_field("drift")->default_value));
}

TEST(Registry, TheDefaultsBuildAPlace) { EXPECT_NO_THROW(build_place(default_params())); }

}  // namespace
}  // namespace placesim
