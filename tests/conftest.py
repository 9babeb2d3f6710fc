"""Shared fixtures: the project's paths, and one build of the seeds reused by many tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def turtle_prefixes() -> str:
    """The contract's prefixes as Turtle ``@prefix`` lines, for graphs written by hand in tests."""
    from kg.vocab import PREFIXES
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in PREFIXES.items())


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """One build of the five seed articles: (output folder, BuildResult)."""
    from kg.api import build

    out = tmp_path_factory.mktemp("seeds-out")
    result = build([SEEDS], out)
    return out, result


@pytest.fixture
def article_dir(tmp_path):
    """A folder with copies of two seed articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for src in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(src, folder / src.name)
    return folder


CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """One build of the whole real-news corpus of ../shared (1,742 articles): (out, BuildResult).

    Skipped where ../shared is absent. CI has it, so the corpus is built end to end once per run.
    """
    from kg.api import build

    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (it lives in ../shared beside the project)")
    out = tmp_path_factory.mktemp("corpus-out")
    return out, build([CORPUS], out, formats=("ttl",), jobs="auto")
