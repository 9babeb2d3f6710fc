"""Reading exports back: triples from a Turtle, N-Triples or TriG file, through pyoxigraph."""
from __future__ import annotations

from pathlib import Path
from typing import List, Union

import pyoxigraph as ox

from ..errors import GraphError

__all__ = ["read_triples", "FORMAT_BY_SUFFIX"]

FORMAT_BY_SUFFIX = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                    ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
                    ".jsonld": ox.RdfFormat.JSON_LD}


def read_triples(path: Union[str, Path]) -> List[ox.Triple]:
    """Every triple of an export (quads lose their graph name).

    Raises:
        GraphError: missing file, unknown extension, or a syntax error (with line and column).
    """
    path = Path(path)
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(path, f"unknown graph format {path.suffix!r}; use .ttl, .nt, .trig, .nq or .jsonld")
    if not path.is_file():
        raise GraphError(path, "no such file")
    try:
        return [q.triple for q in ox.parse(path=str(path), format=fmt)]
    except SyntaxError as exc:
        where = f"line {exc.lineno}, column {exc.offset}: " if getattr(exc, "lineno", None) else ""
        raise GraphError(path, f"not valid {fmt.name}: {where}{exc.msg if hasattr(exc, 'msg') else exc}") from None
    except (OSError, ValueError) as exc:
        raise GraphError(path, f"cannot read ({exc})") from None
