"""Stances: who supports and who opposes what, as diplomacy writes it.

"Azerbaijan firmly adheres to the one-China principle", "China has backed Azerbaijan's
sovereignty", "Both sides … oppose unilateralism, protectionism and hegemony",
"Beijing reaffirmed its support for …", "X expressed strong support for …". The subject is
the clause's actor (pronouns, "both sides" and capitals resolved); the objects are the
initiatives, organisations, principles, topics and states the verb governs.
"""
from __future__ import annotations

import re
from typing import List

from ..findings import Fact, Finding, Mention, Ref
from .clauses import actors_of, subject_before
from .doc import Doc, Span

__all__ = ["stances", "SUPPORT", "OPPOSE"]

SUPPORT = re.compile(
    r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|"
    r"adher(?:e|es|ed|ing|ence)\s+to|abid(?:e|es|ed|ing)\s+by|appreciat(?:e|es|ed|ing)|"
    r"commend(?:s|ed|ing)?|advocat(?:e|es|ed|ing)(?:\s+for)?|champion(?:s|ed|ing)?|uph(?:old|olds|eld|olding)|"
    r"safeguard(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|embrac(?:e|es|ed|ing)|"
    r"is\s+committed\s+to|are\s+committed\s+to)\b", re.I)
OPPOSE = re.compile(
    r"\b(?:oppos(?:e|es|ed|ing|ition\s+to)|condemn(?:s|ed|ing|ation\s+of)?|reject(?:s|ed|ing)?|"
    r"resist(?:s|ed|ing)?|combat(?:s|ed|ing|ting)?|denounc(?:e|es|ed|ing)|"
    r"criticiz(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|fight(?:s|ing)?\s+against|"
    r"stand(?:s)?\s+against)\b", re.I)
_BOUNDARY = re.compile(r";|\s—\s|\bwhile\b|\bbut\b|,\s+(?:saying|adding|noting|stressing)\b|\bin\s+order\s+to\b|"
                       r",\s+(?:and\s+)?(?:is|are|was|were|has|have)\s+willing\b")
OBJECT_KINDS = ("initiative", "org", "topic", "country", "demonym", "agreement", "group")
# "support for X's sovereignty", "X's accession", "X's national reunification": the state is meant
_STATE_THINGS = re.compile(r"^\s*(?:'s|’s)\s+(?:\w+\s+){0,3}?(?:sovereignty|territorial|integrity|independence|"
                           r"accession|reunification|efforts|role|position|stance|core\s+interests|"
                           r"development|security|people|bid|candidacy|legitimate)", re.I)


def stances(doc: Doc) -> List[Finding]:
    """supports / opposes facts for every stance verb or noun in the article."""
    out: List[Finding] = []
    for k in range(len(doc.spans)):
        text = doc.text(k)
        if k == 0 and _headline(doc):
            continue
        for pred, pat in (("supports", SUPPORT), ("opposes", OPPOSE)):
            for m in pat.finditer(text):
                if _negated(text, m.start()) or _not_a_stance(text, m):
                    continue
                subjects = _subject(doc, k, m.start())
                objects = _objects(doc, k, m.end(), pred)
                if re.match(r"\s+each\s+other|\s+one\s+another", text[m.end():], re.I) or \
                        re.search(r"\bmutual\s+support\b", text[max(0, m.start() - 8):m.end()], re.I):
                    pair = doc.main_countries()
                    subs = subjects if len(subjects) == 2 else (pair if len(pair) == 2 else [])
                    for a in subs:
                        for b in subs:
                            if a != b:
                                out.append(Fact(doc.sentences[k], a, pred, b))
                    continue
                for s in subjects:
                    for o in objects:
                        if o != s and not (s.type == "Person" and o.type == "Person"):
                            out.append(Fact(doc.sentences[k], s, pred, o))
                            if o.type == "Topic":
                                out.append(Mention(doc.sentences[k], o, o.label))
    return out


def _headline(doc: Doc) -> bool:
    return len(doc.sentences) > 1 and doc.sentences[0].paragraph == 0


def _negated(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$", text[max(0, pos - 20):pos]))


def _not_a_stance(text: str, m: re.Match) -> bool:
    """ "recognised as", "backed by"-passives and "support measures" read differently."""
    word = m.group().lower()
    after = text[m.end():m.end() + 30].lower()
    if word.startswith("recogni") and re.match(r"\s+(?:as|that)\b", after):
        return True
    if re.match(r"\s+by\b", after) and not word.startswith("abid"):
        return True            # passive: "backed by X" has X as the supporter; skipped for safety
    return False


def _subject(doc: Doc, k: int, pos: int) -> List[Ref]:
    text = doc.text(k)
    # "X's support for", "expressed China's support"
    poss = [s for s in doc.of(k, "country", "person", "org") if 0 < pos - s.end <= 14
            and re.fullmatch(r"(?:'s|’s)\s+(?:\w+\s+)?", text[s.end:pos])]
    if poss:
        return actors_of(doc, poss[-1])
    # "with President Aliyev expressing strong support": the -ing clause's actor
    withing = [s for s in doc.of(k, "person", "country") if s.end <= pos
               and re.fullmatch(r"\s+\w+ing\s+(?:\w+\s+){0,2}", text[s.end:pos])]
    if withing:
        return actors_of(doc, withing[-1])
    return subject_before(doc, k, pos)


_PREP = re.compile(r"\b(?:to|of|in|with|by|from|between|among|at|on|into|under|over|through)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# the order a stance names by its centre is a stance on that centre
_CENTRE = re.compile(r"\b(?:centered|centred|based|anchored|built)\s+on\s+(?:the\s+)?$|\bwith\s+(?:the\s+)?$|"
                     r"\b(?:progress|success|implementation|efforts?)\s+(?:in|of|on|to|for)\s+(?:the\s+)?$", re.I)


def _governed(text: str, pos: int, s: Span) -> bool:
    """Whether the verb governs the span: right after it, or in a list after it, not as the
    complement of another noun ("accession to the World Trade Organization")."""
    before = text[pos:s.start]
    if not _PREP.search(before) or re.fullmatch(r"\s*(?:for|to|with|by|on|in)?\s*(?:the\s+|a\s+)?", before):
        return True
    if _CENTRE.search(before) and (not before.rstrip().endswith("with the") or re.match(r"\s+at\s+its\s+core", text[s.end:])):
        return True
    return False


def _objects(doc: Doc, k: int, pos: int, pred: str) -> List[Ref]:
    text = doc.text(k)
    stop = _BOUNDARY.search(text, pos)
    end = stop.start() if stop else len(text)
    nxt = (SUPPORT if pred == "opposes" else OPPOSE).search(text, pos)
    if nxt and nxt.start() < end:
        end = nxt.start()
    out: List[Ref] = []
    for s in doc.of(k, *OBJECT_KINDS):
        if not pos <= s.start < end:
            continue
        between = text[pos:s.start]
        after = text[s.end:s.end + 40]
        if s.kind in ("country", "demonym"):
            if s.kind == "country" and (_STATE_THINGS.match(after) or re.fullmatch(r"\s*(?:for\s+|the\s+)?", between)):
                out += [s.ref]
            elif s.kind == "demonym" and re.match(r"\s+(?:government|side|leadership|authorities)\b", after):
                out += [s.country]
            continue
        if s.part and not text[s.end:s.end + 4].startswith("-led"):
            continue
        if s.kind == "group":
            continue
        # a name used as a modifier ("SCO activities", "trade rules") is not the object
        if re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:and|or|as|in|to|at|which|that|is|are|of|for|with|on|under)\b", after) \
                and not text[s.end:s.end + 4].startswith("-led"):
            continue
        # a support of a sector ("supports trade") says little; of a principle ("multilateralism") much
        if s.kind == "topic" and pred == "supports" and not s.ref.label.endswith("ism"):
            continue
        if not _governed(text, pos, s):
            continue
        out += s.refs
    if not out:
        coref = re.match(r"\s+(?:\w+\s+){0,3}?the\s+(organi[sz]ation|bloc|initiative|principle|alliance)\b", text[pos:end], re.I)
        if coref:
            kind = "org" if coref.group(1).lower() in ("organization", "organisation", "bloc", "alliance") else "initiative"
            prev = doc.last(k, pos, (kind,), window=4)
            if prev:
                out += prev.refs
    if not out and (pred == "opposes" or _ISSUE_VERB.search(text, 0, pos)):
        out += _issues(text, pos, end)
    # government organs stand for their state in a stance ("the Chinese government")
    for s in doc.of(k, "organ"):
        if pos <= s.start < end and s.country:
            out.append(s.country)
    return list(dict.fromkeys(out))


# What a stance is about when it names no known thing: an issue in plain words ("oppose
# protectionism and unilateral trade measures", "backed tougher sanctions against Russia").
# Support verbs whose object is mostly an issue, not an event or a gesture ("welcomed the visit").
_ISSUE_VERB = re.compile(r"(?:support|back|advocat|champion|uph[oe]ld)\w*$", re.I)
_WORD = re.compile(r"\s+([a-z][a-z\-]*[a-z])\b")
_TAIL = re.compile(r"\s+(in|against|on|over|of)\s+(?:the\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\b")
# words that end an issue's name: its tail starts, or another clause
_FUNCTION = frozenset("in against on over of between the a an ahead to for with at by from including which that "
                      "as and or but while who whose when where amid after before during within across into "
                      "under via is are was were be been will would should could".split())
_LEAD = re.compile(r"\s*(?:(?:for|to)\s+)?(?:(?:the|a|an|any|all|further|tougher|stronger|greater|more|"
                   r"immediate|unconditional|continued|full|firm|strong|and|,)\s+)*")
# heads that name a gesture, an event or a party rather than an issue
_NOT_ISSUES = frozenset(
    "visit visits trip effort efforts idea ideas proposal proposals move moves decision decisions "
    "statement statements call calls role position positions stance side sides development relations "
    "meeting meetings talks work plan plans initiative initiatives country countries people government "
    "governments leader leaders each other one it this that these those them their its his her our "
    "attempt attempts way ways steps step need needs view views remarks words".split())
_POSSESSIVES = frozenset("its their his her our my your this that these those each every both one".split())


def _issues(text: str, pos: int, end: int) -> List[Ref]:
    """The issues a stance verb governs, in a list ("X, Y and Z"), as Topics."""
    out: List[Ref] = []
    i = pos
    while i < end:
        at = _LEAD.match(text, i, end).end() - 1          # keep one space for _WORD
        core: List[str] = []
        while len(core) < 5:
            m = _WORD.match(text, at, end)
            if not m or m.group(1) in _FUNCTION:
                break
            core.append(m.group(1))
            at = m.end()
        if not core or core[0] in _POSSESSIVES or core[-1] in _NOT_ISSUES or len("".join(core)) < 5 \
                or core[-1].endswith(("ed", "ly")):
            break
        label = " ".join(core)
        tail = _TAIL.match(text, at, end)
        if tail:
            label += f" {tail.group(1)} {tail.group(2)}"
            at = tail.end()
        elif len(core) == 1 and not core[0].endswith("ism"):
            break       # one plain word ("actions", "unity") is too vague to be an issue; "-isms" are not
        out.append(Ref("Topic", label))
        more = re.match(r"(?:\s*,)?\s+(?:and|or)\b|\s*,(?=\s+[a-z])", text[at:end])
        if not more:
            break
        i = at + more.end()
    return out
