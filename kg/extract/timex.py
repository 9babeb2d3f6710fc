"""Time expressions, resolved against the article's date and never more precise than the text.

"in July 2024" -> 2024-07; "April 1992" -> 1992-04; "in 2014 and 2015" -> 2014, 2015;
"on Wednesday" -> the Wednesday of the dateline's week (only when the article is dated);
"earlier today" -> the article's date; "33 years ago" -> a year; "July 3" -> a day, with the
year the sentence or the article gives; "in the first ten months of 2024" -> a period
2024-01/2024-10 (for figures).
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from typing import List, Optional

# re.IGNORECASE matches by Unicode's simple case folding, which takes the Turkish dotted and
# dotless i ("İ", "ı") for "i" and the long s ("ſ") for "s"; str.lower() keeps "ı" and "ſ"
# and turns "İ" into two characters. These are the only letters a case-insensitive pattern
# takes for an ASCII letter that lower() does not turn into it.
_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def table_key(word: str) -> str:
    """A word found by a case-insensitive pattern as the lower-case key of a table ("LAſT" -> "last").

    ``word.lower()`` is not enough: the pattern also matched the letters that only Unicode case
    folding equates with ASCII ones, and a table indexed with ``lower()`` then has no such key.
    """
    return word.translate(_FOLDS).lower()


__all__ = ["Timex", "find_times", "MONTHS", "NUMBER_WORDS", "number_value"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday"])}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
                "dozens": None, "both": 2}
PART_OF_YEAR = {"first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
                "fourth quarter": (10, 12), "first half": (1, 6), "second half": (7, 12)}

_MON = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_YEAR = r"((?:19|20)\d\d)"
# Cues: a text a pattern's every match contains, found the way the pattern finds it (the same
# case-sensitivity). A pattern is only run over a sentence that has its cue, which rules most
# patterns out of most sentences at the cost of one quick search per cue.
_CUE_MONTH = re.compile(_MON)
_CUE_YEAR = re.compile(r"(?:19|20)\d\d")
_CUE_AGO = re.compile(r"ago", re.I)
_CUE_TODAY = re.compile(r"today|this", re.I)
_CUE_YESTERDAY = re.compile(r"yesterday", re.I)
_CUE_WEEKDAY = re.compile(r"day")
_CUE_RELYEAR = re.compile(r"year", re.I)
_CUE_RELWEEK = re.compile(r"week|month", re.I)
#: (kind, pattern, cue), tried in this order; an earlier match wins the characters it covers.
_PATTERNS = [
    ("range", re.compile(r"\bfrom\s+" + _MON + r"\s+(\d{1,2})\s+(?:to|until|through|till)\s+(?:" + _MON + r"\s+)?(\d{1,2})\b(?:,?\s+" + _YEAR + r")?"), _CUE_MONTH),
    ("range2", re.compile(r"\b" + _MON + r"\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\b(?:,?\s+" + _YEAR + r")?"), _CUE_MONTH),
    # "from 6 to 7 December 2024", "19-21 February", "2nd and 3rd December": day first
    ("range_dm", re.compile(r"\b(?:from\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|until|till|through|and|-|–)\s*"
                            r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b(?:,?\s+" + _YEAR + r")?"), _CUE_MONTH),
    ("between_months", re.compile(r"\bbetween\s+" + _MON + r"\s+" + _YEAR + r"\s+and\s+" + _MON + r"\s+" + _YEAR + r"\b"), _CUE_MONTH),
    ("years_pair", re.compile(r"\b(?:for|over|between)\s+" + _YEAR + r"\s+(?:and|to|through|-|–)\s+" + _YEAR + r"\b"), _CUE_YEAR),
    ("first_months", re.compile(r"\b(?:the\s+)?first\s+(\w+)\s+months\s+of\s+(?:the\s+year\s+)?" + _YEAR, re.I), _CUE_YEAR),
    ("part_of_year", re.compile(r"\b(?:the\s+)?(first|second|third|fourth)\s+(quarter|half)\s+of\s+" + _YEAR, re.I), _CUE_YEAR),
    ("month_range", re.compile(_MON + r"\s*[-–]\s*" + _MON + r"\s+" + _YEAR), _CUE_MONTH),
    # "in the January-September period (of 2025)", "in January-August this year": the year
    # given, else the latest such span that ended by the article's date
    ("month_range_period", re.compile(_MON + r"\s*[-–]\s*" + _MON + r"(?:\s+period)?\b"
                                      r"(?:\s+of\s+" + _YEAR + r"|\s+(this|last)\s+year\b)?"), _CUE_MONTH),
    # "Dec.02, 2023": an abbreviated month may run into its day
    ("mdy", re.compile(_MON + r"(?:\s+|(?<=\.)\s*)(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b"), _CUE_MONTH),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b"), _CUE_MONTH),
    ("my", re.compile(r"\b" + _MON + r"\s+(?:of\s+)?" + _YEAR + r"\b"), _CUE_MONTH),
    ("dm", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b(?!,?\s*(?:19|20)\d\d)"
                      r"(?![\d.,]*\s*(?:billion|million|percent|%))"), _CUE_MONTH),
    ("md", re.compile(r"\b" + _MON + r"(?:\s+|(?<=\.)\s*)(\d{1,2})\b(?!,?\s*(?:19|20)\d\d)(?![\d.,]*\s*(?:billion|million|percent|%))"), _CUE_MONTH),
    ("ago", re.compile(r"\b(\d+|" + "|".join(k for k in NUMBER_WORDS if " " not in k) + r")\s+years?\s+ago\b", re.I), _CUE_AGO),
    ("today", re.compile(r"\b(earlier|later)?\s*today\b|\bthis\s+(morning|afternoon|evening)\b", re.I), _CUE_TODAY),
    ("yesterday", re.compile(r"\byesterday\b", re.I), _CUE_YESTERDAY),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b"), _CUE_WEEKDAY),
    ("relyear", re.compile(r"\b(last|this|next)\s+year\b", re.I), _CUE_RELYEAR),
    ("relweek", re.compile(r"\b(last|this|next)\s+(week|month)\b", re.I), _CUE_RELWEEK),
    # "in June", "In June", "mid-December"
    ("month", re.compile(r"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bmid-)|(?<=\bMid-))" + _MON + r"\b(?!\s*\d)"), _CUE_MONTH),
    ("year", re.compile(r"(?<![\d$.,\-–])" + _YEAR + r"(?![\d\-–]|\s*(?:billion|million|percent|%))"), _CUE_YEAR),
]
_KIND_OF = {"range_dm": "range", "first_months": "period", "part_of_year": "period", "month_range": "period", "month_range_period": "period",
            "between_months": "period", "years_pair": "period", "range": "range", "range2": "range"}
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Timex:
    """A time expression: its character span in the sentence and its ISO value.

    ``value`` is a date (2025-04-23), month (2024-07), year (2014) or, for kind
    ``period``, an interval (2024-01/2024-10).
    """

    start: int
    end: int
    value: str
    kind: str = "point"


def _month(word: str) -> int:
    return MONTHS[table_key(word).rstrip(".")]


def number_value(word: str) -> Optional[float]:
    """ "four" -> 4, "12" -> 12, "8,000" -> 8000."""
    w = table_key(word).replace(",", "")
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    try:
        return float(w)
    except ValueError:
        return None


def find_times(text: str, ref: Optional[datetime.date], future: bool = False) -> List[Timex]:
    """Every time expression in a sentence (see :func:`_find_times`); cached, since several
    extractors ask about the same sentence."""
    return list(_cached_times(text, ref, future))


@functools.lru_cache(maxsize=4096)
def _cached_times(text: str, ref: Optional[datetime.date], future: bool) -> tuple:
    return tuple(_find_times(text, ref, future))


def _find_times(text: str, ref: Optional[datetime.date], future: bool = False) -> List[Timex]:
    """Every time expression in a sentence, left to right, resolved where the text allows.

    Args:
        text: the sentence.
        ref: the article's date ("on Wednesday", "today" and bare "July 3" need it).
        future: the sentence speaks of what will happen ("will meet on Friday").
    """
    found: List[Timex] = []
    used = [False] * (len(text) + 1)
    cued = {_CUE_YEAR: _CUE_YEAR.search(text) is not None}     # cue -> whether the text has it
    years_in_text = {int(y) for y in _YEARS.findall(text)} if cued[_CUE_YEAR] else set()
    for kind, pat, cue in _PATTERNS:
        has = cued.get(cue)
        if has is None:
            has = cued[cue] = cue.search(text) is not None
        if not has:
            continue
        for m in pat.finditer(text):
            if any(used[m.start():m.end()]):
                continue
            value = _resolve(kind, m, ref, years_in_text, future)
            if value is None:
                continue
            found.append(Timex(m.start(), m.end(), value, _KIND_OF.get(kind, "point")))
            for p in range(m.start(), m.end()):
                used[p] = True
    return sorted(found, key=lambda t: t.start)


def _resolve(kind: str, m: re.Match, ref: Optional[datetime.date], years: set, future: bool) -> Optional[str]:
    g = m.groups()
    if kind == "first_months":
        n = number_value(g[0])
        return f"{g[1]}-01/{g[1]}-{int(n):02d}" if n and 1 <= n <= 12 else None
    if kind == "part_of_year":
        a, b = PART_OF_YEAR[f"{table_key(g[0])} {table_key(g[1])}"]
        return f"{g[2]}-{a:02d}/{g[2]}-{b:02d}"
    if kind == "month_range":
        return f"{g[2]}-{_month(g[0]):02d}/{g[2]}-{_month(g[1]):02d}"
    if kind == "month_range_period":
        a, b = _month(g[0]), _month(g[1])
        if g[2]:
            year = int(g[2])
        elif g[3] and ref:
            year = ref.year - (g[3].lower() == "last")
        elif len(years) == 1:
            year = next(iter(years))
        elif ref and not years:
            year = ref.year if (ref.month, ref.day) > (b, 0) else ref.year - 1
        else:
            return None
        return f"{year}-{a:02d}/{year}-{b:02d}" if a <= b else None
    if kind == "between_months":
        return f"{g[1]}-{_month(g[0]):02d}/{g[3]}-{_month(g[2]):02d}"
    if kind == "years_pair":
        return f"{g[0]}/{g[1]}"
    if kind in ("range", "range2", "range_dm"):
        if kind == "range":
            m1, d1, m2, d2, y = g
        elif kind == "range_dm":
            d1, d2, m1, y = g
            m2 = None
            if int(d2) <= int(d1):
                return None
        else:
            m1, d1, d2, y = g
            m2 = None
        year = int(y) if y else (next(iter(years)) if len(years) == 1 else (ref.year if ref else None))
        if year is None:
            return None
        a = _day(year, _month(m1), int(d1))
        b = _day(year, _month(m2 or m1), int(d2))
        return f"{a}/{b}" if a and b else None
    if kind == "month":
        if len(years) == 1:
            return f"{next(iter(years))}-{_month(g[0]):02d}"
        return f"{ref.year}-{_month(g[0]):02d}" if ref and not years else None
    if kind == "relweek":
        if not ref:
            return None
        step = {"last": -1, "this": 0, "next": 1}[table_key(g[0])]
        if table_key(g[1]) == "week":
            day = ref + datetime.timedelta(days=7 * step)
            return f"{day.year}-{day.month:02d}"
        month = ref.month + step
        year = ref.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}"
    if kind == "mdy":
        return _day(int(g[2]), _month(g[0]), int(g[1]))
    if kind == "dmy":
        return _day(int(g[2]), _month(g[1]), int(g[0]))
    if kind == "my":
        return f"{g[1]}-{_month(g[0]):02d}"
    if kind == "dm":
        g = (g[1], g[0])
        kind = "md"
    if kind == "md":
        if table_key(g[0]).rstrip(".") == "may" and not g[0][:1].isupper():
            return None
        if len(years) == 1:
            return _day(next(iter(years)), _month(g[0]), int(g[1]))
        return _day(ref.year, _month(g[0]), int(g[1])) if ref and not years else None
    if kind == "ago":
        # a year of the common era, as xsd:gYear and datetime count them: "5000 years ago" is
        # none, and a number of hundreds of digits is an infinite float that int() refuses
        n = number_value(g[0])
        return str(ref.year - int(n)) if ref and n and n < ref.year else None
    if kind == "today":
        return ref.isoformat() if ref else None
    if kind == "yesterday":
        return (ref - datetime.timedelta(days=1)).isoformat() if ref else None
    if kind == "weekday":
        if not ref:
            return None
        delta = (ref.weekday() - WEEKDAYS[table_key(g[0])]) % 7
        day = ref + datetime.timedelta(days=(7 - delta) % 7) if future else ref - datetime.timedelta(days=delta)
        return day.isoformat()
    if kind == "relyear":
        if not ref:
            return None
        return str(ref.year + {"last": -1, "this": 0, "next": 1}[table_key(g[0])])
    if kind == "year":
        return g[0]
    return None


def _day(year: int, month: int, day: int) -> Optional[str]:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
