#pragma once
// An intervention as data (MODEL.md "Interventions are data"): who provides it, when its
// sessions run, whom it targets, which issue it focuses on, what a session does to those
// who attend, who attends, how long its effects last, and what it costs. Declared in
// scenario files ([interventions.<name>]); the presets are the registry's default rows.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/value.hpp"

namespace placesim {

enum class Trigger { Schedule, Election };
enum class Targeting { Roles, Forum, Top, Snowball, Cohort, Neighbourhood };
enum class FocalRule { None, Fixed, MostSalient, Worst };
enum class PriorityTarget { Focal, Residents, Shared };

inline constexpr std::array<std::string_view, 2> kTriggerNames = {"schedule", "election"};
inline constexpr std::array<std::string_view, 6> kTargetingNames = {"roles",    "forum",  "top",
                                                                     "snowball", "cohort", "neighbourhood"};
inline constexpr std::array<std::string_view, 4> kFocalRuleNames = {"none", "fixed", "most_salient", "worst"};
inline constexpr std::array<std::string_view, 3> kPriorityTargetNames = {"focal", "residents", "shared"};
// The effects a session can have, by name (the keys of `effects`).
inline constexpr std::array<std::string_view, 6> kEffectNames = {"capacity", "knowledge", "literacy",
                                                                  "trust",    "priorities", "focus"};

// What one session does to each participant who attends.
struct InterventionEffects {
  double capacity = 0;    // share of the gap to 1 closed
  double knowledge = 0;   // share of the gap to 1 closed (evidence from elsewhere)
  double literacy = 0;    // share of the gap to 1 closed
  double trust = 0;       // between every two attending co-participants: share of the gap to 1
  double priorities = 0;  // how far priorities move towards the priority target
  double focus = 0;       // extra effort share on the focal issue (decays after the session)
};

struct InterventionSpec {
  std::string name;
  std::string based_on;     // a preset (or earlier intervention) whose fields this one starts from
  std::string provider;
  std::string theory;       // its theory of change, in a sentence
  Trigger trigger = Trigger::Schedule;
  int start_month = 1;      // schedule: first session; election: months after each election
  int duration_months = 1;  // sessions are held while month < start + duration
  int cadence_months = 1;
  Targeting targeting = Targeting::Roles;
  std::vector<std::string> sectors;  // empty: every sector
  std::vector<std::string> roles;    // roles targeting: empty means every role of the sectors
  std::string forum;                 // forum targeting
  int seeds = 1;                     // snowball: the seed set, highest authority first
  int growth = 1;                    // snowball: newcomers invited per session
  bool cross_sector_first = false;   // snowball: contacts in other sectors before colleagues
  int cap = 0;                       // top, snowball, cohort: most participants (0: no cap)
  std::vector<std::int64_t> neighbourhoods;  // neighbourhood targeting: numbers from 1
  FocalRule focal_rule = FocalRule::None;
  std::string focal_issue;           // fixed focal rule
  std::string focal_level = "any";   // most_salient and worst: among place or neighbourhood issues
  InterventionEffects effects;
  PriorityTarget priority_target = PriorityTarget::Focal;
  double commitment = 0;     // share of the priority shift that also moves the mandate
  bool confidential = false; // participants share no knowledge while it runs
  double take_up = 1;        // chance an invited, relevant, unfatigued participant attends
  double take_up_relevance = 0;  // how much low relevance of the focal issue lowers take-up
  double take_up_fatigue = 0;    // how much fatigue lowers take-up
  int durability_months = 0;     // slower trust decay for participants this long after a session
  double durability_factor = 1;  // multiplier on trust decay while durable
  double fatigue = 0;            // fatigue added per session attended, times (1 - fatigue)
  double cost_fixed = 0;         // per run of the intervention (per election, if triggered)
  double cost_per_participant_session = 0;
  double policy_change_multiplier = 1;  // national policy changes scaled by this while it runs
};

// A strategy: a named list of interventions.
struct StrategySpec {
  std::string name;
  std::string description;
  std::vector<std::string> interventions;
};

// Conversions for the registry.
Value to_value(Trigger v);
Value to_value(Targeting v);
Value to_value(FocalRule v);
Value to_value(PriorityTarget v);
Value to_value(const InterventionEffects& v);
void from_value(const Value& v, Trigger& out);
void from_value(const Value& v, Targeting& out);
void from_value(const Value& v, FocalRule& out);
void from_value(const Value& v, PriorityTarget& out);
void from_value(const Value& v, InterventionEffects& out);

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

}  // namespace placesim
