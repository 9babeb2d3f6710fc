"""Cross-article resolution: one resource per real thing.

Within an article the entity pass already ties "Aliyev" and "President Aliyev" to "Ilham
Aliyev". Across articles this module:

- maps a person known only by one name ("Aliyev") to the one full name the corpus gives
  with that first or last name;
- completes offices whose country an article leaves open ("Premier Li Qiang") from the
  office the same person holds with the same title in another article;
- makes the document that establishes a given partnership between given parties one
  Agreement, whatever each article calls it ("joint statement on establishing a strategic
  partnership", "Joint Declaration on the Establishment of a Strategic Partnership");
- drops from a state visit a visitor who holds an office of the state visited in any article
  of the build (a minister does not pay a state visit to his own country; the visit goes
  when no visitor is left);
- makes names that would give one IRI one entity ("Viktor Orbán" and "Viktor Orban", "sports:"
  and "sports"): the form most often written wins, then the best formed, so every resource has
  exactly one rdfs:label and the other spellings become altLabels.

Everything is keyed by dictionaries: time grows with the number of findings, never with
the square of the number of entities.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Sequence

from ..read.articles import Article
from ..lexicon import of_state, role_as_written
from ..findings import AgreementFinding, EventFinding, Fact, Finding, Mention, Ref, RoleMention, ref_fields, ref_slug, refs_of

__all__ = ["resolve"]

_PARTNERSHIP = re.compile(r"\b((?:(?:comprehensive|strategic|cooperative|all-weather|all-round|special|privileged|"
                          r"global|enhanced|innovative)\s+(?:and\s+)?)*)partnership\b", re.I)
_FOUNDING = re.compile(r"\b(?:establish\w*|elevat\w*|upgrad\w*)\b", re.I)


def resolve(articles: Sequence[Article], findings: Dict[str, List[Finding]]) -> Dict[str, List[Finding]]:
    """Canonical findings per article id (the input is not changed)."""
    everything = [f for aid in sorted(findings) for f in findings[aid]]
    mapping: Dict[Ref, Ref] = {}
    dates = {a.id: a.reference_date for a in articles}
    mapping.update(_people(everything))
    mapping.update(_people_in_office(dates, findings, mapping))
    mapping.update(_founding_documents(everything, mapping))
    mapping = _one_per_iri(everything, mapping)
    held, where = _offices(everything, mapping)
    roles = _roles(held, where)
    homes = _home_states(held, where, mapping)
    out: Dict[str, List[Finding]] = {}
    for aid, fs in findings.items():
        new: List[Finding] = []
        for f in fs:
            if isinstance(f, RoleMention):
                new += _complete_role(f, roles, mapping, dates.get(aid))
                continue
            f = _substitute(f, mapping) if mapping else f
            if isinstance(f, EventFinding) and f.kind == "StateVisit":
                f = _visit_abroad(f, homes)
                if f is None:
                    continue
            new.append(f)
        out[aid] = new
    return out


def _people(fs: Iterable[Finding]) -> Dict[Ref, Ref]:
    """People named differently in different articles who are one office-holder of the tables
    ("Joseph Biden" and "Joe Biden"; "Seyed Ebrahim Raisi" and "Ebrahim Raisi"). Across
    articles a name is only ever merged on such evidence, never on a surname alone: two
    articles' "Rajapaksa" may be two people."""
    from ..officeholders import get_officeholders

    table = get_officeholders()
    persons = {r for f in fs for r in refs_of(f) if r.type == "Person"}
    out = {}
    for p in persons:
        canon = table.canonical(p.label)
        if canon is not None and canon != p.label:
            out[p] = Ref("Person", canon)
    return out


def _people_in_office(dates: Dict[str, object], findings: Dict[str, List[Finding]],
                      known: Dict[Ref, Ref]) -> Dict[Ref, Ref]:
    """A full name the tables lack, given an office of a state in an article, is the tables'
    holder of that office at the article's date when that holder alone has the same surname
    ("Foreign Minister Olu Adjadi Bakari" in an article of a day the tables give the office to
    "Olu Bakari"): same office, same day, same surname is the evidence."""
    from ..lexicon import get_lexicon
    from ..officeholders import fold, get_officeholders

    table, lex = get_officeholders(), get_lexicon()
    out: Dict[Ref, Ref] = {}
    for aid in sorted(findings):
        on = dates.get(aid)
        if on is None:
            continue
        facts = [f for f in findings[aid] if isinstance(f, Fact)]
        state = {f.subject: f.object for f in facts if f.predicate == "positionIn" and isinstance(f.object, Ref)}
        role: Dict[Ref, str] = {}
        for f in facts:                     # an office's role as the tables name it comes first
            if f.predicate == "role" and isinstance(f.object, str):
                role.setdefault(f.subject, f.object)
        for f in facts:
            person = f.subject
            if f.predicate != "holdsPosition" or person in known or person in out \
                    or len(person.label.split()) < 2 or table.terms(person.label):
                continue
            where = state.get(f.object)
            country = lex.country(where.label) if where is not None else None
            if country is None or f.object not in role:
                continue
            surname = fold(person.label.split()[-1])
            fits = {t.person for t in table.holders(role[f.object], state=country.code, on=on)
                    if fold(t.person.split()[-1]) == surname}
            if len(fits) == 1:
                out[person] = Ref("Person", fits.pop())
    return out


def _founding_documents(fs: Iterable[Finding], mapping: Dict[Ref, Ref]) -> Dict[Ref, Ref]:
    groups: Dict[tuple, List[AgreementFinding]] = defaultdict(list)
    for f in fs:
        if isinstance(f, AgreementFinding) and _FOUNDING.search(f.ref.label):
            m = _PARTNERSHIP.search(f.ref.label)
            if m and f.parties:
                kind = " ".join(m.group(0).lower().split())
                parties = frozenset(mapping.get(p, p) for p in f.parties)
                groups[(kind, parties)].append(f)
    out = {}
    for key, members in groups.items():
        labels = {f.ref for f in members}
        if len(labels) < 2:
            continue
        named = sorted({f.ref for f in members if f.surface[:1].isupper()}, key=lambda r: (-len(r.label), r.label))
        canon = named[0] if named else sorted(labels, key=lambda r: (-len(r.label), r.label))[0]
        for r in labels:
            if r != canon:
                out[r] = canon
    return out


def _well_formed(label: str) -> tuple:
    """How well a name is written, for choosing among spellings of one name (higher is better):
    no stray punctuation at its ends, its diacritics kept ("Orbán" over "Orban"), typographic
    apostrophes as most sources write them."""
    ends = label[:1].isalnum() and (label[-1:].isalnum() or label[-1:] in ").")
    accents = any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", label))
    return ends, accents, "'" in label


#: When two classes claim one IRI with as many mentions each, the first here wins: a state or a
#: body known by name is likelier than a person of that name ("Timor Leste").
TYPE_PRIORITY = ("Country", "Institution", "Place", "Initiative", "Agreement", "Position", "Person", "Topic")


def _one_per_iri(fs: Sequence[Finding], mapping: Dict[Ref, Ref]) -> Dict[Ref, Ref]:
    """``mapping`` extended so that the Refs whose labels give one slug (one IRI) become the one
    whose form the articles write most often; ties go to the likelier class, the best formed
    spelling, then the first in alphabetical order, so the choice never depends on the order
    of articles."""
    written: Counter = Counter()
    kinds: Dict[tuple, set] = defaultdict(set)
    for f in fs:
        if isinstance(f, Mention):
            written[mapping.get(f.ref, f.ref)] += 1
        for r in refs_of(f):
            r = mapping.get(r, r)
            kinds[ref_slug(r)].add(r)
    out = dict(mapping)
    for refs in kinds.values():
        if len(refs) < 2:
            continue
        canon = min(refs, key=lambda r: (-written[r], TYPE_PRIORITY.index(r.type),
                                         tuple(not x for x in _well_formed(r.label)), r.label))
        for r in refs:
            if r != canon:
                out[r] = canon
    # a Ref mapped to one that is itself merged goes all the way
    return {k: out.get(v, v) for k, v in out.items()}


def _offices(fs: Iterable[Finding], mapping: Dict[Ref, Ref]) -> tuple:
    """(person -> the positions the build says they hold, position -> its state or body)."""
    held: Dict[Ref, List[Ref]] = defaultdict(list)
    where: Dict[Ref, Ref] = {}
    for f in fs:
        if isinstance(f, Fact):
            if f.predicate == "holdsPosition":
                held[mapping.get(f.subject, f.subject)].append(f.object)
            elif f.predicate == "positionIn" and isinstance(f.object, Ref):
                where[f.subject] = f.object
    return held, where


def _roles(held: Dict[Ref, List[Ref]], where: Dict[Ref, Ref]) -> Dict[tuple, List[Fact]]:
    """(person, role) -> the facts of the office that person holds with that title somewhere."""
    out: Dict[tuple, List[Ref]] = {}
    for person, positions in held.items():
        for pos in sorted(set(positions)):
            role = pos.label.split(" of ")[0]
            out.setdefault((person, role), []).append(pos)
    return {key: [(pos, where.get(pos)) for pos in poss] for key, poss in out.items() if len(poss) == 1}


def _home_states(held: Dict[Ref, List[Ref]], where: Dict[Ref, Ref], mapping: Dict[Ref, Ref]) -> Dict[Ref, set]:
    """person -> the states whose offices the build says they hold."""
    return {person: {mapping.get(where[p], where[p]) for p in positions
                     if p in where and where[p].type == "Country"}
            for person, positions in held.items()}


def _visit_abroad(f: EventFinding, homes: Dict[Ref, set]):
    """The visit without the visitors who hold an office of a state visited; None when none is left."""
    hosts = set(f.hosts)
    visitors = tuple(v for v in f.visitors if not homes.get(v, set()) & hosts)
    if visitors == f.visitors:
        return f
    if not visitors:
        return None
    return dataclasses.replace(f, visitors=visitors,
                               participants=tuple(p for p in f.participants if p in visitors or p not in f.visitors))


#: offices too general to stand without their state: a node "President" would join every
#: president the build cannot place (the office-holder tables place heads and foreign ministers)
_TOO_GENERAL = frozenset({"president", "prime minister", "premier", "chancellor", "foreign minister",
                          "minister", "king", "queen", "vice president", "secretary", "ambassador", "envoy",
                          "spokesperson", "member", "official", "director", "chairman", "governor",
                          "commander", "adviser", "commissioner", "mayor", "senator", "secretary of state",
                          "secretary-general", "director-general", "special envoy", "deputy", "leader"})


def _complete_role(f: RoleMention, roles: Dict[tuple, list], mapping: Dict[Ref, Ref], on=None) -> List[Finding]:
    """An office written without its state: the office the same person holds with that title
    in another article (unless the office-holder tables show someone else in it at this
    article's date), else an office of that name without a state ("State Minister"), unless
    the name is too general to stand alone."""
    person = mapping.get(f.person, f.person)
    got = roles.get((person, f.role))
    if got and on is not None and _held_by_another(person, got[0][0], f.role, on):
        return []
    if got:
        return _held(f, person, *got[0])
    state = _home_state(person)
    if state is not None:
        # "Power and Energy Minister X", X a minister of the people table's state
        pos = Ref("Position", f"{f.role} of {of_state(state.label)}")
        if on is None or not _held_by_another(person, pos, f.role, on):
            return _held(f, person, pos, state)
    if f.role.lower() in _TOO_GENERAL:
        return []
    return _held(f, person, Ref("Position", f.role), None)


def _held(f: RoleMention, person: Ref, pos: Ref, where) -> List[Finding]:
    """The findings of ``person`` holding ``pos`` (of ``where``, when known) as ``f`` writes it."""
    out: List[Finding] = [Mention(f.sentence, pos, f.surface if f.surface.lower() != f.role.lower() else pos.label),
                          Fact(f.sentence, person, "holdsPosition", pos), Fact(f.sentence, pos, "role", f.role)]
    written = role_as_written(f.role, f.surface)
    if written != f.role:
        out.append(Fact(f.sentence, pos, "role", written))   # the text's own order of the words too
    if where:
        out.append(Fact(f.sentence, pos, "positionIn", where))
    return out


@functools.lru_cache(maxsize=1)
def _people_table():
    from .link import load_people
    return load_people()


def _home_state(person: Ref):
    """The state whose cabinet, legislature or service lists ``person`` in the people table
    (kg/data/people_wikidata.tsv), as a Country; None for someone it does not name or names
    with an international post."""
    from ..lexicon import get_lexicon

    item = _people_table().get(person.label)
    country = get_lexicon().countries.get(item.country) if item is not None and item.country else None
    return Ref("Country", country.name) if country is not None else None


def _held_by_another(person: Ref, position: Ref, role: str, on) -> bool:
    """Whether the tables name someone else than ``person`` in ``position`` on that day."""
    from ..officeholders import get_officeholders

    table = get_officeholders()
    others = {t.person for t in table.holders(position.label, on=on)}
    name = table.canonical(person.label) or person.label
    return bool(others) and name not in others


def _substitute(f: Finding, mapping: Dict[Ref, Ref]) -> Finding:
    changes = {}
    for name in ref_fields(type(f)):
        v = getattr(f, name)
        if isinstance(v, Ref) and v in mapping:
            changes[name] = mapping[v]
        elif isinstance(v, tuple) and any(isinstance(x, Ref) and x in mapping for x in v):
            changes[name] = tuple(dict.fromkeys(mapping.get(x, x) for x in v))
    return dataclasses.replace(f, **changes) if changes else f
