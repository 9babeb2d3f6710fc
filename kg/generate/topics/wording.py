"""The rows of ``topic_wording.tsv`` the IPTC vocabulary gives (source ``iptc``): its labels and
alternative labels as news English writes them, merged with the table's other rows, which are
kept as they are (a curated row wins over an ``iptc`` row for the same wording)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Sequence, Set, Tuple

__all__ = ["SOURCE", "WORDING_HEADER", "NOT_WORDINGS", "wording_rows", "read_wording"]

WORDING_HEADER = ("wording", "code", "source")
SOURCE = "iptc"

# A label's parenthesised qualifier is dropped for the wording ("constitution (law)" ->
# "constitution") unless the bare word is one news uses for something else.
_AMBIGUOUS_BARE = frozenset({"fine", "series", "game", "party", "trend", "festival", "drama",
                             "design", "court", "appeal", "trial", "investigation", "executive",
                             "minister or secretary", "security measures"})
# Labels of concepts that are not wordings of a subject area: they name actors, events or
# documents (a treaty is a dkg:Agreement, a central bank a dkg:Institution), or they are words
# news English mostly uses for something else ("the nature of", "business communities"). The
# concepts stay in the vocabulary; a curated row may still give them a wording.
NOT_WORDINGS = frozenset({
    "government", "national government", "head of state", "head of government",
    "public officials", "government employee", "religious leader", "legislative body",
    "local authority", "regional authority", "local government", "regional government",
    "central bank", "international organisation", "international organization",
    "economic organisation", "economic organization", "health organisation",
    "health organization", "sport organisation", "sport organization", "ngo",
    "non-governmental organisation", "scientific institution",
    "international economic institution", "international court and tribunal", "tour operator",
    "newspaper", "periodical", "online media outlet", "employee", "employer", "political party",
    "treaty", "summit meeting", "peace envoy", "mankind", "nature", "values", "communities",
    "restoration", "demonstration", "fire", "animal", "mountain", "mountains", "arrest",
    "students", "teachers", "parks", "health facility", "court", "school", "festival",
    "art exhibition", "sport event", "sport venue",
})
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def _wordings_of(label: str) -> List[str]:
    """The forms of a vocabulary label a news text can write: lower case, qualifier dropped,
    an acronym in parentheses on its own ("non-governmental organisation (NGO)")."""
    out = []
    m = _PAREN.search(label)
    if m:
        bare = _PAREN.sub(" ", label).strip()
        inner = m.group(1).strip()
        if inner.isupper() and len(inner) >= 2:          # an acronym: both forms
            out += [bare, inner]
        elif bare.lower() not in _AMBIGUOUS_BARE:
            out.append(bare)
    else:
        out.append(label)
    return [w.lower() for w in out if w and w.lower() not in NOT_WORDINGS]


def wording_rows(vocabulary: Sequence[Tuple[str, ...]],
                 existing: Sequence[Tuple[str, str, str]] = ()) -> Tuple[List[Tuple[str, str, str]], List[str]]:
    """The wording table: the vocabulary's labels and alts (source ``iptc``) merged with the
    existing rows whose source is anything else, sorted by wording.

    Returns:
        (rows, notes): notes name every ``iptc`` wording dropped, because a curated row gives it
        another concept or two concepts share it.
    """
    kept = [r for r in existing if r[2] != SOURCE]
    taken = {r[0]: r[1] for r in kept}
    candidates: Dict[str, Set[str]] = {}
    for code, label, _broader, alt, _src in vocabulary:
        for form in [label, *(a for a in alt.split("|") if a)]:
            for w in _wordings_of(form):
                candidates.setdefault(w, set()).add(code)
    notes = []
    rows = list(kept)
    for w in sorted(candidates):
        codes = candidates[w]
        if len(codes) > 1:
            notes.append(f"{w!r}: left out, labels {', '.join(sorted(codes))}")
            continue
        (code,) = codes
        if w in taken:
            if taken[w] != code:
                notes.append(f"{w!r}: curated as {taken[w]}, not {code}")
            continue
        rows.append((w, code, SOURCE))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows, notes


_DEFAULT_WORDING_COMMENTS = (
    "How news English words subject areas, mapped to IPTC media topics (topic_vocabulary.tsv).",
    "Columns: wording (lower case), code (medtop qcode), source. Rows of source 'iptc' are the",
    "vocabulary's own labels, rewritten by kg/generate/gen_topics.py; every other row is kept by it.",
)


def read_wording(path: Path) -> Tuple[List[Tuple[str, str, str]], List[str]]:
    if not path.exists():
        return [], list(_DEFAULT_WORDING_COMMENTS)
    rows, comments = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            comments.append(line[1:].strip())
            continue
        if not line.strip() or tuple(line.split("\t")) == WORDING_HEADER:
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise SystemExit(f"{path}: line {n}: expected 3 tab-separated cells, got {len(cells)}")
        rows.append((cells[0], cells[1], cells[2]))
    return rows, comments or list(_DEFAULT_WORDING_COMMENTS)
