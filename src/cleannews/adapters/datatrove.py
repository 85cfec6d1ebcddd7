"""datatrove: a pipeline step that cleans ``Document.text``.

    from cleannews.adapters.datatrove import CleanNewsStep
    pipeline = [JsonlReader("raw/"), CleanNewsStep(), JsonlWriter("clean/")]

The step replaces each document's text with the cleaned article, stores the metadata
(``cn_title``, ``cn_published``, ``cn_authors``, ...) in ``doc.metadata``, and counts in the
step's stats the lines each rule removed (``removed_<rule>``), the flags raised
(``flag_<name>``), the documents that failed (``failed``, kept unchanged with the reason in
``cn_error``) and those dropped because nothing was left (``dropped_empty``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..batch.records import Outcome
from ..batch.work import WorkOptions, clean_one
from ..config import DEFAULT, Config

__all__ = ["CleanNewsStep"]


class CleanNewsStep(PipelineStep):  # type: ignore[misc]  # datatrove has no type hints
    """Clean each document's text with cleannews; see the module docstring for the stats."""

    name = "🗞️ cleannews"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: Config | None = None,
        *,
        metadata: bool = True,
        reasons: bool = False,
        prefix: str = "cn_",
        drop_empty: bool = True,
    ) -> None:
        super().__init__()
        self.options = WorkOptions(
            config or DEFAULT, metadata=metadata, reasons=reasons, prefix=prefix
        )
        self.drop_empty = drop_empty

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                fields, outcome = clean_one(doc.text, self.options)
            if fields is None:
                self.stat_update("failed")
                doc.metadata[self.options.prefix + "error"] = outcome.error
            else:
                self._count(outcome)
                doc.text = fields.pop("text")
                doc.metadata.update(fields)
                if self.drop_empty and not doc.text.strip():
                    self.stat_update(StatHints.dropped, "dropped_empty")
                    continue
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc

    def _count(self, outcome: Outcome) -> None:
        for rule, count in outcome.rule_counts.items():
            self.stat_update(f"removed_{rule}", value=count)
        for flag in outcome.flags:
            self.stat_update(f"flag_{flag}")
