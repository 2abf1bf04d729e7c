#include "cli/summary.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace placesim::cli {

namespace {

struct Row {
  const char* metric;
  const char* label;
};

constexpr Row kRows[] = {
    {"place_index", "place outcome index"},
    {"trust_cross_sector", "cross-sector trust"},
    {"trust_member_officer", "member-officer trust"},
    {"shared_ambition", "shared ambition"},
    {"alignment_with_residents", "alignment with residents"},
    {"strong_cross_sector_ties", "strong cross-sector ties/agent"},
    {"capacity", "capacity"},
    {"knowledge", "knowledge"},
    {"literacy", "literacy"},
    {"fatigue", "fatigue"},
    {"attention", "attention"},
    {"cost_cumulative", "cost to date (GBP thousand)"},
};

// Mean and half-width of a normal 95% interval over completed runs of one variant.
std::pair<double, double> mean_ci(const std::vector<float>& values, const std::vector<int>& runs) {
  double sum = 0, sum_sq = 0, n = 0;
  for (int r : runs) {
    const double v = values[static_cast<std::size_t>(r)];
    if (std::isnan(v)) continue;
    sum += v;
    sum_sq += v * v;
    n += 1;
  }
  if (n == 0) return {std::nan(""), 0};
  const double mean = sum / n;
  const double var = n > 1 ? std::max(0.0, (sum_sq - n * mean * mean) / (n - 1)) : 0;
  return {mean, n > 1 ? 1.96 * std::sqrt(var / n) : 0};
}

}  // namespace

void print_summary(std::ostream& out, const ResultsReader& results) {
  const int last = results.months();
  std::vector<int> months = {0};
  for (int t : {24, 60}) {
    if (t < last) months.push_back(t);
  }
  months.push_back(last);

  // Completed runs of each variant, in order of first appearance.
  const auto design = results.design();
  const auto completed = results.completed();
  std::vector<std::string> variants;
  std::map<std::string, std::vector<int>> runs_of;
  for (int r = 0; r < results.runs(); ++r) {
    if (!completed[static_cast<std::size_t>(r)]) continue;
    const std::string& label = design.labels[static_cast<std::size_t>(r)];
    if (!runs_of.count(label)) variants.push_back(label);
    runs_of[label].push_back(r);
  }
  const bool several = variants.size() > 1;
  // With several strategies, only the rows that compare them at a glance.
  auto shown = [&](const Row& row) {
    if (!several) return std::string(row.metric) != "cost_cumulative";
    for (const char* key : {"place_index", "trust_cross_sector", "trust_member_officer", "shared_ambition", "fatigue",
                            "cost_cumulative"}) {
      if (std::string(row.metric) == key) return true;
    }
    return false;
  };

  char line[256];
  std::snprintf(line, sizeof line, "%-32s", "mean (95% CI half-width)");
  out << line;
  for (int t : months) {
    std::snprintf(line, sizeof line, "  %-15s", ("month " + std::to_string(t)).c_str());
    out << line;
  }
  out << "\n";
  for (const Row& row : kRows) {
    if (!shown(row)) continue;
    std::vector<std::vector<float>> columns;
    for (int t : months) columns.push_back(results.read_month(row.metric, t));
    if (several) out << row.label << "\n";
    for (const std::string& variant : variants) {
      std::snprintf(line, sizeof line, "%-32s", several ? ("  " + variant).c_str() : row.label);
      out << line;
      for (const auto& values : columns) {
        const auto [mean, half] = mean_ci(values, runs_of[variant]);
        if (std::abs(mean) >= 100) {
          std::snprintf(line, sizeof line, "  %6.0f +- %-5.0f", mean, half);
        } else {
          std::snprintf(line, sizeof line, "  %6.3f +- %-5.3f", mean, half);
        }
        out << line;
      }
      out << "\n";
    }
  }
}

}  // namespace placesim::cli
