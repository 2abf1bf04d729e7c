#include "model/meetings.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/mechanisms.hpp"
#include "model/regard.hpp"
#include "model/simplex.hpp"

namespace placesim {

namespace {

// Uniform noise with the requested standard deviation (half-width sqrt(3) sd) from 16 random
// bits: one 32-bit draw serves both sides of an encounter.
double noise(std::uint32_t bits16, double sd) {
  const double u = (static_cast<double>(bits16) + 0.5) * 0x1.0p-16;
  return (2.0 * u - 1.0) * 1.7320508075688772 * sd;
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

// What an encounter needs, gathered once a month: the parameters as local values and the
// agents' arrays as plain pointers. (Read through `const Params&` between stores to double
// arrays, every parameter would be reloaded: the compiler cannot rule out that they alias.)
class Encounters {
 public:
  explicit Encounters(ModelState& st)
      : st_(st),
        month_(st.month),
        k_(st.issues),
        learning_up_(st.params.trust.learning_up),
        learning_down_(st.params.trust.learning_down),
        new_tie_within_(st.params.trust.new_tie_within),
        new_tie_cross_(st.params.trust.new_tie_cross),
        confidence_base_(st.params.influence.confidence_base),
        confidence_openness_(st.params.influence.confidence_openness),
        confidence_trust_(st.params.influence.confidence_trust),
        rate_(st.params.influence.rate),
        knowledge_flow_(st.params.learning.knowledge_flow),
        literacy_growth_(st.params.learning.literacy_growth),
        literacy_threshold_(st.params.learning.literacy_threshold),
        experience_(st.params.experience),
        priorities_(st.agents.priorities.data()),
        capacity_(st.agents.capacity.data()),
        knowledge_(st.agents.knowledge.data()),
        literacy_(st.agents.literacy.data()),
        openness_(st.agents.openness.data()),
        fatigue_(st.agents.fatigue.data()),
        confidential_until_(st.agents.confidential_until.data()),
        pull_(st.scratch.pull.data()),
        pull_weight_(st.scratch.pull_weight.data()),
        knowledge_pull_(st.scratch.knowledge_pull.data()),
        regard_(st.agents.regard.data()),
        cross_regard_(st.agents.cross_regard.data()),
        other_sector_weight_(st.place.other_sector_weight),
        regard_learning_(st.params.trust.regard_learning),
        generalisation_(st.params.trust.generalisation),
        reciprocity_threshold_(st.params.experience.reciprocity_threshold),
        reciprocity_width_(st.params.experience.reciprocity_width) {
    for (std::size_t s = 0; s < st.params.sectors.size(); ++s) data_openness_[s] = st.params.sectors[s].culture.data_openness;
  }

  void encounter(int a, int b, RandomStream& rng) {
    const double* pa = priorities_ + static_cast<std::size_t>(a) * static_cast<std::size_t>(k_);
    const double* pb = priorities_ + static_cast<std::size_t>(b) * static_cast<std::size_t>(k_);
    const double distance = simplex_distance(pa, pb, k_);
    const Sector sa = st_.sector(a);
    const Sector sb = st_.sector(b);
    ExperienceTerms terms;
    terms.cross_sector = sa != sb;
    terms.alignment = 1.0 - distance;
    terms.mean_capacity = 0.5 * (capacity_[a] + capacity_[b]);
    terms.distance = st_.place.culture_distance[index(sa)][index(sb)];
    const Layer layer = terms.cross_sector ? Layer::Cross : Layer::Within;
    const double first = terms.cross_sector ? new_tie_cross_ : new_tie_within_;
    const TrustGraph::Link link = st_.trust.link(a, b, first, first, month_);
    if (link.created && generalisation_ > 0) set_first_meeting_trust(st_, a, b, link);
    // Each side experiences the other as open as the other trusts it, before this encounter.
    const double trust_ab = st_.trust.trust(a, layer, link.forward);
    const double trust_ba = st_.trust.trust(b, layer, link.backward);
    const std::uint32_t bits = rng.next_u32();
    terms.literacy = literacy_[a];
    terms.partner_openness = openness_to(trust_ba, reciprocity_threshold_, reciprocity_width_);
    const double e_a = experience(experience_, terms, noise(bits & 0xFFFFu, experience_.noise));
    terms.literacy = literacy_[b];
    terms.partner_openness = openness_to(trust_ab, reciprocity_threshold_, reciprocity_width_);
    const double e_b = experience(experience_, terms, noise(bits >> 16, experience_.noise));
    side(a, b, sb, link.forward, e_a, distance, terms.cross_sector);
    side(b, a, sa, link.backward, e_b, distance, terms.cross_sector);
  }

 private:
  // n's side of an encounter with m (of sector sm, at position k of n's row): n
  // experiences m, trusts accordingly, and is pulled. Written without branches (a zero
  // weight instead of a skipped update): each condition is close to a coin toss, and
  // mispredicted branches cost more than the few multiplications they would save.
  void side(int n, int m, Sector sm, int k, double e, double distance, bool cross) {
    const auto ni = static_cast<std::size_t>(n);
    const auto mi = static_cast<std::size_t>(m);
    const auto row = static_cast<std::size_t>(k_);
    const Layer layer = cross ? Layer::Cross : Layer::Within;
    float& tie = st_.trust.trust(n, layer, k);
    tie = static_cast<float>(update_trust(tie, e, learning_up_, learning_down_));
    const double trust = tie;
    st_.trust.mark_contact(n, layer, k, month_);

    const double openness = openness_[ni] * (1.0 - fatigue_[ni]);
    const double epsilon = confidence_base_ + confidence_openness_ * openness + confidence_trust_ * trust;
    const double heard = within_confidence(distance, epsilon) ? 1.0 : 0.0;
    const double w = heard * rate_ * trust * st_.place.heard_authority[mi][index(st_.sector(n))];
    add_pull(priorities_ + ni * row, priorities_ + mi * row, w, pull_ + ni * row, pull_weight_[ni], k_);

    // Knowledge flows down the gradient, as far as the speaker's sector shares data and the
    // speaker is not bound by a confidential intervention.
    const double gap = std::max(0.0, knowledge_[mi] - knowledge_[ni]);
    const double shares = confidential_until_[mi] >= month_ ? 0.0 : data_openness_[index(sm)];
    knowledge_pull_[ni] += knowledge_flow_ * trust * shares * gap;

    const double good = cross ? std::max(0.0, e - literacy_threshold_) : 0.0;
    literacy_[ni] += literacy_growth_ * good * (1.0 - literacy_[ni]);

    // What n makes of m's organisation moves with what n now makes of m: regard is a slow
    // mean of n's relationships with its people, as they stand when they are used.
    learn_regard(regard_[ni * kMaxSectors + index(sm)], cross_regard_[ni], trust, regard_learning_,
                 cross ? other_sector_weight_ : 0.0);
  }

  ModelState& st_;
  const int month_;
  const int k_;
  const double learning_up_, learning_down_, new_tie_within_, new_tie_cross_;
  const double confidence_base_, confidence_openness_, confidence_trust_, rate_;
  const double knowledge_flow_, literacy_growth_, literacy_threshold_;
  const ExperienceParams experience_;
  PerSector data_openness_{};
  const double* priorities_;
  const double* capacity_;
  const double* knowledge_;
  double* literacy_;
  const double* openness_;
  const double* fatigue_;
  const int* confidential_until_;
  double* pull_;
  double* pull_weight_;
  double* knowledge_pull_;
  double* regard_;
  double* cross_regard_;
  const double other_sector_weight_;
  const double regard_learning_;
  const double generalisation_, reciprocity_threshold_, reciprocity_width_;
};

// A meeting of `members`: each attends by attention, and each attendee engages: each of its
// meetings.encounters_per_meeting conversations with another attendee happens with probability
// equal to its commitment (a leader who is not committed to joint work sits it out).
void hold_meeting(ModelState& st, Encounters& encounters, const std::vector<int>& members, RandomStream& rng) {
  // Who attends and who talks to whom are drawn first and appended without branches (each is
  // close to a coin toss, and a mispredicted branch costs more than the append); then the
  // conversations are held, in the order drawn.
  const double floor = st.params.meetings.attendance_floor;
  auto& attendees = st.scratch.attendees;
  attendees.resize(members.size());
  std::size_t attending = 0;
  for (int n : members) {
    const double p_attend = floor + (1.0 - floor) * st.agents.attention[static_cast<std::size_t>(n)];
    attendees[attending] = n;
    attending += rng.uniform() < p_attend ? 1 : 0;
  }
  const auto count = static_cast<std::uint32_t>(attending);
  if (count < 2) return;
  const auto per_attendee = static_cast<std::uint32_t>(st.params.meetings.encounters_per_meeting);
  auto& conversations = st.scratch.conversations;
  conversations.resize(static_cast<std::size_t>(count) * per_attendee);
  std::size_t held = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const double engaged = st.agents.commitment[static_cast<std::size_t>(attendees[i])];
    for (std::uint32_t e = 0; e < per_attendee; ++e) {
      // One uniform decides both: the conversation happens if u < engaged, and then u / engaged
      // is uniform on [0, 1) and picks the partner among the other attendees.
      const double u = rng.uniform();
      const double share = std::min(u / std::max(engaged, 1e-12), 1.0);
      auto j = std::min(static_cast<std::uint32_t>(share * (count - 1)), count - 2);
      j += j >= i ? 1 : 0;  // anyone but oneself
      conversations[held] = {attendees[i], attendees[j]};
      held += u < engaged ? 1 : 0;
    }
  }
  for (std::size_t c = 0; c < held; ++c) encounters.encounter(conversations[c].first, conversations[c].second, rng);
}

// A standing arrangement meets on its cadence from the month after its programme ended, and
// ends when its members' mutual trust (over every ordered pair, a pair without a tie counting
// at first-meeting trust) falls below arrangements.dissolve_below: a standing group whose
// members no longer trust each other stops meeting.
void hold_arrangement(ModelState& st, Encounters& encounters, Arrangement& a, int index) {
  if (!a.active || st.month < a.first_month || (st.month - a.first_month) % a.cadence_months != 0) return;
  RandomStream rng = st.stream(Purpose::Arrangements, index);
  hold_meeting(st, encounters, a.members, rng);
  double sum = 0, pairs = 0;
  for (int n : a.members) {
    for (int m : a.members) {
      if (n == m) continue;
      const bool cross = st.trust.layer_between(n, m) == Layer::Cross;
      sum += st.trust.trust_in(n, m, cross ? st.params.trust.new_tie_cross : st.params.trust.new_tie_within);
      pairs += 1;
    }
  }
  if (pairs > 0 && sum / pairs < st.params.arrangements.dissolve_below) a.active = false;
}

void informal_contacts(ModelState& st, Encounters& encounters, int n, int count) {
  RandomStream rng = st.stream(Purpose::Informal, n);
  for (int c = 0; c < count; ++c) {
    int m = contact_by_trust(st.trust, n, rng);
    if (m < 0) return;  // a newcomer who knows nobody yet meets people in forums first
    if (rng.uniform() < st.params.meetings.introduction_probability) {
      // An introduction: a friend of a trusted contact.
      const int friend_of_friend = contact_by_trust(st.trust, m, rng);
      if (friend_of_friend >= 0 && friend_of_friend != n) m = friend_of_friend;
    }
    encounters.encounter(n, m, rng);
  }
}

}  // namespace

double first_meeting_trust(const ModelState& st, int n, int m) {
  const bool cross = st.sector(n) != st.sector(m);
  const double first = cross ? st.params.trust.new_tie_cross : st.params.trust.new_tie_within;
  const double g = st.params.trust.generalisation;
  return (1.0 - g) * first + g * st.agents.regard_of(n)[index(st.sector(m))];
}

void set_first_meeting_trust(ModelState& st, int n, int m, const TrustGraph::Link& link) {
  const Layer layer = st.trust.layer_between(n, m);
  st.trust.trust(n, layer, link.forward) = static_cast<float>(first_meeting_trust(st, n, m));
  st.trust.trust(m, layer, link.backward) = static_cast<float>(first_meeting_trust(st, m, n));
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
    const auto rate = static_cast<float>(st.params.trust.decay);
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
  Encounters encounters(st);
  for (int f = 0; f < static_cast<int>(st.place.forums.size()); ++f) {
    const ForumMeeting& forum = st.place.forums[static_cast<std::size_t>(f)];
    if (st.month % forum.cadence_months == 0) {
      RandomStream rng = st.stream(Purpose::Pairing, f);
      hold_meeting(st, encounters, forum.members, rng);
    }
  }
  for (std::size_t i = 0; i < st.arrangements.size(); ++i) {
    hold_arrangement(st, encounters, st.arrangements[i], static_cast<int>(i));
  }
  // How many informal contacts each agent makes: the rate at full commitment times its
  // commitment; one draw per agent, in agent order, from one stream; the contacts themselves
  // use the agent's own stream.
  const double full = st.params.meetings.informal_contact_rate;
  RandomStream how_many = st.stream(Purpose::Informal, st.agents.count);
  for (int n = 0; n < st.agents.count; ++n) {
    const double rate = full * st.agents.commitment[static_cast<std::size_t>(n)];
    const int whole = static_cast<int>(rate);
    const int count = whole + (how_many.uniform() < rate - whole ? 1 : 0);
    if (count > 0) informal_contacts(st, encounters, n, count);
  }
  apply_pulls(st);
  decay_unused_ties(st);
}

}  // namespace placesim
