#include "model/metrics.hpp"

#include <cmath>
#include <limits>

#include "model/simplex.hpp"

namespace placesim {

const std::vector<MetricSpec>& metric_specs() {
  using enum MetricShape;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // name, shape, units, label, description, lower and upper bounds, key outcome
  static const std::vector<MetricSpec> specs = {
      {"trust_cross_sector", Scalar, "trust", "cross-sector trust", "Mean trust over existing cross-sector ties",
       0, 1, true},
      {"trust_within_sector", Scalar, "trust", "trust within sectors", "Mean trust over ties within a sector", 0, 1},
      {"trust_member_officer", Scalar, "trust", "member-officer trust",
       "Mean trust over ties between the council's members and its officers, both directions", 0, 1, true},
      {"regard_cross_sector", Scalar, "trust", "regard across sectors",
       "Mean regard of leaders for the other sectors: how they have come to find each other's organisations, "
       "which colours every first meeting (the partnership's climate)",
       0, 1},
      {"trust_place_level", Scalar, "trust", "place-level trust",
       "Mean trust over cross-sector ties between place-level posts", 0, 1},
      {"trust_neighbourhood", Scalar, "trust", "neighbourhood trust",
       "Mean trust over cross-sector ties between neighbourhood-level posts", 0, 1},
      {"cross_sector_ties", Scalar, "ties per agent", "cross-sector ties", "Directed cross-sector ties per agent", 0,
       kInf},
      {"strong_cross_sector_ties", Scalar, "ties per agent", "strong cross-sector ties",
       "Directed cross-sector ties at or above trust.strong_tie, per agent", 0, kInf, true},
      {"bridging", Scalar, "share of agents", "bridging", "Share of agents with at least one strong cross-sector tie",
       0, 1},
      {"shared_ambition", Scalar, "agreement", "shared ambition",
       "Agreement between sectors: 1 - mean |P_r - P_s|_1 / 2 over pairs of sectors (weighted by their authority), "
       "P_s the sector's authority-weighted mean priorities",
       0, 1, true},
      {"alignment_with_residents", Scalar, "agreement", "alignment with residents",
       "1 - authority-weighted mean of |p_n - s|_1 / 2: priorities against residents' salience", 0, 1, true},
      {"place_index", Scalar, "outcome", "place outcome index", "Place outcome index sum_i s_i y_i", 0, 1, true},
      {"capacity", Scalar, "skill", "capacity", "Mean collaborative leadership capacity", 0, 1},
      {"knowledge", Scalar, "skill", "knowledge", "Mean knowledge of the place", 0, 1},
      {"literacy", Scalar, "skill", "literacy", "Mean understanding of other sectors", 0, 1},
      {"participant_capacity_gain", Scalar, "sd of capacity", "participants' capacity gain (d)",
       "Mean capacity gained since their first session by the post holders who have attended an intervention "
       "session, in standard deviations of capacity across all leaders at month 0: an effect size d (NaN before "
       "anyone attends)"},
      {"fatigue", Scalar, "fatigue", "fatigue", "Mean change fatigue", 0, 1},
      {"attention", Scalar, "share of time", "attention", "Mean attention free for partnership work", 0, 1},
      {"commitment", Scalar, "share", "commitment",
       "Mean willingness to commit to joint work (chi), which scales each leader's contribution", 0, 1},
      {"tenure", Scalar, "months", "months in post", "Mean months the post holders have been in post", 0, kInf},
      {"elections", Scalar, "events/month", "elections", "Elections held this month", 0, kInf},
      {"control_changes", Scalar, "events/month", "changes of control", "Changes of political control this month", 0,
       kInf},
      {"departures", Scalar, "agents/month", "departures",
       "Post holders replaced this month (seats lost, staff leaving, cabinets replaced)", 0, kInf},
      {"crises", Scalar, "events/month", "crises", "Crises this month", 0, kInf},
      {"policy_changes", Scalar, "events/month", "policy changes", "National policy changes this month", 0, kInf},
      {"intervention_sessions", Scalar, "sessions/month", "sessions", "Intervention sessions held this month", 0,
       kInf},
      {"invitations", Scalar, "agents/month", "invitations",
       "Participants invited to this month's sessions (one per session)", 0, kInf},
      {"participants", Scalar, "agents/month", "participants",
       "Participants who attended this month's sessions (one per session); take-up is participants / invitations", 0,
       kInf},
      {"cost", Scalar, "GBP thousand/month", "cost",
       "Interventions' cost this month: fixed costs as they start, per participant-session as held", 0, kInf},
      {"cost_cumulative", Scalar, "GBP thousand", "cost to date", "Interventions' cost from month 0 to this month", 0,
       kInf},
      {"arrangements", Scalar, "arrangements", "standing arrangements",
       "Standing arrangements left by programmes that still meet", 0, kInf},
      {"outcome", PerIssue, "outcome", "issue outcome", "Issue outcome y_i: the quality residents experience", 0, 1},
      {"salience", PerIssue, "share", "salience", "Residents' concern s_i (sums to 1 over issues)", 0, 1},
      {"joint_effort", PerIssue, "effort", "joint effort", "Stakeholder-weighted sector effort sum_s w_is E_is", 0,
       1},
      {"effectiveness", PerIssue, "effectiveness", "effectiveness", "Effectiveness of joint action J_i", 0, kInf},
      {"cohesion", PerIssue, "trust", "cohesion",
       "C_i: contribution-weighted mean trust between cross-sector contributors (pairs without a tie count at "
       "trust.new_tie_cross)",
       0, 1},
      {"trust_by_sector", SectorBySector, "trust", "trust by sector",
       "Mean trust over ties from agents of one sector (row) to another (column)", 0, 1},
  };
  return specs;
}

const MetricSpec& spec(Metric metric) {
  return metric_specs()[static_cast<std::size_t>(metric)];
}

MetricSeries::MetricSeries(int months, MetricDims dims) : months_(months), dims_(dims) {
  const int count = static_cast<int>(Metric::Count);
  for (int m = 0; m < count; ++m) {
    offsets_.push_back(columns_);
    columns_ += width(static_cast<Metric>(m));
  }
  values_.assign(static_cast<std::size_t>(months_) * static_cast<std::size_t>(columns_), 0.0f);
}

int metric_width(Metric metric, MetricDims dims) {
  switch (spec(metric).shape) {
    case MetricShape::Scalar: return 1;
    case MetricShape::PerIssue: return dims.issues;
    case MetricShape::SectorBySector: return dims.sectors * dims.sectors;
  }
  return 1;
}

int metric_columns(MetricDims dims) {
  int columns = 0;
  for (int m = 0; m < static_cast<int>(Metric::Count); ++m) columns += metric_width(static_cast<Metric>(m), dims);
  return columns;
}

int MetricSeries::width(Metric metric) const { return metric_width(metric, dims_); }

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

struct Mean {
  double sum = 0;
  double count = 0;
  void add(double x) {
    sum += x;
    count += 1;
  }
  float value() const { return count > 0 ? static_cast<float>(sum / count) : kNaN; }
};

// Sum of a row's trust, with four running sums (a fixed order, so it stays deterministic,
// but without one long chain of dependent additions).
double row_sum(const float* trust, int degree) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int k = 0;
  for (; k + 4 <= degree; k += 4) {
    s0 += trust[k];
    s1 += trust[k + 1];
    s2 += trust[k + 2];
    s3 += trust[k + 3];
  }
  for (; k < degree; ++k) s0 += trust[k];
  return (s0 + s1) + (s2 + s3);
}

void record_trust(const ModelState& st, MetricSeries& out) {
  const TrustGraph& g = st.trust;
  const int t = st.month;
  // Sums and counts over directed ties, by the sectors at either end; the other trust means
  // are read off this table afterwards. Counts are integers (exact, like sums of ones).
  double sum[kMaxSectors][kMaxSectors] = {};
  int count[kMaxSectors][kMaxSectors] = {};
  double level_sum[2] = {};  // cross-sector ties between posts of the same level, by level
  int level_count[2] = {};
  int strong = 0;
  int bridging = 0;
  const double strong_tie = st.params.trust.strong_tie;
  const Sector* sector_of = st.place.sector_of.data();
  const Level* level_of = st.place.level_of.data();
  for (int n = 0; n < g.agents(); ++n) {
    const std::size_t sn = index(sector_of[n]);
    // Within-sector ties only feed the diagonal of the sector matrix.
    const int d_within = g.degree(n, Layer::Within);
    sum[sn][sn] += row_sum(g.trusts(n, Layer::Within), d_within);
    count[sn][sn] += d_within;

    const Level ln = level_of[n];
    const int* targets = g.targets(n, Layer::Cross);
    const float* trusts = g.trusts(n, Layer::Cross);
    const int d = g.degree(n, Layer::Cross);
    double same_level = 0;
    int same_level_count = 0;
    int strong_here = 0;
    for (int k = 0; k < d; ++k) {
      const int m = targets[k];
      const double trust = trusts[k];
      const std::size_t sm = index(sector_of[m]);
      sum[sn][sm] += trust;
      count[sn][sm] += 1;
      strong_here += trust >= strong_tie;
      // Without a branch: whether levels match is close to a coin toss.
      const bool level_match = level_of[m] == ln;
      same_level += level_match ? trust : 0.0;
      same_level_count += level_match;
    }
    level_sum[static_cast<std::size_t>(ln)] += same_level;
    level_count[static_cast<std::size_t>(ln)] += same_level_count;
    strong += strong_here;
    bridging += strong_here > 0;
  }
  Mean cross, within, member_officer;
  const auto sectors = static_cast<std::size_t>(st.place.sectors);
  for (std::size_t a = 0; a < sectors; ++a) {
    for (std::size_t b = 0; b < sectors; ++b) {
      Mean& mean = a == b ? within : cross;
      mean.sum += sum[a][b];
      mean.count += count[a][b];
      out.at(t, Metric::TrustBySector, static_cast<int>(a * sectors + b)) =
          Mean{sum[a][b], static_cast<double>(count[a][b])}.value();
      // Member-officer trust: both directions between the council's members and its officers.
      if (st.place.council[a] == CouncilRole::Member && st.place.council[b] == CouncilRole::Officer) {
        member_officer.sum += sum[a][b] + sum[b][a];
        member_officer.count += count[a][b] + count[b][a];
      }
    }
  }
  const Mean place_level{level_sum[0], static_cast<double>(level_count[0])};
  const Mean neighbourhood{level_sum[1], static_cast<double>(level_count[1])};
  static_assert(static_cast<int>(Level::Place) == 0 && static_cast<int>(Level::Neighbourhood) == 1);
  const double agents = g.agents();
  out.at(t, Metric::TrustCrossSector) = cross.value();
  out.at(t, Metric::TrustWithinSector) = within.value();
  out.at(t, Metric::TrustMemberOfficer) = member_officer.value();
  out.at(t, Metric::TrustPlaceLevel) = place_level.value();
  out.at(t, Metric::TrustNeighbourhood) = neighbourhood.value();
  out.at(t, Metric::CrossSectorTies) = static_cast<float>(cross.count / agents);
  out.at(t, Metric::StrongCrossSectorTies) = static_cast<float>(strong / agents);
  out.at(t, Metric::Bridging) = static_cast<float>(bridging / agents);
}

// Shared ambition: agreement between sectors' authority-weighted mean priorities, averaged
// over pairs of sectors weighted by their authority; alignment: the same against residents.
void record_priorities(ModelState& st, MetricSeries& out) {
  const auto k = static_cast<std::size_t>(st.issues);
  const Agents& a = st.agents;
  double* means = st.scratch.sector_priorities.data();  // sectors x issues
  std::fill(means, means + kMaxSectors * k, 0.0);
  double misalignment = 0;
  double authority = 0;
  for (int n = 0; n < a.count; ++n) {
    const double w = st.authority(n);
    const double* p = a.priorities_of(n);
    double* mean = means + index(st.sector(n)) * k;
    for (std::size_t i = 0; i < k; ++i) mean[i] += w * p[i];
    misalignment += w * simplex_distance(p, st.place_state.salience.data(), st.issues);
    authority += w;
  }
  double distance = 0;
  double pairs = 0;
  for (std::size_t s = 0; s < static_cast<std::size_t>(st.place.sectors); ++s) {
    const double ws = st.place.sector_authority[s];
    if (ws <= 0) continue;
    for (std::size_t i = 0; i < k; ++i) means[s * k + i] /= ws;
    for (std::size_t r = 0; r < s; ++r) {
      const double wr = st.place.sector_authority[r];
      if (wr <= 0) continue;
      distance += ws * wr * simplex_distance(means + s * k, means + r * k, st.issues);
      pairs += ws * wr;
    }
  }
  out.at(st.month, Metric::SharedAmbition) =
      pairs > 0 ? static_cast<float>(1.0 - distance / pairs) : std::numeric_limits<float>::quiet_NaN();
  out.at(st.month, Metric::AlignmentWithResidents) =
      static_cast<float>(1.0 - misalignment / authority);
}

float mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return static_cast<float>(sum / static_cast<double>(values.size()));
}

// Participants' mean capacity gain since their first session over the spread of capacity
// across leaders at month 0 (measured then, before any session).
double participant_capacity_gain(ModelState& st) {
  const Agents& a = st.agents;
  if (st.month == 0) {
    double mean = 0, squares = 0;
    for (const double c : a.capacity) mean += c;
    mean /= a.count;
    for (const double c : a.capacity) squares += (c - mean) * (c - mean);
    st.capacity_spread_at_start = a.count > 1 ? std::sqrt(squares / (a.count - 1)) : 0.0;
  }
  double gain = 0;
  int participants = 0;
  for (std::size_t n = 0; n < a.capacity.size(); ++n) {
    if (std::isnan(a.capacity_before_sessions[n])) continue;
    gain += a.capacity[n] - a.capacity_before_sessions[n];
    ++participants;
  }
  if (participants == 0 || !(st.capacity_spread_at_start > 0)) return std::numeric_limits<double>::quiet_NaN();
  return gain / participants / st.capacity_spread_at_start;
}

}  // namespace

void record_metrics(ModelState& st, MetricSeries& out) {
  const int t = st.month;
  record_trust(st, out);
  record_priorities(st, out);
  const PlaceState& ps = st.place_state;
  double index = 0;
  for (int i = 0; i < st.issues; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    index += ps.salience[ii] * ps.outcome[ii];
    out.at(t, Metric::Outcome, i) = static_cast<float>(ps.outcome[ii]);
    out.at(t, Metric::Salience, i) = static_cast<float>(ps.salience[ii]);
    out.at(t, Metric::JointEffort, i) = static_cast<float>(ps.joint_effort[ii]);
    out.at(t, Metric::Effectiveness, i) = static_cast<float>(ps.effectiveness[ii]);
    out.at(t, Metric::Cohesion, i) = static_cast<float>(ps.cohesion[ii]);
  }
  out.at(t, Metric::PlaceIndex) = static_cast<float>(index);
  out.at(t, Metric::RegardCrossSector) = static_cast<float>(ps.climate);
  const Agents& a = st.agents;
  out.at(t, Metric::Capacity) = mean_of(a.capacity);
  out.at(t, Metric::Knowledge) = mean_of(a.knowledge);
  out.at(t, Metric::Literacy) = mean_of(a.literacy);
  out.at(t, Metric::ParticipantCapacityGain) = static_cast<float>(participant_capacity_gain(st));
  out.at(t, Metric::Fatigue) = mean_of(a.fatigue);
  out.at(t, Metric::Attention) = mean_of(a.attention);
  out.at(t, Metric::Commitment) = mean_of(a.commitment);
  double tenure = 0;
  for (const int months : a.tenure) tenure += months;
  out.at(t, Metric::Tenure) = static_cast<float>(tenure / a.count);
  int arrangements = 0;
  for (const Arrangement& arrangement : st.arrangements) arrangements += arrangement.active;
  out.at(t, Metric::Arrangements) = static_cast<float>(arrangements);
  const EventCounts& e = st.events;
  out.at(t, Metric::Elections) = static_cast<float>(e.elections);
  out.at(t, Metric::ControlChanges) = static_cast<float>(e.control_changes);
  out.at(t, Metric::Departures) = static_cast<float>(e.departures);
  out.at(t, Metric::Crises) = static_cast<float>(e.crises);
  out.at(t, Metric::PolicyChanges) = static_cast<float>(e.policy_changes);
  out.at(t, Metric::InterventionSessions) = static_cast<float>(e.sessions);
  out.at(t, Metric::Invitations) = static_cast<float>(e.invitations);
  out.at(t, Metric::Participants) = static_cast<float>(e.attendances);
  out.at(t, Metric::Cost) = static_cast<float>(e.cost);
  out.at(t, Metric::CostCumulative) = static_cast<float>(ps.cost_cumulative);
}

}  // namespace placesim
