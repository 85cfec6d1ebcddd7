"""Pick the ro_news_dev documents that are hand-labelled in ``benchmarks/labels/ro_news/``.

Deterministic: documents are sorted by id per site, then drawn with ``random.Random(SEED)``.
informat.ro has ~124 documents whose whole text is one notification pitch ("Rămâi conectat la
știrile care contează, ..."); the sample takes at most ``N_PITCH`` of those so that it is mostly
real articles.

    python benchmarks/labels/select_ro.py [path/to/ro_news_dev.jsonl.gz]

prints one selected id a line (site by site, in draw order).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

SEED = 20251021
N_GDS = 22  # www.gds.ro documents
N_INFORMAT = 20  # informat.ro documents with a real article
N_PITCH = 2  # informat.ro documents that are only the notification pitch (at most 3)
PITCH = "Rămâi conectat la știrile care contează"
PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus" / "ro_news_dev.jsonl.gz"


def is_pitch(text: str) -> bool:
    """True when every non-blank line of the text is the notification pitch."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return bool(lines) and all(ln.startswith(PITCH) for ln in lines)


def select(path: Path = DEFAULT_CORPUS) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    site = lambda d: d["url"].split("/")[2]  # noqa: E731
    gds = sorted(d["id"] for d in docs if site(d) == "www.gds.ro")
    informat = sorted(d["id"] for d in docs if site(d) == "informat.ro" and not is_pitch(d["text"]))
    pitch = sorted(d["id"] for d in docs if site(d) == "informat.ro" and is_pitch(d["text"]))
    rng = random.Random(SEED)
    return rng.sample(gds, N_GDS) + rng.sample(informat, N_INFORMAT) + rng.sample(pitch, N_PITCH)


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    print("\n".join(select(corpus)))
