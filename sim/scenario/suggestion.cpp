#include "scenario/suggestion.hpp"

#include <algorithm>

namespace placesim {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest(const std::string& given, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = edit_distance(given, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // Plausible: at most a third of the longer string, and at least one character shared.
  if (!best) return std::nullopt;
  const std::size_t longest = std::max(given.size(), best->size());
  if (best_distance * 3 > longest + 2 || best_distance >= longest) return std::nullopt;
  return best;
}

std::string did_you_mean(const std::string& given, const std::vector<std::string>& candidates) {
  const auto best = nearest(given, candidates);
  return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace placesim
