"""Who the events of kg_events are between when the text does not name them where it tells them.

"The two leaders", "both countries": the two people of the last meeting, or the article's two
sides (the office-holders of two states it names, or the two people its first sentence joins);
"the delegation": the visitors of the last visit; "the visiting minister met X": the state of the
people met; "X met Y in Beijing": a visitor from abroad has travelled to the host state; "met A
and B separately", "calls on A and B": a meeting with each.
"""
from __future__ import annotations

from typing import Dict, List, Set

from ...findings import Ref
from .events_types import Event, Reading

__all__ = ["Sides", "separate"]

#: the offices "the two presidents", "the two leaders", "the two ministers" name
_GROUP_KINDS = {"presidents": ("head_of_state",), "leaders": ("head_of_state", "head_of_government", "royal"),
                "ministers": ("minister",)}


class Sides:
    """The sides of the article's events (a mixin of :class:`~.events_build.Builder`)."""

    def _sides(self, group: str, before: int) -> List[Ref]:
        """The two sides "the two leaders" or "both countries" name, when the article makes
        them clear: the two people of the last meeting, else the last two office-holders of
        two states named before (of the offices the group names), or their states."""
        kinds = _GROUP_KINDS.get(group)
        for ev in reversed(self.events):
            if ev.reading.kind != "Meeting":
                continue
            people = [a for a in ev.reading.actors() if a.type == "Person"]
            if len(people) == 2:
                if group == "countries":
                    states = [next(iter(self.home[p])) if len(self.home.get(p, ())) == 1 else None for p in people]
                    return states if None not in states and states[0] != states[1] else []
                if kinds is None or all(any(p == q and k in kinds for _, q, _, k in self.offices) for p in people):
                    return people
            break
        # else the article's two sides: two states whose office-holders it has named, one each
        named: Dict[Ref, Set[Ref]] = {}
        for i, person, state, kind in self.offices:
            if i < before and (kinds is None or kind in kinds):
                named.setdefault(state, set()).add(person)
        if len(named) == 2 and all(len(p) == 1 for p in named.values()):
            return list(named) if group == "countries" else [next(iter(p)) for p in named.values()]
        # else the two people the lead sentence's subject joins ("A and B met on Monday")
        lead = self._lead()
        if group != "countries" or not lead:
            return lead
        homes = [self.home.get(p, set()) for p in lead]
        return [next(iter(h)) for h in homes] if all(len(h) == 1 for h in homes) and homes[0] != homes[1] else []

    def _lead(self) -> List[Ref]:
        """The two people the subject of the article's first sentence joins, if it joins two."""
        if self.lead is None:
            self.lead = []
            first = next((sent for sent in self.doc.sents if sent.start > 0 or self.doc._.sentences is None), None)
            if first is not None:
                people = self.reader.refs(self.reader.subject(first.root), ("Person",))
                self.lead = people if len(people) == 2 else []
        return self.lead

    def _visitors(self) -> List[Ref]:
        """The visitors of the last visit read, with those of the other visits its sentence
        tells ("A and B held talks in X": one visit each, one delegation)."""
        visits = [ev for ev in self.events if ev.reading.kind == "StateVisit"]
        if not visits:
            return []
        last = visits[-1].sentence
        return list(dict.fromkeys(v for ev in visits if ev.sentence is last for v in ev.reading.visitors))

    def _host(self, ev: Event, built: List[Event]) -> bool:
        """ "the visiting minister met X": the state visited is the one state of those the
        visitor meets (False when the sentence does not make it clear)."""
        r = ev.reading
        mine = set().union(*(self.home.get(v, set()) for v in r.visitors))
        theirs: Set[Ref] = set()
        for other in built:
            if other.reading.kind == "Meeting" and set(r.visitors) & set(other.reading.actors()):
                for a in other.reading.actors():
                    if a not in r.visitors:
                        theirs |= self.home.get(a, set()) if a.type == "Person" else \
                            {a} if a.type == "Country" else set()
        theirs -= mine
        if len(theirs) != 1 or not mine:
            return False
        r.hosts = list(theirs)
        return self._visit_ok(r)

    def _travelled(self, ev: Event, built: List[Event]) -> List[Event]:
        """ "X met Y in Beijing": a visitor from abroad who meets the host state's people there
        has travelled to it (a visit whose dates the sentence does not give)."""
        loc = ev.location
        state = loc if loc is not None and loc.type == "Country" else self.reader.state_of_place(loc)
        if state is None:
            return []
        people = [a for a in ev.reading.actors() if a.type == "Person"]
        if not any(self.home.get(p) == {state} for p in people):
            return []
        told = {(v, h) for e in self.events + built if e.reading.kind == "StateVisit"
                for v in e.reading.visitors for h in e.reading.hosts}
        out = []
        for p in people:
            if self.home.get(p) and state not in self.states.get(p, set()) and (p, state) not in told:
                r = Reading(self.visit_rule, ev.reading.token, ev.reading.anchor, visitors=[p], hosts=[state],
                            triggers=list(ev.reading.triggers))
                out.append(Event(r, ev.sentence, location=loc))
        return out


def separate(r: Reading, words: Dict[str, Set[str]]) -> List[List[Ref]]:
    """ "met A and B separately": a meeting with each; otherwise one meeting."""
    people = r.actors()
    sep = words.get("separate", ())
    heads = [*r.triggers] + ([r.anchor] if r.anchor is not None else [])
    side = [p for p in r.participants if p not in r.counterparts]
    other = [c for c in r.counterparts if c not in side]
    count = r.token.tag_ in ("NNS", "NNPS") and r.token.lemma_.lower() in words.get("count_event", ())
    if len(other) >= 2 and (not side or count and r.other_sides >= 2):
        # "is to pay courtesy calls on A and B": a call on each
        return [side + [c] for c in other]
    if not any(c.lower_ in sep for t in heads for c in t.children):
        return [people]
    if len(other) >= 2 and side:
        return [side + [c] for c in other]
    if len(side) >= 2 and other:
        return [[p] + other for p in side]
    return [people]
