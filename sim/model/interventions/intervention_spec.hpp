#pragma once
// An intervention as data (docs/ODD.md "Interventions are data"): who provides it, when its
// sessions run, whom it targets, which issue it focuses on, what a session does to those
// who attend, who attends, how long its effects last, and what it costs. Declared in
// scenario files ([interventions.<name>]); the presets are rows of scenarios/presets/presets.toml.
#include <cstdint>
#include <string>
#include <vector>

namespace placesim {

enum class Trigger { Schedule, Election };
enum class Targeting { Roles, Forum, Top, Snowball, Cohort, Neighbourhood };
enum class FocalRule { None, Fixed, MostSalient, Worst };
enum class PriorityTarget { Focal, Residents, Shared };
enum class FocalLevel { Any, Place, Neighbourhood };

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
  std::string source;       // where that theory and its values come from (docs/sources.md)
  Trigger trigger = Trigger::Schedule;
  int start_month = 1;      // schedule: first session; election: months after each election
  std::string start_after;  // schedule: start start_month months after this intervention of the
                            // same strategy ends (resolved by scenario/strategies.cpp); empty: none
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
  FocalLevel focal_level = FocalLevel::Any;  // most_salient and worst: among place or neighbourhood issues
  InterventionEffects effects;
  PriorityTarget priority_target = PriorityTarget::Focal;
  double commitment = 0;     // share of the priority shift that also moves the mandate
  bool confidential = false; // participants share no knowledge while it runs
  double take_up = 1;        // chance an invited, relevant, unfatigued participant attends
  double take_up_relevance = 0;  // how much low relevance of the focal issue lowers take-up
  double take_up_fatigue = 0;    // how much fatigue lowers take-up
  int arrangement_cadence_months = 0;  // a standing arrangement of its participants' posts, meeting this often
                                       // after it ends (0: none)
  double quality_sd = 0;         // sd of the run's effect multiplier (mean 1): how programmes differ
  double participant_sd = 0;     // sd of each participant's multiplier (mean 1)
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
  std::string colour;  // its colour in reports ("#RRGGBB"; empty: the next free colour)
};

}  // namespace placesim
