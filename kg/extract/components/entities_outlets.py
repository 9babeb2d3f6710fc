"""News outlets, news agencies and social-media platforms for kg_entities, known by the words
beside their names (``kg/data/patterns/outlet_cues.tsv``): "the X newspaper", "the social
media app X", "told X", "X reported". Such a name is a body even when it is an initialism
the text never defines ("CBS") or the NER calls it a place or a person.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Set, Tuple

from spacy.tokens import Doc, Span

from ..patterns import load_phrases
from .entities_words import Words

__all__ = ["OutletCues", "outlets"]

#: the longest name read beside a cue, in words
LONGEST = 4


@dataclass(frozen=True)
class OutletCues:
    """The cue phrases, as tuples of lower-case words, by where the name stands."""

    after: Tuple[Tuple[Tuple[str, ...], bool], ...]    # (phrase, needs the NER's ORG): the name is before it
    before: Tuple[Tuple[Tuple[str, ...], bool], ...]   # the name follows the phrase

    @classmethod
    def load(cls) -> "OutletCues":
        rows = load_phrases("outlet_cues")
        return cls(tuple((tuple(p.split()), v.startswith("verb")) for p, v in rows if v.endswith("_after")),
                   tuple((tuple(p.split()), v.startswith("verb")) for p, v in rows if v.endswith("_before")))


def _at(doc: Doc, i: int, phrase: Tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(doc) and all(doc[i + k].text == w for k, w in enumerate(phrase))


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
    for i in range(n):
        for phrase, needs_org in cues.after:
            # "the X newspaper": the cue is a common noun (or a verb) written in lower case
            if not _at(doc, i, phrase) or i == 0:
                continue
            start = i
            while start > 0 and i - start < LONGEST and _word(tables, doc, start - 1, taken):
                start -= 1
            span = _name(tables, doc, start, i, needs_org)
            if span is not None:
                yield span
        for phrase, needs_org in cues.before:
            if not _at(doc, i, phrase):
                continue
            start = i + len(phrase) + (i + len(phrase) < n and doc[i + len(phrase)].lower_ == "the")
            end = start
            while end < n and end - start < LONGEST and _word(tables, doc, end, taken):
                end += 1
            span = _name(tables, doc, start, end, needs_org)
            if span is not None:
                yield span
