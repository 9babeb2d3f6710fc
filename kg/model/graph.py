"""The graph model: the only place where resources are minted and provenance is attached.

Findings come in (already resolved to canonical :class:`~kg.findings.Ref` s) and are filed by
kind (:data:`~kg.model.kinds.KINDS`); triples come out, sorted, so that the same input always
gives the same bytes. IRIs are deterministic: entities get a slug of their canonical label,
events, relationships and observations a slug of their key fields, articles one of their
content id (ONTOLOGY.md, Namespaces).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Set, Tuple

from ..read.articles import Article
from ..resolve.eventmerge import EventRecord, Provenance
from ..findings import Finding, Ref, ref_slug, refs_of, slug
from .triples import TripleTable
from ..vocab import DKGR
from .events import merge_events, told_index
from .kinds import GRAPH_WRITERS, KINDS, LINK_WRITERS
from .writer import Writer, decimal_text

__all__ = ["GraphModel"]


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
        self._told: Optional[Dict[tuple, List[str]]] = None

    # ----------------------------------------------------------------- input
    def add_article(self, article: Article, findings: Iterable[Finding]) -> None:
        """Take one article's resolved findings, each by the row of its kind in KINDS."""
        self.articles[article.id] = article
        self._merged = self._told = None
        if article.dateline_place:
            self.add_ref(Ref("Place", article.dateline_place))
        for f in findings:
            for ref in refs_of(f):
                if ref.type == "Agreement":
                    self.named_in[ref].add(f)
            kind = KINDS.get(type(f))
            if kind is None:
                raise TypeError(f"no row of kg.model.kinds.KINDS for {type(f).__name__}")
            kind.take(self, f, article)

    def add_ref(self, ref: Ref) -> None:
        """An entity of the graph, whether or not a mention names it."""
        self.labels.setdefault(ref, set())

    def add_refs(self, refs: Iterable[Ref]) -> Set[Ref]:
        out = set(refs)
        for r in out:
            self.add_ref(r)
        return out

    # ----------------------------------------------------------------- events
    def merged_events(self) -> List[EventRecord]:
        """Events after merging the reports of one event (several sentences or articles).

        Reports merge when they have the same kind and the same actors and their dates agree
        (one a prefix of the other). An undated report joins a dated one only when it is the
        only dated report of those actors that the same article, or an article dated within two
        weeks of it, gives: otherwise it stays apart rather than be pinned to a wrong date.
        """
        if self._merged is None:
            self._merged = merge_events(self.events, self.articles, self.event_iri)
        return self._merged

    def produced_by(self, p: Provenance) -> List[str]:
        """The events reported in the sentences that report this (what they produced), sorted."""
        if self._told is None:
            self._told = told_index(self.merged_events(), self.event_iri)
        told = self._told
        return sorted({e for aid, sents in p.sources.items() for sent in sents for e in told.get((aid, sent), [])})

    # ----------------------------------------------------------------- IRIs
    def iri(self, ref: Ref) -> str:
        """The IRI of an entity: a slug of its canonical label."""
        got = self._iris.get(ref)
        if got is None:
            got = self._iris[ref] = self.base + ref_slug(ref)
        return got

    def graph_iri(self) -> str:
        return self.base + "graph"

    def article_iri(self, article_id: str) -> str:
        return f"{self.base}article-{article_id}"

    def event_iri(self, ev: EventRecord) -> str:
        parts = [ev.kind, ev.when or "undated"] + sorted(slug(m.replace("name:", "")) for m in ev.members)
        return self.base + slug("-".join(parts))

    def statement_iri(self, s_node: str, predicate: str, o_node: str, article_id: str) -> str:
        """The rdf:Statement of a fact as one article gives it."""
        key = "|".join((s_node, predicate, o_node, article_id))
        return self.base + "stmt-" + hashlib.sha1(key.encode()).hexdigest()[:16]

    def relationship_iri(self, rtype: str, parties: frozenset) -> str:
        return self.base + slug("-".join(["relationship", rtype] + sorted(r.label for r in parties)))

    def observation_iri(self, key: tuple) -> str:
        measure, period, about, value, unit = key
        parts = [measure, period or "undated"] + sorted(r.label for r in about)
        digest = hashlib.sha1(f"{decimal_text(value)}|{unit}".encode()).hexdigest()[:8]
        return self.base + slug("-".join(["obs"] + parts + [digest]))

    # ----------------------------------------------------------------- output
    def triples(self, links: bool = True) -> TripleTable:
        """Every triple of the graph, in a :class:`~kg.model.triples.TripleTable` (sorted when read).

        The graph's node and articles, then each kind's records by its row of KINDS, then (with
        ``links``) ``owl:sameAs`` to Wikidata for the entities where the identifier is certain.
        """
        out = TripleTable()
        w = Writer(self, out)
        for write in GRAPH_WRITERS:
            write(self, w)
        for kind in KINDS.values():
            kind.write(self, w)
        if links:
            for write in LINK_WRITERS:
                write(self, w)
        return out
