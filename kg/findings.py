"""What extractors find: plain values, each holding the sentence it was read from.

Extractors find, the model writes. A finding names entities by :class:`Ref` (type and
canonical label), never by IRI, so that provenance travels with the value and IRIs are
minted in exactly one place (:mod:`kg.model`).
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Optional, Tuple, Union

from .read.articles import Sentence

__all__ = [
    "ENTITY_TYPES", "EVENT_TYPES", "Ref", "Finding", "Mention", "Fact", "RoleMention", "EventFinding",
    "AgreementFinding", "RelationshipFinding", "ObservationFinding", "slug", "ref_slug", "SLUG_PREFIX", "ref_fields",
    "refs_of",
]

#: Classes whose resources are named things (minted from their label).
ENTITY_TYPES = ("Person", "Country", "Institution", "Position", "Place", "Initiative",
                "Agreement", "Topic")
EVENT_TYPES = ("StateVisit", "Meeting", "Conference")


def slug(text: str) -> str:
    """A lower-case ASCII slug: ``"Chargé d'Affaires of China"`` -> ``chargé``-free ``charge-d-affaires-of-china``.

    >>> slug("National People's Congress")
    'national-peoples-congress'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


#: Entity slugs are bare ("azerbaijan"); topics are common words, kept apart by a prefix.
SLUG_PREFIX = {"Topic": "topic-"}


def ref_slug(ref: "Ref") -> str:
    """The slug an entity's IRI ends with: two Refs with one slug are one resource."""
    return SLUG_PREFIX.get(ref.type, "") + slug(ref.label)


@dataclass(frozen=True, order=True)
class Ref:
    """A named thing: its class (a key of ENTITY_TYPES) and its canonical label."""

    type: str
    label: str

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r}")
        if not self.label.strip():
            raise ValueError("empty label")
        # Refs are dictionary keys millions of times in a big build: hash once
        object.__setattr__(self, "_hash", hash((self.type, self.label)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        # the cached hash is not pickled: string hashes differ from process to process
        return Ref, (self.type, self.label)


@dataclass(frozen=True)
class Finding:
    """Base of every finding: the sentence it came from."""

    sentence: Sentence


@dataclass(frozen=True)
class Mention(Finding):
    """A surface form in a sentence that names an entity (``surface`` becomes an altLabel)."""

    ref: Ref
    surface: str
    start: int = -1          # character offsets in the article text, -1 when unknown
    end: int = -1


@dataclass(frozen=True)
class Fact(Finding):
    """A binary fact: ``subject predicate object`` with a dkg property's local name."""

    subject: Ref
    predicate: str
    object: Union[Ref, str]


@dataclass(frozen=True)
class RoleMention(Finding):
    """A person named with a title whose country the article does not give ("Premier Li
    Qiang" in an undated, datelined-nowhere text); resolved across articles, else dropped."""

    person: Ref
    role: str
    surface: str


@dataclass(frozen=True)
class EventFinding(Finding):
    """A state visit, meeting or conference.

    Dates are ISO strings as precise as the text allows: ``2025-04-23``, ``2024-07``, ``2014``.
    """

    kind: str                                   # StateVisit, Meeting or Conference
    participants: Tuple[Ref, ...] = ()
    visitors: Tuple[Ref, ...] = ()
    hosts: Tuple[Ref, ...] = ()
    date: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    location: Optional[Ref] = None
    name: Optional[str] = None                  # a named conference: "SCO Summit"
    topics: Tuple[Ref, ...] = ()
    outcomes: Tuple[Ref, ...] = ()              # agreements it produced
    within_visit: bool = False                  # a meeting held during a state visit in the same article

    def __post_init__(self) -> None:
        if self.kind not in EVENT_TYPES:
            raise ValueError(f"unknown event kind {self.kind!r}")


@dataclass(frozen=True)
class AgreementFinding(Finding):
    """A document: joint statement, declaration, memorandum, treaty or agreement."""

    ref: Ref
    surface: str = ""
    parties: Tuple[Ref, ...] = ()
    signatories: Tuple[Ref, ...] = ()
    status: Optional[str] = None
    topics: Tuple[Ref, ...] = ()
    date: Optional[str] = None


@dataclass(frozen=True)
class RelationshipFinding(Finding):
    """A state of relations between countries (diplomatic relations, a partnership)."""

    rtype: str                                  # concept local name: StrategicPartnership
    rlabel: str                                 # its words: "strategic partnership"
    parties: Tuple[Ref, ...] = ()
    start_date: Optional[str] = None
    established_by: Optional[Ref] = None        # the agreement that established it
    established_at: Optional[str] = None        # key of an event in the same sentence (see model)
    broader: Optional[str] = None               # nearest general concept for a new type


@dataclass(frozen=True)
class ObservationFinding(Finding):
    """A reported figure."""

    measure: str                                # concept local name: TradeVolume
    value: Decimal
    unit: Optional[str] = None                  # USD, percent, times; None for a count
    period: Optional[str] = None                # 2023, 2024-01/2024-10
    about: Tuple[Ref, ...] = ()
    reported_by: Tuple[Ref, ...] = ()
    surface: str = field(default="", compare=False)


@functools.lru_cache(maxsize=None)
def ref_fields(cls: type) -> tuple:
    """The fields of a finding class that can hold a Ref (by their annotations)."""
    return tuple(f.name for f in dataclasses.fields(cls) if "Ref" in str(f.type))


def refs_of(f: "Finding") -> Iterable[Ref]:
    """Every Ref a finding names (subject, object, parties, participants ...)."""
    for name in ref_fields(type(f)):
        v = getattr(f, name)
        if isinstance(v, Ref):
            yield v
        elif isinstance(v, tuple):
            yield from (x for x in v if isinstance(x, Ref))
