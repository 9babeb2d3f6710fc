"""Names that English builds around a common noun, for kg_entities: divisions listed under one
plural noun ("the Northern and Eastern provinces") and projects named "of" a place ("the
integrated development project of X Port").
"""
from __future__ import annotations

from typing import Iterable, List, Set, Tuple

from spacy.tokens import Doc, Span

from ..patterns import load_phrases
from .entities_bodies import LOWER_HEADS
from .entities_words import Words, name_label

__all__ = ["divisions", "projects_of"]


def divisions(tables: Words, doc: Doc, taken: Set[int]) -> Iterable[Tuple[Span, str]]:
    """ "the Northern and Eastern provinces", "the Donetsk, Luhansk and Kherson regions": each
    capitalised name of a list before a plural division noun (``division_nouns.tsv``) with the
    noun's singular, as (span, label): "Northern Province"."""
    heads = dict(load_phrases("division_nouns"))
    for t in doc:
        head = heads.get(t.text)
        if head is None or t.i < 3 or t.i in taken:
            continue
        parts: List[Tuple[int, int]] = []
        joined = False                      # an "and" stands between the last two names
        k = t.i
        while True:
            end = k
            while k > 0 and end - k < 2 and (k - 1) not in taken and doc[k - 1].is_title and doc[k - 1].is_alpha \
                    and doc[k - 1].text not in tables.not_name:
                k -= 1
            if k == end:
                break
            parts.append((k, end))
            seps = []
            while k > 0 and doc[k - 1].text in (",", "and"):
                seps.append(doc[k - 1].text)
                k -= 1
            if not seps or "and" in seps and joined or len(seps) > 2:
                break
            joined = joined or "and" in seps
        if len(parts) >= 2 and joined:
            for a, b in reversed(parts):
                yield Span(doc, a, b), f"{name_label(Span(doc, a, b))} {head}"


def projects_of(doc: Doc, places: List[Span]) -> Iterable[Tuple[Span, str]]:
    """ "the integrated development project of X Port": a project (programme, scheme) with
    lower-case modifiers, named by the place after its "of", is that place's project, as
    (span, label): "X Port integrated development project". A project of a state ("the
    development project of Kenya") names no one project and is left alone."""
    at = {sp.start: sp for sp in places}
    for t in doc:
        if LOWER_HEADS.get(t.lower_) != "Initiative" or t.pos_ != "NOUN" or t.i + 2 >= len(doc) \
                or doc[t.i + 1].lower_ != "of":
            continue
        k = t.i + 2 + (doc[t.i + 2].lower_ == "the")
        place = at.get(k)
        if place is None:
            continue
        start = t.i
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].is_alpha \
                and (doc[start - 1].pos_ in ("ADJ", "NOUN") or doc[start - 1].tag_ == "VBN"):
            start -= 1
        if start == t.i or start == 0 or doc[start - 1].lower_ != "the":
            continue                        # a definite project with words of its own
        yield Span(doc, start, place.end), f"{place._.ref.label} {Span(doc, start, t.i + 1).text}"
