"""The progress bar on standard error (tqdm): documents, documents per second, ETA.

Drawn only when asked (the CLI asks when standard error is a terminal and ``--quiet`` is
not given), and only once the run has lasted ``DELAY`` seconds. The number of documents
in the input is not known before it is read: it is estimated from the share of the input
bytes read so far, which gives tqdm its percentage and ETA. Messages (bad records) go
through ``note``, that is ``tqdm.write``, so that they do not tangle with the bar.

tqdm is imported only when a bar is drawn: its import costs ~45 ms (``python -X
importtime``, tqdm 4.70), a third of the CLI's own, which a run off a terminal never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = ["DELAY", "INTERVAL", "Progress"]

# No bar for a run shorter than this (seconds): one file cleaned leaves no flicker.
DELAY = 0.5
# At most this often (seconds) the bar is redrawn; tqdm's default is 0.1.
INTERVAL = 0.2


class Progress:
    def __init__(
        self, stream: TextIO, enabled: bool, *, delay: float = DELAY, interval: float = INTERVAL
    ) -> None:
        self._stream = stream
        self._bar: tqdm[Any] | None = _bar(stream, delay, interval) if enabled else None

    def update(self, docs: int = 1, fraction: float | None = None) -> None:
        """Count ``docs`` more documents done; ``fraction``: the share of the input read."""
        if self._bar is None:
            return
        if fraction:  # the documents the whole input holds, at the rate read so far
            self._bar.total = max(self._bar.n + docs, round((self._bar.n + docs) / fraction))
        self._bar.update(docs)

    def note(self, message: str) -> None:
        """Print ``message`` on its own line (the bar, when drawn, is cleared and redrawn)."""
        if self._bar is None:
            self._stream.write(message + "\n")
            self._stream.flush()
        else:
            self._bar.write(message, file=self._stream)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _bar(stream: TextIO, delay: float, interval: float) -> tqdm[Any]:
    from tqdm import tqdm

    return tqdm(
        file=stream,
        unit=" docs",
        delay=delay,
        mininterval=interval,
        dynamic_ncols=True,
        leave=False,
    )
