#include "model/interventions/targeting.hpp"

#include <algorithm>

namespace placesim {

namespace {

bool listed(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// Posts in decreasing authority, ties by index (std::sort: stable_sort may allocate).
void by_authority(const ModelState& st, std::vector<int>& posts) {
  std::sort(posts.begin(), posts.end(), [&](int a, int b) {
    return st.authority(a) != st.authority(b) ? st.authority(a) > st.authority(b) : a < b;
  });
}

}  // namespace

std::vector<char> eligible_posts(const InterventionSpec& spec, const Place& place) {
  std::vector<char> eligible(static_cast<std::size_t>(place.agent_count()), 0);
  for (int n = 0; n < place.agent_count(); ++n) {
    const auto i = static_cast<std::size_t>(n);
    const RoleSpec& role = place.roles[static_cast<std::size_t>(place.role_of[i])];
    const bool sector_ok = spec.sectors.empty() || listed(spec.sectors, role.sector);
    const bool role_ok = spec.roles.empty() || listed(spec.roles, role.name);
    eligible[i] = sector_ok && role_ok;
  }
  return eligible;
}

void select_targets(const InterventionSpec& spec, const ModelState& st, const std::vector<char>& eligible,
                    std::vector<int>& out) {
  out.clear();
  const Place& place = st.place;
  const int n_agents = place.agent_count();
  auto ok = [&](int n) { return eligible[static_cast<std::size_t>(n)] != 0; };
  switch (spec.targeting) {
    case Targeting::Roles:
      for (int n = 0; n < n_agents; ++n) {
        if (ok(n)) out.push_back(n);
      }
      return;
    case Targeting::Forum:
      for (int n = 0; n < n_agents; ++n) {
        if (!ok(n)) continue;
        const bool member = std::any_of(place.forums.begin(), place.forums.end(), [&](const ForumMeeting& f) {
          return st.params.place.forums[static_cast<std::size_t>(f.forum)].name == spec.forum &&
                 std::find(f.members.begin(), f.members.end(), n) != f.members.end();
        });
        if (member) out.push_back(n);
      }
      return;
    case Targeting::Neighbourhood:
      for (int n = 0; n < n_agents; ++n) {
        if (!ok(n)) continue;
        const auto& covered = place.neighbourhoods_covered[static_cast<std::size_t>(n)];
        const bool in = std::any_of(spec.neighbourhoods.begin(), spec.neighbourhoods.end(), [&](std::int64_t w) {
          return std::find(covered.begin(), covered.end(), static_cast<int>(w - 1)) != covered.end();
        });
        if (in) out.push_back(n);
      }
      return;
    case Targeting::Top: {
      // The cap highest-authority posts; without a cap, each sector's highest post(s).
      for (int n = 0; n < n_agents; ++n) {
        if (ok(n)) out.push_back(n);
      }
      by_authority(st, out);
      if (spec.cap > 0) {
        if (static_cast<int>(out.size()) > spec.cap) out.resize(static_cast<std::size_t>(spec.cap));
      } else {
        PerSector top{};
        for (int n : out) top[index(st.sector(n))] = std::max(top[index(st.sector(n))], st.authority(n));
        std::erase_if(out, [&](int n) { return st.authority(n) < top[index(st.sector(n))]; });
      }
      std::sort(out.begin(), out.end());
      return;
    }
    case Targeting::Snowball: {
      for (int n = 0; n < n_agents; ++n) {
        if (ok(n)) out.push_back(n);
      }
      by_authority(st, out);
      const int seeds = spec.cap > 0 ? std::min(spec.seeds, spec.cap) : spec.seeds;
      if (static_cast<int>(out.size()) > seeds) out.resize(static_cast<std::size_t>(seeds));
      return;
    }
    case Targeting::Cohort: {
      // Round robin across sectors (in sector order), each sector's highest posts first.
      std::array<int, kMaxSectors> taken{};
      std::array<int, kMaxSectors> available{};
      for (int n = 0; n < n_agents; ++n) {
        if (ok(n)) ++available[index(st.sector(n))];
      }
      const int want = spec.cap > 0 ? spec.cap : n_agents;
      bool added = true;
      while (static_cast<int>(out.size()) < want && added) {
        added = false;
        for (std::size_t s = 0; s < static_cast<std::size_t>(place.sectors) && static_cast<int>(out.size()) < want;
             ++s) {
          if (taken[s] >= available[s]) continue;
          // The (taken[s] + 1)-th highest post of sector s.
          int best = -1;
          for (int n = 0; n < n_agents; ++n) {
            if (!ok(n) || index(st.sector(n)) != s) continue;
            if (std::find(out.begin(), out.end(), n) != out.end()) continue;
            if (best < 0 || st.authority(n) > st.authority(best)) best = n;
          }
          out.push_back(best);
          ++taken[s];
          added = true;
        }
      }
      std::sort(out.begin(), out.end());
      return;
    }
  }
}

void grow_snowball(const InterventionSpec& spec, const ModelState& st, const std::vector<char>& eligible,
                   std::vector<int>& participants, std::vector<char>& member, std::vector<double>& best_trust) {
  const int cap = spec.cap > 0 ? spec.cap : st.place.agent_count();
  std::fill(best_trust.begin(), best_trust.end(), -1.0);
  // With cross_sector_first, a contact in another sector ranks above any colleague (its
  // score is raised by 1; trust is at most 1).
  for (int p : participants) {
    for (const Layer layer : {Layer::Within, Layer::Cross}) {
      const double bonus = spec.cross_sector_first && layer == Layer::Cross ? 1.0 : 0.0;
      for (int k = 0; k < st.trust.degree(p, layer); ++k) {
        const int m = st.trust.target(p, layer, k);
        const auto mi = static_cast<std::size_t>(m);
        if (member[mi] || !eligible[mi]) continue;
        best_trust[mi] = std::max(best_trust[mi], bonus + static_cast<double>(st.trust.trust(p, layer, k)));
      }
    }
  }
  for (int added = 0; added < spec.growth && static_cast<int>(participants.size()) < cap; ++added) {
    int next = -1;
    for (int m = 0; m < st.place.agent_count(); ++m) {
      const auto mi = static_cast<std::size_t>(m);
      if (best_trust[mi] < 0) continue;
      if (next < 0 || best_trust[mi] > best_trust[static_cast<std::size_t>(next)]) next = m;
    }
    if (next < 0) return;
    participants.push_back(next);
    member[static_cast<std::size_t>(next)] = 1;
    best_trust[static_cast<std::size_t>(next)] = -1.0;
  }
}

}  // namespace placesim
