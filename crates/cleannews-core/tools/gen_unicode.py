"""Generate crates/cleannews-core/src/unicode/tables.rs from the running Python.

The Python pipeline's character classes come from three places, each with its own tables:
``str`` methods and the standard library's ``re`` (CPython's Unicode database: 3.11 is
Unicode 14.0), and the ``regex`` module's ``\\p{..}``, ``\\d``, ``\\w``, ``\\s`` (the module
ships its own, newer, Unicode tables). Every class is read here by asking Python itself,
code point by code point, so the Rust tables are what the Python pipeline sees, not what
a specification says it should see.

Run from the repository root with the project's interpreter:

    .venv/bin/python crates/cleannews-core/tools/gen_unicode.py

and commit the output; ``tests/test_unicode_tables.py`` sweeps every code point through the
core and fails when the running Python disagrees with the committed tables.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import regex

OUT = Path(__file__).resolve().parent.parent / "src" / "unicode" / "tables.rs"
MAX_CP = 0x110000
SURROGATES = range(0xD800, 0xE000)
# Every code point as one string (surrogates included: Python strings can hold them, so
# the regex module can be asked about each position; they are dropped from the tables).
ALL = "".join(map(chr, range(MAX_CP)))


def by_method(test: Callable[[str], bool]) -> set[int]:
    return {cp for cp in range(MAX_CP) if cp not in SURROGATES and test(chr(cp))}


def by_pattern(pattern: str, flags: int = 0) -> set[int]:
    compiled = regex.compile(pattern, flags)
    return {m.start() for m in compiled.finditer(ALL)} - set(SURROGATES)


def by_compiled(compiled: regex.Pattern[str]) -> set[int]:
    return {m.start() for m in compiled.finditer(ALL)} - set(SURROGATES)


def by_re(pattern: str) -> set[int]:
    compiled = re.compile(pattern)
    return {m.start() for m in compiled.finditer(ALL)} - set(SURROGATES)


def final_sigma(context: str) -> bool:
    return context.lower().endswith("\u03c2")


# Python's Final_Sigma rule reads two properties that no str method shows: Cased and
# Case_Ignorable. Both are read back from str.lower (CPython, handle_capital_sigma):
# "A c Σ" ends in final sigma iff c is case-ignorable or cased; "c Σ" iff c is cased and
# not case-ignorable. (Whether a case-ignorable character is also cased never matters:
# the scan skips it.)
def case_props() -> tuple[set[int], set[int]]:
    ignorable: set[int] = set()
    cased: set[int] = set()
    for cp in range(MAX_CP):
        if cp in SURROGATES:
            continue
        c = chr(cp)
        after_cased = final_sigma("A" + c + "\u03a3")
        alone = final_sigma(c + "\u03a3")
        if after_cased and not alone:
            ignorable.add(cp)
        elif alone:
            cased.add(cp)
    return ignorable, cased


def ranges(cps: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] + 1 == cp:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


def rust_ranges(name: str, doc: str, cps: set[int]) -> str:
    rows = ranges(cps)
    body = "\n".join(f"    (0x{a:04X}, 0x{b:04X})," for a, b in rows)
    return f"/// {doc}\npub(crate) const {name}: &[(u32, u32)] = &[\n{body}\n];\n"


def regex_class(cps: set[int]) -> str:
    """The contents of a `regex`-crate character class (no brackets) matching ``cps``."""
    parts = []
    for a, b in ranges(cps):
        parts.append(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}")
    return "".join(parts)


def rust_str(s: str) -> str:
    return '"' + "".join(f"\\u{{{ord(c):X}}}" for c in s) + '"'


def main() -> None:
    assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version
    # (Rust name, doc, code points, regex-crate class constant or None).
    classes: list[tuple[str, str, set[int], bool]] = []

    def add(name: str, doc: str, cps: set[int], as_class: bool = False) -> None:
        classes.append((name, doc, cps, as_class))

    isalnum = by_method(str.isalnum)
    isspace = by_method(str.isspace)
    isdecimal = by_method(str.isdecimal)
    # The standard library's re reads the same table as str for \s \d \w: checked, not
    # assumed (the Rust side has one table each).
    assert by_re(r"\s") == isspace
    assert by_re(r"\d") == isdecimal
    assert by_re(r"\w") == isalnum | {ord("_")}
    add("PY_ALNUM", "`str.isalnum` of one character (and `re`'s `[^\\W_]`).", isalnum, True)
    add("PY_ALPHA", "`str.isalpha` of one character.", by_method(str.isalpha))
    add("PY_DIGIT", "`str.isdigit` of one character.", by_method(str.isdigit))
    add("PY_DECIMAL", "`str.isdecimal` of one character (and `re`'s `\\d`).", isdecimal, True)
    add("PY_NUMERIC", "`str.isnumeric` of one character.", by_method(str.isnumeric))
    add("PY_SPACE", "`str.isspace` (`str.split`, `str.strip`, `re`'s `\\s`).", isspace, True)
    # str.isupper/islower read three flags a character (CPython's UPPER, LOWER and TITLE
    # masks): "A" + c is not upper iff c is lower or title; "a" + c is not lower iff c is
    # upper or title; title is the category Lt.
    title = by_method(lambda c: unicodedata.category(c) == "Lt")
    lower_or_title = by_method(lambda c: not ("A" + c).isupper())
    upper_or_title = by_method(lambda c: not ("a" + c).islower())
    assert title == lower_or_title & upper_or_title
    upper, lower = upper_or_title - title, lower_or_title - title
    assert by_method(str.isupper) == upper - lower
    assert by_method(str.islower) == lower - upper
    add("PY_UPPER", "CPython's upper-case flag (`str.isupper` reads it).", upper)
    add("PY_LOWER", "CPython's lower-case flag (`str.islower` reads it).", lower)
    add("PY_TITLE", "CPython's title-case flag: category Lt ('ǅ').", title)
    add(
        "PY_PRINTABLE",
        "`str.isprintable` of one character (`repr` escapes the others).",
        by_method(str.isprintable),
    )
    ignorable, cased = case_props()
    add("PY_CASE_IGNORABLE", "Case_Ignorable as CPython's Final_Sigma rule reads it.", ignorable)
    add("PY_CASED", "Cased as CPython's Final_Sigma rule reads it (non-ignorable ones).", cased)
    unassigned = by_method(lambda c: unicodedata.category(c) == "Cn")
    add("PY_UNASSIGNED", "Unassigned in Python's Unicode database (`unicodedata`: Cn).", unassigned)
    for prop, doc in [
        ("L", "letter"),
        ("Lu", "upper-case letter"),
        ("Ll", "lower-case letter"),
        ("N", "number"),
        ("Mn", "non-spacing mark"),
        ("Cf", "format character"),
        ("Cc", "control character"),
        ("Han", "Han script"),
        ("Hiragana", "Hiragana script"),
        ("Katakana", "Katakana script"),
        ("Thai", "Thai script"),
        ("Latin", "Latin script"),
        ("Greek", "Greek script"),
        ("Cyrillic", "Cyrillic script"),
    ]:
        add(
            f"RX_{prop.upper()}",
            f"The `regex` module's `\\p{{{prop}}}` ({doc}).",
            by_pattern(rf"\p{{{prop}}}"),
            True,
        )
    add("RX_DIGIT", "The `regex` module's `\\d`.", by_pattern(r"\d"), True)
    add("RX_WORD", "The `regex` module's `\\w`.", by_pattern(r"\w"), True)
    add("RX_SPACE", "The `regex` module's `\\s`.", by_pattern(r"\s"), True)

    # normalize._INVISIBLE as the pipeline compiles it (a V1 set difference of classes).
    from cleannews import normalize

    add(
        "NORMALIZE_INVISIBLE",
        "`normalize._INVISIBLE`: format and control characters that are not white space.",
        by_compiled(normalize._INVISIBLE),
    )

    lower_single: list[tuple[int, int]] = []
    lower_multi: list[tuple[int, str]] = []
    upper_single: list[tuple[int, int]] = []
    upper_multi: list[tuple[int, str]] = []
    for cp in range(MAX_CP):
        if cp in SURROGATES:
            continue
        c = chr(cp)
        for mapped, single, multi in (
            (c.lower(), lower_single, lower_multi),
            (c.upper(), upper_single, upper_multi),
        ):
            if mapped == c:
                continue
            if len(mapped) == 1:
                single.append((cp, ord(mapped)))
            else:
                multi.append((cp, mapped))

    names = [name for name, _, _, _ in classes]
    out = [
        "// @generated by crates/cleannews-core/tools/gen_unicode.py from Python "
        f"{sys.version.split()[0]} (unicodedata {unicodedata.unidata_version}) and regex "
        f"{regex.__version__}: do not edit.",
        "//! Character tables read from the running Python (see `tools/gen_unicode.py`).",
        "#![allow(clippy::unreadable_literal)]",
        "",
    ]
    for name, doc, cps, _ in classes:
        out.append(rust_ranges(name, doc, cps))
    # The ASCII fast path: one bit a class, in table order.
    out.append("/// Bit `i` is set when the character is in the `i`-th class of [`CLASS_NAMES`].")
    out.append("pub(crate) const ASCII_FLAGS: [u32; 128] = [")
    for cp in range(128):
        bits = sum(1 << i for i, (_, _, cps, _) in enumerate(classes) if cp in cps)
        out.append(f"    0x{bits:08X},")
    out.append("];\n")
    out.append("/// The classes in bit order of [`ASCII_FLAGS`].")
    quoted = ", ".join(f'"{n}"' for n in names)
    out.append(f"pub(crate) const CLASS_NAMES: [&str; {len(names)}] = [{quoted}];\n")
    out.append("/// The range tables in bit order of [`ASCII_FLAGS`].")
    listed = ", ".join(names)
    out.append(f"pub(crate) const CLASS_TABLES: [&[(u32, u32)]; {len(names)}] = [{listed}];\n")
    for i, name in enumerate(names):
        out.append(f"/// The bit of `{name}` in [`ASCII_FLAGS`].")
        out.append(f"pub(crate) const BIT_{name}: u32 = 1 << {i};")
    out.append("")
    for name, doc, cps, as_class in classes:
        if as_class:
            out.append(f"/// {doc} As the contents of a `regex`-crate class (no brackets).")
            out.append(f'pub const CLASS_{name}: &str = r"{regex_class(cps)}";\n')
    for name, rows in (("LOWER_SINGLE", lower_single), ("UPPER_SINGLE", upper_single)):
        what = "lower" if name.startswith("LOWER") else "upper"
        out.append(f"/// `str.{what}` of the characters that map to one other character.")
        out.append(f"pub(crate) const {name}: &[(u32, u32)] = &[")
        out.extend(f"    (0x{a:04X}, 0x{b:04X})," for a, b in rows)
        out.append("];\n")
    for name, multi_rows in (("LOWER_MULTI", lower_multi), ("UPPER_MULTI", upper_multi)):
        what = "lower" if name.startswith("LOWER") else "upper"
        out.append(f"/// `str.{what}` of the characters that map to several characters.")
        out.append(f"pub(crate) const {name}: &[(u32, &str)] = &[")
        out.extend(f"    (0x{a:04X}, {rust_str(s)})," for a, s in multi_rows)
        out.append("];\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(out))
    print(
        f"{OUT}: {len(classes)} classes, {len(lower_single)}+{len(lower_multi)} lower, "
        f"{len(upper_single)}+{len(upper_multi)} upper mappings"
    )


if __name__ == "__main__":
    main()
