"""The Lexicon: every table loaded together, and its lookups by surface form.

:func:`load_lexicon` loads and checks every table of a data folder, deciding which table keeps a
name several could take; :func:`get_lexicon` is the package's own, loaded once per process.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, TypeVar

from .organisations import Organisation, load_generated_organisations, load_organisations
from .places import Place, load_places
from .small_tables import Initiative, load_initiatives, load_pairs, load_topic_labels
from .states import Country, former_states, load_countries
from .tables import DATA_DIR, norm, without_the
from .titles import Organ, Title, load_organs, load_titles

__all__ = ["Lexicon", "load_lexicon", "get_lexicon"]

_T = TypeVar("_T")


class Lexicon:
    """Everything diplokg knows about the world, with lookups by surface form.

    Build it with :func:`get_lexicon` (cached) or :func:`load_lexicon` (a given data folder).
    """

    def __init__(self, *, countries: Dict[str, Country], organisations: Tuple[Organisation, ...],
                 titles: Tuple[Title, ...], organs: Tuple[Organ, ...], places: Tuple[Place, ...],
                 initiatives: Tuple[Initiative, ...] = (), topics: Tuple[str, ...] = (),
                 topic_aliases: Optional[Dict[str, str]] = None, currencies: Optional[Dict[str, str]] = None,
                 count_nouns: Optional[Dict[str, str]] = None,
                 former: Tuple[Tuple[str, Tuple[str, ...], Optional[str]], ...] = (),
                 shared_places: Optional[Dict[str, Tuple[str, ...]]] = None):
        self.countries = countries
        #: states that no longer exist: (name, aliases, Wikidata item)
        self.former = former
        self.organisations = organisations
        self.titles = titles
        self.organs = organs
        self.places = places
        #: place names several places share, none keeping it ("Northern Province"), and their states
        self.shared_places = shared_places or {}
        self.initiatives = initiatives
        self.topics = topics
        self.topic_aliases = topic_aliases or {}
        self.currencies = currencies or {}
        self.count_nouns = count_nouns or {}
        self._country: Dict[str, Country] = {}
        self._demonym: Dict[str, Country] = {}
        self._prefix: Dict[str, Country] = {}
        for c in countries.values():
            for s in (c.name, c.official_name, *c.aliases):
                self._country.setdefault(norm(s), c)
            self._demonym.update((norm(d), c) for d in c.demonyms)
            self._prefix.update((p, c) for p in c.prefixes)
        self._place: Dict[str, Place] = {}
        for p in places:
            for s in (p.name, *p.aliases):
                self._place.setdefault(norm(s), p)
        self._org = {norm(s): o for o in organisations for s in (o.label, *o.acronyms, *o.aliases)}
        self._title = {norm(f): t for t in titles for f in t.forms}
        self._title_fold = {norm(f).casefold(): t for t in titles for f in t.forms}
        self._organ = {norm(f): o for o in organs for f in o.forms}
        self._organ_fold = {norm(f).casefold(): o for o in organs for f in o.forms if not f.isupper()}
        self._surfaces: Optional[Dict[str, List[Tuple[str, object]]]] = None
        self._initials: Optional[Dict[str, Organisation]] = None

    def agency_by_initials(self, credit: str) -> Optional[Organisation]:
        """The news agency whose name's initials a dateline credit spells ("MENA": Middle East
        News Agency), when exactly one does. Only for datelines, where a credit in brackets is
        always an agency: in running text such initials are often something else (the MENA
        region)."""
        if self._initials is None:
            found: Dict[str, List[Organisation]] = defaultdict(list)
            for o in self.organisations:
                if o.kind in ("news", "state_news"):
                    words = [w for w in re.split(r"[\s\-]+", o.label) if w[:1].isupper()]
                    found["".join(w[0] for w in words)].append(o)
            self._initials = {k: v[0] for k, v in found.items() if len(v) == 1 and len(k) >= 2}
        return self._initials.get(credit.strip().upper()) if credit.strip().isupper() else None

    @staticmethod
    def _get(index: Mapping[str, _T], text: str) -> Optional[_T]:
        t = norm(text)
        return index.get(t) or index.get(without_the(t))

    def country(self, text: str) -> Optional[Country]:
        """The state a name, official name or alias stands for ("the Philippines", "U.S.").

        >>> get_lexicon().country("the Philippines").code
        'PH'
        """
        return self._get(self._country, text)

    def country_by_demonym(self, text: str) -> Optional[Country]:
        """The state of a demonym or combining form ("Azerbaijanis", "Saudi", "Sino").

        >>> get_lexicon().country_by_demonym("Sino").code
        'CN'
        """
        t = norm(text)
        return self._demonym.get(t) or self._prefix.get(t.rstrip("-"))

    def place(self, text: str) -> Optional[Place]:
        """A capital, city, region or continent by name or alias (case-sensitive)."""
        return self._get(self._place, text)

    def organisation(self, text: str) -> Optional[Organisation]:
        """An organisation by label, acronym or alias ("SCO", "UN Security Council")."""
        return self._get(self._org, text)

    def title(self, text: str) -> Optional[Title]:
        """An office or title by any of its forms, in any case ("chargé d'affaires")."""
        t = norm(text)
        return self._title.get(t) or self._title_fold.get(t.casefold())

    def organ(self, text: str) -> Optional[Organ]:
        """A government organ by any form ("Foreign Ministry"); all-caps forms need their case."""
        t = norm(text)
        return self._organ.get(t) or self._organ_fold.get(t.casefold())

    def topic(self, text: str) -> Optional[str]:
        """The topic label of a label or alias ("economic cooperation" -> "economy")."""
        t = norm(text).casefold()
        return t if t in self.topics else self.topic_aliases.get(t)

    def _named(self) -> Iterator[Tuple[str, object, Iterable[str]]]:
        """(kind, entry, its surface forms) for every entry of every table, in the gazetteer's order."""
        for c in self.countries.values():
            yield "country", c, (c.name, c.official_name, *c.aliases)
            yield "demonym", c, c.demonyms
            yield "prefix", c, c.prefixes
        tables: Tuple[Tuple[str, Iterable, Callable[..., Iterable[str]]], ...] = (
            ("place", self.places, lambda p: (p.name, *p.aliases)),
            ("organisation", self.organisations, lambda o: (o.label, *o.acronyms, *o.aliases)),
            ("title", self.titles, lambda t: t.forms),
            ("organ", self.organs, lambda g: g.forms),
            ("initiative", self.initiatives, lambda i: (i.label, *i.aliases)))
        for kind, entries, forms in tables:
            for entry in entries:
                yield kind, entry, forms(entry)
        for label in self.topics:
            yield "topic", label, (label,)
        for alias, label in self.topic_aliases.items():
            yield "topic", label, (alias,)

    def surface_forms(self) -> Dict[str, List[Tuple[str, object]]]:
        """Every surface form -> [(kind, entry)], for a longest-match gazetteer.

        Kinds: country, demonym, prefix (Country); place (Place); organisation; title; organ;
        initiative; topic (the topic's label).
        """
        if self._surfaces is None:
            out: Dict[str, List[Tuple[str, object]]] = {}
            for kind, entry, forms in self._named():
                for s in forms:
                    entries = out.setdefault(s, [])
                    if (kind, entry) not in entries:
                        entries.append((kind, entry))
            self._surfaces = out
        return self._surfaces


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Load and check every table in ``data_dir``.

    Raises:
        DataError: a missing table or a bad row, with its file and line.
    """
    data_dir = Path(data_dir)
    table = load_countries(data_dir)
    countries = table.countries
    country_names = {s for c in countries.values() for s in (c.name, c.official_name, *c.aliases)}
    curated = load_organisations(data_dir, countries, country_names)
    curated_names = {s for o in curated for s in (o.label, *o.acronyms, *o.aliases)}
    organisations = curated + load_generated_organisations(data_dir, countries, country_names | curated_names)
    titles, organs = load_titles(data_dir), load_organs(data_dir)
    initiatives = load_initiatives(data_dir)
    topics, topic_aliases = load_topic_labels(data_dir)
    taken = country_names | {s for c in countries.values() for s in (*c.demonyms, *c.prefixes)}
    # Only curated organisations keep a name from the cities: the generator leaves out of its
    # table the names of places, and a generated name must never cost a city its name.
    taken |= curated_names
    taken |= {s for i in initiatives for s in (i.label, *i.aliases)}
    taken_fold = {f.casefold() for t in titles for f in t.forms} | {f.casefold() for g in organs for f in g.forms}
    taken_fold |= {t.casefold() for t in (*topics, *topic_aliases)}
    shared: Dict[str, Tuple[str, ...]] = {}
    places = load_places(data_dir, table, taken, taken_fold, shared)
    return Lexicon(
        countries=countries, organisations=organisations, titles=titles, organs=organs,
        places=places, shared_places=shared, initiatives=initiatives,
        topics=topics, topic_aliases=topic_aliases,
        currencies=load_pairs(data_dir / "currencies.tsv", ("name", "code", "source"), r"[A-Z]{3}"),
        count_nouns=load_pairs(data_dir / "count_nouns.tsv", ("noun", "measure", "source"), r"[A-Z][A-Za-z]+"),
        former=former_states(data_dir, {s for c in countries.values() for s in (c.name, c.official_name, *c.aliases) if s}))


@functools.lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The lexicon of diplokg's own data, loaded once per process."""
    return load_lexicon(DATA_DIR)
