#pragma once
// A checksum of what HDF5's own checksums leave out. HDF5 1.10's format checksums its
// metadata, and the Fletcher-32 filter each chunk; but text stored as variable-length strings
// (the scenario, units, descriptions, strategy labels, issue names) lives in a global heap
// without one, and so do contiguous datasets. The results writer stores a CRC-32 of all of it
// as the root attribute `content_crc32`, and the check of a results file recomputes it: a
// flipped bit anywhere in the file is then found by one checksum or another.
#include <hdf5.h>

#include <cstdint>

namespace placesim {

inline constexpr const char* kContentDigestAttribute = "content_crc32";

// CRC-32 over every object's path and attributes (in name order; the dimension-scale
// references included, the digest itself aside) and over the contents of every dataset that
// is not chunked with a Fletcher-32 checksum.
std::uint32_t content_digest(hid_t file);

}  // namespace placesim
