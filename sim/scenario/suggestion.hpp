#pragma once
// "Did you mean ...?" for misspelt keys and names.
#include <optional>
#include <string>
#include <vector>

namespace placesim {

// Edit (Levenshtein) distance between two strings.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The candidate nearest to `given`, when it is near enough to be a plausible misspelling.
std::optional<std::string> nearest(const std::string& given, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or an empty string.
std::string did_you_mean(const std::string& given, const std::vector<std::string>& candidates);

}  // namespace placesim
