"""Thin adapters for engines that users already run: Apache Spark and datatrove.

Each lives in its own module and imports its engine only when used (``cleannews[spark]``,
``cleannews[datatrove]``). They call the library and add no cleaning logic of their own:
the cleaned text and the same prefixed metadata fields as ``cleannews --metadata``.
"""

from __future__ import annotations

__all__: list[str] = []
