"""Exporters by name: each writes a graph's sorted triples to a file, atomically.

A failed export never leaves a half-written file over a good one: bytes go to a temporary file
in the same folder, which is then renamed over the target (``os.replace``).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Dict, Sequence, Union

from ..errors import ExportError

__all__ = ["EXPORTERS", "FILE_NAMES", "RDF_FORMATS", "write_atomic", "export"]


def _umask() -> int:
    # the only way to read the umask is to set it: set it back at once
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Union[str, Path], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The file gets the mode a plain ``open(path, "w")`` would give it (0644 under the usual
    umask 022), so a colleague or a web server can read the export; ``mkstemp`` alone would
    leave it 0600.

    Raises:
        ExportError: when the folder cannot be created or written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(path.parent, f"cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ExportError(path, f"cannot write ({exc.strerror or exc})") from None


def _turtle(triples, **kw) -> bytes:
    from .rdf import turtle
    return turtle(triples, **kw)


def _nt(triples, **kw) -> bytes:
    from .rdf import ntriples
    return ntriples(triples, **kw)


def _jsonld(triples, **kw) -> bytes:
    from .rdf import jsonld
    return jsonld(triples, **kw)


def _trig(triples, **kw) -> bytes:
    from .rdf import trig
    return trig(triples, **kw)


def _html(triples, **kw) -> bytes:
    from .html import render
    return render(triples, **kw)


#: name -> function(sorted triples, **options) -> bytes
EXPORTERS: Dict[str, Callable[..., bytes]] = {"ttl": _turtle, "nt": _nt, "jsonld": _jsonld, "trig": _trig,
                                              "html": _html}
FILE_NAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld", "trig": "graph.trig",
              "html": "graph.html"}
#: the formats --format chooses among (the HTML page is drawn besides, unless --no-html)
RDF_FORMATS = ("ttl", "nt", "jsonld", "trig")


def export(triples: Sequence, dest: Union[str, Path], fmt: str, **options) -> Path:
    """Serialise ``triples`` in format ``fmt`` to ``dest`` (a folder: the format's file name)."""
    if fmt not in EXPORTERS:
        raise ExportError(None, f"unknown format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}")
    dest = Path(dest)
    target = dest / FILE_NAMES[fmt] if dest.is_dir() or not dest.suffix else dest
    write_atomic(target, EXPORTERS[fmt](triples, **options))
    return target
