"""kg_gazetteer: the names world knowledge gives, found by phrase matching over tokens.

States, demonyms, capitals and cities, organisations, offices, government organs, initiatives,
topics and the phrases that name two sides at once ("the two countries"). Proper names match
with their case (a capital letter is evidence); common nouns of office, organs and topics
match in any case. Where names overlap, the longest wins, then the kind listed first in
:data:`PRIORITY`.

Reads: tokens. Writes: ``doc.spans["kg_known"]``, each span labelled with its kind and its
``span._.kb`` a :class:`Known`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...findings import Ref
from ...lexicon import Lexicon, norm
from ..patterns import load_phrases

__all__ = ["Known", "Gazetteer", "PRIORITY", "SPANS_KEY"]

SPANS_KEY = "kg_known"
#: When one name has several readings, the first kind here wins.
PRIORITY = ("org", "country", "former_state", "initiative", "agreement", "capital", "place", "demonym", "organ",
            "title", "group", "topic")


@dataclass(frozen=True)
class Known:
    """What a known name stands for.

    ``ref`` is the entity (None for a title, an organ or a group phrase, which name no one
    thing by themselves); ``country`` the state of a demonym, city, organ or national body;
    ``entry`` the lexicon row (Title, Organ, Organisation, Initiative) or a group's kind
    ("countries", "leaders"); ``refs`` the members of a collective name.
    """

    kind: str
    ref: Optional[Ref] = None
    country: Optional[Ref] = None
    entry: object = field(default=None, compare=False, hash=False)
    refs: Tuple[Ref, ...] = ()
    plural: bool = False


def _forms(surface: str) -> List[str]:
    """A name as written, with straight and typographic apostrophes."""
    out = [surface]
    if "'" in surface:
        out.append(surface.replace("'", "’"))
    if "’" in surface:
        out.append(surface.replace("’", "'"))
    return out


def entries(lex: Lexicon) -> Iterable[Tuple[str, bool, Known]]:
    """(surface, match in any case, Known) for every name the lexicon knows."""
    def state(code: Optional[str]) -> Optional[Ref]:
        c = lex.countries.get(code) if code else None
        return Ref("Country", c.name) if c else None

    for c in lex.countries.values():
        ref = Ref("Country", c.name)
        for name in {c.name, c.official_name, *c.aliases}:
            if name:
                yield name, False, Known("country", ref, ref)
        for d in (*c.demonyms, *c.prefixes):
            yield d, False, Known("demonym", None, ref)
        for cap in c.capitals:
            yield cap, False, Known("capital", Ref("Place", cap), ref)
    # states that no longer exist ("the Soviet Union", "Yugoslavia") are states still
    for name, aliases, _ in lex.former:
        ref = Ref("Country", name)
        for form in (name, *aliases):
            yield form, False, Known("former_state", ref, ref)
    for p in lex.places:
        kind = "capital" if p.kind == "capital" else "place"
        for name in (p.name, *p.aliases):
            yield name, False, Known(kind, Ref("Place", p.name), state(p.country), p)
    places = {n for c in lex.countries.values() for n in (c.name, c.official_name, *c.aliases, *c.demonyms)}
    places |= {n for p in lex.places for n in (p.name, *p.aliases)}
    # a body's alias that is the name of a treaty or initiative the curated table knows ("the
    # UN Framework Convention on Climate Change" for its secretariat) names the document
    documents = {norm(n).lower() for ini in lex.initiatives for n in (ini.label, *ini.aliases)}
    for o in lex.organisations:
        known = Known("org", Ref("Institution", o.label), state(o.country), o)
        for name in (o.label, *o.aliases, *o.acronyms):
            if name != o.label and norm(name).lower() in documents:
                continue
            yield name, False, known
        for acronym in (*o.acronyms, o.label) if o.label not in o.acronyms else o.acronyms:
            # British papers write a pronounceable acronym as a word: "Nato", "Brics", "Asean"
            # (a body the table labels by its acronym, "BRICS", too);
            # never where the word is a place's name ("LAOS" is a party, "Laos" a state)
            if len(acronym) >= 4 and acronym.isalpha() and acronym.isupper() and acronym.capitalize() not in places:
                yield acronym.capitalize(), False, known
    for t in lex.titles:
        for form in t.forms:
            yield form, True, Known("title", None, None, t)
            # "ministers", "MPs", "Foreign Ministers": a title before a list of names
            last = form.split()[-1]
            if last[-1:].isalpha() and not last.endswith("s") and last[:1].isalpha():
                yield form[: len(form) - len(last)] + last + ("es" if last.endswith(("sh", "ch", "x")) else "s"), \
                    True, Known("title", None, None, t, plural=True)
    for organ in lex.organs:
        for form in organ.forms:
            yield form, not form.isupper(), Known("organ", None, None, organ)
    for ini in lex.initiatives:
        refs = tuple(Ref(ini.type, m) for m in ini.members) if ini.members else (Ref(ini.type, ini.label),)
        kind = "agreement" if ini.type == "Agreement" else "initiative"
        known = Known(kind, refs[0] if len(refs) == 1 else None, None, ini, refs if len(refs) > 1 else ())
        for name in (ini.label, *ini.aliases):
            yield name, len(name.split()) > 1, known
    from ...topics import get_topics
    for wording in get_topics().wordings():
        yield wording, True, Known("topic", Ref("Topic", wording))
    for phrase, group in load_phrases("groups"):
        yield phrase, True, Known("group", None, None, group)


class Gazetteer:
    """The component: a longest-match lookup of the lexicon's names over the Doc's tokens.

    Names are kept as tuples of token texts (as written, or lower-cased for the any-case
    names), indexed by their first word, so a token that starts no name costs one dictionary
    lookup. spaCy's PhraseMatcher does the same matching but needs a Doc (and a vocabulary
    entry per new word) for each of the ~75,000 names: 4 s to build in every worker, against
    0.5 s here, for the same matches.
    """

    def __init__(self, nlp: Language, name: str = "kg_gazetteer", *, lexicon: Lexicon):
        self.name = name
        self.table: Dict[Tuple[bool, Tuple[str, ...]], List[Known]] = {}
        by_form: Dict[Tuple[str, bool], List[Known]] = {}
        for surface, fold, known in entries(lexicon):
            for form in _forms(norm(surface)):
                bucket = by_form.setdefault((form.lower() if fold else form, fold), [])
                if known not in bucket:
                    bucket.append(known)
        forms = sorted(by_form)
        self.lengths: Dict[Tuple[bool, str], List[int]] = {}
        for (form, fold), words in zip(forms, _token_texts(nlp, [f for f, _ in forms])):
            if fold:
                words = tuple(w.lower() for w in words)
            if not words:
                continue
            bucket = self.table.setdefault((fold, words), [])
            for known in by_form[(form, fold)]:
                if known not in bucket:
                    bucket.append(known)
            lengths = self.lengths.setdefault((fold, words[0]), [])
            if len(words) not in lengths:
                lengths.append(len(words))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)
        self.title_words = frozenset(w.lower() for t in lexicon.titles for f in t.forms for w in f.split())

    def matches(self, doc: Doc) -> List[Tuple[int, int, List[Known]]]:
        """Every (start, end, readings) of a name in the Doc, overlapping ones included. Quotation
        marks inside a name do not break it (the "One China" principle)."""
        keep = [t.i for t in doc if not t.is_quote]
        texts = [doc[i].text for i in keep]
        lowers = [doc[i].lower_ for i in keep]
        out = []
        for k in range(len(keep)):
            for fold, words in ((False, texts), (True, lowers)):
                for n in self.lengths.get((fold, words[k]), ()):
                    got = self.table.get((fold, tuple(words[k:k + n]))) if k + n <= len(keep) else None
                    if got:
                        out.append((keep[k], keep[k + n - 1] + 1, got))
        return out

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        # longest first, then by the kind's priority; a later match may not overlap a kept one
        found.sort(key=lambda m: (-(m[1] - m[0]), min(PRIORITY.index(k.kind) for k in m[2]), m[0]))
        taken = set()
        spans: List[Span] = []
        for s, e, knowns in found:
            if any(i in taken for i in range(s, e)):
                continue
            known = min(knowns, key=lambda k: PRIORITY.index(k.kind))
            if not _keep(doc, s, e, known, self.title_words):
                continue
            span = Span(doc, s, e, label=known.kind)
            span._.kb = known
            spans.append(span)
            taken.update(range(s, e))
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda sp: sp.start)
        return doc


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _token_texts(nlp: Language, forms: List[str]) -> Iterable[Tuple[str, ...]]:
    """The names' words as the tokenizer splits them. Words of letters only are split at spaces
    by the tokenizer too, whatever its rules, so those skip it (most names)."""
    special = set(nlp.tokenizer.rules or {})
    plain = [bool(_PLAIN.fullmatch(f)) and not any(w in special or w.lower() in special for w in f.split())
             for f in forms]
    hard = iter(nlp.tokenizer.pipe(f for f, ok in zip(forms, plain) if not ok))
    for form, ok in zip(forms, plain):
        yield tuple(form.split()) if ok else tuple(t.text for t in next(hard) if not t.is_space)


#: English prefixes that make an adjective of a place's name
_PREFIXES = frozenset({"trans", "pan", "sub", "inter", "intra", "anti", "pro", "post", "pre", "non", "neo", "cis"})


def _keep(doc: Doc, s: int, e: int, known: Known, title_words: frozenset = frozenset()) -> bool:
    """Whether a match names what the lexicon says, judged by the words around it."""
    first = doc[s]
    if known.kind == "title":
        # a word of a person's name that spells a title ("Amir" in "Hossein Amir-Abdollahian"):
        # inside a name the NER found, after a word of the name that is no title
        inside = first.ent_iob_ == "I" and first.ent_type_ == "PERSON" and s > 0 \
            and doc[s - 1].lower_ not in title_words
        hyphened = e + 1 < len(doc) and doc[e].text in ("-", "‐") and doc[e + 1].text[:1].isupper()
        return not (inside or hyphened)
    if known.kind == "topic":
        # a topic word inside a capitalised name ("Energy" in "Ministry of Energy") is the name's
        return not (e - s == 1 and first.text[:1].isupper() and not first.is_sent_start)
    if known.kind in ("capital", "place") and s >= 2 and doc[s - 1].text in ("-", "–") \
            and doc[s - 2].lower_ in _PREFIXES:
        return False                            # "Trans-Caspian", "Pan-African": a word made from a place
    if known.kind in ("country", "demonym", "capital", "place") and e < len(doc):
        after = doc[e]
        # "U.S. dollars", "Hong Kong dollar": a currency, not the place
        if after.lemma_.lower() in ("dollar", "cent") or after.lower_ in ("dollars", "dollar"):
            return False
        # a city's name at the start of a bigger proper name ("Washington Post")
        if known.kind in ("capital", "place") and after.pos_ == "PROPN" and first.dep_ == "compound" \
                and first.head.i >= e and after.ent_type_ in ("ORG", "PERSON", "FAC", "PRODUCT"):
            return False
    return True


@Language.factory("kg_gazetteer", assigns=["doc.spans"], requires=["token.pos", "token.dep"],
                  default_config={"lexicon": {"@misc": "kg.lexicon.v1"}})
def make_gazetteer(nlp: Language, name: str, lexicon: Lexicon) -> Gazetteer:
    return Gazetteer(nlp, name, lexicon=lexicon)
