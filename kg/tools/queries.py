"""Named queries: the analyst's questions, shipped as SPARQL files, with safe parameters.

Each question lives in ``ontology/queries/NAME.rq`` (installed as ``kg/ontology/queries``).
A file opens with comment lines that describe it::

    # title: Who met whom
    # answers: Who met whom, when and where: ...
    # param participant: only meetings with this participant ...; empty for all (default "")
    # param measure: the measure ... (default TradeVolume)

and binds its parameters once, in a VALUES row, from ``{{name}}`` placeholders::

    VALUES (?arg_participant ?arg_with) { ({{participant}} {{with}}) }

:func:`load_query` replaces every placeholder with the parameter's value written as a SPARQL
string literal (:func:`sparql_string`), never as raw text, so a value can only ever be a
string compared inside the query: ``x" } DROP ALL #`` stays the literal it looks like. The
queries turn the string into what they need (a label to match, an IRI to compare with STR).

``kg query GRAPH --named NAME --param key=value`` runs one; ``kg query --list`` lists them.
The functions here return text or data and raise :class:`~kg.errors.UsageError` for a user's
mistake (unknown name or parameter) and :class:`~kg.errors.DataError` for a broken query file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from ..errors import DataError, UsageError
from .inspect import ontology_dir

__all__ = ["QueryParam", "NamedQuery", "queries_dir", "list_queries", "get_query", "load_query",
           "bind", "sparql_string", "parse_params", "describe"]

SUFFIX = ".rq"
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_HEADER = re.compile(r"#\s*(title|answers)\s*:\s*(.*?)\s*\Z")
_PARAM = re.compile(r"#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*?)\s*"
                    r"\(default\s+(\"(?:[^\"\\]|\\.)*\"|[^()\"]*?)\s*\)\s*\Z")
# Control characters other than tab, newline and carriage return have no place in a name.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Backslash first, so the escapes added next are not escaped again. No \uXXXX escapes are
# written: SPARQL engines may expand those before parsing (rdflib does), which would turn an
# escaped quote back into a real one. Every backslash in the output either escapes the next
# character or is itself escaped, so whatever an engine expands stays inside the literal.
_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query.

    Attributes:
        name: what ``--param name=value`` sets.
        description: what it selects, and what leaving it empty does.
        default: the value used when it is not given ("" means: no restriction).
    """

    name: str
    description: str
    default: str


@dataclass(frozen=True)
class NamedQuery:
    """A named query as found in ``ontology/queries``.

    Attributes:
        name: the file name without ``.rq`` (``relations-timeline``).
        title: a short title.
        answers: the question it answers, in a sentence or two.
        params: its parameters, in the order the file declares them.
        path: the ``.rq`` file.
    """

    name: str
    title: str
    answers: str
    params: Tuple[QueryParam, ...]
    path: Path

    @property
    def defaults(self) -> Dict[str, str]:
        """Each parameter's default value, by name."""
        return {p.name: p.default for p in self.params}

    def text(self) -> str:
        """The query as written, placeholders unbound."""
        return _read(self.path)


def queries_dir() -> Path:
    """The folder of named queries: ``queries`` next to the ontology (see :func:`kg.tools.inspect.ontology_dir`).

    Raises:
        DataError: the folder is missing (a packaging bug).
    """
    folder = ontology_dir() / "queries"
    if not folder.is_dir():
        raise DataError(folder, "missing; reinstall diplokg")
    return folder


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def _default(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith('"'):
        return json.loads(raw)
    return raw


def _parse(path: Path) -> NamedQuery:
    """Read the header of a query file and check it against the placeholders it uses."""
    text = _read(path)
    fields: Dict[str, str] = {}
    params: List[QueryParam] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line.startswith("#"):
            break
        header = _HEADER.match(line)
        if header:
            if header[1] in fields:
                raise DataError(path, f"line {number}: a second '# {header[1]}:' line")
            fields[header[1]] = header[2]
            continue
        if re.match(r"#\s*param\b", line):
            param = _PARAM.match(line)
            if not param:
                raise DataError(path, f"line {number}: write '# param NAME: description (default VALUE)'")
            if any(p.name == param[1] for p in params):
                raise DataError(path, f"line {number}: parameter {param[1]!r} declared twice")
            params.append(QueryParam(param[1], param[2], _default(param[3])))
    for key in ("title", "answers"):
        if not fields.get(key):
            raise DataError(path, f"no '# {key}: ...' line at the top")
    declared = {p.name for p in params}
    used = set(_PLACEHOLDER.findall(text))
    if used - declared:
        raise DataError(path, f"placeholder(s) {', '.join(sorted(used - declared))} not declared "
                              "with '# param'")
    if declared - used:
        raise DataError(path, f"parameter(s) {', '.join(sorted(declared - used))} declared but never used")
    return NamedQuery(path.stem, fields["title"], fields["answers"], tuple(params), path)


def list_queries() -> List[NamedQuery]:
    """Every named query, sorted by name.

    Raises:
        DataError: the folder is missing or a file's header is malformed.
    """
    folder = queries_dir()
    return [_parse(path) for path in sorted(folder.glob(f"*{SUFFIX}")) if _NAME.match(path.stem)]


def get_query(name: str) -> NamedQuery:
    """The named query called *name*.

    Raises:
        UsageError: no query has that name.
    """
    path = queries_dir() / f"{name}{SUFFIX}"
    if not isinstance(name, str) or not _NAME.match(name) or not path.is_file():
        raise UsageError(None, f"no query named {name!r}; kg query --list shows them")
    return _parse(path)


def sparql_string(value: str) -> str:
    """*value* as a SPARQL string literal: ``x" }`` becomes ``"x\\" }"``.

    Raises:
        UsageError: the value holds control characters or is not valid Unicode text.
    """
    if not isinstance(value, str):
        raise UsageError(None, f"a parameter value must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(None, f"parameter value {value!r} is not valid Unicode text") from None
    if _CONTROL.search(value):
        raise UsageError(None, f"parameter value {value!r} holds control characters")
    for char, escaped in _ESCAPES:
        value = value.replace(char, escaped)
    return f'"{value}"'


def bind(template: str, values: Mapping[str, str]) -> str:
    """*template* with each ``{{name}}`` replaced by ``values[name]`` as a string literal.

    One pass over the template: a value that itself contains ``{{other}}`` is not expanded.

    Raises:
        UsageError: a placeholder has no value, or a value cannot be a literal.
    """
    literals = {name: sparql_string(value) for name, value in values.items()}

    def replace(match: "re.Match[str]") -> str:
        try:
            return literals[match[1]]
        except KeyError:
            raise UsageError(None, f"no value for parameter {match[1]!r}") from None

    return _PLACEHOLDER.sub(replace, template)


def load_query(name: str, params: Optional[Mapping[str, str]] = None) -> str:
    """The SPARQL text of the named query, its parameters bound.

    Args:
        name: the query's name (``kg query --list`` shows them).
        params: parameter values by name; a parameter left out takes its default. Values are
            stripped of surrounding white space and bound as string literals, never spliced.

    Raises:
        UsageError: no query has that name, it takes no parameter of a given name, or a
            value cannot be bound (control characters).
        DataError: the query file is missing or malformed.
    """
    query = get_query(name)
    values = query.defaults
    for key, value in (params or {}).items():
        if key not in values:
            takes = ", ".join(p.name for p in query.params) or "none"
            raise UsageError(None, f"query {name!r} has no parameter {key!r}; its parameters: {takes}")
        if not isinstance(value, str):
            raise UsageError(None, f"parameter {key!r} must be text, not {type(value).__name__}")
        values[key] = value.strip()
    return bind(query.text(), values)


def parse_params(pairs: Iterable[str]) -> Dict[str, str]:
    """``["key=value", ...]`` (as given to ``--param``) as a dict; the value may hold ``=``.

    Raises:
        UsageError: an item without ``=`` or with an empty key, or a key given twice.
    """
    params: Dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(None, f"--param takes key=value, not {pair!r}")
        if key in params:
            raise UsageError(None, f"--param {key} given twice")
        params[key] = value
    return params


def describe(queries: Optional[Iterable[NamedQuery]] = None) -> str:
    """The text of ``kg query --list``: each query's name and title, what it answers, and its
    parameters with their defaults; ends with a newline."""
    queries = list_queries() if queries is None else list(queries)
    blocks = []
    for query in queries:
        lines = [f"{query.name}: {query.title}", f"    {query.answers}"]
        for param in query.params:
            default = json.dumps(param.default, ensure_ascii=False) if param.default == "" else param.default
            lines.append(f"    --param {param.name}=...  {param.description} (default {default})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "no named queries\n"
