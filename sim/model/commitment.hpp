#pragma once
// Willingness to commit (docs/ODD.md 7.3.3): how much of the time and effort a leader could give
// to joint work they do give. It rises with their trust in the partners of other sectors and
// with the progress they see on the issues they care about, and it scales their contribution to
// joint action: the loop of trust, commitment, intermediate outcomes and trust again that the
// collaborative governance literature describes (Ansell & Gash 2008).
#include "model/model_state.hpp"

namespace placesim {

// The level agent n's commitment moves towards: clip(base + trust (R_n - tau0) + progress P_n),
// R_n n's mean regard for the other sectors with posts (tau0 = trust.new_tie_cross), P_n the
// progress on n's priorities (sum_i p_ni g_i, in [-1, 1]).
double commitment_target(const ModelState& state, int n);

// Every agent's commitment moves commitment.adjustment of the way to its target.
void update_commitment(ModelState& state);

}  // namespace placesim
