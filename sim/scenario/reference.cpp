#include "scenario/reference.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "scenario/presets.hpp"
#include "scenario/registry.hpp"

namespace placesim {

namespace {

std::string number(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == std::floor(x) && std::abs(x) < 1e19) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", x);
    return buffer;
  }
  std::ostringstream s;
  s << x;
  return s.str();
}

std::string range(const FieldInfo& f) {
  switch (f.type) {
    case ValueType::Integer:
    case ValueType::Real:
    case ValueType::BySector:
    case ValueType::IntegerList: {
      const bool lo = std::isfinite(f.min), hi = std::isfinite(f.max);
      if (lo && hi) return number(f.min) + " to " + number(f.max);
      if (lo) return ">= " + number(f.min);
      if (hi) return "<= " + number(f.max);
      return "any";
    }
    case ValueType::Choice: {
      std::string out;
      for (const auto& c : f.choices) out += (out.empty() ? "" : ", ") + c;
      return out;
    }
    case ValueType::NamedReals: {
      std::string out;
      for (const auto& c : f.choices) out += (out.empty() ? "" : ", ") + c;
      return out + " (each " + number(f.min) + " to " + number(f.max) + ")";
    }
    default: return "";
  }
}

// Pipes would break a markdown table cell.
std::string cell(std::string text) {
  for (std::size_t i = 0; (i = text.find('|', i)) != std::string::npos; i += 2) text.replace(i, 1, "\\|");
  return text;
}

std::string code(const std::string& text) { return "`" + text + "`"; }

}  // namespace

void write_parameter_reference(std::ostream& out) {
  const Registry& registry = Registry::instance();
  const Params& defaults = default_params();  // the presets are default rows too

  // Scalars, grouped by the section before the first dot, in declaration order.
  std::vector<std::string> sections;
  std::map<std::string, std::vector<const Field<Params>*>> by_section;
  for (const auto& f : registry.scalars()) {
    const std::string section = f.key.substr(0, f.key.find('.'));
    if (!by_section.count(section)) sections.push_back(section);
    by_section[section].push_back(&f);
  }
  for (const std::string& section : sections) {
    out << "#### `[" << section << "]`\n\n";
    out << "| key | type | default | range | unit | meaning | source |\n";
    out << "|---|---|---|---|---|---|---|\n";
    for (const auto* f : by_section[section]) {
      out << "| " << code(f->key) << " | " << type_name(f->type) << " | "
          << code(to_toml(f->default_value)) << " | " << cell(range(*f)) << " | " << cell(f->unit)
          << " | " << cell(f->description) << " | " << cell(f->source) << " |\n";
    }
    out << "\n";
  }

  for (const auto& table : registry.tables()) {
    const auto fields = table->fields();
    out << "#### `[" << table->name() << ".<name>]`\n\n" << table->description() << "\n\n";
    out << "| field | type | default for a new row | range | unit | meaning | source |\n";
    out << "|---|---|---|---|---|---|---|\n";
    for (const FieldInfo& f : fields) {
      out << "| " << code(f.key) << " | " << type_name(f.type) << " | " << code(to_toml(f.default_value))
          << " | " << cell(range(f)) << " | " << cell(f.unit) << " | " << cell(f.description) << " | "
          << cell(f.source) << " |\n";
    }
    out << "\nDefault rows:\n\n| " << table->name();
    for (const FieldInfo& f : fields) out << " | " << f.key;
    out << " |\n|---";
    for (std::size_t i = 0; i < fields.size(); ++i) out << "|---";
    out << "|\n";
    for (const std::string& row : table->row_names(defaults)) {
      out << "| " << code(row);
      for (const FieldInfo& f : fields) out << " | " << cell(to_toml(table->get(defaults, row, f.key)));
      out << " |\n";
    }
    out << "\n";
  }
}

namespace {
std::pair<std::size_t, std::size_t> block_bounds(const std::string& document, const std::string& name) {
  const std::string begin = "<!-- BEGIN GENERATED: " + name + " -->\n";
  const std::string end = "<!-- END GENERATED: " + name + " -->";
  const std::size_t b = document.find(begin);
  const std::size_t e = document.find(end);
  if (b == std::string::npos || e == std::string::npos || e < b) {
    throw std::runtime_error("no generated block '" + name + "' in the document");
  }
  return {b + begin.size(), e};
}
}  // namespace

std::string replace_generated_block(const std::string& document, const std::string& name,
                                    const std::string& content) {
  const auto [b, e] = block_bounds(document, name);
  return document.substr(0, b) + content + document.substr(e);
}

std::string generated_block(const std::string& document, const std::string& name) {
  const auto [b, e] = block_bounds(document, name);
  return document.substr(b, e - b);
}

}  // namespace placesim
