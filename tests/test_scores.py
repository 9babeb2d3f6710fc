"""The extractor scored as the project's users score it: evaluate.py against gold.

On the five seeds the issue's targets must hold. On the unseen fixtures (articles about other
countries, annotated without looking at the extractor) the floors guard what generalises:
they are below the seed targets on purpose, and a fall below them is a regression.
"""
from __future__ import annotations

import importlib.util
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


def _score(articles, gold, tmp_path, capsys) -> dict:
    if not EVALUATE.exists():
        pytest.skip(f"{EVALUATE} is not here (it lives in ../shared beside the project)")
    spec = importlib.util.spec_from_file_location("evaluate", EVALUATE)
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    build([articles], tmp_path, formats=("ttl",))
    capsys.readouterr()
    assert evaluate.main([str(tmp_path / "graph.ttl"), str(gold), "--json"]) == 0
    out = capsys.readouterr().out
    return json.loads(out[out.index("{"):out.rindex("}") + 1])


@pytest.mark.parametrize("metric", sorted(SEED_TARGETS))
def test_scores_seeds_meet_the_targets(metric, tmp_path, capsys):
    scores = _score(SEEDS, SHARED / "gold", tmp_path, capsys)
    assert scores[metric] >= SEED_TARGETS[metric], scores


@pytest.mark.parametrize("folder, floors", [("unseen", UNSEEN_FLOORS), ("unseen2", UNSEEN2_FLOORS)])
def test_scores_unseen_articles_stay_above_their_floors(folder, floors, tmp_path, capsys):
    scores = _score(FIXTURES / folder, FIXTURES / folder, tmp_path, capsys)
    low = {m: round(scores[m], 2) for m, floor in floors.items() if scores[m] < floor}
    assert not low, f"below the floor: {low}; all: {scores}"
