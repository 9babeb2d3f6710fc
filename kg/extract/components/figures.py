"""kg_figures: reported figures (trade, investment, loans, tariffs, counts) with measure, value, unit, period and what they are about.

A figure is a number read from the tokens with what stands around it: a currency sign or code
before it ("$", "USD"), a scale and a unit after it ("3.1 billion", "12 percent", "647 crore
taka", "1,340 km"), or a word joined to it by a hyphen ("a one-year ban", "a 14-chapter
text"). What it measures comes from the parse, never from the words that merely stand near:

- the noun it modifies or counts: "a $2 billion loan", "a 35 percent tariff", "300 companies";
- the noun it is "of", or that is "in" or "of" it: "a loan of $250 million", "$3 billion in
  aid", "52 percent of the external debt" (a share);
- the verb it is the object of, and that verb's subject: "trade reached $3.1 billion" (a
  level), "exports rose 12 percent", "up 12 percent", "fell by 3.8 percent" (a change),
  "cut tariffs to 19%" (a level of the object), "invested $3 billion" (the verb's own measure);
- people counted and what befell them: "20 soldiers were killed", "a country of 280 million
  people".

The words are data: ``kg/data/patterns/measures.tsv`` (noun or verb -> measure, by how a
figure reads it), ``figure_units.tsv`` (currencies, scales, units) and ``figures.jsonl`` (the
verbs of level and change, the nouns of change, targets, verbs of saying; each rule with an
example and what it must yield). A figure no parse ties to a measure, a target ("aims to raise
trade to $15 billion") and a negated one are left out.

The period is the time expression of the figure's clause (or of the clause it belongs to);
the states it is about are those its clause names (subject, possessor, "between X and Y", "X's
exports to Y", a person's state), or the two sides of the text when it says "bilateral" or
"the two countries"; who reported it: "according to X", "X said", "data from X showed", else
the one person the paragraph quotes.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...articles import Sentence
from ...findings import ObservationFinding, Ref
from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from ..docs import sentence_of
from ..patterns import load_phrases, load_rules
from ..timex import NUMBER_WORDS
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Figures", "RULE_KEYS", "READINGS"]

#: keys a rule of figures.jsonl may have (besides id and example)
RULE_KEYS = frozenset({"kind", "lemmas", "sign", "value", "preps", "measures", "expect"})
RULE_KINDS = ("level", "change", "multiple", "change_noun", "carrier", "target", "speech", "source_noun",
              "source_prep", "people", "pair", "context_period", "stock", "target_noun", "equivalent", "refers",
              "single", "compare", "rank")
#: how a figure reads the word it belongs to (see measures.tsv)
READINGS = ("money", "change", "rate", "share", "count", "number", "length", "mass", "duration", "people")
#: NER labels whose numbers are part of a name, a date or a rank, not a figure
_NOT_FIGURE = {"DATE", "TIME", "ORDINAL", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "ORG", "PERSON",
               "GPE", "NORP", "LANGUAGE", "LOC"}
#: dependencies that start a clause of its own below a verb
_CLAUSE = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"}
_SUBJ = {"nsubj", "nsubjpass"}
_REL = {"that", "which", "who", "whom"}
_TIME_NOUNS = {"year", "month", "quarter", "week"}
_REFERS = {"the", "these", "those", "both", "all", "its", "their", "our", "his", "her", "each"}
_NUM = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([A-Za-z]*)$")
#: letters glued to an amount of money that scale it ("$124m", "$2b", "$300k")
_GLUED_SCALE = {"m": Decimal(10) ** 6, "b": Decimal(10) ** 9, "k": Decimal(1000)}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: a time expression after these words is a bound, not the figure's period ("since 2015", "by 2030")
_BOUND = {"since", "by", "until", "till", "before", "after", "within", "through"}
#: a year right after these words bounds a span ("from 2005 to 2022"): no period by itself
_BOUND_WORD = _BOUND | {"from", "to"}
#: a clause after these words states its own time, not its parent's
_OWN_TIME = {"while", "whereas", "although", "though"}


@dataclass
class _Fig:
    start: int
    end: int
    value: Decimal
    kind: str                   # money, percent, times, count, length, mass, duration, compound
    unit: Optional[str]
    head: Token
    word: Optional[Token] = None    # the word after a hyphen: "chapter" of "14-chapter"
    noun: str = ""                  # its lemma


@dataclass
class _Read:
    measure: str
    thing: Optional[Token]      # the word the figure measures
    verb: Optional[Token]       # the verb of its clause
    sign: int = 1
    prior: Optional["_Read"] = None     # the figure a participle speaks of again
    period: Optional[str] = None


class Figures:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_figures", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None):
        self.name = name
        self.lex = lexicon
        self.officeholders = officeholders
        self.units: Dict[str, str] = {p: v for p, v in load_phrases("figure_units")}
        for word, code in lexicon.currencies.items():
            self.units.setdefault(word.lower(), f"currency:{code}")
        self.currency_words = {w.lower() for w in lexicon.currencies}
        self.longest_unit = max(len(p.split()) for p in self.units)
        self.measures: Dict[str, Dict[str, str]] = {}
        for phrase, value in load_phrases("measures"):
            reading, _, measure = value.partition(":")
            self.measures.setdefault(phrase, {}).setdefault(reading, measure)
        for noun, measure in lexicon.count_nouns.items():
            self.measures.setdefault(noun.lower(), {}).setdefault("count", measure)
        rules: Dict[str, List[dict]] = {k: [] for k in RULE_KINDS}
        for rule in load_rules("figures", RULE_KEYS):
            rules[rule["kind"]].append(rule)
        self.level = {l: tuple(r.get("preps", ())) for r in rules["level"] for l in r["lemmas"]}
        self.change = {l: r.get("sign", 1) for r in rules["change"] for l in r["lemmas"]}
        self.multiple = {l: Decimal(str(r["value"])) for r in rules["multiple"] for l in r["lemmas"]}
        self.change_nouns = {l: r.get("sign", 1) for r in rules["change_noun"] for l in r["lemmas"]}
        lemmas = {k: frozenset(l for r in rules[k] for l in r["lemmas"]) for k in RULE_KINDS}
        self.carriers, self.targets, self.speech = lemmas["carrier"], lemmas["target"], lemmas["speech"]
        self.target_nouns, self.equivalent = lemmas["target_noun"], lemmas["equivalent"]
        self.dual = {l: Decimal(str(r["value"])) for r in rules["refers"] for l in r["lemmas"]}
        self.single = frozenset(m for r in rules["single"] for m in r["measures"])
        self.compare, self.rank = lemmas["compare"], lemmas["rank"]
        self.relational = frozenset(m for found in self.measures.values() for reading, m in found.items()
                                    if reading in ("money", "change", "rate", "share", "mass"))
        self.source_nouns, self.people, self.pair_words = lemmas["source_noun"], lemmas["people"], lemmas["pair"]
        self.source_preps = [tuple(p.split()) for p in lemmas["source_prep"]]
        self.context_measures = frozenset(m for r in rules["context_period"] for m in r["measures"])
        self.stock_cues = lemmas["stock"]
        self.stocks = {r["measures"][0]: r["measures"][1] for r in rules["stock"]}

    # ------------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        ctx = _Context(doc, self)
        for sent in doc.sents:
            if not any(t.like_num or t.lemma_ in self.multiple for t in sent):
                continue
            reader = ctx.sentence(sent)
            if reader is None or (reader.index == 0 and ctx.many):
                continue                # the headline repeats what the body says
            done: Dict[int, _Read] = {}
            for fig in self.read(doc, sent, ctx):
                got = self.attach(fig, done, ctx)
                if got is None or self._refers(fig, got):
                    continue
                done[fig.head.i] = got
                obs = self.observe(fig, got, sent, reader, ctx)
                if obs is not None:
                    doc._.findings.append(obs)
        return doc

    # ------------------------------------------------------------------ reading numbers
    def read(self, doc: Doc, sent: Span, ctx: "_Context") -> Iterable[_Fig]:
        for tok in sent:            # "doubled", "tripled": a multiple without a number
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.multiple:
                yield _Fig(tok.i, tok.i + 1, self.multiple[tok.lemma_.lower()], "multiple", "times", tok)
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            got = _number(tok)
            if got is None or i in ctx.named or (tok.ent_type_ in _NOT_FIGURE and not _hyphened(doc, i, sent.end)):
                i += 1
                continue
            value, glued = got
            start, j = i, i + 1
            kind: Optional[str] = None
            unit: Optional[str] = None
            word, noun = None, ""
            if glued:
                what = self.units.get(glued.lower(), "")
                if what.startswith("scale:"):
                    value *= Decimal(what[6:])
                elif what.startswith(("length:", "mass:")):
                    kind, unit = what.split(":")
                elif what.startswith("currency:") or what in ("percent", "times", "points"):
                    kind, unit = _kind_of(what)
                else:
                    kind, word, noun = "compound", tok, glued.lower()
            for n in (2, 1):            # "$", "US$", "USD", "US $" before the number
                if start - n >= sent.start:
                    words = doc[start - n:start]
                    what = self.units.get(" ".join(t.lower_ for t in words), "")
                    if what.startswith("currency:") and all(not t.is_alpha or t.is_upper for t in words):
                        kind, unit, start = "money", what[9:], start - n
                        break
            while j < sent.end:
                scale = self.units.get(doc[j].lower_, "")
                if scale.startswith("scale:"):
                    value *= Decimal(scale[6:])
                elif kind == "money" and doc[j].lower_ in _GLUED_SCALE:
                    value *= _GLUED_SCALE[doc[j].lower_]         # "$ 124 m"
                else:
                    break
                j += 1
            for n in range(self.longest_unit, 0, -1):   # "dollars", "per cent", "crore taka", "km"
                if j + n <= sent.end:
                    what = self.units.get(" ".join(t.lower_ for t in doc[j:j + n]), "")
                    if what.startswith("scale:") and n == 1:
                        continue
                    if what and not what.startswith(("scale:", "duration:")):
                        if kind != "money" or what.startswith("currency:"):
                            kind, unit = _kind_of(what)
                        j += n
                        break
            else:
                # "183 trillion Vietnamese dong": a state's adjective before a currency's name
                if j + 1 < sent.end and doc[j].text[:1].isupper() and doc[j + 1].lower_ in self.currency_words:
                    kind, unit = _kind_of(self.units[doc[j + 1].lower_])
                    j += 2
            if kind is None and j + 1 < sent.end and doc[j].text in ("-", "‐") and doc[j + 1].is_alpha:
                what = self.units.get(doc[j + 1].lower_, "")
                kind, unit = ("duration", what[9:]) if what.startswith("duration:") else ("compound", None)
                word, noun, j = doc[j + 1], doc[j + 1].lemma_.lower(), j + 2
            i = j
            if kind == "points" or value is None:
                continue
            if kind == "money" and noun in _GLUED_SCALE:     # "$124m", "US$5bn"
                value *= _GLUED_SCALE[noun]
            elif kind == "compound" and noun in _GLUED_SCALE:
                continue
            if kind == "compound" and value < 3:
                continue            # "a two-state solution", "one-China", "two-way": idioms, not counts
            if kind is None:
                kind = "count"
                if _YEAR.match(tok.text) or value <= 1 or _refers(doc, start, sent.start):
                    continue        # a year, "one of", "the two countries"
            heads = [t for t in doc[start:j] if not (start <= t.head.i < j) or t.head.i == t.i]
            yield _Fig(start, j, value, kind, unit, heads[-1] if heads else doc[j - 1], word, noun)

    # ------------------------------------------------------------------ what it measures
    def attach(self, fig: _Fig, done: Dict[int, _Read], ctx: "_Context") -> Optional[_Read]:
        """What the parse ties a figure to (None when nothing)."""
        h = fig.head
        kind = fig.kind
        if kind in ("duration", "compound"):
            return self._hyphened(fig)
        if kind == "multiple":
            return self._of(_object(h, fig) or _subject(h), "change", h)
        for c in h.children:        # "$3 billion in aid", "52 percent of the debt", "5,000 km of border"
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "worth"):
                obj = _pobj(c)
                reading = {"money": "money", "percent": "share" if c.lower_ == "of" else None,
                           "length": "length", "mass": "mass"}.get(kind)
                got = self.noun(obj, reading) if obj is not None and reading else None
                if got:
                    return got
        dep, gov = h.dep_, h.head
        while gov.pos_ == "NOUN" and (gov.ent_type_ == "DATE" or gov.lemma_ in _TIME_NOUNS) and gov.i != gov.head.i:
            dep, gov = gov.dep_, gov.head        # "3.8 percent year on year" parsed as modifying "year"
        if dep in ("appos", "conj") and gov.i in done:
            return done[gov.i]      # "150 billion yen ($1 billion)", "of 30 and 40 percent"
        if gov.pos_ in ("NOUN", "PROPN") and dep in ("nummod", "compound", "amod", "quantmod", "nmod", "nsubj"):
            if kind == "count" and dep != "nsubj":
                if gov.lemma_.lower() in self.people or gov.i in ctx.demonyms:
                    return self._people(gov, ctx)
                got = self.noun(gov, "count")
                if got and any(c.dep_ == "conj" and c.pos_ == "NOUN" and self.noun(c, "count") is None
                               for c in gov.children):
                    return None         # "100 firms and individuals": not a count of firms
                if got and any(c.lower_ in self.rank for c in (*gov.children, *h.children)):
                    return None         # "among the top 10 countries": a rank, not a count
            else:
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
        if dep == "pobj":
            prep, above = gov, gov.head
            if prep.lower_ == "of" and above.pos_ in ("NOUN", "PROPN"):
                if kind == "count" and above.lemma_.lower() in self.people:
                    return None
                return self.noun(above, {"money": "money", "percent": "rate", "count": "number", "length": "length",
                                         "mass": "mass"}.get(kind))
            if above.lower_ in ("up", "down") and above.pos_ == "ADV":
                return self._adverb(fig, above, prep.lower_, done)
            if above.lemma_.lower() in self.equivalent and done:
                return list(done.values())[-1]      # "$7.2 billion, equivalent to 183 trillion dong"
            if above.pos_ in ("VERB", "AUX"):
                return self.verb(fig, above, prep.lower_, done)
            return None
        if gov.lower_ in ("up", "down") and gov.pos_ == "ADV" and dep in ("npadvmod", "pobj", "dobj", "advmod"):
            return self._adverb(fig, gov, "by", done)
        if gov.pos_ in ("VERB", "AUX"):
            if dep in ("dobj", "attr", "oprd", "npadvmod", "advmod", "acomp"):
                return self.verb(fig, gov, "", done)
            if dep in _SUBJ:
                return self.verb(fig, gov, "subject", done)
        return None

    def verb(self, fig: _Fig, verb: Token, how: str, done: Dict[int, _Read]) -> Optional[_Read]:
        """A figure as the object (``how`` ""), a preposition's object ("to", "by") or the
        subject of a verb."""
        lemma = verb.lemma_.lower()
        kind = fig.kind
        level = {"money": "money", "percent": "rate", "count": "number", "length": "length", "mass": "mass"}.get(kind)
        if how in ("subject", "object"):
            if kind == "count":
                return self._people_verb(verb, verb)
            own = self.measures.get(lemma, {}).get(level or "")
            return _Read(own, verb, verb) if own else None
        if lemma in self.level and (not self.level[lemma] or how in self.level[lemma]) and how not in ("by",):
            got = self._of(_subject(verb) or _object(verb, fig), level, verb)
            if got is None and verb.tag_ == "VBG" and done and not any(c.dep_ in _SUBJ for c in verb.children):
                # "..., amounting to $2.46 billion": a participle said of the figure before
                prior = list(done.values())[-1]
                got = self._of(prior.thing, level, verb)
                if got is not None:
                    got.prior = prior
            return got
        if lemma in self.change:
            thing = _object(verb, fig) or _subject(verb)
            if how in ("to", "from"):
                return self._of(thing, level, verb)
            if how in ("", "by") and kind in ("percent", "times", "money"):
                return self._of(thing, "change", verb, self.change[lemma])
            return None
        if lemma in self.multiple:
            return None
        if how == "on" and kind == "percent":       # "eliminate tariffs on 99% of goods"
            obj = _object(verb, fig)
            share = self.measures.get(f"{lemma} {obj.lemma_.lower()}", {}).get("share") if obj is not None else None
            return _Read(share, obj, verb) if share else None
        if how == "":
            own = self.measures.get(lemma, {}).get(level or "")
            if own:                 # "invested $3 billion", "owes $251 million", "imported 700,000 tonnes"
                return _Read(own, verb, verb)
        if verb.dep_ in ("xcomp", "amod", "acl") and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
            got = self.verb(fig, verb.head, how, done)     # "will drop threatened tariffs to 19%"
            if got and got.thing is None:
                got.thing = _object(verb, fig)
            return got
        return None

    def _of(self, thing: Optional[Token], reading: Optional[str], verb: Token, sign: int = 1) -> Optional[_Read]:
        got = self.noun(thing, reading) if thing is not None and reading else None
        if got is None:
            return None
        return _Read(got.measure, got.thing, verb, got.sign * sign)

    def noun(self, n: Optional[Token], reading: Optional[str], depth: int = 0) -> Optional[_Read]:
        """The measure a noun gives a figure read as ``reading``: "trade volume", "growth in
        exports", "the value of imports", "external debt"."""
        if n is None or reading is None or depth > 3:
            return None
        lemma = n.lemma_.lower()
        if lemma in self.change_nouns and reading in ("rate", "change", "money"):
            said_of = _modifiers(n)
            if n.dep_ in ("dobj", "attr") and n.head.pos_ in ("VERB", "AUX") and _subject(n.head) is not None:
                said_of.append(_subject(n.head))     # "the economy recorded growth of 6 percent"
            for m in said_of:
                got = self.noun(m, "change", depth + 1)
                if got:
                    return _Read(got.measure, got.thing, None, got.sign * self.change_nouns[lemma])
            return None
        for phrase in _phrases(n):
            found = self.measures.get(phrase)
            if found:
                measure = found.get(reading) or found.get({"number": "count", "count": "number"}.get(reading, ""))
                if measure:
                    return _Read(measure, n, None)
        if lemma in self.carriers:
            for m in _modifiers(n):
                got = self.noun(m, reading, depth + 1)
                if got:
                    return got
        return None

    def _hyphened(self, fig: _Fig) -> Optional[_Read]:
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
        found = self.measures.get(fig.noun, {}).get("count")
        return _Read(found, target, None) if found else None

    def _refers(self, fig: _Fig, got: _Read) -> bool:
        """ "two countries", "both sides": a small number of the parties refers to them."""
        thing = got.thing
        if thing is None or fig.kind not in ("count", "compound"):
            return False
        limit = self.dual.get(thing.lemma_.lower())
        return limit is not None and fig.value <= limit

    def _adverb(self, fig: _Fig, adv: Token, prep: str, done: Dict[int, _Read]) -> Optional[_Read]:
        """ "up 12 percent", "down 3 percent", "up from 45": said of the verb's thing."""
        verb = adv.head
        for _ in range(3):          # "equivalent to ..., up 8 percent": said of the clause's verb
            if verb.pos_ in ("VERB", "AUX", "NOUN") or verb.i == verb.head.i:
                break
            verb = verb.head
        sign = -1 if adv.lower_ == "down" else 1
        if prep == "from":          # the earlier level of the figure the clause gave
            prior = [r for r in done.values() if r.verb == verb or r.thing is not None]
            return _Read(prior[-1].measure, prior[-1].thing, verb) if prior else None
        if fig.kind not in ("percent", "times", "money"):
            return None
        if verb.pos_ in ("VERB", "AUX"):
            return self._of(_object(verb, fig) or _subject(verb), "change", verb, sign)
        return self._of(verb, "change", None, sign) if verb.pos_ == "NOUN" else None

    def _people(self, noun: Token, ctx: "_Context") -> Optional[_Read]:
        """People counted: what befell them ("killed", "fled"), what they do ("studying"), or
        where they live ("a country of 280 million people")."""
        for c in noun.children:
            if c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() in self.measures:
                got = self.measures[c.lemma_.lower()].get("people")
                if got:
                    return _Read(got, noun, c)
            if c.dep_ == "prep" and c.lower_ == "in" and _pobj(c) is not None:
                got = self.measures.get(_pobj(c).lemma_.lower(), {}).get("people")
                if got:
                    return _Read(got, noun, None)
        head = noun.head
        if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return self._people_verb(head, noun)
        if noun.dep_ == "pobj" and head.lower_ == "of":
            owner = head.head
            got = self.measures.get(owner.lemma_.lower(), {}).get("people")
            if got or owner.i in ctx.countries:
                return _Read(got or "Population", owner, None)
        return None

    def _people_verb(self, verb: Token, thing: Token) -> Optional[_Read]:
        for v in (verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd"))):
            got = self.measures.get(v.lemma_.lower(), {}).get("people")
            if got:
                return _Read(got, thing, verb)
        return None

    # ------------------------------------------------------------------ the finding
    def observe(self, fig: _Fig, got: _Read, sent: Span, reader: Sentence, ctx: "_Context"
                ) -> Optional[ObservationFinding]:
        verb = got.verb or _verb_of(got.thing or fig.head)
        if verb is not None and (verb._.modality == "negated" or self._target(fig, got, verb)):
            return None
        if got.verb is not None and got.verb._.modality == "hypothetical":
            return None         # "trade could reach", "200 may have died": a guess, not a figure
        value = fig.value
        unit = fig.unit
        if fig.kind == "count" or fig.kind == "compound":
            unit = None
        if got.sign < 0 and fig.kind in ("percent", "money") and got.measure.endswith("Growth"):
            value = -value
        reporter = self.reporter(sent, verb, ctx)
        banned = {t for s in reporter for t in ctx.spans_of(s)}
        about = ctx.about(fig, got, verb, sent, banned)
        if not about:
            return None
        period = ctx.period(fig, got, verb, reader, self) or (got.prior.period if got.prior else None)
        got.period = period
        measure = got.measure
        if measure in self.stocks:
            # a total built up over the years, not what flowed in a period: "cumulative",
            # "since independence", "stands at" with no period
            words = {sent.doc[i].lemma_.lower() for i in _clause_tokens(verb)} if verb is not None else set()
            words |= {t.lemma_.lower() for t in got.thing.subtree} if got.thing is not None else set()
            if words & self.stock_cues or (period is None and got.verb is not None
                                            and got.verb.lemma_.lower() in self.level):
                measure = self.stocks[measure]
        surface = sent.doc[fig.start:fig.end].text
        return ObservationFinding(reader, measure, _plain(value), unit, period, tuple(about), tuple(r for r, _ in reporter), surface=surface)

    def _target(self, fig: _Fig, got: _Read, verb: Token) -> bool:
        """A goal, forecast or plan for a level ("aims to raise trade to $15 billion", "a
        target of $5 billion", "is expected to reach"), which is no observation."""
        for t in (fig.head, got.thing):
            while t is not None and t.dep_ in ("pobj", "prep", "compound", "nummod", "amod"):
                t = t.head
                if t.pos_ == "NOUN" and t.lemma_.lower() in self.target_nouns:
                    return True
        if got.thing is not None and any(c.dep_ == "amod" and c.lemma_.lower() in self.targets
                                         for c in got.thing.children):
            return True         # "an anticipated investment of $132 million"
        t, steps = verb, 0
        while steps < 4 and t.i != t.head.i and t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl"):
            t = t.head
            steps += 1
            if t.pos_ in ("VERB", "AUX", "ADJ") and t.lemma_.lower() in self.targets:
                return True
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.targets

    def reporter(self, sent: Span, verb: Optional[Token], ctx: "_Context") -> List[Tuple[Ref, Span]]:
        """Who gave the figure: "according to X", "X said", "data from X showed", else the one
        person the paragraph quotes."""
        doc = sent.doc
        for t in sent:
            for words in self.source_preps:
                if t.lower_ == words[0] and t.i + len(words) <= sent.end and \
                        tuple(x.lower_ for x in doc[t.i:t.i + len(words)]) == words:
                    last = doc[t.i + len(words) - 1]
                    obj = _pobj(last)
                    got = ctx.actor(obj, self.source_nouns) if obj is not None else None
                    if got:
                        return [got]
        t = verb
        while t is not None and t.i != t.head.i:
            head = t.head
            if t.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.lemma_.lower() in self.speech:
                for c in head.children:
                    if c.dep_ in _SUBJ:
                        got = ctx.actor(c, self.source_nouns)
                        return [got] if got else []
            t = head
        return ctx.speaker(sent)


class _Context:
    """What one Doc holds that figures read: entities by token, the two sides, speakers."""

    def __init__(self, doc: Doc, fig: Figures):
        self.doc = doc
        self.fig = fig
        self.ent_at: Dict[int, Span] = {}
        self.named: Set[int] = set()
        self.states: Counter = Counter()
        self.countries: Set[int] = set()
        self.demonyms: Set[int] = set()
        for s in doc.spans.get(ENTITIES, []):
            if s.label_ not in ("Country", "Place", "Person", "Institution"):
                continue
            for i in range(s.start, s.end):
                self.ent_at[i] = s
                if s.label_ in ("Person", "Institution"):
                    self.named.add(i)
                if s.label_ == "Country" and s._.ref is not None:
                    self.countries.add(i)
                    if s[-1].tag_ in ("NNS", "NNPS") and s.text.lower() != s._.ref.label.lower():
                        self.demonyms.add(i)       # "8,000 Azerbaijanis": people counted
            if s.label_ == "Country" and s._.ref:
                self.states[s._.ref] += 1
        self.groups = {i for s in doc.spans.get(KNOWN, []) if s.label_ == "group" for i in range(s.start, s.end)}
        self.capitals = {i for s in doc.spans.get(KNOWN, []) if s.label_ == "capital" for i in range(s.start, s.end)}
        self.person_state: Dict[Ref, Ref] = {}
        for office in doc._.positions or ():
            if office.state is not None and not office.former:
                for h in office.holders:
                    if h._.ref is not None:
                        self.person_state.setdefault(h._.ref, office.state)
        date = doc._.article.reference_date if doc._.article is not None else None
        if fig.officeholders is not None and date is not None:
            for s in doc.spans.get(ENTITIES, []):
                ref = s._.ref
                if s.label_ == "Person" and ref is not None and ref not in self.person_state:
                    codes = {t.state for t in fig.officeholders.terms(ref.label) if t.state and t.holds_on(date)}
                    country = fig.lex.countries.get(codes.pop()) if len(codes) == 1 else None
                    if country is not None:
                        self.person_state[ref] = Ref("Country", country.name)
        top = self.states.most_common(3)
        self.pair: Tuple[Ref, ...] = ()
        if len(top) >= 2 and (len(top) < 3 or top[2][1] < top[1][1]):
            self.pair = (top[0][0], top[1][0])
        self.many = bool(doc._.article is not None and len(doc._.article.sentences) > 1)
        self._speakers: Optional[Dict[int, Set[Ref]]] = None
        self._fallback: Dict[int, Sentence] = {}

    def sentence(self, sent: Span) -> Optional[Sentence]:
        if self.doc._.sentences is not None:
            return sentence_of(self.doc, sent[0])
        got = self._fallback.get(sent.start)        # a bare nlp(text): one Sentence per parsed one
        if got is None:
            got = self._fallback[sent.start] = Sentence("", len(self._fallback), sent.text, sent.start_char,
                                                        sent.end_char, 0)
        return got

    def spans_of(self, pair: Tuple[Ref, Span]) -> range:
        return range(pair[1].start, pair[1].end)

    def actor(self, tok: Token, source_nouns: FrozenSet[str]) -> Optional[Tuple[Ref, Span]]:
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
        if tok.lemma_.lower() in source_nouns:
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("from", "of", "by")):
                    obj = c if c.dep_ != "prep" else _pobj(c)
                    if obj is not None:
                        got = self.actor(obj, source_nouns)
                        if got:
                            return got
                if c.dep_ == "acl":         # "figures released by the ministry"
                    for g in c.children:
                        if g.dep_ == "agent" and _pobj(g) is not None:
                            return self.actor(_pobj(g), source_nouns)
        return None

    def speaker(self, sent: Span) -> List[Tuple[Ref, Span]]:
        """The one person the sentence's paragraph quotes (subject of a verb of saying)."""
        if self._speakers is None:
            self._speakers = {}
            for s in self.doc.sents:
                root = s.root
                if root.lemma_.lower() not in self.fig.speech:
                    continue
                for c in root.children:
                    got = self.actor(c, frozenset()) if c.dep_ in _SUBJ else None
                    if got and got[0].type == "Person":
                        reader = self.sentence(s)
                        if reader is not None:
                            self._speakers.setdefault(reader.paragraph, {})[got[0]] = got[1]
        reader = self.sentence(sent)
        found = self._speakers.get(reader.paragraph, {}) if reader is not None else {}
        return list(found.items()) if len(found) == 1 else []

    # -------------------------------------------------------------- about and period
    def _state(self, i: int, places: bool) -> Iterable[Ref]:
        s = self.ent_at.get(i)
        if s is None:
            if i in self.groups:
                yield from self.pair
            return
        if s.label_ == "Country" and s._.ref:
            yield s._.ref
        elif s.label_ == "Place" and (places or i in self.capitals) and s._.country:
            yield s._.country           # "flights between Baku and Beijing", "reach Kyiv"
        elif s.label_ == "Person" and s._.ref in self.person_state:
            yield self.person_state[s._.ref]

    def about(self, fig: _Fig, got: _Read, verb: Optional[Token], sent: Span, banned: Set[int]) -> List[Ref]:
        """The states the figure's clause names (see the module's docstring)."""
        out: List[Ref] = []

        def take(tokens: Iterable[int], places: bool) -> None:
            for i in sorted(tokens):
                if i in banned:
                    continue
                for r in self._state(i, places):
                    if r not in out:
                        out.append(r)
        # a currency's country ("US$"), what a state is compared with ("just behind the UK"),
        # and what an apposition says in passing ("Thailand, the 37th destination of Sri Lanka")
        banned = banned | set(range(fig.start, fig.end)) | self._asides(sent)
        near = {x.i for t in (got.thing, fig.head) if t is not None for x in t.subtree}
        take(near, True)
        phrase = []
        t = got.thing
        while t is not None and len(phrase) < 4:
            phrase.append(t)
            t = t.head if t.dep_ == "compound" and t.head.i != t.i else None
        if any(c.lemma_.lower() in self.fig.pair_words for t in phrase for c in t.children):
            for r in self._pair(sent):
                if r not in out:
                    out.append(r)
        single = got.measure in self.fig.single
        if single and out:
            return out              # "Thailand's GDP": the state it is of
        clause = verb
        if clause is not None and not single:
            take(_clause_tokens(clause), False)
        while clause is not None and not out:
            if single:
                # "Kenya recorded growth of 5 percent": the subject's state; "Indonesia agreed to
                # ... the country of 280 million people": the subject of the clause it is in
                subj = _subject(clause)
                words = {x.i for x in subj.subtree} if subj is not None else set()
                if not near & words:
                    take(words, False)
            else:
                take(_clause_tokens(clause), False)
            clause = _parent_clause(clause, self.fig.speech)     # none named: the enclosing clause's
        if len(out) < 2 and verb is not None and not (single and out):
            # one side named: the other may be the enclosing clause's, for what passes between
            # states (trade, loans, tariffs), unless the clause is one of time ("after ...");
            # what a state or its leader says is about that state too ("X said it would allow")
            parent = _parent_clause(verb, self.fig.speech)
            if parent is not None and len(out) == 1 and got.measure in self.fig.relational \
                    and not _marked(verb, _BOUND):
                take(_clause_tokens(parent), False)
            top = verb
            while len(out) < 2 and _parent_clause(top, self.fig.speech) is not None:
                top = _parent_clause(top, self.fig.speech)
            speaker = _speaker_of(top, self.fig.speech) if len(out) < 2 else None
            state = self._state_of(speaker) if speaker is not None else None
            if state is not None and state not in out:
                out.append(state)
        return out

    def _state_of(self, tok: Token) -> Optional[Ref]:
        """The state a speaker is or serves: a state's name, a person named or a pronoun for one."""
        s = self.ent_at.get(tok.i)
        if s is not None and s.label_ == "Country":
            return s._.ref
        person = s._.ref if s is not None and s.label_ == "Person" else tok._.ref
        return self.person_state.get(person) if person is not None else None

    def _asides(self, sent: Span) -> Set[int]:
        out: Set[int] = set()
        for t in sent:
            named = self.ent_at.get(t.head.i)
            aside = t.dep_ == "appos" and named is not None and named.label_ == "Country" and \
                not (self.ent_at.get(t.i) is not None and self.ent_at[t.i].label_ == "Country")
            if aside or (t.lower_ in self.fig.compare and t.dep_ in ("prep", "advmod", "mark")):
                out |= {x.i for x in t.subtree}
        return out

    def _pair(self, sent: Span) -> Tuple[Ref, ...]:
        named = []
        for i in range(sent.start, sent.end):
            s = self.ent_at.get(i)
            if s is not None and s.label_ == "Country" and s._.ref and s._.ref not in named:
                named.append(s._.ref)
        return tuple(named) if len(named) == 2 else self.pair

    def period(self, fig: _Fig, got: _Read, verb: Optional[Token], reader: Sentence, figures: Figures
               ) -> Optional[str]:
        times = [(tx, sp) for tx, sp in (self.doc._.times or {}).get(reader.index, [])
                 if "/" in tx.value or len(tx.value) <= 7]
        times = [(tx, sp) for tx, sp in times if sp.start == 0 or self.doc[sp.start - 1].lower_ not in _BOUND_WORD]
        earlier = {x.i for t in self.doc[fig.start].sent for x in (t.subtree if t.lower_ == "from" and
                   t.head.lower_ in ("up", "down") and not t.i <= fig.start <= t.right_edge.i else ())}
        times = [(tx, sp) for tx, sp in times if sp.start not in earlier]
        clause = verb
        near = {i for t in (got.thing, fig.head) if t is not None for i in _phrase_tokens(t)}
        before: Optional[int] = None
        while times:
            tokens = near | (_clause_tokens(clause, when=True) if clause is not None else set())
            inside = [(tx, sp) for tx, sp in times if any(i in tokens for i in range(sp.start, sp.end))
                      and (before is None or sp.start < before)]
            if inside:
                after = [tx for tx, sp in inside if sp.start >= fig.end]
                return after[0].value if after else inside[-1][0].value
            if clause is None or _marked(clause, _OWN_TIME):
                break           # "..., while 9 million remain displaced": a statement of its own
            if clause.dep_ in ("relcl", "acl", "advcl") and clause.tag_ != "VBG":
                break           # "the project, valued at $529 million, was to be completed in 2015"
            parent = _parent_clause(clause, figures.speech)
            if parent is None or _marked(parent, _BOUND):
                break           # "since the war broke out in April 2023" bounds, it is no period
            # "In 2023, exports rose 5% and imports fell 3%": a time before the first verb is the
            # second's too; "joined in 1998 and was ambassador": one after it is not
            before = parent.i if clause.dep_ == "conj" else None
            clause = parent
        if got.measure in figures.context_measures and not (self.doc._.times or {}).get(reader.index) \
                and verb is not None and verb.tag_ == "VBD":     # "held four meetings", not "has signed"
            before = (self.doc._.times or {}).get(reader.index - 1, [])
            values = {tx.value for tx, _ in before if len(tx.value) <= 7}
            prev = self.doc._.sentences and [s for s in self.doc._.sentences if s.index == reader.index - 1]
            if len(values) == 1 and prev and prev[0].paragraph == reader.paragraph:
                return values.pop()
        return None


# ---------------------------------------------------------------------- the parse
def _number(tok: Token) -> Optional[Tuple[Decimal, str]]:
    m = _NUM.match(tok.text)
    if m:
        try:
            return Decimal(m.group(1).replace(",", "")), m.group(2)
        except InvalidOperation:
            return None
    word = tok.lower_
    if word in NUMBER_WORDS and NUMBER_WORDS[word] and word not in ("both", "hundred"):
        return Decimal(NUMBER_WORDS[word]), ""
    return None


def _plain(value: Decimal) -> Decimal:
    """3100000000, not 3.1E+9; 17.1, not 17.10."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _kind_of(what: str) -> Tuple[str, Optional[str]]:
    if what.startswith("currency:"):
        return "money", what[9:]
    if what in ("percent", "times", "points"):
        return what, what if what != "points" else None
    kind, _, unit = what.partition(":")
    return kind, unit


def _hyphened(doc: Doc, i: int, end: int) -> bool:
    """ "one-year", "99-year": a number joined to a word by a hyphen (the NER calls it a date)."""
    return i + 2 < end and doc[i + 1].text in ("-", "‐") and doc[i + 2].lower_ in ("year", "month") \
        and doc[i + 2].dep_ in ("compound", "nmod", "amod") and doc[i + 2].head.pos_ == "NOUN"


def _refers(doc: Doc, start: int, first: int) -> bool:
    """ "the two countries", "both", "these three": a number that refers, not counts."""
    j = start - 1
    while j >= first and doc[j].lower_ in ("more", "than", "over", "nearly", "about", "some", "around"):
        j -= 1
    return j >= first and doc[j].lower_ in _REFERS


def _pobj(prep: Token) -> Optional[Token]:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def _modifiers(n: Token) -> List[Token]:
    """The words a noun of change or a carrier ("volume", "growth") is said of: "trade volume",
    "growth in exports", "the value of imports", "economic growth"."""
    out = [c for c in n.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in") and _pobj(c) is not None:
            out.append(_pobj(c))
    out += [c for c in n.children if c.dep_ == "amod"]
    return out


def _phrases(n: Token) -> List[str]:
    """A noun's lemma with its modifiers, longest first: "external debt", "round of talk", "debt"."""
    lemma = n.lemma_.lower()
    mods = [c for c in n.children if c.dep_ in ("compound", "amod") and c.i < n.i]
    out = []
    if len(mods) >= 2:
        out.append(" ".join(m.lemma_.lower() for m in mods[-2:]) + " " + lemma)
    out += [f"{m.lemma_.lower()} {lemma}" for m in reversed(mods)]
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None:
            out.append(f"{lemma} of {_pobj(c).lemma_.lower()}")
    out += [lemma, n.lower_]
    if lemma == n.lower_ and lemma.endswith("s"):     # a plural the tagger took for a name
        out.append(lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1])
    return out


def _subject(verb: Token) -> Optional[Token]:
    """The subject of a verb: its own, a relative pronoun's antecedent, or that of the verb it
    is joined to ("reached ... and surged"), or the noun a participle is said of."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ in _SUBJ:
                if c.lower_ in _REL and verb.dep_ == "relcl":
                    return verb.head
                return c
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


def _object(verb: Token, fig: _Fig) -> Optional[Token]:
    """The object of a verb, or of the verb it governs ("drop threatened tariffs")."""
    for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp")):
        for c in v.children:
            if c.dep_ == "dobj" and not fig.start <= c.i < fig.end and not _is_figure(c):
                return c
    return None


def _is_figure(tok: Token) -> bool:
    """A word that is itself a figure ("$3 billion", "12 percent"), not what one measures."""
    return tok.like_num or tok.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") and c.like_num
                                                    for c in tok.children)


def _verb_of(tok: Token) -> Optional[Token]:
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.i == t.head.i:
            return None
        t = t.head
    return None


def _clause_tokens(verb: Token, when: bool = False) -> Set[int]:
    """The tokens of a verb's own clause: its words and their subtrees, without the clauses
    below it. With ``when`` (looking for its time): with a "when" clause, which gives it, and
    without "since" or "by" phrases, which bound it, or appositions, which say things in passing."""
    out = {verb.i}
    stack = list(verb.children)
    subj = _subject(verb)
    if subj is not None and subj.head.i != verb.i:
        stack.append(subj)
    while stack:
        t = stack.pop()
        if t.i in out:
            continue
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in _CLAUSE or t.dep_ == "pcomp" or
                                          (t.dep_ == "conj" and t.head.i == verb.i)):
            if not (when and t.dep_ == "advcl" and t.head.i == verb.i and any(c.lower_ == "when" for c in t.children)):
                continue
        if t.lower_ == "according" or t.dep_ in ("mark", "cc") or (when and (t.lower_ in _BOUND or t.dep_ == "appos")):
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def _phrase_tokens(tok: Token) -> Set[int]:
    """A word's phrase without what is said of it in passing: appositions, clauses, "since"
    phrases ("three visits, the first in 1970" gives the visits no time)."""
    out = {tok.i}
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("appos", "relcl", "acl", "parataxis", "advcl") or t.lower_ in _BOUND:
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def _marked(verb: Token, words: Set[str]) -> bool:
    """Whether a clause is introduced by one of ``words`` ("while", "since")."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in verb.children)


def _speaker_of(verb: Token, speech: FrozenSet[str]) -> Optional[Token]:
    """The subject of the verb of saying whose object the clause is ("X said trade rose")."""
    t = verb
    for _ in range(8):
        if t.i == t.head.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() not in speech:
                return None
            return next((c for c in t.children if c.dep_ in _SUBJ), None)
    return None


def _parent_clause(verb: Token, speech: FrozenSet[str]) -> Optional[Token]:
    """The clause a clause belongs to, unless it is what someone says."""
    t = verb
    for _ in range(8):
        if t.i == t.head.i or t.dep_ == "ccomp" or t.dep_ == "parataxis":
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return None if t.lemma_.lower() in speech else t
    return None


@Language.factory("kg_figures", assigns=["doc._.findings"], requires=["doc.spans"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"}})
def make_figures(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders) -> Figures:
    return Figures(nlp, name, lexicon=lexicon, officeholders=officeholders)
