"""kg_mentions: one chain of mentions per person within an article.

"Joe Biden", "President Biden", "Biden", "Mr. Biden", "he" are one person. News English names a
person in full once, then by the surname (or, for some names, the first or middle name:
"Lula", "Xi"); an office or a courtesy title may stand before the short name. So:

- a short name that is a part of exactly one full name of the article is that person; when
  two people share it (two Rajapaksas), the one introduced with the same office wins
  ("Prime Minister Gunawardena" after "Prime Minister Dinesh Gunawardena"), then the one
  named in full in the last sentences, then the one the short name has named so far (the
  writer keeps it for one person), else the short name stays unresolved and names no one;
- a short name nobody in the article bears in full may name an office-holder of the article's
  date whose surname it is, when exactly one has it (kg.officeholders);
- a word equal to a known short name is a mention even where the NER missed it;
- "he", "she", "his", "her" stand for the person last named as a clause's subject within the
  two sentences before (a pronoun is never resolved across more).

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, the parse. Writes: the Person
spans of ``kg_entities`` get their chain's Ref (``span._.ref``); new spans for short names the
NER missed; ``token._.ref`` on resolved pronouns.
"""
from __future__ import annotations

import bisect
import datetime
from typing import Dict, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...findings import Ref
from ...officeholders import OfficeHolders
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Mentions", "short_forms"]

_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
              "ter", "bin", "ibn", "al", "el", "la", "le", "y", "bint"}
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_OBJECT_FORMS = frozenset({"him", "her"})


def short_forms(name: str) -> Set[str]:
    """The parts of a full name news English uses alone: the last and first words, and
    longer middle words ("Lula" of "Luiz Inácio Lula da Silva"); particles never."""
    parts = [p for p in name.replace("-", " - ").split() if p != "-"]
    if len(parts) < 2:
        return set()
    forms = {parts[0], parts[-1]}
    forms |= {p for p in parts[1:-1] if len(p) > 3 and p.lower() not in _PARTICLES}
    # "Amir-Abdollahian": a hyphenated surname is used whole
    words = name.split()
    if "-" in words[-1]:
        forms.add(words[-1])
    return {f for f in forms if len(f) > 1 and f[0].isupper() and not f.endswith(".") and f.lower() not in _PARTICLES}


class Mentions:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_mentions", *, officeholders: Optional[OfficeHolders] = None):
        self.name = name
        self.officeholders = officeholders

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.spans[ENTITIES]) if ENTITIES in doc.spans else []
        known = list(doc.spans[KNOWN]) if KNOWN in doc.spans else []
        title_before = {k.end: k for k in known if k.label_ == "title"}
        persons = [s for s in ents if s.label_ == "Person"]
        full: Dict[str, Ref] = {}
        intro_title: Dict[Ref, str] = {}
        for s in persons:
            if len(s._.ref.label.split()) >= 2 and s._.ref.label not in full:
                full[s._.ref.label] = s._.ref
                t = title_before.get(s.start)
                if t is not None:
                    intro_title[s._.ref] = t.text.lower()
        by_form: Dict[str, List[Ref]] = {}
        for name, ref in full.items():
            for form in short_forms(name):
                by_form.setdefault(form, []).append(ref)
        # full names that are themselves a part of a longer one ("Lula da Silva" of "Luiz Inácio
        # Lula da Silva", "Anura Kumara" of "Anura Kumara Dissanayake") are that person
        for name, ref in list(full.items()):
            longer = {r for n, r in full.items() if n != name and f" {n} ".find(f" {name} ") >= 0}
            if len(longer) == 1:
                full[name] = longer.pop()
        date = _date(doc)
        sent_index = {}
        for k, sent in enumerate(doc.sents):
            for t in sent:
                sent_index[t.i] = k
        named_at: List[Tuple[int, int, Ref]] = []       # (token, sentence, person) of full names
        for sp in persons:
            if len(sp._.ref.label.split()) >= 2 and sp._.ref.label in full:
                named_at.append((sp.start, sent_index.get(sp.start, 0), full[sp._.ref.label]))
        named_at.sort(key=lambda x: x[0])
        named_at_tokens = [x[0] for x in named_at]

        def recent(sp: Span) -> set:
            """The person named in full last before ``sp`` (three sentences back at most), when
            the others it could be were named earlier."""
            k = sent_index.get(sp.start, 0)
            last: Dict[Ref, int] = {}
            # named_at is in text order: walk back from the span while within three sentences
            for tok, sent, ref in reversed(named_at[:bisect.bisect_left(named_at_tokens, sp.start)]):
                if k - sent > 3:
                    break
                last[ref] = max(last.get(ref, -1), tok)
            if not last:
                return set()
            order = sorted(last.items(), key=lambda kv: -kv[1])
            if len(order) > 1 and sent_index.get(order[0][1], 0) == sent_index.get(order[1][1], 0):
                return set()                    # both named in one sentence: no telling
            return {order[0][0]}
        resolved: List[Span] = []
        taken = {i for s in ents for i in range(s.start, s.end)}
        used: Dict[str, Set[Ref]] = {}          # short name -> the people it has named so far
        for s in ents:
            if s.label_ != "Person":
                resolved.append(s)
                continue
            ref = self._resolve(s, full, by_form, intro_title, title_before, date, recent, used)
            if ref is None:
                continue                        # a short name that names no one for sure
            if len(s._.ref.label.split()) == 1:
                used.setdefault(s._.ref.label, set()).add(ref)
            sp = Span(doc, s.start, s.end, label="Person")
            sp._.ref, sp._.country = ref, s._.country
            resolved.append(sp)
        # short names the NER missed
        for tok in doc:
            if tok.i in taken or tok.text not in by_form:
                continue
            if tok.pos_ != "PROPN" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"
                                       and doc[tok.i + 1].text[:1].isupper()):
                continue
            cands = by_form[tok.text]
            if len(cands) > 1:
                near = [r for r in cands if r in recent(doc[tok.i:tok.i + 1])]
                cands = near or [r for r in cands if used.get(tok.text) == {r}]
            if len(cands) != 1:
                continue
            sp = Span(doc, tok.i, tok.i + 1, label="Person")
            sp._.ref = cands[0]
            resolved.append(sp)
            used.setdefault(tok.text, set()).add(cands[0])
        doc.spans[ENTITIES] = sorted(resolved, key=lambda s: (s.start, -s.end))
        self._pronouns(doc, [s for s in doc.spans[ENTITIES] if s.label_ == "Person"])
        return doc

    def _resolve(self, s: Span, full: Dict[str, Ref], by_form: Dict[str, List[Ref]], intro_title: Dict[Ref, str],
                 title_before: Dict[int, Span], date: Optional[datetime.date], recent=None,
                 used: Optional[Dict[str, Set[Ref]]] = None) -> Optional[Ref]:
        label = s._.ref.label
        if label in full:
            return full[label]
        cands = by_form.get(label, [])
        if len(cands) == 1:
            return cands[0]
        title = title_before.get(s.start)
        if len(cands) > 1:
            if title is not None:
                same = [r for r in cands if intro_title.get(r) == title.text.lower()]
                if len(same) == 1:
                    return same[0]
            # "Ding Tao told reporters ... Ding said": the one of them named in full in this
            # sentence or the one before, when the other is not
            if recent is not None:
                near = [r for r in cands if r in recent(s)]
                if len(near) == 1:
                    return near[0]
            # "Ding Tao ... Ding said ... Ding Xuexiang ... Ding added": the writer keeps a
            # short name for the one person it has named so far
            prior = (used or {}).get(label, set())
            if len(prior) == 1 and next(iter(prior)) in cands:
                return next(iter(prior))
            return None
        if len(label.split()) >= 2:
            return s._.ref
        # a surname alone that no full name of the article has: an office-holder of the day?
        if self.officeholders is not None and date is not None:
            terms = self.officeholders.by_surname(label, on=date)
            people = {t.person for t in terms}
            if len(people) == 1:
                return Ref("Person", people.pop())
        return None

    @staticmethod
    def _pronouns(doc: Doc, persons: List[Span]) -> None:
        """Third-person pronouns stand for the person last named as a subject (two sentences back at most)."""
        sents = list(doc.sents)
        sent_of = {}
        for k, sent in enumerate(sents):
            for t in sent:
                sent_of[t.i] = k
        subjects: List[Tuple[int, int, Ref, int]] = []   # (sentence, token, person, its verb)
        for s in persons:
            root = s.root if s.root.dep_ in ("nsubj", "nsubjpass") else s.root.head
            if s.root.dep_ in ("nsubj", "nsubjpass") or (s.root.dep_ in ("compound", "appos", "conj")
                                                         and s.root.head.dep_ in ("nsubj", "nsubjpass")):
                subjects.append((sent_of.get(s.start, 0), s.start, s._.ref, root.head.i))
        if not subjects:
            return
        subjects.sort(key=lambda x: x[1])
        for tok in doc:
            if tok.lower_ not in _PRONOUNS or tok.pos_ != "PRON":
                continue
            k = sent_of.get(tok.i, 0)
            # "X will meet him": an object is never its own clause's subject (that is "himself")
            verb = tok.head.i if tok.dep_ in ("dobj", "iobj", "dative") else \
                (tok.head.head.i if tok.dep_ == "pobj" else -1)
            before = [x for x in subjects if x[1] < tok.i and k - x[0] <= 2 and x[3] != verb]
            # "talks with Y that saw him visit": an object pronoun after another person named in
            # its sentence may stand for that person as well as for the subject: left unresolved
            if before and tok.lower_ in _OBJECT_FORMS and tok.dep_ != "poss" and any(
                    s.start < tok.i and sent_of.get(s.start) == k and s._.ref != before[-1][2]
                    and s.start > before[-1][1] for s in persons):
                continue
            if before:
                tok._.ref = before[-1][2]


def _date(doc: Doc) -> Optional[datetime.date]:
    art = doc._.article
    return art.reference_date if art is not None else None


@Language.factory("kg_mentions", assigns=["span._.ref", "token._.ref"], requires=["doc.spans"],
                  default_config={"officeholders": {"@misc": "kg.officeholders.v1"}})
def make_mentions(nlp: Language, name: str, officeholders: OfficeHolders) -> Mentions:
    return Mentions(nlp, name, officeholders=officeholders)
