"""The checksum of what HDF5's own checksums leave out, as the engine computes it
(sim/io/content_digest.hpp): a CRC-32 over every object's path and attributes, in name order,
and over the contents of every dataset not chunked with a Fletcher-32 checksum. The files this
package writes for the engine to read (calibration files) carry it as the root attribute
content_crc32, and the engine recomputes it: a flipped bit anywhere in the file is found.

This is the engine's definition for the objects this package writes: groups, datasets of
numbers or strings, and attributes holding one string or number. A file with dimension scales
or array attributes is refused (ValueError): the engine digests those too, in ways tied to the
HDF5 library's layout."""
import struct
import zlib

import h5py

ATTRIBUTE = "content_crc32"
# Dimension-scale bookkeeping: the engine skips CLASS and NAME, and digests the references of
# the others as raw object addresses, which this module does not reproduce.
_SKIPPED = {"CLASS", "NAME"}
_REFERENCES = {"REFERENCE_LIST", "DIMENSION_LIST"}


class _Digest:
    def __init__(self):
        self.crc = 0

    def add(self, data):
        if data:
            self.crc = zlib.crc32(data, self.crc)

    def text(self, value):
        data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
        self.add(struct.pack("<Q", len(data)))  # lengths first: "ab" + "c" and "a" + "bc" differ
        self.add(data)


def _by_name(names):
    # HDF5's name index orders names by their bytes.
    return sorted(names, key=lambda name: name.encode("utf-8"))


def _objects(group, prefix=""):
    """(path, object) depth first, each group's members in name order, as H5Ovisit visits them."""
    for name in _by_name(group.keys()):
        member = group[name]
        yield prefix + name, member
        if isinstance(member, h5py.Group):
            yield from _objects(member, prefix + name + "/")


def _attributes(digest, obj):
    for name in _by_name(obj.attrs.keys()):
        if name in _REFERENCES:
            raise ValueError(f"{obj.name}: dimension scales are not digested here")
        if name in _SKIPPED or name == ATTRIBUTE:
            continue
        attribute = h5py.h5a.open(obj.id, name.encode("utf-8"))
        if attribute.get_space().get_simple_extent_npoints() != 1:
            raise ValueError(f"{obj.name}: attribute {name} is not a single value")
        kind = attribute.get_type().get_class()
        value = obj.attrs[name]
        if kind == h5py.h5t.STRING:
            data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
            digest.text(name)
            digest.text(data.split(b"\0")[0])  # the engine reads text up to its first NUL
        elif kind == h5py.h5t.INTEGER:
            unsigned = attribute.get_type().get_sign() == h5py.h5t.SGN_NONE
            digest.text(name)
            digest.add(struct.pack("<Q" if unsigned else "<q", int(value)))
        elif kind == h5py.h5t.FLOAT:
            digest.text(name)
            digest.add(struct.pack("<d", float(value)))
        # other kinds are left out, by the engine too


def _contents(digest, dataset):
    if dataset.fletcher32:
        return  # HDF5 checks each chunk itself
    string = h5py.check_string_dtype(dataset.dtype)
    if string is not None and string.length is None:
        for value in dataset[...].ravel():
            digest.text(value)
    else:
        digest.add(dataset[...].tobytes())


def content_digest(f):
    """The digest of an open h5py.File (its content_crc32 aside)."""
    digest = _Digest()
    digest.text(".")
    _attributes(digest, f)
    for path, obj in _objects(f):
        digest.text(path)
        _attributes(digest, obj)
        if isinstance(obj, h5py.Dataset):
            _contents(digest, obj)
    return digest.crc


def stamp(f):
    """Writes the digest of an open, writable h5py.File as its content_crc32: last, once every
    other object and attribute is written."""
    f.attrs[ATTRIBUTE] = int(content_digest(f))


def intact(f):
    """Whether an open h5py.File's content_crc32 matches its contents."""
    stored = f.attrs.get(ATTRIBUTE)
    return stored is not None and int(stored) == content_digest(f)
