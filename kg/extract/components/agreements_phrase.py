"""The words of a document's phrase, for kg_agreements: the modifiers before its kind
("free trade", "Sri Lanka-Thailand"), the rest of a kind ("memorandum of understanding"), a
proper name after "of" ("Treaty of Aachen"), the preposition that says what it is about ("on
tourism") and where that ends, and whether a capitalised name is only a kind ("Free Trade
Agreement").
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Span, Token

from .agreements_parse import DETERMINERS, circumstance, is_year
from .agreements_sides import Sides

__all__ = ["proper_of", "modifiers", "memo_of", "about_prep", "about_end", "definite", "generic"]

#: words after "memorandum" that are part of its kind
_MEMO_OF = {"understanding", "cooperation", "intent", "agreement", "association"}
#: prepositions whose object says what a document is about
_ABOUT = {"on", "for", "regarding", "concerning", "about", "to"}
#: prepositions that end what a document is about ("an agreement on tourism between A and B")
_NOT_ABOUT = {"between", "by", "at", "during", "after", "before", "since", "until", "amid", "following", "with"}


def proper_of(h: Token) -> List[Token]:
    """ "Treaty of Aachen", "Convention of Peace and Friendship": a capitalised kind and
    the capitalised words after its "of" make a name."""
    if not h.text[:1].isupper() or h.is_sent_start or h.pos_ != "PROPN":
        return []
    if memo_of(h):
        return []                           # "Memorandum of Understanding on ...": the kind goes on
    prep = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1), None)
    if prep is None:
        return []
    out = [prep]
    for t in h.doc[prep.i + 1:]:
        if t.text[:1].isupper() and t.pos_ == "PROPN" or (t.lower_ in ("and", "of", "the") and t.i + 1 < len(h.doc)
                                                           and h.doc[t.i + 1].text[:1].isupper()):
            out.append(t)
        else:
            break
    while out and out[-1].lower_ in ("and", "of", "the"):
        out.pop()
    return out if len(out) > 1 else []


def modifiers(h: Token, span: Optional[Span]) -> List[Token]:
    """The words before a document's kind that are part of its phrase ("free trade",
    "Sri Lanka-Thailand", "defence cooperation")."""
    if span is not None:
        return [t for t in span if t.i < h.i]
    start = h.i
    for c in h.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct") or (c.dep_ == "nummod" and not c.like_num):
            start = min(start, c.left_edge.i)
    out = [t for t in h.doc[start:h.i] if t.pos_ not in DETERMINERS + ("NUM",) and t.tag_ not in ("POS", "PRP$")
           and not t.like_num and not any(c.like_num and not is_year(c) for c in t.children)   # "a 30-year deal"
           and not (t.text in ("-", "–") and t.i > 0 and t.doc[t.i - 1].like_num) and t.text not in ('"', "“", "”", "'", "‘", "’", "(", ")")]
    while out and (out[0].is_punct or out[0].pos_ in ("CCONJ", "ADP")):
        out.pop(0)
    return out


def memo_of(h: Token) -> List[Token]:
    """ "memorandum of understanding": the words of its kind after it."""
    if h.lemma_.lower() != "memorandum":
        return []
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1:
            obj = next((x for x in c.children if x.dep_ == "pobj" and x.i == c.i + 1), None)
            if obj is not None and obj.lower_ in _MEMO_OF:
                return [c, obj]
    return []


def about_prep(h: Token, nouns: Dict[str, str]) -> Optional[Token]:
    """The preposition that says what a document is about ("on tourism", "for the
    construction of ...", "a protocol to the ... Agreement")."""
    owner = h
    memo = memo_of(h)
    if memo:
        owner = memo[-1]
    nxt = h.doc[owner.i + 1] if owner.i + 1 < len(h.doc) else None
    if nxt is not None and nxt.lower_ in ("on", "for") and nxt.dep_ == "prep" and nxt.head.i != owner.i:
        obj = next((x for x in nxt.children if x.dep_ in ("pobj", "pcomp")), None)
        # "a Joint Declaration on the Establishment of ...", "signed a declaration on
        # establishing ...": the words right after a document say what it is on, whatever
        # the parse hangs them from
        if obj is not None and not circumstance(obj) and (nxt.lower_ == "on" or owner.text[:1].isupper()):
            return nxt
    for c in list(owner.children) + ([] if owner.i == h.i else list(h.children)):
        if c.dep_ == "prep" and c.lower_ in _ABOUT and c.i > h.i:
            obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if obj is None:
                continue
            if circumstance(obj):
                continue                    # "on Monday", "in Nairobi", "on the sidelines"
            if c.lower_ == "to" and obj.lemma_.lower() not in nouns and obj.ent_type_ != "LAW":
                continue                    # "to" only for a protocol to another document
            if c.lower_ == "for" and (obj.ent_type_ in ("PERSON", "NORP") or obj.pos_ == "PRON"):
                continue
            return c
    return None


def about_end(prep: Token) -> int:
    """The last word of a document's "on ..." phrase: its object and what hangs from it,
    up to a clause, a participle, an apposition or a parenthesis."""
    end = prep.i
    stack = [prep]
    while stack:
        t = stack.pop()
        end = max(end, t.i)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "appos", "advcl", "punct", "cc") and c.i > t.i:
                if c.dep_ == "cc" and any(x.dep_ == "conj" for x in t.children):
                    stack.append(c)
                continue
            if c.dep_ == "prep" and (c.lower_ in _NOT_ABOUT or c.lower_ not in ("of", "for") and any(
                    circumstance(o) for o in c.children if o.dep_ == "pobj")):
                continue                    # "... in Nairobi", "... on Monday"; not "the status of Jerusalem"
            stack.append(c)
    while end > prep.i and prep.doc[end].is_punct:
        end -= 1
    return end


def definite(h: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)


def generic(span: Span, sides: Sides) -> bool:
    """A capitalised kind and nothing else ("Free Trade Agreement", "Preferential Trade
    Agreement", "Joint Statement"): no name the lexicon knows, no place, state, person or
    body in it, no complement ("Treaty of ...", "... on ..."), no hyphened name
    ("Rubber-Rice Pact")."""
    if any(i in sides.known_names for i in range(span.start, span.end)):
        return False
    for t in span:
        if t.lower_ in ("of", "on", "for", "between", "to") and t.i > span.start and not (
                t.i + 1 < span.end and span.doc[t.i + 1].lower_ in _MEMO_OF):
            return False
        if t.text in ("-", "–") and span.start < t.i < span.end - 1:
            return False
    return True
