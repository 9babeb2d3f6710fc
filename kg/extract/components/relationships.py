"""kg_relationships: states of relations between countries (diplomatic relations, partnerships) with parties and start dates.

A relationship is a noun phrase that names relations of a kind (``relationships.jsonl``):
"diplomatic relations" or "diplomatic ties" are DiplomaticRelations; "partnership" takes its
kind from the words before it (``relationships_words.tsv``): "comprehensive strategic
partnership" is ComprehensiveStrategicPartnership, a kind the ontology lacks ("enhanced
strategic partnership") is minted in CamelCase with ``broader`` the ontology's nearest one
(``relationships_types.tsv``), and an evaluation ("a strong partnership") is dropped.
"Partners" names relations only with a kind ("strategic partners", not "trading partners");
a partnership with any other word before it ("an energy partnership") is left out.

- **Parties**, exactly two states: "between X and Y", "X-Y relations", "X's partnership with
  Y", the subject of the clause ("X and Y established ...", "X and Y are strategic partners"),
  the relations an elevation starts from ("elevated Vietnam-Brazil relations to ..."), "the
  two countries" (the two states the text has just named, else the article's two), and, when
  the words name no one, the article's two states.
- **Start date**: a time said of the words that found them ("established diplomatic relations
  in 1957", "elevated ... on Wednesday", "which was established in August 2018"), "since
  1992", an anniversary ("the 70th anniversary of diplomatic ties": the article's year less 70),
  the date of the document that established them, or of the meeting just told of at which
  they were announced ("Following the talks, the two leaders announced ...").
- **Established by**: the document of the same sentence that names it ("a joint statement on
  establishing a strategic partnership") or under which it was founded.

Relations said not to be ("no diplomatic relations") or ended ("severed ties") give nothing:
the ontology has no end of relations yet. Relations only planned ("will establish diplomatic
relations") are a relationship without a start date.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.modality``, ``doc._.times``, the Agreement and Event findings of ``doc._.findings``. Writes:
findings appended to ``doc._.findings``.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...findings import AgreementFinding, RelationshipFinding
from .agreements_parse import attached_times, sentence_for, subject_of
from .agreements_sides import Sides
from .agreements_tables import people_words
from .relationships_dates import established_by, event_date, since
from .relationships_parties import relation_parties
from .relationships_types import RULE_KEYS, hyphen_words, relationship_type, tables

__all__ = ["Relationships", "RULE_KEYS", "relationship_type"]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_NAMES = ("Agreement", "Initiative", "Institution")


class Relationships:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_relationships"):
        self.name = name
        words, self.types, rules = tables()
        self.type_words = {w for w, v in words.items() if v == "type"}
        self.drop_words = {w for w, v in words.items() if v == "drop"}
        self.heads: Dict[str, dict] = {lemma: r for r in rules if r["kind"] == "partnership" for lemma in r["lemmas"]}
        self.relations = [r for r in rules if r["kind"] == "relations"]
        self.founding = [r for r in rules if r["kind"] == "founding"]
        self.ending = {w for r in rules if r["kind"] == "ending" for w in r["lemmas"]}
        self.anniversary = {w: r.get("years") for r in rules if r["kind"] == "anniversary" for w in r["lemmas"]}
        self.acts = frozenset(w for r in rules if r["kind"] == "act" for w in r["lemmas"])
        self.holding = frozenset(w for r in rules if r["kind"] == "holding" for w in r["lemmas"])
        self.occasions = {w for r in rules if r["kind"] == "occasion" for w in r["lemmas"]}
        self.occasion_preps = {w for r in rules if r["kind"] == "occasion" for w in r.get("words", ())}
        self.occasion_people = {w for r in rules if r["kind"] == "occasion" for w in r.get("people", ())}
        self.lemmas = set(self.heads) | {w for r in self.relations for w in r["lemmas"]}

    # ------------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        cands = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.lemmas]
        if not cands:
            return doc
        sides = Sides(doc, people_words())
        named = {i: sp for sp in (doc.spans["kg_entities"] if "kg_entities" in doc.spans else ())
                 if sp.label_ in _NAMES for i in range(sp.start, sp.end)}
        documents: Dict[int, List[AgreementFinding]] = {}
        for f in doc._.findings:
            if isinstance(f, AgreementFinding):
                documents.setdefault(f.sentence.index, []).append(f)
        for t in cands:
            kind = self._kind(t)
            if kind is None:
                continue
            rtype, words, broader = kind
            inside = named.get(t.i)
            if inside is not None and not self._founding_name(inside, t):
                continue                        # "the Trans-Pacific Partnership": a name, no relations
            got = self._read(doc, t, sides, inside, rtype)
            if got is None:
                continue
            parties, start, founding = got
            sent = sentence_for(doc, t)
            if sent is None:
                continue
            by, by_date = established_by(doc, t, words, inside, founding, documents.get(sent.index, []))
            doc._.findings.append(RelationshipFinding(
                sent, rtype, words, parties=tuple(parties), start_date=start or by_date,
                established_by=by, broader=broader))
        return doc

    # ------------------------------------------------------------------ the kind
    def _kind(self, t: Token) -> Optional[Tuple[str, str, Optional[str]]]:
        """(concept, words, broader) of relations a noun names, or None."""
        lemma = t.lemma_.lower()
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod", "punct", "cc",
                                                  "conj")]
        left = min([t.i] + [m.left_edge.i for m in mods])
        words = [w for w in t.doc[left:t.i] if w.text not in ('"', "“", "”", "'", "‘", "’", ",")]
        lowers = [w.lower_ for w in words]
        for r in self.relations:
            if lemma in r["lemmas"] and any(w in lowers for w in r["words"]):
                return r["rtype"], r["label"], None
        rule = self.heads.get(lemma)
        if rule is None or t.tag_ in ("NNS", "NNPS") and lemma == "partnership":
            return None
        if t.dep_ == "compound":
            return None                         # "a partnership agreement": no relations
        names = {w.text for w in words if w.ent_type_ in ("GPE", "NORP") or w.text in self._state_words(t.doc)}
        kind: List[str] = []
        for w in hyphen_words(words):
            low = w.lower()
            if low in self.type_words:
                kind.append(low)
            elif low == "and" and kind:
                kind.append(low)
            elif low in self.drop_words or low in ("-", "–"):
                continue
            elif all(part in names for part in w.split("-") if part):
                continue                        # "China-Azerbaijan strategic partnership": its parties
            else:
                return None                     # "an energy partnership", "trading partners"
        while kind and kind[-1] == "and":
            kind.pop()
        if rule.get("typed") and not kind:
            return None
        words_text = " ".join(kind + ["partnership"])
        rtype, broader = relationship_type(words_text, self.types)
        return rtype, words_text, broader


    @staticmethod
    def _state_words(doc: Doc) -> Set[str]:
        """The words of the states and demonyms the text names ("Sino", "India", "Lanka")."""
        return {w.text for sp in (doc.spans["kg_entities"] if "kg_entities" in doc.spans else ())
                if sp.label_ == "Country" for w in sp}

    def _founding_name(self, span: Span, t: Token) -> bool:
        """A document's name that founds the relations it names ("Joint Declaration on the
        Establishment of a Strategic Partnership")."""
        founding = {w for r in self.founding for w in r["lemmas"]}
        return span.label_ == "Agreement" and any(x.lemma_.lower() in founding for x in span.doc[span.start:t.i])

    # ------------------------------------------------------------------ the reading
    def _read(self, doc: Doc, t: Token, sides: Sides, inside: Optional[Span], rtype: str):
        """(parties, start date, founding word) of relations, or None when the words deny or
        end them or name no two states."""
        if t._.modality == "negated" or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return None
        head = t
        while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        founding, slot = self._founder(head)
        gov = _governor(head)
        if gov.lemma_.lower() in self.ending or (founding is not None and founding.lemma_.lower() in self.ending):
            return None
        mood = "asserted"
        if founding is not None:
            mood = _mood(founding, self.acts)
            if mood in ("negated", "hypothetical"):
                return None                     # "could establish relations", "did not establish ..."
        elif gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in self.holding and _mood(gov, self.acts) == "negated":
            return None                         # "does not have diplomatic relations"
        # any other verb presupposes the relations: "wants to deepen its partnership with ..."
        parties = relation_parties(head, founding, sides, typed=rtype != "Partnership")
        if len(parties) != 2:
            return None
        # "the 60th anniversary of (the establishment of) diplomatic ties": counted back from the
        # article's year, whatever time the sentence gives the anniversary
        start = self._anniversary(doc, head)
        if start is None and founding is not None and mood == "asserted":
            anchors = self._chain(founding)
            sent = sentence_for(doc, t)
            times = attached_times(doc, sent, anchors)
            start = times[0] if times else None
            if start is None and sent is not None and self._at_occasion(doc, anchors, founding):
                start = event_date(doc, sent.index)
        if start is None:
            start = since(doc, head)
        return parties, start, founding

    def _founder(self, t: Token) -> Tuple[Optional[Token], str]:
        """The word that founds the relations a noun names, and its slot: "established
        [diplomatic relations]", "elevated ties to [a partnership]", "the establishment of
        [relations]", "[the partnership], which was established in 2018"."""
        for x in [t] + [y for y in t.subtree if y.i > t.i]:
            for c in x.children:
                # "the partnership [between A and B], which was established in 2018"
                if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") and (x.i == t.i or c.i > t.i) \
                        and self._founding_rule(c, "subject") and c.tag_ == "VBN":
                    return c, "subject"
        dep, head = t.dep_, t.head
        if dep in ("dobj", "nsubjpass") and self._founding_rule(head, "object" if dep == "dobj" else "subject"):
            return head, "object"
        if dep == "pobj" and head.dep_ == "prep":
            gov = head.head
            slot = head.lower_
            if self._founding_rule(gov, slot):
                return gov, slot
            for obj in gov.children:
                if obj.dep_ == "dobj" and obj.i < t.i and self._founding_rule(obj, slot):
                    return obj, slot            # "announced the elevation of ties [to a partnership]"
            if gov.lemma_.lower() in ("tie", "relation", "relationship"):
                # "upgraded [ties to a partnership]", "the elevation of [relations to a
                # partnership]": the parse hangs the new kind from the relations
                up = gov.head.head if gov.dep_ == "pobj" and gov.head.lower_ == "of" else gov.head
                if gov.dep_ in ("dobj", "nsubjpass", "pobj") and self._founding_rule(up, slot):
                    return up, slot
        # "the two countries established diplomatic relations": shared through coordination
        return None, ""

    def _at_occasion(self, doc: Doc, anchors: Set[int], founding: Token) -> bool:
        """Relations founded at a meeting the text has just told of: "following the talks",
        "at the summit", or announced by "the leaders" who met."""
        for i in anchors:
            for c in doc[i].children:
                if c.dep_ == "prep" and c.lower_ in self.occasion_preps:
                    if any(o.lemma_.lower() in self.occasions for o in c.children if o.dep_ == "pobj"):
                        return True
        subj = subject_of(founding)
        return subj is not None and subj.lemma_.lower() in self.occasion_people and subj.tag_ == "NNS" \
            and any(c.lower_ in ("the", "both", "two") for c in subj.children)

    def _founding_rule(self, tok: Token, slot: str) -> bool:
        lemma = tok.lemma_.lower()
        return any(r["slot"] == slot and lemma in r["lemmas"] for r in self.founding)

    def _chain(self, tok: Token) -> Set[int]:
        """A founding word and the words above it up to its clause's verb ("elevated in July
        2024 with the signing of a declaration on the establishment of ...")."""
        out = {tok.i}
        t = tok
        for _ in range(8):
            if t.head.lemma_.lower() in self.anniversary:
                break                           # "the 50th anniversary of the establishment ..., in 2024": no start
            if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "relcl", "advcl", "conj", "xcomp", "pcomp"):
                if t.dep_ != "xcomp":
                    break
            if t.head.i == t.i:
                break
            t = t.head
            out.add(t.i)
        return out

    def _anniversary(self, doc: Doc, t: Token) -> Optional[str]:
        """ "the 70th anniversary of diplomatic ties": the article's year less the years."""
        art = doc._.article
        ref = art.reference_date if art is not None else None
        if t.dep_ == "pobj" and t.head.lower_ == "of" and self._founding_rule(t.head.head, "of"):
            t = t.head.head                     # "the 50th anniversary of the establishment of relations"
        if ref is None or t.dep_ != "pobj" or t.head.lower_ != "of":
            return None
        noun = t.head.head
        lemma = noun.lemma_.lower()
        if lemma not in self.anniversary:
            return None
        years = self.anniversary[lemma]
        if lemma == "year":
            # "60 years of diplomatic ties"
            num = next((c for c in noun.children if c.dep_ == "nummod" and c.text.isdigit()), None)
            years = int(num.text) if num is not None else None
        elif years is None:
            for c in noun.children:
                if c.dep_ in ("amod", "nummod"):
                    w = c.lower_
                    digits = "".join(ch for ch in w if ch.isdigit())
                    if digits and w.endswith(("st", "nd", "rd", "th")):
                        years = int(digits)
                    elif w in _ORDINALS:
                        years = _ORDINALS[w]
        # the year the anniversary falls in: a time said of it ("next year we will mark the
        # 55th anniversary"), else the article's
        anchors = {noun.i}
        up = noun
        for _ in range(4):
            if up.head.i == up.i:
                break
            up = up.head
            anchors.add(up.i)
            if up.pos_ in ("VERB", "AUX"):
                break
        when = [v for v in attached_times(doc, sentence_for(doc, t), anchors) if v[:4].isdigit()]
        year = int(when[0][:4]) if when else ref.year
        if not years or years >= year:
            return None
        return str(year - years)


def _governor(tok: Token) -> Token:
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def _mood(tok: Token, acts: frozenset) -> str:
    """How the text puts a word: the modality component's reading; an infinitive nothing
    asserts is still to happen, unless it hangs from a verb that is the act itself ("agreed
    on Tuesday to elevate relations to ..." is how news reports the elevation)."""
    mood = tok._.modality or "asserted"
    infinitive = tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    if mood in ("asserted", "planned") and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in acts \
            and (tok.head._.modality or "asserted") == "asserted":
        return "asserted"
    if mood == "asserted" and infinitive:
        return "planned"
    return mood


@Language.factory("kg_relationships", assigns=["doc._.findings"], requires=["doc.spans"])
def make_relationships(nlp: Language, name: str) -> Relationships:
    return Relationships(nlp, name)
