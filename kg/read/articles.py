"""An article's text -> Article with a clean text, sentences, dates and dateline.

The cleaning drops page furniture (related headlines, captions, credits, share buttons), finds
the dateline ("BAKU, April 21 (Xinhua) --") and the publication date, and splits the text into
sentences whose offsets point into ``Article.text``. Extractors only ever see what it keeps.
Reading files of each format (text, HTML) into that text is :mod:`kg.read.readers`' part.
"""
from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from .dates import MONTH_RE, date_line, dateline_day, find_full_dates, infer_day
from ..errors import ArticleError
from .language import language_of

__all__ = ["Sentence", "Article", "build_article", "read_text", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence, with where it sits in ``Article.text`` (``text == article.text[start:end]``)."""

    article_id: str
    index: int          # 0-based position in the article; the headline is sentence 0
    text: str
    start: int
    end: int
    paragraph: int      # paragraph it came from; the headline is paragraph 0


@dataclass(frozen=True)
class Article:
    """A cleaned article: headline, body paragraphs, sentences and what the text says about itself."""

    id: str             # first 16 hex of sha256 of ``text``: the same text under any name, same id
    path: str
    source: str         # the file name
    title: str
    text: str           # headline, then body paragraphs, joined by blank lines; furniture removed
    sentences: Tuple[Sentence, ...]
    date: Optional[datetime.date]           # publication date; the dateline's when none is given
    dateline_place: Optional[str]
    dateline_date: Optional[datetime.date]
    publisher: Optional[str]
    encoding: str
    warnings: Tuple[str, ...]
    dateline: Optional[str] = None          # the dateline as written ("HANOI, March 29 (VNA)"), left out of text
    language: str = "en"                    # ISO 639-1 code of the language it is written in

    @property
    def dateline_sentence(self) -> Optional[Sentence]:
        """The dateline as a sentence of its own, for what it states (the agency that filed the
        story). It is not part of ``text``: its index and offsets are -1."""
        return Sentence(self.id, -1, self.dateline, -1, -1, 0) if self.dateline else None

    @property
    def reference_date(self) -> Optional[datetime.date]:
        """The day "on Wednesday" and "earlier today" are relative to: dateline date, else date."""
        return self.dateline_date or self.date


_LINE_SEPARATORS = re.compile(r"[\u2028\u2029]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")      # soft hyphen, zero-width
_SPACES = re.compile(r"[^\S\n]+")
# Control characters but the newline: exactly the code points of category Cc, which Unicode's
# stability policy fixes for good.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _normalise(text: str) -> List[str]:
    """NFC, one kind of newline and space, no invisible characters: the text as stripped lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)      # tabs, NBSP, thin spaces -> one space
    text = _CONTROLS.sub("", text)
    return [ln.strip() for ln in text.split("\n")]


# ---------------------------------------------------------------------------- furniture
_I = re.IGNORECASE
_WHOLE = re.compile(
    r"(?:leave a (?:review|comment|reply)|share(?: this(?: article| story| post| page)?)?"
    r"(?: on [\w ]{1,20})?|advertisement|sponsored(?: content)?|print(?: this (?:article|page))?"
    r"|e-?mail|comments?"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)|popular|trending(?: now)?|back to top"
    r"|skip to (?:main )?content|listen to this article|\d+ min(?:ute)?s? read|top stories"
    r"|latest news|you may also like|related|more from [\w .]{1,30})[.:!]?", _I)
_LABEL = re.compile(   # "Source: Xinhua", "Editor: Zhang Long", "Related: ..." (the colon is required)
    r"(?:related(?: articles?| news| stories| content| posts| coverage| reading| links| topics)?"
    r"|sources?|(?:web |responsible |chief )?editors?|edited by|photos?|photograph|image|picture"
    r"|caption|credits?|tags|keywords|topics|contact|file)\s*(?::|\||»|>>)", _I)
_LEAD = re.compile(    # furniture however the line goes on
    r"(?:follow us\b|follow \S+ on (?:twitter|x|facebook|telegram|instagram|linkedin)\b"
    r"|subscribe (?:to|now)\b|sign up (?:for|to|now)\b|click here\b|read (?:more|also|next)\b"
    r"|also read\b|see also\b|more (?:news|stories) (?:from|on|about)\b|file photo\b|photos? by\b"
    r"|©|\(c\) |copyright\s*(?:©|\(c\)|\d{4}))", _I)
_CAPTION = re.compile(
    r"\((?:file )?photos?\b[^()]*\)|\((?:Xinhua|Reuters|AFP|AP|EPA|TASS|Sputnik|AA|Anadolu|IRNA|Kyodo"
    r"|Yonhap|Getty|Photo|Photos|File|Pool|VCG|CFP)(?:/[^()/]{1,60}){1,2}\)", _I)
_CAPTION_END = re.compile(r"\([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}/[^()/]*[a-z ][^()/]*"
                          r"(?:/[^()]{1,60})?\)$")
_CREDIT = re.compile(r"\(?(?:additional )?(?:reporting|editing|writing|compiled|edited|produced"
                     r"|translated|graphics|photos?|video) by\b([^()]*)\)?\.?", _I)
# "(Colombo/Sep4/2025)", "(Colombo/April 15/2024)" at the end of a paragraph: the place and date
# the story was filed, not a photo credit ("(Xinhua/Li Ming)"): the tag goes, the sentence stays
_PLACE_DATE_TAIL = re.compile(r"\s*\([A-Z][\w .'’-]{1,30}/[^()/]*\d[^()]*\)$")
_CREDIT_TAIL = re.compile(r"\s*\((?:additional )?(?:reporting|editing|writing|compiled|translated)\b"
                          r"[^()]*\)$", _I)
_AGENCY_ALONE = re.compile(r"\([\w .'’-]{1,30}\)")     # "(Xinhua)" on a line of its own
_NAME_LINK = {"and", "by", "in", "from", "with", "de", "da", "van", "von", "al", "bin", "el", "for"}
_BULLET = re.compile(r"[-•·*▪►»]\s+(?=\S)")


def _names_only(rest: str, limit: int = 12) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    return 0 < len(words) <= limit and all(w[0].isupper() or w.lower() in _NAME_LINK for w in words)


def _furniture(line: str) -> bool:
    """Is this line page furniture (never part of the story)?"""
    if not re.search(r"[^\W_]", line) or _WHOLE.fullmatch(line) or _LABEL.match(line):
        return True
    if _CAPTION.search(line) or _CAPTION_END.search(line) or _AGENCY_ALONE.fullmatch(line):
        return True
    if len(line.split()) <= 30 and (_LEAD.match(line) or re.search(r"\ball rights reserved", line, _I)):
        return True
    credit = _CREDIT.fullmatch(line)
    if credit and _names_only(credit.group(1).replace(";", " "), 20):
        return True
    byline = re.fullmatch(r"By ([^.]*?)(?:[,|] .{0,40})?", line)
    return bool(byline and _names_only(byline.group(1), 6))


_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}


def _heading(line: str) -> bool:
    """A short title-case line without final punctuation: "Trade and Economic Resilience"."""
    words = line.split()
    if not 1 <= len(words) <= 10 or line[-1] in ".!?,;:\"”’" or not line[0].isupper():
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w in _SMALL for w in words)


# ---------------------------------------------------------------------------- dateline
_W = r"[^\W\d_][\w'’.\-]*"
_YEAR = r"(?:19|20)\d\d"
_DATELINE = re.compile(
    rf"(?P<place>{_W}(?:[ /]{_W}){{0,4}})"
    rf"(?:,\s*(?!{MONTH_RE}\b)(?P<region>{_W}(?: {_W}){{0,2}}))?"
    rf"(?:,?\s*(?P<date>{MONTH_RE}\s+\d{{1,2}}(?:,?\s+{_YEAR})?"
    rf"|\d{{1,2}}\s+{MONTH_RE}(?:,?\s+{_YEAR})?))?\.?"
    rf"\s*(?:\((?P<pub>[^()]{{1,40}})\)|/(?P<pub2>[^/\s][^/]{{0,30}})/\.?)?"
    rf"\s*(?P<dash>--|[-–—])?\s*")
_LOWER_PARTS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les",
                "of", "the", "and", "es", "au", "aux", "en", "sur", "am", "upon", "on", "y", "van",
                "von", "der", "den"}


def _place_case(place: str) -> str:
    """"NUR-SULTAN" -> "Nur-Sultan", "RIO DE JANEIRO" -> "Rio de Janeiro"; mixed case is kept."""
    if place != place.upper():
        return place

    def word(w: str, first: bool) -> str:
        if not first and w.lower() in _LOWER_PARTS:
            return w.lower()
        head, apo, tail = (re.split(r"(['’])", w, maxsplit=1) + ["", ""])[:3]
        if apo and len(head) == 1:      # N'DJAMENA -> N'Djamena, but XI'AN -> Xi'an
            return head + apo + tail.capitalize()
        return (head + apo + tail).capitalize()
    parts = re.split(r"([ \-/])", place)
    return "".join(p if p in " -/" else word(p, i == 0 or parts[i - 1] == "/")
                   for i, p in enumerate(parts))


def _dateline(para: str):
    """(place, (month, day, year or None) or None, publisher, rest, the dateline as written) if
    ``para`` opens with a dateline."""
    m = _DATELINE.match(para)
    if not m or m.end() >= len(para):
        return None
    place, date, pub, dash = m["place"], m["date"], m["pub"] or m["pub2"], m["dash"]
    upper = place == place.upper()
    if pub and not _names_only(pub, 3):
        return None
    if not ((pub and (dash or m["pub2"]) and (upper or date)) or (upper and date and dash)):
        return None
    day = dateline_day(date) if date else None
    written = para[:m.end()].strip().rstrip("-–—").strip()
    return _place_case(place), day, pub.strip() if pub else None, para[m.end():], written


# ---------------------------------------------------------------------------- sentences
_NEVER = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
          "gov", "sen", "rep", "rev", "hon", "amb", "pres", "st", "mt", "ft", "vs", "v", "e.g", "i.e",
          "cf", "nos", "art", "para", "fig", "vol", "approx", "dept", "univ", "messrs", "mme"}
_MAYBE = {"inc", "ltd", "co", "corp", "plc", "llc", "etc", "jr", "sr", "no", "al", "jan", "feb",
          "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "bros"}
_STARTERS = set(
    "the a an he she it they we i you this that these those but and or so yet however in on at for "
    "from with by as after before during since while when if although though his her its their our "
    "my there here meanwhile according also both some many most other such earlier later last next "
    "one officials what why how who still then now today yesterday separately moreover furthermore "
    "additionally instead under despite speaking".split())
_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_SPACE_RUN = re.compile(r"\s*")
_WORD = re.compile(r"[\w']+")
_OPENERS = frozenset("\"'“‘«([")


def _token_before(par: str, end: int) -> str:
    """The word that ends at ``end`` ("U.S", "Mr"), back to a space or an opening quote or bracket.

    Read backwards from ``end``, so it costs the word's length: a pattern searched for at the
    end of ``par[:end]`` is tried from every position of the paragraph, which is quadratic in
    a long word and copies the paragraph at each full stop.
    """
    start = end
    while start and not (par[start - 1].isspace() or par[start - 1] in _OPENERS):
        start -= 1
    return par[start:end]


def _boundary(par: str, m: re.Match, nxt: int) -> bool:
    first = par[nxt]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«([$€£"):
        return False
    mark = m.group().rstrip("\"'”’»)]")
    if mark != "." or len(m.group()) > 1:
        return True         # ?, !, ellipsis, or a full stop inside closing quotes/brackets
    token = _token_before(par, m.start()).lower()
    if token in _NEVER:
        return False
    if token in _MAYBE or re.fullmatch(r"(?:[a-z]\.)+[a-z]|[a-z]", token):   # U.S., a.m., W.
        word = _WORD.match(par, nxt)
        if word and len(word.group()) == 1 and par[word.end():word.end() + 1] == ".":
            return False    # another initial ("M. A. Perera"), not the article "A"
        return first in "\"“‘«(" or bool(word and word.group().lower() in _STARTERS)
    return True


def split_sentences(paragraph: str) -> List[Tuple[int, int]]:
    """Split one paragraph into sentences, respecting abbreviations, initials, decimals and quotes.

    Args:
        paragraph: one paragraph of running text (no newlines needed).

    Returns:
        (start, end) spans into ``paragraph``, trimmed of surrounding spaces, in order.

    >>> p = 'Mr. Li met U.S. envoys. "We agree." He left.'
    >>> [p[s:e] for s, e in split_sentences(p)]
    ['Mr. Li met U.S. envoys.', '"We agree."', 'He left.']
    """
    spans: List[Tuple[int, int]] = []
    start = len(paragraph) - len(paragraph.lstrip())
    for m in _END.finditer(paragraph):
        nxt = _SPACE_RUN.match(paragraph, m.end()).end()      # the next sentence's first character
        if m.end() > start and nxt < len(paragraph) and _boundary(paragraph, m, nxt):
            spans.append((start, m.end()))
            start = nxt
    end = len(paragraph.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


# ---------------------------------------------------------------------------- the article
def _paragraphs(items: Sequence[Optional[Tuple[str, str]]]) -> List[str]:
    """Join lines into paragraphs: one line each, unless the text is hard-wrapped into blocks."""
    blocks: List[List[Tuple[str, str]]] = [[]]
    for it in items:
        if it is None:
            blocks.append([])
        else:
            blocks[-1].append(it)
    inner = [ln for b in blocks if len(b) > 1 for ln, _ in b[:-1]]
    wrapped = (len(inner) >= 2 and max(map(len, inner)) <= 100
               and sum(ln[-1] not in ".!?\"”’:)" for ln in inner) > len(inner) / 2)
    paras: List[str] = []
    for b in blocks:
        prev = None
        for ln, kind in b:
            if wrapped and prev and kind == "line" and prev[1] == "line" and not _heading(prev[0]) \
                    and not _heading(ln):
                paras[-1] += " " + ln
            else:
                paras.append(ln)
            prev = (ln, kind)
    return paras


def build_article(raw: str, source: str, path: str, encoding: str, warnings: List[str], empty: str,
                  meta_date: Optional[datetime.date] = None, meta_publisher: Optional[str] = None) -> Article:
    """The Article of ``raw`` text (headline first), read from ``path`` in ``encoding``.

    ``empty`` is the reason given when nothing is left once cleaned; ``meta_date`` and
    ``meta_publisher`` are what a page's metadata says, used when the text itself does not.
    """
    lines = _normalise(raw)
    if not any(lines):
        raise ArticleError(path, empty)
    pub_dates: List[Tuple[str, datetime.date]] = []
    other_dates: List[datetime.date] = []
    credit_pub: Optional[str] = None
    items: List[Optional[Tuple[str, str]]] = []
    title = ""
    for ln in lines:
        if not ln:
            items.append(None)
            continue
        if len(ln.split()) > 6:
            ln = _PLACE_DATE_TAIL.sub("", ln)
        dl = date_line(ln)
        if dl:
            pub_dates.append(dl[:2])
            credit_pub = credit_pub or dl[2]
        elif _furniture(ln):
            other_dates += [d for _, _, d in find_full_dates(ln)]
        elif not title:
            title = ln
        else:
            b = _BULLET.match(ln)
            items.append((ln[b.end():], "bullet") if b else (_CREDIT_TAIL.sub("", ln), "line"))
            continue
        items.append(None)
    # Bullet runs are related-headline lists unless a line ending in ":" introduces them and
    # they are not the last thing on the page.
    kept = [k for k, it in enumerate(items) if it]
    i = 0
    while i < len(kept):
        j = i
        while j < len(kept) and items[kept[j]][1] == "bullet":
            j += 1
        if j > i and not (i > 0 and items[kept[i - 1]][0].endswith(":") and j < len(kept)):
            for k in kept[i:j]:
                items[k] = None
        i = max(j, i + 1)
    paras = _paragraphs(items)
    place = md = publisher = written = None
    for k, para in enumerate(paras[:3]):
        found = _dateline(para)
        if found:
            place, md, publisher, rest, written = found
            if rest.strip():
                paras[k] = rest
            else:
                del paras[k]
            break
    if not paras:
        raise ArticleError(path, "no text after the headline")

    body = "\n\n".join(paras)
    published = [d for kind, d in pub_dates if kind == "published"] or [d for _, d in pub_dates]
    date = meta_date or (published[0] if published else None)
    dateline_date = None
    if md:
        dateline_date = infer_day(md, [date] if date else [], other_dates, body)
        if not dateline_date:
            warnings.append("the dateline gives no year, so its date is left out")
    text = title + "\n\n" + body
    aid = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    sents = [Sentence(aid, 0, title, 0, len(title), 0)]
    offset = len(title) + 2
    for p, para in enumerate(paras, 1):
        for s, e in split_sentences(para):
            sents.append(Sentence(aid, len(sents), para[s:e], offset + s, offset + e, p))
        offset += len(para) + 2
    return Article(id=aid, path=path, source=source, title=title, text=text, sentences=tuple(sents),
                   date=date or dateline_date, dateline_place=place, dateline_date=dateline_date,
                   publisher=publisher or credit_pub or meta_publisher, encoding=encoding,
                   warnings=tuple(warnings), dateline=written, language=language_of(text))


def read_text(text: str, source: str = "<text>", path: Optional[str] = None) -> Article:
    """Read an article from a string, exactly as :func:`kg.read.readers.read_article` reads a text file.

    Args:
        text: the article: headline on the first line, then the body.
        source: the name to record as the article's source.
        path: the path to record (and to name in errors); defaults to ``source``.

    Returns:
        The cleaned Article.

    Raises:
        ArticleError: the text is empty or has nothing after the headline.
    """
    return build_article(text, source, path or source, "utf-8", [], "empty text")
