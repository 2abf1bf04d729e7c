#include "model/sector.hpp"

#include <cmath>

namespace placesim {

std::optional<Sector> sector_from_name(std::string_view text) {
  for (std::size_t s = 0; s < kSectorCount; ++s) {
    if (kSectorNames[s] == text) return static_cast<Sector>(s);
  }
  return std::nullopt;
}

double culture_distance(const Culture& a, const Culture& b) {
  const double dh = a.hierarchy - b.hierarchy;
  const double dg = a.target_focus - b.target_focus;
  const double dd = a.data_openness - b.data_openness;
  const double dl = a.literacy - b.literacy;
  return std::sqrt(dh * dh + dg * dg + dd * dd + dl * dl) / 2.0;
}

std::optional<Level> level_from_name(std::string_view text) {
  if (text == "place") return Level::Place;
  if (text == "neighbourhood") return Level::Neighbourhood;
  return std::nullopt;
}

std::string_view name(Level level) {
  return level == Level::Place ? "place" : "neighbourhood";
}

}  // namespace placesim
