"""HTML input (issue 4): detection, trafilatura with the text rules, metadata merge, fallback,
and pages that are broken, empty, without an article, or not UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from cleannews.html import looks_like_html, page_text

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

PARAS = (
    "Guvernul a anunțat marți că bugetul pentru anul viitor va include fonduri suplimentare "
    "pentru spitalele județene și pentru școlile din mediul rural, potrivit ministrului.",
    "Ministrul Finanțelor a declarat că deficitul va rămâne sub trei procente din produsul "
    "intern brut, chiar dacă veniturile din taxe au crescut mai încet decât se aștepta.",
    "Opoziția a criticat proiectul și a cerut o dezbatere în Parlament înainte de vot, "
    "spunând că sumele pentru investiții sunt prea mici pentru nevoile țării.",
)
READ_ALSO = "Citește și: Alt articol despre buget"
FOLLOW = "Urmărește știrile Digi24.ro și pe Google News"


def page(
    body: str, *, head: str = "", lang: str = "ro", title: str = "Bugetul pe anul viitor"
) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title>{head}</head><body>"
        '<nav><a href="/">Acasă</a> <a href="/politica">Politică</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© 2025 Gazeta. Toate drepturile rezervate.</footer></body></html>"
    )


ARTICLE = "".join(
    f"<p>{PARAS[0]}</p><p>{READ_ALSO}</p><p>{PARAS[1]}</p><p>{FOLLOW}</p><p>{PARAS[2]}</p>"
)
META = (
    '<meta name="author" content="Ana Popescu">'
    '<meta property="article:published_time" content="2025-03-04T10:00:00+02:00">'
    '<meta property="og:site_name" content="Gazeta">'
    '<link rel="canonical" href="https://www.gazeta.ro/politica/bugetul-pe-anul-viitor">'
)


def test_detection_never_fires_on_the_seeds_and_fires_on_pages_and_fragments() -> None:
    for p in SEEDS:
        assert not looks_like_html(p.read_text("utf-8"))
        assert not looks_like_html(p.read_bytes())
    assert looks_like_html(page(ARTICLE))
    assert looks_like_html(page(ARTICLE).encode("utf-8"))
    assert looks_like_html("\ufeff  <html><body>x</body></html>")
    assert looks_like_html("<div><p>Unu.</p><p>Doi.</p><p>Trei.</p></div>")  # 4 tags
    assert not looks_like_html("<div><p>Unu.</p><p>Doi.</p></div>")  # 3 tags: text
    assert not looks_like_html("Prețul a crescut <5%> față de anul trecut.\nAlt rând.")
    assert not looks_like_html("")


def test_html_article_keeps_the_paragraphs_and_the_text_rules_remove_the_clutter() -> None:
    art = cleannews.extract(page(ARTICLE, head=META))
    assert art.paragraphs == PARAS
    rules = art.rule_counts()
    assert rules.get("read_also") == 1 and rules.get("follow") == 1
    assert "Acasă" not in art.text and "drepturile" not in art.text


def test_html_metadata_wins_and_sources_say_where_each_field_came_from() -> None:
    byline = "<p>Autor: Ion Ionescu</p>"  # the text's byline, overruled by the meta tag
    art = cleannews.extract(page(byline + ARTICLE, head=META))
    assert art.title == "Bugetul pe anul viitor"
    assert art.authors == ("Ana Popescu",)
    assert art.published == "2025-03-04"
    assert art.site_name == "Gazeta"
    assert art.url == "https://www.gazeta.ro/politica/bugetul-pe-anul-viitor"
    assert art.language == "ro"
    sources = dict(art.sources)
    assert sources == {
        "title": "html",
        "published": "html",
        "authors": "html",
        "language": "html",
        "site_name": "html",
        "url": "html",
    }
    assert art.to_dict()["sources"] == sources


def test_text_metadata_fills_what_the_page_lacks() -> None:
    # No author meta tag and no lang attribute: the byline and the language come from the text.
    html = page("<p>Autor: Ion Ionescu</p>" + ARTICLE).replace(' lang="ro"', "")
    art = cleannews.extract(html)
    assert art.language == "ro"
    assert dict(art.sources)["language"] == "text"
    if art.authors:  # trafilatura may or may not read the byline itself
        assert "Ion Ionescu" in art.authors[0]


def test_input_format_forces_the_route() -> None:
    html = page(ARTICLE)
    as_text = cleannews.extract(html, input_format="text")
    assert "html_fallback" not in as_text.flags and not as_text.sources
    assert cleannews.clean(html, input_format="html") == cleannews.clean(html)
    with pytest.raises(ValueError, match="input_format"):
        cleannews.extract(html, input_format="xml")


@pytest.mark.parametrize(
    "broken",
    [
        "<html><body><div><p>" + PARAS[0] + "<p>" + PARAS[1] + "<div><span>" + PARAS[2],
        "<html><body><p>" + PARAS[0] + "</div></span></p></b></i><p>" + PARAS[1] + "</table>",
        "<html><body>" + "<div>" * 3000 + f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>",
    ],
    ids=["unclosed", "stray-end-tags", "deeply-nested"],
)
def test_broken_markup_gives_the_article(broken: str) -> None:
    art = cleannews.extract(broken)
    assert PARAS[0] in art.paragraphs and PARAS[1] in art.paragraphs


@pytest.mark.parametrize(
    "empty",
    ["<html></html>", "<!DOCTYPE html><html><head></head><body></body></html>", "<html>"],
)
def test_an_empty_page_gives_an_empty_article(empty: str) -> None:
    art = cleannews.extract(empty)
    assert art.paragraphs == () and cleannews.clean(empty) == ""


def test_a_page_without_an_article_gives_no_body_and_no_exception() -> None:
    menu = "".join(f'<li><a href="/s{i}">Secțiunea {i}</a></li>' for i in range(30))
    html = f"<html><body><nav><ul>{menu}</ul></nav><footer>Contact</footer></body></html>"
    art = cleannews.extract(html)
    assert art.paragraphs == ()


def test_control_characters_and_nul_bytes_in_markup() -> None:
    # A fuzzer find: lxml refuses such text when the dump's line breaks are written into
    # the tree, so the dump walks the tree instead.
    html = "<html><body><p>\x00\x01 \x1b</p><div>\x07</div></body></html>"
    assert cleannews.clean(html) == ""
    assert page_text("<html><body><p>a\x00b</p></body></html>") in ("a\ufffdb", "ab", "a b")


def test_non_utf8_bytes_are_decoded_by_the_declared_charset() -> None:
    html = page(ARTICLE).replace('charset="utf-8"', 'charset="iso-8859-16"')
    raw = html.encode("iso-8859-16", errors="strict")  # the Romanian Latin-10: "ț" is 0xFE
    art = cleannews.extract(raw)
    assert art.paragraphs == PARAS  # "ț", "ș", "ă", "î" read right


def test_non_utf8_bytes_without_a_declaration_are_detected() -> None:
    cedilla = str.maketrans("șțȘȚ", "şţŞŢ")  # windows-1250 has the cedilla letters only
    html = page(ARTICLE).replace('<meta charset="utf-8">', "").translate(cedilla)
    art = cleannews.extract(html.encode("windows-1250"))
    # The cedilla letters come back as the comma letters (Config.romanian_comma_letters).
    assert art.paragraphs == PARAS


def test_fallback_when_trafilatura_finds_too_little(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    # trafilatura keeps one 12-word line of a page whose dump has 21 paragraphs (>= 20x).
    line = "Consiliul local a aprobat ieri noul plan de urbanism pentru tot orașul."
    found = {"text": line, "title": "Bugetul"}
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: found)
    names = ("Ana", "Ion", "Maria", "Vasile", "Elena", "Mihai", "Ioana")  # 21 distinct paragraphs
    long_page = page("".join(f"<p>{n} a spus: {p}</p>" for n in names for p in PARAS))
    art = cleannews.extract(long_page)
    assert "html_fallback" in art.flags and len(art.paragraphs) == 21
    assert art.title == "Bugetul" and dict(art.sources)["title"] == "html"
    # Less than 20 times as much text in the dump: trafilatura's line stands.
    short_page = page("".join(f"<p>{p}</p>" for p in PARAS))
    art = cleannews.extract(short_page)
    assert "html_fallback" not in art.flags
    assert art.paragraphs == (line,)


def test_fallback_when_trafilatura_returns_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    art = cleannews.extract(page(ARTICLE, head=META))
    assert "html_fallback" in art.flags
    assert art.paragraphs == PARAS
    assert READ_ALSO not in art.text
    # The title is read from the text; the lang attribute is read without trafilatura.
    assert dict(art.sources) == {"title": "text", "language": "html"}


def test_trafilatura_failure_is_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    assert cleannews.extract(page(ARTICLE)).paragraphs == PARAS


def test_html_goes_through_the_profile() -> None:
    site_line = "Gazeta Nordului arhiva contact redacție"
    profile = cleannews.learn([f"{site_line}\nAlt text {i} aici" for i in range(10)])
    body = f"<p>{PARAS[0]}</p><p>{site_line}</p><p>{PARAS[1]}</p>"
    art = cleannews.extract(page(body), profile=profile)
    assert art.rule_counts().get("site_profile") == 1
    assert art.paragraphs == PARAS[:2]


def test_type_error_is_the_only_exception() -> None:
    with pytest.raises(TypeError, match="int"):
        cleannews.extract(3)  # type: ignore[arg-type]


def test_detection_is_linear_in_leading_comments() -> None:
    # A regex over repeated comments backtracked exponentially here (40 comments: hours).
    import time

    text = "<!---->" * 300 + "Ministrul a declarat luni că guvernul decide."
    start = time.process_time()
    assert not looks_like_html(text)
    assert looks_like_html("<!-- a -->" * 50 + "<!DOCTYPE html><html><body>x</body></html>")
    assert time.process_time() - start < 0.5


def test_an_opening_question_is_body_when_the_page_names_its_title() -> None:
    # From text alone a one-sentence question at the top of the body may be the headline;
    # a page that names its title says otherwise, and the question is the first line.
    hook = "Remember the city's long quest to find a new slogan for its tourism campaign?"
    page = (
        "<html><head><title>Council picks a slogan at last</title></head><body><article>"
        f"<p>{hook}</p>"
        "<p>The council voted on Tuesday to adopt the slogan proposed by a local school, "
        "after three years of debate and two rejected proposals from an agency.</p>"
        "<p>The mayor said the new slogan would appear on signs at the city limits by the "
        "end of the year, and that the cost would be covered by the tourism budget.</p>"
        "</article></body></html>"
    )
    art = cleannews.extract(page)
    assert art.title == "Council picks a slogan at last"
    assert art.paragraphs[0] == hook


def test_a_year_in_the_headline_or_the_copyright_is_no_date() -> None:
    # htmldate completes a bare year (the headline's, the footer's copyright) to January 1st;
    # the page writes no day, so the article has no date (issue 14, family 9).
    art = cleannews.extract(page(ARTICLE, title="Bugetul pe 2024, adoptat de Guvern"))
    assert art.published is None
    assert "published" not in dict(art.sources)


def test_a_january_first_that_the_page_writes_is_the_date() -> None:
    # In the markup (a meta tag's ISO form)...
    head = '<meta property="article:published_time" content="2025-01-01T09:00:00+02:00">'
    art = cleannews.extract(page(ARTICLE, head=head, title="Bugetul pe 2024, adoptat"))
    assert art.published == "2025-01-01"
    assert dict(art.sources)["published"] == "html"
    # ...or in the text, where the text rules read it.
    dated = page("<p>1 ianuarie 2025, 09:00</p>" + ARTICLE, title="Bugetul pe 2024, adoptat")
    assert cleannews.extract(dated).published == "2025-01-01"
