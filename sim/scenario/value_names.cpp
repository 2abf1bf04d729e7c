#include "scenario/value_names.hpp"

#include <stdexcept>

namespace placesim {

namespace {

template <class Enum, std::size_t N>
Value enum_value(Enum v, const std::array<std::string_view, N>& names) {
  return std::string(names[static_cast<std::size_t>(v)]);
}

template <class Enum, std::size_t N>
void enum_from(const Value& v, Enum& out, const std::array<std::string_view, N>& names) {
  const auto* text = std::get_if<std::string>(&v);
  for (std::size_t i = 0; text && i < N; ++i) {
    if (names[i] == *text) {
      out = static_cast<Enum>(i);
      return;
    }
  }
  throw std::logic_error("an unknown choice reached the model");
}

// The fields of InterventionEffects in the order of kEffectNames.
double* effect_fields(InterventionEffects& e, std::size_t i) {
  double* fields[] = {&e.capacity, &e.knowledge, &e.literacy, &e.trust, &e.priorities, &e.focus};
  return fields[i];
}

}  // namespace

Value to_value(Level v) { return enum_value(v, kLevelNames); }
Value to_value(CouncilRole v) { return enum_value(v, kCouncilRoleNames); }
Value to_value(Trigger v) { return enum_value(v, kTriggerNames); }
Value to_value(Targeting v) { return enum_value(v, kTargetingNames); }
Value to_value(FocalRule v) { return enum_value(v, kFocalRuleNames); }
Value to_value(FocalLevel v) { return enum_value(v, kFocalLevelNames); }
Value to_value(PriorityTarget v) { return enum_value(v, kPriorityTargetNames); }
void from_value(const Value& v, Level& out) { enum_from(v, out, kLevelNames); }
void from_value(const Value& v, CouncilRole& out) { enum_from(v, out, kCouncilRoleNames); }
void from_value(const Value& v, Trigger& out) { enum_from(v, out, kTriggerNames); }
void from_value(const Value& v, Targeting& out) { enum_from(v, out, kTargetingNames); }
void from_value(const Value& v, FocalRule& out) { enum_from(v, out, kFocalRuleNames); }
void from_value(const Value& v, FocalLevel& out) { enum_from(v, out, kFocalLevelNames); }
void from_value(const Value& v, PriorityTarget& out) { enum_from(v, out, kPriorityTargetNames); }

Value to_value(const InterventionEffects& v) {
  NamedReals named;
  InterventionEffects copy = v;
  for (std::size_t i = 0; i < kEffectNames.size(); ++i) {
    const double x = *effect_fields(copy, i);
    if (x != 0.0) named[std::string(kEffectNames[i])] = x;
  }
  return named;
}

void from_value(const Value& v, InterventionEffects& out) {
  const auto* named = std::get_if<NamedReals>(&v);
  if (!named) throw std::logic_error("effects of the wrong type reached the interventions");
  out = {};
  for (const auto& [name, x] : *named) {
    bool found = false;
    for (std::size_t i = 0; i < kEffectNames.size(); ++i) {
      if (kEffectNames[i] == name) {
        *effect_fields(out, i) = x;
        found = true;
      }
    }
    if (!found) throw std::logic_error("an unknown effect reached the interventions");
  }
}

}  // namespace placesim
