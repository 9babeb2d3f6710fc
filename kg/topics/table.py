"""The two topic tables and the table object every look-up uses.

``topic_vocabulary.tsv`` (the IPTC concepts) and ``topic_wording.tsv`` (the wordings news English
uses, each mapped to a concept) are read and checked here (:func:`load_topics`, a bad row raises
:class:`~kg.errors.DataError` with its file and line); :class:`TopicTable` holds them with the
dictionaries of :meth:`TopicTable.lookup` and :meth:`TopicTable.head_lookup`; :func:`get_topics`
is the package's own, read once, and the functions below it look up in that one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from ..errors import DataError
from ..lexicon.tables import DATA_DIR, read_table
from .rule import all_frame, first_prep, resolve, words_of
from .words import exact_form, match_key

__all__ = ["Concept", "TopicTable", "load_topics", "get_topics", "concept", "lookup", "head_lookup",
           "topics_in", "DATA_DIR", "VOCABULARY_COLUMNS", "WORDING_COLUMNS"]

VOCABULARY_COLUMNS = ("code", "label", "broader", "alt", "source")
WORDING_COLUMNS = ("wording", "code", "source")
_CODE = re.compile(r"medtop:\d{8}")


@dataclass(frozen=True)
class Concept:
    """A subject area of the vocabulary.

    Attributes:
        code: the IPTC media topic qcode ("medtop:20000344").
        label: the British English label as prose writes it ("economy").
        broader: the parent's code, None for a top concept.
        alt: the vocabulary's alternative labels ("labor" beside "labour").
        source: where the concept comes from ("iptc").
    """

    code: str
    label: str
    broader: Optional[str]
    alt: Tuple[str, ...]
    source: str


def _load_vocabulary(path: Path) -> Dict[str, Concept]:
    out: Dict[str, Concept] = {}
    parents: List[Tuple[int, str, str]] = []
    for n, row in read_table(path, VOCABULARY_COLUMNS, padded=False):
        code, label, broader, alt, source = row.values()
        if not _CODE.fullmatch(code):
            raise DataError(path, f"line {n}: code {code!r} is not a media topic (medtop:NNNNNNNN)")
        if code in out:
            raise DataError(path, f"line {n}: code {code} listed twice")
        if not label:
            raise DataError(path, f"line {n}: {code} has no label")
        if broader and not _CODE.fullmatch(broader):
            raise DataError(path, f"line {n}: broader {broader!r} is not a media topic")
        alts = tuple(alt.split("|")) if alt else ()
        if any(not a.strip() or a != a.strip() for a in alts):
            raise DataError(path, f"line {n}: an empty or padded alt label in {alt!r}")
        if not source:
            raise DataError(path, f"line {n}: no source")
        out[code] = Concept(code, label, broader or None, alts, source)
        if broader:
            parents.append((n, code, broader))
    for n, code, broader in parents:
        if broader not in out:
            raise DataError(path, f"line {n}: broader {broader} of {code} is not in the table")
        seen = {code}
        up: Optional[str] = broader
        while up is not None:
            if up in seen:
                raise DataError(path, f"line {n}: {code} is its own ancestor")
            seen.add(up)
            up = out[up].broader
    return out


class TopicTable:
    """The vocabulary and its wordings, with the dictionaries every look-up uses.

    Args:
        vocabulary: code -> Concept.
        wordings: (line, wording, code) rows, checked already.
    """

    def __init__(self, vocabulary: Mapping[str, Concept], wordings: Sequence[Tuple[str, str]]):
        self.vocabulary: Mapping[str, Concept] = dict(vocabulary)
        self._exact: Dict[str, str] = {}
        self._key_wording: Dict[str, str] = {}         # key -> the table's first wording with it
        keyed: Dict[str, Optional[str]] = {}
        for wording, code in wordings:
            self._exact[exact_form(wording)] = code
            k = match_key(wording)
            if k:
                # two concepts meeting on one key (only by plural or spelling) leave it to the
                # exact wording: the key gives neither
                keyed[k] = code if keyed.get(k, code) == code else None
                self._key_wording.setdefault(k, exact_form(wording))
        self._key: Dict[str, str] = {k: c for k, c in keyed.items() if c is not None}
        self.head_lookup = lru_cache(maxsize=1 << 16)(self._head_lookup)
        self.find = lru_cache(maxsize=1 << 16)(self._find)

    def concept(self, code: str) -> Optional[Concept]:
        """The concept of a code, or None."""
        return self.vocabulary.get(code)

    def wordings(self) -> Dict[str, str]:
        """wording -> code, for every row of the wording table."""
        return dict(self._exact)

    def lookup(self, wording: str) -> Optional[Concept]:
        """The concept a wording of the table names, or None.

        Case, a leading article, hyphens, plural/singular and British/American spelling do not
        matter; nothing else is guessed.

        >>> get_topics().lookup("The Tariffs").label
        'tariff'
        """
        code = self._exact.get(exact_form(wording))
        if code is None:
            code = self._key.get(match_key(wording))
        return self.vocabulary[code] if code else None

    def wording_of(self, words: Sequence[str]) -> Optional[str]:
        """The table's wording these words are (as the table writes it), or None."""
        if not words:
            return None
        text = " ".join(words)
        if text in self._exact:
            return text
        k = match_key(text)
        return self._key_wording.get(k) if k in self._key else None

    def _head_lookup(self, noun_phrase: str) -> Optional[Concept]:
        got = self._find(noun_phrase)
        return got[1] if got else None

    def _find(self, noun_phrase: str) -> Optional[Tuple[str, Concept]]:
        """(the table's wording, its concept) that decides a noun phrase, by the rule of
        :meth:`head_lookup`: "renewable energy sources" -> ("renewable energy", renewable energy);
        "knowledge sharing" -> ("knowledge sharing", education). The wording is the topic a
        graph names (a concept of the vocabulary is broader: many wordings share one)."""
        words = words_of(noun_phrase)
        if words is None:
            return None
        wording = resolve(self, words)
        if wording is None:
            return None
        code = self._exact.get(wording) or self._key.get(match_key(wording))
        if not code:
            return None
        concept = self.vocabulary[code]
        if sum(c.isalnum() for c in wording) < 4:
            # an abbreviation or a short word ("ai", "gdp", "lng") reads better as its concept
            wording = concept.label
        return wording, concept

    def topics_in(self, phrase: str) -> Tuple[Concept, ...]:
        """Every concept of a phrase that coordinates several ("health and education",
        "trade, energy and tourism"), each conjunct by :meth:`head_lookup`, in order, once each.

        A wording of the table that holds "and" ("oil and gas") stays whole.
        """
        whole = self.head_lookup(phrase)
        if whole is not None:
            return (whole,)
        words = words_of(phrase.replace(" as well as ", " and "))
        if words is None:
            return ()
        out: List[Concept] = []
        # a frame before the list applies to each conjunct ("cooperation in trade and energy")
        prefix: List[str] = []
        i = first_prep(words)
        if i is not None and all_frame(words[:i]):
            prefix, words = words[:i + 1], words[i + 1:]
        part: List[str] = []
        for w in [*words, ","]:
            if w in (",", "and", "or", "&"):
                if part:
                    c = self.head_lookup(" ".join(prefix + part)) if prefix else self.head_lookup(" ".join(part))
                    if c is not None and c not in out:
                        out.append(c)
                part = []
            else:
                part.append(w)
        return tuple(out)


def _load_wordings(path: Path, vocabulary: Mapping[str, Concept]) -> List[Tuple[str, str]]:
    seen: Dict[str, Tuple[int, str]] = {}
    out: List[Tuple[str, str]] = []
    for n, row in read_table(path, WORDING_COLUMNS, padded=False):
        wording, code, source = row.values()
        if not wording:
            raise DataError(path, f"line {n}: empty wording")
        if wording != wording.lower():
            raise DataError(path, f"line {n}: {wording!r} is not lower case")
        if " ".join(wording.split()) != wording:
            raise DataError(path, f"line {n}: {wording!r} has doubled spaces")
        if code not in vocabulary:
            raise DataError(path, f"line {n}: code {code} of {wording!r} is not in the vocabulary")
        if not source:
            raise DataError(path, f"line {n}: no source")
        if wording in seen:
            first, other = seen[wording]
            what = "listed twice" if other == code else f"maps to {other} and {code}"
            raise DataError(path, f"line {n}: {wording!r} {what} (first on line {first})")
        seen[wording] = (n, code)
        out.append((wording, code))
    return out


def load_topics(data_dir: Path = DATA_DIR) -> TopicTable:
    """Read and check ``topic_vocabulary.tsv`` and ``topic_wording.tsv`` of a data folder.

    Raises:
        DataError: a file that cannot be read, or a bad row (file and line given).
    """
    vocabulary = _load_vocabulary(data_dir / "topic_vocabulary.tsv")
    return TopicTable(vocabulary, _load_wordings(data_dir / "topic_wording.tsv", vocabulary))


@lru_cache(maxsize=None)
def get_topics() -> TopicTable:
    """The package's tables, read once."""
    return load_topics(DATA_DIR)


def concept(code: str) -> Optional[Concept]:
    """The concept of a media topic code, or None."""
    return get_topics().concept(code)


def lookup(wording: str) -> Optional[Concept]:
    """The concept a wording of the table names, or None (see :meth:`TopicTable.lookup`)."""
    return get_topics().lookup(wording)


def head_lookup(noun_phrase: str) -> Optional[Concept]:
    """The concept a noun phrase is about, by its head and modifiers, or None for a clause or
    a phrase the table cannot place (the rule is in this module's docstring).

    >>> head_lookup("market access for agricultural exports").label
    'trade policy'
    >>> head_lookup("has helped modernize") is None
    True
    """
    return get_topics().head_lookup(noun_phrase)


def topics_in(phrase: str) -> Tuple[Concept, ...]:
    """The concepts of a coordination, one per conjunct (see :meth:`TopicTable.topics_in`)."""
    return get_topics().topics_in(phrase)


