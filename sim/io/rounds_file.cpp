#include "io/rounds_file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <set>
#include <stdexcept>

#include "io/child_process.hpp"
#include "io/hdf5.hpp"
#include "io/results_check.hpp"
#include "scenario/scenario.hpp"
#include "scenario/scenario_difference.hpp"

namespace placesim {

namespace {

std::vector<std::int64_t> read_integers(hid_t file, const std::string& name) {
  const hdf5::Handle dataset = hdf5::open_dataset(file, name);
  std::vector<std::int64_t> values(hdf5::stored_values(dataset.id()));
  if (!values.empty()) {
    hdf5::check(H5Dread(dataset.id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "read " + name);
  }
  return values;
}

// Each list with its own length: a damaged file's lists may differ in length (listed_rounds says so).
void encode(const RoundsListing& l, ChildMessage& out) {
  out.put_u64(static_cast<std::uint64_t>(l.format_version));
  out.put_text(l.scenario);
  out.put_u64(l.files.size());
  for (const std::string& file : l.files) out.put_text(file);
  for (const auto* numbers : {&l.first_replicate, &l.replicates}) {
    out.put_u64(numbers->size());
    for (const std::int64_t x : *numbers) out.put_u64(static_cast<std::uint64_t>(x));
  }
}

RoundsListing decode(ChildMessage& in) {
  RoundsListing l;
  l.format_version = static_cast<int>(in.u64());
  l.scenario = in.text();
  const std::uint64_t files = in.u64();
  for (std::uint64_t i = 0; i < files; ++i) l.files.push_back(in.text());
  for (auto* numbers : {&l.first_replicate, &l.replicates}) {
    const std::uint64_t n = in.u64();
    for (std::uint64_t i = 0; i < n; ++i) numbers->push_back(static_cast<std::int64_t>(in.u64()));
  }
  return l;
}

RoundsListing read_listing(const std::string& path) {
  ChildMessage in = read_in_child(path, [&](ChildMessage& out) { encode(read_rounds_listing_in_process(path), out); });
  try {
    return decode(in);
  } catch (const std::exception&) {
    throw std::runtime_error("cannot check " + path + ": the checking process stopped early");
  }
}

std::string replicates_text(std::int64_t first, std::int64_t count) {
  return std::to_string(first) + " to " + std::to_string(first + count - 1);
}

// The round's scenario must be the rounds file's, but for what each round sets.
void require_same_scenario(const std::string& round, const Scenario& rounds_scenario, const Scenario& round_scenario,
                           const std::string& path) {
  for (const ParameterDifference& d : parameter_differences(round_scenario.params, rounds_scenario.params)) {
    if (d.key == "simulation.replicates" || d.key == "simulation.first_replicate" || d.key == "simulation.strategies") continue;
    throw std::runtime_error(round + " is a round of another scenario than " + path + "'s: " + d.key + " = " +
                             (d.here.empty() ? "(none)" : d.here) + " there, " + (d.there.empty() ? "(none)" : d.there) +
                             " in the rounds file");
  }
  if (sweep_toml(round_scenario.sweep) != sweep_toml(rounds_scenario.sweep) ||
      posterior_toml(round_scenario.posterior) != posterior_toml(rounds_scenario.posterior)) {
    throw std::runtime_error(round + " is a round of another scenario than " + path + "'s: its [sweep] or [posterior] differs");
  }
}

// The rounds' files, by the rules of the header; throws std::runtime_error naming the fault.
std::vector<std::string> listed_rounds(const std::string& path, const RoundsListing& listing) {
  const std::string folder = path + ".rounds";
  const std::string prefix = std::filesystem::path(path).filename().string() + ".rounds/";
  const std::size_t n = listing.files.size();
  if (n == 0) throw std::runtime_error(path + " lists no rounds");
  if (listing.first_replicate.size() != n || listing.replicates.size() != n) {
    throw std::runtime_error(path + " is damaged: its /rounds datasets differ in length");
  }
  std::vector<std::string> files;
  std::set<std::string> seen;
  std::int64_t next = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string& entry = listing.files[k];
    const std::string round = "round " + std::to_string(k + 1);
    const std::string name = entry.rfind(prefix, 0) == 0 ? entry.substr(prefix.size()) : "";
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
        name.find('\0') != std::string::npos) {
      throw std::runtime_error(path + " lists '" + entry + "' as " + round + ", which is not a file of " + folder +
                               "/ (a round is named " + prefix + "NAME)");
    }
    if (!seen.insert(name).second) throw std::runtime_error(path + " lists " + entry + " twice");
    const std::string file = folder + "/" + name;
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0) {
      throw std::runtime_error(path + " lists " + entry + " as " + round + ", which is missing (keep " + folder +
                               "/ beside " + path + ")");
    }
    if (S_ISLNK(info.st_mode)) throw std::runtime_error(file + " is a symbolic link; a round is a file of " + folder + "/");
    if (!S_ISREG(info.st_mode)) throw std::runtime_error(file + " is not a regular file");
    if (listing.first_replicate[k] != next || listing.replicates[k] < 1) {
      throw std::runtime_error(path + " is damaged: " + round + " has replicates " +
                               replicates_text(listing.first_replicate[k], listing.replicates[k]) +
                               ", where the rounds before it end at " + std::to_string(next - 1));
    }
    next += listing.replicates[k];
    files.push_back(file);
  }
  return files;
}

}  // namespace

RoundsListing read_rounds_listing_in_process(const std::string& path) {
  hdf5::silence_errors();
  const hdf5::Handle file = hdf5::open_file(path, false);
  if (!hdf5::has_attribute(file.id(), "format") || hdf5::string_attribute(file.id(), "format") != kRoundsFormat) {
    throw std::runtime_error(path + " is not a rounds file (placesim run --until writes them)");
  }
  RoundsListing l;
  const std::int64_t version =
      hdf5::has_attribute(file.id(), "format_version") ? hdf5::integer_attribute(file.id(), "format_version") : -1;
  if (version != kRoundsVersion) {
    throw std::runtime_error(path + " has rounds-file format version " + std::to_string(version) +
                             "; this placesim reads version " + std::to_string(kRoundsVersion));
  }
  l.format_version = static_cast<int>(version);
  if (hdf5::has_attribute(file.id(), "scenario")) l.scenario = hdf5::string_attribute(file.id(), "scenario");
  const hdf5::Handle files = hdf5::open_dataset(file.id(), "rounds/file");
  l.files = hdf5::read_strings(files.id());
  l.first_replicate = read_integers(file.id(), "rounds/first_replicate");
  l.replicates = read_integers(file.id(), "rounds/replicates");
  return l;
}

RoundsCheck check_rounds_file(const std::string& path, bool verify_chunks) {
  RoundsCheck check;
  try {
    const RoundsListing listing = read_listing(path);
    const std::vector<std::string> files = listed_rounds(path, listing);
    Scenario rounds_scenario;
    try {
      rounds_scenario = load_scenario_text(listing.scenario, path + " (its scenario)");
    } catch (const ScenarioError& e) {
      throw std::runtime_error(path + " is damaged: its scenario does not read back (" + e.what() + ")");
    }
    for (std::size_t k = 0; k < files.size(); ++k) {
      const ResultsCheck one = check_results_file(files[k], verify_chunks);
      if (!one.readable) throw std::runtime_error(one.problem);
      Scenario round_scenario;
      try {
        round_scenario = load_scenario_text(one.identity.provenance.scenario_toml, files[k] + " (its scenario)");
      } catch (const ScenarioError& e) {
        throw std::runtime_error(files[k] + " is a round of another scenario than " + path + "'s (" + e.what() + ")");
      }
      require_same_scenario(files[k], rounds_scenario, round_scenario, path);
      const auto& s = round_scenario.params.simulation;
      if (s.first_replicate != listing.first_replicate[k] || s.replicates != listing.replicates[k]) {
        throw std::runtime_error(files[k] + " holds replicates " + replicates_text(s.first_replicate, s.replicates) + ", but " +
                                 path + " lists it as round " + std::to_string(k + 1) + " with replicates " +
                                 replicates_text(listing.first_replicate[k], listing.replicates[k]));
      }
    }
    check.rounds = files;
    check.readable = true;
  } catch (const std::exception& e) {
    check.problem = e.what();
  }
  return check;
}

}  // namespace placesim
