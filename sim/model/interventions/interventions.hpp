#pragma once
// Step 4 of the month: the strategy's interventions act on their participants.
//
// An intervention runs from its start for duration_months (scheduled), or from start_month
// months after each election (triggered by elections). When it starts it charges its fixed
// cost, chooses whom to invite and its focal issue; a session is held every cadence_months
// while it runs. Each invited post attends with probability
//   take_up * (1 - take_up_relevance * (1 - relevance)) * (1 - take_up_fatigue * fatigue),
// relevance = min(1, K p_n,focal) (1 without a focal issue), and attendees receive the
// session's effects (session.hpp), each times the run's quality and the participant's own
// multiplier (drawn when the run starts: programmes and participants differ). When a run with a
// standing arrangement ends, the posts that took part keep meeting (model_state.hpp,
// Arrangement). Buffers are sized when the run starts: nothing is allocated in the monthly step.
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/model_state.hpp"

namespace placesim {

// How relevant an intervention's focal issue is to someone: min(1, K p_focal), 1 without one.
double relevance(int focal, const double* priorities, int issues);

// The chance an invited post attends a session.
double attendance_probability(const InterventionSpec& spec, double relevance, double fatigue);

class Interventions {
 public:
  // Reserves the state's standing arrangements, one for each intervention that leaves one.
  Interventions(std::vector<InterventionSpec> specs, ModelState& state);

  void act(ModelState& state);

  // What each intervention did over the run so far (reports and tests).
  struct Totals {
    int runs = 0;          // times it started (more than one when triggered by elections)
    int sessions = 0;
    long invitations = 0;
    long attendances = 0;
    double cost = 0;
    int focal_issue = -1;  // at its latest start
    double quality = 1;    // the effect multiplier of its latest run
  };
  int count() const { return static_cast<int>(running_.size()); }
  const InterventionSpec& spec(int i) const { return running_[static_cast<std::size_t>(i)].spec; }
  const Totals& totals(int i) const { return running_[static_cast<std::size_t>(i)].totals; }
  // Posts invited to its latest session.
  const std::vector<int>& invited(int i) const { return running_[static_cast<std::size_t>(i)].invited; }
  // Per post: whether it attended a session of the latest run.
  const std::vector<char>& took_part(int i) const { return running_[static_cast<std::size_t>(i)].took_part; }

 private:
  struct Running {
    InterventionSpec spec;
    std::vector<char> eligible;
    std::vector<int> invited;
    std::vector<char> member;  // snowball membership
    std::vector<char> took_part;           // posts that attended a session of the current run
    std::vector<double> multiplier;        // per post: the run's quality times the participant's own
    int start = -1;            // month the current run starts, -1 before any
    int focal = -1;
    int arrangement = -1;      // its standing arrangement in the state, or -1
    Totals totals;
  };
  bool running(const Running& r, int month) const {
    return r.start >= 0 && month >= r.start && month < r.start + r.spec.duration_months;
  }
  void begin(Running& r, int index, ModelState& state);
  void session(Running& r, int index, ModelState& state);
  void finish(Running& r, ModelState& state);

  std::vector<Running> running_;
  std::vector<int> attendees_;
  std::vector<double> best_trust_;
  std::vector<double> target_;
};

}  // namespace placesim
