"""The HTML graph page as bytes: self-contained, offline, complete, escaped, deterministic.

What the page carries (every entity, link, sentence and article), what the build works out for
its overview (scores, groups, homes, country ties, distinct labels) and its size at corpus
scale. The page's behaviour in a real browser is tested in test_html_browser.py.
"""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export.html import MAX_NODES, build_page, graph_to_html, render, safe_json
from kg.export.html_overview import overview, wrap_label
from kg.export.network import to_networkx

from conftest import turtle_prefixes

ID = "https://w3id.org/diplokg/id/"
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__xss=2</script>"

PREFIXES = turtle_prefixes()

# A small graph as an export holds it: typed, labelled resources, an article, evidence.
SMALL_TTL = f"""
{PREFIXES}
dkgr:article-1 a dkg:Article ; dcterms:title "Ruritania and Freedonia talk trade" ; dcterms:date "2025-04-02" .
dkgr:ruritania a dkg:Country ; rdfs:label "Ruritania" ; skos:altLabel "Ruritanian" .
dkgr:freedonia a dkg:Country ; rdfs:label "Freedonia" .
dkgr:rufus-firefly a dkg:Person ; rdfs:label "Rufus Firefly" ; skos:altLabel "Firefly" .
dkgr:trade a dkg:Topic ; rdfs:label "trade" .
dkgr:meeting-1 a dkg:Event , dkg:Meeting ; rdfs:label "Meeting of Rufus Firefly" ;
    dkg:date "2025-04-01" ; prov:wasDerivedFrom dkgr:article-1 ;
    dkg:evidence "Rufus Firefly met the Ruritanian envoy in Graustark on Tuesday." ;
    dkg:participant dkgr:rufus-firefly ; dkg:location dkgr:ruritania .
dkgr:stmt-1 a rdf:Statement ; rdf:subject dkgr:ruritania ; rdf:predicate dkg:supports ;
    rdf:object dkgr:trade ; prov:wasDerivedFrom dkgr:article-1 ;
    dkg:evidence "Ruritania backs freer trade, the ministry said." .
dkgr:ruritania dkg:supports dkgr:trade .
dkgr:freedonia dkg:partOf dkgr:ruritania .
dkgr:graustark-gazette a dkg:Institution ; rdfs:label "Graustark Gazette" .
dkgr:article-1 dkg:mentions dkgr:graustark-gazette .
"""


def small_triples():
    return [q.triple for q in ox.parse(SMALL_TTL.encode(), format=ox.RdfFormat.TURTLE)]


def hostile_triples():
    """The small graph plus an entity whose names and sources are markup."""
    extra = f"""
    {PREFIXES}
    dkgr:article-2 a dkg:Article ; dcterms:title "{BREAKOUT} & co" ; dcterms:date "2025-04-03" .
    dkgr:evil a dkg:Person ; rdfs:label "{IMG}" ; skos:altLabel "{BREAKOUT}" , "line\u2028break" .
    dkgr:meeting-2 a dkg:Event , dkg:Meeting ; rdfs:label "Meeting of {IMG}" ;
        prov:wasDerivedFrom dkgr:article-2 ;
        dkg:evidence "Foreign Minister {IMG} said {BREAKOUT} <!-- twice." ;
        dkg:participant dkgr:evil , dkgr:rufus-firefly .
    """
    return small_triples() + [q.triple for q in ox.parse(extra.encode(), format=ox.RdfFormat.TURTLE)]


_SYL = ["ka", "ra", "lo", "vi", "nu", "sen", "tor", "mel", "da", "ri", "go", "van", "shi", "ber", "an", "el",
        "mo", "zu", "tin", "per"]
_CLASSES = [("Person", 30), ("Institution", 22), ("Place", 7), ("Topic", 6), ("Conference", 7), ("Meeting", 5),
            ("Agreement", 4), ("Initiative", 3), ("Position", 5), ("StateVisit", 2), ("Observation", 8),
            ("Relationship", 1)]
_PROPS = ["participant", "partOf", "holdsPosition", "about", "location", "supports", "party", "host", "visitor"]


def synthetic_ttl(n: int, seed: int = 1) -> str:
    """A made-up export of ``n`` entities shaped like the corpus's: ~1 country in 60, hubs
    (links go preferentially to linked entities), long and repeated labels, a sentence and an
    article per fact, and about half the entities in no fact, only mentioned by articles."""
    rnd = random.Random(seed)

    def word(k: int = 2) -> str:
        return "".join(rnd.choice(_SYL) for _ in range(k)).capitalize()

    lines = [PREFIXES]
    n_countries, n_articles = max(3, n // 60), max(1, n // 4)
    for a in range(n_articles):
        lines.append(f'dkgr:article-{a} a dkg:Article ; dcterms:title "{word(3)} and {word(3)} talk {word()} {a}" ; '
                     f'dcterms:date "2024-{1 + a % 12:02d}-{1 + a % 28:02d}" .')
    ents = [(f"country-{c}", "Country", f"{word(3)}ia") for c in range(n_countries)]
    for i in range(n - n_countries):
        cls = rnd.choices([c for c, _ in _CLASSES], [w for _, w in _CLASSES])[0]
        if cls == "Person":
            label = f"{word()} {word(3)}"
        elif cls == "Meeting":
            label = f"Meeting of {word()} {word(3)} and {word()} {word(3)}"
        elif cls == "Agreement":
            label = f"Memorandum of Understanding on {word(3)} Cooperation" if i % 3 else "Memorandum of Understanding"
        else:
            label = f"{word(3)} {cls.lower()} {i}" if i % 5 else f"{word()} {word(3)} {word(3)} {cls} of {word(3)}"
        ents.append((f"e{i}", cls, label))
    pool = [e[0] for e in ents[:n_countries]] * 20
    stmt = 0
    for k, (slug, cls, label) in enumerate(ents):
        extra = f' ; skos:altLabel "{label.split()[0]} {k}"' if cls == "Person" else ""
        if cls in ("Meeting", "StateVisit", "Conference") and k % 4:
            extra += f' ; dkg:date "2024-{1 + k % 12:02d}-{1 + k % 27:02d}"'
        lines.append(f'dkgr:{slug} a dkg:{cls} ; rdfs:label "{label}"{extra} .')
        if cls == "Country":
            continue
        if rnd.random() < 0.52:
            for _ in range(rnd.choice([1, 1, 2, 2, 3, 4])):
                other, prop, art = rnd.choice(pool), rnd.choice(_PROPS), rnd.randrange(n_articles)
                if other == slug:
                    continue
                lines.append(f"dkgr:{slug} dkg:{prop} dkgr:{other} .")
                lines.append(f'dkgr:stmt-{stmt} a rdf:Statement ; rdf:subject dkgr:{slug} ; rdf:predicate dkg:{prop} ; '
                             f'rdf:object dkgr:{other} ; prov:wasDerivedFrom dkgr:article-{art} ; dkg:evidence '
                             f'"{label} was said to {prop} {other} in article {art}, the ministry said on Tuesday." .')
                stmt += 1
                pool += [slug, other]
        else:
            for _ in range(rnd.choice([1, 1, 2])):
                lines.append(f"dkgr:article-{rnd.randrange(n_articles)} dkg:mentions dkgr:{slug} .")
    return "\n".join(lines) + "\n"


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """:func:`synthetic_ttl` read back as ``kg html`` reads an export."""
    ttl = synthetic_ttl(n, seed)
    return to_networkx([q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)], details=False)


def embedded(html: str) -> dict:
    """The graph data the page carries (the JSON block, read as JavaScript would)."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def small_page() -> str:
    return render(small_triples()).decode("utf-8")


def test_html_has_no_external_urls(small_page):
    # Nothing the browser would fetch: no script or style source, link, image, font or import.
    fetched = re.findall(r"""(?:src|href|srcset|action)\s*=\s*["']?\s*(?:https?:)?//""", small_page, re.I)
    assert fetched == []
    assert re.findall(r"""url\(\s*["']?\s*(?:https?:)?//""", small_page, re.I) == []
    assert "@import" not in small_page
    assert re.findall(r"<link\b", small_page, re.I) == []
    assert re.findall(r"<script\b[^>]*\bsrc\s*=", small_page, re.I) == []
    assert "sourceMappingURL" not in small_page
    assert "fetch(" not in small_page.split('id="kg-data"')[1]  # the page's own script asks for nothing


def test_html_inlines_vis_network(small_page):
    import pyvis

    vis = (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js").read_text()
    assert vis[:2000] in small_page
    assert "new vis.Network(" in small_page
    assert "var network = null;" in small_page  # the global, as in pyvis's pages


def test_html_embeds_every_entity_link_sentence_and_article():
    triples = small_triples()
    g = to_networkx(triples)
    data = embedded(render(triples).decode())
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    assert len(data["edges"]) == g.number_of_edges() == 4
    by_id = {n["id"]: n for n in data["nodes"]}
    person = by_id[ID + "rufus-firefly"]
    assert (person["label"], person["cls"], person["aliases"]) == ("Rufus Firefly", "Person", ["Firefly"])
    meeting = by_id[ID + "meeting-1"]
    assert meeting["date"] == "2025-04-01" and ["date", ["2025-04-01"]] in meeting["facts"]
    [(sent, src)] = meeting["ev"]
    assert data["sentences"][sent] == "Rufus Firefly met the Ruritanian envoy in Graustark on Tuesday."
    assert data["sources"][src] == ["Ruritania and Freedonia talk trade", "2025-04-02"]
    nodes = data["nodes"]
    supports = [e for e in data["edges"] if data["props"][e[2]] == "supports"]
    [(s, o, _, ev)] = supports
    assert (nodes[s]["id"], nodes[o]["id"]) == (ID + "ruritania", ID + "trade")
    assert [data["sentences"][i] for i, _ in ev] == ["Ruritania backs freer trade, the ministry said."]
    assert {c["name"] for c in data["classes"]} == {"Country", "Person", "Topic", "Meeting", "Institution"}


def test_html_entity_in_no_fact_is_reached_through_its_articles():
    # issue 16: an entity that takes part in no fact is tied to the articles that mention it
    data = embedded(render(small_triples()).decode())
    gazette = next(n for n in data["nodes"] if n["id"] == ID + "graustark-gazette")
    assert gazette["deg"] == 0 and "home" not in gazette  # never in the overview on its own
    [art] = gazette["arts"]
    assert data["articles"][art] == [ID + "article-1", "Ruritania and Freedonia talk trade", "2025-04-02"]
    meeting = next(n for n in data["nodes"] if n["id"] == ID + "meeting-1")
    assert meeting["arts"] == [art]


def test_html_overview_data_for_every_linked_entity():
    data = embedded(render(small_triples()).decode())
    by_id = {n["id"]: n for n in data["nodes"]}
    for n in data["nodes"]:
        assert ("home" in n) == (n["deg"] > 0), n["id"]
        assert ("group" in n) == (n["deg"] > 0), n["id"]
    # Countries first: a country outranks a person with as many links.
    assert by_id[ID + "ruritania"]["score"] > by_id[ID + "meeting-1"]["score"] > by_id[ID + "trade"]["score"]
    # The meeting is tied to Ruritania (its location), the topic too (Ruritania supports it).
    ruritania = data["nodes"].index(by_id[ID + "ruritania"])
    assert ruritania in by_id[ID + "meeting-1"]["ties"] and ruritania in by_id[ID + "trade"]["ties"]
    assert data["countries"][0] == ruritania


def test_html_ties_run_through_offices():
    ttl = f"""{PREFIXES}
    dkgr:ruritania a dkg:Country ; rdfs:label "Ruritania" .
    dkgr:fm a dkg:Position ; rdfs:label "Foreign Minister of Ruritania" ; dkg:positionIn dkgr:ruritania .
    dkgr:rufus a dkg:Person ; rdfs:label "Rufus" ; dkg:holdsPosition dkgr:fm .
    dkgr:talks a dkg:Meeting ; rdfs:label "Talks" ; dkg:participant dkgr:rufus .
    dkgr:bar a dkg:Topic ; rdfs:label "bar" .  dkgr:talks dkg:about dkgr:bar .
    """
    g = to_networkx([q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)])
    ties = overview(g).ties
    assert ties[ID + "talks"] == [ID + "ruritania"]  # meeting -> participant -> office -> country
    assert ID + "bar" not in ties  # a topic is not a carrier: four hops away


@pytest.mark.parametrize("label, drawn", [
    ("Xi Jinping", "Xi Jinping"),
    ("Meeting of Ilham Aliyev and Xi Jinping", "Meeting of Ilham Aliyev\nand Xi Jinping"),
    ("Joint Statement on the Establishment of a Comprehensive Strategic Partnership",
     "Joint Statement on the\n… Strategic Partnership"),
    ("Supercalifragilisticexpialidocious-Treaty-Organisation", "Supercalifragilisticexp…"),
])
def test_html_labels_wrap_and_cut_in_the_middle(label, drawn):
    assert wrap_label(label) == drawn


def test_html_drawn_labels_are_distinct():
    # Truncated or repeated names are told apart by date, countries, class, then a number.
    ttl = f"""{PREFIXES}
    dkgr:a a dkg:Agreement ; rdfs:label "Memorandum of Understanding" ; dkg:date "2024-03-05" .
    dkgr:b a dkg:Agreement ; rdfs:label "Memorandum of Understanding" ; dkg:date "2025-01" .
    dkgr:c a dkg:Agreement ; rdfs:label "Memorandum of Understanding" .
    dkgr:d a dkg:Initiative ; rdfs:label "Joint Statement on the Establishment of the Strategic Partnership" .
    dkgr:e a dkg:Agreement ; rdfs:label "Joint Statement on the Establishment of a Strategic Partnership" .
    """
    g = to_networkx([q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)])
    data = embedded(build_page(g).html.decode())
    text = {n["id"].rsplit("/", 1)[1]: n.get("text", n["label"]) for n in data["nodes"]}
    assert len(set(text.values())) == 5, text
    assert text["a"] == "Memorandum of\nUnderstanding\n(2024-03-05)"
    assert text["b"] == "Memorandum of\nUnderstanding\n(2025-01)"
    assert text["c"] == "Memorandum of\nUnderstanding"
    assert text["d"].endswith("(Initiative)") and text["e"].endswith("(Agreement)")


def test_html_header_counts_and_no_note_for_small_graphs(small_page):
    assert "6 entities · 4 links" in small_page
    assert re.search(r'id="note"[^>]*hidden', small_page)


def test_html_escapes_markup_from_articles():
    html = render(hostile_triples()).decode("utf-8")
    for raw in ("<img src=x onerror", "</script><script>", "<script>window.__xss", "\u2028", "<!-- twice"):
        assert raw not in html, raw
    # The data itself is intact: the page shows the text literally.
    data = embedded(html)
    evil = next(n for n in data["nodes"] if n["id"] == ID + "evil")
    assert evil["label"] == IMG
    assert BREAKOUT in evil["aliases"] and "line\u2028break" in evil["aliases"]
    assert f"Foreign Minister {IMG} said {BREAKOUT} <!-- twice." in data["sentences"]
    assert [f"{BREAKOUT} & co", "2025-04-03"] in data["sources"]
    assert [ID + "article-2", f"{BREAKOUT} & co", "2025-04-03"] in data["articles"]
    # Only the page's own three script elements end (vis-network writes "</"+"script>").
    assert html.count("</script") == 3


def test_html_safe_json_escapes_what_ends_a_script():
    text = safe_json({"a": "</script><!--&\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_html_title_is_escaped():
    page = build_page(to_networkx(small_triples()), title="<b>Graph</b>")
    assert b"<b>Graph</b>" not in page.html and b"&lt;b&gt;Graph&lt;/b&gt;" in page.html


def star_forest(n_hubs: int, leaves: int) -> nx.MultiDiGraph:
    """Hubs with ``leaves`` spokes each (hub i has i more spokes than hub 0), and loose ends."""
    g = nx.MultiDiGraph()

    def node(name, cls="Person"):
        g.add_node(ID + name, label=name, cls=cls, aliases=[], literals={}, evidence=[], articles=[])

    for h in range(n_hubs):
        node(f"hub-{h}", "Country")
        for k in range(leaves + h):
            node(f"leaf-{h}-{k}", "Topic")
            g.add_edge(ID + f"hub-{h}", ID + f"leaf-{h}-{k}", key="about", prop="about", evidence=[])
    for k in range(5):
        node(f"loose-{k}", "Place")
    return g


def test_html_size_limit_keeps_the_most_connected_and_says_so():
    g = star_forest(4, 5)  # 4 hubs + 26 leaves + 5 loose = 35
    assert g.number_of_nodes() == 35
    page = build_page(g, max_nodes=10)
    assert (page.shown, page.total) == (10, 35)
    assert page.note.startswith("This page holds the 10 most connected of 35 entities")
    assert "--focus" in page.note
    html = page.html.decode()
    assert re.search(r'<div id="note" class="note" role="status">This page holds the 10 most connected of 35', html)
    data = embedded(html)
    ids = {n["id"] for n in data["nodes"]}
    assert {ID + f"hub-{h}" for h in range(4)} <= ids
    assert not any("loose" in i for i in ids)
    # The hubs say how many of their links lead off the page.
    hub = next(n for n in data["nodes"] if n["id"] == ID + "hub-3")
    assert hub["deg"] + hub["outside"] == 8
    assert data["total"] == 35


def test_html_carries_the_whole_graph_by_default_and_graph_to_html_signature():
    g = star_forest(2, 3)
    assert MAX_NODES >= 50000
    assert graph_to_html(g) == build_page(g).html
    page = build_page(g)
    assert page.note == "" and page.shown == page.total == g.number_of_nodes()


def test_html_is_deterministic():
    assert render(small_triples()) == render(list(reversed(small_triples())))


def test_html_big_page_is_byte_identical_whatever_the_order():
    ttl = synthetic_ttl(1500, seed=3)
    triples = [q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    first = render(triples)
    shuffled = triples[:]
    random.Random(5).shuffle(shuffled)
    assert render(shuffled) == first


def test_html_page_does_not_depend_on_string_hashing(tmp_path):
    # sets of strings iterate in an order that changes from one Python process to the next
    import hashlib
    import os
    import subprocess
    import sys

    script = ("import sys, hashlib; sys.path.insert(0, 'tests'); from test_html import synthetic;"
              "from kg.export.html import build_page;"
              "print(hashlib.sha256(build_page(synthetic(800, seed=4)).html).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    digests = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1
    assert hashlib.sha256(build_page(synthetic(800, seed=4)).html).hexdigest() in digests


def test_html_corpus_scale_page_size_and_build_time():
    # ~7,000 entities as the corpus has: the page carries them all and stays small.
    g = synthetic(7000)
    started = time.perf_counter()
    page = build_page(g)
    took = time.perf_counter() - started
    data = embedded(page.html.decode())
    size = len(page.html)
    print(f"7,000-entity page: {size / 1e6:.1f} MB, built in {took:.1f} s")
    assert len(data["nodes"]) == g.number_of_nodes() == 7000
    assert len(data["edges"]) == g.number_of_edges()
    assert size < 15e6
    assert sum(1 for n in data["nodes"] if n["deg"] == 0 and not n.get("arts")) == 0


def test_html_seeds_page_carries_the_whole_build(seeds_build):
    out, _ = seeds_build
    from kg.export.graphio import read_triples

    g = to_networkx(read_triples(out / "graph.ttl"))
    data = embedded((out / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert data["note"] == ""
    texts = [n.get("text", n["label"]) for n in data["nodes"]]
    assert len(set(texts)) == len(texts)


def test_evidence_added_later_to_a_cut_graph_is_what_the_whole_view_has(seeds_build):
    # a big build draws only part of its graph, so it adds evidence to that part alone
    from kg.export.network import describe, neighbourhood

    _, result = seeds_build
    full = to_networkx(result.triples)
    bare = to_networkx(result.triples, details=False)
    assert sorted(bare.nodes) == sorted(full.nodes) and bare.number_of_edges() == full.number_of_edges()
    assert all("evidence" not in d for _, d in bare.nodes(data=True))
    china = next(n for n, d in full.nodes(data=True) if d["label"] == "China")
    part = describe(neighbourhood(bare, china, 1))
    assert part.number_of_nodes() > 5
    for n, d in part.nodes(data=True):
        assert d == full.nodes[n]
    for s, o, k, d in part.edges(keys=True, data=True):
        assert d == full.edges[s, o, k]
    # the whole view is untouched: the part was a copy
    assert all("evidence" not in d for _, d in bare.nodes(data=True))
    assert "articles" not in bare.graph
