"""The two states of relations, for kg_relationships: :func:`relation_parties` reads them from "between
X and Y", "X-Y relations", "X's partnership with Y", the subject of the clause, the relations an
elevation starts from, and, when the words name no one, the article's two states.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Token

from ...findings import Ref
from .agreements_parse import subject_of
from .agreements_sides import Sides

__all__ = ["relation_parties"]


def relation_parties(t: Token, founding: Optional[Token], sides: Sides, typed: bool = True) -> List[Ref]:
    """The two states of relations (see the module's docstring); a partnership of no kind
    ("this partnership", which may be a company's) only with its states named."""
    found: List[Ref] = []
    cands = [t] + ([founding] if founding is not None else [])
    for x in cands:
        for c in x.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with", "among"):
                for obj in (o for o in c.children if o.dep_ == "pobj"):
                    found += sides.of_phrase(obj)[0]
    # "Vietnam-Brazil relations", "the China-Azerbaijan partnership", "X's partnership with Y"
    found += _states_before(t, sides)
    # "elevated Vietnam-Brazil relations to a strategic partnership": the relations elevated
    if founding is not None and founding.i != t.i:
        for c in founding.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "of"):
                obj = c if c.dep_ != "prep" else next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is None or obj.i == t.i:
                    continue
                found += _parties_of_relations(obj, sides)
    found = [p for p in dict.fromkeys(found) if p.type == "Country"]
    if len(found) < 2:
        subj = subject_of(founding if founding is not None else t)
        if subj is not None:
            more = [p for p in sides.of_phrase(subj)[0] if p.type == "Country"]
            found = list(dict.fromkeys(found + more))
    elevated = [o for c in (founding.children if founding is not None and founding.i != t.i else ())
                for o in ([c] if c.dep_ in ("dobj", "nsubjpass") else [x for x in c.children if x.dep_ == "pobj"]
                          if c.dep_ == "prep" and c.lower_ == "of" else [])]
    named_others = any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in t.children)
    if not found and not named_others and len(sides.main) == 2 and typed and _both_named_near(t, sides) \
            and (_ours(t) or _ours_by_subject(founding) or any(_ours(o) and o.i != t.i for o in elevated)):
        found = list(sides.main)
    return found


def _both_named_near(t: Token, sides: Sides) -> bool:
    """The article's two states are named in the sentence or the two before it (or a
    phrase such as "the two countries" stands in the sentence): relations named without
    their states are theirs, not a firm's ("this strategic partnership will give
    customers ...")."""
    doc = t.doc
    start = t.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    if any(sides.is_group(x) for x in t.sent):
        return True
    return set(sides.main) <= set(sides.states_in(doc[start:t.sent.end]))


def _ours_by_subject(founding: Optional[Token]) -> bool:
    """ "This relationship was elevated to ...", "it was upgraded to ...": relations
    founded from the article's own (a pronoun or a word for relations as subject)."""
    if founding is None:
        return False
    v = founding
    for _ in range(6):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ in ("it", "they") or subj.lemma_.lower() in ("relationship", "relation", "tie")
        if v.head.i == v.i:
            return False
        v = v.head
    return False


def _parties_of_relations(obj: Token, sides: Sides) -> List[Ref]:
    out: List[Ref] = []
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            for o in (x for x in c.children if x.dep_ == "pobj"):
                out += sides.of_phrase(o)[0]
    out += _states_before(obj, sides)
    return out


def _states_before(tok: Token, sides: Sides) -> List[Ref]:
    """The states named in the words before a noun ("Vietnam-Brazil relations")."""
    out: List[Ref] = []
    for c in tok.lefts:
        for y in c.subtree:
            sp = sides.entity(y)
            if sp is not None and sp._.ref is not None and sp._.ref.type == "Country" and sp.start == y.i:
                out.append(sp._.ref)
    return out


def _ours(t: Token) -> bool:
    """Relations the words give as the article's own two states': a possessive ("their
    partnership"), "bilateral", "the" relations, or a sentence naming "the two sides"."""
    for c in t.children:
        if c.dep_ in ("poss", "det") and c.lower_ in ("their", "its", "our", "the", "this", "these", "both"):
            return True
        if c.lower_ == "bilateral":
            return True
    return t.dep_ == "attr"
