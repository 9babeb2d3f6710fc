"""Exporters by name, in one table: Turtle, N-Triples, JSON-LD, TriG and the HTML page.

Each exporter renders a graph's sorted triples to bytes; :func:`write_export` writes them
for every format alike (``kg build``, ``kg merge`` and ``kg html`` all go through it). Adding
a format is one render function and one row of :data:`EXPORTERS`; an RDF syntax (one with an
``rdf_format``) is then among the CLI's ``--format`` choices.

A failed export never leaves a half-written file over a good one: bytes go to a temporary file
in the same folder, which is then renamed over the target (``os.replace``).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Optional, Sequence, Tuple, Union

from ..errors import ExportError, KgError

__all__ = ["Rendered", "Exporter", "EXPORTERS", "rdf_formats", "exporter_of", "write_export", "write_atomic"]


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


@dataclass(frozen=True)
class Rendered:
    """An export's bytes and what the user is told of it."""

    data: bytes
    note: str = ""          # a sentence for the user (the page holds only part of the graph)
    summary: str = ""       # what it holds, when that is worth saying ("186 nodes, 190 edges")


@dataclass(frozen=True)
class Exporter:
    """An output format: its name (``--format``), the file it writes in an output folder, how
    to render triples (``render(triples, **options) -> Rendered``), rdflib's name of the
    syntax when it is RDF (None for the HTML page), and the stage its time counts under."""

    name: str
    file_name: str
    render: Callable[..., Rendered]
    rdf_format: Optional[str] = None
    stage: str = "serialise"


def _turtle(triples, **kw) -> Rendered:
    from .rdf import turtle
    return Rendered(turtle(triples, **kw))


def _nt(triples, **kw) -> Rendered:
    from .rdf import ntriples
    return Rendered(ntriples(triples, **kw))


def _jsonld(triples, **kw) -> Rendered:
    from .rdf import jsonld
    return Rendered(jsonld(triples, **kw))


def _trig(triples, **kw) -> Rendered:
    from .rdf import trig
    return Rendered(trig(triples, **kw))


def _html(triples, focus: Optional[str] = None, hops: int = 2, **_) -> Rendered:
    """The interactive page; with ``focus``, of that entity's neighbourhood within ``hops``.
    A big graph is drawn in its most connected part, which the note says."""
    from .network import find_node, neighbourhood, to_networkx
    from .html import build_page

    g = to_networkx(triples, details=False)
    if focus:
        node = find_node(g, focus)
        if node is None:
            raise KgError(None, f"no entity named {focus!r}")
        g = neighbourhood(g, node, hops)
    page = build_page(g)
    return Rendered(page.html, page.note, f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


#: name -> Exporter, in the order the CLI lists them
EXPORTERS: Dict[str, Exporter] = {e.name: e for e in (
    Exporter("ttl", "graph.ttl", _turtle, rdf_format="turtle"),
    Exporter("nt", "graph.nt", _nt, rdf_format="nt"),
    Exporter("jsonld", "graph.jsonld", _jsonld, rdf_format="json-ld"),
    Exporter("trig", "graph.trig", _trig, rdf_format="trig"),
    Exporter("html", "graph.html", _html, stage="html"),
)}


def rdf_formats() -> Tuple[str, ...]:
    """The RDF syntaxes of the table: what ``--format`` chooses among (the HTML page is drawn
    besides, unless ``--no-html``)."""
    return tuple(name for name, e in EXPORTERS.items() if e.rdf_format)


def exporter_of(fmt: str) -> Exporter:
    """The exporter named ``fmt``.

    Raises:
        ExportError: no exporter has that name.
    """
    if fmt not in EXPORTERS:
        raise ExportError(None, f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    return EXPORTERS[fmt]


def write_export(triples: Sequence, fmt: str, target: Union[str, Path], **options) -> Rendered:
    """Render ``triples`` in format ``fmt`` and write them to the file ``target``, atomically.

    Raises:
        ExportError: an unknown format, or a file that cannot be written.
        KgError: options the exporter cannot follow (an HTML focus on no entity).
    """
    rendered = exporter_of(fmt).render(triples, **options)
    write_atomic(target, rendered.data)
    return rendered
