"""The ``cleannews`` command: clean files, folders or standard input.

    cleannews article.txt                       # cleaned text on standard output
    cleannews corpus.jsonl.gz -o clean/         # JSON Lines in, JSON Lines out
    cleannews corpus.jsonl.gz -o clean.parquet  # JSON Lines in, Parquet out
    cleannews pages/ -o clean/ --workers 4      # a folder, mirrored into clean/
    cleannews --explain article.txt             # why each line was kept or removed
    cleannews crawl.jsonl.gz -o clean.jsonl.gz --learn --group-field url   # site profiles

Exit status: 0 when every record was cleaned, 1 when any failed (each failure is reported
on standard error, or in the --errors file), 2 for a usage error, and when the first records
all fail with the same reason (a wrong --field): the run stops before writing anything.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, TextIO

from . import __version__, explain, extract
from .batch.convert import SCHEMA_SAMPLE_ROWS
from .batch.engine import available_cpus
from .batch.failures import ErrorsFile
from .batch.fields import META_FIELDS
from .batch.learning import learn_profiles, load_profiles, save_profiles
from .batch.records import Outcome, Record
from .batch.run import (
    BatchOptions,
    UniformFailure,
    check_output_formats,
    plan_destinations,
    run_batch,
)
from .batch.sources import FORMATS, Input, InputError, discover, read_input
from .batch.work import WorkOptions, document_text
from .config import DEFAULT, Config
from .explain import format_article
from .profile import Profile

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Cleaned once with the --set options before any record: an option that would fail every
# record (a phrase file that does not parse) is a usage error, reported once.
PREFLIGHT_TEXT = "A line of text to check the options with, before the first record.\n"


class UsageError(Exception):
    """A command line that cannot run; reported with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleannews",
        description="Strip boilerplate from scraped news text: files, folders or stdin; "
        "plain text, JSON Lines (.jsonl, .jsonl.gz) or Parquet.",
        epilog="Exit status: 0 all records cleaned, 1 some records failed, 2 usage error.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files or folders (recursive); '-' or none: standard input",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file, or folder (mirrors the inputs' paths); default: standard output",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("auto", *FORMATS),
        default="auto",
        help="input format; auto: by file name, standard input is text (default: %(default)s)",
    )
    parser.add_argument(
        "--output-format",
        choices=FORMATS,
        default=None,
        help="output format; default: what the -o name says (.jsonl, .jsonl.gz, "
        ".parquet, .txt), else the input's. Another format than the input's converts the "
        "records: JSON Lines <-> Parquet (a schema inferred from the first "
        f"{SCHEMA_SAMPLE_ROWS} records), a text file to one record (the cleaned text in "
        "--output-field, the added fields), records to text (the cleaned text of each, "
        "separated by a form feed line). In an output folder a converted file takes the "
        "format's suffix",
    )
    _add_field_options(parser)
    _add_profile_options(parser)
    _add_run_options(parser)
    parser.add_argument(
        "--explain", action="store_true", help="print the per-line report for one document instead"
    )
    parser.add_argument(
        "--show",
        action="store_true",
        help="print every document's metadata and cleaned article, for reading",
    )
    parser.add_argument(
        "--record",
        type=_positive,
        default=None,
        metavar="N",
        help="with --explain: the JSON line or Parquet row to explain",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="OPTION=VALUE",
        dest="settings",
        help="override a cleannews.Config option (repeatable), e.g. --set min_body_words=20",
    )
    parser.add_argument("--version", action="version", version=f"cleannews {__version__}")
    return parser


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("records (JSON Lines, Parquet)")
    group.add_argument(
        "--field", default="text", help="the field holding the text (default: %(default)s)"
    )
    group.add_argument(
        "--output-field",
        metavar="NAME",
        help="write the cleaned text here (default: replace --field)",
    )
    group.add_argument(
        "--metadata",
        action="store_true",
        help=f"add the metadata fields: {', '.join(META_FIELDS)}, each after --prefix "
        "(text output: NAME.json beside it)",
    )
    group.add_argument(
        "--reasons",
        action="store_true",
        help="add the removed lines with the rule that removed each",
    )
    group.add_argument(
        "--prefix", default="cn_", help="prefix of the added field names (default: %(default)s)"
    )


def _add_profile_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("site profiles (lines a site repeats on many pages)")
    group.add_argument(
        "--learn",
        action="store_true",
        help="first read every input to learn one profile per group (site), then clean "
        "each record with its group's profile",
    )
    group.add_argument(
        "--group-field",
        metavar="NAME",
        help="the field naming a record's site: 'url' groups by the URL's host, any other "
        "field by its value (default: all records form one group)",
    )
    group.add_argument(
        "--save-profiles", metavar="DIR", help="with --learn: write the profiles to DIR"
    )
    group.add_argument(
        "--profiles",
        metavar="DIR",
        help="clean with the profiles saved in DIR (merged with learned ones under --learn)",
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("running")
    group.add_argument(
        "-j",
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help=f"worker processes (default: the CPUs available, here {available_cpus()})",
    )
    group.add_argument(
        "--chunk-size",
        type=_positive,
        default=16,
        metavar="N",
        help="documents sent to a worker at a time (default: %(default)s)",
    )
    group.add_argument(
        "--on-error",
        choices=("pass", "skip"),
        default="pass",
        help="a record that cannot be cleaned is passed through unchanged "
        "or skipped (default: %(default)s); it is always reported. A line that is not a "
        "JSON object is always left out",
    )
    group.add_argument(
        "--errors",
        metavar="FILE",
        help="write each failed record to FILE as one JSON object (file, line, reason, "
        "action, raw) instead of a line on standard error",
    )
    group.add_argument(
        "--encoding",
        choices=("utf-8", "auto"),
        default="utf-8",
        help="text files: strict UTF-8 (bad bytes fail the record) or auto "
        "(detect the charset) (default: %(default)s)",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary (failures are still reported)",
    )


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def parse_settings(settings: Sequence[str]) -> Config:
    """``--set name=value`` pairs as a ``Config``; values take the type of the default."""
    defaults = {f.name: getattr(DEFAULT, f.name) for f in fields(Config)}
    overrides: dict[str, Any] = {}
    for item in settings:
        name, sep, value = item.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in defaults:
            known = ", ".join(sorted(defaults))
            raise UsageError(f"--set {item!r}: expected OPTION=VALUE, OPTION one of: {known}")
        overrides[name] = _convert(name, value, defaults[name])
    try:
        config = DEFAULT.with_overrides(**overrides)
        if overrides:  # what the options make the cleaner do fails here, not once a record
            extract(PREFLIGHT_TEXT, config)
    except (TypeError, ValueError, OSError) as exc:
        raise UsageError(f"--set: {exc}") from None
    return config


def _convert(name: str, value: str, default: Any) -> Any:
    if isinstance(default, bool):
        if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise UsageError(f"--set {name}: expected true or false, not {value!r}")
        return value.lower() in ("true", "1", "yes")
    if isinstance(default, tuple):
        return tuple(v for v in value.split(",") if v)
    try:
        return type(default)(value)
    except ValueError:
        kind = type(default).__name__
        raise UsageError(f"--set {name}: expected {kind}, not {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return _run(args)
    except (UsageError, InputError) as exc:
        parser.print_usage(sys.stderr)
        print(f"cleannews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UniformFailure as exc:
        print(f"cleannews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (`| head`): it has what it wanted
        _discard_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("cleannews: interrupted", file=sys.stderr)
        return 130


def _discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of
    what is still buffered does not fail again ("Exception ignored ... BrokenPipeError").
    The recipe of Python's documentation (library/signal, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _run(args: argparse.Namespace) -> int:
    config = parse_settings(args.settings)
    if not args.inputs and sys.stdin.isatty():
        raise UsageError("no input: name files or folders, or pipe text into standard input")
    inputs = discover(args.inputs, args.format)
    if not inputs:
        raise UsageError("the inputs hold no files")
    _check_formats(inputs, args)
    if args.explain:
        return _explain(inputs, args, config, sys.stdout)
    if args.show:
        return _show(inputs, args, config, sys.stdout)
    dests = plan_destinations(inputs, args.output, _names_folder(args), args.output_format)
    formats = check_output_formats(inputs, dests, args.output_format)
    if args.metadata or args.reasons:
        _check_fields_have_a_place(inputs, dests, formats)
    work = _with_profiles(_work_options(args, config), inputs, args)
    options = BatchOptions(work, _workers(args, inputs), args.chunk_size)
    show = not args.quiet and sys.stderr.isatty()
    failures = None if args.errors is None else ErrorsFile(Path(args.errors))
    tally = run_batch(inputs, dests, options, sys.stderr, show, failures, formats)
    if not args.quiet:
        where = f"; failed records in {args.errors}" if args.errors and tally.failed else ""
        print(tally.summary() + where, file=sys.stderr)
    return EXIT_FAILED if tally.failed else EXIT_OK


def _workers(args: argparse.Namespace, inputs: list[Input]) -> int:
    """The processes to start: no more than there are documents when that is known."""
    workers: int = args.workers or available_cpus()
    if all(inp.fmt == "text" for inp in inputs):  # one document per input
        workers = min(workers, len(inputs))
    return workers


def _check_fields_have_a_place(
    inputs: list[Input], dests: list[Path | None], formats: list[str]
) -> None:
    """Text output holds the cleaned text only: a text document's fields go to a file
    beside it, records written as text have nowhere to put theirs."""
    for inp, dest, fmt in zip(inputs, dests, formats, strict=True):
        if fmt != "text":
            continue
        if inp.fmt != "text":
            raise UsageError(
                f"--metadata/--reasons: {inp.name} is {inp.fmt}, and its records written as "
                "text keep the cleaned text only; write JSON Lines or Parquet"
            )
        if dest is None:
            raise UsageError("--metadata/--reasons with text output need -o (they go to NAME.json)")


def _names_folder(args: argparse.Namespace) -> bool:
    return any(os.path.isdir(arg) for arg in args.inputs)


def _check_formats(inputs: list[Input], args: argparse.Namespace) -> None:
    if any(inp.path is None and inp.fmt == "parquet" for inp in inputs):
        raise UsageError("Parquet cannot be read from standard input (it needs a file)")
    if args.output is None and args.output_format is None and len({i.fmt for i in inputs}) > 1:
        raise UsageError("inputs of different formats need -o FOLDER or --output-format")
    if args.record is not None and not args.explain:
        raise UsageError("--record goes with --explain")
    if args.save_profiles and not args.learn:
        raise UsageError("--save-profiles goes with --learn")
    if args.learn and any(inp.path is None for inp in inputs):
        raise UsageError("--learn reads the inputs twice: it needs files, not standard input")
    if (args.learn or args.profiles) and (args.explain or args.show):
        raise UsageError("--learn/--profiles clean a batch; not with --explain or --show")


def _with_profiles(work: WorkOptions, inputs: list[Input], args: argparse.Namespace) -> WorkOptions:
    """``work`` with the site profiles: loaded (--profiles) and learned (--learn, which
    reads every input once before cleaning)."""
    if not (args.learn or args.profiles):
        return work
    work = replace(work, group_field=args.group_field)
    profiles: dict[str, Profile] = {}
    if args.profiles:
        try:
            profiles = load_profiles(Path(args.profiles))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if args.learn:
        learned = learn_profiles(inputs, work)
        for group, profile in learned.profiles.items():
            profiles[group] = profiles[group].merge(profile) if group in profiles else profile
        if args.save_profiles:
            save_profiles(profiles, Path(args.save_profiles))
        if not args.quiet:
            saved = "" if profiles or not args.save_profiles else "; no profile to write"
            print(f"cleannews: {learned.summary()}{saved}", file=sys.stderr)
    return replace(work, profiles=profiles)


def _work_options(args: argparse.Namespace, config: Config) -> WorkOptions:
    return WorkOptions(
        config,
        field=args.field,
        output_field=args.output_field,
        metadata=args.metadata,
        reasons=args.reasons,
        prefix=args.prefix,
        encoding=args.encoding,
        skip_failed=args.on_error == "skip",
    )


def _record_text(
    inp: Input, record: Record, args: argparse.Namespace, config: Config
) -> str | bytes | None:
    """The document text of one record, or None after reporting why there is none."""
    text, outcome = (
        (None, Outcome(error=record.error))
        if record.error
        else document_text(inp.fmt, record.raw, record.row, _work_options(args, config))
    )
    if text is None:
        print(f"cleannews: {record.where}: {outcome.error}", file=sys.stderr)
    return text


def _show(inputs: list[Input], args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Print every document's metadata and cleaned article, for reading (one process)."""
    status = EXIT_OK
    for inp in inputs:
        for record in read_input(inp):
            text = _record_text(inp, record, args, config)
            if text is None:
                status = EXIT_FAILED
                continue
            out.write(f"==> {record.where} <==\n")
            out.write(format_article(extract(text, config)) + "\n")
    return status


def _explain(inputs: list[Input], args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Print the per-line report of one document: a text input, or one record of a file."""
    if len(inputs) != 1:
        raise UsageError(f"--explain takes one document, not {len(inputs)} inputs")
    inp, wanted = inputs[0], args.record or 1
    for record in read_input(inp):
        if record.line < wanted and record.error is None:
            continue
        text = _record_text(inp, record, args, config)
        if text is None:
            return EXIT_FAILED
        out.write(explain(text, config))
        return EXIT_OK
    raise UsageError(f"{inp.name} has no record {wanted}")
