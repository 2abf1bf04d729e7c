#include "model/model_state.hpp"

#include <algorithm>

namespace placesim {

namespace {
std::vector<int> sector_labels(const Place& place) {
  std::vector<int> labels;
  for (Sector s : place.sector_of) labels.push_back(static_cast<int>(s));
  return labels;
}
}  // namespace

ModelState::ModelState(const Params& p, const Place& pl, RunIdentity run)
    : params(p),
      place(pl),
      id(run),
      issues(pl.issue_count()),
      agents(pl.agent_count(), pl.issue_count()),
      trust(sector_labels(pl), p.trust.max_ties_within, p.trust.max_ties_cross) {
  const auto k = static_cast<std::size_t>(issues);
  const auto n = static_cast<std::size_t>(pl.agent_count());
  PlaceState& ps = place_state;
  ps.outcome.assign(k, 0.0);
  ps.previous_outcome.assign(k, 0.0);
  ps.progress.assign(k, 0.0);
  ps.sector_regard_month.fill(-1);
  ps.salience.assign(k, 0.0);
  ps.sector_mandate.assign(kMaxSectors * k, 0.0);
  ps.party_ideology.assign(static_cast<std::size_t>(p.events.elections.parties) * k, 0.0);
  ps.manifesto.assign(k, 0.0);
  ps.sector_effort.assign(k * kMaxSectors, 0.0);
  ps.joint_effort.assign(k, 0.0);
  ps.cohesion.assign(k, 0.0);
  ps.issue_knowledge.assign(k, 0.0);
  ps.effectiveness.assign(k, 0.0);
  scratch.attendees.reserve(n);
  scratch.conversations.reserve(n * static_cast<std::size_t>(std::max(0, p.meetings.encounters_per_meeting)));
  scratch.issue_stride = (issues + kIssueBlock - 1) / kIssueBlock * kIssueBlock;
  scratch.contribution.assign(n * static_cast<std::size_t>(scratch.issue_stride), 0.0);
  scratch.pull.assign(n * k, 0.0);
  scratch.pull_weight.assign(n, 0.0);
  scratch.knowledge_pull.assign(n, 0.0);
  scratch.success.assign(k, 0.0);
  scratch.simplex_point.assign(k, 0.0);
  scratch.sector_priorities.assign(kMaxSectors * k, 0.0);

}

}  // namespace placesim
