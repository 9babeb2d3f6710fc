"""Look inside an export: the library behind ``kg query``, ``kg validate`` and ``kg stats``.

Queries and counts run on pyoxigraph, which parses a 200,000-triple export in about 0.4 s;
rdflib (about 9 s for the same file) is imported only by :func:`validate`, because pyshacl
needs it, and is fed from pyoxigraph's parser (about twice as fast as rdflib's own).

Every function returns text; ``run_query`` and ``stats`` end theirs with a newline, so the
CLI prints them with ``nl=False``. TriG and N-Quads exports are read whole: queries see the
union of all their graphs.

- :mod:`.store`: reading an export into pyoxigraph (formats, error messages), IRIs as
  prefix:local (:func:`shorten`), where the ontology is (:func:`ontology_dir`);
- :mod:`.query`: ``kg query`` and ``kg stats``, and how their results are printed;
- :mod:`.validate`: ``kg validate``: SHACL through pyshacl and its report as one line a problem.
"""
from .query import FORMATS, run_query, stats
from .store import load_store, ontology_dir, shorten
from .validate import validate

__all__ = ["FORMATS", "load_store", "run_query", "validate", "stats", "ontology_dir", "shorten"]
