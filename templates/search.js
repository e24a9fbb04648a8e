/* statusgen — offline search.  The index (search-index.js) is a script, so this
   works from file:// with nothing fetched.  Without JavaScript the search form
   simply leads to the home page, which lists every code. */
(function () {
  "use strict";
  var index = window.STATUSGEN_INDEX || [];
  var body = document.body;
  var lang = body.getAttribute("data-lang") || "zh";
  var base = body.getAttribute("data-base") || "";
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;
  var other = lang === "zh" ? "en" : "zh";
  var noneText = list.getAttribute("data-none") || (lang === "zh" ? "没有匹配的状态码。" : "No matching code.");
  var selected = -1;

  function norm(s) { return (s || "").toLowerCase(); }

  function score(e, q) {
    if (/^\d{1,3}$/.test(q)) return e.code.indexOf(q) === 0 ? (e.code === q ? 0 : 1) : -1;
    var best = -1;
    function hit(text, s) {
      var i = norm(text).indexOf(q);
      if (i >= 0 && (best < 0 || s + (i ? 1 : 0) < best)) best = s + (i ? 1 : 0);
    }
    [lang, other].forEach(function (l, k) {
      var x = e[l];
      hit(x.title, 2 + k);
      x.aliases.forEach(function (a) { hit(a, 4 + k); });
      hit(x.summary, 8 + k);
    });
    if (e.vendor) hit(e.vendor, 6);
    return best;
  }

  function render(q) {
    list.textContent = "";
    selected = -1;
    q = norm(q.trim());
    if (!q) { list.hidden = true; return; }
    var hits = [];
    index.forEach(function (e, i) {
      var s = score(e, q);
      if (s >= 0) hits.push({ e: e, s: s, i: i });
    });
    hits.sort(function (a, b) { return a.s - b.s || a.i - b.i; });
    hits.slice(0, 30).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + h.e.href;
      var num = document.createElement("span");
      num.className = "num";
      num.textContent = h.e.code;
      a.appendChild(num);
      a.appendChild(document.createTextNode(" " + h.e[lang].title));
      if (h.e.vendor) {
        var tag = document.createElement("span");
        tag.className = "tag";
        tag.textContent = h.e.vendor;
        a.appendChild(tag);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!hits.length) {
      var li = document.createElement("li");
      li.className = "none";
      li.textContent = noneText;
      list.appendChild(li);
    }
    list.hidden = false;
  }

  function links() { return list.querySelectorAll("a"); }

  function select(n) {
    var a = links();
    if (!a.length) return;
    if (selected >= 0 && a[selected]) a[selected].removeAttribute("aria-selected");
    selected = (n + a.length) % a.length;
    a[selected].setAttribute("aria-selected", "true");
    a[selected].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () { render(input.value); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); select(selected + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); select(selected - 1); }
    else if (ev.key === "Escape") { input.value = ""; render(""); }
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var a = links();
    if (a.length) window.location.href = a[selected >= 0 ? selected : 0].href;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== input &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      input.focus();
    }
  });
  var m = /[?&]q=([^&]*)/.exec(window.location.search);
  if (m) {
    input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
    render(input.value);
  }
})();
