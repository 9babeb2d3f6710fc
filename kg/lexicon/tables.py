"""Reading kg/data's tab-separated tables, and the surface forms every table's names take.

Where the data is (:data:`DATA_DIR`), how a table is read and its rows checked
(:func:`read_table`, :func:`split_items`, :func:`check`: a bad row raises
:class:`~kg.errors.DataError` with its file and line), and how a name is normalised to the forms
looked up (:func:`norm`, :func:`ascii_fold`, :func:`variants`). The lexicon's tables and the topic
tables (:mod:`kg.topics`) are read through here.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

from ..errors import DataError

__all__ = ["DATA_DIR", "QID", "norm", "ascii_fold", "variants", "without_the", "read_table", "split_items",
           "check"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: a Wikidata item
QID = re.compile(r"Q[1-9][0-9]*")
# Letters NFKD does not take apart.
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "Ð": "D", "ß": "ss", "æ": "ae", "œ": "oe", "ʼ": "'", "ʻ": "'", "‘": "'", "’": "'"})


def norm(text: str) -> str:
    """A surface as looked up: curly apostrophes straightened, spaces collapsed."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def ascii_fold(text: str) -> str:
    """``text`` without diacritics ("Brasília" -> "Brasilia"), or ``text`` if it stays non-ASCII."""
    if text.isascii():
        return text
    out = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_ASCII))
                  if not unicodedata.combining(c))
    return out if out.isascii() else text


def variants(text: str) -> List[str]:
    """The form itself, straightened, and its ASCII fold, without repeats."""
    n = norm(text)
    if n == text and text.isascii():    # most names: one form (and no Unicode work for them)
        return [text]
    return list(dict.fromkeys([text, n, ascii_fold(n)]))


def without_the(text: str) -> str:
    """``text`` less a leading "the" ("the Philippines" -> "Philippines")."""
    return text[4:] if text[:4] in ("the ", "The ") else text


def read_table(path: Path, columns: Tuple[str, ...], required: Tuple[str, ...] = (), *, padded: bool = True
               ) -> Iterator[Tuple[int, Dict[str, str]]]:
    """Rows of a tab-separated table as (line number, {column: value}).

    Lines starting with ``#`` and blank lines are skipped; the first other line must name the
    columns.

    Args:
        path: the table.
        columns: the header it must have, in order.
        required: the columns no row may leave empty.
        padded: whether a cell may have spaces around it (they are stripped); if not, such a
            cell is a bad row.

    Raises:
        DataError: the file is missing, unreadable or not UTF-8, the header differs, a row has
            the wrong number of fields, an empty required field or (``padded=False``) a padded
            cell.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "missing; reinstall diplokg") from None
    except UnicodeDecodeError as e:
        raise DataError(path, f"not UTF-8 (byte at offset {e.start})") from None
    except OSError as e:
        raise DataError(path, f"cannot be read ({e})") from None
    header = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        fields = [f.strip() for f in cells]
        if not padded and fields != cells:
            raise DataError(path, f"line {n}: a cell has spaces around it")
        if not header:
            if tuple(fields) != tuple(columns):
                raise DataError(path, f"line {n}: header {fields} but expected {list(columns)}")
            header = True
            continue
        if len(fields) != len(columns):
            raise DataError(path, f"line {n}: {len(fields)} tab-separated fields, expected "
                                  f"{len(columns)} ({', '.join(columns)})")
        row = dict(zip(columns, fields))
        for col in required:
            if not row[col]:
                raise DataError(path, f"line {n}: empty {col}")
        yield n, row
    if not header:
        raise DataError(path, "no header line")


def split_items(path: Path, n: int, value: str) -> Tuple[str, ...]:
    """The ``|``-separated items of a cell (none for an empty cell); an empty item raises DataError."""
    parts = tuple(p.strip() for p in value.split("|")) if value else ()
    if any(not p for p in parts):
        raise DataError(path, f"line {n}: empty item in {value!r}")
    return parts


def check(path: Path, n: int, ok: bool, reason: str) -> None:
    """Raise DataError for line ``n`` of ``path`` with ``reason`` unless ``ok``."""
    if not ok:
        raise DataError(path, f"line {n}: {reason}")

