#pragma once
// What a run says when it is interrupted (Ctrl-C, SIGTERM from a scheduler, SIGHUP when its
// terminal closes): how many finished runs the journal keeps and how to resume. Every block
// the journal holds is already safe (io/journal.hpp), so the handler only writes the message,
// removes the partial results file and the lock, and ends the process at once.
#include <sys/types.h>

#include <string>

namespace placesim::cli {

// The command to finish an interrupted command: the same one, with --resume and without --force.
std::string resume_command(const std::string& command_line);

// "SIGINT", "SIGTERM", "SIGHUP": the signals that interrupt a command.
std::string signal_name(int signal);

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

// While a command waits for the child process that does its work (the analysis package), an
// interruption (SIGINT, SIGTERM, SIGHUP) does not end the command at once: the child is left to
// stop as it would by itself, keeping what is finished, and the command then says how to
// continue. A signal sent to this process alone (kill, a scheduler) is passed on to the child; a
// terminal's Ctrl-C already reaches the whole foreground group, the child included.
class ChildInterruption {
 public:
  ChildInterruption();
  ChildInterruption(const ChildInterruption&) = delete;
  ChildInterruption& operator=(const ChildInterruption&) = delete;
  ~ChildInterruption();  // restores the default handlers

  void watch(pid_t child);  // the child to pass signals on to
  static int received();    // the first interrupting signal received, or 0
};

}  // namespace placesim::cli
