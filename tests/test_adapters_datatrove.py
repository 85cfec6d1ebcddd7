"""The datatrove step under datatrove's local executor (skipped without the extra)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor

import cleannews
from cleannews.adapters.datatrove import CleanNewsStep
from conftest import README_PAGE, run_readme_example

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def documents() -> list[Document]:
    docs = [Document(text=p.read_text("utf-8"), id=p.stem) for p in SEEDS]
    docs.append(Document(text="   \n\n", id="empty"))
    return docs


def writer(folder: Path) -> Any:
    """A last pipeline step that writes the documents as JSON Lines (no extra dependency)."""

    def write(data: Any, rank: int = 0, world_size: int = 1) -> Any:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{rank:05d}.jsonl", "w", encoding="utf-8") as f:
            for doc in data:
                row = {"id": doc.id, "text": doc.text, "metadata": doc.metadata}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return iter(())

    return write


def run_pipeline(tmp_path: Path, step: CleanNewsStep) -> tuple[list[dict[str, Any]], Any]:
    executor = LocalPipelineExecutor(
        pipeline=[documents(), step, writer(tmp_path / "out")],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    stats = executor.run()
    out = [
        json.loads(line)
        for f in sorted((tmp_path / "out").glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
    ]
    return out, stats


def step_stats(stats: Any) -> dict[str, Any]:
    found = [s for s in stats.stats if "cleannews" in s.name]
    assert len(found) == 1
    return dict(found[0].stats)


def test_step_cleans_text_and_records_metadata_and_stats(tmp_path: Path) -> None:
    out, stats = run_pipeline(tmp_path, CleanNewsStep(reasons=True))
    by_id = {d["id"]: d for d in out}
    assert set(by_id) == {p.stem for p in SEEDS}  # the empty document was dropped
    expected: dict[str, int] = {}
    for seed in SEEDS:
        art = cleannews.extract(seed.read_text("utf-8"))
        doc = by_id[seed.stem]
        assert doc["text"] == art.text
        assert doc["metadata"]["cn_title"] == art.title
        assert doc["metadata"]["cn_authors"] == list(art.authors)
        assert len(doc["metadata"]["cn_removed"]) == len(art.removed)
        for rule, n in art.rule_counts().items():
            expected[rule] = expected.get(rule, 0) + n
    counted = step_stats(stats)
    assert counted["total"].total == len(SEEDS) + 1
    assert counted["dropped_empty"].total == 1
    assert counted["forwarded"].total == len(SEEDS)
    for rule, n in expected.items():
        assert counted[f"removed_{rule}"].total == n


def test_step_keeps_empty_documents_when_asked(tmp_path: Path) -> None:
    out, _ = run_pipeline(tmp_path, CleanNewsStep(metadata=False, drop_empty=False))
    assert len(out) == len(SEEDS) + 1
    assert not any(k.startswith("cn_") for d in out for k in d.get("metadata", {}))


def test_step_keeps_a_document_the_library_fails_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleannews.batch.cleaning as work

    def broken(text: Any, config: Any = None) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(work, "extract", broken)
    monkeypatch.setattr(work, "extract_many", broken)  # the chunk call fails, then each text
    step = CleanNewsStep()
    docs = list(step.run([Document(text="Some text.", id="1")]))
    assert docs[0].text == "Some text."
    assert "RuntimeError: a bug" in docs[0].metadata["cn_error"]
    assert step.stats["failed"].total == 1


def test_readme_example_runs_and_prints_the_cleaned_document(tmp_path: Path) -> None:
    out = run_readme_example("## datatrove", tmp_path)
    cleaned = cleannews.clean(README_PAGE)
    assert cleaned == README_PAGE.splitlines()[1]  # the read-also line removed, the text kept
    assert out.splitlines() == [f"1 {cleaned!r} ro"]
