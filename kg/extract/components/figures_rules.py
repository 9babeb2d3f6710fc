"""The wordings kg_figures reads, loaded once into :class:`Rules`: ``kg/data/patterns/figures.jsonl``
(the verbs of level and change, the nouns of change, targets, verbs of saying ...),
``measures.tsv`` (noun or verb -> measure, by how a figure reads it) and ``figure_units.tsv``
(currencies, scales, units), with the lexicon's currencies and count nouns.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Dict, List

from ...lexicon import Lexicon
from ..patterns import load_phrases, load_rules

__all__ = ["RULE_KEYS", "RULE_KINDS", "READINGS", "LEVEL", "Rules"]

#: keys a rule of figures.jsonl may have (besides id and example)
RULE_KEYS = frozenset({"kind", "lemmas", "sign", "value", "preps", "measures", "expect"})
RULE_KINDS = ("level", "change", "multiple", "change_noun", "carrier", "target", "target_noun", "speech",
              "source_noun", "source_prep", "people", "pair", "context_period", "stock", "equivalent",
              "refers", "single", "compare", "rank", "mean")
#: how a figure reads the word it belongs to (see measures.tsv)
READINGS = ("money", "change", "rate", "share", "count", "number", "length", "mass", "duration", "people")
#: the reading of a word a figure is the level of, by the figure's kind
LEVEL = {"money": "money", "percent": "rate", "count": "number", "length": "length", "mass": "mass"}
#: NER labels whose numbers are part of a name, a date or a rank, not a figure


class Rules:
    """The wordings kg_figures reads, loaded once."""

    def __init__(self, lexicon: Lexicon):
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
        lemmas = {k: frozenset(l for r in rules[k] for l in r["lemmas"]) for k in RULE_KINDS}
        self.level = {l: tuple(r.get("preps", ())) for r in rules["level"] for l in r["lemmas"]}
        self.change = {l: r.get("sign", 1) for r in rules["change"] for l in r["lemmas"]}
        self.multiple = {l: Decimal(str(r["value"])) for r in rules["multiple"] for l in r["lemmas"]}
        self.change_nouns = {l: r.get("sign", 1) for r in rules["change_noun"] for l in r["lemmas"]}
        self.dual = {l: Decimal(str(r["value"])) for r in rules["refers"] for l in r["lemmas"]}
        self.carriers, self.targets, self.target_nouns = lemmas["carrier"], lemmas["target"], lemmas["target_noun"]
        self.speech, self.source_nouns = lemmas["speech"], lemmas["source_noun"]
        self.source_preps = [tuple(p.split()) for p in lemmas["source_prep"]]
        self.people, self.pair_words, self.equivalent = lemmas["people"], lemmas["pair"], lemmas["equivalent"]
        self.compare, self.rank, self.stock_cues = lemmas["compare"], lemmas["rank"], lemmas["stock"]
        self.means = lemmas["mean"]
        self.context_measures = frozenset(m for r in rules["context_period"] for m in r["measures"])
        self.stocks = {r["measures"][0]: r["measures"][1] for r in rules["stock"]}
        self.single = frozenset(m for r in rules["single"] for m in r["measures"])
        # what passes between states: the measures of amounts, changes, rates, shares, lengths
        self.relational = frozenset(m for found in self.measures.values() for reading, m in found.items()
                                    if reading in ("money", "change", "rate", "share", "mass", "length"))
