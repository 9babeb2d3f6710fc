"""News outlets, news agencies and social-media platforms for kg_entities, known by the words
beside their names (``kg/data/patterns/outlet_cues.tsv``): "the X newspaper", "the social
media app X", "told X", "X reported". Such a name is a body even when it is an initialism
the text never defines ("CBS") or the NER calls it a place or a person.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span

from ..patterns import load_phrases
from .entities_words import Words

__all__ = ["OutletCues", "outlets"]

#: the longest name read beside a cue, in words
LONGEST = 4


Cue = Tuple[Tuple[str, ...], bool]     # (phrase as lower-case words, needs the NER's ORG)


@dataclass(frozen=True)
class OutletCues:
    """The cue phrases, as tuples of words, by where the name stands, each under its first word."""

    after: Dict[str, Tuple[Cue, ...]]      # the name is before the phrase
    before: Dict[str, Tuple[Cue, ...]]     # the name follows the phrase

    @classmethod
    def load(cls) -> "OutletCues":
        rows = load_phrases("outlet_cues")

        def by_first(side: str) -> Dict[str, Tuple[Cue, ...]]:
            out: Dict[str, List[Cue]] = {}
            for p, v in rows:
                if v.endswith(side):
                    words = tuple(p.split())
                    out.setdefault(words[0], []).append((words, v.startswith("verb")))
            return {w: tuple(cues) for w, cues in out.items()}
        return cls(by_first("_after"), by_first("_before"))


def _at(words: List[str], i: int, phrase: Tuple[str, ...]) -> bool:
    return tuple(words[i:i + len(phrase)]) == phrase


def _word(tables: Words, doc: Doc, k: int, taken: Set[int]) -> bool:
    t = doc[k]
    return k not in taken and t.is_alpha and (t.is_title or t.is_upper) and t.pos_ in ("PROPN", "NOUN", "ADJ") \
        and t.text not in tables.title_words


def _name(tables: Words, doc: Doc, start: int, end: int, needs_org: bool) -> Optional[Span]:
    if end <= start or end - start > LONGEST:
        return None
    span = Span(doc, start, end)
    org = all(t.ent_type_ == "ORG" for t in span)
    # an initialism the tagger calls a common noun ("NTV reported") is still a name
    initialism = len(span) == 1 and span[0].is_upper and span[0].ent_type_ in ("", "ORG")
    if not (any(t.pos_ == "PROPN" for t in span) or (needs_org and org)) \
            or all(t.text in tables.not_name for t in span) \
            or len(span.text) < 2 or tables.heads.get(span[-1].text) or tables.lex.country(span.text) \
            or tables.lex.country_by_demonym(span.text):
        return None
    # a verb's cue ("told X", "X reported") takes a name the NER calls an organisation, or an
    # initialism it leaves untyped: people are not written in capitals
    if needs_org and not (org or initialism):
        return None
    return span


def outlets(tables: Words, cues: OutletCues, doc: Doc, taken: Set[int]) -> Iterable[Span]:
    """Each name a cue marks as an outlet, its words not yet claimed (``taken``)."""
    n = len(doc)
    words = [t.text for t in doc]
    for i, word in enumerate(words):
        for phrase, needs_org in cues.after.get(word, ()):
            # "the X newspaper": the cue is a common noun (or a verb) written in lower case
            if not _at(words, i, phrase) or i == 0:
                continue
            start = i
            while start > 0 and i - start < LONGEST and _word(tables, doc, start - 1, taken):
                start -= 1
            span = _name(tables, doc, start, i, needs_org)
            if span is not None:
                yield span
        for phrase, needs_org in cues.before.get(word, ()):
            if not _at(words, i, phrase):
                continue
            start = i + len(phrase) + (i + len(phrase) < n and doc[i + len(phrase)].lower_ == "the")
            end = start
            while end < n and end - start < LONGEST and _word(tables, doc, end, taken):
                end += 1
            span = _name(tables, doc, start, end, needs_org)
            if span is not None:
                yield span
