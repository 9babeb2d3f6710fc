"""Who a word of an event's slot stands for (a mixin of :class:`~.events_parse.Reader`).

The entity whose name it is (``kg_entities``; a capital acting for its state; a name whose last
word the entity left out); the holder of the office it names, in the sentence or, for "the
Foreign Minister", the one the article names; the person a pronoun names (``token._.ref``); the
antecedent of "who"; a state's delegation or side ("a Chinese delegation", "a delegation led by
X"); the examples after "including"; "the Sri Lankan leader"; the two sides of the article ("the
two leaders"); and, for "his host", whoever invited the visitor.
"""
from __future__ import annotations

from typing import Iterable, Iterator, List, Sequence

from spacy.tokens import Token

from ...findings import Ref
from .walk import closure

__all__ = ["Referents", "ACTORS", "expand", "along"]

ACTORS = ("Person", "Country", "Institution")
_NOUNS = ("NOUN", "PROPN")
_RELATIVE = {"who", "whom", "that", "which"}


def along(verb: Token) -> List[Token]:
    """Who acts "along with" or "together with" the subject, as the parse hangs it on the verb."""
    return expand(g for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together")
                  for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                  for g in p.children if g.dep_ == "pobj")


def expand(toks: Iterable[Token]) -> List[Token]:
    """The tokens with every conjunct of theirs ("A, B and C"), and those joined by "along
    with" or "together with" ("A, along with B, visited")."""
    return closure(toks, _joined)


def _joined(t: Token) -> Iterator[Token]:
    """The words joined to a word: its conjuncts and those "along with" it."""
    for c in t.children:
        if c.dep_ == "conj" and (c.pos_ in _NOUNS or c.pos_ == "PRON") == (t.pos_ in _NOUNS or t.pos_ == "PRON"):
            yield c
        elif c.dep_ == "conj" and c.tag_ == "VBG" and t.pos_ in _NOUNS:
            # "X and visiting Minister Y held talks", parsed as X and (visiting Y)
            yield from (g for g in c.children if g.dep_ == "dobj")
        elif c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ in ("along", "together")
                                                             for g in c.children if g.dep_ == "advmod"):
            yield from (g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("advmod", "prep") and c.lower_ in ("along", "together"):
            yield from (g for p in c.children if p.dep_ == "prep" and p.lower_ == "with"
                        for g in p.children if g.dep_ == "pobj")


class Referents:
    """What the words of a Doc stand for (see the module's docstring)."""

    def refs(self, toks: Sequence[Token], types: Sequence[str] = ACTORS) -> List[Ref]:
        """The actors the tokens stand for, in order, each once."""
        out: List[Ref] = []
        for t in toks:
            got = self.ref(t)
            if not got or got[0].type == "Person":
                # "A and Chancellor B", parsed with B in apposition to A
                got = got + [r for c in expand(c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN")
                             for r in self.ref(c) if r.type == "Person"]
            if got and got[0].type == "Person":
                got = self._folded(t) + got
            for r in got:
                if r.type in types and r not in out:
                    out.append(r)
        return out

    def _folded(self, t: Token) -> List[Ref]:
        """People the parse folds into the title before a name: "A and Russian leader B", with A
        read as a modifier of "leader" (the two joined by "and")."""
        own = next((s for s in self.ents.get(t.i, ()) if s.label_ == "Person"), None)
        if own is None:
            return []
        out: List[Ref] = []
        for w in t.subtree:
            if w.i >= own.start:
                break
            span = next((s for s in self.ents.get(w.i, ()) if s.label_ == "Person"), None)
            if span is not None and w.i == span.end - 1 and w.dep_ in ("nmod", "compound") \
                    and any(x.lower_ == "and" for x in t.doc[span.end:own.start]) and span._.ref not in out:
                out.append(span._.ref)
        return out

    def count_sides(self, toks: Sequence[Token], types: Sequence[str] = ACTORS) -> int:
        """How many sides the tokens name: one a word ("the delegation" is one side, however many
        it stands for), two for a phrase that names two ("the two leaders")."""
        n = 0
        for t in toks:
            if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lower_ in ("along", "together"):
                continue                        # "A, along with B, met C": one side
            got = self.refs([t], types)
            if got:
                k = self.known.get(t.i)
                n += len(got) if (k is not None and k.label_ == "group") or t.tag_ == "NNS" and len(got) == 2 else 1
        return n

    def ref(self, t: Token) -> List[Ref]:
        """What one token stands for (see the module's docstring)."""
        if any(c.dep_ in ("compound", "appos", "amod") and c.lemma_.lower() in self.words.get("vessel", ())
               for c in t.children):
            return []                           # "the research ship Shi Yan 6": no one who visits
        if t.lower_ in _RELATIVE and t.head.dep_ == "relcl":
            t = t.head.head
        if t.pos_ == "PRON":
            if t._.ref is not None:
                return [t._.ref]
            if t.lower_ in ("they", "them", "their"):
                got = self.visitors()           # "during their visit, they met": a delegation
                return got if len(got) > 1 else []
            return []
        spans = self.ents.get(t.i, [])
        if not spans and t.pos_ == "PROPN":
            # a name whose last word the entity left out ("President Anura Kumara [Dissanayake]")
            spans = [s for c in t.children if c.dep_ == "compound" and c.i == t.i - 1
                     for s in self.ents.get(c.i, ()) if s.label_ == "Person" and s.end == t.i]
        people = [s for s in spans if s.label_ == "Person"]
        if people:
            return [people[0]._.ref]
        office = self.offices.get(t.i)
        if office is not None:
            got = self._office_holders(office, t)
            if got:
                return got
        k = self.known.get(t.i)
        if k is not None and k.label_ == "group":
            return self.sides(k._.kb.entry, k.start)
        for s in spans:
            if s.label_ in ("Country", "Institution"):
                return [s._.ref]
            if s.label_ == "Place" and s._.country is not None and k is not None and k.label_ == "capital" \
                    and t.dep_ in ("nsubj", "nsubjpass", "agent", "pobj", "dobj", "conj"):
                return [s._.country]            # "Beijing and Moscow held talks"
        if t.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("two", "both") for c in t.children
                                              if c.dep_ in ("nummod", "det", "predet", "amod")):
            if any(c.lower_ == "visiting" for c in t.children):
                got = self.visitors()           # "the two visiting ministers": the visitors
                if len(got) >= 2:
                    return got
            for group in ("leaders", "presidents", "ministers", "countries"):
                if t.lemma_.lower() in self.words.get("two_" + group, ()):
                    return self.sides(group, t.i)   # "the two visiting ministers"
        # "senior officials, including X and Y"; "a delegation ..., including X"
        named = self.refs(expand(g for p in t.children if p.dep_ == "prep" and p.lower_ == "including"
                                 for g in p.children if g.dep_ == "pobj")) if t.pos_ == "NOUN" else []
        if named:
            return named
        if t.pos_ in _NOUNS and t.lemma_.lower() in self.words.get("side", ()):
            return self._side(t)
        if t.pos_ == "NOUN" and t.lemma_.lower() in self.words.get("leader_noun", ()):
            return self._leader(t)
        # "his counterpart, X": the name in apposition
        named = [c for c in t.children if c.dep_ == "appos" and c.i in self.ents]
        return self.ref(named[0]) if named and t.pos_ == "NOUN" else []

    def _leader(self, t: Token) -> List[Ref]:
        """ "the Sri Lankan leader", "Kenya's leader": the one head of that state the article names."""
        states = [s._.ref for c in t.children if c.dep_ in ("amod", "compound", "poss")
                  for s in self.ents.get(c.i, ()) if s.label_ == "Country"]
        if not states:
            return []
        heads = {h._.ref for o in self.offices.values() if o.state == states[0] and not o.former
                 and o.title.kind in ("head_of_state", "head_of_government") for h in o.holders if h._.ref}
        if len(heads) > 1:
            # a president and a prime minister: the one the sentence names
            named = {r for w in t.sent for r in ([s._.ref for s in self.ents.get(w.i, ()) if s.label_ == "Person"])}
            heads &= named
        return list(heads) if len(heads) == 1 else []

    def unnamed(self, t: Token) -> bool:
        """Whether a word stands for someone the text does not name: "his counterpart", "the
        ambassador", "his host"."""
        return t.pos_ == "NOUN" and t.lemma_.lower() in self.words.get("counterpart", ()) \
            or t.pos_ in ("NOUN", "PROPN") and t.i in self.offices

    def resolve_unnamed(self, r) -> None:
        """ "his host": whoever invited the visitor, when the article says."""
        for t in list(r.unnamed):
            if t.lemma_.lower() in self.words.get("host_noun", ()):
                for a in r.actors():
                    got = [h for h in self.hosts_of.get(a, ()) if h not in r.actors()]
                    if got:
                        r.counterparts += got
                        r.other_sides += 1
                        r.unnamed.remove(t)
                        if t in r.unnamed_other:
                            r.unnamed_other.remove(t)
                        break

    def _office_holders(self, office, t: Token) -> List[Ref]:
        if office.former:
            return []
        sent = t.sent
        holders = [h._.ref for h in office.holders if h._.ref is not None and sent.start <= h.start < sent.end]
        if holders:
            # the title word itself, or the name joined to it
            return holders
        generic = len(office.role.split()) < 2 and office.title.kind not in ("head_of_state", "head_of_government",
                                                                            "royal")
        if office.holders and not generic:
            return [h._.ref for h in office.holders if h._.ref is not None]   # named earlier, for sure
        if office.plural or t.i != office.span.root.i \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
                or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > t.i for c in t.children):
            return []                           # "the Foreign Minister" alone, not "Commander, Rear Admiral X"
        # "the Prime Minister", when the article names one holder of that office and no other; never
        # a bare "the Minister", which any minister of the article may be
        if generic:
            return []
        held = self.held.get((office.role.lower(), office.state), set())
        if not held and office.state is not None:
            # "the Iranian Foreign Minister" after "Iran's Minister of Foreign Affairs, X"
            held = self.held.get(("kind:" + office.title.kind, office.state), set())
        return list(held) if len(held) == 1 else []

    def _side(self, t: Token) -> List[Ref]:
        """A state's delegation or side: "a Chinese delegation", "the delegation from Brazil",
        "a delegation led by X"; "the delegation" alone, the visitors of the article's visit."""
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i in self.ents:
                got = [s._.ref for s in self.ents[c.i] if s.label_ in ("Country", "Institution")]
                if got:
                    return got[:1]
        led = [g for c in t.children if c.dep_ == "acl" and c.lemma_ == "lead"
               for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        if led:
            return self.refs(expand(led))
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ in ("from", "of"):
                got = [s._.ref for g in p.children if g.dep_ == "pobj" for s in self.ents.get(g.i, ())
                       if s.label_ == "Country"]
                if got:
                    return got[:1]
                # "a delegation of Tamil leaders, including X and Y"
                got = self.refs([g for g in p.children if g.dep_ == "pobj"], ("Person",))
                if got:
                    return got
        if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            return self.visitors()
        return []
