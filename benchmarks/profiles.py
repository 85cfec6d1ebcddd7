"""Site profiles (issue 4): learn a profile per site (the URL's host) and measure its effect.

- Two-fold by site: each site's documents are split into two halves (alternating, in corpus
  order); a profile learned on one half cleans the other, and the two halves' outputs
  together are scored, so no document is cleaned with a profile that saw it.
- ``ro_labelled``: the profile of each site is learned from the ro_news_dev documents that
  are not labelled, and the labelled ones are scored line by line.
- Unseen sites: the profiles of ro_news_dev's sites, merged, clean every document of the
  other corpora; the documents whose output changed are counted (the aim: none).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import cleannews
from cleannews import Profile

from .corpora import RO_CORPUS, Corpus, Doc
from .evaluate import Row, evaluate
from .report import markdown_table, row_cells
from .runner import Run
from .systems import Output, System, cleannews_text

FOLDS = 2
PLAIN = "cleannews"
WITH_PROFILE = "cleannews+profile"
# A looser setting than learn's defaults, to show what the thresholds guard against: a
# line in 1% of a site's pages and 3 documents is learned.
LOOSE = {"min_share": 0.01, "min_docs": 3}
LOOSE_NAME = "cleannews+profile (min_share 0.01, min_docs 3)"
PROFILE_HEADER = ("corpus", "system", "P", "R", "F1", "drop", "docs/s", "changed", "learned")


@dataclass(frozen=True)
class ProfileRow:
    row: Row
    changed: int | None  # documents whose output differs from plain cleannews
    learned: str  # lines learned per site, e.g. "informat.ro 2, www.gds.ro 0"


def site_of(doc: Doc) -> str:
    """The URL's host (without "www."), or the document id's prefix when there is no URL."""
    host = urlsplit(doc.url or "").hostname or doc.id.rsplit("-", 1)[0]
    return host.removeprefix("www.")


def by_site(docs: Sequence[Doc]) -> dict[str, list[Doc]]:
    sites: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        sites[site_of(d)].append(d)
    return dict(sites)


def learn_texts(docs: Sequence[Doc], options: Mapping[str, float] | None = None) -> Profile:
    return cleannews.learn((d.text for d in docs), **(options or {}))


def fold_profiles(
    docs: Sequence[Doc], options: Mapping[str, float] | None = None
) -> tuple[dict[str, Profile], dict[str, int]]:
    """For each document, the profile learned on the other fold of its site; and the
    lines learned per site (the larger fold's count)."""
    profiles: dict[str, Profile] = {}
    learned: dict[str, int] = {}
    for site, site_docs in by_site(docs).items():
        folds = [site_docs[k::FOLDS] for k in range(FOLDS)]
        for k, fold in enumerate(folds):
            others = [d for j, f in enumerate(folds) if j != k for d in f]
            profile = learn_texts(others, options)
            learned[site] = max(learned.get(site, 0), len(profile))
            profiles.update((d.id, profile) for d in fold)
    return profiles, learned


def run_with(docs: Sequence[Doc], profile_of: Callable[[Doc], Profile | None]) -> Run:
    """cleannews on each document's text with its profile, timed per document."""
    outputs: dict[str, Output] = {}
    seconds: dict[str, float] = {}
    for d in docs:
        profile = profile_of(d)
        start = time.perf_counter()
        art = cleannews.extract(d.text, profile=profile)
        seconds[d.id] = time.perf_counter() - start
        body = tuple(x.line for x in art.lines if x.category is cleannews.Category.BODY)
        meta = tuple(x.line for x in art.lines if x.category is cleannews.Category.METADATA)
        outputs[d.id] = Output(art.body, body, meta, art.title, art.published, art.authors)
    return Run(outputs, seconds)


def _system(name: str) -> System:
    return System(name, "text", cleannews_text, "cleannews")


def compare(
    corpus: Corpus,
    profile_of: Callable[[Doc], Profile | None],
    learned: str,
    loose: tuple[Callable[[Doc], Profile | None], str] | None = None,
) -> list[ProfileRow]:
    plain = run_with(corpus.docs, lambda _: None)
    rows = [ProfileRow(evaluate(_system(PLAIN), corpus, plain), None, "")]
    variants = [(WITH_PROFILE, profile_of, learned)]
    if loose is not None:
        variants.append((LOOSE_NAME, *loose))
    for name, lookup, count in variants:
        run = run_with(corpus.docs, lookup)
        changed = sum(plain.outputs[d.id].text != run.outputs[d.id].text for d in corpus.docs)
        rows.append(ProfileRow(evaluate(_system(name), corpus, run), changed, count))
    return rows


def _learned(counts: Mapping[str, int]) -> str:
    shown = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(counts.values())
    if len(shown) > 3:
        with_lines = sum(1 for _, n in shown if n)
        return f"{total} lines over {with_lines} of {len(shown)} sites"
    return ", ".join(f"{s} {n}" for s, n in shown)


def two_fold(corpus: Corpus, with_loose: bool = False) -> list[ProfileRow]:
    profiles, learned = fold_profiles(corpus.docs)
    loose = None
    if with_loose:
        loose_profiles, loose_learned = fold_profiles(corpus.docs, LOOSE)
        loose = (lambda d: loose_profiles.get(d.id), _learned(loose_learned))
    return compare(corpus, lambda d: profiles.get(d.id), _learned(learned), loose)


def labelled(ro_labelled: Corpus, ro_news: Corpus) -> list[ProfileRow]:
    """Profiles learned on the unlabelled ro_news_dev documents, scored on the labelled."""
    held_out = {d.id for d in ro_labelled.docs}
    train = by_site([d for d in ro_news.docs if d.id not in held_out])
    profiles = {site: learn_texts(docs) for site, docs in train.items()}
    loose = {site: learn_texts(docs, LOOSE) for site, docs in train.items()}
    learned = _learned({s: len(p) for s, p in profiles.items()})
    return compare(
        ro_labelled,
        lambda d: profiles.get(site_of(d)),
        learned,
        (lambda d: loose.get(site_of(d)), _learned({s: len(p) for s, p in loose.items()})),
    )


def unseen(corpus: Corpus, ro_news: Corpus) -> list[ProfileRow]:
    """Every ro_news_dev site's profile, merged, on the documents of another corpus."""
    merged = Profile()
    for docs in by_site(ro_news.docs).values():
        merged = merged.merge(learn_texts(docs))
    return compare(corpus, lambda _: merged, f"ro_news_dev's {len(merged)} (other sites)")


def _with_site(corpus: Corpus, ro_news: Corpus) -> Corpus:
    """ro_labelled's documents carry no URL: their id names the site."""
    urls = {d.id: d.url for d in ro_news.docs}
    docs = tuple(
        Doc(**{**d.__dict__, "url": urls.get(d.id)}) if d.url is None else d for d in corpus.docs
    )
    return Corpus(corpus.name, corpus.level, docs, corpus.digest, corpus.note, corpus.has_html)


def profile_rows(corpora: Sequence[Corpus]) -> list[tuple[str, ProfileRow]]:
    """(label, row) pairs for every comparison the present corpora allow."""
    named = {c.name: c for c in corpora}
    ro_news = named.get(RO_CORPUS)
    out: list[tuple[str, ProfileRow]] = []
    for corpus in corpora:
        if corpus.name in ("seeds", "ro_labelled"):
            continue
        rows = two_fold(corpus, with_loose=corpus.name == RO_CORPUS)
        out += [(f"{corpus.name}, 2-fold per site", r) for r in rows]
    if ro_news is not None and "ro_labelled" in named:
        ro_labelled = _with_site(named["ro_labelled"], ro_news)
        out += [("ro_labelled, learned on the rest", r) for r in labelled(ro_labelled, ro_news)]
    if ro_news is not None:
        for corpus in corpora:
            if corpus.level == "token":
                out += [(f"{corpus.name}, unseen sites", r) for r in unseen(corpus, ro_news)]
    return out


def profile_section(rows: Sequence[tuple[str, ProfileRow]]) -> str:
    cells = []
    for label, pr in rows:
        c = row_cells(pr.row)  # system, P, R, F1, med F1, keep, drop, ..., docs/s, MB/s
        changed = "–" if pr.changed is None else str(pr.changed)
        cells.append([label, c[0], c[1], c[2], c[3], c[6], c[11], changed, pr.learned or "–"])
    intro = (
        "### Site profiles (issue 4): learned per site (URL host), `cleannews.learn` defaults\n\n"
        "`changed`: documents whose cleaned text differs from plain cleannews; `learned`: "
        "lines in the profiles. 2-fold: each site's documents split in two alternating "
        "halves, each half cleaned with the profile learned on the other."
    )
    return intro + "\n\n" + markdown_table(PROFILE_HEADER, cells)
