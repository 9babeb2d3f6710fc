"""Topics from a controlled vocabulary: IPTC Media Topics, and how news English words them.

Two tables in ``kg/data`` (sources and licences in ``kg/data/SOURCES.md``):

- ``topic_vocabulary.tsv``: the concepts (code, label, broader, alt, source), generated from IPTC
  Media Topics by ``kg/tools/gen_topics.py``;
- ``topic_wording.tsv``: general English terms for subject areas, each mapped to one concept
  (wording, code, source).

A topic is always a concept of the vocabulary; the text's own wording is what an export keeps
as ``skos:altLabel``. Both tables are read once and checked row by row (a bad row raises
:class:`kg.errors.DataError` with the file and line).

``lookup(wording)`` matches a wording of the table, ignoring case, a leading article, hyphens and
spaces inside compounds ("counter-terrorism", "counter terrorism", "counterterrorism"), plural
and singular, and British and American spelling ("defence", "defense"; "-isation", "-ization").

``head_lookup(noun_phrase)`` maps a longer noun phrase by its head and modifiers. The rule,
decided on the words alone (no tagger) and the table:

1. **Clauses are refused.** A phrase holding a pronoun (he, they, its, this...), a form of *be*,
   *have* or *do*, a modal (will, can...), a negation, a subordinator (because, though, if...)
   or a reporting verb (said, told, signed, discussed...), one that starts with a preposition or
   conjunction, holds sentence punctuation, or runs over 12 words is never a topic: "he said",
   "are committed", "has helped modernize", "even though he had" give None.
2. **The whole phrase**, then the phrase less each leading determiner, evaluative adjective or
   frame noun ("bilateral", "closer", "key", "cooperation in"...), is looked up.
3. **A preposition splits the phrase**; English puts the head on its left. When the left part is
   only frame nouns ("cooperation in", "areas of", "protection of", "trading in"), the right part
   decides: "cooperation in renewable energy sources" -> renewable energy. Otherwise the left
   part decides alone: "market access for agricultural exports" -> market access -> trade policy;
   "minister of agriculture" -> None (a minister is no subject area).
4. **Without a preposition**, trailing generic nouns are dropped one by one ("sources", "sector",
   "industry", "cooperation", "talks", "opportunities", "initiatives"...): "tariff talks" ->
   tariff; a lone adjective left over stands for its noun ("agricultural barriers" ->
   agriculture). A coordination the table does not hold ("health and education") is refused:
   :func:`topics_in` splits it. Last, ever shorter endings of the phrase are looked up, so a
   modifier outside the table falls away ("U.S. agricultural exports" -> agricultural exports)
   but a head outside it never does ("agriculture minister" -> None).

Example::

    >>> head_lookup("cooperation in renewable energy sources").label
    'renewable energy'
    >>> head_lookup("he said") is None
    True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from kg.errors import DataError

__all__ = ["Concept", "TopicTable", "load_topics", "get_topics", "concept", "lookup",
           "head_lookup", "topics_in", "is_clause", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent / "data"
VOCABULARY_COLUMNS = ("code", "label", "broader", "alt", "source")
WORDING_COLUMNS = ("wording", "code", "source")
_CODE = re.compile(r"medtop:\d{8}")
MAX_WORDS = 12


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


# ------------------------------------------------------------------------------- normalising

# British -> American, word by word; applied to the table and to the query alike, so it only
# decides which spellings meet.
_SPELLING: Mapping[str, str] = {
    "defence": "defense", "offence": "offense", "labour": "labor", "harbour": "harbor",
    "neighbour": "neighbor", "behaviour": "behavior", "favour": "favor", "colour": "color",
    "programme": "program", "centre": "center", "theatre": "theater", "fibre": "fiber",
    "metre": "meter", "litre": "liter", "jewellery": "jewelry", "aluminium": "aluminum",
    "sulphur": "sulfur", "catalogue": "catalog", "dialogue": "dialog", "ageing": "aging",
    "travelling": "traveling", "modelling": "modeling", "paediatric": "pediatric",
    "archaeology": "archeology", "palaeontology": "paleontology", "tyre": "tire",
    "mould": "mold", "plough": "plow", "cheque": "check", "grey": "gray", "enrolment": "enrollment",
}
_IZE = re.compile(r"is(ation|ations|er|ers|ed|ing)$")
_INVARIANT = frozenset({"news", "aids", "species", "series", "gas", "bus", "chaos", "paris"})
_ARTICLES = frozenset({"the", "a", "an"})
_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")
_NON_WORD = re.compile(r"[^a-z0-9&+]+")


def _singular(w: str) -> str:
    if len(w) <= 3 or w in _INVARIANT or w.endswith(("ss", "us", "is", "ics", "'")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def _norm_word(w: str) -> str:
    w = w.replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _NON_WORD.sub("", w)
    w = _SPELLING.get(w, w)
    w = _IZE.sub(r"iz\1", w)
    return _singular(w)


def _key(text: str) -> str:
    """The matching key of a wording: case, a leading article, hyphens and spaces inside
    compounds, plural and British spelling ignored."""
    parts = [p for p in _SPLIT.split(text.casefold()) if p]
    while parts and parts[0] in _ARTICLES:
        parts = parts[1:]
    return "".join(_norm_word(p) for p in parts)


def _exact(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


# ---------------------------------------------------------------------------------- loading

def _rows(path: Path, columns: Sequence[str]) -> List[Tuple[int, List[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(path, f"cannot be read ({e})")
    rows: List[Tuple[int, List[str]]] = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != tuple(columns):
                raise DataError(path, f"line {n}: header {cells!r}; expected {list(columns)!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataError(path, f"line {n}: {len(cells)} cells; expected {len(columns)} "
                                  f"({', '.join(columns)})")
        if any(c != c.strip() for c in cells):
            raise DataError(path, f"line {n}: a cell has spaces around it")
        rows.append((n, cells))
    if not header_seen:
        raise DataError(path, "no header line")
    return rows


def _load_vocabulary(path: Path) -> Dict[str, Concept]:
    out: Dict[str, Concept] = {}
    parents: List[Tuple[int, str, str]] = []
    for n, (code, label, broader, alt, source) in _rows(path, VOCABULARY_COLUMNS):
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
            self._exact[_exact(wording)] = code
            k = _key(wording)
            if k:
                # two concepts meeting on one key (only by plural or spelling) leave it to the
                # exact wording: the key gives neither
                keyed[k] = code if keyed.get(k, code) == code else None
                self._key_wording.setdefault(k, _exact(wording))
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
        code = self._exact.get(_exact(wording))
        if code is None:
            code = self._key.get(_key(wording))
        return self.vocabulary[code] if code else None

    def _code(self, words: Sequence[str]) -> Optional[str]:
        """The table's wording these words are (as the table writes it), or None."""
        if not words:
            return None
        text = " ".join(words)
        if text in self._exact:
            return text
        k = _key(text)
        return self._key_wording.get(k) if k in self._key else None

    def _head_lookup(self, noun_phrase: str) -> Optional[Concept]:
        got = self._find(noun_phrase)
        return got[1] if got else None

    def _find(self, noun_phrase: str) -> Optional[Tuple[str, Concept]]:
        """(the table's wording, its concept) that decides a noun phrase, by the rule of
        :meth:`head_lookup`: "renewable energy sources" -> ("renewable energy", renewable energy);
        "knowledge sharing" -> ("knowledge sharing", education). The wording is the topic a
        graph names (a concept of the vocabulary is broader: many wordings share one)."""
        words = _words(noun_phrase)
        if words is None:
            return None
        wording = _resolve(self, words)
        if wording is None:
            return None
        code = self._exact.get(wording) or self._key.get(_key(wording))
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
        words = _words(phrase.replace(" as well as ", " and "))
        if words is None:
            return ()
        out: List[Concept] = []
        # a frame before the list applies to each conjunct ("cooperation in trade and energy")
        prefix: List[str] = []
        i = _first_prep(words)
        if i is not None and _all_frame(words[:i]):
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
    for n, (wording, code, source) in _rows(path, WORDING_COLUMNS):
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


# ------------------------------------------------------------------------ the head-noun rule

_PRONOUNS = frozenset("""i me my mine myself you your yours yourself yourselves he him his
himself she her hers herself it its itself we us our ours ourselves they them their theirs
themselves this that these those who whom whose which what whoever whatever someone something
anyone anything everyone everything nobody nothing one's""".split())
_VERBS = frozenset("""is are was were be been being am isn't aren't wasn't weren't has have had
having hasn't haven't hadn't do does did doing don't doesn't didn't will would shall should can
could may might must won't wouldn't can't cannot couldn't shouldn't mustn't 's 're 've 'd 'll
said says say saying told tells added adds noted notes stressed stresses stated states announced
announces emphasized emphasised emphasizes emphasises urged urges expressed agreed agrees signed
discussed discusses held met meets visited visits welcomed welcomes reaffirmed reaffirms
underlined underlines highlighted highlights called calls pledged pledges vowed vows hailed
praised thanked congratulated invited attended received hosted launched inaugurated decided
approved committed helped helps aims aimed seeks sought wants wanted hopes hoped believes
believed according""".split())
_FUNCTION = frozenset("""not no never n't because although though even if unless whereas
whether when whenever while where wherever after before until once since so than then also
very just only too there here""".split())
_PREPS = frozenset("""in on of for with within across between among amongst regarding
concerning including against to from through towards toward via under over at by into like
about beyond throughout""".split())
_CONJ = frozenset({"and", "or", "but", "nor", "&"})
# Nouns that frame a subject area without being one: "cooperation in X", "X sector".
_FRAME = frozenset("""cooperation co-operation collaboration partnership partnerships ties
relations relationship relationships link links engagement engagements exchange exchanges
dialogue dialog talks consultations negotiation negotiations area areas field fields sector
sectors domain domains sphere spheres issue issues matter matters question questions project
projects programme programmes program programs initiative initiatives opportunity opportunities
potential prospect prospects promotion protection expansion strengthening enhancement deepening
support implementation work efforts effort measures measure mechanism mechanisms agreement
agreements memorandum deal deals framework frameworks plan plans roadmap strategy strategies
industry industries trading development developments capabilities capability capacity sources
source challenge challenges reform reforms activities activity generation sites site
infrastructure ventures venture investment investments interests interest affairs barriers
barrier""".split())
# Words before a subject area that do not change it ("bilateral trade", "closer cooperation").
_LEFT = frozenset("""the a an all any various several many much more most other such key major
important vital priority priorities bilateral multilateral trilateral mutual mutually beneficial
practical close closer deeper deep further enhanced expanded strengthened new greater broader
wider comprehensive joint two-way both overall general specific certain relevant related
respective potential possible future ongoing existing current concrete pragmatic effective
expanding growing increasing improved improving strengthening deepening promoting enhancing
boosting expanding developing fostering advancing intensifying bolstering""".split())
# A lone adjective left after the frame nouns stand for the noun of the table.
_ADJECTIVE_NOUN: Mapping[str, str] = {
    "agricultural": "agriculture", "agrarian": "agriculture", "economic": "economy",
    "cultural": "culture", "educational": "education", "academic": "education",
    "financial": "finance", "environmental": "environment", "ecological": "ecology",
    "industrial": "industry", "technological": "technology", "technical": "technology",
    "scientific": "science", "medical": "medicine", "commercial": "commerce",
    "judicial": "justice", "legal": "law", "touristic": "tourism", "humanitarian": "humanitarian aid",
    "religious": "religion", "diplomatic": "diplomacy", "consular": "consular affairs",
    "parliamentary": "parliamentary cooperation", "monetary": "monetary cooperation",
    "fiscal": "fiscal policy", "maritime": "maritime cooperation", "digital": "digital economy",
    "sporting": "sport", "migratory": "migration", "nuclear": "nuclear energy", "space": "outer space",
}
# Heads that name a subject area alone but something else after a modifier ("investment
# climate", "business environment"): an ending of a phrase that is only one of these is no match.
_NOT_ALONE = frozenset({"environment", "climate"})
_PUNCT = re.compile(r"[;:?!\"\u201c\u201d()\[\]{}]")
_TRIM = ".,'\u2018\u2019"


def _words(phrase: str) -> Optional[List[str]]:
    """The phrase as lower-case words, or None when it is no noun phrase."""
    if not phrase or _PUNCT.search(phrase):
        return None
    text = phrase.casefold().replace("\u2019", "'").replace(",", " , ")
    words = [w.strip(_TRIM) if w != "," else w for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > MAX_WORDS or is_clause(words):
        return None
    return words


def is_clause(words: Sequence[str]) -> bool:
    """Whether lower-case words are a clause or a fragment rather than a noun phrase: a pronoun,
    an auxiliary, modal or reporting verb, a negation or subordinator, or a first word that is a
    preposition or conjunction."""
    for w in words:
        stem, _, tail = w.partition("'")
        if w in _PRONOUNS or w in _VERBS or w in _FUNCTION or stem in _PRONOUNS \
                or w.endswith("n't") or tail in ("re", "ve", "ll", "d", "m"):
            return True
    first = words[0]
    return first in _PREPS or first in _CONJ or first == ","


def _first_prep(words: Sequence[str]) -> Optional[int]:
    for i, w in enumerate(words):
        if i and w in _PREPS:
            return i
    return None


def _all_frame(words: Sequence[str]) -> bool:
    return all(w in _FRAME or w in _LEFT for w in words)


def _resolve(table: TopicTable, words: List[str]) -> Optional[str]:
    code = table._code(words)
    if code:
        return code
    # the phrase less its leading determiners, evaluative words and frame nouns
    # ("strengthening the rule of law"; a frame noun only with its preposition: "cooperation in")
    rest = list(words)
    while rest:
        if rest[0] in _LEFT:
            rest = rest[1:]
        elif rest[0] in _FRAME and len(rest) > 1 and rest[1] in _PREPS:
            rest = rest[2:]
        else:
            break
        code = table._code(rest)
        if code:
            return code
    i = _first_prep(words)
    if i is not None:
        left, right = words[:i], words[i + 1:]
        if _all_frame(left):
            return _resolve(table, right) if right else None
        return _resolve_np(table, left)
    return _resolve_np(table, words)


def _resolve_np(table: TopicTable, words: List[str]) -> Optional[str]:
    """A noun phrase without a preposition."""
    words = [w for w in words if w not in _ARTICLES]
    while words and words[0] in _LEFT:
        words = words[1:]
        code = table._code(words)
        if code:
            return code
    if not words:
        return None
    code = table._code(words)
    if code:
        return code
    # drop trailing frame nouns: "renewable energy sources", "tariff talks"; an adjective left
    # before them carries the subject: "people-to-people cultural exchanges" -> culture
    core = list(words)
    while len(core) > 1 and core[-1] in _FRAME:
        core = core[:-1]
        code = table._code(core)
        if code:
            return code
        if core[-1] in _ADJECTIVE_NOUN:
            return table._code([_ADJECTIVE_NOUN[core[-1]]])
    if any(w in _CONJ or w == "," for w in core):
        return None
    # ever shorter endings: a modifier outside the table falls away, the head never does
    for start in range(1, len(core)):
        if start == len(core) - 1 and core[-1] in _NOT_ALONE:
            break
        code = table._code(core[start:])
        if code:
            return code
    return None
