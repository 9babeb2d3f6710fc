"""kg_agreements: documents (agreements, memoranda, treaties, joint statements) with their parties, signatories, status and topics.

A document is a name the lexicon or the name's own words give ("the Treaty of Aachen", a
``kg_entities`` span of class Agreement), or a noun phrase headed by a document's kind
(``agreements_nouns.tsv``: "a memorandum of understanding on tourism", "a fighter jet deal",
"a joint statement"). What the text says of it is read from the parse, generically:

- its **status** from the word that governs it, with the trigger's slot and modality
  (``agreements.jsonl``): "signed a pact" signed, "agreed to sign" planned, "negotiations on
  a deal" under negotiation, "the deal, which entered into force" in force, "withdrew from
  the accord" terminated; an infinitive ("the proposal to sign ...") is not yet done;
- its **parties** from its name ("a Chile-Peru accord"), "between X and Y", "with Y", the
  subject or passive agent of signing ("X and Y signed", "signed by ..."), the states of the
  people who signed, "the two countries" (the article's two states);
- its **signatories**: the people who are the subject or agent of signing;
- its **topics** from "on X", "for X", a purpose ("... to boost tourism"), or what it covers
  or provides for, each mapped to the topic vocabulary (:mod:`kg.topics`), the text's wording
  kept as the topic's mention;
- its **date**: a time said of its signing, or the year before its name ("the 1975 treaty").

A described document is labelled by its words without determiners or evaluations
(``agreements_modifiers.tsv``); one with nothing but its kind takes its parties' names as news
does ("Chile-Peru fisheries accord", "Memorandum of Understanding between Kenya and Uganda").
A plural ("signed 12 agreements") counts documents without naming one, and a generic mention
with no name, no parties and no complement ("an agreement") is no finding. A definite mention
with nothing of its own ("the memorandum", "the defence agreement") is the latest document of
the article it can name. A state's regime for another's people ("visa-free travel for Chinese
citizens") is a document of the state that grants it. What a joint statement is said to say
("..., the joint statement said") is what it covers.

The words of a document's phrase are read by :mod:`.agreements_phrase`, what governs it by
:mod:`.agreements_governors`; the parse helpers shared with kg_relationships live in
:mod:`.agreements_parse` and :mod:`.agreements_sides`, the tables in :mod:`.agreements_tables`.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings`` (AgreementFinding; a Mention for each topic's wording and for another name
the text gives a document, such as its acronym).
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...findings import AgreementFinding, Mention, Ref
from ...topics import TopicTable, get_topics
from .agreements_governors import Governors
from .agreements_parse import (DETERMINERS, KIND_ACRONYMS, NOUNISH, STATUS_ORDER, conjuncts, expand_kinds, hyphened,
                               infinitive, is_year, join_tokens, later, mood_of, sentence_for, span_text, subject_of)
from .agreements_phrase import about_end, about_prep, definite, generic, memo_of, modifiers, proper_of
from .agreements_sides import Sides
from .agreements_tables import RULE_KEYS, Found, people_words, tables
from .agreements_topics import np_topics

__all__ = ["Agreements", "RULE_KEYS", "STATUS_ORDER", "people_words"]

#: "the minerals memorandum" may name any memorandum; "the agreement" any document of these kinds
_GENERAL = {"agreement", "deal", "accord", "pact"}
_NOT_CALLED_AGREEMENT = {"statement", "declaration", "communique", "communiqué", "document", "roadmap", "charter"}


class Agreements:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_agreements", *, topics: Optional[TopicTable] = None):
        self.name = name
        self.topics = topics or get_topics()
        self.nouns, mods, rules = tables()
        self.drop = {w for w, v in mods.items() if v == "drop"}
        self.mod_status = {w: v for w, v in mods.items() if v in STATUS_ORDER}
        # a rule that asks more of the words around its trigger ("on the verge of signing") is
        # tried before the plain one ("signing")
        self.status_rules = sorted((r for r in rules if r["kind"] == "status"), key=lambda r: "under" not in r)
        self.topic_rules = [r for r in rules if r["kind"] == "topic"]
        self.clause_verbs = frozenset(w for r in rules if r["kind"] == "clause" for w in r["lemmas"])
        self.witnesses = frozenset(w for r in self.status_rules if r["id"] == "witness" for w in r["lemmas"])
        self.regimes = [r for r in rules if r["kind"] == "regime"]
        self.regime_rules = [r for r in rules if r["kind"] == "regime-status"]
        self.regime_heads = {w: r for r in self.regimes for w in r["lemmas"]}
        self.gov = Governors(self.nouns, self.status_rules, self.topic_rules, self.clause_verbs, self.witnesses,
                             self.topics)

    # ------------------------------------------------------------------ the component
    def __call__(self, doc: Doc) -> Doc:
        if doc._.findings is None:
            doc._.findings = []
        ents = doc.spans["kg_entities"] if "kg_entities" in doc.spans else []
        named = {sp.root.i: sp for sp in ents if sp.label_ == "Agreement" and sp._.ref is not None}
        inside = {i for sp in ents if sp.label_ in ("Agreement", "Initiative", "Institution")
                  for i in range(sp.start, sp.end)}
        heads = [t for t in doc if t.i in named or (t.i not in inside and t.pos_ in NOUNISH
                                                    and (t.lemma_.lower() in self.nouns or t.lemma_.lower() in
                                                         self.regime_heads))]
        if not heads:
            return doc
        sides = Sides(doc, people_words())
        found: List[Found] = []
        for h in heads:
            if h.i not in named and h.lemma_.lower() in self.regime_heads:
                got = self._regime(doc, h, sides)
            else:
                got = self._mention(doc, h, named.get(h.i), sides)
            if got is None:
                continue
            if got.bare:
                ante = self._antecedent(got, found)
                if ante is None:
                    continue
                got.ref = ante.ref
                got.parties = got.parties or ante.parties
            if got.ref is None:
                continue
            found.append(got)
            sent = sentence_for(doc, h)
            if sent is None:
                continue
            for topic, wording in got.topics:
                doc._.findings.append(Mention(sent, topic, wording))
            for name in got.also:
                if name and name != got.surface:
                    doc._.findings.append(Mention(sent, got.ref, name))
            doc._.findings.append(AgreementFinding(
                sent, got.ref, surface=got.surface, parties=tuple(got.parties),
                signatories=tuple(got.signatories), status=got.status,
                topics=tuple(dict.fromkeys(t for t, _ in got.topics)), date=got.date))
        return doc

    # ------------------------------------------------------------------ one mention
    def _mention(self, doc: Doc, h: Token, span: Optional[Span], sides: Sides) -> Optional[Found]:
        lemma = h.lemma_.lower()
        kind = self.nouns.get(lemma, "document")
        if span is None and (h.tag_ in ("NNS", "NNPS") or kind == "container"):
            return None                         # "signed 12 agreements": a count, no one document
        if 0 < h.i < len(doc) - 1 and doc[h.i - 1].text == "(" and doc[h.i + 1].text == ")":
            return None                         # "(MoU)": the acronym of the name before it
        lefts = modifiers(h, span)
        words = [t.lower_ for t in lefts]
        if span is None and kind == "joint" and not ({"joint", "final"} & set(words)):
            return None                         # a ministry's statement is no document between parties
        if any(c.dep_ == "det" and c.lower_ == "no" for c in h.children) or (
                h.dep_ == "attr" and mood_of(h.head) == "negated"):
            return None                         # "no agreement was reached", "this was not an agreement"
        got = Found(head=h, kind=lemma)
        got.group = bool({"joint", "bilateral"} & set(words)) or (kind == "joint" and "final" in words)
        memo = memo_of(h)
        proper = proper_of(h) if span is None else []
        about = about_prep(h, self.nouns) if not proper else None
        # parties the name gives: its states ("a Chile-Peru accord"), a body before a
        # document's kind ("the IMF agreement": the name no one document's) or joined to another
        # party by a hyphen ("the Mercosur-Vietnam Agreement"); a city or a palace in a proper
        # name is where it was signed ("the Beijing Agreement", "the Elysee Treaty")
        inside: List[Ref] = []
        for t in lefts:
            sp = sides.entity(t)
            if sp is None or sp._.ref is None:
                continue
            if sp._.ref.type == "Country" or (sp._.ref.type == "Institution" and (
                    hyphened(sp) or (span is None and not h.text[:1].isupper()))):
                inside.append(sp._.ref)
        got.parties += inside
        # the partner may hang on the name's last word ("a memorandum of understanding with X")
        for c in [x for x in h.children] + [x for m in memo for x in m.children if x.dep_ == "prep"]:
            if c.dep_ == "poss":
                got.parties += sides.of_phrase(c)[0]
            elif c.dep_ == "prep" and c.lower_ in ("between", "with"):
                for obj in (x for x in c.children if x.dep_ == "pobj"):
                    more, _ = sides.of_phrase(obj, organs=False)
                    got.parties += more
                    got.explicit = got.explicit or (c.lower_ == "between" and bool(more))
                    got.group = got.group or any(sides.is_group(t) for t in conjuncts(obj))

        if about is not None:
            # "a memorandum on tourism with Togo": the parse may hang the partner on the topic
            for c in about.subtree:
                if c.dep_ == "prep" and c.lower_ in ("with", "between") and c.i > about.i:
                    for obj in (x for x in c.children if x.dep_ == "pobj"):
                        got.parties += [p for p in sides.of_phrase(obj)[0] if p.type == "Country"]
        for t in doc[h.left_edge.i:h.i]:
            if is_year(t):
                got.date, got.status = t.text, "signed"     # "the 1975 treaty": signed that year
        got.explicit = got.explicit or len(set(inside)) >= 2
        # what governs it
        self.gov.governed(doc, h, got, sides)
        for w in words:
            if w in self.mod_status:
                got.status = later(got.status, self.mod_status[w])
        # topics: what it is on, what it is for
        if about is not None and about.lower_ != "to":     # "a protocol to the ... Agreement": no subject area
            for obj in (x for x in about.children if x.dep_ in ("pobj", "pcomp")):
                got.topics += np_topics(obj, sides, self.topics)
        for c in h.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and infinitive(c):
                got.topics += self.gov.purpose(c, sides)
        got.parties = list(dict.fromkeys(got.parties))
        if len(got.parties) < 2 and len(sides.main) == 2 and set(got.parties) <= set(sides.main) \
                and (got.group or (inside and not got.explicit)) and sides.bilateral_here(h):
            # "a joint statement", "the two sides agreed ...", "the Indonesia deal" in an article
            # about two states: theirs
            got.parties = list(sides.main)
        if not (got.parties or got.status or got.signatories or got.topics or got.date):
            return None                         # a mention that says nothing of it
        if span is None and lemma == "agreement" and not got.status and h.text.islower() and not any(
                c.dep_ in ("det", "poss") for c in h.children) and not lefts:
            return None                         # "asked for agreement on ...": consent, no document
        end = (span.end if span is not None else h.i + 1 + len(memo))
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
            got.also.append(doc[end + 1].text)  # "the Memorandum of Understanding (MOU)"
        # the label
        if span is not None and not generic(span, sides):
            got.ref = span._.ref
            got.surface = span_text(span)
            got.words = frozenset(t.lower_ for t in span)
            return got
        if proper:
            got.ref = Ref("Agreement", join_tokens([h] + proper))
            got.surface = got.ref.label
            got.words = frozenset(t.lower_ for t in proper)
            return got
        shown = [t for t in lefts if t.lower_ not in self.drop and t.lower_ not in self.mod_status]
        while shown and shown[0].is_punct:
            shown.pop(0)
        body = shown + [h] + memo
        tail = list(doc[about.i:about_end(about) + 1]) if about is not None else []
        surface = join_tokens(body + tail)
        got.words = frozenset(t.lower_ for t in shown)
        named = [t for t in shown if sides.entity(t) is not None and sides.entity(t).label_ != "Agreement"]
        label = expand_kinds(body + tail)
        names = sorted({p.label for p in got.parties[:3]})
        # "the Philippines-Korea Free Trade Agreement": a capitalised pair of names is one name
        # even when one of them is unknown
        capitalised = h.text[:1].isupper() and all(t.text[:1].isupper() or t.is_punct for t in shown)
        titled = capitalised and any(t.text in ("-", "–") for t in shown)
        if tail:
            got.ref = Ref("Agreement", label)
        elif named and (len(set(inside)) >= 2 or not inside or titled):
            got.ref = Ref("Agreement", label)   # "the Doha accord", "a Chile-Peru accord"
        elif named and len(names) >= 2:
            # "the Indonesia deal" between the United States and Indonesia: both names
            rest = [t for t in shown if sides.entity(t) is None and t.text not in ("-", "–")] + [h] + memo
            got.ref = Ref("Agreement", f"{'-'.join(names)} {expand_kinds(rest)}")
        elif named:
            return None                         # one side's name alone names no one document
        elif len(names) >= 2:
            if (not shown and lemma in ("memorandum", "mou", "moc")) or any(p.type != "Country" for p in got.parties[:3]):
                # "Memorandum of Understanding between A and B"; bodies' names are long and
                # their own: "contract agreement between the X Authority and Y Ltd"
                got.ref = Ref("Agreement", f"{label} between {' and '.join(names)}")
            else:
                got.ref = Ref("Agreement", f"{'-'.join(names)} {label}")
        elif any(c.dep_ in ("acl", "relcl") and infinitive(c) for c in h.children):
            return None                         # "the agreement to connect the grids": its own, unnamed
        elif definite(h) or span is not None or (capitalised and not h.is_sent_start):
            # "the agreement", "a draft Free Trade Agreement": the latest document it can name
            got.bare = True
        else:
            return None
        got.surface = surface if (len(body) + len(tail) > 1 or lemma in KIND_ACRONYMS or span is not None) else ""
        if span is not None and tail:
            got.also.append(span_text(span))     # "Memorandum of Understanding" for "... for the dam"
        return got

    def _regime(self, doc: Doc, h: Token, sides: Sides) -> Optional[Found]:
        """A state's regime for another's people ("visa-free travel for Chinese citizens"):
        the state that grants it is its party."""
        rule = self.regime_heads[h.lemma_.lower()]
        words = "".join(t.text for t in h.doc[h.left_edge.i:h.i]).lower()
        if not any(w in words for w in rule["words"]):
            return None
        who = None
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                who = next((x for x in c.children if x.dep_ == "pobj"), None)
        beneficiary = None
        if who is not None:
            for x in who.lefts:
                sp = sides.entity(x)
                if sp is not None and sp.label_ == "Country" and sp._.ref is not None:
                    beneficiary = (sp._.ref, x.text)
        if beneficiary is None:
            return None
        got = Found(head=h, kind=h.lemma_.lower())
        granting: List[Ref] = []
        for trig, slot, own in self.gov.governors(h):
            r = next((r for r in self.regime_rules if r["slot"] == slot and trig.lemma_.lower() in r["lemmas"]), None)
            if r is None:
                continue
            mood = mood_of(trig)
            if mood != "negated":
                got.status = later(got.status, {"asserted": r["status"], "planned": r.get("planned", "planned"),
                                                 "hypothetical": r.get("hypothetical", "proposed")}.get(mood))
            subj = subject_of(trig) if trig.pos_ in ("VERB", "AUX") else next(
                (c for c in trig.children if c.dep_ == "poss"), None)
            if subj is not None:
                if subj.lower_ in ("it", "its") and len(sides.main) == 2 and beneficiary[0] in sides.main:
                    granting += [s for s in sides.main if s != beneficiary[0]]   # the article's other state
                else:
                    granting += [p for p in sides.of_phrase(subj)[0] if p.type == "Country"]
        granting = [g for g in dict.fromkeys(granting) if g != beneficiary[0]]
        if len(granting) != 1:
            return None
        got.parties = granting
        label = rule["label"]
        got.ref = Ref("Agreement", f"{label} of {granting[0].label} for {beneficiary[1]} {who.text}")
        got.surface = join_tokens([t for t in h.doc[h.left_edge.i:who.i + 1] if t.pos_ not in DETERMINERS])
        return got

    # ------------------------------------------------------------------ anaphora
    def _antecedent(self, got: Found, found: Sequence[Found]) -> Optional[Found]:
        """The latest document before a definite mention that it can name: of its kind (any
        document for "the agreement"), with every describing word it has ("the minerals
        memorandum")."""
        for prev in reversed(found):
            if prev.ref is None:
                continue
            if got.kind in _GENERAL and prev.kind in _NOT_CALLED_AGREEMENT:
                continue                        # "the agreement" is no joint statement
            if got.kind not in _GENERAL and prev.kind != got.kind and got.kind not in prev.ref.label.lower():
                continue
            if got.parties and not set(got.parties) <= set(prev.parties):
                continue                        # "the agreement with the IMF" is not the deal with others
            label = prev.ref.label.lower()
            if all(w in label or w.rstrip("s") in label for w in got.words):
                return prev
        return None


@Language.factory("kg_agreements", assigns=["doc._.findings"], requires=["doc.spans"],
                  default_config={"topics": {"@misc": "kg.topics.v1"}})
def make_agreements(nlp: Language, name: str, topics: TopicTable) -> Agreements:
    return Agreements(nlp, name, topics=topics)
