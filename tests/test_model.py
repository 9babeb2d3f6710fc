"""The graph model on hand-made findings: which meetings are part of which state visits."""
from __future__ import annotations

import datetime

from kg.articles import Article, Sentence
from kg.findings import EventFinding, Ref
from kg.model import GraphModel

PART_OF = "https://w3id.org/diplokg/ontology#partOf"
GUEST, HOST, MINISTER = Ref("Person", "Amara Kone"), Ref("Person", "Lena Holm"), Ref("Person", "Ivo Rask")
STATE = Ref("Country", "Sweden")


def _article(aid: str, date=None) -> Article:
    return Article(id=aid, path=f"{aid}.txt", source=f"{aid}.txt", title=f"Article {aid}", text="",
                   sentences=(), date=date, dateline_place=None, dateline_date=None, publisher=None,
                   encoding="utf-8", warnings=())


def _sentence(aid: str, n: int, text: str) -> Sentence:
    return Sentence(aid, n, text, 0, len(text), 1)


def _part_of(model: GraphModel) -> set:
    table = model.triples()
    label = {s: o for s, p, o in table.rows() if p.endswith("#label")}
    return {(label[s].split('"')[1], label[o[1:-1]].split('"')[1]) for s, p, o in table.rows() if p == PART_OF}


def _visit(aid, n, date=None):
    return EventFinding(_sentence(aid, n, f"visit {n}"), kind="StateVisit", visitors=(GUEST,), hosts=(STATE,),
                        date=date)


def test_an_undated_meeting_belongs_to_the_visit_in_the_news_not_the_ones_recalled():
    model = GraphModel()
    model.add_article(_article("a1"), [
        _visit("a1", 1),                                     # "began a state visit on Tuesday"
        _visit("a1", 2, "2014"), _visit("a1", 3, "2016"),    # "recalling his visits in 2014 and 2016"
        EventFinding(_sentence("a1", 4, "talks"), kind="Meeting", participants=(GUEST, HOST), within_visit=True),
    ])
    assert _part_of(model) == {("Meeting of Amara Kone and Lena Holm", "State visit of Amara Kone to Sweden")}


def test_a_dated_meeting_belongs_to_the_visit_of_its_date():
    model = GraphModel()
    model.add_article(_article("a2", datetime.date(2016, 5, 3)), [
        _visit("a2", 1, "2016-05-02"), _visit("a2", 2, "2014"),
        EventFinding(_sentence("a2", 3, "talks"), kind="Meeting", participants=(GUEST, HOST),
                     date="2016-05-03", within_visit=True),
        # a meeting without the visitor is not part of the visit
        EventFinding(_sentence("a2", 4, "other talks"), kind="Meeting", participants=(HOST, MINISTER),
                     date="2016-05-03", within_visit=True),
    ])
    assert _part_of(model) == {("Meeting of Amara Kone and Lena Holm, 2016-05-03",
                                "State visit of Amara Kone to Sweden, 2016-05-02")}


def test_a_visit_in_another_article_is_not_joined():
    model = GraphModel()
    model.add_article(_article("a3"), [_visit("a3", 1)])
    model.add_article(_article("a4"), [
        EventFinding(_sentence("a4", 1, "talks"), kind="Meeting", participants=(GUEST, HOST), within_visit=True)])
    assert _part_of(model) == set()


def _meeting(aid, n, date=None):
    return EventFinding(_sentence(aid, n, f"talks {n}"), kind="Meeting", participants=(GUEST, HOST), date=date)


def _meetings(model: GraphModel) -> list:
    return sorted((ev.when or "", sorted(ev.prov.sources)) for ev in model.merged_events())


def test_reports_of_one_meeting_merge_by_compatible_dates_and_nearness():
    model = GraphModel()
    model.add_article(_article("b1", datetime.date(2024, 3, 5)), [
        _meeting("b1", 1, "2024-03-04"), _meeting("b1", 2, "2024-03"), _meeting("b1", 3)])
    model.add_article(_article("b2", datetime.date(2024, 3, 10)), [_meeting("b2", 1)])     # 6 days later
    model.add_article(_article("b3", datetime.date(2019, 6, 1)), [_meeting("b3", 1, "2019")])
    model.add_article(_article("b4", datetime.date(2021, 1, 1)), [_meeting("b4", 1)])     # near nothing
    model.add_article(_article("b5"), [_meeting("b5", 1, "2024-04-20")])                   # weeks later
    assert _meetings(model) == [
        ("", ["b4"]),                               # undated and near no dated meeting: apart
        ("2019", ["b3"]),
        ("2024-03-04", ["b1", "b2"]),               # the month and the near undated reports join it
        ("2024-04-20", ["b5"]),
    ]


def test_an_undated_report_near_two_meetings_stays_apart():
    model = GraphModel()
    model.add_article(_article("c1", datetime.date(2024, 3, 5)), [_meeting("c1", 1, "2024-03-01")])
    model.add_article(_article("c2", datetime.date(2024, 3, 9)), [_meeting("c2", 1, "2024-03-12")])
    model.add_article(_article("c3", datetime.date(2024, 3, 7)), [_meeting("c3", 1)])
    assert _meetings(model) == [("", ["c3"]), ("2024-03-01", ["c1"]), ("2024-03-12", ["c2"])]


def test_a_state_visit_takes_place_in_the_host_country_and_the_city_named():
    model = GraphModel()
    model.add_article(_article("d1"), [EventFinding(_sentence("d1", 1, "visit"), kind="StateVisit", visitors=(GUEST,),
                                                    hosts=(STATE,), location=Ref("Place", "Stockholm"))])
    [visit] = model.merged_events()
    assert visit.locations == {STATE, Ref("Place", "Stockholm")}
