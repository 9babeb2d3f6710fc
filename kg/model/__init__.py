"""The graph model: findings in, sorted triples out; the only place IRIs are minted.

- :mod:`.graph`: :class:`GraphModel`, the records of a build and every IRI it mints;
- :mod:`.kinds`: the table of finding kinds, each a ``take`` and a ``write`` function;
- :mod:`.entities`, :mod:`.events`, :mod:`.agreements`, :mod:`.relationships`,
  :mod:`.observations`, :mod:`.sources`: those functions, one module per kind of record;
- :mod:`.writer`: what they write with; :mod:`.terms`: the closed vocabulary they write.
"""
from ..findings import slug
from .agreements import STATUS_ORDER
from .entities import SUPERCLASS
from .graph import GraphModel
from .kinds import KINDS, Kind

__all__ = ["GraphModel", "slug", "STATUS_ORDER", "SUPERCLASS", "KINDS", "Kind"]
