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

The parse helpers shared with kg_relationships live in :mod:`.agreements_parse`.

Reads: ``doc.spans["kg_entities"]``, ``doc.spans["kg_known"]``, ``doc._.positions``,
``token._.ref``, ``token._.modality``, ``doc._.times``. Writes: findings appended to
``doc._.findings`` (AgreementFinding; a Mention for each topic's wording and for another name
the text gives a document, such as its acronym).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...findings import AgreementFinding, Mention, Ref
from ...topics import TopicTable, get_topics
from ..patterns import load_phrases, load_rules
from .agreements_parse import (DETERMINERS, KIND_ACRONYMS, NOUNISH, STATUS_ORDER, circumstance, conjuncts,
                               expand_kinds, governor, hyphened, infinitive, is_year, join_tokens, later, mood_of,
                               sentence_for, span_text, subject_of, attached_times)
from .agreements_sides import Sides
from .agreements_topics import np_topics

__all__ = ["Agreements", "RULE_KEYS", "STATUS_ORDER", "people_words"]

RULE_KEYS = frozenset({"kind", "lemmas", "slot", "as", "words", "label", "status", "planned", "hypothetical", "under",
                       "with", "party",
                       "signs", "dated", "expect"})
#: "the minerals memorandum" may name any memorandum; "the agreement" any document of these kinds
_GENERAL = {"agreement", "deal", "accord", "pact"}
#: words for the relations between parties, which are no subject area by themselves
_RELATION_WORDS = {"relationship", "relation", "tie", "partnership", "friendship", "bond", "link"}
_NOT_CALLED_AGREEMENT = {"statement", "declaration", "communique", "communiqué", "document", "roadmap", "charter"}
#: words after "memorandum" that are part of its kind
_MEMO_OF = {"understanding", "cooperation", "intent", "agreement", "association"}
#: prepositions whose object says what a document is about
_ABOUT = {"on", "for", "regarding", "concerning", "about", "to"}
_CONTAINER_PREPS = {"including", "among", "like"}
#: prepositions that end what a document is about ("an agreement on tourism between A and B")
_NOT_ABOUT = {"between", "by", "at", "during", "after", "before", "since", "until", "amid", "following", "with"}


@functools.lru_cache(maxsize=1)
def people_words() -> FrozenSet[str]:
    """Nouns for those who act for states ("the leaders of A and B")."""
    return frozenset(w for r in _tables()[2] if r["kind"] == "people" for w in r["lemmas"])


@functools.lru_cache(maxsize=1)
def _tables() -> Tuple[Dict[str, str], Dict[str, str], Tuple[dict, ...]]:
    nouns = dict(load_phrases("agreements_nouns"))
    mods = dict(load_phrases("agreements_modifiers"))
    rules = load_rules("agreements", RULE_KEYS)
    return nouns, mods, rules


# ---------------------------------------------------------------------------------- documents

@dataclass
class _Found:
    """What one mention of a document says, before it becomes a finding."""

    head: Token
    ref: Optional[Ref] = None
    surface: str = ""
    kind: str = ""                                # the head's lemma
    words: FrozenSet[str] = frozenset()           # its describing words, lower case
    bare: bool = False                            # nothing but its kind ("the agreement")
    parties: List[Ref] = field(default_factory=list)
    people: List[Ref] = field(default_factory=list)
    signatories: List[Ref] = field(default_factory=list)
    status: Optional[str] = None
    topics: List[Tuple[Ref, str]] = field(default_factory=list)
    date: Optional[str] = None
    group: bool = False                           # a bilateral cue ("joint", "the two sides")
    explicit: bool = False                        # its own words name its parties ("between A and B")
    also: List[str] = field(default_factory=list) # other names the text gives it ("(MoU)")


class Agreements:
    """The component (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_agreements", *, topics: Optional[TopicTable] = None):
        self.name = name
        self.topics = topics or get_topics()
        self.nouns, mods, rules = _tables()
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
        found: List[_Found] = []
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
    def _mention(self, doc: Doc, h: Token, span: Optional[Span], sides: Sides) -> Optional[_Found]:
        lemma = h.lemma_.lower()
        kind = self.nouns.get(lemma, "document")
        if span is None and (h.tag_ in ("NNS", "NNPS") or kind == "container"):
            return None                         # "signed 12 agreements": a count, no one document
        if 0 < h.i < len(doc) - 1 and doc[h.i - 1].text == "(" and doc[h.i + 1].text == ")":
            return None                         # "(MoU)": the acronym of the name before it
        lefts = self._modifiers(h, span)
        words = [t.lower_ for t in lefts]
        if span is None and kind == "joint" and not ({"joint", "final"} & set(words)):
            return None                         # a ministry's statement is no document between parties
        if any(c.dep_ == "det" and c.lower_ == "no" for c in h.children) or (
                h.dep_ == "attr" and mood_of(h.head) == "negated"):
            return None                         # "no agreement was reached", "this was not an agreement"
        got = _Found(head=h, kind=lemma)
        got.group = bool({"joint", "bilateral"} & set(words)) or (kind == "joint" and "final" in words)
        memo_of = self._memo_of(h)
        proper = self._proper_of(h) if span is None else []
        about = self._about(h) if not proper else None
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
        for c in h.children:
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
        self._governed(doc, h, got, sides)
        for w in words:
            if w in self.mod_status:
                got.status = later(got.status, self.mod_status[w])
        # topics: what it is on, what it is for
        if about is not None and about.lower_ != "to":     # "a protocol to the ... Agreement": no subject area
            for obj in (x for x in about.children if x.dep_ in ("pobj", "pcomp")):
                got.topics += np_topics(obj, sides, self.topics)
        for c in h.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and infinitive(c):
                got.topics += self._purpose(c, sides)
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
        end = (span.end if span is not None else h.i + 1 + len(memo_of))
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
            got.also.append(doc[end + 1].text)  # "the Memorandum of Understanding (MOU)"
        # the label
        if span is not None and not self._generic(span, sides):
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
        body = shown + [h] + memo_of
        tail = list(doc[about.i:self._about_end(about) + 1]) if about is not None else []
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
            rest = [t for t in shown if sides.entity(t) is None and t.text not in ("-", "–")] + [h] + memo_of
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
        elif self._definite(h) or span is not None or (capitalised and not h.is_sent_start):
            # "the agreement", "a draft Free Trade Agreement": the latest document it can name
            got.bare = True
        else:
            return None
        got.surface = surface if (len(body) + len(tail) > 1 or lemma in KIND_ACRONYMS or span is not None) else ""
        if span is not None and tail:
            got.also.append(span_text(span))     # "Memorandum of Understanding" for "... for the dam"
        return got

    def _regime(self, doc: Doc, h: Token, sides: Sides) -> Optional[_Found]:
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
        got = _Found(head=h, kind=h.lemma_.lower())
        granting: List[Ref] = []
        for trig, slot, own in self._governors(h):
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

    @staticmethod
    def _proper_of(h: Token) -> List[Token]:
        """ "Treaty of Aachen", "Convention of Peace and Friendship": a capitalised kind and
        the capitalised words after its "of" make a name."""
        if not h.text[:1].isupper() or h.is_sent_start or h.pos_ != "PROPN":
            return []
        if Agreements._memo_of(h):
            return []                           # "Memorandum of Understanding on ...": the kind goes on
        prep = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1), None)
        if prep is None:
            return []
        out = [prep]
        for t in h.doc[prep.i + 1:]:
            if t.text[:1].isupper() and t.pos_ == "PROPN" or (t.lower_ in ("and", "of", "the") and t.i + 1 < len(h.doc)
                                                               and h.doc[t.i + 1].text[:1].isupper()):
                out.append(t)
            else:
                break
        while out and out[-1].lower_ in ("and", "of", "the"):
            out.pop()
        return out if len(out) > 1 else []

    def _modifiers(self, h: Token, span: Optional[Span]) -> List[Token]:
        """The words before a document's kind that are part of its phrase ("free trade",
        "Sri Lanka-Thailand", "defence cooperation")."""
        if span is not None:
            return [t for t in span if t.i < h.i]
        start = h.i
        for c in h.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct") or (c.dep_ == "nummod" and not c.like_num):
                start = min(start, c.left_edge.i)
        out = [t for t in h.doc[start:h.i] if t.pos_ not in DETERMINERS + ("NUM",) and t.tag_ not in ("POS", "PRP$")
               and not t.like_num and not any(c.like_num and not is_year(c) for c in t.children)   # "a 30-year deal"
               and not (t.text in ("-", "–") and t.i > 0 and t.doc[t.i - 1].like_num) and t.text not in ('"', "“", "”", "'", "‘", "’", "(", ")")]
        while out and (out[0].is_punct or out[0].pos_ in ("CCONJ", "ADP")):
            out.pop(0)
        return out

    @staticmethod
    def _memo_of(h: Token) -> List[Token]:
        """ "memorandum of understanding": the words of its kind after it."""
        if h.lemma_.lower() != "memorandum":
            return []
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i == h.i + 1:
                obj = next((x for x in c.children if x.dep_ == "pobj" and x.i == c.i + 1), None)
                if obj is not None and obj.lower_ in _MEMO_OF:
                    return [c, obj]
        return []

    def _about(self, h: Token) -> Optional[Token]:
        """The preposition that says what a document is about ("on tourism", "for the
        construction of ...", "a protocol to the ... Agreement")."""
        owner = h
        memo = self._memo_of(h)
        if memo:
            owner = memo[-1]
        nxt = h.doc[owner.i + 1] if owner.i + 1 < len(h.doc) else None
        if nxt is not None and nxt.lower_ in ("on", "for") and nxt.dep_ == "prep" and nxt.head.i != owner.i:
            obj = next((x for x in nxt.children if x.dep_ in ("pobj", "pcomp")), None)
            # "a Joint Declaration on the Establishment of ...", "signed a declaration on
            # establishing ...": the words right after a document say what it is on, whatever
            # the parse hangs them from
            if obj is not None and not circumstance(obj) and (nxt.lower_ == "on" or owner.text[:1].isupper()):
                return nxt
        for c in list(owner.children) + ([] if owner.i == h.i else list(h.children)):
            if c.dep_ == "prep" and c.lower_ in _ABOUT and c.i > h.i:
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                if circumstance(obj):
                    continue                    # "on Monday", "in Nairobi", "on the sidelines"
                if c.lower_ == "to" and obj.lemma_.lower() not in self.nouns and obj.ent_type_ != "LAW":
                    continue                    # "to" only for a protocol to another document
                if c.lower_ == "for" and (obj.ent_type_ in ("PERSON", "NORP") or obj.pos_ == "PRON"):
                    continue
                return c
        return None

    @staticmethod
    def _about_end(prep: Token) -> int:
        """The last word of a document's "on ..." phrase: its object and what hangs from it,
        up to a clause, a participle, an apposition or a parenthesis."""
        end = prep.i
        stack = [prep]
        while stack:
            t = stack.pop()
            end = max(end, t.i)
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "appos", "advcl", "punct", "cc") and c.i > t.i:
                    if c.dep_ == "cc" and any(x.dep_ == "conj" for x in t.children):
                        stack.append(c)
                    continue
                if c.dep_ == "prep" and (c.lower_ in _NOT_ABOUT or c.lower_ not in ("of", "for") and any(
                        circumstance(o) for o in c.children if o.dep_ == "pobj")):
                    continue                    # "... in Nairobi", "... on Monday"; not "the status of Jerusalem"
                stack.append(c)
        while end > prep.i and prep.doc[end].is_punct:
            end -= 1
        return end

    @staticmethod
    def _definite(h: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)

    def _generic(self, span: Span, sides: Sides) -> bool:
        """A capitalised kind and nothing else ("Free Trade Agreement", "Preferential Trade
        Agreement", "Joint Statement"): no name the lexicon knows, no place, state, person or
        body in it, no complement ("Treaty of ...", "... on ..."), no hyphened name
        ("Rubber-Rice Pact")."""
        if any(i in sides.known_names for i in range(span.start, span.end)):
            return False
        for t in span:
            if t.lower_ in ("of", "on", "for", "between", "to") and t.i > span.start and not (
                    t.i + 1 < span.end and span.doc[t.i + 1].lower_ in _MEMO_OF):
                return False
            if t.text in ("-", "–") and span.start < t.i < span.end - 1:
                return False
        return True

    # ------------------------------------------------------------------ governors
    def _governors(self, h: Token, depth: int = 0) -> List[Tuple[Token, str, bool]]:
        """(trigger, slot) for each word that governs a document: its verb, the noun it is the
        "of" or "on" of, the verb of a relative clause or participle on it or on the last words
        of its phrase ("a memorandum on energy cooperation, signed by ..."); through
        coordination, apposition and lists ("12 documents, including a memorandum ...",
        "among them a memorandum ...")."""
        if depth > 4:
            return []
        own = depth == 0
        t = h
        while t.dep_ in ("conj", "appos") and t.head.pos_ in NOUNISH and t.head.i != t.i:
            t = t.head
        out: List[Tuple[Token, str, bool]] = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                out.append((t, "self", own))
            elif c.dep_ == "prep" and c.lower_ in _CONTAINER_PREPS and any(
                    x.dep_ == "pobj" and x.pos_ == "PRON" for x in c.children):
                box = self._box_before(t)       # "among them a memorandum": the documents just counted
                if box is not None:
                    out += self._governors(box, depth + 1)
        # relative clauses and participles on the document, or on the end of its phrase
        for x in [t] + [y for y in t.subtree if y.i > t.i and not self._heads_document(y)]:
            for c in x.children:
                if c.dep_ not in ("relcl", "acl") or c.pos_ not in ("VERB", "AUX"):
                    continue
                slot = self._clause_slot(c)
                if x.i == t.i or slot == "under" or (slot is not None and self._rule(c, slot) is not None):
                    if slot is not None:
                        out.append((c, slot, own))
        dep = t.dep_
        head = t.head
        if dep in ("dobj", "nsubjpass", "oprd"):
            out.append((head, "object", own))
            if head.lemma_.lower() in ("include", "comprise", "cover") and dep == "dobj":
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if subj is not None and self._container(subj):
                    out += self._governors(subj, depth + 1)
        elif dep == "nsubj":
            out.append((head, "subject", own))
        elif dep == "attr" and any(c.dep_ == "prep" and c.lower_ in _CONTAINER_PREPS for c in head.children):
            box = self._box_before(t)           # "Among them was a memorandum ..."
            if box is not None:
                out += self._governors(box, depth + 1)
        elif dep in ("pobj", "pcomp") and head.dep_ == "prep":
            gov = head.head
            if head.lower_ in _CONTAINER_PREPS or (head.lower_ == "as" and gov.lower_ == "such"):
                box = gov.head if head.lower_ == "as" else gov
                if not self._container(box):
                    box = next((o for c in box.children if c.dep_ == "prep" and c.lower_ == "of"
                                for o in c.children if o.dep_ == "pobj" and self._container(o)), None)
                if box is not None:
                    out += self._governors(box, depth + 1)
            else:
                out.append((gov, head.lower_, own))
        return out

    @staticmethod
    def _clause_slot(c: Token) -> Optional[str]:
        """Where the noun a relative clause or participle describes stands in it."""
        if c.dep_ == "acl":
            return "object" if c.tag_ == "VBN" else "subject"
        rel = next((x for x in c.subtree if x.tag_ in ("WDT", "WP") or x.lower_ in ("which", "that")), None)
        if rel is None:
            return "object"
        if rel.dep_ == "nsubj":
            return "subject"
        if rel.dep_ in ("nsubjpass", "dobj"):
            return "object"
        if rel.dep_ == "pobj" and rel.head.head.i == c.i:
            return rel.head.lower_
        return None

    def _heads_document(self, tok: Token) -> bool:
        return tok.pos_ in NOUNISH and tok.lemma_.lower() in self.nouns and self.nouns[tok.lemma_.lower()] != "container"

    def _box_before(self, tok: Token) -> Optional[Token]:
        """The nearest word before ``tok`` (in its sentence or the one before) that counts
        documents ("signed 15 documents", "the exchange of six agreements")."""
        doc = tok.doc
        first = tok.sent.start
        if first > 0:
            first = doc[first - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            if self._container(doc[i]):
                return doc[i]
        return None

    def _container(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return self.nouns.get(lemma) == "container" or (lemma in self.nouns and tok.tag_ in ("NNS", "NNPS"))

    def _rule(self, trig: Token, slot: str) -> Optional[dict]:
        lemma = trig.lemma_.lower()
        for r in self.status_rules:
            if r["slot"] != slot or (r["lemmas"] != ["*"] and lemma not in r["lemmas"]):
                continue
            if "with" in r and not any(x.lemma_.lower() in r["with"] for c in trig.children
                                       for x in (c, *c.children)):
                continue
            if "under" in r and governor(trig).lemma_.lower() not in r["under"]:
                continue
            if slot == "under" and (trig.tag_ not in ("VBZ", "VBP", "VBN", "VBG") or trig._.modality != "asserted"):
                continue                        # "under which X supplies": a present arrangement
            return r
        return None

    def _governed(self, doc: Doc, h: Token, got: _Found, sides: Sides) -> None:
        """Status, parties, signatories, date and topics from the words that govern a document."""
        anchors: Set[int] = set()
        for trig, slot, own in self._governors(h):
            for r in self.topic_rules:
                if own and trig.lemma_.lower() in r["lemmas"] and slot in r.get("as", ("subject", "object")):
                    got.topics += self._slot_topics(trig, r["slot"], sides, h)
            if own and trig.pos_ == "VERB" and slot == "object":
                # a purpose said of it ("signed ... to deepen cooperation in X", "was drafted to
                # improve trade")
                for c in trig.children:
                    if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and infinitive(c):
                        got.topics += self._purpose(c, sides)
            if slot == "under":
                # "an agreement under which A supplies oil to B for tea": A and B its parties,
                # oil and tea what it is about
                for c in [trig] + [x for x in trig.children if x.dep_ == "prep" and x.lower_ in ("to", "with", "from")]:
                    subj = next((x for x in c.children if x.dep_ in ("nsubj", "pobj")), None)
                    if subj is not None and subj.lower_ not in ("which", "that"):
                        got.parties += sides.of_phrase(subj)[0]
                if own:
                    for c in trig.children:
                        if c.dep_ == "dobj":
                            got.topics += np_topics(c, sides, self.topics)
                        elif c.dep_ == "prep" and c.lower_ in ("for", "in"):
                            for obj in (x for x in c.children if x.dep_ == "pobj"):
                                got.topics += np_topics(obj, sides, self.topics)
            r = self._rule(trig, slot)
            if r is None:
                continue
            mood = mood_of(trig)
            status = None
            if r.get("status") and mood != "negated":
                status = {"asserted": r["status"], "planned": r.get("planned", "planned"),
                          "hypothetical": r.get("hypothetical", "proposed")}.get(mood)
            got.status = later(got.status, status)
            if r.get("dated") and status in ("signed", "agreed"):
                anchors.add(trig.i)
            if slot == "under":
                continue
            # who: the trigger's "with" and "between", its subject or agent (or that of the
            # words it depends on: "witnessed the signing of", "agreed to sign")
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                    for obj in (x for x in c.children if x.dep_ == "pobj"):
                        got.parties += sides.of_phrase(obj, organs=False)[0]
                        got.group = got.group or any(sides.is_group(x) for x in conjuncts(obj))
            if not r.get("party"):
                continue
            subj = subject_of(trig, self.clause_verbs)
            if subj is None:
                continue
            more, who = sides.of_phrase(subj)
            direct = subj.head.i == trig.i or (subj.head.dep_ == "agent" and subj.head.head.i == trig.i)
            if not direct and len(more) < 2 and governor(trig).lemma_.lower() in self.witnesses:
                more = []                       # one envoy witnessing a signing is no party to it
            if not got.explicit:
                got.parties += more
            got.group = got.group or any(sides.is_group(x) for x in conjuncts(subj))
            if r.get("signs") and direct and mood != "negated":
                got.signatories += [p for p in who if p not in got.signatories]
        if anchors and got.date is None:
            sent = sentence_for(doc, h)
            times = attached_times(doc, sent, anchors, frozenset({h.i}))
            if times:
                got.date = times[0]

    def _purpose(self, verb: Token, sides: Sides) -> List[Tuple[Ref, str]]:
        """What a purpose clause is about: the objects of "to boost tourism and trade"."""
        out: List[Tuple[Ref, str]] = []
        for v in conjuncts(verb):
            for c in v.children:
                if c.dep_ == "dobj" and (c.lemma_.lower() not in _RELATION_WORDS or any(
                        x.dep_ == "prep" and x.lower_ in ("in", "on") for x in c.children)):
                    # "to strengthen their relationship" names no subject area; "to deepen
                    # cooperation in energy" does
                    out += np_topics(c, sides, self.topics)
        return out

    def _slot_topics(self, verb: Token, slot: str, sides: Sides, h: Token) -> List[Tuple[Ref, str]]:
        out: List[Tuple[Ref, str]] = []
        if slot == "clause":
            # "..., the joint statement said", "according to the statement, ...": the subject
            # areas the rest of the sentence names (the topic pass's findings), unless another
            # document is what the sentence is about ("The memorandum provides for ..., according
            # to the statement")
            own = {t.i for t in h.subtree}
            sent = h.sent
            if any(t.i not in own and self._heads_document(t) and t.dep_ in ("nsubj", "nsubjpass") for t in sent):
                return out
            for sp in sides.topic_spans:
                if sent.start <= sp.start and sp.end <= sent.end and not own & set(range(sp.start, sp.end)):
                    out.append((sp._.ref, " ".join(sp.text.split())))
            return out
        for c in verb.children:
            if slot == "object" and c.dep_ == "dobj":
                out += np_topics(c, sides, self.topics)
            elif c.dep_ == "prep" and c.lower_ == slot:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        out += np_topics(obj, sides, self.topics)
                    elif obj.dep_ == "pcomp" and obj.pos_ == "VERB":
                        out += self._purpose(obj, sides)
        return out

    # ------------------------------------------------------------------ anaphora
    def _antecedent(self, got: _Found, found: Sequence[_Found]) -> Optional[_Found]:
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
