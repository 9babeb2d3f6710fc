"""How the people generator (``kg/generate/gen_people.py``) reads and varies a source's name: a
name tidied (:func:`clean_name`), English Wikipedia titles as aliases (:func:`wiki_alias`,
:func:`wiki_base`), and the typographic forms of one name news writes (:func:`ascii_form`,
:func:`initials_forms`, :func:`korean_forms`)."""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Tuple
from urllib.parse import unquote

__all__ = ["QID", "ascii_form", "initials_forms", "korean_forms", "clean_name", "wiki_base", "wiki_alias"]

QID = re.compile(r"^Q[1-9]\d*$")
_DISAMBIGUATOR = re.compile(r"\s+\([^)]*\)$")
_ASCII = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "œ": "oe", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'"})

def ascii_form(name: str) -> str:
    """``Sébastien Lecornu`` -> ``Sebastien Lecornu`` (the spelling news without diacritics uses)."""
    text = unicodedata.normalize("NFKD", name.translate(_ASCII))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_INITIALS = re.compile(r"^((?:\w\. )+)(?=\w\w)")


def initials_forms(name: str) -> Tuple[str, ...]:
    """How news writes the initials of a name the sources write ``M. A. Sumanthiran``: closed up
    (``M.A. Sumanthiran``) and without full stops (``M A Sumanthiran``, ``S Jaishankar``). The
    same letters in the same order: another typography of the one name, as an ASCII spelling is."""
    m = _INITIALS.match(name)
    if not m:
        return ()
    letters = m.group(1).replace(".", "").split()
    rest = name[m.end():]
    return tuple(dict.fromkeys(f for f in (".".join(letters) + ". " + rest, " ".join(letters) + " " + rest)
                               if f != name))


_KOREAN = re.compile(r"^([A-Z][a-z]+) ([A-Z][a-z]+)-([a-z]+)$")


def korean_forms(name: str) -> Tuple[str, ...]:
    """How news writes a Korean given name Wikidata hyphenates (``Kim Yong-hyun``): with a
    capital after the hyphen, or as two words (``Kim Yong-Hyun``, ``Kim Yong Hyun``)."""
    m = _KOREAN.match(name)
    if not m:
        return ()
    family, first, second = m.groups()
    return (f"{family} {first}-{second.capitalize()}", f"{family} {first} {second.capitalize()}")


def clean_name(name: str) -> str:
    """A source's name, tidied: entities decoded, an enwiki title's disambiguator and underscores
    dropped, spaces single. Returns "" for what is no name (a bare QID, no Latin letter)."""
    name = re.sub(r"<[^>]*>", "", html.unescape(unquote(name) if "%" in name else name)).replace("_", " ")
    name = _DISAMBIGUATOR.sub("", re.sub(r"\s+", " ", name).strip())
    if QID.match(name) or not re.search(r"[A-Za-z]", ascii_form(name)):
        return ""
    return name


def wiki_base(title: str) -> str:
    """The bare name of a disambiguated English Wikipedia title, else ""."""
    title = title.strip().replace("_", " ")
    return clean_name(title) if _DISAMBIGUATOR.search(title) else ""


def wiki_alias(title: str) -> str:
    """An English Wikipedia title as an alias; "" for a title with a disambiguator ("John Lee
    (Hong Kong politician)"): Wikipedia itself says the bare name is someone else's too."""
    return "" if _DISAMBIGUATOR.search(title.strip().replace("_", " ")) else clean_name(title)
