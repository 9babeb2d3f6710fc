"""What the HTML page opens on: who matters, which group each entity belongs to, where it sits.

Worked out once, in Python, at build time, and deterministically (nodes and edges are visited
in sorted order and every random choice has a fixed seed), so the same graph gives the same
page. The page itself only picks the most important entities that pass its filters, maps their
home positions onto the screen and moves each to the nearest spot where its label overlaps
nothing (``html_assets/layout.js``).

- **score**: activity (distinct entities linked) weighted by class, so countries and the busiest
  actors come first and figures or topics last.
- **ties**: the countries an entity belongs with: a country linked to it directly, or through a
  position, person or institution (a meeting -> its participant -> the office he holds -> the
  country). The country filter and the group names use them.
- **groups**: communities of the link graph (Louvain, fixed seed), named by the countries most
  of their members are tied to: in a corpus about bilateral relations these are country pairs.
- **home**: a position per linked entity: groups are laid out as discs that do not overlap
  (their weight of links pulls related groups together), members inside their group's disc.
- **display labels**: long names wrapped on two lines, cut in the middle when longer still, and
  made unique (a date, the countries, the class, a number) so no two entities read the same.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Dict, List, Sequence, Set, Tuple

import networkx as nx

__all__ = ["Overview", "overview", "display_labels", "wrap_label", "CLASS_WEIGHT"]

#: How much an entity of a class counts for the overview, per distinct entity it links to.
CLASS_WEIGHT: Dict[str, float] = {
    "Country": 3.0, "Person": 1.5, "Institution": 1.2, "Initiative": 1.0, "Agreement": 1.0,
    "StateVisit": 1.0, "Meeting": 1.0, "Conference": 0.8, "Event": 0.8, "Relationship": 0.6,
    "Place": 0.6, "Position": 0.4, "Topic": 0.4, "Observation": 0.2,
}
#: Classes through which an entity is tied to a country (a person through his office, ...).
_CARRIERS = frozenset({"Position", "Person", "Institution"})
_TIE_HOPS = 3
#: Groups laid out by their links to each other; the smaller rest go round them in a spiral.
_MAIN_GROUPS = 40
#: Members laid out by their links inside a group; the rest sit beside their closest one.
_MAIN_MEMBERS = 30
_UNIT = 70.0          # spacing of homes, in the page's pixels before it scales them
_GOLDEN = math.pi * (3 - math.sqrt(5))
_TITLE = 32          # characters of a group's name
LINE = 24             # characters on a line of a drawn label
_DATE_KEYS = ("date", "startDate", "endDate")


@dataclass(frozen=True)
class Overview:
    """Per entity: ``score``, ``group`` (index into ``groups``), ``home`` (linked ones only),
    ``ties`` (country IRIs, most linked first) and ``labels`` (what the canvas draws)."""

    score: Dict[str, float]
    group: Dict[str, int]
    groups: List[str]
    home: Dict[str, Tuple[int, int]]
    ties: Dict[str, List[str]]
    labels: Dict[str, str]


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected link graph, sorted, a pair's links counted as its weight."""
    h = nx.Graph()
    h.add_nodes_from(n for n in sorted(g.nodes) if g.degree(n))
    for s, o in sorted((s, o) if s < o else (o, s) for s, o in g.edges() if s != o):
        if h.has_edge(s, o):
            h[s][o]["weight"] += 1
        else:
            h.add_edge(s, o, weight=1)
    return h


def _ordered(h: nx.Graph, nodes: Sequence[str]) -> nx.Graph:
    """The subgraph on ``nodes``, built in sorted order: a networkx subgraph view of a few
    nodes iterates them in set order, which changes with Python's string hashing."""
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(sorted(keep))
    sub.add_edges_from((s, o, h[s][o]) for s in sorted(keep) for o in sorted(h[s]) if o in keep and s < o)
    return sub


def _ties(g: nx.MultiDiGraph, h: nx.Graph) -> Dict[str, List[str]]:
    cls = g.nodes
    found: Dict[str, Counter] = defaultdict(Counter)
    for c in sorted(n for n in h if cls[n]["cls"] == "Country"):
        found[c][c] += 1000
        seen, frontier = {c}, [c]
        for hop in range(_TIE_HOPS):
            nxt = []
            for f in frontier:
                if hop and cls[f]["cls"] not in _CARRIERS:
                    continue
                for n in sorted(h[f]):
                    if n in seen or (hop and cls[n]["cls"] == "Country"):
                        continue
                    seen.add(n)
                    nxt.append(n)
                    found[n][c] += h[f][n]["weight"] * (_TIE_HOPS - hop)
            frontier = nxt
    return {n: [c for c, _ in sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))]
            for n, cnt in sorted(found.items())}


def _group_name(members: Sequence[str], ties: Dict[str, List[str]], g: nx.MultiDiGraph,
                score: Dict[str, float]) -> str:
    count: Counter = Counter()
    for n in members:
        count.update(ties.get(n, [])[:2])
    top = sorted(count.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))
    if not top:
        return g.nodes[max(members, key=lambda n: (score[n], n))]["label"]
    names = [top[0][0]] + [c for c, k in top[1:2] if k * 4 >= top[0][1]]
    return " · ".join(sorted(g.nodes[c]["label"] for c in names))


def _distinct_names(names: List[str], members: List[List[str]], g: nx.MultiDiGraph) -> List[str]:
    """Groups that share their countries are named after their most important member."""
    seen = Counter(names)
    out = []
    for name, grp in zip(names, members):
        if seen[name] > 1:
            name = g.nodes[grp[0]]["label"]
        out.append(name if len(name) <= _TITLE else name[:_TITLE - 1].rstrip() + "…")
    again = Counter(out)
    count: Counter = Counter()
    for i, name in enumerate(out):
        if again[name] > 1:
            count[name] += 1
            out[i] = f"{name} ({count[name]})"
    return out


def _spread(centres: List[List[float]], radii: List[float], rounds: int = 300) -> None:
    """Push overlapping discs apart (in place), a little at a time, in a fixed order."""
    n = len(centres)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx = centres[j][0] - centres[i][0]
                dy = centres[j][1] - centres[i][1]
                gap = radii[i] + radii[j] + _UNIT * 0.5
                d = math.hypot(dx, dy)
                if d >= gap:
                    continue
                if d < 1e-6:
                    dx, dy, d = math.cos(i + j), math.sin(i + j), 1.0
                push = (gap - d) / 2 / d
                centres[i][0] -= dx * push
                centres[i][1] -= dy * push
                centres[j][0] += dx * push
                centres[j][1] += dy * push
                moved = True
        if not moved:
            return


def _layout(h: nx.Graph, groups: List[List[str]], score: Dict[str, float]) -> Dict[str, Tuple[int, int]]:
    member_of = {n: i for i, grp in enumerate(groups) for n in grp}
    radii = [_UNIT * (0.6 + 0.55 * math.sqrt(min(len(grp), _MAIN_MEMBERS))) for grp in groups]
    # the main groups by their links to each other
    main = list(range(min(len(groups), _MAIN_GROUPS)))
    between = nx.Graph()
    between.add_nodes_from(main)
    for s, o, d in h.edges(data=True):
        a, b = member_of[s], member_of[o]
        if a != b and a in between and b in between:
            w = between[a][b]["weight"] + d["weight"] if between.has_edge(a, b) else d["weight"]
            between.add_edge(a, b, weight=w)
    if len(main) > 1:
        pos = nx.spring_layout(between, seed=7, weight="weight", iterations=200)
        span = sum(radii[i] for i in main) * 0.6
        centres = [[float(pos[i][0]) * span, float(pos[i][1]) * span] for i in main]
    else:
        centres = [[0.0, 0.0] for _ in main]
    _spread(centres, [radii[i] for i in main])
    # the rest on a spiral around them, biggest first
    outer = max((math.hypot(x, y) + radii[i] for i, (x, y) in enumerate(centres)), default=0.0)
    for k, i in enumerate(range(len(main), len(groups))):
        r = outer + _UNIT + radii[i] + 18.0 * k
        centres.append([r * math.cos(k * _GOLDEN), r * math.sin(k * _GOLDEN)])
    home: Dict[str, Tuple[int, int]] = {}
    for i, grp in enumerate(groups):
        cx, cy = centres[i]
        top = grp[:_MAIN_MEMBERS]
        if len(top) > 1:
            pos = nx.spring_layout(_ordered(h, top), seed=7, weight="weight", iterations=100)
            inner = radii[i] - _UNIT * 0.4
            for n in top:
                home[n] = (round(cx + float(pos[n][0]) * inner), round(cy + float(pos[n][1]) * inner))
        else:
            home[top[0]] = (round(cx), round(cy))
        # the rest beside the member they are most linked to, nearest first
        placed = set(top)
        rest = grp[len(top):]
        count: Counter = Counter()
        while rest:
            left = []
            for n in rest:
                near = [m for m in h[n] if m in placed]
                if not near:
                    left.append(n)
                    continue
                anchor = max(near, key=lambda m: (h[n][m]["weight"], score[m], m))
                k = count[anchor] = count[anchor] + 1
                r = _UNIT * (0.45 + 0.12 * k)
                home[n] = (round(home[anchor][0] + r * math.cos(k * _GOLDEN)),
                           round(home[anchor][1] + r * math.sin(k * _GOLDEN)))
                placed.add(n)
            if len(left) == len(rest):  # not linked inside the group (cannot happen): centre
                for n in left:
                    home[n] = (round(cx), round(cy))
                break
            rest = left
    return home


def wrap_label(label: str, width: int = LINE) -> str:
    """A label on at most two lines of about ``width`` characters, cut in the middle if longer.

    >>> wrap_label("Meeting of Ilham Aliyev and Xi Jinping")
    'Meeting of Ilham Aliyev\\nand Xi Jinping'
    >>> wrap_label("Joint Statement on the Establishment of a Comprehensive Strategic Partnership")
    'Joint Statement on the\\n… Strategic Partnership'
    """
    label = " ".join(label.split())
    if len(label) <= width:
        return label
    words = label.split(" ")
    lines: List[str] = []
    for w in words:
        if lines and len(lines[-1]) + 1 + len(w) <= width:
            lines[-1] += " " + w
        else:
            lines.append(w)
    lines = [ln if len(ln) <= width else ln[:width - 1] + "…" for ln in lines]
    if len(lines) <= 2:
        return "\n".join(lines)
    tail = ""
    for w in reversed(words):
        if len(tail) + len(w) + 1 > width - 2 and tail:
            break
        tail = (w + " " + tail).strip()
    if len(tail) > width - 2:
        tail = tail[-(width - 2):]
    return lines[0] + "\n… " + tail


def display_labels(g: nx.MultiDiGraph, ties: Dict[str, List[str]]) -> Dict[str, str]:
    """What the canvas writes for each entity: wrapped, and distinct from every other one.

    Two entities that would read the same get, in turn, their date, their countries, their
    class or a number on a line of its own, whichever first tells them apart.
    """
    labels = {n: wrap_label(g.nodes[n]["label"]) for n in sorted(g.nodes)}

    def date(n: str) -> str:
        lit = g.nodes[n].get("literals") or {}
        return next((lit[k][0] for k in _DATE_KEYS if lit.get(k)), "")

    def countries(n: str) -> str:
        own = [c for c in ties.get(n, []) if c != n][:2]
        return " · ".join(sorted(g.nodes[c]["label"] for c in own))

    def cls(n: str) -> str:
        return g.nodes[n]["cls"]

    for tell in (date, countries, cls):
        clash: Dict[str, List[str]] = defaultdict(list)
        for n, text in labels.items():
            clash[text].append(n)
        for text, same in clash.items():
            if len(same) < 2:
                continue
            keys = {n: tell(n) for n in same}
            if len(set(keys.values())) == 1:
                continue
            for n in same:
                if keys[n]:
                    labels[n] = f"{text}\n({keys[n]})"
    clash = defaultdict(list)
    for n, text in labels.items():
        clash[text].append(n)
    for text, same in clash.items():
        if len(same) > 1:
            for k, n in enumerate(same[1:], start=2):
                labels[n] = f"{text} #{k}"
    return labels


def overview(g: nx.MultiDiGraph) -> Overview:
    """Scores, ties, groups, homes and display labels of a graph (see the module doc)."""
    h = _simple(g)
    score = {n: round(CLASS_WEIGHT.get(d["cls"], 0.5) * len(h[n]) if n in h else 0.0, 2)
             for n, d in g.nodes(data=True)}
    ties = _ties(g, h)
    group: Dict[str, int] = {}
    names: List[str] = []
    members: List[List[str]] = []
    if h.number_of_nodes():
        found = nx.community.louvain_communities(h, weight="weight", resolution=1.0, seed=7)
        ranked = sorted(([sorted(c, key=lambda n: (-score[n], n)) for c in found]),
                        key=lambda c: (-sum(score[n] for n in c), c[0]))
        for i, grp in enumerate(ranked):
            members.append(grp)
            names.append(_group_name(grp, ties, g, score))
            for n in grp:
                group[n] = i
        names = _distinct_names(names, members, g)
    home = _layout(h, members, score) if members else {}
    return Overview(score=score, group=group, groups=names, home=home, ties=ties,
                    labels=display_labels(g, ties))
