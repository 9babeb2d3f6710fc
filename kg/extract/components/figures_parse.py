"""The parse as kg_figures reads it: clauses, their subjects and objects, what governs them.

Generic readings of spaCy's dependency parse, with no word lists of their own: a clause is a
verb with its words, without the clauses below it; the subject of a verb is its own, the
antecedent of a relative pronoun, or that of the verb it is joined to; a clause belongs to
the one above it unless it is what someone says.
"""
from __future__ import annotations

from typing import FrozenSet, Iterable, List, Optional, Set

from spacy.tokens import Token

__all__ = ["SUBJ", "BOUND", "BOUND_WORD", "OWN_TIME", "pobj", "subject", "object_of", "is_figure",
           "verb_of", "clause_tokens", "phrase_tokens", "noun_tokens", "marked", "speaker_of", "parent_clause",
           "modifiers", "phrases"]

#: dependencies that start a clause of its own below a verb
_CLAUSE = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"}
SUBJ = {"nsubj", "nsubjpass"}
_REL = {"that", "which", "who", "whom"}
#: a time expression after these words is a bound, not a period ("since 2015", "by 2030")
BOUND = {"since", "by", "until", "till", "before", "after", "within", "through"}
#: a year right after these words bounds a span ("from 2005 to 2022"): no period by itself
BOUND_WORD = BOUND | {"from", "to"}
#: a clause after these words states its own time, not its parent's
OWN_TIME = {"while", "whereas", "although", "though"}


def pobj(prep: Token) -> Optional[Token]:
    """The object of a preposition."""
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def subject(verb: Token) -> Optional[Token]:
    """The subject of a verb: its own, a relative pronoun's antecedent, or that of the verb it
    is joined to ("reached ... and surged"), or the noun a participle is said of."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ in SUBJ:
                if c.lower_ in _REL and verb.dep_ == "relcl":
                    return verb.head
                return c
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def object_of(verb: Token, skip: range) -> Optional[Token]:
    """The object of a verb, or of the verb it governs ("drop threatened tariffs"), that is
    no figure itself (nor in ``skip``)."""
    for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp")):
        for c in v.children:
            if c.dep_ == "dobj" and c.i not in skip and not is_figure(c):
                return c
    return None


def is_figure(tok: Token) -> bool:
    """A word that is itself a figure ("$3 billion", "12 percent"), not what one measures."""
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") and c.like_num
                                                    for c in tok.children)


def verb_of(tok: Token) -> Optional[Token]:
    """The verb a word belongs to (the word itself when it is one)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.i == t.head.i:
            return None
        t = t.head
    return None


def clause_tokens(verb: Token, when: bool = False) -> Set[int]:
    """The tokens of a verb's own clause: its words and their subtrees, without the clauses
    below it. With ``when`` (looking for its time): with a "when" clause, which gives it, and
    without "since" or "by" phrases, which bound it, or appositions, which say things in passing."""
    out = {verb.i}
    stack = list(verb.children)
    subj = subject(verb)
    if subj is not None and subj.head.i != verb.i:
        stack.append(subj)
    while stack:
        t = stack.pop()
        if t.i in out:
            continue
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSE or t.dep_ == "pcomp" or
                                          (t.dep_ == "conj" and t.head.i == verb.i)):
            if not (when and t.dep_ == "advcl" and t.head.i == verb.i and any(c.lower_ == "when" for c in t.children)):
                continue
        if t.lower_ == "according" or t.dep_ in ("mark", "cc") or \
                (when and (t.lower_ in BOUND or t.dep_ == "appos")):
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def phrase_tokens(tok: Token) -> Set[int]:
    """A word's phrase without what is said of it in passing: appositions, clauses, "since"
    phrases ("three visits, the first in 1970" gives the visits no time)."""
    out = {tok.i}
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("appos", "relcl", "acl", "parataxis", "advcl") or t.lower_ in BOUND or \
                (t.dep_ == "pcomp" and t.pos_ == "VERB"):
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def noun_tokens(tok: Token) -> Set[int]:
    """A word's phrase with the clauses that say which one it is ("countries that had lent to
    Sri Lanka"), but not the clauses within those ("a levy ... for buying Russian oil")."""
    out = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in out:
            continue
        if t.i != tok.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("pcomp", "advcl", "ccomp", "parataxis"):
            continue
        if t.i != tok.i and t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            out |= clause_tokens(t)
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def marked(verb: Token, words: Iterable[str]) -> bool:
    """Whether a clause is introduced by one of ``words`` ("while", "since")."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in verb.children)


def speaker_of(verb: Token, speech: FrozenSet[str]) -> Optional[Token]:
    """The subject of the verb of saying whose object the clause is ("X said trade rose")."""
    t = verb
    for _ in range(8):
        if t.i == t.head.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() not in speech:
                return None
            return next((c for c in t.children if c.dep_ in SUBJ), None)
    return None


def parent_clause(verb: Token, speech: FrozenSet[str]) -> Optional[Token]:
    """The clause a clause belongs to, unless it is what someone says."""
    t = verb
    for _ in range(8):
        if t.i == t.head.i or t.dep_ == "ccomp" or t.dep_ == "parataxis":
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return None if t.lemma_.lower() in speech else t
    return None


def modifiers(n: Token) -> List[Token]:
    """The words a noun of change or a carrier ("volume", "growth") is said of: "trade volume",
    "growth in exports", "the value of imports", "economic growth"."""
    out = [c for c in n.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in") and pobj(c) is not None:
            out.append(pobj(c))
    out += [c for c in n.children if c.dep_ == "amod"]
    return out


def phrases(n: Token) -> List[str]:
    """A noun's lemma with its modifiers, longest first: "external debt", "round of talk", "debt"."""
    lemma = n.lemma_.lower()
    mods = [c for c in n.children if c.dep_ in ("compound", "amod") and c.i < n.i]
    out = []
    if len(mods) >= 2:
        out.append(" ".join(m.lemma_.lower() for m in mods[-2:]) + " " + lemma)
    out += [f"{m.lemma_.lower()} {lemma}" for m in reversed(mods)]
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None:
            out.append(f"{lemma} of {pobj(c).lemma_.lower()}")
    out += [lemma, n.lower_]
    if lemma == n.lower_ and lemma.endswith("s"):     # a plural the tagger took for a name
        out.append(lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1])
    return out
