"""The parse helpers kg_agreements and kg_relationships share: who does what a verb says
(:func:`subject_of`), the times said of a word (:func:`attached_times`), how the text puts a
predicate (:func:`mood_of`), the words coordinated with a word, the statuses of documents and
their order, and the text of a run of tokens. Who the words name is :mod:`.agreements_sides`;
the subject areas a phrase names, :mod:`.agreements_topics`.
"""
from __future__ import annotations

from typing import FrozenSet, Iterable, List, Optional, Sequence, Set

from spacy.tokens import Doc, Span, Token

from ...read.articles import Sentence
from ...findings import Ref
from ..docs import sentence_of

__all__ = ["conjuncts", "subject_of", "infinitive", "sentence_for", "attached_times", "mood_of", "later", "governor",
           "join_tokens", "expand_kinds", "span_text", "circumstance", "is_year", "dateline", "distinct", "hyphened",
           "STATUS_ORDER", "KIND_ACRONYMS", "NOUNISH", "DETERMINERS"]

#: the statuses, from the least to the most advanced; of several, the most advanced wins
STATUS_ORDER = ("proposed", "planned", "under negotiation", "agreed", "signed", "in force", "suspended",
                "terminated")
NOUNISH = ("NOUN", "PROPN")
DETERMINERS = ("DET", "PRON")
KIND_ACRONYMS = {"mou": "Memorandum of Understanding", "moc": "Memorandum of Cooperation",
             "fta": "Free Trade Agreement"}


# ---------------------------------------------------------------------------------- the parse

def conjuncts(tok: Token) -> List[Token]:
    """The words coordinated with a word ("Chile, Peru and Bolivia"), itself first."""
    out, stack = [tok], [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def subject_of(verb: Token, through: FrozenSet[str] = frozenset()) -> Optional[Token]:
    """Who does what a word says: its subject or passive agent, else that of the word it
    depends on ("agreed to sign", "are ready to launch talks on", "a framework for
    negotiating ..."), or the object of a verb of asking ("urged Peru to sign"); a clause
    ("agreed that talks would begin") only through the verbs in ``through``."""
    v = verb
    for _ in range(7):
        if v.pos_ in ("VERB", "AUX"):
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            if agent is not None:
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None and subj.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                return v.head                   # "India and Japan, which established ...": the antecedent
            if subj is not None:
                return subj
            if v.dep_ == "xcomp":
                obj = next((c for c in v.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None:
                    return obj                  # "urged Peru to sign", "Peru is expected to sign"
        if v.dep_ in ("acl", "relcl") and infinitive(v) and any(c.lower_ in _ORDER_WORDS for c in v.head.children):
            # "Ghana was the first country to reach a deal": the noun, or what the copula says it is
            noun = v.head
            if noun.dep_ == "attr":
                return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
            return noun
        if v.dep_ in ("xcomp", "acomp", "conj", "pcomp", "prep", "pobj", "dobj", "nsubjpass") \
                or (v.dep_ in ("advcl", "acl") and infinitive(v)) \
                or (v.dep_ == "ccomp" and v.head.lemma_.lower() in through):
            if v.head.i == v.i:
                return None
            v = v.head
            continue
        return None
    return None


def infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def sentence_for(doc: Doc, tok: Token) -> Optional[Sentence]:
    """The reader's Sentence a token lies in; for a Doc made without an article (``nlp(text)``),
    one made from spaCy's sentence."""
    if doc._.sentences:
        return sentence_of(doc, tok)
    sent = tok.sent
    return Sentence("", sum(1 for _ in doc[:sent.start].sents) if sent.start else 0, sent.text,
                    sent.start_char, sent.end_char, 0)


def attached_times(doc: Doc, sentence: Optional[Sentence], anchors: Set[int],
                   block: FrozenSet[int] = frozenset()) -> List[str]:
    """The time points of a sentence attached to one of the ``anchors`` (token indices): the
    time's words hang from it, through nouns and prepositions but no other verb and none of
    the ``block`` words ("signed the agreement for the 2026 season" says no date of signing)."""
    if sentence is None:
        return []
    out = []
    for tx, span in (doc._.times or {}).get(sentence.index, []):
        if tx.kind != "point":
            continue
        r = span.root
        for _ in range(9):
            if r.i in anchors:
                out.append(tx.value)
                break
            if r.head.i == r.i or (r.pos_ in ("VERB", "AUX") and r.i not in anchors) or r.i in block:
                break
            r = r.head
    return out


#: nouns after "on" that say when or where, not what about ("on the sidelines of")
CIRCUMSTANCE = {"sideline", "sidelines", "occasion", "behalf", "eve", "day", "basis", "margin", "margins", "way",
                 "visit", "trip", "tour", "arrival", "condition", "anniversary"}


def circumstance(obj: Token) -> bool:
    """A prepositional object that says when or where ("on Monday", "in Nairobi")."""
    return obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "CARDINAL", "QUANTITY", "PERCENT") \
        or obj.lemma_.lower() in CIRCUMSTANCE or obj.tag_ in ("WP", "WDT") \
        or any(c.tag_ in ("WP", "WDT") for c in obj.children)   # "on what would be ...": a clause


def is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 < int(tok.text) < 2100


def dateline(sp: Span) -> bool:
    """A place opening its sentence before a comma or bracket: where the story was filed
    ("COLOMBO, May 5 (Reuters) - ..."), whatever the parse makes of it."""
    doc = sp.doc
    return sp.start == sp.sent.start and sp.end < len(doc) and doc[sp.end].text in (",", "(", "-", "–", "—")


def distinct(refs: Iterable[Ref]) -> List[Ref]:
    return list(dict.fromkeys(refs))


def hyphened(span: Span) -> bool:
    """A name joined to another by a hyphen ("Mercosur-Vietnam")."""
    doc = span.doc
    return (span.end < len(doc) and doc[span.end].text in ("-", "–")) or \
        (span.start > 0 and doc[span.start - 1].text in ("-", "–"))


def governor(tok: Token) -> Token:
    """The word a noun or verb depends on: a verb's head, a prepositional object's head word."""
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def mood_of(trig: Token) -> str:
    """How the text puts a trigger: the modality component's reading; an infinitive that
    nothing asserts ("the proposal to sign", "is to be signed") is still to happen, one of
    purpose ("met in Lima to sign a pact") says neither that it happened nor that it will."""
    mood = trig._.modality or "asserted"
    if mood == "asserted" and trig.tag_ == "VBG" and trig.dep_ in ("csubj", "nsubj") and trig.head.pos_ in ("VERB", "AUX"):
        return mood_of(trig.head)               # "withdrawing from the treaty would cost ...": a supposition
    if mood == "asserted" and trig.pos_ in ("VERB", "AUX") and infinitive(trig):
        if trig.dep_ in ("acl", "relcl") and any(c.lower_ in _ORDER_WORDS for c in trig.head.children):
            return "asserted"                   # "the first creditor to reach a deal": it did
        return "uncertain" if trig.dep_ == "advcl" else "planned"
    if mood == "asserted" and trig.pos_ in NOUNISH and trig.head.pos_ in ("VERB", "AUX") and (
            trig.dep_ in ("dobj", "nsubjpass")):
        return mood_of(trig.head)               # "willing to expedite the conclusion of": not yet
    if mood == "asserted" and trig.pos_ in NOUNISH and trig.dep_ == "pobj" and trig.head.dep_ == "prep" \
            and trig.head.head.pos_ in ("VERB", "AUX"):
        return mood_of(trig.head.head)          # "to proceed with the signing of": not yet
    return mood


#: words before a noun that make an infinitive on it a fact ("the first country to sign")
_ORDER_WORDS = {"first", "last", "only", "second", "third", "latest"}


def later(a: Optional[str], b: Optional[str]) -> Optional[str]:
    if a is None or b is None:
        return a or b
    return max(a, b, key=STATUS_ORDER.index)


def join_tokens(tokens: Sequence[Token]) -> str:
    out = []
    for n, t in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        out.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt is not None else "")))
    return " ".join("".join(out).split())


def expand_kinds(tokens: Sequence[Token]) -> str:
    """A label from words as written, with an acronym of a kind spelt out ("MoU")."""
    out = []
    for n, t in enumerate(tokens):
        word = KIND_ACRONYMS.get(t.lower_, t.text) if t.text.isupper() or t.text in ("MoU", "MoC") else t.text
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        out.append(word + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt is not None else "")))
    return " ".join("".join(out).split())


def span_text(span: Span) -> str:
    words = list(span)
    while words and (words[0].pos_ in DETERMINERS or words[0].is_punct):
        words.pop(0)
    return join_tokens(words)
