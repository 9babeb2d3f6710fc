"""The IPTC Media Topics scheme as read, and the concepts of it diplokg keeps.

The input is the IPTC's JSON serialisation of a SKOS concept scheme (``conceptSet``: one object
per concept with ``qcode``, ``prefLabel`` and ``altLabel`` by language, ``broader``, ``retired``).
Which branches are kept is the table ``branches.tsv`` beside this module (:data:`BRANCHES`,
:data:`SKIP`): a table, so that choosing a branch is a row, not code.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = ["BRANCHES", "SKIP", "Concept", "read_branches", "read_scheme", "select"]

BRANCHES_PATH = Path(__file__).resolve().parent / "branches.tsv"
_QCODE = re.compile(r"^medtop:\d{8}$")
_RULE = re.compile(r"^(?:keep (\d+)|skip)$")


def read_branches(path: Path = BRANCHES_PATH) -> Tuple[Tuple[Tuple[str, int], ...], Tuple[str, ...]]:
    """(branches, skips) of ``branches.tsv``: ((code, depth) in the file's order, codes skipped).

    Raises:
        SystemExit: naming the line of a row that is not ``code<TAB>keep N|skip<TAB>note``.
    """
    branches: List[Tuple[str, int]] = []
    skips: List[str] = []
    header = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = True
            continue
        m = _RULE.match(cells[1]) if len(cells) == 3 else None
        if not m or not _QCODE.match(cells[0]):
            raise SystemExit(f"{path}: line {n}: expected code, 'keep N' or 'skip', note")
        if m.group(1) is None:
            skips.append(cells[0])
        else:
            branches.append((cells[0], int(m.group(1))))
    return tuple(branches), tuple(skips)


#: (concept, depth): keep the concept and its narrower concepts down to ``depth`` levels below
#: it; a later, more specific entry overrides an earlier one for its own subtree.
#: SKIP: subtrees left out although their branch is kept.
BRANCHES, SKIP = read_branches()


class Concept:
    """One concept of the scheme as read: qcode, labels, parent, whether it is retired."""

    __slots__ = ("code", "label", "alt", "broader", "retired")

    def __init__(self, code: str, label: str, alt: Sequence[str], broader: Optional[str],
                 retired: bool):
        self.code = code
        self.label = label
        self.alt = list(alt)
        self.broader = broader
        self.retired = retired


def _qcode(value: str) -> str:
    """'http://cv.iptc.org/newscodes/mediatopic/20000344' or 'medtop:20000344' -> the qcode."""
    if value.startswith("medtop:"):
        return value
    tail = value.rstrip("/").rsplit("/", 1)[-1]
    return f"medtop:{tail}"


def _english(values: object, lang: Optional[str] = None) -> List[str]:
    """The English strings of a language map ({"en-GB": "x"} or {"en-GB": ["x", "y"]})."""
    if not isinstance(values, dict):
        return []
    out: List[str] = []
    for key in sorted(values):
        if (lang is None and key.lower().startswith("en")) or key == lang:
            v = values[key]
            out.extend([v] if isinstance(v, str) else [x for x in v if isinstance(x, str)])
    return out


def read_scheme(path: Path, lang: Optional[str] = None) -> Dict[str, Concept]:
    """Read one IPTC JSON concept scheme.

    Args:
        path: the JSON file (``cptall-en-GB.json`` as the IPTC serves it).
        lang: the language tag whose prefLabel is the label (None: the first English one).

    Returns:
        qcode -> Concept, in the file's order.

    Raises:
        SystemExit: the file is not such a scheme (a usage error of this tool).
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SystemExit(f"{path}: cannot read a JSON concept scheme ({e})")
    concepts = data.get("conceptSet") if isinstance(data, dict) else None
    if not isinstance(concepts, list):
        raise SystemExit(f"{path}: no conceptSet; expected an IPTC JSON concept scheme")
    out: Dict[str, Concept] = {}
    for i, c in enumerate(concepts):
        raw = c.get("qcode") or c.get("uri")
        if not raw:
            raise SystemExit(f"{path}: concept {i} has neither qcode nor uri")
        code = _qcode(raw)
        if not _QCODE.match(code):
            raise SystemExit(f"{path}: concept {i}: {raw!r} is not a media topic")
        labels = _english(c.get("prefLabel"), lang)
        broader = [_qcode(b) for b in c.get("broader") or []]
        out[code] = Concept(code, labels[0].strip() if labels else "",
                            [a.strip() for a in _english(c.get("altLabel"), None)],
                            broader[0] if broader else None, bool(c.get("retired")))
    return out


def select(scheme: Mapping[str, Concept]) -> List[str]:
    """The codes ``BRANCHES`` and ``SKIP`` keep, parents before children, by code within a parent.

    A concept is kept when its nearest ancestor-or-self named in BRANCHES allows its distance from
    it, no ancestor-or-self is in SKIP, it is not retired and its parent is kept.
    """
    depth_of = dict(BRANCHES)
    children: Dict[Optional[str], List[str]] = {}
    for code, c in scheme.items():
        if not c.retired:
            children.setdefault(c.broader, []).append(code)
    kept: List[str] = []

    def walk(code: str, budget: int) -> None:
        if code in SKIP or scheme[code].retired or not scheme[code].label:
            return
        budget = depth_of.get(code, budget)
        if budget < 0:
            return
        kept.append(code)
        for child in sorted(children.get(code, [])):
            walk(child, budget - 1)

    for top in sorted(children.get(None, [])):
        if top in depth_of:
            walk(top, depth_of[top])
    return kept
