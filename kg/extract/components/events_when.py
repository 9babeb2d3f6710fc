"""When and where an event of kg_events took place, as its clause says.

A time expression (``doc._.times``) or a place ("in Beijing") counts for an event when it hangs
from the event's own words in the parse: the trigger, the verb a noun trigger hangs from
("held talks on Monday"), the verbs that carry it ("is expected to meet in December"), a
participle or relative clause on the trigger ("the summit, held in Astana", "a visit that ends on
Friday": the end), a participle's verb of saying ("Speaking at a briefing on Thursday, X said").
A word that hangs from another event's trigger or from another clause is that one's.
"""
from __future__ import annotations

import datetime
import re
from typing import Dict, List, Optional, Set, Tuple

from spacy.tokens import Span, Token

from ...read.articles import Sentence
from ...findings import Ref
from ..timex import number_value
from .events_types import Event, Reading, definite

__all__ = ["Clause", "Timing", "length", "common", "lend", "carry"]

#: a day just before a date: the first day of a range ("from 6 to [7 December]", "19-[21 February]")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]|to|and|until|till)\s*$")


class Clause:
    """The tokens of one event's clause, and the climb from a word up to them."""

    def __init__(self, triggers: List[Token], anchors: List[Token], extra: List[Token], others: Set[int],
                 words: Dict[str, Set[str]], governor: Optional[Token] = None):
        self.words = words
        self.targets: Set[int] = {t.i for t in triggers} | {a.i for a in anchors} | {t.i for t in extra}
        self.heads: Set[int] = set(self.targets)        # where participles and relative clauses may hang
        self.fronted: Set[int] = set()                  # verbs whose fronted adverbials are shared
        for a in anchors:
            cur = a
            while cur.dep_ == "xcomp" and cur.head.lemma_.lower() in words.get("carrier", ()):
                cur = cur.head
                self.targets.add(cur.i)
            if cur.dep_ in ("advcl", "xcomp") and cur.tag_ in ("VBG", "VBN") \
                    and cur.head.lemma_.lower() in words.get("report", ()):
                self.targets.add(cur.head.i)
            if cur.dep_ == "conj" and cur.head.pos_ == "VERB":
                self.fronted.add(cur.head.i)
        self.governor = governor.i if governor is not None and governor.i not in self.targets else None
        self.others = others - self.targets

    def climb(self, tok: Token, start: int = -1) -> Optional[Tuple[int, str]]:
        """Steps from a word up to the clause, and the phase a verb on the way gives ("a visit
        that ends on Friday": end); None when another clause or event owns the word. ``start``:
        where the word's phrase begins (a fronted adverbial is shared by joined verbs)."""
        cur, steps, phase = tok, 0, ""
        while steps < 12:
            if cur.i in self.targets:
                return steps, phase
            if cur.i in self.fronted and 0 <= start < cur.i:
                return steps + 2, phase
            if cur.i == self.governor:
                return steps + 6, phase
            if cur.i in self.others:
                return None
            if cur is not tok and cur.pos_ in ("VERB", "AUX"):
                lemma = cur.lemma_.lower()
                if cur.dep_ == "xcomp" or cur.dep_ in ("acl", "relcl") and cur.head.i in self.heads:
                    phase = phase or ("end" if lemma in self.words.get("phase_end", ()) else
                                      "start" if lemma in self.words.get("phase_start", ()) else "")
                elif cur.i != self.governor:
                    return None
            if cur.head is cur:
                return None
            cur, steps = cur.head, steps + 1
        return None

    def attached(self, prep: Token, actors: Set[int]) -> Optional[int]:
        """Steps from a place's preposition to the clause: on the clause's words, on the verbs
        that carry them ("the summit, set to be held in China"), on the thing signed ("signed a
        memorandum in Ankara"), on a place of the clause ("at the palace in Jakarta"), or on an
        actor the parse hangs it from ("met X in Beijing"); never through other nouns ("the
        situation in Sudan")."""
        return self._reach(prep.head, actors, 0)

    def _reach(self, cur: Token, actors: Set[int], steps: int) -> Optional[int]:
        for _ in range(8):
            if cur.i in self.targets:
                return steps
            if cur.pos_ in ("VERB", "AUX") and (cur.dep_ == "xcomp" or cur.dep_ in ("acl", "relcl")
                                                 and cur.head.i in self.heads):
                cur, steps = cur.head, steps + 1
                continue
            if cur.dep_ == "pobj" and cur.head.lower_ == "of" \
                    and cur.head.head.lemma_.lower() in self.words.get("document", ()):
                cur, steps = cur.head.head, steps + 1       # "a memorandum of understanding in Ankara"
                continue
            if cur.dep_ == "dobj" and cur.head.i in self.targets \
                    and cur.lemma_.lower() in self.words.get("document", ()):
                return steps + 1
            if cur.dep_ == "pobj" and cur.head.lower_ in ("at", "in") and cur.head.head is not cur:
                return self._reach(cur.head.head, set(), steps + 1)
            if cur.i in actors:
                cur = cur.head.head if cur.head.dep_ == "prep" else cur.head
                actors, steps = set(), steps + 2
                continue
            return None
        return None

def length(triggers: List[Token]) -> Optional[int]:
    """The days a visit lasts, as its noun says: "a two-day visit", "a 3-day trip"."""
    for t in triggers:
        for c in t.lefts:
            for w in c.subtree:
                if w.lower_ == "day" and w.i > 1 and w.nbor(-1).text in ("-", "–"):
                    n = number_value(w.nbor(-2).text)
                    if n and 0 < n < 32:
                        return int(n)
                if w.lower_.endswith("-day"):
                    n = number_value(w.lower_[:-4])
                    if n and 0 < n < 32:
                        return int(n)
    return None


def common(a: str, b: str) -> Optional[str]:
    """Two dates' common ISO prefix: a day, a month or a year ("2024-12-06", "2024-12-07" -> "2024-12")."""
    if a == b:
        return a
    for n in (7, 4):
        if a[:n] == b[:n]:
            return a[:n]
    return None


def shift(day: str, days: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()


def dates(kind: str, value: str, range_kind: bool, phase: str, under_way: bool,
          days: Optional[int]) -> Tuple[Optional[str], Optional[str], Optional[str]]:
    """(date, start, end) of an event from the time expression its clause gives."""
    if range_kind:
        first, _, last = value.partition("/")
        return (common(first, last), None, None) if kind == "Meeting" else (None, first, last)
    if kind != "StateVisit":
        return value, None, None
    if under_way and len(value) == 10 and not phase:
        return None, None, None                 # "is on a visit": its first day not given
    start, end = (None, value) if phase == "end" else (value, None)
    if days and start and len(start) == 10:
        end = shift(start, days - 1)
    elif days and end and len(end) == 10:
        start = shift(end, 1 - days)
    return None, start, end


class Timing:
    """When, where and under what name the events of a :class:`~.events_build.Builder` took
    place (a mixin: it reads the builder's Doc, word classes, reader and events)."""

    def _clause(self, r: Reading, others: Set[int]) -> Clause:
        anchors = [a for a in (self.reader.anchor(t, r.kind != "StateVisit") for t in r.triggers) if a is not None]
        governor = None if r.kind == "StateVisit" else self.reader.governor(r.token)
        return Clause(r.triggers, anchors, r.extra, others, self.words, governor)

    def _when(self, r: Reading, sentence: Sentence, others: Set[int]) -> List[Event]:
        """The event (events, for "his visits in 2014 and 2015") with the dates its clause gives."""
        times = (self.doc._.times or {}).get(sentence.index, [])
        clause = self._clause(r, others)
        got = []
        for tx, span in times:
            if tx.kind in ("point", "range"):
                c = clause.climb(span.root, span.start)
                if c is not None:
                    got.append((c[0], -len(tx.value), tx, c[1], span))
        if not got:
            said = [self.said[a] for a in r.actors() if a in self.said]
            asserted = all(t._.modality in (None, "asserted") for t in (r.token, r.anchor) if t is not None)
            if r.rule.today and said and asserted:
                return [Event(r, sentence, said[-1])]      # "X said on Thursday ... Speaking at a briefing, X said"
            if self.period is not None and self.period[0] == sentence.paragraph and asserted:
                # "2024 saw unprecedented exchanges. ... officials visited Azerbaijan": that year
                date, start, end = dates(r.kind, self.period[1], False, "", False, None)
                return [Event(r, sentence, date, start, end)]
            return [Event(r, sentence)]
        got.sort(key=lambda g: (g[0], g[1], g[4].start))
        # "the X Summit 2025, convening September 24-25": the more precise date the clause gives
        first = got[0][2].value
        finer = [g for g in got[1:] if g[2].value.startswith(first) and len(g[2].value) > len(first)]
        if finer and r.token.tag_ not in ("NNS", "NNPS"):
            got = finer[:1] + got
        a = r.anchor
        under_way = a is not None and a is not r.token and a.lemma_ == "be"
        end_phase = a is not None and a is not r.token and a.lemma_.lower() in self.words.get("phase_end", ())
        days = length(r.triggers) if r.kind == "StateVisit" else None
        # "during his visit, X met Y on Monday": that day falls within the visit; its month is sure
        framed = r.kind == "StateVisit" and any(t.dep_ == "pobj" and t.head.lower_ in self.words.get("frame_prep", ())
                                                and t.head.lower_ != "on" for t in r.triggers)
        chosen = [got[0]]
        if r.token.tag_ in ("NNS", "NNPS"):
            # "his visits in 2014 and 2015": one visit a date
            first = {i for g in got[:1] for i in range(g[4].start, g[4].end)}
            chosen = [g for g in got if g[2].kind == "point" and (g[0] == got[0][0] or g[4].root.head.i in first)]
            chosen = list({g[2].value: g for g in chosen}.values())
        out = []
        for _, _, tx, phase, _ in chosen:
            value, ranged = tx.value, tx.kind == "range"
            if not ranged and len(value) == 10 and _DAY_BEFORE.search(sentence.text, 0, tx.start):
                # "from 6 to 7 December", "19-21 February": days the time expression did not read
                # as a range; the month is all that is sure
                value, ranged = f"{value[:7]}/{value[:7]}", True
            if framed and len(value) == 10:
                value, ranged = f"{value[:7]}/{value[:7]}", True
            date, start, end = dates(r.kind, value, ranged, "end" if end_phase else phase, under_way, days)
            out.append(Event(r, sentence, date, start, end))
        return out

    def _where(self, ev: Event, sent: Span, others: Set[int]) -> None:
        r = ev.reading
        if r.place is not None:
            ev.location = r.place
            return
        clause = self._clause(r, others)
        actors = {t.i for t in sent if self.reader.ref(t)}
        best = None
        for p in sent:
            if p.dep_ != "prep" or p.lower_ not in ("in", "at"):
                continue
            for g in p.children:
                span = self.reader.place(g) if g.dep_ == "pobj" else None
                steps = clause.attached(p, actors) if span is not None else None
                if steps is None:
                    continue
                ref = span._.ref
                if r.kind == "StateVisit" and ref not in r.hosts and span._.country not in r.hosts:
                    continue
                # a city the gazetteer knows before a building the NER found ("at the X Palace in Jakarta")
                rank = (span.label_ == "Place" and span._.country is None, steps, span.label_ != "Place")
                if best is None or rank < best[0]:
                    best = (rank, ref)
        if best is not None:
            ev.location = best[1]
        elif r.kind == "Conference":
            ev.location = self._host_state(r.token)

    def _host_state(self, tok: Token) -> Optional[Ref]:
        """The state that hosts a conference: "the summit India will host", "X hosts the forum"."""
        hosts = self.words.get("host_verb", ())
        verbs = []
        for c in tok.children:
            cur = c if c.dep_ in ("relcl", "acl") else None
            for _ in range(4):
                if cur is None or cur.lemma_.lower() in hosts:
                    break
                cur = next((x for x in cur.children if x.dep_ in ("xcomp", "acomp")), None)
            if cur is not None:
                verbs.append(cur)
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in hosts:
            verbs.append(tok.head)
        for v in verbs:
            for t in self.reader.subject(v):
                got = self.reader.refs([t], ("Country",))
                if got:
                    return got[0]
        return None

    def _name(self, ev: Event) -> bool:
        """A conference's name; "the summit" told again is the one named before (not "the next
        summit"); an unnamed one no one is said to attend is named by its place. True when the
        name is the one told before."""
        r = ev.reading
        if r.kind != "Conference":
            return False
        ev.name = r.name
        told = False
        # "the fifth session", "the next summit": another of the series, apart by its date
        if ev.name is None and definite(r.token) and (ev.date or ev.start or not self.another(r.token)):
            for prior in reversed(self.events):
                if prior.reading.kind == "Conference" and prior.reading.token.lemma_.lower() == r.token.lemma_.lower() \
                        and prior.name:
                    ev.name, told = prior.name, True
                    ev.location = ev.location or prior.location
                    break
        # an unnamed one no one is said to attend is known by its place and date ("Business forum in
        # Astana", 14 May 2024)
        if ev.name is None and not r.actors() and ev.location is not None and (ev.date or ev.start):
            ev.name = f"{self.reader.words_of(r.token)} in {ev.location.label}"
        return told


def lend(frame: Event, ev: Event) -> None:
    """An event framed by another takes the frame's date and place when it states none; a
    conference framing a meeting takes its participants, and its month when undated."""
    f, r = frame.reading, ev.reading
    if f.kind == "Conference" and r.kind != "Conference":
        if ev.date and (frame.date is None or frame.date == ev.date):
            frame.date = ev.date[:7]            # a summit lasts days: the meeting's month
        frame.location = frame.location or ev.location
        f.participants += [p for p in r.actors() if p not in f.participants and p not in f.counterparts]
    if ev.date is None and ev.start is None:
        if frame.date:
            ev.date = frame.date
        elif frame.start and frame.end:
            ev.date = common(frame.start, frame.end)
        elif frame.start:
            ev.date = frame.start[:7]           # "during his visit in July 2023": that month
    if ev.location is None and f.kind != "StateVisit":
        ev.location = frame.location


def carry(prior: Event, ev: Event) -> None:
    """What was stated for an event holds when it is told again undated or unplaced."""
    if ev.date is None and ev.start is None:
        ev.date, ev.start, ev.end = prior.date, prior.start, prior.end
    ev.location = ev.location or prior.location
    ev.name = ev.name or prior.name
