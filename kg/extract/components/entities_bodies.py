"""Bodies, places, projects and acronyms for kg_entities: what class a name the lexicon does not
know is (by the word that heads it), runs of capitalised words a head word ends, projects named
in lower case, organs joined to their state, names defined by an acronym, and the state a body
belongs to.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Set

from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import of_state
from ..patterns import phrase_set
from .entities_words import ENTITY_KINDS, Words, initials, name_label

__all__ = ["COMPASS", "LOWER_HEADS", "state_of_body", "in_headed_name", "place_in_context", "organ", "named_class", "specific",
           "shaped", "distributed", "body_label", "acronym_named", "grow_of_state", "projects", "defined_acronyms"]

#: lower-case nouns that, after a proper name, make a name ("the Adani group")
LOWER_HEADS = {"project": "Initiative", "initiative": "Initiative", "corridor": "Initiative",
               "programme": "Initiative", "program": "Initiative", "scheme": "Initiative",
               "group": "Institution", "company": "Institution", "corporation": "Institution",
               "process": "Initiative", "development": "Initiative"}
COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
#: a body's name that goes on with "of" and its state ("Chamber of Commerce of Sri Lanka")
HEAD_OF_STATE_BODY = {"Industry", "Commerce", "Chamber", "Board", "Investment", "Council", "Authority",
                      "Bank", "Commission", "Institute", "Association", "Federation", "Bureau", "Agency"}


def state_of_body(tables: Words, out: List[Span]) -> None:
    """A body the lexicon does not know, whose name is headed by a word for a body and holds
    the name or demonym of one state ("the Brazilian Cooperation Agency", "the Chamber of
    Commerce of Ghana", "the National Iranian Oil Company"), is that state's."""
    states = [sp for sp in out if sp.label_ == "Country"]
    owner_at = {sp.end + 1: sp._.ref for sp in states
                if sp.end + 1 < len(sp.doc) and sp.doc[sp.end].text in ("'s", "’s")}
    for sp in out:
        if sp.label_ != "Institution" or sp._.country is not None or sp._.kb is not None:
            continue
        start = sp.start - (sp.start > 0 and sp.doc[sp.start - 1].lower_ == "the")
        if start in owner_at and sp[0].text[:1].isupper():
            sp._.country = owner_at[start]  # "Kenya's Ministry of Mining", "Ghana's Cocoa Board"
            continue
        words = [t.text for t in sp]
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if tables.heads.get(head) != "institution":
            continue
        inner = {c._.ref for c in states if sp.start <= c.start and c.end <= sp.end}
        if len(inner) == 1:
            sp._.country = inner.pop()


def in_headed_name(tables: Words, doc: Doc, sp: Span) -> bool:
    """Whether a known place's or body's name is a modifier inside a longer capitalised name
    whose last word heads a place or a body ("X Palace", "X Hotel", "X Institute")."""
    refs = sp._.kb.refs or ((sp._.kb.ref,) if sp._.kb.ref else ())
    if not refs or any(r.type not in ("Place", "Institution") for r in refs):
        return False
    j = sp.end
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].text not in tables.title_words:
        j += 1
    if j == sp.end or tables.heads.get(doc[j - 1].text) not in ("place", "institution"):
        return False
    return sp.root.head.i == j - 1 or sp.root.head.i in range(sp.end, j)


def place_in_context(sp: Span) -> bool:
    """A known city is a place when the NER agrees or the words put something there."""
    kb = sp._.kb
    if kb.kind == "capital" or getattr(kb.entry, "kind", "") in ("continent", "region") \
            or sp.root.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    prev = sp.doc[sp.start - 1] if sp.start > 0 else None
    if prev is not None and prev.lower_ in ("in", "to", "at", "from", "near", "outside", "into", "of", "visit",
                                            "visited", "visiting", "via"):
        return True
    # "the Colombo port", "a Hambantota-based firm": a place named as a modifier
    nxt = sp.doc[sp.end] if sp.end < len(sp.doc) else None
    if nxt is not None and nxt.lower_ in phrase_set("place_nouns"):
        return True
    return nxt is not None and nxt.text in ("-based", "based") or (nxt is not None and nxt.text == "-"
                                                                  and sp.end + 1 < len(sp.doc)
                                                                  and sp.doc[sp.end + 1].lower_ == "based")


def organ(tables: Words, doc: Doc, sp: Span, known: List[Span]):
    """(span, ref, state) of an organ whose state the words give, else None."""
    organ = sp._.kb.entry
    state = None
    start, end = sp.start, sp.end
    before = [k for k in known if k.end == sp.start and k.label_ in ("demonym", "country")]
    if before:
        state, start = before[0]._.kb.country, before[0].start
    elif sp.start >= 2 and doc[sp.start - 1].text in ("'s", "’s"):
        owner = [k for k in known if k.end == sp.start - 1 and k.label_ == "country"]
        if owner:
            state, start = owner[0]._.kb.country, owner[0].start
    elif sp.end + 1 < len(doc) and doc[sp.end].lower_ == "of":
        j = sp.end + 1
        if doc[j].lower_ == "the":
            j += 1
        after = [k for k in known if k.start == j and k.label_ == "country"]
        if after:
            state, end = after[0]._.kb.country, after[0].end
    if state is None:
        return None
    label = organ.template.replace("{country}", of_state(state.label))
    return Span(doc, start, end), Ref("Institution", label), state


def named_class(tables: Words, doc: Doc, span: Span, cls: str, known: List[Span], people_words: Set[str] = frozenset()
           ) -> Optional[str]:
    """The class of an ORG, GPE, LOC or FAC span the lexicon does not know, or None when
    its words and context say it is no entity."""
    words = [t.text for t in span]
    if all(not w[:1].isupper() for w in words if w.isalpha()):
        return None
    cut = next((n for n, w in enumerate(words) if w in ("of", "for", "on") and n > 0), len(words))
    head = tables.heads.get(words[cut - 1]) or tables.heads.get(words[-1])
    if any(k.start <= span.start and k.end >= span.end and k.label_ in ENTITY_KINDS for k in known):
        return None                         # the lexicon's reading stands
    if any(k.start == span.start and k.end == span.end for k in known):
        return None                         # exactly a title, an organ, a demonym
    if tables.lex.country(span.text) or tables.lex.country_by_demonym(span.text):
        return None                         # a state's name the lexicon set aside ("US dollars")
    if head == "event":
        # "join the Global Forum on ...", "a member of the ... Conference": a standing body
        return "Institution" if words[cut - 1] in tables.standing_heads and joined(span) else None
    if head == "agreement":
        # a document's kind alone ("Memorandum of Understanding", "Joint Declaration", "Share
        # Sale Agreement") names no one document: kg_agreements names it by its parties
        return "Agreement" if specific(doc, span, known) else None
    if head == "initiative":
        return "Initiative"
    if len(span) == 1 and head is not None:
        return None                         # a head alone ("Ministry") names nothing
    if head == "institution":
        return "Institution"
    if head == "place":
        return "Place"
    # with no head word, every word must be a proper noun: a capitalised common noun at
    # a sentence's start ("Automakers", "Farmers") or an initialism ("LNG") is no name
    proper = [t for t in span if t.is_alpha]
    if not proper or any(t.pos_ != "PROPN" for t in proper) or any(t.text in tables.not_name for t in proper):
        return None
    if len(span) == 1 and (span[0].text.lower() in COMPASS or span[0].tag_ == "NNPS"):
        return None                         # "South"; "Farmers", "Ranchers" as a headline writes them
    if all(t.text.isupper() for t in proper):
        return None                         # initials the lexicon does not know and the text never defines
    if any(t.text in people_words for t in proper):
        return None                         # "Trump Putin": people's names, not a body's
    if any(w in tables.title_words for w in words):
        return None                         # "President", "Minister" name no body
    if cls == "Place":
        if len(span) > 4:
            return None
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        # a place the lexicon does not know is named where the words put something there
        if span.root.ent_type_ == "GPE" and prev not in ("in", "at", "to", "from", "near", "outside", "into"):
            return None
    return cls


#: verbs whose object is a body one belongs to, and nouns whose "of"/"in" names one
JOIN_VERBS = {"join", "rejoin"}
MEMBER_NOUNS = {"member", "membership", "members", "accession"}


def joined(span: Span) -> bool:
    """Whether the name is what a state joins or is a member of ("join the X", "a member of
    the X", "its membership in the X", "accession to the X")."""
    for t in span:
        if span.start <= t.head.i < span.end:
            continue                        # each word the parse hangs outside the name
        if t.dep_ == "dobj" and t.head.lemma_ in JOIN_VERBS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "in", "to") and t.head.head.lower_ in MEMBER_NOUNS:
            return True
    return False


def specific(doc: Doc, span: Span, known: List[Span]) -> bool:
    """Whether a document's name names one document: it holds a state's, a place's or a
    body's name, a year, or a number ("Treaty of Amity", "2015 Paris Agreement")."""
    inside = {i for k in known if k.label_ in ("country", "demonym", "capital", "place", "org")
              for i in range(k.start, k.end)}
    return any(t.i in inside or t.like_num or t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "NORP", "LOC", "PERSON")
               for t in span)


def shaped(tables: Words, doc: Doc, taken: Set[int], headline: Optional[tuple], states: Set[int] = frozenset()
            ) -> Iterable[tuple]:
    """Runs of capitalised proper nouns (with "of (the)", "for", "and", hyphens and a state's
    name inside) that end in a word heading an institution, an initiative, a document or a
    place ("Great Hall of the People", "China-Europe Trans-Caspian Express"). A plural head
    after a list names one of each ("the Global Development, Global Security and Global
    Civilization Initiatives")."""
    n = len(doc)

    def cap(k: int) -> bool:
        return k < n and (k not in taken or k in states) and doc[k].text[:1].isupper() \
            and doc[k].pos_ in ("PROPN", "ADJ", "NOUN") and doc[k].is_alpha

    i = 0
    while i < n:
        t = doc[i]
        if not cap(i) or t.pos_ != "PROPN" or t.is_sent_start and t.text in tables.not_name \
                or (headline is not None and headline[0] <= i < headline[1]):
            i += 1
            continue
        j = i
        while j < n and (cap(j) or doc[j].lower_ in ("of", "for", "and", "&") and cap(j + 1)
                         or doc[j].lower_ == "of" and j + 2 < n and doc[j + 1].lower_ == "the" and cap(j + 2)
                         or doc[j].lower_ == "the" and j > i and doc[j - 1].lower_ == "of" and cap(j + 1)
                         or doc[j].text in ("-", "–") and j > i and cap(j + 1)):
            j += 1
        if j - i >= 2 and not all(k in states or not doc[k].is_alpha for k in range(i, j)):
            words = [w.text for w in doc[i:j]]
            cut = next((k for k, w in enumerate(words) if w in ("of", "for") and k > 0), len(words))
            last = words[-1]
            plural = last.endswith("s") and tables.heads.get(last[:-1]) == "initiative"
            kind = tables.heads.get(last) or tables.heads.get(words[cut - 1]) or ("initiative" if plural else None)
            cls = {"institution": "Institution", "initiative": "Initiative", "agreement": "Agreement",
                   "place": "Place"}.get(kind or "")
            if cls == "Agreement" and not specific(doc, Span(doc, i, j), list(doc.spans["kg_known"])
                                                         if "kg_known" in doc.spans else []):
                cls = None
            if cls and not any(w in tables.title_words for w in words[:1]):
                if plural:
                    yield from distributed(tables, doc, i, j, last[:-1], taken)
                else:
                    yield Span(doc, i, j), cls
        i = max(j, i + 1)


def distributed(tables: Words, doc: Doc, i: int, j: int, head: str, taken: Set[int]) -> Iterable[tuple]:
    """ "A, B and C Initiatives": each of A, B and C with the head, as (span, class) where the
    label is the span's text and the head ("C Initiative")."""
    parts = [(i, j - 1)]
    k = i - 1
    while k > 0 and doc[k].text in (",", "and") :
        while k >= 0 and doc[k].text in (",", "and"):
            k -= 1
        end = k + 1
        while k >= 0 and doc[k].is_title and doc[k].is_alpha and k not in taken:
            k -= 1
        if end - (k + 1) < 1:
            break
        parts.append((k + 1, end))
    for a, b in parts:
        if b > a:
            sp = Span(doc, a, b)
            yield sp, ("Initiative", f"{name_label(sp)} {head}")


def body_label(span: Span, known: List[Span]) -> str:
    """A body's name, with a state's abbreviation in front of it written in full ("US Pacific
    Fleet" -> "United States Pacific Fleet"); a demonym or another name of the state stays as
    written ("Ceylon Petroleum Corporation", "Korea Development Bank")."""
    first = next((k for k in known if k.start == span.start and k.end < span.end and k.label_ == "country"), None)
    if first is not None and first._.kb.country is not None and first[-1].whitespace_ \
            and first.text.replace(".", "").isupper():
        rest = Span(span.doc, first.end, span.end)
        return f"{first._.kb.country.label} {name_label(rest)}"
    return name_label(span)


def acronym_named(tables: Words, doc: Doc, taken: Set[int]) -> Iterable[Span]:
    for j in range(2, len(doc) - 1):
        if doc[j].text != "(" or j + 2 >= len(doc) or doc[j + 2].text != ")":
            continue
        acr = doc[j + 1].text
        if not (2 <= len(acr) <= 8 and acr.isupper() and acr.isalpha()) or (j - 1) in taken:
            continue
        i = j
        while i > 0 and (i - 1) not in taken and (doc[i - 1].is_title or doc[i - 1].text == "&"
                                                  or doc[i - 1].lower_ in ("of", "for", "and")):
            i -= 1
        # the name starts at the word the acronym's first letter stands for, else after a
        # possessive ("Mongolia's Undersecretariat of Trade Relations (SUBTR)")
        first = i
        while i < j and (not doc[i].is_title or doc[i].text[0] != acr[0]):
            i += 1
        if i == j and first > 0 and doc[first - 1].text in ("'s", "’s"):
            i = first
        if j - i >= 1 and doc[i].is_title and doc[j - 1].text not in tables.title_words \
                and doc[j - 1].is_title:
            yield Span(doc, i, j)


def grow_of_state(doc: Doc, span: Span, known: List[Span]) -> Span:
    """ "Chamber of Construction Industry of" + "Sri Lanka": a name cut before its state."""
    if span.end + 1 < len(doc) and span[-1].lower_ == "of":
        after = next((k for k in known if k.start in (span.end, span.end + 1) and k.label_ == "country"), None)
        if after is not None:
            return Span(doc, span.start, after.end)
    if span.end < len(doc) and doc[span.end].lower_ == "of" and span.end + 1 < len(doc):
        after = next((k for k in known if k.start in (span.end + 1, span.end + 2) and k.label_ == "country"
                      and (k.start == span.end + 1 or doc[span.end + 1].lower_ == "the")), None)
        head = span[-1].text
        if after is not None and head in HEAD_OF_STATE_BODY:
            return Span(doc, span.start, after.end)
    return span


def projects(tables: Words, doc: Doc, taken: Set[int], places: Set[int]) -> Iterable[tuple]:
    """ "the Colombo Port City project", "the Adani wind power project", "the Adani group":
    a project (or group, company) whose modifiers, right before it, include a proper name
    is a named initiative (institution); a place's name may open it. A name the modifiers
    already head ("the Extended Fund Facility (EFF) programme") is that name's."""
    for t in doc:
        cls = LOWER_HEADS.get(t.lower_)
        if cls is None or t.i in taken or t.pos_ != "NOUN":
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in LOWER_HEADS and doc[t.i + 1].pos_ == "NOUN":
            continue                        # "the X port development project": the last word heads it
        start = t.i
        while start > 0 and ((doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") or doc[start - 1].tag_ == "VBN"
                              or doc[start - 1].is_title
                              and doc[start - 1].is_alpha) and doc[start - 1].dep_ in ("compound", "amod", "nmod")
                             and doc[start - 1].head.i < t.i + 1 and not doc[start - 1].like_num
                             or doc[start - 1].text in ("-", "–") and start > 1 and doc[start - 2].is_title):
            start -= 1
        if any(doc[i].text in tables.not_name and doc[i].text not in tables.heads for i in range(start, t.i)):
            continue                        # "the Sunday Morning Futures program": no initiative
        while start < t.i and (doc[start].i in taken and doc[start].i not in places
                               or (doc[start].pos_ == "ADJ" or doc[start].tag_ == "VBN")
                               and not doc[start].text[:1].isupper()):
            start += 1
        # the owner's demonym is no part of the name ("the Indian Adani group")
        while start < t.i and start in places and tables.lex.country_by_demonym(doc[start].text):
            start += 1
        mods = range(start, t.i)
        if not mods or not any((doc[i].pos_ == "PROPN" or doc[i].is_title) and (i not in taken or i in places)
                               for i in mods) \
                or not doc[start].is_title or any(i in taken and i not in places for i in mods):
            continue
        before = t.i - 1
        if doc[before].text == ")":
            continue                        # "... (EFF) programme": an acronym's name before it
        if tables.heads.get(doc[before].text) in ("initiative", "institution", "agreement"):
            continue
        yield Span(doc, start, t.i + 1), cls


def _acronym_after(doc: Doc, j: int) -> str:
    """The acronym a name ending before token ``j`` is given there: in brackets ("(EFF)"), or
    after a comma and "or" closed by punctuation (", or FSB,"); "" when none."""
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        acr = doc[j + 1].text
    elif j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "or" \
            and (j + 3 == len(doc) or doc[j + 3].is_punct):
        acr = doc[j + 2].text
    else:
        return ""
    return acr if 2 <= len(acr) <= 8 and acr.isupper() and acr.isalpha() else ""


def defined_acronyms(doc: Doc, spans: List[Span]) -> List[Span]:
    """ "the Extended Fund Facility (EFF)", "the Federal Security Service, or FSB,": within the
    article the acronym names what it was defined for, whatever else the lexicon knows by it."""
    defs: Dict[str, Span] = {}
    for sp in spans:
        j = sp.end
        acr = _acronym_after(doc, j)
        if acr and acr[0] == initials(sp._.ref.label)[:1]:
            defs.setdefault(acr, sp)
    if not defs:
        return spans
    kept = [sp for sp in spans if not (len(sp) == 1 and sp.text in defs and sp.start != defs[sp.text].end + 1)
            and not (sp.start == sp.end - 1 and doc[sp.start].text in defs)]
    taken = {i for sp in kept for i in range(sp.start, sp.end)}
    for tok in doc:
        src = defs.get(tok.text)
        if src is not None and tok.i not in taken:
            sp = Span(doc, tok.i, tok.i + 1, label=src.label_)
            sp._.ref, sp._.country = src._.ref, src._.country
            kept.append(sp)
    return kept
