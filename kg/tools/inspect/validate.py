"""``kg validate``: an export checked against SHACL shapes, one sorted line a problem.

rdflib and pyshacl are imported only here, when a validation runs; the export is parsed by
pyoxigraph (faster, and with the same error messages as the other commands) and handed over.
Each result becomes "focus: message (shape)", the message the shape's own or one built from
the constraint.
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Dict, Iterator, List, Optional, Sequence, Tuple

import pyoxigraph as ox

from ...errors import DataError, GraphError
from ...vocab import PREFIXES
from .store import XSD_STRING, PathLike, format_of, namespaces, ontology_dir, parse_error, read_error, shorten

if TYPE_CHECKING:  # rdflib is imported lazily, by validate() only
    import rdflib

__all__ = ["validate"]

_NODE_KINDS = {"IRI": "an IRI", "Literal": "a literal", "BlankNode": "a blank node",
               "BlankNodeOrIRI": "an IRI or blank node", "IRIOrLiteral": "an IRI or literal",
               "BlankNodeOrLiteral": "a blank node or literal"}


def _rdflib_graph(path: Path) -> Tuple["rdflib.Graph", Dict[str, str]]:
    """An rdflib graph of *path* (all its graphs merged) and the prefixes the file declares;
    parsed by pyoxigraph for speed and for the same error messages as the other commands."""
    from rdflib import BNode, Graph, Literal, URIRef

    fmt = format_of(path)
    cache: Dict[object, object] = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                found = BNode(t.value)
            elif isinstance(t, ox.Literal):
                # rdflib tells "x" from "x"^^xsd:string; its own parser gives the plain form.
                found = (Literal(t.value, lang=t.language) if t.language else Literal(t.value)
                         if t.datatype.value == XSD_STRING else Literal(t.value, datatype=URIRef(t.datatype.value)))
            else:
                raise GraphError(path, "holds RDF-star triple terms, which SHACL validation cannot check")
            cache[t] = found
        return found

    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    parser = ox.parse(path=str(path), format=fmt)
    try:
        graph.addN((term(q.subject), term(q.predicate), term(q.object), graph) for q in parser)
    except SyntaxError as exc:
        raise parse_error(path, fmt, exc) from None
    except OSError as exc:
        raise read_error(path, exc) from None
    return graph, dict(parser.prefixes)


def validate(path: PathLike, shapes: Optional[PathLike] = None, *, warnings: bool = False) -> List[str]:
    """Check an export against SHACL shapes; one sorted line per violation, [] when it conforms.

    A line reads "focus: message (shape)": ``dkgr:visit-x: Event has no prov:wasDerivedFrom
    (dkg:EventProvenanceShape)``. The message is the shape's sh:message when it has one, else
    built from the path and the constraint; the shape is the named shape the failing one
    belongs to. sh:targetClass reaches subclasses through the rdfs:subClassOf triples of the
    shapes file and, with the default shapes, of the project ontology (diplokg.ttl).

    Args:
        path: the export.
        shapes: a SHACL file; default: shapes.ttl in :func:`ontology_dir`.
        warnings: also report sh:Warning and sh:Info results, marked "[warning]" / "[info]".

    Raises:
        GraphError: the export or the shapes file cannot be read.
        DataError: no shapes given and the project's shapes.ttl cannot be found.
    """
    import pyshacl
    from rdflib import RDFS

    if shapes is None:
        folder = ontology_dir()
        shapes_path = folder / "shapes.ttl"
        if not shapes_path.is_file():
            raise DataError(shapes_path, "missing from the package; reinstall diplokg")
        ontology = folder / "diplokg.ttl"
    else:
        shapes_path, ontology = Path(shapes), None
    # An ill-typed literal ("2024-13-45"^^xsd:date) is a violation to report, but rdflib also
    # logs it with a traceback; a user would take that for a crash.
    with _quiet("rdflib.term"):
        shapes_graph, shapes_prefixes = _rdflib_graph(shapes_path)
        data, _ = _rdflib_graph(Path(path))
        # SHACL looks for the class hierarchy in the data graph; an export does not repeat it.
        hierarchy = list(shapes_graph.triples((None, RDFS.subClassOf, None)))
        if ontology is not None and ontology.is_file():
            hierarchy += _rdflib_graph(ontology)[0].triples((None, RDFS.subClassOf, None))
        for triple in hierarchy:
            data.add(triple)
        _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", inplace=True)
        # Shapes may live in a namespace of their own (dkgsh:): name them with the file's prefixes.
        shape_names = namespaces({**shapes_prefixes, **PREFIXES})
        return _report_lines(report, shapes_graph, shape_names, warnings)


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    logger = logging.getLogger(logger_name)
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


def _report_lines(report: "rdflib.Graph", shapes: "rdflib.Graph", shape_names: Sequence[Tuple[str, str]],
                  warnings: bool) -> List[str]:
    from rdflib.namespace import SH
    lines = set()
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        marker = ""
        if severity != SH.Violation:
            if not warnings:
                continue
            marker = f" [{_local(str(severity)).lower()}]"
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        message = " ".join(_message(report, shapes, result, SH).split())
        lines.add(f"{_node(focus)}: {message} ({_shape_name(shapes, shape, SH, shape_names)}){marker}")
    return sorted(lines)


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _node(term: object) -> str:
    """A term as a user would type it in Turtle, IRIs shortened."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return shorten(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if term.language:
            return f"{text}@{term.language}"
        return text if term.datatype is None or str(term.datatype) == XSD_STRING else f"{text}^^{shorten(str(term.datatype))}"
    return str(term)


def _shape_name(shapes: "rdflib.Graph", shape: object, SH, names: Sequence[Tuple[str, str]]) -> str:
    from rdflib import URIRef

    if isinstance(shape, URIRef):
        return shorten(str(shape), names)
    parents = sorted(str(p) for p in shapes.subjects(SH.property, shape) if isinstance(p, URIRef))
    return shorten(parents[0], names) if parents else "anonymous shape"


def _path(graph: "rdflib.Graph", node: object, SH) -> str:
    """A SHACL property path in SPARQL's syntax: p, ^p, p/q, (p|q), p*, p+, p?."""
    from rdflib import RDF, URIRef
    from rdflib.collection import Collection

    if node is None:
        return ""
    if isinstance(node, URIRef):
        return shorten(str(node))
    if graph.value(node, RDF.first) is not None:
        return "/".join(_path(graph, n, SH) for n in Collection(graph, node))
    for key, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                          (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(node, key)
        if inner is not None:
            return template.format(_path(graph, inner, SH))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(graph, n, SH) for n in Collection(graph, alternatives)) + ")"
    return f"_:{node}"


def _either(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _message(report: "rdflib.Graph", shapes: "rdflib.Graph", result: object, SH) -> str:
    """The shape's own sh:message, else a sentence built from the constraint, else pyshacl's."""
    from rdflib import Literal, URIRef
    from rdflib.collection import Collection

    shape = report.value(result, SH.sourceShape)
    constraint = report.value(result, SH.sourceConstraint)
    texts = [m for m in report.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    own = shape is not None and any(True for _ in shapes.objects(shape, SH.message)) or (
        constraint is not None and any(True for _ in shapes.objects(constraint, SH.message)))
    if texts and own:
        return str(min(texts, key=lambda m: (m.language not in ("en", None), m.language or "", str(m))))

    component = str(report.value(result, SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
    path = _path(shapes, report.value(result, SH.resultPath), SH)
    value = report.value(result, SH.value)
    focus = report.value(result, SH.focusNode)
    what = (f"{path} {_node(value)}" if path else _node(value if value is not None else focus)).strip()
    owners = [shape] + list(shapes.subjects(SH.property, shape))
    classes = sorted({str(c) for s in owners for c in shapes.objects(s, SH.targetClass)})
    noun = f"{_local(classes[0])} " if len(classes) == 1 else ""

    def param(key: object) -> object:
        return shapes.value(shape, key)

    def datatype_of(term: object) -> str:
        if not isinstance(term, Literal):
            return "an IRI" if isinstance(term, URIRef) else "a blank node"
        if term.language:
            return "rdf:langString"
        return shorten(str(term.datatype)) if term.datatype is not None else "xsd:string"

    if component == "MinCountConstraintComponent":
        n = int(param(SH.minCount))
        return f"{noun}has no {path}" if n == 1 else f"{noun}has fewer than {n} values of {path}"
    if component == "MaxCountConstraintComponent":
        n = int(param(SH.maxCount))
        return f"{noun}has more than {'one' if n == 1 else n} {path}" + ("" if n == 1 else " values")
    expected: List[str] = []
    if component == "DatatypeConstraintComponent":
        expected = [shorten(str(param(SH.datatype)))]
    elif component == "OrConstraintComponent":  # e.g. xsd:date or xsd:gYearMonth or xsd:gYear
        members = list(Collection(shapes, param(SH["or"])))
        found = [shapes.value(m, SH.datatype) for m in members]
        if all(found):
            expected = [shorten(str(d)) for d in found]
        else:
            found = [shapes.value(m, SH["class"]) for m in members]
            if all(found):
                return f"{what} is not a {_either([shorten(str(c)) for c in found])}"
    if expected:
        actual = datatype_of(value)
        if actual in expected:
            return f"{what} is not a valid {actual}"
        return f"{what} is {actual}, not {_either(expected)}"
    if component == "ClassConstraintComponent":
        return f"{what} is not a {shorten(str(param(SH['class'])))}"
    if component == "NodeKindConstraintComponent":
        return f"{what} is not {_NODE_KINDS.get(_local(str(param(SH.nodeKind))), 'of the right kind')}"
    if component == "InConstraintComponent":
        return f"{what} is not one of {', '.join(_node(v) for v in Collection(shapes, param(SH['in'])))}"
    if component == "HasValueConstraintComponent":
        return f"{noun}has no {(path + ' ') if path else ''}{_node(param(SH.hasValue))}"
    if component == "PatternConstraintComponent":
        return f"{what} does not match /{param(SH.pattern)}/"
    return str(texts[0]) if texts else f"{what} violates {component or 'a constraint'}"
