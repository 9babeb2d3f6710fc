"""The HTML graph page as bytes: self-contained, offline, complete, escaped, cut to size.

The page's behaviour in a real browser is tested in test_html_browser.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export.html import MAX_NODES, build_page, graph_to_html, render, safe_json
from kg.network import to_networkx

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


def test_html_inlines_vis_network(small_page):
    import pyvis

    vis = (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2/vis-network.min.js").read_text()
    assert vis[:2000] in small_page
    assert "new vis.Network(" in small_page
    assert "var network = null;" in small_page  # the global, as in pyvis's pages


def test_html_embeds_every_node_and_edge():
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
    supports = [e for e in data["edges"] if e["prop"] == "supports"]
    assert [data["sentences"][s] for s, _ in supports[0]["ev"]] == ["Ruritania backs freer trade, the ministry said."]
    assert {c["name"] for c in data["classes"]} == {"Country", "Person", "Topic", "Meeting"}


def test_html_header_counts_and_no_note_for_small_graphs(small_page):
    assert "5 entities · 4 links" in small_page
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
        g.add_node(ID + name, label=name, cls=cls, aliases=[], literals={}, evidence=[])

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
    assert page.note.startswith("Showing the 10 most connected of 35 entities")
    assert "--focus" in page.note
    html = page.html.decode()
    assert re.search(r'<div id="note" class="note" role="status">Showing the 10 most connected of 35 entities', html)
    data = embedded(html)
    ids = {n["id"] for n in data["nodes"]}
    assert {ID + f"hub-{h}" for h in range(4)} <= ids
    assert not any("loose" in i for i in ids)
    # The hubs say how many of their links lead off the page.
    hub = next(n for n in data["nodes"] if n["id"] == ID + "hub-3")
    assert hub["deg"] + hub["outside"] == 8
    assert data["total"] == 35


def test_html_default_limit_and_graph_to_html_signature():
    g = star_forest(2, 3)
    assert MAX_NODES == 1500
    assert graph_to_html(g) == build_page(g).html
    assert build_page(g).note == ""


def test_html_is_deterministic():
    assert render(small_triples()) == render(list(reversed(small_triples())))


def test_html_seeds_page_draws_the_whole_build(seeds_build):
    out, _ = seeds_build
    from kg.graphio import read_triples

    g = to_networkx(read_triples(out / "graph.ttl"))
    data = embedded((out / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert data["note"] == ""


def test_evidence_added_later_to_a_cut_graph_is_what_the_whole_view_has(seeds_build):
    # a big build draws only part of its graph, so it adds evidence to that part alone
    from kg.network import describe, neighbourhood

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
