"""The office-holder table: its generator on synthetic input, and the loader on the real table."""
from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.officeholders import _bounds, COLUMNS, OFFICEHOLDERS_PATH, get_officeholders, load_officeholders
from kg.generate import gen_officeholders as gen

FIXTURES = Path(__file__).parent / "fixtures" / "officeholders"
ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- the generator

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("oh") / "officeholders.tsv"
    snaps = [f"--snapshot={d}@{d.name}" for d in sorted((FIXTURES / "snapshots").iterdir())]
    pos = FIXTURES / "positions"
    proc = subprocess.run([sys.executable, "-m", "kg.generate.gen_officeholders",
                           "--historic", str(FIXTURES / "historic"), *snaps,
                           "--repos", str(pos / "repos.csv"), "--positions", str(pos),
                           "--heads", str(pos / "heads.csv"), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    rows = list(csv.DictReader((l for l in out.open(encoding="utf-8") if not l.startswith("#")),
                               delimiter="\t"))
    return out, rows, proc.stderr


def _find(rows, person):
    return [r for r in rows if r["person"] == person]


def test_generated_table_loads_and_has_the_columns(generated):
    out, rows, _ = generated
    assert tuple(rows[0].keys()) == COLUMNS
    assert len(load_officeholders(out)) == len(rows)


def test_titles_map_to_the_roles_news_uses(generated):
    _, rows, _ = generated
    (carol,) = _find(rows, "Carol Gamma")
    assert (carol["role"], carol["office"], carol["state"]) == \
        ("Foreign Minister", "Foreign Minister of Estonia", "EE")
    (kim,) = _find(rows, "Kim Lambda")
    assert kim["office"] == "Secretary of State of the United States"
    (lee,) = _find(rows, "Lee Müller")
    assert lee["role"] == "Treasury Secretary" and lee["aliases"] == "Lee Muller"
    (jai,) = _find(rows, "Jai Kappa")
    assert (jai["role"], jai["aliases"]) == ("External Affairs Minister", "J. Kappa")
    (nora,) = _find(rows, "Nora Nu")
    assert (nora["office"], nora["state"], nora["organisation"]) == \
        ("Secretary-General of the United Nations", "", "United Nations")


def test_left_out_deputies_unmapped_titles_other_places_and_old_terms(generated):
    _, rows, _ = generated
    people = {r["person"] for r in rows}
    # a deputy, a culture minister, a judge, India's Foreign Secretaries' title, a page that is no
    # state in the lexicon, and a term that ended before 2000
    for absent in ("Dan Delta", "Karl Mu", "Otto Xi", "Ivan Iota", "Poseidon Sea", "Olga Omega"):
        assert absent not in people


def test_snapshots_open_and_close_terms(generated):
    _, rows, log = generated
    (bob,) = _find(rows, "Bob Beta")
    assert (bob["start"], bob["end"]) == ("2003-04-10", "2023-09-15")   # closed by his successor
    assert bob["aliases"] == ""      # "Bob Beta (politician)": the disambiguator is no alias
    assert "peppercat-snapshot" in bob["source"]
    (hal,) = _find(rows, "Hal Theta")
    assert (hal["start"], hal["end"], hal["source"]) == ("2023-09-15", "", "peppercat-snapshot")
    (frank,) = _find(rows, "Frank Zeta")
    # listed until 2024-01, gone from the 2025-01-31 page with no successor: closed that month
    assert (frank["start"], frank["end"]) == ("2005-01-01", "2025-01")
    (alice,) = _find(rows, "Alice Alpha")
    assert (alice["end"], alice["source"].split(",")[0]) == ("2003-04-10", "peppercat-historic")
    assert "peppercat-snapshot" not in alice["source"]


def test_overlapping_holder_outside_the_succession_chain_is_left_out_and_reported(generated):
    _, rows, log = generated
    assert not _find(rows, "Gina Eta")
    assert "left out Gina Eta" in log
    assert [r["person"] for r in rows if r["role"] == "Finance Minister"] == ["Eve Epsilon", "Frank Zeta"]


def test_office_items_only_where_a_source_states_one(generated):
    _, rows, log = generated
    item = {r["person"]: (r["office_qid"], r["source"]) for r in rows}
    # the page title names one item in the place's position lists
    assert item["Carol Gamma"] == ("Q9009003", "peppercat-historic,ep-positions")
    assert item["Kim Lambda"][0] == "Q9009010"
    assert item["Nora Nu"][0] == "Q9009020"          # the organisations' page has its own list
    # two position lists give "Secretary of the Treasury" two items: none is taken
    assert item["Lee Müller"] == ("", "peppercat-historic")
    # no list for the place
    assert item["Jai Kappa"][0] == ""
    # the heads table agrees with the title (Bob) or names another item (Hal): none then
    assert item["Bob Beta"][0] == "Q9009001"
    assert item["Hal Theta"][0] == "" and "office item clash Hal Theta" in log


def test_role_for_examples():
    assert gen.role_for("Minister of National Defence", "PL") == "Defense Minister"
    assert gen.role_for("Minister of Industry and Trade", "CZ") == "Trade Minister"
    assert gen.role_for("Minister of Economy and Finance", "FR") == "Finance Minister"
    assert gen.role_for("Minister of State for Foreign Affairs", "KE") is None
    assert gen.role_for("Secretary of State", "GB") is None
    assert gen.role_for("Premier", "CA") is None
    assert gen.role_for("emir", "QA", "male") == "Emir"


def test_a_bad_row_names_its_file_and_line(tmp_path):
    bad = tmp_path / "officeholders.tsv"
    lines = ["# comment", "\t".join(COLUMNS),
             "\t".join(["A Person", "Q1", "", "President", "President of Kenya", "KE", "", "2020-01-01",
                        "", "", "test"]),
             "\t".join(["B Person", "Q2", "", "President", "President of Kenya", "KE", "", "2021-13-01",
                        "", "", "test"])]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"line 4: bad start"):
        load_officeholders(bad)


# --------------------------------------------------------------------------- the real table

@pytest.fixture(scope="module")
def oh():
    return get_officeholders()


def _people(terms):
    return sorted(t.person for t in terms)


def test_load_time_and_memory():
    def rss_mb():
        return int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024
    before, t0 = rss_mb(), time.perf_counter()
    table = load_officeholders()
    seconds, grown = time.perf_counter() - t0, rss_mb() - before
    print(f"\nofficeholders.tsv: {len(table)} terms, loaded in {seconds:.3f} s, RSS +{grown:.1f} MB")
    assert seconds < 1.0
    assert grown < 100


def test_us_president_before_and_after_the_2025_inauguration(oh):
    assert _people(oh.holders("President of the United States", on="2024-06-01")) == ["Joe Biden"]
    assert _people(oh.holders("President", state="US", on=dt.date(2025, 6, 1))) == ["Donald Trump"]
    assert oh.office_of("Joe Biden", "President", on="2024-06-01") == "President of the United States"
    assert oh.office_of("Joe Biden", "President", on="2025-06-01") is None


def test_uk_prime_minister_2023_and_a_smaller_states_foreign_minister(oh):
    assert _people(oh.holders("Prime Minister of the United Kingdom", on="2023-06-01")) == ["Rishi Sunak"]
    assert _people(oh.holders("Foreign Minister", state="LK", on="2023-06-01")) == ["Ali Sabry"]
    assert _people(oh.holders("Foreign Minister", state="LK", on="2025-01-15")) == ["Vijitha Herath"]
    assert _people(oh.holders("Secretary-General of the United Nations", on="2010-01-01")) == ["Ban Ki-moon"]


def test_surname_and_name_lookups(oh):
    assert [(t.person, t.office) for t in oh.by_surname("Albanese", on="2024-01-01")] == \
        [("Anthony Albanese", "Prime Minister of Australia")]
    assert "Prime Minister of Pakistan" in {t.office for t in oh.by_surname("Sharif", on="2024-06-01")}
    assert {t.person for t in oh.by_surname("Xi", on="2024-06-01")} == {"Xi Jinping"}
    assert {t.office for t in oh.by_surname("von der Leyen", on="2024-06-01")} == \
        {"President of the European Commission"}
    # any case and accents; every term of the person, in order
    offices = [t.office for t in oh.terms("recep tayyip erdogan")]
    assert offices[0] == "Prime Minister of Turkey" and offices[-1] == "President of Turkey"
    # Ranil Wickremesinghe was never President of Sri Lanka before July 2022
    assert oh.office_of("Ranil Wickremesinghe", "President", on="2020-01-01") is None


def test_no_two_holders_of_a_single_holder_office_at_once():
    """Across the whole table, one office never has two different holders for more than a week
    (a handover day belongs to both). Conflicts are resolved by the generator, never here."""
    by_office = defaultdict(list)
    for t in load_officeholders().terms_all:
        by_office[t.office].append(t)
    far = dt.date.max
    clashes = []
    for office, terms in by_office.items():
        for i, a in enumerate(terms):
            for b in terms[i + 1:]:
                if (a.person_qid and a.person_qid == b.person_qid) or a.person == b.person:
                    continue
                # the days both surely cover: from the latest a start can mean to the earliest
                # an end can mean ("2024" may start on 2024-12-31 and end on 2024-01-01)
                start = max(_bounds(a.start)[1], _bounds(b.start)[1])
                end = min(_bounds(a.end)[0] if a.end else far, _bounds(b.end)[0] if b.end else far)
                if (end - start).days > gen.HANDOVER_DAYS:
                    clashes.append((office, a.person, b.person))
    assert clashes == []


def test_every_state_office_names_a_lexicon_state():
    from kg.lexicon import get_lexicon, of_state
    countries = get_lexicon().countries
    for t in load_officeholders().terms_all:
        if t.state:
            assert t.office == f"{t.role} of {of_state(countries[t.state].name)}"


def test_office_items_the_sources_state(oh):
    # every-politician-scrapers' position lists (us-cabinet, united-kingdom-cabinet, world)
    assert oh.office_qid("President of the United States") == "Q11696"
    assert oh.office_qid("Prime Minister of the United Kingdom") == "Q14211"
    assert oh.office_qid("Secretary-General of the United Nations") == "Q81066"
    assert oh.office_qid("Secretary of State of the United States", on="2024-06-01") == "Q14213"
    # Spain's foreign ministry changed its name: each term keeps its own item, so ask by date
    assert oh.office_qid("Foreign Minister of Spain") is None
    assert oh.office_qid("Foreign Minister of Spain", on="2024-01-01") is not None
    # an office QID is never a person's: no item is both
    people = {t.person_qid for t in oh.terms_all}
    assert not {t.office_qid for t in oh.terms_all if t.office_qid} & people
    share = sum(1 for t in oh.terms_all if t.office_qid) / len(oh)
    assert share > 0.85


def test_nato_secretary_general(oh):
    assert _people(oh.holders("Secretary-General", org="North Atlantic Treaty Organization",
                              on="2025-06-01")) == ["Mark Rutte"]
    assert oh.office_of("Mark Rutte", "Secretary-General", on="2025-06-01") == \
        "Secretary-General of the North Atlantic Treaty Organization"


# --------------------------------------------------------------------------- curated terms

CURATED_PATH = OFFICEHOLDERS_PATH.parent / "officeholders_curated.tsv"


def _row(person, role, office, start, end="", state="", org="", source="test page"):
    return (person, "", "", role, office, state, org, start, end, "", source)


def test_curated_heads_of_organisations_and_chinas_premier(oh):
    assert _people(oh.holders("Managing Director of the International Monetary Fund", on="2023-06-01")) == \
        ["Kristalina Georgieva"]
    assert _people(oh.holders("Secretary-General", org="North Atlantic Treaty Organization",
                              on="2020-01-01")) == ["Jens Stoltenberg"]
    assert _people(oh.holders("Premier of China", on="2024-06-01")) == ["Li Qiang"]
    assert _people(oh.holders("Premier", state="CN", on="2015-01-01")) == ["Li Keqiang"]
    assert _people(oh.holders("President of the World Bank", on="2024-01-01")) == ["Ajay Banga"]
    assert oh.office_of("Christine Lagarde", "President", on="2024-01-01") == "President of the European Central Bank"


def test_curated_terms_after_the_last_snapshot_close_the_generated_ones(oh):
    assert _people(oh.holders("Prime Minister of Canada", on="2025-06-01")) == ["Mark Carney"]
    assert _people(oh.holders("Prime Minister of Canada", on="2024-06-01")) == ["Justin Trudeau"]
    (trudeau,) = [t for t in oh.terms("Justin Trudeau") if t.office == "Prime Minister of Canada"]
    assert trudeau.end == "2025-03-14" and trudeau.source.endswith(",curated-end")


def test_every_curated_row_names_a_source():
    curated = [t for t in load_officeholders().terms_all if t.source.startswith("curated: ")]
    assert curated and all(len(t.source) > len("curated: ") + 5 for t in curated)
    rows = list(csv.DictReader((l for l in CURATED_PATH.open(encoding="utf-8") if not l.startswith("#")),
                               delimiter="\t"))
    assert len(curated) == len(rows)
    assert all(r["source"].strip() for r in rows)


def test_curated_and_generated_terms_never_overlap_for_one_office():
    """After the merge, no generated term shares more than a handover day with a curated term
    of another holder of the same office."""
    by_office = defaultdict(list)
    for t in load_officeholders().terms_all:
        by_office[("monarch" if t.role in ("King", "Queen") else t.role, t.state, t.organisation)].append(t)
    far = dt.date.max
    clashes = []
    for office, terms in by_office.items():
        curated = [t for t in terms if t.source.startswith("curated: ")]
        for c in curated:
            for g in terms:
                if g.source.startswith("curated: ") or g.person == c.person:
                    continue
                start = max(_bounds(c.start)[1], _bounds(g.start)[1])
                end = min(_bounds(c.end)[0] if c.end else far, _bounds(g.end)[0] if g.end else far)
                if (end - start).days > 0:
                    clashes.append((office, c.person, g.person))
    assert clashes == []


def test_merge_curated_cuts_leaves_out_and_replaces():
    from kg.generate.officeholders.curated import merge_curated
    office = "President of Testland"
    generated = [_row("Ann Old", "President", office, "2010-01-01", "", state="TL", source="gen"),
                 _row("Bob Acting", "President", office, "2024-12-27", "", state="TL", source="gen"),
                 _row("Cy Same", "Prime Minister", "Prime Minister of Testland", "2020-01", "", state="TL",
                      source="gen")]
    curated = [_row("Dee New", "President", office, "2024-06-01", "", state="TL"),
               _row("Cy Same", "Prime Minister", "Prime Minister of Testland", "2020-01-15", "2023-05-01",
                    state="TL")]
    log = []
    rows = merge_curated(generated, curated, str.casefold, log.append)
    by_person = {(r[0], r[10]): r for r in rows}
    # begun before the curated term: cut to its start, and tagged
    assert by_person[("Ann Old", "gen,curated-end")][8] == "2024-06-01"
    # begun inside the curated term: left out; the same holder: replaced by the curated term
    assert not any(r[0] == "Bob Acting" for r in rows)
    assert [r[10] for r in rows if r[0] == "Cy Same"] == ["curated: test page"]
    assert len(log) == 3 and any("left out" in m and "Bob Acting" in m for m in log)


def test_curated_bad_row_names_its_file_and_line(tmp_path):
    from kg.generate.officeholders.curated import CuratedError, read_curated
    path = tmp_path / "curated.tsv"
    path.write_text("\t".join(COLUMNS) + "\n" + "\t".join(
        _row("A Person", "President", "President of Kenya", "2020-01-01", state="KE", source="")) + "\n",
        encoding="utf-8")
    with pytest.raises(CuratedError, match=r"line 2: a curated row names its source"):
        read_curated(path, COLUMNS, lambda r: "President of Kenya", {"President"})


@pytest.mark.parametrize("written, canonical", [
    ("Seyed Ebrahim Raisi", "Ebrahim Raisi"),                   # forenames the tables leave out
    ("Anura Kumara Disanayaka", "Anura Kumara Dissanayake"),    # a surname spelt but for a letter or two
    ("Kim Bong-sik", None),                                     # another first letter: another name
])
def test_canonical_names_an_office_holder_only_when_the_spelling_is_near(written, canonical):
    # the tables have North Korea's "Kim Yong-sik"; a Seoul police chief "Kim Bong-sik" is not he
    assert get_officeholders().canonical(written) == canonical
