"""The slots of kg_stances' rules, read off the dependency parse the same way for every trigger.

A rule (``kg/data/patterns/stances.jsonl``, ``memberships.jsonl``) says where a trigger's actor
and object stand by slot names:

- ``subject``: the clause's subject, with its conjuncts ("Kenya and Ghana support"); a verb with
  none takes it from the verb it depends on ("agreed to support", "is willing to back", "support
  and defend", "the commitment to supporting", "urged Kenya to support": the object controls;
  "one of the first countries to back"; "its readiness to support"); ``agent`` and ``patient``
  are the passive's "by" object and subject; ``object`` the direct object (shared by "opposes
  and condemns X"); ``complement-subject`` the subject of the clause a verb takes ("helped X
  recover");
- ``prep:W``: the object of the preposition W on the trigger (or on its participle: "support
  extended to X"); ``prep-deep:W`` also on the object of another of its prepositions;
  ``owner-prep:W`` on the light verb that governs it ("extended support to X");
  ``copula-prep:W`` on the copula it complements ("of which X are members"); ``acl-prep:W`` on
  a participle after it ("the order based on X");
- ``poss``, ``poss-pronoun``, ``compound``, ``amod``, ``npadvmod``, ``led``: its possessor and
  modifiers ("X's", "X-led", "led by X");
- ``owner``: the subject of the light verb governing a noun ("expressed support");
  ``credited`` and ``thanker``: under a word of thanks, who is thanked and who thanks ("thanked
  Japan for its support");
- ``copula``, ``appos``, ``as``, ``head``: who a noun describes ("X is a member", "X, a member",
  "as a member, X ...", "NATO member X"); ``such-as``, ``relcl``: the named examples of a plural
  and its relative clause; ``anaphor``: "the organisation", "the bloc" in the sentence.

Reads: the parse and the ``kg_entities`` spans (a modifier counts when it names something).
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Span, Token

from .entities import SPANS_KEY as ENTITIES
from .walk import closure

__all__ = ["Slots", "expand", "ranked", "is_anaphor", "NOUNS", "ANAPHORS"]

NOUNS = ("NOUN", "PROPN")
_COPULAS = {"be", "become", "remain"}
#: verbs whose object an "as" phrase describes ("have X as an ally", "regard X as a partner")
AS_OBJECT_VERBS = {"have", "see", "regard", "view", "consider", "welcome", "count", "treat", "recognise",
                   "recognize", "name", "appoint", "elect", "admit", "accept", "designate", "list", "describe"}
#: nouns that name the body last named ("the organisation", "the bloc")
ANAPHORS = {"organization", "organisation", "bloc", "alliance", "grouping", "group", "union", "body"}


def expand(toks: Iterable[Token]) -> List[Token]:
    """The tokens with every conjunct of theirs ("X, Y and Z")."""
    return closure(toks, lambda t: (c for c in t.children if c.dep_ == "conj" and (c.pos_ in NOUNS) == (t.pos_ in NOUNS)))


def ranked(noun: Token) -> bool:
    """Whether a noun is ranked ("the first country", "the only state", "the last member"): its
    infinitive then states a fact ("the first country to support"), not a purpose."""
    return any(c.dep_ == "amod" and (c.lower_ in ("first", "second", "third", "only", "last", "latest")
                                     or c.tag_ == "JJS") for c in noun.children)


def is_anaphor(t: Token) -> bool:
    """Whether a noun refers back to a body: "the bloc", "the organisation's", "its alliance";
    a described one ("the 10-nation regional bloc") may be another."""
    if t.lemma_.lower() not in ANAPHORS or t.pos_ != "NOUN":
        return False
    kids = [c for c in t.children if c.i < t.i]
    return len(kids) == 1 and (kids[0].lower_ == "the" or kids[0].dep_ == "poss" and kids[0].pos_ == "PRON")


class Slots:
    """The slot readers over one Doc.

    Args:
        doc: the parsed Doc, with kg_entities.
        light: verbs whose subject owns the stance noun they govern.
        credit: words of thanks and praise.
        through: noun lemma -> the slots that give what it stands for.
        control: verbs whose object is the subject of the verb they govern ("urged X to").
    """

    def __init__(self, doc: Doc, light: frozenset, credit: frozenset, through: Dict[str, Tuple[str, ...]],
                 control: frozenset = frozenset()):
        self.doc = doc
        self.light, self.credit, self.through, self.control = light, credit, through, control
        self.ents: Dict[int, List[Span]] = {}
        for s in doc.spans.get(ENTITIES, []):
            if s._.ref is not None:
                for i in range(s.start, s.end):
                    self.ents.setdefault(i, []).append(s)

    # ------------------------------------------------------------------ slots
    @classmethod
    def is_slot(cls, name: str) -> bool:
        """Whether a rule's slot name is one this module reads."""
        for prefix in ("prep:", "prep-deep:", "owner-prep:", "copula-prep:", "acl-prep:"):
            if name.startswith(prefix):
                return bool(name[len(prefix):])
        return name == "subject" or hasattr(cls, "_" + name.replace("-", "_"))

    def slot(self, t: Token, name: str, owners: Optional[frozenset] = None) -> List[Token]:
        """The tokens in slot ``name`` of trigger ``t`` (``owners``: light verbs of this rule)."""
        if name.startswith("prep:"):
            return self.prep(t, name[5:])
        if name.startswith("prep-deep:"):
            # the parser often hangs "in Z" of "X under Y in Z" on Y: read it there too
            return self.prep(t, name[10:]) or [x for p in t.children if p.dep_ == "prep"
                                                for o in p.children if o.dep_ == "pobj"
                                                for x in self.prep(o, name[10:], own_only=True)]
        if name.startswith("owner-prep:"):
            gov = self._light_governor(t, owners)
            return self.prep(gov, name[11:], own_only=True) if gov is not None else []
        if name.startswith("copula-prep:"):
            if t.dep_ in ("attr", "acomp") and t.head.lemma_ in _COPULAS:
                return self.prep(t.head, name[12:], own_only=True)
            return []
        if name.startswith("acl-prep:"):
            return [x for c in t.children if c.dep_ == "acl" for x in self.prep(c, name[9:], own_only=True)]
        return getattr(self, "_" + name.replace("-", "_"))(t, owners) if name != "subject" else self.subject(t)

    def subject(self, t: Token, depth: int = 0) -> List[Token]:
        """The subject of a verb or predicate, from the verbs it depends on when it has none."""
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            return expand(subs)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            return []                       # a passive's subject is its patient
        if depth > 5 or t.head is t:
            return []
        head = t.head
        if t.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in self.control:
            # "urged Kenya to support", "called on both sides to promote": the object controls
            ctrl = [c for c in head.children if c.dep_ == "dobj"] or \
                [o for c in head.children if c.dep_ == "prep" and c.lower_ == "on" and c.i == head.i + 1
                 for o in c.children if o.dep_ == "pobj"]
            if ctrl:
                return expand(ctrl)
        if t.dep_ in ("xcomp", "advcl", "acomp", "attr") or (t.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ")):
            return self.subject(head, depth + 1)
        if t.dep_ in ("acl", "relcl") and ranked(head):
            # "X was one of the first countries to support Y", "X became the first state to join"
            h = head
            if h.dep_ == "pobj" and h.head.lower_ in ("of", "among"):
                h = h.head.head if h.head.head.lower_ in ("one", "some") else h.head
            return self.subject(h.head, depth + 1) if h.dep_ in ("attr", "acomp") or h.lower_ == "among" \
                else self._copula(h)
        if t.dep_ == "relcl":
            return [head]
        if t.dep_ == "acl" and t.tag_ == "VBG":
            return [head]                   # "states supporting the resolution"
        if t.dep_ == "acl" and head.pos_ == "NOUN":
            # "its readiness to support X": whoever owns the readiness
            return self._poss(head) or self._owner(head) or self._poss_pronoun(head)
        if t.dep_ == "pcomp" and head.dep_ == "prep":
            gov = head.head
            if gov.pos_ in NOUNS:           # "its commitment to supporting X": the noun's owner
                for name in ("poss", "compound", "amod", "owner", "poss_pronoun"):
                    got = getattr(self, "_" + name)(gov, None)
                    if got:
                        return got
                return []
            return self.subject(gov, depth + 1)
        return []

    def _complement_subject(self, t: Token, owners=None) -> List[Token]:
        """The subject of the clause a verb takes: "helped Kenya recover"."""
        return expand(x for c in t.children if c.dep_ in ("ccomp", "xcomp") for x in c.children if x.dep_ == "nsubj")

    def _agent(self, t: Token, owners=None) -> List[Token]:
        return expand(g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")

    def _patient(self, t: Token, owners=None) -> List[Token]:
        return expand(c for c in t.children if c.dep_ == "nsubjpass")

    def _object(self, t: Token, owners=None) -> List[Token]:
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if not objs and t.dep_ != "conj":
            # "opposes and condemns X": the last verb's object is the first's too
            for c in t.children:
                between = t.doc[t.i + 1:c.i]
                if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj",) for x in c.children) \
                        and all(w.dep_ in ("cc", "advmod") or w.head is c for w in between) \
                        and not any(x.dep_ in ("xcomp", "ccomp", "prep") for x in t.children):
                    objs = [x for x in c.children if x.dep_ == "dobj"]
                    if objs:
                        break
        return expand(objs)

    def prep(self, t: Token, word: str, own_only: bool = False) -> List[Token]:
        """Objects of the preposition ``word`` on ``t`` (and on a participle after a noun)."""
        holders = [t]
        if not own_only and t.pos_ in NOUNS:
            # a participle after the noun ("support extended to X"), not an infinitive
            holders += [c for c in t.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")]
        out: List[Token] = []
        for h in holders:
            preps = [c for c in h.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word]
            preps += [x for p in preps for x in p.children if x.dep_ == "conj" and x.lower_ == word]
            for p in preps:
                objs = [c for c in p.children if c.dep_ == "pobj"] or [c for c in p.children if c.dep_ == "pcomp"]
                out += expand(objs)
        return out

    def _poss(self, t: Token, owners=None) -> List[Token]:
        # a possessor, however the parser attached it ("X's" with its "'s" under a modifier)
        return expand(c for c in t.children if c.pos_ != "PRON" and (
            c.dep_ == "poss" or any(x.dep_ == "case" and x.lower_ in ("'s", "’s", "'") for x in c.children)))

    def _poss_pronoun(self, t: Token, owners=None) -> List[Token]:
        return [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PRON"]

    def _compound(self, t: Token, owners=None) -> List[Token]:
        # a name, or a noun that stands for one ("X's sovereignty and territorial integrity")
        return [c for c in t.children if c.dep_ in ("compound", "nmod") and
                (c.i in self.ents or (c.pos_ == "NOUN" and c.lemma_.lower() in self.through))]

    def _amod(self, t: Token, owners=None) -> List[Token]:
        return [c for c in t.children if c.dep_ == "amod" and c.i in self.ents]

    def _npadvmod(self, t: Token, owners=None) -> List[Token]:
        return [c for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and c.i in self.ents]

    def _led(self, t: Token, owners=None) -> List[Token]:
        """Who leads it: "the UN-led order", "a process led by the African Union"."""
        out = [x for c in t.children if c.dep_ in ("amod", "compound") and c.lemma_.lower() == "lead"
               for x in self._npadvmod(c)]
        return out or [x for c in t.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"
                       for x in self._agent(c)]

    def _head(self, t: Token, owners=None) -> List[Token]:
        if t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ in NOUNS:
            return [t.head]
        return []

    def _light_governor(self, t: Token, owners: Optional[frozenset]) -> Optional[Token]:
        """The light verb whose object the noun is ("expressed support", "voiced its support")."""
        verbs = owners if owners is not None else self.light
        while t.dep_ == "conj" and t.head.pos_ in NOUNS:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.dep_ == "dobj":
            t = t.head.head                 # "provided $50 million in aid to X"
        if t.dep_ == "dobj" and t.head.lemma_.lower() in verbs:
            return t.head
        return None

    def _owner(self, t: Token, owners=None) -> List[Token]:
        gov = self._light_governor(t, owners)
        return self.subject(gov) if gov is not None else []

    def credit_word(self, t: Token) -> Optional[Token]:
        """The word of thanks a stance noun stands under: "thanked X for its support",
        "appreciation for X's support", "appreciates X's support"."""
        while t.dep_ == "conj" and t.head.pos_ in NOUNS:
            t = t.head
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("for", "over", "of", "on", "to"):
            gov = t.head.head
        elif t.dep_ == "dobj":
            gov = t.head
        else:
            return None
        return gov if gov.lemma_.lower() in self.credit else None

    def _credited(self, t: Token, owners=None) -> List[Token]:
        c = self.credit_word(t)
        if c is None or c.pos_ != "VERB":
            return []
        return expand(x for x in c.children if x.dep_ == "dobj" and x is not t)

    def _thanker(self, t: Token, owners=None) -> List[Token]:
        c = self.credit_word(t)
        if c is None:
            return []
        if c.pos_ in NOUNS:               # "expressed appreciation for", "X's gratitude for"
            return self._poss(c) or self._owner(c) or self._poss_pronoun(c)
        return self.subject(c)

    def _copula(self, t: Token, owners=None) -> List[Token]:
        if t.dep_ in ("attr", "acomp") and t.head.lemma_ in _COPULAS:
            return self.subject(t.head)
        return []

    def _appos(self, t: Token, owners=None) -> List[Token]:
        if t.dep_ == "appos":
            return expand([t.head])         # "Turkey, a NATO ally"
        # the name after the noun: "NATO ally Turkey", "a NATO member, Turkey"
        return expand([c for c in t.children if c.dep_ == "appos" and c.i > t.i and c.pos_ == "PROPN"])

    def _as(self, t: Token, owners=None) -> List[Token]:
        prep = t.head
        if t.dep_ == "dobj" and prep.dep_ in ("pcomp", "pobj", "amod") and prep.head.lower_ == "as":
            prep = prep.head                # "as founding members" read as a participle and its object
        elif t.dep_ != "pobj":
            return []
        if prep.lower_ == "as" and prep.dep_ == "prep":
            gov = prep.head
            if gov.pos_ in NOUNS:
                return expand([gov])
            # "have X as a member", "see X as a partner": after a verb of regarding or naming,
            # the verb's object is what "as" says ("Y, as chair, will host X": the subject)
            objects = [c for c in gov.children if c.dep_ == "dobj" and c.i < prep.i] \
                if gov.lemma_ in AS_OBJECT_VERBS else []
            return expand(objects) if objects else self.subject(gov)
        return []

    def _such_as(self, t: Token, owners=None) -> List[Token]:
        out: List[Token] = []
        for p in t.children:
            if p.dep_ == "prep" and (p.lower_ in ("including", "like") or
                                     (p.lower_ == "as" and any(c.lower_ == "such" for c in p.children) or
                                      p.lower_ == "as" and p.i > 0 and p.doc[p.i - 1].lower_ == "such")):
                out += expand(c for c in p.children if c.dep_ == "pobj")
        return out

    def _relcl(self, t: Token, owners=None) -> List[Token]:
        return [c for c in t.children if c.dep_ == "relcl"]

    def _anaphor(self, t: Token, owners=None) -> List[Token]:
        """ "the organisation", "the bloc", "the group" in the trigger's sentence: the body last
        named before it, within three sentences."""
        for w in t.sent:
            if is_anaphor(w) and w.i not in self.ents:
                return [w]
        return []

    def is_through(self, t: Token) -> bool:
        """Whether a noun stands for what modifies it ("Kenya's bid", "the people of X")."""
        return t.pos_ == "NOUN" and t.lemma_.lower() in self.through
