"""The office a title names, and its state: :class:`Office`, how the words around a title widen it
(rank, portfolio, "former"), whose office it is (a state or body before it, after "of", after a
possessive) and where an envoy serves; with the word tables the position helpers read by
(:class:`OfficeWords`) and what they look up in one Doc (:class:`Page`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import Lexicon, Title, of_state, role_as_written, title_case
from ...officeholders import OfficeHolders
from ...topics import TopicTable, get_topics
from ..patterns import load_phrases, phrase_set

__all__ = ["Office", "OfficeWords", "Page", "of_body", "read_office", "portfolio_word", "portfolio_end",
           "portfolio_start", "place_of_in", "names_owner"]


@dataclass
class Office:
    """An office named in the text, and who holds it."""

    span: Span                        # the title as written, with its rank, portfolio and state words
    role: str                         # "Foreign Minister", "Deputy Minister of Energy"
    title: Title
    state: Optional[Ref] = None       # the state it is an office of
    body: Optional[Ref] = None        # the organisation it is an office of
    receiving: Optional[Ref] = None   # where an envoy serves
    holders: Tuple[Span, ...] = ()    # Person spans
    former: bool = False
    plural: bool = False              # "MPs", "ministers": a title before a list of names
    receiving_word: str = "to"        # "Ambassador of Iran to Sri Lanka", "Chargé d'Affaires of China in Azerbaijan"
    written: Optional[str] = None     # the title's own words as the text orders them ("Power and Energy Minister")
    of_office: Optional[str] = None   # a leader's office whose staff it is ("President of Russia")

    @property
    def role_as_written(self) -> str:
        """The role in the text's words, when they only order the role's own words another way
        (written as a second role of the position)."""
        return role_as_written(self.role, self.written) if self.written else self.role

    @property
    def ref(self) -> Optional[Ref]:
        """The Position, when the office's state or body is known."""
        owner = self.body or self.state
        if owner is None:
            return None
        if self.of_office is not None:
            label = f"{self.role} of the {self.of_office}"
        else:
            label = f"{self.role} of {of_state(owner.label) if owner.type == 'Country' else of_body(owner.label)}"
        if self.receiving is not None and self.title.kind == "diplomat" and self.receiving != self.state:
            label += f" {self.receiving_word} {of_state(self.receiving.label)}"
        return Ref("Position", label)


def _usage(value: str) -> Tuple[str, FrozenSet[str]]:
    """ "foreign_minister:GB" -> ("foreign_minister", {"GB"})."""
    group, _, states = value.partition(":")
    return group, frozenset(s for s in states.split(",") if s)


@dataclass(frozen=True)
class OfficeWords:
    """The word tables the position helpers read by, and the lexicon and office-holder tables."""

    lex: Lexicon
    officeholders: Optional[OfficeHolders]
    ranks: Set[str]                 # "deputy", "state", "assistant"
    secretary_ranks: Set[str]       # "under": a rank only before a secretary's title
    former: Set[str]                # "former", "then"
    groups: Dict[str, Tuple[str, FrozenSet[str]]]   # a role (lower case) -> (the office it is a
                                                    # usage of, the states of that usage; none: all)
    topics: TopicTable
    portfolio_words: Set[str]
    honorifics: Set[str]

    @classmethod
    def load(cls, lexicon: Lexicon, officeholders: Optional[OfficeHolders],
             topics: Optional[TopicTable]) -> "OfficeWords":
        mods = load_phrases("title_modifiers")
        return cls(lexicon, officeholders, {p for p, v in mods if v == "rank"},
                   {p for p, v in mods if v == "secretary_rank"}, {p for p, v in mods if v == "former"},
                   {p.lower(): _usage(v) for p, v in load_phrases("office_groups")},
                   topics if topics is not None else get_topics(),
                   phrase_set("not_name") | phrase_set("portfolio_words"), phrase_set("honorifics"))


@dataclass(frozen=True)
class Page:
    """What the position helpers look up in one Doc, gathered once (each would otherwise scan the
    Doc's names per office)."""

    doc: Doc
    title_at: Dict[int, int]        # start -> end of each title
    places: Set[int]                # tokens of places' and states' names
    persons: List[Span]             # the people kg_entities found


def of_body(label: str) -> str:
    """A body's name after "of" in an office's name ("Secretary-General of the United Nations")."""
    return label if label.startswith(("the ", "The ")) or label[:1].isupper() and " " not in label \
        else "the " + label


def read_office(tables: OfficeWords, page: Page, doc: Doc, start: int, end: int, title: Title, role: str,
                grown: bool, plural: bool, states_at_end, states_at_start, ents_at_start, ents_at_end) -> Office:
    """The office a title at ``start:end`` names, with its rank, portfolio, state or body and post."""
    words = [w.text for w in doc[start:end]]
    places = page.places
    # a portfolio before "Minister": "Power and Energy Minister", "Ports, Shipping and Aviation Minister"
    if words[-1].lower() == "minister" and (len(words) == 1 or len(words) == 2 and start > 0
                                            and doc[start - 1].lower_ in ("and", ",", "&")
                                            and portfolio_word(tables, doc[start], places)):
        j = portfolio_start(tables, doc, start, places)
        # a portfolio word inside another title is that title's ("Minister of Finance Minister X")
        inside = {k for a, b in page.title_at.items() if b <= start for k in range(a, b)}
        while j < start and j in inside:
            j += 1
        while j < start and not portfolio_word(tables, doc[j], places):
            j += 1                          # "and", "," left at the front
        if j < start:
            portfolio = doc[j:end - 1].text
            role, start, grown = f"Minister of {portfolio}", j, True
            known = tables.lex.title(role)
            if known is not None and known.kind == title.kind:
                role = known.role           # "Minister of Finance" is the Finance Minister
    # a portfolio or a part after "of"/"for": "Minister of Ports, Shipping and Aviation",
    # "Assistant Secretary for South and Central Asian Affairs", "Minister of Foreign Affairs,
    # Foreign Employment and Tourism" (a title that already names a portfolio goes on too)
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and (end + 1) not in states_at_start \
            and not names_owner(ents_at_start.get(end + 1)) \
            and not (doc[end + 1].lower_ == "the" and ((end + 2) in states_at_start
                                                      or names_owner(ents_at_start.get(end + 2)))):
        j = portfolio_end(tables, doc, end + 1, places)
        if j > end + 1:
            written = doc[start:end].text if not grown else role
            role = f"{written} {doc[end].lower_} {doc[end + 1:j].text}"
            end, grown = j, True
    elif (" of " in doc[start:end].text or " for " in doc[start:end].text) and end < len(doc) \
            and doc[end].text == ",":
        j = portfolio_end(tables, doc, end, places, going_on=True)
        if j > end:
            role = f"{doc[start:end].text}{doc[end:j].text}" if doc[end].text == "," else role
            end, grown = j, True
    # a rank before it: "Deputy", "State", "Assistant"
    former = False
    while start > 0:
        prev = doc[start - 1].lower_
        two = f"{doc[start - 2].lower_} {prev}" if start > 1 else ""
        if two in tables.ranks:
            role, start, grown = f"{doc[start - 2].text.capitalize()} {doc[start - 1].text.capitalize()} {role}", \
                start - 2, True
        elif (prev in tables.ranks or prev in tables.secretary_ranks and role.startswith("Secretary")) \
                and not doc[start - 1].ent_type_ == "PERSON":
            # with a rank, the office is named as written ("Deputy Minister of Energy")
            # ("State Ministers X and Y": each holds the office "State Minister")
            base = role if grown or plural else " ".join(doc[start:end].text.split())
            role, start, grown = f"{doc[start - 1].text.capitalize()} {base}", start - 1, True
        elif prev.rstrip("-") in tables.former:
            former, start = True, start - 1
            if doc[start].text.endswith("-") or (start > 0 and doc[start].text == "-"):
                pass
        elif prev == "-" and start > 1 and doc[start - 2].lower_ in tables.former:
            former, start = True, start - 2
        else:
            break
    if grown:
        role = title_case(role).replace(", and ", " and ")     # the serial comma is a matter of style
    office = Office(Span(doc, start, end), role, title, former=former, plural=plural, written=doc[start:end].text)
    # the state before it: "Iranian", "Iran", "China's"; or a body: "Foreign Ministry spokesperson"
    s = start
    body_before = ents_at_end.get(s)
    if body_before is None and s > 2 and doc[s - 1].text == ")":
        # the body's acronym in brackets between them: "Janata Party (JP) leader"
        k = next((i for i in range(s - 2, max(s - 6, 0), -1) if doc[i].text == "("), None)
        body_before = ents_at_end.get(k) if k is not None else None
    if body_before is not None and body_before.label_ == "Institution" and title.kind == "legislature" \
            and body_before._.country is not None \
            and getattr(tables.lex.organisation(body_before._.ref.label), "kind", "") == "party":
        # "SLPP MP X": a party's member of the state's legislature, not an office of the party
        office.state, office.span = body_before._.country, Span(doc, body_before.start, end)
    elif body_before is not None and body_before.label_ == "Institution":
        office.body, office.state = body_before._.ref, body_before._.country
        office.span = Span(doc, body_before.start, end)
    elif s > 0 and doc[s - 1].text in ("'s", "’s") and (s - 1) in states_at_end:
        owner = states_at_end[s - 1]
        office.state, office.span = owner._.kb.country, Span(doc, owner.start, end)
    elif s in states_at_end and not place_of_in(doc, states_at_end[s], end):
        owner = states_at_end[s]
        office.state, office.span = owner._.kb.country, Span(doc, owner.start, end)
    # "of (the) X" after it: a state or a body
    j = end
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        k = j + 1 + (doc[j + 1].lower_ == "the")
        body = ents_at_start.get(k)
        if k in states_at_start and not (body is not None and body.label_ == "Institution"
                                         and body.end > states_at_start[k].end):
            office.state = states_at_start[k]._.kb.country
            office.span = Span(doc, office.span.start, states_at_start[k].end)
        elif k in ents_at_start and ents_at_start[k].label_ == "Institution":
            body = ents_at_start[k]
            office.body = body._.ref
            office.state = office.state or body._.country
            office.span = Span(doc, office.span.start, body.end)
    elif title.kind in ("official", "spokesperson") and office.state is None and office.body is None \
            and (body := _body_at(doc, j, ents_at_start)) is not None:
        # "Deputy Assistant Secretary for Asia at the Department of the Treasury": the body an
        # official serves in, after "at" (not a leader's, whose "at" is where he is)
        office.body, office.state = body._.ref, body._.country
        office.span = Span(doc, office.span.start, body.end)
    elif j + 1 < len(doc) and doc[j].text == "," and title.kind == "official" and office.state is None \
            and (j + 1) in ents_at_start and ents_at_start[j + 1].label_ == "Institution":
        # "Secretary, Ministry of Industries": an official's body after a comma
        body = ents_at_start[j + 1]
        office.body, office.state = body._.ref, office.state or body._.country
        office.span = Span(doc, office.span.start, body.end)
    # an envoy's post: "to Kenya", "in Azerbaijan"
    j = office.span.end
    if title.kind == "diplomat" and j + 1 < len(doc) and doc[j].lower_ in ("to", "in"):
        k = j + 1 + (doc[j + 1].lower_ == "the")
        if k in states_at_start:
            office.receiving = states_at_start[k]._.kb.country
            office.receiving_word = doc[j].lower_
    return office


def _body_at(doc: Doc, j: int, ents_at_start) -> Optional[Span]:
    """The Institution named after "at (the)" at token ``j``, or None."""
    if j + 1 >= len(doc) or doc[j].lower_ != "at":
        return None
    body = ents_at_start.get(j + 1 + (doc[j + 1].lower_ == "the"))
    return body if body is not None and body.label_ == "Institution" else None


def portfolio_word(tables: OfficeWords, tok, places) -> bool:
    """A word of a ministry's portfolio: a subject area ("Tourism", "Ports", "Foreign
    Employment"), a word such as "Affairs", or a place or region ("Asia", "the Pacific")."""
    if tok.i in places:
        return True
    if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.ent_type_ == "PERSON":
        return False
    return tok.text in tables.portfolio_words or tables.topics.find(tok.lower_) is not None


def portfolio_end(tables: OfficeWords, doc: Doc, i: int, places, going_on: bool = False) -> int:
    """Where a list of portfolio words from token ``i`` ends ("Ports, Shipping and Aviation";
    with ``going_on``, a list that goes on after a comma: ", Foreign Employment and Tourism")."""
    j, end = i, i
    while j < len(doc):
        t = doc[j]
        if t.text in (",", "&") or t.lower_ in ("and", "the"):
            j += 1
            continue
        if not portfolio_word(tables, t, places):
            break
        j += 1
        end = j
    return end if end > i else i


def portfolio_start(tables: OfficeWords, doc: Doc, i: int, places) -> int:
    """Where a portfolio before "Minister" starts ("Power and Energy Minister")."""
    j, start = i, i
    while j > 0:
        t = doc[j - 1]
        if t.text in (",", "&") or t.lower_ == "and":
            j -= 1
            continue
        if not portfolio_word(tables, t, places) or t.lower_ in tables.ranks or t.lower_ in tables.former \
                or (j - 1) in places:
            break
        j -= 1
        start = j
    return start


def place_of_in(doc: Doc, state: Span, end: int) -> bool:
    """A country named after "in" and before a title and a name is where something happens, not
    the title's state ("during her stay in Kenya Governor-General X"), unless the name is a
    possessor ("in US President X's speech")."""
    if state.label_ != "country" or state.start == 0 or doc[state.start - 1].lower_ != "in":
        return False
    k = end
    while k < len(doc) and doc[k].ent_type_ == "PERSON":
        k += 1
    return not (k < len(doc) and doc[k].text in ("'s", "’s"))


def names_owner(span: Optional[Span]) -> bool:
    """Whether an entity after "of" owns the office (a state or a body), rather than being a
    word of its portfolio ("for South Asian Affairs")."""
    return span is not None and span.label_ in ("Country", "Institution", "Person") and span[0].pos_ != "ADJ"
