"""The output contract on any input, shared by tests/test_robustness.py and the fuzz target
tests/fuzz/fuzz_clean.py."""

from __future__ import annotations

import cleannews
from test_api import drawn, normalised_lines


def made_of_input_lines(text: str, article: cleannews.Article) -> bool:
    """The title is a normalised input line or a part of one; the body paragraphs are too,
    each from a later line than the one before (greedy earliest match decides whether they
    are a subsequence); ``clean`` is the title, then the paragraphs."""
    source = normalised_lines(text, article.language)
    if article.title is not None and not any(drawn(article.title, s) for s in source):
        return False
    j = 0
    for paragraph in article.paragraphs:
        while j < len(source) and not drawn(paragraph, source[j]):
            j += 1
        if j == len(source):
            return False
        j += 1
    parts = [article.title, *article.paragraphs] if article.title else list(article.paragraphs)
    return article.text == "\n\n".join(parts)


def read_as_html(raw: str | bytes) -> bool:
    """Does the library read ``raw`` as HTML (option ``input_format="auto"``)? Then its
    text comes from the markup, not from the input's lines."""
    try:
        from cleannews.html import looks_like_html
    except ImportError:  # a version without an HTML reader
        return False
    return bool(looks_like_html(raw))
