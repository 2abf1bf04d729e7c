#include "scenario/sweep.hpp"

#include <cmath>
#include <limits>
#include <sstream>

namespace placesim {

const std::vector<std::string>& design_names() {
  static const std::vector<std::string> names = {"none",   "list",           "grid",  "random",
                                                 "latin_hypercube", "sobol", "morris"};
  return names;
}

std::string_view design_name(SweepDesign design) { return design_names()[static_cast<std::size_t>(design)]; }

std::string_view distribution_name(Distribution distribution) {
  switch (distribution) {
    case Distribution::Uniform: return "uniform";
    case Distribution::LogUniform: return "log_uniform";
    case Distribution::Normal: return "normal";
    case Distribution::Triangular: return "triangular";
    case Distribution::Choice: return "choice";
  }
  return "?";
}

namespace {

std::string list_text(const std::vector<Value>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + to_toml(values[i]);
  return out + "]";
}

std::string number(double x) { return to_toml(Value(x)); }

// A bound or mode as the key's own type reads it: whole numbers for integer keys.
std::string typed_number(const SweptParameter& p, double x) {
  if (p.type == ValueType::Integer) return to_toml(Value(static_cast<std::int64_t>(std::llround(x))));
  return number(x);
}

// The spec table of one parameter, as inline TOML.
std::string spec_toml(const SweptParameter& p) {
  if (p.distribution == Distribution::Choice) return "{ values = " + list_text(p.values) + " }";
  std::string out = "{ distribution = \"" + std::string(distribution_name(p.distribution)) + "\"";
  if (p.distribution == Distribution::Normal) out += ", mean = " + number(p.mean) + ", sd = " + number(p.sd);
  out += ", min = " + typed_number(p, p.min) + ", max = " + typed_number(p, p.max);
  if (p.distribution == Distribution::Triangular) out += ", mode = " + typed_number(p, p.mode);
  if (p.levels > 0) out += ", levels = " + std::to_string(p.levels);
  return out + " }";
}

std::string quoted(const std::string& key) { return toml_string(key); }

}  // namespace

std::string SweptParameter::describe() const {
  std::ostringstream s;
  switch (distribution) {
    case Distribution::Choice: return "one of " + list_text(values);
    case Distribution::Normal:
      s << "normal(mean " << number(mean) << ", sd " << number(sd) << ") truncated to " << number(min) << " .. "
        << number(max);
      break;
    case Distribution::Triangular:
      s << "triangular(" << number(min) << ", mode " << number(mode) << ", " << number(max) << ")";
      break;
    default: s << distribution_name(distribution) << "(" << number(min) << ", " << number(max) << ")";
  }
  if (levels > 0) s << " in " << levels << " levels";
  return s.str();
}

std::int64_t saturating_product(std::int64_t a, std::int64_t b) {
  if (a == 0 || b == 0) return 0;
  if (a > std::numeric_limits<std::int64_t>::max() / b) return std::numeric_limits<std::int64_t>::max();
  return a * b;
}

std::int64_t sweep_points(const Sweep& sweep) {
  const auto k = static_cast<std::int64_t>(sweep.parameters.size());
  switch (sweep.design) {
    case SweepDesign::None: return 1;
    case SweepDesign::List: return static_cast<std::int64_t>(sweep.points.size());
    case SweepDesign::Grid: {
      std::int64_t n = 1;
      for (const auto& p : sweep.parameters) {
        n = saturating_product(n, p.distribution == Distribution::Choice ? static_cast<std::int64_t>(p.values.size()) : p.levels);
      }
      return n;
    }
    case SweepDesign::Random:
    case SweepDesign::LatinHypercube: return sweep.samples;
    case SweepDesign::Sobol: return saturating_product(sweep.samples, k + 2);
    case SweepDesign::Morris: return saturating_product(sweep.samples, k + 1);
  }
  return 1;
}

std::string sweep_toml(const Sweep& sweep) {
  if (sweep.design == SweepDesign::None) return "";
  std::ostringstream out;
  out << "\n[sweep]\n";
  out << "design = \"" << design_name(sweep.design) << "\"\n";
  if (sweep.samples > 0) out << "samples = " << sweep.samples << "\n";
  if (sweep.design == SweepDesign::Morris) out << "levels = " << sweep.levels << "\n";
  if (sweep.seed_set) out << "seed = " << sweep.seed << "\n";
  if (sweep.independent_streams) out << "streams = \"independent\"\n";
  if (sweep.design == SweepDesign::List) {
    out << "points = [\n";
    for (const auto& point : sweep.points) {
      out << "  {";
      bool first = true;
      for (std::size_t i = 0; i < point.size(); ++i) {
        if (!point[i]) continue;
        out << (first ? " " : ", ") << quoted(sweep.parameters[i].key) << " = " << to_toml(*point[i]);
        first = false;
      }
      out << (first ? "},\n" : " },\n");
    }
    out << "]\n";
    return out.str();
  }
  out << "\n[sweep.parameters]\n";
  for (const SweptParameter& p : sweep.parameters) out << quoted(p.key) << " = " << spec_toml(p) << "\n";
  return out.str();
}

}  // namespace placesim
