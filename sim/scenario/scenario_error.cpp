#include "scenario/scenario_error.hpp"

namespace placesim {

namespace {
std::string format(const SourcePosition& where, const std::string& key, const std::string& message) {
  std::string text = where.source;
  if (where.line > 0) text.append(":").append(std::to_string(where.line));
  if (where.line > 0 && where.column > 0) text.append(":").append(std::to_string(where.column));
  if (!text.empty()) text.append(": ");
  if (!key.empty()) text.append(key).append(": ");
  return text.append(message);
}
}  // namespace

ScenarioError::ScenarioError(SourcePosition where, std::string key, std::string message)
    : std::runtime_error(format(where, key, message)),
      where_(std::move(where)),
      key_(std::move(key)),
      message_(std::move(message)) {}

}  // namespace placesim
