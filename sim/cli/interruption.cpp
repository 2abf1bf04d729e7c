#include "cli/interruption.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <regex>

#include "experiment/experiment.hpp"
#include "io/output_lock.hpp"

namespace placesim::cli {

namespace {

// Everything the handler uses is prepared beforehand: it may only call async-signal-safe
// functions (write, unlink, _exit) and read lock-free atomics.
constexpr std::size_t kTextSize = 4096;
char g_after_count[kTextSize];   // " of M runs are kept in X.journal; finish ... --resume\n"
char g_partial[kTextSize];
char g_lock[kTextSize];
std::atomic<int> g_runs_kept{0};
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void copy(char* out, const std::string& text) {
  const std::size_t n = std::min(text.size(), kTextSize - 1);
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
}

void write_text(const char* text) {
  std::size_t n = std::strlen(text);
  while (n > 0) {
    const ssize_t put = ::write(STDERR_FILENO, text, n);
    if (put <= 0) return;
    text += put;
    n -= static_cast<std::size_t>(put);
  }
}

void write_number(int value) {
  char digits[16];
  int n = 0;
  unsigned v = value < 0 ? 0u : static_cast<unsigned>(value);
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < 15);
  char text[16];
  for (int i = 0; i < n; ++i) text[i] = digits[n - 1 - i];
  text[n] = '\0';
  write_text(text);
}

void on_signal(int signal) {
  write_text("\nplacesim: interrupted by ");
  write_text(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP");
  write_text("; ");
  write_number(g_runs_kept.load());
  write_text(g_after_count);
  ::unlink(g_partial);
  ::unlink(g_lock);
  ::_exit(128 + signal);
}

}  // namespace

InterruptionNotice::InterruptionNotice(const std::string& output, const std::string& resume_hint, int runs_total) {
  copy(g_partial, partial_path(output));
  copy(g_lock, lock_path(output));
  copy(g_after_count, " of " + std::to_string(runs_total) + " runs are finished and kept in " + journal_path(output) +
                          "; finish the others with: " + resume_hint + "\n");
  g_runs_kept = 0;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (const int s : kSignals) sigaction(s, &action, nullptr);
}

InterruptionNotice::~InterruptionNotice() {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  for (const int s : kSignals) sigaction(s, &action, nullptr);
}

void InterruptionNotice::set_runs_kept(int runs) { g_runs_kept = runs; }

std::string resume_command(const std::string& command_line) {
  std::string command = std::regex_replace(command_line, std::regex(R"( --force\b)"), "");
  if (command.find(" --resume") == std::string::npos) command += " --resume";
  return command;
}

std::string signal_name(int signal) {
  return signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : signal == SIGHUP ? "SIGHUP" : "signal " + std::to_string(signal);
}

namespace {

volatile std::sig_atomic_t g_child = 0;
std::atomic<int> g_received{0};

void pass_on(int signal, siginfo_t* info, void*) {
  int none = 0;
  g_received.compare_exchange_strong(none, signal);
  // si_code <= 0: sent by a process (kill, sigqueue), perhaps to this one alone; a terminal's
  // signal comes from the kernel and reached the child already.
  if (info != nullptr && info->si_code <= 0 && g_child > 0) ::kill(g_child, signal);
}

}  // namespace

ChildInterruption::ChildInterruption() {
  g_child = 0;
  g_received = 0;
  struct sigaction action {};
  action.sa_sigaction = pass_on;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (const int s : kSignals) sigaction(s, &action, nullptr);
}

ChildInterruption::~ChildInterruption() {
  g_child = 0;
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  for (const int s : kSignals) sigaction(s, &action, nullptr);
}

void ChildInterruption::watch(pid_t child) {
  g_child = child;
  if (const int signal = g_received.load(); signal != 0) ::kill(child, signal);  // arrived before the child was there
}

int ChildInterruption::received() { return g_received.load(); }

}  // namespace placesim::cli
