"""The language data files are parsed strictly: format, families, duplicates, months.

These tests check the data in ``src/cleannews/langdata/`` (phrase lists, metadata labels,
month names), not the cleaner's behaviour. Every failure names the file and the line, so a
contributor who adds a phrase learns at once what is wrong with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources

import pytest

from cleannews import _core

# The core's own lists (no drift) and its fold (the key the loader keys entries by).
BLOCK_FAMILIES, LINE_FAMILIES = map(frozenset, _core.phrase_families())
METADATA_SECTIONS = frozenset(_core.metadata_sections())
fold = _core.fold

LANGDATA = resources.files("cleannews") / "langdata"
PHRASES = LANGDATA / "phrases"

FAMILIES = BLOCK_FAMILIES | LINE_FAMILIES  # the loader's own list: no drift
REQUIRED_PHRASE_LANGUAGES = ("ro", "en", "de", "fr", "it", "es", "pt", "pl", "hu", "vi")
REQUIRED_MONTH_LANGUAGES = ("ro", "en", "de", "fr", "it", "es", "pt", "pl", "hu")
# A major language's list should be worth loading; fewer entries than this is a stub.
MIN_ENTRIES_REQUIRED_LANGUAGE = 40

PREFIX_MARK = " ..."
HEADER = re.compile(r"# [A-Z][A-Za-z ]+ \(([a-z]{2})\): clutter phrases of news sites\.")
HEADING = re.compile(r"\[([a-z_]+)\]")


def _phrase_files() -> list[str]:
    return sorted(p.name for p in PHRASES.iterdir() if p.name.endswith(".txt"))


def _fail_if(errors: list[str]) -> None:
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


def _parse_bracketed(
    name: str, text: str, known: frozenset[str], errors: list[str], allow_prefix: bool
) -> list[tuple[str, str, bool, int]]:
    """(section, folded entry, is_prefix, line number) of a [section]-headed file.

    Problems are appended to ``errors`` as "<file>:<line>: <what>".
    """
    out: list[tuple[str, str, bool, int]] = []
    section: str | None = None
    seen_sections: dict[str, int] = {}
    seen: dict[tuple[str, str, bool], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw != raw.strip():
            errors.append(f"{where}: leading or trailing whitespace in {raw!r}")
        line = raw.strip()
        if "\t" in line:
            errors.append(f"{where}: tab character in {line!r}")
        if line.startswith("["):
            m = HEADING.fullmatch(line)
            if m is None:
                errors.append(f"{where}: malformed heading {line!r} (expected [name])")
                continue
            section = m.group(1)
            if section not in known:
                errors.append(f"{where}: unknown section [{section}]; known: {sorted(known)}")
            if section in seen_sections:
                errors.append(
                    f"{where}: [{section}] repeats the heading of line {seen_sections[section]}"
                )
            seen_sections[section] = number
            continue
        if section is None:
            errors.append(f"{where}: entry {line!r} before any [section] heading")
            continue
        is_prefix = line.endswith(PREFIX_MARK)
        body = line[: -len(PREFIX_MARK)] if is_prefix else line
        if is_prefix and not allow_prefix:
            errors.append(f"{where}: prefix entry {line!r} not allowed here (plain entries only)")
        if "..." in body or "…" in body:
            errors.append(f"{where}: {line!r}: an ellipsis is allowed only as the final ' ...'")
        key = fold(body)
        if not key:
            errors.append(f"{where}: entry {line!r} folds to nothing (no letters or digits)")
            continue
        ident = (section, key, is_prefix)
        if ident in seen:
            errors.append(
                f"{where}: {line!r} duplicates line {seen[ident]} in [{section}] "
                f"(both fold to {key!r})"
            )
            continue
        seen[ident] = number
        out.append((section, key, is_prefix, number))
    return out


# -- phrases/<lang>.txt ------------------------------------------------------------------


def test_required_phrase_languages_exist() -> None:
    have = {n.removesuffix(".txt") for n in _phrase_files()}
    missing = [lang for lang in REQUIRED_PHRASE_LANGUAGES if lang not in have]
    assert not missing, f"langdata/phrases/: no file for {missing}"


@pytest.mark.parametrize("name", _phrase_files())
def test_phrase_file_is_well_formed(name: str) -> None:
    where = f"phrases/{name}"
    text = (PHRASES / name).read_text(encoding="utf-8")
    errors: list[str] = []
    first = text.splitlines()[0] if text else ""
    m = HEADER.fullmatch(first)
    if m is None:
        errors.append(
            f"{where}:1: first line must be '# <Language> (<iso>): clutter phrases of news sites.'"
        )
    elif m.group(1) != name.removesuffix(".txt"):
        errors.append(f"{where}:1: header names ({m.group(1)}) but the file is {name}")
    entries = _parse_bracketed(where, text, FAMILIES, errors, allow_prefix=True)
    # The loader keys phrases by their folded text: one phrase in two families is ambiguous.
    family_of: dict[tuple[str, bool], tuple[str, int]] = {}
    for family, key, is_prefix, number in entries:
        other = family_of.setdefault((key, is_prefix), (family, number))
        if other[0] != family:
            errors.append(
                f"{where}:{number}: {key!r} is in [{family}] and in [{other[0]}] (line {other[1]})"
            )
    if not entries:
        errors.append(f"{where}: no entries")
    lang = name.removesuffix(".txt")
    if lang in REQUIRED_PHRASE_LANGUAGES and len(entries) < MIN_ENTRIES_REQUIRED_LANGUAGE:
        errors.append(
            f"{where}: {len(entries)} entries, fewer than {MIN_ENTRIES_REQUIRED_LANGUAGE}"
        )
    _fail_if(errors)


def test_phrase_families_agree_across_languages() -> None:
    """All phrase files load into one table, so a folded phrase must mean one family."""
    errors: list[str] = []
    first: dict[tuple[str, bool], tuple[str, str, int]] = {}
    for name in _phrase_files():
        where = f"phrases/{name}"
        text = (PHRASES / name).read_text(encoding="utf-8")
        for family, key, is_prefix, number in _parse_bracketed(
            where, text, FAMILIES, [], allow_prefix=True
        ):
            prev = first.setdefault((key, is_prefix), (family, where, number))
            if prev[0] != family:
                errors.append(
                    f"{where}:{number}: {key!r} is [{family}] here but [{prev[0]}] in "
                    f"{prev[1]}:{prev[2]}"
                )
    _fail_if(errors)


# -- metadata.txt ------------------------------------------------------------------------


def test_metadata_file_is_well_formed() -> None:
    text = (LANGDATA / "metadata.txt").read_text(encoding="utf-8")
    errors: list[str] = []
    entries = _parse_bracketed("metadata.txt", text, METADATA_SECTIONS, errors, allow_prefix=False)
    present = {section for section, *_ in entries}
    for section in sorted(METADATA_SECTIONS - present):
        errors.append(f"metadata.txt: section [{section}] is missing or empty")
    _fail_if(errors)


# -- date_order.tsv ----------------------------------------------------------------------


def test_date_order_file_is_well_formed() -> None:
    rows = (LANGDATA / "date_order.tsv").read_text(encoding="utf-8").splitlines()
    errors: list[str] = []
    if not rows or rows[0] != "lang\torder":
        errors.append("date_order.tsv:1: header must be 'lang<TAB>order'")
    for number, row in enumerate(rows[1:], start=2):
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        if len(cols) != 2 or not re.fullmatch(r"[a-z]{2,3}", cols[0]):
            errors.append(f"date_order.tsv:{number}: expected lang<TAB>order: {row!r}")
        elif cols[1] not in ("month_first", "day_first"):
            errors.append(f"date_order.tsv:{number}: order is month_first or day_first")
    _fail_if(errors)


# -- months.tsv --------------------------------------------------------------------------


def test_months_file_is_well_formed() -> None:
    name = "months.tsv"
    rows = (LANGDATA / name).read_text(encoding="utf-8").splitlines()
    errors: list[str] = []
    if not rows or rows[0] != "lang\tmonth\tname":
        errors.append(f"{name}:1: header must be 'lang<TAB>month<TAB>name'")
    months: dict[str, set[int]] = defaultdict(set)
    seen: dict[tuple[str, str], int] = {}
    # The loader's month table is keyed by the folded name alone (language-blind).
    meaning: dict[str, tuple[int, str, int]] = {}
    for number, row in enumerate(rows[1:], start=2):
        where = f"{name}:{number}"
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        if len(cols) != 3:
            errors.append(f"{where}: expected 3 tab-separated columns, got {len(cols)}: {row!r}")
            continue
        lang, month_text, month_name = cols
        if not re.fullmatch(r"[a-z]{2}", lang):
            errors.append(f"{where}: language {lang!r} is not an ISO 639-1 code")
        if not re.fullmatch(r"[0-9]{1,2}", month_text) or not 1 <= int(month_text) <= 12:
            errors.append(f"{where}: month {month_text!r} is not a number 1-12")
            continue
        month = int(month_text)
        if month_name != month_name.strip() or not month_name:
            errors.append(f"{where}: name {month_name!r} is empty or has surrounding spaces")
        key = fold(month_name)
        if not key:
            errors.append(f"{where}: name {month_name!r} folds to nothing")
            continue
        if (lang, key) in seen:
            errors.append(
                f"{where}: {lang} {month_name!r} duplicates line {seen[lang, key]} "
                f"(both fold to {key!r})"
            )
            continue
        seen[lang, key] = number
        prev = meaning.setdefault(key, (month, lang, number))
        if prev[0] != month:
            errors.append(
                f"{where}: {key!r} is month {month} in {lang} but month {prev[0]} in "
                f"{prev[1]} (line {prev[2]})"
            )
        months[lang].add(month)
    for lang, have in sorted(months.items()):
        missing = sorted(set(range(1, 13)) - have)
        if missing:
            errors.append(f"{name}: language {lang} lacks months {missing}")
    for lang in REQUIRED_MONTH_LANGUAGES:
        if lang not in months:
            errors.append(f"{name}: no rows for required language {lang}")
    _fail_if(errors)
