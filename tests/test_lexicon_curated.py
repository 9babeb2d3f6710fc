"""Curated world knowledge the maintained sources lack (issue 14): news outlets, platforms,
think-tanks and armed groups in organisations.tsv, and former states in former_states.tsv."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import DataError
from kg.lexicon import DATA_DIR, former_states, get_lexicon, read_table

CURATED_KINDS = ("news", "platform", "think_tank", "armed_group")
WORDS = Path("/usr/share/dict/american-english")


@pytest.fixture(scope="module")
def lex():
    return get_lexicon()


def _curated_rows(kinds):
    cols = ("label", "acronyms", "aliases", "kind", "country", "part_of", "source")
    return [r for _, r in read_table(DATA_DIR / "organisations.tsv", cols) if r["kind"] in kinds]


@pytest.mark.parametrize("text, label, kind, country", [
    ("EconomyNext", "EconomyNext", "news", "LK"),
    ("Daily Mirror", "Daily Mirror", "news", "LK"),
    ("The Island", "The Island", "news", "LK"),
    ("Ada Derana", "Ada Derana", "news", "LK"),
    ("X (formerly Twitter)", "X (formerly Twitter)", "platform", "US"),
    ("Truth Social", "Truth Social", "platform", "US"),
    ("ORF", "Observer Research Foundation", "think_tank", "IN"),
    ("LTTE", "Liberation Tigers of Tamil Eelam", "armed_group", "LK"),
    ("PKK", "Kurdistan Workers' Party", "armed_group", "TR"),     # curated wins over a generated party's acronym
    ("al-Qaeda", "al-Qaeda", "armed_group", None),
])
def test_lexicon_curated_organisations_load(lex, text, label, kind, country):
    org = lex.organisation(text)
    assert org is not None and (org.label, org.kind, org.country) == (label, kind, country)


@pytest.mark.parametrize("word", ["Mirror", "Island", "Dawn", "X", "Twitter", "Derana"])
def test_lexicon_curated_bare_words_are_no_organisation(lex, word):
    assert lex.organisation(word) is None


def test_lexicon_every_curated_kind_has_rows_with_a_source():
    rows = _curated_rows(CURATED_KINDS)
    assert {r["kind"] for r in rows} == set(CURATED_KINDS)
    assert all(r["source"].strip() for r in rows)


def _names(rows):
    for r in rows:
        for col in ("label", "aliases"):
            yield from (n for n in r[col].split("|") if n)


def _forbidden(lex):
    """English words (SCOWL's lower-case entries, where installed, and the city stoplist the
    project reviewed) and today's states' names and demonyms."""
    words = set()
    if WORDS.exists():
        words = {w for w in WORDS.read_text(encoding="utf-8", errors="replace").split() if w.islower()}
    stop = {line.strip().casefold() for line in (DATA_DIR / "city_stoplist.txt").read_text(encoding="utf-8")
            .splitlines() if line.strip() and not line.startswith("#")}
    states = {s for c in lex.countries.values() for s in (c.name, c.official_name, *c.aliases, *c.demonyms) if s}
    return words, stop, states


def test_lexicon_curated_names_are_no_english_word_and_no_state(lex):
    words, stop, states = _forbidden(lex)
    names = list(_names(_curated_rows(("platform", "think_tank", "armed_group"))))
    names += [r["label"] for r in _curated_rows(("news",))]
    names += [n for name, aliases, _ in former_states() for n in (name, *aliases)]
    bad = [n for n in names if n.casefold() in words or n.casefold() in stop or n in states]
    # an acronym keeps its case: "LeT" is no word, "let" would be
    acronyms = [a for r in _curated_rows(CURATED_KINDS) for a in r["acronyms"].split("|") if a]
    bad += [a for a in acronyms if a in words or a.casefold() in stop or a in states]
    assert bad == []
    # acronyms of two letters are left out of the new kinds: too many other things share them
    new_kinds = ("platform", "think_tank", "armed_group")
    assert [n for r in _curated_rows(new_kinds) for n in r["acronyms"].split("|") if 0 < len(n) < 3] == []


def test_former_states_load():
    table = {name: (aliases, qid) for name, aliases, qid in former_states()}
    assert table["Soviet Union"] == (("USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"), "Q15180")
    assert table["East Germany"][0] == ("German Democratic Republic",)
    assert {"Yugoslavia", "Czechoslovakia", "West Germany", "South Vietnam", "Rhodesia"} <= set(table)
    # Germany's official name is today's, never West Germany's
    assert "Federal Republic of Germany" not in {a for aliases, _ in table.values() for a in aliases}


@pytest.mark.parametrize("row, reason", [
    ("Prussia\t\tQ27306x\tsome page", r"line 2: wikidata 'Q27306x' is not a QID"),
    ("Germany\t\t\tsome page", r"line 2: 'Germany' is a current state's name"),
    ("Rhodesia\tRhodesia\t\tsome page", r"line 2: 'Rhodesia' is already line 2"),
    ("Rhodesia\t\t\t", r"line 2: empty source"),
])
def test_former_states_bad_row_raises(tmp_path, row, reason):
    (tmp_path / "former_states.tsv").write_text("name\taliases\twikidata\tsource\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=reason):
        former_states(tmp_path, current={"Germany"})
