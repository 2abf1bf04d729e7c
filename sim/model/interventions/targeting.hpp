#pragma once
// Whom an intervention invites (docs/ODD.md "Targeting"): by sector and role; a forum's
// members; the top of each sector; a snowball from a seed set through participants' most
// trusted contacts, to a cap; a cohort of senior leaders across sectors; or everyone in
// chosen neighbourhoods. Results are posts, in a fixed order, written into buffers whose
// capacity is reserved in advance.
#include <vector>

#include "model/interventions/intervention_spec.hpp"
#include "model/model_state.hpp"

namespace placesim {

// Posts passing the intervention's sector and role filters (1) or not (0).
std::vector<char> eligible_posts(const InterventionSpec& spec, const Place& place);

// The posts an intervention invites when it starts (for a snowball: its seed set).
void select_targets(const InterventionSpec& spec, const ModelState& state,
                    const std::vector<char>& eligible, std::vector<int>& out);

// Widens a snowball before a session: each eligible person someone in it knows, ranked by
// the highest trust a participant has in them (contacts in other sectors first with
// cross_sector_first; ties by index), joins until `growth` have joined or the cap is
// reached. `member` flags who is in already.
void grow_snowball(const InterventionSpec& spec, const ModelState& state, const std::vector<char>& eligible,
                   std::vector<int>& participants, std::vector<char>& member, std::vector<double>& best_trust);

}  // namespace placesim
