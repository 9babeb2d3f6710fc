"""Offices and who holds them: "Chinese Premier Li Qiang" gives Li Qiang holdsPosition
Premier of China, positionIn China, role "Premier".

The office's country comes from the words around the title, in the order news English
gives it: a demonym or possessive before it ("Azerbaijani President", "China's Foreign
Minister"), an organ ("Chinese Foreign Ministry spokesperson"), "of …" after it
("chargé d'affaires of China in Azerbaijan", "chairman of the Standing Committee of the
National People's Congress"). An unqualified title ("Premier Li Qiang") takes the holder's
country from elsewhere in the article, else the other side of a pair ("Foreign Minister Wang
Yi and Azerbaijani Foreign Minister Jeyhun Bayramov"), else the dateline's country; failing
all, the office is left for cross-article resolution (:mod:`kg.resolve`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

from ..findings import Fact, Mention, Ref, RoleMention
from ..lexicon import get_lexicon, of_state
from .doc import Doc, Span
from .shapes import NOT_NAME
from .text import Token, is_cap

__all__ = ["find_positions", "listed_offices", "HEAD_KINDS"]

HEAD_KINDS = ("head_of_state", "head_of_government")
#: words that name a part of an organisation after its name ("the NPC Standing Committee")
BODY_WORDS = frozenset({"Standing", "Committee", "Central", "Military", "Commission", "Council", "Bureau",
                        "Presidium", "Secretariat", "Politburo", "Executive", "Board", "General",
                        "Permanent", "Political", "Department", "Office", "Group", "Working"})
DIPLOMAT_KINDS = ("diplomat",)


@dataclass
class _Holder:
    k: int
    title: Span
    person: Optional[Ref]
    country: Optional[Ref] = None          # from the words
    body: Optional[Ref] = None             # the institution the office is in (organ, organisation)
    body_phrase: Optional[str] = None      # "Standing Committee of the National People's Congress"
    receiving: Optional[Ref] = None        # a diplomat's host country
    surface: str = ""


def _at(spans: List[Span], j: int, kinds: Tuple[str, ...]) -> Optional[Span]:
    """The span of a kind that ends right at token ``j``."""
    return next((s for s in spans if s.j == j and s.kind in kinds), None)


def _starting(spans: List[Span], i: int, kinds: Tuple[str, ...]) -> Optional[Span]:
    return next((s for s in spans if s.i == i and s.kind in kinds), None)


def _name_after(toks: List[Token], i: int, taken: set) -> int:
    from .entities import _name_run
    return _name_run(toks, i, taken, after_title=True)


def find_positions(doc: Doc) -> None:
    """Add person and organ spans and the position facts of every titled person."""
    holders: List[_Holder] = []
    for k, toks in enumerate(doc.tokens):
        holders += _titles_in(doc, k, toks)
    _link_short_names(doc, holders)
    _resolve_countries(doc, holders)
    for h in holders:
        _emit(doc, h)


def _titles_in(doc: Doc, k: int, toks: List[Token]) -> List[_Holder]:
    spans = doc.spans[k]
    text = doc.text(k)
    taken = {t for s in spans for t in range(s.i, s.j) if s.kind != "topic"}
    out: List[_Holder] = []
    shared: List[_Holder] = []
    for t in [s for s in spans if s.kind == "title"]:
        h = _Holder(k, t, None, surface=t.surface)
        start = t.i
        # --- qualifiers before the title
        organ = _at(spans, t.i, ("organ",))
        if organ:
            start = organ.i
        left = _at(spans, start, ("demonym", "country", "org"))
        if left is None and start >= 2 and toks[start - 1].text in ("'s", "’s"):
            left = _at(spans, start - 1, ("country", "org"))
        if left and left.kind in ("demonym", "country"):
            h.country = left.country or left.ref
            start = left.i
        elif left and left.kind == "org":
            h.body = left.ref
            h.country = left.country
            start = left.i
        if organ:
            h.body = Ref("Institution", organ.payload.template.format(country="{country}"))
            h.body_phrase = organ.payload.template
        # --- "of …" after the title
        end = t.j
        if end < len(toks) and toks[end].text == "of":
            end = _of_phrase(doc, k, toks, end + 1, h)
        h.surface = text[toks[start].start:toks[end - 1].end]
        # "former President Yoon Suk Yeol", "the late King", "then Foreign Minister": not held now
        former = start > 0 and toks[start - 1].text.lower() in ("former", "late", "then", "ex", "outgoing") \
            or re.search(r"\bex-$", text[max(0, toks[start].start - 3):toks[start].start])
        # --- the holder: a name right after, else an appositive before
        n = _name_after(toks, end, taken)
        if n and t.surface[0].isupper() or (n and toks[end].text[0].isupper() and n >= 2):
            label = text[toks[end].start:toks[end + n - 1].end]
            h.person = Ref("Person", label)
            spans.append(Span(k, end, end + n, toks[end].start, toks[end + n - 1].end, "person", h.person, label))
            taken.update(range(end, end + n))
        elif not former and end + 1 < len(toks) and toks[end].text == "and" and any(
                s.kind == "title" and s.i == end + 1 for s in spans):
            # "Deputy Prime Minister and Foreign Minister Ishaq Dar": the next title's holder
            shared.append(h)
        else:
            h.person = _appositive(doc, k, toks, start, taken)
        spans.append(Span(k, start, end, toks[start].start, toks[end - 1].end, "position", None, h.surface,
                          h.country, h))
        if h.person and not former:
            out.append(h)
    for h in shared:
        nxt = next((o for o in out if o.title.i == h.title.j + 1), None)
        if nxt is not None:
            h.person = nxt.person
            h.country = h.country or nxt.country
            nxt.country = nxt.country or h.country      # "Australian Deputy Prime Minister and Defence Minister"
            out.append(h)
    out += _counterparts(doc, k, toks, out, taken)
    return out


def listed_offices(doc: Doc) -> None:
    """After every name is known: offices given once for a list of people (see :func:`_respectively`)."""
    for k in range(len(doc.spans)):
        for h in _respectively(doc, k):
            _emit(doc, h)


_PLURAL_OFFICE = re.compile(r"\b(?:the\s+)?(?P<role>(?:[a-z]+\s+){0,2}?[a-z]+)s\s+of\s+(?:the\s+)?"
                            r"(?P<states>[A-Z][^,;]{2,80}?),\s+")


def _respectively(doc: Doc, k: int) -> List[_Holder]:
    """ "the foreign ministers of Chile and Argentina, Alberto van Klaveren and Pablo Quirno":
    each holds the office of the state named in the same place of the list."""
    text, spans = doc.text(k), doc.spans[k]
    out: List[_Holder] = []
    for m in _PLURAL_OFFICE.finditer(text):
        title = get_lexicon().title(m.group("role"))
        if title is None:
            continue
        states = [doc.country_of(s) for s in spans if s.kind in ("country", "demonym")
                  and m.start("states") <= s.start and s.end <= m.end("states")]
        people = sorted((s for s in spans if s.kind == "person" and s.start >= m.end() and s.ref), key=lambda s: s.start)
        if len(states) < 2 or len(people) < len(states) or None in states:
            continue
        chosen = people[:len(states)]
        # the names must follow one another as a list ("X and Y", "X, Y and Z")
        gaps = [text[a.end:b.start] for a, b in zip(chosen, chosen[1:])]
        if chosen[0].start != m.end() or not all(re.fullmatch(r"\s*(?:,|,?\s*and)\s*", g) for g in gaps):
            continue
        role_span = Span(k, chosen[0].i, chosen[0].i, m.start("role"), m.end("role"), "title", None,
                         m.group("role"), None, title)
        for person, state in zip(chosen, states):
            out.append(_Holder(k, role_span, person.ref, country=state,
                               surface=f"{title.role} of {of_state(state.label)}"))
    return out


_COUNTERPART = frozenset({"counterpart", "counterparts"})


def _counterparts(doc: Doc, k: int, toks: List[Token], holders: List[_Holder], taken: set) -> List[_Holder]:
    """ "Foreign Minister Sugiono and his Australian counterpart Penny Wong": the same office,
    of the state the demonym names."""
    spans, text = doc.spans[k], doc.text(k)
    out: List[_Holder] = []
    for d in [s for s in spans if s.kind in ("demonym", "country")]:
        if not (d.i >= 1 and toks[d.i - 1].text.lower() in ("his", "her", "their")
                and d.j < len(toks) and toks[d.j].text.lower() in _COUNTERPART):
            continue
        before = [h for h in holders if h.title.j <= d.i and h.body is None]
        n = _name_after(toks, d.j + 1, taken)
        country = d.country or d.ref
        if not before or not n or not country or country == before[-1].country:
            continue
        label = text[toks[d.j + 1].start:toks[d.j + n].end]
        person = Ref("Person", label)
        spans.append(Span(k, d.j + 1, d.j + 1 + n, toks[d.j + 1].start, toks[d.j + n].end, "person", person, label))
        taken.update(range(d.j + 1, d.j + 1 + n))
        out.append(_Holder(k, before[-1].title, person, country=country,
                           surface=f"{before[-1].title.payload.role} of {of_state(country.label)}"))
    return out


def _of_phrase(doc: Doc, k: int, toks: List[Token], i: int, h: _Holder) -> int:
    """Read "of China in Azerbaijan", "of the Standing Committee of the NPC"; return the end."""
    spans = doc.spans[k]
    j = i + (1 if i < len(toks) and toks[i].text.lower() == "the" else 0)
    first = _starting(spans, j, ("country", "demonym", "org", "organ"))
    if first and first.kind in ("country",):
        h.country = first.ref
        end = first.j
        if end + 1 < len(toks) and toks[end].text in ("in", "to"):
            other = _starting(spans, end + 1, ("country",))
            if other:
                h.receiving = other.ref
                end = other.j
        return end
    # a body: capitalised words up to and including a known organisation
    m = j
    body = None
    while m < len(toks) and (is_cap(toks[m].text) or toks[m].text.lower() in ("of", "the", "'s", "and")):
        org = _starting(spans, m, ("org",))
        if org:
            body = org
            m = org.j
            # "the NPC Standing Committee": words after the organisation name a part of it
            while m < len(toks) and toks[m].text in BODY_WORDS and not _starting(spans, m, ("org", "country")):
                m += 1
            break
        m += 1
    if body is None:
        return i - 1                        # no body: the title ends before "of"
    h.body = body.ref
    h.country = h.country or body.country
    words_before = [t.text for t in toks[j:body.i]]
    words_after = [t.text for t in toks[body.j:m]]
    part = " ".join(w for w in words_before if w not in ("'s",)).strip()
    part = part[:-3].strip() if part.endswith(" of") else part
    part = part[4:] if part.startswith("the ") else part
    if words_after:
        part = " ".join(words_after + ([part] if part else []))
    h.body_phrase = f"{part} of the {body.ref.label}" if part else body.ref.label
    return m


def _appositive(doc: Doc, k: int, toks: List[Token], start: int, taken: set) -> Optional[Ref]:
    """ "Ding Tao, the chargé d'affaires …", "Zhao Leji, chairman of …": the name before."""
    m = start
    if m > 0 and toks[m - 1].text.lower() in ("the", "a", "an"):
        m -= 1
    if m < 2 or toks[m - 1].text != ",":
        return None
    end = m - 1
    i = end
    while i > 0 and is_cap(toks[i - 1].text) and toks[i - 1].text not in NOT_NAME and end - i < 3:
        i -= 1
    if i == end:
        return None
    from .entities import FUNCTION_WORDS
    # "talks with To Lam, General Secretary of …": a short word starts the name mid-sentence
    if i >= 2 and toks[i - 1].text in FUNCTION_WORDS and toks[i - 2].text.islower():
        i -= 1
    existing = next((s for s in doc.spans[k] if s.kind == "person" and s.j == end), None)
    if existing:
        return existing.ref
    if any(t in taken for t in range(i, end)):
        return None
    text = doc.text(k)
    label = text[toks[i].start:toks[end - 1].end]
    ref = Ref("Person", label)
    doc.spans[k].append(Span(k, i, end, toks[i].start, toks[end - 1].end, "person", ref, label))
    taken.update(range(i, end))
    return ref


def _link_short_names(doc: Doc, holders: List[_Holder]) -> None:
    """ "President Aliyev" is Ilham Aliyev when the article names him in full."""
    full = {h.person.label for h in holders if h.person and " " in h.person.label}
    full |= {s.ref.label for sp in doc.spans for s in sp if s.kind == "person" and s.ref and " " in s.ref.label}
    by_end: Dict[str, Set[str]] = {}        # first and last word -> the full names they end
    for name in full:
        doc.persons.setdefault(name, Ref("Person", name))
        words = name.split()
        by_end.setdefault(words[0], set()).add(name)
        by_end.setdefault(words[-1], set()).add(name)
    for h in holders:
        if h.person and " " not in h.person.label:
            cands = sorted(by_end.get(h.person.label, ()))
            if len(cands) == 1:
                new = Ref("Person", cands[0])
                for s in doc.spans[h.k]:
                    if s.kind == "person" and s.ref == h.person:
                        s.ref = new
                h.person = new
    for sp in doc.spans:
        for s in sp:
            if s.kind == "person" and s.ref and " " in s.ref.label:
                doc.persons.setdefault(s.ref.label, s.ref)


def _resolve_countries(doc: Doc, holders: List[_Holder]) -> None:
    known: Dict[Tuple[Ref, str], Ref] = {}
    by_person: Dict[Ref, Ref] = {}
    for h in holders:
        if h.country:
            known[(h.person, h.title.payload.role)] = h.country
            by_person.setdefault(h.person, h.country)
    main = doc.main_countries()
    in_sentence: Dict[int, List[_Holder]] = {}
    for h in holders:
        in_sentence.setdefault(h.k, []).append(h)
    for h in holders:
        if h.country or h.body:
            continue
        role = h.title.payload.role
        h.country = known.get((h.person, role)) or by_person.get(h.person)
        if h.country is None and len(main) == 2:
            # the other side of a pair: "Foreign Minister Wang Yi and Azerbaijani Foreign Minister …"
            others = {o.country for o in in_sentence[h.k] if o is not h and o.country
                      and o.title.payload.role == role}
            if len(others) == 1:
                rest = [c for c in main if c not in others]
                h.country = rest[0] if len(rest) == 1 else None
        if h.country is None:
            h.country = doc.home


def _emit(doc: Doc, h: _Holder) -> None:
    sent = doc.sentences[h.k]
    title = h.title.payload
    role = title.role
    body = h.body
    if body and "{country}" in body.label:
        if not h.country:
            doc.findings.append(RoleMention(sent, h.person, role, h.surface))
            return
        body = Ref("Institution", h.body_phrase.format(country=of_state(h.country.label)))
        doc.findings.append(Mention(sent, body, body.label))
        doc.findings.append(Fact(sent, body, "partOf", h.country))
    if body:
        label = f"{role} of the {h.body_phrase.format(country=of_state(h.country.label) if h.country else '')}" \
            if h.body_phrase and "{country}" not in h.body_phrase else f"{role} of the {body.label}"
        where = body
    elif h.country:
        if h.receiving:
            label = (f"{role} of {of_state(h.country.label)} "
                     f"{'to' if role in ('Ambassador', 'Envoy', 'Special Envoy') else 'in'} {of_state(h.receiving.label)}")
        else:
            label = f"{role} of {of_state(h.country.label)}"
        where = h.country
    else:
        doc.findings.append(RoleMention(sent, h.person, role, h.surface))
        return
    pos = Ref("Position", label)
    doc.findings.append(Mention(sent, pos, h.surface if h.surface.lower() != role.lower() else label))
    doc.findings.append(Fact(sent, h.person, "holdsPosition", pos))
    doc.findings.append(Fact(sent, pos, "positionIn", where))
    doc.findings.append(Fact(sent, pos, "role", role))
    if h.country:
        doc.findings.append(Mention(sent, h.country, h.country.label))
