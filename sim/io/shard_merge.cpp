#include "io/shard_merge.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include "io/results_reader.hpp"
#include "io/results_writer.hpp"
#include "io/stored_design.hpp"

namespace placesim {

namespace {

struct OpenShard {
  std::string path;
  std::unique_ptr<ResultsReader> reader;
  results::Shard shard;
};

void check_same(const OpenShard& a, const OpenShard& b) {
  auto differ = [&](const std::string& what) {
    return MergeError(b.path + " does not belong with " + a.path + ": " + what + " differ");
  };
  const auto pa = a.reader->provenance(), pb = b.reader->provenance();
  if (pa.program_version != pb.program_version || pa.git_commit != pb.git_commit) throw differ("their programs");
  if (pa.scenario_toml != pb.scenario_toml) throw differ("their scenarios");
  if (pa.base_seed != pb.base_seed) throw differ("their seeds");
  const auto la = a.reader->layout(), lb = b.reader->layout();
  if (la.runs != lb.runs || la.months != lb.months || la.issues != lb.issues || la.sectors != lb.sectors ||
      la.block_runs != lb.block_runs ||
      la.compression != lb.compression) {
    throw differ("their layouts (runs, months, issues, sectors, blocks or compression)");
  }
  if (a.shard.count != b.shard.count) throw differ("their shard counts");
}

}  // namespace

MergeReport merge_shards(const std::string& output, const std::vector<std::string>& paths,
                         const std::string& command_line) {
  if (paths.empty()) throw MergeError("merge needs at least one shard file");
  std::vector<OpenShard> shards;
  for (const std::string& path : paths) {
    OpenShard s;
    s.path = path;
    try {
      s.reader = std::make_unique<ResultsReader>(path);
    } catch (const std::exception& e) {
      throw MergeError("cannot read " + path + ": " + e.what());
    }
    s.shard = s.reader->shard();
    if (!shards.empty()) check_same(shards.front(), s);
    shards.push_back(std::move(s));
  }

  // Every shard 1 .. N exactly once.
  const int count = shards.front().shard.count;
  std::map<int, const OpenShard*> by_index;
  for (const OpenShard& s : shards) {
    if (!by_index.emplace(s.shard.index, &s).second) {
      throw MergeError(s.path + " and " + by_index[s.shard.index]->path + " are both shard " +
                       std::to_string(s.shard.index) + "/" + std::to_string(count));
    }
  }
  std::string missing;
  for (int i = 1; i <= count; ++i) {
    if (!by_index.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
  }
  if (!missing.empty()) {
    throw MergeError("shard" + std::string(missing.find(',') == std::string::npos ? " " : "s ") + missing + " of " +
                     std::to_string(count) + " missing: give every shard file of the run");
  }

  const results::Layout layout = shards.front().reader->layout();
  results::Provenance provenance = shards.front().reader->provenance();
  provenance.command_line = command_line;
  MergeReport report;
  report.shards = count;
  const std::string partial = output + ".partial";
  {
    const StoredDesign design(shards.front().path);
    ResultsWriter writer(partial, layout, results::Shard{}, design, provenance);
    for (const auto& [index, shard] : by_index) {
      const auto completed = shard->reader->completed();
      const auto failed = shard->reader->failed();
      std::map<int, std::string> messages;
      for (const RunFailure& f : shard->reader->failures()) messages[f.run] = f.message;
      for (int b = shard->shard.first_block(layout.blocks()); b < shard->shard.end_block(layout.blocks()); ++b) {
        EncodedBlock block;
        block.block = b;
        block.first = layout.first_run(b);
        block.runs = layout.runs_in(b);
        for (int r = block.first; r < block.first + block.runs; ++r) {
          const auto run = static_cast<std::size_t>(r);
          if (!completed[run] && !failed[run]) {
            throw MergeError(shard->path + " lacks run " + std::to_string(r) + " of its shard: is it complete?");
          }
          block.failed.push_back(failed[run]);
          block.messages.push_back(failed[run] ? messages[r] : "");
          report.failed += failed[run];
        }
        for (int m = 0; m < static_cast<int>(Metric::Count); ++m) {
          block.chunks.push_back(shard->reader->raw_chunk(static_cast<Metric>(m), b));
        }
        writer.write_block(block);
        report.runs += block.runs;
      }
    }
    writer.close();
  }
  std::error_code error;
  std::filesystem::rename(partial, output, error);
  if (error) throw MergeError("cannot rename " + partial + " to " + output + ": " + error.message());
  return report;
}

}  // namespace placesim
