"""What kg_agreements reads with: its tables (``agreements_nouns.tsv``,
``agreements_modifiers.tsv``, ``agreements.jsonl``; the nouns for those who act for states,
which kg_relationships shares) and :class:`Found`, what one mention of a document says before
it becomes a finding.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Tuple

from spacy.tokens import Token

from ...findings import Ref
from ..patterns import load_phrases, load_rules

__all__ = ["RULE_KEYS", "people_words", "tables", "Found"]

RULE_KEYS = frozenset({"kind", "lemmas", "slot", "as", "words", "label", "status", "planned", "hypothetical", "under",
                       "with", "party",
                       "signs", "dated", "expect"})


@functools.lru_cache(maxsize=1)
def people_words() -> FrozenSet[str]:
    """Nouns for those who act for states ("the leaders of A and B")."""
    return frozenset(w for r in tables()[2] if r["kind"] == "people" for w in r["lemmas"])


@functools.lru_cache(maxsize=1)
def tables() -> Tuple[Dict[str, str], Dict[str, str], Tuple[dict, ...]]:
    """(nouns of documents -> kind, modifiers -> drop or status, rules), loaded once."""
    nouns = dict(load_phrases("agreements_nouns"))
    mods = dict(load_phrases("agreements_modifiers"))
    rules = load_rules("agreements", RULE_KEYS)
    return nouns, mods, rules


@dataclass
class Found:
    """What one mention of a document says, before it becomes a finding."""

    head: Token
    ref: Optional[Ref] = None
    surface: str = ""
    kind: str = ""                                # the head's lemma
    words: FrozenSet[str] = frozenset()           # its describing words, lower case
    bare: bool = False                            # nothing but its kind ("the agreement")
    parties: List[Ref] = field(default_factory=list)
    people: List[Ref] = field(default_factory=list)
    signatories: List[Ref] = field(default_factory=list)
    status: Optional[str] = None
    topics: List[Tuple[Ref, str]] = field(default_factory=list)
    date: Optional[str] = None
    group: bool = False                           # a bilateral cue ("joint", "the two sides")
    explicit: bool = False                        # its own words name its parties ("between A and B")
    also: List[str] = field(default_factory=list) # other names the text gives it ("(MoU)")
