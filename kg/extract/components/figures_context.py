"""What one Doc tells kg_figures about its figures: the states each is about, its period, who gave it.

- About: the states the figure's own words and clause name (subject, possessor, "between X and
  Y", "X's exports to Y", a capital, a person's state); the two sides of the text when it says
  "bilateral" or "the two countries"; none named: those of the clause it belongs to (not out
  of a clause of time such as "after ...", nor, for a count, out of a clause that describes a
  noun: "a grouping of four nations that ..."). For
  what passes between states (trade, loans, tariffs), one side named, the other may be the
  enclosing clause's; what a state, its organ or its leader is said to say is about that state
  too. A
  state's own measures (GDP, population) are about the state whose they are, and no other.
- Period: the time expression of the figure's clause, else of the clause it belongs to (not a
  clause of its own such as "while ...", nor a bound such as "since 2015").
- Reported by: "according to X", the subject of a verb of saying ("X said", "data from X
  showed"), else the one person the paragraph quotes.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ...read.articles import Sentence
from ...findings import Ref
from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from ..docs import sentence_of
from .entities import SPANS_KEY as ENTITIES
from .figures_parse import (BOUND, BOUND_WORD, OWN_TIME, SUBJ, clause_tokens, marked, parent_clause,
                            noun_tokens, phrase_tokens, pobj, speaker_of, subject)
from .figures_numbers import Fig
from .figures_read import Read
from .figures_rules import Rules
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Context"]

Actor = Tuple[Ref, Span]


class Context:
    """Entities by token, the text's two sides, people's states and speakers of one Doc."""

    def __init__(self, doc: Doc, rules: Rules, lexicon: Lexicon, officeholders: Optional[OfficeHolders]):
        self.doc, self.r = doc, rules
        self.ent_at: Dict[int, Span] = {}
        self.named: Set[int] = set()        # tokens of a person's or a body's name
        self.states_at: Set[int] = set()    # tokens of a state's name
        self.people_at: Set[int] = set()    # tokens of a people's name ("Azerbaijanis")
        counts: Counter = Counter()
        for s in doc.spans.get(ENTITIES, []):
            if s.label_ not in ("Country", "Place", "Person", "Institution"):
                continue
            for i in range(s.start, s.end):
                self.ent_at[i] = s
                if s.label_ in ("Person", "Institution"):
                    self.named.add(i)
                if s.label_ == "Country" and s._.ref is not None:
                    self.states_at.add(i)
                    if s[-1].tag_ in ("NNS", "NNPS") and s.text.lower() != s._.ref.label.lower():
                        self.people_at.add(i)
            if s.label_ == "Country" and s._.ref is not None:
                counts[s._.ref] += 1
        known = doc.spans.get(KNOWN, [])
        self.groups = {i for s in known if s.label_ == "group" for i in range(s.start, s.end)}
        self.capitals = {i for s in known if s.label_ == "capital" for i in range(s.start, s.end)}
        self.person_state: Dict[Ref, Ref] = {}
        for office in doc._.positions or ():
            if office.state is not None and not office.former:
                for h in office.holders:
                    if h._.ref is not None:
                        self.person_state.setdefault(h._.ref, office.state)
        date = doc._.article.reference_date if doc._.article is not None else None
        if officeholders is not None and date is not None:
            # a person named without an office: the state whose office they held that day
            for s in doc.spans.get(ENTITIES, []):
                ref = s._.ref
                if s.label_ == "Person" and ref is not None and ref not in self.person_state:
                    codes = {t.state for t in officeholders.terms(ref.label) if t.state and t.holds_on(date)}
                    country = lexicon.countries.get(codes.pop()) if len(codes) == 1 else None
                    if country is not None:
                        self.person_state[ref] = Ref("Country", country.name)
        top = counts.most_common(3)
        self.pair: Tuple[Ref, ...] = ()     # the text's two sides, when two states lead it
        if len(top) >= 2 and (len(top) < 3 or top[2][1] < top[1][1]):
            self.pair = (top[0][0], top[1][0])
        self.many = bool(doc._.article is not None and len(doc._.article.sentences) > 1)
        self._speakers: Optional[Dict[int, List[Tuple[int, Actor]]]] = None
        self._fallback: Dict[int, Sentence] = {}

    def sentence(self, sent: Span) -> Optional[Sentence]:
        """The reader's Sentence of a parsed one (for a bare ``nlp(text)``, one made for it)."""
        if self.doc._.sentences is not None:
            return sentence_of(self.doc, sent[0])
        got = self._fallback.get(sent.start)
        if got is None:
            got = self._fallback[sent.start] = Sentence("", len(self._fallback), sent.text, sent.start_char,
                                                        sent.end_char, 0)
        return got

    # -------------------------------------------------------------- who gave it
    def reporter(self, sent: Span, verb: Optional[Token]) -> List[Actor]:
        """Who gave the figure: "according to X", "X said", "data from X showed", else the one
        person the paragraph quotes."""
        doc, r = sent.doc, self.r
        for t in sent:
            for words in r.source_preps:
                if t.lower_ == words[0] and t.i + len(words) <= sent.end and \
                        tuple(x.lower_ for x in doc[t.i:t.i + len(words)]) == words:
                    obj = pobj(doc[t.i + len(words) - 1])
                    got = self.actor(obj) if obj is not None else None
                    if got:
                        return [got]
        t = verb
        while t is not None and t.i != t.head.i:
            head = t.head
            if t.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.lemma_.lower() in r.speech:
                for c in head.children:
                    if c.dep_ in SUBJ:
                        got = self.actor(c)
                        return [got] if got else []
            t = head
        return self.speaker(sent)

    def actor(self, tok: Token, sources: bool = True) -> Optional[Actor]:
        """The person, body or state a word names; for "data", "statistics" and the like, the
        one they come from ("statistics from the customs office", "the ministry's data")."""
        s = self.ent_at.get(tok.i)
        if s is not None and s.label_ in ("Person", "Institution", "Country") and s._.ref is not None:
            words = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < s.start]
            if s.label_ != "Country" or not words:      # "Statistics Indonesia" is no state
                return s._.ref, s
            return None
        if tok._.ref is not None:
            return tok._.ref, self.doc[tok.i:tok.i + 1]
        if sources and tok.lemma_.lower() in self.r.source_nouns:
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("from", "of", "by")):
                    obj = c if c.dep_ != "prep" else pobj(c)
                    got = self.actor(obj) if obj is not None else None
                    if got:
                        return got
                if c.dep_ == "acl":         # "figures released by the ministry"
                    for g in c.children:
                        if g.dep_ == "agent" and pobj(g) is not None:
                            return self.actor(pobj(g))
        return None

    def speaker(self, sent: Span) -> List[Actor]:
        """The one person the sentence's paragraph quotes before it, or in the sentence right
        after it (the subject of a verb of saying): news goes on in a speaker's words after
        naming them, and names them right after a figure."""
        if self._speakers is None:
            self._speakers = {}
            for s in self.doc.sents:
                root = s.root
                if root.lemma_.lower() not in self.r.speech:
                    continue
                for c in root.children:
                    got = self.actor(c, sources=False) if c.dep_ in SUBJ else None
                    reader = self.sentence(s) if got and got[0].type == "Person" else None
                    if reader is not None:
                        self._speakers.setdefault(reader.paragraph, []).append((reader.index, got))
        reader = self.sentence(sent)
        if reader is None:
            return []
        found = {got[0]: got for k, got in self._speakers.get(reader.paragraph, [])
                 if k < reader.index or k == reader.index + 1}
        return list(found.values()) if len(found) == 1 else []

    # -------------------------------------------------------------- about
    def about(self, fig: Fig, got: Read, verb: Optional[Token], sent: Span, banned: Set[int]) -> List[Ref]:
        """The states a figure is about (see the module's docstring)."""
        r = self.r
        out: List[Ref] = []

        def take(tokens: Iterable[int], places: bool = False) -> None:
            for i in sorted(tokens):
                if i not in banned:
                    for ref in self._states(i, places):
                        if ref not in out:
                            out.append(ref)
        # a currency's country ("US$"), what a state is compared with ("just behind the UK"),
        # and what an apposition says in passing ("Thailand, the 37th destination of Sri Lanka")
        banned = banned | set(range(fig.start, fig.end)) | self._asides(sent)
        near = {i for t in (got.thing, fig.head) if t is not None for i in noun_tokens(t)}
        take(near, places=True)
        phrase, t = [], got.thing
        while t is not None and len(phrase) < 4:
            phrase.append(t)
            t = t.head if t.dep_ == "compound" and t.head.i != t.i else None
        if any(c.lemma_.lower() in r.pair_words or _hyphened_word(c) in r.pair_words for t in phrase for c in t.children):
            for ref in self._pair(sent):        # "bilateral trade"
                if ref not in out:
                    out.append(ref)
        single = got.measure in r.single
        if single and out:
            return out              # "Thailand's GDP": the state it is of
        clause = verb
        if clause is not None and not single:
            take(clause_tokens(clause))
        while clause is not None and not out:
            if single:
                # "Kenya recorded growth of 5 percent": the subject's state; "Indonesia agreed to
                # ... the country of 280 million people": the subject of the clause it is in
                subj = subject(clause)
                words = {x.i for x in subj.subtree} if subj is not None else set()
                if not near & words:
                    take(words)
            else:
                take(clause_tokens(clause))
            if (clause.i == verb.i and marked(clause, BOUND)) or \
                    (clause.dep_ in ("relcl", "acl") and not (single or got.measure in r.relational)):
                break       # no state in "after it defaulted on $51 billion", "a grouping of four nations"
            clause = parent_clause(clause, r.speech)
        if len(out) < 2 and verb is not None and not (single and out):
            parent = parent_clause(verb, r.speech)
            if parent is not None and len(out) == 1 and got.measure in r.relational and not marked(verb, BOUND):
                take(clause_tokens(parent))
            top = verb
            while len(out) < 2 and parent_clause(top, r.speech) is not None:
                top = parent_clause(top, r.speech)
            speaker = speaker_of(top, r.speech) if len(out) < 2 else None
            state = self._state_of(speaker) if speaker is not None else None
            if state is not None and state not in out:
                out.append(state)
        return out

    def _states(self, i: int, places: bool) -> Iterable[Ref]:
        s = self.ent_at.get(i)
        if s is None:
            if i in self.groups:
                yield from self.pair            # "the two countries"
            return
        if s.label_ == "Country" and s._.ref:
            yield s._.ref
        elif s.label_ == "Place" and (places or i in self.capitals) and s._.country:
            yield s._.country                   # "flights between Baku and Beijing", "reach Kyiv"
        elif s.label_ == "Person" and s._.ref in self.person_state:
            yield self.person_state[s._.ref]

    def _state_of(self, tok: Token) -> Optional[Ref]:
        """The state a speaker is or serves: a state's name, one of its organs ("Sudan's health
        ministry"), a person named or a pronoun for one."""
        s = self.ent_at.get(tok.i)
        if s is not None and s.label_ == "Country":
            return s._.ref
        if s is not None and s.label_ == "Institution":
            return s._.country
        person = s._.ref if s is not None and s.label_ == "Person" else tok._.ref
        return self.person_state.get(person) if person is not None else None

    def _asides(self, sent: Span) -> Set[int]:
        out: Set[int] = set()
        for t in sent:
            named = self.ent_at.get(t.head.i)
            aside = t.dep_ == "appos" and named is not None and named.label_ == "Country" and \
                not (t.i in self.ent_at and self.ent_at[t.i].label_ == "Country")
            if aside or (t.lower_ in self.r.compare and t.dep_ in ("prep", "advmod", "mark")):
                out |= {x.i for x in t.subtree}
        return out

    def _pair(self, sent: Span) -> Tuple[Ref, ...]:
        """The two states of the sentence, else of the text."""
        named: List[Ref] = []
        for i in range(sent.start, sent.end):
            s = self.ent_at.get(i)
            if s is not None and s.label_ == "Country" and s._.ref and s._.ref not in named:
                named.append(s._.ref)
        return tuple(named) if len(named) == 2 else self.pair

    # -------------------------------------------------------------- period
    def period(self, fig: Fig, got: Read, verb: Optional[Token], reader: Sentence) -> Optional[str]:
        """The period of a figure (see the module's docstring)."""
        times = [(tx, sp) for tx, sp in (self.doc._.times or {}).get(reader.index, [])
                 if ("/" in tx.value or len(tx.value) <= 7)
                 and (sp.start == 0 or self.doc[sp.start - 1].lower_ not in BOUND_WORD)]
        # "up from 45 two years ago": that time is the earlier figure's
        earlier = {x.i for t in self.doc[fig.start].sent if t.lower_ == "from" and t.head.lower_ in ("up", "down")
                   and not t.i <= fig.start <= t.right_edge.i for x in t.subtree}
        times = [(tx, sp) for tx, sp in times if sp.start not in earlier]
        clause = verb
        near = {i for t in (got.thing, fig.head) if t is not None for i in phrase_tokens(t)}
        before: Optional[int] = None
        while times:
            tokens = near | (clause_tokens(clause, when=True) if clause is not None else set())
            inside = [(tx, sp) for tx, sp in times if any(i in tokens for i in range(sp.start, sp.end))
                      and (before is None or sp.start < before)]
            if inside:
                after = [tx for tx, sp in inside if sp.start >= fig.end]
                return after[0].value if after else inside[-1][0].value
            if clause is None or marked(clause, OWN_TIME):
                break           # "..., while 9 million remain displaced": a statement of its own
            if clause.dep_ in ("relcl", "acl", "advcl") and clause.tag_ != "VBG":
                break           # "the project, valued at $529 million, was to be completed in 2015"
            parent = parent_clause(clause, self.r.speech)
            if parent is None or marked(parent, BOUND):
                break           # "since the war broke out in April 2023" bounds, it is no period
            # "In 2023, exports rose 5% and imports fell 3%": a time before the first verb is the
            # second's too; "joined in 1998 and was ambassador": one after it is not
            before = parent.i if clause.dep_ == "conj" else None
            clause = parent
        if got.measure in self.r.context_measures and not (self.doc._.times or {}).get(reader.index) \
                and verb is not None and verb.tag_ == "VBD":     # "held four meetings", not "has signed"
            values = {tx.value for tx, _ in (self.doc._.times or {}).get(reader.index - 1, []) if len(tx.value) <= 7}
            prev = [s for s in self.doc._.sentences or () if s.index == reader.index - 1]
            if len(values) == 1 and prev and prev[0].paragraph == reader.paragraph:
                return values.pop()
        return None


def _hyphened_word(t: Token) -> str:
    """A modifier written with hyphens, as one word ("two-way", which the tokenizer splits)."""
    words = list(t.subtree)
    if len(words) < 3 or not any(w.text == "-" for w in words):
        return ""
    return "".join(w.text for w in words).lower()
