"""Shared helpers: build a small article around a test line, read case tables."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # `benchmarks` is a top-level package of the project, not installed
    sys.path.insert(0, str(ROOT))
FILLER: dict[str, Any] = json.loads((HERE / "data" / "filler.json").read_text(encoding="utf-8"))


def read_tsv(name: str) -> list[dict[str, str]]:
    with (HERE / "cases" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def known_failures() -> dict[tuple[str, str], str]:
    """(case file, line) -> reason, for cases that fail today (strict xfail)."""
    path = HERE / "cases" / "known_failures.tsv"
    if not path.exists():
        return {}
    return {(r["file"], r["line"]): r["reason"] for r in read_tsv("known_failures.tsv")}


def article_with(lang: str, line: str, where: str) -> tuple[str, int]:
    """A small article in ``lang`` with ``line`` placed at ``where`` (header, inline,
    after_body, lead); returns the text and the 1-based line number of ``line``."""
    f = FILLER[lang]
    paras: list[str] = list(f["paragraphs"])
    if where == "header":
        lines = [f["title"], line, *paras]
    elif where == "after_body":
        lines = [f["title"], *paras, line]
    elif where == "lead":
        lines = [f["title"], line, *paras[1:]]
    else:  # inline
        lines = [f["title"], *paras[:2], line, *paras[2:]]
    return "\n".join(lines) + "\n", lines.index(line) + 1


def cases(name: str, id_cols: tuple[str, ...]) -> list[Any]:
    """pytest params for a case table, with known failures marked strict xfail."""
    failing = known_failures()
    params = []
    for row in read_tsv(name):
        reason = failing.get((name, row["line"]))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        ident = "-".join(row[c] for c in id_cols) + ":" + row["line"][:40]
        params.append(pytest.param(row, marks=marks, id=ident))
    return params


# The page both adapter examples of README.md clean: a read-also line, then the article.
README_PAGE = (
    "Citește și: Alt articol\nPrimul paragraf al articolului, cu destule cuvinte ca să fie text."
)


def readme_python(heading: str) -> str:
    """The first Python code block in README.md's section ``heading`` (a ``## `` line)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(f"\n{heading}\n") :]
    start = section.index("```python\n") + len("```python\n")
    return section[start : section.index("```", start)]


def run_readme_example(heading: str, folder: Path) -> str:
    """Run the code block of ``heading`` as its section says (``.venv/bin/python x.py``)
    in ``folder``, with a user's environment (``user_env``); its standard output."""
    (folder / "example.py").write_text(readme_python(heading), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=folder,
        env=user_env(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout.decode()


def user_env() -> dict[str, str]:
    """The environment of a user who runs ``.venv/bin/python job.py`` without activating
    the virtual environment: its bin folder is not on PATH, no PYSPARK_* is set."""
    venv_bin = str(Path(sys.executable).parent)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p != venv_bin]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYSPARK", "VIRTUAL_ENV"))}
    return {**env, "PATH": os.pathsep.join(path)}
