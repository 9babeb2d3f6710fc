"""Who the words of a Doc name, for kg_agreements and kg_relationships: :class:`Sides` holds
the states, bodies and people a text names (with the states people act for), the two states of
a bilateral article, and the group phrases that stand for them ("the two countries", "both
leaders").
"""
from __future__ import annotations

from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ...findings import Ref
from .agreements_parse import conjuncts, dateline, distinct

__all__ = ["Sides"]


class Sides:
    """Who the words of a Doc name: states, bodies and people (with the states they serve), the
    two states of a bilateral article, and the group phrases that stand for them ("the two
    countries", "both leaders")."""

    def __init__(self, doc: Doc, people: FrozenSet[str] = frozenset()):
        """``people``: nouns for those who act for states, whose "of" names their states
        ("the leaders of A and B")."""
        self.doc = doc
        self.people = people
        self.ent_at: Dict[int, Span] = {}
        counts: Dict[Ref, int] = {}
        for sp in doc.spans["kg_entities"] if "kg_entities" in doc.spans else ():
            if sp.label_ == "Country" and sp._.ref is not None:
                counts[sp._.ref] = counts.get(sp._.ref, 0) + 1
            if sp.label_ == "Topic":
                continue
            for i in range(sp.start, sp.end):
                self.ent_at.setdefault(i, sp)
        self.group_at: Dict[int, Span] = {}
        self.capitals: Set[int] = set()
        self.organs: Set[int] = set()
        self.known_names: Set[int] = set()
        for sp in doc.spans["kg_known"] if "kg_known" in doc.spans else ():
            if sp.label_ == "group":
                for i in range(sp.start, sp.end):
                    self.group_at[i] = sp
            elif sp.label_ == "capital":
                self.capitals.add(sp.start)
            elif sp.label_ == "organ":
                self.organs.update(range(sp.start, sp.end))
            if sp.label_ not in ("topic", "title", "group", "organ"):
                self.known_names.update(range(sp.start, sp.end))
        self.topic_spans: List[Span] = [sp for sp in (doc.spans["kg_entities"] if "kg_entities" in doc.spans else ())
                                        if sp.label_ == "Topic" and sp._.ref is not None]
        self.office_at: Dict[int, object] = {}
        self.state_of: Dict[Ref, Ref] = {}
        self.offices = list(doc._.positions or ())
        for o in self.offices:
            for i in range(o.span.start, o.span.end):
                self.office_at[i] = o
            for h in o.holders:
                # who a person acts for: the body of an office of a body ("the centre's chief
                # executive"), else the state
                owner = o.body or o.state
                if owner is not None and not o.former and h._.ref is not None:
                    self.state_of.setdefault(h._.ref, owner)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].label))
        self.main: Tuple[Ref, ...] = ()
        if len(ranked) == 2 or (len(ranked) > 2 and ranked[1][1] > ranked[2][1] and ranked[1][1] >= 2):
            self.main = (ranked[0][0], ranked[1][0])

    def entity(self, tok: Token) -> Optional[Span]:
        return self.ent_at.get(tok.i)

    def _former(self, tok: Token) -> bool:
        """A person named with an office held no longer ("Peru's former president X") acts
        for no state."""
        for x in tok.lefts:
            for y in x.subtree:
                if y.lower_ in ("former", "ex", "then", "late") or (y.i in self.office_at and self.office_at[y.i].former):
                    return True
        return False

    def is_group(self, tok: Token) -> bool:
        """ "the two countries", "both sides", "their countries": the article's two states."""
        if tok.i in self.group_at:
            return True
        return tok.lemma_.lower() in ("country", "nation", "side", "government", "state", "neighbour", "neighbor") \
            and tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("their", "both", "two") for c in tok.children)

    def states_in(self, span: Span) -> List[Ref]:
        """The states a stretch of text names, in order: states, demonyms, capitals, and the
        states of the people named."""
        out: List[Ref] = []
        for i in range(span.start, span.end):
            sp = self.ent_at.get(i)
            if sp is None or sp.start != i or sp._.ref is None:
                continue
            ref = sp._.ref
            if ref.type == "Country":
                out.append(ref)
            elif ref.type == "Place" and sp._.country is not None and i in self.capitals:
                out.append(sp._.country)
            elif ref.type == "Person" and ref in self.state_of:
                out.append(self.state_of[ref])
        return out

    def pair_before(self, tok: Token) -> Tuple[Ref, ...]:
        """The two states a phrase such as "the two countries" stands for: the article's two
        when both are named close before it, else the last two named there."""
        doc = tok.doc
        here = distinct(reversed(self.states_in(doc[tok.sent.start:tok.i])))
        if len(here) >= 2:
            return tuple(here[:2])              # "A's leader visited B, where the two countries ..."
        start = tok.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        named = self.states_in(doc[start:tok.i])
        if set(self.main) <= set(named) and self.main:
            return self.main
        if tok.lemma_.lower() in ("side", "party"):
            return ()                           # "both parties" may be a firm and a ministry
        recent = distinct(reversed(named))
        if len(recent) >= 2:
            return tuple(recent[:2])
        return self.main

    def bilateral_here(self, tok: Token) -> bool:
        """Whether the article's two states may be meant at a word: the sentence or the one
        before names both, or neither names another state, and no group of more than two
        ("the three nations") stands in the sentence."""
        doc = tok.doc
        sent = tok.sent
        for t in sent:
            if t.lemma_.lower() in ("country", "nation", "state", "government") and t.tag_ in ("NNS", "NNPS") and any(
                    c.like_num and c.lower_ not in ("two", "2", "both") for c in t.children):
                return False
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = set(self.states_in(doc[start:sent.end]))
        return set(self.main) <= named or not (named - set(self.main))

    def people_of_group(self, tok: Token) -> List[Ref]:
        """The two people a phrase such as "the two leaders" or "both ministers" stands for:
        the latest office-holders of the article's two states named before it."""
        sp = self.group_at.get(tok.i)
        kind = getattr(sp._.kb, "entry", None) if sp is not None else None
        if kind not in ("leaders", "presidents", "ministers") or len(self.main) != 2:
            return []
        word = {"presidents": "president", "ministers": "minister"}.get(kind)
        found: Dict[Ref, Ref] = {}
        for o in self.offices:
            if o.span.start >= tok.i or o.state not in self.main or o.former:
                continue
            if word and word not in o.role.lower():
                continue
            for h in o.holders:
                if h._.ref is not None:
                    found[o.state] = h._.ref
        return [found[s] for s in self.main if s in found] if len(found) == 2 else []

    def of_phrase(self, tok: Token, organs: bool = True) -> Tuple[List[Ref], List[Ref]]:
        """(parties, people) a noun phrase and the phrases coordinated with it name; with
        ``organs``, a state's organ that acts stands for its state ("the cabinet of Ghana
        approved ..."), else it is a party as named ("an agreement between the ministry of
        ... and ...")."""
        parties: List[Ref] = []
        people: List[Ref] = []
        for t in conjuncts(tok):
            sp = self.entity(t)
            if sp is not None and sp._.ref is not None:
                ref = sp._.ref
                if ref.type == "Person":
                    people.append(ref)
                    if ref in self.state_of:
                        parties.append(self.state_of[ref])
                    elif not self._former(t):
                        # "his Australian counterpart Penny Wong": the state before the office
                        for x in t.lefts:
                            for y in x.subtree:
                                other = self.entity(y)
                                if other is not None and other.label_ == "Country" and other._.ref is not None:
                                    parties.append(other._.ref)
                elif organs and ref.type == "Institution" and sp._.country is not None and any(
                        i in self.organs for i in range(sp.start, sp.end)):
                    parties.append(sp._.country)        # "the cabinet of Ghana": its state
                elif ref.type in ("Country", "Institution"):
                    parties.append(ref)
                elif ref.type == "Place" and sp._.country is not None and sp.start in self.capitals \
                        and not dateline(sp):
                    parties.append(sp._.country)        # "Riyadh and Tehran signed": the capitals' states
                continue
            if t._.ref is not None and getattr(t._.ref, "type", "") == "Person":
                people.append(t._.ref)
                if t._.ref in self.state_of:
                    parties.append(self.state_of[t._.ref])
                continue
            if self.is_group(t):
                parties += self.pair_before(t)
                people += self.people_of_group(t)
                continue
            # a name whose last word the entity pass missed ("Foreign Minister Espen Barth Eide"):
            # the person and the office among the words before it; "his Australian
            # counterpart": the state before the office
            offices = []
            for x in t.lefts:
                for y in x.subtree:
                    other = self.entity(y)
                    if other is not None and other._.ref is not None and other.start == y.i:
                        if other.label_ == "Country":
                            parties.append(other._.ref)
                        elif other.label_ == "Person" and x.dep_ == "compound":
                            people.append(other._.ref)
                            if other._.ref in self.state_of:
                                parties.append(self.state_of[other._.ref])
                    if y.i in self.office_at and self.office_at[y.i] not in offices:
                        offices.append(self.office_at[y.i])
            for o in offices:
                if o.state is not None and not o.former:
                    parties.append(o.state)
            office = self.office_at.get(t.i)
            if office is not None:
                # "the foreign ministers of Chile and Peru, A and B": the office, its holders, its states
                for h in office.holders:
                    if h._.ref is not None:
                        people.append(h._.ref)
                if office.state is not None:
                    parties.append(office.state)
            for c in t.children:
                if c.dep_ == "appos":
                    more, who = self.of_phrase(c)
                    parties += more
                    people += who
                elif c.dep_ == "prep" and c.lower_ == "of" and (office is not None or t.lemma_.lower() in self.people):
                    # "the foreign ministers of Chile and Peru(, A and B)", "the leaders of Laos and Vietnam"
                    for obj in (x for x in c.children if x.dep_ == "pobj"):
                        more, who = self.of_phrase(obj)
                        parties += [p for p in more if p.type == "Country"]
                        people += who
        return list(dict.fromkeys(parties)), list(dict.fromkeys(people))
