"""The interactive HTML graph: one self-contained page that opens offline from disk.

vis-network (the copy pyvis ships) and the page's own script and style are inlined; nothing is
fetched from any network. The graph goes into the page as JSON inside a
``<script type="application/json">`` block, through :func:`safe_json`, which escapes ``<``,
``>``, ``&`` and the JavaScript line separators, so a name such as ``</script><script>...``
cannot leave the block. The page's script writes every string from an article with
``textContent`` (never as markup), and the canvas draws labels as plain text.

The page carries the whole graph (every entity, link, sentence and article) but draws an
overview: the most important entities that fit the screen with their labels apart, grouped as
:mod:`kg.export.html_overview` works out here, at build time. A click draws an entity's
neighbourhood; search and the filters reach all the rest. Only a graph above ``max_nodes``
entities is cut (to its most connected ones), and the page and :func:`build_page` say so.

The data block, compactly (a key is left out when its value is empty):

- ``nodes``: ``id`` (IRI), ``label``, ``text`` (the label as drawn, when it differs: wrapped,
  made unique), ``cls``, ``aliases``, ``facts`` ([property, values]), ``ev`` (evidence:
  [sentence index, source index]), ``deg`` (links), ``score``, ``group``, ``home`` ([x, y],
  linked entities only), ``ties`` (indices of its countries' nodes), ``date`` (events),
  ``arts`` (indices into ``articles``), ``outside`` (links to entities cut from the page).
- ``edges``: [subject index, object index, property index, evidence].
- ``props``, ``groups``, ``countries`` (node indices, most active first), ``articles``
  ([IRI, title, date]), ``sentences``, ``sources`` ([title, date]), ``classes``, ``prefixes``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import networkx as nx
import pyoxigraph as ox

from .network import CLASS_ORDER, describe, to_networkx
from ..vocab import PREFIXES
from .html_overview import overview

__all__ = ["render", "graph_to_html", "build_page", "HtmlPage", "STYLE", "MAX_NODES",
           "safe_json", "most_connected"]

#: Above this many entities the page carries (and searches) the most connected ones only.
MAX_NODES = 60000
#: At most this many entities in the first view (fewer when their labels fill the screen).
OVERVIEW_NODES = 150
#: Entities a click draws around the one clicked, at most (the panel draws more on request).
EXPAND_NODES = 30

#: class -> (colour, shape). Shapes draw their label below them, so long names never swell
#: a node; the events share one colour and differ by shape.
STYLE: Dict[str, Tuple[str, str]] = {
    "Person": ("#e15759", "dot"), "Country": ("#4e79a7", "diamond"),
    "Institution": ("#59a14f", "square"), "Position": ("#e8b93a", "triangle"),
    "Place": ("#76b7b2", "triangleDown"), "Initiative": ("#b07aa1", "star"),
    "Agreement": ("#f28e2b", "square"), "StateVisit": ("#9c755f", "star"),
    "Meeting": ("#9c755f", "dot"), "Conference": ("#9c755f", "hexagon"),
    "Event": ("#9c755f", "diamond"), "Relationship": ("#ff7f96", "hexagon"),
    "Observation": ("#8c8c8c", "square"), "Topic": ("#b9b9b9", "dot"),
}
_DEFAULT_STYLE = ("#999999", "dot")
#: Articles are drawn only to reach the entities they mention.
ARTICLE_STYLE = ("#3d5a80", "square")
_CLASS_LABELS = {"StateVisit": "State visit"}
#: Classes whose dates the page's date range filters.
EVENT_CLASSES = ("StateVisit", "Meeting", "Conference", "Event")
_DATE_KEYS = ("date", "startDate", "endDate")

_ASSETS = Path(__file__).with_name("html_assets")
_VIS_DIR = "lib/vis-9.1.2"


@dataclass(frozen=True)
class HtmlPage:
    """A rendered page and what it holds.

    ``shown`` entities of the graph's ``total`` are in the page (all of them unless the graph
    was cut to ``max_nodes``), with ``edges`` links between them; the page draws an overview
    of them and the rest on demand. ``note`` is empty unless the graph was cut; it is the
    sentence the page shows above the graph.
    """

    html: bytes
    shown: int
    total: int
    edges: int
    note: str = ""


def safe_json(value: object) -> str:
    """JSON that can sit inside an HTML ``<script>`` element without ending it.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where their ``\\u`` escapes mean
    the same; U+2028/2029 are escaped too for older JavaScript parsers.

    >>> safe_json({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def most_connected(g: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The subgraph of the ``max_nodes`` entities with most links (ties by IRI, so stable)."""
    if g.number_of_nodes() <= max_nodes:
        return g
    degree = dict(g.degree())
    keep = sorted(g.nodes, key=lambda n: (-degree[n], n))[:max_nodes]
    return g.subgraph(keep).copy()


def _humanise(name: str) -> str:
    """``holdsPosition`` -> ``holds position``: the ontology's labels follow the local names."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: " " + m.group(1).lower(), name)


class _Strings:
    """Interns evidence sentences and sources, which many facts share."""

    def __init__(self) -> None:
        self.sentences: List[str] = []
        self.sources: List[List[str]] = []
        self._sent: Dict[str, int] = {}
        self._src: Dict[Tuple[str, str], int] = {}

    def evidence(self, items) -> List[List[int]]:
        out = []
        seen = set()
        for sent, title, date in items:
            s = self._sent.setdefault(sent, len(self.sentences))
            if s == len(self.sentences):
                self.sentences.append(sent)
            a = self._src.setdefault((title, date), len(self.sources))
            if a == len(self.sources):
                self.sources.append([title, date])
            if (s, a) not in seen:
                seen.add((s, a))
                out.append([s, a])
        return out


def _event_date(cls: str, literals: Dict[str, List[str]]) -> str:
    if cls not in EVENT_CLASSES:
        return ""
    for key in _DATE_KEYS:
        if literals.get(key):
            return literals[key][0]
    return ""


def _data(g: nx.MultiDiGraph, full: nx.MultiDiGraph, note: str, title: str) -> dict:
    strings = _Strings()
    view = overview(g)
    nodes = sorted(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    known = g.graph.get("articles", {})
    article_iris = sorted({a for n in nodes for a in g.nodes[n].get("articles", ())})
    art_index = {a: i for i, a in enumerate(article_iris)}
    props: Dict[str, int] = {}
    counts: Dict[str, int] = {}
    out_nodes = []
    for n in nodes:
        d = g.nodes[n]
        counts[d["cls"]] = counts.get(d["cls"], 0) + 1
        node: Dict[str, object] = {"id": n, "label": d["label"], "cls": d["cls"]}
        text = view.labels[n]
        if text != d["label"]:
            node["text"] = text
        aliases = [a for a in d["aliases"] if a != d["label"]]
        if aliases:
            node["aliases"] = aliases
        if d["literals"]:
            node["facts"] = [[_humanise(k), v] for k, v in d["literals"].items()]
        ev = strings.evidence(d["evidence"])
        if ev:
            node["ev"] = ev
        node["deg"] = g.degree(n)
        node["score"] = view.score[n]
        if n in view.group:
            node["group"] = view.group[n]
        if n in view.home:
            node["home"] = list(view.home[n])
        ties = [index[c] for c in view.ties.get(n, ()) if c in index]
        if ties:
            node["ties"] = ties
        date = _event_date(d["cls"], d["literals"])
        if date:
            node["date"] = date
        arts = [art_index[a] for a in d.get("articles", ())]
        if arts:
            node["arts"] = arts
        outside = full.degree(n) - g.degree(n)
        if outside:
            node["outside"] = outside
        out_nodes.append(node)
    edges = []
    for s, o, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[2]["prop"], e[1])):
        prop = props.setdefault(_humanise(d["prop"]), len(props))
        edges.append([index[s], index[o], prop, strings.evidence(d["evidence"])])
    classes = [{"name": c, "label": _CLASS_LABELS.get(c, c), "colour": STYLE.get(c, _DEFAULT_STYLE)[0],
                "shape": STYLE.get(c, _DEFAULT_STYLE)[1], "count": counts[c],
                "event": c in EVENT_CLASSES}
               for c in list(CLASS_ORDER) + sorted(set(counts) - set(CLASS_ORDER)) if c in counts]
    countries = sorted((index[n] for n in nodes if g.nodes[n]["cls"] == "Country" and g.degree(n)),
                       key=lambda i: (-view.score[nodes[i]], i))
    articles = [[a, *known.get(a, ("", ""))] for a in article_iris]
    return {"title": title, "note": note, "total": full.number_of_nodes(),
            "totalEdges": full.number_of_edges(), "classes": classes,
            "article": {"colour": ARTICLE_STYLE[0], "shape": ARTICLE_STYLE[1]},
            "prefixes": [[k, v] for k, v in PREFIXES.items()],
            "overviewMax": OVERVIEW_NODES, "expandMax": EXPAND_NODES,
            "props": list(props), "groups": view.groups, "countries": countries,
            "nodes": out_nodes, "edges": edges, "articles": articles,
            "sentences": strings.sentences, "sources": strings.sources}


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _vis() -> Tuple[str, str]:
    """vis-network's script and style as pyvis ships them (its ``in_line`` resources)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / _VIS_DIR
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    # A source map would be looked up next to the page when developer tools open.
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*# sourceMappingURL=\S+ \*/", "", css)
    return js, css


def _fill(template: str, values: Dict[str, str]) -> str:
    # One pass, so text put in for one placeholder is never searched for another.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


#: The page's scripts, in the order they run (each defines what the next ones use).
_SCRIPTS = ("layout.js", "model.js", "view.js", "panel.js", "controls.js", "page.js")


def build_page(g: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES,
               title: str = "diplokg graph") -> HtmlPage:
    """Draw a networkx view (see :func:`kg.export.network.to_networkx`) as a self-contained page.

    Args:
        g: the graph; node and edge attributes as ``to_networkx`` makes them (evidence and
            articles are added here when it was made without ``details``).
        max_nodes: above this many entities, carry the most connected ones and say so.
        title: the page's title (escaped).

    Returns:
        the page's bytes with how many entities it carries of how many, and the note it shows
        when it had to leave some out.
    """
    total = g.number_of_nodes()
    shown = describe(most_connected(g, max_nodes))
    note = ""
    if shown.number_of_nodes() < total:
        note = (f"This page holds the {shown.number_of_nodes():,} most connected of {total:,} entities. "
                "Use kg html GRAPH.ttl --focus NAME --hops N for the neighbourhood of any other.")
    data = _data(shown, g, note, title)
    vis_js, vis_css = _vis()
    counts = (f"{_count(total, 'entity', 'entities')} · "
              f"{_count(g.number_of_edges(), 'link', 'links')}")
    html = _fill(_asset("page.html"), {
        "title": escape(title), "counts": escape(counts), "note": escape(note),
        "note_hidden": "" if note else " hidden",
        "vis_css": vis_css, "page_css": _asset("page.css"), "vis_js": vis_js,
        "page_js": "\n".join(_asset(name) for name in _SCRIPTS), "data": safe_json(data),
    })
    return HtmlPage(html=html.encode("utf-8"), shown=shown.number_of_nodes(), total=total,
                    edges=shown.number_of_edges(), note=note)


def graph_to_html(g: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES) -> bytes:
    """Draw a networkx view as a self-contained page (see :func:`build_page`)."""
    return build_page(g, max_nodes=max_nodes).html


def render(triples: Sequence[ox.Triple], *, max_nodes: int = MAX_NODES, **_: object) -> bytes:
    """The HTML page for a graph's triples."""
    return graph_to_html(to_networkx(triples, details=False), max_nodes=max_nodes)
