"""Memberships, participation, belonging and areas of cooperation.

"As a founding member, China will remain a leading force in the organization" (memberOf),
"within multilateral mechanisms such as the United Nations" (memberOf: inside them),
"Azerbaijan plays a key role in the Middle Corridor", "fruitful Belt and Road cooperation",
"jointly advance the construction of …" (participatesIn), "Chinese universities, including
Tsinghua University" (partOf), "cooperation in areas such as culture, tourism and education"
(topics).
"""
from __future__ import annotations

import re
from typing import List

from ..findings import Fact, Finding, Mention, Ref
from .clauses import actors_after, actors_of, subject_before
from .doc import Doc
from .text import cued_finditer

__all__ = ["relations", "topics_in"]

MEMBER = re.compile(r"\b(?:a\s+|as\s+a\s+|the\s+)?(?:founding\s+|full\s+|permanent\s+|non-permanent\s+)?member(?:s|\s+states?)?\s+of\b|"
                    r"\bas\s+a\s+founding\s+member\b|\bwithin\s+(?:multilateral\s+)?(?:mechanisms|frameworks|organizations|organisations|bodies)\s+such\s+as\b", re.I)
ENGAGE = re.compile(r"\b(?:cooperation|alignment|construction|jointly|plays?\s+(?:a\s+)?(?:\w+\s+)?role\s+in|"
                    r"participat\w*\s+in|join(?:ed|ing|s)?|advance|build(?:ing)?|implement\w*|part\s+of|"
                    r"co-?build\w*|promote|promoting)\b", re.I)
COOP_AREAS = re.compile(r"\b(?:in|across)\s+(?:the\s+)?(?:areas?|fields?|sectors?|spheres?|domains?)\s+(?:such\s+as|of|including|like)\s+"
                        r"((?:(?!\bso\s+as\b|\bin\s+order\b|\bto\s+\w+\b|;|\.\s)[^.;])+)", re.I)
# cues (see :func:`~kg.extract.text.cued_finditer`): a word in every match of a pattern
_MEMBER_CUE = re.compile(r"member|within", re.I)
_FIELD_CUE = re.compile(r"field", re.I)
COOP_FIELD = re.compile(r"\bin\s+the\s+field\s+of\s+(\w+(?:\s+and\s+\w+)?)", re.I)
X_COOPERATION = re.compile(r"\b((?:[a-z\-]+\s+(?:and\s+)?){1,3}?)(?:cooperation|exchanges|ties)\b")
_NOT_TOPIC = {"pragmatic", "bilateral", "all-around", "all-round", "mutually", "beneficial", "further", "closer",
              "deep", "deeper", "practical", "international", "multilateral", "regional", "strategic", "effective",
              "fruitful", "high-level", "high-quality", "sound", "expanding", "deepen", "deepening", "expand",
              "strengthen", "enhance", "intensify", "the", "their", "its", "our", "and", "in", "of", "new", "more",
              "such", "as", "high", "level", "mutual", "people-to-people", "personnel", "subnational", "youth",
              "to", "with", "on", "for", "a", "an", "areas", "various", "all", "two", "good", "win-win", "along",
              "economic", "political", "cultural", "continue", "continued", "promote", "promoting", "advance",
              "friendly", "traditional", "close", "broad"}


def topics_in(doc: Doc, k: int, strict: bool = False) -> List[Ref]:
    """Areas of cooperation a sentence names: the items of "in areas such as A, B and C",
    "in the field of X", "X cooperation", and (unless ``strict``) lexicon topics anywhere in
    a sentence about cooperation."""
    text = doc.text(k)
    out: List[Ref] = []
    for m in COOP_AREAS.finditer(text):
        items = re.split(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+(?=the\s|\w+\s*$)|\s+as\s+well\s+as\s+", m.group(1))
        for item in items:
            item = re.sub(r"^(?:the|and)\s+", "", item.strip(" ,"))
            item = re.sub(r"^the\s+establishment\s+of\s+", "", item)
            if not item or len(item.split()) > 4 or item[0].isupper() and not _is_topic_span(doc, k, item):
                continue
            if re.search(r"\d", item):
                continue
            out.append(Ref("Topic", item.lower()))
    for m in cued_finditer(COOP_FIELD, _FIELD_CUE, text):
        out.append(Ref("Topic", m.group(1).lower()))
    for s in doc.of(k, "topic"):
        if re.match(r"\s+cooperation\b", text[s.end:]) or (not strict and re.search(
                r"\bcooperat|\bareas?\b|\bfields?\b|\bsectors?\b|\bexchanges\b|\bin\s+energy\b", text, re.I)):
            out += s.refs
    return list(dict.fromkeys(out))


def _is_topic_span(doc: Doc, k: int, item: str) -> bool:
    return any(s.surface == item and s.kind in ("topic", "initiative") for s in doc.of(k))


def relations(doc: Doc) -> List[Finding]:
    out: List[Finding] = []
    for k in range(1 if len(doc.sentences) > 1 else 0, len(doc.spans)):
        sent = doc.sentences[k]
        out += _members(doc, k)
        out += _participation(doc, k)
        out += _belongs(doc, k)
        for t in topics_in(doc, k):
            out.append(Mention(sent, t, t.label))
    return out


_GROUP_NOUN = r"(?:organi[sz]ation|bloc|group|grouping|alliance|union|forum|body|community)"


_CHAIR = re.compile(r"\b(?:rotating\s+)?(?:chairmanship|presidency|chair)\s+of\s+(?:the\s+)?", re.I)
_CHAIR_CUE = re.compile(r"chair|presidency", re.I)


def _coref_org(doc: Doc, k: int, pos: int):
    """ "the bloc", "the group", "the alliance" before ``pos``: the organisation meant."""
    prev = doc.last(k, pos, ("org",), window=3)
    return prev.ref if prev and prev.ref else None


def _members(doc: Doc, k: int) -> List[Finding]:
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    # "As a member of the African Union and of IGAD, Kenya will …", "As founding members of the
    # Organization of Turkic States, the two countries pledged …": the subject comes after
    lead = re.match(r"\s*As\s+(?:a\s+)?(?:founding\s+|full\s+)?members?\s+of\s+([^,]+),", text)
    if lead:
        orgs = [s.ref for s in doc.of(k, "org") if s.start < lead.end() and s.ref]
        if re.search(r"\bthe\s+" + _GROUP_NOUN + r"\b", lead.group(1), re.I) and not orgs:
            orgs = [o for o in [_coref_org(doc, k, 0)] if o]
        after = [s for s in doc.of(k, "country", "group") if s.start >= lead.end()]
        members = []
        if after:
            members = [r for r in actors_of(doc, after[0]) if r.type == "Country"]
        out += [Fact(sent, a, "memberOf", o) for a in members for o in orgs]
    # "France and Germany, both NATO members", "EU member states France and Germany"
    for s in doc.of(k, "org"):
        if s.ref and re.match(r"\s+member(?:s|\s+states?|\s+countries)?\b", text[s.end:]) \
                and re.search(r"\b(?:both|all|fellow|as)\s+$", text[max(0, s.start - 8):s.start]):
            subj = [r for r in subject_before(doc, k, s.start, kinds=("country", "group")) if r.type == "Country"]
            out += [Fact(sent, a, "memberOf", s.ref) for a in subj]
    # "Brazil, which takes over the rotating chairmanship of Mercosur", "as this year's chair of
    # the group": who chairs an organisation belongs to it
    for m in cued_finditer(_CHAIR, _CHAIR_CUE, text):
        org = next((s.ref for s in doc.of(k, "org") if s.start == m.end() and s.ref), None)
        if org is None and re.match(_GROUP_NOUN + r"\b", text[m.end():], re.I):
            org = _coref_org(doc, k, m.start())
        if org:
            subj = [r for r in subject_before(doc, k, m.start(), kinds=("country",)) if r.type == "Country"]
            out += [Fact(sent, a, "memberOf", org) for a in subj[-1:]]
    # "… partners in the Quad, the grouping that includes the United States and Australia"
    for s in doc.of(k, "org"):
        inc = re.match(r",\s+the\s+" + _GROUP_NOUN + r"\s+that\s+(?:also\s+)?includes?\s+", text[s.end:], re.I)
        if s.ref and inc:
            start = s.end + inc.end()
            stop = re.search(r"[.;]|,\s+(?!and\b)", text[start:])
            end = start + stop.start() if stop else len(text)
            out += [Fact(sent, x.ref, "memberOf", s.ref) for x in doc.of(k, "country") if start <= x.start < end]
        if s.ref and re.search(r"\b(?:partners|members)\s+(?:in|of)\s+(?:the\s+)?$", text[max(0, s.start - 20):s.start]):
            subj = [r for r in subject_before(doc, k, s.start, kinds=("country", "group")) if r.type == "Country"]
            out += [Fact(sent, a, "memberOf", s.ref) for a in subj]
    for m in cued_finditer(MEMBER, _MEMBER_CUE, text):
        word = m.group().lower()
        if word.startswith("within"):
            orgs = [s.ref for s in doc.of(k, "org") if s.start >= m.end() and s.ref]
            members = [r for r in subject_before(doc, k, m.start(), kinds=("country", "demonym", "group"))
                       if r.type == "Country"]
            members += [r for r in actors_after(doc, k, 0, m.start(), kinds=("country",))
                        if re.search(r"\bwith\s+" + re.escape(r.label), text)]
        elif lead:
            continue
        elif "a member" in word and re.match(r"\s*the\s+" + _GROUP_NOUN + r"\b", text[m.end():], re.I):
            # "will support it as a member of the bloc": the speaker's state belongs to the bloc
            org = _coref_org(doc, k, m.start())
            orgs = [org] if org else []
            members = [r for r in subject_before(doc, k, m.start(), kinds=("country",)) if r.type == "Country"][:1]
        elif "founding member" in word and not word.rstrip().endswith("of"):
            prev = doc.last(k, m.start(), ("org",), window=3)
            if re.search(r"\bthe\s+(?:organi[sz]ation|bloc|alliance|group)\b", text, re.I) and prev:
                orgs = [prev.ref]
            else:
                orgs = []
            members = [r for r in subject_before(doc, k, len(text) if m.start() < 3 else m.start(),
                                                 kinds=("country",)) if r.type == "Country"]
            if not members:
                after = [s for s in doc.of(k, "country") if s.start >= m.end()]
                members = [after[0].ref] if after else []
        else:
            orgs = [s.ref for s in doc.of(k, "org") if m.end() <= s.start <= m.end() + 6 and s.ref][:1]
            members = [r for r in subject_before(doc, k, m.start(), kinds=("country", "group")) if r.type == "Country"]
        for a in members:
            for o in orgs:
                out.append(Fact(sent, a, "memberOf", o))
    return out


# How news English says that states take part in an initiative, around its name.
_ENGAGE_BEFORE = re.compile(r"\b(?:alignment|construction|development|implementation)\s+of\s+(?:the\s+)?$|"
                            r"\b(?:role|participat\w*|involve\w*|membership)\s+in\s+(?:the\s+)?$|"
                            r"\bjoin(?:ed|s|ing)?\s+(?:the\s+)?$|\bpart\s+of\s+(?:the\s+)?$|"
                            r"\bjointly\s+(?:\w+\s+){1,5}(?:the\s+)?$|\bco-?build\w*\s+(?:the\s+)?$|"
                            r"\bcooperation\s+(?:\w+\s+){0,6}(?:such\s+as|including)\s+(?:the\s+)?$", re.I)
_ENGAGE_AFTER = re.compile(r"^\s+(?:cooperation|projects?|construction)\b", re.I)


def _participation(doc: Doc, k: int) -> List[Finding]:
    """ "Azerbaijan plays a key role in the Middle Corridor", "fruitful Belt and Road
    cooperation", "jointly advance the construction of the … Corridor"."""
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    spans = doc.of(k, "initiative")
    for n, s in enumerate(spans):
        before = text[:s.start]
        # "… the Trans-Caspian Corridor and establish a … Express": the cue before a list's first item
        prev = spans[n - 1] if n else None
        chained = prev is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:\w+\s+){0,5}(?:the\s+)?", text[prev.end:s.start]) \
            and _ENGAGE_BEFORE.search(text[:prev.start])
        # states named in the name take part: "the Armenia-Azerbaijan peace process"
        named = [x.ref for x in doc.of(k, "country") if s.start <= x.start < s.end and x.part]
        engaged = bool(_ENGAGE_BEFORE.search(before) or _ENGAGE_AFTER.match(text[s.end:]) or chained)
        if not engaged and not named:
            continue
        for ref in s.refs:
            actors: List[Ref] = list(named)
            if engaged:
                subj = subject_before(doc, k, s.start, kinds=("country", "demonym", "group", "person"))
                actors += [r for r in subj if r.type == "Country"]
                for x in doc.of(k, "country", "demonym"):
                    if x.start < s.start and re.search(r"\bwith\s+$", text[max(0, x.start - 6):x.start]):
                        actors.append(doc.country_of(x))
                    elif x.start > s.end and re.match(r"\s*(?:'s|’s)?\s+development\s+strateg", text[x.end:]) \
                            and re.search(r"\bwith\s+$", text[max(0, x.start - 6):x.start]):
                        actors.append(doc.country_of(x))
                if re.search(r"\b(?:both|two|jointly|bilateral)\b", text[:s.start], re.I) or \
                        re.search(r"\brelations\b", before):
                    main = doc.main_countries()
                    if len(main) == 2:
                        actors += main
            for a in dict.fromkeys(actors):
                if a and a.type == "Country":
                    out.append(Fact(sent, a, "participatesIn", ref))
    return out


_INCLUDING = re.compile(r"\b(\w+)\s+(?:\w+\s+)?(?:universities|institutions|companies|enterprises|firms|banks|media|"
                        r"agencies),?\s+(?:including|such\s+as|like)\s+")
_INCLUDING_CUE = re.compile(r"including|such|like")


def _belongs(doc: Doc, k: int) -> List[Finding]:
    """ "Chinese universities, including Tsinghua University and Peking University"."""
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    for m in cued_finditer(_INCLUDING, _INCLUDING_CUE, text):
        dem = next((s for s in doc.of(k, "demonym", "country") if s.start == m.start(1)), None)
        if dem is None:
            continue
        country = doc.country_of(dem)
        for s in doc.of(k, "org"):
            if s.start >= m.end() and s.ref and country and re.fullmatch(r"[\w\s,.'’\-]*", text[m.end():s.start]):
                out.append(Fact(sent, s.ref, "partOf", country))
    return out
