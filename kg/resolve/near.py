"""Keys under which two spellings of one person's name meet: :func:`near_key` (a middle initial
or a hyphen apart), :func:`sound_key` (romanisations of one name) and :func:`short_key` (the
name as news shortens it). kg.resolve.link links a
person by them only on evidence (an office of the row's state, or the state named where the
person is)."""
from __future__ import annotations

import re
import unicodedata
from typing import Dict, Iterable, Mapping, Optional, Tuple

__all__ = ["near_key", "sound_key", "short_key", "near_index", "near_item"]

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


#: the Arabic article written before a surname ("al-Gaddafi", "Al Sadat", "el-Sisi")
_ARTICLE = re.compile(r"^(?:al|el|Al|El)-?$|^(?:al|el|Al|El)-(?=[A-Z])")
#: the words that join a patronymic ("Faisal bin Farhan"), after which "Al X" names the family
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})


#: states whose people's given names are often written as separate syllables ("Chen Xiang Yuan",
#: "Nguyen Van Thanh"): no word of such a name is a middle name to leave out
_SYLLABLE_NAMES = frozenset({"CN", "TW", "HK", "MO", "KP", "KR", "VN", "SG"})


def short_key(name: str, middle: bool = False) -> str:
    """The :func:`sound_key` of the name as news shortens it: without the Arabic article before
    the surname ("Muammar al-Gaddafi" is "Muammar Gaddafi", "Anwar Al Sadat" "Anwar Sadat") and
    without a ruling family's name after a patronymic ("Faisal bin Farhan Al Saud" is "Faisal bin
    Farhan"); with ``middle``, also without the words between the first and the last ("Chandrika
    Bandaranaike Kumaratunga" as "Chandrika Kumaratunga"). Empty when the name is no shorter.

    >>> short_key("Muammar al-Gaddafi") == sound_key("Muammar Gaddafi")
    True
    >>> short_key("Faisal bin Farhan Al Saud") == sound_key("Faisal bin Farhan")
    True
    >>> short_key("Chandrika Bandaranaike Kumaratunga", middle=True) == sound_key("Chandrika Kumaratunga")
    True
    >>> short_key("Chandrika Kumaratunga"), short_key("Anwar Al"), short_key("Kim Jong Un")
    ('', '', '')
    """
    words = name.split()
    # a family name after a patronymic: "... bin Farhan Al Saud"
    if len(words) >= 5 and words[-2] in ("Al", "al", "Āl") and words[-4].lower() in _PATRONYMIC:
        words = words[:-2]
    # the article before the surname: "al-Gaddafi", "Al Sadat"
    if len(words) >= 3 and _ARTICLE.fullmatch(words[-2]):
        words = words[:-2] + words[-1:]
    elif len(words) >= 2 and _ARTICLE.match(words[-1]) and not _ARTICLE.fullmatch(words[-1]):
        words = words[:-1] + [_ARTICLE.sub("", words[-1])]
    if middle and len(words) >= 3 and not _PATRONYMIC & {w.lower() for w in words}:
        words = [words[0], words[-1]]
    shorter = " ".join(words)
    return sound_key(shorter) if shorter != name else ""


def near_index(table: Mapping) -> Dict[str, Dict[str, set]]:
    """{key: {qid: ISO codes of the states the tables give the item}} over every person label
    of ``table`` ({(type, label): item}, items with ``qid`` and ``country``), under its
    :func:`near_key`, prefixed "~" its :func:`sound_key` with its initials kept, and prefixed
    "^" its :func:`short_key` (or, for a name of two words, its sound key: the form a longer
    name's middle-less short key meets); the states
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
            short = short_key(label) or (sound_key(label) if len(label.split()) == 2 else "")
            for key in (near_key(label), "~" + sound_key(label, initials=True), "^" + short):
                got = index.setdefault(key, {}).setdefault(item.qid, set())
                got |= states.get(item.qid, set())
                if item.country:
                    got.add(item.country)
    index.pop("~", None)
    index.pop("^", None)
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
    shortened = (lambda label: "^" + (short_key(label) or sound_key(label)),
                 lambda label: "^" + short_key(label, middle=True))
    # a spelling nearer than a romanisation wins; a romanisation without initials before one
    # with; a shortened name last, a middle name left out only where names have middle names
    for key, evidence, middle in ((near_key, states, False), (romanised[0], states | named, False),
                                  (romanised[1], states | named, False), (shortened[0], states | named, False),
                                  (shortened[1], states | named, True)):
        for label in labels:
            items = index.get(key(label), {})
            if len(items) == 1:
                ((qid, item_states),) = items.items()
                if item_states & evidence and not (middle and item_states & _SYLLABLE_NAMES):
                    found[qid] = label
        if found:
            break
    if len(found) != 1:
        return None
    ((qid, label),) = found.items()
    return qid, label
