"""World knowledge from maintained sources: the organisation and place generators, and what the
lexicon then knows (issue 14, organisations and places)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.data import make_cities
from kg.errors import DataError
from kg.lexicon import DATA_DIR, get_lexicon, load_lexicon
from kg.generate import gen_organisations

FIX = Path(__file__).parent / "fixtures" / "lexicon_data"


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("orgs") / "organisations_generated.tsv"
    gen_organisations.main([
        "--partyfacts-wikidata", str(FIX / "partyfacts-wikidata.csv"),
        "--partyfacts-core", str(FIX / "partyfacts-core-parties.csv"),
        "--nsi", str(FIX / "nsi-bank.json"), "--nsi", str(FIX / "nsi-mobile.json"),
        "--central-banks", str(FIX / "central_bank.json"), "--supraverden", str(FIX / "general_list.yaml"),
        "--words", str(FIX / "words.txt"), "--names-dir", str(FIX / "names"),
        "--commit", "partyfacts=abc1234", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "partyfacts @abc1234" in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == list(gen_organisations.COLUMNS)
    return {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}


def test_gen_organisations_parties(generated):
    assert (generated["Hamas"]["kind"], generated["Hamas"]["country"], generated["Hamas"]["wikidata"]) == \
        ("party", "PS", "Q38799")
    assert generated["Hezbollah"]["country"] == "LB"
    assert generated["Hamas"]["source"] == "partyfacts"
    assert "Old Party" not in generated                 # last active in 1950
    assert "Democratic Party" not in generated          # two states' parties share the name
    assert "Bharatiya Janata Party" not in generated    # the curated table has it


def test_gen_organisations_banks_and_companies(generated):
    assert (generated["State Bank of India"]["kind"], generated["State Bank of India"]["country"]) == ("bank", "IN")
    assert (generated["Huawei"]["kind"], generated["Huawei"]["country"]) == ("company", "")
    for left_out in ("Citizens", "Apple", "Small Town Bank", "County Bank", "小米"):
        assert left_out not in generated, left_out


def test_gen_organisations_central_banks_and_international(generated):
    assert (generated["Central Bank of Sri Lanka"]["kind"], generated["Central Bank of Sri Lanka"]["country"]) == \
        ("central_bank", "LK")
    assert generated["Bank of Central African States"]["country"] == ""     # a bank of several states
    assert "Ottoman Bank" not in generated
    edb = generated["Example Development Bank"]
    assert (edb["kind"], edb["acronyms"], edb["aliases"]) == ("international", "EXDB", "Example Bank for Development")
    assert "Shanghai Cooperation Organisation" not in generated and "Some Company" not in generated


def test_gen_organisations_resolve_rules():
    words, names = {"unity", "shell"}, {"Smith"}
    cands = [gen_organisations.Cand("Unity", "party", "t", "Q1"), gen_organisations.Cand("Smith", "company", "t", "Q2"),
             gen_organisations.Cand("Shell Oil", "company", "t", "Q3", acronyms=["SO", "SOC"]),
             gen_organisations.Cand("Alpha Party", "party", "t", "Q4", acronyms=["AP", "APX"]),
             gen_organisations.Cand("Beta Party", "party", "t", "Q5", acronyms=["APX"])]
    rows, dropped = gen_organisations.resolve(cands, curated=set(), states=set(), places=set(), words=words,
                                              names=names)
    assert [(c.label, c.acronyms) for c in rows] == [("Shell Oil", ["SOC"]), ("Alpha Party", []), ("Beta Party", [])]
    assert "Unity" in dropped["English word"] and "Smith" in dropped["first name or surname"]
    assert "APX" in dropped["shared by two organisations"] and "AP" in dropped["short acronym"]


def test_make_cities_region_forms_and_alternates(tmp_path):
    assert make_cities.region_forms("Guangdong") == ["Guangdong", "Guangdong Province", "Guangdong Region"]
    assert make_cities.region_forms("Tatarstan Republic") == ["Tatarstan Republic", "Republic of Tatarstan", "Tatarstan"]
    assert make_cities.region_forms("Northern Province") == ["Northern Province"]
    city = {"name": "Odesa", "alternatenames": ["Odessa", "ODS", "Одеса", "odessa", "Odeza", "Hajibey", "Odessa"]}
    assert make_cities.english_alternates(city) == ["Odessa", "Odeza"]
    dest = tmp_path / "regions.tsv"
    make_cities.write_regions(FIX / "admin1CodesASCII.txt", dest, {"central"})
    rows = {line.split("\t")[1]: line.split("\t") for line in dest.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "geonameid"))}
    assert rows["Guangdong"] == ["1809935", "Guangdong", "CN", "Guangdong Province|Guangdong Region"]
    assert rows["Central Province"][2] == "LK"          # the bare English word is not a name
    assert "Central" not in rows and rows["Northern Province"][3] == ""


@pytest.mark.parametrize("text, kind, country", [
    ("Hamas", "party", "PS"), ("Hezbollah", "party", "LB"), ("Huawei", "company", None),
    ("Central Bank of Sri Lanka", "central_bank", "LK"), ("Reuters", "news", "GB"), ("Boeing", "company", "US"),
    ("Chatham House", "other", "GB"),      # a think-tank (curated; no maintained list was found)
])
def test_lexicon_knows_organisation(lex, text, kind, country):
    org = lex.organisation(text)
    assert org is not None and (org.kind, org.country) == (kind, country)


def test_lexicon_generated_organisations_carry_wikidata(lex):
    assert lex.organisation("Hamas").wikidata == "Q38799"
    assert lex.organisation("Reuters").wikidata is None          # curated rows have none here
    assert sum(1 for o in lex.organisations if o.wikidata) > 1000


@pytest.mark.parametrize("text, name, kind, country", [
    ("Hambantota", "Hambantota", "city", "LK"),                   # about 20,000 people
    ("Trincomali", "Trincomalee", "city", "LK"),                  # an alternate spelling
    ("Guangdong Province", "Guangdong", "region", "CN"), ("Guangdong", "Guangdong", "region", "CN"),
    ("Republic of Tatarstan", "Tatarstan Republic", "region", "RU"),
    ("Tianjin", "Tianjin", "city", "CN"),                         # the city, not the province-level region
])
def test_lexicon_knows_place(lex, text, name, kind, country):
    place = lex.place(text)
    assert place is not None and (place.name, place.kind, place.country) == (name, kind, country)


@pytest.mark.parametrize("word", ["Apple", "Shell", "Target", "Total", "Bank", "Unity", "People", "Future", "Hope",
                                  "Dawn", "Central", "Western", "Delta", "Citizens", "Alliance", "Northern Province"])
def test_lexicon_ordinary_words_are_neither_organisations_nor_places(lex, word):
    assert lex.organisation(word) is None, lex.organisation(word)
    place = lex.place(word)
    assert place is None or place.kind not in ("city", "region") or word == "Northern Province" and place is None


def test_lexicon_a_generated_alias_that_is_a_fragment_of_the_name_is_left_out(lex):
    # "Muslim" is the first word of "Muslim National Unity Alliance", not its name
    assert lex.organisation("Muslim") is None
    assert lex.organisation("Muslim National Unity Alliance") is not None
    # a name followed only by its kind of body is its short name
    assert lex.organisation("Istiqlal").label == "Istiqlal Party"


def test_lexicon_a_generated_alias_that_reads_as_a_sentence_is_left_out(lex):
    # a party's name translated into a slogan would match ordinary prose
    for phrase in ("It is time", "There is a Future", "We are family", "Let's change"):
        assert lex.organisation(phrase) is None, phrase
    # the parties keep their own names
    assert lex.organisation("Yesh Atid") is not None and lex.organisation("Yisrael Beiteinu") is not None


def test_lexicon_generated_bad_row_raises(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
    table = data / "organisations_generated.tsv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text + "Example Body\t\t\tcompany\t\t\tnsi\tX12\n", encoding="utf-8")
    with pytest.raises(DataError, match="wikidata 'X12' is not a QID"):
        load_lexicon(data)
    table.write_text(text + "Example Body\t\t\tcompany\tXX\t\tnsi\tQ12\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown country code 'XX'"):
        load_lexicon(data)


def test_lexicon_curated_row_wins(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("__pycache__"))
    table = data / "organisations_generated.tsv"
    table.write_text(table.read_text(encoding="utf-8")
                     + "Reuters\t\t\tcompany\tUS\t\tnsi\tQ130879\nReuters Group\t\tXinhua\tcompany\t\t\tnsi\tQ9\n",
                     encoding="utf-8")
    lex = load_lexicon(data)
    assert lex.organisation("Reuters").kind == "news"
    assert lex.organisation("Xinhua").label == "Xinhua News Agency"
    assert lex.organisation("Reuters Group").aliases == ()


def test_lexicon_load_time_and_memory():
    """get_lexicon() in a fresh process: time and memory it adds (printed; run with -s to see)."""
    code = ("import time, psutil; p = psutil.Process(); import kg.lexicon as L; m = p.memory_info().rss; "
            "t = time.perf_counter(); lex = L.get_lexicon(); t = time.perf_counter() - t; "
            "import json; print(json.dumps({'seconds': t, 'mb': (p.memory_info().rss - m) / 1e6, "
            "'organisations': len(lex.organisations), 'places': len(lex.places)}))")
    out = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                    cwd=Path(__file__).parent.parent).stdout)
    print(f"\nget_lexicon(): {out['seconds']:.2f} s, +{out['mb']:.0f} MB RSS, "
          f"{out['organisations']} organisations, {out['places']} places")
    assert out["seconds"] < 3.0 and out["mb"] < 100
