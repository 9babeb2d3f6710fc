"""kg_entities: the entities a text names. The statistical NER proposes, knowledge and cues decide.

- A name the lexicon knows is what the lexicon says (a state, a city, an organisation, an
  initiative), whatever the NER thought ("Sri Lanka's" is no person).
- A demonym names its state ("Iranian" is a mention of Iran).
- A government organ joined to a state ("the Chinese Foreign Ministry", "Iran's Ministry of
  Energy", "the Foreign Ministry of Kazakhstan") is that state's organ.
- A span the NER calls PERSON is a person when nothing contradicts it: no office or courtesy
  title inside (those are cut off: "Secretary Blinken" is Blinken), no word that heads the
  name of a body, a place, a work or an event, no weekday, no state or known body, no
  possessive. A name right after an office ("President Faustin-Archange Touadéra") is a
  person whatever the NER called it.
- An ORG is an institution, a GPE, LOC or FAC the NER finds and the lexicon does not know a
  place, unless the words of the name say otherwise: a name headed by "Initiative" or
  "Corridor" is an initiative, by "Agreement" a document, by "Summit" an event (no entity).
- A lower-case project with a proper name ("the Uma Oya project") is an initiative.

Boundaries come from the tokens: determiners, possessives and punctuation at the edges are
cut. Reads: ``doc.ents``, ``doc.spans["kg_known"]``, tags and dependencies. Writes:
``doc.spans["kg_entities"]`` (label: the class; ``span._.ref`` the entity, ``span._.country``
its state where one is known).

The helpers live in :mod:`.entities_words` (word tables, per-Doc lookups, labels),
:mod:`.entities_people` (people's names and their cues) and :mod:`.entities_bodies` (bodies,
places, projects and acronyms); this module is the component's order of steps.
"""
from __future__ import annotations

from typing import List, Optional, Set

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import Lexicon
from ...officeholders import OfficeHolders
from ..docs import cased
from .entities_bodies import (COMPASS, acronym_named, body_label, defined_acronyms, distributed, grow_of_state,
                              in_headed_name, named_class, organ, place_in_context, projects, shaped, state_of_body)
from .entities_outlets import OutletCues, outlets
from .entities_phrases import divisions, projects_of
from .entities_people import (after_honorific, leader, listed_with_people, name_after, named_by_context, person,
                              person_words_ok, who, without_honorifics)
from .entities_words import ENTITY_KINDS, Page, Words, name_label, of_the, title_case, trim
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Entities", "SPANS_KEY", "person_words_ok"]

SPANS_KEY = "kg_entities"
#: NER labels and the class a span of each is, when nothing else says
NER_CLASS = {"PERSON": "Person", "ORG": "Institution", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


class Entities:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_entities", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None):
        self.name = name
        self.words = Words.load(lexicon, officeholders)
        self.outlet_cues = OutletCues.load()

    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans[KNOWN]) if KNOWN in doc.spans else []
        tables = self.words
        page = Page.of(doc, known)          # per-Doc lookups the helpers share
        out: List[Span] = []
        taken: Set[int] = set()

        def add(span: Span, label: str, ref: Ref, country: Optional[Ref] = None) -> None:
            if label == "Person":
                # "Dr X", "Mr X" as the NER or a cue found them: the courtesy title is no part of the name
                bare = without_honorifics(tables, doc, span)
                if bare is None:
                    return
                if (bare.start, bare.end) != (span.start, span.end):
                    span, ref = bare, Ref("Person", name_label(bare))
            sp = Span(doc, span.start, span.end, label=label)
            sp._.ref, sp._.country = ref, country
            out.append(sp)
            if label != "Topic":                # a subject area's words may be part of a name
                taken.update(range(span.start, span.end))

        # 1. names the lexicon knows, unless one is a word of a longer name a place or a body
        # heads ("the Grand Kremlin Palace", "the Kremlin" alone being a body)
        for sp in known:
            kb = sp._.kb
            if sp.label_ in ENTITY_KINDS and in_headed_name(tables, doc, sp):
                continue
            if sp.label_ == "demonym" and kb.country:
                add(sp, "Country", kb.country, kb.country)
            elif sp.label_ in ("capital", "place") and not place_in_context(sp):
                continue
            elif sp.label_ in ENTITY_KINDS:
                for ref in (kb.refs or ((kb.ref,) if kb.ref else ())):
                    if ref.type == "Topic":
                        ref = Ref("Topic", cased(ref.label, sp))    # "Taiwan independence"
                    add(sp, ref.type, ref, kb.country)
                if sp.label_ == "country" and sp.start > 0 and doc[sp.start - 1].text.lower() in COMPASS \
                        and doc[sp.start - 1].text[:1].isupper() and (sp.start - 1) not in taken:
                    # "South India", "Northern Sri Lanka": a part of the state, in it
                    part = Span(doc, sp.start - 1, sp.end)
                    add(part, "Place", Ref("Place", f"{doc[sp.start - 1].text} {kb.ref.label}"), kb.ref)
        # 2. organs joined to their state (the state's own name stays a mention of it too)
        for sp in known:
            if sp.label_ == "organ":
                got = organ(tables, doc, sp, known)
                if got and not any(i in taken for i in range(sp.start, sp.end)):
                    span, ref, country = got
                    add(span, "Institution", ref, country)
        # 3. people named right after an office or an honorific
        for sp in known:
            if sp.label_ == "title":
                span = name_after(tables, page, doc, sp.end, taken, known)
                if span is not None:
                    add(span, "Person", Ref("Person", name_label(span)))
        # ... or after an honorific the NER read as part of a body's name ("Prof X Y" as ORG)
        for span in after_honorific(tables, page, doc, taken, known):
            add(span, "Person", Ref("Person", name_label(span)))
        # 4. projects with a proper name written in lower case ("the Colombo port project")
        places = {i for sp in out if sp.label_ in ("Place", "Country") for i in range(sp.start, sp.end)}
        for span, cls in projects(tables, doc, taken, places):
            add(span, cls, Ref(cls, name_label(span)))
        # ... and divisions listed under one plural noun ("the Northern and Eastern provinces")
        for span, label in divisions(tables, doc, taken):
            place = tables.lex.place(label)
            state = tables.lex.countries.get(place.country) if place is not None and place.country else None
            add(span, "Place", Ref("Place", place.name if place else label),
                Ref("Country", state.name) if state else None)
        # 5. what the NER proposes, checked against knowledge and cues. A body's name may hold a
        # state's name or demonym ("Brazilian Cooperation Agency", "US Pacific Fleet"), which stays
        # a mention of the state as well
        states = {i for sp in out if sp.label_ == "Country" for i in range(sp.start, sp.end)}
        # ... or a place's after "of" ("the University of Tokyo", "the Industrial Cluster of the
        # Republic of Tatarstan"), which stays a mention of the place
        of_place = {i: sp.start for sp in out if sp.label_ == "Place" and sp.start > 1
                    and "of" in (doc[sp.start - 1].lower_, doc[sp.start - 2].lower_) for i in range(sp.start, sp.end)}

        def free_of(span: Span, cls: str) -> Set[int]:
            if cls != "Institution":
                return set()
            return states | {i for i in range(span.start, span.end) if of_place.get(i, span.start) > span.start}
        people: List[Span] = []
        others: List[tuple] = []
        for ent in doc.ents:
            if ent.label_ == "NORP" and len(ent) == 1 and not any(i in taken for i in range(ent.start, ent.end)) \
                    and leader(tables, doc, ent):
                others.append((ent, "Place"))       # a leader's surname read as a nationality ("Albanese")
                continue
            if ent.label_ not in NER_CLASS:
                continue
            span = trim(doc, ent)
            free = free_of(span, NER_CLASS[ent.label_]) if span is not None else set()
            if span is None or any(i in taken and i not in free for i in range(span.start, span.end)):
                continue
            if NER_CLASS[ent.label_] == "Person":
                span = person(tables, page, doc, span, known)
                if span is not None:
                    people.append(span)
                    add(span, "Person", Ref("Person", name_label(span)))
                continue
            others.append((span, NER_CLASS[ent.label_]))
        surnames = {p[-1].text for p in people if len(p) > 1} | {p[0].text for p in people if len(p) > 1}
        people_words = surnames | {p.text for p in people if len(p) == 1}
        headline = title_case(doc, doc._.sentences[0] if doc._.sentences else None)
        for span, cls in others:
            free = free_of(span, cls)
            if any(i in taken and i not in free for i in range(span.start, span.end)) \
                    or all(i in states or not doc[i].is_alpha for i in range(span.start, span.end)):
                continue
            # a word the article uses as a person's name ("Modi", "Trump" tagged as a place)
            if len(span) == 1 and (span.text in surnames or leader(tables, doc, span)):
                # a forename the NER left outside ("Mahinda" of "Mahinda Rajapaksa") goes with it
                start = span.start
                while start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" \
                        and doc[start - 1].is_title and doc[start - 1].text not in tables.not_name \
                        and span.start - start < 3:
                    start -= 1
                span = Span(doc, start, span.end)
                add(span, "Person", Ref("Person", name_label(span)))
                continue
            if headline is not None and headline[0] <= span.start < headline[1]:
                continue                        # every word of a title-case headline looks like a name
            if named_by_context(tables, doc, span, known) or listed_with_people(tables, span, people):
                add(span, "Person", Ref("Person", name_label(span)))
                continue
            span = grow_of_state(doc, span, known)
            got = named_class(tables, doc, span, cls, known, people_words)
            last = span[-1].text
            if got == "Initiative" and last.endswith("s") and tables.heads.get(last[:-1]) == "initiative":
                for part, (cls, label) in distributed(tables, doc, span.start, span.end, last[:-1], taken):
                    add(part, cls, Ref(cls, label))
            elif got:
                add(span, got, Ref(got, body_label(span, known)), inner_state(tables, span) if got == "Place" else None)
        # 6. news outlets and platforms, known by the words beside them ("told X", "the X newspaper")
        for span in outlets(tables, self.outlet_cues, doc, taken):
            if not any(i in taken for i in range(span.start, span.end)):
                add(span, "Institution", Ref("Institution", name_label(span)))
        # 7. names the NER missed, known by the word that heads them ("Extended Fund Facility"),
        # and the parts of known bodies ("the NPC Standing Committee", "the Standing Committee
        # of the National People's Congress")
        orgs = {sp.start: sp for sp in out if sp.label_ == "Institution"}
        org_ends = {sp.end: sp for sp in out if sp.label_ == "Institution"}
        for span, cls in shaped(tables, doc, taken, headline, states):
            if isinstance(cls, tuple):          # one of a list under a plural head: its own label
                cls, label = cls
                add(span, cls, Ref(cls, label))
                continue
            parent = None
            if cls == "Institution":
                k = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
                if span.end < len(doc) and doc[span.end].lower_ == "of" and k in orgs:
                    parent, span = orgs[k], Span(doc, span.start, orgs[k].end)
                elif span.start in org_ends and org_ends[span.start].start < span.start:
                    parent = org_ends[span.start]
                    span = Span(doc, parent.start, span.end)
            if parent is not None:
                own = Span(doc, span.start, parent.start - 1 - (doc[parent.start - 1].lower_ == "the")) \
                    if parent.start > span.start else Span(doc, parent.end, span.end)
                add(span, cls, Ref(cls, f"{name_label(own)} of {of_the(parent._.ref.label)}"), parent._.country)
                out[-1]._.part_of = parent._.ref
            else:
                add(span, cls, Ref(cls, name_label(span)), inner_state(tables, span) if cls == "Place" else None)
        # ... and projects named after the place they are of ("the development project of X Port")
        for span, label in projects_of(doc, [sp for sp in out if sp.label_ == "Place"]):
            add(span, "Initiative", Ref("Initiative", label))
        # 8. a name that brings its own acronym names a body ("Statistics Mongolia (NSO)"); a
        # name followed by ", who" names a person
        for span in acronym_named(tables, doc, taken):
            add(span, "Institution", Ref("Institution", name_label(span)))
        for span in who(tables, doc, taken):
            add(span, "Person", Ref("Person", name_label(span)))
        out = defined_acronyms(doc, out)
        # "INS Satpura", "USS Carl Vinson": a ship is no person, body or visitor
        out = [sp for sp in out if not (sp.label_ in ("Person", "Institution", "Place") and len(sp) > 1
                                        and sp[0].text in tables.ship_prefixes)]
        # a company's or party's one-word name inside a person's is the person's ("Gustavo Petro")
        persons = [sp for sp in out if sp.label_ == "Person"]
        out = [sp for sp in out if not (sp.label_ == "Institution" and len(sp) == 1 and any(
            p.start <= sp.start and sp.end <= p.end and len(p) > 1 for p in persons))]
        state_of_body(tables, out)
        # a topic's words inside a name are the name's ("peace process" of "the X-Y peace process")
        named = {i for sp in out if sp.label_ not in ("Topic", "Country") for i in range(sp.start, sp.end)}
        out = [sp for sp in out if sp.label_ != "Topic" or not any(i in named for i in range(sp.start, sp.end))]
        doc.spans[SPANS_KEY] = sorted(out, key=lambda s: (s.start, -s.end))
        return doc


@Language.factory("kg_entities", assigns=["doc.spans", "span._.ref", "span._.country"],
                  requires=["doc.ents", "token.pos", "token.dep"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"}})
def make_entities(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders) -> Entities:
    return Entities(nlp, name, lexicon=lexicon, officeholders=officeholders)


def inner_state(tables: Words, span: Span) -> Optional[Ref]:
    """The state of the city or place a place's name is built on, the name without its head word
    ("Gwadar Airport", "Hambantota Port": the airport or port is where the city is)."""
    if len(span) < 2:
        return None
    place = tables.lex.place(span[:-1].text)
    state = tables.lex.countries.get(place.country) if place is not None and place.country else None
    return Ref("Country", state.name) if state is not None else None
