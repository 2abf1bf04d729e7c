#pragma once
// Progress of long work on stderr: runs done of total, rate and time left, rewritten in
// place. Silent when stderr is not a terminal or when asked to be quiet.
#include "experiment/runner.hpp"

namespace placesim::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  void update(const Progress& progress);
  void finish();

 private:
  bool enabled_;
  double last_print_ = -1;
  bool printed_ = false;
};

// Whether stderr is an interactive terminal.
bool stderr_is_terminal();

}  // namespace placesim::cli
