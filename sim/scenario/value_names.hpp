#pragma once
// The words scenario files use for the model's enumerations (a role's level, a sector's part
// in the council, an intervention's targeting, ...), and their conversions to and from the
// registry's values. The model holds the enumerations; only the scenario layer knows the words.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/sector.hpp"
#include "scenario/value.hpp"

namespace placesim {

// Each array is in the order of its enumeration.
inline constexpr std::array<std::string_view, 2> kLevelNames = {"place", "neighbourhood"};
inline constexpr std::array<std::string_view, 3> kCouncilRoleNames = {"none", "member", "officer"};
inline constexpr std::array<std::string_view, 2> kTriggerNames = {"schedule", "election"};
inline constexpr std::array<std::string_view, 6> kTargetingNames = {"roles",    "forum",  "top",
                                                                     "snowball", "cohort", "neighbourhood"};
inline constexpr std::array<std::string_view, 4> kFocalRuleNames = {"none", "fixed", "most_salient", "worst"};
inline constexpr std::array<std::string_view, 3> kFocalLevelNames = {"any", "place", "neighbourhood"};
inline constexpr std::array<std::string_view, 3> kPriorityTargetNames = {"focal", "residents", "shared"};
// The effects a session can have, by name (the keys of `effects`), in the order of the fields
// of InterventionEffects.
inline constexpr std::array<std::string_view, 6> kEffectNames = {"capacity", "knowledge", "literacy",
                                                                  "trust",    "priorities", "focus"};

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

// The word for a value of an enumeration.
template <class Enum, std::size_t N>
std::string word(Enum value, const std::array<std::string_view, N>& names) {
  return std::string(names[static_cast<std::size_t>(value)]);
}

Value to_value(Level v);
Value to_value(CouncilRole v);
Value to_value(Trigger v);
Value to_value(Targeting v);
Value to_value(FocalRule v);
Value to_value(FocalLevel v);
Value to_value(PriorityTarget v);
Value to_value(const InterventionEffects& v);
void from_value(const Value& v, Level& out);
void from_value(const Value& v, CouncilRole& out);
void from_value(const Value& v, Trigger& out);
void from_value(const Value& v, Targeting& out);
void from_value(const Value& v, FocalRule& out);
void from_value(const Value& v, FocalLevel& out);
void from_value(const Value& v, PriorityTarget& out);
void from_value(const Value& v, InterventionEffects& out);

}  // namespace placesim
