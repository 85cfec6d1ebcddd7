"""The command line and the batch machinery: formats, order, bad records, exit status."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cleannews
from cleannews.batch.engine import IN_FLIGHT_PER_WORKER, WORKER_DIED, run_chunks
from cleannews.batch.fields import META_FIELDS
from cleannews.batch.progress import Progress
from cleannews.batch.records import Chunk, ChunkResult
from cleannews.batch.work import WorkOptions, process_chunk
from cleannews.cli import build_parser, main

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
ROOT = Path(__file__).resolve().parents[1]


def seed_texts() -> list[str]:
    return [p.read_text("utf-8") for p in SEEDS]


def write_jsonl(path: Path, rows: list[Any]) -> None:
    lines = [
        r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() for r in rows
    ]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")


def read_jsonl(path: Path) -> list[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        return [line.rstrip(b"\n") for line in f]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# -- text ---------------------------------------------------------------------------------


def test_seeds_exist() -> None:
    assert len(SEEDS) >= 5


def test_text_file_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    status, _, err = run([str(SEEDS[0]), "-o", str(out)], capsys)
    assert status == 0
    assert out.read_text("utf-8") == cleannews.clean(SEEDS[0].read_text("utf-8")) + "\n"
    assert "1 docs, 0 failed" in err


def test_seed_folder_mirrored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run([str(SEEDS[0].parent), "-o", str(tmp_path / "out"), "-j", "2"], capsys)
    assert status == 0
    for seed in SEEDS:
        written = (tmp_path / "out" / seed.name).read_text("utf-8")
        assert written == cleannews.clean(seed.read_text("utf-8")) + "\n"


def test_text_metadata_goes_beside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    status, _, _ = run([str(SEEDS[1]), "-o", str(out), "--metadata", "--reasons"], capsys)
    assert status == 0
    meta = json.loads((tmp_path / "out.txt.json").read_text("utf-8"))
    assert {"cn_title", "cn_published", "cn_authors", "cn_removed"} <= set(meta)
    assert {"cn_site_name", "cn_url"} <= set(meta)  # every Article metadata field


def test_text_metadata_to_stdout_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run([str(SEEDS[0]), "--metadata"], capsys)
    assert status == 2
    assert "-o" in err


def test_invalid_utf8_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = "A first line of an article, with enough words to be text.\n"
    (src / "a.txt").write_text(good, "utf-8")
    bad = b"line one\nline two \xff\xfe broken\n"
    (src / "b.txt").write_bytes(bad)
    (src / "c.txt").write_text(good, "utf-8")
    status, _, err = run([str(src), "-o", str(tmp_path / "out")], capsys)
    assert status == 1
    assert f"{src / 'b.txt'}:2:" in err and "passed through unchanged" in err
    assert (tmp_path / "out" / "b.txt").read_bytes() == bad
    assert (tmp_path / "out" / "c.txt").read_text("utf-8") == cleannews.clean(good) + "\n"
    assert "3 docs, 1 failed" in err


def test_invalid_utf8_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Text.\n", "utf-8")
    (src / "b.txt").write_bytes(b"\xff\n")
    status, _, err = run([str(src), "-o", str(tmp_path / "out"), "--on-error", "skip"], capsys)
    assert status == 1
    assert "skipped" in err
    assert not (tmp_path / "out" / "b.txt").exists()
    assert (tmp_path / "out" / "a.txt").exists()


def test_encoding_auto_lets_the_library_decode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "latin.txt"
    src.write_bytes("Ceci est un texte en français, écrit en Latin-1.\n".encode("latin-1"))
    status, _, _ = run([str(src), "-o", str(tmp_path / "o.txt"), "--encoding", "auto"], capsys)
    assert status == 0


# -- JSON Lines ------------------------------------------------------------------------------


def seed_rows() -> list[dict[str, Any]]:
    return [
        {"id": i, "text": t, "url": f"https://example.com/{i}"}
        for i, t in enumerate(seed_texts() * 4)
    ]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_order_and_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    rows = seed_rows()
    write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    argv = [str(tmp_path / "in.jsonl"), "-o", str(out), "-j", workers, "--chunk-size", "1"]
    status, _, _ = run(argv, capsys)
    assert status == 0
    got = [json.loads(line) for line in read_jsonl(out)]
    assert [g["id"] for g in got] == [r["id"] for r in rows]
    assert [g["text"] for g in got] == [cleannews.clean(r["text"]) for r in rows]
    assert all(list(g) == ["id", "text", "url"] for g in got)


def test_jsonl_output_field_metadata_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = seed_rows()[:5]
    write_jsonl(tmp_path / "in.jsonl.gz", rows)
    out = tmp_path / "out.jsonl.gz"
    argv = [
        str(tmp_path / "in.jsonl.gz"),
        "-o",
        str(out),
        "--output-field",
        "clean",
        "--metadata",
        "--reasons",
        "-j",
        "2",
        "--chunk-size",
        "2",
    ]
    status, _, _ = run(argv, capsys)
    assert status == 0
    got = [json.loads(line) for line in read_jsonl(out)]
    for row, g in zip(rows, got, strict=True):
        art = cleannews.extract(row["text"])
        assert g["text"] == row["text"]
        assert g["clean"] == art.text
        assert g["cn_title"] == art.title
        assert g["cn_authors"] == list(art.authors)
        assert g["cn_removed"] == art.to_dict()["removed"]


def test_bad_json_records_do_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = "A line of an article, with enough words in it to be read as text."
    lines = [
        {"id": 1, "text": good},
        b'{"id": 2, "text": "unterminated',
        {"id": 3, "text": 42},
        {"id": 4},
        b"[1, 2]",
        b'{"id": 6, "text": "bad byte \xff"}',
        {"id": 7, "text": good},
    ]
    src = tmp_path / "in.jsonl"
    write_jsonl(src, lines)
    out = tmp_path / "out.jsonl"
    status, _, err = run([str(src), "-o", str(out), "-j", "2", "--chunk-size", "2"], capsys)
    assert status == 1
    pattern = rf"^cleannews: {re.escape(str(src))}:(\d+): .*\((.*)\)$"
    actions = {int(m[1]): m[2] for m in re.finditer(pattern, err, re.M)}
    left, passed = "left out", "passed through unchanged"
    assert actions == {2: left, 3: passed, 4: passed, 5: left, 6: left}
    assert "malformed JSON" in err and "'text' is int, not a string" in err
    assert "no field 'text'" in err and "not a JSON object but an array" in err
    assert "not UTF-8: byte 0xff" in err
    assert "7 docs, 5 failed, 3 unreadable (left out)" in err
    got = read_jsonl(out)
    # Records that parse are passed through byte for byte; lines that are not objects are not.
    assert got[1:3] == read_jsonl(src)[2:4]
    assert [json.loads(x)["id"] for x in got] == [1, 3, 4, 7]
    assert json.loads(got[3])["text"] == cleannews.clean(good)


def test_bad_json_records_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": 1, "text": "One."}, b"{oops", {"id": 3, "text": None}])
    out = tmp_path / "out.jsonl"
    status, _, err = run([str(src), "-o", str(out), "--on-error", "skip"], capsys)
    assert status == 1
    assert [json.loads(x)["id"] for x in read_jsonl(out)] == [1]
    assert "3 docs, 2 failed, 1 skipped, 1 unreadable (left out)" in err


def test_library_exception_costs_one_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cleannews.batch.cleaning as work

    real = work.extract

    def flaky(text: str | bytes, config: Any = None) -> cleannews.Article:
        if "BOOM" in str(text):
            raise RuntimeError("a bug")
        return real(text, config)

    real_many = work.extract_many

    def flaky_many(texts: Any, config: Any = None, **kw: Any) -> list[cleannews.Article]:
        if any("BOOM" in str(t) for t in texts):  # one failure fails the chunk's one call
            raise RuntimeError("a bug")
        return real_many(texts, config, **kw)

    monkeypatch.setattr(work, "extract", flaky)
    monkeypatch.setattr(work, "extract_many", flaky_many)
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"text": "Fine text."}, {"text": "BOOM"}, {"text": "Fine again."}])
    status, out, err = run([str(src), "-j", "1"], capsys)
    assert status == 1
    assert f"{src}:2: RuntimeError: a bug" in err
    assert [json.loads(x)["text"] for x in out.splitlines()] == [
        cleannews.clean("Fine text."),
        "BOOM",
        cleannews.clean("Fine again."),
    ]


def test_quiet_and_no_progress_off_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run([str(SEEDS[0]), "-o", str(tmp_path / "o.txt"), "--quiet"], capsys)
    assert status == 0
    assert err == ""
    status, _, err = run([str(SEEDS[0]), "-o", str(tmp_path / "o.txt")], capsys)
    assert "\r" not in err and err.startswith("cleannews: 1 docs")


def test_quiet_still_reports_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [b"{oops"])
    status, _, err = run([str(src), "-q"], capsys)
    assert status == 1
    assert f"{src}:1: malformed JSON" in err
    assert "docs" not in err


def test_empty_input_gives_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.jsonl.gz").write_bytes(gzip.compress(b""))
    status, _, _ = run([str(tmp_path / "in"), "-o", str(tmp_path / "out")], capsys)
    assert status == 0
    assert read_jsonl(tmp_path / "out" / "empty.jsonl.gz") == []


# -- standard input, python -m ----------------------------------------------------------------


def cli(args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "cleannews", *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


# The console script that pip installed beside this interpreter: what a user runs.
CONSOLE = Path(sys.executable).with_name("cleannews")


def console(
    args: list[str], data: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``cleannews`` as a user would, standard input from ``data``."""
    return subprocess.run(
        [str(CONSOLE), *args],
        input=data,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_stdin_text_to_stdout() -> None:
    text = seed_texts()[2]
    done = cli([], text.encode())
    assert done.returncode == 0
    assert done.stdout.decode() == cleannews.clean(text) + "\n"
    assert b"\r" not in done.stderr


def test_stdin_jsonl_to_stdout_with_bad_line() -> None:
    data = b'{"text": "First article line, long enough."}\nnot json\n{"text": "Second."}\n'
    done = cli(["-f", "jsonl", "-j", "2"], data)
    assert done.returncode == 1
    assert b"<stdin>:2: malformed JSON" in done.stderr
    lines = done.stdout.splitlines()
    assert [json.loads(line)["text"] for line in lines] == [
        cleannews.clean("First article line, long enough."),
        cleannews.clean("Second."),
    ]


# -- usage, explain --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--no-such-option"],
        ["/no/such/file.txt"],
        ["--set", "no_such_option=1", str(SEEDS[0])],
        ["--set", "min_body_words=many", str(SEEDS[0])],
        ["--workers", "0", str(SEEDS[0])],
        [str(SEEDS[0]), "-o", str(SEEDS[0])],
        ["--record", "2", str(SEEDS[0])],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--workers" in capsys.readouterr().out


def test_set_reaches_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.txt"
    text = SEEDS[0].read_text("utf-8")
    assert main([str(SEEDS[0]), "-o", str(out), "--set", "min_body_words=1000"]) == 0
    assert out.read_text("utf-8") == cleannews.clean(text, min_body_words=1000) + "\n"


def test_explain_text_and_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--explain", str(SEEDS[0])], capsys)
    assert status == 0
    assert out == cleannews.explain(SEEDS[0].read_text("utf-8"))
    src = tmp_path / "in.jsonl"
    write_jsonl(src, seed_rows()[:3])
    status, out, _ = run(["--explain", str(src), "--record", "3"], capsys)
    assert status == 0
    assert out == cleannews.explain(seed_rows()[2]["text"])


def test_show_prints_every_document_with_its_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--show", str(SEEDS[0].parent)], capsys)
    assert status == 0
    assert out.count("==> ") == len(SEEDS)
    first = cleannews.extract(SEEDS[0].read_text("utf-8"))
    assert "published: 2025-10-20   authors: M.I." in out
    assert first.text in out


# -- Parquet ---------------------------------------------------------------------------------


def test_parquet_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts: list[str | None] = [*seed_texts(), None]
    table = pa.table({"id": list(range(len(texts))), "text": texts})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    out = tmp_path / "out.parquet"
    argv = [
        str(tmp_path / "in.parquet"),
        "-o",
        str(out),
        "--metadata",
        "--reasons",
        "-j",
        "2",
        "--chunk-size",
        "2",
    ]
    status, _, err = run(argv, capsys)
    assert status == 1  # the null text
    assert f"{tmp_path / 'in.parquet'}:{len(texts)}: field 'text' is null" in err
    got = pq.read_table(out).to_pylist()
    assert [g["id"] for g in got] == list(range(len(texts)))
    assert [g["text"] for g in got[:-1]] == [cleannews.clean(t or "") for t in texts[:-1]]
    assert got[-1]["text"] is None
    assert got[0]["cn_authors"] == list(cleannews.extract(texts[0] or "").authors)
    assert "cn_removed" in got[0]


def test_parquet_needs_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"text": ["x"]}), tmp_path / "in.parquet")
    assert main([str(tmp_path / "in.parquet")]) == 2


# -- the engine ------------------------------------------------------------------------------


def crash_on_boom(chunk: Chunk, options: WorkOptions) -> ChunkResult:
    """A chunk function whose worker dies on a chunk holding b"BOOM" (a native crash)."""
    if any(b"BOOM" in item for item in chunk.items):
        os._exit(3)
    return process_chunk(chunk, options)


def test_worker_crash_costs_only_its_chunk() -> None:
    texts = [b'{"text": "One."}\n', b'{"text": "BOOM"}\n', b'{"text": "Three."}\n']
    jobs = [(i, Chunk("jsonl", (t,))) for i, t in enumerate(texts)]
    results = list(run_chunks(jobs, WorkOptions(), workers=2, fn=crash_on_boom))
    assert [i for i, _ in results] == [0, 1, 2]
    assert results[1][1].outcomes[0].error == WORKER_DIED
    assert results[1][1].payload == texts[1]  # passed through
    assert results[0][1].outcomes[0].error is None
    assert results[2][1].outcomes[0].error is None


def test_engine_reads_a_bounded_number_of_chunks_ahead() -> None:
    pulled = 0

    def jobs() -> Any:
        nonlocal pulled
        for i in range(60):
            pulled += 1
            yield i, Chunk("jsonl", (b'{"text": "Some text."}\n',))

    workers = 2
    for done, (i, _) in enumerate(run_chunks(jobs(), WorkOptions(), workers=workers)):
        assert i == done
        assert pulled - done <= workers * IN_FLIGHT_PER_WORKER + 1


# -- progress ---------------------------------------------------------------------------------


def test_progress_is_a_tqdm_bar_and_notes_do_not_tangle_with_it() -> None:
    stream = io.StringIO()
    bar = Progress(stream, True, delay=0, interval=0)
    bar.update(50, 0.25)  # 50 documents in a quarter of the input: 200 in all
    bar.note("a message")
    bar.update(50, 0.5)
    bar.close()
    text = stream.getvalue()
    assert " 25%" in text and "50/200" in text and "docs/s" in text
    assert "100/200" in text and " 50%" in text
    # The note stands alone on a line: the bar was cleared before it, redrawn after.
    assert "a message" in [part.strip() for part in re.split(r"[\r\n]", text)]


def test_progress_disabled_draws_nothing_but_notes() -> None:
    stream = io.StringIO()
    bar = Progress(stream, False, delay=0)
    bar.update(10, 0.5)
    bar.note("a message")
    bar.close()
    assert stream.getvalue() == "a message\n"


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_unless_quiet(tmp_path: Path, quiet: bool) -> None:
    """Standard error a terminal (a pseudo-terminal here): the bar is drawn, --quiet
    silences it; off a terminal test_quiet_and_no_progress_off_terminal shows none."""
    pty = pytest.importorskip("pty")
    src = tmp_path / "in.jsonl"
    # 4,000 records (19 MB): about 3 s with the native core at -j 1 (400 took 0.3 s, less
    # than the bar's DELAY of 0.5 s, and no bar was drawn).
    write_jsonl(src, seed_rows() * 200)
    master, slave = pty.openpty()
    fcntl = pytest.importorskip("fcntl")
    termios = pytest.importorskip("termios")
    # A terminal of 24 rows of 80 columns (a new pseudo-terminal has 0 columns).
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    args = [
        str(CONSOLE),
        str(src),
        "-o",
        str(tmp_path / "out.jsonl"),
        "-j",
        "1",
        "--chunk-size",
        "1",
    ]
    with subprocess.Popen([*args, *(["-q"] if quiet else [])], stderr=slave) as proc:
        os.close(slave)
        err = _read_all(master)
        assert proc.wait(timeout=120) == 0
    if quiet:
        assert err == b""
    else:
        assert b"docs/s" in err and b"%" in err and b"\r" in err
        assert err.rstrip().splitlines()[-1].strip().startswith(b"cleannews: 4000 docs, 0 failed")


def _read_all(fd: int) -> bytes:
    """Everything written to a pseudo-terminal until its other end closes."""
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the writer closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks)


# -- site profiles: --learn, --save-profiles, --profiles (issue 4) -------------------------

SITE_LINE = "Gazeta Nordului arhiva contact redacție"


def _site_rows() -> list[dict[str, str]]:
    """Ten seed-based documents of gazeta.ro ending in the site's line, and the same ten
    texts from other.ro without it."""
    texts = seed_texts()
    rows = []
    for i in range(10):
        text = texts[i % len(texts)]
        rows.append({"url": f"https://www.gazeta.ro/a/{i}", "text": f"{text}\n{SITE_LINE}"})
        rows.append({"url": f"https://other.ro/b/{i}", "text": text})
    return rows


def test_learn_cleans_each_record_with_its_site_profile(tmp_path: Path) -> None:
    src, out, folder = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "profiles"
    write_jsonl(src, _site_rows())
    args = [str(src), "-o", str(out), "--reasons", "-q", "-j", "1"]
    assert main([*args, "--learn", "--group-field", "url", "--save-profiles", str(folder)]) == 0
    # other.ro repeats no line: it has no profile, and no empty profile file.
    assert sorted(p.name for p in folder.iterdir()) == ["gazeta.ro.json"]
    gazeta = cleannews.Profile.load(folder / "gazeta.ro.json")
    assert "gazeta nordului arhiva contact redactie" in gazeta and gazeta.documents == 10
    rows = [json.loads(line) for line in read_jsonl(out)]
    for row in rows:
        rules = {r["text"]: r["rule"] for r in row["cn_removed"]}
        if "gazeta.ro" in row["url"]:
            assert rules[SITE_LINE] == "site_profile"
        else:  # other.ro's profile is learned from its own pages only
            assert "site_profile" not in rules.values()
            assert row["text"] == cleannews.clean(row_text(row["url"]))
    # The saved profiles give the same output without learning again.
    again = tmp_path / "again.jsonl"
    assert main([str(src), "-o", str(again), "--reasons", "-q", "-j", "2",
                 "--profiles", str(folder), "--group-field", "url"]) == 0  # fmt: skip
    assert read_jsonl(again) == read_jsonl(out)


def row_text(url: str) -> str:
    return next(r["text"] for r in _site_rows() if r["url"] == url)


def test_learn_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, _site_rows())
    assert main([str(src), "-o", str(tmp_path / "o.jsonl"), "--save-profiles", "x"]) == 2
    assert main([str(src), "--profiles", str(tmp_path / "missing"), "-o", "o.jsonl"]) == 2


# -- usage errors found before the first record (issue 15) -------------------------------


@pytest.mark.parametrize("phrases", ["nope.txt", "bad"])
def test_phrase_file_that_cannot_be_used_is_one_usage_error(tmp_path: Path, phrases: str) -> None:
    """Reported once, before any record is read or written, with exit status 2."""
    bad = tmp_path / "bad.txt"
    bad.write_text("a phrase before any [family] heading\n", "utf-8")
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, seed_rows()[:6])
    setting = f"extra_phrase_files={bad if phrases == 'bad' else phrases}"
    done = console([str(src), "-o", str(out), "--set", setting])
    err = done.stderr.decode()
    assert done.returncode == 2
    assert err.count("cleannews: error: --set: ") == 1
    assert (phrases if phrases == "nope.txt" else str(bad)) in err
    assert f"{src}:" not in err
    assert not out.exists()


# -- JSON Lines output stays JSON Lines (issue 15) -----------------------------------------

GOOD = "A line of an article, with enough words in it to be read as text."
# Each kind of line that is not a JSON object, with the reason reported for it.
NOT_OBJECTS = [
    (b'{"id": "broken", "text": "unterminated', "malformed JSON: Unterminated string"),
    (b"[1, 2, 3]", "not a JSON object but an array"),
    (b'"a string"', "not a JSON object but a string"),
    (b'{"id": 9, "text": "x", "score": NaN}', "malformed JSON: NaN is not a JSON value"),
    (b'{"id": 10, "text": "bad byte \xff"}', "not UTF-8: byte 0xff"),
]


def mixed_rows() -> list[Any]:
    """Good records, records that parse but fail (no text, text not a string), and every
    kind of line that is not an object, each once."""
    rows: list[Any] = [{"id": 1, "text": GOOD}, {"id": 2}, {"id": 3, "text": 42}]
    rows += [line for line, _ in NOT_OBJECTS]
    return [*rows, {"id": 4, "text": GOOD}]


@pytest.mark.parametrize("on_error", ["pass", "skip"])
@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_jsonl_output_is_json_objects_whatever_the_input(
    tmp_path: Path, name: str, on_error: str
) -> None:
    src, out = tmp_path / name, tmp_path / name.replace("in", "out")
    write_jsonl(src, mixed_rows())
    done = console(
        [str(src), "-o", str(out), "--on-error", on_error, "-j", "2", "--chunk-size", "3"]
    )
    assert done.returncode == 1
    objects = [json.loads(line) for line in read_jsonl(out)]  # every line parses...
    assert all(isinstance(o, dict) for o in objects)  # ...as an object
    kept = [1, 2, 3, 4] if on_error == "pass" else [1, 4]
    assert [o["id"] for o in objects] == kept
    err = done.stderr.decode()
    for number, (_, reason) in enumerate(NOT_OBJECTS, start=4):
        assert f"{src}:{number}: {reason}" in err


def test_errors_file_gets_each_failed_record_and_the_run_goes_on(tmp_path: Path) -> None:
    src, out, errors = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "bad.jsonl"
    rows = mixed_rows()
    write_jsonl(src, rows)
    done = console([str(src), "-o", str(out), "--errors", str(errors)])
    assert done.returncode == 1
    assert f"{src}:" not in done.stderr.decode()  # the failures are in the file instead
    assert f"failed records in {errors}" in done.stderr.decode()
    entries = [json.loads(line) for line in read_jsonl(errors)]
    assert [e["line"] for e in entries] == [2, 3, 4, 5, 6, 7, 8]
    assert all(e["file"] == str(src) for e in entries)
    assert [e["action"] for e in entries] == ["passed through unchanged"] * 2 + ["left out"] * 5
    assert entries[0]["reason"] == "no field 'text'"
    assert [e["raw"] for e in entries[2:6]] == [line.decode() for line, _ in NOT_OBJECTS[:4]]
    assert entries[6]["raw"] == '{"id": 10, "text": "bad byte \ufffd"}'
    assert [json.loads(line)["id"] for line in read_jsonl(out)] == [1, 2, 3, 4]


def test_errors_file_is_empty_when_nothing_failed(tmp_path: Path) -> None:
    src, errors = tmp_path / "in.jsonl", tmp_path / "bad.jsonl"
    write_jsonl(src, [{"text": GOOD}])
    errors.write_text("left from an earlier run\n", "utf-8")
    done = console([str(src), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors)])
    assert done.returncode == 0
    assert errors.read_bytes() == b""


# -- the first records all failing alike stop the run (issue 15) -----------------------------


def test_a_field_no_record_has_stops_the_run_with_one_message(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, seed_rows())  # 20 records, none with "content"
    done = console([str(src), "-o", str(out), "--field", "content", "--chunk-size", "1"])
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert lines == [
        "cleannews: error: the first 10 records all failed with: no field 'content' "
        f"(the first at {src}:1); stopped before writing anything"
    ]
    assert not out.exists()


def test_a_few_bad_records_first_do_not_stop_the_run(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows: list[Any] = [{"id": i} for i in range(9)] + [{"id": 9, "text": GOOD}]
    write_jsonl(src, rows)
    done = console([str(src), "-o", str(out), "--chunk-size", "4"])
    assert done.returncode == 1
    assert done.stderr.decode().count("no field 'text' (passed through unchanged)") == 9
    assert [json.loads(line)["id"] for line in read_jsonl(out)] == list(range(10))


# -- --learn says why a group has no profile (issue 15) ---------------------------------------


def test_learn_with_too_few_documents_per_group_says_so_and_writes_no_profile(
    tmp_path: Path,
) -> None:
    src, folder = tmp_path / "in.jsonl", tmp_path / "profiles"
    rows = [
        {"url": f"https://site{i}.ro/a", "text": f"{t}\n{SITE_LINE}"}
        for i, t in enumerate(seed_texts() * 2)
    ]
    rows += [{"url": f"https://big.ro/{i}", "text": t} for i, t in enumerate(seed_texts() * 2)]
    write_jsonl(src, rows)
    args = ["--learn", "--group-field", "url", "--save-profiles", str(folder)]
    done = console([str(src), "-o", str(tmp_path / "out.jsonl"), *args])
    assert done.returncode == 0
    first = done.stderr.decode().splitlines()[0]
    # 10 one-page sites, and big.ro's 10 pages (5 seeds twice) share no line on 5 of them.
    assert first == (
        "cleannews: learned 0 lines over 0 group(s); 10 group(s) have fewer than 5 documents, "
        "too few to learn from (a line must be on at least that many); 1 group(s) repeat no "
        "line on 10% of their documents and on 5 or more; no profile to write"
    )
    assert list(folder.iterdir()) == []


# -- standard input and output as a pipeline uses them (issue 15) -----------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_gzip_on_standard_input_is_read_by_its_magic_bytes(fmt: str) -> None:
    text = seed_texts()[1]
    data = json.dumps({"text": text}).encode() + b"\n" if fmt == "jsonl" else text.encode()
    done = console(["-f", fmt], gzip.compress(data))
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    got = json.loads(out)["text"] if fmt == "jsonl" else out.removesuffix("\n")
    assert got == cleannews.clean(text)


def test_gzip_file_is_read_by_its_magic_bytes_whatever_its_name(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"  # compressed, but not named .gz
    src.write_bytes(gzip.compress(json.dumps({"text": GOOD}).encode() + b"\n"))
    done = console([str(src)])
    assert done.returncode == 0
    assert json.loads(done.stdout)["text"] == cleannews.clean(GOOD)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path, workers: str) -> None:
    """`cleannews big.jsonl | head -1`: exit 0, nothing on standard error."""
    src = tmp_path / "in.jsonl"
    write_jsonl(src, seed_rows() * 10)  # 200 records: far more than a pipe's buffer holds
    with subprocess.Popen(
        [str(CONSOLE), str(src), "-j", workers, "--chunk-size", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does once it has its line
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    assert json.loads(first)["id"] == 0
    assert (status, err) == (0, b"")


# -- the output's format is what its name says (issue 15) ------------------------------------


def write_parquet(path: Path, texts: list[str]) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"text": texts}), path)


@pytest.mark.parametrize(
    ("src_name", "out_name", "option", "message"),
    [
        (
            "five.jsonl",
            "out.jsonl",
            "parquet",
            "{out} is named as jsonl, --output-format says parquet",
        ),
        ("five.parquet", "out.txt", "jsonl", "{out} is named as text, --output-format says jsonl"),
        ("five.jsonl", None, "parquet", "Parquet output needs -o/--output"),
    ],
)
def test_an_output_named_as_another_format_than_the_option_is_a_usage_error(
    tmp_path: Path, src_name: str, out_name: str | None, option: str, message: str
) -> None:
    src = tmp_path / src_name
    if src_name.endswith(".parquet"):
        write_parquet(src, seed_texts())
    else:
        write_jsonl(src, seed_rows()[:5])
    out = None if out_name is None else tmp_path / out_name
    done = console([str(src), *(["-o", str(out)] if out else []), "--output-format", option])
    assert done.returncode == 2
    assert message.format(out=out) in done.stderr.decode()
    assert out is None or not out.exists()
    assert done.stdout == b""


@pytest.mark.parametrize("option", [None, "jsonl"])
def test_an_output_named_as_its_format_or_as_none_is_written(
    tmp_path: Path, option: str | None
) -> None:
    src = tmp_path / "five.jsonl"
    out = tmp_path / ("out.jsonl" if option is None else "out.data")
    write_jsonl(src, seed_rows()[:5])
    done = console([str(src), "-o", str(out), *(["--output-format", option] if option else [])])
    assert done.returncode == 0
    assert [json.loads(x)["text"] for x in read_jsonl(out)] == [
        cleannews.clean(r["text"]) for r in seed_rows()[:5]
    ]


def test_readme_and_help_list_every_metadata_field() -> None:
    from cleannews.batch.fields import META_FIELDS

    readme = (ROOT / "README.md").read_text("utf-8")
    bullet = readme[readme.index("- `--metadata` adds") :].split("\n- ")[0]
    assert [f for f in META_FIELDS if f"`cn_{f}`" not in bullet] == []
    assert {"site_name", "url"} <= set(META_FIELDS)
    help_text = " ".join(build_parser().format_help().split())
    assert all(f in help_text for f in META_FIELDS)


# -- conversion between formats (issue 15) -----------------------------------------------------


def parquet_table(path: Path) -> Any:
    pq = pytest.importorskip("pyarrow.parquet")
    return pq.read_table(path)


def test_jsonl_to_parquet_by_the_output_name(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    rows = seed_rows()[:5]
    write_jsonl(tmp_path / "five.jsonl", rows)
    done = console([str(tmp_path / "five.jsonl"), "-o", str(tmp_path / "five.parquet")])
    assert done.returncode == 0, done.stderr
    table = parquet_table(tmp_path / "five.parquet")
    assert [(f.name, str(f.type)) for f in table.schema] == [
        ("id", "int64"),
        ("text", "string"),
        ("url", "string"),
    ]
    assert table.to_pylist() == [{**r, "text": cleannews.clean(r["text"])} for r in rows]


def test_jsonl_gz_to_parquet_with_metadata_has_the_fields_fixed_types(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    rows = seed_rows()[:5]
    write_jsonl(tmp_path / "five.jsonl.gz", rows)
    out = tmp_path / "five.parquet"
    done = console([str(tmp_path / "five.jsonl.gz"), "-o", str(out), "--metadata", "-j", "2"])
    assert done.returncode == 0, done.stderr
    table = parquet_table(out)
    types = {f.name: str(f.type) for f in table.schema}
    # the metadata types come from fields.arrow_fields, not from the sample's values (a
    # title that is null in every record is still a string, authors a list of strings)
    assert types["cn_title"] == "string"
    assert types["cn_authors"] == "list<element: string>"
    assert types["cn_flags"] == "list<element: string>"
    got = table.to_pylist()
    assert [g["text"] for g in got] == [cleannews.clean(r["text"]) for r in rows]
    assert [g["cn_authors"] for g in got] == [
        list(cleannews.extract(r["text"]).authors) for r in rows
    ]


def test_parquet_to_jsonl_turns_arrow_values_into_json(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime as dt
    from decimal import Decimal

    text = seed_texts()[0]
    table = pa.table(
        {
            "text": [text, text],
            "at": pa.array([dt.datetime(2025, 1, 2, 3, 4, 5), None], pa.timestamp("us")),
            "day": pa.array([dt.date(2025, 1, 2), dt.date(1999, 12, 31)], pa.date32()),
            "price": pa.array([Decimal("1.50"), Decimal("-0.01")], pa.decimal128(5, 2)),
            "blob": pa.array([b"\x00\x01", b"hi"], pa.binary()),
            "ratio": pa.array([float("nan"), 0.25], pa.float64()),
            "tags": pa.array([{"k": 1}, {"k": 2}], pa.map_(pa.string(), pa.int64())),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "out.jsonl"
    done = console([str(tmp_path / "in.parquet"), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    got = [json.loads(line) for line in read_jsonl(out)]
    clean = cleannews.clean(text)
    assert got == [
        {
            "text": clean,
            "at": "2025-01-02T03:04:05",
            "day": "2025-01-02",
            "price": "1.50",
            "blob": "AAE=",  # base64 of 00 01
            "ratio": "NaN",
            "tags": {"k": 1},
        },
        {
            "text": clean,
            "at": None,
            "day": "1999-12-31",
            "price": "-0.01",
            "blob": "aGk=",  # base64 of "hi"
            "ratio": 0.25,
            "tags": {"k": 2},
        },
    ]


def test_parquet_to_jsonl_gz_on_standard_output_and_in_a_file(tmp_path: Path) -> None:
    write_parquet(tmp_path / "in.parquet", seed_texts()[:2])
    expected = [{"text": cleannews.clean(t)} for t in seed_texts()[:2]]
    done = console([str(tmp_path / "in.parquet"), "--output-format", "jsonl"])
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == expected
    out = tmp_path / "out.jsonl.gz"
    done = console([str(tmp_path / "in.parquet"), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in read_jsonl(out)] == expected


def test_text_to_jsonl_is_one_record_with_the_text_paths_fields(tmp_path: Path) -> None:
    out = tmp_path / "one.jsonl"
    done = console([str(SEEDS[1]), "-o", str(out), "--metadata"])
    assert done.returncode == 0, done.stderr
    lines = read_jsonl(out)
    assert len(lines) == 1
    record = json.loads(lines[0])
    text = SEEDS[1].read_text("utf-8")
    article = cleannews.extract(text)
    assert list(record) == ["text", *(f"cn_{name}" for name in META_FIELDS)]
    assert record["text"] == cleannews.clean(text)
    assert record["cn_title"] == article.title
    assert record["cn_authors"] == list(article.authors)


def test_a_text_folder_to_parquet_files_takes_the_suffix(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    done = console([str(SEEDS[0].parent), "-o", str(out), "--output-format", "parquet"])
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".parquet" for p in SEEDS)
    for seed in SEEDS:
        rows = parquet_table(out / (seed.stem + ".parquet")).to_pylist()
        assert rows == [{"text": cleannews.clean(seed.read_text("utf-8"))}]


def test_jsonl_to_text_is_each_cleaned_text_and_metadata_has_no_place(tmp_path: Path) -> None:
    rows = seed_rows()[:3]
    write_jsonl(tmp_path / "three.jsonl", rows)
    out = tmp_path / "three.txt"
    done = console([str(tmp_path / "three.jsonl"), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    documents = [cleannews.clean(r["text"]) + "\n" for r in rows]
    assert out.read_text("utf-8") == "\f\n".join(documents)
    done = console([str(tmp_path / "three.jsonl"), "-o", str(tmp_path / "m.txt"), "--metadata"])
    assert done.returncode == 2
    assert b"keep the cleaned text only" in done.stderr
    assert not (tmp_path / "m.txt").exists()


def test_parquet_schema_widens_across_records(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    text = "A first line of an article, with enough words to be kept as text."
    rows: list[dict[str, Any]] = [
        {"text": text, "n": 1, "mix": 1, "none": None, "obj": {"p": 1}, "xs": [1], "flag": True},
        {"text": text, "n": 2.5, "mix": "x", "none": None, "obj": {"q": True}, "xs": [2.5]},
        {"text": text, "n": 3, "mix": [1, "a"], "obj": {}, "xs": [], "flag": 0},
    ]
    write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.parquet"
    done = console([str(tmp_path / "in.jsonl"), "-o", str(out)])
    assert done.returncode == 0, done.stderr
    table = parquet_table(out)
    assert {f.name: str(f.type) for f in table.schema} == {
        "text": "string",
        "n": "double",  # int + float
        "mix": "string",  # int + string + array: each value not a string as JSON text
        "none": "string",  # never a value
        "obj": "struct<p: int64, q: bool>",  # the fields of all the objects
        "xs": "list<element: double>",
        "flag": "string",  # bool + int: nothing holds both but text
    }
    clean = cleannews.clean(text)
    assert table.to_pylist() == [
        {"text": clean, "n": 1.0, "mix": "1", "none": None, "obj": {"p": 1, "q": None},
         "xs": [1.0], "flag": "true"},
        {"text": clean, "n": 2.5, "mix": "x", "none": None, "obj": {"p": None, "q": True},
         "xs": [2.5], "flag": None},
        {"text": clean, "n": 3.0, "mix": '[1, "a"]', "none": None,
         "obj": {"p": None, "q": None}, "xs": [], "flag": "0"},
    ]  # fmt: skip


def test_a_record_that_does_not_fit_the_samples_schema_is_fitted_and_reported_once(
    tmp_path: Path,
) -> None:
    pytest.importorskip("pyarrow")
    from cleannews.batch.convert import SCHEMA_SAMPLE_ROWS

    text = "A first line of an article, with enough words to be kept as text."
    rows: list[dict[str, Any]] = [{"id": i, "text": text} for i in range(SCHEMA_SAMPLE_ROWS)]
    late = SCHEMA_SAMPLE_ROWS + 1  # the line of the first record past the sample
    rows.append({"id": "x-1", "text": text, "late": 1})
    rows.append({"id": "x-2", "text": text, "late": 2})
    rows.append({"text": text})  # a missing field is null
    write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.parquet"
    done = console([str(tmp_path / "in.jsonl"), "-o", str(out), "-j", "2", "--chunk-size", "64"])
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()
    src = tmp_path / "in.jsonl"
    assert err.count(f"{src}:{late}: field 'late' is not in the schema") == 1
    assert err.count(f"{src}:{late}: field 'id' holds a string, which does not fit") == 1
    assert err.count("'late'") == 1 and err.count("'id'") == 1  # once, not per record
    table = parquet_table(out)
    assert table.schema.names == ["id", "text"]
    assert str(table.schema.field("id").type) == "int64"
    ids = table.column("id").to_pylist()
    assert ids == [*range(SCHEMA_SAMPLE_ROWS), None, None, None]


def test_jsonl_to_parquet_to_jsonl_keeps_every_record(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    rows = [
        {
            "id": i,
            "text": t,
            "score": i / 4,
            "tags": ["news", f"t{i}"],
            "source": {"host": "example.com", "rank": i, "ok": i % 2 == 0},
            "note": None if i % 3 else "kept",
        }
        for i, t in enumerate(seed_texts() * 2)
    ]
    src = tmp_path / "in.jsonl"
    write_jsonl(src, rows)
    direct, middle, back = (
        tmp_path / "direct.jsonl",
        tmp_path / "mid.parquet",
        tmp_path / "back.jsonl",
    )
    assert console([str(src), "-o", str(direct), "--metadata"]).returncode == 0
    assert console([str(src), "-o", str(middle), "--metadata"]).returncode == 0
    # the second pass cleans again: into another field, so that the first pass's stays
    done = console([str(middle), "-o", str(back), "--output-field", "again"])
    assert done.returncode == 0, done.stderr
    expected = [json.loads(line) for line in read_jsonl(direct)]
    assert [r["text"] for r in expected] == [cleannews.clean(r["text"]) for r in rows]
    got = [json.loads(line) for line in read_jsonl(back)]
    assert [{k: v for k, v in g.items() if k != "again"} for g in got] == expected
    # every input field came through unchanged, and in its order
    assert [list(g)[:6] for g in got] == [list(r) for r in rows]
    assert [{k: g[k] for k in r if k != "text"} for g, r in zip(got, rows, strict=True)] == [
        {k: v for k, v in r.items() if k != "text"} for r in rows
    ]
