"""Titles and government organs: offices news English names ("Foreign Minister") and the
organs every state has ("Foreign Ministry"), each with every form it is written in.

A form belongs to one row only, whatever its case (``titles.tsv``, ``organs.tsv``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

from .states import Country, of_state
from .tables import check, read_table, split_items, variants

__all__ = ["Title", "Organ", "TITLE_KINDS", "load_titles", "load_organs", "title_case", "role_as_written"]

TITLE_KINDS = ("head_of_state", "head_of_government", "minister", "diplomat", "spokesperson",
               "legislature", "official", "party", "royal")


@dataclass(frozen=True)
class Title:
    """An office or title ("Foreign Minister") with every form news English writes it in."""
    role: str
    forms: Tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Organ:
    """A government organ every state has; ``template`` holds ``{country}``."""
    template: str
    forms: Tuple[str, ...]

    def label(self, country: Country) -> str:
        """The organ of one state: ``Ministry of Foreign Affairs of China``."""
        return self.template.replace("{country}", of_state(country.name))


def _forms_table(path: Path, cols: Tuple[str, ...], key: str, kinds: Tuple[str, ...] = ()
                 ) -> List[Tuple[int, Dict[str, str], Tuple[str, ...]]]:
    """Rows with a ``forms`` column; a form may belong to one row only, whatever its case."""
    seen: Dict[str, Tuple[str, int]] = {}
    out = []
    for n, r in read_table(path, cols, cols):
        if kinds:
            check(path, n, r["kind"] in kinds, f"kind {r['kind']!r}; one of {', '.join(kinds)}")
        forms = tuple(dict.fromkeys(v for f in split_items(path, n, r["forms"]) for v in variants(f)))
        for f in forms:
            owner = seen.setdefault(f.casefold(), (r[key], n))
            check(path, n, owner[0] == r[key], f"form {f!r} already belongs to {owner[0]} (line {owner[1]})")
        out.append((n, r, forms))
    return out


def load_titles(data_dir: Path) -> Tuple[Title, ...]:
    rows = _forms_table(data_dir / "titles.tsv", ("role", "forms", "kind", "source"), "role", TITLE_KINDS)
    return tuple(Title(r["role"], forms, r["kind"]) for _, r, forms in rows)


def load_organs(data_dir: Path) -> Tuple[Organ, ...]:
    path = data_dir / "organs.tsv"
    out = []
    for n, r, forms in _forms_table(path, ("label_template", "forms", "source"), "label_template"):
        check(path, n, r["label_template"].count("{country}") == 1, "label_template needs one {country}")
        out.append(Organ(r["label_template"], forms))
    return tuple(out)


_SMALL = {"of", "for", "and", "the", "to", "in", "on"}


def title_case(role: str) -> str:
    """An office's name in title case, as offices are written ("Deputy Minister of Energy")."""
    words = role.split()
    return " ".join(w if (w.lower() in _SMALL and i) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words)).replace(" ,", ",")


def _words(role: str) -> List[str]:
    return [w for w in (w.strip(",").lower() for w in role.replace("-", " ").split())
            if w not in ("of", "the", "and", "for", "")]


def role_as_written(role: str, written: str) -> str:
    """The role in the text's words when the text only orders the role's own words another way
    ("Power and Energy Minister" for "Minister of Power and Energy", "opposition leader" for
    "Leader of the Opposition"); the role itself otherwise: an abbreviation, a synonym, a plural
    or words of a state around it keep "Foreign Minister", "Member of Parliament".

    >>> role_as_written("Minister of Power and Energy", "Power and Energy Minister")
    'Power and Energy Minister'
    >>> role_as_written("Foreign Minister", "FM")
    'Foreign Minister'
    >>> role_as_written("Secretary-General", "Secretary General")
    'Secretary-General'
    """
    mine, theirs = _words(written), _words(role)
    if mine == theirs or sorted(mine) != sorted(theirs):
        return role                     # the same words in the same order, or other words
    return title_case(" ".join(written.split())).replace(", and ", " and ")
