"""A graph's triples as plain strings, grouped by subject: the compact form a build works in.

A big build holds millions of triples. As ``pyoxigraph.Triple`` objects in a set they cost
about 750 bytes each and sorting them means a Python key per triple; here a triple is a
``(predicate, object)`` pair of strings filed under its subject, and the strings are shared
(an evidence sentence on forty statements is one string). Order is made only when asked for:
subjects sorted, then each subject's few pairs, which is what the serialisers need.

Terms are kept in N-Triples syntax where it matters for order and output:

- a subject is its IRI (``https://...``) or a blank node label (``_:b0``);
- a predicate is its IRI;
- an object is an N-Triples term: ``<https://...>``, ``"text"@en``, ``"2024"^^<...#gYear>``.

The sort order is the one the exports have always had: (subject IRI, predicate IRI, object
in N-Triples), so the same input gives the same bytes.

>>> t = TripleTable()
>>> t.add("https://ex.org/b", "https://ex.org/p", t.literal("two"))
>>> t.add("https://ex.org/a", "https://ex.org/p", t.iri("https://ex.org/b"))
>>> t.add("https://ex.org/a", "https://ex.org/p", t.iri("https://ex.org/b"))
>>> len(t)
2
>>> [str(x) for x in t][0]
'<https://ex.org/a> <https://ex.org/p> <https://ex.org/b>'
"""
from __future__ import annotations

from typing import Dict, Iterable, Iterator, List, Optional, Tuple

import pyoxigraph as ox

__all__ = ["TripleTable", "value_of"]

#: rows handed to pyoxigraph's parser at a time when triples are asked for as objects
CHUNK = 20000

Pair = Tuple[str, str]


def value_of(obj: str) -> str:
    r"""The lexical value of an N-Triples object term: the IRI, or the literal's text unescaped.

    >>> value_of('<https://ex.org/a>'), value_of('"say \\"hi\\""@en'), value_of('"2024"^^<x:y>')
    ('https://ex.org/a', 'say "hi"', '2024')
    """
    if obj.startswith("<"):
        return obj[1:-1]
    if obj.startswith("_:"):
        return obj
    # the parser knows every escape N-Triples allows
    return next(iter(ox.parse(f"<x:s> <x:p> {obj} .\n", format=ox.RdfFormat.N_TRIPLES))).object.value


def _subject_nt(s: str) -> str:
    return s if s.startswith("_:") else "<" + s + ">"


class TripleTable:
    """Triples as ``subject -> [(predicate, object)]`` with shared strings; see the module doc.

    Adding is cheap and keeps duplicates; they go when the table is first read (``len``,
    iteration, :meth:`rows`). Iterating gives ``pyoxigraph.Triple`` objects in sorted order,
    made a chunk at a time, so any code that takes an iterable of triples takes a table.
    """

    def __init__(self) -> None:
        self._subjects: Dict[str, List[Pair]] = {}
        self._order: Optional[List[str]] = None
        self._size = 0
        self._lits: Dict[Tuple[str, Optional[str], Optional[str]], str] = {}
        self._iris: Dict[str, str] = {}
        self._values: Dict[str, str] = {}      # literal in N-Triples -> its text

    # ------------------------------------------------------------------ terms
    def iri(self, value: str) -> str:
        """``<value>``, shared: the same IRI as object of many triples is one string."""
        got = self._iris.get(value)
        if got is None:
            got = self._iris[value] = "<" + value + ">"
        return got

    def literal(self, text: str, lang: Optional[str] = None, datatype: Optional[str] = None) -> str:
        """A literal in N-Triples syntax, escaped as pyoxigraph escapes it; shared like IRIs."""
        key = (text, lang, datatype)
        got = self._lits.get(key)
        if got is None:
            if lang:
                term = ox.Literal(text, language=lang)
            elif datatype:
                term = ox.Literal(text, datatype=ox.NamedNode(datatype))
            else:
                term = ox.Literal(text)
            got = self._lits[key] = str(term)
            self._values[got] = term.value
        return got

    # ------------------------------------------------------------------ input
    def add(self, s: str, p: str, o: str) -> None:
        """Add (subject IRI, predicate IRI, object in N-Triples). Duplicates are dropped later."""
        pairs = self._subjects.get(s)
        if pairs is None:
            self._subjects[s] = [(p, o)]
        else:
            pairs.append((p, o))
        self._order = None

    def add_triple(self, t: ox.Triple) -> None:
        s, o = t.subject, t.object
        o_nt = str(o)
        if isinstance(o, ox.Literal):
            self._values.setdefault(o_nt, o.value)
        self.add(s.value if isinstance(s, ox.NamedNode) else str(s), t.predicate.value, o_nt)

    def value(self, obj: str) -> str:
        """The lexical value of an object of this table (see :func:`value_of`)."""
        got = self._values.get(obj)
        return got if got is not None else value_of(obj)

    @classmethod
    def from_triples(cls, triples: Iterable[ox.Triple]) -> "TripleTable":
        """A table holding these triples (read from a file, say)."""
        if isinstance(triples, TripleTable):
            return triples
        table = cls()
        for t in triples:
            table.add_triple(t)
        return table

    # ------------------------------------------------------------------ order
    def _sort(self) -> List[str]:
        if self._order is None:
            size = 0
            for s, pairs in self._subjects.items():
                if len(pairs) > 1:
                    pairs = sorted(set(pairs))
                    self._subjects[s] = pairs
                size += len(pairs)
            self._order = sorted(self._subjects)
            self._size = size
        return self._order

    def __len__(self) -> int:
        self._sort()
        return self._size

    def __bool__(self) -> bool:
        return bool(self._subjects)

    def __contains__(self, t: ox.Triple) -> bool:
        s = t.subject
        pairs = self._subjects.get(s.value if isinstance(s, ox.NamedNode) else str(s), ())
        return (t.predicate.value, str(t.object)) in pairs

    def subjects(self) -> List[str]:
        """Subject IRIs (blank nodes as ``_:label``), sorted."""
        return list(self._sort())

    def pairs(self, subject: str) -> List[Pair]:
        """The sorted (predicate, object) pairs of a subject; empty when it has none."""
        self._sort()
        return self._subjects.get(subject, [])

    def rows(self) -> Iterator[Tuple[str, str, str]]:
        """(subject, predicate, object) strings in sorted order."""
        subjects = self._subjects
        for s in self._sort():
            for p, o in subjects[s]:
                yield s, p, o

    # ------------------------------------------------------------------ output
    def ntriples_chunks(self, rows: int = CHUNK) -> Iterator[str]:
        """The graph as N-Triples text, sorted, in chunks of about ``rows`` lines."""
        subjects = self._subjects
        preds: Dict[str, str] = {}
        lines: List[str] = []
        for s in self._sort():
            s_nt = _subject_nt(s)
            for p, o in subjects[s]:
                p_nt = preds.get(p)
                if p_nt is None:
                    p_nt = preds[p] = "<" + p + ">"
                lines.append(f"{s_nt} {p_nt} {o} .\n")
            if len(lines) >= rows:
                yield "".join(lines)
                lines = []
        if lines:
            yield "".join(lines)

    def ntriples(self) -> bytes:
        """The whole graph as N-Triples bytes (what pyoxigraph would write for it)."""
        return "".join(self.ntriples_chunks()).encode("utf-8")

    def __iter__(self) -> Iterator[ox.Triple]:
        for chunk in self.ntriples_chunks():
            for quad in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES):
                yield quad.triple
