"""The article reader: what a user sees in an Article read from a seed, a fixture or bad input."""
from __future__ import annotations

import codecs
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.read.articles import Article, read_text, split_sentences
from kg.read.dates import parse_date
from kg.errors import ArticleError
from kg.read.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
READER = Path(__file__).resolve().parent / "fixtures" / "reader"
ALL_FILES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in READER.glob("*") if p.name != "empty_page.html")


def seed(prefix: str) -> Article:
    return read_article(next(SEEDS.glob(prefix + "_*.txt")))


def sentence_texts(article: Article) -> list:
    return [s.text for s in article.sentences]


# ---------------------------------------------------------------------------- seeds
@pytest.mark.parametrize("prefix, title, pub_date, place, dateline_date, publisher", [
    ("000", "Interview: Azerbaijan-China relations steadily advancing, says President Aliyev",
     date(2025, 4, 22), "Baku", date(2025, 4, 21), "Xinhua"),
    ("001", "Azerbaijani president's upcoming visit to China to deepen strategic partnership "
            "Foreign Ministry spokesperson says", None, None, None, None),
    ("002", "Chinese premier meets Azerbaijani president",
     date(2025, 4, 23), "Beijing", date(2025, 4, 23), "Xinhua"),
    ("003", "China, Azerbaijan elevate partnership", None, None, None, None),
    ("004", "China and Azerbaijan Elevate Strategic Partnership - Chinese Ambassador",
     None, None, None, None),
])
def test_articles_seed_metadata(prefix, title, pub_date, place, dateline_date, publisher):
    art = seed(prefix)
    assert (art.title, art.date, art.dateline_place, art.dateline_date, art.publisher) == (
        title, pub_date, place, dateline_date, publisher)
    assert art.source.startswith(prefix + "_") and art.source.endswith(".txt")
    assert art.encoding == "utf-8" and art.warnings == ()
    assert art.sentences[0].text == title


@pytest.mark.parametrize("prefix, expected", [
    ("000", date(2025, 4, 21)),     # the dateline, not the header's 2025-04-22
    ("002", date(2025, 4, 23)),
    ("003", None),
])
def test_articles_reference_date(prefix, expected):
    assert seed(prefix).reference_date == expected


@pytest.mark.parametrize("prefix, furniture", [
    ("000", "11:24"),                                   # "Xinhua) 11:24, April 22, 2025" header
    ("000", "BAKU, April 21"),                          # the dateline prefix
    ("002", "(Xinhua/Liu Weibing)"),                    # photo caption
    ("002", "Great Hall of the People"),
    ("002", "BEIJING, April 23 (Xinhua)"),
    ("003", "US political manipulation"),               # related-headlines list
    ("003", "Shanghai International Coffee Culture Festival"),
    ("004", "Leave a review"),
])
def test_articles_seed_furniture_dropped(prefix, furniture):
    art = seed(prefix)
    assert furniture not in art.text
    assert not any(furniture in s for s in sentence_texts(art))


@pytest.mark.parametrize("prefix, first_body_sentence", [
    ("000", '"Azerbaijan-China relations, rooted in ancient history and sound traditions, are '
            'steadily advancing," said Azerbaijani President Ilham Aliyev.'),
    ("002", "Chinese Premier Li Qiang met with Azerbaijani President Ilham Aliyev, who is on a "
            "state visit to China, in Beijing on Wednesday."),
    ("003", "Countries agree to enhance all-around cooperation amid complex intl changes"),
])
def test_articles_seed_first_body_sentence(prefix, first_body_sentence):
    assert seed(prefix).sentences[1].text == first_body_sentence


def test_articles_seed_headings_stay_alone():
    texts = sentence_texts(seed("004"))
    for heading, follower in [("Trade and Economic Resilience", "Despite global economic headwinds"),
                              ("Enhanced People-to-People Connectivity", "Humanitarian and cultural"),
                              ("Strategic Multilateral Engagement", "China and Azerbaijan continue")]:
        k = texts.index(heading)
        assert texts[k + 1].startswith(follower)
    assert texts[-1].endswith('unprecedented levels," Ding concluded.')


def test_articles_seed_sentence_counts():
    assert [len(read_article(p).sentences) for p in sorted(SEEDS.glob("*.txt"))] == [18, 28, 13, 24, 29]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_articles_offsets_consistent(path):
    art = read_article(path)
    assert art.sentences, "no sentences"
    assert art.text.startswith(art.title + "\n\n")
    assert art.sentences[0].paragraph == 0 and art.sentences[0].text == art.title
    last_par = 0
    for k, s in enumerate(art.sentences):
        assert s.index == k and s.article_id == art.id
        assert art.text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text and "\n" not in s.text
        assert s.paragraph >= last_par
        last_par = s.paragraph
    assert last_par == art.text.count("\n\n")


# ---------------------------------------------------------------------------- id
def test_articles_id_stable_and_independent_of_name(tmp_path):
    src = next(SEEDS.glob("000_*.txt"))
    copy = tmp_path / "renamed article.txt"
    shutil.copy(src, copy)
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    ids = {read_article(src).id, read_article(src).id, read_article(copy).id, read_article(crlf).id,
           read_text(src.read_text(encoding="utf-8")).id}
    assert len(ids) == 1
    (only,) = ids
    assert len(only) == 16 and int(only, 16) >= 0
    assert read_article(copy).source == "renamed article.txt"
    assert len({read_article(p).id for p in SEEDS.glob("*.txt")}) == 5


# ---------------------------------------------------------------------------- datelines
HEADLINE = "Neighbours sign accord\n\n"


@pytest.mark.parametrize("text, place, dateline_date, pub_date, publisher, first", [
    ("Kazinform) 09:15, June 3, 2024\n\nASTANA, June 3 (Kazinform) -- Kazakhstan and Brazil "
     "signed a visa waiver deal.", "Astana", date(2024, 6, 3), date(2024, 6, 3), "Kazinform",
     "Kazakhstan and Brazil signed a visa waiver deal."),
    ("BRASILIA, Oct. 7 (Reuters) - Brazil and Argentina agreed on a gas pipeline.\n\n"
     "Officials meet in Brasilia, Oct. 6, 2023. (Reuters/Adriano Machado)",
     "Brasilia", date(2023, 10, 7), date(2023, 10, 7), "Reuters",
     "Brazil and Argentina agreed on a gas pipeline."),
    ("Published: 2024-01-05\n\nMOSCOW, Jan. 5 (Reuters) - Russia and Mongolia held talks.",
     "Moscow", date(2024, 1, 5), date(2024, 1, 5), "Reuters", "Russia and Mongolia held talks."),
    ("ANKARA, Türkiye, March 3 (AA) – Turkish and Iraqi ministers met.\n\nMarch 4, 2024",
     "Ankara", date(2024, 3, 3), date(2024, 3, 4), "AA", "Turkish and Iraqi ministers met."),
    ("WASHINGTON (AP) — The U.S. and Canada renewed a water treaty.\n\n6 May 2024",
     "Washington", None, date(2024, 5, 6), "AP", "The U.S. and Canada renewed a water treaty."),
    ("RIO DE JANEIRO, Sept. 12 (Xinhua) -- Brazil hosted the talks. The 2023 round failed.",
     "Rio de Janeiro", date(2023, 9, 12), date(2023, 9, 12), "Xinhua", "Brazil hosted the talks."),
    ("Xinhua) 10:02, January 1, 2020\n\nNUR-SULTAN, Dec. 31 (Xinhua) -- Kazakhstan closed the year.",
     "Nur-Sultan", date(2019, 12, 31), date(2020, 1, 1), "Xinhua", "Kazakhstan closed the year."),
    ("MOSCOW, May 6. /TASS/. Russia and Laos signed a memorandum.\n\n2024-05-06 10:31",
     "Moscow", date(2024, 5, 6), date(2024, 5, 6), "TASS", "Russia and Laos signed a memorandum."),
    ("HANOI, 6 May 2024 (VNA) - Vietnam and Laos met.", "Hanoi", date(2024, 5, 6),
     date(2024, 5, 6), "VNA", "Vietnam and Laos met."),
    ("LONDON, Feb. 2 — Britain and Norway signed a deal in 2022.", "London", date(2022, 2, 2),
     date(2022, 2, 2), None, "Britain and Norway signed a deal in 2022."),
])
def test_articles_dateline_formats(text, place, dateline_date, pub_date, publisher, first):
    art = read_text(HEADLINE + text)
    assert (art.dateline_place, art.dateline_date, art.date, art.publisher) == (
        place, dateline_date, pub_date, publisher)
    assert art.sentences[1].text == first


def test_articles_dateline_without_year_gives_no_date():
    art = read_text(HEADLINE + "BEIJING, April 23 (Xinhua) -- China and Laos met on Wednesday.")
    assert (art.dateline_place, art.publisher, art.dateline_date, art.date) == ("Beijing", "Xinhua", None, None)
    assert art.reference_date is None
    assert any("no year" in w for w in art.warnings)
    assert art.sentences[1].text == "China and Laos met on Wednesday."


@pytest.mark.parametrize("body", [
    "NATO (the alliance) - said on Monday it would expand.",
    "UNESCO said on Monday it would fund the project.",
    "Li Qiang (pictured) - the premier - spoke first.",
])
def test_articles_no_dateline_in_ordinary_openings(body):
    art = read_text(HEADLINE + body)
    assert art.dateline_place is None and art.sentences[1].text.startswith(body.split()[0])


@pytest.mark.parametrize("line", ["Published: 2024-05-06", "May 6, 2024", "6 May 2024",
                                  "2024-05-06 10:31", "Monday, May 6, 2024 10:31 GMT",
                                  "Posted on 06 May 2024"])
def test_articles_publication_date_lines(line):
    art = read_text(f"Chile and Peru sign deal\n{line}\nChile and Peru signed a deal.")
    assert art.date == date(2024, 5, 6)
    assert sentence_texts(art)[1:] == ["Chile and Peru signed a deal."]


@pytest.mark.parametrize("text, expected", [
    ("April 21, 2025", "2025-04-21"), ("21 April 2025", "2025-04-21"), ("Sept. 3, 2024", "2024-09-03"),
    ("2024-05-06 10:31", "2024-05-06"), ("July 2024", "2024-07"), ("2024", "2024"),
    ("Jan. 5", None), ("Feb. 30, 2024", None), ("next week", None),
])
def test_dates_parse_date(text, expected):
    assert parse_date(text) == expected


# ---------------------------------------------------------------------------- sentences
@pytest.mark.parametrize("paragraph, expected", [
    ("Mr. Li met Dr. Smith in St. Petersburg on Jan. 5. They talked.",
     ["Mr. Li met Dr. Smith in St. Petersburg on Jan. 5.", "They talked."]),
    ("The U.S. Secretary of State arrived. Sanctions were imposed by the U.S. The move angered Moscow.",
     ["The U.S. Secretary of State arrived.", "Sanctions were imposed by the U.S.",
      "The move angered Moscow."]),
    ("Former President George W. Bush visited. Trade hit $3.1 billion, up 17.1%. Caliber.Az reported it.",
     ["Former President George W. Bush visited.", "Trade hit $3.1 billion, up 17.1%.",
      "Caliber.Az reported it."]),
    ('"Relations are steadily advancing," said President Aliyev. "We agree." He left.',
     ['"Relations are steadily advancing," said President Aliyev.', '"We agree."', "He left."]),
    ("“The door is open.” He said talks would resume.",
     ["“The door is open.”", "He said talks would resume."]),
    ("Is it over?” he asked. Nobody answered.", ["Is it over?” he asked.", "Nobody answered."]),
    ("The deal covers e.g. oil, i.e. crude. It was signed by Lt. Gen. John Smith Jr. on Tuesday.",
     ["The deal covers e.g. oil, i.e. crude.", "It was signed by Lt. Gen. John Smith Jr. on Tuesday."]),
    ("Talks ended at 5 p.m. The delegation left for the U.K. on Friday.",
     ["Talks ended at 5 p.m.", "The delegation left for the U.K. on Friday."]),
    ("Resolution No. 2231 passed. Brazil vs. Argentina ended 2-1. What next? Nobody knows!",
     ["Resolution No. 2231 passed.", "Brazil vs. Argentina ended 2-1.", "What next?", "Nobody knows!"]),
    ("He hesitated... Then he signed. The talks ... continued.",
     ["He hesitated...", "Then he signed.", "The talks ... continued."]),
    ("The U.N. Security Council met in Sept. 2024 with Prof. Rao, Acme Inc. and Beta Ltd. present.",
     ["The U.N. Security Council met in Sept. 2024 with Prof. Rao, Acme Inc. and Beta Ltd. present."]),
    ("  No final punctuation here  ", ["No final punctuation here"]),
    # an initial "A." is no article opening a sentence; the article after an initial is
    ("Leaders including M. A. Perera attended. He met John W. Smith. A deal followed.",
     ["Leaders including M. A. Perera attended.", "He met John W. Smith.", "A deal followed."]),
])
def test_articles_split_sentences(paragraph, expected):
    assert [paragraph[s:e] for s, e in split_sentences(paragraph)] == expected


# ---------------------------------------------------------------------------- furniture
FURNITURE = READER / "mongolia_japan_furniture.txt"


def test_articles_furniture_fixture_keeps_only_the_story():
    art = read_article(FURNITURE)
    assert sentence_texts(art) == [
        "Mongolia and Japan sign energy cooperation agreement",
        "Mongolia and Japan signed an agreement on energy cooperation on Tuesday, the Mongolian "
        "Foreign Ministry said.",
        "Background to the Deal",
        "Japan is Mongolia's largest bilateral donor.",
        "Reporting by the ministry showed that aid rose by 12.5% last year.",
        "The ministry said talks on a second agreement would continue in Tokyo.",
    ]
    assert (art.dateline_place, art.dateline_date, art.publisher) == ("Ulaanbaatar", date(2024, 11, 12), "Montsame")


@pytest.mark.parametrize("furniture", [
    "Bat-Erdene Ganbold", "Share this article", "(Xinhua/Pool)", "Photo:", "File photo", "Related:",
    "Read more", "Follow us", "Source:", "Editor:", "Copyright", "Editing by", "Reporting by Jane Doe",
    "Leave a review", "new international airport", "rare earth",
])
def test_articles_furniture_dropped(furniture):
    assert furniture not in read_article(FURNITURE).text


def test_articles_hard_wrapped_text_joined_but_heading_kept():
    art = read_article(READER / "chile_peru_wrapped.txt")
    assert sentence_texts(art) == [
        "Chile and Peru agree on new border crossing",
        "Chile and Peru agreed on Wednesday to open a new border crossing near Tacna, the Peruvian "
        "Foreign Ministry said in a statement.",
        "The crossing will open next year.",
        "Trade Links",
        "Bilateral trade reached $4.5 billion in 2023, according to official figures.",
        'Peruvian Foreign Minister Javier Gonzalez-Olaechea said the deal "marks a new era for the '
        'Pacific coast."',
    ]
    assert [s.paragraph for s in art.sentences] == [0, 1, 1, 2, 3, 3]
    assert (art.date, art.dateline_place, art.dateline_date, art.publisher) == (
        date(2024, 8, 14), "Lima", date(2024, 8, 14), "Andina")


def test_articles_body_list_introduced_by_colon_is_kept():
    art = read_text("Laos and Thailand sign accords\nThe accords cover:\n- rail links;\n- power trade.\n"
                    "Both sides will meet again in June.")
    assert sentence_texts(art)[1:] == ["The accords cover:", "rail links;", "power trade.",
                                       "Both sides will meet again in June."]


# ---------------------------------------------------------------------------- encodings
TEXT = "Café diplomacy in São Paulo\n“Brazil and Côte d’Ivoire met,” the ministry said.\n"


@pytest.mark.parametrize("data, encoding, warning", [
    (TEXT.encode("utf-8"), "utf-8", None),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", None),
    (TEXT.encode("utf-16"), "utf-16", None),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", None),
    (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8", None),
    (TEXT.encode("cp1252"), "cp1252", "not UTF-8 (byte 0xe9 at offset 3); decoded as Windows-1252"),
], ids=["utf-8", "bom", "utf-16", "utf-16-be", "crlf", "cp1252"])
def test_articles_encodings(tmp_path, data, encoding, warning):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    art = read_article(path)
    assert art.encoding == encoding
    assert art.warnings == ((warning,) if warning else ())
    assert sentence_texts(art) == ["Café diplomacy in São Paulo",
                                   "“Brazil and Côte d’Ivoire met,” the ministry said."]


def test_articles_latin1_warns_and_reads(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Rencontre à Genève\nLe ministre a reçu son homologue à Genève.\n".encode("latin-1"))
    art = read_article(path)
    assert art.encoding == "latin-1"
    assert art.warnings == ("not UTF-8 (byte 0xe0 at offset 10); decoded as Latin-1",)
    assert art.title == "Rencontre à Genève"
    assert art.id == read_text("Rencontre à Genève\nLe ministre a reçu son homologue à Genève.").id


def test_articles_unicode_and_spaces_normalised():
    art = read_text("Zu\u0308rich\u00a0talks\r\nSwiss\u00a0and\u2009Austrian  envoys met.\u200b\rThey agreed.")
    assert art.title == "Zürich talks"
    assert sentence_texts(art)[1:] == ["Swiss and Austrian envoys met.", "They agreed."]


# ---------------------------------------------------------------------------- bad input
BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\r\n \n", "empty file"),
    ("bom-only.txt", codecs.BOM_UTF8 + b"\n", "empty file"),
    ("headline.txt", b"Kazakhstan and Brazil sign visa deal\n\n", "no text after the headline"),
    ("furniture.txt", b"Kazakhstan and Brazil sign visa deal\nShare this article\nLeave a review\n",
     "no text after the headline"),
    ("nul.txt", b"Headline\nBody \x00\x00\x00 text\n", "binary file, not text"),
    ("noise.bin", bytes(range(256)) * 20, "binary file, not text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file, not text"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file, not text"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"A\x00B", "undecodable: starts with a UTF-16 byte-order mark "
                                                    "but is not UTF-16 (byte offset 4)"),
]


@pytest.mark.parametrize("name, data, reason", BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_articles_bad_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert str(err.value) == f"{path}: {reason}"


def test_articles_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError) as err:
        read_article(tmp_path / "nope.txt")
    assert str(err.value) == f"{tmp_path / 'nope.txt'}: no such file"
    with pytest.raises(ArticleError) as err:
        read_article(str(tmp_path))
    assert str(err.value) == f"{tmp_path}: is a directory, not a file"


def test_articles_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Headline\nBody.\n", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:   # root reads anything: make the read fail as it would for a user
        def denied(self):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert str(err.value) == f"{path}: permission denied"


@pytest.mark.parametrize("text, reason", [
    ("", "<text>: empty text"),
    ("Headline only", "<text>: no text after the headline"),
])
def test_articles_read_text_errors(text, reason):
    with pytest.raises(ArticleError) as err:
        read_text(text)
    assert str(err.value) == reason


# ---------------------------------------------------------------------------- HTML
def test_articles_html_main_text_without_navigation():
    art = read_article(READER / "kazakhstan_brazil.html")
    assert art.title == "Kazakhstan and Brazil sign visa waiver agreement"
    assert art.source == "kazakhstan_brazil.html"
    assert (art.date, art.dateline_place, art.dateline_date, art.publisher) == (
        date(2024, 6, 3), "Astana", date(2024, 6, 3), "Kazinform")
    texts = sentence_texts(art)
    assert texts[1] == ("Kazakhstan and Brazil signed an agreement on mutual visa exemption for "
                        "holders of ordinary passports on Monday, the Kazakh Foreign Ministry said.")
    assert texts[-1].startswith("Vieira said Brazil regards Kazakhstan as a key partner")
    assert len(texts) == 6
    for furniture in ("Steppe Herald", "Politics", "Economy", "About us", "Copyright",
                      "Central Asia investment forum", "metro line", "Aigerim Nurlanovna"):
        assert furniture not in art.text


def test_articles_html_without_article_text():
    path = READER / "empty_page.html"
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert str(err.value) == f"{path}: no article text found in the HTML page"


def test_articles_html_declared_charset(tmp_path):
    page = (READER / "kazakhstan_brazil.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Murat Nurtleu", "Мурат Нуртлеу")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1251"))
    art = read_article(path)
    assert (art.encoding, art.warnings) == ("windows-1251", ())
    assert "Foreign Minister Мурат Нуртлеу and Brazilian" in art.text
