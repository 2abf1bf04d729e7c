// The journal keeps every block it finished whatever byte the writer stopped at: reading a
// journal cut anywhere gives exactly the blocks wholly before the cut, and continuing it
// gives back every block.
#include "io/journal.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "support/synthetic_results.hpp"

namespace placesim {
namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("placesim_journal_" + name)).string();
}

JournalHeader header_of(const testing::SyntheticFile& f) {
  return {f.layout, results::Shard{2, 3}, f.provenance};
}

void expect_same(const EncodedBlock& a, const EncodedBlock& b) {
  EXPECT_EQ(a.block, b.block);
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.failed, b.failed);
  EXPECT_EQ(a.messages, b.messages);
  EXPECT_EQ(a.chunks, b.chunks);
}

TEST(Journal, ReadsBackTheHeaderAndEveryBlock) {
  const auto f = testing::synthetic_file(10, 12, 4, 1);
  const std::string path = temp_path("round_trip");
  {
    JournalWriter writer(path, header_of(f));
    writer.append(testing::synthetic_block(f, 2, {9}));  // blocks in any order
    writer.append(testing::synthetic_block(f, 0));
    writer.close();
  }
  const JournalContents contents = read_journal(path);
  EXPECT_EQ(contents.header.layout.runs, 10);
  EXPECT_EQ(contents.header.layout.issues, f.layout.issues);
  EXPECT_EQ(contents.header.layout.compression, 1);
  EXPECT_EQ(contents.header.shard.index, 2);
  EXPECT_EQ(contents.header.shard.count, 3);
  EXPECT_EQ(contents.header.provenance.scenario_toml, f.provenance.scenario_toml);
  EXPECT_EQ(contents.header.provenance.base_seed, 42u);
  ASSERT_EQ(contents.entries.size(), 2u);
  EXPECT_EQ(contents.intact_length, contents.file_length);
  expect_same(read_journal_block(path, contents.entries[0]), testing::synthetic_block(f, 2, {9}));
  expect_same(read_journal_block(path, contents.entries[1]), testing::synthetic_block(f, 0));
  std::filesystem::remove(path);
}

TEST(Journal, ACutAnywhereKeepsTheBlocksBeforeItAndResumingRestoresTheRest) {
  const auto f = testing::synthetic_file(10, 12, 4, 0);
  const std::string whole = temp_path("whole");
  {
    JournalWriter writer(whole, header_of(f));
    for (int b = 0; b < 3; ++b) writer.append(testing::synthetic_block(f, b));
    writer.close();
  }
  const JournalContents full = read_journal(whole);
  ASSERT_EQ(full.entries.size(), 3u);
  std::vector<std::uint64_t> record_ends;  // where each record ends: payload + CRC
  for (const auto& e : full.entries) record_ends.push_back(e.offset + e.length + 4);
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::uint64_t header_end = full.entries[0].offset - 12;

  // Cuts in every part of every record (its magic, length, payload and CRC): each byte of
  // the first record's start, steps through the payloads, and around every record's end.
  std::set<std::uint64_t> cuts;
  for (std::uint64_t cut = header_end; cut < header_end + 64; ++cut) cuts.insert(cut);
  for (std::uint64_t cut = header_end; cut <= bytes.size(); cut += 997) cuts.insert(cut);
  for (std::uint64_t end : record_ends) {
    for (std::uint64_t near : {end - 5, end - 4, end - 1, end, end + 1, end + 4, end + 12, end + 13}) {
      if (near <= bytes.size()) cuts.insert(near);
    }
  }
  const std::string path = temp_path("cut");
  for (std::uint64_t cut : cuts) {
    { std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(cut)); }
    const JournalContents cut_contents = read_journal(path);
    std::size_t intact = 0;
    while (intact < record_ends.size() && record_ends[intact] <= cut) ++intact;
    ASSERT_EQ(cut_contents.entries.size(), intact) << "cut at " << cut;
    EXPECT_EQ(cut_contents.file_length, cut);
    // Resume: append what is missing, and every block reads back as written.
    {
      JournalWriter writer(path, cut_contents);
      for (std::size_t b = intact; b < 3; ++b) writer.append(testing::synthetic_block(f, static_cast<int>(b)));
      writer.close();
    }
    const JournalContents resumed = read_journal(path);
    ASSERT_EQ(resumed.entries.size(), 3u) << "cut at " << cut;
    for (int b = 0; b < 3; ++b) {
      expect_same(read_journal_block(path, resumed.entries[static_cast<std::size_t>(b)]), testing::synthetic_block(f, b));
    }
  }
  std::filesystem::remove(path);
  std::filesystem::remove(whole);
}

TEST(Journal, ADamagedRecordEndsTheIntactPart) {
  const auto f = testing::synthetic_file(10, 12, 4, 0);
  const std::string path = temp_path("damaged");
  {
    JournalWriter writer(path, header_of(f));
    for (int b = 0; b < 3; ++b) writer.append(testing::synthetic_block(f, b));
    writer.close();
  }
  const JournalContents before = read_journal(path);
  {
    std::fstream io(path, std::ios::binary | std::ios::in | std::ios::out);
    io.seekp(static_cast<std::streamoff>(before.entries[1].offset + 100));
    io.put('\x7f');  // a flipped byte in the second block's payload
  }
  const JournalContents after = read_journal(path);
  EXPECT_EQ(after.entries.size(), 1u);
  EXPECT_EQ(after.intact_length, before.entries[1].offset - 12);
  std::filesystem::remove(path);
}

TEST(Journal, AFileThatIsNotAJournalIsRefusedAndAHeaderCutShortIsIncomplete) {
  const std::string path = temp_path("other");
  { std::ofstream(path) << "these are someone's notes\n"; }
  EXPECT_THROW(read_journal(path), JournalError);
  try {
    read_journal(path);
  } catch (const JournalIncomplete&) {
    FAIL() << "a foreign file must not look like an incomplete journal (it would be overwritten)";
  } catch (const JournalError&) {
  }
  { std::ofstream(path, std::ios::trunc) << "PLACESIM-JOURN"; }
  EXPECT_THROW(read_journal(path), JournalIncomplete);
  { std::ofstream(path, std::ios::trunc); }
  EXPECT_THROW(read_journal(path), JournalIncomplete);
  std::filesystem::remove(path);
}

TEST(Journal, ResumingNeedsTheSameProgramScenarioLayoutAndShard) {
  const auto f = testing::synthetic_file();
  const JournalHeader a = header_of(f);
  EXPECT_EQ(resume_mismatch(a, a), "");
  JournalHeader b = a;
  b.provenance.created_utc = "later";
  b.provenance.command_line = "placesim run --resume";
  EXPECT_EQ(resume_mismatch(a, b), "");  // times and command lines may differ
  b = a;
  b.provenance.git_commit = "0123456";
  EXPECT_NE(resume_mismatch(a, b).find("mix the results of two programs"), std::string::npos);
  b = a;
  b.provenance.scenario_toml += "months = 12\n";
  EXPECT_NE(resume_mismatch(a, b).find("scenario differs"), std::string::npos);
  b = a;
  b.layout.compression = 5;
  EXPECT_NE(resume_mismatch(a, b).find("--compression"), std::string::npos);
  b = a;
  b.shard = {1, 3};
  EXPECT_NE(resume_mismatch(a, b).find("shard 2/3"), std::string::npos);
}

}  // namespace
}  // namespace placesim
