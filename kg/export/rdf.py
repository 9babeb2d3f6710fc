"""RDF serialisations through pyoxigraph, which streams triples in the order given: the model
hands them over sorted, so the bytes are the same from run to run."""
from __future__ import annotations

from typing import Optional, Sequence

import pyoxigraph as ox

from ..vocab import PREFIXES

__all__ = ["turtle", "prefixes"]


def prefixes(base: Optional[str] = None) -> dict:
    """The contract's prefixes, with ``dkgr:`` bound to the build's resource namespace."""
    out = dict(PREFIXES)
    if base:
        out["dkgr"] = base
    return out


def turtle(triples: Sequence[ox.Triple], base: Optional[str] = None, **_: object) -> bytes:
    """Turtle with the contract's prefixes, in the triples' (sorted) order."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(base))
