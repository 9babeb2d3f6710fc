"""Entities: the names in each sentence, from world knowledge and from the shape of names.

Three passes over an article:

1. known names (states, demonyms, capitals and cities, organisations, titles, government
   organs, initiatives, topics) by longest match against the lexicon;
2. offices (:mod:`kg.extract.positions`) and people named after a title or before an
   appositive ("Premier Li Qiang", "Ding Tao, the chargé d'affaires of China");
3. unknown names by their shape ("… University", "… Initiative", "Agreement on …"), acronyms
   defined in parentheses, and later short forms of people already named ("Aliyev").
"""
from __future__ import annotations

import functools
import re
from typing import Dict, List, Optional, Tuple

from ..articles import Article
from ..findings import Fact, Mention, Ref
from ..lexicon import Lexicon, get_lexicon, of_state
from .doc import Doc, Span
from .shapes import (AGREEMENT_WORDS, EVENT_HEADS, GROUP_PHRASES, INITIATIVE_HEADS,
                     INSTITUTION_HEADS, LEADER_GROUPS, NOT_NAME, PRESIDENT_GROUPS, PLACE_HEADS, SPEECH_VERBS)
from .text import CONNECTORS, Gazetteer, Token, cued_finditer, is_cap, tokenize

__all__ = ["annotate", "gazetteer"]

# When one surface has several readings, the first kind here wins.
BLOCKING = ("person", "title", "position", "organ", "demonym", "group")
PRIORITY = ("org", "country", "initiative", "agreement", "capital", "place", "demonym", "organ",
            "title", "topic")


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The lexicon as a token gazetteer (built once per process)."""
    lex = get_lexicon()
    gz = Gazetteer()
    for c in lex.countries.values():
        ref = Ref("Country", c.name)
        for name in {c.name, c.official_name, *c.aliases}:
            if name:
                gz.add(name, "country", ref)
        for d in (*c.demonyms, *getattr(c, "prefixes", ())):
            gz.add(d, "demonym", ref)
        for cap in c.capitals:
            gz.add(cap, "capital", (Ref("Place", cap), ref))
    for p in lex.places:
        country = Ref("Country", lex.countries[p.country].name) if p.country in lex.countries else None
        kind = "capital" if p.kind == "capital" else "place"
        for name in (p.name, *p.aliases):
            gz.add(name, kind, (Ref("Place", p.name), country))
    for o in lex.organisations:
        country = Ref("Country", lex.countries[o.country].name) if o.country in lex.countries else None
        for name in (o.label, *o.aliases, *o.acronyms):
            gz.add(name, "org", (Ref("Institution", o.label), country, o))
    for t in lex.titles:
        for form in t.forms:
            gz.add(form, "title", t, fold=True)
    for organ in lex.organs:
        for form in organ.forms:
            gz.add(form, "organ", organ, fold=not form.isupper())
    for ini in getattr(lex, "initiatives", ()):
        refs = [Ref(ini.type, lbl) for lbl in ini.members] if ini.members else [Ref(ini.type, ini.label)]
        kind = "agreement" if ini.type == "Agreement" else "initiative"
        for name in (ini.label, *ini.aliases):
            gz.add(name, kind, tuple(refs), fold=len(tokenize(name)) > 1)
    for topic in getattr(lex, "topics", ()):
        gz.add(topic, "topic", Ref("Topic", topic), fold=True)
    for alias, topic in getattr(lex, "topic_aliases", {}).items():
        gz.add(alias, "topic", Ref("Topic", topic), fold=len(tokenize(alias)) > 1 or alias.islower())
    for words in GROUP_PHRASES:
        gz.add(" ".join(words), "group", "countries", fold=True)
    for words in LEADER_GROUPS:
        gz.add(" ".join(words), "group", "leaders", fold=True)
    for words in PRESIDENT_GROUPS:
        gz.add(" ".join(words), "group", "presidents", fold=True)
    return gz


def _span(doc: Doc, k: int, toks: List[Token], i: int, j: int, kind: str, ref: Optional[Ref],
          country: Optional[Ref] = None, payload: object = None) -> Span:
    text = doc.text(k)
    return Span(k, i, j, toks[i].start, toks[j - 1].end, kind, ref, text[toks[i].start:toks[j - 1].end],
                country, payload)


_CURRENCY_NOUN = re.compile(r"dollars?|cents?", re.I)


def _known(doc: Doc, k: int, toks: List[Token]) -> List[Span]:
    """Pass 1: lexicon names, with possessives and hyphenated pairs ("China-Azerbaijan")."""
    gz = gazetteer()
    spans: List[Span] = []
    for i, j, entries in gz.scan(toks):
        kind, payload = min(entries, key=lambda e: PRIORITY.index(e[0]) if e[0] in PRIORITY else 99)
        if kind in ("country", "demonym"):
            spans.append(_span(doc, k, toks, i, j, kind, payload, country=payload))
        elif kind in ("capital", "place"):
            spans.append(_span(doc, k, toks, i, j, kind, payload[0], country=payload[1]))
        elif kind == "org":
            spans.append(_span(doc, k, toks, i, j, "org", payload[0], country=payload[1], payload=payload[2]))
        elif kind in ("initiative", "agreement"):
            refs = list(payload)
            spans.append(_span(doc, k, toks, i, j, kind, refs[0] if len(refs) == 1 else None,
                               payload=refs if len(refs) > 1 else None))
        elif kind == "topic":
            # A topic word inside a capitalised name is part of the name, not a topic.
            if j - i == 1 and is_cap(toks[i].text) and i > 0:
                continue
            spans.append(_span(doc, k, toks, i, j, "topic", payload))
        elif kind == "group":
            spans.append(_span(doc, k, toks, i, j, "group", None, payload=payload))
        else:
            spans.append(_span(doc, k, toks, i, j, kind, None, payload=payload))
    spans = [s for s in spans if not (s.kind in ("place", "capital") and s.j < len(toks)
                                      and is_cap(toks[s.j].text) and toks[s.j].text not in NOT_NAME
                                      and s.i > 0)]
    # "U.S. dollars", "Australian dollar", "Hong Kong dollars": a currency, not a country named
    spans = [s for s in spans if not (s.kind in ("country", "demonym", "capital", "place") and s.j < len(toks)
                                      and _CURRENCY_NOUN.fullmatch(toks[s.j].text))]
    covered = {t for s in spans for t in range(s.i, s.j)}
    for i, tok in enumerate(toks):
        if i in covered or "-" not in tok.text:
            continue
        off = tok.start
        for part in tok.text.split("-"):
            n, entries = gz.match(tokenize(part), 0)
            start = tok.text.index(part, off - tok.start) + tok.start
            off = start + len(part)
            if n != len(tokenize(part)) or not entries:
                continue
            kind, payload = min(entries, key=lambda e: PRIORITY.index(e[0]) if e[0] in PRIORITY else 99)
            if kind in ("country", "demonym"):
                sp = Span(k, i, i + 1, start - 0, off, kind, payload, part, payload)
            elif kind == "org":
                sp = Span(k, i, i + 1, start, off, "org", payload[0], part, payload[1], payload[2])
            else:
                continue      # "Trans-Caspian", "China-Europe": a place inside a compound is not named
            sp.part = True
            spans.append(sp)
    return spans


PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
                       "ter", "bin", "ibn", "al", "el", "la", "le", "y"})
FUNCTION_WORDS = frozenset({"To", "A", "An", "On", "In", "At", "As", "By", "Do", "Le", "La", "My", "So", "Ho",
                            "Li", "He", "Ha", "Mi"})


_NAME_WORD = re.compile(r"^[^\W\d_][\w'’\-]*$")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")      # "al-Sisi"


@functools.lru_cache(maxsize=1 << 16)
def _name_word(w: str) -> bool:
    """A word that may be part of a person's name (cached: every token of every sentence is asked)."""
    return bool(_NAME_WORD.match(w)) and is_cap(w) and w not in NOT_NAME


@functools.lru_cache(maxsize=1 << 16)
def _may_start_name(w: str) -> bool:
    """Whether :func:`_name_run` can read a name from this word on: a name word, an initial or
    a short word such as "To" ("To Lam"); any other word gives a run of 0."""
    return (len(w) == 1 and w.isupper()) or w in FUNCTION_WORDS or _name_word(w)


def _name_run(toks: List[Token], i: int, taken: set, limit: int = 5, after_title: bool = False) -> int:
    """How many tokens from ``i`` read as a person's name: capitalised words, initials
    ("S. Jaishankar"), particles inside ("Luiz Inacio Lula da Silva", "Ursula von der Leyen",
    "Abdel Fattah al-Sisi"). A word like "To" starts a name only mid-sentence before another
    name word ("talks with To Lam")."""
    n = 0
    while i + n < len(toks) and n < limit:
        w = toks[i + n].text
        if i + n in taken:
            break
        if len(w) == 1 and w.isupper() and i + n + 1 < len(toks) and toks[i + n + 1].text == "." \
                and i + n + 2 < len(toks) and _name_word(toks[i + n + 2].text):
            n += 2                                           # an initial: "S."
            continue
        if n == 0 and w in FUNCTION_WORDS and (i > 0 or after_title) and i + 1 < len(toks) \
                and _name_word(toks[i + 1].text) and i + 1 not in taken:
            n += 1
            continue
        if n and w in PARTICLES and i + n + 1 < len(toks) and (_name_word(toks[i + n + 1].text)
                                                               or toks[i + n + 1].text in PARTICLES):
            n += 1
            continue
        if n and _ARABIC_ARTICLE.match(w):
            n += 1
            continue
        if not _name_word(w) or (w.endswith(".") and len(w) > 2):
            break
        n += 1
    while n and (toks[i + n - 1].text in PARTICLES or toks[i + n - 1].text == "."):
        n -= 1
    return n


_LATIN_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _title_case_line(text: str) -> bool:
    words = [w for w in _LATIN_WORD.findall(text) if w.lower() not in CONNECTORS]
    return len(words) >= 3 and sum(map(is_cap, words)) / len(words) > 0.75


def annotate(article: Article, lex: Optional[Lexicon] = None) -> Doc:
    """Find the entities of every sentence of an article; return the annotated Doc."""
    from .positions import find_positions, listed_offices   # positions need spans from pass 1

    doc = Doc(article=article, tokens=[tokenize(s.text) for s in article.sentences])
    doc.spans = [_known(doc, k, toks) for k, toks in enumerate(doc.tokens)]
    doc.home = _home_country(doc)
    _organs(doc)
    find_positions(doc)                          # adds person, position and organ spans
    for k, toks in enumerate(doc.tokens):
        _shaped(doc, k, toks)
    _acronyms(doc)
    _short_names(doc)
    for k in range(len(doc.spans)):
        doc.spans[k].sort(key=lambda s: (s.start, -s.end))
    listed_offices(doc)                          # needs the people found by context
    _emit(doc)
    return doc


def _organs(doc: Doc) -> None:
    """ "Chinese Foreign Ministry", "the Foreign Ministry of Kazakhstan", "Brazil's government":
    an organ is tied to the state the words name; one with no state named stays unnamed."""
    for k, toks in enumerate(doc.tokens):
        for s in doc.of(k, "organ"):
            country = None
            left = next((x for x in doc.spans[k] if x.j == s.i and x.kind in ("demonym", "country")), None)
            if left is None and s.i >= 2 and toks[s.i - 1].text in ("'s", "’s"):
                left = next((x for x in doc.spans[k] if x.j == s.i - 1 and x.kind == "country"), None)
            if left:
                country = left.country or left.ref
            elif s.j + 1 < len(toks) and toks[s.j].text == "of":
                right = next((x for x in doc.spans[k] if x.i == s.j + 1 and x.kind == "country"), None)
                country = right.ref if right else None
            if country:
                s.country = country
                s.ref = Ref("Institution", s.payload.template.format(country=of_state(country.label)))
                if left:                                # "Sudanese Armed Forces" is a name of it too
                    s.surface = doc.text(k)[left.start:s.end]


def _home_country(doc: Doc) -> Optional[Ref]:
    """The country an article's unqualified titles belong to ("Premier Li Qiang"): the
    dateline's, else the news agency's."""
    art = doc.article
    gz = gazetteer()
    if art.dateline_place:
        n, entries = gz.match(tokenize(art.dateline_place), 0)
        for kind, payload in entries:
            if kind in ("capital", "place") and payload[1]:
                return payload[1]
            if kind == "country":
                return payload
    if art.publisher:
        n, entries = gz.match(tokenize(art.publisher), 0)
        for kind, payload in entries:
            if kind == "org" and payload[1]:
                return payload[1]
    return None


def _shaped(doc: Doc, k: int, toks: List[Token]) -> None:
    """Pass 3: unknown names recognised by their head word, people by speech and apposition."""
    spans = doc.spans[k]
    taken = {t for s in spans for t in range(s.i, s.j) if s.kind not in ("topic",)}
    # a known name may be part of a bigger one ("Belt and Road Forum for International
    # Cooperation", "China-Azerbaijan … Conference"); people, offices and organs may not
    blocked = {t for s in spans for t in range(s.i, s.j) if s.kind in BLOCKING}
    text = doc.text(k)
    headline = _title_case_line(text)
    i = 0
    while i < len(toks):
        if i in blocked or not is_cap(toks[i].text) or (i > 0 and toks[i - 1].text in ("'s", "’s")):
            i += 1
            continue
        j = i
        while j < len(toks) and j not in blocked:
            w = toks[j].text
            if is_cap(w) or w.isdigit() and j > i:
                j += 1
            elif (w.lower() in CONNECTORS or w in ("a", "an")) and j + 1 < len(toks) \
                    and (is_cap(toks[j + 1].text) or toks[j + 1].text.lower() in ("the", "a", "an")):
                j += 1
            elif w in ("'s", "’s") and j > i and j + 1 < len(toks) and is_cap(toks[j + 1].text):
                j += 1
            else:
                break
        while j > i and toks[j - 1].text.lower() in CONNECTORS:
            j -= 1
        if j > i and not headline:
            _classify_chunk(doc, k, toks, i, j, taken)
        i = max(j, i + 1)
    _people_by_context(doc, k, toks, taken)
    _phrases(doc, k, toks, taken)


# "Caliber.Az reports citing …", "TASS reported": a news outlet
_OUTLET_CUE = re.compile(r"report")
_OUTLET = re.compile(r"\b([A-Z][\w]*(?:\.[A-Z][a-z]+)?(?:\s[A-Z][\w]+){0,2})\s+(?:reports?|reported),?\s+(?:citing|quoting)\b")
# "the Armenia-Azerbaijan peace process", "the Israel-Hamas ceasefire talks"
_PROCESS_CUE = re.compile(r"process|talks|dialogue")
_PROCESS = re.compile(r"\b([A-Z][\w]+(?:-[A-Z][\w]+)+)\s+(peace\s+process|normali[sz]ation\s+process|peace\s+talks|"
                      r"border\s+delimitation\s+process|dialogue)\b")
# '"Taiwan independence"', "Kosovo independence": a cause named after a place
_CAUSE_CUE = re.compile(r"independence|separatism|secession")
_CAUSE = re.compile(r"\b([A-Z][\w]+)\s+(independence|separatism|secession)\b")


def _phrases(doc: Doc, k: int, toks: List[Token], taken: set) -> None:
    """Names that news English builds from other names: outlets citing, processes between
    states, causes named after a place."""
    text = doc.text(k)
    def span_at(a: int, b: int, kind: str, ref: Ref) -> None:
        i = next((n for n, t in enumerate(toks) if t.start == a), None)
        j = next((n + 1 for n, t in enumerate(toks) if t.end == b), None)
        if i is None or j is None:
            return
        doc.spans[k].append(Span(k, i, j, a, b, kind, ref, text[a:b]))
        taken.update(range(i, j))
    for m in cued_finditer(_OUTLET, _OUTLET_CUE, text):
        name = m.group(1)
        if not any(s.start <= m.start(1) < s.end for s in doc.spans[k]):
            span_at(m.start(1), m.end(1), "org", Ref("Institution", name))
    for m in cued_finditer(_PROCESS, _PROCESS_CUE, text):
        parts = m.group(1).split("-")
        if all(gazetteer().match(tokenize(p), 0)[1] for p in parts):
            label = f"{m.group(1)} {' '.join(m.group(2).split())}"
            span_at(m.start(), m.end(), "initiative", Ref("Initiative", label))
    for m in cued_finditer(_CAUSE, _CAUSE_CUE, text):
        n, entries = gazetteer().match(tokenize(m.group(1)), 0)
        if n and any(kind in ("place", "country", "capital") for kind, _ in entries):
            label = f"{m.group(1)} {m.group(2)}"
            doc.spans[k] = [s for s in doc.spans[k] if not (s.start >= m.start() and s.end <= m.end())]
            span_at(m.start(), m.end(), "topic", Ref("Topic", label))


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")


def _classify_chunk(doc: Doc, k: int, toks: List[Token], i: int, j: int, taken: set) -> None:
    # "… Forum for International Cooperation in Beijing": a trailing "in <place>" is where, not who
    for s in doc.spans[k]:
        if s.kind in ("place", "capital", "country") and s.j == j and s.i - 1 > i and toks[s.i - 1].text == "in":
            j = s.i - 1
    words = [t.text for t in toks[i:j]]
    inner = [s for s in doc.spans[k] if s.i >= i and s.j <= j]
    if any(s.i <= i and s.j >= j and s.kind != "topic" for s in doc.spans[k]):
        return
    # head: the last word before the first "of"/"for"/"on" (General Administration of Customs)
    cut = next((n for n, w in enumerate(words) if w in ("of", "for", "on", "to") and n > 0), len(words))
    head, first, last = words[cut - 1], words[0], words[-1]
    if first == "The" and i == 0:
        words, i = words[1:], i + 1
        if not words:
            return
        first = words[0]
    kind = None
    if first in EVENT_HEADS or head in EVENT_HEADS or last in EVENT_HEADS:
        kind = "event"
    elif any(w in AGREEMENT_WORDS for w in words) and (first in AGREEMENT_WORDS or first in ("Joint", "Free")
                                                       or head in AGREEMENT_WORDS or last in AGREEMENT_WORDS):
        kind = "agreement"
    elif head in INITIATIVE_HEADS or last in INITIATIVE_HEADS:
        kind = "initiative"
    elif head in INSTITUTION_HEADS or last in INSTITUTION_HEADS:
        kind = "org"
    elif head in PLACE_HEADS and len(words) > 1:
        kind = "place"
    elif j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and _ACRONYM.fullmatch(toks[j + 1].text):
        # "Statistics Indonesia (BPS)", "Korea Hydro & Nuclear Power (KHNP)": a name that brings
        # its own acronym names a body. It starts after a possessive ("Chile's Undersecretariat
        # ..."), and at the word the acronym's first letter stands for when a list runs into it
        # ("Energy Secretary Sharon Garin and Korea Hydro & Nuclear Power (KHNP)")
        start = max((n + 1 for n, w in enumerate(words) if w in ("'s", "’s")), default=0)
        if "and" in words[start:]:
            start = next((n for n in range(start, len(words)) if words[n][:1] == toks[j + 1].text[:1]), None)
        if start is not None and not any(s.kind in ("person", "position", "title") and s.i >= i + start for s in inner):
            i, words = i + start, words[start:]
            inner = [s for s in inner if s.i >= i]
            kind = "org"
    if kind == "org" and ("'s" in words or "’s" in words):
        # "South Korea's Economic Development Cooperation Fund": the state owns it, the name follows
        cut = max(n + 1 for n, w in enumerate(words) if w in ("'s", "’s"))
        owner = [s for s in inner if s.j <= i + cut - 1 and s.kind in ("country", "demonym")]
        if owner and cut < len(words):
            i, words = i + cut, words[cut:]
            inner = [s for s in inner if s.i >= i] + owner[-1:]
    if kind is None or len(words) < 2:
        return
    # "the Global Security Initiative and the Global Civilization Initiative", "China's Belt
    # and Road Initiative": the chunk ends in a name already known, so it is not a new name
    if any(s.j == j and s.i > i and s.kind == kind for s in inner):
        return
    text = doc.text(k)
    surface = text[toks[i].start:toks[j - 1].end]
    if kind == "initiative" and last.endswith("s") and last[:-1] in INITIATIVE_HEADS:
        _distribute(doc, k, toks, i, j, last[:-1], taken)
        return
    label = _expand_acronyms(surface)
    typ = {"event": None, "agreement": "Agreement", "initiative": "Initiative", "org": "Institution",
           "place": "Place"}[kind]
    ref = Ref(typ, label) if typ else None
    sp = Span(k, i, j, toks[i].start, toks[j - 1].end, kind, ref, surface, payload=label)
    if kind == "org":
        sp.country = next((s.country for s in inner if s.kind in ("demonym", "country")), None)
    doc.spans[k] = [s for s in doc.spans[k] if not (s in inner and s.kind in ("place", "capital", "topic")
                                                    and kind not in ("event",))] + [sp]
    taken.update(range(i, j))


def _distribute(doc: Doc, k: int, toks: List[Token], i: int, j: int, head: str, taken: set) -> None:
    """ "Global Development, Global Security, and Global Civilization Initiatives": one each."""
    text = doc.text(k)
    parts = [(i, j - 1)]
    m = i - 1
    while m > 0 and toks[m].text in (",", "and") :
        while m >= 0 and toks[m].text in (",", "and"):
            m -= 1
        end = m + 1
        while m >= 0 and is_cap(toks[m].text) and m not in taken:
            m -= 1
        if end - (m + 1) < 1:
            break
        parts.append((m + 1, end))
    for a, b in parts:
        label = text[toks[a].start:toks[b - 1].end] + " " + head
        ref = Ref("Initiative", _expand_acronyms(label))
        last_tok = j - 1 if (a, b) == parts[0] else b - 1
        doc.spans[k].append(Span(k, a, last_tok + 1, toks[a].start, toks[last_tok].end, "initiative", ref,
                                 label, payload=None))
        taken.update(range(a, last_tok + 1))


def _expand_acronyms(label: str) -> str:
    """ "UN Framework Convention" -> "United Nations Framework Convention": a known acronym
    at the start of a name stands for its organisation."""
    first, _, rest = label.partition(" ")
    if rest and first.isupper() and len(first) >= 2:
        n, entries = gazetteer().match(tokenize(first), 0)
        for kind, payload in entries:
            if kind == "org" and first in payload[2].acronyms:
                return f"{payload[0].label} {rest}"
    return label


_ROLE_BEFORE = re.compile(r"\b(?:ministers?|presidents?|prime\s+ministers?|leaders|counterparts?|envoys?|"
                          r"ambassadors?|chancellors?|secretar(?:y|ies)(?:[\s-]general)?|spokes(?:man|woman|person)|"
                          r"heads?\s+of\s+(?:state|government))\b(?:\s+(?:of|for)\s+[\w\s,'’-]{1,60}?)?,\s*$", re.I)


NOT_PERSON_HEADS = INSTITUTION_HEADS | INITIATIVE_HEADS | AGREEMENT_WORDS | EVENT_HEADS | PLACE_HEADS


def _people_by_context(doc: Doc, k: int, toks: List[Token], taken: set) -> None:
    """People named by how a sentence treats them: "according to Ding Tao", "Ding Tao said",
    "said Ding Tao", "Ding Tao, a member of …"."""
    text = doc.text(k)
    for i in range(len(toks)):
        if i in taken or (i > 0 and i - 1 in taken and is_cap(toks[i - 1].text)) \
                or not _may_start_name(toks[i].text):
            continue
        n = _name_run(toks, i, taken)
        if not 2 <= n <= 3:
            continue
        before = [t.text.lower() for t in toks[max(0, i - 2):i]]
        after = toks[i + n].text if i + n < len(toks) else ""
        after2 = toks[i + n + 1].text.lower() if i + n + 1 < len(toks) else ""
        after_title = after == "," and (after2 in ("the", "a", "an") or gazetteer().match(toks, i + n + 1)[1])
        # "Pablo Quirno, who …": only a person is a "who"
        who = after == "," and after2 == "who"
        # "the foreign ministers of Chile and Argentina, Alberto van Klaveren and Pablo Quirno":
        # names in apposition to people named by their office
        listed = before[-1:] == [","] and _ROLE_BEFORE.search(text[max(0, toks[i].start - 80):toks[i].start])
        also = before[-1:] == ["and"] and i >= 2 and (i - 2) in taken and any(
            sp.kind == "person" and sp.j == i - 1 for sp in doc.spans[k])
        # a name whose last word heads an institution, an initiative, a place or an event is not a
        # person's ("the Agua Negra Tunnel, a road tunnel under the Andes")
        if toks[i + n - 1].text in NOT_PERSON_HEADS:
            continue
        if (before[-2:] == ["according", "to"] or after.lower() in SPEECH_VERBS
                or (before[-1:] == ["said"] and i + n >= len(toks) - 1) or after_title or who or listed or also):
            label = text[toks[i].start:toks[i + n - 1].end]
            ref = Ref("Person", label)
            doc.spans[k].append(Span(k, i, i + n, toks[i].start, toks[i + n - 1].end, "person", ref, label))
            doc.persons.setdefault(label, ref)
            taken.update(range(i, i + n))


def _acronyms(doc: Doc) -> None:
    """ "Shanghai Cooperation Organization (SCO)": the acronym names the same thing afterwards."""
    aliases: Dict[str, Span] = {}
    for k, toks in enumerate(doc.tokens):
        for s in list(doc.spans[k]):
            if s.ref and s.j + 2 < len(toks) + 1 and s.j + 2 <= len(toks) - 1 \
                    and toks[s.j].text == "(" and toks[s.j + 2].text == ")":
                acr = toks[s.j + 1].text
                if acr.isupper() and 2 <= len(acr) <= 8 and acr[0] == s.surface[0].upper():
                    aliases.setdefault(acr, s)
    if not aliases:
        return
    for k, toks in enumerate(doc.tokens):
        taken = {t for s in doc.spans[k] for t in range(s.i, s.j)}
        for i, tok in enumerate(toks):
            if tok.text in aliases and i not in taken:
                src = aliases[tok.text]
                doc.spans[k].append(Span(k, i, i + 1, tok.start, tok.end, src.kind, src.ref, tok.text,
                                         src.country, src.payload))


def _short_names(doc: Doc) -> None:
    """Full names and short forms ("Aliyev", "Xi") of the people the article has named."""
    if not doc.persons:
        return
    full = sorted({r.label for r in doc.persons.values()}, key=lambda n: (-len(n), n))
    short: Dict[Tuple[str, ...], Ref] = {}
    order = _first_seen(doc)
    for name in full:
        parts = name.split()
        ref = doc.persons[name]
        if len(parts) < 2:
            continue
        # "Aliyev", "Xi", and for longer names any part a text may use alone ("Lula")
        forms = {parts[0], parts[-1]} | ({p for p in parts[1:-1] if len(p) > 2 and p not in PARTICLES}
                                         if len(parts) > 2 else set())
        for form in forms:
            if form in NOT_NAME or form in PARTICLES or len(form) < 2:
                continue
            prev = short.get((form,))
            if prev is None or order.get(ref.label, 1e9) < order.get(prev.label, 1e9):
                short[(form,)] = ref
    # full names by first word, longest first, tokenised once
    by_first: Dict[str, List[Tuple[Tuple[str, ...], Ref]]] = {}
    for name in full:
        words = tuple(t.text for t in tokenize(name))
        by_first.setdefault(words[0], []).append((words, doc.persons[name]))
    for k, toks in enumerate(doc.tokens):
        taken = {t for s in doc.spans[k] for t in range(s.i, s.j)}
        texts = [t.text for t in toks]
        i = 0
        while i < len(toks):
            hit = None
            for words, ref in by_first.get(texts[i], ()):
                if tuple(texts[i:i + len(words)]) == words and not taken & set(range(i, i + len(words))):
                    hit = (len(words), ref)
                    break
            if hit is None and i not in taken and (toks[i].text,) in short \
                    and not (i + 1 < len(toks) and is_cap(toks[i + 1].text) and toks[i + 1].text not in NOT_NAME):
                hit = (1, short[(toks[i].text,)])
            if hit:
                n, ref = hit
                doc.spans[k].append(Span(k, i, i + n, toks[i].start, toks[i + n - 1].end, "person", ref,
                                         doc.text(k)[toks[i].start:toks[i + n - 1].end]))
                taken.update(range(i, i + n))
                i += n
            else:
                i += 1


def _first_seen(doc: Doc) -> Dict[str, int]:
    seen: Dict[str, int] = {}
    for k, spans in enumerate(doc.spans):
        for s in spans:
            if s.kind == "person" and s.ref:
                seen.setdefault(s.ref.label, k * 10000 + s.start)
    return seen


def _emit(doc: Doc) -> None:
    """Mentions (surface forms become altLabels) and the facts world knowledge adds to them:
    a city's country, a national body's state (only for states the article itself names:
    a mention of Astana does not make an article about Kazakhstan)."""
    named = {doc.country_of(s) for sp in doc.spans for s in sp if s.kind in ("country", "demonym")}
    for k, spans in enumerate(doc.spans):
        sent = doc.sentences[k]
        for s in spans:
            for ref in s.refs:
                if s.kind in ("event", "group"):
                    continue
                surface = s.surface if len(s.refs) == 1 else ref.label
                doc.findings.append(Mention(sent, ref, surface))
            if s.country and s.kind in ("demonym",) and s.ref:
                continue
            if s.kind in ("capital", "place") and s.ref and s.country in named:
                doc.findings.append(Fact(sent, s.ref, "locatedIn", s.country))
            if s.kind in ("org", "organ") and s.ref and s.country in named and _of_its_state(s.payload) \
                    and not _bilateral(doc, k, s):
                doc.findings.append(Mention(sent, s.country, s.country.label))
                doc.findings.append(Fact(sent, s.ref, "partOf", s.country))
            if s.kind == "org" and s.ref and getattr(s.payload, "part_of", None):
                parent = Ref("Institution", s.payload.part_of)
                doc.findings.append(Mention(sent, parent, parent.label))
                doc.findings.append(Fact(sent, s.ref, "partOf", parent))
    _emit_agency(doc, named)


def _bilateral(doc: Doc, k: int, s: Span) -> bool:
    """A body named after two states ("Nigeria-Ghana Joint Commission") belongs to neither."""
    inside = {doc.country_of(c) for c in doc.of(k, "country", "demonym") if s.start <= c.start and c.end <= s.end}
    return len(inside - {None}) >= 2


def _of_its_state(payload) -> bool:
    """Whether a national body is part of its state: not an independent news outlet (Reuters,
    AFP, the Press Trust of India), whose country is only where it is based."""
    return getattr(payload, "kind", None) != "news"


def _emit_agency(doc: Doc, named: set) -> None:
    """The news agency a dateline credits ("HANOI, March 29 (VNA)"): an Institution read from
    the dateline, and part of its state when the article names that state."""
    art = doc.article
    where = art.dateline_sentence
    if where is None or not art.publisher:
        return
    words = tokenize(art.publisher)
    n, entries = gazetteer().match(words, 0)
    if n != len(words):
        # a credit by initials the lexicon does not list as a short form ("(MENA)")
        lex = get_lexicon()
        org = lex.agency_by_initials(art.publisher)
        if org is None:
            return
        country = Ref("Country", lex.countries[org.country].name) if org.country in lex.countries else None
        entries = [("org", (Ref("Institution", org.label), country, org))]
    for kind, payload in entries:
        if kind == "org":
            ref, country = payload[0], payload[1]
            doc.findings.append(Mention(where, ref, art.publisher))
            if country and country in named and _of_its_state(payload[2]):
                doc.findings.append(Mention(where, country, country.label))
                doc.findings.append(Fact(where, ref, "partOf", country))
            return
