"""Counting a run: documents, failures, flags and removals per rule; the summary line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .records import Outcome

__all__ = ["Tally"]

TOP_RULES = 10


@dataclass
class Tally:
    docs: int = 0
    failed: int = 0
    skipped: int = 0
    unreadable: int = 0  # not records (a malformed JSON line): always left out
    flagged: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome, skipped: bool = False) -> bool:
        """Count one record (``skipped``: a failure is left out of the output);
        true when it was cleaned."""
        self.docs += 1
        if outcome.error is not None:
            self.failed += 1
            self.skipped += skipped
            self.unreadable += outcome.rejected
            return False
        self.rules.update(outcome.rule_counts)
        if outcome.flags:
            self.flagged += 1
            self.flags.update(outcome.flags)
        return True

    def summary(self) -> str:
        parts = [f"{self.docs} docs", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        if self.unreadable:
            parts.append(f"{self.unreadable} unreadable (left out)")
        flags = ", ".join(f"{k} {v}" for k, v in self.flags.most_common())
        parts.append(f"{self.flagged} flagged" + (f" ({flags})" if flags else ""))
        top = ", ".join(f"{k} {v}" for k, v in self.rules.most_common(TOP_RULES))
        line = "cleannews: " + ", ".join(parts)
        return line + (f"; removed lines by rule: {top}" if top else "")
