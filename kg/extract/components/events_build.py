"""Building kg_events' findings: readings of triggers joined into events (see
:mod:`kg.extract.components.events` for what is read and why).

The :class:`Builder` reads each trigger by its rule (:class:`~.events_types.Reading`), takes the
readings of a sentence, joins those that tell one event ("arrived ... for a visit", "the session
of the forum", "signed ... and witnessed ..."), drops what the text does not assert, finds each
event's date, place and name (:mod:`.events_when`) and its unnamed sides (:mod:`.events_sides`),
and lets a frame ("during the visit", "on the sidelines of the summit", "during the talks" told
before) lend its date and place; at the end of the Doc it marks the meetings held during a
reported visit.
"""
from __future__ import annotations

import datetime
from typing import Dict, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ...read.articles import Sentence
from ...findings import EventFinding, Ref
from ...officeholders import OfficeHolders
from .events_parse import Reader
from .events_sides import Sides, separate
from .events_types import Event, Reading, Rule, definite, merge, merged
from .events_when import Timing, lend, carry

__all__ = ["Builder"]

_DEMONSTRATIVE = {"the", "this", "that", "these", "those"}


class Builder(Timing, Sides):
    """Events of one Doc, sentence by sentence (see the module's docstring)."""

    def __init__(self, doc: Doc, words: Dict[str, Set[str]], officeholders: Optional[OfficeHolders],
                 visit_rule: Optional[Rule] = None, codes: Optional[Dict[str, str]] = None):
        self.doc = doc
        self.codes = codes or {}                      # state name -> ISO code (the office-holder tables')
        self.visit_rule = visit_rule
        self.words = words
        self.officeholders = officeholders
        self.reader = Reader(doc, words, self._sides, self._visitors)
        self.events: List[Event] = []
        self.lead: Optional[List[Ref]] = None
        self.said: Dict[Ref, str] = {}                # speaker -> the day they are said to have spoken
        self.period: Optional[Tuple[int, str]] = None  # (paragraph, year) a sentence about a year sets ("2024 saw ...")
        art = doc._.article
        self.day: Optional[datetime.date] = art.reference_date if art is not None else None
        self.states: Dict[Ref, Set[Ref]] = {}         # person -> states they hold or held an office of, or serve in
        self.home: Dict[Ref, Set[Ref]] = {}           # person -> states they hold or held an office of
        self.offices: List[Tuple[int, Ref, Ref, str]] = []   # (token, person, state, title kind)
        for o in doc._.positions or ():
            if o.state is None:
                continue
            for h in o.holders:
                if h._.ref is not None:
                    # an envoy's receiving state is where they serve: no visit there either
                    serves = {o.receiving} if o.receiving is not None and o.title.kind == "diplomat" else set()
                    self.states.setdefault(h._.ref, set()).update({o.state} | serves)
                    self.home.setdefault(h._.ref, set()).add(o.state)
                    if not o.former:
                        self.offices.append((o.span.start, h._.ref, o.state, o.title.kind))

    def read(self, rule: Rule, tok: Token) -> Reading:
        """The roles of a trigger under a rule."""
        rd = self.reader
        rd.deep = rule.kind != "StateVisit"
        r = Reading(rule, tok, rd.anchor(tok), triggers=[tok])
        for role in ("visitor", "participant", "counterpart"):
            found: List[Ref] = []
            for slot in rule.slots.get(role, ()):
                toks = rd.slot(tok, slot)
                got = rd.refs(toks, rule.types)
                if role != "visitor":
                    # a counterpart who is the subject itself ("X met him", "him" read as X) is no other side
                    seen = set(found) | (set(r.participants) if role == "counterpart" else set())
                    n = rd.count_sides([t for t in toks if set(rd.refs([t], rule.types)) - seen], rule.types)
                    if role == "participant":
                        r.sides += n
                    else:
                        r.other_sides += n
                found += [g for g in got if g not in found]
                if role != "visitor":
                    loose = [t for t in toks if not rd.ref(t) and rd.unnamed(t) and t not in r.unnamed]
                    r.unnamed += loose
                    if role == "counterpart":
                        r.unnamed_other += loose
                if got and role == "visitor":
                    break
            setattr(r, role + "s", found)
        for slot in rule.slots.get("host", ()):
            for t in rd.slot(tok, slot):
                span = rd.place(t) or rd.seat(t)
                state = None if span is None else span._.ref if span.label_ == "Country" else span._.country
                if state is not None and state not in r.hosts:
                    r.hosts.append(state)
                    if span.label_ == "Place" and r.place is None:
                        r.place = span._.ref
            if r.hosts:
                break
        if rule.kind == "StateVisit":
            r.inviters = rd.inviters(tok, r.anchor)
        if rule.slots.get("name"):
            for slot in rule.slots["name"]:
                toks = rd.slot(tok, slot)
                got = rd.refs(toks, ("Institution",))
                if got:
                    r.name = f"{got[0].label} {tok.lemma_.capitalize()}"
                    r.extra += toks
                    break
        if rule.kind == "Conference" and r.name is None:
            r.name = rd.conference_name(tok)
            # "the Forum for International Cooperation in Beijing": a place on its name is its own
            r.extra += rd.name_tail(tok)
        return r

    def ok(self, r: Reading) -> bool:
        """Whether a reading fills the roles its rule requires."""
        need = r.rule.requires
        if "visitor" in need and not r.visitors or "host" in need and not r.hosts:
            return False
        if "participant" in need and not r.participants or "name" in need and not (r.name or self._named(r)):
            return False
        if "foreign" in need and not all(self.home.get(v) and not self.states[v] & set(r.hosts) for v in r.visitors):
            return False
        if "counterpart" in need and not ([c for c in r.counterparts if c not in r.participants] or r.unnamed_other):
            return False
        actors = r.actors()
        # a meeting has two sides: the subject's (two when it joins two: "A and B met") and a
        # counterpart's, named or not ("met his counterpart"); counterparts alone make none
        theirs = r.other_sides + bool(r.unnamed_other)
        unnamed_mine = bool(set(r.unnamed) - set(r.unnamed_other))
        if "two" in need and not (actors and (r.sides >= 2 or r.sides and theirs or unnamed_mine and r.other_sides)):
            return False
        return bool(actors) or r.kind == "Conference"

    def sentence(self, sent: Span, sentence: Sentence, readings: List[Reading]) -> None:
        """Build the events of one sentence from its readings."""
        readings = self._join(readings)
        by_token = {t.i: r for r in readings for t in r.triggers}
        for r in readings:
            if r.kind == "StateVisit" and r.inviters:
                for v in r.visitors:
                    self.reader.hosts_of[v] = r.inviters
        kept: List[Reading] = []
        frames: Dict[int, Event] = {}                  # token -> the event told before framing it
        for r in readings:
            self.reader.resolve_unnamed(r)
            if not self.ok(r):
                # "during the visit", "the talks": the event told before frames this clause
                if r.token.pos_ == "NOUN" and definite(r.token):
                    prior = self._last(r)
                    head = self.reader.frame_head(r.token)
                    if prior is not None and head is not None:
                        frames.setdefault(head.i, self._dated(prior))
                continue
            if self._asserted(r) and (r.kind != "StateVisit" or self._visit_ok(r)):
                kept.append(r)
        kept_tokens = {t.i for r in kept for t in r.triggers}
        built: List[Event] = []
        for r in kept:
            # an event noun of the same kind, kept or not, owns the dates that hang from it ("the
            # first visit of X since Y's visit in April 2008")
            others = (kept_tokens | {t.i for x in readings if x.kind == r.kind for t in x.triggers
                                     if t.pos_ in ("NOUN", "PROPN")}) - {t.i for t in r.triggers}
            own = bool(r.actors())
            prior = self._same(r)
            for ev in self._when(r, sentence, others):
                self._where(ev, sent, others)
                placed = ev.location is not None
                told_again = self._name(ev) or prior is not None
                if told_again and not (own or ev.date or ev.start or placed):
                    continue                    # "the summit serves as a testament ...": nothing new
                if prior is not None:
                    carry(prior, ev)
                built.append(ev)
        built = [ev for ev in built if ev.reading.kind != "StateVisit" or ev.reading.hosts or self._host(ev, built)]
        built += [v for ev in built if ev.reading.kind == "Meeting" for v in self._travelled(ev, built)]
        # events of this sentence that frame others: "met ... during his visit", "the meeting
        # ... on the sidelines of the summit"; "highlighted the meeting of A and B during the
        # summit": the verb both hang from is framed, and so the meeting it governs
        for ev in built:
            head = self.reader.frame_head(ev.reading.token)
            if head is None:
                continue
            if head.i in by_token and by_token[head.i] is not ev.reading \
                    or any(o is not ev and o.reading.anchor is not None and o.reading.anchor.i == head.i for o in built):
                frames.setdefault(head.i, ev)
        # "... signed by A and B during A's visit", wherever the parse hangs "during": the visit
        # frames the sentence's meetings of its visitor
        framing = [v for v in built if v.reading.kind == "StateVisit" and self.reader.frame_head(v.reading.token)]
        for ev in built:
            frame = None
            for t in [*ev.reading.triggers] + ([ev.reading.anchor] if ev.reading.anchor is not None else []):
                frame = frame or frames.get(t.i)
            if frame is None and ev.reading.kind == "Meeting":
                frame = next((v for v in framing if set(v.reading.visitors) & set(ev.reading.actors())), None)
            if frame is not None and frame is not ev:
                lend(frame, ev)
        self.events += built

    def note(self, sent: Span, sentence: Sentence) -> None:
        """Remember the day each speaker is said to have spoken ("X said on Thursday"): a
        briefing reported undated in the sentences after is that day's."""
        reports = self.words.get("report", ())
        times = (self.doc._.times or {}).get(sentence.index, [])
        # "The year 2024 saw unprecedented activity.": the year of what the paragraph tells next
        subjects = [c for c in sent.root.children if c.dep_ == "nsubj"]
        for tx, span in times:
            if tx.kind == "point" and len(tx.value) == 4 and subjects \
                    and subjects[0].left_edge.i <= span.start and span.end <= subjects[0].right_edge.i + 1:
                self.period = (sentence.paragraph, tx.value)
        for tx, span in times:
            head = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
            if tx.kind == "point" and len(tx.value) == 10 and head.lemma_.lower() in reports:
                for a in self.reader.refs(self.reader.subject(head), ("Person",)):
                    self.said[a] = tx.value

    def _join(self, readings: List[Reading]) -> List[Reading]:
        """Readings that tell one event as one: a noun trigger and the verb trigger it hangs
        from ("arrived ... for a visit"), two nouns on one verb ("held talks at a meeting"), a
        session of a conference ("the 29th session of the Conference of the Parties"), a word
        of a conference's name ("Boao Forum for Asia Annual Conference")."""
        by_token = {r.token.i: r for r in readings}
        out: List[Reading] = []
        by_anchor: Dict[Tuple[int, str], Reading] = {}
        for r in readings:
            if r.token.dep_ == "compound" and by_token.get(r.token.head.i) is not None \
                    and by_token[r.token.head.i].kind == "Conference":
                continue
            into = None
            if r.anchor is not None and r.anchor is not r.token and self.reader.same_clause(r.token):
                v = by_token.get(r.anchor.i)
                if v is not None and v.kind == r.kind:
                    into = v
                elif (r.anchor.i, r.kind) in by_anchor:
                    into = by_anchor[(r.anchor.i, r.kind)]
            head = by_token.get(r.token.head.i) if r.token.dep_ == "conj" else None
            if into is None and head is not None and head.kind == r.kind and set(r.actors()) <= set(head.actors()):
                into = head                     # "signed a declaration and witnessed the signing of ..."
            of = [g for p in r.token.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj" and g.i in by_token]
            if into is None and of and by_token[of[0].i].kind == "Conference" and r.token.pos_ == "NOUN":
                into = by_token[of[0].i]
            if into is not None and into is not r:
                joined = merged(into, r)
                if self.ok(joined) or not self.ok(r):
                    merge(into, r)
                    continue
                # "is on a visit": the verb's rule asks what the noun's does not; the noun tells it
                if into in out:
                    out.remove(into)
                for t in into.triggers:
                    by_token[t.i] = r
            out.append(r)
            if r.anchor is not None and r.anchor is not r.token:
                by_anchor.setdefault((r.anchor.i, r.kind), r)
        return out

    def _same(self, r: Reading) -> Optional[Event]:
        """The talks or conference told before that "the talks", "the meeting" tells again:
        those who take part in it here are its participants too (a date or place stated for
        it carries)."""
        told = [t for t in r.triggers if t.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVE for c in t.children)]
        if r.kind == "StateVisit" or not told:
            return None
        if self.another(told[0]):
            return None
        mine = r.actors()
        for ev in reversed(self.events):
            if ev.reading.kind != r.kind or r.kind == "Conference" and not _same_word(ev.reading.token, told[0]):
                continue
            if r.kind == "Conference" and r.name and r.name != ev.name:
                continue                        # "the Third South Summit" after "the NAM Summit"
            theirs = ev.reading.actors()
            if r.counterparts and not set(mine) & set(theirs):
                return None
            ev.reading.participants += [a for a in mine if a not in theirs]
            r.participants, r.counterparts = list(ev.reading.actors()), []
            return ev
        return None

    def _last(self, r: Reading) -> Optional[Event]:
        """The event told before that a definite trigger refers to (the same kind, the same
        actors where it names any)."""
        mine = set(r.actors())
        found = [ev for ev in reversed(self.events) if ev.reading.kind == r.kind and mine <= set(ev.reading.actors())]
        # "the talks": the talks told last, before other kinds of meeting ("signed", "met")
        return next((ev for ev in found if _same_word(ev.reading.token, r.token)), found[0] if found else None)

    def _named(self, r: Reading) -> Optional[str]:
        """The name of the conference told before that "the summit", "the session" tells again."""
        if r.kind != "Conference" or not definite(r.token):
            return None
        for prior in reversed(self.events):
            if prior.reading.kind == "Conference" and _same_word(prior.reading.token, r.token) and prior.name:
                return prior.name
        return None

    def another(self, tok: Token) -> bool:
        """ "the next meeting", "the fifth session": another event than the one told before."""
        return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in self.words.get("another", ()))
                   for c in tok.children)

    def _dated(self, ev: Event) -> Event:
        """An undated event, or the one report of it told before with a date (the same kind and
        actors), as the model will merge them."""
        if ev.date or ev.start:
            return ev
        mine = set(ev.reading.actors())
        twins = [e for e in self.events if (e.date or e.start) and e.reading.kind == ev.reading.kind
                 and set(e.reading.actors()) == mine]
        return twins[0] if len({(e.date, e.start) for e in twins}) == 1 else ev

    def _asserted(self, r: Reading) -> bool:
        """Whether the text says the event happened or is to happen."""
        for t in {r.anchor, *r.triggers} - {None}:
            m = t._.modality or "asserted"
            if m == "negated":
                return False
            if m == "hypothetical" and not self._reported_plan(t):
                return False
        if r.anchor is not None and r.anchor.lemma_.lower() in self.words.get("member_verb", ()):
            return False                        # "joined the forum": a membership, not a meeting
        return True

    def _reported_plan(self, t: Token) -> bool:
        """ "said X would visit": a plan reported, not a supposition."""
        if not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in t.children):
            return False
        cur = t
        while cur.dep_ in ("xcomp", "conj") and cur.head is not cur:
            cur = cur.head
        return cur.dep_ == "ccomp" and cur.head.lemma_.lower() in self.words.get("report", ())

    def _visit_ok(self, r: Reading) -> bool:
        """A visitor is never the state visited, nor one of its office-holders or organs."""
        hosts = set(r.hosts)
        codes = {self.codes.get(h.label, h.label) for h in hosts}
        keep = []
        for v in r.visitors:
            if v in hosts or self.states.get(v, set()) & hosts:
                continue
            if v.type == "Institution" and self.reader.country_of(v) in hosts:
                continue                        # a state's own body
            if v.type == "Person" and self.officeholders is not None:
                # a former office-holder does not visit his own country either
                if any(t.state in codes for t in self.officeholders.terms(v.label)):
                    continue
            keep.append(v)
        r.visitors = keep
        return bool(keep)

    def finish(self) -> List[EventFinding]:
        """The findings of the Doc, once every sentence is read."""
        visitors = {v for ev in self.events if ev.reading.kind == "StateVisit" for v in ev.reading.visitors}
        out: List[EventFinding] = []
        last_meeting: Dict[Ref, List[Ref]] = {}
        for ev in self.events:
            r = ev.reading
            if r.kind == "StateVisit":
                out.append(EventFinding(ev.sentence, "StateVisit", visitors=tuple(r.visitors),
                                        hosts=tuple(r.hosts), start_date=ev.start, end_date=ev.end,
                                        location=ev.location or (r.hosts[0] if len(r.hosts) == 1 else None)))
                continue
            people = r.actors()
            # "the India-Japan dialogue of X and Y": the states of those named add nothing
            homes = set().union(*(self.home.get(p, set()) for p in people))
            people = [p for p in people if p not in homes]
            if r.kind == "Conference":
                if any(c.lower_ in self.words.get("joint", ()) for c in r.token.children):
                    for p in list(people):
                        people += [q for q in last_meeting.get(p, ()) if q not in people]
                # one no one is said to attend is an event when it has a date ("the SCO summit in
                # Astana in July"), not a body that acts or is named ("the Forum of Banks appoints",
                # "at the invitation of the Bishops' Conference")
                if not people and (not (ev.date or ev.start) or not ev.name or self.reader.in_body(r.token)
                                   or r.token.dep_ == "nsubj"
                                   and r.token.head.lemma_.lower() not in self.words.get("event_verb", ())):
                    continue
                if r.token.tag_ in ("NNS", "NNPS") and not ev.name:
                    continue                    # "at numerous forums": no one event
            for group in (separate(r, self.words) if r.kind == "Meeting" else [people]):
                if r.kind == "Meeting":
                    for p in group:
                        last_meeting[p] = group
                out.append(EventFinding(ev.sentence, r.kind, participants=tuple(group), date=ev.date,
                                        start_date=ev.start, end_date=ev.end, location=ev.location,
                                        name=ev.name, within_visit=r.kind == "Meeting" and bool(visitors & set(group))))
        return out


def _same_word(a: Token, b: Token) -> bool:
    """Whether two triggers are the same word ("the Conference", "the conference")."""
    return a.lemma_.lower() == b.lemma_.lower()
