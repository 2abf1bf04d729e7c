#pragma once
// Concrete tables of the registry: rows keyed by name, with typed fields.
#include <algorithm>
#include <stdexcept>
#include <utility>

#include "scenario/registry.hpp"

namespace placesim {

// The fields a default row sets; the others take the field defaults.
struct DefaultRow {
  std::string name;
  std::vector<std::pair<std::string, Value>> values;
};

template <class Row>
class RowTable : public Table {
 public:
  RowTable(std::string name, std::string description) : Table(std::move(name), std::move(description)) {}

  template <class Ref>
  RowTable& field(FieldInfo info, Ref ref) {
    Field<Row> f;
    static_cast<FieldInfo&>(f) = std::move(info);
    f.get = [ref](const Row& row) { return to_value(ref(const_cast<Row&>(row))); };
    f.set = [ref](Row& row, const Value& value) { from_value(value, ref(row)); };
    fields_.push_back(std::move(f));
    return *this;
  }
  RowTable& default_row(DefaultRow row) {
    default_rows_.push_back(std::move(row));
    return *this;
  }
  const std::vector<DefaultRow>& default_rows() const { return default_rows_; }

  std::vector<FieldInfo> fields() const override {
    return std::vector<FieldInfo>(fields_.begin(), fields_.end());
  }
  const FieldInfo* find_field(std::string_view field) const override { return typed_field(field); }

  Value get(const Params& params, std::string_view row, std::string_view field) const override {
    const Row* r = find_row(const_cast<Params&>(params), row);
    const Field<Row>* f = typed_field(field);
    if (!r || !f) throw std::out_of_range("no parameter " + name() + "." + std::string(row) + "." + std::string(field));
    return f->get(*r);
  }
  void set(Params& params, std::string_view row, std::string_view field,
           const Value& value) const override {
    const Field<Row>* f = typed_field(field);
    if (!f) throw std::out_of_range("no field " + std::string(field) + " in " + name());
    Row* r = find_row(params, row);
    if (!r) r = &add_row(params, row);
    f->set(*r, value);
  }
  bool has_row(const Params& params, std::string_view row) const override {
    return find_row(const_cast<Params&>(params), row) != nullptr;
  }

  // Replaces the table's rows in params with the default rows.
  void apply_defaults(Params& params) const override {
    clear_rows(params);
    for (const DefaultRow& row : default_rows_) {
      Row* r = find_row(params, row.name);
      if (!r) r = &add_row(params, row.name);
      for (const auto& [field, value] : row.values) typed_field(field)->set(*r, value);
    }
  }

 protected:
  // A row with every field at its default.
  Row fresh_row() const {
    Row row{};
    for (const Field<Row>& f : fields_) f.set(row, f.default_value);
    return row;
  }
  virtual Row* find_row(Params& params, std::string_view row) const = 0;
  virtual Row& add_row(Params& params, std::string_view row) const = 0;
  virtual void clear_rows(Params& params) const = 0;

 private:
  const Field<Row>* typed_field(std::string_view field) const {
    for (const Field<Row>& f : fields_) {
      if (f.key == field) return &f;
    }
    return nullptr;
  }
  std::vector<Field<Row>> fields_;
  std::vector<DefaultRow> default_rows_;
};

// Rows held in a vector, each with a `name` member (sectors, issues, roles, forums, interventions,
// strategies).
template <class Row>
class NamedRowTable : public RowTable<Row> {
 public:
  using Rows = std::vector<Row>& (*)(Params&);
  NamedRowTable(std::string name, std::string description, Rows rows)
      : RowTable<Row>(std::move(name), std::move(description)), rows_(rows) {}
  std::vector<std::string> row_names(const Params& params) const override {
    std::vector<std::string> names;
    for (const Row& row : rows_(const_cast<Params&>(params))) names.push_back(row.name);
    return names;
  }

 protected:
  Row* find_row(Params& params, std::string_view row) const override {
    auto& rows = rows_(params);
    auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.name == row; });
    return it == rows.end() ? nullptr : &*it;
  }
  Row& add_row(Params& params, std::string_view row) const override {
    Row fresh = this->fresh_row();
    fresh.name = std::string(row);
    return rows_(params).emplace_back(std::move(fresh));
  }
  void clear_rows(Params& params) const override { rows_(params).clear(); }

 private:
  Rows rows_;
};

}  // namespace placesim
