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

__all__ = ["Title", "Organ", "TITLE_KINDS", "load_titles", "load_organs"]

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


