"""``kg query`` and ``kg stats``: SPARQL on an export, and the results as text.

SELECT results print as an aligned table (IRIs as prefix:local, blank nodes renumbered) or as
SPARQL 1.1 CSV, TSV or JSON; CONSTRUCT and DESCRIBE as Turtle; a syntax error as one line with
its position. ``stats`` counts instances per class and triples per property.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Dict, Iterable, List, Sequence

import pyoxigraph as ox

from ...errors import UsageError
from ...vocab import PREFIXES
from .store import XSD_STRING, PathLike, load_store, shorten

__all__ = ["FORMATS", "run_query", "stats"]

FORMATS = ("table", "csv", "tsv", "json")
_RESULTS_FORMAT = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}
_SPARQL_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_CONTROL = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


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
            if t.language or t.datatype.value == XSD_STRING:  # written "x" or "x"@en
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


