"""The matching key of a topic wording: case, a leading article, hyphens and spaces inside
compounds, plural and singular, and British and American spelling ignored.

``counter-terrorism``, ``counter terrorism`` and ``Counterterrorism`` share one key, as do
``defence`` and ``defense``, ``organisation`` and ``organizations``. The same key is made of the
table's wordings and of the text looked up, so it only decides which spellings meet.
"""
from __future__ import annotations

import re
from typing import Mapping

__all__ = ["ARTICLES", "match_key", "exact_form"]


# British -> American, word by word; applied to the table and to the query alike, so it only
# decides which spellings meet.
_SPELLING: Mapping[str, str] = {
    "defence": "defense", "offence": "offense", "labour": "labor", "harbour": "harbor",
    "neighbour": "neighbor", "behaviour": "behavior", "favour": "favor", "colour": "color",
    "programme": "program", "centre": "center", "theatre": "theater", "fibre": "fiber",
    "metre": "meter", "litre": "liter", "jewellery": "jewelry", "aluminium": "aluminum",
    "sulphur": "sulfur", "catalogue": "catalog", "dialogue": "dialog", "ageing": "aging",
    "travelling": "traveling", "modelling": "modeling", "paediatric": "pediatric",
    "archaeology": "archeology", "palaeontology": "paleontology", "tyre": "tire",
    "mould": "mold", "plough": "plow", "cheque": "check", "grey": "gray", "enrolment": "enrollment",
}
_IZE = re.compile(r"is(ation|ations|er|ers|ed|ing)$")
_INVARIANT = frozenset({"news", "aids", "species", "series", "gas", "bus", "chaos", "paris"})
ARTICLES = frozenset({"the", "a", "an"})
_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")
_NON_WORD = re.compile(r"[^a-z0-9&+]+")


def _singular(w: str) -> str:
    if len(w) <= 3 or w in _INVARIANT or w.endswith(("ss", "us", "is", "ics", "'")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def _norm_word(w: str) -> str:
    w = w.replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _NON_WORD.sub("", w)
    w = _SPELLING.get(w, w)
    w = _IZE.sub(r"iz\1", w)
    return _singular(w)


def match_key(text: str) -> str:
    """The matching key of a wording: case, a leading article, hyphens and spaces inside
    compounds, plural and British spelling ignored."""
    parts = [p for p in _SPLIT.split(text.casefold()) if p]
    while parts and parts[0] in ARTICLES:
        parts = parts[1:]
    return "".join(_norm_word(p) for p in parts)


def exact_form(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())

