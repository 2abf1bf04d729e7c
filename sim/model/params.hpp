#pragma once
// The model's parameters, as typed structs that the monthly step reads directly. Their paths
// are the scenario keys: `events.elections.cycle_months` is params.events.elections.cycle_months,
// `place.issues.<name>.drift` the drift of the issue of that name in params.place.issues.
//
// The structs hold no defaults: every value, its range, unit, description and source is
// declared once in the parameter registry (scenario/registry.cpp), which builds a Params from
// them. The step never looks anything up by name; names (of sectors, roles, issues) are data
// that building the place resolves to indices once.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/sector.hpp"

namespace placesim {

struct SimulationParams {
  std::string name;
  int months = 0;
  int replicates = 0;
  int first_replicate = 0;  // the first replicate's number (placesim run --until adds rounds)
  std::uint64_t seed = 0;
  std::vector<std::string> strategies;  // the strategies to compare, by name
};

// Stakeholder weights by sector name.
using SectorWeights = std::map<std::string, double>;

// One of the place's issues (docs/ODD.md "Issues of the place").
struct IssueSpec {
  std::string name;
  bool enabled = true;
  double salience = 0;          // baseline residents' concern (normalised over issues)
  SectorWeights weights;        // stakeholder weights w_is (normalised over sectors when built)
  double wickedness = 0;        // omega_i: how far progress needs the stakeholders together
  double drift = 0;             // delta_i: monthly decay of the outcome without action
  double crises_per_year = 0;   // crisis hazard
  double crisis_size = 0;       // share of the outcome a crisis takes away
  double initial_outcome = 0;   // y_i at month 0
  Level level = Level::Place;   // neighbourhood issues are worked on at neighbourhood level
};

// A role: a number of seats or posts in one sector.
struct RoleSpec {
  std::string name;
  std::string sector;          // the name of a row of params.sectors
  int count = 0;
  double authority = 0;        // a in [0, 1]
  Level level = Level::Place;
  double tenure_months = 0;    // mean months in post; 0: leaves only at elections
};

// A forum that meets on a cadence: one instance for the place, or one per neighbourhood.
struct ForumSpec {
  std::string name;
  int cadence_months = 0;      // 0: never meets
  Level scope = Level::Place;
  std::vector<std::string> roles;
};

// A sector's culture and the starting levels of its newcomers.
struct SectorSpec {
  std::string name;
  CouncilRole council = CouncilRole::None;
  Culture culture;
  double capacity = 0;
  double knowledge = 0;
  double openness = 0;
  double attention = 0;
  double policy_changes_per_year = 0;
};

struct PopulationParams {
  std::vector<RoleSpec> roles;
  double individual_spread = 0;      // newcomers' skills: sector level +/- this (uniform)
  int initial_tenure_months = 0;     // starting tenures are uniform below this
  int induction_months = 0;          // a newcomer's contribution to joint work builds up over this
  double initial_priority_noise = 0; // share of a random simplex point in starting priorities
  double mandate_floor = 0;          // every issue's minimum share in a sector's mandate
  double stubbornness_base = 0;
  double stubbornness_target = 0;    // times the sector's target focus
  double stubbornness_authority = 0; // times the role's authority
};

struct TrustParams {
  double initial_within = 0;
  double initial_cross = 0;
  double initial_spread = 0;
  double tie_probability_within = 0;
  double tie_probability_cross = 0;
  double new_tie_within = 0;   // trust on a first meeting within a sector
  double new_tie_cross = 0;    // trust on a first meeting across sectors
  double learning_up = 0;      // eta after a good experience
  double learning_down = 0;    // eta after a bad experience
  double decay = 0;            // monthly regression of unused ties towards the floor
  double floor = 0;
  int lapse_months = 0;        // a tie unused this long lapses
  int max_ties_within = 0;
  int max_ties_cross = 0;
  double strong_tie = 0;       // threshold for a strong tie (metrics)
  double generalisation = 0;   // weight of one's regard for a sector on a first meeting with someone of it
  double regard_learning = 0;  // share of the way an experience moves one's regard for the partner's sector
  double institutional_memory = 0;  // share of a newcomer's regard taken from colleagues' (the rest: strangers')
};

struct MeetingParams {
  int encounters_per_meeting = 0;
  double attendance_floor = 0;
  double informal_contact_rate = 0;  // expected informal contacts per agent-month
  double introduction_probability = 0;
};

struct ExperienceParams {
  double base = 0;
  double literacy = 0;
  double alignment = 0;
  double capacity = 0;
  double distance = 0;
  double noise = 0;  // standard deviation of a uniform noise term
  double reciprocity = 0;            // b_r: weight of the partner's openness to cooperate
  double reciprocity_threshold = 0;  // the partner's trust at which it is even
  double reciprocity_width = 0;      // and the width of trust over which it goes from closed to open
};

struct InfluenceParams {
  double rate = 0;                 // mu
  double confidence_base = 0;      // epsilon: base
  double confidence_openness = 0;  // epsilon: times effective openness
  double confidence_trust = 0;     // epsilon: times trust
  double authority_steepness = 0;  // kappa in a' = a^(kappa h)
};

struct LearningParams {
  double knowledge_flow = 0;
  double knowledge_obsolescence = 0;
  double literacy_growth = 0;
  double literacy_threshold = 0;  // experiences better than this teach about other sectors
};

struct JointActionParams {
  double outcome_rate = 0;       // r
  double salience_floor = 0;
  double success_scale = 0;      // monthly outcome change read as full success or failure
  double success_trust_gain = 0;
  double failure_trust_loss = 0;
  double progress_memory = 0;    // months over which progress is remembered (an exponential mean)
};

// Willingness to commit to joint work (docs/ODD.md 7.3.3).
struct CommitmentParams {
  double base = 0;        // commitment of a leader with neutral trust and no progress to see
  double trust = 0;       // added per unit of mean cross-sector trust above trust.new_tie_cross
  double progress = 0;    // added per unit of progress on the issues the leader cares about
  double adjustment = 0;  // monthly share of the way to that level
};

// Standing arrangements a programme leaves behind (docs/ODD.md 7.4).
struct ArrangementParams {
  double dissolve_below = 0;  // an arrangement whose members' mutual trust falls below this ends
};

struct ElectionParams {
  int parties = 0;
  int cycle_months = 0;
  int first_month = 0;
  int groups = 0;                          // 1: all-out; 3: by thirds
  double turnover_base = 0;
  double turnover_dissatisfaction = 0;
  double control_change_threshold = 0;
  double control_change_slope = 0;
  double manifesto_responsiveness = 0;
};

struct CrisisParams {
  double attention_loss = 0;
  double capacity_shield = 0;
};

struct PolicyChurnParams {
  double size = 0;
  double fatigue = 0;
};

struct PlaceParams {
  int neighbourhoods = 0;
  std::vector<IssueSpec> issues;
  std::vector<ForumSpec> forums;
};

struct EventParams {
  ElectionParams elections;
  CrisisParams crises;
  PolicyChurnParams policy;
};

struct RecoveryParams {
  double focus_decay = 0;  // monthly decay of extra effort on an intervention's focal issue
  double fatigue_decay = 0;
  double attention_recovery = 0;
  double fatigue_attention_cost = 0;
};

struct Params {
  SimulationParams simulation;
  PlaceParams place;
  PopulationParams population;
  TrustParams trust;
  MeetingParams meetings;
  ExperienceParams experience;
  InfluenceParams influence;
  LearningParams learning;
  JointActionParams joint_action;
  CommitmentParams commitment;
  ArrangementParams arrangements;
  EventParams events;
  RecoveryParams recovery;
  std::vector<SectorSpec> sectors;
  std::vector<InterventionSpec> interventions;  // presets and scenario-defined
  std::vector<StrategySpec> strategies;
};

}  // namespace placesim
