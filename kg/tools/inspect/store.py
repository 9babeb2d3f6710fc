"""Reading an export: its format by suffix, pyoxigraph's store, parse errors in one line.

Also how an IRI is printed (:func:`shorten`, with the contract's prefixes) and where the
project's ontology and shapes are (:func:`ontology_dir`).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import List, Mapping, Sequence, Tuple, Union

import pyoxigraph as ox

from ...errors import DataError, GraphError
from ...export.graphio import FORMAT_BY_SUFFIX
from ...model.terms import XSD
from ...vocab import PREFIXES

__all__ = ["PathLike", "XSD_STRING", "namespaces", "shorten", "ontology_dir", "format_of", "parse_error",
           "read_error", "load_store", "NAMESPACES"]

PathLike = Union[str, Path]
# A local name that can be pasted back into a query as prefix:local (a cautious PN_LOCAL).
_LOCAL = re.compile(r"(?:[\w:](?:[\w.:-]*[\w:-])?)?\Z")
#: the datatype of a plain literal ("x", written without ^^)
XSD_STRING = XSD.string
_OX_POSITION = re.compile(r"^Parser error (?:at line \d+ (?:column \d+|between columns \d+ and \d+)"
                          r"|between line \d+ column \d+ and line \d+ column \d+): ")


def namespaces(prefixes: Mapping[str, str]) -> List[Tuple[str, str]]:
    """(namespace, prefix) pairs, longest namespace first, so a nested namespace wins."""
    return sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1]))


NAMESPACES = namespaces(PREFIXES)


def shorten(iri: str, namespaces: Sequence[Tuple[str, str]] = NAMESPACES) -> str:
    """``prefix:local`` with the longest matching namespace, else ``<iri>``.

    Args:
        iri: the IRI.
        namespaces: (namespace, prefix) pairs, longest first; default: the contract's PREFIXES.

    >>> shorten("https://w3id.org/diplokg/id/kazakhstan")
    'dkgr:kazakhstan'
    """
    for ns, prefix in namespaces:
        if iri.startswith(ns) and _LOCAL.match(iri, len(ns)):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def ontology_dir() -> Path:
    """The folder holding the project's diplokg.ttl and shapes.ttl.

    An installed wheel ships it as package data in ``kg/ontology``; an editable checkout has it
    at ``<repo>/ontology``. A folder counts only if it holds one of the two files, so an
    unrelated ``site-packages/ontology`` is never taken for ours.

    Raises:
        DataError: neither place has the ontology (a packaging bug).
    """
    package = Path(__file__).resolve().parents[2]
    candidates = (package / "ontology", package.parent / "ontology")
    for folder in candidates:
        if (folder / "shapes.ttl").is_file() or (folder / "diplokg.ttl").is_file():
            return folder
    raise DataError(candidates[0], f"no diplokg.ttl or shapes.ttl here nor in {candidates[1]}; "
                                   "reinstall diplokg")


def format_of(path: Path) -> ox.RdfFormat:
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(path, f"unknown graph format {path.suffix!r}; use .ttl, .nt, .trig, .nq or .jsonld")
    if path.is_dir():
        raise GraphError(path, "is a folder, not a graph file")
    if not path.exists():
        raise GraphError(path, "no such file")
    return fmt


def parse_error(path: Path, fmt: ox.RdfFormat, exc: SyntaxError) -> GraphError:
    message = _OX_POSITION.sub("", exc.msg or str(exc))
    if "LoadDocumentCallback" in message:
        message = "it names a remote @context, which kg does not fetch; inline the context"
    where = f"line {exc.lineno}, column {exc.offset}: " if exc.lineno else ""
    return GraphError(path, f"not valid {fmt.name}: {where}{' '.join(message.split())}")


def read_error(path: Path, exc: OSError) -> GraphError:
    return GraphError(path, f"cannot read ({exc.strerror or exc})")


def load_store(path: PathLike) -> ox.Store:
    """An in-memory pyoxigraph store holding the export at *path*, its format taken from the extension.

    Raises:
        GraphError: missing file, unknown extension, unreadable file, or a syntax error
            ("not valid Turtle: line 12, column 5: ...").
    """
    path = Path(path)
    fmt = format_of(path)
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise parse_error(path, fmt, exc) from None
    except OSError as exc:
        raise read_error(path, exc) from None
    return store


