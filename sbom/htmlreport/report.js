// heng report: sorting, filters, and evidence and license texts on
// demand. Everything else the page shows is in the HTML already.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  // A large report carries its evidence as data (see evidence.go), read
  // on first use.
  var data;
  function evidenceData() {
    if (data === undefined) {
      var src = document.getElementById("evidence");
      data = src ? JSON.parse(src.textContent) : null;
    }
    return data;
  }

  function evidence(d, i) {
    var t = d.t, p = d.p[i];
    var ev = el("div", "ev");
    var dl = ev.appendChild(el("dl"));
    if (p[0]) {
      dl.appendChild(el("dt", "", t.evPURL));
      dl.appendChild(el("dd", "", p[0]));
    }
    if (p[1]) {
      dl.appendChild(el("dt", "", t.evDirectory));
      dl.appendChild(el("dd", "", p[1]));
    }
    ev.appendChild(el("h4", "", t.evFiles));
    if (p[2].length) {
      var table = ev.appendChild(el("table", "files"));
      var tr = table.appendChild(el("thead")).appendChild(el("tr"));
      [t.evLicense, t.evFile, t.evLines].forEach(function (h) {
        tr.appendChild(el("th", "", h));
      });
      var body = table.appendChild(el("tbody"));
      p[2].forEach(function (f) {
        var row = body.appendChild(el("tr"));
        row.appendChild(el("td", "", f[0]));
        var file = row.appendChild(el("td", "", f[1]));
        if (f[3]) {
          file.appendChild(el("br"));
          file.appendChild(el("small", "", f[3]));
        }
        row.appendChild(el("td", "", f[2]));
      });
    } else {
      ev.appendChild(el("p", "", t.evNoFiles));
    }
    ev.appendChild(el("h4", "", t.evCopyrights));
    if (p[3].length) {
      list(ev, p[3]);
    } else {
      ev.appendChild(el("p", "", t.evNoCopyrights));
    }
    if (p[4].length) {
      ev.appendChild(el("h4", "", t.evNotes));
      list(ev, p[4]);
    }
    if (p[5].length) {
      ev.appendChild(el("h4", "", t.evFindings));
      var ul = ev.appendChild(el("ul"));
      p[5].forEach(function (f) {
        var li = ul.appendChild(el("li"));
        li.appendChild(el("span", "v v-" + f[0], f[1]));
        li.appendChild(document.createTextNode(" " + f[2] + (f[3] ? " (" + f[3] + ")" : "") + (f[4] ? " " + f[4] : "") + ": " + f[5]));
      });
    }
    if (p[6].length) {
      ev.appendChild(el("h4", "", t.evTexts));
      p[6].forEach(function (n) {
        var det = ev.appendChild(el("details", "lt"));
        det.setAttribute("data-text", n);
        det.appendChild(el("summary", "", d.texts[n]));
        det.appendChild(el("pre"));
        var a = det.appendChild(el("p", "see")).appendChild(el("a", "", t.evSeeText));
        a.href = "#t" + n;
      });
    }
    return ev;
  }

  function list(parent, items) {
    var ul = parent.appendChild(el("ul"));
    items.forEach(function (s) {
      ul.appendChild(el("li", "", s));
    });
  }

  // In a large report a package's evidence is a button: pressing it
  // writes the evidence from the data and puts it, unfolded, in place of
  // the button, as a small report has it from the start.
  function unfold(button) {
    var all = evidenceData();
    var i = button.parentNode.hengIndex;
    if (!all || !all.p[i]) {
      return;
    }
    var d = el("details", "x");
    var summary = d.appendChild(el("summary", "", button.textContent));
    d.appendChild(evidence(all, i));
    d.open = true;
    button.parentNode.replaceChild(d, button);
    summary.focus({preventScroll: true});
  }
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("button.x");
    if (b) {
      unfold(b);
    }
  });

  // Unfolding a license text in a package's evidence copies the text,
  // written once in the License texts section.
  document.addEventListener("toggle", function (ev) {
    var d = ev.target;
    if (!d.open || !d.classList) {
      return;
    }
    if (d.classList.contains("lt")) {
      var pre = d.querySelector("pre");
      var src = document.getElementById("t" + d.getAttribute("data-text"));
      if (pre && src && !pre.firstChild) {
        pre.textContent = src.textContent;
      }
    }
  }, true);

  // Following a link to a license text unfolds it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var p = target; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") {
        p.open = true;
      }
    }
    if (target) {
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) {
    reveal();
  }

  var table = document.getElementById("pkgs");
  if (!table) {
    root.setAttribute("data-ready", "1");
    return;
  }
  var controls = document.getElementById("controls");
  var filter = document.getElementById("filter");
  var byVerdict = document.getElementById("f-verdict");
  var byCategory = document.getElementById("f-category");
  var byEcosystem = document.getElementById("f-ecosystem");
  var disagree = document.getElementById("f-disagree");
  var count = document.getElementById("count");
  var format = count.getAttribute("data-fmt");

  // The first text of a cell: its value, without the ≠ marker.
  function text(cell) {
    var n = cell.firstChild;
    return n && n.nodeType === 3 ? n.data.trim() : "";
  }

  var rows = [];
  var packages = table.getElementsByClassName("p");
  for (var i = 0; i < packages.length; i++) {
    var b = packages[i];
    var c = b.firstElementChild.children;
    var r = {
      el: b,
      i: i,
      name: text(c[0]),
      version: text(c[1]),
      ecosystem: b.getAttribute("data-e"),
      declared: text(c[3]),
      concluded: text(c[4]),
      category: b.getAttribute("data-c"),
      verdict: b.getAttribute("data-v"),
      dis: b.hasAttribute("data-d"),
      shown: true
    };
    r.hay = [r.name, b.getAttribute("data-p"), r.declared, r.concluded].join(" ").toLowerCase();
    b.hengIndex = i;
    rows.push(r);
  }

  function apply() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var v = byVerdict.value, c = byCategory.value, e = byEcosystem.value, d = disagree.checked;
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!v || r.verdict === v) && (!c || r.category === c) &&
        (!e || r.ecosystem === e) && (!d || r.dis);
      for (var j = 0; ok && j < terms.length; j++) {
        ok = r.hay.indexOf(terms[j]) >= 0;
      }
      if (ok !== r.shown) {
        r.shown = ok;
        r.el.hidden = !ok;
      }
      if (ok) {
        n++;
      }
    }
    count.textContent = format.replace("{n}", n).replace("{m}", rows.length);
  }
  filter.addEventListener("input", apply);
  [byVerdict, byCategory, byEcosystem, disagree].forEach(function (input) {
    input.addEventListener("change", apply);
  });
  controls.addEventListener("submit", function (ev) {
    ev.preventDefault();
  });

  // Verdicts and categories sort in the order their filters list them
  // (what needs attention first; least to most demanding), the rest as
  // text with numbers compared as numbers (1.10.0 after 1.9.0). Ties keep
  // the report's order.
  function ranks(select) {
    var m = {};
    for (var i = 0; i < select.options.length; i++) {
      m[select.options[i].value] = i;
    }
    return m;
  }
  var order = {verdict: ranks(byVerdict), category: ranks(byCategory)};
  var collator = new Intl.Collator(root.lang, {numeric: true, sensitivity: "base"});

  function sortBy(key, dir) {
    var rank = order[key];
    var sorted = rows.slice().sort(function (a, b) {
      var x = a[key], y = b[key];
      if (rank) {
        return ((rank[x] || 0) - (rank[y] || 0)) * dir || a.i - b.i;
      }
      if (x === "" || y === "") {
        return (x === "") - (y === "") || a.i - b.i; // empty cells last
      }
      return collator.compare(x, y) * dir || a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    for (var i = 0; i < sorted.length; i++) {
      frag.appendChild(sorted[i].el);
    }
    table.appendChild(frag);
  }

  var heads = table.querySelectorAll("[role=columnheader]");
  Array.prototype.forEach.call(heads, function (th) {
    var button = el("button");
    button.type = "button";
    while (th.firstChild) {
      button.appendChild(th.firstChild);
    }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      sortBy(th.getAttribute("data-key"), dir);
    });
  });

  // A click on a package's row unfolds its evidence (unless the reader
  // was selecting text).
  table.addEventListener("click", function (ev) {
    var row = ev.target.closest(".r");
    if (!row || ev.target.closest("a, button, abbr") || String(window.getSelection())) {
      return;
    }
    var d = row.nextElementSibling;
    if (d && d.tagName === "DETAILS") {
      d.open = !d.open;
    } else if (d && d.tagName === "BUTTON") {
      unfold(d);
    }
  });

  controls.hidden = false;
  apply();
  root.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) {
    performance.mark("heng-ready"); // for the load benchmark
  }
})();
