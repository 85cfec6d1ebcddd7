"""Parity of the core's reading stage with the Python pipeline (the oracle).

Character tables on every code point; normalisation, folding, the language vote and the
line features on every document of the dev corpora (``../shared/corpus``), the seeds,
``tests/cases`` and hypothesis-generated odd Unicode; the lexicon's tables as a whole.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews import core, normalize
from cleannews._core import _stages
from cleannews.config import Config
from cleannews.features import make_line
from cleannews.language import detect_languages
from cleannews.lexicon import VOTE_BITS, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
MAX_CP = 0x110000
SURROGATES = range(0xD800, 0xE000)
CHARS = [chr(cp) for cp in range(MAX_CP) if cp not in SURROGATES]
ALL = "".join(CHARS)


def corpus_texts() -> list[tuple[str, str]]:
    """(id, text) of every corpus document; empty without ../shared/corpus."""
    out: list[tuple[str, str]] = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                out.append((f"{path.name}:{doc.get('id')}", doc["text"]))
    return out


def local_texts() -> list[tuple[str, str]]:
    """(name, text) of the seeds and of every file of tests/cases (and each case row's
    line, for the case tables)."""
    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "seeds").glob("*")) + sorted((ROOT / "tests" / "cases").rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        out.append((str(path.relative_to(ROOT)), text))
        if path.suffix == ".tsv":
            rows = text.splitlines()
            header = rows[0].split("\t") if rows else []
            if "line" in header:
                col = header.index("line")
                for row in rows[1:]:
                    cols = row.split("\t")
                    if len(cols) > col:
                        out.append((f"{path.name}:{cols[col][:20]}", cols[col]))
    return out


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, str]]:
    docs = local_texts() + corpus_texts()
    assert docs
    return docs


def python_class_bits(names: list[str]) -> list[int]:
    """Every code point's classes, asked of Python directly (not of the generator)."""
    from cleannews.normalize import _INVISIBLE

    def by_pattern(compiled: Any) -> set[int]:
        full = "".join(map(chr, range(MAX_CP)))
        return {m.start() for m in compiled.finditer(full)}

    def final(s: str) -> bool:
        return s.lower().endswith("\u03c2")

    tests: dict[str, Any] = {
        "PY_ALNUM": str.isalnum,
        "PY_ALPHA": str.isalpha,
        "PY_DIGIT": str.isdigit,
        "PY_DECIMAL": str.isdecimal,
        "PY_NUMERIC": str.isnumeric,
        "PY_SPACE": str.isspace,
        "PY_PRINTABLE": str.isprintable,
        "PY_TITLE": lambda c: unicodedata.category(c) == "Lt",
        "PY_UPPER": lambda c: (
            c.isupper() or (unicodedata.category(c) != "Lt" and not ("a" + c).islower())
        ),
        "PY_LOWER": lambda c: (
            c.islower() or (unicodedata.category(c) != "Lt" and not ("A" + c).isupper())
        ),
        "PY_CASE_IGNORABLE": lambda c: final("A" + c + "\u03a3") and not final(c + "\u03a3"),
        "PY_CASED": lambda c: final(c + "\u03a3"),
        "PY_UNASSIGNED": lambda c: unicodedata.category(c) == "Cn",
    }
    properties = ["L", "Lu", "Ll", "N", "Mn", "Cf", "Cc"]
    properties += ["Han", "Hiragana", "Katakana", "Thai", "Latin", "Greek", "Cyrillic"]
    patterns = {f"RX_{p.upper()}": rf"\p{{{p}}}" for p in properties}
    patterns |= {"RX_DIGIT": r"\d", "RX_WORD": r"\w", "RX_SPACE": r"\s"}
    members = {name: by_pattern(regex.compile(p)) for name, p in patterns.items()}
    members["NORMALIZE_INVISIBLE"] = by_pattern(_INVISIBLE)
    bits = [0] * len(CHARS)
    for i, name in enumerate(names):
        bit = 1 << i
        if name in members:
            cps = members[name]
            for k, c in enumerate(CHARS):
                if ord(c) in cps:
                    bits[k] |= bit
        else:
            test = tests[name]
            for k, c in enumerate(CHARS):
                if test(c):
                    bits[k] |= bit
    return bits


def test_every_code_point_has_python_classes() -> None:
    names = _stages.unicode_class_names()
    rust = _stages.unicode_class_bits(ALL)
    python = python_class_bits(names)
    wrong = [
        (hex(ord(c)), [n for i, n in enumerate(names) if (r ^ p) >> i & 1])
        for c, r, p in zip(CHARS, rust, python, strict=True)
        if r != p
    ]
    assert wrong == [], wrong[:20]
    print(f"{len(CHARS)} code points x {len(names)} classes")


def test_every_code_point_maps_as_python() -> None:
    # One code point a line: lower-casing, NFC and NFKD never look across a line break.
    joined = "\n".join(CHARS)
    assert _stages.unicode_lower(joined) == joined.lower()
    assert _stages.unicode_upper(joined) == joined.upper()
    assert _stages.nfc(joined) == unicodedata.normalize("NFC", joined)
    assert _stages.nfkd(joined) == unicodedata.normalize("NFKD", joined)
    assert _stages.fold_tokens_many(CHARS) == [normalize.fold_tokens(c) for c in CHARS]
    assert _stages.unicode_splitlines(joined) == joined.splitlines()
    sample = [*CHARS[::97], "'", '"', "\\", "'\"", "\x00\t\n\r"]
    assert [_stages.unicode_repr(c) for c in sample] == [repr(c) for c in sample]


def test_lexicon_tables_equal_pythons() -> None:
    tables = _stages.lexicon_tables(core.engine())
    lex = load_lexicon()
    mask = (1 << VOTE_BITS) - 1
    votes = {
        w: [s for s in range(len(lex.vote_codes)) if n >> (VOTE_BITS * s) & mask]
        for w, n in lex.stop_votes.items()
    }
    expected: dict[str, object] = {
        "exact": dict(lex.phrases.exact),
        "prefix": dict(lex.phrases.prefix),
        "prefix_lengths": list(lex.phrases.prefix_lengths),
        "prefix_heads": set(lex.phrases.prefix_heads),
        "metadata": {k: set(v) for k, v in lex.metadata.items()},
        "months": dict(lex.months),
        "stopwords": {k: set(v) for k, v in lex.stopwords.items()},
        "vote_codes": list(lex.vote_codes),
        "stop_votes": votes,
        "says_words": set(lex.says_words),
        "month_first": set(lex.month_first),
        "empty_labels": set(lex.empty_labels),
        "label_heads": set(lex.label_heads),
    }
    for name, value in expected.items():
        assert tables[name] == value, name
    print({k: len(v) for k, v in expected.items() if isinstance(v, dict | list | set)})


def test_extra_phrase_files_and_errors(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("[ad]\nUnsere Werbung\nNeu: ...\n[read_also]\nmost read\n", encoding="utf-8")
    files = (str(extra),)
    tables = _stages.lexicon_tables(core.engine(files))
    assert tables["exact"] == dict(load_lexicon(files).phrases.exact)
    assert tables["prefix"] == dict(load_lexicon(files).phrases.prefix)
    broken = {
        "before": "x\n[ad]\ny\n",
        "family": "[nope]\nx\n",
        "empty": "[ad]\n  ...  \n",
        "repr": "[ad]\n'\u200b ...\n",
    }
    for name, text in broken.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError) as py_error:
            load_lexicon((str(path),))
        with pytest.raises(ValueError) as rust_error:
            core.engine((str(path),))
        assert str(rust_error.value) == str(py_error.value)


def distinct_lines(docs: list[tuple[str, str]]) -> Iterator[str]:
    seen: set[str] = set()
    for _, text in docs:
        for line in normalize.normalize_lines(text):
            if line not in seen:
                seen.add(line)
                yield line


def test_documents_normalise_as_python(documents: list[tuple[str, str]]) -> None:
    n_lines = 0
    for name, text in documents:
        assert _stages.normalize_lines(text) == normalize.normalize_lines(text), name
        assert _stages.split_lines(text) == normalize.split_lines(text), name
        assert _stages.has_mojibake_hint(text) == normalize.has_mojibake_hint(text), name
        n_lines += text.count("\n") + 1
    print(f"{len(documents)} documents, {n_lines} lines normalised")


def test_lines_fold_as_python(documents: list[tuple[str, str]]) -> None:
    lines = list(distinct_lines(documents))
    assert _stages.fold_tokens_many(lines) == [list(t) for t in normalize.fold_lines(lines)]
    hints = [normalize.has_mojibake_hint(line) for line in lines]
    assert [_stages.has_mojibake_hint(line) for line in lines] == hints
    ro = [normalize.romanian_comma_letters(line) for line in lines]
    assert [_stages.romanian_comma_letters(line) for line in lines] == ro
    print(f"{len(lines)} distinct lines folded")


def test_languages_and_features_as_python(documents: list[tuple[str, str]]) -> None:
    lex = load_lexicon()
    engine = core.engine()
    config = Config()
    docs_tokens: list[list[list[str]]] = []
    expected_languages: list[list[str]] = []
    n_lines = 0
    for _, text in documents:
        texts = normalize.normalize_lines(text)
        tokens = normalize.fold_lines(texts)
        languages = detect_languages((t for t in tokens if t), lex)
        docs_tokens.append([list(t) for t in tokens if t])
        expected_languages.append(list(languages))
        # The pipeline's reading of each distinct line (pipeline._read_lines).
        if languages[:1] == ("ro",):
            texts = [normalize.romanian_comma_letters(t) for t in texts]
        first, second = (*languages, "", "")[:2]
        stop = lex.stopwords.get(first, frozenset())
        other = lex.stopwords.get(second, frozenset())
        pairs = dict(zip(texts, tokens, strict=True))
        pairs.pop("", None)
        expected = []
        for t, toks in pairs.items():
            line = make_line(t, toks, stop, config, other)
            expected.append(
                (line.n_words, line.n_stop, line.ends_sentence, line.ends_ellipsis, line.is_prose)
            )
        got = _stages.make_line_many(
            engine, [(t, list(k)) for t, k in pairs.items()], list(languages)
        )
        assert got == expected
        matches = [lex.phrases.match(" ".join(k), k) for k in pairs.values()]
        got_matches = _stages.phrase_match_many(
            engine, [(" ".join(k), list(k)) for k in pairs.values()]
        )
        assert got_matches == [None if m is None else (m.family, m.whole_line) for m in matches]
        n_lines += len(pairs)
    assert _stages.detect_languages_many(engine, docs_tokens) == expected_languages
    print(f"{len(documents)} documents' languages, {n_lines} lines' features and phrase matches")


# Odd Unicode: controls, joiners, marks, line breaks of every kind, cedilla letters, Greek
# sigma, dotted I, CJK, emoji, characters Unicode 14 has not assigned (lone surrogates:
# below).
ODD = st.sampled_from(
    list(
        "\x00\x08\x0b\x0c\x1c\x1f\x7f\x85\xa0\xad\u061c\u180e\u200b\u200c\u200d\u200e\u2028\u2029\u2060\ufeff"
    )
    + list("\r\n\t ")
    + list("\u0301\u0327\u0308\u034f\u0345\u05b0\u093c\u0e31\u3099")
    + list("şţŞŢșțăîâ")
    + list("ΣσςΑΩ'.·ΐ")
    + list("İıIiKkßẞǅǄﬁ")
    + list("中文日本語カタカナひらがなไทย한국")
    + list("👨👩🏽\ufe0f\U000e0001")
    + list("Ã®â€™Â©")
    + list("\u0870\u1dfa\U00011f00\U0001e030\U00016d40")  # assigned after Unicode 14
    + list("aZ09_-")
)
ODD_TEXT = st.lists(ODD, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(ODD_TEXT)
def test_odd_unicode_reads_as_python(text: str) -> None:
    lines = normalize.normalize_lines(text)
    assert _stages.normalize_lines(text) == lines
    assert _stages.has_mojibake_hint(text) == normalize.has_mojibake_hint(text)
    assert _stages.unicode_lower(text) == text.lower()
    assert _stages.unicode_upper(text) == text.upper()
    assert _stages.nfc(text) == unicodedata.normalize("NFC", text)
    assert _stages.fold_tokens_many([text, *lines]) == [
        normalize.fold_tokens(t) for t in [text, *lines]
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_any_text_reads_as_python(text: str) -> None:
    assert _stages.normalize_lines(text) == normalize.normalize_lines(text)
    assert _stages.fold_tokens_many([text]) == [normalize.fold_tokens(text)]
    assert _stages.unicode_lower(text) == text.lower()


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(ODD, st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])), max_size=30
    ).map("".join)
)
def test_lone_surrogates_read_as_python(text: str) -> None:
    assert _stages.normalize_lines(text) == normalize.normalize_lines(text)
    assert _stages.has_mojibake_hint(text) == normalize.has_mojibake_hint(text)


def test_lone_surrogates_are_deleted_as_python() -> None:
    texts = [
        "a\ud800b",
        "\udfff",
        "a\n\ud800",
        "x\ud83d\ude00y",
        "a\u200c\ud800b",
        "e\ud800\u0301",
        "Ã\ud800®",
    ]
    for text in texts:
        assert _stages.normalize_lines(text) == normalize.normalize_lines(text), repr(text)
        assert _stages.has_mojibake_hint(text) == normalize.has_mojibake_hint(text), repr(text)


def test_lines_longer_than_a_block_read_as_python() -> None:
    # The Python reads a line longer than normalize.BLOCK_CHARS a piece at a time; the
    # core reads it whole: the same output.
    word = "Ab\u0301c\u200d\u0308ΣΑΣ ş\u200bİ中\x00 \u3000Ã® "
    long_lines = [
        word * (3 * normalize.BLOCK_CHARS // len(word)),
        "x\u0301" * normalize.BLOCK_CHARS + " y",
        ("ab " * normalize.BLOCK_CHARS) + "\u200d\n" + "c\r\n",
    ]
    for text in long_lines:
        lines = normalize.normalize_lines(text)
        assert _stages.normalize_lines(text) == lines
        assert _stages.fold_tokens_many(lines) == [list(t) for t in normalize.fold_lines(lines)]
