/* statusgen — the little script of every page: offline search, and a language
   switch that keeps the reader's place.

   The index (search-index.js) is a script, so search works from file:// with
   nothing fetched.  Without JavaScript every page still works: the search form
   leads to the home page, which lists every code, and the language switch is a
   plain link to the same page in each other edition (简体, 繁體, English).

   Search is an ARIA combobox: the focus stays in the box, the arrow keys move
   through the results, Enter opens the chosen one (the first by default) and
   Escape closes the list.  "/" anywhere on a page jumps to the box. */
(function () {
  "use strict";
  var body = document.body;
  var lang = body.getAttribute("data-lang") || "zh";
  var base = body.getAttribute("data-base") || "";

  /* ------------------------------------------------ language switch */
  /* Meaning sections and groups have the same ids in every edition, so each
     switch opens its edition's page at the same anchor. */
  Array.prototype.forEach.call(document.querySelectorAll("a.lang-switch"), function (sw) {
    var swHref = (sw.getAttribute("href") || "").split("#")[0];
    var syncSwitch = function () {
      sw.setAttribute("href", swHref + (window.location.hash.length > 1 ? window.location.hash : ""));
    };
    syncSwitch();
    window.addEventListener("hashchange", syncSwitch);
    sw.addEventListener("click", syncSwitch);
  });

  /* ------------------------------------------- table of contents */
  /* The contents are folded so that a phone's first screen shows the answer;
     a wide screen has room for them open. */
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) toc.open = true;

  /* ---------------------------------------------------- copy buttons */
  /* Each message of an HTTP example gets a button that copies it as text. */
  var copyLabel = body.getAttribute("data-copy") || "Copy", copiedLabel = body.getAttribute("data-copied") || "Copied";
  if (navigator.clipboard) {
    Array.prototype.forEach.call(document.querySelectorAll(".http-message"), function (msg) {
      var pre = msg.querySelector("pre"), b = document.createElement("button");
      if (!pre) return;
      b.type = "button";
      b.className = "copy";
      b.textContent = copyLabel;
      b.addEventListener("click", function () {
        navigator.clipboard.writeText(pre.textContent.replace(/\n$/, "\n")).then(function () {
          b.textContent = copiedLabel;
          window.setTimeout(function () { b.textContent = copyLabel; }, 1500);
        }, function () {});
      });
      msg.appendChild(b);
    });
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
  var countOne = (status && status.getAttribute("data-count-one")) || countText;

  /* ------------------------------------------------ the index, prepared */
  /* The index (gen/search.c): meanings in the site's order, a number's
     leading meaning first; sub-status codes; Traditional→Simplified pairs. */
  var IX = window.STATUSGEN_INDEX || { m: [], x: [], t: "" };
  /* The index's texts are [zh, en, zh-Hant]: L is this page's, O the one
     shown beside it (English, or on English pages Simplified Chinese). */
  var L = lang === "en" ? 1 : lang === "zh-Hant" ? 2 : 0, O = L === 1 ? 0 : 1;

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

  /* ------------------------------------------- what can be found */
  /* Owners of text: every meaning, then every sub-status code.  Each has
     names (a meaning's titles, aliases and Traditional forms; a sub-status
     code's short names), which a query can equal or start, and texts
     (names, vendor, summaries, descriptions) whose words a query's words can
     match.  An inverted index from words, and from pairs of Chinese
     characters, to owners keeps a keystroke's work small. */
  var owners = [];
  var vocab = [], vid = {}, posts = [];   /* word → its id → [owner, cost, …] */
  var pairPosts = {};                     /* two Han characters → [owner, text, weight, …] */

  function pairsOf(w) {
    var out = [];
    for (var i = 0; i + 1 < w.length; i++) out.push(w.substr(i, 2));
    return out;
  }
  /* Indexes text t of owner o: its words, at `cost`; its character pairs. */
  function indexText(o, t, cost, weight) {
    var ws = words(t), k, id, seen = {};
    for (k = 0; k < ws.length; k++) {
      if (!ws[k] || seen[ws[k]]) continue;
      seen[ws[k]] = 1;
      id = vid[ws[k]];
      if (id === undefined) { id = vid[ws[k]] = vocab.length; vocab.push(ws[k]); posts.push([]); }
      posts[id].push(o.n, cost);
    }
    if (hasHan.test(t)) {
      var ti = o.texts.length, ps = pairsOf(t.replace(/ /g, "")), got = {};
      o.texts.push({ pairs: ps.length, weight: weight });
      for (k = 0; k < ps.length; k++) {
        if (got[ps[k]] || !hasHan.test(ps[k])) continue;
        got[ps[k]] = 1;
        (pairPosts[ps[k]] || (pairPosts[ps[k]] = [])).push(o.n, ti, weight);
      }
    }
  }
  function owner(o) {
    o.n = owners.length;
    o.names = [];
    o.texts = [];
    owners.push(o);
    return o;
  }
  function addName(o, t, w) {
    t = fold(t);
    if (!t || (o.all && o.all.indexOf("\u0001" + t + "\u0001") >= 0)) return;
    o.names.push({ t: t, w: w, han: hasHan.test(t) });
    o.all = (o.all || "\u0001") + t + "\u0001";
    indexText(o, t, 0, 1);
  }

  var ms = [], numbers = [], byCode = {}, subs = [], ready = false;

  /* Prepares the index once: after the page has loaded (not to hold up its
     first paint), or at the first search if that comes sooner. */
  function prepare() {
    if (ready) return;
    ready = true;
    ms = (IX.m || []).map(function (r, i) {
      var o = owner({ i: i, code: r[0], href: r[1], vendor: r[2], reg: r[3], title: r[4] });
      /* The names in every language (a Traditional query finds the
         zh-Hant ones), this page's first. */
      addName(o, r[4][L], 0);
      r[4].forEach(function (t) { addName(o, t, 0); });
      r[5][L].forEach(function (a) { addName(o, a, 1); });
      r[5].forEach(function (as) { as.forEach(function (a) { addName(o, a, 1); }); });
      o.vend = fold(r[2]);
      o.vws = words(o.vend);
      indexText(o, o.vend, 0, 1);
      indexText(o, fold(r[6][L]), 4, 0.8);
      indexText(o, fold(r[6][O]), 5, 0.8);
      /* On zh-Hant pages, the Simplified summary too (a query typed in
         Simplified, or folded to it). */
      if (L === 2) indexText(o, fold(r[6][0]), 5, 0.8);
      return o;
    });
    /* Numbers, each with its meanings in order (the first leads). */
    ms.forEach(function (m) {
      var g = byCode[m.code];
      if (!g) { g = byCode[m.code] = { code: m.code, ms: [] }; numbers.push(g); }
      g.ms.push(m);
    });
    subs = (IX.x || []).map(function (r) {
      var m = ms[r[1]], x = owner({ code: r[0], m: m, text: r[2], name: r[3], sub: true });
      addName(x, r[3][L], 0);
      r[3].forEach(function (t) { addName(x, t, 0); });
      indexText(x, fold(r[2][L]), 4, 0.8);
      indexText(x, fold(r[2][O]), 5, 0.8);
      if (L === 2) indexText(x, fold(r[2][0]), 5, 0.8);
      x.desc = [fold(r[2][L]), fold(r[2][O])];
      return x;
    });
    lookups();
  }
  if (window.setTimeout) window.setTimeout(prepare, 0);

  /* ------------------------------------------------------ matching */

  /* One wrong, missing, extra or swapped letter (Damerau–Levenshtein ≤ 1). */
  function near(a, b) {
    var la = a.length, lb = b.length, i = 0;
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

  /* Where query word w is found: owner → cost.  A whole word costs 0, the
     start of a word (for Chinese, any part of a Chinese word) 1, a word of
     five letters or more with one letter off 3; plus the cost of the text
     (names 0, summaries 4 or 5).  Chinese written another way ("上传文件太大"
     for 上传文件过大) is found by its character pairs: most of them in one name
     or summary. */
  var found = {}, sorted = null, byLen = null, hanIds = null;
  /* The vocabulary's Latin words sorted (for prefixes) and by length (for
     one letter off), and its Chinese words: made at the first search. */
  function lookups() {
    var k, x;
    sorted = [];
    byLen = [];
    hanIds = {};
    for (k = 0; k < vocab.length; k++) {
      x = vocab[k];
      if (hasHan.test(x)) {
        /* A Chinese word under each of its characters. */
        for (var c = 0, seen = {}; c < x.length; c++)
          if (!seen[x.charAt(c)]) {
            seen[x.charAt(c)] = 1;
            (hanIds[x.charAt(c)] || (hanIds[x.charAt(c)] = [])).push(k);
          }
        continue;
      }
      sorted.push(k);
      (byLen[x.length] || (byLen[x.length] = [])).push(k);
    }
    sorted.sort(function (a, b) { return vocab[a] < vocab[b] ? -1 : vocab[a] > vocab[b] ? 1 : 0; });
  }
  var nfound = 0;
  function where(w) {
    if (found[w]) return found[w];
    if (++nfound > 256) { found = {}; nfound = 1; } /* a cache, not a leak */
    if (!sorted) lookups();
    var out = {}, han = hasHan.test(w), k, c, p, list, i, lo, hi, mid, len;
    function put(id, kind) {
      var ps = posts[id];
      for (var j = 0; j < ps.length; j += 2) {
        var cost = kind + ps[j + 1];
        if (out[ps[j]] === undefined || cost < out[ps[j]]) out[ps[j]] = cost;
      }
    }
    if (han) {
      /* The words that hold w: among those that hold its rarest character. */
      var few = null;
      for (k = 0; k < w.length; k++) {
        list = hanIds[w.charAt(k)];
        if (hasHan.test(w.charAt(k)) && (!few || !list || list.length < few.length)) few = list || [];
      }
      for (k = 0; few && k < few.length; k++)
        if (vocab[few[k]].indexOf(w) >= 0) put(few[k], vocab[few[k]] === w ? 0 : 1);
    } else {
      /* The words w starts: a range of the sorted vocabulary. */
      lo = 0;
      hi = sorted.length;
      while (lo < hi) {
        mid = (lo + hi) >> 1;
        if (vocab[sorted[mid]] < w) lo = mid + 1;
        else hi = mid;
      }
      for (k = lo; k < sorted.length && vocab[sorted[k]].lastIndexOf(w, 0) === 0; k++)
        if (vocab[sorted[k]] === w) put(sorted[k], 0);
        else if (w.length >= 2) put(sorted[k], 1);
      if (w.length >= 5)
        for (len = w.length - 1; len <= w.length + 1; len++)
          for (k = 0; byLen[len] && k < byLen[len].length; k++)
            if (vocab[byLen[len][k]] !== w && near(w, vocab[byLen[len][k]])) put(byLen[len][k], 3);
    }
    if (han && w.length >= 3) {
      var ps = pairsOf(w), hits = {};
      for (p = 0; p < ps.length; p++) {
        list = pairPosts[ps[p]];
        if (!list) continue;
        for (i = 0; i < list.length; i += 3) {
          var key = list[i] + ":" + list[i + 1];
          if (!hits[key]) hits[key] = { o: list[i], t: list[i + 1], w: list[i + 2], n: 0 };
          hits[key].n++;
        }
      }
      for (var h in hits) {
        var r = hits[h], share = (r.n / ps.length) * r.w;
        if (share >= 0.5 || (ps.length >= 4 && share >= 0.4)) {
          c = Math.round(8 + (1 - share) * 12);
          if (out[r.o] === undefined || c < out[r.o]) out[r.o] = c;
        }
      }
    }
    return (found[w] = out);
  }

  /* The score of owner o for the folded query q of words qw (lower is
     better), or -1: an exact name, a name it starts, a phrase inside a
     name, a name quoted by a longer query (a log line); then word by word,
     where most of the words must be found and each word missed costs. */
  function score(o, q, qw, extra) {
    var best = -1, k, nm, p, s, han = hasHan.test(q), padded = " " + q + " ";
    /* Most owners share nothing with the query: one look at all names at
       once says so, unless the query is long enough to quote a name. */
    if (o.all.indexOf(q) >= 0 || q.length >= 4) {
      for (k = 0; k < o.names.length; k++) {
        nm = o.names[k];
        if (nm.t.length >= q.length) {
          if (nm.t === q) s = 10 + nm.w;
          else if (nm.t.lastIndexOf(q, 0) === 0) s = 20 + nm.w;
          else if ((p = nm.t.indexOf(q)) > 0 && (han || nm.t.charAt(p - 1) === " ")) s = 24 + nm.w;
          else continue;
        }
        /* A log line or an error page that quotes a name: "upstream timed
           out while reading response header". */
        else if (nm.t.length >= 8 && padded.indexOf(" " + nm.t + " ") >= 0) s = 26 + nm.w;
        else if (nm.t.length >= 4 && nm.han && q.indexOf(nm.t) >= 0) s = 26 + nm.w;
        else continue;
        if (best < 0 || s < best) best = s;
      }
    }
    if (o.sub) {
      for (k = 0; k < 2; k++) {
        if (!o.desc[k]) continue;
        if (o.desc[k] === q || o.desc[k].lastIndexOf(q, 0) === 0) s = 22;
        else if ((p = o.desc[k].indexOf(q)) > 0 && (han || o.desc[k].charAt(p - 1) === " ")) s = 28;
        else continue;
        if (best < 0 || s < best) best = s;
      }
    }
    if (best >= 0) return best;
    if (!qw.length) return -1;
    var missed = 0, total = 0, need = qw.length <= 2 ? qw.length : Math.ceil(qw.length * 0.6), c;
    for (k = 0; k < qw.length; k++) {
      c = where(qw[k])[o.n];
      if (c === undefined && extra && extra(qw[k])) c = 0;
      if (c === undefined) {
        if (!STOP[qw[k]]) missed++;
        continue;
      }
      total += c;
    }
    if (qw.length - missed < need) return -1;
    return (o.sub ? 32 : 30) + total + missed * 12;
  }

  /* English words a sentence-like query carries that say little. */
  var STOP = {};
  ("the a an of on in at to for from by with this that was were be been is are it its you your " +
   "dont cant i my me we our").split(" ").forEach(function (w) { STOP[w] = 1; });

  /* Does the query name m's vendor ("nginx 499", "cloudflare origin")? */
  function namesVendor(m, qw) {
    for (var k = 0; k < qw.length; k++) {
      if (qw[k].length < 3) continue;
      for (var j = 0; j < m.vws.length; j++)
        if (m.vws[j] === qw[k] || (qw[k].length >= 4 && m.vws[j].lastIndexOf(qw[k], 0) === 0)) return true;
    }
    return false;
  }
  /* A sub-status code's meaning's vendor counts as one of its words: "IIS 403.14". */
  function vendorOf(x) {
    return function (w) { return namesVendor(x.m, [w]); };
  }

  /* The results for query text `raw`: numbers (each with its matching
     meanings, the best first) and sub-status codes, best first. */
  function search(raw) {
    var q = fold(raw), out = [], seen = {}, k;
    prepare();
    if (!q) return out;
    var qs = [q], sq = simplify(q);
    if (sq !== q) qs.push(sq);
    var all = words(q), nums = [], subq = [], rest = [];
    q.split(" ").forEach(function (w) {
      if (/^\d{3}$/.test(w)) nums.push(w);
      else if (/^\d{3}\.\d{1,3}$/.test(w)) subq.push(w);
    });
    /* Only digits, short: codes that start with them ("4", "40"); a class ("4xx"). */
    if (/^\d{1,2}$/.test(q) || /^\dxx$/.test(q)) {
      var prefix = q.replace("xx", "");
      numbers.forEach(function (g) {
        if (g.code.lastIndexOf(prefix, 0) === 0) out.push({ g: g, ms: [g.ms[0]], s: 0 });
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
      if (!nums.length && byCode[c.slice(0, 3)]) nums.push(c.slice(0, 3));
    });
    /* Numbers typed as such, with the meaning the other words point to,
       and the number's sub-status codes the words describe. */
    var rq = rest.join(" "), srq = simplify(rq), srw = words(srq);
    nums.forEach(function (c) {
      var g = byCode[c];
      if (!g || seen[c]) return;
      seen[c] = 1;
      var ranked = g.ms.map(function (m, n) {
        var s = n, t;
        if (namesVendor(m, rest)) s -= 100;
        else if (rest.length) {
          t = score(m, rq, rest);
          if (t < 0 && srq !== rq) t = score(m, srq, srw);
          if (t >= 0) s -= 50 - t / 10;
        }
        return { m: m, s: s };
      });
      ranked.sort(function (a, b) { return a.s - b.s; });
      out.push({ g: g, ms: ranked.map(function (r) { return r.m; }), s: 1 });
      if (rest.length) {
        subs.forEach(function (x) {
          if (x.code.slice(0, 3) !== c || seen[x.code]) return;
          var sc = score(x, rq, rest, vendorOf(x));
          if (sc < 0 && srq !== rq) sc = score(x, srq, srw, vendorOf(x));
          if (sc >= 0) out.push({ x: x, s: 1 + sc / 100 });
        });
      }
    });
    if (named && out.length) return out;

    /* Words: every meaning scored; a number's matching meanings together. */
    var groups = {}, qws = qs.map(function (x) { return words(x); });
    ms.forEach(function (m) {
      var best = -1;
      for (k = 0; k < qs.length; k++) {
        var s = score(m, qs[k], qws[k]);
        if (s >= 0 && (best < 0 || s < best)) best = s;
      }
      if (best < 0) return;
      if (namesVendor(m, all)) best -= 8;
      var r = groups[m.code];
      if (!r) { r = groups[m.code] = { g: byCode[m.code], hits: [], s: best }; out.push(r); }
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
      if (seen[x.code]) return;
      var best = -1;
      for (k = 0; k < qs.length; k++) {
        var s = score(x, qs[k], qws[k], vendorOf(x));
        if (s >= 0 && (best < 0 || s < best)) best = s;
      }
      if (best >= 0) out.push({ x: x, s: best });
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
        alt.lang = O === 1 ? "en" : "zh-Hans";
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
  var MAX_HITS = 12;

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
    var frag = document.createDocumentFragment();
    hits.forEach(function (h, n) { frag.appendChild(option(h, n)); });
    list.appendChild(frag);
    if (hits.length) {
      setStatus((hits.length === 1 ? countOne : countText).replace("{n}", String(hits.length)), false);
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

/* Tables that sort (compare.html): each column heading becomes a button; a
   first press sorts by that column, the next reverses it.  A cell sorts by its
   data-sort value when it has one (a year), else by its text; numbers as
   numbers; rows that tie keep their order.  Without JavaScript the table is
   simply in the order of the codes. */
(function () {
  "use strict";
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.querySelectorAll("thead th");
    var body = table.tBodies[0];
    if (!body) return;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") === "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row, i) {
          var cell = row.cells[col];
          var v = cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
          return { v: v, n: /^-?\d+(\.\d+)?$/.test(v) ? parseFloat(v) : NaN, i: i };
        };
        var keyed = rows.map(function (row, i) { return { row: row, k: key(row, i) }; });
        keyed.sort(function (a, b) {
          var c;
          if (!isNaN(a.k.n) && !isNaN(b.k.n)) c = a.k.n - b.k.n;
          else c = a.k.v.localeCompare(b.k.v);
          if (down) c = -c;
          return c || a.k.i - b.k.i;
        });
        keyed.forEach(function (x) { body.appendChild(x.row); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
      });
    });
  });
})();

/* The decision guide (choose.html): one question at a time.  The page holds
   the whole tree as nested lists, which is what a reader without JavaScript
   sees; this reads those lists and shows the current question with a button
   per answer, the answers given so far, and a way back.  The answers chosen
   are kept in the address (#2.1: the second answer, then the first), so that
   an answer can be linked, and the browser's back button steps back. */
(function () {
  "use strict";
  var guide = document.querySelector("section.guide");
  var tree = guide && guide.querySelector(".node");
  if (!tree) return;
  var text = function (name) { return guide.getAttribute("data-" + name) || ""; };
  var kids = function (el, sel) {
    return Array.prototype.filter.call(el.children, function (c) { return c.matches(sel); });
  };
  var answersOf = function (node) {
    var ul = kids(node, "ul.answers")[0];
    return ul ? kids(ul, "li") : [];
  };
  var panel = document.createElement("div");
  panel.className = "guide-step";
  guide.insertBefore(panel, tree);
  tree.hidden = true;
  var first = true;

  function go(path) {
    window.location.hash = path.length ? "#" + path.join(".") : "#start";
  }
  function render() {
    var m = /^#(\d+(?:\.\d+)*)$/.exec(window.location.hash);
    var path = m ? m[1].split(".").map(Number) : [];
    var node = tree, leaf = null, trail = [], kept = [];
    for (var i = 0; i < path.length && !leaf; i++) {
      var li = answersOf(node)[path[i] - 1];
      if (!li) break;
      kept.push(path[i]);
      trail.push([kids(node, "p.q")[0].textContent, kids(li, "span.a")[0].textContent]);
      var sub = kids(li, ".node")[0];
      if (sub) node = sub;
      else leaf = kids(li, "p.leaf")[0];
    }
    panel.textContent = "";
    if (trail.length) {
      var ol = document.createElement("ol");
      ol.className = "trail";
      trail.forEach(function (t) {
        var item = document.createElement("li");
        var q = document.createElement("span");
        q.className = "trail-q";
        q.textContent = t[0];
        item.appendChild(q);
        item.appendChild(document.createTextNode(" " + t[1]));
        ol.appendChild(item);
      });
      panel.appendChild(ol);
    }
    var head = document.createElement("h2");
    head.tabIndex = -1;
    if (leaf) {
      head.textContent = text("answer");
      panel.appendChild(head);
      var result = leaf.cloneNode(true);
      result.className = "leaf result";
      panel.appendChild(result);
    } else {
      var step = document.createElement("p");
      step.className = "step";
      step.textContent = text("step").replace("{n}", String(kept.length + 1));
      panel.appendChild(step);
      head.textContent = kids(node, "p.q")[0].textContent;
      panel.appendChild(head);
      var choices = document.createElement("ul");
      choices.className = "choices";
      answersOf(node).forEach(function (li, k) {
        var item = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = kids(li, "span.a")[0].textContent;
        b.addEventListener("click", function () { go(kept.concat([k + 1])); });
        item.appendChild(b);
        choices.appendChild(item);
      });
      panel.appendChild(choices);
    }
    if (kept.length) {
      var nav = document.createElement("p");
      nav.className = "guide-nav";
      var back = document.createElement("button");
      back.type = "button";
      back.textContent = text("back");
      back.addEventListener("click", function () { go(kept.slice(0, -1)); });
      var again = document.createElement("button");
      again.type = "button";
      again.textContent = text("restart");
      again.addEventListener("click", function () { go([]); });
      nav.appendChild(back);
      nav.appendChild(document.createTextNode(" "));
      nav.appendChild(again);
      panel.appendChild(nav);
    }
    if (!first) head.focus();
    first = false;
  }
  window.addEventListener("hashchange", render);
  render();
})();
