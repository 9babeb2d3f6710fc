"""Who holds an office: the person named right after the title (past honorifics, another title,
an acronym in brackets), in apposition to it, or before it with a comma; each name of a list
after a plural title. A name after an office the NER did not see as a person's is added to the
entities here.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Span

from ...findings import Ref
from .entities import SPANS_KEY as ENTITIES
from .entities_words import head_at, name_heads
from .positions_office import Office, OfficeWords, Page

__all__ = ["PARTICLES", "holders", "skip_to_name", "in_title", "own_office_after", "name_at", "subject_after"]

#: lower-case particles inside a person's name
PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
             "bin", "ibn", "al", "el", "la", "le", "bint"}


def holders(tables: OfficeWords, page: Page, doc: Doc, office: Office, by_start: Dict[int, Span],
            ents: List[Span]) -> Tuple[Span, ...]:
    """Who holds an office: the name right after it, in apposition to it, or each of a list."""
    end = office.span.end
    # skip an envoy's post and honorifics: "envoy to Kenya, Kana Kananathan"
    j = end
    if office.receiving is not None and end + 1 < len(doc):
        # past "to", "the" and every word of the state's name ("to Sri Lanka")
        j = end + 1 + (doc[end + 1].lower_ == "the")
        k = j
        while k < len(doc) and k in page.places:
            k += 1
        j = k if k > j else j + 1
    # honorifics, another office the person also holds ("Director General Ambassador X"),
    # and the office's acronym in brackets ("External Affairs Minister (EAM) X")
    j = skip_to_name(tables, page, doc, j)
    persons = page.persons
    first = by_start.get(j)
    if first is None:
        first = name_at(tables, page, doc, j)
    found: List[Span] = []
    after_comma = skip_to_name(tables, page, doc, j + 1) if j < len(doc) and doc[j].text == "," else None
    if first is not None and first.label_ == "Person":
        found.append(first)
    elif after_comma is not None and after_comma in by_start and by_start[after_comma].label_ == "Person":
        # "the envoy, Kana Kananathan," (apposition); "Secretary for Asia of the Ministry,
        # Ambassador X" (with the person's rank); not one of a list of names each followed by
        # its own office ("the Ambassador of Peru, X, Secretary, Ministry of Y")
        cand = by_start[after_comma]
        if (cand.root.dep_ == "appos" or cand.root.head.i in range(office.span.start, office.span.end)
                or after_comma > j + 1) and not own_office_after(page, doc, cand):
            found.append(cand)
    else:
        # "Wang Yi, China's foreign minister": the title in apposition to a person before it
        root = office.span.root
        while root.dep_ == "conj" and root.head.i < root.i and root.head.dep_ in ("appos", "conj") \
                and in_title(tables, page, root.head.i):
            root = root.head                # "X, a Navy admiral and Commander of the Fleet"
        start = office.span.start
        if root.dep_ == "appos" and root.head.i < start:
            owner = next((p for p in persons if p.start <= root.head.i < p.end), None)
            if owner is not None and not subject_after(doc, office.span.end, owner):
                found.append(owner)
        elif start > 1 and doc[start - 1].text == "," and doc[start].text[:1].isupper():
            # "X, Secretary, Ministry of Y": a title right after a name and its comma
            owner = next((p for p in persons if p.end == start - 1), None)
            if owner is not None and not subject_after(doc, office.span.end, owner):
                found.append(owner)
    if found and office.span[-1].lower_ != found[0][0].lower_:
        # a plural title, or "A and B" after the title: every name of the list
        if office.plural:
            last = found[0]
            for p in persons:
                if p.start > last.end and p.start - last.end <= 2 and \
                        all(doc[i].text in (",", "and") for i in range(last.end, p.start)):
                    found.append(p)
                    last = p
    return tuple(found)


def skip_to_name(tables: OfficeWords, page: Page, doc: Doc, j: int) -> int:
    """The first token from ``j`` past honorifics, other titles and a bracketed acronym."""
    moved = True
    while moved and j < len(doc):
        moved = False
        if doc[j].text in tables.honorifics:
            j, moved = j + 1, True
        elif j in page.title_at:
            j, moved = page.title_at[j], True
        elif doc[j].text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")" and doc[j + 1].is_upper:
            j, moved = j + 3, True
    return j


def in_title(tables: OfficeWords, page: Page, i: int) -> bool:
    """Whether token ``i`` is part of a title or is a rank ("Admiral")."""
    return page.doc[i].text in tables.honorifics or any(a <= i < b for a, b in page.title_at.items())


def own_office_after(page: Page, doc: Doc, person: Span) -> bool:
    """ "X, Secretary, ...": the name is followed by an office of its own."""
    k = person.end
    return k + 1 < len(doc) and doc[k].text == "," and (k + 1) in page.title_at


def name_at(tables: OfficeWords, page: Page, doc: Doc, j: int) -> Optional[Span]:
    """A person's name right after an office the NER did not see as one ("Minister of
    Ports, Shipping and Aviation Nimal Siripala de Silva"): two to four capitalised proper
    nouns (particles between them), added to the entities."""
    k = j
    while k < len(doc) and k - j < 5 and (doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].ent_type_ not in
                                          ("GPE", "ORG", "NORP", "DATE") or k > j and doc[k].lower_ in PARTICLES
                                          and k + 1 < len(doc) and doc[k + 1].is_title):
        k += 1
    if not 2 <= k - j <= 4 or doc[k - 1].lower_ in PARTICLES:
        return None
    if any(t.text in tables.portfolio_words or t.text in tables.honorifics for t in doc[j:k]) or j in page.title_at \
            or doc[k - 1].text in name_heads() or head_at(name_heads(), doc, k) is not None:
        # "President Club Convention", "Chairman Galle Face Group": a name head ends no person's
        # name, nor follows one
        return None
    span = Span(doc, j, k, label="Person")
    span._.ref = Ref("Person", " ".join(span.text.split()))
    doc.spans[ENTITIES] = sorted(list(doc.spans[ENTITIES]) + [span], key=lambda s: (s.start, -s.end))
    return span


def subject_after(doc: Doc, i: int, owner: Span) -> bool:
    """Whether a title read as an apposition is the subject of the verb right after it, the name
    before it being no subject ("After talks with X, the Russian Ambassador said"): an apposition is
    closed by a comma unless the name is the subject of that verb itself."""
    if i >= len(doc) or doc[i].pos_ not in ("VERB", "AUX"):
        return False
    return owner.root.dep_ not in ("nsubj", "nsubjpass")
