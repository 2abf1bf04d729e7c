#pragma once
// A thin RAII layer over the HDF5 C API: handles that close themselves, and the few
// operations the results file needs. Every failure throws Hdf5Error with what was tried.
#include <hdf5.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace placesim::hdf5 {

class Hdf5Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns an HDF5 identifier and closes it with the right function.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer close, const std::string& what);
  Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t id() const { return id_; }
  explicit operator bool() const { return id_ >= 0; }
  void reset();

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

// Stops HDF5 printing its error stack on this thread (a thread-safe HDF5 keeps the setting per
// thread); our exceptions say what failed instead. Called by every entry point that opens or
// creates a file.
void silence_errors();
// The name of the file an object belongs to (empty when unknown).
std::string file_of(hid_t object);

// Calls an HDF5 function returning herr_t and throws on failure.
void check(herr_t status, const std::string& what);

Handle create_file(const std::string& path);          // truncates an existing file
Handle open_file(const std::string& path, bool write);
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
Handle open_dataset(hid_t parent, const std::string& name);
bool exists(hid_t parent, const std::string& name);

// A dataset of fixed dimensions; chunk empty for contiguous storage. Chunked datasets are
// compressed with shuffle and deflate at the given level (0: not compressed), and every chunk
// carries a Fletcher-32 checksum, checked by HDF5 whenever it is read.
Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& chunk,
                      const void* fill = nullptr);
Handle create_dataset(hid_t parent, const std::string& name, hid_t type,
                      const std::vector<hsize_t>& dims, const std::vector<hsize_t>& chunk,
                      int deflate_level, const void* fill);

// Writes a block [offset, offset + count) of a dataset from contiguous memory.
void write_block(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
                 const std::vector<hsize_t>& count, const void* data);
void read_block(hid_t dataset, hid_t memory_type, const std::vector<hsize_t>& offset,
                const std::vector<hsize_t>& count, void* data);
void write_all(hid_t dataset, hid_t memory_type, const void* data);
std::vector<hsize_t> dimensions(hid_t dataset);
// The number of values a dataset declares, checked before anything is sized from it: a
// dataset read whole must fit in its file (each value takes at least `bytes_each` bytes there,
// unless compressed; a file of 64 KB declaring 200 million values is damaged, and must not take
// gigabytes to find out).
std::size_t stored_values(hid_t dataset, std::size_t bytes_each = 1);

// Variable-length UTF-8 strings (netCDF's string type).
Handle string_type();
void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
// A 1-D string dataset of `size` entries (chunked by `chunk` when non-zero), written in blocks.
Handle create_strings(hid_t parent, const std::string& name, hsize_t size, hsize_t chunk);
void write_strings_block(hid_t dataset, hsize_t offset, const std::vector<std::string>& values);
std::vector<std::string> read_strings(hid_t dataset);
std::vector<std::string> read_strings_block(hid_t dataset, hsize_t offset, hsize_t count);

// Attributes: variable-length UTF-8 strings (netCDF strings; str in h5py) and 64-bit integers.
// Readers of an attribute take a single value: an array attribute is refused (Hdf5Error).
void set_attribute(hid_t object, const std::string& name, const std::string& value);
void set_attribute(hid_t object, const std::string& name, std::int64_t value);
void set_attribute(hid_t object, const std::string& name, std::uint64_t value);
void set_attribute(hid_t object, const std::string& name, double value);
std::string string_attribute(hid_t object, const std::string& name);
std::int64_t integer_attribute(hid_t object, const std::string& name);
// Every attribute of an object that is text or a number, by name (dimension-scale
// bookkeeping aside).
using AttributeValue = std::variant<std::string, std::int64_t, std::uint64_t, double>;
std::vector<std::pair<std::string, AttributeValue>> plain_attributes(hid_t object);
bool has_attribute(hid_t object, const std::string& name);

// Marks a 1-D dataset as the dimension scale `name` and attaches scales to a variable's
// dimensions, in order.
void make_scale(hid_t dataset, const std::string& name);
void attach_scales(hid_t variable, const std::vector<hid_t>& scales);

// Names of a group's members, in creation order.
std::vector<std::string> members(hid_t group);

}  // namespace placesim::hdf5
