#pragma once
// Step 2 of the month: forums due this month meet, agents make informal contacts, and each
// encounter moves trust, priorities, knowledge and literacy. Priorities and knowledge move
// synchronously: pulls are gathered during the month and applied at its end, so the order
// of encounters within a month does not bias who influences whom.
#include "model/model_state.hpp"

namespace placesim {

void run_meetings(ModelState& state);

// n's trust in m on first meeting them: (1 - g) times the trust of a first meeting
// (trust.new_tie_cross or _within), plus g = trust.generalisation times n's regard for m's
// sector: strangers meet as they have come to find each other's organisation.
double first_meeting_trust(const ModelState& state, int n, int m);
// Sets both sides of a just-created relationship to their first-meeting trust.
void set_first_meeting_trust(ModelState& state, int n, int m, const TrustGraph::Link& link);

// The parts.
void apply_pulls(ModelState& state);
// Unused ties regress towards the floor; relationships unused for longer than
// trust.lapse_months lapse.
void decay_unused_ties(ModelState& state);

}  // namespace placesim
