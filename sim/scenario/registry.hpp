#pragma once
// The parameter registry: every model parameter declared once, with its name, type, default,
// range, unit, description and source. Scenario validation, --set, `placesim validate`,
// docs/scenarios.md and default_params() all read it.
//
// Scalars have dotted keys ("trust.learning_down"). Tables (sectors, issues, roles, forums)
// are keyed by row name ("issues.community_safety.wickedness"); a scenario that names a row
// changes only the fields it sets, and a new name adds a row whose unset fields take the
// field defaults.
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/params.hpp"
#include "scenario/value.hpp"

namespace placesim {

struct FieldInfo {
  std::string key;  // scalars: the dotted key; table fields: the field name
  ValueType type = ValueType::Real;
  Value default_value;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;  // allowed values of a Choice
  std::string unit;
  std::string description;
  std::string source;
};

template <class Owner>
struct Field : FieldInfo {
  std::function<Value(const Owner&)> get;
  std::function<void(Owner&, const Value&)> set;
};

// A keyed table of rows.
class Table {
 public:
  virtual ~Table() = default;
  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }
  virtual std::vector<FieldInfo> fields() const = 0;
  virtual const FieldInfo* find_field(std::string_view field) const = 0;
  virtual std::vector<std::string> row_names(const Params& params) const = 0;
  virtual bool has_row(const Params& params, std::string_view row) const = 0;
  virtual Value get(const Params& params, std::string_view row, std::string_view field) const = 0;
  // Sets a field, adding the row with every field at its default when it does not exist.
  virtual void set(Params& params, std::string_view row, std::string_view field,
                   const Value& value) const = 0;
  // Replaces the table's rows in params with the registry's default rows.
  virtual void apply_defaults(Params& params) const = 0;

 protected:
  Table(std::string name, std::string description)
      : name_(std::move(name)), description_(std::move(description)) {}

 private:
  std::string name_;
  std::string description_;
};

class Registry {
 public:
  static const Registry& instance();

  const std::vector<Field<Params>>& scalars() const { return scalars_; }
  const std::vector<std::unique_ptr<Table>>& tables() const { return tables_; }
  const Field<Params>* find_scalar(std::string_view key) const;
  const Table* find_table(std::string_view name) const;
  Params defaults() const;

  // Used by the declarations in registry.cpp.
  void add(Field<Params> field) { scalars_.push_back(std::move(field)); }
  void add(std::unique_ptr<Table> table) { tables_.push_back(std::move(table)); }

 private:
  Registry();
  std::vector<Field<Params>> scalars_;
  std::vector<std::unique_ptr<Table>> tables_;
};

}  // namespace placesim
