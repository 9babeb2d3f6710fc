"""Input formats: a reader per format, registered in one table by suffix and by content.

A file's bytes are decoded once (byte-order marks, UTF-16 without one, a legacy 8-bit
encoding named in a warning; binary files refused), then the first reader whose ``sniff``
recognises the text reads it, else the reader that claims its suffix, else the text reader.
Adding a format is one function ``RawFile -> Article`` and one row of :data:`READERS`;
folders yield the files of every suffix in the table (:data:`ARTICLE_SUFFIXES`).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Tuple, Union

from .articles import Article, build_article
from .dates import parse_date, to_date
from ..errors import ArticleError

__all__ = ["RawFile", "Reader", "READERS", "ARTICLE_SUFFIXES", "reader_for", "read_article",
           "suffixes_phrase"]


# ---------------------------------------------------------------------------- reading bytes
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF",
          b"{\\rtf", b"\xd0\xcf\x11\xe0")
_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\f\v") + b"\x7f"


def _decode(data: bytes, where: str) -> Tuple[str, str, List[str]]:
    """Text, encoding name and warnings for the bytes of a file (never guesses silently)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError as exc:
                raise ArticleError(where, f"undecodable: starts with a {label} byte-order mark but "
                                          f"is not {label} (byte offset {exc.start})") from None
    if not data.strip():
        raise ArticleError(where, "empty file")
    head = data[:8192]
    if data.startswith(_MAGIC):
        raise ArticleError(where, "binary file, not text")
    if b"\0" in head:  # UTF-16 without a byte-order mark puts a NUL beside every ASCII letter
        for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) > 0.6 * len(zeros) and len(data) % 2 == 0:
                try:
                    return data.decode(codec), "utf-16", ["UTF-16 without a byte-order mark"]
                except UnicodeDecodeError:
                    break
        raise ArticleError(where, "binary file, not text")
    if sum(head.count(c) for c in _CONTROL) > 0.01 * len(head):
        raise ArticleError(where, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        windows = any(0x80 <= b < 0xA0 for b in data)
        codec, label = ("cp1252", "Windows-1252") if windows else ("latin-1", "Latin-1")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            codec, label, text = "latin-1", "Latin-1", data.decode("latin-1")
        return text, codec, [f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                             f"decoded as {label}"]


@dataclass(frozen=True)
class RawFile:
    """A file as every reader receives it: its bytes and their decoded text."""

    where: str              # the path as given, named in errors
    source: str             # the file name, recorded as the article's source
    data: bytes
    text: str
    encoding: str
    warnings: List[str]


@dataclass(frozen=True)
class Reader:
    """An input format: its name, the suffixes it claims, how to read a file of it, and
    (optionally) a test of a file's first 200 characters, lower-cased, that recognises it
    whatever the file is called."""

    name: str
    suffixes: Tuple[str, ...]
    read: Callable[[RawFile], Article]
    sniff: Optional[Callable[[str], bool]] = None


# ---------------------------------------------------------------------------- the formats
def read_plain(raw: RawFile) -> Article:
    """A text file: the headline on the first line, then the body."""
    return build_article(raw.text, raw.source, raw.where, raw.encoding, raw.warnings, "empty file")


def looks_html(head: str) -> bool:
    return head.startswith(("<!doctype html", "<html"))


def read_html(raw: RawFile) -> Article:
    """The main text of a web page, without navigation, as an Article (title from its metadata)."""
    import trafilatura   # slow to import; only HTML needs it

    text, encoding, warnings = raw.text, raw.encoding, raw.warnings
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", raw.data[:4096], re.I)
    if warnings and declared:     # not UTF-8, but the page says what it is
        try:
            codec = declared.group(1).decode("ascii").lower()
            text, encoding, warnings = raw.data.decode(codec), codec, []
        except (LookupError, UnicodeDecodeError):
            pass
    opts = dict(with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True})
    doc = (trafilatura.bare_extraction(text, **opts)
           or trafilatura.bare_extraction(text, favor_recall=True, **opts))
    lines = (doc.text or "").split("\n") if doc else []
    if not any(len(ln.split()) >= 5 for ln in lines):   # a menu ("Home", "World") is no story
        raise ArticleError(raw.where, "no article text found in the HTML page")
    title = " ".join((doc.title or "").split())
    if title and lines and " ".join(lines[0].split()) == title:
        lines = lines[1:]
    body = (title + "\n\n" if title else "") + "\n".join(lines)
    return build_article(body, raw.source, raw.where, encoding, warnings, "no article text found in the HTML page",
                         meta_date=to_date(parse_date(doc.date or "")), meta_publisher=doc.sitename or None)


#: The input formats. The text reader reads whatever no other reader claims.
READERS: Tuple[Reader, ...] = (
    Reader("text", (".txt",), read_plain),
    Reader("html", (".html", ".htm", ".xhtml"), read_html, sniff=looks_html),
)
DEFAULT_READER = "text"
#: the suffixes a folder's files are read for (lower case)
ARTICLE_SUFFIXES: Tuple[str, ...] = tuple(s for r in READERS for s in r.suffixes)


def suffixes_phrase() -> str:
    """The suffixes a folder's files are read for, in words: ".txt, .html, .htm or .xhtml"."""
    *rest, last = ARTICLE_SUFFIXES
    return f"{', '.join(rest)} or {last}" if rest else last


def reader_for(suffix: str, head: str) -> Reader:
    """The reader of a file: the first whose ``sniff`` recognises ``head`` (the content says
    what it is), else the first that claims ``suffix``, else the text reader."""
    suffix = suffix.lower()
    return (next((r for r in READERS if r.sniff is not None and r.sniff(head)), None)
            or next((r for r in READERS if suffix in r.suffixes), None)
            or next(r for r in READERS if r.name == DEFAULT_READER))


def read_article(path: Union[str, Path]) -> Article:
    """Read a news article from a file, in whichever format of :data:`READERS` it is.

    Args:
        path: a .txt (or any text) file, or an .html/.htm page whose main text is extracted.

    Returns:
        The cleaned Article; ``warnings`` says when the encoding had to be guessed.

    Raises:
        ArticleError: missing, a directory, unreadable, empty, binary, undecodable, or no text
            after the headline.

    >>> read_article("seeds/002_f2ac28b3f73fc063.txt").dateline_place    # doctest: +SKIP
    'Beijing'
    """
    p = Path(path)
    where = str(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ArticleError(where, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(where, "is a directory, not a file") from None
    except PermissionError:
        raise ArticleError(where, "permission denied") from None
    except OSError as exc:
        raise ArticleError(where, f"cannot be read ({exc.strerror or exc})") from None
    text, encoding, warnings = _decode(data, where)
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return reader_for(p.suffix, head).read(RawFile(where, p.name, data, text, encoding, warnings))
