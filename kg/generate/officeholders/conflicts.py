"""Which of two overlapping terms of one single-holder office the office-holder generator keeps
(:func:`resolve_conflicts`), and one row per term read twice (:func:`merge_duplicates`).

Of two terms overlapping by more than a handover (:data:`HANDOVER_DAYS`), the one linked by a
chain of successions (an end meeting the next start within a week) to a holder the 2023-2025
snapshots list wins; else the one with more succession links; else both are left out.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from kg.generate.officeholders.curated import ascii_spelling, hi, lo

if TYPE_CHECKING:
    from kg.generate.gen_officeholders import Term

__all__ = ["HANDOVER_DAYS", "same_person", "resolve_conflicts", "merge_duplicates"]

#: overlaps up to this many days are handovers (the outgoing and incoming holder both dated that day)
HANDOVER_DAYS = 7


def same_person(a_name: str, a_qid: str, b_name: str, b_qid: str) -> bool:
    """The same person: the same Wikidata item, or, where one has none, the same name."""
    if a_qid and b_qid:
        return a_qid == b_qid
    return ascii_spelling(a_name).casefold() == ascii_spelling(b_name).casefold()


def _overlap_days(a: "Term", b: "Term") -> int:
    """Days both terms surely cover (latest possible start to earliest possible end)."""
    far = dt.date(9999, 12, 31)
    start = max(hi(a.start), hi(b.start))
    end = min(lo(a.end) if a.end else far, lo(b.end) if b.end else far)
    return (end - start).days


def _conflict(a: "Term", b: "Term") -> bool:
    """Two holders at once: overlapping by more than a handover, or one term inside the other."""
    days = _overlap_days(a, b)
    if days > HANDOVER_DAYS:
        return True
    far = dt.date(9999, 12, 31)
    inside = lambda x, y: lo(y.start) < lo(x.start) and (hi(x.end) if x.end else far) < \
        (lo(y.end) if y.end else far)
    return days > 0 and (inside(a, b) or inside(b, a))


def _src_end(t: "Term") -> bool:
    """An end the source gives (an inferred one links nothing: it was made from a successor)."""
    return bool(t.end) and not t.inferred_end


def _links(t: "Term", group: List["Term"]) -> int:
    """How many of a term's ends meet another term of the office (its place in the succession)."""
    near = lambda x, y: abs((lo(x) - lo(y)).days) <= HANDOVER_DAYS
    before = any(o is not t and _src_end(o) and near(o.end, t.start) for o in group)
    after = _src_end(t) and any(o is not t and near(o.start, t.end) for o in group)
    return int(before) + int(after)


def _anchored(group: List["Term"], sighted: set) -> set:
    """Terms linked, through successions (an end meeting a start), to a term a snapshot listed.

    The snapshot pages list one state's national holders only; the historic table of a federation
    also holds its provinces' ministers under the same titles, in chains of their own.
    """
    near = lambda x, y: abs((lo(x) - lo(y)).days) <= HANDOVER_DAYS
    reach = {id(t) for t in group if id(t) in sighted}
    todo = [t for t in group if id(t) in reach]
    while todo:
        t = todo.pop()
        for o in group:
            if id(o) not in reach and ((_src_end(o) and near(o.end, t.start))
                                       or (_src_end(t) and near(t.end, o.start))):
                reach.add(id(o))
                todo.append(o)
    return reach


def resolve_conflicts(terms: List["Term"], log=None, sighted: Optional[set] = None) -> List["Term"]:
    """Leave out terms that overlap another holder's term of the same single-holder office.

    Of two overlapping terms, the one linked by successions to a holder the snapshots list wins;
    else the one with more succession links (0-2); else both are left out.
    """
    log = log or (lambda msg: None)
    sighted = sighted or set()
    by_office: Dict[Tuple[str, str, str], List["Term"]] = defaultdict(list)
    for t in terms:
        by_office[t.office].append(t)
    dropped: set = set()
    for office, group in by_office.items():
        anchored = _anchored(group, sighted)
        while True:
            live = [t for t in group if id(t) not in dropped]
            pairs = [(a, b) for i, a in enumerate(live) for b in live[i + 1:]
                     if not same_person(a.person, a.person_qid, b.person, b.person_qid)
                     and _conflict(a, b)]
            if not pairs:
                break
            drop: set = set()
            for a, b in pairs:
                ka = (id(a) in anchored, _links(a, live))
                kb = (id(b) in anchored, _links(b, live))
                losers = [b] if ka > kb else [a] if kb > ka else [a, b]
                for x in losers:
                    drop.add(id(x))
                    log(f"conflict {office}: left out {x.person} {x.start}..{x.end or 'now'} "
                        f"(overlaps {(b if x is a else a).person})")
            dropped |= drop
    return [t for t in terms if id(t) not in dropped]


def merge_duplicates(terms: List["Term"]) -> List["Term"]:
    """One row per person, office and start: the same term read twice keeps its known end."""
    out: Dict[Tuple, "Term"] = {}
    for t in terms:
        key = (t.office, t.person_qid or t.person, t.start)
        if key in out:
            kept = out[key]
            kept.end = kept.end or t.end
            kept.title = kept.title or t.title
            kept.aliases += [a for a in t.aliases if a not in kept.aliases]
        else:
            out[key] = t
    return list(out.values())
