"""People's names for kg_entities: the shape of a person's name, the cues that make a span one
(an office or honorific before it, an office in apposition after it, ", who", a list with
another person), and the edges of a name (titles cut off in front, a surname the NER left out
added after).
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Set

from spacy.tokens import Doc, Span

from .entities_words import EDGE, PARTICLES, Page, Words, head_at, trim

__all__ = ["person_words_ok", "cued", "leader", "person", "name_after", "who", "listed_with_people",
           "named_by_context"]


def person_words_ok(span: Span, not_name: Set[str]) -> bool:
    """Whether the words of a span have the shape of a person's name."""
    words = [t for t in span if not t.is_punct or t.text in (".", "-")]
    if not words or len(words) > 6:
        return False
    for t in words:
        w = t.text
        if w in not_name or any(c.isdigit() for c in w):
            return False
        hyphened = t.i > span.start and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_
        if w.isalpha() and w[:1].islower() and w.lower() not in PARTICLES and not hyphened:
            return False                        # ("Duck-soo": the second syllable of a given name)
        if len(w) > 3 and w.isupper() and len(words) == 1:
            return False                        # an acronym
    last = words[-1]
    if last.tag_ == "NNPS" or (len(last.text) >= 2 and last.text.isupper() and last.is_alpha):
        return False                            # "Backhoe Loaders", "Petronet LNG": no surname
    return True


def cued(doc: Doc, span: Span, honorifics: Set[str], known: List[Span]) -> bool:
    """A one-word name is a person's only after an office or a courtesy title ("Mr. Blinken")."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None:
        return False
    if prev.text in honorifics:
        return True
    return any(k.end == span.start and k.label_ == "title" for k in known)


def leader(tables: Words, doc: Doc, span: Span) -> bool:
    """A single word that is the surname of exactly one office-holder of the article's date."""
    art = doc._.article
    if tables.officeholders is None or art is None or art.reference_date is None or not span[0].is_title:
        return False
    return len({t.person for t in tables.officeholders.by_surname(span.text, on=art.reference_date)}) == 1


def honorific_at(tables: Words, doc: Doc, i: int, limit: int) -> int:
    """How many words of a courtesy title or rank (up to three: "Air Chief Marshal") start at
    token ``i`` and end by ``limit``; 0 when none does."""
    if i >= limit or doc[i].text not in tables.honorific_starts:
        return 0
    return next((n for n in (3, 2, 1) if i + n <= limit
                 and " ".join(t.text for t in doc[i:i + n]) in tables.honorifics), 0)


def strip_titles(tables: Words, page: Page, doc: Doc, span: Span, known: List[Span]) -> Optional[Span]:
    """The span without the offices and honorifics in front of the name."""
    start, end = span.start, span.end
    titles = page.titles_at
    moved = True
    while moved and start < end:
        moved = False
        if start in titles and titles[start] < end:
            start, moved = titles[start], True
        n = honorific_at(tables, doc, start, end - 1)
        if n:
            start, moved = start + n, True
        while start < end and doc[start].text in EDGE:
            start, moved = start + 1, True
    return Span(doc, start, end) if end > start else None


#: quotation marks, which no name holds
QUOTES = {'"', "“", "”", "‘", "’", "«", "»"}


def without_honorifics(tables: Words, doc: Doc, span: Span) -> Optional[Span]:
    """A person's span without the courtesy titles and ranks in front of the name ("Dr", "Mr",
    "Air Chief Marshal"); None when nothing else is left."""
    start = span.start
    moved = True
    while moved:
        moved = False
        n = honorific_at(tables, doc, start, span.end)
        if n:
            start, moved = start + n, True
        while start < span.end and doc[start].text in EDGE:
            start, moved = start + 1, True
    # a possessive, a quotation mark or a dash set apart by spaces ends the name ("X's Special
    # Envoy", "X - Chief Executive")
    end = next((t.i for t in doc[start:span.end] if t.i > start and (
        t.text in ("'s", "’s", "‘s") or t.text in QUOTES or t.text in ("-", "–", "—") and doc[t.i - 1].whitespace_)),
        span.end)
    while end > start and doc[end - 1].text in EDGE:
        end -= 1
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end)


def extend_name(tables: Words, page: Page, doc: Doc, span: Span, known: List[Span]) -> Span:
    """A name the NER cut short before its last word ("Anura Kumara" of "Anura Kumara
    Dissanayake"): capitalised proper nouns right after it that no other name claims."""
    claimed = page.claimed
    end = span.end
    while end < len(doc) and end - span.start < 6 and end not in claimed and doc[end].is_alpha \
            and (doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in ("", "PERSON")
                 and doc[end].text not in tables.not_name
                 or doc[end].lower_ in PARTICLES and end + 1 < len(doc)
                 and (doc[end + 1].is_title or doc[end + 1].lower_ in PARTICLES)
                 or end > span.start and doc[end - 1].lower_ in PARTICLES and doc[end].is_title):
        end += 1
    # the second syllable of a hyphened given name ("Han Duck-soo", "Yoon Suk-yeol")
    # (a short syllable the parse reads as a name or noun, after a name of two words or more:
    # never "Modi-led", "Biden-era")
    if end + 1 < len(doc) and end - span.start >= 2 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower \
            and len(doc[end + 1]) <= 5 and doc[end + 1].pos_ in ("PROPN", "NOUN", "X") \
            and doc[end + 1].lower_ not in ("era", "style", "type", "class") \
            and doc[end + 1].lower_ not in tables.not_name:
        end += 2
    return Span(doc, span.start, end) if end > span.end else span


def person(tables: Words, page: Page, doc: Doc, span: Span, known: List[Span]) -> Optional[Span]:
    span = strip_titles(tables, page, doc, span, known)
    if span is None:
        return None
    span = extend_name(tables, page, doc, span, known)
    # "Modi's", "Lanka's": a possessive ends the name
    for t in span:
        if t.text in ("'s", "’s") and t.i > span.start:
            span = Span(doc, span.start, t.i)
            break
    if not person_words_ok(span, tables.not_name):
        return None
    if head_at(tables.heads, doc, span.end) in ("institution", "place"):
        return None                             # "Swami Vivekananda Cultural Centre": a body named after one
    # a compound of states' names ("U.S.-Sri Lankan" ties, the tokenizer's one word) is no name
    parts = [p.strip() for p in span.text.replace("–", "-").split("-")]
    if len(parts) > 1 and any(tables.lex.country(p) or tables.lex.country_by_demonym(p) for p in parts if p):
        return None
    # a state, city or known body inside is no person's name ("Sri Lanka's", "Janata Bank"),
    # unless a company's or party's one-word name is a word of the person's ("Gustavo Petro")
    for k in known:
        if k.label_ == "topic" and k.start <= span.start and k.end >= span.end:
            return None                         # a subject area's whole name ("Ceylon Tea")
        if k.start < span.end and k.end > span.start and k.label_ not in ("title", "topic", "group"):
            weak = k.label_ == "org" and len(k) == 1 and k.start > span.start \
                and getattr(k._.kb.entry, "kind", "") in ("company", "bank", "party")
            if not weak:
                return None
    if len(span) == 1 and not cued(doc, span, tables.honorifics, known):
        return None
    return span


def after_honorific(tables: Words, page: Page, doc: Doc, taken: Set[int], known: List[Span] = ()) -> Iterable[Span]:
    """People the NER read, with the courtesy title or rank in front, as one body or place
    ("Prof X Y", "Major General X Y" tagged ORG), or missed after a rank of several words ("Air
    Vice Marshal X Y"): a name of two words or more, the last no word that heads a body's name;
    after a one-word honorific, the NER's entity ends where the name does."""
    starts = {ent.start: ent.end for ent in doc.ents if ent.label_ != "PERSON"}
    for i in range(len(doc)):
        if i in taken or (doc[i].ent_type_ and i not in starts):
            continue            # only a non-PERSON entity's first word, or a word outside any entity
        n = honorific_at(tables, doc, i, len(doc) - 1)
        if not n or (i not in starts and n < 2):
            continue
        span = name_after(tables, page, doc, i + n, taken, known)
        if span is None or len(span) < 2 or tables.heads.get(span[-1].text) \
                or not all(t.is_title or t.text[-1:] == "." for t in span):
            continue
        if i in starts and span.end != starts[i]:
            continue
        yield span


def name_after(tables: Words, page: Page, doc: Doc, i: int, taken: Set[int], known: List[Span] = ()) -> Optional[Span]:
    """The person named right after an office ("President Faustin-Archange Touadéra"):
    capitalised proper nouns, initials and the particles between them."""
    start = i
    while start < len(doc) and doc[start].text in tables.honorifics:
        start += 1
    if start < len(doc) and doc[start].ent_iob_ == "B" and doc[start].ent_type_ == "PERSON":
        # the NER's person starts right there: its whole name, offices inside it included
        ent = page.ent_at[start]
        span = trim(doc, ent)
        # offices and courtesy titles inside the NER's span are no part of the name
        span = strip_titles(tables, page, doc, span, known) if span is not None else None
        span = extend_name(tables, page, doc, span, known) if span is not None else None
        if span is not None and not any(k in taken for k in range(span.start, span.end)) \
                and person_words_ok(span, tables.not_name - tables.title_words) \
                and not any(t.text in tables.honorifics or t.text in tables.title_words for t in span[:1]):
            return span
    end = start
    while end < len(doc) and end not in taken:
        t = doc[end]
        if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text not in tables.not_name:
            end += 1
        elif t.text in ("-", "‐") and end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            end += 1
        elif t.lower_ in PARTICLES and end > start and end + 1 < len(doc) \
                and (doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper()
                     or doc[end + 1].lower_ in PARTICLES):
            end += 1                        # "von der Leyen", "da Silva"
        else:
            break
    if end == start or (end - start == 1 and doc[start].ent_type_ not in ("PERSON", "")):
        return None
    if head_at(tables.heads, doc, end) is not None:
        return None                         # "Chairman Galle Face Group": a body's name, not a person's
    span = Span(doc, start, end)
    if doc[end - 1].text in ("-", "‐") or not person_words_ok(span, tables.not_name):
        return None
    if span.root.ent_type_ in ("GPE", "NORP", "LOC") or (end - start == 1 and doc[start].ent_type_ != "PERSON"
                                                           and not doc[start].text.istitle()):
        return None
    return span


def who(tables: Words, doc: Doc, taken: Set[int]) -> Iterable[Span]:
    for j in range(2, len(doc) - 2):
        if doc[j].text != "," or doc[j + 1].lower_ != "who" or (j - 1) in taken:
            continue
        i = j
        while i > 0 and j - i < 4 and (i - 1) not in taken and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
            i -= 1
        span = Span(doc, i, j)
        if 2 <= len(span) <= 3 and person_words_ok(span, tables.not_name) \
                and not any(tables.heads.get(t.text) for t in span):
            yield span


def listed_with_people(tables: Words, span: Span, people: List[Span]) -> bool:
    """A name joined by "and" to a person's, with no word of a body's name in it ("Murat
    Nurtleu and Batmunkh Battsetseg"), is a person's too."""
    if not 2 <= len(span) <= 4 or not person_words_ok(span, tables.not_name):
        return False
    if any(tables.heads.get(t.text) for t in span):
        return False
    root = span.root
    linked = {c.i for c in root.children if c.dep_ == "conj"} | ({root.head.i} if root.dep_ == "conj" else set())
    return any(p.start <= i < p.end for p in people for i in linked)


def named_by_context(tables: Words, doc: Doc, span: Span, known: List[Span]) -> bool:
    """A name followed by its office in apposition is a person's ("Thilaka Jayasundara,
    Secretary, Ministry of Industries"; "Ding Tao, the chargé d'affaires"), whatever the
    NER labelled it."""
    if not 2 <= len(span) <= 4 or not all(t.pos_ == "PROPN" for t in span if t.is_alpha):
        return False
    if not person_words_ok(span, tables.not_name):
        return False
    j = span.end
    if j + 1 >= len(doc) or doc[j].text != ",":
        return False
    k = j + 1 + (doc[j + 1].lower_ in ("the", "a", "an"))
    return any(t.start == k and t.label_ == "title" for t in known) or \
        any(t.start == k + 1 and t.label_ == "title" and doc[k].text in ("'s",) for t in known)
