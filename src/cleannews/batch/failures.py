"""Where failed records are reported: standard error, or an errors file (``--errors``).

The errors file follows the engines' convention (Spark's bad-records path, datatrove's
exclusion writer): one JSON object a failed record, with where it was, why it failed,
what was done with it and, for a JSON line, its text; the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

from .records import Outcome, Record

__all__ = ["ErrorsFile", "FailureLog", "NoteLog", "action_of"]

LEFT_OUT, SKIPPED, PASSED = "left out", "skipped", "passed through unchanged"


def action_of(outcome: Outcome, skip_failed: bool) -> str:
    """What the output does with a failed record: a record that is not one (a malformed
    line) is always left out; others follow ``--on-error``."""
    if outcome.rejected:
        return LEFT_OUT
    return SKIPPED if skip_failed else PASSED


class FailureLog(Protocol):
    def report(self, record: Record, outcome: Outcome, action: str) -> None: ...
    def close(self) -> None: ...


class NoteLog:
    """One line a failure, ``cleannews: FILE:LINE: reason (action)``, through ``note``
    (the progress bar's writer, so that the lines do not tangle with the bar)."""

    def __init__(self, note: Callable[[str], None]) -> None:
        self._note = note

    def report(self, record: Record, outcome: Outcome, action: str) -> None:
        line = outcome.line or record.line
        self._note(f"cleannews: {record.source}:{line}: {outcome.error} ({action})")

    def close(self) -> None:
        pass


class ErrorsFile:
    """One JSON object a failure: ``file``, ``line``, ``reason``, ``action``, ``raw`` (a
    JSON line's text, undecodable bytes replaced by U+FFFD; ``null`` for other records).

    The file is written anew by each run: empty when no record failed.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._stream: IO[str] | None = open(path, "w", encoding="utf-8")  # noqa: SIM115
        self.count = 0

    def report(self, record: Record, outcome: Outcome, action: str) -> None:
        assert self._stream is not None, "reported after close"
        raw = None if outcome.raw is None else outcome.raw.decode("utf-8", "replace")
        entry = {
            "file": record.source,
            "line": outcome.line or record.line,
            "reason": outcome.error,
            "action": action,
            "raw": None if raw is None else raw.removesuffix("\n").removesuffix("\r"),
        }
        self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
