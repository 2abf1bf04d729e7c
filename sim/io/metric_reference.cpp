#include "io/metric_reference.hpp"

#include <cmath>
#include <sstream>

#include "io/results_schema.hpp"
#include "model/metrics.hpp"

namespace placesim {

namespace {

std::string dimensions(MetricShape shape) {
  using namespace results;
  std::string dims = std::string(kRunDim) + ", " + kMonthDim;
  if (shape == MetricShape::PerIssue) dims += std::string(", ") + kIssueDim;
  if (shape == MetricShape::SectorBySector) dims += std::string(", ") + kSectorFromDim + ", " + kSectorToDim;
  return dims;
}

std::string bound(double x) {
  if (!std::isfinite(x)) return "";
  std::ostringstream s;
  s << x;
  return s.str();
}

std::string range(const MetricSpec& s) {
  if (!std::isfinite(s.lower) && !std::isfinite(s.upper)) return "any";
  if (!std::isfinite(s.upper)) return "at least " + bound(s.lower);
  return bound(s.lower) + " to " + bound(s.upper);
}

}  // namespace

void write_metric_reference(std::ostream& out) {
  out << "| metric | dimensions | units | range | key outcome | meaning |\n";
  out << "|---|---|---|---|---|---|\n";
  for (const MetricSpec& s : metric_specs()) {
    out << "| `" << s.name << "` | " << dimensions(s.shape) << " | " << s.units << " | " << range(s) << " | "
        << (s.key_outcome ? "yes" : "") << " | " << s.description << " |\n";
  }
}

}  // namespace placesim
