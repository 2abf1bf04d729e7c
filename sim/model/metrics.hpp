#pragma once
// The outcomes recorded each month (docs/ODD.md "Outcomes to record"), declared once: the
// recorder, the invariant checks, the results file (with a `key_outcome` attribute that the
// run summary and the analysis package read), and docs/results.md all read this table.
#include <limits>
#include <string_view>
#include <vector>

#include "model/model_state.hpp"

namespace placesim {

enum class MetricShape { Scalar, PerIssue, SectorBySector };

struct MetricSpec {
  std::string_view name;
  MetricShape shape;
  std::string_view units;
  std::string_view label;        // a short name for tables and charts: "cross-sector trust"
  std::string_view description;
  double lower = -std::numeric_limits<double>::infinity();  // every value lies within these
  double upper = std::numeric_limits<double>::infinity();   // bounds (NaN aside: a mean of nothing)
  bool key_outcome = false;      // one of the outcomes a comparison of strategies leads with
};

// The sizes of a place that set the width of its metrics.
struct MetricDims {
  int issues = 0;
  int sectors = 0;
};

enum class Metric : int {
  TrustCrossSector,
  TrustWithinSector,
  TrustMemberOfficer,
  RegardCrossSector,
  TrustPlaceLevel,
  TrustNeighbourhood,
  CrossSectorTies,
  StrongCrossSectorTies,
  Bridging,
  SharedAmbition,
  AlignmentWithResidents,
  PlaceIndex,
  Capacity,
  Knowledge,
  Literacy,
  ParticipantCapacityGain,
  Fatigue,
  Attention,
  Commitment,
  Tenure,
  Elections,
  ControlChanges,
  Departures,
  Crises,
  PolicyChanges,
  InterventionSessions,
  Invitations,
  Participants,
  Cost,
  CostCumulative,
  Arrangements,
  Outcome,
  Salience,
  JointEffort,
  Effectiveness,
  Cohesion,
  TrustBySector,
  Count
};

const std::vector<MetricSpec>& metric_specs();
const MetricSpec& spec(Metric metric);

// Columns a metric takes in one month's row, and all metrics together.
int metric_width(Metric metric, MetricDims dims);
int metric_columns(MetricDims dims);

// One run's metrics: months 0..horizon (month 0 is the initial state), each month a row of
// columns; a metric takes 1, issues, or sectors x sectors columns.
class MetricSeries {
 public:
  MetricSeries(int months, MetricDims dims);

  int months() const { return months_; }  // rows: horizon + 1
  int issues() const { return dims_.issues; }
  MetricDims dims() const { return dims_; }
  int columns() const { return columns_; }
  int width(Metric metric) const;
  int offset(Metric metric) const { return offsets_[static_cast<std::size_t>(metric)]; }
  float& at(int month, Metric metric, int column = 0) {
    return values_[static_cast<std::size_t>(month * columns_ + offset(metric) + column)];
  }
  float at(int month, Metric metric, int column = 0) const {
    return values_[static_cast<std::size_t>(month * columns_ + offset(metric) + column)];
  }
  const std::vector<float>& values() const { return values_; }

 private:
  int months_;
  MetricDims dims_;
  int columns_ = 0;
  std::vector<int> offsets_;
  std::vector<float> values_;
};

// Records the state at the end of the current month into series row state.month (it uses
// the state's scratch buffers, so the state is not const).
void record_metrics(ModelState& state, MetricSeries& series);

}  // namespace placesim
