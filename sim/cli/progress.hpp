#pragma once
// Progress of long work: runs done of total, rate and time left. On a terminal, one line on
// stderr rewritten in place; off a terminal (a Slurm log, nohup), a line now and then, so that
// a log shows the work moving without filling up: once at least progress_interval_seconds()
// have passed and a tenth more of the runs are done since the last line. A log file, when
// asked for (run --log FILE), gets the same lines with the time of day, and the start and end.
#include <fstream>
#include <string>

#include "experiment/runner.hpp"

namespace placesim::cli {

// How progress shows on stderr.
enum class ProgressDisplay {
  None,     // --quiet
  InPlace,  // a terminal
  Lines,    // anything else
};

class ProgressReport {
 public:
  // `log_path` empty: no log file. Throws UsageError when the log cannot be opened.
  ProgressReport(ProgressDisplay display, const std::string& log_path);
  // A line for the log alone (what the work is, how it ended).
  void log(const std::string& message);
  void update(const Progress& progress);
  // Ends the line rewritten in place.
  void finish();

 private:
  void line(const std::string& text);

  ProgressDisplay display_;
  double interval_;
  std::ofstream log_;
  double last_print_ = -1;  // InPlace
  bool printed_ = false;
  double last_line_seconds_ = 0;  // Lines and the log
  int last_line_runs_ = -1;
};

// Where stderr goes: --quiet, a terminal, or something else.
ProgressDisplay progress_display(bool quiet);

// Seconds at least between two progress lines off a terminal: $PLACESIM_PROGRESS_INTERVAL, or
// 30. Throws UsageError when it is not a number of seconds.
double progress_interval_seconds();

}  // namespace placesim::cli
