"""Topics from a controlled vocabulary: IPTC Media Topics, and how news English words them.

Two tables in ``kg/data`` (sources and licences in ``kg/data/SOURCES.md``):

- ``topic_vocabulary.tsv``: the concepts (code, label, broader, alt, source), generated from IPTC
  Media Topics by ``kg/generate/gen_topics.py``;
- ``topic_wording.tsv``: general English terms for subject areas, each mapped to one concept
  (wording, code, source).

A topic is always a concept of the vocabulary; the text's own wording is what an export keeps
as ``skos:altLabel``. Both tables are read once and checked row by row (a bad row raises
:class:`kg.errors.DataError` with the file and line).

``lookup(wording)`` matches a wording of the table, ignoring case, a leading article, hyphens and
spaces inside compounds ("counter-terrorism", "counter terrorism", "counterterrorism"), plural
and singular, and British and American spelling ("defence", "defense"; "-isation", "-ization").

One module per part:

- :mod:`.words`: the matching key of a wording (case, articles, plurals, spelling);
- :mod:`.table`: :class:`Concept`, :class:`TopicTable`, reading and checking the two tables,
  :func:`get_topics` and the look-ups on the package's own tables;
- :mod:`.rule`: the head-noun rule of :func:`head_lookup`.

Example::

    >>> head_lookup("cooperation in renewable energy sources").label
    'renewable energy'
    >>> head_lookup("he said") is None
    True
"""
from .rule import is_clause
from .table import (DATA_DIR, Concept, TopicTable, concept, get_topics, head_lookup, load_topics, lookup,
                    topics_in)

__all__ = ["Concept", "TopicTable", "load_topics", "get_topics", "concept", "lookup",
           "head_lookup", "topics_in", "is_clause", "DATA_DIR"]
