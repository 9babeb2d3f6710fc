"""The extractors, in one table: name -> function(Doc) -> findings.

The entity pass runs first and builds the :class:`~kg.extract.doc.Doc` that every other
extractor reads (as spaCy components declare what they require). Extractors are pure: an
article in, findings out, each finding holding its sentence.
"""
from __future__ import annotations

import re
from typing import Callable, Dict, List

from ..articles import Article
from ..findings import Finding
from .agreements import agreements, relationships
from .doc import Doc
from .entities import annotate
from .events import events
from .figures import figures
from .relations import relations
from .shapes import SPEECH_VERBS
from .stances import stances

__all__ = ["EXTRACTORS", "extract_article", "annotate"]

#: Runs in this order after the entity pass; each reads the Doc and returns findings.
EXTRACTORS: Dict[str, Callable[[Doc], List[Finding]]] = {
    "relations": relations,
    "stances": stances,
    "events": events,
    "agreements": agreements,
    "relationships": relationships,
    "figures": figures,
}

_SAID = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b")


def _speakers(doc: Doc) -> None:
    """Who speaks in each sentence: "…, he said", "Aliyev noted that …", "said X"."""
    speakers = {}
    last = None
    for k in range(len(doc.sentences)):
        text = doc.text(k)
        who = None
        for m in _SAID.finditer(text):
            persons = [s for s in doc.of(k, "person") if s.ref]
            near = [s for s in persons if 0 <= m.start() - s.end <= 3 or 0 <= s.start - m.end() <= 30]
            if near:
                who = near[0].ref
                break
            if re.search(r"\b(?:he|she)\s+$", text[:m.start()], re.I) and last:
                who = last
                break
            if re.search(r"\bthe\s+(?:spokesperson|spokesman|spokeswoman|minister|ambassador|envoy|president|premier)\s+$",
                         text[:m.start()], re.I) and last:
                who = last
                break
        if who is None:
            lead = [s for s in doc.of(k, "person") if s.ref and s.start < 40]
            if lead and _SAID.search(text[lead[0].end:lead[0].end + 30]):
                who = lead[0].ref
        if who:
            speakers[k] = who
            last = who
    doc._speakers = speakers


def extract_article(article: Article) -> List[Finding]:
    """Every finding of one article: entities first, then each extractor of the table."""
    doc = annotate(article)
    _speakers(doc)
    findings = list(doc.findings)
    for extractor in EXTRACTORS.values():
        findings += extractor(doc)
    return findings
