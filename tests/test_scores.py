"""The extractor scored as the project's users score it: evaluate.py against gold.

On the five seeds the issue's targets must hold. On the unseen fixtures (articles about other
countries, annotated without looking at the extractor) the floors guard what generalises:
they are below the seed targets on purpose, and a fall below them is a regression.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json

import pytest

from kg.api import build

from conftest import FIXTURES, SEEDS, SHARED

EVALUATE = SHARED / "eval" / "evaluate.py"

SEED_TARGETS = {"entities_recall": 0.90, "entities_precision": 0.90, "facts_recall": 0.75,
                "facts_precision": 0.80, "events_recall": 0.80, "relationships_recall": 0.95,
                "observations_recall": 0.80, "provenance": 1.0}
UNSEEN_FLOORS = {"entities_recall": 0.75, "entities_precision": 0.93, "facts_recall": 0.60,
                 "facts_precision": 0.90, "events_recall": 0.74, "relationships_recall": 0.95,
                 "observations_recall": 0.88, "provenance": 1.0}
# The second blind set (unseen2) was written after the extractor's last round of work on the
# first: its scores are the honest estimate on new articles, and these floors sit just under
# what it scored when it arrived plus the fixes it prompted.
UNSEEN2_FLOORS = {"entities_recall": 0.69, "entities_precision": 0.93, "facts_recall": 0.47,
                  "facts_precision": 0.85, "events_recall": 0.38, "relationships_recall": 0.80,
                  "observations_recall": 0.33, "provenance": 1.0}


# Issue 13's targets on the sixteen annotated corpus articles, and the floors under what the
# spaCy extractor measures there now (entities R 0.87, facts R 0.61, events R 0.60: a fall
# below a floor is a regression; a target not yet met is an expected failure that turns into
# a pass the day it is met).
GOLD_REAL_TARGETS = {"entities_recall": 0.85, "entities_precision": 0.85, "facts_recall": 0.60,
                     "facts_precision": 0.75, "events_recall": 0.60, "relationships_recall": 0.60,
                     "observations_recall": 0.50, "provenance": 1.0}
GOLD_REAL_FLOORS = {"entities_recall": 0.85, "entities_precision": 0.85, "facts_recall": 0.60,
                    "facts_precision": 0.90, "events_recall": 0.60, "relationships_recall": 0.90,
                    "observations_recall": 0.50, "provenance": 1.0}
GOLD_REAL_UNMET: dict = {}


def _score(articles, gold, out_dir) -> dict:
    """Build ``articles`` into ``out_dir`` and score the export against ``gold`` with evaluate.py."""
    if not EVALUATE.exists():
        pytest.skip(f"{EVALUATE} is not here (it lives in ../shared beside the project)")
    spec = importlib.util.spec_from_file_location("evaluate", EVALUATE)
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    build([articles], out_dir, formats=("ttl",))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert evaluate.main([str(out_dir / "graph.ttl"), str(gold), "--json"]) == 0
    text = buf.getvalue()
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


@pytest.mark.parametrize("metric", sorted(SEED_TARGETS))
def test_scores_seeds_meet_the_targets(metric, tmp_path):
    scores = _score(SEEDS, SHARED / "gold", tmp_path)
    assert scores[metric] >= SEED_TARGETS[metric], scores


@pytest.mark.parametrize("folder, floors", [("unseen", UNSEEN_FLOORS), ("unseen2", UNSEEN2_FLOORS)])
def test_scores_unseen_articles_stay_above_their_floors(folder, floors, tmp_path):
    scores = _score(FIXTURES / folder, FIXTURES / folder, tmp_path)
    low = {m: round(scores[m], 2) for m, floor in floors.items() if scores[m] < floor}
    assert not low, f"below the floor: {low}; all: {scores}"


@pytest.fixture(scope="module")
def gold_real_scores(tmp_path_factory) -> dict:
    gold = SHARED / "gold-real"
    if not gold.is_dir():
        pytest.skip(f"{gold} is not here (it lives in ../shared beside the project)")
    folder = tmp_path_factory.mktemp("gold-real-articles")
    for g in sorted(gold.glob("*.yaml")):
        (folder / (g.stem + ".txt")).write_bytes((SHARED / "corpus" / (g.stem + ".txt")).read_bytes())
    return _score(folder, gold, tmp_path_factory.mktemp("gold-real-out"))


def test_scores_gold_real_stay_above_their_floors(gold_real_scores):
    low = {m: round(gold_real_scores[m], 2) for m, floor in GOLD_REAL_FLOORS.items() if gold_real_scores[m] < floor}
    assert not low, f"below the floor: {low}; all: {gold_real_scores}"


@pytest.mark.parametrize("metric", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=f"issue 13 target not met yet: {GOLD_REAL_UNMET[m]}"))
    if m in GOLD_REAL_UNMET else m for m in sorted(GOLD_REAL_TARGETS)])
def test_scores_gold_real_meet_issue_13_targets(metric, gold_real_scores):
    assert gold_real_scores[metric] >= GOLD_REAL_TARGETS[metric], gold_real_scores
