"""An interrupted analysis (Ctrl-C, SIGTERM from a scheduler, SIGHUP when its terminal closes)
stops cleanly: the runs it started are stopped too (each keeps its finished runs in its journal),
its temporary files are removed as the exception unwinds, and it ends with status 128 + the
signal, printing nothing: `placesim`, which started it, says what was kept and how to continue."""
import signal

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A KeyboardInterrupt for any of SIGNALS (subprocess treats it as Ctrl-C)."""

    def __init__(self, number):
        super().__init__(number)
        self.signal = number


def _raise(number, frame):
    # Once: the same interruption often comes twice (a terminal's Ctrl-C reaches the whole group,
    # and placesim passes on what it receives), and the second must not cut the clean-up short.
    for other in SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(number)


def stop_on_signals():
    for number in SIGNALS:
        signal.signal(number, _raise)


def exit_status(interruption):
    return 128 + getattr(interruption, "signal", signal.SIGINT)
