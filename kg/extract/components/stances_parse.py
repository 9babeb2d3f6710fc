"""Reading the parse for kg_stances: the slots a rule names, and who or what stands in them.

A rule (``kg/data/patterns/stances.jsonl``, ``memberships.jsonl``) says where a trigger's actor
and object stand by slot names; this module reads each slot off the dependency parse, the same
way for every trigger:

- ``subject``: the clause's subject, with its conjuncts ("Kenya and Ghana support"); a verb with
  none takes it from the verb it depends on ("agreed to support", "is willing to back", "support
  and defend", "the commitment to supporting"); ``agent`` and ``patient`` are the passive's "by"
  object and subject; ``object`` the direct object (shared by "opposes and condemns X");
- ``prep:W``: the object of the preposition W on the trigger (or on its participle: "support
  extended to X"); ``owner-prep:W`` on the light verb that governs it ("extended support to X");
  ``copula-prep:W`` on the copula it complements ("of which X are members");
- ``poss``, ``poss-pronoun``, ``compound``, ``amod``, ``npadvmod``: its possessor and modifiers;
- ``owner``: the subject of the light verb governing a noun ("expressed support");
  ``credited`` and ``thanker``: under a word of thanks, who is thanked and who thanks ("thanked
  Japan for its support");
- ``copula``, ``appos``, ``as``, ``head``: who a noun describes ("X is a member", "X, a member",
  "as a member, X ...", "NATO member X"); ``such-as``, ``relcl``: the named examples of a plural
  and the subject of a relative clause; ``anaphor``: "the organisation", "the bloc" for the body
  last named.

Then a token stands for: the entity whose name it is (``kg_entities``); the state of a capital or
a government organ when it acts ("Beijing reaffirmed"); the holder of an office ("the Foreign
Minister, X"); the person a pronoun names (``token._.ref``); the antecedent of "which" and
"who"; the two sides of a bilateral text ("both countries", "the two leaders") when the text
makes them clear; what a "through" noun is of ("Kenya's sovereignty"); or, as an object, a topic
of ``kg.topics`` (a term of its vocabulary), with the text's wording.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from ...findings import Ref
from ...topics import TopicTable
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Reading", "ACTOR_TYPES", "expand"]

ACTOR_TYPES = ("Country", "Person", "Institution")
_COPULAS = {"be", "become", "remain"}
_RELATIVE = {"which", "who", "that", "whom"}
_PERSON_GROUPS = {"leaders", "presidents", "ministers"}
_ANAPHORS = {"organization", "organisation", "bloc", "alliance", "grouping", "group", "union", "body"}
_TOPIC_DROP = {"DET", "PRON", "PUNCT", "CCONJ", "NUM", "PART"}
_NOUNS = ("NOUN", "PROPN")


def expand(toks: Iterable[Token]) -> List[Token]:
    """The tokens with every conjunct of theirs ("X, Y and Z")."""
    out: List[Token] = []
    stack = list(toks)
    while stack:
        t = stack.pop(0)
        if t in out:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and (c.pos_ in _NOUNS) == (t.pos_ in _NOUNS))
    return out


class Reading:
    """One Doc as kg_stances reads it: token indexes built once, slots and referents on demand.

    Args:
        doc: the parsed Doc, with kg_entities, kg_known and positions.
        light: verbs whose subject owns the stance noun they govern.
        credit: words of thanks and praise.
        through: noun lemma -> the slots that give what it stands for.
        topics: the topic vocabulary.
    """

    def __init__(self, doc: Doc, light: frozenset, credit: frozenset, through: Dict[str, Tuple[str, ...]],
                 topics: TopicTable):
        self.doc = doc
        self.light, self.credit, self.through, self.topics = light, credit, through, topics
        self.ents: Dict[int, List[Span]] = {}
        for s in doc.spans.get(ENTITIES, []):
            if s._.ref is not None:
                for i in range(s.start, s.end):
                    self.ents.setdefault(i, []).append(s)
        self.known: Dict[int, Span] = {}
        for k in doc.spans.get(KNOWN, []):
            for i in range(k.start, k.end):
                self.known[i] = k
        self.offices: Dict[int, object] = {}
        self.state_of: Dict[Ref, Ref] = {}          # a person -> the state whose office they hold
        for o in doc._.positions or ():
            for i in range(o.span.start, o.span.end):
                self.offices[i] = o
            if o.state is not None and not o.former and o.body is None:
                # its holders, or the name written right after the title ("Kenyan President X")
                root = o.span.root
                near = list(self.ents.get(o.span.end, ()))
                if root.dep_ == "compound":
                    near += self.ents.get(root.head.i, ())
                after = [s._.ref for s in near if s._.ref.type == "Person" and s.start <= o.span.end + 1]
                for ref in [h._.ref for h in o.holders] + after:
                    if ref is not None:
                        self.state_of.setdefault(ref, o.state)
        self.body_kind: Dict[Ref, str] = {k._.kb.ref: getattr(k._.kb.entry, "kind", None)
                                          for k in doc.spans.get(KNOWN, []) if k.label_ == "org" and k._.kb.ref}
        self._main: Dict[str, List[Ref]] = {}
        self.current = None                         # the Sentence being read
        self.topic_mentions: Dict[tuple, tuple] = {}  # (topic, sentence, token) -> (Sentence, wording)

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
        if t.dep_ == "xcomp":
            # "urged Kenya to support", "called on both sides to promote": the object controls
            ctrl = [c for c in head.children if c.dep_ == "dobj"] or \
                [o for c in head.children if c.dep_ == "prep" and c.lower_ == "on" and c.i == head.i + 1
                 for o in c.children if o.dep_ == "pobj"]
            if ctrl:
                return expand(ctrl)
        if t.dep_ in ("xcomp", "advcl", "acomp", "attr") or (t.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ")):
            return self.subject(head, depth + 1)
        if t.dep_ in ("acl", "relcl") and _first_to(head):
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
            if gov.pos_ in _NOUNS:           # "its commitment to supporting X": the noun's owner
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
        if not own_only and t.pos_ in _NOUNS:
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
        if t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ in _NOUNS:
            return [t.head]
        return []

    def _light_governor(self, t: Token, owners: Optional[frozenset]) -> Optional[Token]:
        """The light verb whose object the noun is ("expressed support", "voiced its support")."""
        verbs = owners if owners is not None else self.light
        while t.dep_ == "conj" and t.head.pos_ in _NOUNS:
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
        while t.dep_ == "conj" and t.head.pos_ in _NOUNS:
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
        if c.pos_ in _NOUNS:               # "expressed appreciation for", "X's gratitude for"
            return self._poss(c) or self._owner(c) or self._poss_pronoun(c)
        return self.subject(c)

    def _copula(self, t: Token, owners=None) -> List[Token]:
        if t.dep_ in ("attr", "acomp") and t.head.lemma_ in _COPULAS:
            return self.subject(t.head)
        return []

    def _appos(self, t: Token, owners=None) -> List[Token]:
        return expand([t.head]) if t.dep_ == "appos" else []

    def _as(self, t: Token, owners=None) -> List[Token]:
        prep = t.head
        if t.dep_ == "dobj" and prep.dep_ in ("pcomp", "pobj", "amod") and prep.head.lower_ == "as":
            prep = prep.head                # "as founding members" read as a participle and its object
        elif t.dep_ != "pobj":
            return []
        if prep.lower_ == "as" and prep.dep_ == "prep":
            gov = prep.head
            return expand([gov]) if gov.pos_ in _NOUNS else self.subject(gov)
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
        sent = t.sent
        for w in sent:
            if w.lemma_.lower() in _ANAPHORS and w.pos_ == "NOUN" and \
                    any(c.lower_ == "the" for c in w.children) and w.i not in self.ents:
                return [w]
        return []

    def is_through(self, t: Token) -> bool:
        """Whether a noun stands for what modifies it ("Kenya's bid", "the people of X")."""
        return t.pos_ == "NOUN" and t.lemma_.lower() in self.through

    # ------------------------------------------------------------------ referents
    def refs(self, t: Token, role: str, depth: int = 0) -> List[Ref]:
        """What a token in a slot stands for; ``role`` is "actor" or "object"."""
        if depth > 4:
            return []
        ref = t._.ref
        if ref is not None:
            return [ref]
        if t.lower_ in _RELATIVE:
            clause = t.head
            for _ in range(3):              # "which", "of which", "in which" -> the relative clause
                if clause.dep_ == "relcl":
                    return [r for x in expand([clause.head]) for r in self.refs(x, role, depth + 1)]
                clause = clause.head
            return []
        k = self.known.get(t.i)
        if k is not None and k.label_ == "group" and k.root == t:
            return self.pair(k)
        slots = self.through.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if slots and all(s._.ref.type == "Topic" for s in self.ents.get(t.i, ())):
            # "the development and capacity building of X": conjuncts share what they are of
            conjuncts = [c for c in expand([t]) if c is not t]
            if t.dep_ == "conj":
                conjuncts.append(t.head)
            slots_of = {t: slots}
            for c in conjuncts:
                slots_of[c] = self.through.get(c.lemma_.lower(), ("prep:of",))
            # "the UN-led international order": the body it is of, before the order as a topic;
            # "the development and reconstruction of X": conjuncts share what they are of
            for x in [t] + conjuncts:
                for name in slots_of[x]:
                    got = [r for y in self.slot(x, name) if y is not x for r in self.refs(y, role, depth + 1)]
                    if got:
                        return got
        found: List[Ref] = []
        for s in self.ents.get(t.i, ()):
            r = s._.ref
            if r.type == "Place":
                if role == "actor" and k is not None and k.label_ == "capital" and s._.country:
                    found.append(s._.country)      # "Beijing reaffirmed ...": the capital's state
                continue
            if r.type == "Topic":
                words = self.phrase(t)
                # the topic's own name, with the modifiers the phrase adds ("neo-colonialism")
                words = self.doc[min(words.start, s.start):max(words.end, s.end)]
                if role == "actor" or _in_name(s) or not self.close_topic(words, r):
                    continue
                self._wording(r, words)
            if r.type == "Institution" and role == "actor" and s._.country and \
                    k is not None and k.label_ == "organ":
                found.append(s._.country)          # "the Foreign Ministry of X said it opposes"
                continue
            found.append(r)
        if found:
            return list(dict.fromkeys(found))
        office = self.offices.get(t.i)
        if office is not None and role == "actor":
            return [h._.ref for h in office.holders if h._.ref is not None] if not office.former else []
        if t.lemma_.lower() in _ANAPHORS and t.pos_ == "NOUN" and t.i not in self.ents:
            body = self.body_before(t)
            return [body] if body else []
        if role == "object" and t.pos_ == "NOUN":
            topic = self.topic(t)
            if topic is not None:
                return [topic]
        return []

    def body_before(self, t: Token) -> Optional[Ref]:
        """The international body named last before ``t``, within three sentences."""
        first = t.sent.start
        for _ in range(3):
            if first > 0:
                first = self.doc[first - 1].sent.start
        for i in range(t.i - 1, first - 1, -1):
            for s in self.ents.get(i, ()):
                k = self.known.get(i)
                if s._.ref.type == "Institution" and k is not None and \
                        getattr(k._.kb.entry, "kind", None) == "international":
                    return s._.ref
        return None

    def topic(self, t: Token) -> Optional[Ref]:
        """The topic a noun phrase names, by kg.topics, remembering the text's wording."""
        words = self.phrase(t)
        if any(i in self.ents and any(s._.ref.type != "Topic" for s in self.ents[i]) for i in range(words.start, t.i + 1)):
            return None
        got = self.topics.find(words.text)
        if got is None:
            return None
        ref = Ref("Topic", got[0])
        if not self.close_topic(words, ref):
            return None
        self._wording(ref, words)
        return ref

    def _wording(self, ref: Ref, words: Span) -> None:
        """Remember how the text words a topic it takes a stance on (an altLabel of the topic)."""
        if self.current is not None:
            self.topic_mentions.setdefault((ref, self.current.index, words.start),
                                           (self.current, " ".join(words.text.split())))

    def phrase(self, t: Token) -> Span:
        """The noun phrase a noun heads: its modifiers and a short "of", "in", "on", "against" or
        "for" phrase after it, without determiners, coordinated phrases or clauses."""
        left = t.i
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod") and c.pos_ not in _TOPIC_DROP:
                left = min(left, c.left_edge.i)
        right = t.i + 1
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "on", "against", "for") and c.i == right:
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is not None and obj.i - c.i <= 4 and not any(x.dep_ in ("conj", "relcl", "acl") for x in obj.children):
                    right = obj.i + 1
            break
        while left < t.i and self.doc[left].pos_ in _TOPIC_DROP:
            left += 1
        return self.doc[left:right]

    def close_topic(self, words: Span, ref: Ref) -> bool:
        """Whether a noun phrase names its topic closely enough to be what someone supports
        or opposes: it shares a word with the term of the vocabulary that decides it, or is that
        term less adjectives before it; a term reached only through another word
        ("agricultural barriers" -> agriculture) is too loose."""
        if {w.lower_ for w in words} & set(ref.label.lower().split()):
            return True
        for i in range(len(words)):
            if i and words[i - 1].pos_ != "ADJ":
                break
            got = self.topics.find(words[i:].text)
            if got is not None and got[0] == ref.label:
                return True
        return False

    # ------------------------------------------------------------------ the two sides
    def pair(self, group: Span) -> List[Ref]:
        """The two states (or two people) "both sides", "the two leaders" stand for: a pair
        named together earlier in the sentence, else the article's two main ones."""
        kind = getattr(group._.kb, "entry", None)
        want = "Person" if kind in _PERSON_GROUPS else "Country"
        for t in group.sent:
            if t.i >= group.start:
                break
            a = self._one(t, want)
            if a is None:
                continue
            for c in t.children:
                b = self._one(c, want) if c.dep_ == "conj" else None
                if b is not None and b != a and not any(x.dep_ == "conj" for x in c.children):
                    return [a, b]
        return self.main(want)

    def _one(self, t: Token, want: str) -> Optional[Ref]:
        refs = [s._.ref for s in self.ents.get(t.i, ()) if s._.ref.type == want]
        return refs[0] if len(refs) == 1 else None

    def main(self, want: str) -> List[Ref]:
        """The two entities of a type the article is about: named most, each at least twice,
        and clearly more than any third."""
        if want not in self._main:
            counts = Counter()
            seen = set()
            for s in self.doc.spans.get(ENTITIES, []):
                if s._.ref is not None and s._.ref.type == want and (s.start, s._.ref) not in seen:
                    seen.add((s.start, s._.ref))
                    counts[s._.ref] += 1
            top = counts.most_common(3)
            ok = len(top) >= 2 and top[1][1] >= 2 and (len(top) == 2 or top[2][1] < top[1][1])
            self._main[want] = [top[0][0], top[1][0]] if ok else []
        return self._main[want]


def _first_to(noun: Token) -> bool:
    """Whether a noun is ranked ("the first country", "the only state", "the last member"): its
    infinitive then states a fact ("the first country to support"), not a purpose."""
    return any(c.dep_ == "amod" and (c.lower_ in ("first", "second", "third", "only", "last", "latest")
                                     or c.tag_ == "JJS") for c in noun.children)


def _in_name(span: Span) -> bool:
    """Whether a topic's words are capitalised inside a sentence: part of a name ("Global
    Security Initiative"), not a subject area."""
    return all(w.text[:1].isupper() for w in span) and not any(w.is_sent_start for w in span)


def has_requirement(reading: Reading, t: Token, requires: Sequence[str]) -> bool:
    """Whether a trigger has the children a rule requires: "dep:lemma" (a child in that
    relation with that lemma), "dep:Class" (one naming an entity of that class), "hyphen"
    (written joined to a name: "Kenya-led")."""
    for req in requires:
        if req == "hyphen":
            if not (t.i >= 2 and t.doc[t.i - 1].text in ("-", "–") and t.doc[t.i - 1].whitespace_ == ""):
                return False
            continue
        dep, _, want = req.partition(":")
        kids = [c for c in t.children if c.dep_ == dep or (dep == "compound" and c.dep_ == "nmod")]
        if want[:1].isupper():
            if not any(s._.ref.type == want for c in kids for s in reading.ents.get(c.i, ())):
                return False
        elif not any(c.lemma_.lower() == want for c in kids):
            return False
    return True
