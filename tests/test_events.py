"""kg_events: state visits, meetings and conferences read off the parse.

Every rule of kg/data/patterns/events.jsonl is run on its own example sentence; the tables
below add what a user would notice: what did not or may not happen gives nothing, a planned
visit is kept, a foreign minister does not visit his own country, separate meetings stay
separate, a multi-day visit has its first and last days, a date stated for talks carries to the
sentence about them that follows, a place is where the text says (not the dateline), and a
summit is dated and attended through the meeting on its sidelines.
"""
from __future__ import annotations

import importlib
import json
import re

import pytest

from kg.read.articles import read_text
from kg.errors import DataError
from kg.extract.components.events import KEYS, rules
from kg.extract.docs import make_docs
from kg.extract.nlp import MODEL, build_pipeline
from kg.extract.patterns import load_rules, phrase_set
from kg.findings import EventFinding

#: the components kg_events reads, and itself
NAMES = ("kg_gazetteer", "kg_entities", "kg_mentions", "kg_positions", "kg_topics", "kg_modality",
         "kg_context", "kg_events")
HEADLINE = "A headline about other countries"


@pytest.fixture(scope="module")
def nlp():
    # a Language of its own: the process-wide pipeline() is left as it is
    return build_pipeline(importlib.import_module(MODEL).load(), NAMES)


def events(nlp, body: str, dateline: str = ""):
    """The EventFindings of an article made of a headline and ``body`` (after ``dateline``)."""
    out = []
    text = f"{HEADLINE}\n\n{dateline}{body}"
    for doc in make_docs(nlp, read_text(text)):
        out += [f for f in nlp(doc)._.findings if isinstance(f, EventFinding)]
    return out


def shown(f: EventFinding) -> dict:
    """What a user reads of an event: its kind, actors (labels), dates and place."""
    got = {"kind": f.kind}
    for key in ("participants", "visitors", "hosts"):
        if getattr(f, key):
            got[key] = sorted(r.label for r in getattr(f, key))
    for key in ("date", "start_date", "end_date", "name"):
        if getattr(f, key):
            got[key] = getattr(f, key)
    if f.location is not None:
        got["location"] = f.location.label
    if f.within_visit:
        got["within_visit"] = True
    return got


def matches(f: EventFinding, expect: dict) -> bool:
    got = shown(f)
    return all((sorted(v) if isinstance(v, list) else v) == got.get(k) for k, v in expect.items())


EXAMPLES = [(r["id"], r["example"], r["expect"]) for r in load_rules("events", KEYS)]


@pytest.mark.parametrize("rule,example,expect", EXAMPLES, ids=[i for i, _, _ in EXAMPLES])
def test_events_rule_examples(nlp, rule, example, expect):
    found = events(nlp, example)
    assert any(matches(f, expect) for f in found), [shown(f) for f in found]


DATELINE = "LIMA, Nov. 15, 2024 (Xinhua) -- "


@pytest.mark.parametrize("body,expect", [
    # what did not or may not happen is left out
    ("Kenyan President William Ruto did not meet Ugandan President Yoweri Museveni in Kampala.", []),
    ("Brazilian President Luiz Inacio Lula da Silva may attend the G20 summit in Johannesburg.", []),
    ("Chilean President Gabriel Boric cancelled his visit to Peru.", []),
    # what is planned stays, with its date read forwards
    ("Chilean President Gabriel Boric will visit Peru on Tuesday.",
     [{"kind": "StateVisit", "visitors": ["Gabriel Boric"], "hosts": ["Peru"], "start_date": "2024-11-19",
       "location": "Peru"}]),
    # a minister does not visit his own country
    ("Peruvian Foreign Minister Elmer Schialer arrived in Lima on Thursday.", []),
    # the two days of a two-day visit
    ("Chilean President Gabriel Boric arrived in Lima on Thursday for a two-day official visit.",
     [{"kind": "StateVisit", "visitors": ["Gabriel Boric"], "hosts": ["Peru"], "start_date": "2024-11-14",
       "end_date": "2024-11-15", "location": "Lima"}]),
    # a range gives the first and last days
    ("Chilean President Gabriel Boric is on a state visit to Peru from Nov. 14 to 16.",
     [{"kind": "StateVisit", "visitors": ["Gabriel Boric"], "hosts": ["Peru"], "start_date": "2024-11-14",
       "end_date": "2024-11-16", "location": "Peru"}]),
    # separate meetings stay separate
    ("Peruvian President Dina Boluarte held separate meetings with Chilean President Gabriel Boric and "
     "Mexican President Claudia Sheinbaum.",
     [{"kind": "Meeting", "participants": ["Dina Boluarte", "Gabriel Boric"]},
      {"kind": "Meeting", "participants": ["Claudia Sheinbaum", "Dina Boluarte"]}]),
    # a call on each of two people is two calls; the people met, without who met them, no meeting
    ("Japanese Foreign Minister Takeshi Iwaya will pay courtesy calls on Peruvian President Dina Boluarte and "
     "Chilean President Gabriel Boric.",
     [{"kind": "Meeting", "participants": ["Dina Boluarte", "Takeshi Iwaya"]},
      {"kind": "Meeting", "participants": ["Gabriel Boric", "Takeshi Iwaya"]}]),
    ("The programme included meetings with Chilean President Gabriel Boric and Mexican President Claudia Sheinbaum.",
     []),
    # a ship is no visitor
    ("The Chinese research ship Xiang Yang Hong 3 arrived in Callao on Thursday.", []),
    # "numerous forums" are no one event
    ("Peruvian President Dina Boluarte has spoken at numerous international forums.", []),
    # a place is where the text says, not the dateline
    ("Ghanaian President John Mahama met Kenyan President William Ruto in Addis Ababa on Thursday.",
     [{"kind": "Meeting", "participants": ["John Mahama", "William Ruto"], "location": "Addis Ababa",
       "date": "2024-11-14"}]),
    # a state's delegation stands for the state
    ("A Chinese delegation visited Peru in October 2024.",
     [{"kind": "StateVisit", "visitors": ["China"], "hosts": ["Peru"], "start_date": "2024-10", "location": "Peru"}]),
])
def test_events_what_the_text_asserts(nlp, body, expect):
    found = events(nlp, body, DATELINE)
    assert sorted(map(_key, map(shown, found))) == sorted(map(_key, expect)), [shown(f) for f in found]


def _key(d: dict) -> str:
    return repr(sorted(d.items()))


def test_events_summit_dated_and_attended_through_a_meeting_on_its_sidelines(nlp):
    found = events(nlp, "Peruvian President Dina Boluarte met Chilean President Gabriel Boric on the sidelines "
                        "of the APEC summit in Lima on Thursday.", DATELINE)
    assert any(matches(f, {"kind": "Meeting", "participants": ["Dina Boluarte", "Gabriel Boric"],
                           "date": "2024-11-14", "location": "Lima"}) for f in found), [shown(f) for f in found]
    assert any(matches(f, {"kind": "Conference", "participants": ["Dina Boluarte", "Gabriel Boric"],
                           "date": "2024-11", "location": "Lima"}) for f in found), [shown(f) for f in found]


def test_events_date_and_place_carry_to_the_talks_told_again(nlp):
    found = events(nlp, "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in "
                        "Kampala on Monday. During the talks, the two leaders signed an agreement on trade. "
                        "The talks also covered security.", "KAMPALA, May 7, 2025 (Xinhua) -- ")
    meetings = [shown(f) for f in found if f.kind == "Meeting"]
    assert meetings and all(m["participants"] == ["William Ruto", "Yoweri Museveni"] and m.get("date") == "2025-05-05"
                            for m in meetings), meetings
    assert len({f.sentence.index for f in found if f.kind == "Meeting"}) >= 2


def test_events_meetings_during_a_visit(nlp):
    found = events(nlp, "Chilean President Gabriel Boric arrived in Lima on Thursday for a state visit. "
                        "He met Peruvian President Dina Boluarte on Friday. Boric also met Peruvian Prime "
                        "Minister Gustavo Adrianzen.", DATELINE)
    meetings = sorted((sorted(r.label for r in f.participants), f.within_visit) for f in found if f.kind == "Meeting")
    assert meetings == [(["Dina Boluarte", "Gabriel Boric"], True), (["Gabriel Boric", "Gustavo Adrianzen"], True)]


def test_events_every_finding_keeps_its_sentence(nlp):
    body = "Kenyan President William Ruto visited Ghana in March 2024. He met Ghanaian President John Mahama in Accra."
    for f in events(nlp, body):
        assert f.sentence.text in f"{HEADLINE}\n\n{body}" and f.sentence.index >= 1


def test_events_bare_text_without_an_article(nlp):
    doc = nlp("Kenyan President William Ruto met Ghanaian President John Mahama in Accra on March 4, 2024.")
    found = [f for f in doc._.findings if isinstance(f, EventFinding)]
    assert [shown(f)["participants"] for f in found if f.kind == "Meeting"] == [["John Mahama", "William Ruto"]]


@pytest.mark.parametrize("line,reason", [
    ({"id": "x", "example": "e", "kind": "Meeting", "pos": ["VERB"], "lemmas": ["meet"], "colour": "red"},
     "unknown key(s) colour"),
    ({"id": "x", "example": "e", "kind": "Party", "pos": ["VERB"], "lemmas": ["meet"]}, "unknown kind 'Party'"),
    ({"id": "x", "example": "e", "kind": "Meeting", "pos": ["VERB"], "lemmas": ["meet"], "participant": ["elbow"]},
     "unknown or missing elbow"),
])
def test_events_rules_checked_when_loaded(tmp_path, line, reason):
    (tmp_path / "events.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(reason)):
        rules("events", tmp_path)


@pytest.mark.parametrize("prefix", sorted(phrase_set("ship_prefixes")))
def test_events_a_ship_named_with_a_navys_prefix_pays_no_visit(nlp, prefix):
    # every row of ship_prefixes.tsv
    got = events(nlp, f"The navy's frigate, {prefix} Sagara, arrived in Colombo on Sunday for a three-day visit.",
                 "COLOMBO, Nov. 13, 2024 -- ")
    assert not any(f.kind == "StateVisit" for f in got), [shown(f) for f in got]
