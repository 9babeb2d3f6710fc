"""The parse helpers kg_agreements and kg_relationships share: who the words of a Doc name
(:class:`Sides`: states, bodies, people and the states they act for, "the two countries"),
who does what a verb says (:func:`subject_of`), the times said of a word
(:func:`attached_times`), the subject areas a noun phrase names (:func:`np_topics`) and how the
text puts a predicate (:func:`mood_of`).
"""
from __future__ import annotations

from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ...articles import Sentence
from ...findings import Ref
from ...topics import TopicTable
from ..docs import sentence_of

__all__ = ["Sides", "conjuncts", "subject_of", "infinitive", "sentence_for", "attached_times", "np_topics",
           "phrase_text", "mood_of", "later", "governor", "join_tokens", "expand_kinds", "span_text", "circumstance",
           "is_year", "dateline", "distinct", "hyphened", "STATUS_ORDER", "KIND_ACRONYMS", "NOUNISH", "DETERMINERS"]

#: the statuses, from the least to the most advanced; of several, the most advanced wins
STATUS_ORDER = ("proposed", "planned", "under negotiation", "agreed", "signed", "in force", "suspended",
                "terminated")
NOUNISH = ("NOUN", "PROPN")
DETERMINERS = ("DET", "PRON")
KIND_ACRONYMS = {"mou": "Memorandum of Understanding", "moc": "Memorandum of Cooperation",
             "fta": "Free Trade Agreement"}


# ---------------------------------------------------------------------------------- the parse

def conjuncts(tok: Token) -> List[Token]:
    """The words coordinated with a word ("Chile, Peru and Bolivia"), itself first."""
    out, stack = [tok], [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def subject_of(verb: Token, through: FrozenSet[str] = frozenset()) -> Optional[Token]:
    """Who does what a word says: its subject or passive agent, else that of the word it
    depends on ("agreed to sign", "are ready to launch talks on", "a framework for
    negotiating ..."), or the object of a verb of asking ("urged Peru to sign"); a clause
    ("agreed that talks would begin") only through the verbs in ``through``."""
    v = verb
    for _ in range(7):
        if v.pos_ in ("VERB", "AUX"):
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            if agent is not None:
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None and subj.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                return v.head                   # "India and Japan, which established ...": the antecedent
            if subj is not None:
                return subj
            if v.dep_ == "xcomp":
                obj = next((c for c in v.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None:
                    return obj                  # "urged Peru to sign", "Peru is expected to sign"
        if v.dep_ in ("acl", "relcl") and infinitive(v) and any(c.lower_ in _ORDER_WORDS for c in v.head.children):
            # "Ghana was the first country to reach a deal": the noun, or what the copula says it is
            noun = v.head
            if noun.dep_ == "attr":
                return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
            return noun
        if v.dep_ in ("xcomp", "acomp", "conj", "pcomp", "prep", "pobj", "dobj", "nsubjpass") \
                or (v.dep_ in ("advcl", "acl") and infinitive(v)) \
                or (v.dep_ == "ccomp" and v.head.lemma_.lower() in through):
            if v.head.i == v.i:
                return None
            v = v.head
            continue
        return None
    return None


def infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def sentence_for(doc: Doc, tok: Token) -> Optional[Sentence]:
    """The reader's Sentence a token lies in; for a Doc made without an article (``nlp(text)``),
    one made from spaCy's sentence."""
    if doc._.sentences:
        return sentence_of(doc, tok)
    sent = tok.sent
    return Sentence("", sum(1 for _ in doc[:sent.start].sents) if sent.start else 0, sent.text,
                    sent.start_char, sent.end_char, 0)


def attached_times(doc: Doc, sentence: Optional[Sentence], anchors: Set[int],
                   block: FrozenSet[int] = frozenset()) -> List[str]:
    """The time points of a sentence attached to one of the ``anchors`` (token indices): the
    time's words hang from it, through nouns and prepositions but no other verb and none of
    the ``block`` words ("signed the agreement for the 2026 season" says no date of signing)."""
    if sentence is None:
        return []
    out = []
    for tx, span in (doc._.times or {}).get(sentence.index, []):
        if tx.kind != "point":
            continue
        r = span.root
        for _ in range(9):
            if r.i in anchors:
                out.append(tx.value)
                break
            if r.head.i == r.i or (r.pos_ in ("VERB", "AUX") and r.i not in anchors) or r.i in block:
                break
            r = r.head
    return out


# ---------------------------------------------------------------------------------- the sides

class Sides:
    """Who the words of a Doc name: states, bodies and people (with the states they serve), the
    two states of a bilateral article, and the group phrases that stand for them ("the two
    countries", "both leaders")."""

    def __init__(self, doc: Doc, people: FrozenSet[str] = frozenset()):
        """``people``: nouns for those who act for states, whose "of" names their states
        ("the leaders of A and B")."""
        self.doc = doc
        self.people = people
        self.ent_at: Dict[int, Span] = {}
        counts: Dict[Ref, int] = {}
        for sp in doc.spans["kg_entities"] if "kg_entities" in doc.spans else ():
            if sp.label_ == "Country" and sp._.ref is not None:
                counts[sp._.ref] = counts.get(sp._.ref, 0) + 1
            if sp.label_ == "Topic":
                continue
            for i in range(sp.start, sp.end):
                self.ent_at.setdefault(i, sp)
        self.group_at: Dict[int, Span] = {}
        self.capitals: Set[int] = set()
        self.organs: Set[int] = set()
        self.known_names: Set[int] = set()
        for sp in doc.spans["kg_known"] if "kg_known" in doc.spans else ():
            if sp.label_ == "group":
                for i in range(sp.start, sp.end):
                    self.group_at[i] = sp
            elif sp.label_ == "capital":
                self.capitals.add(sp.start)
            elif sp.label_ == "organ":
                self.organs.update(range(sp.start, sp.end))
            if sp.label_ not in ("topic", "title", "group", "organ"):
                self.known_names.update(range(sp.start, sp.end))
        self.topic_spans: List[Span] = [sp for sp in (doc.spans["kg_entities"] if "kg_entities" in doc.spans else ())
                                        if sp.label_ == "Topic" and sp._.ref is not None]
        self.office_at: Dict[int, object] = {}
        self.state_of: Dict[Ref, Ref] = {}
        self.offices = list(doc._.positions or ())
        for o in self.offices:
            for i in range(o.span.start, o.span.end):
                self.office_at[i] = o
            for h in o.holders:
                # who a person acts for: the body of an office of a body ("the centre's chief
                # executive"), else the state
                owner = o.body or o.state
                if owner is not None and not o.former and h._.ref is not None:
                    self.state_of.setdefault(h._.ref, owner)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].label))
        self.main: Tuple[Ref, ...] = ()
        if len(ranked) == 2 or (len(ranked) > 2 and ranked[1][1] > ranked[2][1] and ranked[1][1] >= 2):
            self.main = (ranked[0][0], ranked[1][0])

    def entity(self, tok: Token) -> Optional[Span]:
        return self.ent_at.get(tok.i)

    def _former(self, tok: Token) -> bool:
        """A person named with an office held no longer ("Peru's former president X") acts
        for no state."""
        for x in tok.lefts:
            for y in x.subtree:
                if y.lower_ in ("former", "ex", "then", "late") or (y.i in self.office_at and self.office_at[y.i].former):
                    return True
        return False

    def is_group(self, tok: Token) -> bool:
        """ "the two countries", "both sides", "their countries": the article's two states."""
        if tok.i in self.group_at:
            return True
        return tok.lemma_.lower() in ("country", "nation", "side", "government", "state", "neighbour", "neighbor") \
            and tok.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("their", "both", "two") for c in tok.children)

    def states_in(self, span: Span) -> List[Ref]:
        """The states a stretch of text names, in order: states, demonyms, capitals, and the
        states of the people named."""
        out: List[Ref] = []
        for i in range(span.start, span.end):
            sp = self.ent_at.get(i)
            if sp is None or sp.start != i or sp._.ref is None:
                continue
            ref = sp._.ref
            if ref.type == "Country":
                out.append(ref)
            elif ref.type == "Place" and sp._.country is not None and i in self.capitals:
                out.append(sp._.country)
            elif ref.type == "Person" and ref in self.state_of:
                out.append(self.state_of[ref])
        return out

    def pair_before(self, tok: Token) -> Tuple[Ref, ...]:
        """The two states a phrase such as "the two countries" stands for: the article's two
        when both are named close before it, else the last two named there."""
        doc = tok.doc
        here = distinct(reversed(self.states_in(doc[tok.sent.start:tok.i])))
        if len(here) >= 2:
            return tuple(here[:2])              # "A's leader visited B, where the two countries ..."
        start = tok.sent.start
        for _ in range(2):
            if start > 0:
                start = doc[start - 1].sent.start
        named = self.states_in(doc[start:tok.i])
        if set(self.main) <= set(named) and self.main:
            return self.main
        if tok.lemma_.lower() in ("side", "party"):
            return ()                           # "both parties" may be a firm and a ministry
        recent = distinct(reversed(named))
        if len(recent) >= 2:
            return tuple(recent[:2])
        return self.main

    def bilateral_here(self, tok: Token) -> bool:
        """Whether the article's two states may be meant at a word: the sentence or the one
        before names both, or neither names another state, and no group of more than two
        ("the three nations") stands in the sentence."""
        doc = tok.doc
        sent = tok.sent
        for t in sent:
            if t.lemma_.lower() in ("country", "nation", "state", "government") and t.tag_ in ("NNS", "NNPS") and any(
                    c.like_num and c.lower_ not in ("two", "2", "both") for c in t.children):
                return False
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = set(self.states_in(doc[start:sent.end]))
        return set(self.main) <= named or not (named - set(self.main))

    def people_of_group(self, tok: Token) -> List[Ref]:
        """The two people a phrase such as "the two leaders" or "both ministers" stands for:
        the latest office-holders of the article's two states named before it."""
        sp = self.group_at.get(tok.i)
        kind = getattr(sp._.kb, "entry", None) if sp is not None else None
        if kind not in ("leaders", "presidents", "ministers") or len(self.main) != 2:
            return []
        word = {"presidents": "president", "ministers": "minister"}.get(kind)
        found: Dict[Ref, Ref] = {}
        for o in self.offices:
            if o.span.start >= tok.i or o.state not in self.main or o.former:
                continue
            if word and word not in o.role.lower():
                continue
            for h in o.holders:
                if h._.ref is not None:
                    found[o.state] = h._.ref
        return [found[s] for s in self.main if s in found] if len(found) == 2 else []

    def of_phrase(self, tok: Token, organs: bool = True) -> Tuple[List[Ref], List[Ref]]:
        """(parties, people) a noun phrase and the phrases coordinated with it name; with
        ``organs``, a state's organ that acts stands for its state ("the cabinet of Ghana
        approved ..."), else it is a party as named ("an agreement between the ministry of
        ... and ...")."""
        parties: List[Ref] = []
        people: List[Ref] = []
        for t in conjuncts(tok):
            sp = self.entity(t)
            if sp is not None and sp._.ref is not None:
                ref = sp._.ref
                if ref.type == "Person":
                    people.append(ref)
                    if ref in self.state_of:
                        parties.append(self.state_of[ref])
                    elif not self._former(t):
                        # "his Australian counterpart Penny Wong": the state before the office
                        for x in t.lefts:
                            for y in x.subtree:
                                other = self.entity(y)
                                if other is not None and other.label_ == "Country" and other._.ref is not None:
                                    parties.append(other._.ref)
                elif organs and ref.type == "Institution" and sp._.country is not None and any(
                        i in self.organs for i in range(sp.start, sp.end)):
                    parties.append(sp._.country)        # "the cabinet of Ghana": its state
                elif ref.type in ("Country", "Institution"):
                    parties.append(ref)
                elif ref.type == "Place" and sp._.country is not None and sp.start in self.capitals \
                        and not dateline(sp):
                    parties.append(sp._.country)        # "Riyadh and Tehran signed": the capitals' states
                continue
            if t._.ref is not None and getattr(t._.ref, "type", "") == "Person":
                people.append(t._.ref)
                if t._.ref in self.state_of:
                    parties.append(self.state_of[t._.ref])
                continue
            if self.is_group(t):
                parties += self.pair_before(t)
                people += self.people_of_group(t)
                continue
            # a name whose last word the entity pass missed ("Foreign Minister Espen Barth Eide"):
            # the person and the office among the words before it; "his Australian
            # counterpart": the state before the office
            offices = []
            for x in t.lefts:
                for y in x.subtree:
                    other = self.entity(y)
                    if other is not None and other._.ref is not None and other.start == y.i:
                        if other.label_ == "Country":
                            parties.append(other._.ref)
                        elif other.label_ == "Person" and x.dep_ == "compound":
                            people.append(other._.ref)
                            if other._.ref in self.state_of:
                                parties.append(self.state_of[other._.ref])
                    if y.i in self.office_at and self.office_at[y.i] not in offices:
                        offices.append(self.office_at[y.i])
            for o in offices:
                if o.state is not None and not o.former:
                    parties.append(o.state)
            office = self.office_at.get(t.i)
            if office is not None:
                # "the foreign ministers of Chile and Peru, A and B": the office, its holders, its states
                for h in office.holders:
                    if h._.ref is not None:
                        people.append(h._.ref)
                if office.state is not None:
                    parties.append(office.state)
            for c in t.children:
                if c.dep_ == "appos":
                    more, who = self.of_phrase(c)
                    parties += more
                    people += who
                elif c.dep_ == "prep" and c.lower_ == "of" and (office is not None or t.lemma_.lower() in self.people):
                    # "the foreign ministers of Chile and Peru(, A and B)", "the leaders of Laos and Vietnam"
                    for obj in (x for x in c.children if x.dep_ == "pobj"):
                        more, who = self.of_phrase(obj)
                        parties += [p for p in more if p.type == "Country"]
                        people += who
        return list(dict.fromkeys(parties)), list(dict.fromkeys(people))


# ---------------------------------------------------------------------------------- topics

def np_topics(tok: Token, sides: Sides, table: TopicTable, depth: int = 0) -> List[Tuple[Ref, str]]:
    """The subject areas a noun phrase (and the phrases coordinated with it) names, as (Topic,
    wording): "cooperation in energy and tourism" -> energy, tourism. A topic is a term of the
    topic vocabulary (:meth:`kg.topics.TopicTable.find`); a frame ("cooperation in",
    "projects in") gives way to its object; a name is no subject area, though it may stand
    before one ("China-Europe rail freight")."""
    if depth > 3:
        return []
    heads = conjuncts(tok)
    out: List[Tuple[Ref, str]] = []
    if len(heads) > 1:
        whole, _ = phrase_text(tok, heads[-1].i + 1, sides)
        got = table.find(whole) if whole else None
        if got is not None and got[0].count(" and ") == whole.lower().count(" and "):
            return [(Ref("Topic", got[0]), whole)]
    for h in heads:
        if h.pos_ == "VERB":                    # "facilitating knowledge sharing"
            for obj in (c for c in h.children if c.dep_ == "dobj"):
                out += np_topics(obj, sides, table, depth + 1)
            continue
        if h.pos_ not in ("NOUN", "PROPN", "ADJ") or sides.entity(h) is not None:
            continue
        inner: List[Tuple[Ref, str]] = []
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "of", "for", "regarding", "concerning"):
                for obj in (x for x in c.children if x.dep_ in ("pobj", "pcomp")):
                    inner += np_topics(obj, sides, table, depth + 1)
        own, wording = phrase_text(h, h.i + 1, sides)
        got = table.find(own) if own else None
        if inner and (got is None or table.lookup(h.text) is None):
            out += inner                        # a frame ("cooperation in X") gives way to X
            continue
        if got is not None:
            out.append((Ref("Topic", got[0]), wording))
            # "energy cooperation": the area is "energy" too
            words = wording.split()
            if len(words) > 1 and words[-1].lower() in ("cooperation", "collaboration"):
                out.append((Ref("Topic", got[0]), " ".join(words[:-1])))
        else:
            out += inner
    return list(dict.fromkeys(out))


def phrase_text(head: Token, end: int, sides: Sides) -> Tuple[str, str]:
    """A noun phrase's words from its first modifier to ``end`` without determiners,
    possessives or numbers, as (the words to look up, the wording to keep): names that open
    it are kept in the wording only; a name inside makes it none ("", "")."""
    start = head.i
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod") and c.pos_ not in DETERMINERS + ("NUM", "PUNCT"):
            start = min(start, c.left_edge.i)
    doc = head.doc
    words = [t for t in doc[start:end] if not (t.pos_ in DETERMINERS or t.tag_ in ("POS", "PRP$") or t.like_num)]
    while words and (words[0].is_punct or words[0].pos_ in ("CCONJ", "ADP")):
        words.pop(0)
    kept = list(words)
    while words and (sides.entity(words[0]) is not None or words[0].text in ("-", "–")):
        words.pop(0)                            # "China-Europe rail freight": the names open it
    if not words or any(sides.entity(t) is not None for t in words):
        return "", ""
    return join_tokens(words), join_tokens(kept)


#: nouns after "on" that say when or where, not what about ("on the sidelines of")
CIRCUMSTANCE = {"sideline", "sidelines", "occasion", "behalf", "eve", "day", "basis", "margin", "margins", "way",
                 "visit", "trip", "tour", "arrival", "condition", "anniversary"}


def circumstance(obj: Token) -> bool:
    """A prepositional object that says when or where ("on Monday", "in Nairobi")."""
    return obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "CARDINAL", "QUANTITY", "PERCENT") \
        or obj.lemma_.lower() in CIRCUMSTANCE or obj.tag_ in ("WP", "WDT") \
        or any(c.tag_ in ("WP", "WDT") for c in obj.children)   # "on what would be ...": a clause


def is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 < int(tok.text) < 2100


def dateline(sp: Span) -> bool:
    """A place opening its sentence before a comma or bracket: where the story was filed
    ("COLOMBO, May 5 (Reuters) - ..."), whatever the parse makes of it."""
    doc = sp.doc
    return sp.start == sp.sent.start and sp.end < len(doc) and doc[sp.end].text in (",", "(", "-", "–", "—")


def distinct(refs: Iterable[Ref]) -> List[Ref]:
    return list(dict.fromkeys(refs))


def hyphened(span: Span) -> bool:
    """A name joined to another by a hyphen ("Mercosur-Vietnam")."""
    doc = span.doc
    return (span.end < len(doc) and doc[span.end].text in ("-", "–")) or \
        (span.start > 0 and doc[span.start - 1].text in ("-", "–"))


def governor(tok: Token) -> Token:
    """The word a noun or verb depends on: a verb's head, a prepositional object's head word."""
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def mood_of(trig: Token) -> str:
    """How the text puts a trigger: the modality component's reading; an infinitive that
    nothing asserts ("the proposal to sign", "is to be signed") is still to happen, one of
    purpose ("met in Lima to sign a pact") says neither that it happened nor that it will."""
    mood = trig._.modality or "asserted"
    if mood == "asserted" and trig.tag_ == "VBG" and trig.dep_ in ("csubj", "nsubj") and trig.head.pos_ in ("VERB", "AUX"):
        return mood_of(trig.head)               # "withdrawing from the treaty would cost ...": a supposition
    if mood == "asserted" and trig.pos_ in ("VERB", "AUX") and infinitive(trig):
        if trig.dep_ in ("acl", "relcl") and any(c.lower_ in _ORDER_WORDS for c in trig.head.children):
            return "asserted"                   # "the first creditor to reach a deal": it did
        return "uncertain" if trig.dep_ == "advcl" else "planned"
    if mood == "asserted" and trig.pos_ in NOUNISH and trig.head.pos_ in ("VERB", "AUX") and (
            trig.dep_ in ("dobj", "nsubjpass")):
        return mood_of(trig.head)               # "willing to expedite the conclusion of": not yet
    if mood == "asserted" and trig.pos_ in NOUNISH and trig.dep_ == "pobj" and trig.head.dep_ == "prep" \
            and trig.head.head.pos_ in ("VERB", "AUX"):
        return mood_of(trig.head.head)          # "to proceed with the signing of": not yet
    return mood


#: words before a noun that make an infinitive on it a fact ("the first country to sign")
_ORDER_WORDS = {"first", "last", "only", "second", "third", "latest"}


def later(a: Optional[str], b: Optional[str]) -> Optional[str]:
    if a is None or b is None:
        return a or b
    return max(a, b, key=STATUS_ORDER.index)


def join_tokens(tokens: Sequence[Token]) -> str:
    out = []
    for n, t in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        out.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt is not None else "")))
    return " ".join("".join(out).split())


def expand_kinds(tokens: Sequence[Token]) -> str:
    """A label from words as written, with an acronym of a kind spelt out ("MoU")."""
    out = []
    for n, t in enumerate(tokens):
        word = KIND_ACRONYMS.get(t.lower_, t.text) if t.text.isupper() or t.text in ("MoU", "MoC") else t.text
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        out.append(word + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt is not None else "")))
    return " ".join("".join(out).split())


def span_text(span: Span, sides: Sides) -> str:
    words = list(span)
    while words and (words[0].pos_ in DETERMINERS or words[0].is_punct):
        words.pop(0)
    return join_tokens(words)
