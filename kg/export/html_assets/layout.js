/* diplokg graph page: where each drawn entity goes.
 *
 * Nothing here moves once placed: there is no physics. Every entity takes a box on the canvas,
 * its shape and, below it, its label exactly as vis-network draws it (label top = y + size +
 * font/2 + 4, one font size a line, text width as the canvas measures it). An entity is put at
 * the free spot nearest to where it should go (its home, or the entity it was drawn from),
 * searched in rings outwards, so no two boxes ever overlap, by construction. All of it is
 * deterministic: the same data, screen and clicks give the same drawing.
 */
var kgLayout = (function () {
  "use strict";

  var FACE = "system-ui, -apple-system, Segoe UI, Roboto, Liberation Sans, Arial, sans-serif";
  var PAD = 3;        // around every box: the white stroke round the text, and some air
  var CELL = 64;      // spatial hash cell, px
  var measureCtx = document.createElement("canvas").getContext("2d");

  function textWidth(text, size, weight) {
    measureCtx.font = (weight ? weight + " " : "") + size + "px " + FACE;
    return measureCtx.measureText(text).width;
  }

  // The box of an entity drawn at (0, 0) with shape radius `size`, label `text`, font `font`.
  function shapeBox(size, text, font) {
    var lines = text ? text.split("\n") : [];
    var width = 0;
    lines.forEach(function (line) { width = Math.max(width, textWidth(line, font)); });
    var half = Math.max(size, width / 2);
    var bottom = lines.length ? size + font / 2 + 4 + lines.length * font : size;
    return { left: -half - PAD, right: half + PAD, top: -size - PAD, bottom: bottom + PAD };
  }

  // ---------------------------------------------------------------- the packer
  function Packer() {
    this.grid = new Map();
    this.boxes = new Map();
  }
  Packer.prototype._cells = function (r, fn) {
    var x0 = Math.floor(r.left / CELL), x1 = Math.floor(r.right / CELL);
    var y0 = Math.floor(r.top / CELL), y1 = Math.floor(r.bottom / CELL);
    for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) fn(x + "," + y);
  };
  Packer.prototype.free = function (r) {
    var grid = this.grid, clash = false;
    this._cells(r, function (key) {
      if (clash) return;
      var list = grid.get(key);
      if (!list) return;
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) { clash = true; return; }
      }
    });
    return !clash;
  };
  Packer.prototype.add = function (id, r) {
    var grid = this.grid;
    this.remove(id);
    r = { left: r.left, right: r.right, top: r.top, bottom: r.bottom, id: id };
    this.boxes.set(id, r);
    this._cells(r, function (key) {
      var list = grid.get(key);
      if (!list) grid.set(key, list = []);
      list.push(r);
    });
  };
  Packer.prototype.remove = function (id) {
    var r = this.boxes.get(id), grid = this.grid;
    if (!r) return;
    this.boxes.delete(id);
    this._cells(r, function (key) {
      var list = grid.get(key);
      var i = list.indexOf(r);
      if (i >= 0) list.splice(i, 1);
    });
  };
  function shifted(b, x, y) { return { left: b.left + x, right: b.right + x, top: b.top + y, bottom: b.bottom + y }; }
  function inside(r, bounds) {
    return !bounds || (r.left >= bounds.left && r.right <= bounds.right && r.top >= bounds.top && r.bottom <= bounds.bottom);
  }

  // The free spot nearest (x, y) for a box, searched ring by ring up to `reach` px away.
  // `from` (an angle) is where each ring starts, so spots on that side are taken first.
  Packer.prototype.spot = function (box, x, y, opts) {
    opts = opts || {};
    var reach = opts.reach || 400, bounds = opts.bounds, from = opts.from || 0, start = opts.start || 0;
    for (var r = start; r <= reach; r += 7) {
      var steps = r === 0 ? 1 : Math.max(8, Math.ceil(2 * Math.PI * r / 9));
      for (var k = 0; k < steps; k++) {
        // alternate either side of `from`: from, from+d, from-d, from+2d, ...
        var turn = Math.ceil(k / 2) * (k % 2 ? 1 : -1) * 2 * Math.PI / steps;
        var px = Math.round(x + r * Math.cos(from + turn)), py = Math.round(y + r * Math.sin(from + turn));
        var rect = shifted(box, px, py);
        if (inside(rect, bounds) && this.free(rect)) return { x: px, y: py, rect: rect };
      }
    }
    return null;
  };

  // ---------------------------------------------------------------- the overview
  // Homes of the chosen entities mapped into `bounds` (aspect kept, a margin for labels).
  function homeTransform(homes, bounds) {
    var xs = homes.map(function (h) { return h[0]; }), ys = homes.map(function (h) { return h[1]; });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var w = bounds.right - bounds.left, h = bounds.bottom - bounds.top;
    var scale = Math.min((w * 0.82) / Math.max(maxX - minX, 1), (h * 0.8) / Math.max(maxY - minY, 1), 1.6);
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    var ox = (bounds.left + bounds.right) / 2, oy = (bounds.top + bounds.bottom) / 2 - h * 0.03;
    return function (home) { return [ox + (home[0] - cx) * scale, oy + (home[1] - cy) * scale]; };
  }

  /* The first view: the candidates (most important first, each {id, home, box, linked(id)})
   * placed inside `bounds` until they fill `fill` of it or `max` are in. One that links to
   * none placed so far waits until the rest are in; one that cannot find a free spot near
   * its home is left out. Returns {placed: [{id, x, y}], transform, packer}. */
  function overview(candidates, bounds, opts) {
    var area = (bounds.right - bounds.left) * (bounds.bottom - bounds.top);
    var budget = area * opts.fill, max = opts.max;
    // Map by the homes of about as many as will fit, so the drawing fills the screen.
    var guess = [], used = 0;
    for (var i = 0; i < candidates.length && guess.length < max && used < budget; i++) {
      var b = candidates[i].box;
      used += (b.right - b.left) * (b.bottom - b.top);
      guess.push(candidates[i].home);
    }
    var toScreen = homeTransform(guess.length ? guess : [[0, 0]], bounds);
    var packer = new Packer(), placed = [], placedIds = new Set(), waiting = [];
    used = 0;
    function tryPlace(c) {
      var at = toScreen(c.home);
      var got = packer.spot(c.box, at[0], at[1], { bounds: bounds, reach: opts.reach || 260 });
      if (!got) return;
      packer.add(c.id, got.rect);
      placed.push({ id: c.id, x: got.x, y: got.y });
      placedIds.add(c.id);
      used += (c.box.right - c.box.left) * (c.box.bottom - c.box.top);
    }
    for (var j = 0; j < candidates.length && placed.length < max && used < budget; j++) {
      var c = candidates[j];
      if (placed.length < 3 || c.linked(placedIds)) tryPlace(c);
      else waiting.push(c);
    }
    for (var k = 0; k < waiting.length && placed.length < max && used < budget; k++) {
      if (waiting[k].linked(placedIds)) tryPlace(waiting[k]);
    }
    return { placed: placed, toScreen: toScreen, packer: packer };
  }

  /* Entities drawn around an anchor at (x, y): each at the nearest free spot, the rings
   * starting on the side away from `centre` (so a neighbourhood grows outwards). */
  function around(packer, anchor, items, centre) {
    var from = Math.atan2(anchor.y - centre.y, anchor.x - centre.x);
    if (!isFinite(from) || (anchor.x === centre.x && anchor.y === centre.y)) from = -Math.PI / 2;
    var out = [];
    items.forEach(function (item) {
      var got = packer.spot(item.box, anchor.x, anchor.y, { from: from, reach: 3000, start: 30 });
      if (!got) return;
      packer.add(item.id, got.rect);
      out.push({ id: item.id, x: got.x, y: got.y });
    });
    return out;
  }

  return { FACE: FACE, textWidth: textWidth, shapeBox: shapeBox, Packer: Packer, shifted: shifted,
           overview: overview, around: around };
})();
