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
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..profile import Learner, Profile
from .sources import Input, read_input
from .work import URL_FIELD, WorkOptions, document_text, group_of

__all__ = ["URL_FIELD", "group_of", "learn_profiles", "load_profiles", "save_profiles"]

_SUFFIX = ".json"
# The file stem of the group "" (plain text inputs): percent-encoding never gives a lone "%".
_NO_GROUP = "%"


def learn_profiles(inputs: Iterable[Input], options: WorkOptions) -> dict[str, Profile]:
    """One profile per group over every record of ``inputs`` (records that cannot be read
    are left out here; the cleaning pass reports them)."""
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
    return {group: learner.profile() for group, learner in learners.items()}


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
