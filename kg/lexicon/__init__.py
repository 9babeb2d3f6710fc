"""World knowledge: states, places, organisations, titles and government organs.

The package that opens ``kg/data/*``. States come from ``pycountryinfo`` (its 195 independent
states, plus Palestine) with ``countries_extra.tsv`` on top; cities from ``cities.tsv``, a GeoNames
extract made by ``kg/data/make_cities.py``; the rest from curated tables. Every row is checked
when loaded, and a bad one raises :class:`~kg.errors.DataError` with its file and line. Names
match case-sensitively (a capital letter is evidence); titles and organs also without case.

One module per family of tables, each with its record type and loader:

- :mod:`.tables`: where the data is, reading and checking rows, the surface forms of a name;
- :mod:`.states`: :class:`Country`, the state table, former states, :func:`of_state`;
- :mod:`.organisations`: :class:`Organisation`, the curated and the generated table;
- :mod:`.titles`: :class:`Title` and :class:`Organ`;
- :mod:`.places`: :class:`Place`: continents, regions, capitals, cities;
- :mod:`.small_tables`: :class:`Initiative`, topic labels, currencies, count nouns;
- :mod:`.index`: :class:`Lexicon` and its lookups, :func:`load_lexicon`, :func:`get_lexicon`.

>>> lex = get_lexicon()
>>> lex.country_by_demonym("Azerbaijanis").name, lex.place("Astana").country
('Azerbaijan', 'KZ')
"""
from .index import Lexicon, get_lexicon, load_lexicon
from .organisations import Organisation, org_surfaces
from .places import CITY_MIN_POPULATION, Place
from .small_tables import Initiative
from .states import Country, CountryTable, former_states, load_countries, of_state
from .tables import DATA_DIR, ascii_fold, norm, read_table
from .titles import Organ, Title, role_as_written, title_case

__all__ = ["of_state", "Country", "Organisation", "Title", "Organ", "Place", "Initiative", "Lexicon",
           "CountryTable", "DATA_DIR", "load_countries", "load_lexicon", "get_lexicon", "former_states",
           "read_table", "norm", "ascii_fold", "org_surfaces", "CITY_MIN_POPULATION", "role_as_written",
           "title_case"]
