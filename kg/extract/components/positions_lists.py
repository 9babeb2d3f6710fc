"""Offices read across the whole list of a Doc's offices: a plural title over a list of states and
names ("the foreign ministers of Kazakhstan and Mongolia, A and B"), a counterpart ("his
Mongolian counterpart B"), two offices before one name, and an office named again without its
holder (anaphora).
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Span

from ...findings import Ref
from .positions_office import Office

__all__ = ["lists", "counterparts", "shared", "anaphora"]


def lists(doc: Doc, offices: List[Office], states_at_start, ents: List[Span]) -> List[Office]:
    """ "the foreign ministers of Kazakhstan and Mongolia, A and B": one office for each state,
    each held by the name in the same place of the list."""
    out: List[Office] = []
    for office in offices:
        j = office.span.end
        if not (office.plural and office.state and not office.holders and j + 1 < len(doc)
                and doc[j].lower_ == "and" and (j + 1) in states_at_start):
            out.append(office)
            continue
        second = states_at_start[j + 1]
        k = second.end
        names: List[Span] = []
        if k < len(doc) and doc[k].text == ",":
            k += 1
            people = {s.start: s for s in ents if s.label_ == "Person"}
            while k in people and len(names) < 2:
                names.append(people[k])
                k = people[k].end
                while k < len(doc) and doc[k].text in (",", "and"):
                    k += 1
        if len(names) != 2:
            out.append(office)
            continue
        for state, name in ((office.state, names[0]), (second._.kb.country, names[1])):
            out.append(Office(office.span, office.role, office.title, state=state, holders=(name,),
                              former=office.former, written=office.written))
    return out


def counterparts(doc: Doc, offices: List[Office], states_at_end, by_start) -> List[Office]:
    """ "Kazakh Foreign Minister A and his Mongolian counterpart B": B holds the same office
    of the state named before "counterpart"."""
    out: List[Office] = []
    for tok in doc:
        if tok.lower_ not in ("counterpart", "counterparts") or (tok.i + 1) not in by_start:
            continue
        holder = by_start[tok.i + 1]
        owner = states_at_end.get(tok.i)
        if holder.label_ != "Person" or owner is None:
            continue
        sent = tok.sent
        before = [o for o in offices if o.span.end <= tok.i and o.span.start >= sent.start and o.holders]
        if not before:
            continue
        prev = before[-1]
        if prev.state == owner._.kb.country:
            continue
        out.append(Office(Span(doc, owner.start, tok.i + 1), prev.role, prev.title, state=owner._.kb.country,
                          holders=(holder,)))
    return out


def shared(doc: Doc, offices: List[Office]) -> None:
    """ "Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu": two offices joined by
    "and" before one name are both held by it, and of the same state."""
    for a, b in zip(offices, offices[1:]):
        if a.holders or not b.holders or a.span.end >= len(doc) or doc[a.span.end].lower_ != "and" \
                or b.span.start != a.span.end + 1 or a.plural or b.plural:
            continue
        a.holders = b.holders
        if b.state is None and b.body is None:
            b.state = a.state
        if a.state is None and a.body is None:
            a.state = b.state


def anaphora(offices: List[Office]) -> None:
    """ "the Prime Minister said": an office named without its holder, after the article has
    named who holds it, is that person's (the same role, and the same state where it says one)."""
    placed: Dict[tuple, Office] = {}
    for office in offices:
        if office.holders and (office.state or office.body):
            placed.setdefault((office.role.lower(), office.holders[0]._.ref), office)
    posts: Dict[Ref, Office] = {}
    for office in offices:
        if office.holders and office.state and office.title.kind == "diplomat":
            posts.setdefault(office.holders[0]._.ref, office)
    for office in offices:
        # "Premier Li Qiang" where the article also writes "Chinese Premier Li Qiang"
        if office.holders and not (office.state or office.body) and office.title.kind == "diplomat" \
                and office.holders[0]._.ref in posts and (office.role.lower(), office.holders[0]._.ref) not in placed:
            # "High Commissioner X" after "Sri Lanka's envoy to Kenya, X": one post, two titles
            post = posts[office.holders[0]._.ref]
            office.state, office.receiving, office.receiving_word = post.state, post.receiving, post.receiving_word
            office.former = office.former or post.former
            continue
        if office.holders and not (office.state or office.body):
            other = placed.get((office.role.lower(), office.holders[0]._.ref))
            if other is not None:
                office.state, office.body = other.state, other.body
                # "former Prime Minister X" first, "Prime Minister X" after: the title is kept
                # as a courtesy; the office is still a former one
                office.former = office.former or other.former
    seen: Dict[str, Office] = {}
    for office in offices:
        if office.holders and not office.former:
            seen[office.role.lower()] = office
            continue
        if office.holders or office.former or office.span[-1].tag_ in ("NNS", "NNPS"):
            continue
        prev = seen.get(office.role.lower())
        # the same office: no state or body named, or the same ones ("the President of the
        # Sovereign Council" is not the president the article named before)
        if prev is not None and (office.state, office.body) in ((None, None), (prev.state, prev.body)):
            office.holders = prev.holders[:1]
            office.state = office.state or prev.state
            office.body = office.body or prev.body
