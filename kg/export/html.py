"""The interactive HTML graph: one self-contained page that opens offline from disk.

vis-network (the copy pyvis ships) and the page's own script and style are inlined; nothing is
fetched from any network. The graph goes into the page as JSON inside a
``<script type="application/json">`` block, through :func:`safe_json`, which escapes ``<``,
``>``, ``&`` and the JavaScript line separators, so a name such as ``</script><script>...``
cannot leave the block. The page's script writes every string from an article with
``textContent`` (never as markup), and the canvas draws labels as plain text.

Big graphs are cut to their ``max_nodes`` most connected entities, and the page says so:
:func:`build_page` returns that note for the CLI.
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

from ..network import CLASS_ORDER, describe, to_networkx
from ..vocab import PREFIXES

__all__ = ["render", "graph_to_html", "build_page", "HtmlPage", "STYLE", "MAX_NODES",
           "safe_json", "most_connected"]

#: Above this many entities the page draws the most connected ones only.
MAX_NODES = 1500

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
_CLASS_LABELS = {"StateVisit": "State visit"}
#: Classes whose dates the page's date range filters.
EVENT_CLASSES = ("StateVisit", "Meeting", "Conference", "Event")
_DATE_KEYS = ("date", "startDate", "endDate")

_ASSETS = Path(__file__).with_name("html_assets")
_VIS_DIR = "lib/vis-9.1.2"


@dataclass(frozen=True)
class HtmlPage:
    """A rendered page and what it shows.

    ``note`` is empty unless the graph was cut to ``max_nodes``; it is the sentence the page
    shows above the graph.
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


def _compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


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


#: Wall-clock budget for the layout in the browser: past it the layout stops where it is.
LAYOUT_BUDGET_MS = 1500


def _physics(n: int) -> dict:
    """Layout settings by size, so the page settles within ~2 s and then freezes.

    Small graphs get many iterations and label-friendly spacing. Big ones get a coarser
    Barnes-Hut (theta 1.0, no overlap pass, fixed time step): on two cores headless Chromium
    spends ~10-20 ms an iteration on 2,000 nodes, so about a hundred fit the budget.
    """
    if n <= 300:
        return {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -140, "centralGravity": 0.02,
                                 "springLength": 130, "springConstant": 0.05, "damping": 0.5,
                                 "avoidOverlap": 0.8},
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 10, "fit": True},
        }
    iterations = 250 if n <= 800 else 150
    return {
        "solver": "barnesHut", "adaptiveTimestep": False, "timestep": 0.6,
        "barnesHut": {"theta": 1.0, "gravitationalConstant": -4000, "centralGravity": 0.25,
                      "springLength": 120, "springConstant": 0.04, "damping": 0.45,
                      "avoidOverlap": 0},
        "minVelocity": 2.0,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 5,
                          "fit": True},
    }


def _data(g: nx.MultiDiGraph, full: nx.MultiDiGraph, note: str, title: str) -> dict:
    strings = _Strings()
    nodes = sorted(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    counts: Dict[str, int] = {}
    out_nodes = []
    for n in nodes:
        d = g.nodes[n]
        counts[d["cls"]] = counts.get(d["cls"], 0) + 1
        degree = g.degree(n)
        node = {"id": n, "curie": _compact(n), "label": d["label"], "cls": d["cls"],
                "aliases": [a for a in d["aliases"] if a != d["label"]],
                "facts": [[_humanise(k), v] for k, v in d["literals"].items()],
                "ev": strings.evidence(d["evidence"]), "deg": degree}
        date = _event_date(d["cls"], d["literals"])
        if date:
            node["date"] = date
        outside = full.degree(n) - degree
        if outside:
            node["outside"] = outside
        out_nodes.append(node)
    edges = []
    for s, o, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[2]["prop"], e[1])):
        edges.append({"s": index[s], "o": index[o], "prop": _humanise(d["prop"]),
                      "ev": strings.evidence(d["evidence"])})
    classes = [{"name": c, "label": _CLASS_LABELS.get(c, c), "colour": STYLE.get(c, _DEFAULT_STYLE)[0],
                "shape": STYLE.get(c, _DEFAULT_STYLE)[1], "count": counts[c],
                "event": c in EVENT_CLASSES}
               for c in list(CLASS_ORDER) + sorted(set(counts) - set(CLASS_ORDER)) if c in counts]
    return {"title": title, "note": note, "total": full.number_of_nodes(),
            "totalEdges": full.number_of_edges(), "classes": classes, "nodes": out_nodes,
            "edges": edges, "sentences": strings.sentences, "sources": strings.sources,
            "physics": _physics(len(nodes)), "layoutBudgetMs": LAYOUT_BUDGET_MS}


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


def build_page(g: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES,
               title: str = "diplokg graph") -> HtmlPage:
    """Draw a networkx view (see :func:`kg.network.to_networkx`) as a self-contained page.

    Args:
        g: the graph; node and edge attributes as ``to_networkx`` makes them (the evidence of
            the part drawn is added here when it was made without ``details``).
        max_nodes: above this many entities, draw the most connected ones and say so.
        title: the page's title (escaped).

    Returns:
        the page's bytes with how many entities it draws of how many, and the note it shows
        when it had to leave some out.
    """
    total = g.number_of_nodes()
    shown = describe(most_connected(g, max_nodes))
    note = ""
    if shown.number_of_nodes() < total:
        note = (f"Showing the {shown.number_of_nodes():,} most connected of {total:,} entities. "
                "Use kg html GRAPH.ttl --focus NAME --hops N to draw the neighbourhood of one.")
    data = _data(shown, g, note, title)
    vis_js, vis_css = _vis()
    counts = (f"{_count(shown.number_of_nodes(), 'entity', 'entities')} · "
              f"{_count(shown.number_of_edges(), 'link', 'links')}")
    html = _fill(_asset("page.html"), {
        "title": escape(title), "counts": escape(counts), "note": escape(note),
        "note_hidden": "" if note else " hidden",
        "vis_css": vis_css, "page_css": _asset("page.css"), "vis_js": vis_js,
        "page_js": _asset("page.js"), "data": safe_json(data),
    })
    return HtmlPage(html=html.encode("utf-8"), shown=shown.number_of_nodes(), total=total,
                    edges=shown.number_of_edges(), note=note)


def graph_to_html(g: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES) -> bytes:
    """Draw a networkx view as a self-contained page (see :func:`build_page`)."""
    return build_page(g, max_nodes=max_nodes).html


def render(triples: Sequence[ox.Triple], *, max_nodes: int = MAX_NODES, **_: object) -> bytes:
    """The HTML page for a graph's triples."""
    return graph_to_html(to_networkx(triples, details=False), max_nodes=max_nodes)
