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
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Set

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import Lexicon, of_state
from ...officeholders import OfficeHolders
from ..docs import cased
from ..patterns import phrase_set
from ..timex import MONTHS, WEEKDAYS
from .gazetteer import SPANS_KEY as KNOWN

__all__ = ["Entities", "SPANS_KEY", "person_words_ok"]

SPANS_KEY = "kg_entities"
ENTITY_KINDS = {"country": "Country", "former_state": "Country", "capital": "Place", "place": "Place", "org": "Institution",
                "initiative": "Initiative", "agreement": "Agreement", "topic": "Topic"}
#: NER labels and the class a span of each is, when nothing else says
NER_CLASS = {"PERSON": "Person", "ORG": "Institution", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
_EDGE = {"the", "The", "a", "an", "'s", "’s", "'", "’", ",", ".", "-", "–", "—", "(", ")", "\"", "“", "”",
         ":", ";", "‘"}


def _heads() -> Dict[str, str]:
    from ..patterns import load_phrases
    return dict(load_phrases("name_heads"))


class Entities:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_entities", *, lexicon: Lexicon,
                 officeholders: Optional[OfficeHolders] = None):
        self.name = name
        self.lex = lexicon
        self.officeholders = officeholders
        self.heads = _heads()
        self.honorifics = phrase_set("honorifics")
        self.title_words = {w for t in lexicon.titles for f in t.forms for w in f.split() if w[:1].isupper()}
        self.ship_prefixes = phrase_set("ship_prefixes")
        self.not_name = (set(self.heads) | phrase_set("not_name") | self.title_words
                         | {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS})

    # ------------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        known = list(doc.spans[KNOWN]) if KNOWN in doc.spans else []
        # per-Doc lookups the helpers share (each would otherwise scan the whole Doc per name)
        self._ent_at = {e.start: e for e in doc.ents}
        self._titles_at = {k.start: k.end for k in known if k.label_ in ("title", "demonym", "country")}
        self._claimed = {i for k in known if k.label_ != "topic" for i in range(k.start, k.end)}
        out: List[Span] = []
        taken: Set[int] = set()

        def add(span: Span, label: str, ref: Ref, country: Optional[Ref] = None) -> None:
            sp = Span(doc, span.start, span.end, label=label)
            sp._.ref, sp._.country = ref, country
            out.append(sp)
            if label != "Topic":                # a subject area's words may be part of a name
                taken.update(range(span.start, span.end))

        # 1. names the lexicon knows, unless one is a word of a longer name a place or a body
        # heads ("the Grand Kremlin Palace", "the Kremlin" alone being a body)
        for sp in known:
            kb = sp._.kb
            if sp.label_ in ENTITY_KINDS and self._in_headed_name(doc, sp):
                continue
            if sp.label_ == "demonym" and kb.country:
                add(sp, "Country", kb.country, kb.country)
            elif sp.label_ in ("capital", "place") and not self._place_in_context(sp):
                continue
            elif sp.label_ in ENTITY_KINDS:
                for ref in (kb.refs or ((kb.ref,) if kb.ref else ())):
                    if ref.type == "Topic":
                        ref = Ref("Topic", cased(ref.label, sp))    # "Taiwan independence"
                    add(sp, ref.type, ref, kb.country)
        # 2. organs joined to their state (the state's own name stays a mention of it too)
        for sp in known:
            if sp.label_ == "organ":
                got = self._organ(doc, sp, known)
                if got and not any(i in taken for i in range(sp.start, sp.end)):
                    span, ref, country = got
                    add(span, "Institution", ref, country)
        # 3. people named right after an office or an honorific
        for sp in known:
            if sp.label_ == "title":
                span = self._name_after(doc, sp.end, taken, known)
                if span is not None:
                    add(span, "Person", Ref("Person", _label(span)))
        # 4. projects with a proper name written in lower case ("the Colombo port project")
        places = {i for sp in out if sp.label_ in ("Place", "Country") for i in range(sp.start, sp.end)}
        for span, cls in self._projects(doc, taken, places):
            add(span, cls, Ref(cls, _label(span)))
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
                    and self._leader(doc, ent):
                others.append((ent, "Place"))       # a leader's surname read as a nationality ("Albanese")
                continue
            if ent.label_ not in NER_CLASS:
                continue
            span = self._trim(doc, ent)
            free = free_of(span, NER_CLASS[ent.label_]) if span is not None else set()
            if span is None or any(i in taken and i not in free for i in range(span.start, span.end)):
                continue
            if NER_CLASS[ent.label_] == "Person":
                span = self._person(doc, span, known)
                if span is not None:
                    people.append(span)
                    add(span, "Person", Ref("Person", _label(span)))
                continue
            others.append((span, NER_CLASS[ent.label_]))
        surnames = {p[-1].text for p in people if len(p) > 1} | {p[0].text for p in people if len(p) > 1}
        people_words = surnames | {p.text for p in people if len(p) == 1}
        headline = _title_case(doc, doc._.sentences[0] if doc._.sentences else None)
        for span, cls in others:
            free = free_of(span, cls)
            if any(i in taken and i not in free for i in range(span.start, span.end)) \
                    or all(i in states or not doc[i].is_alpha for i in range(span.start, span.end)):
                continue
            # a word the article uses as a person's name ("Modi", "Trump" tagged as a place)
            if len(span) == 1 and (span.text in surnames or self._leader(doc, span)):
                # a forename the NER left outside ("Mahinda" of "Mahinda Rajapaksa") goes with it
                start = span.start
                while start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" \
                        and doc[start - 1].is_title and doc[start - 1].text not in self.not_name \
                        and span.start - start < 3:
                    start -= 1
                span = Span(doc, start, span.end)
                add(span, "Person", Ref("Person", _label(span)))
                continue
            if headline is not None and headline[0] <= span.start < headline[1]:
                continue                        # every word of a title-case headline looks like a name
            if self._named_by_context(doc, span, known) or self._listed_with_people(span, people):
                add(span, "Person", Ref("Person", _label(span)))
                continue
            span = self._grow_of_state(doc, span, known)
            got = self._named(doc, span, cls, known, people_words)
            last = span[-1].text
            if got == "Initiative" and last.endswith("s") and self.heads.get(last[:-1]) == "initiative":
                for part, (cls, label) in self._distributed(doc, span.start, span.end, last[:-1], taken):
                    add(part, cls, Ref(cls, label))
            elif got:
                add(span, got, Ref(got, self._body_label(span, known)))
        # 6. names the NER missed, known by the word that heads them ("Extended Fund Facility"),
        # and the parts of known bodies ("the NPC Standing Committee", "the Standing Committee
        # of the National People's Congress")
        orgs = {sp.start: sp for sp in out if sp.label_ == "Institution"}
        org_ends = {sp.end: sp for sp in out if sp.label_ == "Institution"}
        for span, cls in self._shaped(doc, taken, headline, states):
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
                add(span, cls, Ref(cls, f"{_label(own)} of {_the(parent._.ref.label)}"), parent._.country)
                out[-1]._.part_of = parent._.ref
            else:
                add(span, cls, Ref(cls, _label(span)))
        # 7. a name that brings its own acronym names a body ("Statistics Mongolia (NSO)"); a
        # name followed by ", who" names a person
        for span in self._acronym_named(doc, taken):
            add(span, "Institution", Ref("Institution", _label(span)))
        for span in self._who(doc, taken):
            add(span, "Person", Ref("Person", _label(span)))
        out = _defined_acronyms(doc, out)
        # "INS Satpura", "USS Carl Vinson": a ship is no person, body or visitor
        out = [sp for sp in out if not (sp.label_ in ("Person", "Institution", "Place") and len(sp) > 1
                                        and sp[0].text in self.ship_prefixes)]
        # a company's or party's one-word name inside a person's is the person's ("Gustavo Petro")
        persons = [sp for sp in out if sp.label_ == "Person"]
        out = [sp for sp in out if not (sp.label_ == "Institution" and len(sp) == 1 and any(
            p.start <= sp.start and sp.end <= p.end and len(p) > 1 for p in persons))]
        self._state_of_body(out)
        # a topic's words inside a name are the name's ("peace process" of "the X-Y peace process")
        named = {i for sp in out if sp.label_ not in ("Topic", "Country") for i in range(sp.start, sp.end)}
        out = [sp for sp in out if sp.label_ != "Topic" or not any(i in named for i in range(sp.start, sp.end))]
        doc.spans[SPANS_KEY] = sorted(out, key=lambda s: (s.start, -s.end))
        return doc

    def _state_of_body(self, out: List[Span]) -> None:
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
            if self.heads.get(head) != "institution":
                continue
            inner = {c._.ref for c in states if sp.start <= c.start and c.end <= sp.end}
            if len(inner) == 1:
                sp._.country = inner.pop()

    def _in_headed_name(self, doc: Doc, sp: Span) -> bool:
        """Whether a known place's or body's name is a modifier inside a longer capitalised name
        whose last word heads a place or a body ("X Palace", "X Hotel", "X Institute")."""
        refs = sp._.kb.refs or ((sp._.kb.ref,) if sp._.kb.ref else ())
        if not refs or any(r.type not in ("Place", "Institution") for r in refs):
            return False
        j = sp.end
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].text not in self.title_words:
            j += 1
        if j == sp.end or self.heads.get(doc[j - 1].text) not in ("place", "institution"):
            return False
        return sp.root.head.i == j - 1 or sp.root.head.i in range(sp.end, j)

    def _leader(self, doc: Doc, span: Span) -> bool:
        """A single word that is the surname of exactly one office-holder of the article's date."""
        art = doc._.article
        if self.officeholders is None or art is None or art.reference_date is None or not span[0].is_title:
            return False
        return len({t.person for t in self.officeholders.by_surname(span.text, on=art.reference_date)}) == 1

    # ------------------------------------------------------------------ places
    @staticmethod
    def _place_in_context(sp: Span) -> bool:
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

    # ------------------------------------------------------------------ organs
    def _organ(self, doc: Doc, sp: Span, known: List[Span]):
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

    # ------------------------------------------------------------------ people
    def _trim(self, doc: Doc, span: Span) -> Optional[Span]:
        start, end = span.start, span.end
        while start < end and (doc[start].text in _EDGE or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].text in _EDGE or doc[end - 1].is_space):
            end -= 1
        return Span(doc, start, end) if end > start else None

    def _strip_titles(self, doc: Doc, span: Span, known: List[Span]) -> Optional[Span]:
        """The span without the offices and honorifics in front of the name."""
        start, end = span.start, span.end
        titles = self._titles_at
        moved = True
        while moved and start < end:
            moved = False
            if start in titles and titles[start] < end:
                start, moved = titles[start], True
            for n in (3, 2, 1):
                words = " ".join(t.text for t in doc[start:start + n])
                if start + n < end and words in self.honorifics:
                    start, moved = start + n, True
                    break
            while start < end and doc[start].text in _EDGE:
                start, moved = start + 1, True
        return Span(doc, start, end) if end > start else None

    def _extend_name(self, doc: Doc, span: Span, known: List[Span]) -> Span:
        """A name the NER cut short before its last word ("Anura Kumara" of "Anura Kumara
        Dissanayake"): capitalised proper nouns right after it that no other name claims."""
        claimed = self._claimed
        end = span.end
        while end < len(doc) and end - span.start < 6 and end not in claimed and doc[end].is_alpha \
                and (doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].ent_type_ in ("", "PERSON")
                     and doc[end].text not in self.not_name
                     or doc[end].lower_ in _PARTICLES and end + 1 < len(doc)
                     and (doc[end + 1].is_title or doc[end + 1].lower_ in _PARTICLES)
                     or end > span.start and doc[end - 1].lower_ in _PARTICLES and doc[end].is_title):
            end += 1
        return Span(doc, span.start, end) if end > span.end else span

    def _person(self, doc: Doc, span: Span, known: List[Span]) -> Optional[Span]:
        span = self._strip_titles(doc, span, known)
        if span is None:
            return None
        span = self._extend_name(doc, span, known)
        # "Modi's", "Lanka's": a possessive ends the name
        for t in span:
            if t.text in ("'s", "’s") and t.i > span.start:
                span = Span(doc, span.start, t.i)
                break
        if not person_words_ok(span, self.not_name):
            return None
        # a state, city or known body inside is no person's name ("Sri Lanka's", "Janata Bank"),
        # unless a company's or party's one-word name is a word of the person's ("Gustavo Petro")
        for k in known:
            if k.start < span.end and k.end > span.start and k.label_ not in ("title", "topic", "group"):
                weak = k.label_ == "org" and len(k) == 1 and k.start > span.start \
                    and getattr(k._.kb.entry, "kind", "") in ("company", "bank", "party")
                if not weak:
                    return None
        if len(span) == 1 and not _cued(doc, span, self.honorifics, known):
            return None
        return span

    def _name_after(self, doc: Doc, i: int, taken: Set[int], known: List[Span] = ()) -> Optional[Span]:
        """The person named right after an office ("President Faustin-Archange Touadéra"):
        capitalised proper nouns, initials and the particles between them."""
        start = i
        while start < len(doc) and doc[start].text in self.honorifics:
            start += 1
        if start < len(doc) and doc[start].ent_iob_ == "B" and doc[start].ent_type_ == "PERSON":
            # the NER's person starts right there: its whole name, offices inside it included
            ent = self._ent_at[start]
            span = self._trim(doc, ent)
            # offices and courtesy titles inside the NER's span are no part of the name
            span = self._strip_titles(doc, span, known) if span is not None else None
            span = self._extend_name(doc, span, known) if span is not None else None
            if span is not None and not any(k in taken for k in range(span.start, span.end)) \
                    and person_words_ok(span, self.not_name - self.title_words) \
                    and not any(t.text in self.honorifics or t.text in self.title_words for t in span[:1]):
                return span
        end = start
        while end < len(doc) and end not in taken:
            t = doc[end]
            if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text not in self.not_name:
                end += 1
            elif t.text in ("-", "‐") and end > start and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
                end += 1
            elif t.lower_ in _PARTICLES and end > start and end + 1 < len(doc) \
                    and (doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper()
                         or doc[end + 1].lower_ in _PARTICLES):
                end += 1                        # "von der Leyen", "da Silva"
            else:
                break
        if end == start or (end - start == 1 and doc[start].ent_type_ not in ("PERSON", "")):
            return None
        span = Span(doc, start, end)
        if doc[end - 1].text in ("-", "‐") or not person_words_ok(span, self.not_name):
            return None
        if span.root.ent_type_ in ("GPE", "NORP", "LOC") or (end - start == 1 and doc[start].ent_type_ != "PERSON"
                                                               and not doc[start].text.istitle()):
            return None
        return span

    # ------------------------------------------------------------------ other names
    def _named(self, doc: Doc, span: Span, cls: str, known: List[Span], people_words: Set[str] = frozenset()
               ) -> Optional[str]:
        """The class of an ORG, GPE, LOC or FAC span the lexicon does not know, or None when
        its words and context say it is no entity."""
        words = [t.text for t in span]
        if all(not w[:1].isupper() for w in words if w.isalpha()):
            return None
        cut = next((n for n, w in enumerate(words) if w in ("of", "for", "on") and n > 0), len(words))
        head = self.heads.get(words[cut - 1]) or self.heads.get(words[-1])
        if any(k.start <= span.start and k.end >= span.end and k.label_ in ENTITY_KINDS for k in known):
            return None                         # the lexicon's reading stands
        if any(k.start == span.start and k.end == span.end for k in known):
            return None                         # exactly a title, an organ, a demonym
        if self.lex.country(span.text) or self.lex.country_by_demonym(span.text):
            return None                         # a state's name the lexicon set aside ("US dollars")
        if head == "event":
            return None
        if head == "agreement":
            # a document's kind alone ("Memorandum of Understanding", "Joint Declaration", "Share
            # Sale Agreement") names no one document: kg_agreements names it by its parties
            return "Agreement" if self._specific(doc, span, known) else None
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
        if not proper or any(t.pos_ != "PROPN" for t in proper) or any(t.text in self.not_name for t in proper):
            return None
        if len(span) == 1 and (span[0].text.lower() in _COMPASS or span[0].tag_ == "NNPS"):
            return None                         # "South"; "Farmers", "Ranchers" as a headline writes them
        if all(t.text.isupper() for t in proper):
            return None                         # initials the lexicon does not know and the text never defines
        if any(t.text in people_words for t in proper):
            return None                         # "Trump Putin": people's names, not a body's
        if any(w in self.title_words for w in words):
            return None                         # "President", "Minister" name no body
        if cls == "Place":
            if len(span) > 4:
                return None
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            # a place the lexicon does not know is named where the words put something there
            if span.root.ent_type_ == "GPE" and prev not in ("in", "at", "to", "from", "near", "outside", "into"):
                return None
        return cls

    @staticmethod
    def _specific(doc: Doc, span: Span, known: List[Span]) -> bool:
        """Whether a document's name names one document: it holds a state's, a place's or a
        body's name, a year, or a number ("Treaty of Amity", "2015 Paris Agreement")."""
        inside = {i for k in known if k.label_ in ("country", "demonym", "capital", "place", "org")
                  for i in range(k.start, k.end)}
        return any(t.i in inside or t.like_num or t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "NORP", "LOC", "PERSON")
                   for t in span)

    def _shaped(self, doc: Doc, taken: Set[int], headline: Optional[tuple], states: Set[int] = frozenset()
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
            if not cap(i) or t.pos_ != "PROPN" or t.is_sent_start and t.text in self.not_name \
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
                plural = last.endswith("s") and self.heads.get(last[:-1]) == "initiative"
                kind = self.heads.get(last) or self.heads.get(words[cut - 1]) or ("initiative" if plural else None)
                cls = {"institution": "Institution", "initiative": "Initiative", "agreement": "Agreement",
                       "place": "Place"}.get(kind or "")
                if cls == "Agreement" and not self._specific(doc, Span(doc, i, j), list(doc.spans["kg_known"])
                                                             if "kg_known" in doc.spans else []):
                    cls = None
                if cls and not any(w in self.title_words for w in words[:1]):
                    if plural:
                        yield from self._distributed(doc, i, j, last[:-1], taken)
                    else:
                        yield Span(doc, i, j), cls
            i = max(j, i + 1)

    def _distributed(self, doc: Doc, i: int, j: int, head: str, taken: Set[int]) -> Iterable[tuple]:
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
                yield sp, ("Initiative", f"{_label(sp)} {head}")

    @staticmethod
    def _body_label(span: Span, known: List[Span]) -> str:
        """A body's name, with a state's abbreviation in front of it written in full ("US Pacific
        Fleet" -> "United States Pacific Fleet"); a demonym or another name of the state stays as
        written ("Ceylon Petroleum Corporation", "Korea Development Bank")."""
        first = next((k for k in known if k.start == span.start and k.end < span.end and k.label_ == "country"), None)
        if first is not None and first._.kb.country is not None and first[-1].whitespace_ \
                and first.text.replace(".", "").isupper():
            rest = Span(span.doc, first.end, span.end)
            return f"{first._.kb.country.label} {_label(rest)}"
        return _label(span)

    def _acronym_named(self, doc: Doc, taken: Set[int]) -> Iterable[Span]:
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
            if j - i >= 1 and doc[i].is_title and doc[j - 1].text not in self.title_words \
                    and doc[j - 1].is_title:
                yield Span(doc, i, j)

    def _who(self, doc: Doc, taken: Set[int]) -> Iterable[Span]:
        for j in range(2, len(doc) - 2):
            if doc[j].text != "," or doc[j + 1].lower_ != "who" or (j - 1) in taken:
                continue
            i = j
            while i > 0 and j - i < 4 and (i - 1) not in taken and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
                i -= 1
            span = Span(doc, i, j)
            if 2 <= len(span) <= 3 and person_words_ok(span, self.not_name) \
                    and not any(self.heads.get(t.text) for t in span):
                yield span

    def _listed_with_people(self, span: Span, people: List[Span]) -> bool:
        """A name joined by "and" to a person's, with no word of a body's name in it ("Murat
        Nurtleu and Batmunkh Battsetseg"), is a person's too."""
        if not 2 <= len(span) <= 4 or not person_words_ok(span, self.not_name):
            return False
        if any(self.heads.get(t.text) for t in span):
            return False
        root = span.root
        linked = {c.i for c in root.children if c.dep_ == "conj"} | ({root.head.i} if root.dep_ == "conj" else set())
        return any(p.start <= i < p.end for p in people for i in linked)

    def _named_by_context(self, doc: Doc, span: Span, known: List[Span]) -> bool:
        """A name followed by its office in apposition is a person's ("Thilaka Jayasundara,
        Secretary, Ministry of Industries"; "Ding Tao, the chargé d'affaires"), whatever the
        NER labelled it."""
        if not 2 <= len(span) <= 4 or not all(t.pos_ == "PROPN" for t in span if t.is_alpha):
            return False
        if not person_words_ok(span, self.not_name):
            return False
        j = span.end
        if j + 1 >= len(doc) or doc[j].text != ",":
            return False
        k = j + 1 + (doc[j + 1].lower_ in ("the", "a", "an"))
        return any(t.start == k and t.label_ == "title" for t in known) or \
            any(t.start == k + 1 and t.label_ == "title" and doc[k].text in ("'s",) for t in known)

    @staticmethod
    def _grow_of_state(doc: Doc, span: Span, known: List[Span]) -> Span:
        """ "Chamber of Construction Industry of" + "Sri Lanka": a name cut before its state."""
        if span.end + 1 < len(doc) and span[-1].lower_ == "of":
            after = next((k for k in known if k.start in (span.end, span.end + 1) and k.label_ == "country"), None)
            if after is not None:
                return Span(doc, span.start, after.end)
        if span.end < len(doc) and doc[span.end].lower_ == "of" and span.end + 1 < len(doc):
            after = next((k for k in known if k.start in (span.end + 1, span.end + 2) and k.label_ == "country"
                          and (k.start == span.end + 1 or doc[span.end + 1].lower_ == "the")), None)
            head = span[-1].text
            if after is not None and head in _HEAD_OF_STATE_BODY:
                return Span(doc, span.start, after.end)
        return span

    def _projects(self, doc: Doc, taken: Set[int], places: Set[int]) -> Iterable[tuple]:
        """ "the Colombo Port City project", "the Adani wind power project", "the Adani group":
        a project (or group, company) whose modifiers, right before it, include a proper name
        is a named initiative (institution); a place's name may open it. A name the modifiers
        already head ("the Extended Fund Facility (EFF) programme") is that name's."""
        for t in doc:
            cls = _LOWER_HEADS.get(t.lower_)
            if cls is None or t.i in taken or t.pos_ != "NOUN":
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _LOWER_HEADS and doc[t.i + 1].pos_ == "NOUN":
                continue                        # "the X port development project": the last word heads it
            start = t.i
            while start > 0 and ((doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") or doc[start - 1].tag_ == "VBN"
                                  or doc[start - 1].is_title
                                  and doc[start - 1].is_alpha) and doc[start - 1].dep_ in ("compound", "amod", "nmod")
                                 and doc[start - 1].head.i < t.i + 1 and not doc[start - 1].like_num
                                 or doc[start - 1].text in ("-", "–") and start > 1 and doc[start - 2].is_title):
                start -= 1
            if any(doc[i].text in self.not_name and doc[i].text not in self.heads for i in range(start, t.i)):
                continue                        # "the Sunday Morning Futures program": no initiative
            while start < t.i and (doc[start].i in taken and doc[start].i not in places
                                   or (doc[start].pos_ == "ADJ" or doc[start].tag_ == "VBN")
                                   and not doc[start].text[:1].isupper()):
                start += 1
            # the owner's demonym is no part of the name ("the Indian Adani group")
            while start < t.i and start in places and self.lex.country_by_demonym(doc[start].text):
                start += 1
            mods = range(start, t.i)
            if not mods or not any((doc[i].pos_ == "PROPN" or doc[i].is_title) and (i not in taken or i in places)
                                   for i in mods) \
                    or not doc[start].is_title or any(i in taken and i not in places for i in mods):
                continue
            before = t.i - 1
            if doc[before].text == ")":
                continue                        # "... (EFF) programme": an acronym's name before it
            if self.heads.get(doc[before].text) in ("initiative", "institution", "agreement"):
                continue
            yield Span(doc, start, t.i + 1), cls

#: lower-case nouns that, after a proper name, make a name ("the Adani group")
_LOWER_HEADS = {"project": "Initiative", "initiative": "Initiative", "corridor": "Initiative",
                "programme": "Initiative", "program": "Initiative", "scheme": "Initiative",
                "group": "Institution", "company": "Institution", "corporation": "Institution",
                "process": "Initiative", "development": "Initiative"}
_COMPASS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
#: a body's name that goes on with "of" and its state ("Chamber of Commerce of Sri Lanka")
_HEAD_OF_STATE_BODY = {"Industry", "Commerce", "Chamber", "Board", "Investment", "Council", "Authority",
                       "Bank", "Commission", "Institute", "Association", "Federation", "Bureau", "Agency"}
_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "von", "van", "der", "den",
              "ter", "bin", "ibn", "al", "el", "la", "le", "y", "bint"}


def person_words_ok(span: Span, not_name: Set[str]) -> bool:
    """Whether the words of a span have the shape of a person's name."""
    words = [t for t in span if not t.is_punct or t.text in (".", "-")]
    if not words or len(words) > 6:
        return False
    for t in words:
        w = t.text
        if w in not_name or any(c.isdigit() for c in w):
            return False
        if w.isalpha() and w[:1].islower() and w.lower() not in _PARTICLES:
            return False
        if len(w) > 3 and w.isupper() and len(words) == 1:
            return False                        # an acronym
    last = words[-1]
    if last.tag_ == "NNPS" or (len(last.text) >= 2 and last.text.isupper() and last.is_alpha):
        return False                            # "Backhoe Loaders", "Petronet LNG": no surname
    return True


def _cued(doc: Doc, span: Span, honorifics: Set[str], known: List[Span]) -> bool:
    """A one-word name is a person's only after an office or a courtesy title ("Mr. Blinken")."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None:
        return False
    if prev.text in honorifics:
        return True
    return any(k.end == span.start and k.label_ == "title" for k in known)


def _the(label: str) -> str:
    """A body's name after "of": "the National People's Congress", "the United Nations"."""
    return label if label.startswith(("the ", "The ")) else "the " + label


def _initials(label: str) -> str:
    return "".join(w[0] for w in label.replace("-", " ").split() if w[:1].isupper())


def _defined_acronyms(doc: Doc, spans: List[Span]) -> List[Span]:
    """ "the Extended Fund Facility (EFF)": within the article the acronym names what it was
    defined for, whatever else the lexicon knows by it."""
    defs: Dict[str, Span] = {}
    for sp in spans:
        j = sp.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            acr = doc[j + 1].text
            if 2 <= len(acr) <= 8 and acr.isupper() and acr.isalpha() and acr[0] == _initials(sp._.ref.label)[:1]:
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


def _title_case(doc: Doc, sentence) -> Optional[tuple]:
    """(first token, end token) of a headline written in title case, where every word looks like a
    name; None when the first sentence is not one."""
    if sentence is None:
        return None
    span = doc.char_span(sentence.start - doc._.offset, sentence.end - doc._.offset, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if t.is_alpha and t.lower_ not in ("of", "the", "and", "for", "on", "in", "to", "a",
                                                                "an", "at", "by", "with", "as", "from")]
    if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) / len(words) > 0.75:
        return span.start, span.end
    return None


def _label(span: Span) -> str:
    """A name as a label: single spaces, without an acronym in brackets inside it
    ("Extended Fund Facility (EFF) programme" -> "Extended Fund Facility programme")."""
    words = []
    skip = False
    for t in span:
        if t.text == "(":
            skip = True
        elif t.text == ")":
            skip = False
        elif not skip:
            words.append(t.text + t.whitespace_)
    return " ".join("".join(words).split()) or " ".join(span.text.split())


@Language.factory("kg_entities", assigns=["doc.spans", "span._.ref", "span._.country"],
                  requires=["doc.ents", "token.pos", "token.dep"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"},
                                  "officeholders": {"@misc": "kg.officeholders.v1"}})
def make_entities(nlp: Language, name: str, lexicon: Lexicon, officeholders: OfficeHolders) -> Entities:
    return Entities(nlp, name, lexicon=lexicon, officeholders=officeholders)
