"""Hand-written terms (``kg/data/officeholders_curated.tsv``) merged into the generated table.

The Wikidata-derived sources leave gaps: offices no Peppercat page has (the heads of the IMF,
the World Bank, ASEAN...), posts its titles never name (China's Premier), and terms that began
after its last snapshot (2025-01-31). Curated rows fill them, each naming the page it was read
from. The columns are the generated table's; the merge adds "curated: " before a row's source.

Curated rows win: a generated term of the same office (a King and a Queen of one state hold the
same throne) that shares more than a handover day with a curated term of another holder is cut
to end on the curated term's start when it began before it, and is left out otherwise (an
acting holder a snapshot listed while the curated holder was in office); a generated term of
the same holder that overlaps is replaced. Each cut and each left-out term is printed, with
both terms, so a reviewer sees what the curated rows overrode.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

__all__ = ["CuratedError", "read_curated", "merge_curated", "PREFIX", "ascii_spelling", "with_ascii"]

PREFIX = "curated: "
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")
_STATE = re.compile(r"^[A-Z]{2}$")
_FAR = dt.date(9999, 12, 31)

Row = Tuple[str, ...]       # the 11 columns of officeholders.tsv


class CuratedError(ValueError):
    """A bad row of the curated table: the message names the file and line."""


def lo(date: str) -> dt.date:
    """Earliest day a date of any precision can mean."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def hi(date: str) -> dt.date:
    """Latest day a date of any precision can mean ("" is a term still running)."""
    if not date:
        return _FAR
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _valid(date: str) -> bool:
    if not _DATE.match(date):
        return False
    try:
        lo(date), hi(date)
    except ValueError:
        return False
    return True


def slot(row: Row) -> Tuple[str, str, str]:
    """The office a row holds, as (role, state, organisation); King and Queen are one throne."""
    role = "monarch" if row[3] in ("King", "Queen") else row[3]
    return role, row[5], row[6]


def _shared_days(a: Row, b: Row) -> int:
    """Days two terms surely both cover beyond a shared handover day (0 or less: none), as the
    generator counts them: from the latest day either start can mean to the earliest day either
    end can mean, so "2003" meeting "2003-11-01" is no clash."""
    start = max(hi(a[7]), hi(b[7]))
    end = min(lo(a[8]) if a[8] else _FAR, lo(b[8]) if b[8] else _FAR)
    return (end - start).days


def read_curated(path: Path, columns: Sequence[str], office_name: Callable[[Row], Optional[str]],
                 roles: Set[str]) -> List[Row]:
    """Read and check the curated table.

    Args:
        path: the tab-separated file (``#`` lines are comments).
        columns: the header it must have (the generated table's columns).
        office_name: the office a row must name for its role and state or organisation, or
            None when its state or organisation is unknown.
        roles: the canonical roles of ``titles.tsv``.

    Raises:
        CuratedError: a bad row (wrong columns, unknown role, state or organisation, a bad date,
            no source), or two holders of one office at once among the curated rows.
    """
    rows: List[Row] = []
    lines: Dict[Row, int] = {}
    header = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        def bad(reason: str) -> CuratedError:
            return CuratedError(f"{path}: line {n}: {reason}")
        if not header:
            if cells != tuple(columns):
                raise bad(f"header must be {' '.join(columns)}")
            header = True
            continue
        if len(cells) != len(columns):
            raise bad(f"{len(cells)} columns, {len(columns)} expected")
        person, pqid, aliases, role, office, state, org, start, end, oqid, source = cells
        if not person.strip() or person != person.strip():
            raise bad("empty or padded person")
        for q in (pqid, oqid):
            if q and not _QID.match(q):
                raise bad(f"bad Wikidata id {q!r}")
        if role not in roles:
            raise bad(f"role {role!r} is not a role of titles.tsv")
        if bool(state) == bool(org) or (state and not _STATE.match(state)):
            raise bad("give a state (ISO alpha-2) or an organisation, not both or neither")
        expected = office_name(cells)
        if expected is None:
            raise bad(f"unknown {'state' if state else 'organisation'} {state or org!r}")
        if office != expected:
            raise bad(f"office {office!r}, expected {expected!r}")
        if not _valid(start) or (end and not _valid(end)) or (end and hi(end) < lo(start)):
            raise bad(f"bad dates {start!r}..{end!r}")
        if not source.strip() or source.startswith(PREFIX):
            raise bad("a curated row names its source (page title or URL), without 'curated: '")
        if any(not a for a in aliases.split("|")) and aliases:
            raise bad(f"empty alias in {aliases!r}")
        rows.append(cells)
        lines[cells] = n
    if not header:
        raise CuratedError(f"{path}: no header line")
    by_slot: Dict[Tuple[str, str, str], List[Row]] = defaultdict(list)
    for r in rows:
        by_slot[slot(r)].append(r)
    for group in by_slot.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _shared_days(a, b) > 0:
                    raise CuratedError(f"{path}: line {lines[b]}: {b[0]} {b[7]}..{b[8]} overlaps "
                                       f"{a[0]} {a[7]}..{a[8]} (line {lines[a]}) in {a[4]}")
    return rows


def _same_person(a: Row, b: Row, fold: Callable[[str], str]) -> bool:
    if a[1] and b[1]:
        return a[1] == b[1]
    names_a = {fold(n) for n in [a[0], *filter(None, a[2].split("|"))]}
    names_b = {fold(n) for n in [b[0], *filter(None, b[2].split("|"))]}
    return bool(names_a & names_b)


def merge_curated(generated: Iterable[Row], curated: Iterable[Row], fold: Callable[[str], str],
                  log: Callable[[str], None] = lambda msg: None) -> List[Row]:
    """The generated rows with the curated rows added, curated winning (see the module docstring).

    Args:
        generated: rows of the generated table.
        curated: rows read by :func:`read_curated`.
        fold: how two names are compared (ASCII, case-folded).
        log: gets one line per generated term cut or left out.

    Returns:
        The rows, unsorted: generated (some cut, a source tag ``curated-end`` on a cut one) and
        curated (source prefixed ``curated: ``).
    """
    cur_by_slot: Dict[Tuple[str, str, str], List[Row]] = defaultdict(list)
    curated = list(curated)
    for c in curated:
        cur_by_slot[slot(c)].append(c)
    out: List[Row] = []
    for g in generated:
        row: Optional[Row] = g
        for c in sorted(cur_by_slot.get(slot(g), ()), key=lambda c: lo(c[7])):
            if row is None or _shared_days(row, c) <= 0:
                continue
            term = f"{row[4]}: {row[0]} {row[7]}..{row[8] or 'now'}"
            if _same_person(row, c, fold):
                log(f"curated {term} replaced by the curated term {c[7]}..{c[8] or 'now'}")
                row = None
            elif lo(c[7]) > lo(row[7]):
                log(f"curated {term} cut to end {c[7]}, when {c[0]} took office")
                source = row[10] if row[10].endswith(",curated-end") else row[10] + ",curated-end"
                row = row[:8] + (c[7],) + row[9:10] + (source,)
            else:
                log(f"curated {term} left out: {c[0]} held the office {c[7]}..{c[8] or 'now'}")
                row = None
        if row is not None:
            out.append(row)
    for c in curated:
        out.append(c[:10] + (PREFIX + c[10],))
    return out


def ascii_spelling(s: str) -> str:
    table = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ß": "ss", "æ": "ae", "œ": "oe", "ʻ": "'", "ʼ": "'", "’": "'"})
    s = s.translate(table)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def with_ascii(row: Tuple[str, ...]) -> Tuple[str, ...]:
    """A curated row with the ASCII spelling of its names among its aliases, as generated rows have."""
    names = [row[0]] + [a for a in row[2].split("|") if a]
    aliases = []
    for a in names[1:] + [ascii_spelling(n) for n in names]:
        if a and a != row[0] and a not in aliases:
            aliases.append(a)
    return row[:2] + ("|".join(aliases),) + row[3:]
