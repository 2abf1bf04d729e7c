#pragma once
// Step 1 of the month: elections, staff turnover, crises and national policy changes.
#include "model/model_state.hpp"

namespace placesim {

void run_events(ModelState& state);

// The parts, exposed for tests.
void hold_election_if_due(ModelState& state);
void staff_turnover(ModelState& state);
void crises(ModelState& state);
void policy_changes(ModelState& state);

// The issue a national policy change makes a sector's priority, for u uniform in (0, 1):
// drawn in proportion to the sector's stakeholder weight plus the mandate floor.
int national_priority(const ModelState& state, std::size_t sector, double u);

// Residents' dissatisfaction 1 - sum_i s_i y_i.
double dissatisfaction(const ModelState& state);

// Post n's holder leaves and a newcomer takes the post.
void replace_holder(ModelState& state, int n);

}  // namespace placesim
