#include "io/stored_design.hpp"

#include <stdexcept>

namespace placesim {

using results::ColumnData;
using results::ColumnType;

StoredDesign::StoredDesign(const std::string& path)
    : file_(hdf5::open_file(path, false)), group_(hdf5::open_group(file_.id(), results::kDesignGroup)) {
  attributes_ = hdf5::plain_attributes(group_.id());
  if (hdf5::exists(group_.id(), results::kParameterDim)) {
    hdf5::Handle parameter = hdf5::open_dataset(group_.id(), results::kParameterDim);
    parameters_ = hdf5::read_strings(parameter.id());
  }
  for (const std::string& name : hdf5::members(group_.id())) {
    if (name == results::kRunDim || name == results::kParameterDim) continue;
    hdf5::Handle dataset = hdf5::open_dataset(group_.id(), name);
    hdf5::Handle type(H5Dget_type(dataset.id()), H5Tclose, "get the type of /design/" + name);
    results::DesignColumn column;
    column.name = name;
    switch (H5Tget_class(type.id())) {
      case H5T_STRING: column.type = ColumnType::Text; break;
      case H5T_FLOAT: column.type = ColumnType::Float64; break;
      case H5T_INTEGER:
        column.type = H5Tget_sign(type.id()) == H5T_SGN_NONE ? ColumnType::UInt64 : ColumnType::Int32;
        break;
      default: throw std::runtime_error("/design/" + name + " has a type placesim does not write");
    }
    const auto dims = hdf5::dimensions(dataset.id());
    column.width = dims.size() > 1 ? static_cast<int>(dims[1]) : 1;
    column.description = hdf5::string_attribute(dataset.id(), "description");
    if (hdf5::has_attribute(dataset.id(), "distribution")) {
      column.attribute_name = "distribution";
      column.attribute_value = hdf5::string_attribute(dataset.id(), "distribution");
    }
    columns_.push_back(column);
  }
}

std::vector<ColumnData> StoredDesign::design_rows(int first, int count) const {
  std::vector<ColumnData> rows;
  for (const results::DesignColumn& c : columns_) {
    hdf5::Handle dataset = hdf5::open_dataset(group_.id(), c.name);
    std::vector<hsize_t> offset = {static_cast<hsize_t>(first)};
    std::vector<hsize_t> extent = {static_cast<hsize_t>(count)};
    if (c.width > 1) {
      offset.push_back(0);
      extent.push_back(static_cast<hsize_t>(c.width));
    }
    const auto values = static_cast<std::size_t>(count) * static_cast<std::size_t>(c.width);
    switch (c.type) {
      case ColumnType::Text:
        rows.emplace_back(hdf5::read_strings_block(dataset.id(), offset[0], extent[0]));
        break;
      case ColumnType::Int32: {
        std::vector<std::int32_t> v(values);
        if (values) hdf5::read_block(dataset.id(), H5T_NATIVE_INT32, offset, extent, v.data());
        rows.emplace_back(std::move(v));
        break;
      }
      case ColumnType::UInt64: {
        std::vector<std::uint64_t> v(values);
        if (values) hdf5::read_block(dataset.id(), H5T_NATIVE_UINT64, offset, extent, v.data());
        rows.emplace_back(std::move(v));
        break;
      }
      case ColumnType::Float64: {
        std::vector<double> v(values);
        if (values) hdf5::read_block(dataset.id(), H5T_NATIVE_DOUBLE, offset, extent, v.data());
        rows.emplace_back(std::move(v));
        break;
      }
    }
  }
  return rows;
}

}  // namespace placesim
