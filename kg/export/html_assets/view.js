/* diplokg graph page: what is drawn, and where.
 *
 * What is drawn follows from the filters and the neighbourhoods opened so far
 * (`state.steps`): the overview first (kgLayout.overview), then each neighbourhood in turn
 * round its entity (kgLayout.around). An entity is drawn only with a link to another drawn
 * one (an entity that is in no link hangs from its articles), so no dot ever floats alone.
 * `at(id)` gives nothing for what is not drawn.
 */
var kgView = function (m, env) {
  "use strict";

  var DATA = m.DATA, byId = m.byId, articles = m.articles, articleById = m.articleById, pairs = m.pairs;
  var pairKey = m.pairKey, neighbours = m.neighbours, ranked = m.ranked, state = m.state, visible = m.visible;
  var $ = function (id) { return document.getElementById(id); };

  var NODE_FONT = 13;
  function nodeSize(n) { return Math.min(22, 5 + 2 * Math.sqrt(n.deg || 0)) * (n.cls === "Topic" ? 0.8 : 1); }
  function fontSize(n) { return Math.max(NODE_FONT, Math.min(17, Math.round(2 * (12.5 + 0.8 * Math.log(1 + (n.deg || 0)))) / 2)); }
  function boxOf(item) {
    if (!item.box) item.box = item.mentions ? kgLayout.shapeBox(7, articleText(item), NODE_FONT) : kgLayout.shapeBox(nodeSize(item), item.text, fontSize(item));
    return item.box;
  }
  // An article is labelled with the start of its title (the tooltip and the panel give all of it).
  function articleText(a) {
    var words = (a.title || "untitled article").split(/\s+/), lines = [""];
    for (var i = 0; i < words.length && lines.length <= 2; i++) {
      var last = lines[lines.length - 1];
      if (!last || (last + " " + words[i]).length <= 24) lines[lines.length - 1] = last ? last + " " + words[i] : words[i].slice(0, 24);
      else if (lines.length < 2) lines.push(words[i].slice(0, 24));
      else { lines[1] = lines[1].slice(0, 22) + " …"; break; }
    }
    return lines.join("\n");
  }

  // ---------------------------------------------------------------- what is drawn
  var view = { at: new Map(), packer: null, toScreen: null, overview: [], titles: [] };
  function isDrawn(n) { return view.at.has(n.id); }
  function bounds() {
    // the strip along the bottom is left to the buttons there
    var w = $("mynetwork").clientWidth || 800, h = $("mynetwork").clientHeight || 600, m = 14;
    return { left: -w / 2 + m, right: w / 2 - m, top: -h / 2 + m, bottom: h / 2 - m - 34 };
  }
  function put(id, p, box) { view.at.set(id, { x: p.x, y: p.y }); view.packer.add(id, kgLayout.shifted(box, p.x, p.y)); }
  function unput(id) { view.at.delete(id); view.packer.remove(id); }
  function centre() {
    if (!view.at.size) return { x: 0, y: 0 };
    var sx = 0, sy = 0;
    view.at.forEach(function (p) { sx += p.x; sy += p.y; });
    return { x: sx / view.at.size, y: sy / view.at.size };
  }
  // Draw an entity that is not drawn yet: beside its most important drawn neighbour or
  // article, else where its home maps, else in the middle of the current view.
  function ensure(n) {
    if (isDrawn(n)) return true;
    if (!visible(n) || (!n.links.length && !n.arts.length)) return false;
    var near = neighbours(n).filter(isDrawn)[0] || n.arts.map(function (i) { return articles[i]; }).filter(function (a) { return view.at.has(a.id); })[0];
    var at = near ? view.at.get(near.id) : n.home && view.toScreen ? { x: view.toScreen(n.home)[0], y: view.toScreen(n.home)[1] }
      : env.viewCentre();
    var got = view.packer.spot(boxOf(n), at.x, at.y, { reach: 3000, start: near ? 30 : 0 });
    if (got) put(n.id, got, boxOf(n));
    return !!got;
  }
  function applyStep(step) {
    var anchorId, items;
    if (step.article !== undefined) {
      var a = articles[step.article];
      if (!view.at.has(a.id)) {
        var host = a.mentions.filter(isDrawn).sort(function (x, y) { return y.score - x.score; })[0];
        var from = host ? view.at.get(host.id) : env.viewCentre();
        var got = view.packer.spot(boxOf(a), from.x, from.y, { reach: 3000, start: host ? 30 : 0 });
        if (!got) return;
        put(a.id, got, boxOf(a));
      }
      anchorId = a.id;
      items = a.mentions.filter(visible).sort(function (x, y) { return y.score - x.score || x.index - y.index; }).slice(0, step.limit);
    } else {
      var n = byId.get(step.id);
      if (!ensure(n)) return;
      anchorId = n.id;
      items = n.links.length ? neighbours(n).filter(visible).slice(0, step.limit)
        : n.arts.slice(0, step.limit).map(function (i) { return articles[i]; });
    }
    items = items.filter(function (it) { return !view.at.has(it.id); }).map(function (it) { it.box = boxOf(it); return it; });
    kgLayout.around(view.packer, Object.assign({ id: anchorId }, view.at.get(anchorId)), items, centre())
      .forEach(function (p) { view.at.set(p.id, { x: p.x, y: p.y }); });
  }
  function drawnEdges() {
    var out = new Map();
    view.at.forEach(function (p, id) {
      var n = byId.get(id);
      if (n) {
        n.links.forEach(function (l) {
          var o = l.from === n ? l.to : l.from;
          if (o === n || !view.at.has(o.id)) return;
          var key = pairKey(n, o);
          if (!out.has(key)) out.set(key, { id: key, pair: pairs.get(key), from: pairs.get(key).a.id, to: pairs.get(key).b.id });
        });
      } else {
        var a = articleById.get(id);
        a.mentions.forEach(function (m) {
          if (view.at.has(m.id)) out.set("m:" + a.index + ":" + m.index, { id: "m:" + a.index + ":" + m.index, mention: true, from: a.id, to: m.id });
        });
      }
    });
    return out;
  }
  function prune() {  // nothing floats: drop what has no drawn link, until nothing changes
    for (;;) {
      var linked = new Set();
      drawnEdges().forEach(function (e) { linked.add(e.from); linked.add(e.to); });
      var lonely = Array.from(view.at.keys()).filter(function (id) { return !linked.has(id); });
      if (!lonely.length) return;
      lonely.forEach(unput);
    }
  }
  function groupTitles() {
    var members = new Map();
    view.overview.forEach(function (id) {
      var n = byId.get(id);
      if (n.group === undefined || !view.at.has(id)) return;
      if (!members.has(n.group)) members.set(n.group, []);
      members.get(n.group).push(n);
    });
    view.titles = [];
    Array.from(members.keys()).sort(function (a, b) { return a - b; }).forEach(function (g) {
      var list = members.get(g);
      if (list.length < 3) return;
      var text = DATA.groups[g], xs = 0, top = Infinity;
      list.forEach(function (n) { xs += view.at.get(n.id).x; top = Math.min(top, view.packer.boxes.get(n.id).top); });
      var w = kgLayout.textWidth(text.toUpperCase(), 12, "600") + 8;
      var box = { left: -w / 2, right: w / 2, top: -9, bottom: 9 };
      // its name goes over it if there is room near its top, else the group is shaded unnamed
      var got = view.packer.spot(box, xs / list.length, top - 12, { bounds: bounds(), reach: 150 });
      var title = { group: g, text: text.toUpperCase(), rect: null, members: list.map(function (n) { return n.id; }) };
      if (got) {
        view.packer.add("title:" + g, got.rect);
        Object.assign(title, { x: got.x, y: got.y, rect: got.rect });
      }
      view.titles.push(title);
    });
  }
  function compose() {
    var candidates = ranked.filter(function (n) { return n.home && visible(n); }).map(function (n) {
      return { id: n.id, home: n.home, box: boxOf(n), linked: function (ids) { return neighbours(n).some(function (o) { return ids.has(o.id); }); } };
    });
    var first = kgLayout.overview(candidates, bounds(), { fill: 0.4, max: DATA.overviewMax });
    view.packer = first.packer; view.toScreen = first.toScreen;
    view.at = new Map(first.placed.map(function (p) { return [p.id, { x: p.x, y: p.y }]; }));
    prune();
    view.overview = Array.from(view.at.keys());
    groupTitles();
    state.steps.forEach(applyStep);
    prune();
  }

  return { view: view, isDrawn: isDrawn, compose: compose, applyStep: applyStep, drawnEdges: drawnEdges,
           boxOf: boxOf, nodeSize: nodeSize, fontSize: fontSize, articleText: articleText, NODE_FONT: NODE_FONT };
};
