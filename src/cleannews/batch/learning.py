"""``cleannews --learn``: the first pass, which learns one site profile per group.

A record's group is the site it comes from: with ``--group-field url`` the host of the URL
in that field, with any other field name that field's value (a site or domain name).
Plain text files have no fields: they form one group (``""``). Records whose group field
is missing or not a string go to that group too.

The pass runs in this process and reads every input once more, as the cleaning pass does;
memory is one counting table per group (``profile.MAX_TRACKED_LINES`` entries at most
each), never the documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..profile import MIN_DOCS, MIN_SHARE, Learner, Profile
from .sources import Input, read_input
from .work import URL_FIELD, WorkOptions, document_text, group_of

__all__ = [
    "URL_FIELD",
    "Learned",
    "group_of",
    "learn_profiles",
    "load_profiles",
    "save_profiles",
]

_SUFFIX = ".json"
# The file stem of the group "" (plain text inputs): percent-encoding never gives a lone "%".
_NO_GROUP = "%"


@dataclass(frozen=True)
class Learned:
    """The profiles learned, one per group that has boilerplate lines, and why the other
    groups have none: too few documents (under ``min_docs``: no line can reach it), or
    no line on ``min_share`` of their documents."""

    profiles: dict[str, Profile]
    too_few: int = 0
    nothing_repeated: int = 0
    min_docs: int = MIN_DOCS
    min_share: float = MIN_SHARE

    def summary(self) -> str:
        lines = sum(len(p) for p in self.profiles.values())
        parts = [f"learned {lines} lines over {len(self.profiles)} group(s)"]
        if self.too_few:
            parts.append(
                f"{self.too_few} group(s) have fewer than {self.min_docs} documents, "
                "too few to learn from (a line must be on at least that many)"
            )
        if self.nothing_repeated:
            parts.append(
                f"{self.nothing_repeated} group(s) repeat no line on {self.min_share:.0%} "
                f"of their documents and on {self.min_docs} or more"
            )
        return "; ".join(parts)


def learn_profiles(inputs: Iterable[Input], options: WorkOptions) -> Learned:
    """One profile per group over every record of ``inputs`` (records that cannot be read
    are left out here; the cleaning pass reports them). Groups that learn no line have no
    profile: the result says how many and why."""
    learners: dict[str, Learner] = {}
    for inp in inputs:
        for record in read_input(inp):
            if record.error is not None:
                continue
            row = record.row if inp.fmt == "parquet" else _json_row(inp.fmt, record.raw)
            text, _ = document_text(inp.fmt, record.raw, record.row, options)
            if text is None:
                continue
            group = group_of(row, options.group_field)
            learners.setdefault(group, Learner()).add(text)
    learned = {group: learner.profile() for group, learner in learners.items()}
    empty = [group for group, profile in learned.items() if not profile]
    too_few = sum(learners[group].documents < learners[group].min_docs for group in empty)
    return Learned(
        {group: profile for group, profile in learned.items() if profile},
        too_few=too_few,
        nothing_repeated=len(empty) - too_few,
    )


def _json_row(fmt: str, raw: bytes | None) -> dict[str, Any] | None:
    if fmt != "jsonl" or raw is None:
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return obj if isinstance(obj, dict) else None


def save_profiles(profiles: Mapping[str, Profile], folder: Path) -> None:
    """One JSON file per group, named by the group (percent-encoded; ``%.json`` for "")."""
    folder.mkdir(parents=True, exist_ok=True)
    for group, profile in profiles.items():
        profile.save(folder / (_file_stem(group) + _SUFFIX))


def load_profiles(folder: Path) -> dict[str, Profile]:
    """The profiles that ``save_profiles`` wrote; ``ValueError`` for a file that is not one."""
    if not folder.is_dir():
        raise ValueError(f"no such profile folder: {folder}")
    out: dict[str, Profile] = {}
    for path in sorted(folder.glob("*" + _SUFFIX)):
        try:
            out[_group_name(path.name[: -len(_SUFFIX)])] = Profile.load(path)
        except (ValueError, OSError) as exc:
            raise ValueError(f"{path}: {exc}") from None
    return out


def _file_stem(group: str) -> str:
    return quote(group, safe="") if group else _NO_GROUP


def _group_name(stem: str) -> str:
    return "" if stem == _NO_GROUP else unquote(stem)
