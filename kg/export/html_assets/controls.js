/* diplokg graph page: the left column (find, classes, countries, dates) and the buttons.
 *
 * Search looks through every entity the page holds, drawn or not, by its label and its
 * aliases; choosing one draws it with its neighbourhood and moves the view to it. The filters
 * decide which entities may be drawn; changing one draws the overview (and the neighbourhoods
 * opened so far) again from what passes.
 */
var kgControls = function (ctx) {
  "use strict";

  var el = ctx.el, $ = ctx.$, DATA = ctx.DATA, state = ctx.state, nodes = ctx.nodes;
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }

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
    p.setAttribute("fill", colour); p.setAttribute("stroke", "rgba(31,41,51,.35)"); p.setAttribute("stroke-width", "1.2");
    svg.appendChild(p);
    return svg;
  }

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
    hits.sort(function (a, b) { return a.rank - b.rank || b.n.score - a.n.score || a.n.index - b.n.index; });
    return hits.slice(0, limit || 8);
  }
  var results = [], active = 0;
  function drawResults() {
    var ul = $("results");
    ul.replaceChildren();
    results.forEach(function (hit, i) {
      var c = ctx.classOf(hit.n);
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
    ctx.select(hit.n.id);
  }
  var box = $("search");
  box.addEventListener("input", function () {
    results = find(this.value);
    active = 0;
    drawResults();
    $("search-msg").textContent = this.value.trim() && !results.length ? "No entity has that name." : "";
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (!results.length) results = find(this.value); choose(active); }
    else if (ev.key === "ArrowDown") { ev.preventDefault(); active = Math.min(active + 1, results.length - 1); drawResults(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); active = Math.max(active - 1, 0); drawResults(); }
    else if (ev.key === "Escape") { this.value = ""; results = []; drawResults(); }
  });
  box.addEventListener("blur", function () { $("results").hidden = true; });
  box.addEventListener("focus", function () { if (results.length) $("results").hidden = false; });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== box && document.activeElement.tagName !== "INPUT" && document.activeElement.tagName !== "SELECT") {
      ev.preventDefault(); box.focus();
    }
  });

  // ---------------------------------------------------------------- classes
  var legendRows = new Map(), legendBoxes = new Map();
  DATA.classes.forEach(function (c) {
    var check = el("input", { type: "checkbox", "data-class": c.name });
    check.checked = true;
    check.addEventListener("change", function () { state.classOn.set(c.name, check.checked); changed(); });
    var only = el("button", { type: "button", cls: "only", title: "Show only " + c.label, text: "only" });
    only.addEventListener("click", function () { setClasses(function (name) { return name === c.name; }); });
    var row = el("li", null, [el("label", null, [check, shapeIcon(c.shape, c.colour), el("span", { text: c.label })]),
      only, el("span", { cls: "n", text: c.count.toLocaleString("en") })]);
    legendRows.set(c.name, row); legendBoxes.set(c.name, check);
    $("legend").appendChild(row);
  });
  $("legend").appendChild(el("li", { cls: "article-key" }, [el("label", null, [shapeIcon(DATA.article.shape, DATA.article.colour), el("span", { text: "Article" })]),
    el("span", { cls: "n", text: DATA.articles.length.toLocaleString("en") })]));
  function setClasses(pred) {
    DATA.classes.forEach(function (c) {
      var on = !!pred(c.name);
      state.classOn.set(c.name, on); legendBoxes.get(c.name).checked = on;
    });
    changed();
  }
  $("all-classes").addEventListener("click", function () { setClasses(function () { return true; }); });
  $("no-topics").addEventListener("click", function () { setClasses(function (name) { return name !== "Topic" && state.classOn.get(name); }); });

  // ---------------------------------------------------------------- countries
  function countryOptions(select, label) {
    select.appendChild(el("option", { value: "" , text: label }));
    DATA.countries.forEach(function (i) { select.appendChild(el("option", { value: String(i), text: nodes[i].label })); });
  }
  if (DATA.countries.length) {
    $("countries").hidden = false;
    countryOptions($("country-a"), "any country");
    countryOptions($("country-b"), "and any other");
  }
  function readCountries() {
    var a = $("country-a").value, b = $("country-b").value;
    state.countryA = a === "" ? null : Number(a);
    state.countryB = b === "" ? null : Number(b);
    changed();
  }
  $("country-a").addEventListener("change", readCountries);
  $("country-b").addEventListener("change", readCountries);
  function setCountries(a, b) {
    function idx(name) {
      if (name === null || name === undefined || name === "") return "";
      var hit = DATA.countries.filter(function (i) { return nodes[i].label === name || nodes[i].id === name; })[0];
      return hit === undefined ? "" : String(hit);
    }
    $("country-a").value = idx(a); $("country-b").value = idx(b);
    readCountries();
  }

  // ---------------------------------------------------------------- dates
  var DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  if (DATA.classes.some(function (c) { return c.event; })) {
    $("dates").hidden = false;
    var dated = nodes.filter(function (n) { return n.date; }).map(function (n) { return n.date; }).sort();
    if (dated.length) { $("date-from").placeholder = "from " + dated[0]; $("date-to").placeholder = "to " + dated[dated.length - 1]; }
  }
  var dateTimer = null;
  function readDates() {
    var from = $("date-from").value.trim(), to = $("date-to").value.trim();
    var bad = (from && !DATE_RE.test(from)) || (to && !DATE_RE.test(to));
    $("date-msg").textContent = bad ? "Write dates as YYYY, YYYY-MM or YYYY-MM-DD." : "";
    if (bad) return;
    if (from === state.dateFrom && to === state.dateTo && $("undated").checked === state.undated) return;
    state.dateFrom = from; state.dateTo = to; state.undated = $("undated").checked;
    changed();
  }
  ["date-from", "date-to"].forEach(function (id) {
    $(id).addEventListener("input", function () { clearTimeout(dateTimer); dateTimer = setTimeout(readDates, 250); });
    $(id).addEventListener("change", readDates);
  });
  $("undated").addEventListener("change", readDates);
  function setDates(from, to, undated) {
    $("date-from").value = from || ""; $("date-to").value = to || "";
    if (undated !== undefined) $("undated").checked = undated;
    readDates();
  }

  // Searching for an entity the filters hide shows it: its class goes back on, the countries
  // and the dates are cleared.
  function reveal(n) {
    state.classOn.set(n.cls, true);
    legendBoxes.get(n.cls).checked = true;
    if (!ctx.visible(n)) {
      $("country-a").value = $("country-b").value = "";
      state.countryA = state.countryB = null;
    }
    if (!ctx.visible(n)) {
      state.dateFrom = state.dateTo = ""; $("date-from").value = $("date-to").value = "";
    }
    changed();
  }

  function changed() {
    DATA.classes.forEach(function (c) { legendRows.get(c.name).classList.toggle("off", !state.classOn.get(c.name)); });
    ctx.redraw();
  }
  function afterRedraw() {
    var drawn = ctx.view.at.size, pass = nodes.filter(ctx.visible).length;
    $("visible").textContent = "Drawn: " + drawn.toLocaleString("en") + " of " +
      (pass < nodes.length ? pass.toLocaleString("en") + " that pass the filters (" + plural(nodes.length, "entity", "entities") + " in all)"
                           : plural(nodes.length, "entity", "entities"));
    var shown = ctx.view.overview.length;
    $("view-note").textContent = state.steps.length ? "" : shown ? "The overview shows the " + shown +
      " most active entities. Click one to draw its links; Find reaches every entity."
      : pass < nodes.length ? "Nothing that passes the filters links to anything else that does: widen them, or use Find."
      : "No entity here has a link to draw. Find reaches every entity and its sources.";
  }

  // ---------------------------------------------------------------- buttons
  $("fit").addEventListener("click", function () { network.fit({ animation: ctx.motion }); });
  $("home").addEventListener("click", function () { ctx.reset(); });
  $("labels").addEventListener("click", function () {
    state.linkLabels = !state.linkLabels;
    $("labels").classList.toggle("on", state.linkLabels);
    ctx.restyle();
  });

  Object.assign(ctx, { find: find, setClasses: setClasses, setCountries: setCountries, setDates: setDates,
                       reveal: reveal, afterRedraw: afterRedraw, shapeIcon: shapeIcon });
};
