"""TripleTable: the strings a build keeps its triples in must give exactly the graph, and the
bytes, that pyoxigraph gives for the same triples."""
from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest

import kg.model.triples
from kg.model.triples import TripleTable, value_of

EX = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

AWKWARD = ['plain', 'with "quotes" and \\ backslash', "line\nbreak\tand tab\r", "é ü 中文 ✓",
           "</script><b>", "ends with a backslash \\", "\u2028 separator", "\x01 control"]


def _triples():
    out = []
    for i, text in enumerate(AWKWARD):
        s = ox.NamedNode(f"{EX}s{i % 3}")
        out.append(ox.Triple(s, ox.NamedNode(EX + "label"), ox.Literal(text, language="en")))
        out.append(ox.Triple(s, ox.NamedNode(EX + "note"), ox.Literal(text)))
        out.append(ox.Triple(s, ox.NamedNode(EX + "link"), ox.NamedNode(f"{EX}s{(i + 1) % 3}")))
    out.append(ox.Triple(ox.NamedNode(EX + "s1"), ox.NamedNode(EX + "date"),
                         ox.Literal("2024-07", datatype=ox.NamedNode(XSD + "gYearMonth"))))
    # a subject that is a prefix of another, and objects that are prefixes of others
    out.append(ox.Triple(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "link"), ox.NamedNode(EX + "s1")))
    out.append(ox.Triple(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "link"), ox.NamedNode(EX + "s")))
    return out


def _sorted(triples):
    return sorted(set(triples), key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))


def _table_by_adding(triples) -> TripleTable:
    """A table filled the way the graph model fills it: strings and the table's term makers."""
    table = TripleTable()
    for t in triples:
        o = t.object
        if isinstance(o, ox.NamedNode):
            term = table.iri(o.value)
        elif o.language:
            term = table.literal(o.value, o.language)
        elif o.datatype.value != XSD + "string":
            term = table.literal(o.value, datatype=o.datatype.value)
        else:
            term = table.literal(o.value)
        table.add(t.subject.value, t.predicate.value, term)
    return table


@pytest.mark.parametrize("make", [_table_by_adding, TripleTable.from_triples])
def test_table_holds_the_triples_sorted_and_once(make):
    triples = _triples()
    table = make(triples + triples[:5])           # duplicates are dropped
    want = _sorted(triples)
    assert len(table) == len(want)
    assert list(table) == want
    assert all(t in table for t in want)
    assert ox.Triple(ox.NamedNode(EX + "s9"), ox.NamedNode(EX + "label"), ox.Literal("x")) not in table


@pytest.mark.parametrize("make", [_table_by_adding, TripleTable.from_triples])
def test_table_serialises_to_the_bytes_pyoxigraph_writes(make):
    want = _sorted(_triples())
    table = make(_triples())
    assert table.ntriples() == ox.serialize(want, format=ox.RdfFormat.N_TRIPLES)
    assert ox.serialize(table, format=ox.RdfFormat.TURTLE) == ox.serialize(want, format=ox.RdfFormat.TURTLE)


def test_rows_give_strings_and_values_round_trip():
    table = _table_by_adding(_triples())
    rows = list(table.rows())
    assert rows == [(t.subject.value, t.predicate.value, str(t.object)) for t in _sorted(_triples())]
    by_nt = {str(t.object): t.object.value for t in _triples()}
    for _, _, o in rows:
        assert table.value(o) == by_nt[o]
        assert value_of(o) == by_nt[o]          # without the table's memory of its literals


def test_chunks_split_between_subjects_and_join_to_the_whole():
    table = _table_by_adding(_triples())
    chunks = list(table.ntriples_chunks(rows=2))
    assert len(chunks) > 1 and "".join(chunks).encode() == table.ntriples()
    # a subject's triples are never split between chunks
    subjects = [{line.split(" ", 1)[0] for line in chunk.splitlines()} for chunk in chunks]
    assert sum(map(len, subjects)) == len(set().union(*subjects))


def test_adding_after_reading_sorts_again():
    table = TripleTable()
    table.add(EX + "b", EX + "p", table.literal("1"))
    assert len(table) == 1
    table.add(EX + "a", EX + "p", table.literal("2"))
    assert table.subjects() == [EX + "a", EX + "b"] and len(table) == 2
    assert not TripleTable() and table


def test_module_examples():
    assert doctest.testmod(kg.model.triples).failed == 0
