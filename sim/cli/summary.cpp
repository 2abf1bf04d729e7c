#include "cli/summary.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace placesim {

namespace {

struct Row {
  Metric metric;
  const char* label;
};

// Mean and half-width of a normal 95% interval over replicates (NaN-free values only).
std::pair<double, double> mean_ci(const std::vector<MetricSeries>& runs, Metric metric, int month) {
  double sum = 0, sum_sq = 0, n = 0;
  for (const MetricSeries& run : runs) {
    const double v = run.at(month, metric);
    if (std::isnan(v)) continue;
    sum += v;
    sum_sq += v * v;
    n += 1;
  }
  if (n == 0) return {std::nan(""), 0};
  const double mean = sum / n;
  const double var = n > 1 ? (sum_sq - n * mean * mean) / (n - 1) : 0;
  return {mean, n > 1 ? 1.96 * std::sqrt(std::max(var, 0.0) / n) : 0};
}

}  // namespace

void print_summary(std::ostream& out, const std::vector<MetricSeries>& runs) {
  if (runs.empty()) return;
  const int last = runs.front().months() - 1;
  std::vector<int> months = {0};
  for (int t : {24, 60}) {
    if (t < last) months.push_back(t);
  }
  months.push_back(last);

  const Row rows[] = {
      {Metric::PlaceIndex, "place outcome index"},
      {Metric::TrustCrossSector, "cross-sector trust"},
      {Metric::TrustMemberOfficer, "member-officer trust"},
      {Metric::SharedAmbition, "shared ambition"},
      {Metric::AlignmentWithResidents, "alignment with residents"},
      {Metric::StrongCrossSectorTies, "strong cross-sector ties/agent"},
      {Metric::Capacity, "capacity"},
      {Metric::Knowledge, "knowledge"},
      {Metric::Literacy, "literacy"},
      {Metric::Fatigue, "fatigue"},
      {Metric::Attention, "attention"},
  };
  char line[256];
  std::snprintf(line, sizeof line, "%-32s", "mean (95% CI half-width)");
  out << line;
  for (int t : months) {
    std::snprintf(line, sizeof line, "  %-15s", ("month " + std::to_string(t)).c_str());
    out << line;
  }
  out << "\n";
  for (const Row& row : rows) {
    std::snprintf(line, sizeof line, "%-32s", row.label);
    out << line;
    for (int t : months) {
      const auto [mean, half] = mean_ci(runs, row.metric, t);
      std::snprintf(line, sizeof line, "  %6.3f +- %-5.3f", mean, half);
      out << line;
    }
    out << "\n";
  }
  double elections = 0, departures = 0, crises = 0, policy = 0, control = 0;
  for (const MetricSeries& run : runs) {
    for (int t = 1; t <= last; ++t) {
      elections += run.at(t, Metric::Elections);
      control += run.at(t, Metric::ControlChanges);
      departures += run.at(t, Metric::Departures);
      crises += run.at(t, Metric::Crises);
      policy += run.at(t, Metric::PolicyChanges);
    }
  }
  const double n = static_cast<double>(runs.size());
  std::snprintf(line, sizeof line,
                "events per run: %.1f elections (%.1f changes of control), %.1f departures, "
                "%.1f crises, %.1f national policy changes\n",
                elections / n, control / n, departures / n, crises / n, policy / n);
  out << line;
}

}  // namespace placesim
