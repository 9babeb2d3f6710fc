"""kg.resolve.link: owl:sameAs links to Wikidata from the curated table kg/data/wikidata.tsv."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import DataError
from kg.lexicon import DATA_DIR, get_lexicon
from kg.resolve.link import (SAME_AS, TYPES, WIKIDATA, coverage, links_for, links_for_entities, load_wikidata, report)
from kg.vocab import DKG

TABLE_PATH = DATA_DIR / "wikidata.tsv"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
BASE = "https://example.org/id/"


@pytest.fixture(scope="module")
def table():
    return load_wikidata()


def qid(table, kind: str, label: str) -> str:
    return table[kind, label].qid


def resource(slug: str, kind: str, label: str, lang="en", alt=()):
    node = ox.NamedNode(BASE + slug)
    out = [ox.Triple(node, RDF_TYPE, ox.NamedNode(str(DKG) + kind)),
           ox.Triple(node, LABEL, ox.Literal(label, language=lang) if lang else ox.Literal(label))]
    out += [ox.Triple(node, ALT, ox.Literal(a, language="en")) for a in alt]
    return out


# --------------------------------------------------------------------------------------------
# the table

def test_table_loads_and_every_row_is_valid(table):
    assert set(k for k, _ in table) == set(TYPES)
    for (kind, label), item in table.items():
        assert item.type == kind and item.label == label
        assert re.fullmatch(r"Q[1-9][0-9]*", item.qid), item
        assert item.source, item
        assert item.iri == WIKIDATA + item.qid
    # The default table is read once and handed out as a copy.
    assert load_wikidata() == table and load_wikidata() is not table


def test_every_country_row_is_a_lexicon_country_and_most_states_have_one(table):
    lex = get_lexicon()
    names = {c.name for c in lex.countries.values()} | {name for name, _, _ in lex.former}
    rows = [label for kind, label in table if kind == "Country"]
    assert set(rows) <= names, set(rows) - names
    assert len(rows) >= 150
    # One item per state, and no item for two states.
    qids = Counter(qid(table, "Country", r) for r in rows)
    assert qids.most_common(1)[0][1] == 1


def test_every_institution_row_is_an_international_organisation_of_the_lexicon():
    # The curated table alone: load_wikidata() adds the generated organisations (parties, banks).
    labels = {o.label for o in get_lexicon().organisations if o.kind == "international"}
    curated = load_wikidata(TABLE_PATH)
    rows = [label for kind, label in curated if kind == "Institution"]
    assert set(rows) <= labels, set(rows) - labels
    assert len(rows) >= 50
    assert Counter(qid(curated, "Institution", r) for r in rows).most_common(1)[0][1] == 1


def test_known_identifiers(table):
    # Spot checks against the sources named in the table.
    assert qid(table, "Country", "China") == "Q148"
    assert qid(table, "Country", "Azerbaijan") == "Q227"
    assert qid(table, "Country", "Holy See") == "Q159583"
    assert qid(table, "Institution", "United Nations") == "Q1065"
    assert qid(table, "Institution", "European Union") == "Q458"
    assert qid(table, "Institution", "Shanghai Cooperation Organization") == "Q485207"
    assert qid(table, "Person", "Xi Jinping") == "Q15031"
    assert qid(table, "Person", "Ilham Aliyev") == "Q57371"
    # A spelling without diacritics names the same person.
    assert qid(table, "Person", "Recep Tayyip Erdogan") == qid(table, "Person", "Recep Tayyip Erdoğan")
    assert qid(table, "Person", "Luiz Inacio Lula da Silva") == qid(table, "Person",
                                                                    "Luiz Inácio Lula da Silva")
    # Sources disagree on these, so they are left out rather than guessed.
    for kind, label in [("Country", "Denmark"), ("Country", "Netherlands"),
                        ("Institution", "Office of the United Nations High Commissioner for Refugees")]:
        assert (kind, label) not in table


def test_every_row_names_a_source_the_header_explains():
    # The curated table's rows; the rows the other tables add name theirs (test_people_wikidata).
    table = load_wikidata(TABLE_PATH)
    header = "\n".join(l for l in TABLE_PATH.read_text(encoding="utf-8").splitlines() if l.startswith("#"))
    tags = {"country-coder", "nsi-flags", "nsi", "supraverden", "peppercat", "congress-legislators"}
    for tag in tags:
        assert tag in header
    for item in table.values():
        first = re.split(r"[ ;]", item.source)[0]
        assert first in tags, item


def _copy_with(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "wikidata.tsv"
    path.write_text(TABLE_PATH.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize("row, reason", [
    ("Country\tRuritania\tP123\tmade up", "not a Wikidata QID"),
    ("Country\tRuritania\tQ0123\tmade up", "not a Wikidata QID"),
    ("Place\tRuritania\tQ123\tmade up", "type 'Place'"),
    ("Country\tChina\tQ999\tmade up", "already on line"),
    ("Country\tRuritania\tQ123", "tab-separated fields"),
    ("Country\tRuritania\tQ123\t", "empty source"),
])
def test_a_malformed_row_names_file_and_line(tmp_path, row, reason):
    path = _copy_with(tmp_path, row + "\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError) as err:
        load_wikidata(path)
    assert err.value.path == str(path)
    assert f"line {line}:" in err.value.reason and reason in err.value.reason
    assert str(path) in str(err.value)


def test_a_wrong_header_or_missing_file_is_a_data_error(tmp_path):
    path = tmp_path / "wikidata.tsv"
    path.write_text("type\tlabel\tqid\nCountry\tChina\tQ148\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 1: header"):
        load_wikidata(path)
    with pytest.raises(DataError, match="missing"):
        load_wikidata(tmp_path / "absent.tsv")


# --------------------------------------------------------------------------------------------
# links

def test_links_for_hand_made_triples(table):
    triples = (resource("china", "Country", "China")
               + resource("somebody", "Person", "Nobody Inparticular")
               + resource("china-place", "Place", "China")
               + resource("un", "Institution", "United Nations")
               + resource("xi", "Person", "Xi Jinping", lang=None))
    links = links_for(triples)
    assert links == sorted(links, key=lambda t: (t.subject.value, t.object.value))
    assert {(t.subject.value, t.predicate, t.object.value) for t in links} == {
        (BASE + "china", SAME_AS, WIKIDATA + qid(table, "Country", "China")),
        (BASE + "un", SAME_AS, WIKIDATA + qid(table, "Institution", "United Nations")),
        (BASE + "xi", SAME_AS, WIKIDATA + qid(table, "Person", "Xi Jinping")),
    }


def test_only_exact_labels_of_the_right_type_link(table):
    triples = (resource("aliyev", "Person", "Aliyev", alt=["Ilham Aliyev"])  # altLabel only
               + resource("china-lower", "Country", "china")                  # case differs
               + resource("china-person", "Person", "China")                  # type differs
               + resource("china-fr", "Country", "China", lang="fr")          # not English
               + resource("un-country", "Country", "United Nations"))
    assert links_for(triples) == []


def test_links_use_the_table_given():
    from kg.resolve.link import WikidataItem
    mine = {("Country", "Ruritania"): WikidataItem("Country", "Ruritania", "Q42", "test")}
    triples = resource("r", "Country", "Ruritania") + resource("china", "Country", "China")
    assert [(t.subject.value, t.object.value) for t in links_for(triples, mine)] == [
        (BASE + "r", WIKIDATA + "Q42")]
    assert coverage(triples, mine)["Country"] == {"resources": 2, "linked": 1,
                                                  "unlinked": ["China"], "table": 1}


def test_coverage_and_report_count_right():
    triples = (resource("china", "Country", "China") + resource("ruritania", "Country", "Ruritania")
               + resource("un", "Institution", "United Nations")
               + resource("xi", "Person", "Xi Jinping") + resource("nobody", "Person", "Zed Alpha")
               + resource("beijing", "Place", "Beijing"))
    cov = coverage(triples)
    assert list(cov) == list(TYPES)
    assert {k: (v["resources"], v["linked"], v["unlinked"]) for k, v in cov.items()} == {
        "Country": (2, 1, ["Ruritania"]), "Institution": (1, 1, []), "Person": (2, 1, ["Zed Alpha"]),
        "Position": (0, 0, [])}
    table = load_wikidata()
    assert cov["Country"]["table"] == sum(1 for k, _ in table if k == "Country")
    text = report(cov)
    lines = text.splitlines()
    assert lines[1].startswith("Country: 1 of 2 linked (50%)")
    assert lines[2].startswith("Institution: 1 of 1 linked (100%)")
    assert lines[3].startswith("Person: 1 of 2 linked (50%)")
    assert lines[4].startswith("Position: 0 of 0 linked (-)")
    assert lines[5] == "All: 3 of 5 linked (60%)"
    assert "Not linked:" in lines
    assert "Country (1): Ruritania" in lines and "Person (1): Zed Alpha" in lines
    assert "Institution (" not in text


def test_report_of_an_empty_graph():
    text = report(coverage([]))
    assert "Country: 0 of 0 linked (-)" in text
    assert "Not linked" not in text


def test_the_seeds_link_their_best_known_actors(seeds_build, table):
    _, result = seeds_build
    links = {(t.subject.value, t.object.value) for t in links_for(result.triples)}
    labels = {t.subject.value: t.object.value for t in result.triples if t.predicate == LABEL}
    linked = {labels[s]: o for s, o in links}
    for kind, label in [("Country", "China"), ("Country", "Azerbaijan"),
                        ("Institution", "United Nations"),
                        ("Institution", "Shanghai Cooperation Organization"),
                        ("Person", "Xi Jinping"), ("Person", "Ilham Aliyev")]:
        assert linked.get(label) == WIKIDATA + qid(table, kind, label), label
    # Every link is one the table allows, and each linked resource has exactly one.
    assert len(links) == len({s for s, _ in links})
    cov = coverage(result.triples)
    assert sum(v["linked"] for v in cov.values()) == len(links)
    assert cov["Country"]["linked"] == cov["Country"]["resources"]


def test_a_build_links_from_its_model_what_links_for_finds_in_its_triples(seeds_build):
    # a build links from the model's entities (no pass over the triples); both must agree
    _, result = seeds_build
    from_triples = links_for(result.triples)
    assert from_triples and all(t in result.triples for t in from_triples)
    model = result.model
    assert links_for_entities((model.iri(r), r.type, r.label) for r in model.labels) == from_triples
    same_as = [t for t in result.triples if t.predicate == SAME_AS]
    assert same_as == from_triples


def _people_table():
    from kg.resolve.link import WikidataItem
    rows = [("Julie J. Chung", "Q1", "US"), ("Levan Dzhagaryan", "Q2", "RU"), ("Ali Amir-Rahimi", "Q3", "IR"),
            ("George W. Bush", "Q4", "US"), ("George H. W. Bush", "Q5", "US"), ("Kanchana Wijesekara", "Q6", "LK"),
            ("Omar Sabry", "Q7", "EG"), ("Omar Sabri", "Q8", "EG"), ("R. Omar Perera", "Q9", "LK"),
            ("C. R. De Silva", "Q10", "LK"), ("J. R. Jayawardene", "Q11", "LK")]
    return {("Person", name): WikidataItem("Person", name, qid, "test", country) for name, qid, country in rows}


@pytest.mark.parametrize("label, states, qid", [
    ("Julie Chung", {"US"}, "Q1"),               # the table's middle initial left out
    ("Levan S. Dzhagaryan", {"RU"}, "Q2"),       # a middle initial the table lacks
    ("Ali Amir Rahimi", {"IR"}, "Q3"),           # a hyphen written as a space
    ("Julie Chung", {"LK"}, None),               # an office of another state: no evidence
    ("Julie Chung", set(), None),                # no office in the graph
    ("George Bush", {"US"}, None),               # two items share the key
    ("Julie Chungs", {"US"}, None),              # another spelling is no near match
    ("Kanchana Wijesekera", {"LK"}, "Q6"),       # another romanisation of the same name
    ("K. Kanchana Wijesekera", {"LK"}, "Q6"),    # ... with an initial before it
    ("Kanchana Wijesekera", {"IN"}, None),       # ... but no office of the row's state
    ("Omar Sabrie", {"EG"}, None),               # two items romanised alike: neither
])
def test_a_near_spelling_links_only_with_an_office_of_the_rows_state(label, states, qid):
    iri = "https://example.org/p"
    links = links_for_entities([(iri, "Person", label)], _people_table(), offices={iri: states})
    assert [t.object.value for t in links] == ([WIKIDATA + qid] if qid else [])


@pytest.mark.parametrize("label, named, qid", [
    ("Kanchana Wijesekera", {"LK"}, "Q6"),       # a romanisation, in an article naming the row's state
    ("K. Kanchana Wijesekera", {"LK"}, "Q6"),    # ... with an initial the row lacks
    ("Kanchana Wijesekera", {"IN"}, None),       # ... in articles naming other states only
    ("Julie Chung", {"US"}, None),               # a dropped middle initial needs an office
    ("Omar Perera", {"LK"}, None),               # the row's own initial is part of its key
    ("De Silva", {"LK"}, None),                  # a surname alone names no one
    ("JR Jayewardene", {"LK"}, "Q11"),           # initials closed up, the surname romanised otherwise
    ("Jayewardene", {"LK"}, None),               # ... but never the surname alone
])
def test_a_romanised_spelling_links_on_the_states_its_articles_name(label, named, qid):
    iri = "https://example.org/p"
    links = links_for_entities([(iri, "Person", label)], _people_table(), named={iri: named})
    assert [t.object.value for t in links] == ([WIKIDATA + qid] if qid else [])


@pytest.mark.parametrize("label, named, qid", [
    ("Muammar Gaddafi", {"LY"}, "Q21"),                    # the Arabic article left out
    ("Anwar Sadat", {"EG"}, "Q22"),                        # ... written apart from the surname
    ("Faisal bin Farhan", {"SA"}, "Q23"),                  # the ruling family's name after "bin"
    ("Chandrika Bandaranaike Kumaratunga", {"LK"}, "Q24"), # a middle name the row lacks
    ("Chandrika Bandaranaike Kumaratunga", {"IN"}, None),  # ... in articles naming other states only
    ("Kim Yong Un", {"KP"}, None),                         # a row's middle name is never dropped
    ("Faisal Farhan", {"SA"}, None),                       # nor a patronymic
    ("Chen Xiang Yuan", {"CN"}, None),                     # a given name written as syllables
])
def test_a_shortened_name_links_on_the_states_its_articles_name(label, named, qid):
    from kg.resolve.link import WikidataItem
    rows = [("Muammar al-Gaddafi", "Q21", "LY"), ("Anwar Al Sadat", "Q22", "EG"),
            ("Faisal bin Farhan Al Saud", "Q23", "SA"), ("Chandrika Kumaratunga", "Q24", "LK"),
            ("Kim Jong Un", "Q25", "KP"), ("Chen Yuan", "Q26", "CN")]
    table = {("Person", name): WikidataItem("Person", name, q, "test", c) for name, q, c in rows}
    iri = "https://example.org/p"
    links = links_for_entities([(iri, "Person", label)], table, named={iri: named})
    assert [t.object.value for t in links] == ([WIKIDATA + qid] if qid else [])


def test_a_near_spelling_never_links_without_offices_or_another_type():
    table = _people_table()
    assert links_for_entities([("https://example.org/p", "Person", "Julie Chung")], table) == []
    assert links_for_entities([("https://example.org/p", "Institution", "Julie Chung")], table,
                              offices={"https://example.org/p": {"US"}}) == []


def test_link_types_are_terms_of_the_closed_vocabulary_and_its_examples_hold():
    import doctest

    import kg.resolve.link
    from kg.vocab import DKG
    assert all(str(DKG[t]).endswith("#" + t) for t in TYPES)
    source = Path(kg.resolve.link.__file__).read_text(encoding="utf-8")
    assert "DKG_NS" not in source and "str(DKG)" not in source
    assert doctest.testmod(kg.resolve.link).failed == 0


def test_link_a_former_state_gets_its_wikidata_item():
    from kg.resolve.link import links_for_entities
    got = links_for_entities([("https://example.org/soviet-union", "Country", "Soviet Union")])
    assert [str(t.object.value) for t in got] == ["http://www.wikidata.org/entity/Q15180"]


@pytest.mark.parametrize("states_named, linked", [
    ("Sri Lanka and India", True),      # the row's state is named where the person is
    ("Japan and India", False),         # no evidence: the spelling alone links no one
])
def test_a_romanised_spelling_links_where_an_article_names_the_rows_state(tmp_path, states_named, linked):
    from kg.api import build
    # the people table spells the minister "Kanchana Wijesekera"; news writes "Wijesekara" too
    assert ("Person", "Kanchana Wijesekera") in load_wikidata()
    (tmp_path / "a.txt").write_text("Energy talks\n\nCOLOMBO, June 4, 2024 -- Officials of "
                                    f"{states_named} met on Tuesday. Kanchana Wijesekara attended the talks.\n")
    build([tmp_path / "a.txt"], tmp_path / "out", formats=("ttl",))
    ttl = (tmp_path / "out" / "graph.ttl").read_text()
    assert ("wikidata.org/entity/Q20987515" in ttl) == linked
