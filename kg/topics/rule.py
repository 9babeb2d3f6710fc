"""The head-noun rule: which concept a noun phrase is about, decided on its words alone.

:func:`kg.topics.head_lookup` maps a longer noun phrase by its head and modifiers. The rule,
decided on the words alone (no tagger) and the table:

1. **Clauses are refused.** A phrase holding a pronoun (he, they, its, this...), a form of *be*,
   *have* or *do*, a modal (will, can...), a negation, a subordinator (because, though, if...)
   or a reporting verb (said, told, signed, discussed...), one that starts with a preposition or
   conjunction, holds sentence punctuation, or runs over 12 words is never a topic: "he said",
   "are committed", "has helped modernize", "even though he had" give None.
2. **The whole phrase**, then the phrase less each leading determiner, evaluative adjective or
   frame noun ("bilateral", "closer", "key", "cooperation in"...), is looked up.
3. **A preposition splits the phrase**; English puts the head on its left. When the left part is
   only frame nouns ("cooperation in", "areas of", "protection of", "trading in"), the right part
   decides: "cooperation in renewable energy sources" -> renewable energy. Otherwise the left
   part decides alone: "market access for agricultural exports" -> market access -> trade policy;
   "minister of agriculture" -> None (a minister is no subject area).
4. **Without a preposition**, trailing generic nouns are dropped one by one ("sources", "sector",
   "industry", "cooperation", "talks", "opportunities", "initiatives"...): "tariff talks" ->
   tariff; a lone adjective left over stands for its noun ("agricultural barriers" ->
   agriculture). A coordination the table does not hold ("health and education") is refused:
   :func:`topics_in` splits it. Last, ever shorter endings of the phrase are looked up, so a
   modifier outside the table falls away ("U.S. agricultural exports" -> agricultural exports)
   but a head outside it never does ("agriculture minister" -> None).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List, Mapping, Optional, Sequence

from .words import ARTICLES

if TYPE_CHECKING:
    from .table import TopicTable

__all__ = ["MAX_WORDS", "words_of", "is_clause", "first_prep", "all_frame", "resolve"]

MAX_WORDS = 12

_PRONOUNS = frozenset("""i me my mine myself you your yours yourself yourselves he him his
himself she her hers herself it its itself we us our ours ourselves they them their theirs
themselves this that these those who whom whose which what whoever whatever someone something
anyone anything everyone everything nobody nothing one's""".split())
_VERBS = frozenset("""is are was were be been being am isn't aren't wasn't weren't has have had
having hasn't haven't hadn't do does did doing don't doesn't didn't will would shall should can
could may might must won't wouldn't can't cannot couldn't shouldn't mustn't 's 're 've 'd 'll
said says say saying told tells added adds noted notes stressed stresses stated states announced
announces emphasized emphasised emphasizes emphasises urged urges expressed agreed agrees signed
discussed discusses held met meets visited visits welcomed welcomes reaffirmed reaffirms
underlined underlines highlighted highlights called calls pledged pledges vowed vows hailed
praised thanked congratulated invited attended received hosted launched inaugurated decided
approved committed helped helps aims aimed seeks sought wants wanted hopes hoped believes
believed according""".split())
_FUNCTION = frozenset("""not no never n't because although though even if unless whereas
whether when whenever while where wherever after before until once since so than then also
very just only too there here""".split())
_PREPS = frozenset("""in on of for with within across between among amongst regarding
concerning including against to from through towards toward via under over at by into like
about beyond throughout""".split())
_CONJ = frozenset({"and", "or", "but", "nor", "&"})
# Nouns that frame a subject area without being one: "cooperation in X", "X sector".
_FRAME = frozenset("""cooperation co-operation collaboration partnership partnerships ties
relations relationship relationships link links engagement engagements exchange exchanges
dialogue dialog talks consultations negotiation negotiations area areas field fields sector
sectors domain domains sphere spheres issue issues matter matters question questions project
projects programme programmes program programs initiative initiatives opportunity opportunities
potential prospect prospects promotion protection expansion strengthening enhancement deepening
support implementation work efforts effort measures measure mechanism mechanisms agreement
agreements memorandum deal deals framework frameworks plan plans roadmap strategy strategies
industry industries trading development developments capabilities capability capacity sources
source challenge challenges reform reforms activities activity generation sites site
infrastructure ventures venture investment investments interests interest affairs barriers
barrier""".split())
# Words before a subject area that do not change it ("bilateral trade", "closer cooperation").
_LEFT = frozenset("""the a an all any various several many much more most other such key major
important vital priority priorities bilateral multilateral trilateral mutual mutually beneficial
practical close closer deeper deep further enhanced expanded strengthened new greater broader
wider comprehensive joint two-way both overall general specific certain relevant related
respective potential possible future ongoing existing current concrete pragmatic effective
expanding growing increasing improved improving strengthening deepening promoting enhancing
boosting expanding developing fostering advancing intensifying bolstering""".split())
# A lone adjective left after the frame nouns stand for the noun of the table.
_ADJECTIVE_NOUN: Mapping[str, str] = {
    "agricultural": "agriculture", "agrarian": "agriculture", "economic": "economy",
    "cultural": "culture", "educational": "education", "academic": "education",
    "financial": "finance", "environmental": "environment", "ecological": "ecology",
    "industrial": "industry", "technological": "technology", "technical": "technology",
    "scientific": "science", "medical": "medicine", "commercial": "commerce",
    "judicial": "justice", "legal": "law", "touristic": "tourism", "humanitarian": "humanitarian aid",
    "religious": "religion", "diplomatic": "diplomacy", "consular": "consular affairs",
    "parliamentary": "parliamentary cooperation", "monetary": "monetary cooperation",
    "fiscal": "fiscal policy", "maritime": "maritime cooperation", "digital": "digital economy",
    "sporting": "sport", "migratory": "migration", "nuclear": "nuclear energy", "space": "outer space",
}
# Heads that name a subject area alone but something else after a modifier ("investment
# climate", "business environment"): an ending of a phrase that is only one of these is no match.
_NOT_ALONE = frozenset({"environment", "climate"})
_PUNCT = re.compile(r"[;:?!\"\u201c\u201d()\[\]{}]")
_TRIM = ".,'\u2018\u2019"


def words_of(phrase: str) -> Optional[List[str]]:
    """The phrase as lower-case words, or None when it is no noun phrase."""
    if not phrase or _PUNCT.search(phrase):
        return None
    text = phrase.casefold().replace("\u2019", "'").replace(",", " , ")
    words = [w.strip(_TRIM) if w != "," else w for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > MAX_WORDS or is_clause(words):
        return None
    return words


def is_clause(words: Sequence[str]) -> bool:
    """Whether lower-case words are a clause or a fragment rather than a noun phrase: a pronoun,
    an auxiliary, modal or reporting verb, a negation or subordinator, or a first word that is a
    preposition or conjunction."""
    for w in words:
        stem, _, tail = w.partition("'")
        if w in _PRONOUNS or w in _VERBS or w in _FUNCTION or stem in _PRONOUNS \
                or w.endswith("n't") or tail in ("re", "ve", "ll", "d", "m"):
            return True
    first = words[0]
    return first in _PREPS or first in _CONJ or first == ","


def first_prep(words: Sequence[str]) -> Optional[int]:
    for i, w in enumerate(words):
        if i and w in _PREPS:
            return i
    return None


def all_frame(words: Sequence[str]) -> bool:
    return all(w in _FRAME or w in _LEFT for w in words)


def resolve(table: "TopicTable", words: List[str]) -> Optional[str]:
    code = table.wording_of(words)
    if code:
        return code
    # the phrase less its leading determiners, evaluative words and frame nouns
    # ("strengthening the rule of law"; a frame noun only with its preposition: "cooperation in")
    rest = list(words)
    while rest:
        if rest[0] in _LEFT:
            rest = rest[1:]
        elif rest[0] in _FRAME and len(rest) > 1 and rest[1] in _PREPS:
            rest = rest[2:]
        else:
            break
        code = table.wording_of(rest)
        if code:
            return code
    i = first_prep(words)
    if i is not None:
        left, right = words[:i], words[i + 1:]
        if all_frame(left):
            return resolve(table, right) if right else None
        return _resolve_np(table, left)
    return _resolve_np(table, words)


def _resolve_np(table: "TopicTable", words: List[str]) -> Optional[str]:
    """A noun phrase without a preposition."""
    words = [w for w in words if w not in ARTICLES]
    while words and words[0] in _LEFT:
        words = words[1:]
        code = table.wording_of(words)
        if code:
            return code
    if not words:
        return None
    code = table.wording_of(words)
    if code:
        return code
    # drop trailing frame nouns: "renewable energy sources", "tariff talks"; an adjective left
    # before them carries the subject: "people-to-people cultural exchanges" -> culture
    core = list(words)
    while len(core) > 1 and core[-1] in _FRAME:
        core = core[:-1]
        code = table.wording_of(core)
        if code:
            return code
        if core[-1] in _ADJECTIVE_NOUN:
            return table.wording_of([_ADJECTIVE_NOUN[core[-1]]])
    if any(w in _CONJ or w == "," for w in core):
        return None
    # ever shorter endings: a modifier outside the table falls away, the head never does
    for start in range(1, len(core)):
        if start == len(core) - 1 and core[-1] in _NOT_ALONE:
            break
        code = table.wording_of(core[start:])
        if code:
            return code
    return None
