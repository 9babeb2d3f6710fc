"""kg/data/people_wikidata.tsv: its generator (kg/generate/gen_people.py), its loader and the links
it gives (kg.resolve.link), issue #14: Wikidata ids for the people news names."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import DataError
from kg.lexicon import DATA_DIR
from kg.generate import gen_people
from kg.vocab import DKG

FIXTURES = Path(__file__).parent / "fixtures" / "people"
TABLE = DATA_DIR / "people_wikidata.tsv"
HEADER = "name\taliases\tqid\tcountry\tsource\n"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


def generate(out: Path) -> dict:
    gen_people.main(["--ep", str(FIXTURES / "ep"), "--repos", str(FIXTURES / "repos.csv"),
                     "--historic", str(FIXTURES / "pc" / "hist"),
                     "--snapshot", f"{FIXTURES / 'pc' / 'snap'}@2025-01-31", "-o", str(out)])
    rows = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line + "\n" == HEADER:
            continue
        name, aliases, qid, country, source = line.split("\t")
        rows[qid] = (name, aliases.split("|") if aliases else [], country, source)
    return rows


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("people") / "people_wikidata.tsv"


@pytest.fixture(scope="module")
def rows(generated) -> dict:
    return generate(generated)


# --------------------------------------------------------------------------------------------
# the generator

def test_gen_people_one_row_per_person_named_by_the_newest_source(rows):
    # The snapshot's label wins; the official list's spelling is an alias. The older label
    # "Aminath Shareef" is not: English Wikipedia disambiguates it ("Aminath Shareef (politician)").
    assert rows["Q900001"] == ("Aminath Shareef Didi", ["Aminath Shareef Ahmed"], "MV", "peppercat-snapshot")
    # An English Wikipedia title without a disambiguator is an alias.
    assert rows["Q900013"] == ("Ibrahim Ameer", ["Ibrahim Ameer Abdulla"], "MV", "peppercat-historic")
    assert rows["Q900014"] == ("Mohamed Sa'eed", [], "MV", "peppercat-snapshot")
    assert rows["Q900002"] == ("Ibrahim Naseer", [], "MV", "ep-executive")


def test_gen_people_keeps_national_legislators_of_the_states_in_scope(rows):
    assert rows["Q900008"] == ("Ahmed Nazim", [], "MV", "ep-legislature")
    assert rows["Q900009"][0] == "Aishath Leeza"        # a term that ran into 2004
    # A city councillor is no national legislator, and an official list does not bring him back;
    # an assembly of no state has no legislators kept.
    assert "Q900010" not in rows and "Q900012" not in rows


def test_gen_people_keeps_relatives_the_tables_name_in_the_states_in_scope(rows):
    assert rows["Q900015"] == ("Mohamed Nazim Ibrahim", [], "MV", "ep-family")
    assert "Q900016" not in rows        # a name of one word


@pytest.mark.parametrize("name, forms", [
    ("M. A. Sumanthiran", ("M.A. Sumanthiran", "M A Sumanthiran")),
    ("S. Jaishankar", ("S Jaishankar",)),
    ("S. W. R. D. Bandaranaike", ("S.W.R.D. Bandaranaike", "S W R D Bandaranaike")),
    ("Ali Sabry", ()),
])
def test_gen_people_initials_as_news_writes_them(name, forms):
    assert gen_people.initials_forms(name) == forms


def test_gen_people_international_posts_have_no_country_and_an_ascii_alias(rows):
    assert rows["Q900011"] == ("Zofia Kowalczyk-Żak", ["Zofia Kowalczyk-Zak"], "", "peppercat-historic")


@pytest.mark.parametrize("qid, why", [
    ("Q900003", "a term that ended before 2000"),
    ("Q900004", "a name another item has (Mohamed Rasheed)"),
    ("Q900007", "a name another item has (Mohamed Rasheed)"),
    ("Q900005", "a name of one word"),
    ("Q900006", "no English label (the QID stands for it)"),
])
def test_gen_people_leaves_out(rows, qid, why):
    assert qid not in rows, why


def test_gen_people_output_is_sorted_and_stable(generated, rows, tmp_path):
    again = tmp_path / "again.tsv"
    generate(again)
    assert again.read_bytes() == generated.read_bytes()
    names = [r[0] for r in rows.values()]
    assert names == sorted(names)


# --------------------------------------------------------------------------------------------
# the loader

def test_load_people_reads_every_spelling(generated):
    from kg.resolve.link import load_people
    people = load_people(generated)
    assert people["Aminath Shareef Didi"].qid == people["Aminath Shareef Ahmed"].qid == "Q900001"
    assert people["Aminath Shareef Ahmed"].label == "Aminath Shareef Ahmed"
    assert people["Aminath Shareef Ahmed"].source == "peppercat-snapshot"
    assert "Mohamed Rasheed" not in people and "Aminath Shareef" not in people


@pytest.mark.parametrize("row, reason", [
    ("Ruri Tanian\t\tP123\tMV\tep-executive", "not a Wikidata QID"),
    ("Ruri Tanian\t\tQ0123\tMV\tep-executive", "not a Wikidata QID"),
    ("Ruri Tanian\t\tQ123\tMaldives\tep-executive", "not an ISO 3166 alpha-2 code"),
    ("Ruri Tanian\t\tQ900001\tMV\tep-executive", "Q900001 already on line"),
    ("Ahmed Nazim\t\tQ123\tMV\tep-executive", "'Ahmed Nazim' is Q900008 on line"),
    ("Ruri Tanian\tAminath Shareef Ahmed\tQ123\tMV\tep-executive", "'Aminath Shareef Ahmed' is Q900001 on line"),
    ("Ruri Tanian\t\tQ123\tMV", "tab-separated fields"),
    ("\t\tQ123\tMV\tep-executive", "empty name"),
])
def test_load_people_a_bad_row_names_file_and_line(generated, tmp_path, row, reason):
    from kg.resolve.link import load_people
    path = tmp_path / "people.tsv"
    path.write_text(generated.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError) as err:
        load_people(path)
    assert str(path) in str(err.value) and f"line {line}:" in str(err.value)
    assert reason in str(err.value)


def test_the_committed_table_loads_and_each_row_names_its_source():
    from kg.resolve.link import load_people
    people = load_people()
    assert len({i.qid for i in people.values()}) > 10_000
    assert {i.source for i in people.values()} <= set(gen_people.SOURCES)
    header = "\n".join(l for l in TABLE.read_text(encoding="utf-8").splitlines() if l.startswith("#"))
    assert all(tag in header for tag in gen_people.SOURCES)
    assert all(len(name.split()) >= 2 for name in people)


# --------------------------------------------------------------------------------------------
# the links

def person(slug: str, label: str):
    node = ox.NamedNode("https://example.org/id/" + slug)
    return [ox.Triple(node, RDF_TYPE, ox.NamedNode(str(DKG) + "Person")),
            ox.Triple(node, LABEL, ox.Literal(label, language="en"))]


@pytest.fixture
def fixture_table(generated, monkeypatch):
    """kg.resolve.link with the fixture's people table in place of the committed one."""
    import kg.resolve.link as link
    monkeypatch.setattr(link, "_people_path", lambda: generated)
    link._cached_table.cache_clear()
    yield link
    link._cached_table.cache_clear()


def test_link_people_of_the_table_by_name_and_alias_issue14(fixture_table):
    triples = (person("didi", "Aminath Shareef Didi") + person("ahmed", "Aminath Shareef Ahmed")
               + person("shareef", "Aminath Shareef") + person("rasheed", "Mohamed Rasheed")
               + person("shifa", "Shifa"))
    links = {(t.subject.value.rsplit("/", 1)[1], t.object.value) for t in fixture_table.links_for(triples)}
    # Two qids share "Mohamed Rasheed", and a name Wikipedia disambiguates may be someone else's,
    # so neither is linked; a single name is not in the table.
    assert links == {("didi", "http://www.wikidata.org/entity/Q900001"),
                     ("ahmed", "http://www.wikidata.org/entity/Q900001")}


def test_link_keeps_the_other_tables_people(fixture_table):
    # The office-holders' people are still linked with the people table merged in.
    triples = person("xi", "Xi Jinping")
    assert [t.object.value for t in fixture_table.links_for(triples)] == ["http://www.wikidata.org/entity/Q15031"]


def test_link_committed_table_links_a_minister_named_in_the_news():
    from kg.resolve.link import links_for, load_wikidata
    table = load_wikidata()
    item = table["Person", "Sajith Premadasa"]
    assert re.fullmatch(r"Q[1-9]\d*", item.qid)
    assert [t.object.value for t in links_for(person("sp", "Sajith Premadasa"))] == [item.iri]
