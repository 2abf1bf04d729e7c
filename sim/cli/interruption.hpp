#pragma once
// What a run says when it is interrupted (Ctrl-C, SIGTERM from a scheduler, SIGHUP when its
// terminal closes): how many finished runs the journal keeps and how to resume. Every block
// the journal holds is already safe (io/journal.hpp), so the handler only writes the message,
// removes the partial results file and the lock, and ends the process at once.
#include <string>

namespace placesim::cli {

class InterruptionNotice {
 public:
  // Installs the handlers for a run writing `output` (its journal, partial and lock files).
  // `resume_hint` is the command to finish it.
  InterruptionNotice(const std::string& output, const std::string& resume_hint, int runs_total);
  InterruptionNotice(const InterruptionNotice&) = delete;
  InterruptionNotice& operator=(const InterruptionNotice&) = delete;
  // Restores the default handlers.
  ~InterruptionNotice();

  // Finished runs kept so far (safe to call from any thread).
  static void set_runs_kept(int runs);
};

}  // namespace placesim::cli
