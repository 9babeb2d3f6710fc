"""kg_modality: whether what a predicate says happened, is to happen, may happen, or did not.

"met" is asserted; "will visit", "is expected to sign", "agreed to establish", "plans to
attend" are planned; "may attend", "urged them to sign" hypothetical; "did not meet",
"declined to condemn", "cancelled the visit", "no agreement" negated. The words that say so are
data (``kg/data/patterns/modality.tsv``): auxiliaries of the predicate, verbs that govern it,
words that modify it. A verb joined to another by "and" shares its auxiliary ("will visit and
meet"); a governed verb takes its governor's negation ("did not agree to sign").

Reads: the parse and lemmas. Writes: ``token._.modality`` on verbs and nouns (asserted,
planned, hypothetical, negated).
"""
from __future__ import annotations

from typing import Dict, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..patterns import load_phrases

__all__ = ["Modality", "RANK", "modality_of"]

#: the stronger reading wins when several words speak
RANK = {"asserted": 0, "planned": 1, "hypothetical": 2, "negated": 3}
_ATTRIBUTES = {"planned": "planned", "proposed": "planned", "upcoming": "planned", "scheduled": "planned",
               "expected": "planned", "future": "planned", "possible": "hypothetical", "potential": "hypothetical",
               "likely": "hypothetical", "cancelled": "negated", "canceled": "negated", "postponed": "negated"}


class Modality:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_modality"):
        self.name = name
        table: Dict[str, Dict[str, str]] = {"aux": {}, "gov": {}, "mod": {}}
        for phrase, value in load_phrases("modality"):
            where, _, category = value.partition(":")
            table[where][phrase] = category
        self.aux, self.gov, self.mod = table["aux"], table["gov"], table["mod"]

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.pos_ in ("VERB", "NOUN", "AUX"):
                tok._.modality = self.of(tok)
        return doc

    def own(self, tok: Token) -> str:
        """What the words attached to a predicate say of it."""
        found = "asserted"

        def take(category: Optional[str]) -> None:
            nonlocal found
            if category and RANK[category] > RANK[found]:
                found = category
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in self.mod):
                take(self.mod.get(child.lower_, "negated"))
            elif child.dep_ in ("aux", "auxpass"):
                take(self.aux.get(child.lower_) or self.aux.get(child.lemma_.lower()))
            elif child.dep_ == "amod" and tok.pos_ == "NOUN":
                take(_ATTRIBUTES.get(child.lower_))
        # "set to visit", "due to arrive" are adjectives or participles governing the verb
        return found

    def of(self, tok: Token, depth: int = 0) -> str:
        """The predicate's modality, with what governs it."""
        found = self.own(tok)
        if depth > 6:
            return found
        head = tok.head
        if head is tok:
            return found
        via = None
        if tok.dep_ in ("xcomp", "ccomp") and tok.pos_ in ("VERB", "AUX"):
            via = head
        elif tok.dep_ in ("dobj", "nsubjpass") and tok.pos_ == "NOUN" and head.pos_ == "VERB":
            via = head                          # "cancelled the visit", "the visit was postponed"
        elif tok.dep_ == "conj" and tok.pos_ == head.pos_:
            # "will visit and meet": the second verb shares what the first has
            inherited = self.of(head, depth + 1)
            return max(found, inherited, key=RANK.get)
        if via is not None:
            category = self.gov.get(via.lemma_.lower())
            if category is None and via.dep_ == "acomp":
                category = self.gov.get(via.lemma_.lower())
            governed = self.of(via, depth + 1)
            if governed == "negated":
                return "negated"
            if category:
                found = max(found, category, key=RANK.get)
            if via.lemma_.lower() in ("be",) and via.head is not via:
                pass
            found = max(found, governed if governed != "asserted" else found, key=RANK.get)
        return found


def modality_of(tok: Token) -> str:
    """The modality the component gave a token (asserted when none)."""
    return tok._.modality or "asserted"


@Language.factory("kg_modality", assigns=["token._.modality"], requires=["token.dep", "token.lemma"])
def make_modality(nlp: Language, name: str) -> Modality:
    return Modality(nlp, name)
