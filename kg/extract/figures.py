"""Figures: trade, investment, loans, growth and counts, each an Observation.

"bilateral trade increasing over 43 percent in 2024, amounting to $2.46 billion" gives a
TradeGrowth of 43 percent and a TradeVolume of 2,460,000,000 USD for 2024; "74.91 billion
yuan ($10.3 billion)" gives two observations, one per currency; "nearly 300 Chinese companies
operate in Azerbaijan" a CompanyCount. The measure is read from the words nearest the
number; the period from the nearest time expression; the countries from the sentence (or
the article's two countries when it speaks of "bilateral" trade); the source from "according
to …" or the paragraph's speaker.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import List, Optional, Tuple

from ..findings import Finding, ObservationFinding, Ref
from ..lexicon import get_lexicon
from .clauses import actors_of
from .doc import Doc
from .events import _context_year
from .text import table_key
from .timex import NUMBER_WORDS, find_times

__all__ = ["figures"]

SCALE = {"trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
         "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6,
         "thousand": Decimal(1000)}
# A number is read from the first digit of a run: without the look-behind, a pattern that
# starts with a number (PERCENT, WORD_MONEY) tries every digit of a long run of digits again,
# each time to its end, which is quadratic in the run; and from inside a run, it finds only
# what it has already found (or failed to find) at the run's first digit.
_NUM = r"(\d{1,3}(?:,\d{3})+|(?<!\d)\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(trillion|billion|million|thousand|bn|mn)\b)?"
SYMBOL_MONEY = re.compile(r"(?:(US|U\.S\.|A|C|HK|NZ|S)?\$|€|£|¥|₹|₽)\s?" + _NUM + _SCALE)
WORD_MONEY = re.compile(_NUM + _SCALE + r"\s+(?:[A-Z][a-z]+\s+)?(U\.S\.\s+dollars|US\s+dollars|dollars|[a-z]+)\b")
PERCENT = re.compile(_NUM + r"\s*(?:%|percent\b|per\s+cent\b|percentage\s+points\b)")
TIMES = re.compile(r"\b(?:increased|grew|rose|expanded|surged|jumped|soared|up)\s+(?:by\s+)?" + _NUM + r"\s*(?:times|-fold|fold)\b"
                   r"|\b(doubled|tripled|trebled|quadrupled)\b", re.I)
COUNT = re.compile(r"\b(?:(?:nearly|about|over|more\s+than|some|around|almost|approximately|up\s+to|at\s+least)\s+)?"
                   r"(" + r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(w for w in NUMBER_WORDS if " " not in w and NUMBER_WORDS[w]) + r")"
                   r"(?:\s+(million|thousand|billion))?"
                   r"\s+((?:[A-Za-z\-]+\s+){0,3}?)([a-z]+s|people|persons|civilians)\b", re.I)
# what happened to the people counted: "4 million people have fled", "9 million remain displaced"
PEOPLE_FATE = (("displaced", "DisplacedPersonCount"), ("fled", "RefugeeCount"), ("refugee", "RefugeeCount"),
               ("in need", "PeopleInNeedCount"), ("killed", "CasualtyCount"), ("died", "CasualtyCount"),
               ("dead", "CasualtyCount"), ("wounded", "CasualtyCount"), ("injured", "CasualtyCount"))
BARE_PEOPLE = re.compile(r"\b(?:(?:nearly|about|over|more\s+than|some|around|almost)\s+)?(\d+(?:\.\d+)?)\s+(million|thousand)\s+"
                         r"(?:remain|are|were|have\s+been|had\s+been)\s+(?:\w+\s+)?(displaced|killed|in\s+need)", re.I)
UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(?!\s*(?:%|percent|billion|million))")
# targets and plans are not figures that were: "aim to raise it to $15 billion"
TARGET = re.compile(r"\b(?:aim\w*|target\w*|goal|plan\w*|seek\w*|hope\w*|expect\w*|intend\w*|pledg\w*)\b[^.;]{0,30}"
                    r"\bto\s+(?:raise|increase|boost|double|triple|reach|bring|lift)\b[^.;]{0,25}$|"
                    r"\b(?:target|goal)\s+of\s+$", re.I)
TO_COUNT = re.compile(r"\b(?:expanded|increased|risen|rose|grown|grew|reached)\s+to\s+(" +
                      "|".join(w for w in NUMBER_WORDS if " " not in w and NUMBER_WORDS[w]) + r"|\d+)\b(?!\s*(?:%|percent|billion|million))", re.I)
_DIGIT = re.compile(r"\d")
# counts of things done over a time ("held four meetings") take the year the paragraph set
PERIOD_FROM_CONTEXT = {"MeetingCount", "DocumentCount", "ProjectCount", "FlightCount"}
MULTIPLE = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}

# words near a figure -> measure, in order of preference (nearest word wins)
MONEY_WORDS = (("trade deficit", "TradeDeficit"), ("trade surplus", "TradeSurplus"), ("deficit", "TradeDeficit"),
               ("surplus", "TradeSurplus"), ("export", "ExportValue"), ("import", "ImportValue"),
               ("trade", "TradeVolume"), ("investment", "InvestmentFlow"), ("invested", "InvestmentFlow"),
               ("loan", "LoanAmount"), ("credit", "LoanAmount"), ("disbursement", "LoanAmount"),
               ("aid", "AidAmount"),
               ("assistance", "AidAmount"), ("grant", "AidAmount"), ("gdp", "GDP"),
               ("gross domestic product", "GDP"), ("external debt", "ExternalDebt"),
               ("domestic debt", "DomesticDebt"), ("debt", "PublicDebt"), ("tariff revenue", "TariffRevenue"))
GROWTH_WORDS = (("export", "ExportGrowth"), ("import", "ImportGrowth"), ("tourist", "TouristArrivalsGrowth"),
                ("trade", "TradeGrowth"), ("gdp", "GDPGrowth"), ("economy", "GDPGrowth"),
                ("economic output", "EconomicOutputGrowth"), ("output", "EconomicOutputGrowth"),
                ("tariff", "TariffRate"), ("approval", "ApprovalRate"), ("disapproval", "DisapprovalRate"))
GROWTH_CUE = re.compile(r"\b(?:rose|rise|risen|increas\w*|grew|grow\w*|surg\w*|jump\w*|climb\w*|up|down|fell|fall\w*|"
                        r"declin\w*|drop\w*|expand\w*|year-on-year|growth|soar\w*|doubled|tripled)\b", re.I)


_FALL = re.compile(r"\b(?:fell|fall(?:s|ing|en)?|declin(?:ed|es|ing)|drop(?:ped|s|ping)?|decreas(?:ed|es|ing)|"
                   r"shr(?:a|u)nk|shrinking|contract(?:ed|ing)|slid|slipped|plung(?:ed|ing)|tumbl(?:ed|ing)|down)\b"
                   r"(?:\s+(?:by|some|about|nearly|almost|over|more\s+than))?\s*$", re.I)


def _falling(text: str, pos: int) -> bool:
    """Whether the percentage at ``pos`` is a fall ("fell 3.8 percent", "down 2 percent")."""
    return bool(_FALL.search(text[max(0, pos - 40):pos]))


def _number(text: str) -> Optional[Decimal]:
    text = table_key(text.replace(",", ""))
    if text in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[text]) if NUMBER_WORDS[text] else None
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


@functools.lru_cache(maxsize=None)
def _word_start(word: str) -> re.Pattern:
    """A word of the measure tables where it starts a word of the text (one per table word)."""
    return re.compile(r"\b" + re.escape(word))


def _nearest(text: str, pos: int, table) -> Optional[str]:
    low = text.lower()
    best: Tuple[int, Optional[str]] = (10 ** 6, None)
    for word, measure in table:
        if word not in low:
            continue
        for m in _word_start(word).finditer(low):
            d = abs(m.start() - pos)
            if d < best[0] - (3 if len(word) > 6 else 0):
                best = (d, measure)
    return best[1]


def figures(doc: Doc) -> List[Finding]:
    lex = get_lexicon()
    out: List[Finding] = []
    currencies = getattr(lex, "currencies", {})
    counts = getattr(lex, "count_nouns", {})
    for k in range(1 if len(doc.sentences) > 1 else 0, len(doc.spans)):
        text = doc.text(k)
        sent = doc.sentences[k]
        times = find_times(text, doc.article.reference_date)
        first = len(out)            # this sentence's observations are out[first:]
        seen: List[Tuple[int, int]] = []
        # the countries and the source of the sentence's figures: found at its first figure
        # (most sentences have none)
        about: Optional[Tuple[Ref, ...]] = None
        source: Optional[Tuple[Ref, ...]] = None

        def add(start: int, end: int, measure: Optional[str], value: Optional[Decimal], unit: Optional[str]):
            nonlocal about, source
            if measure is None or value is None or any(a <= start < b for a, b in seen):
                return
            if TARGET.search(text[max(0, start - 70):start]):
                return
            seen.append((start, end))
            period = _period(times, start, end, text) or (
                _context_year(doc, k) if not times and measure in PERIOD_FROM_CONTEXT else None)
            if about is None:
                about, source = tuple(_about(doc, k)), tuple(_source(doc, k))
            out.append(ObservationFinding(sent, measure, value, unit, period,
                                          about, source, surface=text[start:end]))

        # amounts, percentages and multiples are written with digits
        digits = _DIGIT.search(text) is not None
        for m in SYMBOL_MONEY.finditer(text) if digits else ():
            sym = m.group()[: m.group().find(m.group(2))].strip()
            code = {"$": "USD", "US$": "USD", "U.S.$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "₹": "INR",
                    "₽": "RUB", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD"}.get(sym, "USD")
            value = _number(m.group(2)) * SCALE.get((m.group(3) or "").lower(), 1)
            add(m.start(), m.end(), _money_measure(text, m.start()), value, code)
        for m in WORD_MONEY.finditer(text) if digits else ():
            word = m.group(3).lower()
            qualifier = re.match(r"\S+\s+(?:billion|million|thousand|trillion|bn|mn)?\s*([A-Z][a-z]+)\s+dollars?\b", m.group(), re.I)
            if word == "dollars" and qualifier and qualifier.group(1) not in ("American",):
                continue            # "Australian dollars", "Singapore dollars": not USD, and no code is sure
            code = "USD" if "dollar" in word else currencies.get(word) or currencies.get(word.rstrip("s"))
            if not code:
                continue
            value = _number(m.group(1)) * SCALE.get((m.group(2) or "").lower(), 1)
            add(m.start(), m.end(), _money_measure(text, m.start()), value, code)
        for m in PERCENT.finditer(text) if digits else ():
            window = text[max(0, m.start() - 60):m.end() + 20]
            measure = _nearest(text, m.start(), GROWTH_WORDS)
            if measure in ("TradeGrowth", "ExportGrowth", "ImportGrowth", "GDPGrowth", "TouristArrivalsGrowth") \
                    and not GROWTH_CUE.search(window):
                measure = None
            value = _number(m.group(1))
            if measure and measure.endswith("Growth") and value is not None and _falling(text, m.start()):
                value = -value          # "trade fell 3.8 percent": a growth of -3.8 percent
            add(m.start(), m.end(), measure, value, "percent")
        for m in TIMES.finditer(text):
            value = Decimal(MULTIPLE[table_key(m.group(2))]) if m.group(2) else _number(m.group(1))
            add(m.start(), m.end(), _nearest(text, m.start(), GROWTH_WORDS), value, "times")
        for m in COUNT.finditer(text):
            noun = m.group(4).lower()
            measure = counts.get(noun)
            mods = m.group(3).lower()
            if re.search(r"\b(?:the|these|those|both|all)\s+$", text[max(0, m.start() - 7):m.start()], re.I):
                continue            # "the two countries" refers, it does not count
            if noun in ("people", "persons", "civilians") or measure is None:
                fate = text[m.end():m.end() + 60].lower()
                measure = next((ms for w, ms in PEOPLE_FATE if w in fate), measure)
            if measure is None and re.search(r"\bstudying\b", text[m.end():m.end() + 12]):
                measure = "StudentCount"
            if measure is None or re.search(r"\b(?:years?|days?|months?)\b", mods):
                continue
            if re.match(r"\s*(?:%|percent|billion|million)", text[m.end():]):
                continue
            value = _number(m.group(1))
            if value is not None and m.group(2):
                value *= SCALE[table_key(m.group(2))]
            add(m.start(), m.end(), measure, value, None)
        for m in BARE_PEOPLE.finditer(text) if digits else ():
            measure = next((ms for w, ms in PEOPLE_FATE if w in m.group(3).lower()), None)
            add(m.start(), m.end(), measure, _number(m.group(1)) * SCALE[table_key(m.group(2))], None)
        for m in UP_FROM.finditer(text) if digits else ():
            # "70 flights a week …, up from 45 two years ago": the earlier figure of the same measure
            prev = [o for o in out[first:] if o.unit is None]
            if prev:
                add(m.start(), m.end(), prev[-1].measure, _number(m.group(1)), None)
        for m in TO_COUNT.finditer(text):
            before = text[:m.start()].lower()
            noun = next((counts[w] for w in re.findall(r"[a-z]+", before)[::-1] if w in counts), None)
            add(m.start(), m.end(), noun, _number(m.group(1)), None)
    return out


_STOCK = re.compile(r"\b(?:stands?\s+at|stood\s+at|totals?|totalled|totaled|cumulative|exceeded|exceeds|since|so\s+far|"
                    r"to\s+date|stock|accumulated)\b", re.I)


def _money_measure(text: str, pos: int) -> Optional[str]:
    """The measure of an amount: the money word nearest it; an investment that "stands at",
    "has exceeded … since" or is "cumulative" is a stock, otherwise a flow."""
    measure = _nearest(text, pos, MONEY_WORDS)
    if measure == "InvestmentFlow" and _STOCK.search(text[max(0, pos - 80):pos + 60]):
        return "InvestmentStock"
    return measure


_REACHED = re.compile(r"^[^,;]*?\bto\s+(?:about\s+|nearly\s+|some\s+|around\s+)?(?:[$€£¥₹]|US\$)?\s*\d[\d.,]*\s*"
                      r"(?:trillion|billion|million|thousand|bn|mn)?\b[^,;]*$", re.I)


def _period(times, start: int, end: int, text: str = "") -> Optional[str]:
    """The time a figure is for: the expression right after it ("$3.1 billion in 2023"),
    else the nearest before it ("In 2024, trade rose by 20 percent")."""
    after = [t for t in times if t.start >= end and t.start - end <= 40]
    if after:
        return after[0].value
    # "rose 12.4 percent year on year to 9.6 billion dollars in the January-August period": the
    # change and the amount it reached share the time told after the amount
    later = [t for t in times if t.start >= end and t.start - end <= 100]
    if later and _REACHED.search(text[end:later[0].start]):
        return later[0].value
    before = [t for t in times if t.end <= start]
    if before:
        return before[-1].value
    return None


def _about(doc: Doc, k: int) -> List[Ref]:
    """The countries a figure is about: named (or by demonym, capital) in the sentence; the
    article's two countries when the figure is bilateral."""
    out: List[Ref] = []
    for s in doc.of(k, "country", "demonym", "capital"):
        c = doc.country_of(s) if s.kind != "capital" else s.country
        if c and c not in out:
            out.append(c)
    text = doc.text(k).lower()
    main = doc.main_countries()
    # a figure in an article about two countries that names fewer is about them both when it
    # says so ("bilateral", "the two") or names none, or only one of them
    if len(out) < 2 and len(main) == 2 and (re.search(r"\b(?:bilateral|two-way|the two|both)\b", text)
                                            or set(out) <= set(main)):
        for c in main:
            if c not in out:
                out.append(c)
    return out


def _source(doc: Doc, k: int) -> List[Ref]:
    """ "according to (statistics from) X", "X said", else the paragraph's speaker."""
    text = doc.text(k)
    m = re.search(r"\baccording\s+to\s+(?:(?:the\s+)?(?:statistics|data|figures)\s+(?:from|of|released\s+by)\s+)?", text, re.I)
    if m:
        s = next((s for s in doc.of(k, "org", "organ", "person", "country") if s.start >= m.end() - 1), None)
        if s:
            return actors_of(doc, s)
    speaker = doc.speaker(k) or doc.paragraph_speaker(doc.sentences[k].paragraph)
    return [speaker] if speaker else []
