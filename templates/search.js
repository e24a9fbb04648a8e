/* statusgen — the little script of every page: offline search, and a language
   switch that keeps the reader's place.

   The index (search-index.js) is a script, so search works from file:// with
   nothing fetched.  Without JavaScript every page still works: the search form
   leads to the home page, which lists every code, and the language switch is a
   plain link to the same page in the other language.

   Search is an ARIA combobox: the focus stays in the box, the arrow keys move
   through the results, Enter opens the chosen one (the first by default) and
   Escape closes the list.  "/" anywhere on a page jumps to the box. */
(function () {
  "use strict";
  var body = document.body;
  var lang = body.getAttribute("data-lang") === "en" ? "en" : "zh";
  var other = lang === "zh" ? "en" : "zh";
  var base = body.getAttribute("data-base") || "";

  /* ------------------------------------------------ language switch */
  /* Meaning sections and groups have the same ids in both languages, so the
     other language's page is opened at the same anchor. */
  var sw = document.querySelector("a.lang-switch");
  if (sw) {
    var swHref = (sw.getAttribute("href") || "").split("#")[0];
    var syncSwitch = function () {
      sw.setAttribute("href", swHref + (window.location.hash.length > 1 ? window.location.hash : ""));
    };
    syncSwitch();
    window.addEventListener("hashchange", syncSwitch);
    sw.addEventListener("click", syncSwitch);
  }

  /* ------------------------------------------------------- search */
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list) return;
  /* The combobox roles are given here, where the behaviour is: without
     JavaScript the box is a plain search field. */
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", list.getAttribute("data-label") || "");
  var noneText = (status && status.getAttribute("data-none")) || "No matching code.";
  var countText = (status && status.getAttribute("data-count")) || "{n}";

  /* Text as it is compared: compatibility forms folded (full-width digits
     and letters), lower case, apostrophes dropped, spaces collapsed. */
  function fold(s) {
    s = String(s || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s.toLowerCase().replace(/['\u2019`]/g, "").replace(/\s+/g, " ").trim();
  }

  /* Each entry's searchable fields, best first; the weight orders the hits. */
  var entries = (window.STATUSGEN_INDEX || []).map(function (e, i) {
    var f = [];
    function add(text, w) { if (text) f.push({ t: fold(text), w: w }); }
    add(e[lang].title, 10);
    add(e[other].title, 12);
    e[lang].aliases.forEach(function (a) { add(a, 14); });
    e[other].aliases.forEach(function (a) { add(a, 16); });
    add(e.vendor, 18);
    add(e[lang].summary, 30);
    add(e[other].summary, 32);
    return { e: e, i: i, f: f };
  });

  /* 0 when `q` starts the text, 1 when it starts a word, 3 elsewhere, -1 if absent. */
  function where(text, q) {
    var i = text.indexOf(q);
    if (i < 0) return -1;
    if (i === 0) return 0;
    return /[\s\-\/(“"]/.test(text.charAt(i - 1)) ? 1 : 3;
  }

  /* The score of one entry for query q (lower is better), or -1. */
  function score(x, q) {
    var code = x.e.code, m, best = -1, k, p;
    if (/^\d{1,3}$/.test(q))
      return code === q ? 0 : code.indexOf(q) === 0 ? 1 : -1;
    if ((m = /^(\d)xx$/.exec(q)))
      return code.charAt(0) === m[1] ? 1 : -1;
    for (k = 0; k < x.f.length; k++) {
      p = where(x.f[k].t, q);
      if (p >= 0 && (best < 0 || x.f[k].w + p < best)) best = x.f[k].w + p;
    }
    if (best >= 0) return best;
    /* "404 not found", "gateway 504", "nginx closed": every word matches
       the number or some field. */
    var words = q.split(" ");
    if (words.length < 2) return -1;
    var worst = 0;
    for (var w = 0; w < words.length; w++) {
      var wb = -1;
      if (/^\d{1,3}$/.test(words[w]) && code.indexOf(words[w]) === 0) wb = 0;
      for (k = 0; k < x.f.length; k++)
        if (x.f[k].t.indexOf(words[w]) >= 0 && (wb < 0 || x.f[k].w < wb)) wb = x.f[k].w;
      if (wb < 0) return -1;
      if (wb > worst) worst = wb;
    }
    return 50 + worst;
  }

  var hits = [];
  var selected = -1;

  function setStatus(text, visible) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("visually-hidden", !visible);
  }

  function open(yes) {
    list.hidden = !yes;
    input.setAttribute("aria-expanded", yes ? "true" : "false");
    if (!yes) select(-1);
  }

  function span(cls, text) {
    var el = document.createElement("span");
    el.className = cls;
    el.textContent = text;
    return el;
  }

  /* <a role=option>: the number, then the title, the vendor and the title in
     the other language. */
  function option(h, n) {
    var e = h.e, a = document.createElement("a"), text = span("hit-text", "");
    a.id = "search-hit-" + n;
    a.href = base + e.href;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    a.appendChild(span("num", e.code));
    text.appendChild(span("hit-title", e[lang].title));
    if (e.vendor) {
      text.appendChild(document.createTextNode(" "));
      text.appendChild(span("tag tag-vendor", e.vendor));
    }
    if (e[other].title && e[other].title !== e[lang].title) {
      var alt = span("hit-alt", e[other].title);
      alt.lang = other === "zh" ? "zh-Hans" : "en";
      text.appendChild(document.createTextNode(" "));
      text.appendChild(alt);
    }
    a.appendChild(text);
    var li = document.createElement("li");
    li.setAttribute("role", "presentation");
    li.appendChild(a);
    return li;
  }

  function render() {
    var q = fold(input.value);
    list.textContent = "";
    hits = [];
    selected = -1;
    input.removeAttribute("aria-activedescendant");
    if (!q) {
      setStatus("", false);
      open(false);
      return;
    }
    entries.forEach(function (x) {
      var s = score(x, q);
      if (s >= 0) hits.push({ e: x.e, s: s, i: x.i });
    });
    hits.sort(function (a, b) { return a.s - b.s || a.i - b.i; });
    hits.forEach(function (h, n) { list.appendChild(option(h, n)); });
    if (hits.length) {
      setStatus(countText.replace("{n}", String(hits.length)), false);
      open(true);
    } else {
      setStatus(noneText, true);
      open(false);
    }
  }

  function options() { return list.querySelectorAll("[role=option]"); }

  function select(n) {
    var a = options();
    if (selected >= 0 && a[selected]) a[selected].setAttribute("aria-selected", "false");
    selected = -1;
    input.removeAttribute("aria-activedescendant");
    if (n < 0 || !a.length) return;
    selected = (n + a.length) % a.length;
    a[selected].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", a[selected].id);
    if (a[selected].scrollIntoView) a[selected].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", render);
  input.addEventListener("focus", function () { if (hits.length && list.hidden) open(true); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (list.hidden) { if (!hits.length) render(); if (hits.length) open(true); }
      if (!hits.length) return;
      select(ev.key === "ArrowDown" ? selected + 1 : selected < 0 ? hits.length - 1 : selected - 1);
    } else if (ev.key === "Escape") {
      /* The first Escape closes the list and keeps the text (a search
         box would clear it), the second clears it. */
      ev.preventDefault();
      if (!list.hidden) open(false);
      else { input.value = ""; render(); }
    }
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!hits.length) render();
    var a = options();
    if (a.length) window.location.href = a[selected >= 0 ? selected : 0].href;
  });
  document.addEventListener("click", function (ev) {
    if (!form.contains(ev.target)) open(false);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = document.activeElement;
    if (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) return;
    ev.preventDefault();
    input.focus();
    input.select();
  });

  /* index.html?q=teapot: where the form leads without JavaScript; with it,
     such a link shows the results at once. */
  var m = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { input.value = ""; }
    render();
  }
})();
