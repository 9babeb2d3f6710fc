"""What a figure measures, as kg_figures reads it: :meth:`Reader.attach` follows the parse from a
figure (:class:`Fig`, :mod:`.figures_numbers`) to the noun it modifies or counts, the noun it
is "of", the verb it is the object of or the adverb it goes with, and gives a :class:`Read`: the
measure, the word measured and the verb that ties them (see kg_figures' docstring).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Set

from spacy.tokens import Token

from .figures_numbers import Fig
from .figures_parse import SUBJ, modifiers, object_of, phrases, pobj, subject
from .figures_rules import LEVEL, Rules

__all__ = ["Read", "Reader"]

_TIME_NOUNS = {"year", "month", "quarter", "week"}


@dataclass
class Read:
    """What a figure measures."""

    measure: str
    thing: Optional[Token]      # the word the figure measures
    verb: Optional[Token]       # the verb that ties them, when one does
    sign: int = 1
    prior: Optional["Read"] = None      # the figure a participle speaks of again
    period: Optional[str] = None


class Reader:
    """Figures and what they measure (see the module's docstring)."""

    def __init__(self, rules: Rules):
        self.r = rules

    # ------------------------------------------------------------------ what it measures
    def attach(self, fig: Fig, done: Dict[int, Read], people_at: Set[int], states_at: Set[int]) -> Optional[Read]:
        """What the parse ties a figure to (None when nothing). ``done``: the figures of the
        sentence read so far, by head; ``people_at``: tokens of a people's name ("Azerbaijanis");
        ``states_at``: tokens of a state's name."""
        r, h, kind = self.r, fig.head, fig.kind
        if kind in ("duration", "compound"):
            return self._hyphened(fig)
        if kind == "multiple":
            return self._of(object_of(h, range(fig.start, fig.end)) or subject(h), "change", h)
        for c in h.children:        # "$3 billion in aid", "52 percent of the debt", "5,000 km of border"
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "worth"):
                reading = {"money": "money", "percent": "share" if c.lower_ == "of" else None,
                           "length": "length", "mass": "mass"}.get(kind)
                got = self.noun(pobj(c), reading)
                if got:
                    return got
        dep, gov = h.dep_, h.head
        while gov.pos_ == "NOUN" and (gov.ent_type_ == "DATE" or gov.lemma_ in _TIME_NOUNS) and gov.i != gov.head.i:
            dep, gov = gov.dep_, gov.head        # "3.8 percent year on year" parsed as modifying "year"
        if dep in ("appos", "conj") and gov.i in done:
            return done[gov.i]      # "150 billion yen ($1 billion)", "of 30 and 40 percent"
        if gov.pos_ in ("NOUN", "PROPN") and dep in ("nummod", "compound", "amod", "quantmod", "nmod", "nsubj"):
            return self._modified(fig, dep, gov, done, people_at, states_at)
        if dep == "pobj":
            prep, above = gov, gov.head
            if prep.lower_ == "of" and above.pos_ in ("NOUN", "PROPN"):
                if kind == "count" and above.lemma_.lower() in r.people:
                    return None
                return self.noun(above, LEVEL.get(kind))        # "a loan of $250 million"
            if above.lower_ in ("up", "down") and above.pos_ == "ADV":
                return self._adverb(fig, above, prep.lower_, done)
            if above.lemma_.lower() in r.equivalent and done:
                return list(done.values())[-1]      # "$7.2 billion, equivalent to 183 trillion dong"
            if above.pos_ in ("VERB", "AUX"):
                adv = next((c for c in above.children if c.dep_ == "advmod" and c.lower_ in ("up", "down")
                            and c.i < prep.i), None) if prep.lower_ == "by" else None
                if adv is not None:
                    return self._adverb(fig, adv, "by", done)   # "was down by 2 percent"
                return self.verb(fig, above, prep.lower_, done)
            return None
        if gov.lower_ in ("up", "down") and gov.pos_ == "ADV" and dep in ("npadvmod", "pobj", "dobj", "advmod"):
            return self._adverb(fig, gov, "by", done)
        if gov.pos_ in ("VERB", "AUX"):
            if dep in ("dobj", "attr", "oprd", "npadvmod", "advmod", "acomp"):
                return self.verb(fig, gov, "", done)
            if dep in SUBJ:
                return self.verb(fig, gov, "subject", done)
        return None

    def _modified(self, fig: Fig, dep: str, gov: Token, done: Dict[int, Read], people_at: Set[int],
                  states_at: Set[int]) -> Optional[Read]:
        """A figure before the noun it counts or modifies: "300 companies", "a $2 billion loan"."""
        r, h, kind = self.r, fig.head, fig.kind
        if kind == "count" and dep != "nsubj":
            if gov.lemma_.lower() in r.people or gov.i in people_at:
                return self._people(gov, states_at)
            got = self.noun(gov, "count")
            if got and any(c.dep_ == "conj" and c.pos_ == "NOUN" and self.noun(c, "count") is None
                           for c in gov.children):
                return None         # "100 firms and individuals": not a count of firms
            if got and any(c.lower_ in r.rank for c in (*gov.children, *h.children)):
                return None         # "among the top 10 countries": a rank, not a count
            return got
        got = self.noun(gov, {"money": "money", "percent": "rate", "length": "length", "mass": "mass"}.get(kind))
        if got:
            return got
        for c in gov.children:      # "a 35 percent tariff letter": [35 percent tariff] letter
            if c.dep_ == "compound" and h.i < c.i < gov.i and kind == "percent":
                got = self.noun(c, "rate")
                if got:
                    return got
        if kind in ("money", "mass") and gov.dep_ in ("dobj", "nsubjpass") and gov.head.pos_ == "VERB":
            return self.verb(fig, gov.head, "object", done)        # "$20 million worth of tea was exported"
        return None

    def verb(self, fig: Fig, verb: Token, how: str, done: Dict[int, Read]) -> Optional[Read]:
        """A figure as the object of a verb (``how`` ""), the object of its preposition ("to",
        "by", "at"), the verb's subject ("subject") or what its object counts ("object")."""
        r, kind = self.r, fig.kind
        lemma = verb.lemma_.lower()
        level = LEVEL.get(kind)
        skip = range(fig.start, fig.end)
        if how in ("subject", "object"):
            if kind == "count":
                return self._people_verb(verb, verb)
            own = r.measures.get(lemma, {}).get(level or "")
            return Read(own, verb, verb) if own else None
        if lemma in r.level and (not r.level[lemma] or how in r.level[lemma]) and how != "by":
            got = self._of(subject(verb) or object_of(verb, skip), level, verb)
            if got is None and verb.tag_ == "VBG" and done and not any(c.dep_ in SUBJ for c in verb.children):
                # "..., amounting to $2.46 billion": a participle said of the figure before
                prior = list(done.values())[-1]
                got = self._of(prior.thing, level, verb)
                if got is not None:
                    got.prior = prior
            return got
        if lemma in r.change:
            thing = object_of(verb, skip) or subject(verb)
            if how in ("to", "from"):
                return self._of(thing, level, verb)
            if how in ("", "by") and kind in ("percent", "times", "money"):
                return self._of(thing, "change", verb, r.change[lemma])
            return None
        if lemma in r.multiple:
            return None
        if how == "on" and kind == "percent":       # "eliminate tariffs on 99% of goods"
            obj = object_of(verb, skip)
            share = r.measures.get(f"{lemma} {obj.lemma_.lower()}", {}).get("share") if obj is not None else None
            return Read(share, obj, verb) if share else None
        if how == "":
            own = r.measures.get(lemma, {}).get(level or "")
            if own:                 # "invested $3 billion", "owes $251 million", "imported 700,000 tonnes"
                return Read(own, verb, verb)
        if verb.dep_ in ("xcomp", "amod", "acl") and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
            got = self.verb(fig, verb.head, how, done)     # "will drop threatened tariffs to 19%"
            if got and got.thing is None:
                got.thing = object_of(verb, skip)
            return got
        return None

    def _of(self, thing: Optional[Token], reading: Optional[str], verb: Token, sign: int = 1) -> Optional[Read]:
        got = self.noun(thing, reading)
        return Read(got.measure, got.thing, verb, got.sign * sign) if got else None

    def noun(self, n: Optional[Token], reading: Optional[str], depth: int = 0) -> Optional[Read]:
        """The measure a noun gives a figure read as ``reading``: "trade volume", "growth in
        exports", "the value of imports", "external debt"."""
        r = self.r
        if n is None or reading is None or depth > 3:
            return None
        lemma = n.lemma_.lower()
        if lemma in r.change_nouns and reading in ("rate", "change", "money"):
            said_of = modifiers(n)
            if n.dep_ in ("dobj", "attr") and n.head.pos_ in ("VERB", "AUX") and subject(n.head) is not None:
                said_of.append(subject(n.head))     # "the economy recorded growth of 6 percent"
            for m in said_of:
                got = self.noun(m, "change", depth + 1)
                if got:
                    return Read(got.measure, got.thing, None, got.sign * r.change_nouns[lemma])
            return None
        for phrase in phrases(n):
            found = r.measures.get(phrase)
            if found:
                measure = found.get(reading) or found.get({"number": "count", "count": "number"}.get(reading, ""))
                if measure:
                    return Read(measure, n, None)
        if lemma in r.carriers:
            for m in modifiers(n):
                got = self.noun(m, reading, depth + 1)
                if got:
                    return got
        return None

    def _hyphened(self, fig: Fig) -> Optional[Read]:
        """ "a one-year ban", "a 14-chapter agreement", "12-member companies": the noun the
        compound modifies."""
        word = fig.word
        target = word.head if word is not None and word.head.i != word.i else None
        if target is not None and target.i < fig.end and target.head.i != target.i:
            target = target.head            # the number is the compound's head: "one - year"
        if target is None or target.pos_ not in ("NOUN", "PROPN"):
            return None
        if fig.kind == "duration":
            return self.noun(target, "duration")
        if fig.noun == "member" and target.tag_ == "NNS":
            return self.noun(target, "count")            # "12-member companies": twelve companies
        found = self.r.measures.get(fig.noun, {}).get("count")
        return Read(found, target, None) if found else None

    def refers(self, fig: Fig, got: Read) -> bool:
        """ "two countries", "both sides": a small number of the parties refers to them."""
        if got.thing is None or fig.kind not in ("count", "compound"):
            return False
        limit = self.r.dual.get(got.thing.lemma_.lower())
        return limit is not None and fig.value <= limit

    def _adverb(self, fig: Fig, adv: Token, prep: str, done: Dict[int, Read]) -> Optional[Read]:
        """ "up 12 percent", "down 3 percent", "up from 45": said of the verb's thing."""
        verb = adv.head
        for _ in range(3):          # "equivalent to ..., up 8 percent": said of the clause's verb
            if verb.pos_ in ("VERB", "AUX", "NOUN") or verb.i == verb.head.i:
                break
            verb = verb.head
        sign = -1 if adv.lower_ == "down" else 1
        if prep == "from":          # the earlier level of the figure the clause gave
            prior = [x for x in done.values() if x.verb == verb or x.thing is not None]
            return Read(prior[-1].measure, prior[-1].thing, verb) if prior else None
        if fig.kind not in ("percent", "times", "money"):
            return None
        if verb.pos_ in ("VERB", "AUX"):
            return self._of(object_of(verb, range(fig.start, fig.end)) or subject(verb), "change", verb, sign)
        return self._of(verb, "change", None, sign) if verb.pos_ == "NOUN" else None

    def _people(self, noun: Token, states_at: Set[int]) -> Optional[Read]:
        """People counted: what befell them ("killed", "fled"), what they do ("studying"), or
        where they live ("a country of 280 million people")."""
        measures = self.r.measures
        for c in noun.children:
            if c.dep_ in ("acl", "relcl", "amod") and measures.get(c.lemma_.lower(), {}).get("people"):
                return Read(measures[c.lemma_.lower()]["people"], noun, c)
            if c.dep_ == "prep" and c.lower_ == "in" and pobj(c) is not None:
                got = measures.get(pobj(c).lemma_.lower(), {}).get("people")
                if got:
                    return Read(got, noun, None)
        head = noun.head
        if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return self._people_verb(head, noun)
        if noun.dep_ == "pobj" and head.lower_ == "of":
            owner = head.head
            got = measures.get(owner.lemma_.lower(), {}).get("people")
            if got or owner.i in states_at:
                return Read(got or "Population", owner, None)
        return None

    def _people_verb(self, verb: Token, thing: Token) -> Optional[Read]:
        for v in (verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd"))):
            got = self.r.measures.get(v.lemma_.lower(), {}).get("people")
            if got:
                return Read(got, thing, verb)
        return None
