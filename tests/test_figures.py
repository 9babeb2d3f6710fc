"""kg_figures: reported figures read from made-up news sentences about many countries."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.read.articles import read_text
from kg.extract.components.figures import READINGS, RULE_KEYS
from kg.extract.docs import make_docs
from kg.extract.nlp import pipeline
from kg.extract.patterns import load_phrases, load_rules
from kg.findings import ObservationFinding


@pytest.fixture(scope="module")
def nlp():
    return pipeline()


def observations(nlp, text: str):
    """The observations of a text (a headline is put before it: the headline is not read)."""
    article = read_text("Headline\n\n" + text)
    out = []
    for doc in nlp.pipe(make_docs(nlp, article)):
        out += [f for f in doc._.findings if isinstance(f, ObservationFinding)]
    return out


def matches(found: ObservationFinding, want: dict) -> bool:
    """Whether a finding has every key ``want`` gives (about and reported_by as sets)."""
    if found.measure != want["measure"] or found.value != Decimal(str(want["value"])):
        return False
    if "unit" in want and found.unit != want["unit"]:
        return False
    if "period" in want and found.period != want["period"]:
        return False
    if "about" in want and {r.label for r in found.about} != set(want["about"]):
        return False
    if "reported_by" in want and {r.label for r in found.reported_by} != set(want["reported_by"]):
        return False
    return True


def show(found):
    return [(f.measure, str(f.value), f.unit, f.period, sorted(r.label for r in f.about),
             sorted(r.label for r in f.reported_by)) for f in found]


RULES = load_rules("figures", RULE_KEYS)


@pytest.mark.parametrize("rule", RULES, ids=[r["id"] for r in RULES])
def test_figures_rule_example(nlp, rule):
    found = observations(nlp, rule["example"])
    if not rule["expect"]:
        assert found == [], show(found)
    for want in rule["expect"]:
        assert any(matches(f, want) for f in found), (want, show(found))


@pytest.mark.parametrize("text, want", [
    # amounts with their currency, scale and period
    ("Two-way trade between Kenya and Ethiopia reached 1.2 billion U.S. dollars in 2023.",
     {"measure": "TradeVolume", "value": "1200000000", "unit": "USD", "period": "2023", "about": ["Kenya", "Ethiopia"]}),
    ("Bilateral trade between Nigeria and Ghana stood at 1.5 trillion naira in 2024.",
     {"measure": "TradeVolume", "value": "1500000000000", "unit": "NGN", "period": "2024"}),
    ("Poland will provide 2 billion euros in military aid to Ukraine in 2026.",
     {"measure": "AidAmount", "value": "2000000000", "unit": "EUR", "period": "2026", "about": ["Poland", "Ukraine"]}),
    ("Japan signed a loan of 120 billion yen with Bangladesh for a rail project.",
     {"measure": "LoanAmount", "value": "120000000000", "unit": "JPY", "about": ["Japan", "Bangladesh"]}),
    ("The IMF approved a USD 3 billion bailout for Egypt.",
     {"measure": "LoanAmount", "value": "3000000000", "unit": "USD", "about": ["Egypt"]}),
    ("Zambia owes $4 billion to Chinese lenders.",
     {"measure": "ExternalDebt", "value": "4000000000", "unit": "USD", "about": ["Zambia", "China"]}),
    ("Bangladesh agreed to import 500 crore taka of cotton from India.",
     {"measure": "ImportValue", "value": "5000000000", "unit": "BDT", "about": ["Bangladesh", "India"]}),
    # changes, with their sign; a level after "to"
    ("Exports from Chile to China fell 5.2 percent in the first half of 2024.",
     {"measure": "ExportGrowth", "value": "-5.2", "unit": "percent", "period": "2024-01/2024-06",
      "about": ["Chile", "China"]}),
    ("Bilateral trade between Peru and Brazil rose 9 percent year on year to $6 billion in 2023.",
     {"measure": "TradeGrowth", "value": "9", "unit": "percent", "period": "2023", "about": ["Peru", "Brazil"]}),
    ("Bilateral trade between Peru and Brazil rose 9 percent year on year to $6 billion in 2023.",
     {"measure": "TradeVolume", "value": "6000000000", "unit": "USD", "period": "2023"}),
    ("Trade between Morocco and Senegal reached $900 million in 2022, up 15 percent from a year earlier.",
     {"measure": "TradeGrowth", "value": "15", "unit": "percent", "period": "2022", "about": ["Morocco", "Senegal"]}),
    ("Exports of Kenyan tea to Pakistan increased three times in 2023.",
     {"measure": "ExportGrowth", "value": "3", "unit": "times", "period": "2023", "about": ["Kenya", "Pakistan"]}),
    # rates and shares
    ("Washington imposed a 25 percent tariff on Mexican steel.",
     {"measure": "TariffRate", "value": "25", "unit": "percent", "about": ["United States", "Mexico"]}),
    ("Japan holds 40 percent of Zambia's external debt.",
     {"measure": "ExternalDebtShare", "value": "40", "unit": "percent", "about": ["Japan", "Zambia"]}),
    # counts, people, lengths and durations
    ("More than 150 Turkish companies operate in Uzbekistan.",
     {"measure": "CompanyCount", "value": "150", "about": ["Turkey", "Uzbekistan"]}),
    ("The presidents of Chile and Bolivia witnessed the signing of 11 agreements.",
     {"measure": "DocumentCount", "value": "11", "about": ["Chile", "Bolivia"]}),
    ("Floods in Pakistan killed at least 1,700 people in 2022.",
     {"measure": "CasualtyCount", "value": "1700", "period": "2022", "about": ["Pakistan"]}),
    ("Sudan's health ministry said the death toll from the attacks had climbed to 1,240.",
     {"measure": "CasualtyCount", "value": "1240", "about": ["Sudan"]}),
    ("Norway and Russia share a 196 km border.",
     {"measure": "BorderLength", "value": "196", "unit": "km", "about": ["Norway", "Russia"]}),
    ("Mongolia signed a 30-year lease with Kazakhstan for a rail depot.",
     {"measure": "LeaseDuration", "value": "30", "unit": "years", "about": ["Mongolia", "Kazakhstan"]}),
    ("Peru, the largest trading partner of Chile, recorded a GDP of $240 billion in 2022.",
     {"measure": "GDP", "value": "240000000000", "unit": "USD", "period": "2022", "about": ["Peru"]}),
    ("Ecuador has embassies in 12 countries in Africa.",
     {"measure": "CountryCount", "value": "12", "about": ["Ecuador"]}),
    # who reported it
    ("According to the World Bank, Ghana's external debt reached $28 billion in 2023.",
     {"measure": "ExternalDebt", "value": "28000000000", "unit": "USD", "period": "2023", "about": ["Ghana"],
      "reported_by": ["World Bank"]}),
])
def test_figures_found(nlp, text, want):
    found = observations(nlp, text)
    assert any(matches(f, want) for f in found), (want, show(found))


@pytest.mark.parametrize("text", [
    # figures about no relation of states, or tied to no measure
    "Shares of the Korean carmaker rose 3 percent in Seoul trading.",
    "Ghana beat Nigeria 2-1 in the final.",
    "The Malaysian minister, 54, arrived with a delegation.",
    "The two countries agreed to deepen cooperation.",
    "Kenya and Uganda signed one of the agreements.",
    "Both sides support a two-state solution.",
    "The summit was attended by leaders of the G20 in 2023.",
    "Bolivia and Peru marked 200 years of relations in 2025.",
    # targets and what did not happen
    "Chile and Peru aim to raise bilateral trade to $10 billion by 2030.",
    "Trade between Ghana and Togo is expected to reach $2 billion next year.",
    "Vietnam and Laos did not sign the 12 agreements that were prepared.",
    # a percentage point is no percentage
    "Egypt raised its tariff on steel by 5 percentage points.",
    # a number of two kinds of thing, or a rank
    "The new sanctions by Canada list nearly 100 firms and individuals.",
    "Ghana is among the top 10 countries in Africa for cocoa.",
])
def test_figures_left_out(nlp, text):
    assert observations(nlp, text) == [], show(observations(nlp, text))


@pytest.mark.parametrize("text, reporters", [
    # a figure after a speaker's words in the same paragraph is theirs
    ("Kenyan Trade Minister Rebecca Miano spoke in Nairobi. \"Our trade is growing,\" Miano said. "
     "Exports from Kenya to Uganda rose 12 percent in 2023.", {"Rebecca Miano"}),
    # and so is one right before the sentence that names them
    ("Exports from Kenya to Uganda rose 12 percent in 2023. Kenyan Trade Minister Rebecca Miano said "
     "the growth would continue.", {"Rebecca Miano"}),
    # a speaker named later in the paragraph, about something else, is not
    ("Exports from Kenya to Uganda rose 12 percent in 2023. The roads were repaired. Kenyan Trade "
     "Minister Rebecca Miano said in May that the ports would open.", set()),
])
def test_figures_paragraph_speaker(nlp, text, reporters):
    found = observations(nlp, text)
    assert [{r.label for r in f.reported_by} for f in found] == [reporters], show(found)


def test_figures_provenance(nlp):
    text = "Trade between Kenya and Ethiopia reached $1.2 billion in 2023, according to the World Bank."
    found = observations(nlp, text)
    assert found and all(f.sentence.text == text and f.surface in f.sentence.text for f in found)


def test_figures_headline_not_read(nlp):
    article = read_text("Kenya, Ethiopia trade hits $1.2 billion\n\nLeaders of Kenya and Ethiopia met on Monday.")
    found = [f for doc in nlp.pipe(make_docs(nlp, article)) for f in doc._.findings
             if isinstance(f, ObservationFinding)]
    assert found == []


def test_figures_bare_text(nlp):
    """A Doc made from a string alone (no Article) is read too, each figure with a Sentence."""
    doc = nlp("Trade between Peru and Chile reached $4.2 billion.")
    found = [f for f in doc._.findings if isinstance(f, ObservationFinding)]
    assert [(f.measure, f.value, f.unit) for f in found] == [("TradeVolume", Decimal("4200000000"), "USD")]
    assert found[0].sentence.text == "Trade between Peru and Chile reached $4.2 billion."


def test_figures_measure_table():
    """Every row of measures.tsv names a reading and a measure in ONTOLOGY.md's style."""
    for phrase, value in load_phrases("measures"):
        reading, _, measure = value.partition(":")
        assert reading in READINGS, (phrase, value)
        assert re.fullmatch(r"[A-Z][A-Za-z]+", measure), (phrase, value)
        assert phrase == phrase.lower(), phrase
