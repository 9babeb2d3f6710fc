"""Articles as spaCy Docs: one coordinate system, the Doc's tokens and character offsets.

The reader has already split the article into sentences (it knows datelines, headlines and
abbreviations); those boundaries are set on the tokens before the parser runs, which keeps
them. A Doc's character offsets are the article's (``Article.text``), so a span found by any
component names the same characters everywhere, and every finding keeps the reader's
:class:`~kg.read.articles.Sentence` it was read from.

A very long text (a whole book, a feed dump) is cut into parts at paragraph breaks, each
parsed as a Doc of its own with its offset into the article: the cost stays in proportion
to the length, and spaCy's limit on one text is never reached.

Every extension a component writes or reads is declared here, in one place, with what it
holds (as spaCy components declare what they assign).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator, List, Optional, Sequence

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..read.articles import Article, Sentence

__all__ = ["EXTENSIONS", "declare_extensions", "make_docs", "sentence_of", "cased", "DocPart", "PART_CHARS"]

#: Longest text parsed as one Doc (characters); longer articles are cut at paragraph breaks.
PART_CHARS = 100_000

#: name -> (object, default, what it holds). Components read and write only these.
EXTENSIONS = {
    # the article and where this Doc's text starts in it
    ("doc", "article"): (None, "the Article the Doc was made from"),
    ("doc", "sentences"): (None, "the reader's Sentences of this Doc, in order"),
    ("doc", "offset"): (0, "where the Doc's text starts in Article.text"),
    # kg_gazetteer
    ("span", "kb"): (None, "what a known name stands for: a lexicon entry (kg_gazetteer)"),
    # kg_entities
    ("span", "ref"): (None, "the entity a span names, a kg.findings.Ref (kg_entities, kg_mentions)"),
    ("span", "country"): (None, "the state a demonym, city, organ or body belongs to, a Ref"),
    ("span", "part_of"): (None, "the body a body is part of, a Ref (\"the NPC Standing Committee\")"),
    # kg_mentions
    ("token", "ref"): (None, "the person a pronoun or a short name stands for (kg_mentions)"),
    # kg_positions
    ("doc", "positions"): (None, "offices named in the text: list of kg.extract.components.positions.Office"),
    # kg_modality
    ("token", "modality"): (None, "how a predicate is asserted: asserted, negated, planned, "
                                  "hypothetical (kg_modality)"),
    # kg_context
    ("doc", "times"): (None, "the time expressions of each sentence: list of lists of Timex"),
    # findings, one list per component that makes them
    ("doc", "findings"): (None, "findings made by the components, in the order they ran"),
}


def declare_extensions() -> None:
    """Register every extension of :data:`EXTENSIONS` (once per process; idempotent)."""
    owners = {"doc": Doc, "span": Span, "token": Token}
    for (owner, name), (default, _doc) in EXTENSIONS.items():
        cls = owners[owner]
        if not cls.has_extension(name):
            cls.set_extension(name, default=default)


@dataclass(frozen=True)
class DocPart:
    """A piece of an article to parse as one Doc: its text, offset and Sentences."""

    text: str
    offset: int
    sentences: Sequence[Sentence]


def _parts(article: Article, limit: int = PART_CHARS) -> List[DocPart]:
    """The article in pieces of at most ``limit`` characters, cut between paragraphs (or
    between sentences, for a paragraph longer than the limit)."""
    sents = [s for s in article.sentences if s.index >= 0]
    if not sents:
        return []
    if len(article.text) <= limit:
        return [DocPart(article.text, 0, tuple(sents))]
    parts: List[DocPart] = []
    group: List[Sentence] = []

    def flush() -> None:
        if group:
            start, end = group[0].start, group[-1].end
            parts.append(DocPart(article.text[start:end], start, tuple(group)))
            group.clear()
    for s in sents:
        if group and s.end - group[0].start > limit and (s.paragraph != group[-1].paragraph
                                                         or s.end - group[0].start > 2 * limit):
            flush()
        group.append(s)
    flush()
    return parts


def make_docs(nlp: Language, article: Article, limit: int = PART_CHARS) -> Iterator[Doc]:
    """Unparsed Docs of an article (usually one), with the reader's sentence boundaries set.

    Run them through ``nlp.pipe`` (or ``nlp``); the parser keeps the boundaries.
    """
    declare_extensions()
    for part in _parts(article, limit):
        doc = nlp.make_doc(part.text)
        idx = [tok.idx for tok in doc]
        first = set()
        for sent in part.sentences:
            # the first word at or after the reader's sentence start begins a sentence
            i = bisect.bisect_left(idx, sent.start - part.offset)
            while i < len(doc) and doc[i].is_space:
                i += 1
            if i < len(doc):
                first.add(i)
        first.add(0)
        # all at once: setting token.is_sent_start scans the whole Doc each time
        starts = numpy.array([[1 if i in first else -1] for i in range(len(doc))], dtype="int32")
        if len(doc):
            doc.from_array([SENT_START], starts.astype("uint64"))
        doc._.article = article
        doc._.offset = part.offset
        doc._.sentences = list(part.sentences)
        doc._.findings = []
        doc._.positions = []
        yield doc


def sentence_of(doc: Doc, token_or_span) -> Optional[Sentence]:
    """The reader's Sentence a token or span lies in (by its start character)."""
    start = (token_or_span.idx if isinstance(token_or_span, Token) else token_or_span.start_char) + doc._.offset
    sents = doc._.sentences
    lo, hi = 0, len(sents) - 1
    found = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if sents[mid].start <= start:
            found = sents[mid]
            lo = mid + 1
        else:
            hi = mid - 1
    return found


def cased(wording: str, words: Span) -> str:
    """A vocabulary wording (lower case) with the capitals the text gives its proper nouns
    ("Taiwan independence", "African Union membership"): a word of the wording written in the
    text as a capitalised proper noun that does not start the sentence."""
    proper = {t.lower_: t.text for t in words
              if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start and not t.is_upper}
    return " ".join(proper.get(w, w) for w in wording.split(" "))
