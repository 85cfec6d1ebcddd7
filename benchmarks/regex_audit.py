"""Empirical growth audit of every regular expression in cleannews.

    .venv/bin/python -m benchmarks.regex_audit                # every pattern, a table
    .venv/bin/python -m benchmarks.regex_audit --only _NAME   # patterns whose name has this
    .venv/bin/python -m benchmarks.regex_audit --n 1000       # sizes n and 4n (default 2000)

The project promises that every pattern runs in linear time (benchmarks/ROBUSTNESS.md,
"Regular expressions"); reading the patterns missed one (normalize._STRAY_JOINER), so this
measures instead. It finds the patterns by introspection: every module under ``cleannews``
is imported and its module-level ``re.Pattern`` / ``regex.Pattern`` values are taken, also
inside module-level tuples, lists, dicts and sets (``fields._FIRST_TOKENS``); the language
data (``load_lexicon()``) is searched the same way; and a pattern given as a literal to a
module-level function (``regex.fullmatch(r"...", text)``) is found in the source.

Each pattern gets adversarial inputs built from itself (``units``, ``inputs``): its
character classes are read from its source (``[...]``, ``\\p{..}``, ``\\d\\s\\w``, its
literal characters, ``\\uXXXX`` escapes included), and a candidate set of characters
(``CANDIDATES``: letters of several scripts, digits, spaces, punctuation, joiners) plus the
pattern's literals is split by which of those classes each character matches: one
character stands for each split. Its literal words (``https``, ``de``, ``and``) are units
too. The inputs are runs of one unit, runs of two alternating units, and each such run
followed by a character that ends it (``TAILS``: nothing, a digit, a letter, a space...).

Every operation the code applies to a pattern (found in the source: ``_NAME.match(``) is
timed, plus ``finditer`` to exhaustion (a search from every position), in CPU time
(``time.process_time``), at n and 4n characters. The worst input of a pattern (the highest
growth ratio among inputs that take measurable time) is then re-timed, min of 3. A ratio
near 4 is linear, near 16 quadratic; ``SUPER_LINEAR`` flags ratio > 8 with t(4n) > 10 ms.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import itertools
import pkgutil
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import regex

import cleannews

Pattern = Any  # re.Pattern or regex.Pattern, of str or bytes
OPS = ("search", "sub", "subn", "findall", "finditer", "match", "fullmatch", "split")
# Always timed: the whole-string scan (a match tried from every position).
SCAN = "finditer"
# Characters that stand for the classes a pattern may use: Latin, Latin with diacritics,
# Greek, Cyrillic, Arabic, Han, Hiragana, Thai, Devanagari letters (both cases where there
# are cases), a combining mark, digits (ASCII, Arabic-Indic), white space, punctuation and
# symbols, format characters (joiners, BOM, soft hyphen), a control character.
CANDIDATES = (
    "aZéȘßαΩжЯبन中ひก"
    "\u0301\u093f"
    "07٣"
    " \t\n\r\u00a0\u2009\u3000"
    ".,;:!?'\"’“-–—_<>()[]{}@/\\|#&*+=%$€©»·•…：="
    "\u200c\u200d\ufeff\u00ad\x00\x7f"
)
# What may follow a run to make a match fail: nothing (end of text), a digit, a letter, a
# space, a line break, a punctuation mark, a character that only a negated class matches.
TAILS = ("", "7", "q", " ", "\n", ".", "\U0001f600")
# Flagged: growth ratio above this with t(4n) above SLOW_S.
SUPER_RATIO = 8.0
SLOW_S = 0.010
# Inputs whose t(4n) is below this are too quick for their ratio to mean anything.
FLOOR_S = 0.0005
# A measurement that takes longer than this is not repeated.
ONCE_S = 0.5
# t(4n) is not measured when t(n) took this long (reported as infinite: super-linear).
LONG_S = 5.0
# Screening a pattern's inputs stops after this much CPU time once one grew super-linearly.
SCREEN_S = 5.0


@dataclass(frozen=True)
class Found:
    """One pattern: where it is and the operations the code applies to it."""

    name: str  # the attribute, "_FIRST_TOKENS[2]", or "fullmatch@82" for a literal
    module: str  # "cleannews.metadata.fields"
    pattern: Pattern
    ops: tuple[str, ...]


@dataclass(frozen=True)
class Input:
    what: str  # a description: "run of 'a' + '7'"
    units: tuple[str, ...]  # repeated in turn
    tail: str
    head: str = ""  # once before the run ("'Z' then a run of 'a'": an anchored start)

    def build(self, n: int) -> str:
        body = "".join(self.units)
        return self.head + (body * (n // len(body) + 1))[:n] + self.tail


@dataclass(frozen=True)
class Timing:
    what: str
    t_n: float
    t_4n: float

    @property
    def ratio(self) -> float:
        return self.t_4n / self.t_n if self.t_n > 0 else float("inf")


# -- discovery -------------------------------------------------------------------------------


def is_pattern(value: object) -> bool:
    return isinstance(value, (re.Pattern, regex.Pattern))


def modules(package: ModuleType = cleannews) -> list[ModuleType]:
    """Every module of the package that imports (an adapter whose optional dependency is
    missing is left out)."""
    found = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        try:
            found.append(importlib.import_module(info.name))
        except ImportError:
            continue
    return found


def patterns_in(value: object, name: str) -> Iterator[tuple[str, Pattern]]:
    """(name, pattern) for a pattern or the patterns inside a tuple, list, set or dict."""
    if is_pattern(value):
        yield name, value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from patterns_in(item, f"{name}[{i}]")
    elif isinstance(value, (set, frozenset)):
        for item in value:
            if is_pattern(item):
                yield f"{name}{{}}", item
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from patterns_in(item, f"{name}[{key!r}]")


def _source(module: ModuleType) -> str:
    try:
        return inspect.getsource(module)
    except (OSError, TypeError):
        return ""


def ops_used(name: str, source: str) -> tuple[str, ...]:
    """The operations a module's source applies to a pattern attribute (``NAME.op(`` or
    ``NAME[...].op(``), plus the whole-string scan."""
    base = re.escape(name.split("[", 1)[0])
    used = set(re.findall(rf"\b{base}(?:\[[^\]]*\])?\.({'|'.join(OPS)})\(", source))
    return tuple(op for op in OPS if op in used or op == SCAN)


def literal_calls(module: ModuleType) -> Iterator[tuple[str, Pattern, str]]:
    """Patterns given as a literal string to ``re.op(...)`` / ``regex.op(...)`` in the
    module's source: (name, compiled pattern, op)."""
    source = _source(module)
    if not source:
        return
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("re", "regex")
            and node.func.attr in OPS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, (str, bytes))
        ):
            continue
        engine = re if node.func.value.id == "re" else regex
        flags = 0
        for kw in node.keywords:
            if kw.arg == "flags":
                flags = eval(compile(ast.Expression(kw.value), "<flags>", "eval"), vars(module))
        pattern = engine.compile(node.args[0].value, flags)
        yield f"{node.func.attr}@{node.lineno}", pattern, node.func.attr


def discover(package: ModuleType = cleannews) -> list[Found]:
    """Every compiled pattern of the package, each once, named where it is defined."""
    seen: dict[int, Found] = {}
    for module in modules(package):
        source = _source(module)
        for attr, value in vars(module).items():
            for name, pattern in patterns_in(value, attr):
                defined_here = re.search(rf"^{re.escape(attr)}\s*(?::[^=]*)?=", source, re.M)
                if id(pattern) in seen and not defined_here:
                    continue
                seen[id(pattern)] = Found(name, module.__name__, pattern, ops_used(name, source))
        for name, pattern, op in literal_calls(module):
            seen[id(pattern)] = Found(name, module.__name__, pattern, tuple(sorted({op, SCAN})))
    lexicon = importlib.import_module(f"{package.__name__}.lexicon")
    lex = lexicon.load_lexicon()
    for attr in getattr(lex, "__dataclass_fields__", {}):
        for name, pattern in patterns_in(getattr(lex, attr), attr):
            if id(pattern) not in seen:
                seen[id(pattern)] = Found(f"Lexicon.{name}", lexicon.__name__, pattern, OPS)
    return sorted(seen.values(), key=lambda f: (f.module, f.name))


# -- inputs ----------------------------------------------------------------------------------

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
_CLASS_ESCAPES = "dDsSwWhH"
_ZERO_WIDTH_ESCAPES = "bBAZzGm"


def _escape_at(src: str, i: int) -> tuple[str, int, bool]:
    """The escape at ``src[i] == '\\'``: (its text, the index after it, is it a literal)."""
    c = src[i + 1] if i + 1 < len(src) else "\\"
    if c in "pPN" and i + 2 < len(src) and src[i + 2] == "{":
        end = src.index("}", i) + 1
        if c == "N":
            return unicodedata.lookup(src[i + 3 : end - 1]), end, True
        return src[i:end], end, False
    if c == "u":
        return chr(int(src[i + 2 : i + 6], 16)), i + 6, True
    if c == "U":
        return chr(int(src[i + 2 : i + 10], 16)), i + 10, True
    if c == "x":
        return chr(int(src[i + 2 : i + 4], 16)), i + 4, True
    if c in _ESCAPES:
        return _ESCAPES[c], i + 2, True
    if c.isdigit():  # a back-reference
        return "", i + 2, False
    if c in _CLASS_ESCAPES or c in _ZERO_WIDTH_ESCAPES:
        return "\\" + c, i + 2, False
    return c, i + 2, True


def _class_end(src: str, i: int) -> int:
    """The index after the character class that opens at ``src[i] == '['`` (nested
    classes of regex's V1 syntax included)."""
    depth, j = 0, i
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
            j += 1
            if j < len(src) and src[j] == "^":
                j += 1
            if j < len(src) and src[j] == "]":  # a ']' first in a class is literal
                j += 1
            continue
        if c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(src)


def _class_literals(body: str) -> Iterator[str]:
    """The literal characters of a class body, range ends included."""
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            text, i, literal = _escape_at(body, i)
            if literal:
                yield text
            continue
        if c not in "[]^":
            yield c
        i += 1


def parse(source: str) -> tuple[list[str], set[str], list[str]]:
    """(the class atoms, the literal characters, the literal words) of a pattern source.

    Class atoms are sources that match one character: ``[...]``, ``\\p{L}``, ``\\d``, ``.``
    and each literal character; words are runs of two or more literal characters outside
    classes (``https://``, ``de``)."""
    atoms: list[str] = []
    chars: set[str] = set()
    words: list[str] = []
    word = ""
    i = 0

    def end_word() -> None:
        # The letters of a word are told apart by the word (a unit of its own), not one
        # by one: a lone literal character is a class atom.
        nonlocal word
        if len(word) >= 2:
            if word not in words:
                words.append(word)
        elif word:
            atoms.append(regex.escape(word))
        word = ""

    while i < len(source):
        c = source[i]
        if c == "\\":
            text, i, literal = _escape_at(source, i)
            if literal:
                chars.add(text)
                word += text
            else:
                end_word()
                if text and text[1:2] not in _ZERO_WIDTH_ESCAPES:
                    atoms.append(text)
            continue
        if c == "[":
            end = _class_end(source, i)
            atoms.append(source[i:end])
            chars.update(_class_literals(source[i + 1 : end - 1]))
            end_word()
            i = end
            continue
        if c == "(" and source.startswith("(?", i):
            end_word()
            m = regex.match(r"\(\?(?:P?<\w+>|P=\w+\)|[:=!>|]|<[=!]|[a-zA-Z-]+[:)])", source[i:])
            i += len(m.group()) if m else 2
            continue
        if c == "{" and regex.match(r"\{\d*,?\d*\}", source[i:]):
            end_word()
            i = source.index("}", i) + 1
            continue
        if c in "()|^$*+?":
            end_word()
            i += 1
            continue
        if c == ".":
            end_word()
            atoms.append(".")
            i += 1
            continue
        chars.add(c)
        word += c
        i += 1
    end_word()
    return atoms, chars, words


def _as_text(pattern: Pattern) -> tuple[str, int, bool]:
    """(source as text, flags, is it a bytes pattern)."""
    if isinstance(pattern.pattern, bytes):
        return pattern.pattern.decode("latin-1"), pattern.flags, True
    return pattern.pattern, pattern.flags, False


def classes(pattern: Pattern) -> list[str]:
    """One character for each class of characters the pattern tells apart: the candidates
    (``CANDIDATES`` and the pattern's own literal characters) grouped by which of its atoms
    each matches; the first of a group stands for it."""
    source, flags, is_bytes = _as_text(pattern)
    atoms, chars, _ = parse(source)
    keep = regex.IGNORECASE | regex.ASCII | regex.DOTALL | regex.VERSION1 | regex.FULLCASE
    compiled = []
    for atom in dict.fromkeys(atoms):
        try:
            compiled.append(regex.compile(atom, flags & keep))
        except regex.error:
            continue
    candidates = dict.fromkeys(sorted(chars) + list(CANDIDATES))
    if is_bytes:
        candidates = dict.fromkeys(c for c in candidates if ord(c) < 256)
    groups: dict[tuple[bool, ...], str] = {}
    for c in candidates:
        signature = tuple(bool(a.fullmatch(c)) for a in compiled)
        groups.setdefault(signature, c)
    return list(groups.values())


def units(pattern: Pattern, max_words: int = 12) -> list[str]:
    """What the inputs repeat: one character per class, then the pattern's literal words."""
    source, _, _ = _as_text(pattern)
    return classes(pattern) + parse(source)[2][:max_words]


def inputs(pattern: Pattern) -> list[Input]:
    """Runs of one unit, runs of two alternating units (two words are not paired), and
    runs of one unit after another once ('Z' then 'a' * n: what an anchored pattern reads
    first), each at the end of the text and followed by each of ``TAILS``."""
    chars = classes(pattern)
    source, _, is_bytes = _as_text(pattern)
    words = parse(source)[2][:12]
    runs: list[tuple[str, ...]] = [(u,) for u in chars + words]
    runs += list(itertools.combinations(chars, 2))
    runs += [(w, c) for w in words for c in chars]
    tails = [t for t in TAILS if not is_bytes or all(ord(c) < 256 for c in t)]
    heads = [(u, (v,)) for u in chars + words for v in chars if u != v]
    built = []
    for head, run in [("", r) for r in runs] + heads:
        for tail in tails:
            kind = "run of " if len(run) == 1 else "alternating "
            what = kind + " ".join(repr(u) for u in run) + (f" + {tail!r}" if tail else "")
            built.append(Input(f"{head!r} then {what}" if head else what, run, tail, head))
    return built


# Text to take example matches from: the project's seed articles and test cases (and the
# quoted examples in each pattern's module).
PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = ("seeds/*.txt", "tests/cases/**/*.txt", "tests/cases/*.tsv")
# A match is pumped at this many points at most, with these tails.
PUMP_POINTS = 40
PUMP_TAILS = ("", "7")
_QUOTED = re.compile(r"'([^'\n]{2,100})'|\"([^\"\n]{2,100})\"")


def quoted(source: str) -> list[str]:
    """The quoted strings of a module's source (its comments' examples among them)."""
    return [a or b for a, b in _QUOTED.findall(source)]


def example_texts() -> list[str]:
    """Every line of ``EXAMPLE_FILES``."""
    texts: list[str] = []
    for glob in EXAMPLE_FILES:
        for path in sorted(PROJECT.glob(glob)):
            texts += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return texts


def examples(pattern: Pattern, texts: Iterable[str], limit: int = 2) -> list[str]:
    """Up to ``limit`` different non-empty matches of the pattern in ``texts``."""
    found: list[str] = []
    is_bytes = isinstance(pattern.pattern, bytes)
    for text in texts:
        data: Any = text.encode("latin-1", "replace") if is_bytes else text
        m = pattern.search(data)
        if m and m.end() > m.start():
            got = m.group().decode("latin-1") if is_bytes else m.group()
            if got not in found:
                found.append(got)
                if len(found) == limit:
                    break
    return found


def cuts(example: str) -> list[int]:
    """Where a match is cut to pump it: at its end, and wherever a word starts or ends or
    a character that is no letter or digit stands (in its first ``PUMP_POINTS``)."""
    points = []
    for i in range(1, min(len(example), PUMP_POINTS) + 1):
        before, after = example[i - 1], example[i : i + 1]
        if i == len(example) or not (before.isalnum() and after.isalnum()):
            points.append(i)
    return points


def pumped(example: str, chars: Sequence[str] = ()) -> list[Input]:
    """A real match cut at each of its ``cuts``, there a run of the character before or
    after the cut or of one of ``chars``, then each of ``PUMP_TAILS``: ``'Berlin (' then
    run of ' ' + '7'``."""
    built = []
    for i in cuts(example):
        head = example[:i]
        for c in dict.fromkeys([*example[i - 1 : i + 1], *chars]):
            for tail in PUMP_TAILS:
                what = f"{head!r} then run of {c!r}" + (f" + {tail!r}" if tail else "")
                built.append(Input(what, (c,), tail, head))
    return built


# -- timing ----------------------------------------------------------------------------------


def _operation(pattern: Pattern, op: str) -> Callable[[Any], object]:
    method = getattr(pattern, op)
    if op in ("sub", "subn"):
        empty = b"" if isinstance(pattern.pattern, bytes) else ""
        return lambda text: method(empty, text)
    if op == "finditer":
        return lambda text: sum(1 for _ in method(text))
    return method  # type: ignore[no-any-return]


def cpu_time(found: Found, text: str, repeat: int = 1) -> float:
    """CPU seconds of every operation on ``text``, min of ``repeat`` runs (one only when
    a run is slow)."""
    data: str | bytes = text
    if isinstance(found.pattern.pattern, bytes):
        data = text.encode("latin-1")
    calls = [_operation(found.pattern, op) for op in found.ops]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for call in calls:
            call(data)
        best = min(best, time.process_time() - start)
        if best > ONCE_S:
            break
    return best


def measure(found: Found, case: Input, n: int, repeat: int = 1) -> Timing:
    """t(n) and t(4n); t(4n) is not run (infinite) when t(n) already took ``LONG_S``."""
    t_n = cpu_time(found, case.build(n), repeat)
    t_4n = cpu_time(found, case.build(4 * n), repeat) if t_n < LONG_S else float("inf")
    return Timing(case.what, t_n, t_4n)


def worst(timings: Sequence[Timing], floor: float = FLOOR_S) -> Timing:
    """The input that grows fastest among those that take measurable time (the slowest
    when none does)."""
    timed = [t for t in timings if t.t_4n >= floor]
    if timed:
        return max(timed, key=lambda t: (t.ratio, t.t_4n))
    return max(timings, key=lambda t: t.t_4n)


def audit(found: Found, n: int, texts: Sequence[str] = (), finalists: int = 3) -> Timing:
    """Every input (``inputs``, and the ``pumped`` examples found in ``texts``) at n/4 and
    n once (a screen: stopped after ``SCREEN_S`` of CPU time once an input grew
    super-linearly), then the ``finalists`` worst at n and 4n, min of 3, stopping at the
    first that is super-linear."""
    cases = inputs(found.pattern)
    for example in examples(found.pattern, texts):
        cases += pumped(example, classes(found.pattern))
    if isinstance(found.pattern.pattern, bytes):
        cases = [c for c in cases if max(map(ord, c.build(1) + c.head), default=0) < 256]
    by_what = {case.what: case for case in cases}
    screened: list[Timing] = []
    started = time.process_time()
    for case in cases:
        screened.append(measure(found, case, n // 4))
        if time.process_time() - started > SCREEN_S and verdict(worst(screened)) != "linear":
            break
    ranked: list[Timing] = []
    for _ in range(min(finalists, len(screened))):
        ranked.append(worst([t for t in screened if t not in ranked]))
    measured: list[Timing] = []
    for t in ranked:
        measured.append(measure(found, by_what[t.what], n, repeat=3))
        if verdict(measured[-1]) != "linear":
            break
    return worst(measured)


def verdict(timing: Timing, slow: float = SLOW_S) -> str:
    if timing.ratio > SUPER_RATIO and timing.t_4n > slow:
        return "SUPER-LINEAR"
    return "linear"


HEADER = ("pattern", "module", "worst input", "t(n) ms", "t(4n) ms", "ratio", "verdict")


def row(found: Found, timing: Timing) -> tuple[str, ...]:
    what = timing.what if len(timing.what) <= 48 else timing.what[:45] + "..."
    return (
        found.name,
        found.module.removeprefix("cleannews."),
        what,
        f"{timing.t_n * 1000:.2f}",
        f"{timing.t_4n * 1000:.2f}" if timing.t_4n < float("inf") else "not run",
        f"{timing.ratio:.1f}",
        verdict(timing),
    )


def table(rows: Iterable[Sequence[str]]) -> str:
    lines = [HEADER, *rows]
    widths = [max(len(r[i]) for r in lines) for i in range(len(HEADER))]
    out = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="the smaller size (default 2000)")
    parser.add_argument("--only", nargs="*", default=[], help="patterns whose name has this")
    args = parser.parse_args(argv)
    started = time.process_time()
    found = [f for f in discover() if not args.only or any(s in f.name for s in args.only)]
    rows, flagged = [], []
    shared = example_texts()
    for f in found:
        source = _source(importlib.import_module(f.module))
        timing = audit(f, args.n, quoted(source) + shared)
        rows.append(row(f, timing))
        if verdict(timing) != "linear":
            flagged.append(f.name)
        print(table(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    print(table(rows))
    print(
        f"\n{len(found)} patterns, n = {args.n}, CPU {time.process_time() - started:.0f} s;"
        f" super-linear: {', '.join(flagged) or 'none'}"
    )
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
