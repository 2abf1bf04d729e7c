#pragma once
// One session of an intervention: what it does to the participants who attend.
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/model_state.hpp"

namespace placesim {

// Applies the spec's effects to the attendees, each effect times the attendee's multiplier
// (`multiplier`, by post: the run's quality times the participant's own; for trust between two
// attendees, the mean of theirs). A multiplier below zero turns a skill or trust effect into a
// loss (a session that goes badly); priorities and focus move only forwards. `target` is a
// buffer of at least issues entries (the priority target is computed into it). `ends` is the
// last month of the intervention (for confidentiality).
void hold_session(const InterventionSpec& spec, int focal, const std::vector<int>& attendees,
                  const std::vector<double>& multiplier, int ends, ModelState& state, std::vector<double>& target);

}  // namespace placesim
