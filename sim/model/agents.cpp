#include "model/agents.hpp"

namespace placesim {

Agents::Agents(int agent_count, int issue_count)
    : count(agent_count),
      issues(issue_count),
      priorities(static_cast<std::size_t>(agent_count) * static_cast<std::size_t>(issue_count)),
      mandate(priorities.size()),
      stubbornness(static_cast<std::size_t>(agent_count)),
      capacity(stubbornness.size()),
      knowledge(stubbornness.size()),
      literacy(stubbornness.size()),
      openness(stubbornness.size()),
      fatigue(stubbornness.size()),
      attention(stubbornness.size()),
      tenure(stubbornness.size()),
      commitment(stubbornness.size()),
      regard(static_cast<std::size_t>(agent_count) * kMaxSectors, 0.0),
      cross_regard(stubbornness.size(), 0.0),
      focus_issue(stubbornness.size(), -1),
      focus_strength(stubbornness.size(), 0.0),
      confidential_until(stubbornness.size(), -1),
      capacity_before_sessions(stubbornness.size(), std::numeric_limits<double>::quiet_NaN()) {}

}  // namespace placesim
