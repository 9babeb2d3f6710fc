"""kg_positions: offices and who holds them.

An office is written as a title, widened by the words news English puts around it:

- a rank before it makes another office ("Deputy Minister of Energy", "State Minister");
- a portfolio after "of" or "for", or before "Minister", names the office in full ("Minister
  of Ports, Shipping and Aviation", "Power and Energy Minister");
- the state is the title's own modifier: a demonym or state name before it ("Iranian
  Foreign Minister", "Iran Ambassador"), a possessive ("China's Foreign Minister"), or "of"
  a state after it ("President of the Philippines"); a body after "of" makes it an office of
  that body ("Secretary-General of the United Nations"); "to" or "in" a state after an
  envoy's title is where the envoy serves;
- a word such as "former" or "then" before it says the holder holds it no longer.

The holder is the person named right after the title ("Foreign Minister Wang Yi"), or in
apposition to it ("Wang Yi, China's foreign minister"; "Sri Lanka's envoy to Kenya, Kana
Kananathan"); a plural title goes to each name of the list after it ("MPs A and B").

A title whose state the words do not give takes it from the office-holder tables when the
holder held that office at the article's date; otherwise the office stays without a state
(a :class:`~kg.findings.RoleMention`, completed across articles or dropped), never taking a
state that merely stands nearby.

Reads: ``kg_known`` titles, organs and states, ``kg_entities``, the parse. Writes:
``doc._.positions`` (a list of :class:`Office`).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import Lexicon, Title, of_state
from ...officeholders import OfficeHolders, fold
from ...topics import TopicTable, get_topics
from ..patterns import load_phrases, phrase_set
from .entities import SPANS_KEY as ENTITIES
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Office", "Positions"]

_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
              "bin", "ibn", "al", "el", "la", "le", "bint"}


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

    @property
    def ref(self) -> Optional[Ref]:
        """The Position, when the office's state or body is known."""
        owner = self.body or self.state
        if owner is None:
            return None
        label = f"{self.role} of {of_state(owner.label) if owner.type == 'Country' else _of_body(owner.label)}"
        if self.receiving is not None and self.title.kind == "diplomat" and self.receiving != self.state:
            label += f" {self.receiving_word} {of_state(self.receiving.label)}"
        return Ref("Position", label)


def _of_body(label: str) -> str:
    return label if label.startswith(("the ", "The ")) or label[:1].isupper() and " " not in label \
        else "the " + label


class Positions:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_positions", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None, topics: Optional[TopicTable] = None):
        self.name = name
        self.lex = lexicon
        self.officeholders = officeholders
        mods = load_phrases("title_modifiers")
        self.ranks = {p for p, v in mods if v == "rank"}
        self.former = {p for p, v in mods if v == "former"}
        self.groups = {p.lower(): v for p, v in load_phrases("office_groups")}
        self.topics = topics if topics is not None else get_topics()
        self.portfolio_words = phrase_set("not_name") | phrase_set("portfolio_words")
        self.honorifics = phrase_set("honorifics")
        self.title_at: Dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans[KNOWN]) if KNOWN in doc.spans else []
        ents = list(doc.spans[ENTITIES]) if ENTITIES in doc.spans else []
        by_start = {s.start: s for s in ents}
        states_at_end = {k.end: k for k in known if k.label_ in ("demonym", "country")}
        states_at_start = {k.start: k for k in known if k.label_ == "country"}
        ents_at_start: Dict[int, Span] = {}
        ents_at_end: Dict[int, Span] = {}
        for s in ents:
            ents_at_start.setdefault(s.start, s)
            if s.label_ != "Topic":
                ents_at_end.setdefault(s.end, s)
        # per-Doc sets the helpers share (each would otherwise scan the Doc's names per office)
        self._places = {i for sp in ents_at_start.values() if sp.label_ in ("Place", "Country")
                        for i in range(sp.start, sp.end)}
        self._persons = [s for s in ents if s.label_ == "Person"]
        self._doc = doc
        offices: List[Office] = []
        titles = [k for k in known if k.label_ == "title"]
        self.title_at = {k.start: k.end for k in titles}
        # "Secretary to the Prime Minister", "Adviser to the President": one office, the first's
        by_end = {k.end: k for k in titles}
        joined: Dict[int, Span] = {}
        for k in titles:
            if k.start >= 3 and doc[k.start - 1].lower_ == "the" and doc[k.start - 2].lower_ == "to" \
                    and (k.start - 2) in by_end:
                joined[by_end[k.start - 2].start] = k
        inner = {k.start for k in joined.values()}
        for t in titles:
            if t.start in inner:
                continue
            title: Title = t._.kb.entry
            if t.start in joined:
                second = joined[t.start]
                office = self._office(doc, t.start, second.end, title,
                                      f"{title.role} to the {second._.kb.entry.role}", True, t._.kb.plural,
                                      states_at_end, states_at_start, ents_at_start, ents_at_end)
            else:
                office = self._office(doc, t.start, t.end, title, title.role, False, t._.kb.plural,
                                      states_at_end, states_at_start, ents_at_start, ents_at_end)
            office.holders = self._holders(doc, office, by_start, ents)
            self._complete_state(doc, office)
            self._check_terms(doc, office)
            offices.append(office)
        offices = self._lists(doc, offices, states_at_start, ents)
        _shared(doc, offices)
        offices += self._counterparts(doc, offices, states_at_end, by_start)
        _anaphora(offices)
        # the state an office got from its list, its pair or an earlier mention is checked
        # against the tables like one the words give
        for office in offices:
            self._check_terms(doc, office)
        doc._.positions = offices
        return doc

    # ------------------------------------------------------------------ the office
    def _office(self, doc: Doc, start: int, end: int, title: Title, role: str, grown: bool, plural: bool,
                states_at_end, states_at_start, ents_at_start, ents_at_end) -> Optional[Office]:
        words = [w.text for w in doc[start:end]]
        places = self._places
        # a portfolio before "Minister": "Power and Energy Minister", "Ports, Shipping and Aviation Minister"
        if words[-1].lower() == "minister" and (len(words) == 1 or len(words) == 2 and start > 0
                                                and doc[start - 1].lower_ in ("and", ",", "&")
                                                and self._portfolio_word(doc[start], places)):
            j = self._portfolio_back(doc, start, places)
            if j < start:
                portfolio = doc[j:end - 1].text
                role, start, grown = f"Minister of {portfolio}", j, True
        # a portfolio or a part after "of"/"for": "Minister of Ports, Shipping and Aviation",
        # "Assistant Secretary for South and Central Asian Affairs", "Minister of Foreign Affairs,
        # Foreign Employment and Tourism" (a title that already names a portfolio goes on too)
        if end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and (end + 1) not in states_at_start \
                and not _names_owner(ents_at_start.get(end + 1)) \
                and not (doc[end + 1].lower_ == "the" and ((end + 2) in states_at_start
                                                          or _names_owner(ents_at_start.get(end + 2)))):
            j = self._portfolio(doc, end + 1, places)
            if j > end + 1:
                written = doc[start:end].text if not grown else role
                role = f"{written} {doc[end].lower_} {doc[end + 1:j].text}"
                end, grown = j, True
        elif (" of " in doc[start:end].text or " for " in doc[start:end].text) and end < len(doc) \
                and doc[end].text == ",":
            j = self._portfolio(doc, end, places, going_on=True)
            if j > end:
                role = f"{doc[start:end].text}{doc[end:j].text}" if doc[end].text == "," else role
                end, grown = j, True
        # a rank before it: "Deputy", "State", "Assistant"
        former = False
        while start > 0:
            prev = doc[start - 1].lower_
            two = f"{doc[start - 2].lower_} {prev}" if start > 1 else ""
            if two in self.ranks:
                role, start, grown = f"{doc[start - 2].text.capitalize()} {doc[start - 1].text.capitalize()} {role}", \
                    start - 2, True
            elif prev in self.ranks and not doc[start - 1].ent_type_ == "PERSON":
                # with a rank, the office is named as written ("Deputy Minister of Energy")
                # ("State Ministers X and Y": each holds the office "State Minister")
                base = role if grown or plural else " ".join(doc[start:end].text.split())
                role, start, grown = f"{doc[start - 1].text.capitalize()} {base}", start - 1, True
            elif prev.rstrip("-") in self.former:
                former, start = True, start - 1
                if doc[start].text.endswith("-") or (start > 0 and doc[start].text == "-"):
                    pass
            elif prev == "-" and start > 1 and doc[start - 2].lower_ in self.former:
                former, start = True, start - 2
            else:
                break
        if grown:
            role = _tidy(role).replace(", and ", " and ")     # the serial comma is a matter of style
        office = Office(Span(doc, start, end), role, title, former=former, plural=plural)
        # the state before it: "Iranian", "Iran", "China's"; or a body: "Foreign Ministry spokesperson"
        s = start
        body_before = ents_at_end.get(s)
        if body_before is not None and body_before.label_ == "Institution":
            office.body, office.state = body_before._.ref, body_before._.country
            office.span = Span(doc, body_before.start, end)
        elif s > 0 and doc[s - 1].text in ("'s", "’s") and (s - 1) in states_at_end:
            owner = states_at_end[s - 1]
            office.state, office.span = owner._.kb.country, Span(doc, owner.start, end)
        elif s in states_at_end and not _place_of_in(doc, states_at_end[s], end):
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

    # ------------------------------------------------------------------ the holder
    def _holders(self, doc: Doc, office: Office, by_start: Dict[int, Span], ents: List[Span]) -> Tuple[Span, ...]:
        end = office.span.end
        # skip an envoy's post and honorifics: "envoy to Kenya, Kana Kananathan"
        j = end
        if office.receiving is not None:
            j += 2 + (doc[end + 1].lower_ == "the") if end + 1 < len(doc) else 0
        # honorifics, another office the person also holds ("Director General Ambassador X"),
        # and the office's acronym in brackets ("External Affairs Minister (EAM) X")
        j = self._skip_to_name(doc, j)
        persons = self._persons
        first = by_start.get(j)
        if first is None:
            first = self._name_at(doc, j)
        found: List[Span] = []
        after_comma = self._skip_to_name(doc, j + 1) if j < len(doc) and doc[j].text == "," else None
        if first is not None and first.label_ == "Person":
            found.append(first)
        elif after_comma is not None and after_comma in by_start and by_start[after_comma].label_ == "Person":
            # "the envoy, Kana Kananathan," (apposition); "Secretary for Asia of the Ministry,
            # Ambassador X" (with the person's rank); not one of a list of names each followed by
            # its own office ("the Ambassador of Peru, X, Secretary, Ministry of Y")
            cand = by_start[after_comma]
            if (cand.root.dep_ == "appos" or cand.root.head.i in range(office.span.start, office.span.end)
                    or after_comma > j + 1) and not self._own_office_after(doc, cand):
                found.append(cand)
        else:
            # "Wang Yi, China's foreign minister": the title in apposition to a person before it
            root = office.span.root
            while root.dep_ == "conj" and root.head.i < root.i and root.head.dep_ in ("appos", "conj") \
                    and self._in_title(root.head.i):
                root = root.head                # "X, a Navy admiral and Commander of the Fleet"
            start = office.span.start
            if root.dep_ == "appos" and root.head.i < start:
                owner = next((p for p in persons if p.start <= root.head.i < p.end), None)
                if owner is not None and not _subject_after(doc, office.span.end, owner):
                    found.append(owner)
            elif start > 1 and doc[start - 1].text == "," and doc[start].text[:1].isupper():
                # "X, Secretary, Ministry of Y": a title right after a name and its comma
                owner = next((p for p in persons if p.end == start - 1), None)
                if owner is not None and not _subject_after(doc, office.span.end, owner):
                    found.append(owner)
        if found and office.span[-1].lower_ != found[0][0].lower_:
            # a plural title, or "A and B" after the title: every name of the list
            if office.plural:
                last = found[0]
                for p in persons:
                    if p.start > last.end and p.start - last.end <= 2 and \
                            all(doc[i].text in (",", "and") for i in range(last.end, p.start)):
                        found.append(p)
                        last = p
        return tuple(found)

    def _skip_to_name(self, doc: Doc, j: int) -> int:
        """The first token from ``j`` past honorifics, other titles and a bracketed acronym."""
        moved = True
        while moved and j < len(doc):
            moved = False
            if doc[j].text in self.honorifics:
                j, moved = j + 1, True
            elif j in self.title_at:
                j, moved = self.title_at[j], True
            elif doc[j].text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")" and doc[j + 1].is_upper:
                j, moved = j + 3, True
        return j

    def _in_title(self, i: int) -> bool:
        """Whether token ``i`` is part of a title or is a rank ("Admiral")."""
        return self._doc[i].text in self.honorifics or any(a <= i < b for a, b in self.title_at.items())

    def _own_office_after(self, doc: Doc, person: Span) -> bool:
        """ "X, Secretary, ...": the name is followed by an office of its own."""
        k = person.end
        return k + 1 < len(doc) and doc[k].text == "," and (k + 1) in self.title_at

    def _lists(self, doc: Doc, offices: List[Office], states_at_start, ents: List[Span]) -> List[Office]:
        """ "the foreign ministers of Kazakhstan and Mongolia, A and B": one office for each state,
        each held by the name in the same place of the list."""
        out: List[Office] = []
        for office in offices:
            j = office.span.end
            if not (office.plural and office.state and not office.holders and j + 1 < len(doc)
                    and doc[j].lower_ == "and" and (j + 1) in states_at_start):
                out.append(office)
                continue
            second = states_at_start[j + 1]
            k = second.end
            names: List[Span] = []
            if k < len(doc) and doc[k].text == ",":
                k += 1
                people = {s.start: s for s in ents if s.label_ == "Person"}
                while k in people and len(names) < 2:
                    names.append(people[k])
                    k = people[k].end
                    while k < len(doc) and doc[k].text in (",", "and"):
                        k += 1
            if len(names) != 2:
                out.append(office)
                continue
            for state, name in ((office.state, names[0]), (second._.kb.country, names[1])):
                out.append(Office(office.span, office.role, office.title, state=state, holders=(name,),
                                  former=office.former))
        return out

    def _counterparts(self, doc: Doc, offices: List[Office], states_at_end, by_start) -> List[Office]:
        """ "Kazakh Foreign Minister A and his Mongolian counterpart B": B holds the same office
        of the state named before "counterpart"."""
        out: List[Office] = []
        for tok in doc:
            if tok.lower_ not in ("counterpart", "counterparts") or (tok.i + 1) not in by_start:
                continue
            holder = by_start[tok.i + 1]
            owner = states_at_end.get(tok.i)
            if holder.label_ != "Person" or owner is None:
                continue
            sent = tok.sent
            before = [o for o in offices if o.span.end <= tok.i and o.span.start >= sent.start and o.holders]
            if not before:
                continue
            prev = before[-1]
            if prev.state == owner._.kb.country:
                continue
            out.append(Office(Span(doc, owner.start, tok.i + 1), prev.role, prev.title, state=owner._.kb.country,
                              holders=(holder,)))
        return out

    # ------------------------------------------------------------------ the state from the tables
    def _check_terms(self, doc: Doc, office: Office) -> None:
        """A person the tables show not holding an office at the article's date, when they show
        someone else holding it, does not hold it then: "President Wickremesinghe" in an article
        of 2025 speaks of a former president (the office stays, the holder goes)."""
        if not office.holders or self.officeholders is None or office.former:
            return
        art = doc._.article
        date = art.reference_date if art is not None else None
        if date is None or office.state is None:
            return
        code = next((c.code for c in self.lex.countries.values() if c.name == office.state.label), None)
        if code is None:
            return
        kept = []
        for h in office.holders:
            name = self.officeholders.canonical(h._.ref.label) or h._.ref.label
            mine = [t for t in self.officeholders.terms(name)
                    if t.state == code and self._same_office(t.role, office.role)]
            if any(t.holds_on(date) for t in mine):
                kept.append(h)
                continue
            others = [t for role in self._roles_of(office.role)
                      for t in self.officeholders.holders(role, state=code, on=date)]
            # the tables name another holder that day; unless they do not know this name and
            # that holder has its surname (a name they write shorter: one person, see resolve)
            surname = fold(name.split()[-1])
            if others and (self.officeholders.terms(name)
                           or not any(fold(t.person.split()[-1]) == surname for t in others)):
                continue
            kept.append(h)
        if len(kept) < len(office.holders):
            office.holders = tuple(kept)
            office.former = office.former or not kept

    def _roles_of(self, role: str) -> List[str]:
        """The roles that name the same office as ``role`` (itself first)."""
        group = self.groups.get(role.lower())
        return [role] + [r for r, g in self.groups.items() if group and g == group and r != role.lower()]

    def _name_at(self, doc: Doc, j: int) -> Optional[Span]:
        """A person's name right after an office the NER did not see as one ("Minister of
        Ports, Shipping and Aviation Nimal Siripala de Silva"): two to four capitalised proper
        nouns (particles between them), added to the entities."""
        k = j
        while k < len(doc) and k - j < 5 and (doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].ent_type_ not in
                                              ("GPE", "ORG", "NORP", "DATE") or k > j and doc[k].lower_ in _PARTICLES
                                              and k + 1 < len(doc) and doc[k + 1].is_title):
            k += 1
        if not 2 <= k - j <= 4 or doc[k - 1].lower_ in _PARTICLES:
            return None
        if any(t.text in self.portfolio_words or t.text in self.honorifics for t in doc[j:k]) or j in self.title_at:
            return None
        span = Span(doc, j, k, label="Person")
        span._.ref = Ref("Person", " ".join(span.text.split()))
        doc.spans[ENTITIES] = sorted(list(doc.spans[ENTITIES]) + [span], key=lambda s: (s.start, -s.end))
        return span

    def _portfolio_word(self, tok, places) -> bool:
        """A word of a ministry's portfolio: a subject area ("Tourism", "Ports", "Foreign
        Employment"), a word such as "Affairs", or a place or region ("Asia", "the Pacific")."""
        if tok.i in places:
            return True
        if not (tok.is_title or tok.is_upper) or not tok.is_alpha or tok.ent_type_ == "PERSON":
            return False
        return tok.text in self.portfolio_words or self.topics.find(tok.lower_) is not None

    def _portfolio(self, doc: Doc, i: int, places, going_on: bool = False) -> int:
        """Where a list of portfolio words from token ``i`` ends ("Ports, Shipping and Aviation";
        with ``going_on``, a list that goes on after a comma: ", Foreign Employment and Tourism")."""
        j, end = i, i
        while j < len(doc):
            t = doc[j]
            if t.text in (",", "&") or t.lower_ in ("and", "the"):
                j += 1
                continue
            if not self._portfolio_word(t, places):
                break
            j += 1
            end = j
        return end if end > i else i

    def _portfolio_back(self, doc: Doc, i: int, places) -> int:
        """Where a portfolio before "Minister" starts ("Power and Energy Minister")."""
        j, start = i, i
        while j > 0:
            t = doc[j - 1]
            if t.text in (",", "&") or t.lower_ == "and":
                j -= 1
                continue
            if not self._portfolio_word(t, places) or t.lower_ in self.ranks or t.lower_ in self.former \
                    or (j - 1) in places:
                break
            j -= 1
            start = j
        return start

    def _same_office(self, a: str, b: str) -> bool:
        """Two roles of one office: the same words, or titles of one office in different usage."""
        a, b = a.lower(), b.lower()
        return a == b or (a in self.groups and self.groups.get(a) == self.groups.get(b))

    def _complete_state(self, doc: Doc, office: Office) -> None:
        """The state of an office the words leave open, from the office-holder tables: the
        holder's term with that title at the article's date, or, in an undated article, the one
        state or body all of the holder's terms with that title are of."""
        if office.state is not None or office.body is not None or not office.holders or self.officeholders is None:
            return
        art = doc._.article
        date = art.reference_date if art is not None else None
        holder = office.holders[0]._.ref
        name = self.officeholders.canonical(holder.label) or holder.label
        terms = [t for t in self.officeholders.terms(name) if self._same_office(t.role, office.role)]
        if date is not None:
            terms = [t for t in terms if t.holds_on(date)]
        owners = {(t.state, t.organisation) for t in terms}
        if len(owners) != 1:
            return
        state, org = owners.pop()
        if state and state in self.lex.countries:
            office.state = Ref("Country", self.lex.countries[state].name)
        elif org:
            office.body = Ref("Institution", org)


def _shared(doc: Doc, offices: List[Office]) -> None:
    """ "Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu": two offices joined by
    "and" before one name are both held by it, and of the same state."""
    for a, b in zip(offices, offices[1:]):
        if a.holders or not b.holders or a.span.end >= len(doc) or doc[a.span.end].lower_ != "and" \
                or b.span.start != a.span.end + 1 or a.plural or b.plural:
            continue
        a.holders = b.holders
        if b.state is None and b.body is None:
            b.state = a.state
        if a.state is None and a.body is None:
            a.state = b.state


def _anaphora(offices: List[Office]) -> None:
    """ "the Prime Minister said": an office named without its holder, after the article has
    named who holds it, is that person's (the same role, and the same state where it says one)."""
    placed: Dict[tuple, Office] = {}
    for office in offices:
        if office.holders and (office.state or office.body):
            placed.setdefault((office.role.lower(), office.holders[0]._.ref), office)
    posts: Dict[Ref, Office] = {}
    for office in offices:
        if office.holders and office.state and office.title.kind == "diplomat":
            posts.setdefault(office.holders[0]._.ref, office)
    for office in offices:
        # "Premier Li Qiang" where the article also writes "Chinese Premier Li Qiang"
        if office.holders and not (office.state or office.body) and office.title.kind == "diplomat" \
                and office.holders[0]._.ref in posts and (office.role.lower(), office.holders[0]._.ref) not in placed:
            # "High Commissioner X" after "Sri Lanka's envoy to Kenya, X": one post, two titles
            post = posts[office.holders[0]._.ref]
            office.state, office.receiving, office.receiving_word = post.state, post.receiving, post.receiving_word
            office.former = office.former or post.former
            continue
        if office.holders and not (office.state or office.body):
            other = placed.get((office.role.lower(), office.holders[0]._.ref))
            if other is not None:
                office.state, office.body = other.state, other.body
                # "former Prime Minister X" first, "Prime Minister X" after: the title is kept
                # as a courtesy; the office is still a former one
                office.former = office.former or other.former
    seen: Dict[str, Office] = {}
    for office in offices:
        if office.holders and not office.former:
            seen[office.role.lower()] = office
            continue
        if office.holders or office.former or office.span[-1].tag_ in ("NNS", "NNPS"):
            continue
        prev = seen.get(office.role.lower())
        # the same office: no state or body named, or the same ones ("the President of the
        # Sovereign Council" is not the president the article named before)
        if prev is not None and (office.state, office.body) in ((None, None), (prev.state, prev.body)):
            office.holders = prev.holders[:1]
            office.state = office.state or prev.state
            office.body = office.body or prev.body


def _subject_after(doc: Doc, i: int, owner: Span) -> bool:
    """Whether a title read as an apposition is the subject of the verb right after it, the name
    before it being no subject ("After talks with X, the Russian Ambassador said"): an apposition is
    closed by a comma unless the name is the subject of that verb itself."""
    if i >= len(doc) or doc[i].pos_ not in ("VERB", "AUX"):
        return False
    return owner.root.dep_ not in ("nsubj", "nsubjpass")


def _place_of_in(doc: Doc, state: Span, end: int) -> bool:
    """A country named after "in" and before a title and a name is where something happens, not
    the title's state ("during her stay in Kenya Governor-General X"), unless the name is a
    possessor ("in US President X's speech")."""
    if state.label_ != "country" or state.start == 0 or doc[state.start - 1].lower_ != "in":
        return False
    k = end
    while k < len(doc) and doc[k].ent_type_ == "PERSON":
        k += 1
    return not (k < len(doc) and doc[k].text in ("'s", "’s"))


def _names_owner(span: Optional[Span]) -> bool:
    """Whether an entity after "of" owns the office (a state or a body), rather than being a
    word of its portfolio ("for South Asian Affairs")."""
    return span is not None and span.label_ in ("Country", "Institution", "Person") and span[0].pos_ != "ADJ"




def _tidy(role: str) -> str:
    """An office's name in title case, as offices are written ("Deputy Minister of Energy")."""
    small = {"of", "for", "and", "the", "to", "in", "on"}
    words = role.split()
    return " ".join(w if (w.lower() in small and i) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words)).replace(" ,", ",")


@Language.factory("kg_positions", assigns=["doc._.positions", "doc.spans"], requires=["doc.spans"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"},
                                  "topics": {"@misc": "kg.topics.v1"}})
def make_positions(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders,
                   topics: TopicTable) -> Positions:
    return Positions(nlp, name, lexicon=lexicon, officeholders=officeholders, topics=topics)
