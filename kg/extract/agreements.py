"""Agreements and relationships.

Documents: named ones ("Joint Declaration on the Establishment of a Strategic Partnership"),
described ones ("an agreement on mutual visa exemption for ordinary passport holders",
"a joint statement on establishing a strategic partnership", "an MoU", "a free-trade
agreement"), and unilateral regimes ("visa-free travel for Chinese citizens"), each with
parties, signatories, status and date.

Relationships: "established diplomatic relations in 1992", "elevated their ties to a
comprehensive strategic partnership on Wednesday", "strategic partners"; the type is named
from the words (ONTOLOGY.md, Concept schemes).
"""
from __future__ import annotations

import functools
import re
from typing import List, Optional, Tuple

from ..findings import AgreementFinding, Finding, Ref, RelationshipFinding
from ..lexicon import get_lexicon
from .clauses import subject_before
from .doc import Doc
from .text import cued_finditer
from .timex import find_times

__all__ = ["agreements", "relationships", "relationship_type", "STATUS_CUES"]

DOC_HEAD = (r"(?:joint\s+(?:statement|declaration|communiqu[eé]|action\s+plan)|memorandum\s+of\s+understanding|"
            r"memorandum|MoU|free[-\s]trade\s+agreement|FTA|agreement|treaty|protocol|accord|"
            r"declaration|roadmap|action\s+plan|framework\s+agreement)")
# The document is named from its kind on ("an agreement on trade"): the article and an adjective
# before the kind ("a new", "the bilateral") describe it, so they stay outside the group "doc".
DESCRIBED = re.compile(r"\b(?:an?|the|new)\s+(?:(?:bilateral|new|comprehensive|long-term|intergovernmental)\s+)?"
                       r"(?P<doc>(?P<head>" + DOC_HEAD + r")"
                       r"(?:\s+(?:on|for|of|regarding|concerning)\s+(?:(?!,|;|\.\s|\bwhich\b|\bthat\b|\bin\s+order\b|"
                       r"\bafter\b|\bduring\b|\bwith\s+the\b|\bto\s+(?:provide|enhance|facilitate|promote|boost)\b|"
                       r"\baccording\b|\bsigned\b|\bby\b|\bat\b|"
                       # the next document of a list ("... and an agreement on ...", "and another on ..."),
                       # or the verb of the clause ("... were signed")
                       r"\band\s+(?:an?|another|the)\b|\b(?:were|was|is|are|has|have|had|will|would)\b|"
                       r"\b[a-z]+ed\s+(?:the|an?|its|their)\b).)+)?)", re.I)
_VISA_CUE = re.compile(r"visa", re.I)
VISA_REGIME = re.compile(r"\bvisa-free\s+(?:regime|travel|entry|policy)\s+for\s+(\w+)\s+(?:citizens|nationals|passport\s+holders)", re.I)
STATUS_CUES = (
    ("terminated", re.compile(r"\b(?:terminated|withdrew\s+from|withdrawal\s+from|scrapped|annulled)\b", re.I)),
    ("suspended", re.compile(r"\bsuspend(?:ed|s)?\b", re.I)),
    ("planned", re.compile(r"\b(?:ready|plan(?:s|ned)?|agreed|decided|expected|set)\s+to\s+(?:initiate|launch|start|begin|open|sign|negotiate)\b|"
                           r"\bto\s+be\s+signed\b|\bwill\s+(?:sign|negotiate|launch)\b|\blaunch\s+negotiations\b", re.I)),
    ("under negotiation", re.compile(r"\b(?:negotiating|negotiations\s+(?:on|over|for)\s+(?:\w+\s+){0,4}(?:are|is)\s+(?:under\s?way|ongoing)|"
                                     r"in\s+talks\s+(?:on|over))\b", re.I)),
    ("in force", re.compile(r"\b(?:introduc(?:ed|tion\s+of)|entered\s+into\s+force|came\s+into\s+force|took\s+effect|in\s+force|in\s+effect)\b", re.I)),
    ("signed", re.compile(r"\b(?:signed|signing|inked|concluded)\b", re.I)),
    ("agreed", re.compile(r"\b(?:reached|agreed\s+on|adopted)\b", re.I)),
    ("proposed", re.compile(r"\bpropos(?:ed|al)\b", re.I)),
)
_SMALL = {"of", "on", "for", "the", "and", "to", "a", "an", "in", "between", "with", "by", "at"}


def title_case(words: str) -> str:
    """ "agreement on mutual visa exemption" -> "Agreement on Mutual Visa Exemption"."""
    out = []
    for n, w in enumerate(words.split()):
        if n and w.lower() in _SMALL:
            out.append(w.lower())
        elif w[:1].islower():
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
        else:
            out.append(w)
    return " ".join(out)


def _status(text: str, start: int = 0, end: Optional[int] = None) -> Optional[str]:
    """The status whose cue stands nearest the document at [start, end) ("which was signed
    by" beats "ready to initiate negotiations on" said of another document)."""
    end = len(text) if end is None else end
    best = None
    for status, pat in STATUS_CUES:
        for m in pat.finditer(text):
            d = start - m.end() if m.end() <= start else (m.start() - end if m.start() >= end else 0)
            if best is None or d < best[0]:
                best = (d, status)
    return best[1] if best else None


def _countries_in(doc: Doc, k: int, start: int, end: int) -> List[Ref]:
    out: List[Ref] = []
    for s in doc.of(k, "country", "demonym"):
        if start <= s.start < end:
            c = doc.country_of(s)
            if c and c not in out:
                out.append(c)
    return out


def _parties(doc: Doc, k: int, start: int, end: int) -> List[Ref]:
    """The parties of a document at [start, end): named in it, else the clause's subject."""
    text = doc.text(k)
    named = _countries_in(doc, k, start, end)
    if len(named) >= 2:
        return named
    subj = [r for r in subject_before(doc, k, start, kinds=("country", "demonym", "group", "person"))]
    countries = [r for r in subj if r.type == "Country"]
    for p in (r for r in subj if r.type == "Person"):
        countries += _person_country(doc, p)
    partners = [r for r in _countries_in(doc, k, end, len(text))
                if re.search(r"\bwith\s+(?:\w+\s+){0,4}$", text[max(0, end):text.find(r.label, end) if r.label in text[end:] else end])]
    out = list(dict.fromkeys(countries + named + partners))
    if len(out) < 2 and re.search(r"\b(?:both|two|mutual|bilateral|joint)\b", text, re.I):
        main = doc.main_countries()
        if len(main) == 2:
            out = list(dict.fromkeys(out + main))
    return out


def _person_country(doc: Doc, person: Ref) -> List[Ref]:
    """The countries of the offices a person holds, in the order the article gives them."""
    pos = {f.object for _, f in doc.facts_about(person, "holdsPosition")}
    located = sorted(nf for p in pos for nf in doc.facts_about(p, "positionIn"))
    return list(dict.fromkeys(f.object for _, f in located if f.object.type == "Country"))


_REPORTS = re.compile(r"\b(?:the|a|that)\s+(?:joint\s+)?(statement|declaration|communiqu[eé]|document|memorandum|agreement)\s+"
                      r"(?:said|says|stated|states|noted|added)\b|\b(?:in|according\s+to)\s+(?:the|a)\s+(?:joint\s+)?"
                      r"(statement|declaration|communiqu[eé]|memorandum)\b", re.I)


def agreements(doc: Doc) -> List[Finding]:
    from .relations import topics_in
    out: List[Finding] = []
    for k in range(1, len(doc.spans)) if len(doc.spans) > 1 else range(len(doc.spans)):
        found = _documents(doc, k)
        out += found
        # "…, the statement said": what the sentence is about is a topic of that document
        m = _REPORTS.search(doc.text(k))
        if m:
            word = (m.group(1) or m.group(2)).lower()
            target = next((f for f in reversed(out) if isinstance(f, AgreementFinding)
                           and word[:6] in f.ref.label.lower()), None)
            topics = topics_in(doc, k, strict=True)
            if target and topics:
                out.append(AgreementFinding(doc.sentences[k], target.ref, parties=target.parties, topics=tuple(topics)))
    return out


def _documents(doc: Doc, k: int) -> List[Finding]:
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    found: List[Tuple[int, int, Ref, str]] = []
    dates = [t for t in find_times(text, doc.article.reference_date) if t.kind == "point"]
    for s in doc.of(k, "agreement"):
        for ref in s.refs:
            found.append((s.start, s.end, ref, s.surface))
    for m in DESCRIBED.finditer(text):
        if any(a <= m.start() + 3 < b for a, b, _, _ in found):
            continue
        phrase = re.sub(r"\s+(?:and|in|with)$", "", m["doc"].rstrip(" .,;:"))
        if re.match(r"(?:agreements?|accords?|deals?)$", phrase, re.I) or re.search(r"\bon\s+\d", phrase):
            continue
        head = m["head"]
        parties = _parties(doc, k, m.start(), m.end())
        label = _label(phrase, head, parties, doc)
        if label is None:
            continue
        found.append((m.start(), m.end(), Ref("Agreement", label), phrase))
    for m in cued_finditer(VISA_REGIME, _VISA_CUE, text):
        if any(a <= m.start() < b for a, b, _, _ in found):
            continue
        found.append((m.start(), m.end(), Ref("Agreement", f"visa-free regime for {m.group(1)} citizens"), m.group()))
    for start, end, ref, surface in found:
        parties = _parties(doc, k, start, end)
        if ref.label.startswith("visa-free"):
            parties = [r for r in subject_before(doc, k, start, kinds=("country", "demonym")) if r.type == "Country"] or \
                [c for c in _countries_in(doc, k, 0, start)][:1]
        others = [(a, b) for a, b, _, _ in found if (a, b) != (start, end)]
        signatories = _signatories(doc, k, start, end, others)
        status = _status(text, start, end)
        date = dates[0].value if len(dates) == 1 else None
        out.append(AgreementFinding(sent, ref, surface=surface, parties=tuple(parties),
                                    signatories=tuple(signatories), status=status, date=date,
                                    topics=title_topics(ref.label, surface)))
    return out


_ABOUT = re.compile(r"^(?:Memorandum\s+of\s+Understanding|Agreement|Protocol|Treaty|Accord|Memorandum|Framework\s+Agreement|"
                    r"Action\s+Plan|Roadmap)\s+(?:on|for|regarding|concerning)\s+(?:the\s+)?(?:Cooperation\s+(?:in|on)\s+(?:the\s+)?)?"
                    r"(.+?)(?:\s+Cooperation)?$")


@functools.lru_cache(maxsize=1)
def _named_things() -> frozenset:
    lex = get_lexicon()
    return frozenset(n.lower() for i in lex.initiatives for n in (i.label, *i.aliases))


def title_topics(label: str, surface: str = "") -> Tuple[Ref, ...]:
    """The subjects a document's name states: "Memorandum of Understanding on Critical
    Minerals and Electric Vehicle Battery Supply Chains" -> critical minerals, electric vehicle
    battery supply chains; "... on Agricultural Cooperation" -> agriculture (the lexicon's topic
    for "agricultural cooperation"). Names of parties, places and other proper nouns are not
    subjects; an adjective alone is not one either."""
    m = _ABOUT.match(label)
    if not m:
        return ()
    lex = get_lexicon()
    # written in lower case, a document's subject keeps capitals only for proper names
    proper = {w.lower() for w in surface.split() if w[:1].isupper()} if surface[:1].islower() else set()
    out: List[Ref] = []
    for part in re.split(r"\s+and\s+|,\s*", m.group(1)):
        words = part.split()
        if not words or lex.organisation(part) or part.lower() in _named_things() \
                or any(w.lower() in proper for w in words) \
                or any(lex.country(w) or lex.country_by_demonym(w) or lex.place(w) for w in words):
            continue
        phrase = part.lower()
        known = lex.topic(phrase) or lex.topic(phrase + " cooperation")
        if known:
            out.append(Ref("Topic", known))
        elif not re.search(r"(?:al|ic|ive|ary)$", phrase.split()[-1]) and len(words) <= 6:
            out.append(Ref("Topic", phrase))
    return tuple(dict.fromkeys(out))


def _label(phrase: str, head: str, parties: List[Ref], doc: Doc) -> Optional[str]:
    """A readable name for a described document."""
    names = sorted(p.label for p in parties)
    rest = phrase[len(head):].strip()
    if re.match(r"free[-\s]trade\s+agreement|FTA$", head, re.I):
        return f"{'-'.join(names)} Free Trade Agreement" if len(names) >= 2 else None
    if not rest:
        if re.match(r"MoU|memorandum", head, re.I) and len(names) >= 2:
            return f"Memorandum of Understanding between {names[0]} and {names[1]}"
        return None
    if len(rest.split()) < 2:
        return None
    label = title_case(re.sub(r"^MoU\b", "Memorandum of Understanding", phrase, flags=re.I))
    return label


def _signatories(doc: Doc, k: int, start: int, end: int, others=()) -> List[Ref]:
    """ "…, which was signed by Xi and Aliyev" (the nearest document before it), or the
    people who are the subject of "signed"."""
    text = doc.text(k)
    by = re.match(r"[^.;]*?\bsigned\s+by\s+", text[end:])
    if by and not any(end <= a < end + by.end() for a, _ in others):
        stop = text.find(" after ", end + by.end())
        return [s.ref for s in doc.of(k, "person") if end + by.end() <= s.start < (stop if stop > 0 else len(text)) and s.ref]
    m = re.search(r"\b(?:signed|inked)\s+(?:\w+\s+){0,3}$", text[:start])
    if m:
        # the subject of "signed" must itself be people: "Azerbaijan and China signed" has none
        return [r for r in subject_before(doc, k, m.start()) if r.type == "Person"]
    return []


# ---------------------------------------------------------------- relationships
REL = re.compile(r"\b((?:(?:comprehensive|strategic|cooperative|all-weather|all-round|all-around|"
                 r"special|privileged|global|enhanced|innovative|friendly|good-neighbou?rly|everlasting|"
                 r"high-level|long-term|extended|deepened|expanded|mutually\s+beneficial)[\s,]+(?:and\s+)?)+)"
                 r"(partnership|partners)\b|\bdiplomatic\s+(?:relations|ties)\b", re.I)
_REL_CUE = re.compile(r"partner|diplomatic", re.I)
ESTABLISH = re.compile(r"\b(?:establish(?:ed|ing|ment\s+of)?|elevat(?:ed|e|ing|ion\s+of)|upgrad(?:ed|e|ing)|"
                       r"announced|formed|forged|launched|signed|signing|set\s+up|since|build|building)\b", re.I)
KNOWN_TYPES = ("DiplomaticRelations", "StrategicPartnership", "ComprehensiveStrategicPartnership",
               "ComprehensiveStrategicCooperativePartnership", "AllWeatherStrategicCooperativePartnership",
               "SpecialAndPrivilegedStrategicPartnership", "StrategicCooperativePartnership",
               "ComprehensivePartnership", "Partnership")


def relationship_type(words: str) -> Tuple[str, str, Optional[str]]:
    """Concept name, label and broader concept for a relationship's words.

    >>> relationship_type("all-weather strategic cooperative partnership")[0]
    'AllWeatherStrategicCooperativePartnership'
    """
    words = re.sub(r"\bpartners\b", "partnership", re.sub(r"[\s,]+", " ", words.lower())).strip()
    words = words.replace("all-around", "all-round")
    if words.startswith("diplomatic"):
        return "DiplomaticRelations", "diplomatic relations", None
    name = "".join(p[:1].upper() + p[1:] for w in words.split() for p in w.split("-"))
    broader = None
    if name not in KNOWN_TYPES:
        parts = words.split()
        for n in range(1, len(parts)):
            cand = "".join(p[:1].upper() + p[1:] for w in parts[n:] for p in w.split("-"))
            if cand in KNOWN_TYPES:
                broader = cand
                break
        broader = broader or "Partnership"
    return name, words, broader


def relationships(doc: Doc) -> List[Finding]:
    out: List[Finding] = []
    for k in range(len(doc.spans)):
        text = doc.text(k)
        sent = doc.sentences[k]
        for m in cued_finditer(REL, _REL_CUE, text):
            rtype, words, broader = relationship_type(m.group())
            parties = _rel_parties(doc, k, m.start())
            if len(parties) != 2:
                continue
            start = None
            cue = ESTABLISH.search(text)
            times = [t for t in find_times(text, doc.article.reference_date) if t.kind == "point"]
            if cue and k > 0:
                start = _rel_date(text, m, times)
                if start is None and re.match(
                        r"\s*(?:(?:Following|After)\s+(?:the|their)\s+\w+,\s+)?(?:The|the|Both|both|Their)\s+(?:two\s+)?"
                        r"(?:leaders|presidents|sides)\b", text) and k > 1:
                    # "… met on July 3 … The leaders announced …": the day of the meeting just told
                    prev = [t.value for t in find_times(doc.text(k - 1), doc.article.reference_date) if t.kind == "point"]
                    days = sorted({v for v in prev if len(v) == 10})
                    start = days[0] if len(days) == 1 else (prev[0] if len(set(prev)) == 1 else None)
                if rtype != "DiplomaticRelations" and not re.search(
                        r"establish|elevat|upgrad|announc|form|forg|launch|sign|build", text, re.I):
                    start = None
            by = next((s.ref for s in doc.of(k, "agreement") if s.ref and re.search(r"establish|partnership", s.ref.label, re.I)), None)
            out.append(RelationshipFinding(sent, rtype, words, parties=tuple(sorted(parties)), start_date=start,
                                           established_by=by, broader=broader))
    return out


def _rel_date(text: str, m: re.Match, times) -> Optional[str]:
    """The date of a relationship's start: in its own clause after it ("established diplomatic
    ties in 1989", ", which were established in 1925"), else before it in the sentence ("In July
    2024, A and B signed a joint statement on establishing …") unless a word such as "after"
    ties that date to something else ("36 years after … in 1989")."""
    stop = len(text)
    for c in re.finditer(r"[,;]", text[m.end():]):
        if not re.match(r"[,;]\s+(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\b", text[m.end() + c.start():]):
            stop = m.end() + c.start()
            break
    after = [t for t in times if m.end() <= t.start < stop]
    if after:
        return after[0].value
    before = [t for t in times if t.end <= m.start()
              and not re.search(r"\b(?:after|before|ago|since)\b", text[t.end:m.start()])]
    return before[-1].value if before else None


def _rel_parties(doc: Doc, k: int, pos: int) -> List[Ref]:
    text = doc.text(k)
    named = _countries_in(doc, k, 0, len(text))
    if len(named) == 2:
        return named
    # "India and Japan, which established diplomatic relations in 1952, are partners in the
    # Quad, the grouping that includes the United States and Australia": the clause's subject
    subj = [r for r in subject_before(doc, k, pos, kinds=("country", "demonym", "group")) if r.type == "Country"]
    if len(subj) == 2:
        return subj
    main = doc.main_countries()
    if len(main) == 2 and (len(named) < 2 or set(main) <= set(named)):
        if not named or set(named) <= set(main):
            return list(main)
    return []
