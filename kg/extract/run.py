"""Articles in, findings out: the language pipeline over each article, then what its Docs hold
as :class:`~kg.findings.Finding` values, each with the reader's Sentence it was read from.

Extraction is per article and pure: the same article gives the same findings, in any
process, in any batch.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from ..read.articles import Article
from ..findings import Fact, Finding, Mention, Ref, RoleMention
from ..lexicon import get_lexicon
from .docs import make_docs, sentence_of
from .nlp import pipeline

__all__ = ["extract_article", "extract_articles", "doc_findings", "BATCH"]

#: Docs parsed together (spaCy's neural layers work faster on batches)
BATCH = 16
#: bodies that are part of their state: its organs and agencies, not its companies or banks
STATE_BODIES = ("agency", "state_news", "central_bank", "party")


def extract_articles(articles: Iterable[Article], progress: Optional[Callable[[int], None]] = None
                     ) -> Iterator[Tuple[Article, List[Finding]]]:
    """(article, findings) for each article, in order; the Docs are parsed in batches.

    ``progress(n)`` is told of every ``n`` characters parsed (for a bar within a big file).
    """
    nlp = pipeline()
    pending: List[Tuple[Article, int]] = []       # article, number of its Docs

    def docs() -> Iterator[Doc]:
        for art in articles:
            parts = list(make_docs(nlp, art))
            pending.append((art, len(parts)))
            yield from parts
    found: List[Finding] = []
    got = 0
    stream = nlp.pipe(docs(), batch_size=BATCH)
    while True:
        while pending and got == pending[0][1]:
            art, _ = pending.pop(0)
            yield art, _article_findings(art, found)
            found, got = [], 0
        try:
            doc = next(stream)
        except StopIteration:
            break
        found += doc_findings(doc)
        got += 1
        if progress:
            progress(len(doc.text))
    while pending:                                # articles with no text to parse
        art, _ = pending.pop(0)
        yield art, _article_findings(art, found)
        found = []


def extract_article(article: Article) -> List[Finding]:
    """Every finding of one article."""
    return next(iter(extract_articles([article])))[1]


def _article_findings(article: Article, found: List[Finding]) -> List[Finding]:
    """The Docs' findings, and the news agency the dateline credits ("HANOI, March 29 (VNA)"):
    an Institution read from the dateline, part of its state when it is the state's own agency
    and the article names the state."""
    return found + _agency(article, {f.ref for f in found if isinstance(f, Mention) and f.ref.type == "Country"})


def _agency(article: Article, named: set) -> List[Finding]:
    where = article.dateline_sentence
    credit = (article.publisher or "").strip()
    if where is None or not credit:
        return []
    lex = get_lexicon()
    org = lex.organisation(credit)
    if org is None:
        org = lex.agency_by_initials(credit)
    if org is None or org.kind not in ("news", "state_news"):
        return []
    ref = Ref("Institution", org.label)
    out: List[Finding] = [Mention(where, ref, credit)]
    state = lex.countries.get(org.country) if org.country else None
    if state is not None and org.kind == "state_news" and Ref("Country", state.name) in named:
        out.append(Fact(where, ref, "partOf", Ref("Country", state.name)))
    return out


def doc_findings(doc: Doc) -> List[Finding]:
    """The findings a Doc's annotations hold: each entity mention, what knowledge adds to it
    (a city's state, a state body's state), each office, then what the event, agreement,
    relationship, stance and figure components found."""
    out: List[Finding] = []
    named = {s._.ref for s in doc.spans.get("kg_entities", []) if s._.ref and s._.ref.type == "Country"}
    bodies = {s._.ref for s in doc.spans.get("kg_entities", []) if s._.ref and s._.ref.type == "Institution"}
    lex = get_lexicon()
    for s in doc.spans.get("kg_entities", []):
        sent = sentence_of(doc, s)
        if sent is None or s._.ref is None:
            continue
        out.append(Mention(sent, s._.ref, _surface(s), s.start_char + doc._.offset, s.end_char + doc._.offset))
        if s._.part_of is not None:
            out.append(Fact(sent, s._.ref, "partOf", s._.part_of))
            continue
        if s._.ref.type == "Institution":
            # an organ the tables place in a body the article names ("the Security Council" of
            # the United Nations), as a state body's state below
            org = lex.organisation(s._.ref.label)
            parent = Ref("Institution", org.part_of) if org is not None and org.part_of else None
            if parent is not None and parent in bodies and org.label == s._.ref.label:
                out.append(Fact(sent, s._.ref, "partOf", parent))
                continue
        state = s._.country
        if state is None and s._.ref.type == "Place" and s._.ref.label in lex.shared_places:
            # a name several states' places have ("Northern Province"): the one state of them
            # the article names
            mine = [c for c in named if getattr(lex.country(c.label), "code", None) in lex.shared_places[s._.ref.label]]
            state = mine[0] if len(mine) == 1 else None
        if state is None or state == s._.ref or state not in named:
            continue
        if s._.ref.type == "Place":
            out.append(Fact(sent, s._.ref, "locatedIn", state))
        elif s._.ref.type == "Institution" and _state_body(s):
            out.append(Fact(sent, s._.ref, "partOf", state))
    for office in doc._.positions or ():
        out += _office_findings(doc, office)
    out += doc._.findings or []
    return out


def _surface(span) -> str:
    """A name as written, in single spaces, without quotation marks inside it."""
    return " ".join("".join(t.text_with_ws for t in span if not t.is_quote).split()) or span.text


def _state_body(span) -> bool:
    kb = getattr(span, "_").get("kb") if span.has_extension("kb") else None
    entry = getattr(kb, "entry", None) if kb is not None else None
    kind = getattr(entry, "kind", None)
    # an organ (no lexicon row of an organisation) is the state's; a known body when its kind is
    return kind is None or kind in STATE_BODIES


def _office_findings(doc: Doc, office) -> List[Finding]:
    sent = sentence_of(doc, office.span)
    if sent is None:
        return []
    out: List[Finding] = []
    pos = office.ref
    surface = " ".join(office.span.text.split())
    if pos is None:
        for h in office.holders:
            if not office.former:
                out.append(RoleMention(sent, h._.ref, office.role, surface))
        return out
    out.append(Mention(sent, pos, surface if surface.lower() != office.role.lower() else pos.label))
    owner = office.body or office.state
    out.append(Fact(sent, pos, "positionIn", owner))
    out.append(Fact(sent, pos, "role", office.role))
    if office.role_as_written != office.role:
        out.append(Fact(sent, pos, "role", office.role_as_written))     # "Power and Energy Minister" too
    if not office.former:
        for h in office.holders:
            out.append(Fact(sent, h._.ref, "holdsPosition", pos))
    return out
