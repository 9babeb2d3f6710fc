"""What the tokens in kg_stances' slots stand for (the slots: ``stances_slots``).

A token stands for: the entity whose name it is (``kg_entities``); the state of a capital or
a government organ when it acts ("Beijing reaffirmed"); the holder of an office ("the Foreign
Minister, X"); the person a pronoun names (``token._.ref``); the antecedent of "which" and
"who"; the two sides of a bilateral text ("both countries", "the two leaders") when the text
makes them clear; what a "through" noun is of ("Kenya's sovereignty", "the UN-led order"); the
body last named for "the organisation", "the bloc"; or, as an object, a topic of ``kg.topics``
(a term of its vocabulary) with the text's wording.

Reads: ``kg_entities``, ``kg_known``, ``doc._.positions``, ``token._.ref``, the parse.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from ...findings import Ref
from ...topics import TopicTable
from ..docs import cased
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN
from .stances_slots import NOUNS, Slots, expand, is_anaphor

__all__ = ["Reading", "ACTOR_TYPES", "has_requirement"]

ACTOR_TYPES = ("Country", "Person", "Institution")
_RELATIVE = {"which", "who", "that", "whom"}
_PERSON_GROUPS = {"leaders", "presidents", "ministers"}
#: plural subjects "both" may stand for, and what they are
_PAIR_NOUNS = {"leader": "Person", "president": "Person", "minister": "Person", "side": "Country",
               "country": "Country", "nation": "Country", "government": "Country", "state": "Country"}
_TOPIC_DROP = {"DET", "PRON", "PUNCT", "CCONJ", "NUM", "PART"}


class Reading(Slots):
    """One Doc as kg_stances reads it: token indexes built once, slots and referents on demand.

    Args:
        doc: the parsed Doc, with kg_entities, kg_known and positions.
        light: verbs whose subject owns the stance noun they govern.
        credit: words of thanks and praise.
        through: noun lemma -> the slots that give what it stands for.
        topics: the topic vocabulary.
        control: verbs whose object is the subject of the verb they govern ("urged X to").
    """

    def __init__(self, doc: Doc, light: frozenset, credit: frozenset, through: Dict[str, Tuple[str, ...]],
                 topics: TopicTable, control: frozenset = frozenset()):
        super().__init__(doc, light, credit, through, control)
        self.topics = topics
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
        self.trigger: Optional[Token] = None        # the trigger being read
        self.topic_mentions: Dict[tuple, tuple] = {}  # (topic, sentence, token) -> (Sentence, wording)

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
        if t.lower_ == "both" and t.dep_ in ("nsubj", "nsubjpass"):
            return self.both(t)
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
                if self.trigger is not None and s.start <= self.trigger.i < s.end:
                    continue                # "combating corruption" is no object of "combating"
                words = self.phrase(t)
                # the topic's own name, with the modifiers the phrase adds ("neo-colonialism")
                words = self.doc[min(words.start, s.start):max(words.end, s.end)]
                if role == "actor" or _in_name(s) or not self.close_topic(words, t, r):
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
        if t.dep_ == "appos" and t.pos_ == "NOUN" and t.i not in self.ents:
            return self.refs(t.head, role, depth + 1)     # "the Quad, the grouping that ..."
        if is_anaphor(t) and t.i not in self.ents:
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
        if any(s._.ref.type != "Topic" for i in range(words.start, t.i + 1) for s in self.ents.get(i, ())):
            return None                     # a name is no subject area
        got = self.topics.find(words.text)
        if got is None:
            return None
        ref = Ref("Topic", cased(got[0], words))
        if not self.close_topic(words, t, ref):
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
                if obj is not None and obj.i - c.i <= 4 and \
                        not any(x.dep_ in ("conj", "relcl", "acl") for x in obj.children):
                    right = obj.i + 1
            break
        while left < t.i and self.doc[left].pos_ in _TOPIC_DROP:
            left += 1
        return self.doc[left:right]

    def close_topic(self, words: Span, head: Token, ref: Ref) -> bool:
        """Whether a noun phrase names its topic closely enough to be what someone supports or
        opposes: the term of the vocabulary holds the phrase's head noun and every noun before
        it; adjectives may fall ("immediate ceasefire" is ceasefire), nouns may not ("climate
        justice" is not justice, "renewable energy deals" not renewable energy)."""
        term = {_stem(w) for w in re.split(r"[\s\-\u2010-\u2015]+", ref.label.lower()) if w}
        if _stem(head.lower_) not in term and _stem(head.lemma_.lower()) not in term:
            return False
        return all(_stem(w.lower_) in term or _stem(w.lemma_.lower()) in term
                   for w in words if w.i < head.i and w.pos_ in NOUNS)

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
        return self._subject_pair(group.sent.start, want) or self.main(want)

    def _subject_pair(self, start: int, want: str) -> List[Ref]:
        """The pair the sentence before had as its subject ("A and B held talks. Both sides
        ..."), if it had one."""
        if start == 0:
            return []
        for w in self.doc[start - 1].sent:
            got = self._two(w, want) if w.dep_ in ("nsubj", "nsubjpass") else []
            if got:
                return got
        return []

    def _two(self, w: Token, want: str) -> List[Ref]:
        """The two a word and its one conjunct name ("Peru and Chile"), else nothing."""
        a = self._one(w, want)
        conj = [self._one(c, want) for c in w.children if c.dep_ == "conj"]
        return [a, conj[0]] if a is not None and len(conj) == 1 and conj[0] not in (None, a) else []

    def both(self, t: Token) -> List[Ref]:
        """"Both called for a ceasefire": the two last named as a subject, in this sentence or
        the one before ("Peru and Chile", "both sides", "the leaders")."""
        first = t.sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        for i in range(t.i - 1, first - 1, -1):
            w = self.doc[i]
            if w.dep_ not in ("nsubj", "nsubjpass"):
                continue
            k = self.known.get(i)
            if k is not None and k.label_ == "group":
                return self.pair(k)
            for want in ("Country", "Person"):
                got = self._two(w, want)
                if got:
                    return got
            if w.tag_ == "NNS" and w.lemma_.lower() in _PAIR_NOUNS:
                return self.main(_PAIR_NOUNS[w.lemma_.lower()])
        return []

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


def _stem(word: str) -> str:
    """A word without its plural ending, for comparing a phrase with a term."""
    for end, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2 and not word.endswith("ss"):
            return word[: -len(end)] + repl
    return word


def _in_name(span: Span) -> bool:
    """Whether a topic's words are capitalised inside a sentence: part of a name ("Global
    Security Initiative"), not a subject area."""
    return all(w.text[:1].isupper() for w in span) and not any(w.is_sent_start for w in span)


def has_requirement(reading: Reading, t: Token, requires: Sequence[str]) -> bool:
    """Whether a trigger has the children a rule requires: "dep:lemma" (a child in that
    relation with that lemma), "dep:Class" (one naming an entity of that class), "hyphen"
    (written joined to a name: "Kenya-led"), "no-purpose" (no infinitive of purpose after it)."""
    for req in requires:
        if req == "no-purpose":
            # "joined the UNDP to open a centre": joining in an act, not a body
            if any(c.dep_ in ("xcomp", "advcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                   for c in t.children):
                return False
            continue
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
