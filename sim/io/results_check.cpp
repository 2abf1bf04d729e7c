#include "io/results_check.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/child_process.hpp"
#include "io/content_digest.hpp"
#include "io/results_reader.hpp"
#include "io/stored_design.hpp"

namespace placesim {

namespace {

std::vector<std::uint8_t> encode(const ResultsCheck& c) {
  ChildMessage out;
  out.put_u64(c.readable ? 1 : 0);
  out.put_text(c.problem);
  out.put_bytes(c.readable ? encode_header(c.identity) : std::vector<std::uint8_t>{});
  out.put_u64(static_cast<std::uint64_t>(c.completed));
  out.put_u64(static_cast<std::uint64_t>(c.failed));
  out.put_u64(static_cast<std::uint64_t>(c.chunks_checked));
  return out.bytes();
}

ResultsCheck decode(std::vector<std::uint8_t> bytes) {
  ChildMessage in(std::move(bytes));
  ResultsCheck c;
  c.readable = in.u64() != 0;
  c.problem = in.text();
  const auto identity = in.byte_string();
  if (c.readable) c.identity = decode_header(identity);
  c.completed = static_cast<int>(in.u64());
  c.failed = static_cast<int>(in.u64());
  c.chunks_checked = static_cast<long>(in.u64());
  return c;
}

}  // namespace

ResultsCheck check_results_in_process(const std::string& path, bool verify_chunks) {
  ResultsCheck check;
  try {
    const ResultsReader reader(path);
    check.identity.layout = reader.layout();
    check.identity.shard = reader.shard();
    check.identity.provenance = reader.provenance();
    for (const std::uint8_t c : reader.completed()) check.completed += c != 0;
    for (const std::uint8_t f : reader.failed()) check.failed += f != 0;
    reader.failures();
    for (const std::string& name : reader.metric_names()) reader.metric(name);
    // Every column of /design, through HDF5's filters (which check their checksums).
    const StoredDesign design(path);
    constexpr int kWindow = 65536;
    for (int first = 0; first < reader.runs(); first += kWindow) {
      design.design_rows(first, std::min(kWindow, reader.runs() - first));
    }
    if (reader.checksums()) {
      const std::int64_t stored = reader.number(kContentDigestAttribute);
      if (static_cast<std::uint32_t>(stored) != reader.content_digest() || stored < 0 || stored > 0xFFFFFFFFll) {
        throw std::runtime_error(path + " is damaged: its text or coordinates do not match their checksum");
      }
    }
    if (verify_chunks && reader.checksums()) {
      const results::Layout& layout = check.identity.layout;
      for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
        for (int b = 0; b < layout.blocks(); ++b) {
          if (!reader.raw_chunk(static_cast<Metric>(m), b).empty()) ++check.chunks_checked;
        }
      }
    }
    check.readable = true;
  } catch (const std::exception& e) {
    check.readable = false;
    check.problem = e.what();
    // Every answer names the file, whichever layer refused it.
    if (check.problem.find(path) == std::string::npos) check.problem = path + ": " + check.problem;
  }
  return check;
}

ResultsCheck check_results_file(const std::string& path, bool verify_chunks) {
  ChildAnswer answer = run_in_child(path, [&] { return encode(check_results_in_process(path, verify_chunks)); });
  ResultsCheck check;
  if (!answer.answered) {
    check.problem = answer.problem;
    return check;
  }
  try {
    return decode(std::move(answer.bytes));
  } catch (const std::exception&) {
    check.problem = "cannot check " + path + ": the checking process stopped early";
    return check;
  }
}

}  // namespace placesim
