#include "io/hdf5.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <filesystem>
#include <limits>

namespace placesim::hdf5 {

namespace {
// Library settings, once: HDF5 prints its own error stack by default, and our exceptions say
// what failed instead; and its free lists keep every block it ever freed, unbounded, which
// would make a long sweep's memory grow with its runs.
//
// And the library does not register its own shutdown with atexit: after a failed write (a
// full disk) HDF5's shutdown would try to flush that file again and crash the process. Every
// object is closed by its Handle before the program ends, so the shutdown has nothing to do.
struct LibrarySettings {
  LibrarySettings() {
    H5dont_atexit();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    constexpr int kGlobal = 1 << 20, kList = 256 << 10;
    H5set_free_list_limits(kGlobal, kList, kGlobal, kList, kGlobal, kList);
  }
} settings;

Handle property_list(hid_t cls, const std::string& what) { return Handle(H5Pcreate(cls), H5Pclose, what); }

// An attribute is read into one value: HDF5 would write an array attribute's every value there.
void require_single_value(hid_t attribute, const std::string& name) {
  Handle space(H5Aget_space(attribute), H5Sclose, "get the space of attribute " + name);
  if (H5Sget_simple_extent_npoints(space.id()) != 1) throw Hdf5Error("HDF5: attribute " + name + " is not a single value");
}
}  // namespace

void silence_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

std::string file_of(hid_t object) {
  const ssize_t length = H5Fget_name(object, nullptr, 0);
  if (length <= 0) return "";
  std::string name(static_cast<std::size_t>(length) + 1, '\0');
  H5Fget_name(object, name.data(), name.size());
  name.resize(static_cast<std::size_t>(length));
  return name;
}

namespace {
// " in FILE", for the messages of operations on an object of a file.
std::string in_file(hid_t object) {
  const std::string file = file_of(object);
  return file.empty() ? "" : " in " + file;
}
// "/metrics/place_index in FILE"
std::string describe(hid_t object) {
  std::string name;
  const ssize_t length = H5Iget_name(object, nullptr, 0);
  if (length > 0) {
    name.assign(static_cast<std::size_t>(length) + 1, '\0');
    H5Iget_name(object, name.data(), name.size());
    name.resize(static_cast<std::size_t>(length));
  }
  return (name.empty() ? "a dataset" : name) + in_file(object);
}
}  // namespace

Handle::Handle(hid_t id, Closer close, const std::string& what) : id_(id), close_(close) {
  if (id < 0) throw Hdf5Error("HDF5: cannot " + what);
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    close_ = other.close_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

void Handle::reset() {
  if (id_ >= 0 && close_) close_(id_);
  id_ = H5I_INVALID_HID;
}

void check(herr_t status, const std::string& what) {
  if (status < 0) throw Hdf5Error("HDF5: cannot " + what);
}

Handle create_file(const std::string& path) {
  // Groups track creation order, as netCDF-4 expects.
  Handle fcpl = property_list(H5P_FILE_CREATE, "make a file property list");
  check(H5Pset_link_creation_order(fcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "set creation order");
  // A bounded metadata cache: HDF5's grows up to 32 MiB as a file gains chunks, and a
  // writer's memory must not grow with the number of runs. Chunks are written once, so a
  // small cache loses nothing.
  Handle fapl = property_list(H5P_FILE_ACCESS, "make a file access property list");
  H5AC_cache_config_t cache;
  cache.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  check(H5Pget_mdc_config(fapl.id(), &cache), "read the metadata cache configuration");
  cache.set_initial_size = true;
  cache.initial_size = 1 << 20;
  cache.max_size = 4 << 20;
  cache.min_size = 1 << 20;
  check(H5Pset_mdc_config(fapl.id(), &cache), "bound the metadata cache");
  // The HDF5 1.10 format indexes a fixed-size dataset's chunks with a fixed array instead of
  // a B-tree: writing a chunk costs the same whatever the number of chunks before it. Read
  // by every HDF5 1.10+ client (h5py, xarray, netCDF 4.6+).
  check(H5Pset_libver_bounds(fapl.id(), H5F_LIBVER_V110, H5F_LIBVER_V110), "choose the file format");
  silence_errors();
  return Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.id(), fapl.id()), H5Fclose,
                "create " + path);
}

Handle open_file(const std::string& path, bool write) {
  silence_errors();
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw Hdf5Error("there is no file " + path);
  if (std::filesystem::is_directory(status)) throw Hdf5Error(path + " is a folder, not a results file");
  if (!std::filesystem::is_regular_file(status)) throw Hdf5Error(path + " is not a regular file");
  if (H5Fis_hdf5(path.c_str()) <= 0) throw Hdf5Error(path + " is not an HDF5 file");
  const hid_t file = H5Fopen(path.c_str(), write ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT);
  // Its signature is there but its structure is not: most often a copy or a download that
  // stopped part way. "cannot open" alone would send the user looking at permissions.
  if (file < 0) throw Hdf5Error(path + " starts as an HDF5 file but cannot be opened: it is damaged or cut short");
  return Handle(file, H5Fclose, "open " + path);
}

Handle create_group(hid_t parent, const std::string& name) {
  Handle gcpl = property_list(H5P_GROUP_CREATE, "make a group property list");
  check(H5Pset_link_creation_order(gcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "set creation order");
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.id(), H5P_DEFAULT), H5Gclose,
                "create group " + name);
}

Handle open_group(hid_t parent, const std::string& name) {
  return Handle(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose, "open group " + name + in_file(parent));
}

Handle open_dataset(hid_t parent, const std::string& name) {
  return Handle(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "open dataset " + name + in_file(parent));
}

bool exists(hid_t parent, const std::string& name) {
  return H5Lexists(parent, name.c_str(), H5P_DEFAULT) > 0;
}

Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& chunk,
                      const void* fill) {
  return create_dataset(parent, name, type, dims, chunk, 0, fill);
}

Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& chunk,
                      int deflate_level, const void* fill) {
  Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose,
               "make the dataspace of " + name);
  Handle dcpl = property_list(H5P_DATASET_CREATE, "make a dataset property list");
  if (!chunk.empty()) {
    check(H5Pset_chunk(dcpl.id(), static_cast<int>(chunk.size()), chunk.data()), "chunk " + name);
    if (deflate_level > 0) {
      check(H5Pset_shuffle(dcpl.id()), "shuffle " + name);
      check(H5Pset_deflate(dcpl.id(), static_cast<unsigned>(deflate_level)), "compress " + name);
    }
    // Last in the pipeline, over the stored bytes: every reader finds a damaged chunk.
    // (HDF5 cannot checksum variable-length strings: their chunks hold references to a heap.)
    if (H5Tis_variable_str(type) <= 0) check(H5Pset_fletcher32(dcpl.id()), "checksum " + name);
  }
  if (fill) check(H5Pset_fill_value(dcpl.id(), type, fill), "set the fill value of " + name);
  return Handle(H5Dcreate2(parent, name.c_str(), type, space.id(), H5P_DEFAULT, dcpl.id(), H5P_DEFAULT),
                H5Dclose, "create dataset " + name);
}

namespace {
Handle selection(hid_t dataset, const std::vector<hsize_t>& offset, const std::vector<hsize_t>& count) {
  Handle file_space(H5Dget_space(dataset), H5Sclose, "get a dataspace");
  check(H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, offset.data(), nullptr, count.data(), nullptr),
        "select a block");
  return file_space;
}
}  // namespace

void write_block(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
                 const std::vector<hsize_t>& count, const void* data) {
  Handle file_space = selection(dataset, offset, count);
  Handle memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose,
                      "make a memory dataspace");
  check(H5Dwrite(dataset, memory_type, memory_space.id(), file_space.id(), H5P_DEFAULT, data),
        "write to " + describe(dataset));
}

void read_block(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
                const std::vector<hsize_t>& count, void* data) {
  Handle file_space = selection(dataset, offset, count);
  Handle memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose,
                      "make a memory dataspace");
  check(H5Dread(dataset, memory_type, memory_space.id(), file_space.id(), H5P_DEFAULT, data),
        "read " + describe(dataset) + " (is the file damaged?)");
}

void write_all(hid_t dataset, hid_t memory_type, const void* data) {
  check(H5Dwrite(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write " + describe(dataset));
}

std::vector<hsize_t> dimensions(hid_t dataset) {
  Handle space(H5Dget_space(dataset), H5Sclose, "get a dataspace");
  const int rank = H5Sget_simple_extent_ndims(space.id());
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  return dims;
}

std::size_t stored_values(hid_t dataset, std::size_t bytes_each) {
  std::uint64_t count = 1;
  for (const hsize_t d : dimensions(dataset)) {
    if (d != 0 && count > std::numeric_limits<std::uint64_t>::max() / d) count = std::numeric_limits<std::uint64_t>::max();
    else count *= d;
  }
  hsize_t file_size = 0;
  const hid_t file = H5Iget_file_id(dataset);
  if (file >= 0) {
    H5Fget_filesize(file, &file_size);
    H5Fclose(file);
  }
  if (count > file_size / std::max<std::size_t>(bytes_each, 1)) {
    throw Hdf5Error(describe(dataset) + " declares " + std::to_string(count) + " values, more than the file's " +
                    std::to_string(file_size) + " bytes can hold: the file is damaged");
  }
  return static_cast<std::size_t>(count);
}

Handle string_type() {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "copy the string type");
  check(H5Tset_size(type.id(), H5T_VARIABLE), "make a variable-length string type");
  check(H5Tset_cset(type.id(), H5T_CSET_UTF8), "make a UTF-8 string type");
  return type;
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  Handle type = string_type();
  Handle dataset = create_dataset(parent, name, type.id(), {values.size()}, {});
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  if (!values.empty()) write_all(dataset.id(), type.id(), pointers.data());
}

Handle create_strings(hid_t parent, const std::string& name, hsize_t size, hsize_t chunk) {
  Handle type = string_type();
  return create_dataset(parent, name, type.id(), {size}, chunk > 0 ? std::vector<hsize_t>{chunk} : std::vector<hsize_t>{});
}

void write_strings_block(hid_t dataset, hsize_t offset, const std::vector<std::string>& values) {
  if (values.empty()) return;
  Handle type = string_type();
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  write_block(dataset, type.id(), {offset}, {values.size()}, pointers.data());
}

std::vector<std::string> read_strings(hid_t dataset) {
  std::vector<char*> pointers(stored_values(dataset), nullptr);
  Handle type = string_type();
  if (!pointers.empty()) {
    check(H5Dread(dataset, type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
          "read " + describe(dataset) + " (is the file damaged?)");
  }
  std::vector<std::string> values;
  for (char* p : pointers) {
    values.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return values;
}

std::vector<std::string> read_strings_block(hid_t dataset, hsize_t offset, hsize_t count) {
  std::vector<char*> pointers(count, nullptr);
  Handle type = string_type();
  if (count) read_block(dataset, type.id(), {offset}, {count}, pointers.data());
  std::vector<std::string> values;
  for (char* p : pointers) {
    values.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return values;
}

void set_attribute(hid_t object, const std::string& name, const std::string& value) {
  Handle type = string_type();
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  if (H5Aexists(object, name.c_str()) > 0) check(H5Adelete(object, name.c_str()), "replace attribute " + name);
  Handle attribute(H5Acreate2(object, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                   "create attribute " + name);
  const char* text = value.c_str();
  check(H5Awrite(attribute.id(), type.id(), &text), "write attribute " + name);
}

namespace {
template <class T>
void set_number(hid_t object, const std::string& name, hid_t type, T value) {
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "make a scalar dataspace");
  if (H5Aexists(object, name.c_str()) > 0) check(H5Adelete(object, name.c_str()), "replace attribute " + name);
  Handle attribute(H5Acreate2(object, name.c_str(), type, space.id(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                   "create attribute " + name);
  check(H5Awrite(attribute.id(), type, &value), "write attribute " + name);
}
}  // namespace

void set_attribute(hid_t object, const std::string& name, std::int64_t value) {
  set_number(object, name, H5T_NATIVE_INT64, value);
}
void set_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  set_number(object, name, H5T_NATIVE_UINT64, value);
}
void set_attribute(hid_t object, const std::string& name, double value) {
  set_number(object, name, H5T_NATIVE_DOUBLE, value);
}

bool has_attribute(hid_t object, const std::string& name) { return H5Aexists(object, name.c_str()) > 0; }

std::string string_attribute(hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name + in_file(object));
  require_single_value(attribute.id(), name + in_file(object));
  Handle type(H5Aget_type(attribute.id()), H5Tclose, "get the type of attribute " + name);
  if (H5Tget_class(type.id()) != H5T_STRING) throw Hdf5Error("HDF5: attribute " + name + in_file(object) + " is not text");
  if (H5Tis_variable_str(type.id()) > 0) {
    char* text = nullptr;
    Handle memory = string_type();
    check(H5Aread(attribute.id(), memory.id(), &text), "read attribute " + name);
    std::string value = text ? text : "";
    H5free_memory(text);
    return value;
  }
  const std::size_t size = H5Tget_size(type.id());
  if (size > (std::size_t{1} << 30)) throw Hdf5Error("HDF5: attribute " + name + in_file(object) + " is damaged");
  std::string value(size, '\0');
  check(H5Aread(attribute.id(), type.id(), value.data()), "read attribute " + name);
  return value.substr(0, value.find('\0'));
}

std::int64_t integer_attribute(hid_t object, const std::string& name) {
  Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name + in_file(object));
  require_single_value(attribute.id(), name + in_file(object));
  std::int64_t value = 0;
  check(H5Aread(attribute.id(), H5T_NATIVE_INT64, &value), "read attribute " + name + in_file(object));
  return value;
}

std::vector<std::pair<std::string, AttributeValue>> plain_attributes(hid_t object) {
  H5O_info_t info;
  check(H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS), "count attributes");
  std::vector<std::pair<std::string, AttributeValue>> found;
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    Handle attribute(H5Aopen_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                     "open an attribute");
    const ssize_t length = H5Aget_name(attribute.id(), 0, nullptr);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(length, 0)) + 1, '\0');
    H5Aget_name(attribute.id(), name.size(), name.data());
    name.resize(static_cast<std::size_t>(std::max<ssize_t>(length, 0)));
    if (name == "CLASS" || name == "NAME" || name == "REFERENCE_LIST" || name == "DIMENSION_LIST") continue;
    Handle type(H5Aget_type(attribute.id()), H5Tclose, "get the type of attribute " + name);
    require_single_value(attribute.id(), name);
    switch (H5Tget_class(type.id())) {
      case H5T_STRING: found.emplace_back(name, string_attribute(object, name)); break;
      case H5T_INTEGER:
        if (H5Tget_sign(type.id()) == H5T_SGN_NONE) {
          std::uint64_t value = 0;
          check(H5Aread(attribute.id(), H5T_NATIVE_UINT64, &value), "read attribute " + name);
          found.emplace_back(name, value);
        } else {
          found.emplace_back(name, integer_attribute(object, name));
        }
        break;
      case H5T_FLOAT: {
        double value = 0;
        check(H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &value), "read attribute " + name);
        found.emplace_back(name, value);
        break;
      }
      default: break;
    }
  }
  return found;
}

void make_scale(hid_t dataset, const std::string& name) {
  check(H5DSset_scale(dataset, name.c_str()), "make dimension scale " + name);
}

void attach_scales(hid_t variable, const std::vector<hid_t>& scales) {
  for (unsigned d = 0; d < scales.size(); ++d) {
    check(H5DSattach_scale(variable, scales[d], d), "attach a dimension scale");
  }
}

std::vector<std::string> members(hid_t group) {
  H5G_info_t info;
  check(H5Gget_info(group, &info), "list " + describe(group));
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = H5Lget_name_by_idx(group, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (size < 0) throw Hdf5Error("HDF5: cannot list " + describe(group) + " in creation order");
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(size));
    names.push_back(name);
  }
  return names;
}

}  // namespace placesim::hdf5
