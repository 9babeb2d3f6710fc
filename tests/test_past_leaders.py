"""The past leaders' table (kg/data/people_past_leaders.tsv): what its generator keeps and leaves
out, and the links it gives a graph."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox

from kg.generate import gen_past_leaders
from kg.resolve.link import _past_leaders_path, links_for, load_people, sound_key
from kg.vocab import DKG

HISTORY = """iso3,country,role,person,person_qid,start,end,party,end_cause
IND,Índia,head_of_government,Jawaharlal Nehru,Q1047,1947-08-15T00:00:00Z,1964-05-27T00:00:00Z,INC,
GBR,Reino Unido,head_of_state,Isabel II do Reino Unido,Q9682,1952-02-06T00:00:00Z,2022-09-08T00:00:00Z,,
EGY,Egito,head_of_government,Ali Sabri,Q446851,1962-09-29T00:00:00Z,1965-10-01T00:00:00Z,,
CHN,China,head_of_state,Narendra Modi,Q1058,1949-10-01T00:00:00Z,1959-04-27T00:00:00Z,,
XXX,Nowhere,head_of_state,Some Person,Q123,1950-01-01T00:00:00Z,,,
TUR,Turquia,head_of_government,Adnan Menderes,Q181404,1950-05-22T00:00:00Z,1960-05-27T00:00:00Z,,
TUR,Turquia,head_of_state,Celâl Bayar,Q209464,1950-05-22T00:00:00Z,1960-05-27T00:00:00Z,,
IND,Índia,head_of_state,Neelam Sanjiva Reddy,Q336913,1977-07-25T00:00:00Z,1982-07-25T00:00:00Z,INC,
IND,Índia,minister,Other Office,Q99,1977-07-25T00:00:00Z,1982-07-25T00:00:00Z,,
USA,Estados Unidos,head_of_state,Ronald Reagan,Q131583299,,,,
USA,Estados Unidos,head_of_state,Ronald Reagan,Q9960,1981-01-20T00:00:00Z,1989-01-20T00:00:00Z,GOP,
GRC,Grécia,head_of_government,Andreas Papandreou,Q1001,1981-10-21T00:00:00Z,1989-07-02T00:00:00Z,,
GRC,Grécia,head_of_government,Andreas Papandreou,Q1002,1993-10-13T00:00:00Z,1996-01-22T00:00:00Z,,
"""


def generate():
    known_qids = {"Q1058"}                                   # in the other tables already
    known_keys = {sound_key("Ali Sabry", initials=True): {"Q98293656"}}
    alpha2 = {"IND": "IN", "GBR": "GB", "EGY": "EG", "CHN": "CN", "TUR": "TR", "USA": "US", "GRC": "GR"}
    return gen_past_leaders.rows_from(csv.DictReader(io.StringIO(HISTORY)), alpha2, known_qids, known_keys)


def test_gen_past_leaders_keeps_plain_names_of_lexicon_states_and_their_ascii_spelling():
    rows, _ = generate()
    assert [r[0] for r in rows] == ["Adnan Menderes", "Celâl Bayar", "Jawaharlal Nehru", "Neelam Sanjiva Reddy",
                                    "Ronald Reagan"]
    # a name two items share: the one with a dated term, when the other has none
    assert ("Ronald Reagan", "", "Q9960", "US") in rows
    assert ("Celâl Bayar", "Celal Bayar", "Q209464", "TR") in rows
    assert ("Jawaharlal Nehru", "", "Q1047", "IN") in rows
    # two given names: their initials as news writes them; one given name: none ("J. Nehru")
    assert ("Neelam Sanjiva Reddy", "N. S. Reddy|N.S. Reddy|N S Reddy", "Q336913", "IN") in rows


def test_gen_past_leaders_leaves_out_what_a_link_could_not_rest_on():
    _, left = generate()
    assert left["not a plain name"] == 1                     # a monarch under a Portuguese label
    assert left["in the other tables"] == 1                  # the newer tables name the person
    assert left["not a lexicon state"] == 1
    assert left["spelled as another item's name"] == 1       # a romanisation of a minister's name
    assert left["name two items share"] == 3                 # both dated items, and the undated one


def test_gen_past_leaders_output_is_sorted_and_names_its_source(tmp_path):
    rows, _ = generate()
    assert rows == sorted(rows, key=lambda r: (r[0], r[2]))
    text = gen_past_leaders.render(rows, "2e1e3b9")
    assert "cfmessias/geografia" in text.split("\nname\t")[0]
    path = tmp_path / "past.tsv"
    path.write_text(text, encoding="utf-8")
    people = load_people(path)
    assert people["Jawaharlal Nehru"].qid == "Q1047" and people["Celal Bayar"].qid == "Q209464"
    assert {i.source for i in people.values()} == {gen_past_leaders.SOURCE}


def test_the_committed_past_leaders_table_loads_and_links_a_leader_of_before_2000():
    people = load_people(_past_leaders_path())
    assert len({i.qid for i in people.values()}) > 2_000
    node = ox.NamedNode("https://example.org/id/nehru")
    triples = [ox.Triple(node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                         ox.NamedNode(str(DKG) + "Person")),
               ox.Triple(node, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                         ox.Literal("Jawaharlal Nehru", language="en"))]
    assert [t.object.value for t in links_for(triples)] == ["http://www.wikidata.org/entity/Q1047"]
    # a spelling that is today's minister's stays his: no 1960s prime minister takes it
    assert "Ali Sabri" not in people
