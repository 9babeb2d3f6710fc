"""An article annotated with the entities named in each sentence.

The entity pass (:mod:`kg.extract.entities`) builds a :class:`Doc`; every other extractor
reads it. A Doc also answers the questions of reference that news English leaves to the
reader: which two countries "the two countries" are, who "he" is, what "the organization" is.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ..articles import Article, Sentence
from ..findings import Fact, Finding, Ref
from .text import Token

__all__ = ["Span", "Doc", "ACTOR_KINDS"]

ACTOR_KINDS = ("person", "country", "demonym", "org", "organ", "capital")


@dataclass
class Span:
    """A name in a sentence: token range, character range (sentence-relative) and what it names.

    ``kind`` says how it was found: country, demonym, place, capital, org, organ, person,
    title, initiative, agreement, topic, event.
    """

    sent: int
    i: int                  # first token
    j: int                  # one past the last token
    start: int
    end: int
    kind: str
    ref: Optional[Ref]
    surface: str
    country: Optional[Ref] = None           # the state a demonym, capital, organ or body belongs to
    payload: object = None                  # Title for titles, list of Refs for groups
    part: bool = False                      # a name inside a hyphenated compound ("China-Azerbaijan")

    @property
    def refs(self) -> List[Ref]:
        if isinstance(self.payload, list):
            return list(self.payload)
        return [self.ref] if self.ref else []


class _FactIndex:
    """The Facts among a list of findings, by predicate and subject and by predicate and object,
    each with its place in the list. The list only grows, so the index catches up with its tail."""

    def __init__(self) -> None:
        self.findings: Optional[List[Finding]] = None
        self.seen = 0
        self.by_subject: Dict[Tuple[str, object], List[Tuple[int, Fact]]] = {}
        self.by_object: Dict[Tuple[str, object], List[Tuple[int, Fact]]] = {}

    def catch_up(self, findings: List[Finding]) -> "_FactIndex":
        if findings is not self.findings or len(findings) < self.seen:     # another list: start again
            self.__init__()
            self.findings = findings
        for n in range(self.seen, len(findings)):
            f = findings[n]
            if isinstance(f, Fact):
                self.by_subject.setdefault((f.predicate, f.subject), []).append((n, f))
                self.by_object.setdefault((f.predicate, f.object), []).append((n, f))
        self.seen = len(findings)
        return self


@dataclass
class Doc:
    """One article, its tokens and its spans, sentence by sentence."""

    article: Article
    tokens: List[List[Token]]
    spans: List[List[Span]] = field(default_factory=list)
    findings: List[Finding] = field(default_factory=list)
    persons: Dict[str, Ref] = field(default_factory=dict)      # any name form -> person
    home: Optional[Ref] = None                                 # the country unqualified titles belong to
    _facts: _FactIndex = field(default_factory=_FactIndex, init=False, repr=False, compare=False)

    @property
    def sentences(self) -> Sequence[Sentence]:
        return self.article.sentences

    def text(self, k: int) -> str:
        return self.article.sentences[k].text

    def of(self, k: int, *kinds: str) -> List[Span]:
        """Spans of sentence ``k`` (of the given kinds), left to right."""
        return [s for s in self.spans[k] if not kinds or s.kind in kinds]

    def country_of(self, span: Span) -> Optional[Ref]:
        """The country a span stands for: itself, or the state of a demonym or capital."""
        if span.ref and span.ref.type == "Country":
            return span.ref
        if span.kind in ("demonym", "capital"):
            return span.country
        return None

    # ------------------------------------------------------------ reference
    def country_counts(self) -> Counter:
        counts: Counter = Counter()
        for sent in self.spans:
            for s in sent:
                c = self.country_of(s) if s.kind != "capital" else None
                if c:
                    counts[c] += 1
        return counts

    def main_countries(self) -> List[Ref]:
        """The two countries an article is about: "the two countries", "both sides"."""
        if not hasattr(self, "_main"):
            ranked = sorted(self.country_counts().items(), key=lambda kv: (-kv[1], kv[0].label))
            self._main = [c for c, _ in ranked[:2]] if len(ranked) >= 2 else [c for c, _ in ranked]
        return self._main

    def last(self, k: int, before: int, kinds: Iterable[str], types: Iterable[str] = (),
             window: int = 3) -> Optional[Span]:
        """The nearest span of a kind (or whose ref has a type) before char ``before`` of
        sentence ``k``, looking back up to ``window`` sentences."""
        kinds, types = set(kinds), set(types)
        for back in range(0, window + 1):
            m = k - back
            if m < 0:
                break
            cands = [s for s in self.spans[m] if (s.kind in kinds or (s.ref and s.ref.type in types))
                     and (back > 0 or s.end <= before)]
            if cands:
                return cands[-1]
        return None

    def speaker(self, k: int) -> Optional[Ref]:
        """The person whose words a sentence reports: "…, he said", "Aliyev said …"."""
        return getattr(self, "_speakers", {}).get(k)

    def paragraph_speaker(self, paragraph: int) -> Optional[Ref]:
        """The speaker of the first sentence of a paragraph that has one."""
        speakers = getattr(self, "_speakers", {})
        cached = getattr(self, "_paragraph_speakers", None)
        if cached is None or cached[0] is not speakers:
            first: Dict[int, Ref] = {}
            for k in sorted(speakers):
                first.setdefault(self.sentences[k].paragraph, speakers[k])
            cached = self._paragraph_speakers = (speakers, first)
        return cached[1].get(paragraph)

    # ------------------------------------------------------------ facts found so far
    # Offices are asked about sentence by sentence ("the two leaders", a signatory's country):
    # a scan of every finding at each question would make an article's cost grow with the
    # square of its length, so the facts are indexed as the findings grow.
    def facts_about(self, subject: object, predicate: str) -> List[Tuple[int, Fact]]:
        """The facts found so far with this subject and predicate: (place in ``findings``, fact)."""
        return self._facts.catch_up(self.findings).by_subject.get((predicate, subject), [])

    def facts_with(self, predicate: str, obj: Union[Ref, str]) -> List[Tuple[int, Fact]]:
        """The facts found so far with this predicate and object: (place in ``findings``, fact)."""
        return self._facts.catch_up(self.findings).by_object.get((predicate, obj), [])
