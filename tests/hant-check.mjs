// The zh-Hant edition against the zh one it is made from (gen/hant.c), page
// by page, on a built site:
//   - every page of zh/ has its twin in zh-hant/, and no other page is there;
//   - only text was converted: the code (pre, code, kbd, samp), the scripts,
//     every address (href, src), id and class, and every HTML comment are
//     the same byte for byte, but the links to the other editions;
//   - a reader finds no Simplified character outside code: every Han
//     character of the text and of the attributes a reader sees (title, alt,
//     aria-label, placeholder) is one that OpenCC's s2tw (characters and
//     Taiwan variants, no phrases) leaves as it is, but the few listed below.
//   node tests/hant-check.mjs SITE        (needs the opencc command)
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const site = process.argv[2];
if (!site) {
  console.error('usage: node tests/hant-check.mjs SITE');
  process.exit(2);
}

// Characters s2tw changes that are also Traditional, in the words the edition
// uses them in: 上游 (not 上遊), 划算 (not 劃算); 干 (干擾), 里 (公里), 只 (只有).
const ALSO_TRADITIONAL = new Set([...'游划干里只']);

const problems = [];
const list = (dir) => readdirSync(join(site, dir)).filter((f) => f.endsWith('.html')).sort();
const zh = list('zh'), hant = list('zh-hant');
for (const f of zh) if (!hant.includes(f)) problems.push(`zh-hant/${f}: missing (zh/${f} is there)`);
for (const f of hant) if (!zh.includes(f)) problems.push(`zh-hant/${f}: no zh/${f} to be made from`);

// The parts that must not change, in order.
const KEPT = [
  /<(pre|code|kbd|samp|script|style)\b[^>]*>[\s\S]*?<\/\1>/g,
  /<!--[\s\S]*?-->/g,
  /\s(?:href|src|id|class)="[^"]*"/g,
];
// The links to the editions, which differ by design.
const EDITION_LINKS = /<link rel="(?:alternate|canonical)"[^>]*>|<a class="lang-switch"[^>]*>[^<]*<\/a>|<html[^>]*>|<meta property="og:locale"[^>]*>/g;
function kept(html) {
  const h = html.replace(EDITION_LINKS, '');
  return KEPT.map((re) => h.match(re) || []);
}
// What a reader sees: text outside code, scripts and tags, and the values of
// title, alt, aria-label and placeholder.
function visible(html) {
  const seen = [];
  // The switch's label of the Simplified edition is Simplified by design.
  html = html.replace(/<a [^>]*lang="zh-Hans"[^>]*>[^<]*<\/a>/g, ' ');
  for (const m of html.matchAll(/\s(?:title|alt|aria-label|placeholder)="([^"]*)"/g)) seen.push(m[1]);
  seen.push(html.replace(/<(pre|code|kbd|samp|script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '));
  return seen.join(' ');
}

const where = new Map(); // each Han character → a page it is on
for (const f of hant.filter((x) => zh.includes(x))) {
  const a = readFileSync(join(site, 'zh', f), 'utf8'), b = readFileSync(join(site, 'zh-hant', f), 'utf8');
  const ka = kept(a), kb = kept(b);
  ka.forEach((parts, k) => {
    const other = kb[k];
    if (parts.length !== other.length) {
      problems.push(`zh-hant/${f}: ${other.length} ${KEPT[k].source.slice(0, 30)}… parts, zh/${f} has ${parts.length}`);
      return;
    }
    for (let i = 0; i < parts.length; i++)
      if (parts[i] !== other[i]) {
        problems.push(`zh-hant/${f}: changed: ${other[i].slice(0, 120)}\n       zh/${f} has: ${parts[i].slice(0, 120)}`);
        break;
      }
  });
  for (const ch of visible(b).match(/[\u3400-\u9fff]/g) || []) if (!where.has(ch)) where.set(ch, f);
  if (!/<html lang="zh-Hant"/.test(b)) problems.push(`zh-hant/${f}: not lang="zh-Hant"`);
}

// Each character on its own line through s2tw: a line that changes is a
// Simplified character.
const chars = [...where.keys()];
const tmp = mkdtempSync(join(tmpdir(), 'hant-check-'));
try {
  writeFileSync(join(tmp, 'in'), chars.join('\n') + '\n');
  execFileSync('opencc', ['-c', 's2tw.json', '-i', join(tmp, 'in'), '-o', join(tmp, 'out')]);
  const out = readFileSync(join(tmp, 'out'), 'utf8').split('\n');
  chars.forEach((ch, i) => {
    if (out[i] !== ch && !ALSO_TRADITIONAL.has(ch))
      problems.push(`zh-hant/${where.get(ch)}: Simplified character ${ch} (${out[i]} in Taiwan usage) outside code`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

for (const p of problems) console.error(`hant-check: ${p}`);
console.log(`hant-check: ${hant.length} zh-Hant pages against ${zh.length} zh pages, ${chars.length} distinct Han characters read; ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
