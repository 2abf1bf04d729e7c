#include "io/content_digest.hpp"

#include <libdeflate.h>

#include <string>
#include <variant>
#include <vector>

#include "io/hdf5.hpp"

namespace placesim {

namespace {

class Digest {
 public:
  void add(const void* data, std::size_t size) {
    // (libdeflate_crc32 given a null buffer returns the initial value: an empty dataset's
    // null data() would start the sum again.)
    if (size > 0) crc_ = libdeflate_crc32(crc_, data, size);
  }
  void add(const std::string& text) {
    const auto size = static_cast<std::uint64_t>(text.size());
    add(&size, sizeof size);  // lengths first, so that "ab" + "c" and "a" + "bc" differ
    add(text.data(), text.size());
  }
  std::uint32_t value() const { return crc_; }

 private:
  std::uint32_t crc_ = 0;
};

bool checksummed_chunks(hid_t dataset) {
  hdf5::Handle dcpl(H5Dget_create_plist(dataset), H5Pclose, "get a dataset's creation properties");
  if (H5Pget_layout(dcpl.id()) != H5D_CHUNKED) return false;
  const int filters = H5Pget_nfilters(dcpl.id());
  for (int f = 0; f < filters; ++f) {
    unsigned flags = 0;
    std::size_t values = 0;
    unsigned config = 0;
    if (H5Pget_filter2(dcpl.id(), static_cast<unsigned>(f), &flags, &values, nullptr, 0, nullptr, &config) ==
        H5Z_FILTER_FLETCHER32) {
      return true;
    }
  }
  return false;
}

void add_dataset(Digest& digest, hid_t dataset) {
  if (checksummed_chunks(dataset)) return;
  hdf5::Handle type(H5Dget_type(dataset), H5Tclose, "get a dataset's type");
  if (H5Tis_variable_str(type.id()) > 0) {
    for (const std::string& s : hdf5::read_strings(dataset)) digest.add(s);
    return;
  }
  const std::size_t size = H5Tget_size(type.id());
  std::vector<std::uint8_t> bytes(hdf5::stored_values(dataset, size) * size);
  if (!bytes.empty()) hdf5::check(H5Dread(dataset, type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()), "read a dataset");
  digest.add(bytes.data(), bytes.size());
}

// Dimension scales keep the references to their variables in a REFERENCE_LIST attribute of
// fixed-size records (object address, dimension), which plain_attributes leaves out.
void add_reference_list(Digest& digest, hid_t object) {
  if (H5Aexists(object, "REFERENCE_LIST") <= 0) return;
  hdf5::Handle attribute(H5Aopen(object, "REFERENCE_LIST", H5P_DEFAULT), H5Aclose, "open REFERENCE_LIST");
  hdf5::Handle type(H5Aget_type(attribute.id()), H5Tclose, "get the type of REFERENCE_LIST");
  if (H5Tdetect_class(type.id(), H5T_VLEN) > 0 || H5Tis_variable_str(type.id()) > 0) return;
  hdf5::Handle space(H5Aget_space(attribute.id()), H5Sclose, "get the space of REFERENCE_LIST");
  const hssize_t points = H5Sget_simple_extent_npoints(space.id());
  if (points <= 0) return;
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(points) * H5Tget_size(type.id()));
  hdf5::check(H5Aread(attribute.id(), type.id(), bytes.data()), "read REFERENCE_LIST");
  digest.add(bytes.data(), bytes.size());
}

// And each variable the references to its dimensions' scales, in DIMENSION_LIST: one
// variable-length list of object references per dimension (kept in the global heap).
void add_dimension_list(Digest& digest, hid_t object) {
  if (H5Aexists(object, "DIMENSION_LIST") <= 0) return;
  hdf5::Handle attribute(H5Aopen(object, "DIMENSION_LIST", H5P_DEFAULT), H5Aclose, "open DIMENSION_LIST");
  hdf5::Handle type(H5Aget_type(attribute.id()), H5Tclose, "get the type of DIMENSION_LIST");
  if (H5Tget_class(type.id()) != H5T_VLEN) return;
  hdf5::Handle base(H5Tget_super(type.id()), H5Tclose, "get the references' type");
  hdf5::Handle space(H5Aget_space(attribute.id()), H5Sclose, "get the space of DIMENSION_LIST");
  const hssize_t points = H5Sget_simple_extent_npoints(space.id());
  if (points <= 0) return;
  std::vector<hvl_t> lists(static_cast<std::size_t>(points));
  hdf5::check(H5Aread(attribute.id(), type.id(), lists.data()), "read DIMENSION_LIST");
  const std::size_t size = H5Tget_size(base.id());
  for (const hvl_t& list : lists) {
    const auto length = static_cast<std::uint64_t>(list.len);
    digest.add(&length, sizeof length);
    if (list.p) digest.add(list.p, list.len * size);
  }
  H5Dvlen_reclaim(type.id(), space.id(), H5P_DEFAULT, lists.data());
}

void add_attributes(Digest& digest, hid_t object) {
  add_reference_list(digest, object);
  add_dimension_list(digest, object);
  for (const auto& [name, value] : hdf5::plain_attributes(object)) {
    if (name == kContentDigestAttribute) continue;
    digest.add(name);
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
            digest.add(v);
          } else {
            digest.add(&v, sizeof v);
          }
        },
        value);
  }
}

struct Visit {
  Digest digest;
  std::string failure;
};

herr_t visit_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
  auto* visit = static_cast<Visit*>(data);
  try {
    visit->digest.add(std::string(name));
    hdf5::Handle object(H5Oopen(root, name, H5P_DEFAULT), H5Oclose, std::string("open ") + name);
    add_attributes(visit->digest, object.id());
    if (info->type == H5O_TYPE_DATASET) add_dataset(visit->digest, object.id());
  } catch (const std::exception& e) {
    visit->failure = e.what();
    return -1;
  }
  return 0;
}

}  // namespace

std::uint32_t content_digest(hid_t file) {
  Visit visit;
  const herr_t status = H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, visit_object, &visit, H5O_INFO_ALL);
  if (!visit.failure.empty()) throw hdf5::Hdf5Error(visit.failure);
  hdf5::check(status, "visit every object of " + hdf5::file_of(file));
  return visit.digest.value();
}

}  // namespace placesim
