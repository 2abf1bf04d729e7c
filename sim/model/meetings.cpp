#include "model/meetings.hpp"

#include <algorithm>
#include <cmath>

#include "model/mechanisms.hpp"
#include "model/simplex.hpp"

namespace placesim {

namespace {

// Uniform noise with the requested standard deviation (half-width sqrt(3) sd) from 16 random
// bits: one 32-bit draw serves both sides of an encounter.
double noise(std::uint32_t bits16, double sd) {
  const double u = (static_cast<double>(bits16) + 0.5) * 0x1.0p-16;
  return (2.0 * u - 1.0) * 1.7320508075688772 * sd;
}

// n's side of an encounter with m (m at position k of n's row): n experiences m, trusts
// accordingly, and is pulled.
void experience_side(ModelState& st, int n, int m, int k, double e, double distance, bool cross) {
  const Params& p = st.params;
  Agents& a = st.agents;
  const auto ni = static_cast<std::size_t>(n);
  const auto mi = static_cast<std::size_t>(m);

  const Layer layer = cross ? Layer::Cross : Layer::Within;
  float& tie = st.trust.trust(n, layer, k);
  tie = static_cast<float>(update_trust(tie, e, p.trust.learning_up, p.trust.learning_down));
  const double trust = tie;
  st.trust.mark_contact(n, layer, k, st.month);

  // The rest is written without branches (a zero weight instead of a skipped update):
  // each condition is close to a coin toss, and mispredicted branches cost more than the
  // few multiplications they would save.
  const double openness = a.openness[ni] * (1.0 - a.fatigue[ni]);
  const double epsilon = p.influence.confidence_base + p.influence.confidence_openness * openness +
                         p.influence.confidence_trust * trust;
  const double heard = within_confidence(distance, epsilon) ? 1.0 : 0.0;
  const double w =
      heard * p.influence.rate * trust * st.place.heard_authority[mi][index(st.sector(n))];
  add_pull(a.priorities_of(n), a.priorities_of(m), w,
           &st.scratch.pull[ni * static_cast<std::size_t>(st.issues)], st.scratch.pull_weight[ni],
           st.issues);

  // Knowledge flows down the gradient, as far as the speaker's sector shares data and the
  // speaker is not bound by a confidential intervention.
  const double gap = std::max(0.0, a.knowledge[mi] - a.knowledge[ni]);
  const double shares = a.confidential_until[mi] >= st.month ? 0.0 : st.sector_spec(m).culture.data_openness;
  st.scratch.knowledge_pull[ni] += p.learning.knowledge_flow * trust * shares * gap;

  const double good = cross ? std::max(0.0, e - p.learning.literacy_threshold) : 0.0;
  a.literacy[ni] += p.learning.literacy_growth * good * (1.0 - a.literacy[ni]);
}

// Someone n knows, chosen with probability proportional to n's trust in them, by rejection
// sampling: propose a tie uniformly, accept it with probability equal to its trust (after
// kMaxProposals rejections the last proposal is taken). One 32-bit draw serves a proposal:
// its product with the number of ties gives the tie (high word) and a uniform number for
// the acceptance test (low word). Returns -1 when n knows nobody.
int contact_by_trust(const TrustGraph& g, int n, RandomStream& rng) {
  constexpr int kMaxProposals = 32;
  const int within = g.degree(n, Layer::Within);
  const auto total = static_cast<std::uint64_t>(within + g.degree(n, Layer::Cross));
  if (total == 0) return -1;
  int chosen = -1;
  for (int attempt = 0; attempt < kMaxProposals; ++attempt) {
    const std::uint64_t product = rng.next_u32() * total;
    const auto k = static_cast<int>(product >> 32);
    const double accept = (static_cast<double>(product & 0xFFFFFFFFu) + 0.5) * 0x1.0p-32;
    const Layer layer = k < within ? Layer::Within : Layer::Cross;
    const int position = k < within ? k : k - within;
    chosen = g.target(n, layer, position);
    if (accept < g.trust(n, layer, position)) break;
  }
  return chosen;
}

}  // namespace

void encounter(ModelState& st, int a, int b, RandomStream& rng) {
  const Agents& ag = st.agents;
  const auto ai = static_cast<std::size_t>(a);
  const auto bi = static_cast<std::size_t>(b);
  const double distance = simplex_distance(ag.priorities_of(a), ag.priorities_of(b), st.issues);
  const Sector sa = st.sector(a);
  const Sector sb = st.sector(b);
  ExperienceTerms terms;
  terms.cross_sector = sa != sb;
  terms.alignment = 1.0 - distance;
  terms.mean_capacity = 0.5 * (ag.capacity[ai] + ag.capacity[bi]);
  terms.distance = st.place.culture_distance[index(sa)][index(sb)];
  const double sd = st.params.experience.noise;
  const std::uint32_t bits = rng.next_u32();

  terms.literacy = ag.literacy[ai];
  const double e_a = experience(st.params.experience, terms, noise(bits & 0xFFFFu, sd));
  terms.literacy = ag.literacy[bi];
  const double e_b = experience(st.params.experience, terms, noise(bits >> 16, sd));
  const double first = terms.cross_sector ? st.params.trust.new_tie_cross : st.params.trust.new_tie_within;
  const TrustGraph::Link link = st.trust.link(a, b, first, first, st.month);
  experience_side(st, a, b, link.forward, e_a, distance, terms.cross_sector);
  experience_side(st, b, a, link.backward, e_b, distance, terms.cross_sector);
}

void hold_forum(ModelState& st, int forum_index) {
  const ForumMeeting& forum = st.place.forums[static_cast<std::size_t>(forum_index)];
  RandomStream rng = st.stream(Purpose::Pairing, forum_index);
  const double floor = st.params.meetings.attendance_floor;
  auto& attendees = st.scratch.attendees;
  attendees.clear();
  for (int n : forum.members) {
    const double p_attend = floor + (1.0 - floor) * st.agents.attention[static_cast<std::size_t>(n)];
    if (rng.uniform() < p_attend) attendees.push_back(n);
  }
  const auto count = static_cast<std::uint32_t>(attendees.size());
  if (count < 2) return;
  for (std::uint32_t i = 0; i < count; ++i) {
    for (int e = 0; e < st.params.meetings.encounters_per_meeting; ++e) {
      std::uint32_t j = rng.below(count - 1);
      if (j >= i) ++j;  // anyone but oneself
      encounter(st, attendees[i], attendees[j], rng);
    }
  }
}

void informal_contacts(ModelState& st, int n, int count) {
  RandomStream rng = st.stream(Purpose::Informal, n);
  for (int c = 0; c < count; ++c) {
    int m = contact_by_trust(st.trust, n, rng);
    if (m < 0) return;  // a newcomer who knows nobody yet meets people in forums first
    if (rng.uniform() < st.params.meetings.introduction_probability) {
      // An introduction: a friend of a trusted contact.
      const int friend_of_friend = contact_by_trust(st.trust, m, rng);
      if (friend_of_friend >= 0 && friend_of_friend != n) m = friend_of_friend;
    }
    encounter(st, n, m, rng);
  }
}

void apply_pulls(ModelState& st) {
  Agents& a = st.agents;
  for (int n = 0; n < a.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    double* pull = &st.scratch.pull[ni * static_cast<std::size_t>(st.issues)];
    apply_influence(a.priorities_of(n), a.mandate_of(n), a.stubbornness[ni], pull,
                    st.scratch.pull_weight[ni], st.issues);
    a.knowledge[ni] = std::min(1.0, a.knowledge[ni] + st.scratch.knowledge_pull[ni]);
  }
}

void decay_unused_ties(ModelState& st) {
  const auto floor = static_cast<float>(st.params.trust.floor);
  TrustGraph& g = st.trust;
  const int month = st.month;
  const int lapse_before = month - st.params.trust.lapse_months;
  for (int n = 0; n < g.agents(); ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const double factor =
        st.agents.durable_until[ni] >= month ? st.agents.durable_decay_factor[ni] : 1.0;
    const auto rate = static_cast<float>(st.params.trust.decay * factor);
    int stale = 0;
    for (const Layer layer : {Layer::Within, Layer::Cross}) {
      float* trust = g.trusts(n, layer);
      const int* last = g.last_contacts(n, layer);
      // Branch-free up to the degree rounded up to 4, so the loop vectorises; slots past the
      // degree hold no tie (last contact kNever) and are overwritten when a tie is added.
      // Ties used this month keep their trust. (The mask multiplies last: written this
      // way GCC vectorises the loop.)
      const int end = std::min(g.capacity(layer), (g.degree(n, layer) + 3) & ~3);
      for (int k = 0; k < end; ++k) {
        trust[k] += static_cast<float>(last[k] != month) * (rate * (floor - trust[k]));
        stale |= last[k] < lapse_before;
      }
    }
    if (stale) g.lapse(n, lapse_before);
  }
}

void run_meetings(ModelState& st) {
  std::fill(st.scratch.pull.begin(), st.scratch.pull.end(), 0.0);
  std::fill(st.scratch.pull_weight.begin(), st.scratch.pull_weight.end(), 0.0);
  std::fill(st.scratch.knowledge_pull.begin(), st.scratch.knowledge_pull.end(), 0.0);
  for (int f = 0; f < static_cast<int>(st.place.forums.size()); ++f) {
    if (st.month % st.place.forums[static_cast<std::size_t>(f)].cadence_months == 0) {
      hold_forum(st, f);
    }
  }
  // How many informal contacts each agent makes: one draw per agent, in agent order, from
  // one stream; the contacts themselves use the agent's own stream.
  const double rate = st.params.meetings.informal_contact_rate;
  const int whole = static_cast<int>(rate);
  const double fraction = rate - whole;
  RandomStream how_many = st.stream(Purpose::Informal, st.agents.count);
  for (int n = 0; n < st.agents.count; ++n) {
    const int count = whole + (how_many.uniform() < fraction ? 1 : 0);
    if (count > 0) informal_contacts(st, n, count);
  }
  apply_pulls(st);
  decay_unused_ties(st);
}

}  // namespace placesim
