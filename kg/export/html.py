"""The interactive HTML graph, drawn with pyvis (vis-network inlined, nothing fetched)."""
from __future__ import annotations

import re
from typing import Optional, Sequence

import networkx as nx
import pyoxigraph as ox
from pyvis.network import Network

from ..network import to_networkx

__all__ = ["render", "STYLE"]

#: class -> (colour, shape)
STYLE = {
    "Person": ("#e15759", "dot"), "Country": ("#4e79a7", "diamond"),
    "Institution": ("#59a14f", "square"), "Position": ("#edc948", "triangle"),
    "Place": ("#76b7b2", "dot"), "Initiative": ("#b07aa1", "star"),
    "Agreement": ("#f28e2b", "box"), "StateVisit": ("#9c755f", "ellipse"),
    "Meeting": ("#9c755f", "ellipse"), "Conference": ("#9c755f", "ellipse"),
    "Event": ("#9c755f", "ellipse"), "Relationship": ("#ff9da7", "hexagon"),
    "Observation": ("#bab0ac", "box"), "Topic": ("#d4d4d4", "dot"),
}

# pyvis's template links Bootstrap from a CDN even with cdn_resources="in_line"; the page
# does not need it, and an offline page must not ask for it.
_CDN_TAG = re.compile(r"<link[^>]*https?://[^>]*>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>", re.S)


def _tooltip(data: dict) -> str:
    lines = [f"{data['cls']}: {data['label']}"]
    if data["aliases"]:
        lines.append("also: " + ", ".join(data["aliases"]))
    for key, values in data["literals"].items():
        lines.append(f"{key}: {', '.join(values)}")
    for sent, title, date in data["evidence"][:3]:
        lines.append(f"“{sent}” ({title}{', ' + date if date else ''})")
    return "\n".join(lines)


def graph_to_html(g: nx.MultiDiGraph) -> bytes:
    """Draw a networkx view as a self-contained page."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line",
                  notebook=False)
    for node, data in g.nodes(data=True):
        colour, shape = STYLE.get(data["cls"], ("#999999", "dot"))
        net.add_node(node, label=data["label"], title=_tooltip(data), color=colour, shape=shape,
                     size=10 + 3 * min(g.degree(node), 10))
    for s, o, data in g.edges(data=True):
        net.add_edge(s, o, label=data["prop"], title=data["prop"], arrows="to")
    net.set_options("""{"physics": {"stabilization": {"iterations": 300}},
                        "edges": {"font": {"size": 9}, "smooth": false}}""")
    html = net.generate_html(notebook=False)
    html = _CDN_TAG.sub("", html)
    # Freeze the layout once it has settled, so the picture stops moving.
    html = html.replace("return network;",
                        "network.once('stabilizationIterationsDone', function () {"
                        " network.setOptions({physics: false}); });\n                  return network;", 1)
    return html.encode("utf-8")


def render(triples: Sequence[ox.Triple], **_: object) -> bytes:
    """The HTML page for a graph's triples."""
    return graph_to_html(to_networkx(triples))
