#pragma once
// The placesim subcommands, listed once (commands()): the dispatcher and `placesim --help`
// read that list. Each takes its arguments (after the command name) and the whole command line
// (for what it records), and returns the exit status: 0 success, 1 a failure while working,
// 2 bad input.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace placesim::cli {

inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kBadInput = 2;

// Bad input found by a command (a message for the user; exit status 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Deflate level of the metrics unless --compression says otherwise.
inline constexpr int kDefaultCompression = 1;

using Args = std::vector<std::string>;

using Handler = int (*)(const Args& args, const std::string& command_line);

struct Command {
  std::string_view name;
  std::string_view usage;    // the arguments, as `placesim --help` shows them
  std::string_view summary;  // one line
  Handler handler;
};

// Every command, in the order `placesim --help` lists them.
const std::vector<Command>& commands();

int run_command(const Args& args, const std::string& command_line);
int validate_command(const Args& args, const std::string& command_line);
int info_command(const Args& args, const std::string& command_line);
int parameters_command(const Args& args, const std::string& command_line);
int presets_command(const Args& args, const std::string& command_line);
int metrics_command(const Args& args, const std::string& command_line);
int merge_command(const Args& args, const std::string& command_line);
int plan_command(const Args& args, const std::string& command_line);
// Checks a results file and runs the analysis package's comparison of strategies.
int compare_command(const Args& args, const std::string& command_line);
// Checks a results file and runs the analysis package's scenario discovery over a sweep.
int discover_command(const Args& args, const std::string& command_line);
// Checks a results file and runs the analysis package's export of runs as a table.
int export_command(const Args& args, const std::string& command_line);
// Checks a targets file and runs the analysis package's calibration (docs/calibration.md).
int calibrate_command(const Args& args, const std::string& command_line);
// Where a calibration keeps its waves' results files: OUTPUT.waves/.
std::string calibration_work_folder(const std::string& output);
// Runs the analysis package's report (Python); returns only if it cannot start it.
int report_command(const Args& args, const std::string& command_line);

}  // namespace placesim::cli
