"""The office-holder generator's mapping of a position's title on a Peppercat page to
diplokg's canonical role (the ``role`` column of ``kg/data/titles.tsv``), and of a page's slug to
its state. Titles are compared after NFC and whitespace normalisation.

1. ``STATE_TITLES`` (the table ``state_titles.tsv`` beside this module): titles whose role
   depends on the state, checked first (news English calls the US foreign minister "Secretary of
   State", India's "External Affairs Minister").
2. ``EXACT_TITLES``: titles with one meaning on every state's page.
3. ``PORTFOLIOS``: "Minister of/for X" where X names the portfolio, possibly with others
   ("Minister of Foreign Affairs and International Cooperation"); the first portfolio word wins.
A title ``SKIP_WORDS`` matches never maps, whatever the patterns say.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Dict, Optional, Tuple

__all__ = ["STATE_TITLES", "EXACT_TITLES", "MONARCH_ROLES", "role_for", "ORG_TITLES", "ORG_PAGES",
           "org_office", "slugify", "page_codes", "norm_title"]

STATE_TITLES_PATH = Path(__file__).resolve().parent / "state_titles.tsv"


def read_state_titles(path: Path = STATE_TITLES_PATH) -> Dict[Tuple[str, str], Optional[str]]:
    """{(state, title): role, or None for a title that never maps there} of ``state_titles.tsv``."""
    out: Dict[Tuple[str, str], Optional[str]] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != 4 or not re.match(r"^[A-Z]{2}$", cells[0]) or not cells[1]:
            raise SystemExit(f"{path}: row {n}: expected state, title, role, note")
        out[cells[0], cells[1]] = cells[2] or None
    return out


STATE_TITLES: Dict[Tuple[str, str], Optional[str]] = read_state_titles()
EXACT_TITLES: Dict[str, str] = {
    "President": "President",
    "President of the Republic": "President",
    "Beretitenti (President)": "President",
    "Prime Minister": "Prime Minister",
    "Chairman of the Cabinet of Ministers (Prime Minister)": "Prime Minister",
    "monarch": "monarch", "Monarch": "monarch", "King": "monarch", "Queen": "monarch",
    "emir": "monarch", "Emir": "monarch", "Sultan": "monarch",
    "Yang di_pertuan Agong (Monarch)": "monarch", "Ngwenyama (King)": "monarch",
}
#: the monarch's role by state; elsewhere King or Queen by the holder's gender
MONARCH_ROLES = {"QA": "Emir", "KW": "Emir", "OM": "Sultan", "BN": "Sultan"}
#: titles that never map (junior or deputy posts, bodies named like a ministry)
SKIP_WORDS = re.compile(r"\b(Deputy|Vice|Assistant|Associate|Delegate|Delegated|Second|State Minister|"
                        r"Minister of State|Minister in|Minister within|Minister to|Secretary of State for|"
                        r"State Secretary|Under|Shadow|Parliamentary|Junior|Acting|Domestic|Internal|"
                        r"Industry Minister|Materiel|Equipment|Civil Defen[cs]e|Defen[cs]e Industry|"
                        r"Micro-?finance|Public Finance|Cabinet Secretary|Flemish|Chief|Spokes)",
                        re.IGNORECASE)
_MINISTER = r"^(?:Federal )?(?:Minister|Secretary) (?:of|for) (?:the )?"
PORTFOLIOS: Tuple[Tuple[str, re.Pattern], ...] = (
    ("Foreign Minister", re.compile(r"\b(Foreign Affairs|External Relations|External Affairs|"
                                    r"Foreign and European Affairs|Europe and Foreign Affairs|"
                                    r"Foreign Affairs)\b")),
    ("Defense Minister", re.compile(r"\b(National )?Defen[cs]e\b")),
    ("Finance Minister", re.compile(r"\b(Finance|Finances|Treasury)\b")),
    ("Trade Minister", re.compile(r"\b(Foreign |International |External )?Trade\b")),
    ("Commerce Minister", re.compile(r"\b(Foreign )?Commerce\b")),
)


def norm_title(title: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip()


def role_for(title: str, state: str, gender: str = "") -> Optional[str]:
    """The canonical role a position's title stands for on a state's page, or None.

    >>> role_for("Minister of Foreign Affairs and Worship", "AR"), role_for("Secretary of State", "US")
    ('Foreign Minister', 'Secretary of State')
    >>> role_for("Deputy Minister of Finance", "KE") is None, role_for("monarch", "SE", "female")
    (True, 'Queen')
    """
    t = norm_title(title)
    if (state, t) in STATE_TITLES:
        return STATE_TITLES[(state, t)]
    role = EXACT_TITLES.get(t)
    if role is None and re.match(_MINISTER, t) and not SKIP_WORDS.search(t) and state not in ("US", "GB"):
        portfolio = re.sub(_MINISTER, "", t)
        hits = [(m.start(), r) for r, rx in PORTFOLIOS for m in [rx.search(portfolio)] if m]
        if hits:
            role = min(hits)[1]
    if role == "monarch":
        role = MONARCH_ROLES.get(state) or ("Queen" if gender.strip().lower() == "female" else "King")
    if role == "Premier" and state != "CN":
        return None
    return role


#: international organisations' pages: title -> (role, organisation label in organisations.tsv)
ORG_TITLES: Dict[str, Tuple[str, str]] = {
    "Secretary-General of the United Nations": ("Secretary-General", "United Nations"),
    "Director-General of the World Trade Organization": ("Director-General", "World Trade Organization"),
    "Director-General of the World Health Organization": ("Director-General", "World Health Organization"),
    "President of the European Commission": ("President", "European Commission"),
    "President of the European Council": ("President", "European Council"),
    "High Representative of the Union for Foreign Affairs and Security Policy":
        ("High Representative", "European Union"),
    "Secretary General of NATO": ("Secretary-General", "North Atlantic Treaty Organization"),
}
ORG_PAGES = ("world", "european-union")


def org_office(role: str, org: str) -> str:
    """``Secretary-General of the United Nations``: an organisation's name takes "the"."""
    return f"{role} of the {org}"


# Page slugs that are not the slug of the lexicon's name.
SLUG_CODES = {"bosnia-herzegovina": "BA", "congo-brazzaville": "CG", "congo-kinshasa": "CD",
              "czechia": "CZ", "cabo-verde": "CV", "st-kitts-and-nevis": "KN",
              "sao-tome-and-principe": "ST", "micronesia": "FM", "palestine": "PS"}


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def page_codes(country_names: Dict[str, str]) -> Dict[str, str]:
    """Peppercat page slug -> ISO code, for the lexicon's states."""
    codes = {slugify(name): code for code, name in country_names.items()}
    codes.update(SLUG_CODES)
    return codes
