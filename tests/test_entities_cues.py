"""Entities known by the words around them: outlets ("told X", "the X newspaper"), divisions
listed under one plural noun, projects named "of" a place; people's names without the courtesy
titles, possessives and dashes the text sets beside them; roles in the text's own order.

Every row of ``outlet_cues.tsv`` and ``division_nouns.tsv`` is tried on an invented sentence.
"""
from __future__ import annotations

import pytest

from kg.extract.patterns import load_phrases
from kg.extract.run import extract_article
from kg.findings import Fact, Mention
from kg.lexicon import role_as_written
from kg.read.articles import read_text

HEAD = "Talks in the capital\n\nNAIROBI, June 4, 2024 -- "


def findings(text: str):
    return extract_article(read_text(HEAD + text, source="t.txt"))


def mentions(text: str) -> set:
    return {(f.ref.type, f.ref.label) for f in findings(text) if isinstance(f, Mention)}


def facts(text: str) -> set:
    return {(f.subject.label, f.predicate, getattr(f.object, "label", f.object))
            for f in findings(text) if isinstance(f, Fact)}


# an invented outlet's name in each place a cue of outlet_cues.tsv puts it
OUTLET_SENTENCE = {
    "noun_after": "The minister's remarks were carried by the Zorvani Herald {cue} on Monday.",
    "noun_before": "The minister's remarks were carried by the {cue} Zorvani Herald on Monday.",
    "verb_before": "The minister {cue} Zorvani Herald on Monday that talks with Kenya would go on.",
    "verb_after": "Zorvani Herald {cue} on Monday that Kenya and Uganda would sign a trade deal.",
}


@pytest.mark.parametrize("cue, where", load_phrases("outlet_cues"))
def test_entities_every_outlet_cue_makes_the_name_beside_it_a_body(cue, where):
    text = OUTLET_SENTENCE[where].format(cue=cue)
    if where.startswith("verb"):
        # a verb's cue takes a name the NER calls an organisation or an initialism
        text = text.replace("Zorvani Herald", "NTV")
        assert ("Institution", "NTV") in mentions(text), text
    else:
        assert ("Institution", "Zorvani Herald") in mentions(text), text


def test_entities_outlets_known_by_their_cues_and_people_left_alone():
    got = mentions("Ruto told KTN on Sunday that the talks went well. In an interview with Citizen TV, "
                   "Mudavadi said Kenya would join. The embassy posted on the Chinese social media app Weibo. "
                   "Ruto also told Museveni that the border would stay open.")
    assert {("Institution", "KTN"), ("Institution", "Citizen TV"), ("Institution", "Weibo")} <= got
    assert not any(label == "Museveni" for kind, label in got if kind == "Institution")


@pytest.mark.parametrize("plural, head", load_phrases("division_nouns"))
def test_entities_every_division_noun_names_each_division_of_a_list(plural, head):
    got = mentions(f"Aid reached the Northern and Coastal {plural} of Kenya on Monday.")
    assert {("Place", f"Northern {head}"), ("Place", f"Coastal {head}")} <= got


def test_entities_a_project_named_of_a_place_is_that_places_project():
    got = facts("Kenya and China agreed to advance the integrated development project of Lamu Port.")
    assert ("Kenya", "participatesIn", "Lamu Port integrated development project") in got
    assert ("China", "participatesIn", "Lamu Port integrated development project") in got


def test_entities_a_project_of_a_state_is_no_named_project():
    got = mentions("The development project of Kenya stalled last year.")
    assert not any(kind == "Initiative" for kind, _ in got)


@pytest.mark.parametrize("body, person, not_person", [
    # a courtesy title without a full stop, as British English writes it
    ("The proposal went to Dr Wanjiru Kamau, who approved it.", "Wanjiru Kamau", "Dr Wanjiru Kamau"),
    # a possessive ends a name the NER ran into the next word
    ("Ruto met US President Donald Trump’s Special Envoy for Africa, Peter Omondi, in Nairobi.",
     "Donald Trump", "Donald Trump’s Special"),
])
def test_entities_people_named_without_the_words_beside_them(body, person, not_person):
    got = {label for kind, label in mentions(body) if kind == "Person"}
    assert person in got and not_person not in got


@pytest.mark.parametrize("honorific, kind", [row for row in load_phrases("honorifics") if row[0] != "PC"])
def test_entities_every_honorific_stays_out_of_the_name(honorific, kind):
    got = {label for k, label in mentions(f"The proposal went to {honorific} Wanjiru Kamau, who approved it.")
           if k == "Person"}
    assert got == {"Wanjiru Kamau"}, got


def test_entities_a_body_whose_name_starts_like_a_rank_is_no_person():
    got = mentions("The UN General Assembly voted on Monday. General Electric Company won the contract. "
                   "Major League Baseball opened in Seoul. The Bishop Museum reopened.")
    assert not any(kind == "Person" for kind, _ in got), got


@pytest.mark.parametrize("body", ["Kenya's Ambassador to South Korea Mary Wambui met the minister.",
                                  "The Kenyan Ambassador to the United Arab Emirates Mary Wambui met him."])
def test_positions_an_envoy_named_after_a_state_of_several_words(body):
    got = facts(body)
    assert {s for s, p, o in got if p == "holdsPosition"} == {"Mary Wambui"}, got


def test_positions_under_is_a_rank_only_of_a_secretary():
    got = facts("Under President William Ruto, exports grew. US Under Secretary of State Mary Achieng visited "
                "Nairobi. UN Under-Secretary-General Amina Odhiambo met Ruto.")
    assert ("William Ruto", "holdsPosition", "President of Kenya") in got
    assert not any("Under President" in str(f) for f in got)
    assert ("Under Secretary of State of the United States", "role", "Under Secretary of State") in got
    assert ("Amina Odhiambo", "holdsPosition", "Under-Secretary-General of the United Nations") in got


def test_positions_a_role_written_in_another_order_is_a_second_role():
    got = facts("Kenyan Power and Energy Minister Davis Chirchir met Ugandan Minister of Energy Ruth Nankabirwa.")
    assert ("Minister of Power and Energy of Kenya", "role", "Minister of Power and Energy") in got
    assert ("Minister of Power and Energy of Kenya", "role", "Power and Energy Minister") in got
    # a title the lexicon knows keeps its own name for the position, the text's order beside it
    assert ("Ruth Nankabirwa", "holdsPosition", "Energy Minister of Uganda") in got
    assert {r for s, p, r in got if p == "role" and s.endswith("of Uganda")} == {"Energy Minister",
                                                                                "Minister of Energy"}
    # the same words in the same order give the one role
    again = facts("Ugandan Energy Minister Ruth Nankabirwa met him.")
    assert {r for s, p, r in again if p == "role"} == {"Energy Minister"}


def test_positions_a_portfolio_inside_another_title_is_that_titles():
    # "former Minister of Finance Minister X": "Finance" belongs to the first title
    got = facts("Ruto met former Minister of Finance Minister Njuguna Ndungu on Monday.")
    assert not any(p == "holdsPosition" and "Finance" in o for s, p, o in got)


@pytest.mark.parametrize("role, written, expected", [
    ("Minister of Power and Energy", "Power and Energy Minister", "Power and Energy Minister"),
    ("Leader of the Opposition", "opposition leader", "Opposition Leader"),
    ("Foreign Minister", "FM", "Foreign Minister"),
    ("Secretary-General", "Secretary General", "Secretary-General"),
    ("Member of Parliament", "MPs", "Member of Parliament"),
])
def test_role_as_written_only_reorders_the_roles_own_words(role, written, expected):
    assert role_as_written(role, written) == expected
