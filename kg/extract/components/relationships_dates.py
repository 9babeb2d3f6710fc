"""When relations began and what founded them, for kg_relationships: a time after "since"
(:func:`since`), the day of the meeting just told of (:func:`event_date`), and the document of
the sentence that established them, with its date (:func:`established_by`).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from ...findings import AgreementFinding, EventFinding, Ref
from .agreements_parse import attached_times, sentence_for

__all__ = ["since", "event_date", "established_by"]


def since(doc: Doc, t: Token) -> Optional[str]:
    """ "relations since 1992", "partners since April 1992": a time after "since" said of
    the relations or of the verb they depend on."""
    for x in (t, t.head):
        for c in x.children:
            if c.dep_ == "prep" and c.lower_ == "since":
                times = attached_times(doc, sentence_for(doc, t), {c.i})
                if times:
                    return times[0]
    return None


def established_by(doc: Doc, t: Token, words: str, inside: Optional[Span], founding: Optional[Token],
                    documents: List[AgreementFinding]) -> Tuple[Optional[Ref], Optional[str]]:
    """The document of the same sentence that established the relations, and its date:
    one whose name holds them ("a joint statement on establishing a strategic
    partnership"), or the one under which they were founded."""
    if inside is not None and inside._.ref is not None:
        hit = next((f for f in documents if f.ref == inside._.ref), None)
        return inside._.ref, hit.date if hit is not None and hit.status in ("signed", "in force") else None
    for f in documents:
        if words in f.ref.label.lower() or words in f.surface.lower():
            return f.ref, f.date if f.status in ("signed", "in force") else None
    if founding is not None and founding.dep_ == "relcl" and any(
            c.dep_ == "prep" and c.lower_ == "under" for c in founding.children):
        # "the X Agreement, signed in 2023, under which A and B restored relations"
        signed = [f for f in documents if f.status in ("signed", "in force")]
        if len({f.ref for f in signed}) == 1:
            return signed[0].ref, signed[0].date
    return None, None


def event_date(doc: Doc, index: int) -> Optional[str]:
    """The day of the latest dated event the text told of in this sentence or the two before."""
    best = None
    for f in doc._.findings or ():
        if isinstance(f, EventFinding) and index - 2 <= f.sentence.index <= index and f.date and len(f.date) == 10:
            if best is None or f.sentence.index >= best.sentence.index:
                best = f
    return best.date if best is not None else None
