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
verbs of level and change, the nouns of change, targets, verbs of saying ...; each rule with an
example and what it must yield). Left out: a figure no parse ties to a measure, a target or
forecast ("aims to raise trade to $15 billion", "is projected to grow 3 percent"), a negated
or hedged one ("may have died"), a count that refers ("the two countries"), one about no state.

The period, the states a figure is about and who reported it are read from its clause
(:mod:`.figures_context`); numbers are read by :mod:`.figures_numbers`, what they measure by
:mod:`.figures_read`, with the wordings of :mod:`.figures_rules`.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings``.
"""
from __future__ import annotations

from typing import Dict, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...read.articles import Sentence
from ...findings import ObservationFinding
from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from .figures_context import Context
from .figures_parse import clause_tokens, verb_of
from .figures_numbers import Fig, figures_in, plain
from .figures_read import Read, Reader
from .figures_rules import READINGS, RULE_KEYS, Rules

__all__ = ["Figures", "RULE_KEYS", "READINGS"]


class Figures:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_figures", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None):
        self.name = name
        self.lex = lexicon
        self.officeholders = officeholders
        self.rules = Rules(lexicon)
        self.reader = Reader(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        multiple = self.rules.multiple
        ctx: Optional[Context] = None
        for sent in doc.sents:
            if not any(t.like_num or t.lemma_ in multiple for t in sent):
                continue
            if ctx is None:
                ctx = Context(doc, self.rules, self.lex, self.officeholders)
            reader = ctx.sentence(sent)
            if reader is None or (reader.index == 0 and ctx.many):
                continue                # the headline repeats what the body says
            done: Dict[int, Read] = {}
            for fig in figures_in(self.rules, doc, sent, ctx.named):
                got = self.reader.attach(fig, done, ctx.people_at, ctx.states_at)
                if got is None or self.reader.refers(fig, got):
                    continue
                done[fig.head.i] = got
                obs = self.observe(fig, got, sent, reader, ctx)
                if obs is not None:
                    doc._.findings.append(obs)
        return doc

    def observe(self, fig: Fig, got: Read, sent: Span, reader: Sentence, ctx: Context
                ) -> Optional[ObservationFinding]:
        """The finding a figure makes, or None when it is no observation or about no state."""
        r = self.rules
        verb = got.verb or verb_of(got.thing or fig.head)
        if verb is not None and (verb._.modality == "negated" or self.target(fig, got, verb)):
            return None
        if got.verb is not None and got.verb._.modality == "hypothetical":
            return None         # "trade could reach", "200 may have died": a guess, not a figure
        value, unit = fig.value, fig.unit
        if fig.kind in ("count", "compound"):
            unit = None
        if got.sign < 0 and fig.kind in ("percent", "money") and got.measure.endswith("Growth"):
            value = -value      # "fell 3.8 percent": a growth of -3.8 percent
        reporter = ctx.reporter(sent, verb)
        banned = {i for _, span in reporter for i in range(span.start, span.end)}
        about = ctx.about(fig, got, verb, sent, banned)
        if not about:
            return None
        period = ctx.period(fig, got, verb, reader) or (got.prior.period if got.prior else None)
        got.period = period
        measure = got.measure
        if measure in r.stocks:
            # a total built up over the years, not what flowed in a period: "cumulative",
            # "since independence", "stands at" with no period
            words = {sent.doc[i].lemma_.lower() for i in clause_tokens(verb)} if verb is not None else set()
            words |= {t.lemma_.lower() for t in got.thing.subtree} if got.thing is not None else set()
            if words & r.stock_cues or (period is None and got.verb is not None and got.verb.lemma_.lower() in r.level):
                measure = r.stocks[measure]
        return ObservationFinding(reader, measure, plain(value), unit, period, tuple(about),
                                  tuple(ref for ref, _ in reporter), surface=sent.doc[fig.start:fig.end].text)

    def target(self, fig: Fig, got: Read, verb: Token) -> bool:
        """A goal, forecast or plan ("aims to raise trade to $15 billion", "a target of $5
        billion", "is expected to reach", "an anticipated investment"), which is no observation."""
        r = self.rules
        for t in (fig.head, got.thing):
            while t is not None and t.dep_ in ("pobj", "prep", "compound", "nummod", "amod"):
                t = t.head
                if t.pos_ == "NOUN" and t.lemma_.lower() in r.target_nouns | r.means:
                    return True     # "a target of $15 billion", "an average of 140 a day"
        if got.thing is not None and any(c.dep_ == "amod" and _participle_of(c, r.targets)
                                         for c in got.thing.children):
            return True
        t, steps = verb, 0
        while steps < 4 and t.i != t.head.i and t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl"):
            t = t.head
            steps += 1
            if t.pos_ in ("VERB", "AUX", "ADJ") and t.lemma_.lower() in r.targets:
                return True
        return verb.pos_ == "VERB" and verb.lemma_.lower() in r.targets


def _participle_of(tok: Token, lemmas) -> bool:
    """ "anticipated", "planned", "expected": an adjective made of one of the verbs."""
    word = tok.lower_
    return tok.lemma_.lower() in lemmas or any(word.endswith(e) and word[:-len(e)] in lemmas
                                                for e in ("d", "ed", "ned", "ted"))


@Language.factory("kg_figures", assigns=["doc._.findings"], requires=["doc.spans"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"}})
def make_figures(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders) -> Figures:
    return Figures(nlp, name, lexicon=lexicon, officeholders=officeholders)
