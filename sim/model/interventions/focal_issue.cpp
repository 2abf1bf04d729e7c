#include "model/interventions/focal_issue.hpp"

#include <algorithm>

namespace placesim {

int choose_focal_issue(const InterventionSpec& spec, const ModelState& st, const std::vector<int>& invited) {
  switch (spec.focal_rule) {
    case FocalRule::None: return -1;
    case FocalRule::Fixed: return issue_index(st.place, spec.focal_issue);
    case FocalRule::MostSalient:
    case FocalRule::Worst: break;
  }
  std::array<bool, kMaxSectors> present{};
  for (int n : invited) present[index(st.sector(n))] = true;
  int best = -1;
  double best_score = 0;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    const Level level = st.place.issues[ii].level;
    if ((spec.focal_level == FocalLevel::Place && level != Level::Place) ||
        (spec.focal_level == FocalLevel::Neighbourhood && level != Level::Neighbourhood)) {
      continue;
    }
    // The invited posts' stake: the largest weight of a sector among them.
    double stake = 0;
    for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
      if (present[s]) stake = std::max(stake, st.place.issue_weights[ii][s]);
    }
    const double need = spec.focal_rule == FocalRule::MostSalient ? st.place_state.salience[ii]
                                                                  : 1.0 - st.place_state.outcome[ii];
    const double score = stake * need;
    if (score > best_score) {
      best = i;
      best_score = score;
    }
  }
  return best;
}

}  // namespace placesim
