"""A countdown for a step or an activity, in plain Python with an injectable clock
(tests pass a fake one). It knows how long it has run so the time can be booked on a step."""

from __future__ import annotations

import time
from collections.abc import Callable


class Countdown:
    def __init__(self, seconds: float = 15 * 60, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.duration = float(seconds)
        self._used = 0.0                  # run time before the current run
        self._started: float | None = None
        self._unbooked = 0.0              # run time not yet booked on a step
        self._booked_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        run = self.clock() - self._started if self._started is not None else 0.0
        return self._used + run

    def remaining(self) -> float:
        """Seconds left; negative once the time is up and the clock still runs (overtime)."""
        return self.duration - self.elapsed()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def start(self) -> None:
        if self._started is None:
            self._started = self._booked_at = self.clock()

    def pause(self) -> None:
        if self._started is not None:
            now = self.clock()
            self._used += now - self._started
            self._unbooked += now - (self._booked_at if self._booked_at is not None else now)
            self._started = self._booked_at = None

    def reset(self, seconds: float | None = None) -> None:
        self.pause()
        self._used = 0.0
        if seconds is not None:
            self.duration = float(seconds)

    def add(self, seconds: float) -> None:
        self.duration = max(0.0, self.duration + seconds)

    def take_unbooked(self) -> float:
        """Run time since the last call (to add to the step's time spent)."""
        if self._started is not None:
            now = self.clock()
            self._unbooked += now - self._booked_at
            self._booked_at = now
        out, self._unbooked = self._unbooked, 0.0
        return out


def clock_text(seconds: float) -> str:
    """12:05, or −01:30 in overtime."""
    sign = "−" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
