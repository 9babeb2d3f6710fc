/* diplokg graph page: the graph, what is drawn of it, and what a click does.
 *
 * The graph arrives as JSON in #kg-data, whole (model.js). The page draws an overview (the most
 * important entities that pass the filters and fit the screen, labelled, at 1:1 scale) and
 * then, on each click, the neighbourhood of the entity clicked (view.js decides what and
 * where); this file draws it with vis-network and answers clicks, search and filters.
 *
 * Every string in the data comes from articles: it is only ever written as text. `network` is
 * global, as in pyvis's pages, so tools can inspect the drawing; `kg` holds the page's state.
 */
var network = null;
var kg = (function () {
  "use strict";

  var m = kgModel(), DATA = m.DATA, nodes = m.nodes, byId = m.byId, articles = m.articles;
  var articleById = m.articleById, links = m.links, neighbours = m.neighbours, state = m.state;
  var classOf = m.classOf, visible = m.visible;
  var drawing = kgView(m, { viewCentre: function () { return network ? network.getViewPosition() : { x: 0, y: 0 }; } });
  var view = drawing.view, isDrawn = drawing.isDrawn, boxOf = drawing.boxOf, nodeSize = drawing.nodeSize;
  var fontSize = drawing.fontSize, articleText = drawing.articleText, NODE_FONT = drawing.NODE_FONT;
  var compose = drawing.compose, applyStep = drawing.applyStep, drawnEdges = drawing.drawnEdges;

  // ---------------------------------------------------------------- small helpers
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function shade(hex, f) {  // f < 0 darkens, f > 0 lightens towards white
    var v = parseInt(hex.slice(1), 16), r = v >> 16, g = (v >> 8) & 255, b = v & 255;
    function ch(x) { return Math.round(f < 0 ? x * (1 + f) : x + (255 - x) * f); }
    return "rgb(" + ch(r) + "," + ch(g) + "," + ch(b) + ")";
  }

  // ---------------------------------------------------------------- looks
  function tooltip(n) {
    var box = el("div", null, [el("strong", { text: n.label })]);
    var line = classOf(n).label + " · " + panel.plural(neighbours(n).length, "linked entity", "linked entities");
    if (n.date) line += " · " + n.date;
    box.appendChild(el("div", { cls: "tip-line", text: line }));
    if (n.aliases.length) box.appendChild(el("div", { cls: "tip-line", text: "also: " + n.aliases.slice(0, 4).join(", ") }));
    return box;
  }
  function articleTip(a) {
    return el("div", null, [el("strong", { text: a.title || "untitled article" }),
      el("div", { cls: "tip-line", text: "Article" + (a.date ? " · " + a.date : "") + " · mentions " + a.mentions.length })]);
  }
  var FADED = { background: "#eef0f3", border: "#dde1e6", highlight: { background: "#eef0f3", border: "#1f2933" }, hover: { background: "#e4e7eb", border: "#cbd2d9" } };
  function colours(c) {
    return { background: c, border: shade(c, -0.22), highlight: { background: c, border: "#1f2933" }, hover: { background: shade(c, 0.15), border: shade(c, -0.35) } };
  }
  var dim = null;  // while something is selected: the ids that stay bright
  function look(id) {
    var faded = dim && !dim.has(id), a = articleById.get(id);
    if (a) return { id: id, color: faded ? FADED : colours(DATA.article.colour), font: { size: NODE_FONT, color: faded ? "#c3cad3" : "#3d5a80" } };
    var n = byId.get(id);
    return { id: id, color: faded ? FADED : colours(classOf(n).colour),
             font: { size: fontSize(n), color: faded ? "#c3cad3" : n.cls === "Topic" ? "#616e7c" : "#1f2933" } };
  }
  function visNode(id, p) {
    var a = articleById.get(id), n = byId.get(id);
    var v = a ? { id: id, label: articleText(a), shape: DATA.article.shape, size: 7, title: articleTip(a) }
              : { id: id, label: n.text, shape: classOf(n).shape, size: nodeSize(n), title: tooltip(n) };
    v.x = p.x; v.y = p.y;
    return Object.assign(v, look(id));
  }
  function edgeLabel(e) {
    if (e.mention) return "mentions";
    var props = [];
    e.pair.links.forEach(function (l) { if (props.indexOf(l.prop) < 0) props.push(l.prop); });
    return props.length > 2 ? props.slice(0, 2).join(", ") + " +" + (props.length - 2) : props.join(", ");
  }
  function edgeLook(e) {
    var lit = dim && dim.has(e.from) && dim.has(e.to) && (dim.has("edge:" + e.id) || dim.anchor === e.from || dim.anchor === e.to);
    var faded = dim && !lit;
    return { id: e.id, label: state.linkLabels || (lit && dim.few) ? edgeLabel(e) : "",
             color: { color: faded ? "#eef0f3" : lit ? "#8795a8" : e.mention ? "#b8c4d6" : "#c3cad3" },
             font: { color: faded ? "#d5dae0" : "#52606d", size: 12 } };
  }
  function visEdge(e) {
    var v = { id: e.id, from: e.from, to: e.to, dashes: !!e.mention };
    if (e.pair) {
      var fwd = e.pair.links.some(function (l) { return l.from === e.pair.a; }), back = e.pair.links.some(function (l) { return l.from === e.pair.b; });
      v.from = e.pair.a.id; v.to = e.pair.b.id;
      v.arrows = { to: { enabled: fwd, scaleFactor: 0.45 }, from: { enabled: back, scaleFactor: 0.45 } };
      v.width = 1 + Math.min(3, Math.log(e.pair.links.length));
    }
    return Object.assign(v, edgeLook(e));
  }

  // ---------------------------------------------------------------- vis
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet(), edges = new Map();
  function sync(restyleAll) {
    var have = new Set(nodeSet.getIds()), add = [], move = [];
    view.at.forEach(function (p, id) {
      if (!have.has(id)) add.push(visNode(id, p));
      else move.push(Object.assign({ id: id, x: p.x, y: p.y }, look(id)));
      have.delete(id);
    });
    nodeSet.remove(Array.from(have));
    nodeSet.add(add);
    if (restyleAll) nodeSet.update(move);
    edges = drawnEdges();
    var haveE = new Set(edgeSet.getIds()), addE = [], keepE = [];
    edges.forEach(function (e, id) { if (haveE.has(id)) { keepE.push(edgeLook(e)); haveE.delete(id); } else addE.push(visEdge(e)); });
    edgeSet.remove(Array.from(haveE));
    edgeSet.add(addE);
    if (restyleAll) edgeSet.update(keepE);
    if (ctx.afterSync) ctx.afterSync();
  }
  function restyle() {
    nodeSet.update(Array.from(view.at.keys()).map(look));
    edgeSet.update(Array.from(edges.values()).map(edgeLook));
  }

  var FONT = { face: kgLayout.FACE, strokeWidth: 3, strokeColor: "rgba(255,255,255,0.95)" };
  network = new vis.Network($("mynetwork"), { nodes: nodeSet, edges: edgeSet }, {
    autoResize: true, physics: false, layout: { improvedLayout: false },
    // a selected label stays as wide as it was measured (vis would draw it bold)
    nodes: { borderWidth: 1, borderWidthSelected: 3, font: FONT, scaling: { label: { drawThreshold: 6 } }, chosen: { label: false, node: true } },
    edges: { width: 1, selectionWidth: 1.5, hoverWidth: 0.5, smooth: false,
             font: Object.assign({}, FONT, { size: 12, align: "horizontal" }) },
    interaction: { hover: true, tooltipDelay: 150, multiselect: false, hideEdgesOnDrag: false },
  });
  window.network = network;

  var PALE = ["#4e79a7", "#59a14f", "#e15759", "#b07aa1", "#f28e2b", "#76b7b2", "#9c755f", "#edc948"];
  network.on("beforeDrawing", function (c) {  // the groups of the overview: a pale area, a name
    view.titles.forEach(function (t) {
      var pts = [];
      t.members.forEach(function (id) { var p = network.body.nodes[id]; if (p) pts.push([p.x, p.y]); });
      if (pts.length < 3) return;
      c.save();
      c.globalAlpha = dim ? 0.03 : 0.07;
      c.fillStyle = c.strokeStyle = PALE[t.group % PALE.length];
      c.lineWidth = 46; c.lineJoin = "round";
      c.beginPath();
      hull(pts).forEach(function (p, i) { if (i) c.lineTo(p[0], p[1]); else c.moveTo(p[0], p[1]); });
      c.closePath(); c.fill(); c.stroke();
      c.restore();
    });
  });
  network.on("afterDrawing", function (c) {
    c.save();
    c.font = "600 12px " + kgLayout.FACE; c.textAlign = "center"; c.textBaseline = "middle";
    view.titles.forEach(function (t) {
      if (!t.rect) return;
      c.fillStyle = dim ? "#c3cad3" : "#7b8794";
      c.fillText(t.text, t.x, t.y);
    });
    c.restore();
  });
  function hull(pts) {  // convex hull, monotone chain
    pts = pts.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    function cross(o, a, b) { return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]); }
    var lower = [], upper = [];
    pts.forEach(function (p) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop(); lower.push(p); });
    pts.slice().reverse().forEach(function (p) { while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop(); upper.push(p); });
    return lower.slice(0, -1).concat(upper.slice(0, -1));
  }

  // ---------------------------------------------------------------- selecting and opening
  // Views glide to a selection, unless the reader asked for less motion.
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var ctx = { DATA: DATA, nodes: nodes, articles: articles, byId: byId, state: state, el: el, $: $,
              classOf: classOf, neighbours: neighbours, isDrawn: isDrawn, visible: visible, shapeIcon: null,
              motion: still ? false : { duration: 400, easingFunction: "easeInOutQuad" } };
  var panel = kgPanel(ctx);

  function opened(step) {
    return state.steps.filter(function (s) { return step.id !== undefined ? s.id === step.id : s.article === step.article; })[0];
  }
  function open(step) {
    var had = opened(step);
    if (had) { if (step.limit <= had.limit) return; had.limit = step.limit; } else state.steps.push(step);
    applyStep(had || step);
    sync(false);
    ctx.afterRedraw();
  }
  // Links of a selection are named on the canvas when they are few enough to read.
  function highlight(ids, anchor) {
    dim = new Set(ids); dim.anchor = anchor;
    var lit = 0;
    edges.forEach(function (e) { if (dim.has(e.from) && dim.has(e.to) && (dim.has("edge:" + e.id) || e.from === anchor || e.to === anchor)) lit++; });
    dim.few = lit <= 12;
    restyle();
  }
  function clearHighlight() { if (dim) { dim = null; restyle(); } }
  function moveInto(ids, focusId, opts) {
    var panelW = $("panel").hidden ? 0 : $("panel").offsetWidth + 12;
    if (opts && opts.focus) {
      var scale = Math.max(network.getScale(), opts.scale || 1);
      network.focus(focusId, { scale: scale, offset: { x: -panelW / 2, y: 0 }, animation: ctx.motion });
      return;
    }
    // keep the neighbourhood (with its labels) on screen, left of the panel, never zooming in
    var w = $("mynetwork").clientWidth - panelW, h = $("mynetwork").clientHeight, m = 16;
    var box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    ids.forEach(function (id) {
      var b = view.packer.boxes.get(id);
      if (!b) return;
      box.left = Math.min(box.left, b.left); box.right = Math.max(box.right, b.right);
      box.top = Math.min(box.top, b.top); box.bottom = Math.max(box.bottom, b.bottom);
    });
    if (!isFinite(box.left)) return;
    var a = network.canvasToDOM({ x: box.left, y: box.top }), z = network.canvasToDOM({ x: box.right, y: box.bottom });
    if (a.x >= m && a.y >= m && z.x <= w - m && z.y <= h - m) return;
    var scale = Math.min(network.getScale(), (w - 2 * m) / (box.right - box.left), (h - 2 * m) / (box.bottom - box.top));
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }, scale: scale,
                     offset: { x: -panelW / 2, y: 0 }, animation: ctx.motion });
  }

  // Select an entity (a click, the search box, a name in the panel): draw it and its
  // neighbourhood if they are not drawn, light them up and explain it in the panel.
  function select(id, opts) {
    var n = byId.get(id);
    if (!n) return false;
    if (!visible(n)) ctx.reveal(n);
    state.selected = { kind: "node", id: id };
    panel.showNode(n);
    if (!n.links.length && !n.arts.length) {  // nothing to hang it from: the panel alone
      network.unselectAll(); clearHighlight();
      return true;
    }
    open({ id: id, limit: DATA.expandMax });
    var ids = [id].concat(neighbours(n).filter(isDrawn).map(function (o) { return o.id; }),
                          n.links.length ? [] : n.arts.map(function (i) { return articles[i].id; }).filter(function (a) { return view.at.has(a); }));
    highlight(ids, id);
    network.selectNodes([id]);
    panel.showNode(n);  // again: it now says how much is drawn
    moveInto(ids, id, { focus: !opts || opts.focus !== false, scale: opts && opts.scale });
    return true;
  }
  function selectArticle(index, opts) {
    var a = articles[index];
    state.selected = { kind: "article", id: a.id };
    open({ article: index, limit: DATA.expandMax });
    var ids = [a.id].concat(a.mentions.filter(isDrawn).map(function (m) { return m.id; }));
    highlight(ids, a.id);
    if (view.at.has(a.id)) network.selectNodes([a.id]);
    panel.showArticle(a);
    moveInto(ids, a.id, { focus: !opts || opts.focus !== false });
    return true;
  }
  function selectEdge(id) {
    var e = edges.get(id);
    if (!e) return false;
    state.selected = { kind: "edge", id: id };
    network.selectEdges([id]);
    var ids = [e.from, e.to, "edge:" + id];
    highlight(ids, null);
    if (e.mention) panel.showArticle(articleById.get(e.from));
    else panel.showPair(e.pair);
    return true;
  }
  function closePanel() {
    $("panel").hidden = true;
    state.selected = null;
    network.unselectAll();
    clearHighlight();
  }
  function expandMore(n) {
    var had = opened({ id: n.id });
    open({ id: n.id, limit: (had ? had.limit : 0) + DATA.expandMax });
    select(n.id, { focus: false });
  }
  // The filters changed (or the overview was asked for): draw everything again.
  function redraw() {
    compose();
    sync(true);
    // the overview alone is laid out for the screen at 1:1: show it so
    if (!state.steps.length) network.moveTo({ position: { x: 0, y: 0 }, scale: 1 });
    if (state.selected && state.selected.kind === "node" && view.at.has(state.selected.id)) select(state.selected.id, { focus: false });
    else if (state.selected) closePanel();
    ctx.afterRedraw();
  }
  function reset() {
    state.steps = [];
    closePanel();
    redraw();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0], a = articleById.get(id);
      if (a) selectArticle(a.index, { focus: false }); else select(id, { focus: false });
    } else if (params.edges.length) selectEdge(params.edges[0]);
    else if (state.selected) closePanel();
  });
  $("panel-close").addEventListener("click", closePanel);
  // A dragged entity keeps its new place: later neighbourhoods go round it there.
  network.on("dragEnd", function (params) {
    params.nodes.forEach(function (id) {
      var p = network.getPositions([id])[id], item = byId.get(id) || articleById.get(id);
      if (!p || !item || !view.at.has(id)) return;
      view.at.set(id, { x: p.x, y: p.y });
      view.packer.add(id, kgLayout.shifted(boxOf(item), p.x, p.y));
    });
  });
  // The overview is laid out for the screen: lay it out again when the screen changes size.
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { if (!state.steps.length && !state.selected) redraw(); }, 250);
  });

  Object.assign(ctx, { select: select, selectArticle: selectArticle, expandMore: expandMore, redraw: redraw,
                       reset: reset, view: view, restyle: function () { edgeSet.update(Array.from(edges.values()).map(edgeLook)); } });
  kgControls(ctx);

  // ---------------------------------------------------------------- first view
  compose();
  sync(true);
  network.moveTo({ position: { x: 0, y: 0 }, scale: 1 });
  ctx.afterRedraw();
  network.once("afterDrawing", function () {
    state.ready = true;
    state.readyMs = Math.round(performance.now());
    $("loading").hidden = true;
    document.documentElement.setAttribute("data-ready", "true");
  });
  network.redraw();

  return {
    state: state, find: ctx.find, select: select, selectArticle: selectArticle, selectEdge: selectEdge,
    close: closePanel, reset: reset, setClasses: ctx.setClasses, setCountries: ctx.setCountries,
    setDates: ctx.setDates, expandMore: function (id) { expandMore(byId.get(id)); },
    drawn: function () { return Array.from(view.at.keys()); },
    overview: function () { return view.overview.slice(); },
    titles: function () { return view.titles.filter(function (t) { return t.rect; }).map(function (t) { return { text: t.text, rect: t.rect }; }); },
    nodeCount: nodes.length, edgeCount: links.length,
    get ready() { return state.ready; }, get readyMs() { return state.readyMs; },
  };
})();
