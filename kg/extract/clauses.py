"""Who does what: subjects, objects and references across sentences.

News English puts the actor before the verb ("Azerbaijan firmly adheres to …", "Both sides
oppose …"), refers back with pronouns and role nouns ("he said", "the Azerbaijani leader",
"the two countries"), and uses capitals for their governments ("Beijing reaffirmed its
support"). These helpers read that, without a parser, from the spans of a :class:`Doc`.
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence

from ..findings import Ref
from .doc import Doc, Span

__all__ = ["actors_of", "subject_before", "actors_after", "resolve_pronoun", "clause_bounds",
           "leaders"]

PREPOSITIONS = frozenset({"with", "to", "for", "of", "from", "by", "between", "among", "in", "on",
                          "at", "into", "toward", "towards", "against", "about", "than", "via",
                          "including", "like", "across", "within", "under", "through"})
PRONOUNS_PERSON = frozenset({"he", "she", "his", "her", "him"})
PRONOUNS_THING = frozenset({"it", "its"})
PRONOUNS_PLURAL = frozenset({"they", "their", "them"})
_WORD = re.compile(r"[\w'’\-]+")


HEAD_ROLES = ("President", "Prime Minister", "Premier", "Chancellor", "King", "Emir", "Sultan")


def leaders(doc: Doc, countries: Sequence[Ref], roles: Sequence[str] = HEAD_ROLES) -> List[Ref]:
    """The heads of state or government (of the given roles) the article names for these countries."""
    # the first head the article names for each country: "both leaders" are the principals,
    # not every premier mentioned later
    out = []
    for country in countries:
        for _, f in doc.facts_with("positionIn", country):
            holders = doc.facts_with("holdsPosition", f.subject)
            if holders and f.subject.label.split(" of ")[0] in roles:
                out.append(holders[0][1].subject)
                break
    return out


def _last_pair(doc: Doc, span: Span) -> List[Ref]:
    """ "The two leaders" after a sentence whose subject was two people ("A and B called …")."""
    for k in range(span.sent - 1, max(-1, span.sent - 4), -1):
        people = [s for s in doc.of(k, "person") if s.ref]
        for a, b in zip(people, people[1:]):
            if re.fullmatch(r"\s*and\s*", _gap(doc, k, a.end, b.start)) and a.ref != b.ref:
                return [a.ref, b.ref]
    return []


def actors_of(doc: Doc, span: Span, metonymy: bool = False) -> List[Ref]:
    """The actors a span stands for: a country for a demonym (and, with ``metonymy``, for its
    capital: "Beijing reaffirmed"), both countries for "the two countries"."""
    if span.kind == "group":
        main = doc.main_countries()
        if span.payload == "leaders":
            return _last_pair(doc, span) or leaders(doc, main) or []
        if span.payload == "presidents":
            return leaders(doc, main, ("President",)) or []
        return list(main) if len(main) == 2 else []
    if span.kind == "capital" and metonymy and span.country:
        return [span.country]
    if span.kind == "demonym":
        return [span.country] if span.country else []
    if span.kind in ("person", "country", "org") and span.ref:
        return [span.ref]
    if span.kind == "organ" and span.ref:
        return [span.ref]
    return []


def _word_before(text: str, pos: int) -> str:
    words = _WORD.findall(text[:pos])
    return words[-1].lower() if words else ""


def clause_bounds(text: str, pos: int) -> tuple:
    """The character range of the clause around ``pos`` (split at ; and at "," + conjunction)."""
    start = max(text.rfind(";", 0, pos), text.rfind(":", 0, pos)) + 1
    end_candidates = [i for i in (text.find(";", pos),) if i >= 0]
    end = min(end_candidates) if end_candidates else len(text)
    return start, end


_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")


def subject_before(doc: Doc, k: int, pos: int, kinds=("person", "country", "demonym", "org", "group",
                                                       "capital", "organ")) -> List[Ref]:
    """The actor(s) of the clause whose verb starts at char ``pos`` of sentence ``k``.

    The nearest actor to the left that is not the object of a preposition or a possessive
    ("China's role"), with coordinated actors ("China and Azerbaijan"); else a pronoun or
    role noun resolved backwards; else nothing.
    """
    text = doc.text(k)
    # a state inside a compound ("China-Azerbaijan relations", "UN-led") is not an actor
    spans = [s for s in doc.of(k) if s.end <= pos and s.kind in kinds and not s.part]
    # a demonym that qualifies an office ("Azerbaijani Foreign Minister X") is not an actor here
    offices = [(s.start, s.end) for s in doc.of(k, "position")]
    spans = [s for s in spans if s.kind != "demonym" or not any(a <= s.start and s.end <= b for a, b in offices)]
    # a closed relative clause is not where the subject is: "Chile, which has been a member of
    # the OECD since 2010, backs ..." -> Chile
    inner = [(m.start(), m.end()) for m in _RELATIVE.finditer(text, 0, pos)]
    spans = [s for s in spans if not any(a < s.start and s.end <= b for a, b in inner)]
    for s in reversed(spans):
        after = text[s.end:s.end + 3]
        if after.startswith(("'s", "’s")) or (s.kind == "demonym" and _next_is_noun(text, s.end)
                                              and not _role_noun(text, s.end)):
            continue
        if _word_before(text, s.start) in PREPOSITIONS and not \
                re.search(r",\s*including\s+$", text[:s.start]):    # "officials, including X, visited"
            continue
        # a capital acts for its state only where a subject stands: "In return, Beijing reaffirmed"
        if s.kind == "capital" and not re.search(r"(?:^|[,;:]|\band|\bthat)\s*$", text[:s.start]):
            continue
        # a pronoun between the actor and the verb refers to someone else
        between = text[s.end:pos].lower()
        if re.search(r"\b(he|she|they)\b", between) and s.kind != "person":
            break
        actors = actors_of(doc, s, metonymy=True)
        if not actors and s.kind == "demonym" and s.country:
            actors = [s.country]
        # coordinated: "China and Azerbaijan", "Azerbaijan and China"
        idx = spans.index(s)
        while idx > 0 and re.fullmatch(r"\s*(,|and|,\s*and)\s*", _gap(doc, k, spans[idx - 1].end, spans[idx].start)):
            idx -= 1
            actors = actors_of(doc, spans[idx], metonymy=True) + actors
        if actors:
            return _dedupe(actors)
    return resolve_pronoun(doc, k, pos)


def _gap(doc: Doc, k: int, a: int, b: int) -> str:
    """The words between two spans, without the titles that introduce the second one."""
    text = doc.text(k)
    gap = list(text[a:b])
    for s in doc.of(k, "position", "title", "demonym", "organ"):
        for p in range(max(a, s.start), min(b, s.end)):
            gap[p - a] = " "
    return "".join(gap)


def _next_is_noun(text: str, end: int) -> bool:
    m = _WORD.match(text[end:].lstrip())
    return bool(m)


def _role_noun(text: str, end: int) -> bool:
    m = _WORD.match(text[end:].lstrip())
    return bool(m) and m.group().lower() in ("government", "side", "leader", "leadership", "authorities")


def resolve_pronoun(doc: Doc, k: int, pos: int) -> List[Ref]:
    """ "he", "it", "the country", "the Azerbaijani leader" before ``pos``: who is meant."""
    text = doc.text(k)
    words = [w.lower() for w in _WORD.findall(text[:pos])]
    tail = words[-6:]
    if any(w in PRONOUNS_PERSON for w in tail):
        sp = doc.speaker(k) or _last_person(doc, k, text.lower().rfind(" he ", 0, pos) if " he " in text.lower()[:pos] else 0)
        return [sp] if sp else []
    if "country" in tail or any(w in PRONOUNS_THING for w in tail):
        c = doc.last(k, pos if not any(w in PRONOUNS_THING for w in tail) else 0, ("country",), window=2)
        return [c.ref] if c and c.ref else []
    if any(w in PRONOUNS_PLURAL for w in tail):
        main = doc.main_countries()
        return list(main) if len(main) == 2 else []
    return []


def _last_person(doc: Doc, k: int, before: int) -> Optional[Ref]:
    s = doc.last(k, before if before > 0 else 0, ("person",), window=3)
    return s.ref if s else None


def actors_after(doc: Doc, k: int, pos: int, until: Optional[int] = None,
                 kinds=("person", "country", "demonym", "org", "group", "capital")) -> List[Ref]:
    """Actors named after char ``pos`` (to ``until``), e.g. the objects of "met with"."""
    end = until if until is not None else len(doc.text(k))
    out: List[Ref] = []
    for s in doc.of(k, *kinds):
        if pos <= s.start < end:
            out += actors_of(doc, s)
    return _dedupe(out)


def _dedupe(refs: List[Ref]) -> List[Ref]:
    seen, out = set(), []
    for r in refs:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out
