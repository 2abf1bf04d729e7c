#pragma once
// The agents' changing state, as a structure of arrays (docs/ODD.md "Agent state").
//
// Agents are posts: when a leader leaves, a newcomer takes the same index, so forums,
// roles and every array keep their size for the whole run. What never changes for a post
// (sector, role, authority, neighbourhood) lives in Place.
#include <limits>
#include <vector>

#include "model/sector.hpp"

namespace placesim {

struct Agents {
  int count = 0;
  int issues = 0;

  std::vector<double> priorities;  // count x issues, each row on the simplex
  std::vector<double> mandate;     // count x issues: manifesto, national targets or plans
  std::vector<double> stubbornness;
  std::vector<double> capacity;
  std::vector<double> knowledge;
  std::vector<double> literacy;
  std::vector<double> openness;
  std::vector<double> fatigue;
  std::vector<double> attention;
  std::vector<int> tenure;  // months in post
  std::vector<double> commitment;  // chi: willingness to commit to joint work, in [0, 1]
  // count x kMaxSectors: how n has come to find each sector (its own included), from its
  // experiences of their people; strangers are met in this light (docs/ODD.md 7.2.4).
  std::vector<double> regard;
  // n's mean regard for the other sectors with posts, kept in step with every change of
  // regard (model/regard.hpp): commitment and the climate read it for every agent every month.
  std::vector<double> cross_regard;

  // Intervention effects that outlast a session.
  std::vector<int> focus_issue;               // issue with extra attention, or -1
  std::vector<double> focus_strength;         // extra effort share on that issue
  std::vector<int> confidential_until;        // month until which they share no knowledge
  // The post holder's capacity before their first intervention session (NaN until then): the
  // participants' gain, an effect size a calibration can target (metric participant_capacity_gain).
  std::vector<double> capacity_before_sessions;

  Agents(int agent_count, int issue_count);

  double* priorities_of(int n) { return &priorities[index(n)]; }
  const double* priorities_of(int n) const { return &priorities[index(n)]; }
  double* mandate_of(int n) { return &mandate[index(n)]; }
  const double* mandate_of(int n) const { return &mandate[index(n)]; }
  double* regard_of(int n) { return &regard[static_cast<std::size_t>(n) * kMaxSectors]; }
  const double* regard_of(int n) const { return &regard[static_cast<std::size_t>(n) * kMaxSectors]; }

 private:
  std::size_t index(int n) const {
    return static_cast<std::size_t>(n) * static_cast<std::size_t>(issues);
  }
};

}  // namespace placesim
