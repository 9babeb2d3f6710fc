"""Write N synthetic foreign-policy news articles, the same bytes for the same seed.

Usage: python benchmarks/corpus.py N OUTDIR [--seed S]

The articles are of the genre diplokg reads (state visits, talks, agreements, partnership
upgrades, anniversaries of diplomatic relations, trade figures, stances), over every state of
diplokg's own lexicon, with datelines from real capitals and news agencies and dates across
2015-2026. Leaders, ministers, spokespeople and ambassadors are invented per state from
syllable tables (``names.py``), each office changing hands every few years, so a large corpus
has thousands of distinct people, and the same person is named the same way in every article.
Figures are a function of the pair and the year (trade between two states in 2023 is the same
in every article that gives it), so resolution meets agreeing and repeated facts, as in real
wire copy.

Article ``i`` depends only on (seed, i, lexicon): the first 1,000 articles of a 10,000-article
corpus are the 1,000-article corpus.
"""
from __future__ import annotations

import argparse
import datetime
import math
import random
import string
import sys
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

if __package__ in (None, ""):   # run as a script: python benchmarks/corpus.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.names import make_name, style_of  # noqa: E402
from benchmarks.templates import HEADLINES, LEADS, POOLS, SCENARIOS  # noqa: E402
from kg.lexicon import Country, get_lexicon  # noqa: E402

__all__ = ["World", "generate", "write_corpus", "main"]

FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)
MIN_WORDS, MAX_WORDS = 150, 400

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
# States that news names often, drawn more often (wire copy is not uniform over states).
_MAJOR = set("CN US RU IN FR DE GB JP TR BR KZ AZ SA AE IR PK UZ KR VN ID EG ZA NG IT ES".split())
_SKIP = {"VA"}      # the Holy See has no president or trade figures
_MONARCHS = {"GB": "King", "ES": "King", "NL": "King", "BE": "King", "SE": "King", "NO": "King",
             "DK": "King", "JO": "King", "MA": "King", "SA": "King", "BH": "King", "TH": "King",
             "QA": "Emir", "KW": "Emir", "OM": "Sultan", "BN": "Sultan", "LU": "Grand Duke"}
# Presidential systems without a head of government; everyone else has a prime minister.
_NO_PM = set("US BR MX AR CL CO VE EC BO PY UY ID PH NG KE GH ZA TR CY TM AF IR".split())
# Where the head of government leads foreign visits.
_PARLIAMENTARY = set("GB ES NL BE SE NO DK JP IN PK DE IT CA AU NZ IE IL GR HU CZ SK BD NP TH MY "
                     "SG AT PT HR SI EE LV LU JO MA".split())
_HOG_TITLE = {"CN": "Premier", "DE": "Chancellor", "AT": "Chancellor"}
_FM_TITLE = {"US": "Secretary of State", "GB": "Foreign Secretary", "IN": "External Affairs Minister"}
_TRADE_TITLE = {"US": "Commerce Secretary", "CN": "Commerce Minister", "IN": "Commerce Minister"}
_POST_SOVIET = set("RU UA BY MD KZ UZ KG TJ TM AZ AM GE EE LV LT SI HR BA RS ME MK SK CZ ER SS TL XK".split())
_PARTNERSHIPS = ("strategic partnership", "comprehensive strategic partnership", "comprehensive partnership",
                 "strategic cooperative partnership", "comprehensive strategic cooperative partnership",
                 "enhanced strategic partnership", "strategic partnership of a new era")
_SUMMITS = ("Shanghai Cooperation Organization", "BRICS", "Group of Twenty", "Asia-Pacific Economic Cooperation",
            "Association of Southeast Asian Nations", "African Union", "Organization of Islamic Cooperation",
            "Conference on Interaction and Confidence-Building Measures in Asia", "Organization of Turkic States",
            "Commonwealth of Independent States", "Non-Aligned Movement", "Community of Latin American and Caribbean States",
            "Eurasian Economic Union", "Arab League", "Gulf Cooperation Council", "Group of Seven")
_INITIATIVES = ("the Belt and Road Initiative", "the Global Development Initiative", "the Global Security Initiative",
                "the Global Civilization Initiative", "the Middle Corridor", "the Global Gateway",
                "the 2030 Agenda for Sustainable Development", "the Paris Agreement",
                "the International North–South Transport Corridor", "the Five Principles of Peaceful Coexistence")
_REGIONS = ("Middle East", "Korean Peninsula", "South Caucasus", "Horn of Africa", "Sahel", "Balkans",
            "South China Sea", "Gulf", "Central Asia", "Red Sea", "Black Sea")
_TOPICS = ("trade", "investment", "energy", "green energy", "renewable energy", "nuclear energy", "oil and gas",
           "digital economy", "artificial intelligence", "transport", "logistics", "connectivity",
           "infrastructure", "agriculture", "tourism", "education", "culture", "science and technology",
           "innovation", "health", "security", "defense", "climate change", "green development", "finance",
           "aerospace", "justice", "customs", "mining", "manufacturing", "e-commerce", "telecommunications",
           "water resources", "food security", "media", "sports", "cybersecurity", "maritime cooperation")
_PLANTS = ("solar power plant", "wind farm", "car assembly plant", "cement factory", "textile mill",
           "fertilizer plant", "logistics hub", "pharmaceutical plant", "data center", "steel mill")
_GOODS = ("wheat", "beef", "poultry", "cotton", "fertilizers", "liquefied natural gas", "crude oil",
          "copper", "seafood", "fruit and vegetables", "machinery", "electronics", "pharmaceuticals")
_AGENCIES = ("Xinhua", "Reuters", "AFP", "AP", "Anadolu", "TASS", "Kyodo", "Yonhap", "Bernama", "Antara",
             "PTI", "DPA", "Kazinform", "VNA", "Trend")
_ORDINAL_RANK = ("largest", "second-largest", "third-largest", "fourth-largest", "fifth-largest",
                 "seventh-largest", "10th-largest")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _money(millions: float) -> str:
    """News style: "$850 million", "$3.4 billion", "$12 billion"."""
    if millions < 1000:
        return f"${max(1, round(millions)):,} million"
    b = millions / 1000
    return f"${b:.0f} billion" if b >= 20 else f"${b:.1f} billion".replace(".0 billion", " billion")


def _fields(template: str) -> Tuple[str, ...]:
    return _FIELDS.get(template) or _FIELDS.setdefault(
        template, tuple(f for _, f, _, _ in string.Formatter().parse(template) if f))


_FIELDS: Dict[str, Tuple[str, ...]] = {}


class Person:
    """An office holder: full name, short form, title and state."""

    def __init__(self, name: str, short: str, title: str, country: Country, dem: Optional[str]):
        self.name, self.short, self.title, self.country, self.dem = name, short, title, country, dem

    def intro(self, extra: str = "") -> str:
        """First mention: "Kazakh President Kassym Tokayev", or "President of X Y" without a demonym."""
        title = f"{self.title}{extra}"
        if self.dem:
            return f"{self.dem} {title} {self.name}"
        return f"{title} of {_the(self.country.name)} {self.name}"


def _the(name: str) -> str:
    words = name.split()
    plural = name.endswith(("Islands", "Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros",
                            "Seychelles", "Emirates", "States"))
    if plural or words[0] in ("United", "Republic", "Democratic", "Central", "Dominican", "Czech", "Gambia"):
        return f"the {name}"
    return name


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


class World:
    """The states, their office holders over time and the pairs' figures, for one seed."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        lex = get_lexicon()
        self.countries: List[Country] = [c for _, c in sorted(lex.countries.items())
                                         if c.code not in _SKIP and c.capitals]
        self.weights = [6.0 if c.code in _MAJOR else 1.0 for c in self.countries]
        surfaces = lex.surface_forms()
        folded = {s.casefold() for s in surfaces}
        self._taken = lambda tok: tok in surfaces or tok.casefold() in folded
        self.cities: Dict[str, List[str]] = {}
        for p in lex.places:
            if p.kind == "city" and p.country and p.name.isascii() and " " not in p.name:
                self.cities.setdefault(p.country, []).append(p.name)
        for names in self.cities.values():
            names.sort()
        self.agencies: Dict[str, List[str]] = {}
        for o in lex.organisations:
            if o.kind == "news" and o.country:
                # the reader takes "(Xinhua)", not "(dpa)" or "(Times of India)": capitalised words
                forms = [f for f in (o.label, *o.acronyms, *o.aliases)
                         if all(w[:1].isupper() for w in f.split())]
                if forms:
                    self.agencies.setdefault(o.country, []).append(min(forms, key=len))
        self.summits = [(o.label, o.acronyms[0] if o.acronyms else o.label) for o in
                        (lex.organisation(s) for s in _SUMMITS) if o]

    # ----------------------------------------------------------------- people
    def demonym(self, c: Country) -> Optional[str]:
        return c.demonyms[0] if c.demonyms else None

    @lru_cache(maxsize=None)
    def _terms(self, code: str, role: str) -> Tuple[datetime.date, ...]:
        """Days on which the office changes hands, from before 2015 to after 2026."""
        rng = random.Random(f"{self.seed}|terms|{code}|{role}")
        day = FIRST_DAY - datetime.timedelta(days=rng.randint(0, 1500))
        out = [day]
        while day <= LAST_DAY:
            day += datetime.timedelta(days=rng.randint(700, 2600))
            out.append(day)
        return tuple(out)

    @lru_cache(maxsize=None)
    def _holder(self, code: str, role: str, term: int) -> Tuple[str, str]:
        return make_name(style_of(code), f"{self.seed}|{code}|{role}|{term}", self._taken)

    def person(self, c: Country, role: str, title: str, day: datetime.date) -> Person:
        """Who holds ``role`` in state ``c`` on ``day`` (the same person for the whole term)."""
        terms = self._terms(c.code, role)
        term = sum(1 for t in terms if t <= day)
        name, short = self._holder(c.code, role, term)
        return Person(name, short, title, c, self.demonym(c))

    def leader(self, c: Country, day: datetime.date) -> Person:
        if c.code in _PARLIAMENTARY and c.code not in _NO_PM:
            return self.head_of_government(c, day)
        return self.person(c, "hos", _MONARCHS.get(c.code, "President"), day)

    def head_of_government(self, c: Country, day: datetime.date) -> Person:
        return self.person(c, "hog", _HOG_TITLE.get(c.code, "Prime Minister"), day)

    # ----------------------------------------------------------------- pairs
    def _pair_rng(self, kind: str, a: Country, b: Country, *more: object) -> random.Random:
        key = "|".join(sorted((a.code, b.code)))
        return random.Random(f"{self.seed}|{kind}|{key}|{'|'.join(map(str, more))}")

    def established(self, a: Country, b: Country) -> int:
        lo = 1992 if {a.code, b.code} & _POST_SOVIET else 1950
        return self._pair_rng("est", a, b).randint(lo, 2010)

    def trade(self, a: Country, b: Country, year: int) -> Tuple[float, float]:
        """(trade in millions of dollars, growth over the year before in percent) for a year."""
        value = min(400_000.0, math.exp(self._pair_rng("trade", a, b).gauss(math.log(500), 1.4)))
        growth = 0.0
        for y in range(2013, year + 1):
            growth = self._pair_rng("growth", a, b, y).uniform(-0.18, 0.32)
            value *= 1 + growth
        return value, growth * 100

    def partnership(self, a: Country, b: Country) -> Tuple[str, str, int]:
        rng = self._pair_rng("partner", a, b)
        new = rng.randrange(1, len(_PARTNERSHIPS))
        return _PARTNERSHIPS[new], _PARTNERSHIPS[rng.randrange(new)], rng.randint(2005, 2014)


def _context(world: World, rng: random.Random, scenario: str) -> Dict[str, str]:
    """Every field a template may use, for one article."""
    host, guest = rng.choices(world.countries, world.weights, k=2)
    while guest is host:
        guest = rng.choices(world.countries, world.weights)[0]
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    H, G = _the(host.name), _the(guest.name)
    Hd = world.demonym(host) or host.name
    Gd = world.demonym(guest) or guest.name
    ctx: Dict[str, str] = {
        "H": H, "G": G, "Hd": Hd, "Gd": Gd, "Hpos": _possessive(H), "Gpos": _possessive(G),
        "Hcap": host.capitals[0].split(",")[0], "Gcap": guest.capitals[0].split(",")[0],
        "wd": _WEEKDAYS[day.weekday()], "wd_prev": _WEEKDAYS[(day.weekday() - 1) % 7],
        "wd_next": _WEEKDAYS[(day.weekday() + rng.randint(1, 2)) % 7], "ndays": rng.choice(("two", "three")),
    }
    for side, c in (("H", host), ("G", guest)):
        cities = [x for x in world.cities.get(c.code, ()) if x not in c.capitals]
        if cities:
            ctx[f"{side}city"] = rng.choice(cities)
        people = {
            "L": world.leader(c, day),
            "F": world.person(c, "fm", _FM_TITLE.get(c.code, "Foreign Minister"), day),
            "T": world.person(c, "trade", _TRADE_TITLE.get(c.code, "Trade Minister"), day),
            "E": world.person(c, "energy", "Energy Minister", day),
        }
        for k, p in people.items():
            ctx[f"{side}{k}"], ctx[f"{side}{k}s"], ctx[f"{side}{k}n"] = p.intro(), p.short, p.name
    ctx["HS"] = ctx["HSn"] = world.person(host, "spokes", "Spokesperson", day).name
    hl_role = world.leader(host, day).title
    if host.code not in _NO_PM and hl_role not in ("Prime Minister", "Premier", "Chancellor"):
        ctx["HP"] = world.head_of_government(host, day).intro()
    amb_h = world.person(host, f"amb-{guest.code}", "Ambassador", day)
    amb_g = world.person(guest, f"amb-{host.code}", "Ambassador", day)
    ctx["HA"] = f"{amb_h.intro(' to ' + G)}"
    ctx["GA"] = f"{amb_g.intro(' to ' + H)}"
    t = rng.sample(_TOPICS, 4)
    ctx.update(t1=t[0], t2=t[1], t3=t[2], t4=t[3])
    ptype, prev, since = world.partnership(host, guest)
    ctx.update(ptype=ptype)
    if since < day.year and scenario != "upgrade":
        ctx.update(ptype_prev=ptype, partner_year=str(since))
    est = world.established(host, guest)
    ctx["est_year"] = str(est)
    if (day.year - est) % 5 == 0:
        ctx["anniv"] = _ordinal(day.year - est)
    trade_year = day.year - 1
    value, growth = world.trade(host, guest, trade_year)
    ctx.update(trade_year=str(trade_year), trade_amt=_money(value), trade_pct=f"{abs(growth):.1f}".replace(".0", ""),
               trade_dir="up" if growth >= 0 else "down", trade_verb="grew" if growth >= 0 else "fell",
               export_amt=_money(value * rng.uniform(0.2, 0.7)), target_amt=_money(value * rng.choice((2, 3, 5))),
               target_year=str(day.year + rng.choice((3, 5, 7))), inv_amt=_money(value * rng.uniform(0.3, 3)),
               rank=rng.choice(_ORDINAL_RANK), proj_amt=_money(value * rng.uniform(0.05, 0.5)))
    org, acr = rng.choice(world.summits)
    ctx.update(org=org, org_acr=acr, org2=rng.choice(world.summits)[0], init=rng.choice(_INITIATIVES),
               region=rng.choice(_REGIONS), next_month=rng.choice(_MONTHS),
               summit_city=rng.choice(world.countries).capitals[0].split(",")[0])
    ctx.update({k: f"{v:,}" for k, v in (
        ("n_docs", rng.randint(3, 30)), ("n_docs_total", rng.randint(40, 200)), ("n_firms", rng.randint(20, 900)),
        ("n_flights", rng.randint(3, 40)), ("n_tourists", rng.randint(5, 900) * 1000),
        ("n_students", rng.randint(2, 300) * 100), ("n_days", rng.choice((14, 21, 30, 90))),
        ("n_projects", rng.randint(5, 120)), ("n_jobs", rng.randint(3, 60) * 100))})
    ctx.update(y1=str(day.year), y2=str(day.year + rng.choice((1, 2, 3))), plant=rng.choice(_PLANTS),
               good=rng.choice(_GOODS))
    if "CN" not in (host.code, guest.code) and "Global" in ctx["init"] and "Gateway" not in ctx["init"]:
        ctx["init"] = rng.choice([i for i in _INITIATIVES if "Global" not in i or "Gateway" in i])
    ctx["_day"] = day.isoformat()
    ctx["_host"], ctx["_guest"] = host.code, guest.code
    return ctx


_PEOPLE = tuple(f"{side}{k}" for side in "HG" for k in "LFTE")


def _render(template: str, ctx: Dict[str, str], introduced: set) -> str:
    """Fill ``template``; a person's first mention gets the title, later ones the short name."""
    out = []
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if field is None:
            continue
        person = field if field in _PEOPLE else field[:-1] if field[:-1] in _PEOPLE else None
        if person is None:
            out.append(ctx[field])
        elif person in introduced:
            out.append(ctx[person + "s"])
        else:
            out.append(ctx[person])
            introduced.add(person)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def _fill(rng: random.Random, templates: Sequence[str], ctx: Dict[str, str], used: set,
          introduced: set) -> Optional[str]:
    fit = [t for t in templates if t not in used and all(f in ctx for f in _fields(t))]
    if not fit:
        return None
    t = rng.choice(fit)
    used.add(t)
    return _render(t, ctx, introduced)


def _dateline(world: World, rng: random.Random, ctx: Dict[str, str]) -> Tuple[str, str, str]:
    """(agency, "ASTANA, June 3 (Kazinform) -- ", publication line or "")."""
    own = world.agencies.get(ctx["_host"], [])
    agency = rng.choice(own) if own and rng.random() < 0.7 else rng.choice(_AGENCIES)
    day = datetime.date.fromisoformat(ctx["_day"])
    months = _AP_MONTHS if rng.random() < 0.5 else _MONTHS
    dl = f"{ctx['Hcap'].upper()}, {months[day.month - 1]} {day.day} ({agency}) -- "
    pub = day + datetime.timedelta(days=rng.choice((0, 0, 0, 1)))
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    full = f"{_MONTHS[pub.month - 1]} {pub.day}, {pub.year}"
    kind = rng.randrange(10)   # one in ten has no publication line: its dateline gives no year
    line = ("" if kind == 0 else f"{agency}) {clock}, {full}" if kind < 4 else
            f"{agency} | {clock}, {full}" if kind < 7 else f"{_WEEKDAYS[pub.weekday()]}, {full} {clock}")
    return agency, dl, line


def article(world: World, index: int) -> Tuple[str, str]:
    """(file name, text) of article ``index``: a pure function of the world's seed and ``index``."""
    rng = random.Random(f"diplokg-bench|{world.seed}|{index}")
    names = list(SCENARIOS)
    scenario = rng.choices(names, [SCENARIOS[n][0] for n in names])[0]
    ctx = _context(world, rng, scenario)
    if scenario == "anniversary" and "anniv" not in ctx:
        scenario = "fm_talks"
    used: set = set()
    introduced: set = set()
    headline = _fill(rng, HEADLINES[scenario], ctx, used, set(_PEOPLE))   # headlines use short names
    _, dateline, publine = _dateline(world, rng, ctx)
    paragraphs = [dateline + _fill(rng, LEADS[scenario], ctx, used, introduced)]
    plan = [p.rstrip("?") for p in SCENARIOS[scenario][1] if not p.endswith("?") or rng.random() < 0.5]
    extra = [p for p in POOLS if p not in plan]
    rng.shuffle(extra)
    words = len(paragraphs[0].split())
    target = rng.randint(MIN_WORDS + 10, MAX_WORDS - 40)
    for pool in plan + extra:
        if words >= target:
            break
        sentences = [s for s in (_fill(rng, POOLS[pool], ctx, used, introduced)
                                 for _ in range(rng.choice((1, 1, 2)))) if s]
        if not sentences:
            continue
        para = " ".join(sentences)
        if words + len(para.split()) > MAX_WORDS:
            break
        paragraphs.append(para)
        words += len(para.split())
    text = "\n\n".join([headline] + ([publine] if publine else []) + paragraphs) + "\n"
    slug = f"{ctx['_host'].lower()}-{ctx['_guest'].lower()}-{scenario.replace('_', '-')}"
    return f"{index:05d}_{slug}.txt", text


def generate(n: int, seed: int = 0) -> List[Tuple[str, str]]:
    """The first ``n`` articles of the corpus of ``seed`` as (file name, text)."""
    world = World(seed)
    return [article(world, i) for i in range(n)]


def write_corpus(n: int, out_dir: Path, seed: int = 0) -> List[Path]:
    """Write ``n`` articles into ``out_dir`` (created) and return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        p = out_dir / name
        p.write_bytes(text.encode("utf-8"))
        paths.append(p)
    return paths


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Example: python benchmarks/corpus.py 1000 /tmp/corpus --seed 7")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out_dir", type=Path, help="folder to write them into (created)")
    ap.add_argument("--seed", type=int, default=0, help="the same seed writes the same bytes (default 0)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be 0 or more")
    paths = write_corpus(args.n, args.out_dir, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
