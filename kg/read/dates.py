"""Calendar dates as news text writes them: "April 21, 2025", "21 April 2025", "Jan. 5",
"2025-04-21 10:31", "July 2024", "2024".

Values are ISO strings no more precise than the text: "2025-04-21", "2024-07" or "2024", so a
month is never passed off as a day. The article reader and the extractors share these helpers.
"""
from __future__ import annotations

import datetime
import re
from typing import List, Optional, Sequence, Tuple

__all__ = ["MONTHS", "MONTH_RE", "parse_date", "find_full_dates", "to_date", "nearest", "date_line",
           "dateline_day", "infer_day"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})

#: A month name, full or abbreviated ("Jan.", "Sept."), as one group.
MONTH_RE = (r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
            r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR = r"((?:1[89]|20)\d\d)"
_MONTH_CUE = re.compile(MONTH_RE)
_FULL = [  # each: (pattern, group order, cue) with groups for year, month, day; the cue finds a
    # part of every match of the pattern, and text without it skips the pattern
    (re.compile(r"(?<![\d/])" + _YEAR + r"([-/.])(\d{1,2})\2(\d{1,2})(?![\d])"), "y_md",
     re.compile(r"(?:1[89]|20)\d\d[-/.]\d")),
    (re.compile(rf"\b{_WEEKDAY}{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"), "mdy", _MONTH_CUE),
    (re.compile(rf"\b{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE},?\s+{_YEAR}\b"),
     "dmy", _MONTH_CUE),
    # "22/01/2026": day first unless that is impossible (wire services outside the US)
    (re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2" + _YEAR + r"(?![\d])"), "num",
     re.compile(r"[/.]\d{1,2}[/.]")),
]
#: What every full date has: a year. Text without one (most lines) skips the patterns.
_YEAR_CUE = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_DAY = [
    (re.compile(r"^" + _WEEKDAY + MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\.?$"), "md"),
    (re.compile(r"^" + _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r"\.?$"), "dm"),
]
_MONTH_YEAR = re.compile(r"^" + MONTH_RE + r",?\s+(?:of\s+)?" + _YEAR + r"$")
_YEAR_ONLY = re.compile(r"^" + _YEAR + r"$")
_TIME_TAIL = re.compile(r"(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
                        r"\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC|BJT|local time)?)$", re.I)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _iso(year: int, month: int, day: int) -> Optional[str]:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_full_dates(text: str) -> List[Tuple[int, int, datetime.date]]:
    """Find every date with day, month and year in running text.

    Args:
        text: any text ("signed on April 21, 2025 in Baku", "2024-05-06 10:31").

    Returns:
        (start, end, date) for each valid date, in text order; impossible days are skipped.
    """
    if not _YEAR_CUE.search(text):
        return []
    found = []
    cued = {}
    for rx, order, cue in _FULL:
        if cue not in cued:
            cued[cue] = cue.search(text) is not None
        if not cued[cue]:
            continue
        for m in rx.finditer(text):
            g = m.groups()
            if order == "y_md":
                y, mo, d = int(g[0]), int(g[2]), int(g[3])
            elif order == "mdy":
                y, mo, d = int(g[2]), _month(g[0]), int(g[1])
            elif order == "num":
                a, b, y = int(g[0]), int(g[2]), int(g[3])
                d, mo = (b, a) if b > 12 >= a else (a, b)
            else:
                y, mo, d = int(g[2]), _month(g[1]), int(g[0])
            iso = _iso(y, mo, d)
            if iso and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), datetime.date.fromisoformat(iso)))
    return sorted(found)


def parse_date(text: str, default_year: Optional[int] = None) -> Optional[str]:
    """Parse a string that is just a date into an ISO value as precise as the text.

    Args:
        text: "April 21, 2025", "21 April 2025", "2025-04-21 10:31", "July 2024", "2024",
            or a day without a year ("Jan. 5") when ``default_year`` is given.
        default_year: the year for a day written without one; None leaves such a day unparsed.

    Returns:
        "2025-04-21", "2024-07" or "2024"; None when the text is not a date or the day does
        not exist.

    >>> parse_date("Sept. 3, 2024"), parse_date("July 2024"), parse_date("Jan. 5")
    ('2024-09-03', '2024-07', None)
    """
    s = _TIME_TAIL.sub("", " ".join(text.split()).strip(" .,")).strip(" ,")
    full = find_full_dates(s)
    if len(full) == 1 and full[0][0] == 0 and full[0][1] == len(s):
        return full[0][2].isoformat()
    m = _MONTH_YEAR.match(s)
    if m:
        return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"
    if _YEAR_ONLY.match(s):
        return s
    if default_year is not None:
        for rx, order in _MONTH_DAY:
            m = rx.match(s)
            if m:
                mo, d = (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
                return _iso(default_year, _month(mo), int(d))
    return None


def to_date(iso: Optional[str]) -> Optional[datetime.date]:
    """Turn a full ISO day ("2025-04-21") into a date; a month, a year or None gives None."""
    if iso and len(iso) == 10:
        return datetime.date.fromisoformat(iso)
    return None


def nearest(month: int, day: int, anchor: datetime.date) -> Optional[datetime.date]:
    """Find the date with this month and day closest to ``anchor`` (its year, or one either side).

    Args:
        month: 1 to 12.
        day: day of the month.
        anchor: a full date known to be near, such as the publication date.

    Returns:
        The closest existing date, or None when the day never exists (Feb. 30).

    >>> nearest(12, 31, datetime.date(2025, 1, 2))
    datetime.date(2024, 12, 31)
    """
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        iso = _iso(y, month, day)
        if iso:
            d = datetime.date.fromisoformat(iso)
            if best is None or abs((d - anchor).days) < abs((best - anchor).days):
                best = d
    return best


_DATE_LABEL = re.compile(r"(?:(?:first |last )?(published|posted|updated|modified|released|issued|date)"
                         r"(?: on| at)?)\s*[:|–-]?\s*", re.I)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:GMT|UTC|BJT|CET|EST|ET|Z)\b"
                    r"|[+-]\d{2}:?\d{2}\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
_LINE_WORDS = ("at", "on", "local", "time")


def date_line(line: str) -> Optional[Tuple[str, datetime.date, Optional[str]]]:
    """Read a line that only dates a page: "Xinhua) 11:24, April 22, 2025", "Published: 2024-05-06".

    Args:
        line: one line of an article, stripped.

    Returns:
        (kind, date, publisher): kind is "published" or "updated"; publisher is the name in
        brackets beside the date ("Xinhua"), else None. None when the line says anything else.
    """
    label = _DATE_LABEL.match(line)
    rest = line[label.end():] if label else line
    dates = find_full_dates(rest)
    if not dates:
        return None
    for s, e, _ in reversed(dates):
        rest = rest[:s] + " " + rest[e:]
    rest = _CLOCK.sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    # Words beside the date may only name the agency ("Xinhua) 11:24, ..."), never a heading
    # such as "Astana Summit, July 3, 2024".
    if any(not w[0].isupper() and w.lower() not in _LINE_WORDS for w in words) or len(words) > (
            4 if re.search(r"[()]", rest) else 1):
        return None
    kind = "updated" if label and label.group(1).lower() in ("updated", "modified") else "published"
    pub = re.search(r"\(?([A-Z][\w'’. -]{1,30}?)\)", rest)
    return kind, dates[0][2], (pub.group(1).strip() if pub else None)


def dateline_day(text: str) -> Optional[Tuple[int, int, Optional[int]]]:
    """(month, day, year or None) of a dateline's date: "April 21", "Jan. 5", "6 May 2024"."""
    full = to_date(parse_date(text))
    day = full or to_date(parse_date(text, default_year=2000))   # 2000 has a Feb. 29
    return (day.month, day.day, full.year if full else None) if day else None


def infer_day(md: Tuple[int, int, Optional[int]], published: Sequence[datetime.date],
              others: Sequence[datetime.date], text: str) -> Optional[datetime.date]:
    """Complete a dateline's day with the year the article gives, or None when it gives none.

    Args:
        md: (month, day, year or None) from :func:`dateline_day`.
        published: the publication date, if known (the closest anchor).
        others: other full dates outside the story, such as photo captions.
        text: the story, for its own full dates (the latest wins) and, last, the latest year
            it names that is not in the future.

    Returns:
        The dateline's date; never a guessed year.
    """
    month, day, year = md
    if year:
        return to_date(_iso(year, month, day))
    anchors = list(published) + list(others) + sorted((d for _, _, d in find_full_dates(text)),
                                                      reverse=True)
    if anchors:
        return nearest(month, day, anchors[0])
    years = [int(y) for y in re.findall(r"(?<![\d$.,-])((?:19|20)\d\d)(?![\d%])", text)
             if int(y) <= datetime.date.today().year]
    return to_date(_iso(max(years), month, day)) if years else None
