/* diplokg graph page: the provenance panel.
 *
 * For an entity: its names, facts and countries, then every link it takes part in under the
 * sentence that states it (one block per sentence, so a sentence shared by several facts is
 * quoted once, above all of them, and never referred to from elsewhere), then the articles it
 * comes from. For a link between two entities: all their links, likewise. For an article: the
 * entities it mentions. Strings from articles are only ever written as text.
 */
var kgPanel = function (ctx) {
  "use strict";

  var el = ctx.el, $ = ctx.$, DATA = ctx.DATA;
  var FIRST = 12, MORE = 30;   // sentence blocks shown at first, and per "more"

  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }
  function curie(iri) {
    for (var i = 0; i < DATA.prefixes.length; i++) {
      var p = DATA.prefixes[i];
      if (iri.indexOf(p[1]) === 0 && iri.length > p[1].length) return p[0] + ":" + iri.slice(p[1].length);
    }
    return iri;
  }

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
  function cite(sources) {
    var c = el("cite");
    sources.forEach(function (s, i) {
      var src = DATA.sources[s];
      if (i) c.appendChild(document.createTextNode(" · "));
      c.appendChild(el("em", { text: src[0] || "untitled article" }));
      if (src[1]) c.appendChild(document.createTextNode(" · " + src[1]));
    });
    return c;
  }

  function entityLink(n, current) {
    if (n === current) return el("span", { cls: "self", text: n.label });
    var a = el("a", { cls: "entity", href: "#", title: ctx.classOf(n).label }, [
      el("span", { cls: "swatch", style: "background:" + ctx.classOf(n).colour }), n.label]);
    a.addEventListener("click", function (ev) { ev.preventDefault(); ctx.select(n.id); });
    return a;
  }
  function articleLink(a) {
    var link = el("a", { cls: "entity", href: "#", title: "Article" }, [
      el("span", { cls: "swatch square", style: "background:" + DATA.article.colour }), a.title || "untitled article"]);
    link.addEventListener("click", function (ev) { ev.preventDefault(); ctx.selectArticle(a.index); });
    return el("li", null, [link, a.date ? el("span", { cls: "date", text: " · " + a.date }) : null]);
  }
  function badge(text, colour) {
    return el("div", { cls: "badge" }, [el("i", { style: "background:" + colour }), text]);
  }
  function fact(l, current) {
    return el("li", { cls: "rel" }, [entityLink(l.from, current), " → ", el("b", { text: l.prop }), " → ", entityLink(l.to, current)]);
  }

  // Links (and the entity's own sources) grouped by sentence, newest article first.
  function sentenceBlocks(ownEv, links) {
    var blocks = new Map(), bare = [];
    function block(pair) {
      var b = blocks.get(pair[0]);
      if (!b) blocks.set(pair[0], b = { sentence: pair[0], sources: [], links: [], own: false });
      if (b.sources.indexOf(pair[1]) < 0) b.sources.push(pair[1]);
      return b;
    }
    ownEv.forEach(function (pair) { block(pair).own = true; });
    links.forEach(function (l) {
      if (!l.ev.length) { bare.push(l); return; }
      l.ev.forEach(function (pair) { var b = block(pair); if (b.links.indexOf(l) < 0) b.links.push(l); });
    });
    function date(b) { return b.sources.map(function (s) { return DATA.sources[s][1] || ""; }).sort().pop(); }
    var list = Array.from(blocks.values());
    list.forEach(function (b) { b.date = date(b); });
    list.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : a.sentence - b.sentence; });
    return { blocks: list, bare: bare };
  }
  function renderBlocks(body, grouped, current) {
    var ul = el("ul", { cls: "ev" });
    body.appendChild(ul);
    var shown = 0;
    function more() {
      var stop = Math.min(grouped.blocks.length, shown + (shown ? MORE : FIRST));
      for (; shown < stop; shown++) {
        var b = grouped.blocks[shown];
        var ends = [current].filter(Boolean);
        b.links.forEach(function (l) { ends.push(l.from, l.to); });
        var li = el("li", { cls: "block" }, [marked(DATA.sentences[b.sentence], namesOf(ends)), cite(b.sources)]);
        if (b.links.length) li.appendChild(el("ul", { cls: "facts-of" }, b.links.map(function (l) { return fact(l, current); })));
        ul.appendChild(li);
      }
      button.hidden = shown >= grouped.blocks.length;
      button.textContent = "+ " + plural(grouped.blocks.length - shown, "more sentence", "more sentences");
    }
    var button = el("button", { type: "button", cls: "more" });
    button.addEventListener("click", more);
    body.appendChild(button);
    more();
    if (grouped.bare.length) {
      body.appendChild(el("h3", { text: "Links with no sentence recorded (" + grouped.bare.length + ")" }));
      body.appendChild(el("ul", { cls: "links" }, grouped.bare.map(function (l) { return fact(l, current); })));
    }
  }

  function open(body) {
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
    return body;
  }
  function start(kind, colour, title) {
    var body = $("panel-body");
    body.replaceChildren();
    body.appendChild(badge(kind, colour));
    body.appendChild(el("h2", { text: title }));
    return body;
  }

  function showNode(n) {
    var c = ctx.classOf(n);
    var body = start(c.label, c.colour, n.label);
    body.appendChild(el("div", { cls: "curie", title: n.id, text: curie(n.id) }));
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
    var ties = (n.ties || []).map(function (i) { return ctx.nodes[i]; }).filter(function (t) { return t !== n; });
    if (ties.length || n.group !== undefined) {
      var where = el("div", { cls: "where" });
      if (ties.length) where.appendChild(el("span", null, ["Countries: "].concat(ties.slice(0, 6).reduce(function (acc, t, i) {
        if (i) acc.push(", ");
        acc.push(entityLink(t, n));
        return acc;
      }, []))));
      if (n.group !== undefined) where.appendChild(el("div", { cls: "group", text: "Group: " + DATA.groups[n.group] }));
      body.appendChild(where);
    }
    var others = ctx.neighbours(n);
    body.appendChild(el("h3", { text: n.links.length ? "Links (" + n.links.length + ") and their sentences" : "Sources" }));
    if (others.length) {
      var drawn = others.filter(ctx.isDrawn).length;
      var line = el("div", { cls: "drawn" }, [plural(others.length, "linked entity", "linked entities") + ", " + drawn + " drawn"]);
      var missing = others.filter(function (o) { return !ctx.isDrawn(o) && ctx.visible(o); }).length;
      if (missing) {
        var draw = el("button", { type: "button", cls: "more", text: "draw " + Math.min(missing, DATA.expandMax) + " more" });
        draw.addEventListener("click", function () { ctx.expandMore(n); });
        line.appendChild(document.createTextNode(" · "));
        line.appendChild(draw);
      }
      body.appendChild(line);
    }
    var grouped = sentenceBlocks(n.ev, n.links);
    if (!grouped.blocks.length && !grouped.bare.length) body.appendChild(el("div", { cls: "empty", text: "It takes part in no link." }));
    renderBlocks(body, grouped, n);
    var arts = n.arts.map(function (i) { return ctx.articles[i]; });
    body.appendChild(el("h3", { text: "Articles (" + arts.length + ")" }));
    if (arts.length) body.appendChild(el("ul", { cls: "articles" }, arts.map(articleLink)));
    else body.appendChild(el("div", { cls: "empty", text: "No article recorded." }));
    if (!n.links.length && !arts.length) body.appendChild(el("div", { cls: "outside", text: "Nothing links to it, so it is not drawn." }));
    if (n.outside) body.appendChild(el("div", { cls: "outside", text: plural(n.outside, "more link", "more links") + " to entities not on this page." }));
    open(body);
  }

  function showPair(pair) {
    var a = pair.a, b = pair.b;
    var body = start("Links", "#7b8794", a.label + " — " + b.label);
    body.appendChild(el("div", { cls: "rel" }, [entityLink(a), " and ", entityLink(b), ": " + plural(pair.links.length, "link", "links")]));
    body.appendChild(el("h3", { text: "Sentences" }));
    renderBlocks(body, sentenceBlocks([], pair.links), null);
    open(body);
  }

  function showArticle(art) {
    var body = start("Article", DATA.article.colour, art.title || "untitled article");
    body.appendChild(el("div", { cls: "curie", title: art.id, text: curie(art.id) }));
    if (art.date) body.appendChild(el("div", { cls: "date", text: art.date }));
    body.appendChild(el("h3", { text: "Mentions (" + art.mentions.length + ")" }));
    var list = art.mentions.slice().sort(function (x, y) { return y.score - x.score || x.index - y.index; });
    body.appendChild(el("ul", { cls: "articles" }, list.map(function (n) { return el("li", null, [entityLink(n)]); })));
    open(body);
  }

  return { showNode: showNode, showPair: showPair, showArticle: showArticle, plural: plural };
};
