"""The graph model: the only place where resources are minted and provenance is attached.

Findings come in (already resolved to canonical :class:`~kg.findings.Ref` s); triples come
out, sorted, so that the same input always gives the same bytes. IRIs are deterministic:
entities get a slug of their canonical label, events, relationships and observations a slug
of their key fields, articles one of their content id (ONTOLOGY.md, Namespaces).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from decimal import Decimal
from typing import Dict, Iterable, List, Optional, Set, Tuple

from rdflib.namespace import (DCTERMS as _DCTERMS, OWL as _OWL, PROV as _PROV, RDF as _RDF, RDFS as _RDFS,
                               SKOS as _SKOS, XSD as _XSD, Namespace)

from .articles import Article
from .findings import (AgreementFinding, EventFinding, Fact, Finding, Mention,
                       ObservationFinding, Ref, RelationshipFinding, ref_slug, refs_of, slug)
from .eventmerge import (EventRecord, Provenance, compatible, join_within_visits, merge_reports, more_precise,
                         visit_parts)
from .topics import get_topics
from .triples import TripleTable
from .vocab import DKG as _DKG, DKGR, ONTOLOGY_IRI, PREFIXES

__all__ = ["GraphModel", "slug", "STATUS_ORDER"]



class Terms:
    """A closed namespace whose terms are plain strings, the form a :class:`TripleTable` holds.

    ``DKG.visitor`` is ``"https://w3id.org/diplokg/ontology#visitor"``, and ``DKG[name]`` the same
    for a name that is data (a fact's predicate, a measure); a name the namespace does not
    define raises AttributeError, so a misspelt term fails where it is used (and
    tests/test_ontology.py looks up every DKG attribute the code names).
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> str:
        if name not in self._namespace:
            raise AttributeError(f"term {name!r} not in namespace {str(self._namespace)!r}")
        term = str(self._namespace[name])
        setattr(self, name, term)       # the next look-up is a plain attribute
        return term

    def __contains__(self, name: str) -> bool:
        return name in self._namespace


RDF, RDFS, SKOS, OWL = Terms(_RDF), Terms(_RDFS), Terms(_SKOS), Terms(_OWL)
XSD, PROV, DCT, DKG = Terms(_XSD), Terms(_PROV), Terms(_DCTERMS), Terms(_DKG)
#: IPTC Media Topics, an open namespace of codes read from the topic vocabulary (data)
IPTC = Namespace("http://cv.iptc.org/newscodes/mediatopic/")
#: new relationship types (a kind of partnership the ontology lacks) are minted as concepts of
#: the dkg: namespace: the one open use of it, see :func:`concept`
NEW_CONCEPTS = Namespace(PREFIXES["dkg"])
#: the datatype of a date by its length: a year, a month, else a day
DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth}


def concept(name: str) -> str:
    """The IRI of a relationship type: the ontology's concept, or a new one (see NEW_CONCEPTS)."""
    return DKG[name] if name in DKG else str(NEW_CONCEPTS[name])


STATUS_ORDER = ("proposed", "planned", "under negotiation", "agreed", "signed", "in force",
                "suspended", "terminated")
# Explicit superclasses, so SPARQL without a reasoner finds every Actor and Event.
SUPERCLASS = {"Person": "Actor", "Country": "Actor", "Institution": "Actor",
              "StateVisit": "Event", "Meeting": "Event", "Conference": "Event"}


class GraphModel:
    """Collects findings from many articles and turns them into sorted RDF triples.

    Args:
        base: the namespace of minted resources (the contract's ``dkgr:`` by default).
    """

    def __init__(self, base: str = str(DKGR)):
        self.base = base
        self.articles: Dict[str, Article] = {}
        self.labels: Dict[Ref, Set[str]] = defaultdict(set)
        # the language of a surface seen only in articles not in English (else it is English)
        self.foreign: Dict[Tuple[Ref, str], str] = {}
        # the articles that name each entity (dkg:mentions)
        self.mentioned: Dict[Ref, Set[str]] = defaultdict(set)
        # where each agreement is named, for those no document finding describes
        self.named_in: Dict[Ref, Provenance] = defaultdict(Provenance)
        self.facts: Dict[Tuple[Ref, str, object], Provenance] = defaultdict(Provenance)
        self.events: List[EventRecord] = []
        self.agreements: Dict[Ref, dict] = {}
        self.relationships: Dict[Tuple[str, frozenset], dict] = {}
        self.observations: Dict[tuple, dict] = {}
        self.concepts: Dict[str, Tuple[str, Optional[str]]] = {}   # new relationship types
        self._iris: Dict[Ref, str] = {}
        self._merged: Optional[List[EventRecord]] = None

    # ----------------------------------------------------------------- input
    def add_article(self, article: Article, findings: Iterable[Finding]) -> None:
        """Take one article's resolved findings."""
        self.articles[article.id] = article
        self._merged = None
        lang = article.language
        for f in findings:
            for ref in refs_of(f):
                if ref.type == "Agreement":
                    self.named_in[ref].add(f)
            if isinstance(f, Mention):
                if lang != "en" and f.surface not in self.labels[f.ref]:
                    self.foreign.setdefault((f.ref, f.surface), lang)
                elif lang == "en":
                    self.foreign.pop((f.ref, f.surface), None)
                self.labels[f.ref].add(f.surface)
                self.mentioned[f.ref].add(article.id)
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
        ev = EventRecord(kind=f.kind, members=members, date=f.date, start_date=f.start_date, end_date=f.end_date)
        ev.participants = self._refs(f.participants + f.visitors + f.hosts)
        ev.visitors, ev.hosts = self._refs(f.visitors), self._refs(f.hosts)
        # a state visit to a country takes place in it, whatever city the text names as well
        hosts = [h for h in f.hosts if h.type == "Country"] if f.kind == "StateVisit" else []
        ev.locations = self._refs(([f.location] if f.location else []) + hosts)
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
                                                 "topics": set(), "date": None, "prov": Provenance()})
        rec["parties"] |= self._refs(f.parties)
        rec["signatories"] |= self._refs(f.signatories)
        rec["topics"] |= self._refs(f.topics)
        if f.status:
            rec["status"].add(f.status)
        rec["date"] = more_precise(rec["date"], f.date)
        rec["prov"].add(f)

    def _add_relationship(self, f: RelationshipFinding) -> None:
        key = (f.rtype, frozenset(f.parties))
        self._refs(f.parties)
        rec = self.relationships.setdefault(key, {"label": f.rlabel, "dates": defaultdict(set),
                                                  "by": set(), "prov": Provenance()})
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
        rec = self.observations.setdefault(key, {"reported_by": set(), "prov": Provenance()})
        self._refs(f.about)
        rec["reported_by"] |= self._refs(f.reported_by)
        rec["prov"].add(f)

    # ----------------------------------------------------------------- events
    def merged_events(self) -> List[EventRecord]:
        """Events after merging the reports of one event (several sentences or articles).

        Reports merge when they have the same kind and the same actors and their dates agree
        (one a prefix of the other). An undated report joins a dated one only when it is the
        only dated report of those actors that the same article, or an article dated within two
        weeks of it, gives: otherwise it stays apart rather than be pinned to a wrong date.
        """
        if self._merged is None:
            _absorb_subsets(self.events)
            groups: Dict[tuple, List[EventRecord]] = defaultdict(list)
            # a meeting is of two sides at least: a report that names one is no meeting node
            for ev in (e for e in self.events if e.kind != "Meeting" or len(e.participants) >= 2):
                groups[(ev.kind, ev.members)].append(ev)
            self._merged = []
            for key in sorted(groups, key=lambda k: (k[0], sorted(k[1]))):
                self._merged.extend(merge_reports(groups[key], self.articles))
            self._merged = join_within_visits(self._merged, self.articles, self.event_iri)
        return self._merged

    # ----------------------------------------------------------------- output
    def iri(self, ref: Ref) -> str:
        """The IRI of an entity: a slug of its canonical label."""
        got = self._iris.get(ref)
        if got is None:
            got = self._iris[ref] = self.base + ref_slug(ref)
        return got

    def article_iri(self, article_id: str) -> str:
        return f"{self.base}article-{article_id}"

    def event_iri(self, ev: EventRecord) -> str:
        parts = [ev.kind, ev.when or "undated"] + sorted(slug(m.replace("name:", "")) for m in ev.members)
        return self.base + slug("-".join(parts))

    def triples(self) -> TripleTable:
        """Every triple of the graph, in a :class:`~kg.triples.TripleTable` (sorted when read)."""
        out = TripleTable()
        add, I, L = out.add, out.iri, out.literal
        en = lambda text: L(text, "en")
        tagged = lambda text, lang: L(text, lang)
        day = lambda value: L(value, datatype=DATE_TYPES.get(len(value), XSD.date))
        a, label, alt = RDF.type, RDFS.label, SKOS.altLabel
        derived, evidence = PROV.wasDerivedFrom, DKG.evidence
        cls = lambda name: I(DKG[name])

        doc = self.base + "graph"
        add(doc, a, I(OWL.Ontology))
        add(doc, OWL.imports, I(str(ONTOLOGY_IRI)))

        def prov(node: str, p: Provenance) -> None:
            for aid, sents in p.sources.items():
                add(node, derived, I(self.article_iri(aid)))
                for s in sents:
                    add(node, evidence, L(s))

        for art in self.articles.values():
            node = self.article_iri(art.id)
            add(node, a, cls("Article"))
            add(node, label, tagged(art.title, art.language))
            add(node, DCT.title, tagged(art.title, art.language))
            add(node, DCT.source, L(art.source))
            if art.date:
                add(node, DCT.date, day(art.date.isoformat()))
            if art.publisher:
                add(node, DCT.publisher, L(art.publisher))
            if art.dateline_place:
                place = Ref("Place", art.dateline_place)
                self._ref(place)
                add(node, DKG.dateline, I(self.iri(place)))

        topics = get_topics()
        for ref, surfaces in self.labels.items():
            node = self.iri(ref)
            add(node, a, cls(ref.type))
            if ref.type == "Topic":
                # a term of the vocabulary, matched to its IPTC Media Topic
                got = topics.find(ref.label)
                if got is not None:
                    add(node, SKOS.broadMatch, I(str(IPTC[got[1].code.split(":", 1)[1]])))
            if ref.type in SUPERCLASS:
                add(node, a, cls(SUPERCLASS[ref.type]))
            add(node, label, tagged(ref.label, self.foreign.get((ref, ref.label), "en")))
            for s in surfaces:
                if s != ref.label:
                    add(node, alt, tagged(s, self.foreign.get((ref, s), "en")))

        # which articles name each entity, so that an entity in no fact is reachable from them
        mentions = DKG.mentions
        for ref, aids in self.mentioned.items():
            node = I(self.iri(ref))
            for aid in aids:
                add(self.article_iri(aid), mentions, node)

        statement = I(RDF.Statement)
        for (s, p, o), pv in self.facts.items():
            s_node = self.iri(s)
            p_iri = DKG[p]
            o_node = I(self.iri(o)) if isinstance(o, Ref) else L(str(o))
            add(s_node, p_iri, o_node)
            for aid, sents in pv.sources.items():
                key = "|".join((s_node, p, o_node, aid))
                st = self.base + "stmt-" + hashlib.sha1(key.encode()).hexdigest()[:16]
                add(st, a, statement)
                add(st, RDF.subject, I(s_node))
                add(st, RDF.predicate, I(p_iri))
                add(st, RDF.object, o_node)
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

        def produced_by(p: Provenance) -> List[str]:
            return sorted({e for aid, sents in p.sources.items() for sent in sents for e in told.get((aid, sent), [])})

        for ev in events:
            node = self.event_iri(ev)
            add(node, a, cls(ev.kind))
            add(node, a, cls("Event"))
            shown = self._event_label(ev)
            add(node, label, en(shown))
            for prop, refs in ((DKG.participant, ev.participants), (DKG.visitor, ev.visitors),
                               (DKG.host, ev.hosts), (DKG.location, ev.locations),
                               (DKG.topic, ev.topics), (DKG.outcome, ev.outcomes)):
                for r in refs:
                    add(node, prop, I(self.iri(r)))
            for prop, value in ((DKG.date, ev.date), (DKG.startDate, ev.start_date), (DKG.endDate, ev.end_date)):
                if value:
                    add(node, prop, day(value))
            for name in ev.names:
                if name != shown:
                    add(node, alt, en(name))
            prov(node, ev.prov)
        for meeting, visit in visit_parts(events, self.articles, self.event_iri):
            add(self.event_iri(meeting), DKG.partOf, I(self.event_iri(visit)))

        for ref, rec in self.agreements.items():
            node = self.iri(ref)
            for prop, key in ((DKG.party, "parties"), (DKG.signatory, "signatories"), (DKG.topic, "topics")):
                for r in rec[key]:
                    add(node, prop, I(self.iri(r)))
            if rec["status"]:
                add(node, DKG.status, L(max(rec["status"], key=STATUS_ORDER.index)))
            if rec["date"]:
                add(node, DKG.date, day(rec["date"]))
            prov(node, rec["prov"])
            if "signed" in rec["status"] or "agreed" in rec["status"]:
                for ev in produced_by(rec["prov"]):
                    add(ev, DKG.outcome, I(node))
        # an agreement only named (a party's document, what established a relationship) is
        # sourced where it is named: every Agreement node carries its evidence
        for ref, pv in self.named_in.items():
            if ref not in self.agreements:
                prov(self.iri(ref), pv)

        for (rtype, parties), rec in self.relationships.items():
            node = self.relationship_iri(rtype, parties)
            add(node, a, cls("Relationship"))
            names = " and ".join(sorted(r.label for r in parties))
            add(node, label, en(f"{rec['label'][:1].upper()}{rec['label'][1:]} between {names}"))
            add(node, DKG.relationshipType, I(concept(rtype)))
            for r in parties:
                add(node, DKG.party, I(self.iri(r)))
            if rec["dates"]:
                add(node, DKG.startDate, day(self._best_date(rec["dates"])))
            for r in rec["by"]:
                add(node, DKG.establishedBy, I(self.iri(r)))
            if rec["dates"]:
                # the event that announced it (only for a dated establishment, not a mention)
                for ev in produced_by(rec["prov"]):
                    add(ev, DKG.outcome, I(node))
                    if not rec["by"]:
                        add(node, DKG.establishedBy, I(ev))
            prov(node, rec["prov"])
        for rtype, (words, broader) in self.concepts.items():
            if rtype in DKG:           # the ontology defines it: the export need not
                continue
            node = concept(rtype)
            add(node, a, I(SKOS.Concept))
            add(node, SKOS.prefLabel, en(words))
            add(node, label, en(words))
            add(node, SKOS.inScheme, I(DKG.RelationshipType))
            if broader:
                add(node, SKOS.broader, I(DKG[broader]))

        for key, rec in self.observations.items():
            measure, period, about, value, unit = key
            node = self.observation_iri(key, rec)
            add(node, a, cls("Observation"))
            add(node, label, en(self._observation_label(key)))
            add(node, DKG.measure, I(DKG[measure]))
            add(node, DKG.value, L(_decimal(value), datatype=XSD.decimal))
            if unit:
                add(node, DKG.unit, L(unit))
            if period:
                add(node, DKG.period, L(period))
            for r in about:
                add(node, DKG.about, I(self.iri(r)))
            for r in rec["reported_by"]:
                add(node, DKG.reportedBy, I(self.iri(r)))
            prov(node, rec["prov"])
        return out

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
            if d.startswith(top[:4]) and compatible(d, top):
                best = more_precise(best, d)
        return best

    @staticmethod
    def _event_label(ev: EventRecord) -> str:
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


def _absorb_subsets(events: List[EventRecord]) -> None:
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


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")
