"""The table of finding kinds: how the model takes each kind of finding, and writes what it gathered.

Adding a kind of finding is one ``take`` function (file the finding in the model's records),
one ``write`` function (the records to triples) and one row of :data:`KINDS`, plus its test;
tests/test_model.py fails for a Finding class of kg.findings without a row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Dict, Tuple, Type

from ..read.articles import Article
from ..findings import (AgreementFinding, EventFinding, Fact, Finding, Mention, ObservationFinding,
                        RelationshipFinding, RoleMention)
from .agreements import take_agreement, write_agreements
from .entities import (take_fact, take_mention, take_role_mention, write_entities, write_facts, write_links,
                       write_nothing)
from .events import take_event, write_events
from .observations import take_observation, write_observations
from .relationships import take_relationship, write_relationships
from .sources import write_articles, write_header
from .writer import Writer

if TYPE_CHECKING:
    from .graph import GraphModel

__all__ = ["Kind", "KINDS", "GRAPH_WRITERS", "LINK_WRITERS"]

Write = Callable[["GraphModel", Writer], None]


@dataclass(frozen=True)
class Kind:
    """One kind of finding: ``take(model, finding, article)`` files one finding of an article;
    ``write(model, writer)`` writes the triples of everything filed."""

    take: Callable[["GraphModel", Finding, Article], None]
    write: Write


#: finding class -> how the model takes and writes it
KINDS: Dict[Type[Finding], Kind] = {
    Mention: Kind(take_mention, write_entities),            # entities, labels, dkg:mentions
    Fact: Kind(take_fact, write_facts),                     # positions, stances, memberships ...
    RoleMention: Kind(take_role_mention, write_nothing),    # resolved into facts before the model
    EventFinding: Kind(take_event, write_events),
    AgreementFinding: Kind(take_agreement, write_agreements),
    RelationshipFinding: Kind(take_relationship, write_relationships),
    ObservationFinding: Kind(take_observation, write_observations),
}

#: what the graph holds besides findings: its own node and the articles
GRAPH_WRITERS: Tuple[Write, ...] = (write_header, write_articles)
#: written last, from every entity of the graph: owl:sameAs to Wikidata
LINK_WRITERS: Tuple[Write, ...] = (write_links,)
