#pragma once
// Everything one run changes, in one place, so that each process is a function of it.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/agents.hpp"
#include "model/params.hpp"
#include "model/place.hpp"
#include "model/random_stream.hpp"
#include "model/trust_graph.hpp"

namespace placesim {

// What makes a run's random numbers its own: the base seed and the replicate. Runs of
// different strategies with the same replicate share their streams (common random numbers).
struct RunIdentity {
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
};

// Place-level state: issues, mandates, politics and this month's joint action.
struct PlaceState {
  std::vector<double> outcome;           // y_i
  std::vector<double> previous_outcome;  // y_i last month
  std::vector<double> progress;          // g_i: remembered progress, in [-1, 1] (success feedback)
  std::vector<double> salience;          // s_i
  std::vector<double> sector_mandate;    // sectors x issues: national targets and plans
  std::vector<double> party_ideology;    // parties x issues
  std::vector<double> manifesto;         // the controlling party's manifesto
  int controlling_party = 0;
  int elections_held = 0;
  double policy_change_multiplier = 1.0; // interventions such as Total Place lower it
  double cost_cumulative = 0;            // interventions' cost so far
  double climate = 0;                    // mean regard for the other sectors (joint action)
  // Each sector's mean regard for every sector as at the month's start, and the month each
  // row was taken in (a row is taken when a newcomer to that sector first needs it).
  std::array<PerSector, kMaxSectors> sector_regard{};
  std::array<int, kMaxSectors> sector_regard_month{};  // -1: never

  // Joint action this month (recorded as metrics).
  std::vector<double> sector_effort;     // issues x sectors: E_is
  std::vector<double> joint_effort;      // sum_s w_is E_is
  std::vector<double> cohesion;          // C_i
  std::vector<double> issue_knowledge;   // K_i
  std::vector<double> effectiveness;     // J_i
};

// A standing arrangement a programme left behind: its participants' posts meet on a cadence
// for as long as they trust each other enough (docs/ODD.md 7.4).
struct Arrangement {
  int cadence_months = 0;
  int first_month = 0;        // the month after the programme ended
  bool active = false;
  std::vector<int> members;   // posts: a new holder inherits the seat
};

// Events of the current month (recorded, then cleared).
struct EventCounts {
  int elections = 0;
  int control_changes = 0;
  int departures = 0;
  int crises = 0;
  int policy_changes = 0;
  // Interventions this month.
  int sessions = 0;
  int invitations = 0;   // participants invited to a session
  int attendances = 0;   // participants who came
  double cost = 0;
};

// Buffers the step reuses each month, allocated once.
struct Scratch {
  std::vector<int> attendees;
  std::vector<std::pair<int, int>> conversations;  // a meeting's (speaker, partner) pairs, in order
  // agents x issue_stride: u_ni, rows padded with zeros to a multiple of kIssueBlock issues
  std::vector<double> contribution;
  int issue_stride = 0;
  std::vector<double> pull;            // agents x issues: accumulated influence
  std::vector<double> pull_weight;     // agents
  std::vector<double> knowledge_pull;  // agents
  std::vector<double> success;         // issues: this month's success signal
  std::vector<double> simplex_point;   // issues
  std::vector<double> sector_priorities;  // sectors x issues (metrics)
};

// Per-tie loops over issues work on blocks of this many issues, held in registers.
inline constexpr int kIssueBlock = 4;

struct ModelState {
  ModelState(const Params& params, const Place& place, RunIdentity id);

  const Params& params;
  const Place& place;
  RunIdentity id;
  int month = 0;
  int issues = 0;
  double capacity_spread_at_start = 0;  // sd of capacity across leaders at month 0 (metrics)
  PlaceState place_state;
  Agents agents;
  TrustGraph trust;
  Scratch scratch;
  EventCounts events;
  std::vector<Arrangement> arrangements;  // reserved at the start: none is added in the step

  // The random stream of one process, this month, for one entity (agent, forum, issue).
  RandomStream stream(Purpose purpose, int entity) const {
    return RandomStream(id.seed, id.replicate, purpose, static_cast<std::uint32_t>(month),
                        static_cast<std::uint32_t>(entity));
  }
  Sector sector(int n) const { return place.sector_of[static_cast<std::size_t>(n)]; }
  const SectorSpec& sector_spec(int n) const { return params.sectors[index(sector(n))]; }
  double authority(int n) const { return place.authority_of[static_cast<std::size_t>(n)]; }
  double* sector_mandate(Sector s) {
    return &place_state.sector_mandate[index(s) * static_cast<std::size_t>(issues)];
  }
};

}  // namespace placesim
