"""The kinds of relations kg_relationships reads: its tables (``relationships_words.tsv``,
``relationships_types.tsv``, ``relationships.jsonl``) and :func:`relationship_type`, the concept
(and broader concept) for the words of a kind of partnership, minted in CamelCase when the
ontology lacks it.
"""
from __future__ import annotations

import functools
from typing import Dict, List, Optional, Tuple

from ..patterns import load_phrases, load_rules

__all__ = ["RULE_KEYS", "tables", "relationship_type", "hyphen_words"]

RULE_KEYS = frozenset({"kind", "lemmas", "words", "rtype", "label", "typed", "slot", "years", "people", "expect"})


@functools.lru_cache(maxsize=1)
def tables():
    words = dict(load_phrases("relationships_words"))
    types = {p: v for p, v in load_phrases("relationships_types")}
    rules = load_rules("relationships", RULE_KEYS)
    return words, types, rules


def _camel(words: List[str]) -> str:
    return "".join(p[:1].upper() + p[1:] for w in words for p in w.split("-"))


def relationship_type(words: str, types: Optional[Dict[str, str]] = None) -> Tuple[str, Optional[str]]:
    """(concept, broader) for the words of a kind of partnership: a concept of the ontology
    and no broader, or a new CamelCase concept with the ontology's nearest one as broader.

    >>> relationship_type("enhanced strategic partnership")
    ('EnhancedStrategicPartnership', 'StrategicPartnership')
    """
    known = types if types is not None else tables()[1]
    parts = words.lower().replace("all-around", "all-round").split()
    text = " ".join(parts)
    if text in known:
        return known[text], None
    for n in range(1, len(parts) - 1):
        if " ".join(parts[n:]) in known:
            return _camel(parts), known[" ".join(parts[n:])]
    have = set(parts)
    best = max((p for p in known if set(p.split()) <= have and p.endswith("partnership")),
               key=lambda p: len(p.split()), default="partnership")
    return _camel(parts), known.get(best, "Partnership")


def hyphen_words(tokens) -> List[str]:
    """Words as written, hyphenated compounds joined: "all - weather" -> "all-weather"."""
    out: List[str] = []
    glue = False
    for tok in tokens:
        if tok.text in ("-", "–") and out:
            out[-1] += "-"
            glue = True
            continue
        if glue:
            out[-1] += tok.text
            glue = False
        else:
            out.append(tok.text)
    return out
