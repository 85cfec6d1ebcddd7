"""Type stub of the extension module built from crates/cleannews-py."""

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import final, overload

from .config import Config
from .rules.site import LineSet

__version__: str

def rule_names() -> list[str]: ...

# Single stages for tests/parity (typed as a module: its functions are the tests' own).
# The reading stage (crates/cleannews-py/src/stages/read.rs):
#   unicode_class_names() -> list[str]; unicode_class_bits(chars: str) -> list[int]
#   unicode_lower/unicode_upper/unicode_repr(s: str) -> str; unicode_splitlines(s) -> list[str]
#   split_lines/normalize_lines(s: str) -> list[str]; normalize_line(s: str) -> str
#   has_mojibake_hint(s: str) -> bool; nfc/nfkd/fold/romanian_comma_letters(s: str) -> str
#   fold_tokens_many(lines: list[str]) -> list[list[str]]
#   lexicon_tables(engine: Engine) -> dict[str, Any]
#   phrase_match_many(engine, lines: list[tuple[str, list[str]]]) -> list[tuple[str, bool] | None]
#   detect_languages_many(engine, docs: list[list[list[str]]]) -> list[list[str]]
#   make_line_many(engine, lines: list[tuple[str, list[str]]], languages: list[str])
#       -> list[tuple[int, int, bool, bool, bool]]
# The metadata readers (crates/cleannews-py/src/stages/metadata.rs); a line is
# (text, key, n_words, n_stop, ends_sentence, ends_ellipsis, is_prose), a hit
# (rule, value, title, authors, weak, named):
#   line_metadata_many(engine, lines, month_first: bool) -> list[hit | None]
#   bare_name_many(engine, lines) -> list[tuple[list[str] | None, bool]]
#   cut_dateline_many(engine, texts: list[str], allow_empty: bool)
#       -> list[tuple[str, str] | None]
#   find_dates_many(engine, texts: list[str], year_hint: int | None, month_first: bool)
#       -> list[list[tuple[str, int, int]]]
# The one-line rules (crates/cleannews-py/src/stages/rules.rs), a line given as
# Line = tuple[str, str, int, int, bool, bool, bool] (text, key, n_words, n_stop,
# ends_sentence, ends_ellipsis, is_prose) and a mark as tuple[str, bool, bool, bool] | None:
#   rule_function_names() -> list[str]
#   rule_verdicts_many(engine, lines: list[Line]) -> list[tuple[list[Mark], bool, bool]]
#       (first_mark of PHRASE_RULES, of SHAPE_RULES, each rule; is_embed_signature, is_truncated)
#   cut_tail_many(engine, items: list[tuple[str, list[str] | None]]) -> list[tuple[str, str] | None]
#   profile_key_many(keys: list[str]) -> list[str]
#   site_line_many(profile: list[str], lines: list[Line]) -> list[Mark]
_stages: ModuleType

class CoreError(RuntimeError): ...

@final
class LineTexts(Sequence[str]):
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __iter__(self) -> Iterator[str]: ...

@final
class Extracted:
    @property
    def title(self) -> str | None: ...
    @property
    def paragraphs(self) -> tuple[str, ...]: ...
    @property
    def published(self) -> str | None: ...
    @property
    def authors(self) -> tuple[str, ...]: ...
    @property
    def source_url(self) -> str | None: ...
    @property
    def agency(self) -> str | None: ...
    @property
    def captions(self) -> tuple[str, ...]: ...
    @property
    def language(self) -> str | None: ...
    @property
    def flags(self) -> tuple[str, ...]: ...
    @property
    def texts(self) -> LineTexts: ...
    @property
    def rules(self) -> bytes: ...
    @property
    def cuts(self) -> dict[int, tuple[str, str]]: ...
    @property
    def text(self) -> str: ...

@final
class Engine:
    """The language data and the pipeline, built once per extra-file tuple."""

    def __new__(
        cls,
        *,
        phrases: list[tuple[str, str]],
        metadata: str | None,
        months: str,
        comment_thread: str,
        date_order: str,
        languages: str,
        stoplists: list[tuple[str, str]],
    ) -> Engine: ...
    def extract(self, text: str, config: Config, profile: LineSet | None = None) -> Extracted: ...
    def extract_many(
        self,
        texts: Iterable[str],
        config: Config,
        profile: LineSet | None = None,
        workers: int = 1,
    ) -> list[Extracted]: ...
    def clean_many(
        self,
        texts: Iterable[str],
        config: Config,
        profile: LineSet | None = None,
        workers: int = 1,
    ) -> list[str]: ...
