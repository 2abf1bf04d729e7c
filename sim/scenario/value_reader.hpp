#pragma once
// Reading TOML values for registry keys: type and range checks with the file, line and key
// of every error. Shared by the scenario reader and the [sweep] reader.
#include <toml.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scenario/registry.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/value.hpp"

namespace placesim {

using TomlValue = toml::value;

SourcePosition position(const std::string& source, const TomlValue& value);
// Parses TOML text after check_toml_limits; a syntax error becomes a ScenarioError at its line.
TomlValue parse_toml(const std::string& text, const std::string& source);
// "an integer", "a table", ... for messages.
std::string toml_type(const TomlValue& value);
// What a field accepts, for messages: "a number", "one of \"place\", \"neighbourhood\"".
std::string expected(const FieldInfo& field);
// "from 0 to 1", "at least 0".
std::string range_text(const FieldInfo& field);
// A table's entries in the order they appear in the file.
std::vector<std::pair<std::string, const TomlValue*>> in_file_order(const TomlValue& table);

// Converts a TOML value for a field, checking its type and range; errors name `path`.
Value convert_value(const FieldInfo& field, const std::string& path, const TomlValue& value,
                    const SourcePosition& where);

// A key path of the registry: a scalar ("trust.decay"), a table field
// ("interventions.peer_review.cost_per_session"), or one named value of a table field that holds
// them ("interventions.co_design.effects.trust", "place.issues.community_safety.weights.police"),
// so that a sweep can vary each on its own.
struct KeyPath {
  std::string path;
  const FieldInfo* field = nullptr;  // null when the key is unknown
  const Table* table = nullptr;      // null for scalars
  std::string row, field_name;       // table fields only
  std::string entry;                 // a named value inside field_name, or empty
  std::shared_ptr<const FieldInfo> entry_field;  // that value's field: a real in the table field's range
};

KeyPath resolve_key(const std::string& path);
// The key's value in params (a table field of a missing row: the field's default).
Value get_key(const Params& params, const KeyPath& key);
// Sets the key, adding a table row with default fields when it does not exist.
void set_key(Params& params, const KeyPath& key, const Value& value);

}  // namespace placesim
