#include "experiment/run_block.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <map>
#include <optional>

#include "model/invariants.hpp"
#include "model/model.hpp"

namespace placesim {

namespace {

// A configuration, or why the point cannot be run.
struct Variant {
  std::int64_t point = 0;
  int strategy = 0;
  int draw = -1;  // the posterior draw, or -1
  std::shared_ptr<const Configuration> configuration;
  std::string failure;
};

}  // namespace

EncodedBlock run_block(const Plan& plan, const results::Layout& layout, int block) {
  const int first = layout.first_run(block);
  const int count = layout.runs_in(block);

  // The block's distinct (point, strategy, posterior draw) triples, built once each and in
  // parallel.
  std::vector<Variant> variants;
  std::vector<std::size_t> variant_of(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const RunAddress a = plan.address(first + i);
    const int draw = plan.draw(a);
    if (variants.empty() || variants.back().point != a.point || variants.back().strategy != a.strategy ||
        variants.back().draw != draw) {
      variants.push_back({a.point, a.strategy, draw, nullptr, ""});
    }
    variant_of[static_cast<std::size_t>(i)] = variants.size() - 1;
  }
  tbb::parallel_for(std::size_t{0}, variants.size(), [&](std::size_t v) {
    try {
      variants[v].configuration = plan.configuration(variants[v].point, variants[v].strategy, variants[v].draw);
    } catch (const std::exception& e) {
      variants[v].failure = e.what();
    }
  });

  std::vector<std::optional<MetricSeries>> series(static_cast<std::size_t>(count));
  std::vector<std::string> messages(static_cast<std::size_t>(count));
  tbb::parallel_for(0, count, [&](int i) {
    const auto slot = static_cast<std::size_t>(i);
    const Variant& variant = variants[variant_of[slot]];
    if (!variant.configuration) {
      messages[slot] = variant.failure;
      return;
    }
    try {
      const RunAddress a = plan.address(first + i);
      Model model(variant.configuration, {plan.seed(), plan.stream(a)});
      model.run();
      check_invariants(model.metrics());
      series[slot].emplace(std::move(model).take_metrics());
    } catch (const std::exception& e) {
      messages[slot] = e.what();
    }
  });

  std::vector<const MetricSeries*> runs;
  for (const auto& s : series) runs.push_back(s ? &*s : nullptr);
  return encode_block(layout, block, runs, messages);
}

}  // namespace placesim
