"""kg_positions: offices and who holds them.

An office is written as a title, widened by the words news English puts around it:

- a rank before it makes another office ("Deputy Minister of Energy", "State Minister");
- a portfolio after "of" or "for", or before "Minister", names the office in full ("Minister
  of Ports, Shipping and Aviation", "Power and Energy Minister");
- the state is the title's own modifier: a demonym or state name before it ("Iranian
  Foreign Minister", "Iran Ambassador"), a possessive ("China's Foreign Minister"), or "of"
  a state after it ("President of the Philippines"); a body after "of" makes it an office of
  that body ("Secretary-General of the United Nations"); "to" or "in" a state after an
  envoy's title is where the envoy serves;
- a word such as "former" or "then" before it says the holder holds it no longer.

The holder is the person named right after the title ("Foreign Minister Wang Yi"), or in
apposition to it ("Wang Yi, China's foreign minister"; "Sri Lanka's envoy to Kenya, Kana
Kananathan"); a plural title goes to each name of the list after it ("MPs A and B").

A title whose state the words do not give takes it from the office-holder tables when the
holder held that office at the article's date; otherwise the office stays without a state
(a :class:`~kg.findings.RoleMention`, completed across articles or dropped), never taking a
state that merely stands nearby.

Reads: ``kg_known`` titles, organs and states, ``kg_entities``, the parse. Writes:
``doc._.positions`` (a list of :class:`Office`).

The office and its state are read by :mod:`.positions_office`, the holders by
:mod:`.positions_holders`, lists, counterparts and anaphora by :mod:`.positions_lists`, and the
check against the office-holder tables by :mod:`.positions_terms`; this module is the
component's order of steps.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicon import Lexicon, Title
from ...officeholders import OfficeHolders
from ...topics import TopicTable
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN
from .positions_holders import holders
from .positions_lists import anaphora, counterparts, lists, shared
from .positions_office import Office, OfficeWords, Page, read_office
from .positions_terms import check_terms, complete_state, leader_possessor

__all__ = ["Office", "Positions"]


class Positions:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_positions", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None, topics: Optional[TopicTable] = None):
        self.name = name
        self.words = OfficeWords.load(lexicon, officeholders, topics)

    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans[KNOWN]) if KNOWN in doc.spans else []
        ents = list(doc.spans[ENTITIES]) if ENTITIES in doc.spans else []
        by_start = {s.start: s for s in ents}
        states_at_end = {k.end: k for k in known if k.label_ in ("demonym", "country")}
        states_at_start = {k.start: k for k in known if k.label_ == "country"}
        ents_at_start: Dict[int, Span] = {}
        ents_at_end: Dict[int, Span] = {}
        for s in ents:
            ents_at_start.setdefault(s.start, s)
            if s.label_ != "Topic":
                ents_at_end.setdefault(s.end, s)
        tables = self.words
        titles = [k for k in known if k.label_ == "title"]
        # per-Doc lookups the helpers share (each would otherwise scan the Doc's names per office)
        page = Page(doc, {k.start: k.end for k in titles},
                    {i for sp in ents_at_start.values() if sp.label_ in ("Place", "Country")
                     for i in range(sp.start, sp.end)},
                    [s for s in ents if s.label_ == "Person"])
        offices: List[Office] = []
        # "Secretary to the Prime Minister", "Adviser to the President": one office, the first's
        by_end = {k.end: k for k in titles}
        joined: Dict[int, Span] = {}
        for k in titles:
            if k.start >= 3 and doc[k.start - 1].lower_ == "the" and doc[k.start - 2].lower_ == "to" \
                    and (k.start - 2) in by_end:
                joined[by_end[k.start - 2].start] = k
        inner = {k.start for k in joined.values()}
        for t in titles:
            if t.start in inner:
                continue
            title: Title = t._.kb.entry
            if t.start in joined:
                second = joined[t.start]
                office = read_office(tables, page, doc, t.start, second.end, title,
                                 f"{title.role} to the {second._.kb.entry.role}", True, t._.kb.plural,
                                 states_at_end, states_at_start, ents_at_start, ents_at_end)
            else:
                office = read_office(tables, page, doc, t.start, t.end, title, title.role, False, t._.kb.plural,
                                 states_at_end, states_at_start, ents_at_start, ents_at_end)
            leader_possessor(tables, page, doc, office)
            office.holders = holders(tables, page, doc, office, by_start, ents)
            complete_state(tables, doc, office)
            check_terms(tables, doc, office)
            offices.append(office)
        offices = lists(doc, offices, states_at_start, ents)
        shared(doc, offices)
        offices += counterparts(doc, offices, states_at_end, by_start)
        anaphora(offices)
        # the state an office got from its list, its pair or an earlier mention is checked
        # against the tables like one the words give
        for office in offices:
            check_terms(tables, doc, office)
        doc._.positions = offices
        return doc


@Language.factory("kg_positions", assigns=["doc._.positions", "doc.spans"], requires=["doc.spans"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"},
                                  "topics": {"@misc": "kg.topics.v1"}})
def make_positions(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders,
                   topics: TopicTable) -> Positions:
    return Positions(nlp, name, lexicon=lexicon, officeholders=officeholders, topics=topics)
