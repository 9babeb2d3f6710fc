/* diplokg graph page.
 *
 * The graph arrives as JSON in #kg-data. Every string in it comes from articles, so it is only
 * ever written as text (textContent, text nodes, canvas labels), never parsed as markup.
 * `network` is global, as in pyvis's pages, so tools can inspect the drawing; `kg` holds the
 * page's own state and actions.
 */
var network = null;
var kg = (function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = DATA.nodes;
  var byId = new Map();
  var byClass = new Map();
  DATA.classes.forEach(function (c) { byClass.set(c.name, c); });
  nodes.forEach(function (n, i) { n.index = i; byId.set(n.id, n); n.outLinks = []; n.inLinks = []; });
  var links = DATA.edges.map(function (e, i) {
    var link = { id: "e" + i, from: nodes[e.s], to: nodes[e.o], prop: e.prop, ev: e.ev };
    link.from.outLinks.push(link);
    link.to.inLinks.push(link);
    return link;
  });
  var linkById = new Map(links.map(function (l) { return [l.id, l]; }));
  var BIG = nodes.length > 400;

  var state = {
    classOn: new Map(DATA.classes.map(function (c) { return [c.name, true]; })),
    dateFrom: "", dateTo: "", undated: true,
    linkLabels: links.length <= 150,
    selected: null,          // {kind: "node"|"edge", id}
    ready: false, stabilizedMs: null, iterations: 0,
  };

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") e.textContent = attrs[k];
        else if (k === "cls") e.className = attrs[k];
        else if (k === "style") e.setAttribute("style", attrs[k]);
        else e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function classOf(n) { return byClass.get(n.cls) || { label: n.cls, colour: "#999", shape: "dot" }; }
  function short(text, max) { return text.length > max ? text.slice(0, max - 1).trimEnd() + "…" : text; }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }
  function shade(hex, f) {  // f < 0 darkens, f > 0 lightens towards white
    var v = parseInt(hex.slice(1), 16), r = v >> 16, g = (v >> 8) & 255, b = v & 255;
    function ch(x) { return Math.round(f < 0 ? x * (1 + f) : x + (255 - x) * f); }
    return "rgb(" + ch(r) + "," + ch(g) + "," + ch(b) + ")";
  }

  // ---------------------------------------------------------------- legend shapes (SVG)
  var SVG = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, colour, size) {
    size = size || 14;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", size); svg.setAttribute("height", size);
    svg.setAttribute("viewBox", "0 0 20 20"); svg.setAttribute("aria-hidden", "true");
    var p;
    function poly(points) { p = document.createElementNS(SVG, "polygon"); p.setAttribute("points", points); }
    if (shape === "diamond") poly("10,1 19,10 10,19 1,10");
    else if (shape === "square") { p = document.createElementNS(SVG, "rect"); p.setAttribute("x", 3); p.setAttribute("y", 3); p.setAttribute("width", 14); p.setAttribute("height", 14); }
    else if (shape === "triangle") poly("10,2 19,18 1,18");
    else if (shape === "triangleDown") poly("1,2 19,2 10,18");
    else if (shape === "star") poly("10,1 12.6,7 19,7.4 14,11.6 15.6,18.5 10,14.8 4.4,18.5 6,11.6 1,7.4 7.4,7");
    else if (shape === "hexagon") poly("5.5,2 14.5,2 19,10 14.5,18 5.5,18 1,10");
    else { p = document.createElementNS(SVG, "circle"); p.setAttribute("cx", 10); p.setAttribute("cy", 10); p.setAttribute("r", 8); }
    p.setAttribute("fill", colour); p.setAttribute("stroke", shade(colour, -0.25)); p.setAttribute("stroke-width", "1.2");
    svg.appendChild(p);
    return svg;
  }

  // ---------------------------------------------------------------- the network
  function tooltip(n) {
    var c = classOf(n);
    var box = el("div", null, [el("strong", { text: n.label })]);
    var line = c.label + " · " + plural(n.deg, "link", "links");
    if (n.date) line += " · " + n.date;
    box.appendChild(el("div", { style: "color:#616e7c;margin-top:2px", text: line }));
    if (n.aliases.length) box.appendChild(el("div", { style: "color:#616e7c", text: "also: " + n.aliases.slice(0, 4).join(", ") }));
    return box;
  }

  function nodeColours(n) {
    var c = classOf(n).colour;
    return {
      background: c, border: shade(c, -0.22),
      highlight: { background: c, border: "#1f2933" },
      hover: { background: shade(c, 0.15), border: shade(c, -0.35) },
    };
  }
  var FADED = { background: "#eef0f3", border: "#e1e5ea", highlight: { background: "#eef0f3", border: "#e1e5ea" }, hover: { background: "#e4e7eb", border: "#cbd2d9" } };

  // Label size by rank of degree: the best connected tenth gets big labels that stay readable
  // when the whole graph is in view; smaller labels are drawn only once zooming in makes them
  // readable (drawThreshold), so the overview never turns into a blur of text.
  var CLASS_RANK = new Map(DATA.classes.map(function (c, i) { return [c.name, i]; }));
  var ranked = nodes.slice().sort(function (a, b) {
    return b.deg - a.deg || CLASS_RANK.get(a.cls) - CLASS_RANK.get(b.cls) || (a.label < b.label ? -1 : 1);
  });
  var tiers = [[12, 30], [Math.max(30, 0.08 * nodes.length), 24], [0.3 * nodes.length, 19], [0.6 * nodes.length, 15]];
  // Events, figures and relationships have long descriptive names: one size down, so the
  // actors' names stand out.
  var SIZES = [30, 24, 19, 15, 12];
  var DEMOTED = new Set(["StateVisit", "Meeting", "Conference", "Event", "Observation", "Relationship"]);
  ranked.forEach(function (n, i) {
    var tier = tiers.find(function (t) { return i < t[0]; });
    var size = n.deg === 0 || !tier ? 12 : tier[1];
    if (DEMOTED.has(n.cls)) size = SIZES[Math.min(SIZES.indexOf(size) + 1, SIZES.length - 1)];
    n.fontSize = size;
  });
  function labelColour(n) { return n.cls === "Topic" ? "#7b8794" : "#1f2933"; }
  function visNode(n) {
    var size = Math.min(34, 7 + 3.5 * Math.sqrt(n.deg)) * (n.cls === "Topic" ? 0.8 : 1);
    return {
      id: n.id, label: short(n.label, 30), shape: classOf(n).shape, size: size,
      color: nodeColours(n), title: tooltip(n),
      font: { color: labelColour(n), size: n.fontSize },
    };
  }
  // Links between the same two entities would be drawn on top of each other: the second and
  // later ones curve away, alternately to either side.
  var pairCount = new Map();
  links.forEach(function (l) {
    var key = l.from.index < l.to.index ? l.from.index + ":" + l.to.index : l.to.index + ":" + l.from.index;
    l.parallel = pairCount.get(key) || 0;
    pairCount.set(key, l.parallel + 1);
  });
  function visEdge(l) {
    var edge = { id: l.id, from: l.from.id, to: l.to.id, label: state.linkLabels ? l.prop : "" };
    if (l.parallel) {
      var flip = (l.parallel % 2 === 1) !== (l.from.index > l.to.index);
      edge.smooth = { enabled: true, type: flip ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(l.parallel / 2) };
    }
    return edge;
  }
  // Label sizes are in graph units, so they grow as one zooms in. vis's own cap (maxVisible)
  // does not resize the text, so the page rescales labels itself, in steps of 15 % zoom: a
  // label is drawn from 10 px up to its cap (17 px for the biggest), smaller ones wait.
  var CAP = { 30: 17, 24: 15, 19: 14, 15: 13, 12: 12 };
  var zoomStep = null;
  function sized(base, cap) {
    var scale = Math.pow(1.15, zoomStep || 0);
    return Math.min(base * scale, cap) / scale;
  }

  var nodeSet = new vis.DataSet(nodes.map(visNode));
  var edgeSet = new vis.DataSet(links.map(visEdge));
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: nodes.length <= 150 },
    physics: DATA.physics,
    nodes: {
      borderWidth: 1, borderWidthSelected: 3,
      // A label under 10 px on screen is not drawn (fitLabelsToZoom sizes them).
      scaling: { label: { drawThreshold: 10 } },
      font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, Arial, sans-serif", strokeWidth: 3, strokeColor: "rgba(255,255,255,0.92)" },
    },
    edges: {
      width: 1, selectionWidth: 1.5, hoverWidth: 0.5, smooth: false,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      color: { color: "#c3cad3", highlight: "#2f6fdf", hover: "#7b8794", inherit: false, opacity: 1 },
      font: { size: 16, color: "#7b8794", strokeWidth: 3, strokeColor: "#ffffff", face: "system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, Arial, sans-serif" },
    },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, multiselect: false },
  };

  // Entities without links would orbit the graph and shrink it; they sit out the layout and
  // are shelved in rows under it afterwards.
  var loners = nodes.filter(function (n) { return n.deg === 0; });
  nodeSet.update(loners.map(function (n) { return { id: n.id, physics: false }; }));

  var started = performance.now();
  network = new vis.Network($("mynetwork"), { nodes: nodeSet, edges: edgeSet }, options);
  window.network = network;
  state.constructedMs = Math.round(performance.now() - started);

  var layoutStart = null;
  network.on("startStabilizing", function () {
    if (layoutStart === null) { layoutStart = performance.now(); state.layoutStartMs = Math.round(layoutStart - started); }
  });
  network.on("stabilizationProgress", function (p) {
    state.iterations = p.iterations;
    var spent = layoutStart === null ? 0 : performance.now() - layoutStart;
    $("loading-bar").style.width = Math.round(100 * Math.max(p.iterations / p.total, spent / DATA.layoutBudgetMs)) + "%";
    // Stop at the time budget, so even a big graph stops moving within a couple of seconds.
    if (spent > DATA.layoutBudgetMs) network.stopSimulation();
  });
  var finished = false;
  function finishLayout() {
    if (finished) return;
    finished = true;
    // Freeze the layout: after this nothing moves unless the reader drags it.
    network.setOptions({ physics: false });
    shelve(loners);
    network.fit();
    fitLabelsToZoom();
    state.stabilizedMs = Math.round(performance.now() - started);
    $("loading").hidden = true;
    state.ready = true;
    document.documentElement.setAttribute("data-ready", "true");
  }
  network.once("stabilizationIterationsDone", finishLayout);
  // vis runs no layout when no entity takes part in one (no links at all); and should it
  // ever fail to report its end, the page must not wait behind its loading screen for ever.
  if (!nodes.some(function (n) { return n.deg > 0; })) setTimeout(finishLayout, 0);
  setTimeout(function () { if (!finished) { network.stopSimulation(); finishLayout(); } }, DATA.layoutBudgetMs + 5000);

  function shelve(list) {
    if (!list.length) return;
    var linked = nodes.filter(function (n) { return n.deg > 0; }).map(function (n) { return n.id; });
    var pos = network.getPositions(linked);
    var xs = [], ys = [];
    Object.keys(pos).forEach(function (k) { xs.push(pos[k].x); ys.push(pos[k].y); });
    var left = xs.length ? Math.min.apply(null, xs) : 0, right = xs.length ? Math.max.apply(null, xs) : 800;
    var bottom = ys.length ? Math.max.apply(null, ys) : 0;
    var gapX = 150, gapY = 55;
    var cols = Math.max(4, Math.floor((right - left) / gapX) + 1);
    var sorted = list.slice().sort(function (a, b) {
      return CLASS_RANK.get(a.cls) - CLASS_RANK.get(b.cls) || (a.label < b.label ? -1 : 1);
    });
    sorted.forEach(function (n, i) {
      network.moveNode(n.id, left + (i % cols) * gapX, bottom + 110 + Math.floor(i / cols) * gapY);
    });
  }
  $("loading-text").textContent = "Laying out " + plural(nodes.length, "entity", "entities") + "…";

  // ---------------------------------------------------------------- looks: highlight, zoom
  // n.dim / l.dim: faded behind a selection; l.lit: a link of the selection (always labelled).
  function nodeLook(n) {
    var size = sized(n.fontSize, CAP[n.fontSize]);
    // A highlighted neighbourhood is labelled in full, at 12 px at least.
    if (dimmed && !n.dim) size = Math.max(size, sized(1000, 12));
    if (n.dim) size = sized(n.fontSize, 11);  // the rest recedes
    return { id: n.id, color: n.dim ? FADED : nodeColours(n),
             font: { color: n.dim ? "#ccd2d9" : labelColour(n), size: size } };
  }
  function edgeLook(l) {
    return { id: l.id, color: { color: l.dim ? "#eef0f3" : l.lit ? "#8795a8" : "#c3cad3" },
             label: state.linkLabels || l.lit ? l.prop : "",
             font: { color: l.dim ? "#d5dae0" : l.lit ? "#52606d" : "#7b8794", size: sized(16, 11) } };
  }
  function restyle() {
    nodeSet.update(nodes.map(nodeLook));
    edgeSet.update(links.map(edgeLook));
  }
  var dimmed = false;
  function highlight(nodeIds, linkIds) {
    var keepNodes = new Set(nodeIds), keepLinks = new Set(linkIds);
    nodes.forEach(function (n) { n.dim = !keepNodes.has(n.id); });
    links.forEach(function (l) { l.lit = keepLinks.has(l.id); l.dim = !l.lit; });
    dimmed = true;
    restyle();
  }
  function clearHighlight() {
    if (!dimmed) return;
    nodes.forEach(function (n) { n.dim = false; });
    links.forEach(function (l) { l.dim = l.lit = false; });
    dimmed = false;
    restyle();
  }
  function highlightNode(n) {
    var ids = [n.id], linkIds = [];
    n.outLinks.forEach(function (l) { ids.push(l.to.id); linkIds.push(l.id); });
    n.inLinks.forEach(function (l) { ids.push(l.from.id); linkIds.push(l.id); });
    highlight(ids, linkIds);
  }
  function fitLabelsToZoom() {
    var step = Math.round(Math.log(network.getScale()) / Math.log(1.15));
    if (step === zoomStep) return;
    zoomStep = step;
    restyle();
  }
  var zoomTimer = null, landing = null;
  network.on("dragStart", function () { clearTimeout(landing); });
  network.on("zoom", function () { clearTimeout(landing); clearTimeout(zoomTimer); zoomTimer = setTimeout(fitLabelsToZoom, 120); });
  network.on("animationFinished", fitLabelsToZoom);

  // ---------------------------------------------------------------- provenance panel
  var NAME_MIN = 3;
  function namesOf(list) {
    var names = [];
    list.forEach(function (n) {
      [n.label].concat(n.aliases).forEach(function (s) { if (s.length >= NAME_MIN) names.push(s); });
    });
    return names.sort(function (a, b) { return b.length - a.length; });
  }
  function reEscape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // The sentence as text nodes, with the names of the entities involved marked.
  function marked(sentence, names) {
    var q = el("q");
    if (!names.length) { q.textContent = sentence; return q; }
    var re = new RegExp("(" + names.map(reEscape).join("|") + ")", "gi");
    var last = 0, m;
    while ((m = re.exec(sentence)) !== null) {
      if (m.index > last) q.appendChild(document.createTextNode(sentence.slice(last, m.index)));
      q.appendChild(el("mark", { text: m[0] }));
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < sentence.length) q.appendChild(document.createTextNode(sentence.slice(last)));
    return q;
  }

  function evidenceList(ev, names, seen, limit) {
    var ul = el("ul", { cls: "ev" });
    var fresh = ev.filter(function (pair) { return !seen || !seen.has(pair[0]); });
    var repeated = ev.length - fresh.length;
    fresh.forEach(function (pair, i) {
      var src = DATA.sources[pair[1]];
      var cite = el("cite", null, [el("em", { text: src[0] || "untitled article" })]);
      if (src[1]) cite.appendChild(document.createTextNode(" · " + src[1]));
      var li = el("li", null, [marked(DATA.sentences[pair[0]], names), cite]);
      if (limit && i >= limit) li.hidden = true;
      ul.appendChild(li);
      if (seen) seen.add(pair[0]);
    });
    var frag = document.createDocumentFragment();
    frag.appendChild(ul);
    if (limit && fresh.length > limit) {
      var more = el("button", { type: "button", cls: "more", text: "+ " + plural(fresh.length - limit, "more source", "more sources") });
      more.addEventListener("click", function () {
        Array.prototype.forEach.call(ul.children, function (li) { li.hidden = false; });
        more.remove();
      });
      frag.appendChild(more);
    }
    if (repeated && !fresh.length) frag.appendChild(el("div", { cls: "same", text: "↑ same sentence as above" }));
    return frag;
  }

  function entityLink(n, current) {
    if (n === current) return el("span", { text: n.label });
    var a = el("a", { cls: "entity", href: "#", title: classOf(n).label }, [
      el("span", { cls: "swatch", style: "background:" + classOf(n).colour }), n.label]);
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(n.id); });
    return a;
  }
  function badge(text, colour) {
    return el("div", { cls: "badge" }, [el("i", { style: "background:" + colour }), text]);
  }

  function showNode(n) {
    var c = classOf(n);
    var body = $("panel-body");
    body.replaceChildren();
    body.appendChild(badge(c.label, c.colour));
    body.appendChild(el("h2", { text: n.label }));
    body.appendChild(el("div", { cls: "curie", title: n.id, text: n.curie }));
    if (n.aliases.length) {
      body.appendChild(el("h3", { text: "Also known as" }));
      body.appendChild(el("div", { cls: "aliases" }, n.aliases.map(function (a) { return el("span", { text: a }); })));
    }
    if (n.facts.length) {
      body.appendChild(el("h3", { text: "Facts" }));
      var dl = el("dl", { cls: "facts" });
      n.facts.forEach(function (f) { dl.appendChild(el("dt", { text: f[0] })); dl.appendChild(el("dd", { text: f[1].join(", ") })); });
      body.appendChild(dl);
    }
    var seen = new Set();
    if (n.ev.length) {
      body.appendChild(el("h3", { text: "Sources" }));
      body.appendChild(evidenceList(n.ev, namesOf([n]), seen, 4));
    }
    var all = n.outLinks.concat(n.inLinks);
    body.appendChild(el("h3", { text: "Links (" + all.length + ")" }));
    if (!all.length) body.appendChild(el("div", { cls: "empty", text: "No links drawn." }));
    var ul = el("ul", { cls: "links" });
    all.forEach(function (l) {
      var rel = el("div", { cls: "rel" }, [entityLink(l.from, n), " → ", el("b", { text: l.prop }), " → ", entityLink(l.to, n)]);
      var li = el("li", null, [rel, evidenceList(l.ev, namesOf([l.from, l.to]), seen, 2)]);
      ul.appendChild(li);
    });
    body.appendChild(ul);
    if (n.outside) body.appendChild(el("div", { cls: "outside", text: plural(n.outside, "more link", "more links") + " to entities not drawn on this page." }));
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
  }

  function showEdge(l) {
    var body = $("panel-body");
    body.replaceChildren();
    body.appendChild(badge("Link", "#7b8794"));
    body.appendChild(el("h2", { text: l.prop }));
    body.appendChild(el("div", { cls: "rel" }, [entityLink(l.from), " → ", el("b", { text: l.prop }), " → ", entityLink(l.to)]));
    body.appendChild(el("h3", { text: "Sources" }));
    if (l.ev.length) body.appendChild(evidenceList(l.ev, namesOf([l.from, l.to]), null, 0));
    else body.appendChild(el("div", { cls: "empty", text: "No evidence sentence recorded." }));
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
  }

  function closePanel() {
    clearTimeout(landing);
    $("panel").hidden = true;
    state.selected = null;
    network.unselectAll();
    clearHighlight();
  }

  // Select, focus and explain one entity (from a click, the search box or a panel link).
  function select(id, opts) {
    var n = byId.get(id);
    if (!n) return false;
    clearTimeout(landing);
    if (!visible(n)) reveal(n);
    state.selected = { kind: "node", id: id };
    network.selectNodes([id]);
    highlightNode(n);
    showNode(n);
    if (!opts || opts.focus !== false) {
      var view = { scale: opts && opts.scale || Math.max(network.getScale(), 1.0), offset: { x: -panelShift(), y: 0 } };
      network.focus(id, Object.assign({ animation: { duration: 450, easingFunction: "easeInOutQuad" } }, view));
      // vis can stop an animation a frame short of its end without saying so: land exactly.
      clearTimeout(landing);
      landing = setTimeout(function () { network.focus(id, view); fitLabelsToZoom(); }, 520);
    } else {
      keepClearOfPanel(id);
    }
    return true;
  }
  // The panel covers the right of the canvas: centre a selection in the part left of it.
  function panelShift() {
    var width = $("stage").clientWidth, panel = $("panel").hidden ? 0 : $("panel").offsetWidth + 12;
    return width - panel > 320 ? panel / 2 : 0;
  }
  function keepClearOfPanel(id) {
    var p = network.canvasToDOM(network.getPositions([id])[id]);
    var limit = $("stage").clientWidth - 2 * panelShift() - 40;
    if (panelShift() && p.x > limit) {
      var view = network.getViewPosition(), scale = network.getScale();
      network.moveTo({ position: { x: view.x + (p.x - limit + 80) / scale, y: view.y },
                       animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    }
  }
  function selectEdge(id) {
    var l = linkById.get(id);
    if (!l) return false;
    clearTimeout(landing);
    state.selected = { kind: "edge", id: id };
    network.selectEdges([id]);
    highlight([l.from.id, l.to.id], [l.id]);
    showEdge(l);
    return true;
  }

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], { focus: false });
    else if (params.edges.length) selectEdge(params.edges[0]);
    else if (state.selected) closePanel();
  });
  $("panel-close").addEventListener("click", closePanel);

  // ---------------------------------------------------------------- search
  var index = nodes.map(function (n) {
    return { n: n, names: [n.label].concat(n.aliases).map(function (s) { return s.toLowerCase(); }) };
  });
  function find(query, limit) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var best = null, via = null;
      entry.names.forEach(function (name, i) {
        var rank;
        if (name === q) rank = 0;
        else if (name.startsWith(q)) rank = 2;
        else if ((" " + name).indexOf(" " + q) >= 0) rank = 4;
        else if (name.indexOf(q) >= 0) rank = 6;
        else return;
        if (i > 0) rank += 1;  // the canonical name beats an alias
        if (best === null || rank < best) { best = rank; via = i > 0 ? entry.n.aliases[i - 1] : null; }
      });
      if (best !== null) hits.push({ n: entry.n, rank: best, via: via });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.n.deg - a.n.deg || (a.n.label < b.n.label ? -1 : 1); });
    return hits.slice(0, limit || 8);
  }

  var results = [], active = 0;
  function drawResults() {
    var ul = $("results");
    ul.replaceChildren();
    results.forEach(function (hit, i) {
      var c = classOf(hit.n);
      var li = el("li", { role: "option", cls: i === active ? "active" : "" }, [
        shapeIcon(c.shape, c.colour, 11),
        el("span", null, [hit.n.label, hit.via ? el("span", { cls: "via", text: " (" + hit.via + ")" }) : null]),
        el("span", { cls: "cls", text: c.label })]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      ul.appendChild(li);
    });
    ul.hidden = results.length === 0;
  }
  function choose(i) {
    var hit = results[i];
    if (!hit) return;
    $("results").hidden = true;
    $("search").value = hit.n.label;
    $("search-msg").textContent = "";
    select(hit.n.id);
  }
  $("search").addEventListener("input", function () {
    results = find(this.value);
    active = 0;
    drawResults();
    $("search-msg").textContent = this.value.trim() && !results.length ? "No entity has that name." : "";
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (!results.length) results = find(this.value); choose(active); }
    else if (ev.key === "ArrowDown") { ev.preventDefault(); active = Math.min(active + 1, results.length - 1); drawResults(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); active = Math.max(active - 1, 0); drawResults(); }
    else if (ev.key === "Escape") { this.value = ""; results = []; drawResults(); }
  });
  $("search").addEventListener("blur", function () { $("results").hidden = true; });
  $("search").addEventListener("focus", function () { if (results.length) $("results").hidden = false; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== $("search") && document.activeElement.tagName !== "INPUT") {
      ev.preventDefault(); $("search").focus();
    }
  });

  // ---------------------------------------------------------------- filters
  var DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  function low(d) { return d + "-00-00".slice(d.length - 4); }
  function high(d) { return d + "-99-99".slice(d.length - 4); }
  function dateOk(n) {
    if (!byClass.get(n.cls) || !byClass.get(n.cls).event) return true;
    if (!state.dateFrom && !state.dateTo) return true;
    if (!n.date) return state.undated;
    if (state.dateFrom && high(n.date) < low(state.dateFrom)) return false;
    if (state.dateTo && low(n.date) > high(state.dateTo)) return false;
    return true;
  }
  function visible(n) { return state.classOn.get(n.cls) !== false && dateOk(n); }

  var shownNow = new Map(nodes.map(function (n) { return [n.id, true]; }));
  function applyFilters() {
    var nodeUpdates = [], count = 0;
    nodes.forEach(function (n) {
      var on = visible(n);
      if (on) count++;
      if (shownNow.get(n.id) !== on) { shownNow.set(n.id, on); nodeUpdates.push({ id: n.id, hidden: !on }); }
    });
    if (nodeUpdates.length) {
      nodeSet.update(nodeUpdates);
      edgeSet.update(links.map(function (l) { return { id: l.id, hidden: !(shownNow.get(l.from.id) && shownNow.get(l.to.id)) }; }));
    }
    if (state.selected) {
      var s = state.selected;
      var gone = s.kind === "node" ? !shownNow.get(s.id)
        : !(shownNow.get(linkById.get(s.id).from.id) && shownNow.get(linkById.get(s.id).to.id));
      if (gone) closePanel();
    }
    $("visible").textContent = count === nodes.length ? "" : "Showing " + count.toLocaleString("en") + " of " + plural(nodes.length, "entity", "entities");
    DATA.classes.forEach(function (c) { legendRows.get(c.name).classList.toggle("off", !state.classOn.get(c.name)); });
  }
  // Searching for a hidden entity shows it: its class goes back on and the date range is cleared.
  function reveal(n) {
    state.classOn.set(n.cls, true);
    legendBoxes.get(n.cls).checked = true;
    if (!dateOk(n)) { state.dateFrom = state.dateTo = ""; $("date-from").value = $("date-to").value = ""; }
    applyFilters();
  }

  var legendRows = new Map(), legendBoxes = new Map();
  DATA.classes.forEach(function (c) {
    var box = el("input", { type: "checkbox", "data-class": c.name });
    box.checked = true;
    box.addEventListener("change", function () { state.classOn.set(c.name, box.checked); applyFilters(); });
    var only = el("button", { type: "button", cls: "only", title: "Show only " + c.label, text: "only" });
    only.addEventListener("click", function () { setClasses(function (name) { return name === c.name; }); });
    var row = el("li", null, [el("label", null, [box, shapeIcon(c.shape, c.colour), el("span", { text: c.label })]),
      only, el("span", { cls: "n", text: c.count.toLocaleString("en") })]);
    legendRows.set(c.name, row); legendBoxes.set(c.name, box);
    $("legend").appendChild(row);
  });
  function setClasses(pred) {
    DATA.classes.forEach(function (c) {
      var on = !!pred(c.name);
      state.classOn.set(c.name, on); legendBoxes.get(c.name).checked = on;
    });
    applyFilters();
  }
  $("all-classes").addEventListener("click", function () { setClasses(function () { return true; }); });
  $("no-topics").addEventListener("click", function () { setClasses(function (name) { return name !== "Topic" && state.classOn.get(name); }); });

  if (DATA.classes.some(function (c) { return c.event; })) {
    $("dates").hidden = false;
    var dated = nodes.filter(function (n) { return n.date; }).map(function (n) { return n.date; }).sort();
    if (dated.length) { $("date-from").placeholder = "from " + dated[0]; $("date-to").placeholder = "to " + dated[dated.length - 1]; }
  }
  function readDates() {
    var from = $("date-from").value.trim(), to = $("date-to").value.trim();
    var bad = (from && !DATE_RE.test(from)) || (to && !DATE_RE.test(to));
    $("date-msg").textContent = bad ? "Write dates as YYYY, YYYY-MM or YYYY-MM-DD." : "";
    if (bad) return;
    state.dateFrom = from; state.dateTo = to; state.undated = $("undated").checked;
    applyFilters();
  }
  ["date-from", "date-to"].forEach(function (id) { $(id).addEventListener("input", readDates); });
  $("undated").addEventListener("change", readDates);

  // ---------------------------------------------------------------- controls
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 400 } }); });
  function setLinkLabels(on) {
    state.linkLabels = on;
    $("labels").classList.toggle("on", on);
    edgeSet.update(links.map(edgeLook));
  }
  $("labels").addEventListener("click", function () { setLinkLabels(!state.linkLabels); });
  $("labels").classList.toggle("on", state.linkLabels);
  applyFilters();

  return {
    state: state, find: find, select: select, selectEdge: selectEdge, close: closePanel,
    setClasses: setClasses, nodeCount: nodes.length, edgeCount: links.length,
    get ready() { return state.ready; }, get stabilizedMs() { return state.stabilizedMs; },
  };
})();
