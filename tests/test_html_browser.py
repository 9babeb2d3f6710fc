"""The HTML graph in a real browser: Debian's headless Chromium, offline, driven by Selenium.

Asserts from the live DOM what a reader sees: every node drawn, search focusing a node, a
click showing the evidence, markup from an article shown as text and never run, a big graph
settling within seconds and then standing still.

Skips where /usr/bin/chromium or /usr/bin/chromedriver is missing; scripts/test installs
Debian's chromium and chromium-driver when run as root.
"""
from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export.html import build_page, render
from kg.network import CLASS_ORDER, to_networkx

from conftest import SEEDS, turtle_prefixes

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

ID = "https://w3id.org/diplokg/id/"
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__xss=2</script>"
# No network at all: every request goes to a proxy at a dead port, and Chromium's own
# background traffic (updates, sync, safe browsing) is off.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--window-size=1400,900"]
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
    drv.set_script_timeout(60)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(drv, path: Path, timeout: float = 60.0) -> None:
    drv.get(path.resolve().as_uri())
    deadline = time.time() + timeout
    while not drv.execute_script("return !!(window.kg && kg.ready)"):
        assert time.time() < deadline, "the graph did not finish its layout"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """The seeds plus a fixture article naming an entity by markup: (triples, page path)."""
    from kg.api import build
    from kg.graphio import read_triples

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
def loaded(driver, hostile_build):
    triples, page = hostile_build
    open_page(driver, page)
    return driver, to_networkx(triples)


def js(drv, script, *args):
    return drv.execute_script(script, *args)


def panel_text(drv) -> str:
    return js(drv, "return document.getElementById('panel').hidden ? '' : document.getElementById('panel-body').textContent")


def test_html_browser_draws_every_node(loaded):
    drv, g = loaded
    assert js(drv, "return network.body.data.nodes.length") == g.number_of_nodes()
    assert js(drv, "return network.body.data.edges.length") == g.number_of_edges()
    # vis created (and laid out) a node for each one, with a position on the canvas.
    assert js(drv, "return Object.keys(network.getPositions()).length") == g.number_of_nodes()
    assert js(drv, "return network.body.data.nodes.get({filter: function (n) { return n.hidden; }}).length") == 0
    counts = js(drv, "return document.getElementById('counts').textContent")
    assert counts.startswith(f"{g.number_of_nodes()} entities")


def test_html_browser_fetches_nothing(loaded):
    drv, _ = loaded
    assert js(drv, "return performance.getEntriesByType('resource').map(function (e) { return e.name; })") == []


def test_html_browser_layout_is_frozen(loaded):
    drv, _ = loaded
    assert js(drv, "return network.physics.options.enabled") is False
    before = js(drv, "return network.getPositions()")
    time.sleep(0.5)
    assert js(drv, "return network.getPositions()") == before


def search(drv, text: str) -> None:
    box = drv.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


@pytest.mark.parametrize("typed", ["Ilham Aliyev", "aliyev"])
def test_html_browser_search_focuses_a_node_by_any_name(loaded, typed):
    drv, g = loaded
    target = ID + "ilham-aliyev"
    assert "Aliyev" in g.nodes[target]["aliases"]
    js(drv, "kg.close(); network.moveTo({position: {x: 5000, y: 5000}, scale: 0.5})")
    search(drv, typed)
    assert js(drv, "return network.getSelectedNodes()") == [target]
    # The view moves it to the middle of the canvas left of the panel (the animation may stop
    # a frame short).
    where = ("var c = network.canvas.frame.canvas, panel = document.getElementById('panel');"
             " var free = c.clientWidth - (panel.hidden ? 0 : panel.offsetWidth + 12);"
             " var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
             " return [p.x - free / 2, p.y - c.clientHeight / 2];")
    deadline = time.time() + 5
    while True:
        dx, dy = js(drv, where, target)
        if abs(dx) < 20 and abs(dy) < 20:
            break
        assert time.time() < deadline, (dx, dy)
        time.sleep(0.1)
    assert js(drv, "return document.querySelector('#panel h2').textContent") == "Ilham Aliyev"


def test_html_browser_click_shows_the_evidence(loaded):
    drv, g = loaded
    target = ID + "meeting-2025-04-23-ilham-aliyev-li-qiang"
    sentence = g.nodes[target]["evidence"][0][0]
    js(drv, "kg.close(); network.focus(arguments[0], {scale: 2.5})", target)
    time.sleep(0.2)
    canvas = drv.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    spot = js(drv, "var p = network.getPositions([arguments[0]])[arguments[0]]; return network.canvasToDOM(p)", target)
    size = js(drv, "var r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", canvas)
    ActionChains(drv).move_to_element_with_offset(canvas, spot["x"] - size[0] / 2, spot["y"] - size[1] / 2).click().perform()
    time.sleep(0.3)
    assert js(drv, "return network.getSelectedNodes()") == [target]
    text = panel_text(drv)
    assert g.nodes[target]["label"] in text
    assert sentence in text
    title = g.nodes[target]["evidence"][0][1]
    assert title in text


def test_html_browser_edge_click_shows_its_evidence(loaded):
    drv, g = loaded
    s, o = ID + "ilham-aliyev", ID + "president-of-azerbaijan"
    data = next(d for d in g.get_edge_data(s, o).values() if d["prop"] == "holdsPosition")
    edge = js(drv, "var a = arguments[0], b = arguments[1]; return network.body.data.edges.get()"
                   ".filter(function (e) { return e.from === a && e.to === b; }).map(function (e) { return e.id; })", s, o)
    js(drv, "kg.selectEdge(arguments[0])", edge[0])
    text = panel_text(drv)
    assert "holds position" in text and "Ilham Aliyev" in text
    assert all(sent in text for sent, _, _ in data["evidence"])


def test_html_browser_markup_from_articles_shows_as_text_and_runs_nothing(loaded):
    drv, g = loaded
    search(drv, IMG)
    assert js(drv, "return network.getSelectedNodes()") == [ID + "xss-minister"]
    assert js(drv, "return document.querySelector('#panel h2').textContent") == IMG
    text = panel_text(drv)
    assert BREAKOUT in text  # the alias, literally
    assert f"Ruritanian Foreign Minister {IMG} met {BREAKOUT} in Graustark." in text
    assert f"{BREAKOUT} {IMG} weekly" in text
    # The search suggestions and tooltips hold it as text too.
    drv.find_element(By.ID, "search").send_keys(Keys.BACKSPACE)
    assert js(drv, "return document.querySelectorAll('img').length") == 0
    assert js(drv, "return document.scripts.length") == 3
    assert js(drv, "return window.__xss") == 0
    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text
    # What the fixture article itself made of the markup, if anything, is inert as well.
    fixture_nodes = [n for n, d in g.nodes(data=True) if "<img" in d["label"] or any("<img" in a for a in d["aliases"])]
    assert ID + "xss-minister" in fixture_nodes


def test_html_browser_class_toggles_and_dates(loaded):
    drv, g = loaded
    visible = "return network.body.data.nodes.get({filter: function (n) { return !n.hidden; }}).length"
    topics = sum(1 for _, d in g.nodes(data=True) if d["cls"] == "Topic")
    js(drv, "kg.close()")
    drv.find_element(By.CSS_SELECTOR, 'input[data-class="Topic"]').click()
    assert js(drv, visible) == g.number_of_nodes() - topics
    # Only persons and countries: "only" on Person, then tick Country.
    row = drv.find_element(By.CSS_SELECTOR, 'input[data-class="Person"]').find_element(By.XPATH, "../..")
    ActionChains(drv).move_to_element(row).perform()
    row.find_element(By.CSS_SELECTOR, "button.only").click()
    drv.find_element(By.CSS_SELECTOR, 'input[data-class="Country"]').click()
    wanted = sum(1 for _, d in g.nodes(data=True) if d["cls"] in ("Person", "Country"))
    assert js(drv, visible) == wanted
    hidden_edges = js(drv, "return network.body.data.edges.get({filter: function (e) { return !e.hidden; }})"
                           ".every(function (e) { return !network.body.data.nodes.get(e.from).hidden && !network.body.data.nodes.get(e.to).hidden; })")
    assert hidden_edges
    drv.find_element(By.ID, "all-classes").click()
    assert js(drv, visible) == g.number_of_nodes()
    # A date range hides the events outside it, and the undated ones when asked.
    events = {n: d for n, d in g.nodes(data=True) if d["cls"] in ("StateVisit", "Meeting", "Conference", "Event")}
    dated_2025 = [n for n, d in events.items() if any(v.startswith("2025") for k in ("date", "startDate") for v in d["literals"].get(k, []))]
    undated = [n for n, d in events.items() if not any(d["literals"].get(k) for k in ("date", "startDate", "endDate"))]
    drv.find_element(By.ID, "date-from").send_keys("2025")
    drv.find_element(By.ID, "undated").click()
    shown = set(js(drv, "return network.body.data.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; })"))
    assert set(dated_2025) <= shown
    assert not (set(events) - set(dated_2025)) & shown
    drv.find_element(By.ID, "undated").click()
    shown = set(js(drv, "return network.body.data.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; })"))
    assert set(undated) <= shown
    drv.find_element(By.ID, "date-from").clear()
    drv.find_element(By.ID, "date-from").send_keys(Keys.SPACE, Keys.BACKSPACE)
    assert js(drv, visible) == g.number_of_nodes()


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free graph of ``n`` entities of every class, with evidence, as to_networkx gives."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    for i in base.nodes:
        cls = rnd.choice(CLASS_ORDER)
        g.add_node(f"{ID}e{i}", label=f"{cls} number {i}", cls=cls, aliases=[f"E{i}"],
                   literals={"date": [f"2024-{1 + i % 12:02d}"]} if cls == "Meeting" else {},
                   evidence=[(f"A sentence about entity {i}.", f"Article {i % 40}", "2025-01-01")])
    for a, b in base.edges:
        g.add_edge(f"{ID}e{a}", f"{ID}e{b}", key="partOf", prop="partOf",
                   evidence=[(f"A sentence linking {a} and {b}.", f"Article {a % 40}", "2025-01-01")])
    return g


def test_html_browser_2000_nodes_settle_and_freeze(driver, tmp_path):
    page = build_page(synthetic(2000), max_nodes=2000)
    path = tmp_path / "big.html"
    path.write_bytes(page.html)
    started = time.time()
    open_page(driver, path)
    wall = time.time() - started
    ms = js(driver, "return kg.stabilizedMs")
    print(f"2,000 nodes: layout done {ms} ms after the network was created, {wall:.1f} s after loading began")
    assert js(driver, "return network.body.data.nodes.length") == 2000
    # The layout stops at its budget (1.5 s); the margin is for a busy CI machine.
    assert ms < 6000
    assert js(driver, "return network.physics.options.enabled") is False
    before = js(driver, "return network.getPositions(['%se0', '%se1999'])" % (ID, ID))
    time.sleep(0.5)
    assert js(driver, "return network.getPositions(['%se0', '%se1999'])" % (ID, ID)) == before


def test_html_browser_big_graph_is_cut_with_a_note(driver, tmp_path):
    page = build_page(synthetic(400), max_nodes=150)
    path = tmp_path / "cut.html"
    path.write_bytes(page.html)
    open_page(driver, path)
    assert js(driver, "return network.body.data.nodes.length") == 150
    note = driver.find_element(By.ID, "note")
    assert note.is_displayed()
    assert note.text.startswith("Showing the 150 most connected of 400 entities")


@pytest.mark.parametrize("n_loose", [0, 3])
def test_html_browser_graph_without_links_still_opens(driver, tmp_path, n_loose):
    g = nx.MultiDiGraph()
    for k in range(n_loose):
        g.add_node(f"{ID}topic-{k}", label=f"topic {k}", cls="Topic", aliases=[], literals={}, evidence=[])
    path = tmp_path / "loose.html"
    path.write_bytes(build_page(g).html)
    open_page(driver, path, timeout=15)
    assert js(driver, "return network.body.data.nodes.length") == n_loose
    assert not driver.find_element(By.ID, "loading").is_displayed()
