"""Batch cleaning for the command line: read records, clean them in parallel, write them back.

The pieces are small and separate so that other front ends can reuse them:
``sources`` reads files, folders and standard input as a stream of ``Record``; ``engine``
cleans texts in worker processes, in order, with a bounded number of chunks in flight;
``sinks`` writes each record back in its own format; ``fields`` turns an ``Article`` into
the flat, prefixed fields shared with the Spark and datatrove adapters.
"""

from __future__ import annotations

from .fields import META_FIELDS, article_fields
from .records import Outcome, Record

__all__ = ["META_FIELDS", "Outcome", "Record", "article_fields"]
