"""The words that govern a document's mention, for kg_agreements: :class:`Governors` finds
them (its verb, the noun it is "of" or "on" of, a relative clause or participle on it, through
coordination, apposition and lists of documents) and reads from them, by the status rules of
``agreements.jsonl``, the document's status, parties, signatories, date and topics.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Token

from ...findings import Ref
from ...topics import TopicTable
from .agreements_parse import (NOUNISH, attached_times, conjuncts, governor, infinitive, later, mood_of,
                               sentence_for, subject_of)
from .agreements_sides import Sides
from .agreements_tables import Found
from .agreements_topics import np_topics

__all__ = ["Governors"]

#: prepositions of a list of documents ("12 documents, including a memorandum ...")
_CONTAINER_PREPS = {"including", "among", "like"}
#: words for the relations between parties, which are no subject area by themselves
_RELATION_WORDS = {"relationship", "relation", "tie", "partnership", "friendship", "bond", "link"}


@dataclass
class Governors:
    """What the words that govern a document say of it (see the module's docstring), by
    kg_agreements' tables."""

    nouns: Dict[str, str]               # a document's nouns -> their kind
    status_rules: Sequence[dict]        # the rules of a status, those that ask more first
    topic_rules: Sequence[dict]
    clause_verbs: FrozenSet[str]        # verbs through whose clause a subject is read
    witnesses: FrozenSet[str]           # verbs of witnessing a signing
    topics: TopicTable

    def governors(self, h: Token, depth: int = 0) -> List[Tuple[Token, str, bool]]:
        """(trigger, slot) for each word that governs a document: its verb, the noun it is the
        "of" or "on" of, the verb of a relative clause or participle on it or on the last words
        of its phrase ("a memorandum on energy cooperation, signed by ..."); through
        coordination, apposition and lists ("12 documents, including a memorandum ...",
        "among them a memorandum ...")."""
        if depth > 4:
            return []
        own = depth == 0
        t = h
        while t.dep_ in ("conj", "appos") and t.head.pos_ in NOUNISH and t.head.i != t.i:
            t = t.head
        out: List[Tuple[Token, str, bool]] = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                out.append((t, "self", own))
            elif c.dep_ == "prep" and c.lower_ in _CONTAINER_PREPS and any(
                    x.dep_ == "pobj" and x.pos_ == "PRON" for x in c.children):
                box = self._box_before(t)       # "among them a memorandum": the documents just counted
                if box is not None:
                    out += self.governors(box, depth + 1)
        # relative clauses and participles on the document, or on the end of its phrase
        for x in [t] + [y for y in t.subtree if y.i > t.i and not self.heads_document(y)]:
            for c in x.children:
                if c.dep_ not in ("relcl", "acl") or c.pos_ not in ("VERB", "AUX"):
                    continue
                slot = self.clause_slot(c)
                if x.i == t.i or slot == "under" or (slot is not None and self.rule(c, slot) is not None):
                    if slot is not None:
                        out.append((c, slot, own))
        dep = t.dep_
        head = t.head
        if dep in ("dobj", "nsubjpass", "oprd"):
            out.append((head, "object", own))
            if head.lemma_.lower() in ("include", "comprise", "cover") and dep == "dobj":
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is not None and self._container(subj):
                    out += self.governors(subj, depth + 1)
        elif dep == "nsubj":
            out.append((head, "subject", own))
        elif dep == "attr" and any(c.dep_ == "prep" and c.lower_ in _CONTAINER_PREPS for c in head.children):
            box = self._box_before(t)           # "Among them was a memorandum ..."
            if box is not None:
                out += self.governors(box, depth + 1)
        elif dep in ("pobj", "pcomp") and head.dep_ == "prep":
            gov = head.head
            if head.lower_ in _CONTAINER_PREPS or (head.lower_ == "as" and gov.lower_ == "such"):
                box = gov.head if head.lower_ == "as" else gov
                if not self._container(box):
                    box = next((o for c in box.children if c.dep_ == "prep" and c.lower_ == "of"
                                for o in c.children if o.dep_ == "pobj" and self._container(o)), None)
                if box is not None:
                    out += self.governors(box, depth + 1)
            else:
                out.append((gov, head.lower_, own))
        return out

    @staticmethod
    def clause_slot(c: Token) -> Optional[str]:
        """Where the noun a relative clause or participle describes stands in it."""
        if c.dep_ == "acl":
            return "object" if c.tag_ == "VBN" else "subject"
        rel = next((x for x in c.subtree if x.tag_ in ("WDT", "WP") or x.lower_ in ("which", "that")), None)
        if rel is None:
            return "object"
        if rel.dep_ == "nsubj":
            return "subject"
        if rel.dep_ in ("nsubjpass", "dobj"):
            return "object"
        if rel.dep_ == "pobj" and rel.head.head.i == c.i:
            return rel.head.lower_
        return None

    def heads_document(self, tok: Token) -> bool:
        return tok.pos_ in NOUNISH and tok.lemma_.lower() in self.nouns and self.nouns[tok.lemma_.lower()] != "container"

    def _box_before(self, tok: Token) -> Optional[Token]:
        """The nearest word before ``tok`` (in its sentence or the one before) that counts
        documents ("signed 15 documents", "the exchange of six agreements")."""
        doc = tok.doc
        first = tok.sent.start
        if first > 0:
            first = doc[first - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            if self._container(doc[i]):
                return doc[i]
        return None

    def _container(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return self.nouns.get(lemma) == "container" or (lemma in self.nouns and tok.tag_ in ("NNS", "NNPS"))

    def rule(self, trig: Token, slot: str) -> Optional[dict]:
        lemma = trig.lemma_.lower()
        for r in self.status_rules:
            if r["slot"] != slot or (r["lemmas"] != ["*"] and lemma not in r["lemmas"]):
                continue
            if "with" in r and not any(x.lemma_.lower() in r["with"] for c in trig.children
                                       for x in (c, *c.children)):
                continue
            if "under" in r and governor(trig).lemma_.lower() not in r["under"]:
                continue
            if slot == "under" and (trig.tag_ not in ("VBZ", "VBP", "VBN", "VBG") or trig._.modality != "asserted"):
                continue                        # "under which X supplies": a present arrangement
            return r
        return None

    def governed(self, doc: Doc, h: Token, got: Found, sides: Sides) -> None:
        """Status, parties, signatories, date and topics from the words that govern a document."""
        anchors: Set[int] = set()
        for trig, slot, own in self.governors(h):
            for r in self.topic_rules:
                if own and trig.lemma_.lower() in r["lemmas"] and slot in r.get("as", ("subject", "object")):
                    got.topics += self._slot_topics(trig, r["slot"], sides, h)
            if own and trig.pos_ == "VERB" and slot == "object":
                # a purpose said of it ("signed ... to deepen cooperation in X", "was drafted to
                # improve trade")
                for c in trig.children:
                    if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and infinitive(c):
                        got.topics += self.purpose(c, sides)
            if slot == "under":
                # "an agreement under which A supplies oil to B for tea": A and B its parties,
                # oil and tea what it is about
                for c in [trig] + [x for x in trig.children if x.dep_ == "prep" and x.lower_ in ("to", "with", "from")]:
                    subj = next((x for x in c.children if x.dep_ in ("nsubj", "pobj")), None)
                    if subj is not None and subj.lower_ not in ("which", "that"):
                        got.parties += sides.of_phrase(subj)[0]
                if own:
                    for c in trig.children:
                        if c.dep_ == "dobj":
                            got.topics += np_topics(c, sides, self.topics)
                        elif c.dep_ == "prep" and c.lower_ in ("for", "in"):
                            for obj in (x for x in c.children if x.dep_ == "pobj"):
                                got.topics += np_topics(obj, sides, self.topics)
            r = self.rule(trig, slot)
            if r is None:
                continue
            mood = mood_of(trig)
            status = None
            if r.get("status") and mood != "negated":
                status = {"asserted": r["status"], "planned": r.get("planned", "planned"),
                          "hypothetical": r.get("hypothetical", "proposed")}.get(mood)
            got.status = later(got.status, status)
            if r.get("dated") and status in ("signed", "agreed"):
                anchors.add(trig.i)
            if slot == "under":
                continue
            # who: the trigger's "with" and "between", its subject or agent (or that of the
            # words it depends on: "witnessed the signing of", "agreed to sign")
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                    for obj in (x for x in c.children if x.dep_ == "pobj"):
                        got.parties += sides.of_phrase(obj, organs=False)[0]
                        got.group = got.group or any(sides.is_group(x) for x in conjuncts(obj))
            if not r.get("party"):
                continue
            subj = subject_of(trig, self.clause_verbs)
            if subj is None:
                continue
            more, who = sides.of_phrase(subj)
            direct = subj.head.i == trig.i or (subj.head.dep_ == "agent" and subj.head.head.i == trig.i)
            if not direct and len(more) < 2 and governor(trig).lemma_.lower() in self.witnesses:
                more = []                       # one envoy witnessing a signing is no party to it
            if not got.explicit:
                got.parties += more
            got.group = got.group or any(sides.is_group(x) for x in conjuncts(subj))
            if r.get("signs") and direct and mood != "negated":
                got.signatories += [p for p in who if p not in got.signatories]
        if anchors and got.date is None:
            sent = sentence_for(doc, h)
            times = attached_times(doc, sent, anchors, frozenset({h.i}))
            if times:
                got.date = times[0]

    def purpose(self, verb: Token, sides: Sides) -> List[Tuple[Ref, str]]:
        """What a purpose clause is about: the objects of "to boost tourism and trade"."""
        out: List[Tuple[Ref, str]] = []
        for v in conjuncts(verb):
            for c in v.children:
                if c.dep_ == "dobj" and (c.lemma_.lower() not in _RELATION_WORDS or any(
                        x.dep_ == "prep" and x.lower_ in ("in", "on") for x in c.children)):
                    # "to strengthen their relationship" names no subject area; "to deepen
                    # cooperation in energy" does
                    out += np_topics(c, sides, self.topics)
        return out

    def _slot_topics(self, verb: Token, slot: str, sides: Sides, h: Token) -> List[Tuple[Ref, str]]:
        out: List[Tuple[Ref, str]] = []
        if slot == "clause":
            # "..., the joint statement said", "according to the statement, ...": the subject
            # areas the rest of the sentence names (the topic pass's findings), unless another
            # document is what the sentence is about ("The memorandum provides for ..., according
            # to the statement")
            own = {t.i for t in h.subtree}
            sent = h.sent
            if any(t.i not in own and self.heads_document(t) and t.dep_ in ("nsubj", "nsubjpass") for t in sent):
                return out
            for sp in sides.topic_spans:
                if sent.start <= sp.start and sp.end <= sent.end and not own & set(range(sp.start, sp.end)):
                    out.append((sp._.ref, " ".join(sp.text.split())))
            return out
        for c in verb.children:
            if slot == "object" and c.dep_ == "dobj":
                out += np_topics(c, sides, self.topics)
            elif c.dep_ == "prep" and c.lower_ == slot:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        out += np_topics(obj, sides, self.topics)
                    elif obj.dep_ == "pcomp" and obj.pos_ == "VERB":
                        out += self.purpose(obj, sides)
        return out
