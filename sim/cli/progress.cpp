#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace placesim::cli {

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {}

void ProgressLine::update(const Progress& p) {
  if (!enabled_) return;
  const bool last = p.runs_done == p.runs_total;
  if (!last && p.seconds - last_print_ < 0.2) return;  // at most five updates a second
  last_print_ = p.seconds;
  const double rate = p.seconds > 0 ? (p.runs_done - p.runs_before) / p.seconds : 0;
  const double left = rate > 0 ? (p.runs_total - p.runs_done) / rate : 0;
  std::fprintf(stderr, "\r  runs %d/%d (%3.0f%%)  %.0f runs/s  %.0f s left", p.runs_done, p.runs_total,
               100.0 * p.runs_done / std::max(1, p.runs_total), rate, left);
  if (p.runs_failed > 0) std::fprintf(stderr, "  %d failed", p.runs_failed);
  std::fprintf(stderr, "   ");
  std::fflush(stderr);
  printed_ = true;
}

void ProgressLine::finish() {
  if (enabled_ && printed_) std::fprintf(stderr, "\n");
}

}  // namespace placesim::cli
