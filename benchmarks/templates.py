"""Sentence templates of foreign-policy wire copy, by role in an article.

Fields in braces come from the article's context (see ``corpus.Context``); a template whose
fields the context lacks (no second city, no round anniversary) is skipped. ``H`` is the host
state, ``G`` the guest; ``HL``/``GL`` their leaders, ``HF``/``GF`` foreign ministers, ``HT``/``GT``
trade ministers, ``HE``/``GE`` energy ministers, ``GA`` the guest's ambassador to the host. A
field ending in ``s`` is the short form of a name ("Tokayev"), ``n`` the full name without title.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

__all__ = ["HEADLINES", "LEADS", "POOLS", "SCENARIOS"]

HEADLINES: Dict[str, List[str]] = {
    "state_visit": ["{Gd} president begins state visit to {H}",
                    "{GLs} arrives in {Hcap} for state visit",
                    "{H}, {G} pledge closer ties during {GLs}'s state visit",
                    "{HLs}, {GLs} hold talks in {Hcap}, sign {n_docs} documents"],
    "talks": ["{H}, {G} agree to deepen cooperation in {t1}",
              "{HLs} holds talks with {Gd} counterpart in {Hcap}",
              "{H} and {G} vow to expand trade, investment ties"],
    "fm_talks": ["{Hd}, {Gd} foreign ministers hold talks in {Hcap}",
                 "{GFs} visits {H}, discusses {t1} cooperation",
                 "Top diplomats of {H}, {G} meet in {Hcap}"],
    "phone_call": ["{HLs}, {GLs} hold phone talks",
                   "{Hd} leader discusses bilateral ties with {Gd} counterpart by phone"],
    "upgrade": ["{H}, {G} elevate ties to {ptype}",
                "{H} and {G} upgrade relations to {ptype}"],
    "signing": ["{H}, {G} sign memorandum on {t1} cooperation",
                "{H} and {G} sign agreement on {t2}",
                "{Hd}, {Gd} ministers ink deals on {t1}, {t2}"],
    "anniversary": ["{H}, {G} mark {anniv} anniversary of diplomatic ties",
                    "{H} and {G} celebrate {anniv} anniversary of diplomatic relations"],
    "trade": ["{H}-{G} trade hits {trade_amt} in {trade_year}",
              "{Hd}-{Gd} business forum held in {Hcap}",
              "{H}, {G} aim to boost bilateral trade"],
    "briefing": ["{Hd} Foreign Ministry comments on ties with {G}",
                 "{H} reaffirms support for {init}"],
    "sidelines": ["{HLs} meets {GLs} on sidelines of {org_acr} summit",
                  "{Hd}, {Gd} leaders meet in {summit_city}"],
}

LEADS: Dict[str, List[str]] = {
    "state_visit": [
        "{GL} arrived in {Hcap} on {wd_prev} for a {ndays}-day state visit to {H} at the invitation of {HLn}.",
        "{HL} held talks with {GL}, who is paying a state visit to {H}, in {Hcap} on {wd}.",
        "{HL} and {GL} agreed on {wd} to deepen cooperation in {t1} and {t2} during talks in {Hcap}, "
        "where {GLs} is on a state visit.",
    ],
    "talks": [
        "{HL} held talks with {GL} in {Hcap} on {wd}, as the two sides pledged to deepen cooperation in {t1} and {t2}.",
        "{HL} and {GL}, who is on an official visit to {H}, agreed on {wd} to expand trade and investment ties.",
        "{GL} met {HL} in {Hcap} on {wd} to discuss bilateral relations and regional issues.",
    ],
    "fm_talks": [
        "{HF} held talks with {GF} in {Hcap} on {wd}, the {Hd} Foreign Ministry said.",
        "{GF}, who is on an official visit to {H}, met {HF} in {Hcap} on {wd} to discuss cooperation in {t1}.",
        "{HF} and {GF} agreed on {wd} to step up political dialogue and cooperation in {t1}.",
    ],
    "phone_call": [
        "{HL} held a phone conversation with {GL} on {wd}, the {Hd} Foreign Ministry said.",
        "{HL} and {GL} discussed bilateral relations and regional issues in a phone call on {wd}.",
    ],
    "upgrade": [
        "{H} and {G} elevated their ties to a {ptype} on {wd}, following talks between {HL} and {GL} in {Hcap}.",
        "{HL} and {GL} announced the upgrading of bilateral relations to a {ptype} during their talks in {Hcap} on {wd}.",
    ],
    "signing": [
        "{H} and {G} signed a memorandum of understanding on {t1} cooperation in {Hcap} on {wd}.",
        "{HT} and {GT} signed an agreement on {t2} in {Hcap} on {wd}, the {Hd} Trade Ministry said.",
        "{HE} and {GE} signed a memorandum of understanding on {t1} on {wd}, following talks in {Hcap}.",
    ],
    "anniversary": [
        "{H} and {G} marked the {anniv} anniversary of the establishment of diplomatic relations on {wd} "
        "with a reception in {Hcap}.",
        "{HL} and {GL} exchanged congratulatory messages on {wd} to mark the {anniv} anniversary of "
        "diplomatic relations between {H} and {G}.",
    ],
    "trade": [
        "Bilateral trade between {H} and {G} reached {trade_amt} in {trade_year}, {trade_dir} {trade_pct} percent "
        "year-on-year, according to the {Hd} customs service.",
        "{HT} and {GT} co-chaired a meeting of the {Hd}-{Gd} intergovernmental commission on trade and "
        "economic cooperation in {Hcap} on {wd}.",
        "More than {n_firms} companies from {H} and {G} took part in a business forum in {Hcap} on {wd}, "
        "the {Hd} Trade Ministry said.",
    ],
    "briefing": [
        "{HS}, a spokesperson for the {Hd} Foreign Ministry, said on {wd} that {H} attaches great "
        "importance to its relations with {G}.",
        "{H} firmly supports {init}, {Hd} Foreign Ministry spokesperson {HSn} told a regular press briefing on {wd}.",
    ],
    "sidelines": [
        "{HL} met {GL} on {wd} on the sidelines of the {org} summit in {summit_city}.",
        "{HL} and {GL} held talks on {wd} on the sidelines of the {org} ({org_acr}) summit in {summit_city}.",
    ],
}

# Body sentences by pool; an article draws a few pools, one or two sentences from each.
POOLS: Dict[str, List[str]] = {
    "agreements": [
        "The two leaders witnessed the signing of {n_docs} cooperation documents in areas such as {t1}, {t2} and {t3}.",
        "Among them was a memorandum of understanding on {t1} cooperation, signed by {HT} and {GT}.",
        "{H} and {G} also signed an agreement on {t2} and a memorandum of understanding on {t3}.",
        "The foreign ministers signed a plan of consultations between the two foreign ministries for {y1}-{y2}.",
        "The sides agreed to launch negotiations on a free trade agreement at an early date.",
        "A joint statement on further deepening the {ptype} between {H} and {G} was adopted after the talks.",
        "{HE} and {GE} signed a memorandum of understanding on {t4}, which envisages joint projects worth "
        "{proj_amt}.",
    ],
    "upgrade": [
        "The two sides signed a joint statement on the establishment of a {ptype} between {H} and {G}.",
        "The two leaders announced the upgrading of bilateral relations to a {ptype}.",
        "{HLs} said the {ptype} would give fresh impetus to cooperation in {t1}, {t2} and {t3}.",
    ],
    "trade": [
        "Bilateral trade reached {trade_amt} in {trade_year}, {trade_dir} {trade_pct} percent year-on-year, "
        "according to the {Hd} customs service.",
        "{HLs} said trade between the two countries {trade_verb} by {trade_pct} percent to {trade_amt} in {trade_year}.",
        "{Gd} investment in {H} has exceeded {inv_amt}, and about {n_firms} companies with {Gd} capital "
        "operate in the country.",
        "{G} is {Hpos} {rank} trading partner, with trade reaching {trade_amt} in {trade_year}.",
        "The two sides set a goal of raising bilateral trade to {target_amt} by {target_year}.",
        "{Hpos} exports to {G} rose to {export_amt} in {trade_year}, the {Hd} statistics office said.",
    ],
    "stance": [
        "{GLs} reiterated that {G} firmly supports the one-China principle.",
        "Both sides oppose protectionism and unilateralism and support the multilateral trading system "
        "with the World Trade Organization at its core.",
        "{GLs} said {G} supports {init} and is ready to take an active part in it.",
        "{HLs} said {H} opposes interference in the internal affairs of other countries.",
        "The two countries support multilateralism and the central role of the United Nations in "
        "international affairs.",
        "{H} supports {Gpos} sovereignty and territorial integrity, {HLs} said.",
        "{HLs} said {H} welcomes {Gpos} bid to join the {org2}.",
    ],
    "multilateral": [
        "The two sides agreed to strengthen coordination within the {org} ({org_acr}) and the United Nations.",
        "{HLs} invited {GLs} to attend the {org2} summit that {H} will host in {next_month}, and {GLs} "
        "accepted the invitation.",
        "As members of the {org}, {H} and {G} pledged to coordinate their positions within the organization.",
        "The leaders also exchanged views on the situation in the {region} and other international issues.",
    ],
    "history": [
        "{H} and {G} established diplomatic relations in {est_year}.",
        "This year marks the {anniv} anniversary of the establishment of diplomatic relations between {H} and {G}.",
        "Since the establishment of diplomatic relations in {est_year}, the two countries have signed more "
        "than {n_docs_total} agreements.",
        "{H} and {G} have maintained a {ptype_prev} since {partner_year}.",
    ],
    "quote": [
        "\"{H} and {G} are reliable partners, and today we have raised our relations to a new level,\" "
        "{HLs} told a joint press conference after the talks.",
        "\"We attach great importance to developing relations with {G},\" {HLs} said.",
        "\"Our cooperation in {t1} has great potential,\" {GLs} said, adding that {G} is ready to work with {H} "
        "to implement the agreements reached.",
        "{GLs} thanked {HLs} for the warm welcome and said {G} regards {H} as a trusted friend.",
        "{HFs} said the two countries share similar positions on many regional and international issues.",
    ],
    "later": [
        "Later on {wd}, {GLs} met {HP} and addressed a {Hd}-{Gd} business forum in {Hcap}.",
        "{GLs} is also scheduled to visit {Hcity} before leaving {H} on {wd_next}.",
        "Earlier on {wd}, {HLs} hosted an official welcome ceremony for {GLs} at the presidential palace.",
        "{GLs} also met {HF} to discuss the implementation of the agreements reached.",
    ],
    "ambassador": [
        "{GA} said the visit would give fresh impetus to cooperation in {t1} and {t2}.",
        "Speaking at a reception in {Hcap}, {GA} said relations between the two countries are at their best.",
        "{HA} said {H} is ready to open a consulate general in {Gcity}.",
    ],
    "people": [
        "The two sides agreed to increase the number of direct flights between {Hcap} and {Gcap} to "
        "{n_flights} a week.",
        "The number of {Gd} tourists visiting {H} rose to {n_tourists} in {trade_year}.",
        "About {n_students} {Gd} students are studying in {H}, {HLs} said.",
        "The two countries introduced a visa-free regime for citizens traveling for up to {n_days} days.",
    ],
    "projects": [
        "The two countries are implementing {n_projects} joint projects worth {proj_amt} in {t1} and {t2}.",
        "{Gd} companies are building a {plant} in {Hcity}, which is expected to create {n_jobs} jobs.",
        "{HLs} said {H} is ready to increase supplies of {good} to {G}.",
    ],
}

# scenario -> (weight, body pools in order; a pool name with "?" is drawn only sometimes)
SCENARIOS: Dict[str, Tuple[float, Tuple[str, ...]]] = {
    "state_visit": (3.0, ("agreements", "quote", "trade", "stance?", "history?", "multilateral?", "later", "people?")),
    "talks": (2.0, ("quote", "trade", "agreements?", "projects?", "stance?", "multilateral", "later?")),
    "fm_talks": (2.0, ("quote", "agreements?", "multilateral", "stance?", "history?", "ambassador?")),
    "phone_call": (1.0, ("quote", "stance", "multilateral", "history?", "trade?")),
    "upgrade": (1.5, ("upgrade", "agreements", "quote", "trade?", "history", "stance?", "people?")),
    "signing": (1.5, ("agreements", "projects", "trade?", "ambassador?", "quote?")),
    "anniversary": (1.0, ("history", "quote", "ambassador", "trade?", "people?", "upgrade?")),
    "trade": (1.5, ("trade", "projects", "quote?", "agreements?", "people?", "ambassador?")),
    "briefing": (1.0, ("stance", "quote?", "multilateral", "history?", "trade?")),
    "sidelines": (1.0, ("quote", "multilateral", "stance?", "trade?", "agreements?")),
}
