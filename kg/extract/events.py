"""Events: state visits, meetings and talks, conferences and summits.

"X is set to pay a state visit to China", "his previous visits to China in 2014 and 2015"
(two visits), "Li Qiang met with Ilham Aliyev … in Beijing on Wednesday", "Aliyev attended
separate meetings with Premier Li Qiang, and Zhao Leji" (two meetings), "during the SCO
summit in Astana", "a briefing by … spokesperson Guo Jiakun", "the … Conference held in
Beijing". Dates come from :mod:`kg.extract.timex`, as precise as the sentence allows.
"""
from __future__ import annotations

import datetime
import functools
import re
from typing import List, Optional, Tuple

from ..findings import EventFinding, Finding, Ref
from .clauses import actors_after, actors_of, resolve_pronoun, subject_before
from .doc import Doc, Span
from .text import cued_finditer
from .timex import Timex, find_times, number_value

__all__ = ["events", "VISIT", "MEETING"]

VISIT = re.compile(r"\b(?:(?:state|official|working|two-day|three-day|four-day|five-day|\w+-day)\s+)*"
                   r"(?:visits?|trip|tour)\s+to\b|\bvisit(?:ed|s|ing)\s+(?=[A-Z])", re.I)
MEETING = re.compile(
    r"\b(?:meeting|meetings|talks)\s+between\b|"
    r"\b(?:held|hold|holds|holding)\s+(?:(?:the|a|an|their|his|her)\s+)?(?:[\w'’\-]+\s+){0,6}?"
    r"(?:talks|dialogue|consultations|discussions|meeting)\b|"
    r"\b(?:following|after|during|in|at)\s+(?:the\s+|their\s+|bilateral\s+|closed-door\s+)*talks\b(?!\s+(?:with|between))|"
    r"\b(?:call(?:ed|s|ing)?|called)\s+on\s+(?=(?:[A-Z]|the\s+[A-Z]|(?:President|Prime|Premier|King)\b))|"
    r"\b(?:be\s+|been\s+|was\s+|were\s+)?received\s+by\b|\b(?:met|meets|meet|meeting|meetings)\s+(?:with\b)?|\b(?:held|hold|holds|holding)\s+(?:\w+\s+)?talks\b|"
    r"\btalks\s+(?:with|between)\b|\bduring\s+(?:their|the|his|her|Wednesday's|\w+'s)\s+(?:\w+\s+)?(?:talks|meeting)\b|"
    r"\b(?:phone|telephone|video)\s+(?:call|conversation|talks)\b|\bspoke\s+(?:by|over\s+the)\s+(?:phone|telephone)\b|"
    r"\b(?:meetings?|discussions)\s+(?:and\s+(?:\w+\s+){0,2})?with\b", re.I)
SIGNED = re.compile(r"\bsigned\b|\binked\b", re.I)
ANNOUNCE = re.compile(r"\b(?:announced|agreed|decided|witnessed)\b", re.I)
BRIEFING = re.compile(r"\b(?:press\s+conference|(?:news|press|regular)\s+briefing|briefing)\b", re.I)
# cues (see :func:`~kg.extract.text.cued_finditer`): a word in every match of a pattern
_VISIT_CUE = re.compile(r"visit|trip|tour", re.I)           # VISIT and _VISIT_NOUN
_BRIEFING_CUE = re.compile(r"briefing|conference", re.I)
FUTURE = re.compile(r"\b(?:will|would|is\s+set\s+to|are\s+set\s+to|to\s+pay|upcoming|scheduled|is\s+to|are\s+to|plans?\s+to)\b", re.I)


@functools.lru_cache(maxsize=1024)
def _future(text: str) -> bool:
    """Whether a sentence speaks of what will happen (cached: each extractor of events asks)."""
    return bool(FUTURE.search(text))


def _dates(doc: Doc, k: int, ranges: bool = False) -> List[Timex]:
    """The sentence's dates, without those of a relative clause (", which X signed on …")."""
    text = doc.text(k)
    out = []
    for t in find_times(text, doc.article.reference_date, _future(text)):
        if t.kind == "period" or (t.kind == "range" and not ranges):
            continue
        rel = text.rfind(", which ", 0, t.start)
        if rel >= 0 and "," not in text[rel + 8:t.start]:
            continue
        out.append(t)
    return out


def _location(doc: Doc, k: int, pos: int, reach: int = 80) -> Optional[Ref]:
    """ "in Beijing", "at the Great Hall of the People", "in Astana" within ``reach`` characters
    after ``pos``."""
    text = doc.text(k)
    for s in doc.of(k, "capital", "place", "country"):
        if pos - 2 <= s.start <= pos + reach and re.search(
                r"\b(?:in|at|held\s+in)\s+(?:the\s+)?(?:[A-Z][\w\-]+\s+capital,?\s+(?:of\s+)?)?$", text[max(0, s.start - 40):s.start]):
            return s.ref
    return None


def _clause_end(text: str, pos: int) -> int:
    """Where the clause that starts at ``pos`` ends: "…, while …", "; …", "…, who …"."""
    m = re.search(r";|,\s+(?:while|whereas|but|who|which|as)\b|\s+but\s+", text[pos:])
    return pos + m.start() if m else len(text)


def _context_year(doc: Doc, k: int) -> Optional[str]:
    """The year a paragraph has set ("The year 2024 saw …") for a sentence that gives none."""
    para = doc.sentences[k].paragraph
    for j in range(k - 1, -1, -1):
        if doc.sentences[j].paragraph != para:
            break
        years = {t.value[:4] for t in find_times(doc.text(j), doc.article.reference_date)}
        if len(years) == 1:
            return years.pop()
    return None


def events(doc: Doc) -> List[Finding]:
    """Every event the article reports."""
    out: List[Finding] = []
    for k in range(len(doc.spans)):
        if k == 0 and len(doc.sentences) > 1:
            continue                # headlines repeat the body in fewer words
        out += _visits(doc, k)
        out += _meetings(doc, k)
        out += _conferences(doc, k)
    visitors = {v for f in out if isinstance(f, EventFinding) and f.kind == "StateVisit" for v in f.visitors}
    final: List[Finding] = []
    for f in out:
        if isinstance(f, EventFinding) and f.kind == "Meeting" and visitors & set(f.participants):
            f = EventFinding(**{**f.__dict__, "within_visit": True})
        if isinstance(f, EventFinding) and f.kind == "Conference" and len(f.participants) == 1 \
                and _JOINT.search(f.sentence.text):
            f = EventFinding(**{**f.__dict__, "participants": _joint_with(final, f.participants[0])})
        final.append(f)
    return final


_JOINT = re.compile(r"\bjoint\s+(?:press|news)\s+(?:conference|briefing)\b", re.I)


def _joint_with(before: List[Finding], speaker: Ref) -> Tuple[Ref, ...]:
    """A joint press conference is given with the person the speaker last met in the article."""
    for f in reversed(before):
        if isinstance(f, EventFinding) and f.kind == "Meeting" and speaker in f.participants \
                and len(f.participants) == 2:
            return tuple(f.participants)
    return (speaker,)


_VISIT_NOUN = re.compile(r"\b(?:(?:state|official|working)\s+)(?:visit|trip)\b|\b(?:\w+-day)\s+(?:(?:state|official|working)\s+)?visit\b", re.I)
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|landed)\s+in\s+(?:the\s+)?", re.I)


def _visits(doc: Doc, k: int) -> List[Finding]:
    text = doc.text(k)
    out: List[Finding] = []
    seen_nouns = []
    if not _VISIT_CUE.search(text):
        return out              # no "visit", "trip" or "tour": neither pattern below can match
    for m in VISIT.finditer(text):
        host_span = next((s for s in doc.of(k, "country", "capital", "place") if s.start >= m.end() - 1
                          and s.start - m.end() <= 2), None)
        if host_span is None:
            continue
        seen_nouns.append(m.start())
        out += _visit(doc, k, m, host_span)
    # "Erdogan arrived in the Kazakh capital on Monday for a two-day state visit at the
    # invitation of Tokayev": a visit whose host is where the visitor arrived or who invited
    for m in _VISIT_NOUN.finditer(text):
        if any(abs(m.start() - n) < 30 for n in seen_nouns):
            continue
        host_span = None
        arrived = _ARRIVED.search(text, 0, m.start())
        if arrived:
            host_span = next((s for s in doc.of(k, "country", "capital", "place", "demonym")
                              if arrived.end() <= s.start <= arrived.end() + 4), None)
        if host_span is None:
            inv = re.search(r"\bat\s+the\s+invitation\s+of\s+", text[m.end():])
            if inv:
                from .agreements import _person_country
                who = next((s.ref for s in doc.of(k, "person") if s.start >= m.end() + inv.end() and s.ref), None)
                countries = _person_country(doc, who) if who else []
                if countries:
                    out += _visit(doc, k, m, None, host=countries[0])
            continue
        out += _visit(doc, k, m, host_span)
    return out


def _visit(doc: Doc, k: int, m: re.Match, host_span: Optional[Span], host: Optional[Ref] = None) -> List[Finding]:
    text = doc.text(k)
    sent = doc.sentences[k]
    if host_span is not None:
        if host_span.kind == "country":
            host = host_span.ref
        else:
            host = host_span.country
    if host is None:
        return []
    # a visit to a city is located there ("Modi's visit to Tokyo"), to a country in it
    where = host_span.ref if host_span is not None and host_span.kind in ("capital", "place") else host
    visitors = [r for r in _visitor(doc, k, m.start()) if r.type == "Person" and r != host]
    if not visitors:
        return []
    dates = _dates(doc, k, ranges=True)
    anchor = host_span.end if host_span is not None else m.end()
    stop = re.search(r",|;|\bas\s+well\s+as\b", text[anchor:])
    limit = anchor + stop.start() if stop else len(text)
    after = [t for t in dates if m.start() <= t.start < limit] or [t for t in dates if t.start >= m.start()]
    word = m.group().lower()
    plural = bool(re.search(r"\bvisits\b", word))
    if plural and len(after) > 1:
        return [EventFinding(sent, "StateVisit", visitors=tuple(visitors), hosts=(host,),
                             start_date=t.value, location=where) for t in after if t.kind == "point"]
    start = end = None
    rng = next((t for t in dates if t.kind == "range"), None)
    if rng:
        start, end = rng.value.split("/")
    else:
        points = [t for t in dates if t.kind == "point"]
        start = after[0].value if after and after[0].kind == "point" else (points[0].value if len(points) == 1 else None)
        if re.search(r"\b(?:is|are)\s+(?:on|paying)\s+(?:a|an|his|her)\b", text[max(0, m.start() - 20):m.start() + 12], re.I):
            start = None            # "who is on a state visit": under way, its start not given
        days = re.search(r"\b(two|three|four|five|six|seven|\d+)-day\b", text[max(0, m.start() - 15):m.end()], re.I)
        # "a two-day official visit to Chile that ends on Friday": the last day, and so the first
        ends = re.match(r"[^,;]{0,40}?\b(?:that|which)\s+(?:ends|will\s+end|concludes)\b|[^,;]{0,40}?\bending\b",
                        text[m.end():])
        last = next((t for t in dates if t.kind == "point" and len(t.value) == 10
                     and m.end() + ends.end() <= t.start <= m.end() + ends.end() + 16), None) if ends else None
        if last is not None:
            end = last.value
            if start == end:
                start = None
        n = number_value(days.group(1)) if days else None
        if start and n and len(start) == 10:
            end = (datetime.date.fromisoformat(start) + datetime.timedelta(days=int(n) - 1)).isoformat()
        elif end and not start and n:
            start = (datetime.date.fromisoformat(end) - datetime.timedelta(days=int(n) - 1)).isoformat()
        if start is None and not dates and word.startswith("visited"):
            start = _context_year(doc, k)
    return [EventFinding(sent, "StateVisit", visitors=tuple(visitors), hosts=(host,),
                         start_date=start, end_date=end, location=where)]


def _visitor(doc: Doc, k: int, pos: int) -> List[Ref]:
    text = doc.text(k)
    before = text[:pos]
    # "Narendra Modi's visit to Tokyo"
    poss = [s for s in doc.of(k, "person") if s.ref and re.fullmatch(r"(?:'s|’s)\s+(?:\w+\s+){0,2}", text[s.end:pos])]
    if poss:
        return [poss[-1].ref]
    if re.search(r"\b(?:his|her)\s+(?:\w+\s+){0,3}$", before, re.I):
        return resolve_pronoun(doc, k, pos)
    return subject_before(doc, k, pos, kinds=("person",))


def _meetings(doc: Doc, k: int) -> List[Finding]:
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    dates = _dates(doc, k)
    for m in MEETING.finditer(text):
        word = m.group().lower()
        loc = _location(doc, k, m.start(), reach=160)
        near = [t for t in dates if m.end() <= t.start <= m.end() + 120]
        before = [t for t in dates if t.end <= m.start() and m.start() - t.end <= 40]
        date = near[0].value if near else before[-1].value if before else \
            (dates[0].value if len({t.value for t in dates}) == 1 else None)
        end = _clause_end(text, m.end())
        if "between" in word or word.startswith("talks"):
            persons = [r for r in actors_after(doc, k, m.end(), end, kinds=("person",))]
            if "with" in word:
                persons = _dedupe(_meeting_subject(doc, k, m.start()) + persons)
        elif word.split()[0] in ("following", "after", "during", "in", "at"):
            persons = [r for r in _people(doc, k) if r.type == "Person"]
            if "their" not in word and len(persons) < 2:
                continue
            if word.split()[0] in ("following", "after") and len(word.split()) > 2:
                # "Following the talks, …": the talks told before, not this sentence's dates; but
                # "agreed on Tuesday … following talks in Astana": the talks of that day
                date = None
        else:
            subj = [r for r in _meeting_subject(doc, k, m.start()) if r.type == "Person"]
            if re.search(r"\b(?:his|her)\s+$", text[:m.start()], re.I):
                subj = [r for r in resolve_pronoun(doc, k, m.start()) if r.type == "Person"]
            objs = [r for r in actors_after(doc, k, m.end(), end, kinds=("person",))]
            if re.search(r"\bwith\s+(?:him|her)\b", text[m.start():m.end() + 10], re.I):
                objs = _dedupe(objs + [r for r in resolve_pronoun(doc, k, m.start() - 1 if m.start() else 0)
                                       if r.type == "Person"]) or objs
                objs = objs or _last_persons(doc, k)
            held = word.split()[0] in ("held", "hold", "holds", "holding")
            if not subj or (not objs and not (held and len(subj) >= 2)):
                continue
            separate = re.search(r"\b(?:separate|separately|respectively)\b", text, re.I)
            if separate and (len(objs) > 1 or len(subj) > 1) and objs:
                for a in subj:
                    for b in objs:
                        if a != b:
                            out.append(EventFinding(sent, "Meeting", participants=tuple(sorted({a, b})),
                                                    date=date, location=loc))
                continue
            persons = _dedupe(subj + objs)
        persons = [p for p in persons if p.type == "Person"]
        if len(persons) >= 2:
            out.append(EventFinding(sent, "Meeting", participants=tuple(persons), date=date, location=loc))
    if not out:
        out += _signing_or_announcing(doc, k, dates[0].value if len({t.value for t in dates}) == 1 else None)
    return out


def _meeting_subject(doc: Doc, k: int, pos: int) -> List[Ref]:
    """The subject of a meeting verb, past a relative clause that ends in "…, and held talks":
    "Lula met President X, who hosted …, and held talks with Y" -> Lula."""
    text = doc.text(k)
    m = re.search(r",\s+(?:who|which)\b[^;]*,\s+and\s+(?:\w+\s+){0,2}$", text[:pos])
    if m:
        persons = [s for s in doc.of(k, "person", "group") if s.end <= m.start()]
        if len(persons) >= 2:
            return subject_before(doc, k, persons[-1].start, kinds=("person", "group"))
    return subject_before(doc, k, pos, kinds=("person", "group"))


def _signing_or_announcing(doc: Doc, k: int, date: Optional[str]) -> List[Finding]:
    """Officials of two states who sign together, or leaders who announce together, met."""
    text = doc.text(k)
    sent = doc.sentences[k]
    for pat in (SIGNED, ANNOUNCE):
        m = pat.search(text)
        if not m:
            continue
        subj = [r for r in subject_before(doc, k, m.start(), kinds=("person", "group")) if r.type == "Person"]
        group = any(s.kind == "group" and s.payload in ("leaders", "presidents") and s.end <= m.start() for s in doc.of(k))
        if len(subj) >= 2 or (group and subj):
            return [EventFinding(sent, "Meeting", participants=tuple(subj), date=date,
                                 location=_location(doc, k, m.start()))]
    return []


_CONF_NOUN = re.compile(r"\b(?:(?:the|a|an|its|their)\s+)((?:[\w'’\-]+\s+){0,4}?)"
                        r"(summit|forum|conference|symposium|expo|session|congress)\b", re.I)
_TAKES_PART = re.compile(r"\b(?:attend\w*|address\w*|host\w*|participat\w*\s+in|chair\w*|open\w*|join\w*|"
                         r"speak\w*\s+(?:at|to)|told|attend)\s+(?:\w+\s+){0,2}$", re.I)


def _conferences(doc: Doc, k: int) -> List[Finding]:
    text = doc.text(k)
    sent = doc.sentences[k]
    out: List[Finding] = []
    dates = _dates(doc, k)
    taken: List[Tuple[int, int]] = []
    for s in doc.of(k, "event"):
        name = s.payload or s.surface
        out.append(_conference(doc, k, s.start, s.end, name, dates))
        taken.append((s.start, s.end))
    # "the Shanghai Cooperation Organization (SCO) summit", "the alliance's summit": an organisation's
    for m in re.finditer(r"\b(summit|ministerial\s+meeting|forum|meeting)\b", text, re.I):
        org = next((x for x in reversed(doc.of(k, "org")) if x.end <= m.start()
                    and re.fullmatch(r"\s*(?:\(\w+\)\s*|(?:'s|’s)\s+|leaders\s*(?:'|’)\s*)?", text[x.end:m.start()])), None)
        of = None
        if org is None and m.group(1).lower() == "meeting":
            of = re.match(r"\s+of\s+(?:the\s+)?", text[m.end():])
            org = next((x for x in doc.of(k, "org") if of and x.start == m.end() + of.end()), None)
        if org is None or any(a <= m.start() < b for a, b in taken):
            continue
        if m.group(1).lower() == "meeting" and not of:
            continue
        name = f"{org.ref.label} {m.group(1).title()}" if not of else f"Meeting of the {org.ref.label}"
        a, b = (org.start, m.end()) if not of else (m.start(), org.end)
        out.append(_conference(doc, k, a, b, name, dates))
        taken.append((min(a, b), max(a, b)))
    # "an extraordinary summit", "a Kazakh-Turkish business forum in Astana", "the summit"
    for m in _CONF_NOUN.finditer(text):
        if any(a <= m.start(2) < b for a, b in taken) or BRIEFING.match(text, m.start(1)):
            continue
        if re.search(r"\b(?:press|news)\s+$", m.group(1) or "", re.I):
            continue                      # a press conference is a briefing, read below
        definite = m.group().lower().startswith("the ") and not m.group(1).strip()
        prev = _last_conference(doc, k, out)
        if definite and prev is not None:
            name = prev.name
        else:
            words = (m.group(1) or "").strip()
            loc = _location(doc, k, m.end(), reach=30) or _location(doc, k, 0, reach=len(text))
            # an unnamed summit is named by where it met; without a place it has no name and is
            # known by who took part (so two articles' "joint press conference" stay apart)
            name = " ".join(w for w in (words + " " + m.group(2)).split()) + f" in {loc.label}" if loc else None
            name = name[:1].upper() + name[1:] if name else None
        out.append(_conference(doc, k, m.start(), m.end(), name, dates, generic=True))
        taken.append((m.start(), m.end()))
    for m in cued_finditer(BRIEFING, _BRIEFING_CUE, text):
        by = [r for r in actors_after(doc, k, m.end(), kinds=("person",))
              if re.match(r"\s+by\b", text[m.end():])][:1]
        if not by:
            if re.search(r"\btold\s+(?:a|the)\s+(?:\w+\s+)?$", text[:m.start()], re.I):
                by = [r for r in subject_before(doc, k, m.start(), kinds=("person",)) if r.type == "Person"][:1]
            elif re.search(r"\b(?:speaking|addressing)\b", text[:m.start()], re.I):
                after_comma = text.find(",", m.end())
                by = [r for r in actors_after(doc, k, after_comma if after_comma > 0 else m.end(),
                                              kinds=("person",))][:1]
        if not by:
            continue
        when = _briefing_date(doc, k, dates)
        loc = _location(doc, k, m.end(), reach=15)
        out.append(EventFinding(sent, "Conference", participants=tuple(by), date=when,
                                location=loc or _dateline_place(doc, when), name=None))
    return out


def _last_conference(doc: Doc, k: int, current: List[Finding]) -> Optional[EventFinding]:
    for f in reversed(current):
        if isinstance(f, EventFinding) and f.kind == "Conference" and f.name:
            return f
    return getattr(doc, "_last_conf", None)


def _dateline_place(doc: Doc, date: Optional[str]) -> Optional[Ref]:
    """Where a same-day event happened when the sentence does not say: the dateline's city."""
    art = doc.article
    if date and art.reference_date and date == art.reference_date.isoformat() and art.dateline_place:
        from .entities import gazetteer
        from .text import tokenize
        n, entries = gazetteer().match(tokenize(art.dateline_place), 0)
        for kind, payload in entries:
            if kind in ("capital", "place"):
                return payload[0]
    return None


def _briefing_date(doc: Doc, k: int, dates: List[Timex]) -> Optional[str]:
    """A briefing's date: the sentence's own date, else the year it speaks of, else (a news
    report of a briefing, "Speaking at a press conference, X said") the article's date."""
    if len(dates) == 1:
        return dates[0].value[:4] if re.search(r"\bin\s+" + dates[0].value[:4] + r"\b", doc.text(k)) else dates[0].value
    years = {t.value[:4] for t in dates}
    if len(years) == 1:
        return next(iter(years))
    ref = doc.article.reference_date
    return ref.isoformat() if ref and not dates else None


def _conference(doc: Doc, k: int, start: int, end: int, name: str, dates: List[Timex],
                generic: bool = False) -> EventFinding:
    text = doc.text(k)
    sent = doc.sentences[k]
    loc = _location(doc, k, end, reach=20)
    held = re.search(r"\b(?:held|host|hosted|hosts|take\s+place|convene\w*)\s+in\s+(?:the\s+)?", text[end:])
    if loc is None and held:
        loc = next((s.ref for s in doc.of(k, "capital", "place", "country") if s.start == end + held.end()), None)
    if loc is None:
        host = re.search(r"\b(?:that|which)\s+(\w+)\s+(?:is\s+due\s+to\s+|will\s+)?host\b", text[end:end + 60])
        if host:
            loc = next((s.country or s.ref for s in doc.of(k, "country", "demonym")
                        if s.start == end + host.start(1)), None)
    within = re.search(r"\bduring\s+(?:the\s+)?$", text[max(0, start - 15):start], re.I)
    near = sorted([t for t in dates if t.start >= end and t.start - end < 120],
                  key=lambda t: (-len(t.value), t.start)) or \
        [t for t in dates if t.end <= start and start - t.end < 60]
    date = near[0].value if near else (dates[0].value if len({t.value for t in dates}) == 1 else None)
    if within and date and len(date) == 10:
        date = date[:7]            # "on July 3 … during the summit": the summit's month, not its days
    if loc is None and within:
        loc = _location(doc, k, 0, reach=len(text))       # "on July 3 in Astana during the … summit"
    participants: List[Ref] = []
    before = text[:start]
    if re.search(r"\b(?:gathered|met|convened|assembled)\s+in\s+\w+(?:\s+\w+)?\s+for\s+(?:a|an|the)\s+(?:\w+\s+)?$", before):
        participants += [r for r in _people(doc, k) if r.type == "Person"]
    if _TAKES_PART.search(before):
        subj = [r for r in subject_before(doc, k, _TAKES_PART.search(before).start()) if r.type in ("Person", "Country")]
        participants += subj
    chaired = re.match(r",?\s+(?:chaired|hosted|opened|addressed)\s+by\s+", text[end:])
    if chaired:
        participants += [r for r in actors_after(doc, k, end + chaired.end(), _clause_end(text, end + chaired.end()),
                                                 kinds=("person",))][:1]
    if participants:
        pass
    elif re.search(r"\b(?:his|her)\s+participation\s+in\s+(?:the\s+)?(?:\w+\s+)?$", text[:start], re.I):
        participants = [r for r in resolve_pronoun(doc, k, start) if r.type == "Person"]
    elif within:
        participants = [r for r in _people(doc, k) if r.type == "Person"]
    else:
        lead = re.match(r"\s*(?:held\s+in\s+\w+\s*)?,\s*", text[end:])
        if re.search(r"\bat\s+(?:the\s+)?(?:\w+\s+)?$", text[:start], re.I) and lead:
            participants = subject_before(doc, k, len(text) if not SIGNED.search(text) else SIGNED.search(text).start())
    if generic and not date and not participants and not loc:
        date = None
    ev = EventFinding(sent, "Conference", participants=tuple(_dedupe(participants)), date=date, location=loc, name=name)
    doc._last_conf = ev
    return ev


def _people(doc: Doc, k: int) -> List[Ref]:
    out: List[Ref] = []
    for s in doc.of(k, "person"):
        out += actors_of(doc, s)
    return _dedupe(out)


def _last_persons(doc: Doc, k: int) -> List[Ref]:
    s = doc.last(k, 0, ("person",), window=3)
    return [s.ref] if s and s.ref else []


def _dedupe(refs: List[Ref]) -> List[Ref]:
    return list(dict.fromkeys(refs))
