"""Generate kg/data/topic_vocabulary.tsv (and the vocabulary's rows of topic_wording.tsv) from
IPTC Media Topics, the controlled vocabulary of subject areas diplokg's topics come from.

Run from the project root, with the IPTC files fetched beforehand (nothing fetched is committed;
kg/data/SOURCES.md names the files, their release and where they were had)::

    python -m kg.tools.gen_topics cptall-en-GB.json --variant cptall-en-US.json
    python -m kg.tools.gen_topics cptall-en-GB.json --variant cptall-en-US.json --check

The input is the IPTC's JSON serialisation of a SKOS concept scheme (``conceptSet``: one object
per concept with ``qcode``, ``prefLabel`` and ``altLabel`` by language, ``broader``, ``retired``).
The first file gives each concept's label (its British English prefLabel); a ``--variant`` file
of the same scheme in another English (en-US) gives the spelling it writes differently
("labor", "defense equipment"), kept as an alternative label with the source's own altLabels.

Only the branches foreign-policy news touches are kept (``BRANCHES``): the 1,080 live concepts
become a few hundred. Retired concepts are never kept.

Besides the vocabulary, the rows of ``topic_wording.tsv`` whose source is ``iptc`` (the
vocabulary's own labels and alternative labels as news English writes them) are rewritten;
every other row of that file (curated, or from another source) is kept as it is. A curated row
wins over an ``iptc`` row for the same wording.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

__all__ = ["BRANCHES", "Concept", "read_scheme", "select", "vocabulary_rows", "wording_rows",
           "render_vocabulary", "render_wording", "main"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
VOCABULARY_HEADER = ("code", "label", "broader", "alt", "source")
WORDING_HEADER = ("wording", "code", "source")
SOURCE = "iptc"

# (concept, depth): keep the concept and its narrower concepts down to `depth` levels below it.
# A later, more specific entry overrides an earlier one for its own subtree; depth 0 with
# nothing else keeps the concept alone. What diplomacy, trade and cooperation news names:
# economy, politics, international relations, law, conflict, energy, environment, science,
# health, education, labour and society in depth; culture, sport and religion at their top.
BRANCHES: Tuple[Tuple[str, int], ...] = (
    ("medtop:01000000", 1),   # arts, culture, entertainment and media
    ("medtop:20000002", 1),   # arts and entertainment: cinema, music, literature... not genres
    ("medtop:20000038", 2),   # culture
    ("medtop:20000045", 1),   # mass media
    ("medtop:02000000", 1),   # crime, law and justice
    ("medtop:20000082", 1),   # crime: its kinds, not their subkinds
    ("medtop:20000087", 0),   # corporate crime
    ("medtop:20000093", 1),   # corruption, bribery
    ("medtop:20000095", 1),   # drug related crimes, drug trafficking
    ("medtop:20000097", 1),   # fraud, tax evasion
    ("medtop:20000106", 1),   # judiciary
    ("medtop:20000121", 2),   # law
    ("medtop:20000129", 1),   # law enforcement
    ("medtop:03000000", 1),   # disaster, accident and emergency incident
    ("medtop:20000148", 3),   # disaster
    ("medtop:04000000", 1),   # economy, business and finance
    ("medtop:20000170", 1),   # business information
    ("medtop:20000192", 1),   # business strategy and marketing
    ("medtop:20000209", 1),   # products and services
    ("medtop:20000217", 1),   # chemicals
    ("medtop:20000225", 1),   # computing and information technology
    ("medtop:20000235", 1),   # construction and property
    ("medtop:20000243", 1),   # consumer goods
    ("medtop:20000256", 2),   # energy and resource
    ("medtop:20000294", 1),   # manufacturing and engineering
    ("medtop:20000316", 1),   # metal and mineral mining and refining
    ("medtop:20000331", 1),   # tourism and leisure industry
    ("medtop:20000337", 1),   # transport
    ("medtop:20001244", 1),   # utilities
    ("medtop:20001354", 1),   # healthcare industry
    ("medtop:20001370", 1),   # financial service
    ("medtop:20001371", 0),   # business service
    ("medtop:20000344", 2),   # economy
    ("medtop:20000349", 1),   # business enterprise
    ("medtop:20000385", 1),   # market and exchange
    ("medtop:05000000", 1),   # education
    ("medtop:20000400", 1),   # school
    ("medtop:06000000", 2),   # environment
    ("medtop:07000000", 1),   # health
    ("medtop:20000446", 1),   # disease and condition
    ("medtop:20000464", 1),   # health treatment and procedure
    ("medtop:09000000", 2),   # labour
    ("medtop:10000000", 1),   # lifestyle and leisure
    ("medtop:20000538", 0),   # leisure
    ("medtop:20000563", 0),   # travel and tourism
    ("medtop:20000565", 0),   # lifestyle
    ("medtop:11000000", 1),   # politics and government
    ("medtop:20000574", 0),   # election
    ("medtop:20000593", 1),   # government
    ("medtop:20000598", 2),   # national security
    ("medtop:20000653", 1),   # political system
    ("medtop:20000621", 2),   # government policy
    ("medtop:20000638", 2),   # international relations
    ("medtop:12000000", 1),   # religion
    ("medtop:20000657", 0),   # belief systems
    ("medtop:13000000", 2),   # science and technology
    ("medtop:20000738", 1),   # scientific exploration, space exploration
    ("medtop:20000742", 0),   # social sciences: not each of them
    ("medtop:20000765", 1),   # micro science, nanotechnology
    ("medtop:20000763", 1),   # information technology and computer science, AI
    ("medtop:14000000", 1),   # society
    ("medtop:20000587", 1),   # fundamental rights
    ("medtop:20000770", 1),   # demographics
    ("medtop:20000771", 1),   # immigration
    ("medtop:20000775", 0),   # discrimination
    ("medtop:20000780", 0),   # family
    ("medtop:20000788", 0),   # demographic group
    ("medtop:20000799", 1),   # social condition
    ("medtop:20000802", 0),   # social problem
    ("medtop:20000808", 0),   # values
    ("medtop:20000817", 1),   # welfare
    ("medtop:15000000", 0),   # sport
    ("medtop:20001108", 0),   # sport event
    ("medtop:20001125", 0),   # sport organisation
    ("medtop:20001147", 0),   # sports policies
    ("medtop:16000000", 2),   # conflict, war and peace
    ("medtop:17000000", 0),   # weather
)

# Subtrees left out although their branch is kept: shopping, the sale of houses and the business
# of individual firms are not what states cooperate on.
SKIP: Tuple[str, ...] = (
    "medtop:20000003", "medtop:20000004", "medtop:20001179",   # animation, cartoon, series
    "medtop:20000011",                                          # fashion
    "medtop:20000188", "medtop:20000199", "medtop:20001365",    # HR, governance, reporting
    "medtop:20001366", "medtop:20000183",                       # restructuring, financing
    "medtop:20000194", "medtop:20000283", "medtop:20000284",    # annual report, market research
    "medtop:20000205", "medtop:20000207", "medtop:20001163",    # product, recall, CRM
    "medtop:20001289",                                          # sales channel
    "medtop:20000304",                                          # media and entertainment industry
    "medtop:20000254", "medtop:20000325", "medtop:20001168",    # toys, furniture, pet products
    "medtop:20000334", "medtop:20000332",                       # sporting goods, casinos
    "medtop:20001363", "medtop:20001364",                       # taxi, shared transport
    "medtop:20000361", "medtop:20000380", "medtop:20000381",    # inventories, mortgages, funds
    "medtop:20000398", "medtop:20000414", "medtop:20001217",    # parents, entrance exams, grading
    "medtop:20001212", "medtop:20001213", "medtop:20001214", "medtop:20001215",  # school types
    "medtop:20000401", "medtop:20000404", "medtop:20000408", "medtop:20000409",  # school levels
    "medtop:20000339", "medtop:20001276",                       # commuting, parental leave
    "medtop:20000456", "medtop:20001322", "medtop:20001355",    # injury, poisoning, disorder
    "medtop:20000467", "medtop:20000469", "medtop:20000465",    # drugs, tests, diet
    "medtop:20001219", "medtop:20001228",                       # rehabilitation, surgery
    "medtop:20000611", "medtop:20001259", "medtop:20001260",    # impeachment, convention, cttee
    "medtop:20001265", "medtop:20001383", "medtop:20000632",    # local, zoning, gun policy
    "medtop:20000716", "medtop:20000728", "medtop:20000715",    # mechanics, horticulture, maths
    "medtop:20000726", "medtop:20000740",                       # cosmology, publication
    "medtop:20000797", "medtop:20000798", "medtop:20000794", "medtop:20000789",  # age groups
    "medtop:20001328", "medtop:20000782", "medtop:20001360",    # men, dating, fraternal groups
    "medtop:20001196", "medtop:20001314", "medtop:20001285",    # reckless driving, animals, vandalism
    "medtop:20001313", "medtop:20000083",                       # shootings, arson
)

_QCODE = re.compile(r"^medtop:\d{8}$")


class Concept:
    """One concept of the scheme as read: qcode, labels, parent, whether it is retired."""

    __slots__ = ("code", "label", "alt", "broader", "retired")

    def __init__(self, code: str, label: str, alt: Sequence[str], broader: Optional[str],
                 retired: bool):
        self.code = code
        self.label = label
        self.alt = list(alt)
        self.broader = broader
        self.retired = retired


def _qcode(value: str) -> str:
    """'http://cv.iptc.org/newscodes/mediatopic/20000344' or 'medtop:20000344' -> the qcode."""
    if value.startswith("medtop:"):
        return value
    tail = value.rstrip("/").rsplit("/", 1)[-1]
    return f"medtop:{tail}"


def _english(values: object, lang: Optional[str] = None) -> List[str]:
    """The English strings of a language map ({"en-GB": "x"} or {"en-GB": ["x", "y"]})."""
    if not isinstance(values, dict):
        return []
    out: List[str] = []
    for key in sorted(values):
        if (lang is None and key.lower().startswith("en")) or key == lang:
            v = values[key]
            out.extend([v] if isinstance(v, str) else [x for x in v if isinstance(x, str)])
    return out


def read_scheme(path: Path, lang: Optional[str] = None) -> Dict[str, Concept]:
    """Read one IPTC JSON concept scheme.

    Args:
        path: the JSON file (``cptall-en-GB.json`` as the IPTC serves it).
        lang: the language tag whose prefLabel is the label (None: the first English one).

    Returns:
        qcode -> Concept, in the file's order.

    Raises:
        SystemExit: the file is not such a scheme (a usage error of this tool).
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SystemExit(f"{path}: cannot read a JSON concept scheme ({e})")
    concepts = data.get("conceptSet") if isinstance(data, dict) else None
    if not isinstance(concepts, list):
        raise SystemExit(f"{path}: no conceptSet; expected an IPTC JSON concept scheme")
    out: Dict[str, Concept] = {}
    for i, c in enumerate(concepts):
        raw = c.get("qcode") or c.get("uri")
        if not raw:
            raise SystemExit(f"{path}: concept {i} has neither qcode nor uri")
        code = _qcode(raw)
        if not _QCODE.match(code):
            raise SystemExit(f"{path}: concept {i}: {raw!r} is not a media topic")
        labels = _english(c.get("prefLabel"), lang)
        broader = [_qcode(b) for b in c.get("broader") or []]
        out[code] = Concept(code, labels[0].strip() if labels else "",
                            [a.strip() for a in _english(c.get("altLabel"), None)],
                            broader[0] if broader else None, bool(c.get("retired")))
    return out


def select(scheme: Mapping[str, Concept]) -> List[str]:
    """The codes ``BRANCHES`` and ``SKIP`` keep, parents before children, by code within a parent.

    A concept is kept when its nearest ancestor-or-self named in BRANCHES allows its distance from
    it, no ancestor-or-self is in SKIP, it is not retired and its parent is kept.
    """
    depth_of = dict(BRANCHES)
    children: Dict[Optional[str], List[str]] = {}
    for code, c in scheme.items():
        if not c.retired:
            children.setdefault(c.broader, []).append(code)
    kept: List[str] = []

    def walk(code: str, budget: int) -> None:
        if code in SKIP or scheme[code].retired or not scheme[code].label:
            return
        budget = depth_of.get(code, budget)
        if budget < 0:
            return
        kept.append(code)
        for child in sorted(children.get(code, [])):
            walk(child, budget - 1)

    for top in sorted(children.get(None, [])):
        if top in depth_of:
            walk(top, depth_of[top])
    return kept


def _clean_label(label: str) -> str:
    """The label as prose writes it: IPTC writes lower case but for proper names; a label in
    heading case ("Dating and Relationships") is lowered, a stray colon dropped."""
    label = " ".join(label.split()).rstrip(":").strip()
    words = label.split()
    if len(words) > 1 and all(w[:1].isupper() or w in ("and", "of", "or") for w in words) \
            and not all(w.isupper() for w in words):
        return label.lower()
    return label


def vocabulary_rows(scheme: Mapping[str, Concept],
                    variants: Sequence[Mapping[str, Concept]] = ()) -> List[Tuple[str, ...]]:
    """(code, label, broader, alt, source) for every kept concept.

    ``alt`` holds the scheme's own English altLabels and each variant's label where it differs
    from the label ("labor" beside "labour"), ``|``-separated, in the order met.
    """
    rows = []
    for code in select(scheme):
        c = scheme[code]
        label = _clean_label(c.label)
        alts: List[str] = []
        for a in [*c.alt, *(x for v in variants if code in v for x in (v[code].label, *v[code].alt))]:
            a = _clean_label(a)
            if a and a.casefold() != label.casefold() and a.casefold() not in {x.casefold() for x in alts}:
                alts.append(a)
        rows.append((code, label, c.broader or "", "|".join(alts), SOURCE))
    return rows


# A label's parenthesised qualifier is dropped for the wording ("constitution (law)" ->
# "constitution") unless the bare word is one news uses for something else.
_AMBIGUOUS_BARE = frozenset({"fine", "series", "game", "party", "trend", "festival", "drama",
                             "design", "court", "appeal", "trial", "investigation", "executive",
                             "minister or secretary", "security measures"})
# Labels of concepts that are not wordings of a subject area: they name actors, events or
# documents (a treaty is a dkg:Agreement, a central bank a dkg:Institution), or they are words
# news English mostly uses for something else ("the nature of", "business communities"). The
# concepts stay in the vocabulary; a curated row may still give them a wording.
NOT_WORDINGS = frozenset({
    "government", "national government", "head of state", "head of government",
    "public officials", "government employee", "religious leader", "legislative body",
    "local authority", "regional authority", "local government", "regional government",
    "central bank", "international organisation", "international organization",
    "economic organisation", "economic organization", "health organisation",
    "health organization", "sport organisation", "sport organization", "ngo",
    "non-governmental organisation", "scientific institution",
    "international economic institution", "international court and tribunal", "tour operator",
    "newspaper", "periodical", "online media outlet", "employee", "employer", "political party",
    "treaty", "summit meeting", "peace envoy", "mankind", "nature", "values", "communities",
    "restoration", "demonstration", "fire", "animal", "mountain", "mountains", "arrest",
    "students", "teachers", "parks", "health facility", "court", "school", "festival",
    "art exhibition", "sport event", "sport venue",
})
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def _wordings_of(label: str) -> List[str]:
    """The forms of a vocabulary label a news text can write: lower case, qualifier dropped,
    an acronym in parentheses on its own ("non-governmental organisation (NGO)")."""
    out = []
    m = _PAREN.search(label)
    if m:
        bare = _PAREN.sub(" ", label).strip()
        inner = m.group(1).strip()
        if inner.isupper() and len(inner) >= 2:          # an acronym: both forms
            out += [bare, inner]
        elif bare.lower() not in _AMBIGUOUS_BARE:
            out.append(bare)
    else:
        out.append(label)
    return [w.lower() for w in out if w and w.lower() not in NOT_WORDINGS]


def wording_rows(vocabulary: Sequence[Tuple[str, ...]],
                 existing: Sequence[Tuple[str, str, str]] = ()) -> Tuple[List[Tuple[str, str, str]], List[str]]:
    """The wording table: the vocabulary's labels and alts (source ``iptc``) merged with the
    existing rows whose source is anything else, sorted by wording.

    Returns:
        (rows, notes): notes name every ``iptc`` wording dropped, because a curated row gives it
        another concept or two concepts share it.
    """
    kept = [r for r in existing if r[2] != SOURCE]
    taken = {r[0]: r[1] for r in kept}
    candidates: Dict[str, Set[str]] = {}
    for code, label, _broader, alt, _src in vocabulary:
        for form in [label, *(a for a in alt.split("|") if a)]:
            for w in _wordings_of(form):
                candidates.setdefault(w, set()).add(code)
    notes = []
    rows = list(kept)
    for w in sorted(candidates):
        codes = candidates[w]
        if len(codes) > 1:
            notes.append(f"{w!r}: left out, labels {', '.join(sorted(codes))}")
            continue
        (code,) = codes
        if w in taken:
            if taken[w] != code:
                notes.append(f"{w!r}: curated as {taken[w]}, not {code}")
            continue
        rows.append((w, code, SOURCE))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows, notes


def _tsv(header: Sequence[str], rows: Iterable[Sequence[str]], comments: Sequence[str]) -> str:
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append("\t".join(header))
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def render_vocabulary(rows: Sequence[Tuple[str, ...]], released: str) -> str:
    """The text of topic_vocabulary.tsv."""
    return _tsv(VOCABULARY_HEADER, rows, (
        f"Subject areas (dkg:Topic): IPTC Media Topics, released {released}, the branches foreign",
        "policy news touches. Generated by kg/tools/gen_topics.py (kg/data/SOURCES.md); do not edit.",
        "(c) IPTC, International Press Telecommunications Council - https://iptc.org; CC BY 4.0.",
        "Columns: code (medtop qcode), label (British English prefLabel), broader (parent's code),",
        "alt (|-separated: the en-US label where it differs, and the source's altLabels), source.",
    ))


def render_wording(rows: Sequence[Tuple[str, str, str]], header_comments: Sequence[str]) -> str:
    """The text of topic_wording.tsv, its header comments kept."""
    return _tsv(WORDING_HEADER, rows, header_comments)


_DEFAULT_WORDING_COMMENTS = (
    "How news English words subject areas, mapped to IPTC media topics (topic_vocabulary.tsv).",
    "Columns: wording (lower case), code (medtop qcode), source. Rows of source 'iptc' are the",
    "vocabulary's own labels, rewritten by kg/tools/gen_topics.py; every other row is kept by it.",
)


def _read_wording(path: Path) -> Tuple[List[Tuple[str, str, str]], List[str]]:
    if not path.exists():
        return [], list(_DEFAULT_WORDING_COMMENTS)
    rows, comments = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            comments.append(line[1:].strip())
            continue
        if not line.strip() or tuple(line.split("\t")) == WORDING_HEADER:
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise SystemExit(f"{path}: line {n}: expected 3 tab-separated cells, got {len(cells)}")
        rows.append((cells[0], cells[1], cells[2]))
    return rows, comments or list(_DEFAULT_WORDING_COMMENTS)


def _released(path: Path) -> str:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return str(data.get("dateReleased", "")).split("T")[0] or "(undated)"
    except (OSError, ValueError):
        return "(undated)"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.tools.gen_topics",
        description="Write kg/data/topic_vocabulary.tsv and the iptc rows of topic_wording.tsv "
                    "from IPTC Media Topics (JSON, as the IPTC publishes it).")
    parser.add_argument("scheme", type=Path, help="cptall-en-GB.json: labels in British English")
    parser.add_argument("--variant", type=Path, action="append", default=[],
                        help="the same scheme in another English (cptall-en-US.json): its "
                             "differing labels become alternative labels")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR,
                        help="where the two tables are (default: kg/data)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if either table would change")
    args = parser.parse_args(argv)

    scheme = read_scheme(args.scheme, "en-GB")
    variants = [read_scheme(p) for p in args.variant]
    vocab = vocabulary_rows(scheme, variants)
    vocab_text = render_vocabulary(vocab, _released(args.scheme))
    wording_path = args.data_dir / "topic_wording.tsv"
    existing, comments = _read_wording(wording_path)
    wording, notes = wording_rows(vocab, existing)
    wording_text = render_wording(wording, comments)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)

    outputs = ((args.data_dir / "topic_vocabulary.tsv", vocab_text), (wording_path, wording_text))
    if args.check:
        stale = False
        for path, text in outputs:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                stale = True
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), text.splitlines(True), str(path), "(generated)"))
        return 1 if stale else 0
    for path, text in outputs:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    print(f"{len(vocab)} concepts, {len(wording)} wordings "
          f"({sum(1 for r in wording if r[2] == SOURCE)} from the vocabulary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
