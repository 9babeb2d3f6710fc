"""Reading the parse for kg_events: a trigger's slots, and who stands in them.

A rule of ``kg/data/patterns/events.jsonl`` names the slots of a trigger word where its
visitor, host, participants, name and place stand; this module reads every slot off the
dependency parse the same way for every trigger:

- ``subject``: the clause's subject with its conjuncts ("Xi and Lula met"); a verb with none
  takes it from the verb it depends on ("agreed to meet", "arrived and held talks"), from the
  object of a verb of asking or inviting ("invited Lula to visit"), or from the noun a
  participle or relative clause describes ("Lula, who is visiting Hanoi", "leaders attending
  the summit"); ``agent`` and ``patient`` are a passive's "by" object and its subject;
- ``object``: the direct object; ``prep:W`` the object of the preposition W on the trigger;
- ``owner``: for a noun, the subject of the verb it depends on, directly ("paid a visit",
  "held talks") or through a preposition ("is on a visit", "arrived for a visit", "said at
  the summit"); ``owner-prep:W`` the object of W on that verb ("paid a visit to China");
- ``poss``: a possessor ("Modi's visit", "his talks"); ``modifier``: an entity modifying the
  noun ("Chinese delegation", "China-Kenya talks", "SCO summit"); ``head``: the noun a
  participle modifies ("the visiting minister").

It also finds the verb a noun trigger hangs from (``anchor``), what an event noun frames ("met
... during [his visit]"), and who invited a visitor. Who a token stands for is
:mod:`.events_refs`; places and conference names are :mod:`.events_places`.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Set

from spacy.tokens import Doc, Span, Token

from ...findings import Ref
from .entities import SPANS_KEY as ENTITIES
from .events_places import Places
from .events_refs import ACTORS, Referents, along, expand
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["ACTORS", "Reader", "expand", "is_slot"]

_NOUNS = ("NOUN", "PROPN")
_RELATIVE = {"who", "whom", "that", "which"}
_SLOTS = {"subject", "agent", "patient", "object", "owner", "poss", "modifier", "head"}


def is_slot(name: str) -> bool:
    """Whether a rule's slot name is one this module reads."""
    for prefix in ("prep:", "owner-prep:"):
        if name.startswith(prefix):
            return bool(name[len(prefix):])
    return name in _SLOTS


class Reader(Referents, Places):
    """One Doc as kg_events reads it: indexes built once, slots and referents on demand.

    Args:
        doc: the parsed Doc, with kg_entities, kg_known, positions and mention refs.
        words: word classes of ``events_words.tsv`` (value -> set of lemmas).
        sides: a callable giving the article's two sides (kind, token -> Refs), for "the two
            leaders" and "both countries".
        visitors: a callable giving the visitors of the article's last visit, for "the delegation".
    """

    def __init__(self, doc: Doc, words: Dict[str, Set[str]], sides: Callable[[str], List[Ref]],
                 visitors: Callable[[], List[Ref]]):
        self.doc = doc
        self.words = words
        self.sides = sides
        self.visitors = visitors
        self.ents: Dict[int, List[Span]] = {}
        for s in doc.spans.get(ENTITIES, []):
            if s._.ref is not None:
                for i in range(s.start, s.end):
                    self.ents.setdefault(i, []).append(s)
        self.known: Dict[int, Span] = {}
        for k in doc.spans.get(KNOWN, []):
            for i in range(k.start, k.end):
                self.known[i] = k
        self.deep = False                              # see anchor()
        self._place_states: Dict[Ref, Optional[Ref]] = {}
        self._countries: Dict[Ref, Optional[Ref]] = {}
        self.hosts_of: Dict[Ref, List[Ref]] = {}       # visitor -> who invited them (their hosts)
        self.offices: Dict[int, object] = {}
        self.held: Dict[tuple, Set[Ref]] = {}           # (role, state or None) -> everyone named holding it
        for o in doc._.positions or ():
            for i in range(o.span.start, o.span.end):
                self.offices[i] = o
            if o.holders and not o.former:
                for key in ((o.role.lower(), None), (o.role.lower(), o.state), ("kind:" + o.title.kind, o.state)):
                    self.held.setdefault(key, set()).update(h._.ref for h in o.holders if h._.ref)

    # ------------------------------------------------------------------ slots
    def slot(self, t: Token, name: str) -> List[Token]:
        """The tokens in slot ``name`` of trigger ``t``."""
        if name.startswith("prep:"):
            return self.prep(t, name[5:])
        if name.startswith("owner-prep:"):
            gov = self.anchor(t)
            return self.prep(gov, name[11:]) if gov is not None and gov is not t and self.owns(t, gov) else []
        return getattr(self, "_" + name)(t)

    def subject(self, t: Token, depth: int = 0, control: bool = True) -> List[Token]:
        """The subject of a verb, from the words it depends on when it has none of its own
        (``control``: an object of the verb above may stand for it, as in "invited X to visit")."""
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            return expand(subs) + self._along(t)
        fronted = self._fronted_subject(t)
        if fronted is not None:
            return expand([fronted])
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or depth > 5 or t.head is t:
            return []                           # a passive's subject is its patient
        head = t.head
        infinitive = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if t.dep_ == "xcomp" or infinitive:
            # "invited Lula to visit", "accompany X to meet Y": the object controls; "is expected
            # to meet": the passive's subject; "agreed to meet": the subject
            objs = ([c for c in head.children if c.dep_ == "dobj"] if control else []) or \
                [c for c in head.children if c.dep_ == "nsubjpass"]
            return expand(objs) + self._along(head) if objs else self.subject(head, depth + 1, control)
        if t.dep_ in ("advcl", "conj", "ccomp", "acomp") and head.pos_ in ("VERB", "AUX"):
            if t.dep_ == "ccomp" and t.tag_ not in ("VBG", "VBN"):
                return []
            return self.subject(head, depth + 1, control)
        if t.dep_ in ("relcl", "acl") and head.pos_ in _NOUNS + ("PRON",):
            return [head]                       # "Lula, who is visiting", "leaders attending the summit"
        if t.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return self.subject(head.head, depth + 1, False)   # "after meeting Putin, Trump said"
        return []

    def _fronted_subject(self, t: Token) -> Optional[Token]:
        """ "At the forum held in Beijing, Azerbaijan signed ...": a main verb without a subject,
        right after a name the parse hangs as an apposition inside the phrase put before it (after
        a comma), has that name as its subject."""
        if t.dep_ != "ROOT" or t.tag_ not in ("VBD", "VBZ", "VBP") or t.i == t.sent.start:
            return None
        if any(c.dep_ in ("nsubjpass", "expl", "auxpass") for c in t.children):
            return None
        prev = t.doc[t.i - 1]
        left = prev.left_edge
        if prev.dep_ != "appos" or prev.head.i >= prev.i or prev.i not in self.ents or left.i == 0 \
                or t.doc[left.i - 1].text != ",":
            return None
        return prev

    def _along(self, verb: Token) -> List[Token]:
        """People and states acting "along with" the subject (never a bank "together with" which
        support is given)."""
        return [t for t in along(verb) if self.ref(t) and all(r.type in ("Person", "Country") for r in self.ref(t))]

    def _subject(self, t: Token) -> List[Token]:
        return self.subject(t) if t.pos_ in ("VERB", "AUX") else []

    def _agent(self, t: Token) -> List[Token]:
        return expand(g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")

    def _patient(self, t: Token) -> List[Token]:
        own = [c for c in t.children if c.dep_ == "nsubjpass"]
        if not own and t.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in t.children):
            # "he is expected to be received by X", "X wants to be received"
            own = [c for c in t.head.children if c.dep_ == "dobj"] or \
                [c for c in t.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        return expand(own)

    def _object(self, t: Token) -> List[Token]:
        objs = [c for c in t.children if c.dep_ == "dobj"]
        if objs:
            # "met A in a meeting, B and C": the parse hangs the rest of the list on the verb
            objs += [c for c in t.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > objs[0].i]
        if not objs:
            # "met and held talks with X" is not "met X"; but "visited and toured X" shares X
            for c in t.children:
                if c.dep_ == "conj" and c.lemma_ == t.lemma_:
                    objs = [x for x in c.children if x.dep_ == "dobj"]
        if not objs:
            # "visited Azerbaijan", a name the parse hangs as an adverbial of the verb
            objs = [c for c in t.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > t.i
                    and any(s.label_ in ("Country", "Place", "Person") for s in self.ents.get(c.i, ()))]
        return expand(objs)

    def prep(self, t: Token, word: str) -> List[Token]:
        """Objects of the preposition ``word`` on ``t`` (and on a participle after a noun)."""
        holders = [t] + ([c for c in t.children if c.dep_ == "acl"] if t.pos_ in _NOUNS else [])
        out: List[Token] = []
        for h in holders:
            for p in h.children:
                if p.dep_ in ("prep", "agent", "dative") and p.lower_ == word:
                    objs = [c for c in p.children if c.dep_ == "pobj"]
                    if not objs and not any(c.dep_ == "pcomp" for c in p.children):
                        # "call on X", parsed as a particle and an object
                        objs = [c for c in h.children if c.dep_ == "dobj" and c.i > p.i][:1]
                    out += expand(objs)
        return out

    def anchor(self, t: Token, deep: Optional[bool] = None) -> Optional[Token]:
        """The verb a noun trigger depends on: "held [talks]", "is on a [visit]", "arrived
        for a [visit]", "said at the [summit]", "met on the sidelines of the [summit]". When
        ``deep`` (talks and conferences: the default is ``self.deep``), also through the nouns a
        preposition hangs from ("agreed to elevate relations to a partnership following [talks]")."""
        if t.pos_ in ("VERB", "AUX"):
            return t
        deep = self.deep if deep is None else deep
        cur, hops = t, 0
        while hops < 6:
            hops += 1
            head = cur.head
            if head is cur:
                return None
            if cur.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ in ("acl", "advcl", "prep") \
                    and head.lower_ in self.words.get("sequence_prep", ()):
                # "agreed to reopen the crossings following talks": a participle read as a
                # preposition; the event belongs to the verb above it
                gov = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                return gov if gov is not None and self._owner_prep(head.lower_) else None
            if cur.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and head.pos_ in ("VERB", "AUX"):
                return head
            if cur.dep_ == "nsubj" and head.lemma_.lower() in self.words.get("event_verb", ()):
                return head                     # "the session opened in Nairobi"
            if cur.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
                gov = head.head
                if gov.pos_ == "NOUN" and gov.lemma_.lower() in self.words.get("take_part", ()) \
                        and head.lower_ in ("in", "at"):
                    return gov                  # "his participation in the forum"
                if gov.pos_ == "ADJ" and gov.dep_ == "acomp" and self._owner_prep(head.lower_):
                    gov = gov.head                      # "were present during the meeting"
                if gov.pos_ in ("VERB", "AUX"):
                    return gov if self._owner_prep(head.lower_) else None
                if gov.pos_ in _NOUNS and head.lower_ == "of" and gov.lemma_.lower() in self.words.get("frame", ()):
                    cur = gov                   # "on the sidelines of the summit"
                    continue
                if deep and gov.pos_ in _NOUNS and self._owner_prep(head.lower_):
                    cur = gov
                    continue
                return None
            if cur.dep_ == "conj":
                cur = head
                continue
            return None
        return None

    def same_clause(self, t: Token) -> bool:
        """Whether a noun trigger tells the event of the verb it hangs from ("arrived for a
        visit", "met X in a meeting"), not one before or after it ("met X before talks with Y")."""
        return not (t.dep_ == "pobj" and t.head.lower_ in self.words.get("sequence_prep", ()))

    def _owner_prep(self, word: str) -> bool:
        return word in self.words.get("owner_prep", ())

    def owns(self, t: Token, gov: Token) -> bool:
        """Whether the subject of the verb an event noun hangs from takes part in the event: a
        verb of holding or attending it ("held talks", "attended the summit", "paid a visit"),
        or one it hangs from through a preposition ("is on a visit", "said at the summit"); not a
        verb that speaks of it ("highlighted the meeting of A and B", "welcomed the visit")."""
        if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() in self.words.get("hold", ()):
            return True
        cur = t
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        if cur.head.i == gov.i and cur.dep_ in ("dobj", "nsubjpass", "oprd"):
            return False
        # "highlighted [the meeting of A and B] during the summit": the frame is the object's
        events = self.words.get("event_noun", ())
        above = {a.i for a in t.ancestors}
        return not any(c.dep_ == "dobj" and c.i not in above and c.lemma_.lower() in events for c in gov.children)

    def _owner(self, t: Token) -> List[Token]:
        gov = self.anchor(t)
        if gov is None or gov is t or not self.owns(t, gov):
            return []
        if gov.pos_ == "NOUN":
            return self._poss(gov)
        subs = self.subject(gov) or self._agent(gov)
        if not subs and gov.dep_ == "acl":
            return [gov.head]
        return subs

    def _poss(self, t: Token) -> List[Token]:
        # "X's State of the Union Address": the possessor of the name's first word
        head = self.name_head(t) if t.pos_ == "PROPN" else t
        return expand(c for c in head.children if c.dep_ == "poss")

    def _modifier(self, t: Token) -> List[Token]:
        return [c for c in t.children if c.dep_ in ("compound", "nmod", "amod", "npadvmod") and c.i in self.ents]

    def _head(self, t: Token) -> List[Token]:
        if t.dep_ in ("amod", "acl", "compound") and t.head.pos_ in _NOUNS:
            return expand([t.head])
        return []

    def inviters(self, tok: Token, anchor: Optional[Token]) -> List[Ref]:
        """Who invited a visitor: "at the invitation of X", "at X's invitation"."""
        for h in (tok, anchor):
            for p in (h.children if h is not None else ()):
                if p.dep_ != "prep" or p.lower_ not in ("at", "on", "upon"):
                    continue
                for g in p.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() == "invitation":
                        got = self.refs(self._poss(g), ("Person", "Country")) or \
                            self.refs(self.prep(g, "of"), ("Person", "Country"))
                        if got:
                            return got
        return []

    def frame_head(self, t: Token) -> Optional[Token]:
        """What an event noun frames: "met ... during [his visit]" -> met; "the meeting on the
        sidelines of [the summit]" -> meeting; "[the talks]" after "during" -> the clause's verb."""
        if t.dep_ != "pobj":
            return None
        prep = t.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in self.words.get("frame", ()) \
                and prep.head.dep_ == "pobj":
            prep = prep.head.head               # "on the sidelines of the summit"
        if prep.lower_ not in self.words.get("frame_prep", ()):
            return None
        return prep.head

    def governor(self, t: Token) -> Optional[Token]:
        """The first verb above a word."""
        cur = t.head
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX"):
                return cur
            if cur.head is cur:
                return None
            cur = cur.head
        return None


