"""The HTML graph in a real browser: Debian's headless Chromium, offline, driven by Selenium.

Asserts from the live page what a reader sees: a first view whose labels are 12 px or more and
overlap nothing (read from vis-network's own label boxes), no entity drawn without a link,
search drawing and centring any entity, a click drawing a neighbourhood, the filters, every
fact's sentence in the panel, markup from an article shown as text and never run, and a
7,000-entity page ready within seconds (the time is printed; only a generous bound is
asserted, the machines are shared).

Skips where /usr/bin/chromium or /usr/bin/chromedriver is missing; scripts/test installs
Debian's chromium and chromium-driver when run as root.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export.html import build_page, render
from kg.export.network import to_networkx

from conftest import SEEDS, turtle_prefixes
from test_html import SMALL_TTL, synthetic

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
                "apt-get install chromium chromium-driver, or run scripts/test as root",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install -e '.[test]')")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

ID = "https://w3id.org/diplokg/id/"
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__xss=2</script>"
# No network at all: every request goes to a proxy at a dead port, and Chromium's own
# background traffic (updates, sync, safe browsing) is off.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--window-size=1400,900", "--force-device-scale-factor=1"]
# Runs before any script of the page: records any alert and any injected script.
TRAP = "window.__xss = 0; window.alert = window.confirm = window.prompt = function () { window.__xss = 'alert'; };"

FIXTURE_ARTICLE = f"""Ruritania and Freedonia sign a trade accord

April 2, 2025

GRAUSTARK, April 1 -- Ruritanian Foreign Minister {IMG} met Freedonian President Rufus Firefly in Graustark on Tuesday.

The two presidents signed an agreement on trade and investment, said Foreign Minister {BREAKOUT}.

The {IMG} Institute will host the next round of talks, the ministry said.
"""

# Injected as triples as well, so the page holds the markup whatever the extractors make of
# the article above: a person named by it, an alias, an evidence sentence and an article title.
PREFIXES = turtle_prefixes()
INJECTED = f"""
{PREFIXES}
dkgr:article-xss a dkg:Article ; dcterms:title "{BREAKOUT} {IMG} weekly" ; dcterms:date "2025-04-02" .
dkgr:xss-minister a dkg:Person ; rdfs:label "{IMG}" ; skos:altLabel "{BREAKOUT}" .
dkgr:meeting-xss a dkg:Event , dkg:Meeting ; rdfs:label "Meeting of the minister" ;
    prov:wasDerivedFrom dkgr:article-xss ;
    dkg:evidence "Ruritanian Foreign Minister {IMG} met {BREAKOUT} in Graustark." ;
    dkg:participant dkgr:xss-minister , dkgr:ilham-aliyev .
"""

# A graph written by hand, so the panel and filter tests do not hang on what the extractors
# make of the seeds: one sentence states five facts, two meetings share a name, two countries.
HAND_TTL = f"""
{PREFIXES}
dkgr:article-a a dkg:Article ; dcterms:title "Freedonia and Sylvania meet in Graustark" ; dcterms:date "2025-03-05" .
dkgr:article-b a dkg:Article ; dcterms:title "Sylvania backs trade" ; dcterms:date "2024-06-01" .
dkgr:freedonia a dkg:Country ; rdfs:label "Freedonia" .
dkgr:sylvania a dkg:Country ; rdfs:label "Sylvania" ; skos:altLabel "Sylvanian" .
dkgr:rufus a dkg:Person ; rdfs:label "Rufus Firefly" ; skos:altLabel "Firefly" ; dkg:holdsPosition dkgr:president .
dkgr:trentino a dkg:Person ; rdfs:label "Trentino" ; dkg:holdsPosition dkgr:ambassador .
dkgr:president a dkg:Position ; rdfs:label "President of Freedonia" ; dkg:positionIn dkgr:freedonia .
dkgr:ambassador a dkg:Position ; rdfs:label "Ambassador of Sylvania" ; dkg:positionIn dkgr:sylvania .
dkgr:graustark a dkg:Place ; rdfs:label "Graustark" .
dkgr:talks-2025 a dkg:Meeting ; rdfs:label "Meeting of Rufus Firefly and Trentino" ; dkg:date "2025-03-04" ;
    dkg:participant dkgr:rufus , dkgr:trentino ; dkg:location dkgr:graustark .
dkgr:talks-2019 a dkg:Meeting ; rdfs:label "Meeting of Rufus Firefly and Trentino" ; dkg:date "2019-05" ;
    dkg:participant dkgr:rufus , dkgr:trentino .
dkgr:trade a dkg:Topic ; rdfs:label "trade" .
dkgr:sylvania dkg:supports dkgr:trade .
dkgr:rufus dkg:supports dkgr:trade .
""" + "".join(
    f"dkgr:st-{i} a rdf:Statement ; rdf:subject dkgr:{s} ; rdf:predicate dkg:{p} ; rdf:object dkgr:{o} ; "
    f"prov:wasDerivedFrom dkgr:{art} ; dkg:evidence \"{sent}\" .\n"
    for i, (s, p, o, art, sent) in enumerate([
        ("rufus", "holdsPosition", "president", "article-a", "S1"),
        ("trentino", "holdsPosition", "ambassador", "article-a", "S1"),
        ("talks-2025", "participant", "rufus", "article-a", "S1"),
        ("talks-2025", "participant", "trentino", "article-a", "S1"),
        ("talks-2025", "location", "graustark", "article-a", "S1"),
        ("talks-2019", "participant", "rufus", "article-a", "S2"),
        ("talks-2019", "participant", "trentino", "article-a", "S2"),
        ("president", "positionIn", "freedonia", "article-a", "S2"),
        ("sylvania", "supports", "trade", "article-b", "S3"),
        ("rufus", "supports", "trade", "article-b", "S3"),
        ("ambassador", "positionIn", "sylvania", "article-b", "S4"),
    ])).replace('"S1"', '"Freedonian President Rufus Firefly met Sylvanian Ambassador Trentino in Graustark on Tuesday."'
    ).replace('"S2"', '"Rufus Firefly, who has led Freedonia since 2018, first met Trentino in May 2019."'
    ).replace('"S3"', '"Sylvania backs freer trade, and so does Firefly."').replace('"S4"', '"The ambassador speaks for Sylvania."')


# What vis-network drew: each drawn entity's label box and shape box (canvas units), its label
# size on screen, and the page's group titles.
DRAWING = """
var s = network.getScale(), out = [];
kg.drawn().forEach(function (id) {
  var n = network.body.nodes[id], l = n.labelModule.size, r = n.options.size;
  out.push({id: id, px: n.labelModule.fontOptions.size * s, text: n.options.label || '',
            label: n.options.label ? [l.left, l.top, l.left + l.width, l.top + l.height] : null,
            shape: [n.x - r, n.y - r, n.x + r, n.y + r]});
});
var c = network.canvas.frame.canvas;
var a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
return {scale: s, nodes: out, view: [a.x, a.y, b.x, b.y],
        titles: kg.titles().map(function (t) { return [t.rect.left, t.rect.top, t.rect.right, t.rect.bottom]; })};
"""
# The drawn links, as pairs of entity ids.
DRAWN_EDGES = "return network.body.data.edges.get().map(function (e) { return [e.from, e.to]; })"


@pytest.fixture(scope="module")
def driver():
    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        opts.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    opts.add_argument(f"--user-data-dir={profile}")
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                        {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    # views jump instead of gliding: a headless browser may pause an animation half-way
    drv.execute_cdp_cmd("Emulation.setEmulatedMedia",
                        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    drv.set_script_timeout(60)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(drv, path: Path, timeout: float = 60.0) -> float:
    """Open a page and wait until it is interactive; returns the seconds that took."""
    started = time.perf_counter()
    drv.get(path.resolve().as_uri())
    deadline = time.time() + timeout
    while not drv.execute_script("return !!(window.kg && kg.ready)"):
        assert time.time() < deadline, "the page did not become ready"
        time.sleep(0.02)
    return time.perf_counter() - started


def js(drv, script, *args):
    return drv.execute_script(script, *args)


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_readable(drawing, *, on_screen: bool = True, min_px: float = 12.0) -> None:
    """Every label at least ``min_px`` on screen, no label over another label, a shape or a
    group title, and (in a first view) everything inside the canvas."""
    nodes = drawing["nodes"]
    labelled = [n for n in nodes if n["label"]]
    small = [(n["text"], round(n["px"], 1)) for n in labelled if n["px"] < min_px - 1e-6]
    assert not small, small
    clashes = []
    for i, a in enumerate(labelled):
        for b in labelled[i + 1:]:
            if overlaps(a["label"], b["label"]):
                clashes.append((a["text"], b["text"]))
        for b in nodes:
            if b is not a and overlaps(a["label"], b["shape"]):
                clashes.append((a["text"], "shape of " + b["text"]))
        for t in drawing["titles"]:
            if overlaps(a["label"], t):
                clashes.append((a["text"], "a group title"))
    assert not clashes, clashes[:10]
    if on_screen:
        view = drawing["view"]
        outside = [n["text"] for n in nodes
                   if (n["label"] or n["shape"])[0] < view[0] or (n["label"] or n["shape"])[2] > view[2]
                   or n["shape"][1] < view[1] or (n["label"] or n["shape"])[3] > view[3]]
        assert not outside, outside


def assert_nothing_floats(drv) -> None:
    drawn = set(js(drv, "return kg.drawn()"))
    linked = {end for pair in js(drv, DRAWN_EDGES) for end in pair}
    assert drawn and drawn <= linked, sorted(drawn - linked)[:10]
    assert set(js(drv, "return network.body.data.nodes.getIds()")) == drawn


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The seeds plus a fixture article naming an entity by markup: (triples, page path)."""
    from kg.api import build
    from kg.export.graphio import read_triples

    tmp = tmp_path_factory.mktemp("html-browser")
    extra = tmp / "articles"
    extra.mkdir()
    (extra / "ruritania_freedonia.txt").write_text(FIXTURE_ARTICLE, encoding="utf-8")
    build([SEEDS, extra], tmp / "out")
    triples = read_triples(tmp / "out" / "graph.ttl")
    triples += [q.triple for q in ox.parse(INJECTED.encode(), format=ox.RdfFormat.TURTLE)]
    page = tmp / "graph.html"
    page.write_bytes(render(triples))
    return triples, page


@pytest.fixture(scope="module")
def hostile_graph(hostile_build):
    return to_networkx(hostile_build[0])


@pytest.fixture
def loaded(driver, hostile_build, hostile_graph):
    """The driver showing the hostile build's page (opened again if a test left it)."""
    page = hostile_build[1]
    if driver.current_url != page.resolve().as_uri():
        open_page(driver, page)
    return driver, hostile_graph


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    """A synthetic page of 7,000 entities (the corpus's size), with its graph."""
    g = synthetic(7000)
    path = tmp_path_factory.mktemp("html-big") / "big.html"
    path.write_bytes(build_page(g).html)
    return path, g


@pytest.fixture(scope="module")
def hand_build(tmp_path_factory):
    triples = [q.triple for q in ox.parse(HAND_TTL.encode(), format=ox.RdfFormat.TURTLE)]
    path = tmp_path_factory.mktemp("html-hand") / "hand.html"
    path.write_bytes(render(triples))
    return path, to_networkx(triples)


@pytest.fixture
def hand(driver, hand_build):
    """The driver showing the hand-written graph's page, freshly opened."""
    path, g = hand_build
    open_page(driver, path)
    return driver, g


def panel_text(drv) -> str:
    return js(drv, "return document.getElementById('panel').hidden ? '' : document.getElementById('panel-body').textContent")


def show_all_sentences(drv) -> None:
    while js(drv, "var b = document.querySelector('#panel button.more:not([hidden])'); if (b && /sentence/.test(b.textContent)) { b.click(); return true; } return false;"):
        pass


# ---------------------------------------------------------------------------- the first view

def test_html_browser_seeds_first_view_is_readable(driver, seeds_build):
    out, _ = seeds_build
    from kg.export.graphio import read_triples

    g = to_networkx(read_triples(out / "graph.ttl"), details=False)
    open_page(driver, out / "graph.html")
    drawing = js(driver, DRAWING)
    assert drawing["scale"] == 1
    assert_readable(drawing)
    assert_nothing_floats(driver)
    linked = [n for n in g if g.degree(n)]
    assert len(drawing["nodes"]) >= min(25, len(linked))
    countries = sorted((n for n in linked if g.nodes[n]["cls"] == "Country"), key=lambda n: -g.degree(n))
    assert set(countries[:2]) <= set(js(driver, "return kg.drawn()"))  # the seeds' two states are in it


def test_html_browser_corpus_scale_first_view_is_readable(driver, big_page):
    path, g = big_page
    took = open_page(driver, path)
    ready_ms = js(driver, "return kg.readyMs")
    size = path.stat().st_size
    print(f"7,000 entities, {size / 1e6:.1f} MB: interactive {ready_ms} ms after navigation began "
          f"({took:.2f} s as Selenium saw it)")
    assert ready_ms < 15000  # the goal is 3 s; the margin is for a busy shared machine
    drawing = js(driver, DRAWING)
    assert_readable(drawing)
    assert_nothing_floats(driver)
    assert 30 <= len(drawing["nodes"]) <= 150
    countries = sorted((n for n, d in g.nodes(data=True) if d["cls"] == "Country"), key=lambda n: -g.degree(n))
    assert countries[0] in js(driver, "return kg.drawn()")
    assert js(driver, "return kg.nodeCount") == 7000
    # and it answers a click at once
    started = time.perf_counter()
    js(driver, "kg.select(arguments[0], {focus: false})", countries[0])
    print(f"drawing the neighbourhood of the busiest country took {time.perf_counter() - started:.2f} s")
    assert_nothing_floats(driver)


def test_html_browser_fetches_nothing(loaded):
    drv, _ = loaded
    assert js(drv, "return performance.getEntriesByType('resource').map(function (e) { return e.name; })") == []


def test_html_browser_nothing_moves(loaded):
    drv, _ = loaded
    assert js(drv, "return network.physics.options.enabled") is False
    before = js(drv, "return network.getPositions()")
    time.sleep(0.5)
    assert js(drv, "return network.getPositions()") == before


# ---------------------------------------------------------------------------- search and click

def search(drv, text: str) -> None:
    box = drv.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def assert_centred(drv, target: str) -> None:
    # The view moves it to the middle of the canvas left of the panel.
    where = ("var c = network.canvas.frame.canvas, panel = document.getElementById('panel');"
             " var free = c.clientWidth - (panel.hidden ? 0 : panel.offsetWidth + 12);"
             " var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
             " return [p.x - free / 2, p.y - c.clientHeight / 2];")
    deadline = time.time() + 5
    while True:
        dx, dy = js(drv, where, target)
        if abs(dx) < 20 and abs(dy) < 20:
            return
        assert time.time() < deadline, (dx, dy)
        time.sleep(0.1)


@pytest.mark.parametrize("typed", ["Ilham Aliyev", "aliyev"])
def test_html_browser_search_jumps_to_a_node_by_any_name(loaded, typed):
    drv, g = loaded
    target = ID + "ilham-aliyev"
    assert "Aliyev" in g.nodes[target]["aliases"]
    js(drv, "kg.reset(); network.moveTo({position: {x: 5000, y: 5000}, scale: 0.5})")
    search(drv, typed)
    assert js(drv, "return network.getSelectedNodes()") == [target]
    assert_centred(drv, target)
    assert js(drv, "return document.querySelector('#panel h2').textContent") == "Ilham Aliyev"


def test_html_browser_search_draws_an_entity_not_in_the_overview(loaded):
    drv, g = loaded
    js(drv, "kg.reset()")
    drawn = set(js(drv, "return kg.drawn()"))
    hidden = sorted((n for n in g if g.degree(n) and n not in drawn), key=lambda n: (-g.degree(n), n))
    target = hidden[0]
    search(drv, g.nodes[target]["label"])
    assert js(drv, "return network.getSelectedNodes()") == [target]
    assert target in js(drv, "return kg.drawn()")
    assert_centred(drv, target)
    assert_nothing_floats(drv)


def settle(drv) -> None:
    """Stop any view animation where it is: headless Chromium may pause animation frames
    until an input event comes, so an animation could go on under the mouse."""
    js(drv, "network.moveTo({position: network.getViewPosition(), scale: network.getScale()})")


def click_node(drv, node_id: str) -> None:
    settle(drv)
    canvas = drv.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    spot = js(drv, "return network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]])", node_id)
    size = js(drv, "var r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", canvas)
    ActionChains(drv).move_to_element_with_offset(canvas, spot["x"] - size[0] / 2, spot["y"] - size[1] / 2).click().perform()
    time.sleep(0.3)


def test_html_browser_click_expands_the_neighbourhood(driver, big_page):
    path, g = big_page
    open_page(driver, path)
    before = set(js(driver, "return kg.drawn()"))
    simple = nx.Graph(g)
    # the drawn entity with most neighbours not drawn yet
    target = max(before, key=lambda n: (len(set(simple[n]) - before), n))
    missing = set(simple[target]) - before
    assert missing
    click_node(driver, target)
    assert js(driver, "return network.getSelectedNodes()") == [target]
    after = set(js(driver, "return kg.drawn()"))
    limit = js(driver, "return JSON.parse(document.getElementById('kg-data').textContent).expandMax")
    # its most important neighbours, up to the limit, are drawn now (some were already)
    neighbours = set(simple[target])
    assert len(after & neighbours) >= min(limit, len(neighbours))
    assert after & missing and before <= after
    assert_nothing_floats(driver)
    # still nothing over anything, wherever the new ones went
    js(driver, "network.fit({maxZoomLevel: 1}); network.redraw()")
    assert_readable(js(driver, DRAWING), on_screen=False, min_px=0)
    # the panel offers the rest, and draws it
    assert f"{len(neighbours)} linked entities" in panel_text(driver)
    assert len(neighbours) > len(after & neighbours)
    more = driver.find_element(By.XPATH, "//div[@class='drawn']/button")
    assert more.text.startswith("draw ")
    more.click()
    again = set(js(driver, "return kg.drawn()"))
    assert len(again & neighbours) > len(after & neighbours)
    assert_nothing_floats(driver)


def test_html_browser_click_shows_every_fact_with_its_sentence(hand):
    drv, g = hand
    target = ID + "rufus"
    click_node(drv, target)
    assert js(drv, "return network.getSelectedNodes()") == [target]
    show_all_sentences(drv)
    text = panel_text(drv)
    facts = [(s, d["prop"], o, d["evidence"]) for s, o, d in list(g.out_edges(target, data=True)) + list(g.in_edges(target, data=True))]
    assert len(facts) == 4
    for s, prop, o, evidence in facts:
        assert evidence and all(sent in text for sent, _, _ in evidence)
    # each sentence quoted once, above every fact it states
    quoted = js(drv, "return Array.from(document.querySelectorAll('#panel li.block q')).map(function (q) { return q.textContent; })")
    assert len(quoted) == len(set(quoted)) == 3
    blocks = js(drv, "return Array.from(document.querySelectorAll('#panel li.block')).map(function (b) {"
                     " return [b.querySelector('q').textContent, b.querySelectorAll('.facts-of li').length]; })")
    assert dict(blocks)["Freedonian President Rufus Firefly met Sylvanian Ambassador Trentino in Graustark on Tuesday."] == 2
    assert "same sentence" not in text
    # nothing in the panel is hidden from the reader
    assert js(drv, "return document.querySelectorAll('#panel li[hidden], #panel ul[hidden]').length") == 0
    assert "Freedonia and Sylvania meet in Graustark" in text and "2025-03-05" in text


def test_html_browser_drawn_labels_tell_entities_apart(hand):
    drv, g = hand
    drawn = {n["id"]: n["text"] for n in js(drv, DRAWING)["nodes"]}
    assert drawn[ID + "talks-2025"] != drawn[ID + "talks-2019"]
    assert drawn[ID + "talks-2019"].endswith("(2019-05)")
    # the full name shows on hover, in the tooltip
    tip = js(drv, "return network.body.nodes[arguments[0]].options.title.textContent", ID + "talks-2019")
    assert tip.startswith("Meeting of Rufus Firefly and Trentino")


def test_html_browser_link_click_shows_its_sentences(hand):
    drv, g = hand
    s, o = ID + "rufus", ID + "president"
    edge = js(drv, "var a = arguments[0], b = arguments[1]; return network.body.data.edges.get()"
                   ".filter(function (e) { return (e.from === a && e.to === b) || (e.from === b && e.to === a); })"
                   ".map(function (e) { return e.id; })", s, o)
    assert len(edge) == 1  # the links of a pair are one line on the canvas
    assert js(drv, "return kg.selectEdge(arguments[0])", edge[0])
    text = panel_text(drv)
    assert "holds position" in text and "Rufus Firefly" in text and "President of Freedonia" in text
    assert "Freedonian President Rufus Firefly met Sylvanian Ambassador Trentino in Graustark on Tuesday." in text


def test_html_browser_markup_from_articles_shows_as_text_and_runs_nothing(loaded):
    drv, g = loaded
    search(drv, IMG)
    assert js(drv, "return network.getSelectedNodes()") == [ID + "xss-minister"]
    assert js(drv, "return document.querySelector('#panel h2').textContent") == IMG
    text = panel_text(drv)
    assert BREAKOUT in text  # the alias, literally
    assert f"Ruritanian Foreign Minister {IMG} met {BREAKOUT} in Graustark." in text
    assert f"{BREAKOUT} {IMG} weekly" in text
    # The search suggestions, tooltips and the article's own panel hold it as text too.
    drv.find_element(By.ID, "search").send_keys(Keys.BACKSPACE)
    articles = js(drv, "return JSON.parse(document.getElementById('kg-data').textContent).articles")
    js(drv, "kg.selectArticle(arguments[0])", [a[0] for a in articles].index(ID + "article-xss"))
    assert f"{BREAKOUT} {IMG} weekly" in panel_text(drv)
    assert js(drv, "return document.querySelectorAll('img').length") == 0
    assert js(drv, "return document.scripts.length") == 3
    assert js(drv, "return window.__xss") == 0
    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text
    fixture_nodes = [n for n, d in g.nodes(data=True) if "<img" in d["label"] or any("<img" in a for a in d["aliases"])]
    assert ID + "xss-minister" in fixture_nodes


# ---------------------------------------------------------------------------- filters

def drawn_data(drv):
    data = js(drv, "return JSON.parse(document.getElementById('kg-data').textContent)")
    by_id = {n["id"]: (i, n) for i, n in enumerate(data["nodes"])}
    return data, [by_id[i] for i in js(drv, "return kg.drawn()") if i in by_id]


def test_html_browser_filters_by_class_country_and_dates(hand):
    drv, g = hand
    everything = set(js(drv, "return kg.drawn()"))
    assert everything == set(g)  # a graph this small is drawn whole
    drv.find_element(By.CSS_SELECTOR, 'input[data-class="Topic"]').click()
    assert set(js(drv, "return kg.drawn()")) == everything - {ID + "trade"}
    # Only persons and their offices: "only" on Person, then tick Position.
    row = drv.find_element(By.CSS_SELECTOR, 'input[data-class="Person"]').find_element(By.XPATH, "../..")
    ActionChains(drv).move_to_element(row).perform()
    row.find_element(By.CSS_SELECTOR, "button.only").click()
    drv.find_element(By.CSS_SELECTOR, 'input[data-class="Position"]').click()
    assert set(js(drv, "return kg.drawn()")) == {ID + x for x in ("rufus", "trentino", "president", "ambassador")}
    assert_readable(js(drv, DRAWING))
    assert_nothing_floats(drv)
    drv.find_element(By.ID, "all-classes").click()
    # A country: what belongs with it, through offices and the people holding them.
    Select(drv.find_element(By.ID, "country-a")).select_by_visible_text("Sylvania")
    assert set(js(drv, "return kg.drawn()")) == {ID + x for x in (
        "sylvania", "ambassador", "trentino", "talks-2025", "talks-2019", "trade")}
    assert_nothing_floats(drv)
    # A pair: what belongs with both.
    Select(drv.find_element(By.ID, "country-b")).select_by_visible_text("Freedonia")
    # (their meetings, with each side's participant, and the topic both back)
    assert set(js(drv, "return kg.drawn()")) == {ID + x for x in (
        "talks-2025", "talks-2019", "rufus", "trentino", "trade", "sylvania")}
    Select(drv.find_element(By.ID, "country-a")).select_by_index(0)
    Select(drv.find_element(By.ID, "country-b")).select_by_index(0)
    # A date range hides the events outside it, and the undated ones when asked.
    drv.find_element(By.ID, "date-from").send_keys("2025")
    drv.find_element(By.ID, "date-from").send_keys(Keys.TAB)
    drawn = set(js(drv, "return kg.drawn()"))
    assert ID + "talks-2025" in drawn and ID + "talks-2019" not in drawn
    # Looking for an event the range hides brings it back.
    js(drv, "kg.select(arguments[0])", ID + "talks-2019")
    assert ID + "talks-2019" in js(drv, "return kg.drawn()")
    assert js(drv, "return document.getElementById('date-from').value") == ""


def test_html_browser_entity_in_no_fact_hangs_from_its_articles(driver, tmp_path):
    ttl = SMALL_TTL + "\ndkgr:lonely-place a dkg:Place ; rdfs:label \"Lonely Place\" .\n"
    triples = [q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    path = tmp_path / "mentions.html"
    path.write_bytes(render(triples))
    open_page(driver, path)
    assert ID + "graustark-gazette" not in js(driver, "return kg.drawn()")  # not in the overview
    search(driver, "Graustark Gazette")
    drawn = js(driver, "return kg.drawn()")
    assert ID + "graustark-gazette" in drawn and ID + "article-1" in drawn
    assert [ID + "article-1", ID + "graustark-gazette"] in js(driver, DRAWN_EDGES)
    assert_nothing_floats(driver)
    assert "Ruritania and Freedonia talk trade" in panel_text(driver)
    # An entity with neither a link nor an article is found and explained, but not drawn.
    search(driver, "Lonely Place")
    assert js(driver, "return document.querySelector('#panel h2').textContent") == "Lonely Place"
    assert ID + "lonely-place" not in js(driver, "return kg.drawn()")
    assert_nothing_floats(driver)


# ---------------------------------------------------------------------------- edge cases

def test_html_browser_big_graph_is_cut_with_a_note(driver, tmp_path):
    page = build_page(synthetic(400), max_nodes=150)
    path = tmp_path / "cut.html"
    path.write_bytes(page.html)
    open_page(driver, path)
    assert js(driver, "return kg.nodeCount") == 150
    note = driver.find_element(By.ID, "note")
    assert note.is_displayed()
    assert note.text.startswith("This page holds the 150 most connected of 400 entities")


@pytest.mark.parametrize("n_loose", [0, 3])
def test_html_browser_graph_without_links_still_opens(driver, tmp_path, n_loose):
    g = nx.MultiDiGraph()
    for k in range(n_loose):
        g.add_node(f"{ID}topic-{k}", label=f"topic {k}", cls="Topic", aliases=[], literals={}, evidence=[], articles=[])
    path = tmp_path / "loose.html"
    path.write_bytes(build_page(g).html)
    open_page(driver, path, timeout=15)
    assert js(driver, "return kg.drawn().length") == 0  # nothing to hang them from
    assert not driver.find_element(By.ID, "loading").is_displayed()
    if n_loose:
        search(driver, "topic 1")
        assert js(driver, "return document.querySelector('#panel h2').textContent") == "topic 1"
