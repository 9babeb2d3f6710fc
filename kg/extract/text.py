"""Tokens and a longest-match gazetteer over them.

Names are matched as token sequences, so "U.S." in the lexicon and "U.S." in a sentence
meet however the sentence is punctuated around them. Proper names match case-sensitively
(a capital letter is evidence); common nouns of office and organs ("foreign ministry",
"spokesperson") match case-insensitively.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, Iterator, List, NamedTuple, Sequence, Tuple

__all__ = ["Token", "tokenize", "Gazetteer", "is_cap", "CONNECTORS", "cued_finditer", "table_key"]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:(?:['’](?!s\b)|[.\-])[^\W_]+)*|['’]s\b|\S")
#: lower-case words that may stand inside a proper name ("Great Hall of the People")
CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "da", "del", "du", "al",
                        "bin", "van", "von", "la", "le", "&"})


class Token(NamedTuple):
    """A word or punctuation mark and its character offsets (an immutable record; a named
    tuple because a sentence makes dozens of them, twice as fast as a frozen dataclass)."""

    text: str
    start: int
    end: int

    @property
    def fold(self) -> str:
        return self.text.casefold().replace("’", "'")


def tokenize(text: str) -> List[Token]:
    """Word and punctuation tokens with their offsets.

    >>> [t.text for t in tokenize("Azerbaijan-China ties, said the U.S. envoy's aide.")]
    ['Azerbaijan-China', 'ties', ',', 'said', 'the', 'U.S.', 'envoy', "'s", 'aide', '.']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def cued_finditer(pattern: "re.Pattern[str]", cue: "re.Pattern[str]", text: str) -> Iterator["re.Match[str]"]:
    """``pattern.finditer(text)``, skipped at once when ``text`` lacks the cue.

    A cue is a quick pattern (a word or two) that finds a part of every match of ``pattern``,
    with the same case-sensitivity, so the result is the same. A pattern that opens with
    ``\\b`` and alternatives is tried at every position of a sentence; a literal cue rules out
    most sentences many times faster.
    """
    return pattern.finditer(text) if cue.search(text) else iter(())


# re.IGNORECASE matches by Unicode's simple case folding, which takes the Turkish dotted and
# dotless i ("İ", "ı") for "i" and the long s ("ſ") for "s"; str.lower() keeps "ı" and "ſ"
# and turns "İ" into two characters. These are the only letters a case-insensitive pattern
# takes for an ASCII letter that lower() does not turn into it.
_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def table_key(word: str) -> str:
    """A word found by a case-insensitive pattern as the lower-case key of a table ("LAſT" -> "last").

    ``word.lower()`` is not enough: the pattern also matched the letters that only Unicode case
    folding equates with ASCII ones, and a table indexed with ``lower()`` then has no such key.
    """
    return word.translate(_FOLDS).lower()


def is_cap(word: str) -> bool:
    """A word that starts with a capital letter (or a digit inside a name such as "COP29")."""
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word)))


class Gazetteer:
    """Longest-match lookup of known names over tokens.

    Entries are (kind, payload) pairs; several may share a surface ("Chinese" is a demonym;
    "Georgia" a country). Exact entries need the same case; folded entries ignore case.
    Each table is indexed by its first word with the lengths of the names that start with it,
    so a position is tried only at lengths that exist (the scan stays linear in the text).
    """

    def __init__(self) -> None:
        self.exact: Dict[Tuple[str, ...], List[tuple]] = {}
        self.folded: Dict[Tuple[str, ...], List[tuple]] = {}
        self._exact_len: Dict[str, List[int]] = {}
        self._folded_len: Dict[str, List[int]] = {}
        self.longest = 1

    def add(self, surface: str, kind: str, payload: object, fold: bool = False) -> None:
        toks = tuple(t.text.replace("’", "'") for t in tokenize(surface))
        if not toks:
            return
        if fold:
            key = tuple(t.casefold() for t in toks)
            table, lengths = self.folded, self._folded_len
        else:
            key = toks
            table, lengths = self.exact, self._exact_len
        entries = table.setdefault(key, [])
        if (kind, payload) not in entries:
            entries.append((kind, payload))
        ls = lengths.setdefault(key[0], [])
        if len(key) not in ls:
            ls.append(len(key))
            ls.sort(reverse=True)
        self.longest = max(self.longest, len(key))

    def match(self, tokens: Sequence[Token], i: int, words: Sequence[str] = None,
              folds: Sequence[str] = None) -> Tuple[int, List[tuple]]:
        """The longest entry starting at token ``i``: (number of tokens, entries), or (0, [])."""
        if words is None:
            words = [t.text.replace("’", "'") for t in tokens]
            folds = [w.casefold() for w in words]
        left = len(words) - i
        if left <= 0:
            return 0, []
        exact = self._exact_len.get(words[i], ())
        folded = self._folded_len.get(folds[i], ())
        if not folded:                      # most words start no name: nothing to try
            if not exact:
                return 0, []
            lengths = exact                 # already longest first, each once
        elif not exact:
            lengths = folded
        else:
            lengths = sorted(set(exact) | set(folded), reverse=True)
        for n in lengths:
            if n > left:
                continue
            if n in exact:
                got = self.exact.get(tuple(words[i:i + n]))
                if got:
                    return n, got
            if n in folded:
                got = self.folded.get(tuple(folds[i:i + n]))
                if got:
                    return n, got
        return 0, []

    def scan(self, tokens: Sequence[Token]) -> Iterable[Tuple[int, int, List[tuple]]]:
        """Non-overlapping longest matches, left to right: (first token, end token, entries)."""
        words = [t.text.replace("’", "'") for t in tokens]
        folds = [w.casefold() for w in words]
        exact, folded = self._exact_len, self._folded_len
        i = 0
        while i < len(tokens):
            if words[i] not in exact and folds[i] not in folded:
                i += 1                      # no name starts with this word (most words)
                continue
            n, entries = self.match(tokens, i, words, folds)
            if n:
                yield i, i + n, entries
                i += n
            else:
                i += 1
