"""Golden files: the exact Turtle of a few articles, checked in under ``tests/golden/`` and
compared byte for byte, so any change of output shows up as a diff in review.

Each article is built alone (one file per article), and the five seeds are built together
(``seeds.ttl``: merging across articles). Only the seeds and the project's own fixture
articles are used, never text from ``../shared/corpus`` (the publishers').

When to regenerate: only for an intended change of output. Run ``scripts/golden`` (the same as
``.venv/bin/python tests/test_golden.py --update``), then read ``git diff tests/golden`` and
commit the new files with the change that caused them, so the reviewer sees what moved. A
refactoring that should not change behaviour must pass without regenerating.
"""
from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Dict, Tuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SEED_FILES = ("seeds/000_3a25e66b799dda70.txt", "seeds/001_995fbc168237b2a2.txt",
              "seeds/002_f2ac28b3f73fc063.txt", "seeds/003_7bafd2e7131c9bef.txt",
              "seeds/004_b09bdf28d482a53f.txt")

#: golden file name (without .ttl) -> the articles built together for it (paths from the root)
CASES: Dict[str, Tuple[str, ...]] = {
    **{Path(p).stem: (p,) for p in SEED_FILES},
    "seeds": SEED_FILES,
    # the HTML reader (page furniture, metadata date)
    "kazakhstan_brazil": ("tests/fixtures/reader/kazakhstan_brazil.html",),
    # plain text with a byline, captions and share links to drop
    "mongolia_japan_furniture": ("tests/fixtures/reader/mongolia_japan_furniture.txt",),
    "fr_de_summit": ("tests/fixtures/unseen/fr_de_summit.txt",),
    "sa_ir_muscat": ("tests/fixtures/unseen2/sa_ir_muscat.txt",),
}

DIFF_LINES = 40


def render(paths, out_dir: Path) -> bytes:
    """The Turtle ``kg build`` writes for ``paths`` (built into ``out_dir``)."""
    from kg.api import build

    result = build([Path(p) for p in paths], out_dir=out_dir, formats=("ttl",))
    assert not result.problems, result.problems
    return (out_dir / "graph.ttl").read_bytes()


def build_case(name: str, out_dir: Path) -> bytes:
    return render([ROOT / p for p in CASES[name]], out_dir)


def short_diff(expected: bytes, actual: bytes, expected_name: str, limit: int = DIFF_LINES) -> str:
    """A unified diff of two Turtle files, cut to its first ``limit`` lines."""
    lines = list(difflib.unified_diff(expected.decode("utf-8").splitlines(),
                                      actual.decode("utf-8").splitlines(),
                                      expected_name, "built now", n=1, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
    return "\n".join(lines)


def mismatch_message(name: str, expected: bytes, actual: bytes) -> str:
    return (f"the Turtle of {name} differs from tests/golden/{name}.ttl "
            f"(if the change is intended: scripts/golden, then review git diff tests/golden)\n"
            + short_diff(expected, actual, f"tests/golden/{name}.ttl"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_turtle_is_unchanged(name, tmp_path):
    golden = GOLDEN / f"{name}.ttl"
    if not golden.exists():
        pytest.fail(f"{golden} is missing: run scripts/golden", pytrace=False)
    actual = build_case(name, tmp_path)
    expected = golden.read_bytes()
    if actual != expected:
        pytest.fail(mismatch_message(name, expected, actual), pytrace=False)


def test_golden_does_not_depend_on_the_checkout_folder(tmp_path):
    """The same article elsewhere (another folder, another name above it) gives the same bytes."""
    name = "kazakhstan_brazil"
    (src,) = CASES[name]
    copy = tmp_path / "some other checkout" / "x" / Path(src).name
    copy.parent.mkdir(parents=True)
    shutil.copy(ROOT / src, copy)
    actual = render([copy], tmp_path / "out")
    expected = (GOLDEN / f"{name}.ttl").read_bytes()
    if actual != expected:
        pytest.fail(mismatch_message(name, expected, actual), pytrace=False)


def test_every_golden_file_has_a_case():
    """A golden file no case writes any more is stale: scripts/golden removes it."""
    assert sorted(p.stem for p in GOLDEN.glob("*.ttl")) == sorted(CASES)


def test_the_diff_shown_on_a_mismatch_is_short_and_readable():
    expected = "".join(f"dkgr:e{i} a dkg:Actor .\n" for i in range(100)).encode()
    actual = "".join(f"dkgr:e{i} a dkg:{'Country' if i % 10 == 0 else 'Actor'} .\n"
                     for i in range(100)).encode()
    message = mismatch_message("x", expected, actual)
    assert "-dkgr:e0 a dkg:Actor ." in message and "+dkgr:e0 a dkg:Country ." in message
    assert len(message.splitlines()) <= DIFF_LINES + 2
    assert "more diff lines" in message


def update() -> int:
    """Rebuild every golden file, remove stale ones, and say which changed."""
    GOLDEN.mkdir(exist_ok=True)
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(CASES):
            target = GOLDEN / f"{name}.ttl"
            data = build_case(name, Path(tmp) / name)
            if target.exists() and target.read_bytes() == data:
                continue
            target.write_bytes(data)
            changed += 1
            print(f"wrote {target.relative_to(ROOT)}")
    for stale in sorted(set(GOLDEN.glob("*.ttl")) - {GOLDEN / f"{n}.ttl" for n in CASES}):
        stale.unlink()
        changed += 1
        print(f"removed {stale.relative_to(ROOT)}")
    print(f"{changed} golden file(s) changed; review them with: git diff --stat tests/golden"
          if changed else "golden files up to date")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_golden.py --update   (or scripts/golden)")
    sys.path.insert(0, str(ROOT))
    sys.exit(update())
