#include "io/journal.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sstream>

#include "scenario/user_file.hpp"

namespace placesim {

static_assert(std::endian::native == std::endian::little, "the journal is written little-endian");

namespace {

constexpr char kMagic[] = "PLACESIM-JOURNAL";  // 16 bytes, then a version
constexpr std::uint32_t kVersion = 2;  // 2: the layout names the sectors
constexpr std::uint32_t kBlockMagic = 0x4B4C4250;  // "PBLK"
constexpr std::uint64_t kMaxRecord = std::uint64_t{1} << 40;

std::string system_error(const std::string& what, const std::string& path) {
  return "cannot " + what + " " + path + ": " + std::strerror(errno);
}

// Little-endian encoding of the records.
class Bytes {
 public:
  template <class T>
  void put(T value) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
    data.insert(data.end(), p, p + sizeof(T));
  }
  void put_text(const std::string& text) {
    put(static_cast<std::uint32_t>(text.size()));
    data.insert(data.end(), text.begin(), text.end());
  }
  void put_bytes(const std::vector<std::uint8_t>& bytes) {
    put(static_cast<std::uint64_t>(bytes.size()));
    data.insert(data.end(), bytes.begin(), bytes.end());
  }
  std::vector<std::uint8_t> data;
};

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  template <class T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, data_ + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string get_text() {
    const auto n = get<std::uint32_t>();
    need(n);
    std::string text(reinterpret_cast<const char*>(data_ + at_), n);
    at_ += n;
    return text;
  }
  std::vector<std::uint8_t> get_bytes() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::vector<std::uint8_t> bytes(data_ + at_, data_ + at_ + n);
    at_ += n;
    return bytes;
  }

 private:
  void need(std::uint64_t n) const {
    if (n > size_ - at_) throw JournalError("a journal record ends early");
  }
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

std::uint32_t crc32(const std::vector<std::uint8_t>& bytes) {
  return libdeflate_crc32(0, bytes.data(), bytes.size());
}

std::vector<std::uint8_t> header_payload(const JournalHeader& h) {
  Bytes b;
  b.put(static_cast<std::int64_t>(h.layout.runs));
  b.put(static_cast<std::int32_t>(h.layout.months));
  b.put(static_cast<std::uint32_t>(h.layout.issues.size()));
  for (const auto& issue : h.layout.issues) b.put_text(issue);
  b.put(static_cast<std::uint32_t>(h.layout.sectors.size()));
  for (const auto& sector : h.layout.sectors) b.put_text(sector);
  b.put(static_cast<std::int32_t>(h.layout.block_runs));
  b.put(static_cast<std::int32_t>(h.layout.compression));
  b.put(static_cast<std::int32_t>(h.shard.index));
  b.put(static_cast<std::int32_t>(h.shard.count));
  const auto& p = h.provenance;
  for (const std::string* text : {&p.program_version, &p.git_commit, &p.created_utc, &p.command_line, &p.scenario_toml}) {
    b.put_text(*text);
  }
  b.put(p.base_seed);
  return b.data;
}

}  // namespace

std::vector<std::uint8_t> encode_header(const JournalHeader& h) { return header_payload(h); }

JournalHeader decode_header(const std::vector<std::uint8_t>& payload) {
  Reader r(payload.data(), payload.size());
  JournalHeader h;
  const auto runs = r.get<std::int64_t>();
  if (runs < 0 || runs > std::numeric_limits<int>::max()) throw JournalError("the journal's header holds impossible sizes");
  h.layout.runs = static_cast<int>(runs);
  h.layout.months = r.get<std::int32_t>();
  const auto issues = r.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < issues; ++i) h.layout.issues.push_back(r.get_text());
  const auto sectors = r.get<std::uint32_t>();
  for (std::uint32_t s = 0; s < sectors; ++s) h.layout.sectors.push_back(r.get_text());
  h.layout.block_runs = r.get<std::int32_t>();
  h.layout.compression = r.get<std::int32_t>();
  h.shard.index = r.get<std::int32_t>();
  h.shard.count = r.get<std::int32_t>();
  auto& p = h.provenance;
  for (std::string* text : {&p.program_version, &p.git_commit, &p.created_utc, &p.command_line, &p.scenario_toml}) {
    *text = r.get_text();
  }
  p.base_seed = r.get<std::uint64_t>();
  // Sizes that every reader divides by or allocates from.
  const auto& l = h.layout;
  if (l.runs < 0 || l.months < 0 || l.months > 1000000 || l.block_runs < 1 || l.compression < 0 || l.compression > 9 ||
      l.sectors.size() > kMaxSectors || h.shard.count < 1 || h.shard.index < 1 || h.shard.index > h.shard.count) {
    throw JournalError("the journal's header holds impossible sizes");
  }
  return h;
}

namespace {

std::vector<std::uint8_t> block_payload(const EncodedBlock& block) {
  Bytes b;
  b.put(static_cast<std::int32_t>(block.block));
  b.put(static_cast<std::int32_t>(block.first));
  b.put(static_cast<std::int32_t>(block.runs));
  for (int i = 0; i < block.runs; ++i) {
    b.put(block.failed[static_cast<std::size_t>(i)]);
    b.put_text(block.messages[static_cast<std::size_t>(i)]);
  }
  b.put(static_cast<std::uint32_t>(block.chunks.size()));
  for (const auto& chunk : block.chunks) b.put_bytes(chunk);
  return b.data;
}

EncodedBlock parse_block(const std::vector<std::uint8_t>& payload) {
  Reader r(payload.data(), payload.size());
  EncodedBlock block;
  block.block = r.get<std::int32_t>();
  block.first = r.get<std::int32_t>();
  block.runs = r.get<std::int32_t>();
  for (int i = 0; i < block.runs; ++i) {
    block.failed.push_back(r.get<std::uint8_t>());
    block.messages.push_back(r.get_text());
  }
  const auto chunks = r.get<std::uint32_t>();
  for (std::uint32_t m = 0; m < chunks; ++m) block.chunks.push_back(r.get_bytes());
  return block;
}

int open_journal(const std::string& path) {
  try {
    return open_regular_file(path);
  } catch (const UnreadableFile& e) {
    throw JournalError(e.what());
  }
}

// Reads exactly n bytes at offset; false when the file ends first.
bool read_at(int fd, std::uint64_t offset, void* out, std::size_t n) {
  auto* p = static_cast<std::uint8_t*>(out);
  while (n > 0) {
    const ssize_t got = ::pread(fd, p, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

// A journal opened for reading: a regular file only (a FIFO would block the reader).
class File {
 public:
  explicit File(const std::string& path) : fd(open_journal(path)) {}
  ~File() {
    if (fd >= 0) ::close(fd);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  int fd;
};

}  // namespace

std::string resume_mismatch(const JournalHeader& found, const JournalHeader& expected) {
  const auto& a = found.provenance;
  const auto& b = expected.provenance;
  if (a.program_version != b.program_version || a.git_commit != b.git_commit) {
    return "it was started by placesim " + a.program_version + " (commit " + a.git_commit + "), and this is " +
           b.program_version + " (commit " + b.git_commit + "): one file would mix the results of two programs";
  }
  if (a.scenario_toml != b.scenario_toml) {
    std::istringstream x(a.scenario_toml), y(b.scenario_toml);
    std::string lx, ly, section;
    while (true) {
      const bool more_x = static_cast<bool>(std::getline(x, lx));
      const bool more_y = static_cast<bool>(std::getline(y, ly));
      if (!more_x && !more_y) break;
      if (!more_x) lx = "(nothing)";
      if (!more_y) ly = "(nothing)";
      if (lx != ly) break;
      if (lx.rfind("[", 0) == 0) section = lx;
    }
    return "its scenario differs from this command's" + (section.empty() ? "" : " in " + section) + ": '" + lx +
           "' there, '" + ly + "' here; resume with the same scenario file and --set options";
  }
  if (a.base_seed != b.base_seed) return "it has another seed";
  const auto& la = found.layout;
  const auto& lb = expected.layout;
  if (la.runs != lb.runs || la.months != lb.months || la.issues != lb.issues || la.sectors != lb.sectors ||
      la.block_runs != lb.block_runs) {
    return "its runs are laid out differently";
  }
  if (la.compression != lb.compression) {
    return "it was started with --compression " + std::to_string(la.compression) + ", and this command asks for " +
           std::to_string(lb.compression);
  }
  if (found.shard.index != expected.shard.index || found.shard.count != expected.shard.count) {
    return "it is shard " + std::to_string(found.shard.index) + "/" + std::to_string(found.shard.count) +
           ", and this command runs shard " + std::to_string(expected.shard.index) + "/" +
           std::to_string(expected.shard.count);
  }
  return "";
}

JournalContents read_journal(const std::string& path) {
  File file(path);
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw JournalError(system_error("read", path));
  JournalContents contents;
  contents.file_length = static_cast<std::uint64_t>(info.st_size);

  char magic[16] = {};
  std::uint32_t version = 0, length = 0, crc = 0;
  const std::size_t start = std::min<std::uint64_t>(contents.file_length, sizeof magic);
  if (!read_at(file.fd, 0, magic, start) || std::memcmp(magic, kMagic, start) != 0) {
    throw JournalError(path + " is not a PlaceSim journal");
  }
  if (!read_at(file.fd, 0, magic, sizeof magic) || !read_at(file.fd, 16, &version, 4) ||
      !read_at(file.fd, 20, &length, 4)) {
    throw JournalIncomplete(path + ": the journal's header is incomplete");
  }
  if (version != kVersion) throw JournalError(path + ": journal version " + std::to_string(version) + " is not supported");
  if (length > kMaxRecord) throw JournalError(path + ": the journal's header is damaged");
  // Sized from the file, not from what its first bytes claim.
  if (std::uint64_t{24} + length + 4 > contents.file_length) {
    throw JournalIncomplete(path + ": the journal's header is incomplete");
  }
  std::vector<std::uint8_t> header(length);
  if (!read_at(file.fd, 24, header.data(), length) || !read_at(file.fd, 24 + length, &crc, 4)) {
    throw JournalIncomplete(path + ": the journal's header is incomplete");
  }
  if (crc32(header) != crc) throw JournalError(path + ": the journal's header is damaged");
  try {
    contents.header = decode_header(header);
  } catch (const JournalError& e) {
    throw JournalError(path + ": " + e.what());
  }
  std::uint64_t at = 24 + std::uint64_t{length} + 4;
  contents.intact_length = at;

  // Block records until the first that is incomplete or damaged.
  std::vector<std::uint8_t> payload;
  while (at < contents.file_length) {
    std::uint32_t block_magic = 0;
    std::uint64_t size = 0;
    if (!read_at(file.fd, at, &block_magic, 4) || block_magic != kBlockMagic) break;
    if (!read_at(file.fd, at + 4, &size, 8) || size > kMaxRecord || size + 16 > contents.file_length - at) break;
    payload.resize(size);
    if (!read_at(file.fd, at + 12, payload.data(), size) || !read_at(file.fd, at + 12 + size, &crc, 4)) break;
    if (crc32(payload) != crc) break;
    std::int32_t block = 0;
    std::memcpy(&block, payload.data(), sizeof block);
    contents.entries.push_back({block, at + 12, size});
    at += 16 + size;
    contents.intact_length = at;
  }
  return contents;
}

EncodedBlock read_journal_block(const std::string& path, const JournalEntry& entry) {
  File file(path);
  std::vector<std::uint8_t> payload(entry.length);
  if (!read_at(file.fd, entry.offset, payload.data(), payload.size())) {
    throw JournalError(path + ": a block record is missing; was the journal changed while being read?");
  }
  return parse_block(payload);
}

JournalWriter::JournalWriter(const std::string& path, const JournalHeader& header) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw JournalError(system_error("create", path));
  const std::vector<std::uint8_t> payload = header_payload(header);
  Bytes b;
  b.data.assign(kMagic, kMagic + 16);
  b.put(kVersion);
  b.put(static_cast<std::uint32_t>(payload.size()));
  b.data.insert(b.data.end(), payload.begin(), payload.end());
  b.put(crc32(payload));
  write_all(b.data);
}

JournalWriter::JournalWriter(const std::string& path, const JournalContents& contents) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd_ < 0) throw JournalError(system_error("open", path));
  if (::ftruncate(fd_, static_cast<off_t>(contents.intact_length)) != 0 ||
      ::lseek(fd_, static_cast<off_t>(contents.intact_length), SEEK_SET) < 0) {
    throw JournalError(system_error("continue", path));
  }
}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void JournalWriter::append(const EncodedBlock& block) {
  const std::vector<std::uint8_t> payload = block_payload(block);
  Bytes b;
  b.data.reserve(payload.size() + 16);
  b.put(kBlockMagic);
  b.put(static_cast<std::uint64_t>(payload.size()));
  b.data.insert(b.data.end(), payload.begin(), payload.end());
  b.put(crc32(payload));
  write_all(b.data);
}

void JournalWriter::write_all(const std::vector<std::uint8_t>& bytes) {
  const std::uint8_t* p = bytes.data();
  std::size_t n = bytes.size();
  while (n > 0) {
    const ssize_t put = ::write(fd_, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) throw JournalError(system_error("write to", path_));
    p += put;
    n -= static_cast<std::size_t>(put);
  }
}

void JournalWriter::close() {
  if (fd_ < 0) return;
  if (::close(fd_) != 0) {
    fd_ = -1;
    throw JournalError(system_error("close", path_));
  }
  fd_ = -1;
}

}  // namespace placesim
