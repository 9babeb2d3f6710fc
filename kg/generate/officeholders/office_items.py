"""The Wikidata item of the position each term was held in (the ``office_qid`` column).

Peppercat's pages name a position by its short title ("Minister for Finance", "President") and
never link its item. The per-country repositories of EveryPolitician's scrapers, from which
Peppercat built those pages (its ``repos.csv`` names one repository per place), keep the list of
positions they track, ``wikidata/wanted-positions.csv`` and siblings, with the item and the very
title the pages show: ``Q6865833,Minister for Finance``. A term gets the item of its title when
that title names one item only among all the lists of its place's repository (Australia's also
lists "Minister for Finance" of South Australia, Q50807417: that title then gives no item).

A second table, every-politician-scrapers/world-leaders-2021 ``data/wikidata.csv``, lists the
heads of state and government of every country from Wikidata (P1906 and P1313 positions, with
P39 start and end years). A head's term gets the item of the row with the same person, country
and start year whose position label names the same kind of office ("President of Albania" for a
President). When the two sources name different items for one term, the term gets none and the
clash is logged. Nothing is guessed: an item is taken only where a source states it.

Source tags added to a row's ``source``: ``ep-positions`` (first table), ``ep-heads`` (second).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

__all__ = ["read_repos", "read_position_lists", "read_heads", "assign_office_items",
           "HEAD_LABELS"]

_QID = re.compile(r"^Q[1-9]\d*$")

#: a head's role -> the words a P1906/P1313 position label starts with for that kind of office
HEAD_LABELS: Dict[str, Tuple[str, ...]] = {
    "President": ("President",),
    "Prime Minister": ("Prime Minister",),
    "Premier": ("Premier",),
    "Chancellor": ("Chancellor", "Federal Chancellor"),
    "King": ("King", "Monarch", "monarch", "Sovereign"),
    "Queen": ("Queen", "Monarch", "monarch", "Sovereign"),
    "Emir": ("Emir", "Amir", "Monarch", "monarch"),
    "Sultan": ("Sultan", "Monarch", "monarch"),
    "Supreme Leader": ("Supreme Leader",),
}


def _norm(title: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip()


def read_repos(path: Path) -> List[Tuple[str, str, str]]:
    """Peppercat's ``repos.csv``: (country item, page slug, repository name) per place."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [((r.get("id") or "").strip(), (r.get("slug") or "").strip(), (r.get("repo") or "").strip())
                for r in csv.DictReader(fh) if r.get("slug") and r.get("repo")]


def read_position_lists(folder: Path, repos: Iterable[Tuple[str, str, str]],
                        place_of: Callable[[str], Optional[str]]) -> Dict[str, Dict[str, Set[str]]]:
    """title -> items, per place (ISO code, or the page slug of an organisations' page).

    Reads every ``<repo>/wikidata/*.csv`` (or ``<repo>/*.csv``) under ``folder`` whose header is
    ``position,title``; ``place_of(slug)`` gives the place of a page slug, None to skip it.
    """
    out: Dict[str, Dict[str, Set[str]]] = {}
    for _qid, slug, repo in repos:
        place = place_of(slug)
        base = folder / repo
        if place is None or not base.is_dir():
            continue
        files = sorted((base / "wikidata").glob("*.csv")) or sorted(base.glob("*.csv"))
        titles: Dict[str, Set[str]] = defaultdict(set)
        for path in files:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                if next(reader, None) != ["position", "title"]:
                    continue
                for row in reader:
                    if len(row) >= 2 and _QID.match(row[0].strip()) and row[1].strip():
                        titles[_norm(row[1])].add(row[0].strip())
        if titles:
            out.setdefault(place, {})
            for t, q in titles.items():
                out[place].setdefault(t, set()).update(q)
    return out


def _year(date: str) -> str:
    return date[:4] if re.match(r"^\d{4}", date or "") else ""


def read_heads(paths: Iterable[Path], code_of_item: Dict[str, str]
               ) -> Dict[Tuple[str, str, str], Set[Tuple[str, str]]]:
    """(state, person item, start year) -> {(position item, position label)} from the
    world-leaders tables (columns countryid, position, positionLabel, officeholder, start_year)."""
    out: Dict[Tuple[str, str, str], Set[Tuple[str, str]]] = defaultdict(set)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                code = code_of_item.get((r.get("countryid") or "").strip())
                pos, person = (r.get("position") or "").strip(), (r.get("officeholder") or "").strip()
                year = _year((r.get("start_year") or "").strip())
                if code and _QID.match(pos) and _QID.match(person) and year:
                    out[(code, person, year)].add((pos, _norm(r.get("positionLabel") or "")))
    return dict(out)


def _head_item(term, heads) -> Optional[str]:
    words = HEAD_LABELS.get(term.role)
    if not words or not term.state or not term.person_qid:
        return None
    found = {pos for pos, label in heads.get((term.state, term.person_qid, _year(term.start)), ())
             if any(label == w or label.startswith(w + " ") for w in words)}
    return found.pop() if len(found) == 1 else None


def assign_office_items(terms, titles: Dict[str, Dict[str, Set[str]]],
                        heads: Dict[Tuple[str, str, str], Set[Tuple[str, str]]], log=None) -> Dict[str, int]:
    """Set ``office_qid`` (and the source tag) of each term where a source states the item.

    A term's place is its state, or the slug of the organisations' page it was read from
    (``term.page``). Returns counts by source.
    """
    log = log or (lambda msg: None)
    counts = {"ep-positions": 0, "ep-heads": 0, "both agree": 0, "clash": 0}
    for t in terms:
        place = t.state or getattr(t, "page", "")
        items = titles.get(place, {}).get(_norm(t.title), set()) if t.title else set()
        by_title = next(iter(items)) if len(items) == 1 else None
        by_head = _head_item(t, heads)
        if by_title and by_head and by_title != by_head:
            counts["clash"] += 1
            log(f"office item clash {t.person} {t.role} {t.state} {t.start}: title {t.title!r} -> "
                f"{by_title}, heads table -> {by_head}; none taken")
            continue
        if by_title and by_head:
            counts["both agree"] += 1
        if by_title:
            t.office_qid, t.item_source = by_title, "ep-positions"
            counts["ep-positions"] += 1
        elif by_head:
            t.office_qid, t.item_source = by_head, "ep-heads"
            counts["ep-heads"] += 1
    return counts
