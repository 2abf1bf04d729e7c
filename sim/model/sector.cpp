#include "model/sector.hpp"

#include <cmath>

namespace placesim {

double culture_distance(const Culture& a, const Culture& b) {
  const double dh = a.hierarchy - b.hierarchy;
  const double dg = a.target_focus - b.target_focus;
  const double dd = a.data_openness - b.data_openness;
  const double dl = a.literacy - b.literacy;
  return std::sqrt(dh * dh + dg * dg + dd * dd + dl * dl) / 2.0;
}

}  // namespace placesim
