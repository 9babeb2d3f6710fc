"""The entity helpers' shared ground: the word tables they read by (:class:`Words`), what they
look up in one Doc (:class:`Page`), and the small helpers for the edges and labels of names.

:class:`Words` is built once per component from the lexicon and the phrase files (the words
that head a name, honorifics, the words of titles, words that are no part of a person's name);
:class:`Page` once per Doc (the NER's entity at each token, where each title, demonym or state
name ends, the tokens a known name claims).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Dict, List, Optional, Set

from spacy.tokens import Doc, Span

from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from ..patterns import load_phrases, phrase_set
from ..timex import MONTHS, WEEKDAYS

__all__ = ["ENTITY_KINDS", "EDGE", "PARTICLES", "Words", "Page", "name_heads", "head_at", "trim", "of_the", "initials", "title_case",
           "name_label"]

#: kinds of name the lexicon knows, and the class each is
ENTITY_KINDS = {"country": "Country", "former_state": "Country", "capital": "Place", "place": "Place", "org": "Institution",
                "initiative": "Initiative", "agreement": "Agreement", "topic": "Topic"}
#: words and signs cut from the edges of a name
EDGE = {"the", "The", "a", "an", "'s", "’s", "'", "’", ",", ".", "-", "–", "—", "(", ")", "\"", "“", "”",
        ":", ";", "‘"}
#: lower-case particles inside a person's name ("von der Leyen", "da Silva")
PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
             "ter", "bin", "ibn", "al", "el", "la", "le", "y", "bint"}


@functools.lru_cache(maxsize=1)
def name_heads() -> Dict[str, str]:
    """The words that head a kind of name (``name_heads.tsv``: "Ministry" an institution), each
    abbreviated one also with its full stop, as often written ("Lazard Inc.")."""
    heads = dict(load_phrases("name_heads"))
    heads.update({h + ".": v for h, v in list(heads.items()) if len(h) <= 4 and h.isalpha() and h[:1].isupper()
                  and not h.isupper()})
    return heads


def head_at(heads: Dict[str, str], doc: Doc, i: int) -> Optional[str]:
    """The kind of name the capitalised word at token ``i`` heads ("Centre": an institution), or
    None (no such word, or the Doc ends)."""
    return heads.get(doc[i].text) if i < len(doc) and doc[i].is_title else None


@dataclass(frozen=True)
class Words:
    """The word tables the entity helpers read by, and the lexicon and office-holder tables."""

    lex: Lexicon
    officeholders: Optional[OfficeHolders]
    heads: Dict[str, str]           # a word that heads a name -> the kind of name ("institution", ...)
    honorifics: Set[str]
    title_words: Set[str]           # the capitalised words of the lexicon's titles
    not_name: Set[str]              # words no person's name holds
    ship_prefixes: Set[str]         # "INS", "USS": a name opening with one is a ship's
    honorific_starts: Set[str] = frozenset()    # the first word of each honorific
    standing_heads: Set[str] = frozenset()      # event heads that also head a standing body's name

    @classmethod
    def load(cls, lexicon: Lexicon, officeholders: Optional[OfficeHolders]) -> "Words":
        heads = name_heads()
        title_words = {w for t in lexicon.titles for f in t.forms for w in f.split() if w[:1].isupper()}
        not_name = (set(heads) | phrase_set("not_name") | title_words
                    | {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS})
        honorifics = phrase_set("honorifics")
        return cls(lexicon, officeholders, heads, honorifics, title_words, not_name,
                   phrase_set("ship_prefixes"), frozenset(h.split()[0] for h in honorifics),
                   phrase_set("standing_heads"))


@dataclass(frozen=True)
class Page:
    """What the helpers look up in one Doc, gathered once (each would otherwise scan the whole
    Doc per name)."""

    ent_at: Dict[int, Span]         # the NER's entity at its first token
    titles_at: Dict[int, int]       # start -> end of each title, demonym and state name
    claimed: Set[int]               # tokens of the names the lexicon knows (subject areas aside)

    @classmethod
    def of(cls, doc: Doc, known: List[Span]) -> "Page":
        return cls({e.start: e for e in doc.ents},
                   {k.start: k.end for k in known if k.label_ in ("title", "demonym", "country")},
                   {i for k in known if k.label_ != "topic" for i in range(k.start, k.end)})


def trim(doc: Doc, span: Span) -> Optional[Span]:
    """The span without the determiners, possessives and punctuation at its edges (None if empty)."""
    start, end = span.start, span.end
    while start < end and (doc[start].text in EDGE or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in EDGE or doc[end - 1].is_space):
        end -= 1
    return Span(doc, start, end) if end > start else None


def of_the(label: str) -> str:
    """A body's name after "of": "the National People's Congress", "the United Nations"."""
    return label if label.startswith(("the ", "The ")) else "the " + label


def initials(label: str) -> str:
    return "".join(w[0] for w in label.replace("-", " ").split() if w[:1].isupper())


def title_case(doc: Doc, sentence) -> Optional[tuple]:
    """(first token, end token) of a headline written in title case, where every word looks like a
    name; None when the first sentence is not one."""
    if sentence is None:
        return None
    span = doc.char_span(sentence.start - doc._.offset, sentence.end - doc._.offset, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if t.is_alpha and t.lower_ not in ("of", "the", "and", "for", "on", "in", "to", "a",
                                                                "an", "at", "by", "with", "as", "from")]
    if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.75:
        return span.start, span.end
    return None


def name_label(span: Span) -> str:
    """A name as a label: single spaces, without an acronym in brackets inside it
    ("Extended Fund Facility (EFF) programme" -> "Extended Fund Facility programme")."""
    words = []
    skip = False
    for t in span:
        if t.text == "(":
            skip = True
        elif t.text == ")":
            skip = False
        elif not skip:
            words.append(t.text + t.whitespace_)
    return " ".join("".join(words).split()) or " ".join(span.text.split())
