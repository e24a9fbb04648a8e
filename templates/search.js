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

  /* ------------------------------------------- table of contents */
  /* The contents are folded so that a phone's first screen shows the answer;
     a wide screen has room for them open. */
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) toc.open = true;

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

  /* ------------------------------------------------ the index, prepared */
  /* The index (gen/search.c): meanings in the site's order, a number's
     leading meaning first; sub-status codes; Traditional→Simplified pairs. */
  var IX = window.STATUSGEN_INDEX || { m: [], x: [], t: "" };
  var L = lang === "zh" ? 0 : 1, O = 1 - L;

  var t2s = {};
  (function () {
    var cs = Array.from ? Array.from(IX.t || "") : String(IX.t || "").split("");
    for (var i = 0; i + 1 < cs.length; i += 2) t2s[cs[i]] = cs[i + 1];
  })();

  var HAN = "\u3400-\u9fff\uf900-\ufaff";
  var hanLatin = new RegExp("([" + HAN + "])(?=[a-z0-9])", "g");
  var latinHan = new RegExp("([a-z0-9])(?=[" + HAN + "])", "g");
  var hasHan = new RegExp("[" + HAN + "]");

  /* Text as it is compared, for the index and the query alike: compatibility
     forms folded (full-width digits and letters), lower case, apostrophes
     dropped, punctuation to spaces (but the dot of 403.14), Chinese split
     from Latin letters and digits ("404错误" → "404 错误"), spaces collapsed. */
  function fold(s) {
    s = String(s || "");
    if (s.normalize) s = s.normalize("NFKC");
    s = s.toLowerCase().replace(/['\u2018\u2019`]/g, "");
    s = s.replace(/[\u201c\u201d"\u300c\u300d\u300e\u300f\u300a\u300b\uff08\uff09()\[\]{}\uff0c\u3002\u3001\uff1a\uff1b\uff01\uff1f,;:!?<>|\\*_=+~#@&\-\/\u2013\u2014\u00b7]/g, " ");
    s = s.replace(/\.(?!\d)|(^|[^\d])\./g, "$1 ");
    s = s.replace(hanLatin, "$1 ").replace(latinHan, "$1 ");
    return s.replace(/\s+/g, " ").trim();
  }
  /* Traditional characters to Simplified, one by one. */
  function simplify(s) {
    var out = "", c;
    for (var i = 0; i < s.length; i++) { c = s.charAt(i); out += t2s[c] || c; }
    return out;
  }

  /* The words around a number that say nothing about which code: "HTTP 404",
     "404错误", "error 502", "HTTP/1.1 404 Not Found", "502是什么意思". */
  var NOISE = {};
  ("http https status code codes statuscode error errors err response responses the a an is " +
   "what whats does mean meaning means how to fix got get post put delete head patch options " +
   "1.0 1.1 2 3 h2 h3 错误 状态码 报错 状态 错误码 响应码 返回码 返回 码 代码 是 什么 的 意思 什么意思 " +
   "怎么办 怎么 解决 原因 出现 遇到 页面 网页 问题 了 吗").split(" ").forEach(function (w) { NOISE[w] = 1; });

  /* A light English stemmer, for the index and the query alike: "limiting",
     "limits" and "limit" are one word, so are "deleted" and "delete". */
  function stem(w) {
    if (w.length < 5 || !/^[a-z]+$/.test(w)) return w;
    var m = /^(.{3,}?)(ations?|ings?|ions?|ates?|ated|edly|ed|es|ers?|ly|s)$/.exec(w);
    if (m) w = m[1];
    return w.length > 4 && w.charAt(w.length - 1) === "e" ? w.slice(0, -1) : w;
  }
  function words(s) { return s ? s.split(" ").map(stem) : []; }

  /* Each meaning's names (titles, aliases, Traditional forms), vendor and
     summaries, folded once. */
  var ms = (IX.m || []).map(function (r, i) {
    var names = [], n;
    function name(t, w) { t = fold(t); if (t) names.push({ t: t, w: w, ws: words(t) }); }
    name(r[4][L], 0);
    name(r[4][O], 0);
    r[5][L].forEach(function (a) { name(a, 1); });
    r[5][O].forEach(function (a) { name(a, 1); });
    r[7].forEach(function (a) { name(a, 1); });
    n = { i: i, code: r[0], href: r[1], vendor: r[2], reg: r[3], title: r[4], names: names,
          vend: fold(r[2]), sum: [fold(r[6][0]), fold(r[6][1])] };
    n.vws = words(n.vend);
    n.sws = [words(n.sum[0]), words(n.sum[1])];
    return n;
  });
  /* Numbers, each with its meanings in order (the first leads). */
  var numbers = [], byCode = {};
  ms.forEach(function (m) {
    var g = byCode[m.code];
    if (!g) { g = byCode[m.code] = { code: m.code, ms: [] }; numbers.push(g); }
    g.ms.push(m);
  });
  var subs = (IX.x || []).map(function (r) {
    var x = { code: r[0], m: ms[r[1]], text: [r[2], r[3]], name: [r[4], r[5]],
              f: [fold(r[4]), fold(r[5]), fold(r[2]), fold(r[3])] };
    x.ws = x.f.map(words);
    return x;
  });

  /* ------------------------------------------------------ matching */

  /* One wrong, missing, extra or swapped letter (Damerau–Levenshtein ≤ 1). */
  function near(a, b) {
    var la = a.length, lb = b.length, i = 0, j;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (i === la && i === lb) return true;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) &&
        a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* How well word w matches a list of words: 0 whole word, 1 start of a word,
     3 one letter off (words of five letters or more), -1 not at all.
     Chinese "words" match anywhere inside a Chinese word. */
  function wordIn(w, ws) {
    var best = -1, k, x, han = hasHan.test(w);
    for (k = 0; k < ws.length; k++) {
      x = ws[k];
      if (x === w) return 0;
      if (han ? x.indexOf(w) >= 0 : x.indexOf(w) === 0) best = best < 0 || best > 1 ? 1 : best;
      else if (!han && w.length >= 5 && best < 0 && near(w, x)) best = 3;
    }
    return best;
  }

  /* The score of meaning m for the folded query q of words qw (lower is
     better), or -1: an exact name, a name it starts, a phrase inside a
     name, then every word found in names, the vendor or the summaries. */
  function textScore(m, q, qw) {
    var best = -1, k, nm, p, s, w, c, total, f;
    for (k = 0; k < m.names.length; k++) {
      nm = m.names[k];
      if (nm.t === q) s = 10 + nm.w;
      else if (nm.t.indexOf(q) === 0) s = 20 + nm.w;
      else if ((p = nm.t.indexOf(q)) > 0 && (hasHan.test(q) || nm.t.charAt(p - 1) === " ")) s = 24 + nm.w;
      /* A log line or an error page that quotes a name: "upstream timed out
         while reading response header". */
      else if (nm.t.length >= 8 && (p = (" " + q + " ").indexOf(" " + nm.t + " ")) >= 0) s = 26 + nm.w;
      else if (nm.t.length >= 4 && hasHan.test(nm.t) && q.indexOf(nm.t) >= 0) s = 26 + nm.w;
      else continue;
      if (best < 0 || s < best) best = s;
    }
    if (best >= 0) return best;
    if (!qw.length) return -1;
    /* Word by word: most of the words must be found; each word missed costs. */
    var missed = 0, need = qw.length <= 2 ? qw.length : Math.ceil(qw.length * 0.6);
    total = 0;
    for (k = 0; k < qw.length; k++) {
      w = qw[k];
      c = -1;
      for (var j = 0; j < m.names.length; j++) {
        f = wordIn(w, m.names[j].ws);
        if (f >= 0 && (c < 0 || f < c)) c = f;
      }
      if (c < 0 && (f = wordIn(w, m.vws)) >= 0) c = f;
      if (c < 0 && (f = wordIn(w, m.sws[L])) >= 0) c = 4 + f;
      if (c < 0 && (f = wordIn(w, m.sws[O])) >= 0) c = 5 + f;
      if (c < 0 && hasHan.test(w)) c = hanNear(w, m);
      if (c < 0) {
        if (STOP[w]) continue;
        missed++;
        continue;
      }
      total += c;
    }
    if (qw.length - missed < need) return -1;
    return 30 + total + missed * 12;
  }

  /* English words a sentence-like query carries that say little. */
  var STOP = {};
  ("the a an of on in at to for from by with this that was were be been is are it its you your " +
   "dont don't cant can't i my me we our server's").split(" ").forEach(function (w) { STOP[w] = 1; });

  /* Chinese written another way ("上传文件太大" for 上传文件过大): the share of
     the word's character pairs found in one name, or in a summary. */
  function pairs(w) {
    var out = [];
    for (var i = 0; i + 1 < w.length; i++) out.push(w.substr(i, 2));
    return out;
  }
  function hanNear(w, m) {
    var ps = pairs(w), best = 0, k, n, hit, text;
    if (ps.length < 2) return -1;
    for (k = 0; k <= m.names.length; k++) {
      text = k < m.names.length ? m.names[k].t : m.sum[0];
      hit = 0;
      for (n = 0; n < ps.length; n++) if (text.indexOf(ps[n]) >= 0) hit++;
      hit = (hit / ps.length) * (k < m.names.length ? 1 : 0.8);
      if (hit > best) best = hit;
    }
    return best >= 0.5 || (ps.length >= 4 && best >= 0.4) ? Math.round(8 + (1 - best) * 12) : -1;
  }

  /* The score of sub-status code x: its short names (x.f[0], x.f[1]) as a
     meaning's names, its descriptions (x.f[2], x.f[3]) as summaries. */
  function subScore(x, q, qw) {
    var best = -1, l, t, s, k, c, total;
    for (l = 0; l < 4; l++) {
      t = x.f[l];
      if (!t) continue;
      if (t === q) s = l < 2 ? 11 : 15;
      else if (t.indexOf(q) === 0) s = l < 2 ? 19 : 22;
      else if (t.indexOf(q) > 0 && (hasHan.test(q) || t.charAt(t.indexOf(q) - 1) === " ")) s = 26;
      else if (l < 2 && t.length >= 8 && (" " + q + " ").indexOf(" " + t + " ") >= 0) s = 26;
      else {
        total = 0;
        for (k = 0; k < qw.length && total >= 0; k++) {
          c = wordIn(qw[k], x.ws[l]);
          if (c < 0 && wordIn(qw[k], x.m.vws) >= 0) c = 0; /* "IIS 403.14" */
          if (c < 0 && hasHan.test(qw[k]) && t.indexOf(qw[k]) >= 0) c = 1;
          total = c < 0 ? -1 : total + c;
        }
        if (total < 0 || !qw.length) continue;
        s = (l < 2 ? 30 : 34) + total;
      }
      if (best < 0 || s < best) best = s;
    }
    return best;
  }

  /* Does the query name m's vendor ("nginx 499", "cloudflare origin")? */
  function namesVendor(m, qw) {
    if (!m.vend) return false;
    for (var k = 0; k < qw.length; k++)
      if (qw[k].length >= 3 && wordIn(qw[k], m.vws) >= 0 && wordIn(qw[k], m.vws) < 3) return true;
    return false;
  }

  /* The results for query text `raw`: numbers (each with its matching
     meanings, the best first) and sub-status codes, best first. */
  function search(raw) {
    var q = fold(raw), out = [], seen = {}, k;
    if (!q) return out;
    var qs = [q], sq = simplify(q);
    if (sq !== q) qs.push(sq);
    var all = words(q), nums = [], subq = [], rest = [];
    all.forEach(function (w) {
      if (/^\d{3}$/.test(w)) nums.push(w);
      else if (/^\d{3}\.\d{1,3}$/.test(w)) subq.push(w);
    });
    /* Only digits, short: codes that start with them ("4", "40"). */
    if (/^\d{1,2}$/.test(q) || /^\dxx$/.test(q)) {
      numbers.forEach(function (g) {
        if (g.code.indexOf(q.charAt(0) === q ? q : q.replace("xx", "")) === 0)
          out.push({ g: g, ms: [g.ms[0]], s: 0 });
      });
      return out;
    }
    var named = nums.length + subq.length > 0;
    all.forEach(function (w) {
      if (/^\d{3}(\.\d{1,3})?$/.test(w)) return;
      if (named && NOISE[w]) return;
      rest.push(w);
    });

    /* Sub-status codes typed as such: "403.14", "HTTP Error 500.19". */
    subq.forEach(function (c) {
      subs.forEach(function (x) {
        if (x.code === c && !seen[c]) { seen[c] = 1; out.push({ x: x, s: 0 }); }
      });
      if (!nums.length && byCode[c.slice(0, 3)] && nums.indexOf(c.slice(0, 3)) < 0) nums.push(c.slice(0, 3));
    });
    /* Numbers typed as such, with the meaning the other words point to. */
    nums.forEach(function (c) {
      var g = byCode[c];
      if (!g || seen[c]) return;
      seen[c] = 1;
      var ranked = g.ms.map(function (m, n) {
        var s = n, t;
        if (namesVendor(m, rest)) s -= 100;
        else if (rest.length) {
          t = -1;
          for (k = 0; k < qs.length; k++) {
            var one = textScore(m, rest.join(" "), words(simplify(rest.join(" "))));
            if (one >= 0 && (t < 0 || one < t)) t = one;
          }
          if (t >= 0) s -= 50 - t / 10;
        }
        return { m: m, s: s };
      });
      ranked.sort(function (a, b) { return a.s - b.s; });
      out.push({ g: g, ms: ranked.map(function (r) { return r.m; }), s: 1 });
      /* "IIS 目录浏览 403": the number's sub-status codes the words describe. */
      if (rest.length) {
        var rq = rest.join(" ");
        subs.forEach(function (x) {
          if (x.code.slice(0, 3) !== c || seen[x.code]) return;
          var sc = subScore(x, rq, words(rq));
          if (sc < 0 && simplify(rq) !== rq) sc = subScore(x, simplify(rq), words(simplify(rq)));
          if (sc >= 0) out.push({ x: x, s: 1 + sc / 100 });
        });
      }
    });
    if (named && out.length) return out;

    /* Words: every meaning scored; a number's matching meanings together. */
    var found = {};
    ms.forEach(function (m) {
      var best = -1;
      qs.forEach(function (qq) {
        var s = textScore(m, qq, words(qq).filter(function (w) { return !/^\d{3}$/.test(w); }));
        if (s >= 0 && (best < 0 || s < best)) best = s;
      });
      if (best < 0) return;
      if (namesVendor(m, words(q))) best -= 8;
      var r = found[m.code];
      if (!r) { r = found[m.code] = { g: byCode[m.code], hits: [], s: best }; out.push(r); }
      r.hits.push({ m: m, s: best });
      if (best < r.s) r.s = best;
    });
    out.forEach(function (r) {
      if (!r.hits) return;
      /* The leading meaning first unless another matched better. */
      r.hits.sort(function (a, b) { return a.s - b.s || a.m.i - b.m.i; });
      r.ms = r.hits.map(function (h) { return h.m; });
      /* A registered code before a vendor's use of another number. */
      if (r.g.ms[0].reg === "i") r.s -= 0.5;
    });
    subs.forEach(function (x) {
      var best = -1;
      qs.forEach(function (qq) {
        var s = subScore(x, qq, words(qq));
        if (s >= 0 && (best < 0 || s < best)) best = s;
      });
      if (best >= 0 && !seen[x.code]) out.push({ x: x, s: best });
    });
    out.sort(function (a, b) {
      return a.s - b.s || (a.g ? a.g.ms[0].i : a.x.m.i) - (b.g ? b.g.ms[0].i : b.x.m.i);
    });
    return out;
  }
  window.statusgenSearch = search; /* for the browser tests and the curious */

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
     the other language; for a number, its other matching meanings; for a
     sub-status code, its description and the meaning it belongs to. */
  function option(h, n) {
    var a = document.createElement("a"), text = span("hit-text", ""), m, alt;
    a.id = "search-hit-" + n;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    if (h.x) {
      a.href = base + h.x.m.href.split("#")[0] + "#" + h.x.code;
      a.appendChild(span("num", h.x.code));
      text.appendChild(span("hit-title", h.x.text[L] || h.x.text[O]));
      if (h.x.m.vendor) {
        text.appendChild(document.createTextNode(" "));
        text.appendChild(span("tag tag-vendor", h.x.m.vendor));
      }
    } else {
      m = h.ms[0];
      a.href = base + m.href;
      a.appendChild(span("num", m.code));
      text.appendChild(span("hit-title", m.title[L]));
      if (m.vendor) {
        text.appendChild(document.createTextNode(" "));
        text.appendChild(span("tag tag-vendor", m.vendor));
      }
      if (m.title[O] && m.title[O] !== m.title[L]) {
        alt = span("hit-alt", m.title[O]);
        alt.lang = other === "zh" ? "zh-Hans" : "en";
        text.appendChild(document.createTextNode(" "));
        text.appendChild(alt);
      }
      if (h.ms.length > 1) {
        var more = span("hit-more", "");
        h.ms.slice(1).forEach(function (x, k) {
          more.appendChild(document.createTextNode(k ? " · " : "+ "));
          more.appendChild(document.createTextNode(x.vendor || x.title[L]));
        });
        text.appendChild(document.createTextNode(" "));
        text.appendChild(more);
      }
    }
    a.appendChild(text);
    var li = document.createElement("li");
    li.setAttribute("role", "presentation");
    li.appendChild(a);
    return li;
  }

  /* At most this many results are listed. */
  var MAX_HITS = 20;

  function render() {
    list.textContent = "";
    selected = -1;
    input.removeAttribute("aria-activedescendant");
    if (!fold(input.value)) {
      hits = [];
      setStatus("", false);
      open(false);
      return;
    }
    hits = search(input.value).slice(0, MAX_HITS);
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
