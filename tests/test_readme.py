"""README's commands work as written (issue 16): every `kg` line of its "Using it" block runs,
in a folder laid out as the lines assume, with the `kg` that the set-up command installs."""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS

ROOT = Path(__file__).resolve().parents[1]
KG = Path(sys.executable).with_name("kg")


def readme_commands() -> list:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index("## Using it"):]
    block = block[block.index("```sh") + 5:]
    block = block[:block.index("```")]
    out = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "kg":
            out.append(words)
    return out


def test_readme_lists_the_commands_a_user_needs():
    verbs = {words[1] for words in readme_commands()}
    assert {"build", "merge", "query", "validate", "html", "push"} <= verbs


def test_readme_commands_run_as_written(tmp_path):
    if not KG.exists():
        pytest.skip(f"no kg script beside {sys.executable}")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(SEEDS, tmp_path / "news")
    shutil.copy(FIXTURES / "reader" / "kazakhstan_brazil.html", tmp_path / "extra.html")
    (tmp_path / "docs" / "queries").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "queries" / "who-met-whom.rq", tmp_path / "docs" / "queries")
    # the batches `kg merge` joins
    for k, name in enumerate(sorted(p.name for p in SEEDS.glob("*.txt"))):
        batch = tmp_path / ("batch1" if k % 2 else "batch2")
        batch.mkdir(exist_ok=True)
        shutil.copy(SEEDS / name, batch / name)
    for batch, out in (("batch1", "out1"), ("batch2", "out2")):
        subprocess.run([str(KG), "build", batch, "-o", out, "-f", "ttl"], cwd=tmp_path, check=True,
                       capture_output=True)
    for words in readme_commands():
        if words[1] == "push":
            continue                    # needs a store: tests/test_push.py runs it against one
        got = subprocess.run([str(KG)] + words[1:], cwd=tmp_path, capture_output=True, text=True)
        assert got.returncode == 0, f"{' '.join(words)}: exit {got.returncode}\n{got.stderr[-2000:]}"
    assert (tmp_path / "output" / "graph.ttl").exists() and (tmp_path / "output" / "graph.html").exists()
    assert (tmp_path / "merged" / "graph.ttl").exists() and (tmp_path / "aliyev.html").exists()
    for suffix in ("ttl", "nt", "jsonld", "trig"):
        assert (tmp_path / "output" / f"graph.{suffix}").exists()
