"""Topics: the vocabulary generator (on a synthetic IPTC scheme), the loader and its look-ups."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kg import topics
from kg.errors import DataError
from kg.generate import gen_topics
from kg.topics import rule
from kg.topics.words import match_key

FIXTURES = Path(__file__).parent / "fixtures" / "topics"
DATA = topics.DATA_DIR


# ----------------------------------------------------------------------------- the generator

@pytest.fixture()
def generated(tmp_path, capsys):
    shutil.copy(FIXTURES / "topic_wording.tsv", tmp_path / "topic_wording.tsv")
    code = gen_topics.main([str(FIXTURES / "mediatopic-en-GB.json"),
                            "--variant", str(FIXTURES / "mediatopic-en-US.json"),
                            "--data-dir", str(tmp_path)])
    assert code == 0
    return tmp_path, capsys.readouterr()


def _table(path: Path):
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_gen_topics_keeps_the_branches_and_drops_retired_skipped_and_other_branches(generated):
    data_dir, _ = generated
    rows = {r["code"]: r for r in _table(data_dir / "topic_vocabulary.tsv")}
    assert list(rows) == ["medtop:04000000", "medtop:20000170", "medtop:20000344",
                          "medtop:20000373", "medtop:20000384", "medtop:09000000",
                          "medtop:11000000", "medtop:20000593", "medtop:20000597",
                          "medtop:14000000", "medtop:20000799", "medtop:20000801"]
    # retired (investments), skipped (human resources), outside BRANCHES (human interest)
    assert not {"medtop:20000378", "medtop:20000188", "medtop:08000000", "medtop:20000498"} & set(rows)
    assert rows["medtop:20000373"]["broader"] == "medtop:20000344"     # uri or qcode, both read
    assert rows["medtop:04000000"]["broader"] == ""
    assert rows["medtop:20000373"]["alt"] == "foreign trade"           # English altLabels only
    assert rows["medtop:09000000"]["alt"] == "labor"                   # the en-US label
    assert rows["medtop:20000801"]["alt"] == "destitution"
    assert rows["medtop:20000799"]["label"] == "social condition"      # heading case lowered
    assert {r["source"] for r in rows.values()} == {"iptc"}
    text = (data_dir / "topic_vocabulary.tsv").read_text(encoding="utf-8")
    assert "released 2001-02-03" in text and "CC BY 4.0" in text


def test_gen_topics_rewrites_the_iptc_wordings_and_keeps_the_curated_ones(generated):
    data_dir, out = generated
    rows = {r["wording"]: (r["code"], r["source"]) for r in _table(data_dir / "topic_wording.tsv")}
    assert rows["trade"] == ("medtop:20000373", "diplokg curated")
    assert rows["poverty"] == ("medtop:20000799", "diplokg curated")    # curated wins...
    assert "'poverty': curated as medtop:20000799, not medtop:20000801" in out.err  # ...and is noted
    assert rows["tariff"] == ("medtop:20000384", "iptc")                # stale iptc row replaced
    assert rows["labor"] == ("medtop:09000000", "iptc")
    assert rows["foreign trade"] == ("medtop:20000373", "iptc")
    assert rows["constitution"] == ("medtop:20000597", "iptc")           # qualifier dropped
    assert "government" not in rows                                      # names an actor
    assert "constitution (law)" not in rows
    assert list(rows) == sorted(rows)
    assert (data_dir / "topic_wording.tsv").read_text(encoding="utf-8").startswith(
        "# A curated wording table as the generator finds it.\n")
    # what it wrote loads
    table = topics.load_topics(data_dir)
    assert table.lookup("Tariffs").code == "medtop:20000384"


def test_gen_topics_check_reports_a_stale_table(generated):
    data_dir, _ = generated
    args = [str(FIXTURES / "mediatopic-en-GB.json"), "--variant",
            str(FIXTURES / "mediatopic-en-US.json"), "--data-dir", str(data_dir), "--check"]
    assert gen_topics.main(args) == 0
    path = data_dir / "topic_vocabulary.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("labor", "labour force"), encoding="utf-8")
    assert gen_topics.main(args) == 1


def test_gen_topics_refuses_a_file_that_is_no_scheme(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"concepts": []}', encoding="utf-8")
    with pytest.raises(SystemExit, match="no conceptSet"):
        gen_topics.main([str(bad), "--data-dir", str(tmp_path)])


# ------------------------------------------------------------------------------- the tables

def test_topics_tables_load_and_hold_a_few_hundred_concepts():
    table = topics.get_topics()
    assert 300 <= len(table.vocabulary) <= 600
    assert len(table.wordings()) >= 1500
    for top in ("medtop:04000000", "medtop:11000000", "medtop:02000000", "medtop:16000000",
                "medtop:06000000", "medtop:13000000", "medtop:07000000", "medtop:05000000",
                "medtop:09000000", "medtop:14000000", "medtop:03000000", "medtop:15000000",
                "medtop:01000000"):
        assert topics.concept(top) is not None and topics.concept(top).broader is None


def test_topics_every_wording_maps_to_a_concept_and_no_wording_to_two():
    table = topics.get_topics()
    seen = {}
    for row in _table(DATA / "topic_wording.tsv"):
        assert row["code"] in table.vocabulary, row
        assert row["wording"] == row["wording"].lower()
        assert row["source"] in {"iptc", "diplokg curated", "oecd-dac", "un-sdg", "hs"}, row
        assert seen.setdefault(row["wording"], row["code"]) == row["code"], row
    # nor do two concepts meet on one wording by plural, spelling or hyphen
    by_key = {}
    for wording, code in table.wordings().items():
        other = by_key.setdefault(match_key(wording), (wording, code))
        assert other[1] == code, (wording, code, other)


def test_topics_every_label_and_alias_of_topics_tsv_has_a_concept():
    path = DATA / "topics.tsv"
    if not path.exists():
        pytest.skip("topics.tsv is gone")
    missing = []
    for row in _table(path):
        for wording in [row["label"], *filter(None, (row.get("aliases") or "").split("|"))]:
            if topics.lookup(wording) is None:
                missing.append(wording)
    assert not missing


@pytest.mark.parametrize("wording, label", [
    ("green energy", "renewable energy"),
    ("renewable energy", "renewable energy"),
    ("digital economy", "computing and information technology"),
    ("people-to-people exchanges", "culture"),
    ("capacity building", "education"),
    ("maritime security", "national security"),
    ("counter-terrorism", "terrorism"),
    ("debt restructuring", "government debt"),
    ("tariffs", "tariff"),
    ("tea", "agriculture"),
    ("tourism", "tourism and leisure industry"),
    ("knowledge sharing", "education"),
    ("trade and investment", "international trade"),
    ("rules of origin", "trade policy"),
    ("critical minerals", "metal and mineral mining and refining"),
    ("humanitarian assistance", "foreign aid"),
    ("climate change", "climate change"),
    ("poverty alleviation", "poverty"),
])
def test_topics_lookup_known_wordings(wording, label):
    assert topics.lookup(wording).label == label


@pytest.mark.parametrize("wording, same_as", [
    ("tariff", "tariffs"),
    ("The Tariffs", "tariffs"),
    ("the renewables", "renewable energy"),
    ("an investment", "investment"),
    ("defence", "defense"),
    ("Defence Cooperation", "defense cooperation"),
    ("organised crime", "organized crime"),
    ("labour market", "labor market"),
    ("Counter Terrorism", "counter-terrorism"),
    ("counterterrorism", "counter-terrorism"),
    ("people to people exchange", "people-to-people exchanges"),
    ("fertiliser", "fertilizers"),
    ("aluminium", "aluminum"),
    ("non-tariff barrier", "non-tariff barriers"),
])
def test_topics_lookup_ignores_case_article_number_spelling_and_hyphens(wording, same_as):
    assert topics.lookup(wording) is not None
    assert topics.lookup(wording) == topics.lookup(same_as)


@pytest.mark.parametrize("wording", ["he said", "bri", "power", "the", "", "agricultural",
                                     "aids", "government"])
def test_topics_lookup_guesses_nothing(wording):
    assert topics.lookup(wording) is None


@pytest.mark.parametrize("phrase, label", [
    ("cooperation in renewable energy sources", "renewable energy"),
    ("market access for agricultural exports", "trade policy"),
    ("bilateral cooperation in the fields of agriculture", "agriculture"),
    ("closer economic and trade cooperation", "international trade"),
    ("tariff talks", "tariff"),
    ("renewable energy sector", "renewable energy"),
    ("mining opportunities", "metal and mineral mining and refining"),
    ("anti-corruption initiatives", "corruption"),
    ("U.S. agricultural exports", "exporting"),
    ("agricultural barriers", "agriculture"),
    ("people-to-people cultural exchanges", "culture"),
    ("protection of intellectual property rights", "patent, copyright and trademark"),
    ("strengthening the rule of law", "law"),
    ("trading in Asian currencies", "currency"),
    ("China-Europe rail freight transport", "railway transport"),
    ("hydro power generation", "hydroelectric power"),
    ("manpower training in the naval sector", "employment training"),
    ("areas such as agriculture", "agriculture"),
    ("Counter-Terrorism cooperation", "terrorism"),
    ("the Defence sector", "armed forces"),
])
def test_topics_head_lookup_maps_a_noun_phrase_by_head_and_modifiers(phrase, label):
    concept = topics.head_lookup(phrase)
    assert concept is not None and concept.label == label


@pytest.mark.parametrize("phrase", [
    "he said", "are committed", "has helped modernize", "even though he had", "bri",
    "it's important", "they will boost trade", "to boost trade", "this cooperation",
    "their economies", "not trade", "said the minister", "which includes energy",
    "agriculture minister", "minister of agriculture", "the importance of trade",
    "President Xi", "press conference", "Belt and Road Initiative",
    "health and education",          # a coordination: topics_in splits it
    "trade; energy", "a very long phrase of many words that goes on and on about trade",
])
def test_topics_head_lookup_refuses_clauses_and_phrases_it_cannot_place(phrase):
    assert topics.head_lookup(phrase) is None


def test_topics_is_clause_decides_on_the_words():
    assert topics.is_clause(["he", "said"])
    assert topics.is_clause(["are", "committed"])
    assert topics.is_clause(["in", "energy"])
    assert not topics.is_clause(["capacity", "building"])
    assert not topics.is_clause(["women's", "rights"])


def test_topics_in_splits_a_coordination_into_its_concepts():
    labels = [c.label for c in topics.topics_in("cooperation in trade, energy and tourism")]
    assert labels == ["international trade", "energy and resource", "tourism and leisure industry"]
    assert [c.label for c in topics.topics_in("health and education")] == ["health", "education"]
    assert [c.label for c in topics.topics_in("oil and gas")] == ["oil and gas"]
    assert topics.topics_in("he said") == ()


def test_topics_adjectives_stand_for_wordings_of_the_table():
    for adjective, noun in rule._ADJECTIVE_NOUN.items():
        assert topics.lookup(noun) is not None, (adjective, noun)


# ------------------------------------------------------------------------- bad rows refused

VOCAB = ("code\tlabel\tbroader\talt\tsource\n"
         "medtop:04000000\teconomy, business and finance\t\t\tiptc\n"
         "medtop:20000344\teconomy\tmedtop:04000000\t\tiptc\n")
WORDING = "wording\tcode\tsource\neconomy\tmedtop:20000344\tiptc\n"


def _write(tmp_path, vocab=VOCAB, wording=WORDING):
    (tmp_path / "topic_vocabulary.tsv").write_text(vocab, encoding="utf-8")
    (tmp_path / "topic_wording.tsv").write_text(wording, encoding="utf-8")
    return tmp_path


def test_topics_load_a_good_pair_of_tables(tmp_path):
    table = topics.load_topics(_write(tmp_path))
    assert table.lookup("Economy").code == "medtop:20000344"
    assert table.concept("medtop:20000344").broader == "medtop:04000000"


@pytest.mark.parametrize("vocab, wording, message", [
    (VOCAB.replace("medtop:20000344\teconomy", "20000344\teconomy"), WORDING,
     "topic_vocabulary.tsv: line 3: code '20000344' is not a media topic"),
    (VOCAB.replace("\tmedtop:04000000\t", "\tmedtop:04999999\t"), WORDING,
     "topic_vocabulary.tsv: line 3: broader medtop:04999999 of medtop:20000344 is not in the table"),
    (VOCAB + "medtop:20000344\teconomy again\t\t\tiptc\n", WORDING,
     "topic_vocabulary.tsv: line 4: code medtop:20000344 listed twice"),
    (VOCAB.replace("code\tlabel", "code\tname"), WORDING, "topic_vocabulary.tsv: line 1: header"),
    (VOCAB, WORDING + "trade\tmedtop:20000373\tcurated\n",
     "topic_wording.tsv: line 3: code medtop:20000373 of 'trade' is not in the vocabulary"),
    (VOCAB, WORDING + "economy\tmedtop:04000000\tcurated\n",
     "topic_wording.tsv: line 3: 'economy' maps to medtop:20000344 and medtop:04000000 (first on line 2)"),
    (VOCAB, WORDING + "Economics\tmedtop:20000344\tcurated\n",
     "topic_wording.tsv: line 3: 'Economics' is not lower case"),
    (VOCAB, WORDING + "economics\tmedtop:20000344\n", "topic_wording.tsv: line 3: 2 tab-separated fields"),
    (VOCAB, WORDING + "economics\tmedtop:20000344\t\n", "topic_wording.tsv: line 3: no source"),
])
def test_topics_bad_rows_raise_data_error_with_file_and_line(tmp_path, vocab, wording, message):
    with pytest.raises(DataError) as e:
        topics.load_topics(_write(tmp_path, vocab, wording))
    assert message in str(e.value)


def test_topics_head_lookup_is_fast():
    import time

    table = topics.load_topics(DATA)     # a fresh table: nothing cached yet
    phrases = [f"closer cooperation in renewable energy sources number {i}" for i in range(2000)]
    start = time.perf_counter()
    for p in phrases:
        table.head_lookup(p)
    assert time.perf_counter() - start < 2.0
