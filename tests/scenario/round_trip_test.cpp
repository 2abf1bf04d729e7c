// The round trip as a property: whatever scenario the reader and the checks accept, the text
// `placesim validate` prints for it (and the results file stores as its `scenario` attribute)
// reads back to the same resolved scenario. The scenarios are generated from the registry:
// random values in every declared range for random keys, new rows of every table under names
// that need quoting (spaces, quotes, backslashes, non-ASCII), and text holding control
// characters and newlines. The oracle is the text itself: printed, read, printed again, equal.
// The generator writes its input with its own escaping (every ASCII punctuation and control
// byte as \uXXXX), so that a fault in the writer under test cannot shape the inputs.
#include <gtest/gtest.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <sstream>

#include "scenario/registry.hpp"
#include "scenario/scenario.hpp"

namespace placesim {
namespace {

// A TOML basic string holding `text`: letters, digits, spaces and non-ASCII bytes as they are,
// every other byte escaped.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == ' ' || byte >= 0x80) {
      out.push_back(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(byte));
      out += escaped;
    }
  }
  return out + "\"";
}

std::string real_text(double x) {
  char digits[40];
  std::snprintf(digits, sizeof digits, "%.17g", x);
  std::string text = digits;
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

class ScenarioGenerator {
 public:
  explicit ScenarioGenerator(std::uint64_t seed) : rng_(seed) {}

  std::string scenario() {
    std::ostringstream text;
    const Registry& registry = Registry::instance();
    const int scalars = pick(0, 8);
    for (int i = 0; i < scalars; ++i) {
      const FieldInfo& f = registry.scalars()[pick(0, static_cast<int>(registry.scalars().size()) - 1)];
      if (f.key.rfind("simulation.", 0) == 0 && f.key != "simulation.name") continue;  // sizes and strategies
      if (f.key == "simulation.name") {
        text << "simulation.name = " << quoted(file_name()) << "\n";
        continue;
      }
      if (auto value = random_value(f)) text << key_path(f.key) << " = " << *value << "\n";
    }
    const int rows = pick(0, 4);
    for (int i = 0; i < rows; ++i) {
      const Table& table = *registry.tables()[pick(0, static_cast<int>(registry.tables().size()) - 1)];
      const Params defaults = registry.defaults();
      const std::vector<std::string> existing = table.row_names(defaults);
      const bool new_row = existing.empty() || coin(0.5);
      const std::string row = new_row ? row_name() : existing[pick(0, static_cast<int>(existing.size()) - 1)];
      text << "[" << key_path(table.name()) << "." << quoted(row) << "]\n";
      for (const FieldInfo& f : table.fields()) {
        if (!coin(0.3)) continue;
        if (auto value = random_value(f)) text << quoted(f.key) << " = " << *value << "\n";
      }
    }
    return text.str();
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool coin(double p) { return std::bernoulli_distribution(p)(rng_); }

  // A dotted key, each part quoted.
  static std::string key_path(const std::string& dotted) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
      const std::size_t dot = dotted.find('.', start);
      out += quoted(dotted.substr(start, dot - start));
      if (dot == std::string::npos) return out;
      out += ".";
      start = dot + 1;
    }
  }

  std::string text(bool controls) {
    static const std::vector<std::string> pieces = {"a", "Z", "7", " ", "_", "-", "\"", "'", "\\", "é", "ü", "—",
                                                    "#", "=", "[", "]", "{", "}", "$", "π"};
    static const std::vector<std::string> control_pieces = {"\n", "\t", "\r", std::string(1, '\x01'),
                                                            std::string(1, '\x7f'), std::string(1, '\0')};
    std::string s;
    const int n = pick(1, 12);
    for (int i = 0; i < n; ++i) {
      s += controls && coin(0.15) ? control_pieces[pick(0, static_cast<int>(control_pieces.size()) - 1)]
                                  : pieces[pick(0, static_cast<int>(pieces.size()) - 1)];
    }
    return s;
  }
  // Names may hold anything but dots and control characters (the reader says why).
  std::string row_name() {
    std::string name;
    while (name.empty() || name.find('.') != std::string::npos) name = text(false);
    return name;
  }
  std::string file_name() {
    std::string name;
    while (name.empty() || name.find_first_of("/\\\"'#=[]{}$") != std::string::npos || name == "." || name == "..") {
      name = text(false);
    }
    return name;
  }

  std::optional<std::string> random_value(const FieldInfo& f) {
    auto real = [&] {
      const double lo = std::isfinite(f.min) ? f.min : -10.0;
      const double hi = std::isfinite(f.max) ? std::min(f.max, lo + 100.0) : lo + 10.0;
      return std::uniform_real_distribution<double>(lo, hi)(rng_);
    };
    switch (f.type) {
      case ValueType::Boolean: return std::string(coin(0.5) ? "true" : "false");
      case ValueType::Integer: {
        // Small counts: the checks build the place, and its size is not what is tested here.
        const double lo = std::isfinite(f.min) ? f.min : 0.0;
        const double hi = std::min(std::isfinite(f.max) ? f.max : lo + 20.0, lo + 20.0);
        return std::to_string(std::uniform_int_distribution<long long>(static_cast<long long>(std::ceil(lo)),
                                                                       static_cast<long long>(std::floor(hi)))(rng_));
      }
      case ValueType::Real: return real_text(real());
      case ValueType::Text: return quoted(text(true));
      case ValueType::Choice:
        if (f.choices.empty()) return std::nullopt;
        return quoted(f.choices[pick(0, static_cast<int>(f.choices.size()) - 1)]);
      default:
        // Lists, weights and named reals: their defaults, written back (their syntax is covered
        // by the reader's own tests; the round trip of their shape is what matters here).
        return to_toml(f.default_value);
    }
  }

  std::mt19937_64 rng_;
};

// Every value of every key, scalar and row, compared through the registry: the parameters
// read from the printed text must be those read from the input, not merely print alike.
std::string first_difference(const Params& a, const Params& b) {
  const Registry& registry = Registry::instance();
  for (const auto& f : registry.scalars()) {
    if (!(f.get(a) == f.get(b))) return f.key + ": " + to_toml(f.get(a)) + " became " + to_toml(f.get(b));
  }
  for (const auto& table : registry.tables()) {
    const std::vector<std::string> rows = table->row_names(a);
    if (rows != table->row_names(b)) return table->name() + ": its rows differ";
    for (const std::string& row : rows) {
      for (const FieldInfo& f : table->fields()) {
        const Value x = table->get(a, row, f.key), y = table->get(b, row, f.key);
        if (!(x == y)) return table->name() + "." + row + "." + f.key + ": " + to_toml(x) + " became " + to_toml(y);
      }
    }
  }
  return "";
}

TEST(ScenarioRoundTrip, EveryAcceptedScenarioReadsBackToItself) {
  constexpr int kTrials = 400;
  int accepted = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    ScenarioGenerator generate(1000 + trial);
    const std::string input = generate.scenario();
    Scenario scenario;
    try {
      scenario = load_scenario_text(input, "generated.toml");
      check_scenario(scenario);
    } catch (const ScenarioError&) {
      continue;  // refused with a message: the property says nothing of it
    }
    ++accepted;
    const std::string printed = resolved_toml(scenario);
    Scenario again;
    try {
      again = load_scenario_text(printed, "printed.toml");
      check_scenario(again);
    } catch (const ScenarioError& e) {
      FAIL() << "trial " << trial << ": the printed scenario is refused: " << e.what() << "\n--- input ---\n"
             << input << "\n--- printed ---\n" << printed;
    }
    const std::string difference = first_difference(scenario.params, again.params);
    ASSERT_EQ(difference, "") << "trial " << trial << "\n--- input ---\n" << input << "\n--- printed ---\n" << printed;
    ASSERT_EQ(resolved_toml(again), printed) << "trial " << trial << "\n--- input ---\n" << input;
  }
  // Enough of the generated scenarios must be accepted for the property to have been tested.
  EXPECT_GT(accepted, kTrials / 4);
  std::cout << accepted << " of " << kTrials << " generated scenarios accepted and round-tripped\n";
}

}  // namespace
}  // namespace placesim
