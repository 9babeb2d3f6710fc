"""How news English says things, as data: ``kg/data/patterns/*``.

Two kinds of file:

- ``NAME.tsv``: phrases and what each means (columns ``phrase``, ``value``, ``source``), such as
  the phrases that name two sides at once ("the two countries") or the words that head a
  kind of name ("Ministry" heads an institution).
- ``NAME.jsonl``: rules, one JSON object a line: a spaCy ``Matcher`` or ``DependencyMatcher``
  pattern (or a trigger's lemmas), what a match means, and an ``example`` sentence it must
  match (``tests/test_patterns.py`` runs every example). A new wording is a line of data.

Every row is checked when loaded; a bad one raises :class:`~kg.errors.DataError` with its
file and line.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Tuple, TypeVar

from ..errors import DataError
from ..lexicon import DATA_DIR, read_table

__all__ = ["PATTERN_DIR", "load_phrases", "load_rules", "phrase_set", "Trigger", "by_lemma"]

PATTERN_DIR = DATA_DIR / "patterns"


@functools.lru_cache(maxsize=None)
def load_phrases(name: str, folder: Path = PATTERN_DIR) -> Tuple[Tuple[str, str], ...]:
    """(phrase, value) rows of ``NAME.tsv``."""
    return tuple((row["phrase"], row["value"]) for _, row in
                 read_table(folder / f"{name}.tsv", ("phrase", "value", "source"), ("phrase", "value", "source")))


@functools.lru_cache(maxsize=None)
def phrase_set(name: str, value: str = "", folder: Path = PATTERN_DIR) -> FrozenSet[str]:
    """The phrases of ``NAME.tsv`` (those with ``value``, when given)."""
    return frozenset(p for p, v in load_phrases(name, folder) if not value or v == value)


@functools.lru_cache(maxsize=None)
def load_rules(name: str, keys: FrozenSet[str], required: FrozenSet[str] = frozenset({"id", "example"}),
               folder: Path = PATTERN_DIR) -> Tuple[Dict, ...]:
    """The rules of ``NAME.jsonl``: each a dict with only ``keys`` and at least ``required``.

    Raises:
        DataError: a missing file, a line that is not a JSON object, an unknown or missing
            key, or two rules with one id.
    """
    path = folder / f"{name}.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(path, "missing; reinstall diplokg") from None
    rules: List[Dict] = []
    ids = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(path, f"line {n}: not JSON ({exc.msg})") from None
        if not isinstance(rule, dict):
            raise DataError(path, f"line {n}: not a JSON object")
        unknown = set(rule) - keys - required
        if unknown:
            raise DataError(path, f"line {n}: unknown key(s) {', '.join(sorted(unknown))}")
        missing = required - set(rule)
        if missing:
            raise DataError(path, f"line {n}: missing key(s) {', '.join(sorted(missing))}")
        if rule["id"] in ids:
            raise DataError(path, f"line {n}: a second rule with id {rule['id']!r}")
        ids.add(rule["id"])
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True)
class Trigger:
    """A trigger rule of a ``NAME.jsonl`` file, as far as every reader of one reads it: its id,
    the lemmas that fire it and the parts of speech they fire as. kg_events' and kg_stances'
    rules add what a match means."""

    id: str
    lemmas: Tuple[str, ...]
    pos: FrozenSet[str]


T = TypeVar("T", bound=Trigger)


def by_lemma(rules: Iterable[T]) -> Dict[str, List[T]]:
    """The rules each lemma fires, in the order of ``rules``."""
    out: Dict[str, List[T]] = {}
    for rule in rules:
        for lemma in rule.lemmas:
            out.setdefault(lemma, []).append(rule)
    return out
