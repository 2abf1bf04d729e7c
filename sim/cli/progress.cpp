#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "experiment/preflight.hpp"
#include "io/results_schema.hpp"

namespace placesim::cli {

namespace {

// "120/450 runs (27%), 35 runs/s, about 9 s left" (and the failures).
std::string progress_text(const Progress& p) {
  const double rate = p.seconds > 0 ? (p.runs_done - p.runs_before) / p.seconds : 0;
  char text[160];
  std::snprintf(text, sizeof text, "runs %d/%d (%3.0f%%)  %.0f runs/s", p.runs_done, p.runs_total,
                100.0 * p.runs_done / std::max(1, p.runs_total), rate);
  std::string result = text;
  if (rate > 0) result += "  " + duration_text((p.runs_total - p.runs_done) / rate) + " left";
  if (p.runs_failed > 0) result += "  " + std::to_string(p.runs_failed) + " failed";
  return result;
}

}  // namespace

ProgressDisplay progress_display(bool quiet) {
  if (quiet) return ProgressDisplay::None;
  return isatty(STDERR_FILENO) == 1 ? ProgressDisplay::InPlace : ProgressDisplay::Lines;
}

double progress_interval_seconds() {
  const char* text = std::getenv("PLACESIM_PROGRESS_INTERVAL");
  if (!text || !*text) return 30;
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !std::isfinite(seconds) || seconds < 0) {
    throw UsageError(std::string("PLACESIM_PROGRESS_INTERVAL must be a number of seconds (0 or more), found '") + text + "'");
  }
  return seconds;
}

ProgressReport::ProgressReport(ProgressDisplay display, const std::string& log_path)
    : display_(display), interval_(progress_interval_seconds()) {
  if (log_path.empty()) return;
  log_.open(log_path, std::ios::app);
  if (!log_) throw UsageError("--log " + log_path + ": cannot write it: " + std::strerror(errno));
}

void ProgressReport::log(const std::string& message) {
  if (!log_.is_open()) return;
  log_ << results::utc_now_iso8601() << " " << message << std::endl;  // flushed: read while the work goes on
}

void ProgressReport::line(const std::string& text) {
  if (display_ == ProgressDisplay::Lines) std::cerr << "placesim: " << text << std::endl;
  log(text);
}

void ProgressReport::update(const Progress& p) {
  if (last_line_runs_ < 0) last_line_runs_ = p.runs_before;
  const bool last = p.runs_done == p.runs_total;
  if (!last && p.seconds - last_line_seconds_ >= interval_ && p.runs_done - last_line_runs_ >= p.runs_total / 10.0) {
    last_line_seconds_ = p.seconds;
    last_line_runs_ = p.runs_done;
    line(progress_text(p));
  }
  if (display_ != ProgressDisplay::InPlace) return;
  if (!last && p.seconds - last_print_ < 0.2) return;  // at most five updates a second
  last_print_ = p.seconds;
  std::cerr << "\r  " << progress_text(p) << "   " << std::flush;
  printed_ = true;
}

void ProgressReport::finish() {
  if (printed_) std::cerr << "\n";
  printed_ = false;
}

}  // namespace placesim::cli
