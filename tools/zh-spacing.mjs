#!/usr/bin/env node
// zh-spacing: one half-width space between Chinese (Han) text and adjacent
// Latin letters, digits, inline code spans and links; none next to full-width
// punctuation. The rule is written down in docs/glossary.md ("中英文混排 / Spacing").
//
// Usage:
//   node tools/zh-spacing.mjs [--check] [--stats] FILE...
//
// Without --check the files are converted in place. With --check nothing is
// written; every boundary that breaks the rule is reported as
//   FILE:LINE:COL: warning: ...
// (COL counts characters, from 1) and the exit status is 1 if there is any.
// --stats prints how many boundaries of each kind were changed or reported.
//
// Only text a reader sees is touched:
//   *.md with YAML front matter (content/): the values of `zh:` keys in the
//     front matter (title, summary, note, aliases, subcodes), as plain text;
//     the Markdown body (zh and en sections alike: in English text only Han
//     boundaries can change anything).
//   other *.md: the whole file as Markdown.
//   *.json: the string values inside a top-level "zh" object.
//   anything else: every line as plain text.
// Never touched: fenced code blocks, inline code spans (but a space goes
// between a Han character and the backticks of an adjacent span), link
// destinations, autolinks and bare URLs, HTML comments and tags, link
// reference definitions, YAML keys, JSON keys.
//
// The project's files:
//   node tools/zh-spacing.mjs --check $(find content -name '*.md') \
//        templates/strings.json CONTRIBUTING.md docs/glossary.md
//
// No dependencies; Node 18 or later.

import fs from 'node:fs';

// ---------------------------------------------------------------- classes

const RE_HAN = /\p{Script=Han}/u;
// Latin, Greek and Cyrillic letters and ASCII digits; not the full-width forms.
const RE_ALNUM = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]$/u;
const RE_FULLWIDTH_FORM = /^[\uFF00-\uFFEF]$/u;
// Full-width punctuation: no space on either side of these.
const FW_PUNCT = new Set([...'，。：；！？、（）“”‘’《》〈〉【】〔〕「」『』—…·～￥']);
// Symbols that belong to the Latin word before them: 15% 的, 90° 的, C++ 的, C# 的.
const TRAIL = new Set([...'%‰°℃℉+#']);
// Symbols that begin a Latin word when a letter or digit follows: 用 .NET 的, 扩展名 .p12.
const LEAD = new Set(['.', '@', '$']);
// ASCII punctuation that a backslash may escape in Markdown.
const ASCII_PUNCT = new Set([...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']);

const isHan = (c) => RE_HAN.test(c);
const isAlnum = (c) => RE_ALNUM.test(c) && !RE_FULLWIDTH_FORM.test(c);
const isSpace = (c) => c === ' ' || c === '\t' || c === '\u00A0';
// CommonMark's "Unicode punctuation": general categories P and S.
const isPunct = (c) => /^[\p{P}\p{S}]$/u.test(c);

// Item kinds produced by the tokenizers:
//   {k:'c', ch, raw}              one visible character (raw differs for \-escapes)
//   {k:'sp', raw}                 a run of spaces
//   {k:'code', raw}               an inline code span            -> class C
//   {k:'link', open, inner, close} a Markdown link or image        -> class L
//   {k:'url', raw}                a bare URL                       -> class A
//   {k:'auto', raw}               an autolink <scheme:...>         -> class L
//   {k:'ph', raw}                 a {placeholder} in a UI string   -> class C
//   {k:'d', raw, ch, role}        an emphasis delimiter run ('open'/'close'; else literal)
//   {k:'o', raw}                  opaque: HTML comment or tag (a barrier)
// Each item also gets `col`, its 0-based character column in the line.

function charClass(it) {
  switch (it.k) {
    case 'c':
      if (isHan(it.ch)) return 'H';
      if (isAlnum(it.ch)) return 'A';
      if (FW_PUNCT.has(it.ch)) return 'P';
      return 'N';
    case 'code': return 'C';
    case 'ph': return 'C';
    case 'link': return 'L';
    case 'auto': return 'L';
    case 'url': return 'A';
    case 'sp': return 'S';
    default: return 'N';
  }
}

// Resolve the symbols of TRAIL and LEAD from their context, in place.
function assignClasses(items) {
  for (const it of items) it.cls = charClass(it);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.k !== 'c') continue;
    if (TRAIL.has(it.ch) && i > 0 && items[i - 1].cls === 'A') it.cls = 'A';
  }
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if (it.k !== 'c') continue;
    if (LEAD.has(it.ch) && i + 1 < items.length && items[i + 1].k === 'c' && isAlnum(items[i + 1].ch)
        && !(i > 0 && items[i - 1].cls === 'A')) it.sym = true, it.cls = 'A';
  }
}

// ---------------------------------------------------------------- tokenizers

function cpAt(s, i) { return String.fromCodePoint(s.codePointAt(i)); }

// Plain text (front matter values, JSON strings, text files): every character
// is literal, except {placeholders} and backslash escapes in JSON.
function tokenizePlain(s, { json = false, placeholders = false } = {}) {
  const items = [];
  let i = 0, col = 0;
  const push = (it, len) => { it.col = col; items.push(it); col += [...it.raw].length; i += len; };
  while (i < s.length) {
    const c = cpAt(s, i);
    if (json && c === '\\') {
      const m = /^\\(u[0-9a-fA-F]{4}|.)/.exec(s.slice(i));
      push({ k: 'o', raw: m[0] }, m[0].length);
      continue;
    }
    if (placeholders && c === '{') {
      const m = /^\{[A-Za-z_][A-Za-z0-9_]*\}/.exec(s.slice(i));
      if (m) { push({ k: 'ph', raw: m[0] }, m[0].length); continue; }
    }
    if (isSpace(c)) {
      const m = /^[ \t\u00A0]+/.exec(s.slice(i));
      push({ k: 'sp', raw: m[0] }, m[0].length);
      continue;
    }
    push({ k: 'c', ch: c, raw: c }, c.length);
  }
  return items;
}

// Find the end of a code span starting with a run of n backticks at i; -1 if unclosed.
function codeSpanEnd(s, i, n) {
  let j = i + n;
  while (j < s.length) {
    const k = s.indexOf('`', j);
    if (k < 0) return -1;
    let e = k;
    while (e < s.length && s[e] === '`') e++;
    if (e - k === n) return e;
    j = e;
  }
  return -1;
}

// Parse `[text](dest)` / `[text][ref]` starting at i (s[i] === '['). Returns
// {textStart, textEnd, end} or null.
function parseLink(s, i) {
  let depth = 0, j = i;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') { j++; continue; }
    if (c === '`') {
      let n = 0; while (s[j + n] === '`') n++;
      const e = codeSpanEnd(s, j, n);
      if (e > 0) { j = e - 1; continue; }
      j += n - 1; continue;
    }
    if (c === '[') depth++;
    else if (c === ']') { depth--; if (depth === 0) break; }
  }
  if (j >= s.length) return null;
  const textEnd = j;
  if (s[j + 1] === '(') {
    let d = 0, k = j + 1;
    for (; k < s.length; k++) {
      if (s[k] === '\\') { k++; continue; }
      if (s[k] === '(') d++;
      else if (s[k] === ')') { d--; if (d === 0) break; }
    }
    if (k >= s.length) return null;
    return { textStart: i + 1, textEnd, end: k + 1 };
  }
  if (s[j + 1] === '[') {
    const k = s.indexOf(']', j + 2);
    if (k < 0) return null;
    return { textStart: i + 1, textEnd, end: k + 1 };
  }
  return null;
}

const RE_URL = /^(?:https?|ftp):\/\/[^\s<>\p{Script=Han}，。：；！？、（）“”‘’《》【】]+/u;
const RE_AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>/;
const RE_HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;

// Inline Markdown. `base` is the column of s[0] in the line.
function tokenizeInline(s, base = 0) {
  const items = [];
  let i = 0, col = base;
  const push = (it, len) => { it.col = col; items.push(it); col += [...s.slice(i, i + len)].length; i += len; };
  while (i < s.length) {
    const c = cpAt(s, i);
    const rest = s.slice(i);
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCT.has(s[i + 1])) {
      push({ k: 'c', ch: s[i + 1], raw: s.slice(i, i + 2) }, 2);
      continue;
    }
    if (c === '`') {
      let n = 0; while (s[i + n] === '`') n++;
      const e = codeSpanEnd(s, i, n);
      if (e > 0) { push({ k: 'code', raw: s.slice(i, e) }, e - i); continue; }
      push({ k: 'c', ch: '`', raw: s.slice(i, i + n), literal: true }, n);
      continue;
    }
    if (rest.startsWith('<!--')) {
      const e = s.indexOf('-->', i + 4);
      const end = e < 0 ? s.length : e + 3;
      push({ k: 'o', raw: s.slice(i, end) }, end - i);
      continue;
    }
    if (c === '<') {
      let m = RE_AUTOLINK.exec(rest);
      if (m) { push({ k: 'auto', raw: m[0] }, m[0].length); continue; }
      m = RE_HTML_TAG.exec(rest);
      if (m) { push({ k: 'o', raw: m[0] }, m[0].length); continue; }
    }
    if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const at = c === '!' ? i + 1 : i;
      const L = parseLink(s, at);
      if (L) {
        const open = s.slice(i, L.textStart);
        const text = s.slice(L.textStart, L.textEnd);
        const close = s.slice(L.textEnd, L.end);
        const startCol = col;
        const inner = tokenizeInline(text, startCol + [...open].length);
        const it = { k: 'link', open, inner, close, raw: s.slice(i, L.end) };
        push(it, L.end - i);
        it.col = startCol;
        it.closeCol = startCol + [...open].length + [...text].length;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      let n = 0; while (s[i + n] === c) n++;
      const before = i > 0 ? cpBefore(s, i) : '';
      const after = i + n < s.length ? cpAt(s, i + n) : '';
      const ws = (x) => x === '' || /^\s$/u.test(x);
      const left = !ws(after) && (!isPunct(after) || ws(before) || isPunct(before));
      const right = !ws(before) && (!isPunct(before) || ws(after) || isPunct(after));
      let canOpen = left, canClose = right;
      if (c === '_') {
        canOpen = left && (!right || isPunct(before));
        canClose = right && (!left || isPunct(after));
      }
      push({ k: 'd', ch: c, raw: s.slice(i, i + n), canOpen, canClose }, n);
      continue;
    }
    if ((c === 'h' || c === 'f') && (i === 0 || !isAlnum(cpBefore(s, i)))) {
      const m = RE_URL.exec(rest);
      if (m) {
        const url = m[0].replace(/[.,;:!?)'"]+$/, '');
        push({ k: 'url', raw: url }, url.length);
        continue;
      }
    }
    if (isSpace(c)) {
      const m = /^[ \t\u00A0]+/.exec(rest);
      push({ k: 'sp', raw: m[0] }, m[0].length);
      continue;
    }
    push({ k: 'c', ch: c, raw: c }, c.length);
  }
  resolveDelims(items);
  return items;
}

function cpBefore(s, i) {
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xDC00 && lo <= 0xDFFF && i >= 2) return s.slice(i - 2, i);
  return s[i - 1];
}

// Match emphasis delimiter runs (a simplified CommonMark: equal lengths only).
// Unmatched runs become literal characters.
function resolveDelims(items) {
  const stack = [];
  for (const it of items) {
    if (it.k !== 'd') continue;
    let matched = false;
    if (it.canClose) {
      for (let j = stack.length - 1; j >= 0; j--) {
        const o = stack[j];
        if (o.ch === it.ch && o.raw.length === it.raw.length) {
          o.role = 'open'; it.role = 'close';
          stack.length = j;
          matched = true;
          break;
        }
      }
    }
    if (!matched && it.canOpen) stack.push(it);
  }
  for (const it of items) {
    if (it.k === 'd' && !it.role) { it.k = 'c'; it.ch = it.raw[0]; it.literal = true; }
  }
}

// ---------------------------------------------------------------- the rule

// What joins left class a and right class b without a space, and must not.
function boundaryKind(a, b, left, right) {
  const pair = a + b;
  if (pair === 'HA' || pair === 'AH') {
    const other = pair === 'HA' ? right : left;
    if (other.k === 'url') return 'url';
    const ch = other.ch;
    if (/[0-9]/.test(ch)) return 'digit';
    if (isAlnum(ch)) return 'letter';
    return 'symbol';
  }
  if (pair === 'HC' || pair === 'CH') return (pair === 'HC' ? right : left).k === 'ph' ? 'placeholder' : 'code';
  if (pair === 'HL' || pair === 'LH') return 'link';
  return null;
}

function describe(it) {
  switch (it.k) {
    case 'code': return 'code span';
    case 'ph': return 'placeholder';
    case 'link': return 'link';
    case 'auto': return 'autolink';
    case 'url': return 'URL';
    default: return `“${it.ch}”`;
  }
}

// Apply the rule to one sequence of items (and, recursively, to link texts).
// Returns the new text of the sequence; records findings in `out`.
function applyRule(items, out) {
  assignClasses(items);
  const insertAfter = new Set();   // index of the item after which a space goes
  const replaceSp = new Map();     // index of a space item -> new raw ('' removes it)
  const units = [];                // indexes of items that are not delimiters
  for (let i = 0; i < items.length; i++) if (items[i].k !== 'd') units.push(i);

  for (let u = 0; u + 1 < units.length; u++) {
    const i = units[u], j = units[u + 1];
    const L = items[i], R = items[j];
    // Missing space: L and R touch, possibly through emphasis delimiters.
    const kind = boundaryKind(L.cls, R.cls, L, R);
    if (kind) {
      let at = i;                                 // after the last closer
      for (let k = i + 1; k < j; k++) if (items[k].role === 'close') at = k;
      const via = j - i > 1 ? ' (across emphasis)' : '';
      insertAfter.add(at);
      out.push({
        kind: kind + (via ? '+emphasis' : ''),
        col: R.col,
        msg: `missing space between ${describe(L)} and ${describe(R)}${via}`,
      });
    }
    // A space run between two units, with no delimiter in between.
    if (R.k === 'sp' && j === i + 1 && u + 2 < units.length && units[u + 2] === j + 1) {
      const N = items[j + 1];
      const text = (x) => x.cls === 'H' || x.cls === 'A' || x.cls === 'C' || x.cls === 'L';
      const fw = (x, other) => x.cls === 'P' && isChinesePunct(items, x, other);
      if ((fw(L, N) && (text(N) || fw(N, L))) || (fw(N, L) && text(L))) {
        replaceSp.set(j, '');
        out.push({ kind: 'punct-space', col: R.col, msg: `space next to full-width punctuation ${describe(fw(L) ? L : N)}` });
      } else if (boundaryKind(L.cls, N.cls, L, N) && R.raw !== ' ') {
        replaceSp.set(j, ' ');
        out.push({ kind: 'wide-space', col: R.col, msg: `use exactly one half-width space between ${describe(L)} and ${describe(N)}` });
      }
    }
  }

  let s = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.k === 'link') {
      s += it.open + applyRule(it.inner, out) + it.close;
    } else if (replaceSp.has(i)) {
      s += replaceSp.get(i);
    } else {
      s += it.raw;
    }
    if (insertAfter.has(i)) s += ' ';
  }
  return s;
}

// Whether full-width punctuation x is surely Chinese, so that a space next to
// it is wrong. A single — or … and the curly quotes also occur in English
// text; — and … count only when doubled (——, ……), “ ” only when the text on
// the other side of the space is Han.
const CN_PUNCT = new Set([...'，。：；！？、（）《》〈〉【】〔〕「」『』～￥']);
function isChinesePunct(items, x, other) {
  if (CN_PUNCT.has(x.ch)) return true;
  const i = items.indexOf(x);
  if (x.ch === '—' || x.ch === '…') {
    return (items[i - 1] && items[i - 1].ch === x.ch) || (items[i + 1] && items[i + 1].ch === x.ch);
  }
  if (x.ch === '“' || x.ch === '”') return other.cls === 'H';
  return false;
}

// ---------------------------------------------------------------- files

function processPlain(text, out, opts) {
  const items = tokenizePlain(text, opts);
  return applyRule(items, out);
}

// Leading block syntax of a Markdown line that is not text: indentation,
// blockquote markers, a list marker, heading hashes.
const RE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))?(?:\[[ xX]\][ \t]+)?(?:#{1,6}(?:[ \t]+|$))?/;

function processMarkdownLines(lines, startIdx, endIdx, report) {
  let fence = null;       // {ch, len} while inside a fenced code block
  let inComment = false;  // inside a multi-line HTML comment
  let inList = false;     // an indented line may continue a list item
  let prevBlank = true, inIndentedCode = false;
  for (let n = startIdx; n < endIdx; n++) {
    const line = lines[n];
    const blank = /^[ \t]*$/.test(line);
    const wasBlank = prevBlank;
    prevBlank = blank;
    if (!fence && !inComment) {
      // Indented code block: 4+ columns of indentation after a blank line,
      // outside any list. Lists end at a non-indented line after a blank one.
      const indented = /^(?: {4}|\t)/.test(line);
      if (blank) { /* keeps the current state */ }
      else if (inIndentedCode && indented) continue;
      else if (indented && wasBlank && !inList) { inIndentedCode = true; continue; }
      else {
        inIndentedCode = false;
        if (/^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line)) inList = true;
        else if (wasBlank && !/^[ \t]/.test(line)) inList = false;
      }
    }
    if (fence) {
      const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const f = /^[ \t]*(`{3,}|~{3,})(.*)$/.exec(line);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) { fence = { ch: f[1][0], len: f[1].length }; continue; }
    if (/^[ \t]*<!--/.test(line) && !line.includes('-->')) { inComment = true; continue; }
    if (/^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S/.test(line)) continue;          // link reference definition
    if (/^[ \t]{0,3}<\/?[A-Za-z][^>]*>[ \t]*$/.test(line)) continue;   // HTML block line
    const prefix = RE_PREFIX.exec(line)[0];
    const body = line.slice(prefix.length);
    const out = [];
    const items = tokenizeInline(body, [...prefix].length);
    const fixed = applyRule(items, out);
    report(n, out);
    lines[n] = prefix + fixed;
  }
}

function processFile(path, text, report) {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (bom) text = text.slice(1);
  // Keep every line ending as it was (LF or CRLF, even mixed).
  const lines = text.split('\n');
  const cr = lines.map((l) => l.endsWith('\r'));
  for (let n = 0; n < lines.length; n++) if (cr[n]) lines[n] = lines[n].slice(0, -1);
  if (path.endsWith('.json')) {
    processJson(lines, report);
  } else if (/\.(md|markdown)$/i.test(path)) {
    let bodyStart = 0;
    if (lines[0] === '---') {
      let end = lines.indexOf('---', 1);
      if (end < 0) end = lines.length;
      for (let n = 1; n < end; n++) {
        const m = /^([ \t]*(?:-[ \t]+)?zh:[ \t]*)(.*)$/.exec(lines[n]);
        if (!m || m[2] === '') continue;
        const out = [];
        const fixed = processPlain(m[2], out, {});
        for (const o of out) o.col += [...m[1]].length;
        report(n, out);
        lines[n] = m[1] + fixed;
      }
      bodyStart = end + 1;
    }
    processMarkdownLines(lines, bodyStart, lines.length, report);
  } else {
    for (let n = 0; n < lines.length; n++) {
      const out = [];
      lines[n] = processPlain(lines[n], out, {});
      report(n, out);
    }
  }
  return bom + lines.map((l, n) => (cr[n] ? l + '\r' : l)).join('\n');
}

// The string values of the top-level "zh" object, one `"key": "value",` per line.
function processJson(lines, report) {
  let depth = 0, inZh = false, zhDepth = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (depth === 1 && /^\s*"zh"\s*:\s*\{/.test(line)) { inZh = true; zhDepth = 1; }
    if (inZh && depth === 2) {
      const m = /^(\s*"(?:[^"\\]|\\.)*"\s*:\s*")((?:[^"\\]|\\.)*)("\s*,?\s*)$/.exec(line);
      if (m) {
        const out = [];
        const fixed = processPlain(m[2], out, { json: true, placeholders: true });
        for (const o of out) o.col += [...m[1]].length;
        report(n, out);
        lines[n] = m[1] + fixed + m[3];
      }
    }
    // Track object depth outside strings.
    const bare = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const ch of bare) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') { depth--; if (inZh && depth === zhDepth) inZh = false; }
    }
  }
}

// ---------------------------------------------------------------- main

function main(argv) {
  const args = argv.slice(2);
  const check = args.includes('--check');
  const stats = args.includes('--stats');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--check' && a !== '--stats');
  if (unknown.length || files.length === 0) {
    process.stderr.write('usage: node tools/zh-spacing.mjs [--check] [--stats] FILE...\n');
    return 2;
  }
  const counts = new Map();
  let findings = 0, changedFiles = 0;
  for (const path of files) {
    let text;
    try { text = fs.readFileSync(path, 'utf8'); }
    catch (e) { process.stderr.write(`${path}: error: ${e.message}\n`); return 2; }
    const report = (n, out) => {
      for (const o of out) {
        findings++;
        counts.set(o.kind, (counts.get(o.kind) || 0) + 1);
        if (check) process.stdout.write(`${path}:${n + 1}:${o.col + 1}: warning: ${o.msg}\n`);
      }
    };
    const result = processFile(path, text, report);
    if (result !== text) {
      changedFiles++;
      if (!check) fs.writeFileSync(path, result);
    }
  }
  if (stats) {
    const verb = check ? 'to fix' : 'fixed';
    for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(v).padStart(7)}  ${k}\n`);
    process.stderr.write(`${String(findings).padStart(7)}  boundaries ${verb} in ${changedFiles} of ${files.length} files\n`);
  }
  return check && findings > 0 ? 1 : 0;
}

process.exitCode = main(process.argv);
