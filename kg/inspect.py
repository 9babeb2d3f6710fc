"""Look inside an export: the library behind ``kg query``, ``kg validate`` and ``kg stats``.

Queries and counts run on pyoxigraph, which parses a 200,000-triple export in about 0.4 s;
rdflib (about 9 s for the same file) is imported only by :func:`validate`, because pyshacl
needs it, and is fed from pyoxigraph's parser (about twice as fast as rdflib's own).

Every function returns text; ``run_query`` and ``stats`` end theirs with a newline, so the
CLI prints them with ``nl=False``. TriG and N-Quads exports are read whole: queries see the
union of all their graphs.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import pyoxigraph as ox

from .errors import DataError, GraphError, UsageError
from .graphio import FORMAT_BY_SUFFIX
from .vocab import PREFIXES

if TYPE_CHECKING:  # rdflib is imported lazily, by validate() only
    import rdflib

__all__ = ["FORMATS", "load_store", "run_query", "validate", "stats", "ontology_dir", "shorten"]

PathLike = Union[str, Path]
FORMATS = ("table", "csv", "tsv", "json")
_RESULTS_FORMAT = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}
# A local name that can be pasted back into a query as prefix:local (a cautious PN_LOCAL).
_LOCAL = re.compile(r"(?:[\w:](?:[\w.:-]*[\w:-])?)?\Z")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_OX_POSITION = re.compile(r"^Parser error (?:at line \d+ (?:column \d+|between columns \d+ and \d+)"
                          r"|between line \d+ column \d+ and line \d+ column \d+): ")
_SPARQL_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_CONTROL = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
_NODE_KINDS = {"IRI": "an IRI", "Literal": "a literal", "BlankNode": "a blank node",
               "BlankNodeOrIRI": "an IRI or blank node", "IRIOrLiteral": "an IRI or literal",
               "BlankNodeOrLiteral": "a blank node or literal"}


def _namespaces(prefixes: Mapping[str, str]) -> List[Tuple[str, str]]:
    """(namespace, prefix) pairs, longest namespace first, so a nested namespace wins."""
    return sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1]))


_NAMESPACES = _namespaces(PREFIXES)


def shorten(iri: str, namespaces: Sequence[Tuple[str, str]] = _NAMESPACES) -> str:
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
    package = Path(__file__).resolve().parent
    candidates = (package / "ontology", package.parent / "ontology")
    for folder in candidates:
        if (folder / "shapes.ttl").is_file() or (folder / "diplokg.ttl").is_file():
            return folder
    raise DataError(candidates[0], f"no diplokg.ttl or shapes.ttl here nor in {candidates[1]}; "
                                   "reinstall diplokg")


def _format_of(path: Path) -> ox.RdfFormat:
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(path, f"unknown graph format {path.suffix!r}; use .ttl, .nt, .trig, .nq or .jsonld")
    if path.is_dir():
        raise GraphError(path, "is a folder, not a graph file")
    if not path.exists():
        raise GraphError(path, "no such file")
    return fmt


def _parse_error(path: Path, fmt: ox.RdfFormat, exc: SyntaxError) -> GraphError:
    message = _OX_POSITION.sub("", exc.msg or str(exc))
    if "LoadDocumentCallback" in message:
        message = "it names a remote @context, which kg does not fetch; inline the context"
    where = f"line {exc.lineno}, column {exc.offset}: " if exc.lineno else ""
    return GraphError(path, f"not valid {fmt.name}: {where}{' '.join(message.split())}")


def _read_error(path: Path, exc: OSError) -> GraphError:
    return GraphError(path, f"cannot read ({exc.strerror or exc})")


def load_store(path: PathLike) -> ox.Store:
    """An in-memory pyoxigraph store holding the export at *path*, its format taken from the extension.

    Raises:
        GraphError: missing file, unknown extension, unreadable file, or a syntax error
            ("not valid Turtle: line 12, column 5: ...").
    """
    path = Path(path)
    fmt = _format_of(path)
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise _parse_error(path, fmt, exc) from None
    except OSError as exc:
        raise _read_error(path, exc) from None
    return store


# --- kg query ------------------------------------------------------------------------------

def run_query(path: PathLike, sparql: str, fmt: str = "table") -> str:
    """Run a SPARQL query on an export and return the results as text ending in a newline.

    The contract's prefixes (PREFIXES) are predeclared; a PREFIX line in the query wins over
    them. SELECT gives an aligned table (IRIs as prefix:local, literals as their lexical value)
    ending in "N rows", or SPARQL 1.1 CSV, TSV or JSON results; ASK gives "true" or "false"
    (JSON: the boolean results document); CONSTRUCT and DESCRIBE give Turtle. Rows keep the
    engine's order unless the query has an ORDER BY.

    Args:
        path: the export (.ttl, .nt, .trig, .nq, .jsonld); its named graphs are queried as one.
        sparql: the query.
        fmt: "table", "csv", "tsv" or "json"; CONSTRUCT and DESCRIBE take "table" only.

    Raises:
        UsageError: unknown format, SPARQL syntax error, a query that cannot run, or a
            format that does not fit the query form.
        GraphError: the export cannot be read.
    """
    if fmt not in FORMATS:
        raise UsageError(None, f"unknown format {fmt!r}; use table, csv, tsv or json")
    store = load_store(path)
    try:
        # prefixes= rather than prepended PREFIX lines keeps error positions on the user's lines.
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            if fmt == "table":
                return f"{'true' if bool(result) else 'false'}\n"
            return _ending(result.serialize(format=_RESULTS_FORMAT[fmt]).decode("utf-8"))
        if isinstance(result, ox.QueryTriples):
            if fmt != "table":
                raise UsageError("query", f"format {fmt!r} is for SELECT and ASK results; "
                                          "CONSTRUCT and DESCRIBE print Turtle, so leave the format out")
            return _turtle(result)
        if fmt == "table":
            return _solutions_table(result)
        return _ending(result.serialize(format=_RESULTS_FORMAT[fmt]).decode("utf-8"))
    except SyntaxError as exc:
        raise UsageError("query", _syntax_message(exc.msg or str(exc), sparql)) from None
    except (OSError, RuntimeError) as exc:  # a failing SERVICE call, an unsupported function
        raise UsageError("query", f"cannot run the query: {' '.join(str(exc).split())}") from None


_CHAR_CLASSES = re.compile(r"(?:,\s*)?\[[^\]]*\](?:\s*\|\s*\[[^\]]*\])*")


def _syntax_message(message: str, sparql: str) -> str:
    """A SPARQL syntax error in one line with its position, without the parser's lists of
    character ranges; an undeclared prefix is named, with how to declare it."""
    position = _SPARQL_POSITION.match(message)
    where, rest = "", message
    if position:
        where, rest = f"line {position[1]}, column {position[2]}: ", message[position.end():]
    if "Prefix not found" in rest and position:
        line = sparql.splitlines()[int(position[1]) - 1] if sparql.splitlines() else ""
        found = re.findall(r"([A-Za-z][\w.-]*|):", line[:int(position[2])])
        name = found[-1] if found else ""
        known = ", ".join(sorted(PREFIXES))
        return (f"SPARQL syntax error: {where}unknown prefix '{name}:'; declare it with "
                f"PREFIX {name}: <...> (predeclared: {known})")
    rest = _CHAR_CLASSES.sub("", rest)
    rest = " ".join(rest.split()).rstrip(",; ")
    return f"SPARQL syntax error: {where}{rest}"


def _ending(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


class _Labels:
    """Short, readable cells: prefixed IRIs, lexical values, and blank nodes renumbered in order
    of appearance (pyoxigraph's own labels are random, so would change from run to run)."""

    def __init__(self) -> None:
        self.blanks: Dict[str, str] = {}

    def blank(self, node: ox.BlankNode) -> str:
        return self.blanks.setdefault(node.value, f"b{len(self.blanks) + 1}")

    def cell(self, term: object) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            return shorten(term.value)
        if isinstance(term, ox.BlankNode):
            return f"_:{self.blank(term)}"
        if isinstance(term, ox.Literal):
            return term.value.translate(_CONTROL)  # one row stays one line
        if isinstance(term, ox.Triple):
            return f"<< {self.cell(term.subject)} {self.cell(term.predicate)} {self.cell(term.object)} >>"
        return str(term)


def _solutions_table(solutions: ox.QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    labels = _Labels()
    rows = [[labels.cell(solution[name]) for name in names] for solution in solutions]
    noun = "row" if len(rows) == 1 else "rows"
    return _table(names, rows) + f"{len(rows)} {noun}\n"


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: wide East Asian characters count 2, combining marks 0."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool] = ()) -> str:
    """Header, a rule of dashes, then rows; columns two spaces apart, trailing blanks trimmed."""
    right = list(right) or [False] * len(headers)
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [" " * (w - _width(c)) + c if r else c + " " * (w - _width(c))
                  for c, w, r in zip(cells, widths, right)]
        return "  ".join(padded).rstrip() + "\n"

    return "".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def _turtle(triples: Iterable[ox.Triple]) -> str:
    """Turtle for a CONSTRUCT or DESCRIBE result: the engine's order, each subject's triples
    brought together, blank nodes renumbered, and only the prefixes it uses declared."""
    labels = _Labels()
    by_subject: Dict[object, List[ox.Triple]] = {}
    seen = set()
    used: Dict[str, str] = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            return ox.BlankNode(labels.blank(t))
        if isinstance(t, ox.Triple):
            return ox.Triple(term(t.subject), term(t.predicate), term(t.object))
        if isinstance(t, ox.Literal):
            if t.language or t.datatype.value == _XSD_STRING:  # written "x" or "x"@en
                return t
            iri = t.datatype.value
        else:
            iri = t.value
        short = shorten(iri)
        if not short.startswith("<"):
            prefix = short.split(":", 1)[0]
            used[prefix] = PREFIXES[prefix]
        return t

    for triple in triples:
        if triple in seen:
            continue
        seen.add(triple)
        renamed = ox.Triple(term(triple.subject), term(triple.predicate), term(triple.object))
        by_subject.setdefault(renamed.subject, []).append(renamed)
    if not by_subject:
        return "# no triples\n"
    ordered = [t for group in by_subject.values() for t in group]
    prefixes = {p: used[p] for p in sorted(used)}
    return _ending(ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8"))


# --- kg stats ------------------------------------------------------------------------------

def _count_rows(store: ox.Store, sparql: str) -> List[List[str]]:
    rows = []
    for solution in store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True):
        name, count = solution[0], solution[1]
        rows.append([shorten(name.value) if isinstance(name, ox.NamedNode) else str(name), count.value])
    rows.sort(key=lambda r: (-int(r[1]), r[0]))
    return rows


def stats(path: PathLike) -> str:
    """Counts of an export: instances per class, triples per property, and totals.

    Both tables are sorted by count, largest first, then by name; names are prefixed.
    In a TriG or N-Quads export a triple asserted in several graphs counts once.

    Raises:
        GraphError: the export cannot be read.
    """
    store = load_store(path)
    # A graph is a set, so DISTINCT (a sort over every triple) is needed only across graphs.
    several = any(True for _ in store.named_graphs())
    triples = "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }" if several else "{ ?s ?p ?o }"
    classes = _count_rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdf:type ?c } GROUP BY ?c")
    properties = _count_rows(store, f"SELECT ?p (COUNT(*) AS ?n) WHERE {triples} GROUP BY ?p")
    subjects = next(iter(store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
                                     use_default_graph_as_union=True)))[0].value
    triples_total = str(sum(int(r[1]) for r in properties))
    width = max(len(triples_total), len(subjects))
    return "\n".join([_table(["class", "instances"], classes, [False, True]),
                      _table(["property", "triples"], properties, [False, True]),
                      f"triples   {triples_total:>{width}}\nsubjects  {subjects:>{width}}\n"])


# --- kg validate ---------------------------------------------------------------------------

def _rdflib_graph(path: Path) -> Tuple["rdflib.Graph", Dict[str, str]]:
    """An rdflib graph of *path* (all its graphs merged) and the prefixes the file declares;
    parsed by pyoxigraph for speed and for the same error messages as the other commands."""
    from rdflib import BNode, Graph, Literal, URIRef

    fmt = _format_of(path)
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
                         if t.datatype.value == _XSD_STRING else Literal(t.value, datatype=URIRef(t.datatype.value)))
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
        raise _parse_error(path, fmt, exc) from None
    except OSError as exc:
        raise _read_error(path, exc) from None
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
        shape_names = _namespaces({**shapes_prefixes, **PREFIXES})
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
    from rdflib import Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
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
        return text if term.datatype is None or str(term.datatype) == _XSD_STRING else f"{text}^^{shorten(str(term.datatype))}"
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
