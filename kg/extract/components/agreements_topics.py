"""The subject areas a noun phrase names, for kg_agreements: :func:`np_topics` maps the
words of a phrase ("cooperation in energy and tourism") to terms of the topic vocabulary
(:mod:`kg.topics`), keeping the text's wording; a name is no subject area.
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Token

from ...findings import Ref
from ...topics import TopicTable
from .agreements_parse import DETERMINERS, conjuncts, join_tokens
from .agreements_sides import Sides

__all__ = ["np_topics", "phrase_text"]


def np_topics(tok: Token, sides: Sides, table: TopicTable, depth: int = 0) -> List[Tuple[Ref, str]]:
    """The subject areas a noun phrase (and the phrases coordinated with it) names, as (Topic,
    wording): "cooperation in energy and tourism" -> energy, tourism. A topic is a term of the
    topic vocabulary (:meth:`kg.topics.TopicTable.find`); a frame ("cooperation in",
    "projects in") gives way to its object; a name is no subject area, though it may stand
    before one ("China-Europe rail freight")."""
    if depth > 3:
        return []
    heads = conjuncts(tok)
    out: List[Tuple[Ref, str]] = []
    if len(heads) > 1:
        whole, _ = phrase_text(tok, heads[-1].i + 1, sides)
        got = table.find(whole) if whole else None
        if got is not None and got[0].count(" and ") == whole.lower().count(" and "):
            return [(Ref("Topic", got[0]), whole)]
    for h in heads:
        if h.pos_ == "VERB":                    # "facilitating knowledge sharing"
            for obj in (c for c in h.children if c.dep_ == "dobj"):
                out += np_topics(obj, sides, table, depth + 1)
            continue
        if h.pos_ not in ("NOUN", "PROPN", "ADJ") or sides.entity(h) is not None:
            continue
        inner: List[Tuple[Ref, str]] = []
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "of", "for", "regarding", "concerning"):
                for obj in (x for x in c.children if x.dep_ in ("pobj", "pcomp")):
                    inner += np_topics(obj, sides, table, depth + 1)
        own, wording = phrase_text(h, h.i + 1, sides)
        got = table.find(own) if own else None
        if inner and (got is None or table.lookup(h.text) is None):
            out += inner                        # a frame ("cooperation in X") gives way to X
            continue
        if got is not None:
            out.append((Ref("Topic", got[0]), wording))
            # "energy cooperation": the area is "energy" too
            words = wording.split()
            if len(words) > 1 and words[-1].lower() in ("cooperation", "collaboration"):
                out.append((Ref("Topic", got[0]), " ".join(words[:-1])))
        else:
            out += inner
    return list(dict.fromkeys(out))


def phrase_text(head: Token, end: int, sides: Sides) -> Tuple[str, str]:
    """A noun phrase's words from its first modifier to ``end`` without determiners,
    possessives or numbers, as (the words to look up, the wording to keep): names that open
    it are kept in the wording only; a name inside makes it none ("", "")."""
    start = head.i
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod") and c.pos_ not in DETERMINERS + ("NUM", "PUNCT"):
            start = min(start, c.left_edge.i)
    doc = head.doc
    words = [t for t in doc[start:end] if not (t.pos_ in DETERMINERS or t.tag_ in ("POS", "PRP$") or t.like_num)]
    while words and (words[0].is_punct or words[0].pos_ in ("CCONJ", "ADP")):
        words.pop(0)
    kept = list(words)
    while words and (sides.entity(words[0]) is not None or words[0].text in ("-", "–")):
        words.pop(0)                            # "China-Europe rail freight": the names open it
    if not words or any(sides.entity(t) is not None for t in words):
        return "", ""
    return join_tokens(words), join_tokens(kept)
