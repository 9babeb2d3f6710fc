"""Keys under which two spellings of one person's name meet: :func:`near_key` (a middle initial
or a hyphen apart) and :func:`sound_key` (romanisations of one name). kg.resolve.link links a
person by them only on evidence (an office of the row's state, or the state named where the
person is)."""
from __future__ import annotations

import re
import unicodedata
from typing import Dict, Iterable, Mapping, Optional, Tuple

__all__ = ["near_key", "sound_key", "near_index", "near_item"]

#: a single-letter initial, with or without its full stop ("J.", "J")
_INITIAL = re.compile(r"^[A-Z]\.?$")


def near_key(name: str) -> str:
    """The name with its hyphens made spaces and the initials between its first and last words
    dropped: two spellings with one key differ only by a middle initial or a hyphen.

    >>> near_key("Julie J. Chung"), near_key("Julie Chung"), near_key("Hossein Amir-Abdollahian")
    ('Julie Chung', 'Julie Chung', 'Hossein Amir Abdollahian')
    """
    words = name.replace("-", " ").split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]]
    return " ".join(words)


#: spellings one sound takes in romanised names, each made its second form ("Wijesekera" and
#: "Wijesekara", "Asoka" and "Ashoka", "Wajira" and "Vajira", "Maithree" and "Maitree",
#: "Jayampathi" and "Jayampathy"); doubled letters are made one as well, and a final "h" after a
#: vowel dropped
_SOUNDS = (("sh", "s"), ("th", "t"), ("ph", "f"), ("dh", "d"), ("kh", "k"), ("w", "v"), ("y", "i"),
           ("e", "a"), ("u", "o"))


#: lower-case particles of surnames, which are no name by themselves ("De Silva" is a surname)
_PARTICLES = frozenset({"de", "da", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den", "al", "el",
                        "bin", "ibn", "bint", "la", "le", "u"})


def sound_key(name: str, initials: bool = False) -> str:
    """The name as romanisations of one spelling agree on: without diacritics, initials (the
    first words' single letters: "P. Nandalal Weerasinghe", unless ``initials``), hyphens and
    case, with the letters of :data:`_SOUNDS` made one and doubled letters one. A vowel is never
    dropped ("Rohan" is not "Rohana"). Empty when fewer than two words other than particles are
    left, as a surname alone ("De Silva") is no one's name.

    >>> sound_key("Kanchana Wijesekara") == sound_key("Kanchana Wijesekera")
    True
    >>> sound_key("P. Nandalal Weerasinghe") == sound_key("Nandalal Weerasinghe")
    True
    >>> sound_key("Ismail Haniyeh") == sound_key("Ismail Haniya")
    True
    >>> sound_key("JR Jayewardene", initials=True) == sound_key("J. R. Jayawardene", initials=True)
    True
    >>> sound_key("Rohan Perera") == sound_key("Rohana Perera"), sound_key("Mahinda"), sound_key("H. De Silva")
    (False, '', '')
    """
    # initials closed up in capitals are initials too ("JR Jayewardene", "MK Stalin")
    name = " ".join(" ".join(w) if 2 <= len(w) <= 3 and w.isupper() and w.isalpha() else w for w in name.split())
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z ]", " ", folded).split()
    if not initials:
        words = [w for w in words[:-1] if len(w) > 1] + words[-1:]
    if len([w for w in words if w not in _PARTICLES and (initials or len(w) > 1)]) < 2:
        return ""
    out = []
    for w in words:
        for a, b in _SOUNDS:
            w = w.replace(a, b)
        # a final "h" after a vowel is silent ("Haniyeh" and "Haniya", "Shtayyeh" and "Shtayya")
        out.append(re.sub(r"(.)\1+", r"\1", re.sub(r"(?<=[aeiou])h$", "", w)))
    return " ".join(out)


def near_index(table: Mapping) -> Dict[str, Dict[str, set]]:
    """{key: {qid: ISO codes of the states the tables give the item}} over every person label
    of ``table`` ({(type, label): item}, items with ``qid`` and ``country``), under its
    :func:`near_key` and, prefixed "~", its :func:`sound_key` with its initials kept; the states
    are the people table's country and the states of the item's terms in the office-holder
    table."""
    from ..officeholders import get_officeholders

    states: Dict[str, set] = {}
    for t in get_officeholders().terms_all:
        if t.person_qid and t.state:
            states.setdefault(t.person_qid, set()).add(t.state)
    index: Dict[str, Dict[str, set]] = {}
    for (kind, label), item in table.items():
        if kind == "Person":
            for key in (near_key(label), "~" + sound_key(label, initials=True)):
                got = index.setdefault(key, {}).setdefault(item.qid, set())
                got |= states.get(item.qid, set())
                if item.country:
                    got.add(item.country)
    index.pop("~", None)
    return index


def near_item(labels: Iterable[str], index: Mapping[str, Mapping[str, set]],
              states: Iterable[str], named: Iterable[str] = ()) -> Optional[Tuple[str, str]]:
    """(qid, label) of the item of a person none of whose labels is a row, where the evidence is real: a label
    differs from a row's spelling only by a middle initial or a hyphen ("Julie Chung" for
    "Julie J. Chung": one :func:`near_key`) or, failing that, only as romanisations of one name
    differ (one :func:`sound_key`: "Kanchana Wijesekera" for "Kanchana Wijesekara"; the row's
    own initials kept), that key names one item only in the whole table, and a state the tables
    give that item is one of ``states`` (those of the person's offices in the graph) or, for a
    romanised spelling, of ``named`` (those named in the articles that name the person: a
    common name that differs by an initial, "John Kelly", needs an office). Labels naming two
    items give none."""
    states, named = set(states), set(named)
    found: Dict[str, str] = {}
    romanised = (lambda label: "~" + sound_key(label), lambda label: "~" + sound_key(label, initials=True))
    # a spelling nearer than a romanisation wins; a romanisation without initials before one with
    for key, evidence in ((near_key, states), (romanised[0], states | named), (romanised[1], states | named)):
        for label in labels:
            items = index.get(key(label), {})
            if len(items) == 1:
                ((qid, item_states),) = items.items()
                if item_states & evidence:
                    found[qid] = label
        if found:
            break
    if len(found) != 1:
        return None
    ((qid, label),) = found.items()
    return qid, label
