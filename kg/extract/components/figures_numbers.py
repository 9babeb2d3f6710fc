"""The numbers of a sentence as kg_figures reads them: :func:`figures_in` finds each figure
(:class:`Fig`: its tokens, value, kind and unit) from a currency sign or code before it, a
scale and a unit after it, or a word joined to it by a hyphen; :func:`plain` writes a value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Optional, Set, Tuple

from spacy.tokens import Doc, Span, Token

from ..timex import NUMBER_WORDS
from .figures_rules import Rules

__all__ = ["Fig", "figures_in", "plain"]

#: NER labels whose numbers are part of a name, a date or a rank, not a figure
_NOT_FIGURE = {"DATE", "TIME", "ORDINAL", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "ORG", "PERSON",
               "GPE", "NORP", "LANGUAGE", "LOC"}
_REFERS = {"the", "these", "those", "both", "all", "its", "their", "our", "his", "her", "each"}
_NUM = re.compile(r"^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([A-Za-z]*)$")
#: letters glued to an amount of money that scale it ("$124m", "$2b", "$300k")
_GLUED_SCALE = {"m": Decimal(10) ** 6, "b": Decimal(10) ** 9, "k": Decimal(1000)}
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class Fig:
    """A figure as written: its tokens, value, kind and unit, and its head in the parse."""

    start: int
    end: int
    value: Decimal
    kind: str                   # money, percent, times, multiple, count, length, mass, duration, compound
    unit: Optional[str]
    head: Token
    word: Optional[Token] = None    # the word after a hyphen: "chapter" of "14-chapter"
    noun: str = ""                  # its lemma


def figures_in(rules: Rules, doc: Doc, sent: Span, named: Set[int]) -> Iterable[Fig]:
    """The figures of a sentence (not in the names of ``named`` tokens)."""
    r = rules
    for tok in sent:            # "doubled", "tripled": a multiple without a number
        if tok.pos_ == "VERB" and tok.lemma_.lower() in r.multiple:
            yield Fig(tok.i, tok.i + 1, r.multiple[tok.lemma_.lower()], "multiple", "times", tok)
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        got = _number(tok)
        if got is None or i in named or (tok.ent_type_ in _NOT_FIGURE and not _hyphened(doc, i, sent.end)):
            i += 1
            continue
        value, glued = got
        start, j = i, i + 1
        kind: Optional[str] = None
        unit: Optional[str] = None
        word, noun = None, ""
        if glued:               # "5bn", "3,440km", "14chapter"
            what = r.units.get(glued.lower(), "")
            if what.startswith("scale:"):
                value *= Decimal(what[6:])
            elif what and not what.startswith("duration:"):
                kind, unit = _kind_of(what)
            else:
                kind, word, noun = "compound", tok, glued.lower()
        for n in (2, 1):            # "$", "US$", "USD", "US $" before the number
            if start - n >= sent.start:
                words = doc[start - n:start]
                what = r.units.get(" ".join(t.lower_ for t in words), "")
                if what.startswith("currency:") and all(not t.is_alpha or t.is_upper for t in words):
                    kind, unit, start = "money", what[9:], start - n
                    break
        while j < sent.end:         # "3.1 billion", "647 crore", "$ 124 m"
            scale = r.units.get(doc[j].lower_, "")
            if scale.startswith("scale:"):
                value *= Decimal(scale[6:])
            elif kind == "money" and doc[j].lower_ in _GLUED_SCALE:
                value *= _GLUED_SCALE[doc[j].lower_]
            else:
                break
            j += 1
        for n in range(r.longest_unit, 0, -1):   # "dollars", "per cent", "Kenyan shillings", "km"
            what = r.units.get(" ".join(t.lower_ for t in doc[j:j + n]), "") if j + n <= sent.end else ""
            if what and not what.startswith(("scale:", "duration:")):
                if kind != "money" or what.startswith("currency:"):
                    kind, unit = _kind_of(what)
                j += n
                break
        else:
            # "183 trillion Vietnamese dong": a state's adjective before a currency's name
            if j + 1 < sent.end and doc[j].text[:1].isupper() and doc[j + 1].lower_ in r.currency_words:
                kind, unit = _kind_of(r.units[doc[j + 1].lower_])
                j += 2
        if kind is None and j + 1 < sent.end and doc[j].text in ("-", "‐") and doc[j + 1].is_alpha:
            what = r.units.get(doc[j + 1].lower_, "")      # "a one-year ban", "a 14-chapter text"
            kind, unit = ("duration", what[9:]) if what.startswith("duration:") else ("compound", None)
            word, noun, j = doc[j + 1], doc[j + 1].lemma_.lower(), j + 2
        i = j
        if kind == "points":
            continue            # a change in percentage points is no percentage
        if noun in _GLUED_SCALE:
            if kind != "money":
                continue
            value *= _GLUED_SCALE[noun]         # "$124m", "US$5b"
        if kind == "compound" and value < 3:
            continue            # "a two-state solution", "one-China", "two-way": idioms, not counts
        if kind is None:
            kind = "count"
            if _YEAR.match(tok.text) or value <= 1 or _refers(doc, start, sent.start):
                continue        # a year, "one of", "the two countries"
        heads = [t for t in doc[start:j] if not (start <= t.head.i < j) or t.head.i == t.i]
        yield Fig(start, j, value, kind, unit, heads[-1] if heads else doc[j - 1], word, noun)


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


def plain(value: Decimal) -> Decimal:
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

