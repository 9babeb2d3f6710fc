"""The graph model: the only place where resources are minted and provenance is attached.

Findings come in (already resolved to canonical :class:`~kg.findings.Ref` s); triples come
out, sorted, so that the same input always gives the same bytes. IRIs are deterministic:
entities get a slug of their canonical label, events, relationships and observations a slug
of their key fields, articles one of their content id (ONTOLOGY.md, Namespaces).
"""
from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, Iterable, List, Optional, Set, Tuple

from .articles import Article
from .findings import (AgreementFinding, EventFinding, Fact, Finding, Mention,
                       ObservationFinding, Ref, RelationshipFinding)
from .triples import TripleTable
from .vocab import DKG, DKGR, ONTOLOGY_IRI

__all__ = ["GraphModel", "slug", "STATUS_ORDER"]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
DKG_NS = str(DKG)

STATUS_ORDER = ("proposed", "planned", "under negotiation", "agreed", "signed", "in force",
                "suspended", "terminated")
# Explicit superclasses, so SPARQL without a reasoner finds every Actor and Event.
SUPERCLASS = {"Person": "Actor", "Country": "Actor", "Institution": "Actor",
              "StateVisit": "Event", "Meeting": "Event", "Conference": "Event"}
#: an undated report and a dated event are near when an article of the one is dated this
#: many days or fewer from the other
NEAR_DAYS = 14
#: a state visit whose end the text does not give is taken to last at most this many days
VISIT_DAYS = 7
# Entity slugs are bare ("dkgr:azerbaijan"); topics are common words, kept apart by a prefix.
SLUG_PREFIX = {"Topic": "topic-"}


def slug(text: str) -> str:
    """A lower-case ASCII slug: ``"Chargé d'Affaires of China"`` -> ``chargé``-free ``charge-d-affaires-of-china``.

    >>> slug("National People's Congress")
    'national-peoples-congress'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def _more_precise(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """The more precise of two compatible dates (one a prefix of the other); ``a`` on conflict."""
    if not a:
        return b
    if not b:
        return a
    if b.startswith(a) and len(b) > len(a):
        return b
    return a


def _compatible(a: Optional[str], b: Optional[str]) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


@dataclass
class _Prov:
    """Articles and sentences a node was read from."""

    sources: Dict[str, Set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, finding: Finding) -> None:
        self.sources[finding.sentence.article_id].add(finding.sentence.text)


@dataclass
class _Event:
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
    prov: _Prov = field(default_factory=_Prov)

    @property
    def when(self) -> Optional[str]:
        return self.date or self.start_date


class _Clusters:
    """The events being made from one group of reports, indexed for :meth:`GraphModel._merge_reports`."""

    def __init__(self) -> None:
        self.events: List[_Event] = []
        self._starts: Dict[str, List[int]] = defaultdict(list)     # every prefix of an event's date
        self._exact: Dict[str, List[int]] = defaultdict(list)      # an event's date
        self._days: Dict[str, List[int]] = defaultdict(list)       # a day-precise date
        self._articles: Dict[str, List[int]] = defaultdict(list)   # an article reporting it
        self._indexed: List[Set[str]] = []                          # dates and articles indexed, per event

    def __getitem__(self, i: int) -> _Event:
        return self.events[i]

    def add(self, ev: _Event) -> None:
        self.events.append(ev)
        self._indexed.append(set())
        self._index(len(self.events) - 1)

    def merge(self, i: int, report: _Event) -> None:
        GraphModel._merge(self.events[i], report)
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
        best = next((i for i in self._starts.get(when, ()) if _compatible(self.events[i].when, when)), None)
        for k in range(1, len(when)):
            for i in self._exact.get(when[:k], ()):
                if best is not None and i >= best:
                    break
                if _compatible(self.events[i].when, when):
                    best = i
                    break
        return best

    def near_candidates(self, ev: _Event, articles: Dict[str, Article]) -> List[int]:
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


class GraphModel:
    """Collects findings from many articles and turns them into sorted RDF triples.

    Args:
        base: the namespace of minted resources (the contract's ``dkgr:`` by default).
    """

    def __init__(self, base: str = str(DKGR)):
        self.base = base
        self.articles: Dict[str, Article] = {}
        self.labels: Dict[Ref, Set[str]] = defaultdict(set)
        self.facts: Dict[Tuple[Ref, str, object], _Prov] = defaultdict(_Prov)
        self.events: List[_Event] = []
        self.agreements: Dict[Ref, dict] = {}
        self.relationships: Dict[Tuple[str, frozenset], dict] = {}
        self.observations: Dict[tuple, dict] = {}
        self.concepts: Dict[str, Tuple[str, Optional[str]]] = {}   # new relationship types
        self._iris: Dict[Ref, str] = {}
        self._merged: Optional[List[_Event]] = None

    # ----------------------------------------------------------------- input
    def add_article(self, article: Article, findings: Iterable[Finding]) -> None:
        """Take one article's resolved findings."""
        self.articles[article.id] = article
        self._merged = None
        for f in findings:
            if isinstance(f, Mention):
                self.labels[f.ref].add(f.surface)
            elif isinstance(f, Fact):
                self._ref(f.subject)
                if isinstance(f.object, Ref):
                    self._ref(f.object)
                self.facts[(f.subject, f.predicate, f.object)].add(f)
            elif isinstance(f, EventFinding):
                self._add_event(f)
            elif isinstance(f, AgreementFinding):
                self._add_agreement(f)
            elif isinstance(f, RelationshipFinding):
                self._add_relationship(f)
            elif isinstance(f, ObservationFinding):
                self._add_observation(f)

    def _ref(self, ref: Ref) -> None:
        self.labels.setdefault(ref, set())

    def _refs(self, refs: Iterable[Ref]) -> Set[Ref]:
        out = set(refs)
        for r in out:
            self._ref(r)
        return out

    def _add_event(self, f: EventFinding) -> None:
        # a named conference is identified by its name ("the summit" later in the article joins
        # it); other events by who took part
        if f.kind == "Conference" and f.name:
            members = frozenset({"name:" + slug(f.name)})
        else:
            members = frozenset(r.label for r in f.participants + f.visitors + f.hosts)
        ev = _Event(kind=f.kind, members=members, date=f.date, start_date=f.start_date, end_date=f.end_date)
        ev.participants = self._refs(f.participants + f.visitors + f.hosts)
        ev.visitors, ev.hosts = self._refs(f.visitors), self._refs(f.hosts)
        ev.locations = self._refs([f.location] if f.location else [])
        ev.topics, ev.outcomes = self._refs(f.topics), self._refs(f.outcomes)
        ev.names = {f.name} if f.name else set()
        if f.within_visit:
            ev.within_visit.add(f.sentence.article_id)
        ev.prov.add(f)
        self.events.append(ev)

    def _add_agreement(self, f: AgreementFinding) -> None:
        self._ref(f.ref)
        if f.surface:
            self.labels[f.ref].add(f.surface)
        rec = self.agreements.setdefault(f.ref, {"parties": set(), "signatories": set(), "status": set(),
                                                 "topics": set(), "date": None, "prov": _Prov()})
        rec["parties"] |= self._refs(f.parties)
        rec["signatories"] |= self._refs(f.signatories)
        rec["topics"] |= self._refs(f.topics)
        if f.status:
            rec["status"].add(f.status)
        rec["date"] = _more_precise(rec["date"], f.date)
        rec["prov"].add(f)

    def _add_relationship(self, f: RelationshipFinding) -> None:
        key = (f.rtype, frozenset(f.parties))
        self._refs(f.parties)
        rec = self.relationships.setdefault(key, {"label": f.rlabel, "dates": defaultdict(set),
                                                  "by": set(), "prov": _Prov()})
        if f.start_date:
            rec["dates"][f.start_date].add(f.sentence.article_id)
        if f.established_by:
            rec["by"].add(f.established_by)
            self._ref(f.established_by)
        if f.broader or f.rtype not in self.concepts:
            self.concepts.setdefault(f.rtype, (f.rlabel, f.broader))
        rec["prov"].add(f)

    def _add_observation(self, f: ObservationFinding) -> None:
        key = (f.measure, f.period, frozenset(f.about), f.value.normalize(), f.unit)
        rec = self.observations.setdefault(key, {"reported_by": set(), "prov": _Prov()})
        self._refs(f.about)
        rec["reported_by"] |= self._refs(f.reported_by)
        rec["prov"].add(f)

    # ----------------------------------------------------------------- events
    def merged_events(self) -> List[_Event]:
        """Events after merging the reports of one event (several sentences or articles).

        Reports merge when they have the same kind and the same actors and their dates agree
        (one a prefix of the other). An undated report joins a dated one only when it is the
        only dated report of those actors that the same article, or an article dated within two
        weeks of it, gives: otherwise it stays apart rather than be pinned to a wrong date.
        """
        if self._merged is None:
            groups: Dict[tuple, List[_Event]] = defaultdict(list)
            for ev in self.events:
                groups[(ev.kind, ev.members)].append(ev)
            self._merged = []
            for key in sorted(groups, key=lambda k: (k[0], sorted(k[1]))):
                self._merged.extend(self._merge_reports(groups[key]))
        return self._merged

    def _merge_reports(self, reports: List[_Event]) -> List[_Event]:
        """The events that reports of the same kind and actors make (see :meth:`merged_events`).

        Reports are taken most precise date first; each joins the first event (in the order
        they were made) whose date is compatible with its own. Events are indexed by their
        dates' prefixes, their articles and their days, so a report is compared with the
        few events it could join, never with all the events of the same actors.
        """
        reports = sorted(reports, key=lambda e: (-len(e.when or ""), e.when or "", sorted(e.prov.sources)))
        clusters = _Clusters()
        undated: List[_Event] = []
        for ev in reports:
            if not ev.when:
                undated.append(ev)
                continue
            home = clusters.first_compatible(ev.when)
            if home is None:
                clusters.add(self._copy(ev))
            else:
                clusters.merge(home, ev)
        loose: Optional[_Event] = None
        for ev in undated:
            near = [i for i in clusters.near_candidates(ev, self.articles) if self._near(clusters[i], ev)]
            if len(near) == 1:
                clusters.merge(near[0], ev)
            elif loose is None:
                loose = self._copy(ev)
            else:
                self._merge(loose, ev)
        return clusters.events + ([loose] if loose else [])

    def _near(self, dated: _Event, ev: _Event, same_article: bool = True) -> bool:
        """Whether ``dated`` could be the event ``ev`` reports: one article reports both
        (unless ``same_article`` is False), or ``ev``'s article is dated within two weeks."""
        mine = set(ev.prov.sources)
        if same_article and mine & set(dated.prov.sources):
            return True
        for aid in mine:
            ref = self.articles[aid].reference_date if aid in self.articles else None
            when = dated.when or ""
            if ref and len(when) == 10 and abs((ref - _parse_day(when)).days) <= NEAR_DAYS:
                return True
        return False

    @staticmethod
    def _copy(ev: _Event) -> _Event:
        new = _Event(kind=ev.kind, members=ev.members)
        GraphModel._merge(new, ev)
        return new

    @staticmethod
    def _merge(into: _Event, ev: _Event) -> None:
        into.date = _more_precise(into.date, ev.date)
        into.start_date = _more_precise(into.start_date, ev.start_date)
        into.end_date = _more_precise(into.end_date, ev.end_date)
        for name in ("participants", "visitors", "hosts", "locations", "topics", "outcomes",
                     "names", "within_visit"):
            getattr(into, name).update(getattr(ev, name))
        for aid, sents in ev.prov.sources.items():
            into.prov.sources[aid] |= sents

    # ----------------------------------------------------------------- output
    def iri(self, ref: Ref) -> str:
        """The IRI of an entity: a slug of its canonical label."""
        got = self._iris.get(ref)
        if got is None:
            got = self._iris[ref] = self.base + SLUG_PREFIX.get(ref.type, "") + slug(ref.label)
        return got

    def article_iri(self, article_id: str) -> str:
        return f"{self.base}article-{article_id}"

    def event_iri(self, ev: _Event) -> str:
        parts = [ev.kind, ev.when or "undated"] + sorted(slug(m.replace("name:", "")) for m in ev.members)
        return self.base + slug("-".join(parts))

    def triples(self) -> TripleTable:
        """Every triple of the graph, in a :class:`~kg.triples.TripleTable` (sorted when read)."""
        out = TripleTable()
        add, I, L = out.add, out.iri, out.literal
        en = lambda text: L(text, "en")
        day = lambda value: L(value, datatype=XSD + {4: "gYear", 7: "gYearMonth"}.get(len(value), "date"))
        a, label, alt = RDF + "type", RDFS + "label", SKOS + "altLabel"
        derived, evidence = PROV + "wasDerivedFrom", DKG_NS + "evidence"
        cls = lambda name: I(DKG_NS + name)

        doc = self.base + "graph"
        add(doc, a, I(OWL + "Ontology"))
        add(doc, OWL + "imports", I(str(ONTOLOGY_IRI)))

        def prov(node: str, p: _Prov) -> None:
            for aid, sents in p.sources.items():
                add(node, derived, I(self.article_iri(aid)))
                for s in sents:
                    add(node, evidence, L(s))

        for art in self.articles.values():
            node = self.article_iri(art.id)
            add(node, a, cls("Article"))
            add(node, label, en(art.title))
            add(node, DCT + "title", en(art.title))
            add(node, DCT + "source", L(art.source))
            if art.date:
                add(node, DCT + "date", day(art.date.isoformat()))
            if art.publisher:
                add(node, DCT + "publisher", L(art.publisher))
            if art.dateline_place:
                place = Ref("Place", art.dateline_place)
                self._ref(place)
                add(node, DKG_NS + "dateline", I(self.iri(place)))

        for ref, surfaces in self.labels.items():
            node = self.iri(ref)
            add(node, a, cls(ref.type))
            if ref.type in SUPERCLASS:
                add(node, a, cls(SUPERCLASS[ref.type]))
            add(node, label, en(ref.label))
            for s in surfaces:
                if s != ref.label:
                    add(node, alt, en(s))

        statement = I(RDF + "Statement")
        for (s, p, o), pv in self.facts.items():
            s_node = self.iri(s)
            p_iri = DKG_NS + p
            o_node = I(self.iri(o)) if isinstance(o, Ref) else L(str(o))
            add(s_node, p_iri, o_node)
            for aid, sents in pv.sources.items():
                key = "|".join((s_node, p, o_node, aid))
                st = self.base + "stmt-" + hashlib.sha1(key.encode()).hexdigest()[:16]
                add(st, a, statement)
                add(st, RDF + "subject", I(s_node))
                add(st, RDF + "predicate", I(p_iri))
                add(st, RDF + "object", o_node)
                add(st, derived, I(self.article_iri(aid)))
                for sent in sents:
                    add(st, evidence, L(sent))

        events = self.merged_events()
        # what an event produced: the documents signed and the relationships announced in the
        # sentences that report it (the same article's same sentence)
        told: Dict[tuple, List[str]] = defaultdict(list)
        for ev in events:
            if ev.kind in ("Meeting", "Conference", "StateVisit"):
                iri = self.event_iri(ev)
                for aid, sents in ev.prov.sources.items():
                    for sent in sents:
                        told[(aid, sent)].append(iri)

        def produced_by(p: _Prov) -> List[str]:
            return sorted({e for aid, sents in p.sources.items() for sent in sents for e in told.get((aid, sent), [])})

        for ev in events:
            node = self.event_iri(ev)
            add(node, a, cls(ev.kind))
            add(node, a, cls("Event"))
            add(node, label, en(self._event_label(ev)))
            for prop, refs in (("participant", ev.participants), ("visitor", ev.visitors),
                               ("host", ev.hosts), ("location", ev.locations),
                               ("topic", ev.topics), ("outcome", ev.outcomes)):
                for r in refs:
                    add(node, DKG_NS + prop, I(self.iri(r)))
            for prop, value in (("date", ev.date), ("startDate", ev.start_date), ("endDate", ev.end_date)):
                if value:
                    add(node, DKG_NS + prop, day(value))
            for name in ev.names:
                if name != self._event_label(ev):
                    add(node, alt, en(name))
            prov(node, ev.prov)
        self._visit_parts(add, events)

        for ref, rec in self.agreements.items():
            node = self.iri(ref)
            for prop, key in (("party", "parties"), ("signatory", "signatories"), ("topic", "topics")):
                for r in rec[key]:
                    add(node, DKG_NS + prop, I(self.iri(r)))
            if rec["status"]:
                add(node, DKG_NS + "status", L(max(rec["status"], key=STATUS_ORDER.index)))
            if rec["date"]:
                add(node, DKG_NS + "date", day(rec["date"]))
            prov(node, rec["prov"])
            if "signed" in rec["status"] or "agreed" in rec["status"]:
                for ev in produced_by(rec["prov"]):
                    add(ev, DKG_NS + "outcome", I(node))

        for (rtype, parties), rec in self.relationships.items():
            node = self.relationship_iri(rtype, parties)
            add(node, a, cls("Relationship"))
            names = " and ".join(sorted(r.label for r in parties))
            add(node, label, en(f"{rec['label'][:1].upper()}{rec['label'][1:]} between {names}"))
            add(node, DKG_NS + "relationshipType", I(DKG_NS + rtype))
            for r in parties:
                add(node, DKG_NS + "party", I(self.iri(r)))
            if rec["dates"]:
                add(node, DKG_NS + "startDate", day(self._best_date(rec["dates"])))
            for r in rec["by"]:
                add(node, DKG_NS + "establishedBy", I(self.iri(r)))
            if rec["dates"]:
                # the event that announced it (only for a dated establishment, not a mention)
                for ev in produced_by(rec["prov"]):
                    add(ev, DKG_NS + "outcome", I(node))
                    if not rec["by"]:
                        add(node, DKG_NS + "establishedBy", I(ev))
            prov(node, rec["prov"])
        for rtype, (words, broader) in self.concepts.items():
            concept = DKG_NS + rtype
            if _in_ontology(rtype):
                continue
            add(concept, a, I(SKOS + "Concept"))
            add(concept, SKOS + "prefLabel", en(words))
            add(concept, label, en(words))
            add(concept, SKOS + "inScheme", cls("RelationshipType"))
            if broader:
                add(concept, SKOS + "broader", I(DKG_NS + broader))

        for key, rec in self.observations.items():
            measure, period, about, value, unit = key
            node = self.observation_iri(key, rec)
            add(node, a, cls("Observation"))
            add(node, label, en(self._observation_label(key)))
            add(node, DKG_NS + "measure", I(DKG_NS + measure))
            add(node, DKG_NS + "value", L(_decimal(value), datatype=XSD + "decimal"))
            if unit:
                add(node, DKG_NS + "unit", L(unit))
            if period:
                add(node, DKG_NS + "period", L(period))
            for r in about:
                add(node, DKG_NS + "about", I(self.iri(r)))
            for r in rec["reported_by"]:
                add(node, DKG_NS + "reportedBy", I(self.iri(r)))
            prov(node, rec["prov"])
        return out

    def _visit_parts(self, add, events) -> None:
        """A meeting held during a state visit reported in the same article is partOf it.

        The visit must share a visitor with the meeting and a date with it. An undated
        meeting goes with the visit only when that is the one such visit its articles report
        or, among several (an article recalling earlier visits), the one dated within two
        weeks of the article, or undated (the news, not a visit it recalls). Visits are
        indexed by article: no meeting is compared with every visit.
        """
        by_article: Dict[str, List[_Event]] = defaultdict(list)
        for visit in events:
            if visit.kind == "StateVisit":
                for aid in visit.prov.sources:
                    by_article[aid].append(visit)
        for ev in events:
            if ev.kind != "Meeting" or not ev.within_visit:
                continue
            seen: Dict[str, _Event] = {}
            for aid in sorted(ev.within_visit):
                for visit in by_article.get(aid, ()):
                    if visit.visitors & ev.participants and _during(visit, ev):
                        seen.setdefault(self.event_iri(visit), visit)
            if not ev.when and len(seen) > 1:
                # the visit an article reports as news is undated or dated near the article;
                # the others are visits it recalls ("his visits in 2014 and 2015")
                seen = {iri: v for iri, v in seen.items() if not v.when or self._near(v, ev, same_article=False)}
                if len(seen) > 1:
                    continue
            for iri in sorted(seen):
                add(self.event_iri(ev), DKG_NS + "partOf", "<" + iri + ">")

    def relationship_iri(self, rtype: str, parties: frozenset) -> str:
        return self.base + slug("-".join(["relationship", rtype] + sorted(r.label for r in parties)))

    def observation_iri(self, key: tuple, rec: dict) -> str:
        measure, period, about, value, unit = key
        parts = [measure, period or "undated"] + sorted(r.label for r in about)
        digest = hashlib.sha1(f"{_decimal(value)}|{unit}".encode()).hexdigest()[:8]
        return self.base + slug("-".join(["obs"] + parts + [digest]))

    @staticmethod
    def _best_date(dates: Dict[str, Set[str]]) -> str:
        """Most articles first; then the most precise date compatible with it."""
        top = sorted(dates, key=lambda d: (-len(dates[d]), d))[0]
        best = top
        for d in sorted(dates, key=lambda d: (-len(d), d)):
            if d.startswith(top[:4]) and _compatible(d, top):
                best = _more_precise(best, d)
        return best

    @staticmethod
    def _event_label(ev: _Event) -> str:
        if ev.names:
            return sorted(ev.names, key=lambda n: (-len(n), n))[0]
        who = " and ".join(sorted(r.label for r in (ev.visitors or ev.participants)))
        when = f", {ev.when}" if ev.when else ""
        if ev.kind == "StateVisit":
            to = " and ".join(sorted(r.label for r in ev.hosts))
            return f"State visit of {who} to {to}{when}" if to else f"State visit of {who}{when}"
        noun = {"Meeting": "Meeting", "Conference": "Conference"}[ev.kind]
        return f"{noun} of {who}{when}" if who else f"{noun}{when}"

    @staticmethod
    def _observation_label(key: tuple) -> str:
        measure, period, about, value, unit = key
        words = re.sub(r"(?<!^)([A-Z])", r" \1", measure).lower()
        where = " and ".join(sorted(r.label for r in about))
        parts = [words[:1].upper() + words[1:]]
        if where:
            parts.append(f"({where})")
        if period:
            parts.append(period)
        parts.append(f": {_decimal(value)}" + (f" {unit}" if unit else ""))
        return " ".join(parts).replace(" :", ":")


def _in_ontology(local: str) -> bool:
    """True when the ontology already defines this concept (then the export need not)."""
    try:
        DKG[local]
    except (AttributeError, KeyError):
        return False
    return True


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _during(visit: _Event, ev: _Event) -> bool:
    """Whether ``ev`` can fall within ``visit``: dates compatible, or its day between the
    visit's first and last day (the first plus :data:`VISIT_DAYS` - 1 when no end is given)."""
    if _compatible(visit.when, ev.when):
        return True
    first, day = visit.start_date or visit.date, ev.when
    if not (first and day and len(first) == 10 and len(day) == 10):
        return False
    first_day = _parse_day(first)
    last = visit.end_date
    last_day = _parse_day(last) if last and len(last) == 10 else first_day + datetime.timedelta(days=VISIT_DAYS - 1)
    return first_day <= _parse_day(day) <= last_day


def _parse_day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)

