#pragma once
// The journal of a run in progress (<results file>.journal): a header naming what is being
// run, then the finished blocks, appended one record at a time, each with its length and a
// CRC-32. Appending never rewrites what is there, so a process killed at any moment (kill -9
// included) leaves every block it finished intact and at worst a torn last record, which
// reading drops. `placesim run --resume` reads the journal and runs only the blocks it lacks;
// when every block is in, the results file is written from it and the journal removed.
//
// HDF5 itself is not safe to kill mid-write (its metadata lives in a cache), which is why
// runs go to the journal first and the HDF5 file is written in one go at the end.
#include <cstdint>
#include <string>
#include <vector>

#include "io/chunk_encoder.hpp"
#include "io/results_schema.hpp"

namespace placesim {

class JournalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A journal whose header was never completely written (the process stopped as it began): it
// holds no runs, and may be started again.
class JournalIncomplete : public JournalError {
 public:
  using JournalError::JournalError;
};

struct JournalHeader {
  results::Layout layout;
  results::Shard shard;
  results::Provenance provenance;
};

// Why a journal cannot be resumed by a command that would write `expected`; empty when it
// can (the same program, scenario, layout and shard; creation time and command line aside).
std::string resume_mismatch(const JournalHeader& found, const JournalHeader& expected);

// The header as bytes and back (also how a results file's identity crosses a pipe); decoding
// throws JournalError when the bytes end early or hold impossible sizes.
std::vector<std::uint8_t> encode_header(const JournalHeader& header);
JournalHeader decode_header(const std::vector<std::uint8_t>& bytes);

struct JournalEntry {
  int block = 0;
  std::uint64_t offset = 0;  // of the record's payload
  std::uint64_t length = 0;  // of the payload
};

struct JournalContents {
  JournalHeader header;
  std::vector<JournalEntry> entries;  // intact block records, in file order
  std::uint64_t intact_length = 0;    // bytes up to the end of the last intact record
  std::uint64_t file_length = 0;      // more than intact_length when the last record is torn
};

// Reads the header and finds every intact record. Throws JournalError when the file is not a
// journal or its header is damaged, JournalIncomplete when the header is cut short.
JournalContents read_journal(const std::string& path);

// Reads one block back.
EncodedBlock read_journal_block(const std::string& path, const JournalEntry& entry);

class JournalWriter {
 public:
  // Starts a new journal (replacing any file of that name) with its header.
  JournalWriter(const std::string& path, const JournalHeader& header);
  // Continues a journal: cuts off anything after its intact records, then appends.
  JournalWriter(const std::string& path, const JournalContents& contents);
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  ~JournalWriter();

  void append(const EncodedBlock& block);
  // Closes the file. (Not synced to disk: the journal guards against the process being
  // killed, which leaves what it wrote in the operating system's hands, not against the
  // machine failing; and a finished run's journal is removed at once.)
  void close();

 private:
  void write_all(const std::vector<std::uint8_t>& bytes);
  std::string path_;
  int fd_ = -1;
};

}  // namespace placesim
