"""Organisations: the curated table and the generated one, and the spellings of their names.

``organisations.tsv`` is curated; ``organisations_generated.tsv`` (made by
kg/generate/gen_organisations.py) adds rows that never take a name a curated organisation or a
state already has.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .states import Country
from .tables import QID, check, read_table, split_items, variants

__all__ = ["Organisation", "ORG_KINDS", "SPELLINGS", "org_surfaces", "load_organisations",
           "load_generated_organisations"]

ORG_KINDS = ("international", "agency", "party", "news", "state_news", "university", "central_bank", "bank",
             "company", "platform", "think_tank", "armed_group", "other")
# Both spellings are standard English; news uses either for the same body.
SPELLINGS = (("Organization", "Organisation"), ("Organisation", "Organization"))
# News writes these states' names short before a body's name ("U.S. Department of the
# Treasury", "UK Ministry of Defence"; AP and Reuters style).
SHORT_STATES = (("United States ", ("U.S. ", "US ")), ("United Kingdom ", ("U.K. ", "UK ")))


@dataclass(frozen=True)
class Organisation:
    """An organisation; ``country`` is set for a national body, ``part_of`` names its parent's label."""
    label: str
    acronyms: Tuple[str, ...]
    aliases: Tuple[str, ...]
    kind: str
    country: Optional[str]
    part_of: Optional[str]
    wikidata: Optional[str] = None


def org_surfaces(names: List[str]) -> List[str]:
    """Every surface of an organisation's names: each straightened and ASCII-folded, with
    "Organization" spelt "Organisation" and back, and a state's name at the front written short
    as news writes it ("U.S. Department of the Treasury")."""
    names = [*names, *(x.replace(a, b) for x in names for a, b in SPELLINGS if a in x)]
    names += [short + x[len(full):] for x in names for full, shorts in SHORT_STATES if x.startswith(full)
              for short in shorts]
    return list(dict.fromkeys(v for x in names for v in variants(x)))


def load_organisations(data_dir: Path, countries: Dict[str, Country], country_names: set
                        ) -> Tuple[Organisation, ...]:
    path = data_dir / "organisations.tsv"
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source")
    seen: Dict[str, Tuple[str, int]] = {}
    out: List[Organisation] = []
    parents: List[Tuple[int, str, str]] = []
    for n, r in read_table(path, cols, ("label", "kind", "source")):
        label = r["label"]
        check(path, n, r["kind"] in ORG_KINDS, f"kind {r['kind']!r}; one of {', '.join(ORG_KINDS)}")
        check(path, n, not r["country"] or r["country"] in countries, f"unknown country code {r['country']!r}")
        acronyms = split_items(path, n, r["acronyms"])
        surfaces = list(dict.fromkeys(org_surfaces([label, *split_items(path, n, r["aliases"])]) + list(acronyms)))
        for s in surfaces:
            owner = seen.setdefault(s, (label, n))
            check(path, n, owner[0] == label, f"{s!r} already names {owner[0]} (line {owner[1]})")
            check(path, n, s not in country_names, f"{s!r} is a state's name")
        if r["part_of"]:
            parents.append((n, label, r["part_of"]))
        out.append(Organisation(label, acronyms, tuple(s for s in surfaces if s != label and s not in acronyms),
                                r["kind"], r["country"] or None, r["part_of"] or None))
    labels = {o.label for o in out}
    for n, label, parent in parents:
        check(path, n, parent in labels and parent != label, f"part_of {parent!r} is not another row's label")
    return tuple(out)


#: the lower-case words a name holds ("Party of the Regions", "Coalition for a European Montenegro")
_NAME_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "with", "by", "de", "la",
                         "le", "les", "des", "du", "del", "y", "et", "da", "do", "dos", "das", "di", "al", "el"})


def _phrase(alias: str) -> bool:
    """A generated alias that reads as a sentence or a slogan, not a name: a lower-case word
    other than those names hold after its first ("It is time", "There is a Future": a party's
    name translated), which would match ordinary prose."""
    return any(w.isalpha() and w.islower() and w not in _NAME_WORDS for w in alias.split()[1:])


def load_generated_organisations(data_dir: Path, countries: Dict[str, Country], taken: set
                                  ) -> Tuple[Organisation, ...]:
    """``organisations_generated.tsv`` (made by kg/generate/gen_organisations.py): each row checked
    like the curated ones, but a name that a curated organisation or a state already has is left
    out quietly (the curated table wins), and a row whose label is so taken is left out whole."""
    path = data_dir / "organisations_generated.tsv"
    if not path.exists():
        return ()
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source", "wikidata")
    seen: Dict[str, Tuple[str, int]] = {}
    out: List[Organisation] = []
    for n, r in read_table(path, cols, ("label", "kind", "source")):
        label = r["label"]
        check(path, n, r["kind"] in ORG_KINDS, f"kind {r['kind']!r}; one of {', '.join(ORG_KINDS)}")
        check(path, n, not r["country"] or r["country"] in countries, f"unknown country code {r['country']!r}")
        check(path, n, not r["wikidata"] or bool(QID.fullmatch(r["wikidata"])), f"wikidata {r['wikidata']!r} is not a QID")
        check(path, n, not r["part_of"], "part_of is for curated rows only")
        if label in taken:
            continue
        acronyms = tuple(a for a in split_items(path, n, r["acronyms"]) if a not in taken)
        # a one-word alias that is only the first word of a label of three words or more is a
        # fragment of the name ("Muslim" of "Muslim National Unity Alliance"), not a name;
        # "Istiqlal" of "Istiqlal Party" is one, and so is "Likud" of "Likud – National Liberal
        # Movement", set off by a dash
        rest = label.split()[1:]
        aliases = [a for a in split_items(path, n, r["aliases"])
                   if not (" " not in a and label.startswith(a + " ") and len(rest) > 1 and rest[0][:1].isalpha())
                   and not _phrase(a)]
        surfaces = [s for s in org_surfaces([label, *aliases]) if s not in taken]
        for s in [*surfaces, *acronyms]:
            owner = seen.setdefault(s, (label, n))
            check(path, n, owner[0] == label, f"{s!r} already names {owner[0]} (line {owner[1]})")
        out.append(Organisation(label, acronyms, tuple(s for s in surfaces if s != label and s not in acronyms),
                                r["kind"], r["country"] or None, None, r["wikidata"] or None))
    return tuple(out)


