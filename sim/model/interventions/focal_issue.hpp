#pragma once
// The issue an intervention works on, chosen when it starts: none, a fixed issue, or the
// issue with the highest need weighted by the invited posts' stake in it (their sectors'
// largest stakeholder weight): need is residents' salience for most_salient, the shortfall
// 1 - outcome for worst. So a health board's "worst" is a health issue, not one where health
// has a small part.
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/model_state.hpp"

namespace placesim {

// The focal issue's index, or -1 for none.
int choose_focal_issue(const InterventionSpec& spec, const ModelState& state, const std::vector<int>& invited);

}  // namespace placesim
