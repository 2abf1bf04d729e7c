#include "cli/summary.hpp"

#include "cli/confidence_interval.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace placesim::cli {

namespace {

struct Row {
  std::string metric;
  std::string label;
};

// The rows: the results file's key outcomes (its key_outcome attributes), and the cost to date
// when there are strategies to compare. Files written before the attribute existed take the
// key outcomes of this program's metric table.
std::vector<Row> summary_rows(const ResultsReader& results, bool several) {
  std::vector<Row> rows;
  bool marked = false;
  for (const std::string& name : results.metric_names()) {
    const MetricInfo info = results.metric(name);
    if (info.shape.size() != 2) continue;  // scalars only
    marked = marked || info.key_outcome;
    if (info.key_outcome) rows.push_back({name, info.label});
  }
  if (!marked) {
    for (const MetricSpec& s : metric_specs()) {
      if (s.key_outcome && s.shape == MetricShape::Scalar) rows.push_back({std::string(s.name), std::string(s.label)});
    }
  }
  const MetricSpec& cost = spec(Metric::CostCumulative);
  if (several) rows.push_back({std::string(cost.name), std::string(cost.label) + " (" + std::string(cost.units) + ")"});
  return rows;
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

  char line[256];
  std::snprintf(line, sizeof line, "%-32s", "mean (95% CI half-width)");
  out << line;
  for (int t : months) {
    std::snprintf(line, sizeof line, "  %-15s", ("month " + std::to_string(t)).c_str());
    out << line;
  }
  out << "\n";
  for (const Row& row : summary_rows(results, several)) {
    std::vector<std::vector<float>> columns;
    for (int t : months) columns.push_back(results.read_month(row.metric, t));
    if (several) out << row.label << "\n";
    for (const std::string& variant : variants) {
      std::snprintf(line, sizeof line, "%-32s", several ? ("  " + variant).c_str() : row.label.c_str());
      out << line;
      for (const auto& values : columns) {
        std::vector<double> of_variant;
        for (const int r : runs_of[variant]) of_variant.push_back(values[static_cast<std::size_t>(r)]);
        const auto [mean, half] = mean_interval(of_variant);
        if (std::isnan(half)) {
          std::snprintf(line, sizeof line, "  %6.3f %-8s", mean, "(n = 1)");
        } else if (std::abs(mean) >= 100) {
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
