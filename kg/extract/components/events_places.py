"""Where events of kg_events took place, and what conferences are called (a mixin of
:class:`~.events_parse.Reader`).

A place is a Place or Country entity ("in Beijing"), a place noun's "of" or state ("the Chinese
city of Tianjin", "the Kazakh capital"), or, as the place visited, a state's seat or organ ("the
White House"). A conference's name is its capitalised words, with a body's name written out.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Span, Token

from ...findings import Ref

__all__ = ["Places"]

_JOINERS = {"of", "for", "on", "the", "and", "&", "-", "–"}


class Places:
    """Places and names in a Doc (see the module's docstring)."""

    def place(self, t: Token) -> Optional[Span]:
        """The Place or Country entity a preposition's object names: "in Beijing", "in the
        Chinese city of Tianjin", "in the Kazakh capital" (the state)."""
        spans = self.ents.get(t.i, [])
        for label in ("Place", "Country"):
            for s in spans:
                if s.label_ == label:
                    return s
        if t.lemma_.lower() in self.words.get("place_noun", ()):
            for c in t.children:
                if c.dep_ == "appos" and c.i in self.ents:
                    return self.place(c)        # "the Turkish capital Ankara"
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for g in p.children:
                        if g.dep_ == "pobj" and g.i in self.ents:
                            return self.place(g)
            for c in t.children:
                if c.dep_ in ("amod", "compound", "poss") and c.i in self.ents:
                    return next((s for s in self.ents[c.i] if s.label_ == "Country"), None)
        return None

    def seat(self, t: Token) -> Optional[Span]:
        """A state's seat or organ as the place visited ("visited the White House", "the
        Foreign Ministry"): the Institution span, whose ``_.country`` is the state."""
        k = self.known.get(t.i)
        seat = k is not None and (k.label_ == "organ" or k.label_ == "org"
                                  and getattr(k._.kb.entry, "kind", "") == "agency")
        if not seat:
            return None
        return next((s for s in self.ents.get(t.i, ()) if s.label_ == "Institution" and s._.country is not None), None)

    def state_of_place(self, ref: Optional[Ref]) -> Optional[Ref]:
        """The state a Place the Doc names lies in."""
        if ref is None:
            return None
        if ref not in self._place_states:
            self._place_states = {s._.ref: s._.country for spans in self.ents.values() for s in spans
                                  if s.label_ == "Place" and s._.country is not None}
            self._place_states.setdefault(ref, None)
        return self._place_states.get(ref)

    def country_of(self, ref: Ref) -> Optional[Ref]:
        """The state of a body the Doc names ("the TULF" is Sri Lanka's), when known."""
        if ref not in self._countries:
            self._countries = {s._.ref: s._.country for spans in self.ents.values() for s in spans
                               if s._.country is not None}
            self._countries.setdefault(ref, None)
        return self._countries.get(ref)

    def in_body(self, t: Token) -> bool:
        """Whether a word is part of a longer name of a body ("World Economic Forum")."""
        return any(s.label_ == "Institution" and len(s) > 1 for s in self.ents.get(t.i, ()))

    def name_head(self, t: Token) -> Token:
        """The first word of the proper name a capitalised word ends ("[State] of the Union
        Address", "[Forum] for Asia Annual Conference"): the head of the name's phrase."""
        cur = t
        while cur.text[:1].isupper() and cur.dep_ == "pobj" and cur.head.lower_ in ("of", "for", "on"):
            head = cur.head.head
            if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.i == head.sent.start \
                    or not all(w.text[:1].isupper() or w.lower_ in _JOINERS for w in cur.doc[head.i:cur.i + 1]):
                break
            cur = head
        return cur

    def conference_name(self, t: Token) -> Optional[str]:
        """A conference's proper name: its capitalised words ("UN Climate Change Conference",
        "Belt and Road Forum for International Cooperation"), with a body's name written out
        ("SCO Summit" is the Shanghai Cooperation Organization Summit); for a summit written in
        lower case, the body that holds it ("the BRICS summit"). None for a description ("a
        business forum")."""
        head = self.name_head(t)
        if head.i != t.i:
            return self.conference_name(head)
        proper = t.text[:1].isupper() and t.i > t.sent.start
        mods = [c for c in t.lefts if c.dep_ in ("compound", "nmod", "amod", "npadvmod", "poss")]
        # a person's own speech ("X's State of the Union Address") is not named after them
        mods = [m for m in mods if not (m.dep_ == "poss" and any(s.label_ == "Person" for s in self.ents.get(m.i, ())))]
        words = sorted({w.i for m in mods for w in m.subtree if w.i < t.i})
        parts: List[str] = []
        covered = t.i                           # the end of a body's name that takes in the head word
        depth, i = 0, 0
        while i < len(words):
            w = t.doc[words[i]]
            i += 1
            depth += (w.text == "(") - (w.text == ")")
            if depth or w.text in (")", "'s", "’s") or w.dep_ == "det" and not parts:
                continue                        # "(SCO)" repeats the name before it
            span = next((s for s in self.ents.get(w.i, ()) if s.label_ == "Institution"), None)
            if span is not None:
                if not parts or parts[-1] != span._.ref.label:
                    parts.append(span._.ref.label)
                covered = max(covered, span.end)
                while i < len(words) and words[i] < span.end:
                    i += 1
            elif proper and (w.text[:1].isupper() or parts and w.lower_ in _JOINERS):
                parts.append(w.text)
            elif proper and not w.is_punct:
                parts = []                      # "the second Belt and Road Forum": a description first
        while parts and parts[-1].lower() in _JOINERS:
            parts.pop()
        if not parts and not proper:
            return None
        # "Boao Forum for Asia Annual Conference": the body's name takes in the head word
        head_word = [] if covered > t.i else [t.text if proper else t.lemma_.capitalize()]
        name = " ".join(parts + head_word)
        tail = [w for w in self.name_tail(t) if w.i >= covered]
        if tail:
            name += " " + " ".join(w.text for w in tail)
        return name if parts or " " in name else None

    def name_tail(self, t: Token) -> List[Token]:
        """The words of a conference's proper name after its head word ("Forum [for International
        Cooperation]"), up to the first that is not part of it ("... in Beijing")."""
        if not (t.text[:1].isupper() and t.i > t.sent.start):
            return []
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "for", "on") and p.i == t.i + 1:
                sub = {w.i for w in p.subtree}
                tail: List[Token] = []
                for i in range(p.i, p.right_edge.i + 1):
                    w = t.doc[i]
                    if i not in sub or not (w.text[:1].isupper() or w.lower_ in _JOINERS):
                        break
                    tail.append(w)
                while tail and tail[-1].lower_ in _JOINERS:
                    tail.pop()
                return tail if len(tail) > 1 else []
        return []

    def words_of(self, t: Token) -> str:
        """A conference's words as written, for a name made from its place ("Business forum")."""
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
        text = " ".join([m.text for m in mods] + [t.text])
        return text[:1].upper() + text[1:]
