"""A progress line on standard error: documents, documents per second, ETA.

Drawn only on a terminal, at most a few times a second, and only once the work has lasted
a moment. Messages (bad records) go through ``note`` so that they do not tangle with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]

_WIDTH = 24


class Progress:
    def __init__(
        self,
        stream: TextIO,
        enabled: bool,
        *,
        delay: float = 0.5,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._enabled = enabled
        self._fraction: float | None = None
        self._delay = delay
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._last = self._start
        self._docs = 0
        self._drawn = False

    def update(self, docs: int = 1, fraction: float | None = None) -> None:
        """Count ``docs`` more documents done; ``fraction``: the share of the input done."""
        self._docs += docs
        self._fraction = fraction
        now = self._clock()
        if not (self._enabled and self._due(now)):
            return
        self._last = now
        self._stream.write("\r" + self.line(now) + "\x1b[K")
        self._stream.flush()
        self._drawn = True

    def _due(self, now: float) -> bool:
        return now - self._start >= self._delay and now - self._last >= self._interval

    def line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        rate = self._docs / elapsed
        text = f"{self._docs} docs  {rate:.1f} docs/s  {_clock_time(elapsed)}"
        fraction = self._fraction
        if fraction is None:
            return text
        filled = int(fraction * _WIDTH)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        eta = elapsed * (1 - fraction) / fraction if fraction > 0 else None
        return f"[{bar}] {fraction:4.0%}  {text}  ETA {_clock_time(eta)}"

    def note(self, message: str) -> None:
        """Print ``message`` on its own line, clearing the progress line first."""
        self._clear()
        self._stream.write(message + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._drawn = False


def _clock_time(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
