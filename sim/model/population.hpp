#pragma once
// Setting up a run, and newcomers taking posts (docs/ODD.md "Initialisation"; step 1 arrivals).
#include "model/model_state.hpp"

namespace placesim {

// Month 0: outcomes, mandates, parties, every post filled, and the starting trust network.
void initialise(ModelState& state);

// A newcomer takes post n this month: sector-level skills, no ties, a fresh mandate and
// priorities equal to it. The caller has already removed the previous holder's ties.
void arrive(ModelState& state, int n);

// The mandate post n answers to now: the manifesto for the leader and cabinet, residents'
// concerns for ward councillors, the sector's national targets or plans for everyone else.
const double* current_mandate(ModelState& state, int n);

// Residents' salience from outcomes: s_i proportional to s0_i (1 - y_i + floor).
void update_salience(ModelState& state);

// The manifesto of the controlling party: its ideology moved towards residents' salience.
void renew_manifesto(ModelState& state);

}  // namespace placesim
