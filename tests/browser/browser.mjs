// The reader's experience in a real browser: Debian's chromium driven by
// playwright-core, the site opened from file:// with the network off.
//   node tests/browser/browser.mjs SITE SHOTS COUNTS
// BROWSER_TESTS=REGEX runs only the checks whose names match (harness.mjs).
// SITE is a freshly built site, SHOTS the folder the screenshots go to, COUNTS
// a file that receives "PASSED FAILED".  Each check prints PASS or FAIL with
// what went wrong; run.sh prints the summary line.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, counts, test } from './harness.mjs';

const [site, shots, countsFile] = process.argv.slice(2).map((p) => path.resolve(p));
if (!site || !shots || !countsFile) {
  console.error('usage: browser.mjs SITE SHOTS COUNTS');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// ------------------------------------------------------------ harness
function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function problems(list, what) {
  if (list.length) throw new Error(`${list.length} ${what}:\n${list.slice(0, 30).join('\n')}`);
}

// --------------------------------------------------------------- site
const url = (rel) => {
  const [file, hash] = rel.split('#');
  return pathToFileURL(path.join(site, file)).href + (hash ? `#${hash}` : '');
};
const relOf = (u) => path.relative(site, decodeURIComponent(new URL(u).pathname));
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.html')) pages.push(path.relative(site, p));
  }
})(site);
// 404.html resolves its links from the published address (<base href>); the
// tests serve that address from the site folder, with the network still off.
const notFound = readFileSync(path.join(site, '404.html'), 'utf8');
const published = (/<base href="([^"]+)"/.exec(notFound) || [])[1] || null;

// ------------------------------------------------------------ browser
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// A context with the network off that records every console error, page
// error, failed request and request that is not a local file.
async function newContext(options = {}) {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    offline: true,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    ...options,
  });
  ctx.log = [];
  if (published) {
    await ctx.route(`${published}**`, (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname)
        .slice(new URL(published).pathname.length);
      route.fulfill({ path: path.join(site, rel || 'index.html') }).catch(() => {});
    });
  }
  ctx.on('page', (page) => watch(ctx, page));
  return ctx;
}
function watch(ctx, page) {
  const where = () => { try { return relOf(page.url()); } catch { return page.url(); } };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') ctx.log.push(`${where()}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => ctx.log.push(`${where()}: script error: ${e.message}`));
  // net::ERR_ABORTED is the browser giving up a request it no longer needs
  // (the favicon of a page the test has already left), not a missing file.
  page.on('requestfailed', (r) => {
    const why = r.failure() && r.failure().errorText;
    if (why !== 'net::ERR_ABORTED') ctx.log.push(`${where()}: request failed: ${r.url()} (${why})`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file://') && !(published && u.startsWith(published)) && !u.startsWith('data:'))
      ctx.log.push(`${where()}: request off the disk: ${u}`);
  });
}
async function open(ctx, rel) {
  const page = await ctx.newPage();
  await page.goto(url(rel));
  return page;
}
const clean = (ctx) => problems(ctx.log, 'console errors or failed requests');

// Search helpers
async function search(page, text) {
  await page.fill('#q', '');
  await page.fill('#q', text);
  await page.waitForFunction(() => document.getElementById('q').getAttribute('aria-expanded') === 'true' ||
    document.getElementById('search-status').textContent !== '');
  return page.$$eval('#search-results [role=option]', (as) => as.map((a) => ({
    code: a.querySelector('.num').textContent,
    title: a.querySelector('.hit-title').textContent,
    vendor: a.querySelector('.tag') ? a.querySelector('.tag').textContent : null,
    href: a.getAttribute('href'),
  })));
}

const t0 = Date.now();
console.log(`browser: ${pages.length} pages in ${site}, ${CHROMIUM}`);
mkdirSync(shots, { recursive: true });

// ---------------------------------------------------------------- search
const ctx = await newContext();

await test('search by number: 418, 4, 40', async () => {
  const page = await open(ctx, 'index.html');
  let hits = await search(page, '418');
  equal(hits[0] && hits[0].code, '418', 'first hit for 418');
  hits = await search(page, '4');
  check(hits.length === 12, `"4" lists ${hits.length} codes (the list holds 12)`);
  check(hits.every((h) => h.code.startsWith('4')), `"4" finds ${hits.map((h) => h.code).join(' ')}`);
  equal(hits[0].code, '400', 'first hit for 4');
  hits = await search(page, '40');
  check(hits.length >= 9 && hits.every((h) => h.code.startsWith('40')), `"40" finds ${hits.map((h) => h.code).join(' ')}`);
  equal(hits[0].code, '400', 'first hit for 40');
  await page.close();
});

await test('search by English and Chinese words, alias and vendor, on pages of both languages', async () => {
  const cases = [
    ['zh/404.html', 'teapot', '418'],
    ['en/404.html', 'teapot', '418'],
    ['en/index.html', '网关超时', '504'],
    ['zh/200.html', '网关超时', '504'],
    ['en/index.html', 'Request Entity Too Large', '413'],
    ['zh/index.html', '请求实体过大', '413'],
    ['en/index.html', 'gateway timeout', '504'],
    ['zh/index.html', 'Not Found', '404'],
  ];
  for (const [rel, q, code] of cases) {
    const page = await open(ctx, rel);
    const hits = await search(page, q);
    equal(hits[0] && hits[0].code, code, `first hit for "${q}" on ${rel}`);
    await page.close();
  }
  const page = await open(ctx, 'en/index.html');
  const hits = await search(page, 'nginx');
  check(hits.length > 0 && hits.every((h) => h.vendor === 'nginx' || /nginx/i.test(h.title)) || hits[0].vendor === 'nginx',
    `"nginx" finds ${JSON.stringify(hits.slice(0, 5))}`);
  check(hits.some((h) => h.code === '499' && h.vendor === 'nginx' && h.href.endsWith('499.html#nginx')),
    'nginx\'s 499 is among the hits, linked to 499.html#nginx');
  await page.close();
});

await test('a number with several meanings is one result, its best-known meaning first; nothing found says so', async () => {
  const page = await open(ctx, 'en/index.html');
  let hits = await search(page, '499');
  equal(hits.length, 1, 'results for 499');
  equal(hits[0].vendor, 'nginx', 'the meaning 499 leads with');
  equal(hits[0].href, '499.html#nginx', 'link');
  const more = await page.textContent('#search-results .hit-more');
  check(/Esri ArcGIS/.test(more), `the other meanings are listed: ${more}`);
  hits = await search(page, 'esri 499');
  equal(hits[0].href, '499.html#esri', 'a query that names the vendor opens its meaning');
  await search(page, 'zzzzqqq');
  equal(await page.getAttribute('#q', 'aria-expanded'), 'false', 'aria-expanded with no hit');
  check(await page.isVisible('#search-status'), 'the "no matching code" message is visible');
  equal(await page.textContent('#search-status'), 'No matching code.', 'message');
  await page.close();
});

// The query set: real queries, written from how people search, each with the
// code it must find within its first k results.  Typed into the real box on
// a page of each language.
const querySet = readFileSync(new URL('./queries.tsv', import.meta.url), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'))
  .map(([q, want, k]) => ({ q, want, k: +k || 3 }));
/* What a result's link names: "403.html#403.14" → 403.14, "499.html#nginx" →
   499-nginx, "404.html" → 404. */
function named(href) {
  const [file, hash] = href.split('#');
  const code = file.replace(/^.*\//, '').replace('.html', '');
  if (!hash) return code;
  return /^\d{3}\.\d+$/.test(hash) ? hash : `${code}-${hash}`;
}
function finds(hits, want) {
  return hits.some((h) => {
    const n = named(h.href);
    return n === want || (/^\d{3}$/.test(want) && n.slice(0, 3) === want && !/^\d{3}\./.test(n));
  });
}
await test(`the query set: ${querySet.length} real queries find their code within the first k results, in all three editions`, async () => {
  const missed = [];
  for (const rel of ['zh/index.html', 'zh-hant/index.html', 'en/index.html']) {
    const page = await open(ctx, rel);
    for (const { q, want, k } of querySet) {
      const hits = await page.evaluate((text) => {
        const box = document.getElementById('q');
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        return [...document.querySelectorAll('#search-results [role=option]')].map((a) => ({ href: a.getAttribute('href') }));
      }, q);
      if (!finds(hits.slice(0, k), want)) missed.push(`${rel}: "${q}" → ${want} not in the first ${k}: ${hits.slice(0, k).map((h) => named(h.href)).join(', ') || 'nothing'}`);
    }
    await page.close();
  }
  const total = querySet.length * 3;
  console.log(`     query set: ${total - missed.length} of ${total} found (${(100 * (total - missed.length) / total).toFixed(1)}%)`);
  problems(missed, 'queries missed');
  clean(ctx);
});

await test('each keystroke is answered in under 5 ms on the phone profile; with the CPU slowed down 4×, 95% of them in under 10 ms', async () => {
  const phone = await newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await open(phone, 'zh/index.html');
  const cdp = await phone.newCDPSession(page);
  const typed = querySet.map((x) => x.q);
  // The first keystroke on a freshly opened page, when nothing is warm yet.
  const first = await page.evaluate(() => {
    const box = document.getElementById('q'), t0 = performance.now();
    box.value = '5';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return performance.now() - t0;
  });
  // Every prefix of every query of the set, as typed: each keystroke timed
  // three times and its fastest run kept, since a shared machine adds pauses
  // (another process, a garbage collection) that are not the search's work;
  // one still over 2 ms is timed ten times more.
  // With the CPU slowed down, every other query (the run takes 4× as long).
  const time = (queries) => page.evaluate((queries) => {
    const box = document.getElementById('q');
    const once = (text) => {
      box.value = text.slice(0, -1);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return performance.now() - t0;
    };
    const best = (text, runs) => {
      let dt = Infinity;
      for (let run = 0; run < runs; run++) dt = Math.min(dt, once(text));
      return dt;
    };
    const all = [];
    for (const q of queries) for (let i = 1; i <= q.length; i++) all.push({ text: q.slice(0, i), dt: best(q.slice(0, i), 3) });
    // Each keystroke over 2 ms again, ten more times at a later moment: a
    // genuinely slow one stays slow, a pause of the host (a collection, the
    // machine's other work) does not come back ten times.
    for (const k of all) if (k.dt > 2) k.dt = Math.min(k.dt, best(k.text, 10));
    const times = all.map((k) => k.dt).sort((a, b) => a - b);
    const slowest = all.reduce((a, b) => (b.dt > a.dt ? b : a));
    const at = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
    return { n: times.length, mean: times.reduce((a, b) => a + b, 0) / times.length, p95: at(0.95), p99: at(0.99), worst: slowest.dt, worstText: slowest.text };
  }, queries);
  const fast = await time(typed);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const slow = await time(typed.filter((q, i) => i % 2 === 0));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const say = (r) => `mean ${r.mean.toFixed(2)} ms, 95% under ${r.p95.toFixed(2)} ms, 99% under ${r.p99.toFixed(2)} ms, slowest ${r.worst.toFixed(2)} ms ("${r.worstText}")`;
  console.log(`     ${fast.n} keystrokes on the phone profile: ${say(fast)}; the first on a fresh page ${first.toFixed(2)} ms`);
  console.log(`     the same with the CPU slowed down 4×: ${say(slow)}`);
  check(fast.worst < 5, `slowest keystroke ${fast.worst.toFixed(2)} ms for "${fast.worstText}"`);
  // Chrome slows the CPU down by pausing the page now and then, which makes
  // single timings of a millisecond jump around, more so on a busy host:
  // the bound is on 95%, and at 10 ms — a CPU four times slower still
  // answering twice as fast as the 5 ms a keystroke may take.
  check(slow.p95 < 10, `with the CPU slowed down 4×, 5% of the keystrokes take ${slow.p95.toFixed(2)} ms or more`);
  await phone.close();
});

await test('sub-status codes: their own results, linked to their rows', async () => {
  const page = await open(ctx, 'en/index.html');
  let hits = await search(page, '403.14');
  equal(hits[0] && hits[0].href, '403.html#403.14', 'first hit for 403.14');
  hits = await search(page, 'HTTP Error 500.19 - Internal Server Error');
  equal(hits[0] && hits[0].href, '500.html#500.19', 'first hit for an IIS error page heading');
  await Promise.all([page.waitForURL(/500\.html#500\.19$/), page.press('#q', 'Enter')]);
  check(await page.evaluate(() => document.querySelector(':target') && document.querySelector(':target').id === '500.19'),
    'the row is the target');
  await page.close();
  clean(ctx);
});

await test('keyboard: / focuses the search, arrows move, Enter opens, Escape closes', async () => {
  const page = await open(ctx, 'en/200.html');
  await page.keyboard.press('/');
  equal(await page.evaluate(() => document.activeElement.id), 'q', 'focus after /');
  await page.keyboard.type('teapot');
  await page.waitForSelector('#search-results [role=option]');
  await Promise.all([page.waitForURL(/\/en\/418\.html$/), page.keyboard.press('Enter')]);

  await page.keyboard.press('/');
  await page.keyboard.type('50');
  const hits = await page.$$eval('#search-results [role=option]', (as) => as.map((a) => a.getAttribute('href')));
  check(hits.length >= 3, `"50" has ${hits.length} hits`);
  const active = () => page.evaluate(() => {
    const id = document.getElementById('q').getAttribute('aria-activedescendant');
    const el = id && document.getElementById(id);
    return el && el.getAttribute('aria-selected') === 'true' ? el.getAttribute('href') : null;
  });
  await page.keyboard.press('ArrowDown');
  equal(await active(), hits[0], 'selected after ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  equal(await active(), hits[2], 'selected after three ArrowDown');
  await page.keyboard.press('ArrowUp');
  equal(await active(), hits[1], 'selected after ArrowUp');
  equal(await page.evaluate(() => document.activeElement.id), 'q', 'focus stays in the box');
  await page.keyboard.press('Escape');
  equal(await page.getAttribute('#q', 'aria-expanded'), 'false', 'aria-expanded after Escape');
  check(await page.isHidden('#search-results'), 'results hidden after Escape');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForURL((u) => u.href.endsWith(hits[1])), page.keyboard.press('Enter')]);

  // Tab order: the skip link first, and it leads to the content.
  await page.goto(url('zh/404.html'));
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement, r = a.getBoundingClientRect(), cs = getComputedStyle(a);
    return { cls: a.className, visible: r.left >= 0 && r.width > 0, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  equal(skip.cls, 'skip', 'first Tab');
  check(skip.visible && skip.outline !== 'none' && skip.width >= 2, `skip link visible with a focus ring: ${JSON.stringify(skip)}`);
  await page.keyboard.press('Enter');
  check((await page.evaluate(() => location.hash)) === '#main', 'skip link goes to #main');
  await page.close();
  clean(ctx);
});

await test('the search works from every page, also where 404.html is served', async () => {
  for (const rel of ['index.html', 'zh/4xx.html', 'en/vendor-nginx.html', 'en/iana.html', '404.html']) {
    const page = await open(ctx, rel);
    await search(page, 'teapot');
    await Promise.all([page.waitForURL(/\/418\.html$/), page.press('#q', 'Enter')]);
    await page.close();
  }
  clean(ctx);
});

// ------------------------------------------------------------ no script
await test('JavaScript off: the page works, the search form leads to the home page', async () => {
  const off = await newContext({ javaScriptEnabled: false });
  const page = await open(off, 'en/499.html');
  check(await page.isHidden('#search-results'), 'no empty results box');
  check(await page.isVisible('#q'), 'the search box is there');
  equal(JSON.stringify(await page.$$eval('a.lang-switch', (as) => as.map((a) => a.getAttribute('href')))),
    JSON.stringify(['../zh/499.html', '../zh-hant/499.html']), 'plain language links');
  await page.fill('#q', 'teapot');
  await Promise.all([page.waitForURL(/\/en\/index\.html\?q=teapot$/), page.press('#q', 'Enter')]);
  check(await page.$('main a[href="418.html"]'), 'the home page lists 418');
  await page.click('main a[href="418.html"]');
  check(page.url().endsWith('/en/418.html'), `at ${page.url()}`);
  await page.close();
  clean(off);
  await off.close();
});

// ------------------------------------------------------------ navigation
await test('language switch: 简体, 繁體 and English, each keeping the page and the anchor', async () => {
  const page = await open(ctx, 'en/499.html#nginx');
  const sw = (lang) => `a.lang-switch[hreflang="${lang}"]`;
  // Every page offers the two other editions, in the order 简体, 繁體, English.
  equal(JSON.stringify(await page.$$eval('a.lang-switch', (as) => as.map((a) => a.textContent))),
    JSON.stringify(['简体中文', '繁體中文']), 'the switch on an English page');
  await Promise.all([page.waitForURL(/\/zh\/499\.html#nginx$/), page.click(sw('zh-Hans'))]);
  equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'lang after the switch');
  const inView = (id) => page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight / 2;
  }, id);
  check(await inView('nginx'), 'the nginx section is scrolled into view');
  // An anchor reached on the page (the table of contents) is kept too, by every switch.
  await page.click('.toc a[href="#esri"]');
  await page.waitForFunction(() => document.querySelector('a.lang-switch[hreflang=en]').getAttribute('href') === '../en/499.html#esri',
    null, { timeout: 5000 }).catch(() => {});
  equal(await page.getAttribute(sw('en'), 'href'), '../en/499.html#esri', 'English switch after a TOC click');
  equal(await page.getAttribute(sw('zh-Hant'), 'href'), '../zh-hant/499.html#esri', '繁體 switch after a TOC click');
  await Promise.all([page.waitForURL(/\/zh-hant\/499\.html#esri$/), page.click(sw('zh-Hant'))]);
  equal(await page.getAttribute('html', 'lang'), 'zh-Hant', 'lang on the zh-Hant page');
  check(await inView('esri'), 'the esri section is scrolled into view on the zh-Hant page');
  equal(JSON.stringify(await page.$$eval('a.lang-switch', (as) => as.map((a) => a.textContent))),
    JSON.stringify(['简体中文', 'English']), 'the switch on a zh-Hant page');
  await Promise.all([page.waitForURL(/\/en\/499\.html#esri$/), page.click(sw('en'))]);
  // Root home, a list page, the registry, the guide: the same page in the chosen edition.
  for (const [from, lang, to] of [['index.html', 'en', 'en/index.html'], ['index.html', 'zh-Hant', 'zh-hant/index.html'],
    ['en/4xx.html', 'zh-Hans', 'zh/4xx.html'], ['zh-hant/4xx.html', 'en', 'en/4xx.html'],
    ['zh/iana.html', 'zh-Hant', 'zh-hant/iana.html'], ['zh-hant/vendors.html#nginx', 'zh-Hans', 'zh/vendors.html#nginx'],
    ['zh-hant/choose.html', 'en', 'en/choose.html']]) {
    await page.goto(url(from));
    await Promise.all([page.waitForURL(url(to)), page.click(sw(lang))]);
  }
  await page.close();
  clean(ctx);
});

await test('code pages: breadcrumbs, previous/next, a section and anchor per meaning, table of contents', async () => {
  const page = await open(ctx, 'en/499.html');
  const crumbs = await page.$$eval('nav.breadcrumbs li', (li) => li.map((l) => [l.textContent.trim(), l.querySelector('a') && l.querySelector('a').getAttribute('href')]));
  equal(JSON.stringify(crumbs[0]), JSON.stringify(['Home', 'index.html']), 'first breadcrumb');
  check(/^4xx/.test(crumbs[1][0]) && crumbs[1][1] === '4xx.html', `class breadcrumb ${crumbs[1]}`);
  equal(JSON.stringify(crumbs[2]), JSON.stringify(['499', null]), 'last breadcrumb');
  const sections = await page.$$eval('section.meaning', (s) => s.map((x) => x.id));
  check(sections.includes('nginx') && sections.includes('esri'), `sections ${sections}`);
  const toc = await page.$$eval('.toc-meanings > li > a', (a) => a.map((x) => x.getAttribute('href')));
  equal(JSON.stringify(toc), JSON.stringify(sections.map((s) => `#${s}`)), 'table of contents');
  // Every entry of the table of contents, meanings and their sections, leads to an anchor of the page.
  const targets = await page.$$eval('.toc a', (a) => a.map((x) => x.getAttribute('href').slice(1)));
  for (const id of targets) check(await page.$(`[id="${id}"]`), `the contents entry #${id} has its anchor`);
  const self = await page.$$eval('section.meaning > .meaning-head > h2 a', (a) => a.map((x) => x.getAttribute('href')));
  equal(JSON.stringify(self), JSON.stringify(sections.map((s) => `#${s}`)), 'each meaning heading links to its anchor');
  const prev = await page.getAttribute('a[rel=prev]', 'href');
  const next = await page.getAttribute('a[rel=next]', 'href');
  check(/^\d{3}\.html$/.test(prev) && /^\d{3}\.html$/.test(next) && prev < '499.html' && next > '499.html', `prev ${prev} next ${next}`);
  await Promise.all([page.waitForURL(url(`en/${next}`)), page.click('a[rel=next]')]);
  await Promise.all([page.waitForURL(url('en/499.html')), page.click('a[rel=prev]')]);
  // A number with one meaning lists the sections of its long page.
  await page.goto(url('en/418.html'));
  const parts = await page.$$eval('.toc a', (a) => a.map((x) => [x.textContent.trim(), x.getAttribute('href')]));
  check(parts.length >= 6 && parts[0][0] === 'Meaning', `418's contents ${JSON.stringify(parts)}`);
  for (const [, href] of parts) check(await page.$(`[id="${href.slice(1)}"]`), `418 has the anchor ${href}`);
  check(!(await page.$('.toc-meanings')), '418 lists no meanings');
  await page.close();
  clean(ctx);
});

// --------------------------------------------------------- first screen
await test('every code page answers on the first screen of a 375×812 phone, in all three editions', async () => {
  const phone = await newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const codePages = pages.filter((p) => /^(zh|zh-hant|en)\/\d{3}\.html$/.test(p));
  const bad = [];
  const queue = [...codePages];
  await Promise.all([0, 1, 2].map(async () => {
    const tab = await phone.newPage();
    for (let rel; (rel = queue.shift()) !== undefined;) {
      await tab.goto(url(rel), { waitUntil: 'load' });
      const r = await tab.evaluate(() => {
        const s = document.querySelector('main .top .summary'), h1 = document.querySelector('main h1');
        const b = s && s.getBoundingClientRect();
        return {
          summary: !!s && s.textContent.trim().length > 0, bottom: b ? b.bottom : 0, top: b ? b.top : 0,
          reason: (h1.querySelector('.reason[lang=en]') || {}).textContent || null,
          title: document.title,
        };
      });
      if (!r.summary) bad.push(`${rel}: no summary at the top`);
      else if (r.bottom > 812 || r.top < 0) bad.push(`${rel}: the summary ends at ${Math.round(r.bottom)} px`);
      if (rel.startsWith('zh') && (!r.reason || !r.title.includes(r.reason)))
        bad.push(`${rel}: the English reason phrase is not in the heading and the title (${r.title})`);
    }
    await tab.close();
  }));
  // The numbers people look up for their best-known meaning.
  const tab = await phone.newPage();
  for (const [rel, want] of [['zh/499.html', 'Client Closed Request'], ['en/419.html', 'Page Expired'],
    ['en/420.html', 'Enhance Your Calm'], ['zh/502.html', 'Bad Gateway']]) {
    await tab.goto(url(rel));
    const h1 = await tab.textContent('main h1');
    if (!h1.includes(want)) bad.push(`${rel}: the heading is "${h1}", not ${want}'s`);
  }
  await tab.goto(url('zh/502.html'));
  equal(await tab.title(), '502 Bad Gateway 网关错误 — HTTP 状态码参考', 'zh/502.html title');
  await tab.goto(url('zh-hant/504.html'));
  equal(await tab.title(), '504 Gateway Timeout 閘道逾時 — HTTP 狀態碼參考', 'zh-hant/504.html title');
  await tab.close();
  await phone.close();
  problems(phone.log, 'console errors or failed requests');
  problems(bad, `of ${codePages.length} code pages do not answer on the first screen`);
});

// ------------------------------------------------------------ every page
await test(`every page (${pages.length}) at 375 px: no console error, no failed request, no horizontal scrolling`, async () => {
  const phone = await newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const wide = [], struct = [];
  const queue = [...pages];
  // Three tabs at a time: the pages are independent.
  await Promise.all([0, 1, 2].map(async () => {
    const tab = await phone.newPage();
    for (let rel; (rel = queue.shift()) !== undefined;) await lint(tab, rel);
    await tab.close();
  }));
  async function lint(page, rel) {
    await page.goto(url(rel), { waitUntil: 'load' });
    const r = await page.evaluate(() => {
      const out = [];
      const de = document.documentElement;
      const lang = de.getAttribute('lang');
      if (lang !== 'en' && lang !== 'zh-Hans' && lang !== 'zh-Hant') out.push(`html lang="${lang}"`);
      for (const sel of ['header.site-header', 'main#main', 'footer', 'nav.site-nav[aria-label]', 'form[role=search] input#q', 'a.lang-switch[lang][hreflang]'])
        if (!document.querySelector(sel)) out.push(`no ${sel}`);
      const hrefs = [...document.querySelectorAll('nav.site-nav a')].map((a) => a.getAttribute('href'));
      for (const want of ['index.html', '1xx.html', '4xx.html', '5xx.html', 'vendors.html', 'rfcs.html', 'iana.html'])
        if (!hrefs.some((h) => h.endsWith(want))) out.push(`navigation lacks ${want}`);
      const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => +h.tagName[1]);
      if (hs.filter((n) => n === 1).length !== 1 || hs[0] !== 1) out.push(`headings ${hs.join('')}: one h1, first`);
      for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i - 1] + 1) { out.push(`heading h${hs[i - 1]} then h${hs[i]}`); break; }
      const texts = [...document.querySelectorAll('[lang]')].map((e) => e.getAttribute('lang')).filter((l) => l !== 'en' && l !== 'zh-Hans' && l !== 'zh-Hant');
      if (texts.length) out.push(`lang values ${texts}`);
      return { out, sw: de.scrollWidth, cw: de.clientWidth, bw: document.body.scrollWidth };
    });
    if (r.sw > r.cw || r.bw > r.cw) wide.push(`${rel}: ${r.sw} px wide in a ${r.cw} px window`);
    for (const o of r.out) struct.push(`${rel}: ${o}`);
  }
  // Open the search results too: they must fit.
  const page = await open(phone, 'zh/index.html');
  await search(page, '5');
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  if (sw > 375) wide.push(`zh/index.html with search results open: ${sw} px`);
  await phone.close();
  problems(phone.log, 'console errors or failed requests');
  problems(wide, 'pages scroll sideways at 375 px');
  problems(struct, 'structure problems (lang, landmarks, navigation, headings)');
});

// ------------------------------------------------------------ design
await test('no web fonts, a Chinese font in the stack, readable lines, dark mode, print style', async () => {
  const page = await open(ctx, 'zh/404.html');
  const r = await page.evaluate(() => ({
    fonts: document.fonts.size,
    family: getComputedStyle(document.body).fontFamily,
    line: Math.max(...[...document.querySelectorAll('main .body > p')].map((p) => p.getBoundingClientRect().width)),
    em: parseFloat(getComputedStyle(document.body).fontSize),
    bg: getComputedStyle(document.body).backgroundColor,
  }));
  equal(r.fonts, 0, 'web fonts');
  check(/Noto Sans CJK SC/.test(r.family) && /PingFang SC/.test(r.family) && /Microsoft YaHei/.test(r.family), `font stack ${r.family}`);
  check(r.line / r.em <= 42, `lines of ${Math.round(r.line / r.em)} em`);
  equal(r.bg, 'rgb(255, 255, 255)', 'light background');
  const dark = await browser.newPage({ colorScheme: 'dark' });
  await dark.goto(url('zh/404.html'));
  const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(bg !== 'rgb(255, 255, 255)' && /rgb\((\d+), (\d+), (\d+)\)/.test(bg) && +RegExp.$1 < 40, `dark background ${bg}`);
  await dark.close();
  await page.emulateMedia({ media: 'print' });
  check(await page.isHidden('header.site-header') && await page.isHidden('.prevnext'), 'print hides the header and the previous/next links');
  check(await page.isVisible('main h1'), 'print shows the content');
  await page.close();
  // Status labels: each kind has its own look.
  const labels = await open(ctx, 'en/104.html');
  const look = async (rel, sel) => {
    await labels.goto(url(rel));
    return labels.$eval(sel, (e) => { const c = getComputedStyle(e); return `${c.color}|${c.backgroundColor}|${c.borderStyle}`; });
  };
  const kinds = {
    iana: await look('en/104.html', '.tag-iana'),
    temporary: await look('en/104.html', '.tag-temporary'),
    vendor: await look('en/499.html', '#nginx .tag-vendor'),
    unofficial: await look('en/499.html', '.tag-unofficial'),
    unused: await look('en/306.html', '.tag-status[data-status=unused]'),
    deprecated: await look('en/305.html', '.tag-status[data-status=deprecated]'),
  };
  const distinct = new Set(Object.values(kinds));
  equal(distinct.size, Object.keys(kinds).length, `distinct label styles ${JSON.stringify(kinds)}`);
  await labels.close();
  clean(ctx);
});


// ------------------------------------------------------- quick reference
// The rows of a comparison table as [code, cells…] (each cell's text).
async function tableRows(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) =>
    Array.from(r.cells, (c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

await test('compare.html: which redirects keep the method, at a glance; the table of every code sorts', async () => {
  for (const lang of ['en', 'zh', 'zh-hant']) {
    const page = await open(ctx, `${lang}/compare.html`);
    const redirects = await tableRows(page, '#redirects table');
    equal(redirects.map((r) => r[0].slice(0, 3)).join(' '), '301 302 303 307 308', `${lang}: the redirects`);
    const kept = redirects.filter((r) => /Kept|保持不变|保持不變/.test(r[2])).map((r) => r[0].slice(0, 3));
    equal(kept.join(' '), '307 308', `${lang}: the redirects that keep the method`);
    const permanent = redirects.filter((r) => /Permanent|永久/.test(r[1])).map((r) => r[0].slice(0, 3));
    equal(permanent.join(' '), '301 308', `${lang}: the permanent redirects`);
    check(redirects.every((r) => r[r.length - 1].length > 10), `${lang}: every row says when to use it`);
    for (const [id, codes] of [['access', '401 403 404 407'], ['gateway', '502 503 504'], ['client-data', '400 409 415 422']])
      equal((await tableRows(page, `#${id} table`)).map((r) => r[0].slice(0, 3)).join(' '), codes, `${lang}: #${id}`);
    const all = await tableRows(page, '#all table');
    equal(all.length, 64, `${lang}: every registered code`);
    // Sort by the year of first definition, then the other way.
    const yearCol = 5;
    const button = page.locator('#all thead th').nth(yearCol).locator('button');
    await button.click();
    let sorted = await tableRows(page, '#all table');
    const years = sorted.map((r) => +/\((\d{4})\)/.exec(r[yearCol])[1]);
    check(years.every((y, i) => i === 0 || years[i - 1] <= y), `${lang}: ascending years ${years.join(' ')}`);
    equal(await page.locator('#all thead th').nth(yearCol).getAttribute('aria-sort'), 'ascending', 'aria-sort');
    await button.click();
    sorted = await tableRows(page, '#all table');
    check(+/\((\d{4})\)/.exec(sorted[0][yearCol])[1] >= years[years.length - 1], `${lang}: descending after a second press`);
    await page.locator('#all thead th').nth(0).locator('button').click();
    equal((await tableRows(page, '#all table')).map((r) => r[0].slice(0, 3)).join(' '),
      all.map((r) => r[0].slice(0, 3)).join(' '), `${lang}: sorted by code again`);
    await page.close();
  }
  // Every code page of a group links to its table; the link lands on it.
  const page = await open(ctx, 'en/307.html');
  const href = await page.getAttribute('.glance .compared a', 'href');
  equal(href, 'compare.html#redirects', '307 links to its comparison');
  await Promise.all([page.waitForURL(/compare\.html#redirects$/), page.click('.glance .compared a')]);
  await page.waitForLoadState('load');
  equal(await page.evaluate(() => document.querySelector(':target') && document.querySelector(':target').id), 'redirects', 'the link opens the table');
  await page.close();
  clean(ctx);
});

await test('compare.html without JavaScript: every table is there, in the order of the codes', async () => {
  const c = await newContext({ javaScriptEnabled: false });
  const page = await open(c, 'en/compare.html');
  const all = await tableRows(page, '#all table');
  equal(all.length, 64, 'every registered code');
  const codes = all.map((r) => r[0].slice(0, 3));
  check(codes.every((x, i) => i === 0 || codes[i - 1] < x), 'in the order of the codes');
  check(!(await page.$('#all thead button')), 'no sort buttons without JavaScript');
  await page.close();
  problems(c.log, 'console errors or failed requests');
  await c.close();
});

await test('cheat sheet: every number on one line; printed on at most four A4 pages in each edition', async () => {
  const numbers = new Set(pages.filter((p) => /^en\/\d{3}\.html$/.test(p)).map((p) => p.slice(3, 6)));
  const pdfPages = {};
  for (const lang of ['en', 'zh', 'zh-hant']) {
    const page = await open(ctx, `${lang}/cheatsheet.html`);
    const rows = await tableRows(page, '.cheat-table');
    equal(rows.length, numbers.size, `${lang}: one line per number`);
    check(rows.every((r) => /^\d{3}$/.test(r[0]) && r[1].length > 1 && /[\u4e00-\u9fff]/.test(r[2])),
      `${lang}: each line has the code, the English phrase and the Chinese title`);
    if (lang === 'zh-hant')
      equal(await page.getAttribute('.cheat-table tbody tr td.zh', 'lang'), 'zh-Hant', 'the Chinese column in Traditional');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const n = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    pdfPages[lang] = n;
    check(n >= 1 && n <= 4, `${lang}: the printed cheat sheet has ${n} pages`);
    await page.emulateMedia({ media: 'print' });
    const tall = await page.$$eval('.cheat-table tr', (trs) => trs.filter((tr) => {
      const h = tr.getBoundingClientRect().height, fs = parseFloat(getComputedStyle(tr).fontSize);
      return h > fs * 2.2;
    }).length);
    equal(tall, 0, `${lang}: lines taller than one line in print`);
    await page.close();
  }
  console.log(`     printed cheat sheet: ${pdfPages.en} A4 pages in English, ${pdfPages.zh} in Chinese, ${pdfPages['zh-hant']} in Traditional Chinese`);
  // Linked from every page: the header and the footer.
  const page = await open(ctx, 'zh/404.html');
  check(await page.$('header a[href="cheatsheet.html"]') && await page.$('footer a[href="cheatsheet.html"]'), 'the cheat sheet is linked from the header and the footer');
  await page.close();
  clean(ctx);
});


await test('choose.html: one question at a time, back, the path in the address; "not logged in" leads to 401, "too many requests" to 429', async () => {
  for (const [lang, login, tooMany] of [['en', /not logged in|log in|credentials/i, /too many requests/i], ['zh', /没登录|登录/, /太多|频繁/]]) {
    const page = await open(ctx, `${lang}/choose.html`);
    check(await page.isHidden('section.guide > .node'), `${lang}: the nested lists are hidden with JavaScript`);
    const choose = async (re) => {
      const buttons = await page.$$eval('.guide-step .choices button', (bs) => bs.map((b) => b.textContent));
      const k = buttons.findIndex((t) => re.test(t));
      check(k >= 0, `${lang}: no answer matching ${re} among ${JSON.stringify(buttons)}`);
      await page.locator('.guide-step .choices button').nth(k).click();
    };
    const result = async () => page.$eval('.guide-step .result a', (a) => a.getAttribute('href'));
    // Access: the caller may not have it → not logged in → 401.
    await choose(lang === 'en' ? /may not have it/i : /拿不到/);
    await choose(login);
    await choose(/API/);
    equal(await result(), '401.html', `${lang}: not logged in`);
    const hash = await page.evaluate(() => location.hash);
    check(/^#\d+(\.\d+)+$/.test(hash), `${lang}: the path is in the address: ${hash}`);
    // The link opens the same answer.
    const again = await open(ctx, `${lang}/choose.html${hash}`);
    equal(await again.$eval('.guide-step .result a', (a) => a.getAttribute('href')), '401.html', `${lang}: a linked answer`);
    await again.close();
    // Back goes one question up; Start again to the first question; then too many requests → 429.
    await page.click('.guide-nav button:first-child');
    check(await page.$('.guide-step .choices button'), `${lang}: back shows the last question again`);
    await page.click('.guide-nav button:last-child');
    check(!(await page.$('.guide-nav')), `${lang}: back at the first question`);
    await choose(lang === 'en' ? /too big or too slow/i : /太大|太慢/);
    await choose(tooMany);
    equal(await result(), '429.html', `${lang}: too many requests`);
    // The browser's own back button steps back too.
    await page.goBack();
    check(await page.$('.guide-step .choices button'), `${lang}: the browser's back shows the question again`);
    await page.close();
  }
  clean(ctx);
});

await test('choose.html without JavaScript: the whole tree as nested lists; 401 and 429 are in it', async () => {
  const c = await newContext({ javaScriptEnabled: false });
  for (const lang of ['en', 'zh', 'zh-hant']) {
    const page = await open(c, `${lang}/choose.html`);
    check(await page.isVisible('section.guide > .node'), `${lang}: the tree is shown`);
    const leaves = await page.$$eval('section.guide .leaf a', (as) => as.map((a) => a.getAttribute('href')));
    check(leaves.length >= 30 && new Set(leaves).size >= 25, `${lang}: ${leaves.length} leaves, ${new Set(leaves).size} codes`);
    check(leaves.includes('401.html') && leaves.includes('429.html'), `${lang}: 401 and 429 are leaves`);
    const nested = await page.$$eval('section.guide ul.answers ul.answers ul.answers', (u) => u.length);
    check(nested > 0, `${lang}: lists nested three deep`);
    await page.close();
  }
  problems(c.log, 'console errors or failed requests');
  await c.close();
});

// ------------------------------------------------------------ accessibility
await test('axe-core: no serious or critical violation (home, class, code, vendor, registry, search, compare, cheat sheet, guide; all three editions; light, dark, phone)', async () => {
  const found = [];
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 375]]) {
    const c = await newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
    for (const lang of ['zh', 'zh-hant', 'en']) {
      for (const rel of [lang === 'zh' ? 'index.html' : `${lang}/index.html`, `${lang}/4xx.html`, `${lang}/499.html`,
        `${lang}/104.html`, `${lang}/vendor-nginx.html`, `${lang}/iana.html`, `${lang}/404.html#search`,
        `${lang}/compare.html`, `${lang}/cheatsheet.html`, `${lang}/choose.html`, `${lang}/choose.html#3.1`]) {
        const page = await open(c, rel.replace('#search', ''));
        if (rel.endsWith('#search')) await search(page, { zh: '网关', 'zh-hant': '閘道', en: 'gateway' }[lang]), await page.keyboard.press('ArrowDown');
        await page.evaluate(axeSource);
        const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], preload: false }));
        for (const v of res.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${scheme} ${width} px ${rel}: ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        await page.close();
      }
    }
    problems(c.log, 'console errors or failed requests');
    await c.close();
  }
  problems(found, 'serious or critical accessibility violations');
});

// ------------------------------------------------------------ screenshots
await test('screenshots: home and a code page, both languages, desktop and phone', async () => {
  const sizes = {
    desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    phone: { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  };
  const made = [];
  for (const [size, opts] of Object.entries(sizes)) {
    const c = await newContext(opts);
    for (const lang of ['zh', 'en']) {
      for (const [what, rel] of [['home', `${lang}/index.html`], ['code', `${lang}/404.html`]]) {
        const page = await open(c, rel);
        const file = path.join(shots, `${what}-${lang}-${size}.png`);
        await page.screenshot({ path: file });
        check(statSync(file).size > 10000, `${file} is nearly empty`);
        made.push(path.basename(file));
        await page.close();
      }
    }
    problems(c.log, 'console errors or failed requests');
    await c.close();
  }
  equal(made.length, 8, 'screenshots');
});

await ctx.close();
await browser.close();
console.log(`browser: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
writeFileSync(countsFile, `${counts.passed} ${counts.failed}\n`);
process.exit(counts.failed ? 1 : 0);
