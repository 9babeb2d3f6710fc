"""kg_context: the time expressions of each sentence, resolved against the article's date.

"on Tuesday" is the Tuesday of the dateline's week, "yesterday" the day before the article,
"in July 2024" a month, "last year" a year: :mod:`kg.extract.timex` reads them, never more
precise than the text. A sentence about what is to happen reads its weekdays forwards.

Reads: the reader's sentences, ``token._.modality``. Writes: ``doc._.times``, a dict from a
sentence's index to its ``(Timex, Span)`` pairs (the Span in the Doc's coordinates).
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..timex import Timex, find_times

__all__ = ["Context", "times_of"]


class Context:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_context"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        art = doc._.article
        ref = art.reference_date if art is not None else None
        out: Dict[int, List[Tuple[Timex, Span]]] = {}
        for sent in doc._.sentences or ():
            start = sent.start - doc._.offset
            span = doc.char_span(start, start + len(sent.text), alignment_mode="expand")
            if span is None:
                continue
            planned = any(t._.modality == "planned" for t in span if t.pos_ == "VERB")
            forwards = {(t.start, t.end): t for t in find_times(sent.text, ref, True)}
            found = []
            for tx in find_times(sent.text, ref, False):
                ts = doc.char_span(start + tx.start, start + tx.end, alignment_mode="expand")
                if ts is None:
                    continue
                # a weekday counts forwards from the article's date when the verb it belongs to
                # speaks of what is to happen ("will meet on Friday"), backwards otherwise
                verb = _verb_of(ts)
                future = verb._.modality == "planned" if verb is not None else planned
                found.append((forwards.get((tx.start, tx.end), tx) if future else tx, ts))
            if found:
                out[sent.index] = found
        doc._.times = out
        return doc


def _verb_of(span: Span):
    """The verb a time expression belongs to: up the parse from it, a few steps at most."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def times_of(doc: Doc, sentence_index: int) -> List[Tuple[Timex, Span]]:
    """The time expressions of a sentence (empty when none)."""
    return (doc._.times or {}).get(sentence_index, [])


@Language.factory("kg_context", assigns=["doc._.times"], requires=["token._.modality"])
def make_context(nlp: Language, name: str) -> Context:
    return Context(nlp, name)
