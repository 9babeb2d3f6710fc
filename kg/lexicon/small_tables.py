"""The smaller tables: named initiatives and agreements, topic labels, currencies and count nouns.

``initiatives.tsv``, ``topics.tsv`` (the lexicon's topic labels and aliases, for the gazetteer),
``currencies.tsv`` and ``count_nouns.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

from .tables import check, read_table, split_items

__all__ = ["Initiative", "load_initiatives", "load_topic_labels", "load_pairs"]


@dataclass(frozen=True)
class Initiative:
    """A named initiative or agreement; ``members`` lists the labels a collective name stands for."""
    label: str
    type: str
    aliases: Tuple[str, ...]
    members: Tuple[str, ...]


def load_initiatives(data_dir: Path) -> Tuple[Initiative, ...]:
    path = data_dir / "initiatives.tsv"
    out, members = [], []
    for n, r in read_table(path, ("label", "type", "aliases", "members", "source"), ("label", "type", "source")):
        check(path, n, r["type"] in ("Initiative", "Agreement"), f"type {r['type']!r}; Initiative or Agreement")
        out.append(Initiative(r["label"], r["type"], split_items(path, n, r["aliases"]), split_items(path, n, r["members"])))
        members += [(n, m) for m in out[-1].members]
    labels = {i.label for i in out}
    for n, m in members:
        check(path, n, m in labels, f"member {m!r} is not a label in this table")
    return tuple(out)


def load_topic_labels(data_dir: Path) -> Tuple[Tuple[str, ...], Dict[str, str]]:
    labels: List[str] = []
    aliases: Dict[str, str] = {}
    path = data_dir / "topics.tsv"
    for n, r in read_table(path, ("label", "aliases", "source"), ("label", "source")):
        check(path, n, r["label"] not in labels and r["label"] not in aliases, f"{r['label']!r} listed twice")
        labels.append(r["label"])
        for a in split_items(path, n, r["aliases"]):
            check(path, n, aliases.setdefault(a, r["label"]) == r["label"], f"alias {a!r} listed twice")
    return tuple(labels), aliases


def load_pairs(path: Path, cols: Tuple[str, str, str], pattern: str) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for n, r in read_table(path, cols, cols):
        check(path, n, bool(re.fullmatch(pattern, r[cols[1]])), f"{cols[1]} {r[cols[1]]!r} is malformed")
        check(path, n, out.setdefault(r[cols[0]], r[cols[1]]) == r[cols[1]], f"{r[cols[0]]!r} listed twice")
    return out


