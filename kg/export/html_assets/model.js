/* diplokg graph page: the graph the page holds, and which of it passes the filters.
 *
 * Reads the JSON in #kg-data once: entities (with their links, distinct neighbours and
 * articles), links grouped by pair of entities, articles with what they mention. `state`
 * holds what the reader chose (filters, opened neighbourhoods, selection).
 */
var kgModel = function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = DATA.nodes, byId = new Map(), byClass = new Map();
  DATA.classes.forEach(function (c, i) { c.rank = i; byClass.set(c.name, c); });
  nodes.forEach(function (n, i) {
    n.index = i; n.links = []; n.aliases = n.aliases || []; n.facts = n.facts || [];
    n.ev = n.ev || []; n.arts = n.arts || []; n.text = n.text || n.label; n.score = n.score || 0;
    byId.set(n.id, n);
  });
  var articles = DATA.articles.map(function (a, i) { return { index: i, id: a[0], title: a[1], date: a[2], mentions: [] }; });
  var articleById = new Map(articles.map(function (a) { return [a.id, a]; }));
  nodes.forEach(function (n) { n.arts.forEach(function (a) { articles[a].mentions.push(n); }); });
  var links = DATA.edges.map(function (e) {
    var l = { from: nodes[e[0]], to: nodes[e[1]], prop: DATA.props[e[2]], ev: e[3] };
    l.from.links.push(l);
    if (l.to !== l.from) l.to.links.push(l);
    return l;
  });
  var ranked = nodes.slice().sort(function (a, b) { return b.score - a.score || a.index - b.index; });

  function neighbours(n) {  // distinct linked entities, most important first
    if (!n.nbrs) {
      var seen = new Set();
      n.links.forEach(function (l) { var o = l.from === n ? l.to : l.from; if (o !== n) seen.add(o); });
      n.nbrs = Array.from(seen).sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    }
    return n.nbrs;
  }
  function pairKey(a, b) { return a.index < b.index ? "p:" + a.index + ":" + b.index : "p:" + b.index + ":" + a.index; }
  var pairs = new Map();
  links.forEach(function (l) {
    if (l.from === l.to) return;
    var key = pairKey(l.from, l.to), p = pairs.get(key);
    if (!p) pairs.set(key, p = { id: key, a: l.from.index < l.to.index ? l.from : l.to, b: l.from.index < l.to.index ? l.to : l.from, links: [] });
    p.links.push(l);
  });

  var state = {
    classOn: new Map(DATA.classes.map(function (c) { return [c.name, true]; })),
    countryA: null, countryB: null, dateFrom: "", dateTo: "", undated: true,
    linkLabels: false, selected: null, steps: [], ready: false, readyMs: null,
  };
  function classOf(n) { return byClass.get(n.cls) || { label: n.cls, colour: "#999999", shape: "dot", rank: 99 }; }

  // ---------------------------------------------------------------- filters
  function low(d) { return d + "-00-00".slice(d.length - 4); }
  function high(d) { return d + "-99-99".slice(d.length - 4); }
  function dateOk(n) {
    if (!classOf(n).event || (!state.dateFrom && !state.dateTo)) return true;
    if (!n.date) return state.undated;
    if (state.dateFrom && high(n.date) < low(state.dateFrom)) return false;
    return !(state.dateTo && low(n.date) > high(state.dateTo));
  }
  function tiedTo(n, c) { return c === null || n.index === c || (n.ties && n.ties.indexOf(c) >= 0); }
  // One country: what belongs with it. Two: what belongs with both (a meeting of their
  // ministers, an agreement between them), and what of either takes part in that (each
  // minister belongs with one side only), so a pair's meetings come with their participants.
  var pairOk = null, pairKeyNow = null;
  function countryOk(n) {
    var a = state.countryA, b = state.countryB;
    if (a === null && b === null) return true;
    if (n.index === a || n.index === b) return true;
    if (a === null || b === null) return tiedTo(n, a === null ? b : a);
    if (pairKeyNow !== a + ":" + b) {
      pairKeyNow = a + ":" + b;
      pairOk = new Set();
      nodes.forEach(function (x) {
        if (!tiedTo(x, a) || !tiedTo(x, b)) return;
        pairOk.add(x.index);
        neighbours(x).forEach(function (o) { if (tiedTo(o, a) || tiedTo(o, b)) pairOk.add(o.index); });
      });
    }
    return pairOk.has(n.index);
  }
  function visible(n) { return state.classOn.get(n.cls) !== false && dateOk(n) && countryOk(n); }

  return { DATA: DATA, nodes: nodes, byId: byId, byClass: byClass, articles: articles, articleById: articleById,
           links: links, pairs: pairs, pairKey: pairKey, neighbours: neighbours, ranked: ranked, state: state,
           classOf: classOf, visible: visible };
};
