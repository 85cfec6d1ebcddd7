"""Coverage-guided fuzz target (atheris) for ``cleannews.clean`` / ``extract``.

    .venv/bin/pip install atheris
    .venv/bin/python tests/fuzz/fuzz_clean.py -atheris_runs=100000      # a bounded run
    .venv/bin/python tests/fuzz/fuzz_clean.py -max_total_time=900 corpus_dir/   # 15 minutes

The first byte of each input picks how the rest is fed to the library: as text (any code
point, lone surrogates included), as raw bytes (decoded by the library), as text split into
many short lines, or as HTML-looking markup (deeply nested or unterminated tags). Each call
checks the invariants of issue 6: no exception (the only documented one, ``TypeError``,
cannot happen for ``str`` / ``bytes``); the title and every body paragraph is a normalised
input line or a part of one, the paragraphs in input order (text input only: once the
library routes HTML to an HTML reader, its text is not made of the input's lines);
deterministic. A crash leaves ``crash-<sha1>`` (libFuzzer's default name): keep it as a
regression in ``tests/test_robustness.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the shared helper normalised_lines

with atheris.instrument_imports():  # coverage feedback from the library only
    import cleannews
    from cleannews.decode import to_text

from contract import made_of_input_lines, read_as_html  # noqa: E402  (after: pytest is not instrumented)

MODE_TEXT, MODE_BYTES, MODE_LINES, MODE_HTML = range(4)
TAGS = ("p", "div", "span", "b", "script", "style", "h1", "li", "ul", "a", "br", "!--")


def html_like(fdp: atheris.FuzzedDataProvider) -> str:
    """Markup from the input: tags opened, nested and often left unterminated."""
    parts: list[str] = ["<html><body>"]
    depth = fdp.ConsumeIntInRange(0, 200)
    for _ in range(depth):
        tag = TAGS[fdp.ConsumeIntInRange(0, len(TAGS) - 1)]
        parts.append(f"<{tag}>")
        parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40)))
        if fdp.ConsumeBool():
            parts.append(f"</{tag}>")
    parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    return "".join(parts)


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    raw: str | bytes
    if mode == MODE_BYTES:
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    elif mode == MODE_LINES:
        words = [fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 12)) for _ in range(64)]
        raw = "\n".join(w for w in words)
    elif mode == MODE_HTML:
        raw = html_like(fdp)
    else:
        raw = fdp.ConsumeUnicode(fdp.remaining_bytes())  # may hold lone surrogates
    article = cleannews.extract(raw)
    out = article.text
    if cleannews.clean(raw) != out:
        raise AssertionError(f"not deterministic on {raw!r}")
    if read_as_html(raw):
        return
    text = to_text(raw)
    if not made_of_input_lines(text, article):
        raise AssertionError(f"output not made of input lines in order: {raw!r} -> {out!r}")


# The HTML path's first call loads trafilatura's date parser (dateparser compiles its
# locale tables lazily: 0.65 CPU-s plain, ~5 s under atheris's instrumentation). Paid once
# before fuzzing, so that -timeout measures cleaning, not that warm-up (a fuzz run on a
# busy machine stopped on it: 16 s for the first HTML input, 0.04 s for the same input again).
WARM_UP_HTML = (
    "<html><head><title>Titlu</title></head><body><p>Ministrul a declarat luni, 12 mai "
    "2025, că guvernul va lua o decizie.</p></body></html>"
)


def main() -> None:
    cleannews.extract(WARM_UP_HTML)
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
