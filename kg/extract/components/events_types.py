"""The values kg_events builds with: a rule, a reading of a trigger, an event being built.

A :class:`Rule` is one line of ``kg/data/patterns/events.jsonl``; a :class:`Reading` is one
trigger read by one rule (who stands in each role, the verb it hangs from); an :class:`Event`
is what a reading becomes once its date and place are found, before it is a finding.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Tuple

from spacy.tokens import Token

from ...read.articles import Sentence
from ...findings import Ref
from ..patterns import Trigger

__all__ = ["Rule", "Reading", "Event", "merged", "merge", "definite"]

_DEFINITE = {"the", "this", "that", "these", "those", "their", "his", "her", "its", "our"}


@dataclass(frozen=True)
class Rule(Trigger):
    """A trigger and the slots of its roles (see ``kg/data/patterns/events.jsonl``)."""

    kind: str
    deps: FrozenSet[str]
    tags: FrozenSet[str]
    modifiers: FrozenSet[str]
    unless: FrozenSet[str]
    object_class: str
    forbid: FrozenSet[str]
    slots: Dict[str, Tuple[str, ...]]
    types: Tuple[str, ...]
    requires: FrozenSet[str]
    today: bool = False             # undated, the day its speaker is said to have spoken


@dataclass
class Reading:
    """One trigger read by one rule: who stands in each role, and the verb it hangs from."""

    rule: Rule
    token: Token
    anchor: Optional[Token]
    visitors: List[Ref] = field(default_factory=list)
    hosts: List[Ref] = field(default_factory=list)
    place: Optional[Ref] = None                     # a city named as the host ("a visit to Tokyo")
    participants: List[Ref] = field(default_factory=list)
    counterparts: List[Ref] = field(default_factory=list)
    unnamed: List[Token] = field(default_factory=list)   # "his counterpart", "the ambassador": no name
    unnamed_other: List[Token] = field(default_factory=list)   # those of them in a counterpart's slot
    name: Optional[str] = None
    sides: int = 0                                  # words naming participants (see Reader.count_sides)
    other_sides: int = 0                            # words naming counterparts
    inviters: List[Ref] = field(default_factory=list)
    triggers: List[Token] = field(default_factory=list)
    extra: List[Token] = field(default_factory=list)     # other words whose dates and places are the event's

    @property
    def kind(self) -> str:
        return self.rule.kind

    def actors(self) -> List[Ref]:
        return list(dict.fromkeys(self.visitors + self.hosts + self.participants + self.counterparts))


@dataclass
class Event:
    """An event being built (becomes one or more EventFindings)."""

    reading: Reading
    sentence: Sentence
    date: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    location: Optional[Ref] = None
    name: Optional[str] = None


def merged(into: Reading, r: Reading) -> Reading:
    """A copy of ``into`` with what ``r`` says added."""
    copy = Reading(into.rule, into.token, into.anchor)
    for name in ("visitors", "hosts", "participants", "counterparts", "unnamed", "unnamed_other", "inviters",
                 "extra", "triggers"):
        setattr(copy, name, list(getattr(into, name)))
    copy.place, copy.name, copy.sides, copy.other_sides = into.place, into.name, into.sides, into.other_sides
    merge(copy, r)
    return copy


def merge(into: Reading, r: Reading) -> None:
    """Add what one reading says to another that tells the same event."""
    into.triggers += [t for t in r.triggers if t not in into.triggers]
    for role in ("visitors", "hosts", "participants", "counterparts", "unnamed", "unnamed_other", "inviters", "extra"):
        mine = getattr(into, role)
        mine += [x for x in getattr(r, role) if x not in mine]
    into.place = into.place or r.place
    into.name = into.name or r.name
    into.sides += r.sides
    into.other_sides += r.other_sides


def definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)
