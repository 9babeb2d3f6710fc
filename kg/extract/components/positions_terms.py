"""Offices checked against the office-holder tables: a holder the tables show out of office at
the article's date loses it, and an office whose state the words leave open takes it from the
holder's term.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Doc, Span

from ...findings import Ref
from ...officeholders import fold
from ..patterns import phrase_set
from .positions_office import Office, OfficeWords, Page

__all__ = ["check_terms", "roles_of", "same_office", "complete_state", "leader_possessor"]

#: roles of a leader's own staff (lower case)
_STAFF = {p.lower() for p in phrase_set("leader_staff")}


def check_terms(tables: OfficeWords, doc: Doc, office: Office) -> None:
    """A person the tables show not holding an office at the article's date, when they show
    someone else holding it, does not hold it then: "President Wickremesinghe" in an article
    of 2025 speaks of a former president (the office stays, the holder goes)."""
    if not office.holders or tables.officeholders is None or office.former:
        return
    art = doc._.article
    date = art.reference_date if art is not None else None
    if date is None or office.state is None:
        return
    country = tables.lex.country(office.state.label)
    if country is None:
        return
    code = country.code
    kept = []
    for h in office.holders:
        name = tables.officeholders.canonical(h._.ref.label) or h._.ref.label
        terms = tables.officeholders.terms(name)
        mine = [t for t in terms if t.state == code and same_office(tables, t.role, office.role, code)]
        if any(t.holds_on(date) for t in mine):
            kept.append(h)
            continue
        others = [t for role in roles_of(tables, office.role, code)
                  for t in tables.officeholders.holders(role, state=code, on=date)]
        # the tables name another holder that day; unless they do not know this name and
        # that holder has its surname (a name they write shorter: one person, see resolve)
        surname = fold(name.split()[-1])
        if others and (terms or not any(fold(t.person.split()[-1]) == surname for t in others)):
            continue
        kept.append(h)
    if len(kept) < len(office.holders):
        office.holders = tuple(kept)
        office.former = office.former or not kept


def _group(tables: OfficeWords, role: str, state: Optional[str]) -> Optional[str]:
    """The office a role names in a state's usage ("Foreign Secretary": the foreign minister in
    the United Kingdom, a diplomat elsewhere); None when it names no other title's office."""
    got = tables.groups.get(role.lower())
    if got is None:
        return None
    group, states = got
    return group if not states or state in states else None


def roles_of(tables: OfficeWords, role: str, state: Optional[str] = None) -> List[str]:
    """The roles that name the same office as ``role`` (itself first) in the state ``state`` (an
    ISO code)."""
    group = _group(tables, role, state)
    return [role] + [r for r in tables.groups if group and _group(tables, r, state) == group and r != role.lower()]


def same_office(tables: OfficeWords, a: str, b: str, state: Optional[str] = None) -> bool:
    """Two roles of one office in the state ``state``: the same words, or titles of one office
    in different usage."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    group = _group(tables, a, state)
    return group is not None and group == _group(tables, b, state)


def complete_state(tables: OfficeWords, doc: Doc, office: Office) -> None:
    """The state of an office the words leave open, from the office-holder tables: the
    holder's term with that title at the article's date, or, in an undated article, the one
    state or body all of the holder's terms with that title are of."""
    if office.state is not None or office.body is not None or not office.holders or tables.officeholders is None:
        return
    art = doc._.article
    date = art.reference_date if art is not None else None
    holder = office.holders[0]._.ref
    name = tables.officeholders.canonical(holder.label) or holder.label
    terms = [t for t in tables.officeholders.terms(name) if same_office(tables, t.role, office.role, t.state)]
    if date is not None:
        terms = [t for t in terms if t.holds_on(date)]
    owners = {(t.state, t.organisation) for t in terms}
    if len(owners) != 1:
        return
    state, org = owners.pop()
    if state and state in tables.lex.countries:
        office.state = Ref("Country", tables.lex.countries[state].name)
    elif org:
        office.body = Ref("Institution", org)


def leader_possessor(tables: OfficeWords, page: Page, doc: Doc, office: Office) -> None:
    """An office after a leader's possessive ("Putin's spokesman", "Modi's foreign minister"):
    the leader is the person the tables show as a head of state or government at the article's
    date; a role of a leader's own staff (``leader_staff.tsv``) is an office of the leader's
    office, any other an office of the leader's state. Nothing when the article is undated or
    the tables give the person no such office, or more than one, that day."""
    s = office.span.start
    if office.state is not None or office.body is not None or tables.officeholders is None \
            or s < 2 or doc[s - 1].text not in ("'s", "’s"):
        return
    owner = next((p for p in page.persons if p.end == s - 1), None)
    if owner is not None:
        label = owner._.ref.label
    else:
        # a name the NER missed: the capitalised proper nouns before the possessive, after any
        # title ("Prime Minister Modi's")
        titled = {i for a, b in page.title_at.items() for i in range(a, b)}
        k = s - 1
        while k > 0 and s - 1 - k < 3 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title \
                and (k - 1) not in titled:
            k -= 1
        owner = doc[k:s - 1] if k < s - 1 else None
        label = " ".join(owner.text.split()) if owner is not None else ""
    art = doc._.article
    date = art.reference_date if art is not None else None
    if owner is None or date is None:
        return
    name = tables.officeholders.canonical(label) or label
    terms = [t for t in tables.officeholders.terms(name) if t.holds_on(date)]
    if not terms and len(label.split()) == 1:
        terms = tables.officeholders.by_surname(label, date)
    heads = {(t.office, t.state) for t in terms if t.state in tables.lex.countries
             and getattr(tables.lex.title(t.role), "kind", "") in ("head_of_state", "head_of_government")}
    if len(heads) != 1:
        return
    leader_office, state = heads.pop()
    office.state = Ref("Country", tables.lex.countries[state].name)
    if office.role.lower() in _STAFF:
        office.of_office = leader_office
    office.span = Span(doc, owner.start, office.span.end)
