"""Reports of events become events: the merging rules the graph model applies.

Several sentences and articles report the same talks or visit, each with what it knows (a
day, a month, nothing). Reports of the same kind and the same actors merge when their dates
agree (one a prefix of the other); an undated report joins a dated event only when that is
the one dated event near it (the same article, or an article dated within two weeks), and
otherwise stays apart rather than be pinned to a wrong date. A meeting held during a state
visit is part of it.

Every step goes through indexes (date prefixes, articles, days), so a report is compared
with the few events it could belong to, never with every event of the same actors.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Set, Tuple

from ..read.articles import Article
from ..findings import Finding, Ref

__all__ = ["NEAR_DAYS", "VISIT_DAYS", "Provenance", "EventRecord", "compatible", "more_precise",
           "merge_reports", "near", "during", "visit_parts", "join_within_visits", "copy_event", "merge_into"]

#: an undated report and a dated event are near when an article of the one is dated this
#: many days or fewer from the other
NEAR_DAYS = 14
#: a state visit whose end the text does not give is taken to last at most this many days
VISIT_DAYS = 7


def more_precise(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """The more precise of two compatible dates (one a prefix of the other); ``a`` on conflict."""
    if not a:
        return b
    if not b:
        return a
    if b.startswith(a) and len(b) > len(a):
        return b
    return a


def compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two ISO dates can be the same time: either missing, or one a prefix of the other."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def parse_day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@dataclass
class Provenance:
    """Articles and sentences a node was read from."""

    sources: Dict[str, Set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, finding: Finding) -> None:
        self.sources[finding.sentence.article_id].add(finding.sentence.text)


@dataclass
class EventRecord:
    """A report of an event, or the event several reports make."""

    kind: str
    members: frozenset
    date: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    participants: Set[Ref] = field(default_factory=set)
    visitors: Set[Ref] = field(default_factory=set)
    hosts: Set[Ref] = field(default_factory=set)
    locations: Set[Ref] = field(default_factory=set)
    topics: Set[Ref] = field(default_factory=set)
    outcomes: Set[Ref] = field(default_factory=set)
    names: Set[str] = field(default_factory=set)
    within_visit: Set[str] = field(default_factory=set)     # article ids
    prov: Provenance = field(default_factory=Provenance)

    @property
    def when(self) -> Optional[str]:
        return self.date or self.start_date


def merge_into(into: EventRecord, ev: EventRecord) -> None:
    """Add what ``ev`` says to ``into``: the more precise dates, every actor, place and source."""
    into.date = more_precise(into.date, ev.date)
    into.start_date = more_precise(into.start_date, ev.start_date)
    into.end_date = more_precise(into.end_date, ev.end_date)
    for name in ("participants", "visitors", "hosts", "locations", "topics", "outcomes",
                 "names", "within_visit"):
        getattr(into, name).update(getattr(ev, name))
    for aid, sents in ev.prov.sources.items():
        into.prov.sources[aid] |= sents


def copy_event(ev: EventRecord) -> EventRecord:
    new = EventRecord(kind=ev.kind, members=ev.members)
    merge_into(new, ev)
    return new


def near(dated: EventRecord, ev: EventRecord, articles: Mapping[str, Article], same_article: bool = True) -> bool:
    """Whether ``dated`` could be the event ``ev`` reports: one article reports both (unless
    ``same_article`` is False), or an article of ``ev`` is dated within :data:`NEAR_DAYS`."""
    mine = set(ev.prov.sources)
    if same_article and mine & set(dated.prov.sources):
        return True
    for aid in mine:
        ref = articles[aid].reference_date if aid in articles else None
        when = dated.when or ""
        if ref and len(when) == 10 and abs((ref - parse_day(when)).days) <= NEAR_DAYS:
            return True
    return False


class _Clusters:
    """The events being made from one group of reports, indexed for :func:`merge_reports`."""

    def __init__(self) -> None:
        self.events: List[EventRecord] = []
        self._starts: Dict[str, List[int]] = defaultdict(list)     # every prefix of an event's date
        self._exact: Dict[str, List[int]] = defaultdict(list)      # an event's date
        self._days: Dict[str, List[int]] = defaultdict(list)       # a day-precise date
        self._articles: Dict[str, List[int]] = defaultdict(list)   # an article reporting it
        self._indexed: List[Set[str]] = []                          # dates and articles indexed, per event

    def __getitem__(self, i: int) -> EventRecord:
        return self.events[i]

    def add(self, ev: EventRecord) -> None:
        self.events.append(ev)
        self._indexed.append(set())
        self._index(len(self.events) - 1)

    def merge(self, i: int, report: EventRecord) -> None:
        merge_into(self.events[i], report)
        self._index(i)

    def _index(self, i: int) -> None:
        # entries are only ever added: one that no longer holds (a date made less precise by a
        # merge) is filtered out by the caller's check of compatibility or nearness
        ev, done = self.events[i], self._indexed[i]
        when = ev.when or ""
        if when and "date:" + when not in done:
            done.add("date:" + when)
            for k in range(1, len(when) + 1):
                if "start:" + when[:k] not in done:
                    done.add("start:" + when[:k])
                    self._starts[when[:k]].append(i)
            self._exact[when].append(i)
            if len(when) == 10:
                self._days[when].append(i)
        for aid in ev.prov.sources:
            if "article:" + aid not in done:
                done.add("article:" + aid)
                self._articles[aid].append(i)

    def first_compatible(self, when: str) -> Optional[int]:
        """The first event whose date is compatible with ``when`` (one a prefix of the other)."""
        # each list holds event numbers in ascending order: its first match is its least
        best = next((i for i in self._starts.get(when, ()) if compatible(self.events[i].when, when)), None)
        for k in range(1, len(when)):
            for i in self._exact.get(when[:k], ()):
                if best is not None and i >= best:
                    break
                if compatible(self.events[i].when, when):
                    best = i
                    break
        return best

    def near_candidates(self, ev: EventRecord, articles: Mapping[str, Article]) -> List[int]:
        """The events that could be near ``ev`` (same article, or dated within two weeks of one
        of its articles), in the order they were made; the caller checks each."""
        found: Set[int] = set()
        for aid in ev.prov.sources:
            found.update(self._articles.get(aid, ()))
            ref = articles[aid].reference_date if aid in articles else None
            if ref:
                for k in range(-NEAR_DAYS, NEAR_DAYS + 1):
                    found.update(self._days.get((ref + datetime.timedelta(days=k)).isoformat(), ()))
        return sorted(found)


def merge_reports(reports: List[EventRecord], articles: Mapping[str, Article]) -> List[EventRecord]:
    """The events that reports of the same kind and actors make.

    Reports are taken most precise date first; each joins the first event (in the order they
    were made) whose date is compatible with its own. Undated reports follow (see the module).
    """
    reports = sorted(reports, key=lambda e: (-len(e.when or ""), e.when or "", sorted(e.prov.sources)))
    clusters = _Clusters()
    undated: List[EventRecord] = []
    for ev in reports:
        if not ev.when:
            undated.append(ev)
            continue
        home = clusters.first_compatible(ev.when)
        if home is None:
            clusters.add(copy_event(ev))
        else:
            clusters.merge(home, ev)
    loose: Optional[EventRecord] = None
    for ev in undated:
        found = [i for i in clusters.near_candidates(ev, articles) if near(clusters[i], ev, articles)]
        if len(found) == 1:
            clusters.merge(found[0], ev)
        elif loose is None:
            loose = copy_event(ev)
        else:
            merge_into(loose, ev)
    return clusters.events + ([loose] if loose else [])


def during(visit: EventRecord, ev: EventRecord) -> bool:
    """Whether ``ev`` can fall within ``visit``: dates compatible, or its day between the
    visit's first and last day (the first plus :data:`VISIT_DAYS` - 1 when no end is given)."""
    if compatible(visit.when, ev.when):
        return True
    first, day = visit.start_date or visit.date, ev.when
    if not (first and day and len(first) == 10 and len(day) == 10):
        return False
    first_day = parse_day(first)
    last = visit.end_date
    last_day = parse_day(last) if last and len(last) == 10 else first_day + datetime.timedelta(days=VISIT_DAYS - 1)
    return first_day <= parse_day(day) <= last_day


def visit_parts(events: List[EventRecord], articles: Mapping[str, Article],
                key: Callable[[EventRecord], str]) -> List[Tuple[EventRecord, EventRecord]]:
    """(meeting, state visit) for each meeting held during a visit reported in the same article.

    The visit must share a visitor with the meeting and a date with it (:func:`during`). An
    undated meeting goes with the visit only when that is the one such visit its articles
    report or, among several (an article recalling earlier visits), the one dated within two
    weeks of the article, or undated (the news, not a visit it recalls). Visits are indexed by
    article; ``key`` (the IRI) orders the result and tells visits apart.
    """
    by_article: Dict[str, List[EventRecord]] = defaultdict(list)
    for visit in events:
        if visit.kind == "StateVisit":
            for aid in visit.prov.sources:
                by_article[aid].append(visit)
    out: List[Tuple[EventRecord, EventRecord]] = []
    for ev in events:
        if ev.kind != "Meeting" or not ev.within_visit:
            continue
        seen: Dict[str, EventRecord] = {}
        for aid in sorted(ev.within_visit):
            for visit in by_article.get(aid, ()):
                if visit.visitors & ev.participants and during(visit, ev):
                    seen.setdefault(key(visit), visit)
        if not ev.when and len(seen) > 1:
            # the visit an article reports as news is undated or dated near the article;
            # the others are visits it recalls ("his visits in 2014 and 2015")
            seen = {k: v for k, v in seen.items() if not v.when or near(v, ev, articles, same_article=False)}
            if len(seen) > 1:
                continue
        out += [(ev, seen[k]) for k in sorted(seen)]
    return out


def join_within_visits(events: List[EventRecord], articles: Mapping[str, Article],
                       key: Callable[[EventRecord], str]) -> List[EventRecord]:
    """An undated report of a meeting joins the one dated meeting of the same people held
    during the same state visit (one article dates the talks, another only says they were
    held during the visit), unless the two are placed apart. Returns the events left."""
    by_visit: Dict[str, List[EventRecord]] = defaultdict(list)
    for meeting, visit in visit_parts(events, articles, key):
        by_visit[key(visit)].append(meeting)
    gone: Set[int] = set()
    for vkey in sorted(by_visit):
        meetings = by_visit[vkey]
        for ev in meetings:
            if ev.when or id(ev) in gone:
                continue
            dated = [d for d in meetings if d.when and d.members == ev.members and id(d) not in gone
                     and (not d.locations or not ev.locations or d.locations & ev.locations)]
            if len(dated) == 1:
                merge_into(dated[0], ev)
                gone.add(id(ev))
    return [e for e in events if id(e) not in gone]
