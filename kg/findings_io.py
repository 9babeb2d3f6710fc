"""Findings on disk: what a build read and found, so builds can be merged and extraction spread.

A build writes ``graph.findings.jsonl.gz`` beside its graph: one line per article (its
metadata) and one per finding. ``kg merge`` reads the findings of several builds and runs
resolution and the graph model over all of them, which gives exactly the graph one build over
all the articles would give (the same IRIs, no duplicates, provenance from both). Workers of a
distributed run (Dask, Ray) write the same files for their share of the articles.
"""
from __future__ import annotations

import dataclasses
import datetime
import gzip
import json
from decimal import Decimal
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple, Union

from .read.articles import Article, Sentence
from .errors import GraphError
from .findings import (AgreementFinding, EventFinding, Fact, Finding, Mention, ObservationFinding, Ref,
                       RelationshipFinding, RoleMention)

__all__ = ["dumps", "loads", "write", "read", "sidecar_of", "SUFFIX"]

SUFFIX = ".findings.jsonl.gz"
KINDS = {cls.__name__: cls for cls in (Mention, Fact, RoleMention, EventFinding, AgreementFinding,
                                       RelationshipFinding, ObservationFinding)}
FORMAT = "diplokg-findings/1"


def sidecar_of(graph: Union[str, Path]) -> Path:
    """The findings file that belongs to a graph file: out/graph.ttl -> out/graph.findings.jsonl.gz."""
    graph = Path(graph)
    return graph.with_name(graph.name.split(".")[0] + SUFFIX)


def _enc(value):
    if isinstance(value, Ref):
        return {"$ref": [value.type, value.label]}
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    if isinstance(value, tuple):
        return [_enc(v) for v in value]
    return value


def _dec(value):
    if isinstance(value, dict) and "$ref" in value:
        return Ref(*value["$ref"])
    if isinstance(value, dict) and "$dec" in value:
        return Decimal(value["$dec"])
    if isinstance(value, list):
        return tuple(_dec(v) for v in value)
    return value


def _article_line(a: Article) -> dict:
    return {"article": {"id": a.id, "path": a.path, "source": a.source, "title": a.title,
                        "date": a.date.isoformat() if a.date else None,
                        "dateline_place": a.dateline_place,
                        "dateline_date": a.dateline_date.isoformat() if a.dateline_date else None,
                        "publisher": a.publisher, "encoding": a.encoding, "dateline": a.dateline,
                        "language": a.language}}


def _finding_line(f: Finding) -> dict:
    s = f.sentence
    out = {"$kind": type(f).__name__,
           "sentence": [s.article_id, s.index, s.text, s.start, s.end, s.paragraph]}
    for field in dataclasses.fields(f):
        if field.name != "sentence":
            out[field.name] = _enc(getattr(f, field.name))
    return out


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


#: the first gzip member of every findings file
_HEADER = gzip.compress((json.dumps({"format": FORMAT}) + "\n").encode(), compresslevel=6, mtime=0)


def article_block(article: Article, findings: Iterable[Finding]) -> bytes:
    """One article's lines (its metadata, then its findings) as a gzip member of their own.

    A findings file is the header member followed by one such member per article, sorted by
    article id; gzip readers read the members as one stream. Workers make the blocks of
    their articles, and the file is then put together without compressing anything again.
    """
    text = _line(_article_line(article)) + "".join(_line(_finding_line(f)) for f in findings)
    # mtime=0 keeps the gzip header, and so the bytes, the same from run to run
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def dumps(articles: Iterable[Article], findings: Dict[str, List[Finding]],
          blocks: Optional[Dict[str, bytes]] = None) -> bytes:
    """The findings of some articles as gzip-compressed JSON lines, in a stable order.

    ``blocks`` holds the :func:`article_block` of articles already made (by workers).
    """
    blocks = blocks or {}
    parts = [_HEADER]
    for a in sorted(articles, key=lambda a: a.id):
        block = blocks.get(a.id)
        parts.append(block if block is not None else article_block(a, findings.get(a.id, [])))
    return b"".join(parts)


def loads(data: bytes, path: str = "<findings>") -> Tuple[List[Article], Dict[str, List[Finding]]]:
    """Articles and findings back from :func:`dumps` output.

    Raises:
        GraphError: not a findings file, or one written by an incompatible version.
    """
    try:
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        head = json.loads(lines[0]) if lines else {}
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise GraphError(path, f"not a diplokg findings file ({exc})") from None
    if head.get("format") != FORMAT:
        raise GraphError(path, f"not a diplokg findings file (format {head.get('format')!r}, want {FORMAT!r})")
    articles: List[Article] = []
    findings: Dict[str, List[Finding]] = {}
    sentences: Dict[tuple, Sentence] = {}
    for n, line in enumerate(lines[1:], 2):
        rec = json.loads(line)
        if "article" in rec:
            a = rec["article"]
            day = lambda v: datetime.date.fromisoformat(v) if v else None
            articles.append(Article(id=a["id"], path=a["path"], source=a["source"], title=a["title"], text="",
                                    sentences=(), date=day(a["date"]), dateline_place=a["dateline_place"],
                                    dateline_date=day(a["dateline_date"]), publisher=a["publisher"],
                                    encoding=a["encoding"], warnings=(), dateline=a.get("dateline"),
                                    language=a.get("language", "en")))
            findings.setdefault(a["id"], [])
            continue
        cls = KINDS.get(rec.pop("$kind", None))
        if cls is None:
            raise GraphError(path, f"line {n}: unknown finding kind")
        key = tuple(rec.pop("sentence"))
        sent = sentences.setdefault(key, Sentence(*key))
        f = cls(sentence=sent, **{k: _dec(v) for k, v in rec.items()})
        findings.setdefault(sent.article_id, []).append(f)
    return articles, findings


def write(path: Union[str, Path], articles: Iterable[Article], findings: Dict[str, List[Finding]]) -> None:
    from ..export import write_atomic
    write_atomic(path, dumps(articles, findings))


def read(path: Union[str, Path]) -> Tuple[List[Article], Dict[str, List[Finding]]]:
    path = Path(path)
    if not path.is_file():
        raise GraphError(path, "no findings file beside this graph; rebuild it with kg build to merge it")
    return loads(path.read_bytes(), str(path))
