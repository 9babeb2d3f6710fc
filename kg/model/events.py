"""Events: EventFinding (state visits, meetings, conferences), merged across reports.

Reports of one event (several sentences or articles) become one node; a meeting held during a
state visit is dkg:partOf it; the sentences that report an event tell what it produced.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Dict, List

from ..read.articles import Article
from ..resolve.eventmerge import EventRecord, compatible, join_within_visits, merge_reports, visit_parts
from ..findings import EventFinding, slug
from .terms import DKG, RDF, RDFS, SKOS
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["take_event", "write_events", "merge_events", "told_index", "event_label"]


def take_event(model: "GraphModel", f: EventFinding, article: Article) -> None:
    # a named conference is identified by its name ("the summit" later in the article joins
    # it); other events by who took part
    if f.kind == "Conference" and f.name:
        members = frozenset({"name:" + slug(f.name)})
    else:
        members = frozenset(r.label for r in f.participants + f.visitors + f.hosts)
    ev = EventRecord(kind=f.kind, members=members, date=f.date, start_date=f.start_date, end_date=f.end_date)
    ev.participants = model.add_refs(f.participants + f.visitors + f.hosts)
    ev.visitors, ev.hosts = model.add_refs(f.visitors), model.add_refs(f.hosts)
    # a state visit to a country takes place in it, whatever city the text names as well
    hosts = [h for h in f.hosts if h.type == "Country"] if f.kind == "StateVisit" else []
    ev.locations = model.add_refs(([f.location] if f.location else []) + hosts)
    ev.topics, ev.outcomes = model.add_refs(f.topics), model.add_refs(f.outcomes)
    ev.names = {f.name} if f.name else set()
    if f.within_visit:
        ev.within_visit.add(f.sentence.article_id)
    ev.prov.add(f)
    model.events.append(ev)


def write_events(model: "GraphModel", w: Writer) -> None:
    """Each merged event: its classes, label, actors, place, topics, outcomes, dates, sources."""
    add, I, en, day = w.add, w.I, w.en, w.day
    events = model.merged_events()
    for ev in events:
        node = model.event_iri(ev)
        add(node, RDF.type, I(DKG[ev.kind]))
        add(node, RDF.type, I(DKG.Event))
        shown = event_label(ev)
        add(node, RDFS.label, en(shown))
        for prop, refs in ((DKG.participant, ev.participants), (DKG.visitor, ev.visitors),
                           (DKG.host, ev.hosts), (DKG.location, ev.locations),
                           (DKG.topic, ev.topics), (DKG.outcome, ev.outcomes)):
            w.refs(node, prop, refs)
        for prop, value in ((DKG.date, ev.date), (DKG.startDate, ev.start_date), (DKG.endDate, ev.end_date)):
            if value:
                add(node, prop, day(value))
        for name in ev.names:
            if name != shown:
                add(node, SKOS.altLabel, en(name))
        w.prov(node, ev.prov)
    for meeting, visit in visit_parts(events, model.articles, model.event_iri):
        add(model.event_iri(meeting), DKG.partOf, I(model.event_iri(visit)))


def merge_events(events: List[EventRecord], articles: Dict[str, Article],
                 event_iri: Callable[[EventRecord], str]) -> List[EventRecord]:
    """Events after merging the reports of one event (see GraphModel.merged_events)."""
    absorb_subsets(events)
    groups: Dict[tuple, List[EventRecord]] = defaultdict(list)
    # a meeting is of two sides at least: a report that names one is no meeting node
    for ev in (e for e in events if e.kind != "Meeting" or len(e.participants) >= 2):
        groups[(ev.kind, ev.members)].append(ev)
    merged: List[EventRecord] = []
    for key in sorted(groups, key=lambda k: (k[0], sorted(k[1]))):
        merged.extend(merge_reports(groups[key], articles))
    return join_within_visits(merged, articles, event_iri)


def told_index(events: List[EventRecord], event_iri: Callable[[EventRecord], str]) -> Dict[tuple, List[str]]:
    """(article id, sentence) -> the IRIs of the events that sentence reports: what an event
    produced is what the same article's same sentence tells of (documents signed, relationships
    announced)."""
    told: Dict[tuple, List[str]] = defaultdict(list)
    for ev in events:
        if ev.kind in ("Meeting", "Conference", "StateVisit"):
            iri = event_iri(ev)
            for aid, sents in ev.prov.sources.items():
                for sent in sents:
                    told[(aid, sent)].append(iri)
    return told


def event_label(ev: EventRecord) -> str:
    if ev.names:
        return sorted(ev.names, key=lambda n: (-len(n), n))[0]
    who = " and ".join(sorted(r.label for r in (ev.visitors or ev.participants)))
    when = f", {ev.when}" if ev.when else ""
    if ev.kind == "StateVisit":
        to = " and ".join(sorted(r.label for r in ev.hosts))
        return f"State visit of {who} to {to}{when}" if to else f"State visit of {who}{when}"
    noun = {"Meeting": "Meeting", "Conference": "Conference"}[ev.kind]
    return f"{noun} of {who}{when}" if who else f"{noun}{when}"


def absorb_subsets(events: List[EventRecord]) -> None:
    """A meeting an article reports twice, once with fewer of its participants ("A met B" and
    "A, B and C held talks"), on compatible dates, is one meeting: the smaller report takes
    the larger one's participants when exactly one larger report of that article fits."""
    by_article: Dict[tuple, List[EventRecord]] = defaultdict(list)
    for ev in events:
        if ev.kind == "Meeting" and len(ev.prov.sources) == 1:
            by_article[next(iter(ev.prov.sources))].append(ev)
    for reports in by_article.values():
        if len(reports) < 2:
            continue
        for ev in reports:
            bigger = {r.members for r in reports if ev.members < r.members and compatible(ev.when, r.when)}
            tops = {m for m in bigger if not any(m < other for other in bigger)}
            if len(tops) == 1:
                top = tops.pop()
                donor = next(r for r in reports if r.members == top)
                ev.members = top
                ev.participants = ev.participants | donor.participants
