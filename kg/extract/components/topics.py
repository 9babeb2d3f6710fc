"""kg_topics: the subject areas a text names, as terms of the topic vocabulary.

A topic is never a clause: it is a wording of the controlled vocabulary (``kg/data/
topic_wording.tsv``, each term mapped to a concept of IPTC Media Topics by ``kg/topics.py``),
and the text's own words ("cooperation in renewable energy sources") are kept as the mention's
surface, which the graph writes as an altLabel. Two ways in:

- a wording of the vocabulary the gazetteer found (``kg_known`` spans of kind topic), outside
  any name ("Energy" in "Ministry of Energy" is the ministry's); a one-word wording only in
  such a place as below ("family" alone names no subject area);
- a noun phrase where English names subject areas: after "cooperation in", "collaborate on",
  "areas such as", as the object of "discussed" or "boost" (``topic_contexts.tsv``), and every
  phrase coordinated with it ("energy, water, agriculture and biotechnology"), mapped by its
  head and modifiers (:func:`kg.topics.head_lookup`).

Reads: ``kg_known``, ``kg_entities``, the parse. Writes: Topic spans into ``kg_entities``.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Set

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...findings import Ref
from ...topics import TopicTable, get_topics
from ..docs import cased
from ..patterns import load_phrases
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Topics"]

_PREPS = {"in", "on", "of", "for", "including", "like", "regarding", "concerning", "about", "across", "into"}
_DROP = {"DET", "PRON", "PUNCT", "CCONJ", "ADP", "NUM"}


class Topics:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_topics", *, topics: Optional[TopicTable] = None):
        self.name = name
        self.topics = topics or get_topics()
        table = load_phrases("topic_contexts")
        self.nouns = {p for p, v in table if v == "noun"}
        self.verbs = {p for p, v in table if v == "verb"}

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.spans[ENTITIES]) if ENTITIES in doc.spans else []
        names = {i for s in ents if s.label_ != "Topic" for i in range(s.start, s.end)}
        taken = set(names) | {i for s in ents if s.label_ == "Topic" for i in range(s.start, s.end)}
        out: List[Span] = list(ents)
        shared = self._distributed(doc, names)
        if shared:
            inside = {i for sp in shared for i in range(sp.start, sp.end)}
            out = [sp for sp in out if sp.label_ != "Topic" or not all(i in inside for i in range(sp.start, sp.end))]
            out += shared
            taken.update(inside)
        in_context = {i for head in self._candidates(doc) for tok in [head] + _conjuncts(head)
                      for i in range(tok.left_edge.i, tok.right_edge.i + 1)}
        for k in (doc.spans[KNOWN] if KNOWN in doc.spans else []):
            # a one-word term ("aid", "family") is a topic only where English names subject
            # areas; a term of several words ("renewable energy") anywhere
            if k.label_ == "topic" and not any(i in taken for i in range(k.start, k.end)) \
                    and (len(k) > 1 or k.start in in_context):
                got = self.topics.find(k.text)
                if got is not None:
                    out.append(self._span(doc, k.start, k.end, got[0]))
                    taken.update(range(k.start, k.end))
        for head in self._candidates(doc):
            for tok in [head] + _conjuncts(head):
                phrase = _phrase(doc, tok, names)
                if phrase is None or any(i in taken for i in range(phrase.start, phrase.end)):
                    continue
                got = self.topics.find(phrase.text)
                if got is not None:
                    out.append(self._span(doc, phrase.start, phrase.end, got[0]))
                    taken.update(range(phrase.start, phrase.end))
        doc.spans[ENTITIES] = sorted(out, key=lambda s: (s.start, -s.end))
        return doc

    def _distributed(self, doc: Doc, names: Set[int]) -> List[Span]:
        """ "the dairy and sugarcane industries": one plural head shared by two modifiers names
        two subject areas when each modifier with the head in the singular is a wording of the
        vocabulary ("dairy industry", "sugarcane industry")."""
        out: List[Span] = []
        for tok in doc:
            i = tok.i
            if tok.tag_ not in ("NNS", "NNPS") or i < 3 or doc[i - 2].lower_ not in ("and", "&") \
                    or not (doc[i - 3].is_alpha and doc[i - 1].is_alpha) \
                    or any(k in names for k in range(i - 3, i + 1)):
                continue
            found = [self.topics.find(f"{doc[k].lower_} {tok.lemma_.lower()}") for k in (i - 3, i - 1)]
            if all(found):
                out += [self._span(doc, i - 3, i + 1, found[0][0]), self._span(doc, i - 1, i + 1, found[1][0])]
        return out

    @staticmethod
    def _span(doc: Doc, start: int, end: int, label: str) -> Span:
        sp = Span(doc, start, end, label="Topic")
        sp._.ref = Ref("Topic", cased(label, sp))
        return sp

    def _candidates(self, doc: Doc) -> Iterable[Token]:
        """Heads of noun phrases in a place where English names subject areas."""
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
                continue
            head = tok.head
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _PREPS:
                gov = head.head
                if gov.lemma_.lower() in self.nouns or gov.lemma_.lower() in self.verbs:
                    yield tok
                elif gov.dep_ == "amod" and gov.head.lemma_.lower() in self.nouns:
                    yield tok
                elif head.lower_ in ("including", "like") or (head.lower_ == "as" and gov.lower_ == "such"):
                    yield tok
            elif tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.verbs:
                yield tok
            elif tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ == "such":
                yield tok


def _conjuncts(tok: Token) -> List[Token]:
    out, stack = [], list(tok.children)
    while stack:
        c = stack.pop()
        if c.dep_ == "conj":
            out.append(c)
            stack.extend(c.children)
    return out


def _phrase(doc: Doc, tok: Token, names: Set[int]) -> Optional[Span]:
    """The noun phrase a token heads, without determiners, possessives, coordinated phrases or
    relative clauses; None when a name is part of it (a name is no subject area)."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.pos_ not in _DROP:
            left = min(left, c.left_edge.i)
    right = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "for") and c.i == right:
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.i - c.i <= 4:
                right = obj.i + 1
        break
    while left < tok.i and doc[left].pos_ in _DROP:
        left += 1
    if any(i in names for i in range(left, right)):
        if tok.i in names:
            return None
        left = tok.i
    return Span(doc, left, right) if right > left else None


@Language.factory("kg_topics", assigns=["doc.spans"], requires=["doc.spans", "token.dep"],
                  default_config={"topics": {"@misc": "kg.topics.v1"}})
def make_topics(nlp: Language, name: str, topics: TopicTable) -> Topics:
    return Topics(nlp, name, topics=topics)

