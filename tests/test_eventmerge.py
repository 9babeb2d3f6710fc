"""Reports of one meeting told by two articles of one state visit (issue 16: a dated and an
undated report of the same event are one node; different meetings stay different)."""
from __future__ import annotations

from kg.resolve.eventmerge import EventRecord, join_within_visits
from kg.findings import Ref

RUTO, XI, LI = Ref("Person", "William Ruto"), Ref("Person", "Xi Jinping"), Ref("Person", "Li Qiang")
BEIJING, SHANGHAI = Ref("Place", "Beijing"), Ref("Place", "Shanghai")


def record(kind, people, when=None, within=(), sources=(), places=()):
    ev = EventRecord(kind=kind, members=frozenset(p.label for p in people), date=when)
    ev.participants.update(people)
    ev.locations.update(places)
    ev.within_visit.update(within)
    for aid in sources:
        ev.prov.sources[aid].add(f"a sentence of {aid}")
    return ev


def visit():
    v = record("StateVisit", [RUTO], sources=("a1", "a2"))
    v.visitors.add(RUTO)
    return v


def key(ev):
    return f"{ev.kind}-{ev.when}-{'-'.join(sorted(ev.members))}"


def test_eventmerge_undated_report_joins_the_dated_meeting_of_the_same_visit():
    dated = record("Meeting", [RUTO, LI], "2025-04-23", within=("a1",), sources=("a1",), places=(BEIJING,))
    undated = record("Meeting", [RUTO, LI], within=("a2",), sources=("a2",))
    left = join_within_visits([visit(), dated, undated], {}, key)
    meetings = [e for e in left if e.kind == "Meeting"]
    assert len(meetings) == 1 and meetings[0].when == "2025-04-23"
    assert set(meetings[0].prov.sources) == {"a1", "a2"}


def test_eventmerge_meetings_placed_apart_or_of_other_people_stay_apart():
    dated = record("Meeting", [RUTO, LI], "2025-04-23", within=("a1",), sources=("a1",), places=(BEIJING,))
    elsewhere = record("Meeting", [RUTO, LI], within=("a2",), sources=("a2",), places=(SHANGHAI,))
    other = record("Meeting", [RUTO, XI], within=("a2",), sources=("a2",))
    left = join_within_visits([visit(), dated, elsewhere, other], {}, key)
    assert len([e for e in left if e.kind == "Meeting"]) == 3
