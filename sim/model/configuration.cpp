#include "model/configuration.hpp"

namespace placesim {

std::shared_ptr<const Configuration> configure(Params params) {
  auto configuration = std::make_shared<Configuration>();
  configuration->place = build_place(params);
  configuration->params = std::move(params);
  return configuration;
}

}  // namespace placesim
