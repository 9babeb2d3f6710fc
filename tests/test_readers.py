"""The input formats: one table of readers, chosen by content first, then by suffix."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import readers
from kg.read.articles import build_article
from kg.read.readers import ARTICLE_SUFFIXES, READERS, Reader, read_article, reader_for

READER = Path(__file__).resolve().parent / "fixtures" / "reader"
SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("002_*.txt"))


def test_readers_table_holds_text_and_html():
    assert {r.name: r.suffixes for r in READERS} == {"text": (".txt",), "html": (".html", ".htm", ".xhtml")}
    assert ARTICLE_SUFFIXES == tuple(s for r in READERS for s in r.suffixes)


@pytest.mark.parametrize("suffix, head, name", [
    (".txt", "china, russia sign a pact", "text"),
    (".HTML", "china, russia sign a pact", "html"),
    (".xhtml", "<?xml version='1.0'?><!doctype html>", "html"),
    (".txt", "<!doctype html><html><head>", "html"),     # the content says what it is
    ("", "<html lang='en'>", "html"),
    (".md", "# a page of notes", "text"),                  # whatever no reader claims is text
])
def test_readers_choice_by_content_then_suffix(suffix, head, name):
    assert reader_for(suffix, head).name == name


def test_readers_a_new_format_is_one_function_and_one_row(tmp_path, monkeypatch):
    def read_shouting(raw):
        return build_article(raw.text.lower(), raw.source, raw.where, raw.encoding, raw.warnings, "empty file")

    row = Reader("shout", (".shout",), read_shouting, sniff=lambda head: head.startswith("!!shout"))
    monkeypatch.setattr(readers, "READERS", READERS + (row,))
    text = SEED.read_text(encoding="utf-8")
    by_suffix = tmp_path / "loud.shout"
    by_suffix.write_text(text.upper(), encoding="utf-8")
    by_content = tmp_path / "loud.txt"
    by_content.write_text("!!SHOUT\n" + text, encoding="utf-8")
    assert read_article(by_suffix).title == read_article(SEED).title.lower()
    assert read_article(by_content).title == "!!shout"
    assert read_article(SEED).title != read_article(SEED).title.lower()    # the others as before


def test_readers_html_by_suffix_or_content_alike(tmp_path):
    page = (READER / "kazakhstan_brazil.html").read_bytes()
    as_txt = tmp_path / "saved.txt"
    as_txt.write_bytes(page)
    a, b = read_article(READER / "kazakhstan_brazil.html"), read_article(as_txt)
    assert (a.id, a.title, a.date, a.publisher) == (b.id, b.title, b.date, b.publisher)


def test_readers_folders_yield_every_suffix_of_the_table(tmp_path):
    from kg.pipeline import collect_paths

    page = (READER / "kazakhstan_brazil.html").read_bytes()
    for name in ("a.txt", "b.HTML", "c.htm", "d.xhtml"):
        (tmp_path / "news" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "news" / name).write_bytes(page)
    (tmp_path / "news" / "notes.md").write_text("# not an article")
    files, problems = collect_paths([tmp_path / "news"])
    assert [f.name for f in files] == ["a.txt", "b.HTML", "c.htm", "d.xhtml"] and not problems
    (tmp_path / "empty").mkdir()
    _, problems = collect_paths([tmp_path / "empty"])
    assert [p.reason for p in problems] == ["no articles in this folder (.txt, .html, .htm or .xhtml)"]
