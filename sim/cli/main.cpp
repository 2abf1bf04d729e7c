#include <cstdio>

#include "model/model.hpp"

int main() {
  placesim::Params params = placesim::default_params();
  placesim::Model model(params, {params.simulation.seed, 0});
  model.run();
  const auto& m = model.metrics();
  for (int t = 0; t < m.months(); t += 6) {
    std::printf("%4d trustX %.3f trustW %.3f mo %.3f ties %.2f strong %.2f amb %.3f res %.3f idx %.3f fat %.3f att %.3f dep %.0f\n",
                t, m.at(t, placesim::Metric::TrustCrossSector), m.at(t, placesim::Metric::TrustWithinSector),
                m.at(t, placesim::Metric::TrustMemberOfficer), m.at(t, placesim::Metric::CrossSectorTies),
                m.at(t, placesim::Metric::StrongCrossSectorTies), m.at(t, placesim::Metric::SharedAmbition),
                m.at(t, placesim::Metric::AlignmentWithResidents), m.at(t, placesim::Metric::PlaceIndex),
                m.at(t, placesim::Metric::Fatigue), m.at(t, placesim::Metric::Attention),
                m.at(t, placesim::Metric::Departures));
  }
  return 0;
}
