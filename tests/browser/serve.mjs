// The contributor's preview in a real browser: `statusgen serve` on a copy
// of the content, a page open in Debian's chromium.  An edit reloads the page
// by itself (twenty edits, timed from the write to the reloaded page showing
// the new text: the median and the worst); a broken front matter shows the
// error with its line in an overlay on the last good page; the fix takes the
// overlay away.
//   node tests/browser/serve.mjs COUNTS   (run by tests/browser/run.sh)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, counts, test } from './harness.mjs';

const countsFile = process.argv[2];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'statusgen-serve.'));
cpSync('content', path.join(tmp, 'content'), { recursive: true });
const file = path.join(tmp, 'content', '404.md');
const server = spawn('gen/statusgen', ['serve', '--port', '0', '--content', path.join(tmp, 'content'),
  '--out', path.join(tmp, 'site')], { env: { ...process.env, STATUSGEN_TODAY: '2026-11-01' },
  stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (d) => { stderr += d; });
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  setTimeout(() => reject(new Error('serve printed no address in 20 s')), 20000);
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(`${base}en/404.html`);

await test('serve: an edit reloads the open page by itself (20 edits, timed)', async () => {
  const times = [];
  for (let i = 1; i <= 20; i++) {
    const text = `Live edit ${i} of the browser test.`;
    const loaded = page.waitForEvent('domcontentloaded', { timeout: 10000 });
    const t0 = Date.now();
    appendFileSync(file, `\n${text}\n`);
    await loaded;
    await page.getByText(text).waitFor({ timeout: 5000 });
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`     edit to reloaded page: median ${times[9]} ms, worst ${times[19]} ms (${times.join(' ')})`);
  // The figure is the point (the README gives it; the aim is 300 ms); the
  // bound only catches a reload that has become slow, on any host.
  check(times[9] < 1500, `the median reload took ${times[9]} ms`);
});

await test('serve: a broken file shows its error in an overlay; the fix removes it', async () => {
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace(/^code: 404$/m, 'code: [404'));
  const overlay = page.locator('#statusgen-errors');
  await overlay.waitFor({ timeout: 10000 });
  const text = await overlay.textContent();
  check(/404\.md:\d+:\d+: error: YAML/.test(text), `the overlay lacks the error with its position: ${text}`);
  check(!/: note: /.test(text), `the overlay shows notes: ${text}`);
  check(await page.getByText('Live edit 20 of the browser test.').count() === 1, 'the last good page is gone');
  writeFileSync(file, good);
  await overlay.waitFor({ state: 'detached', timeout: 10000 });
  check(errors.length === 0, `console errors: ${errors.join('; ')}`);
});

await browser.close();
server.kill('SIGTERM');
const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
await test('serve: SIGTERM ends it with status 0', async () => check(code === 0, `exit status ${code}`));
rmSync(tmp, { recursive: true, force: true });
writeFileSync(countsFile, `${counts.passed} ${counts.failed}\n`);
process.exit(counts.failed ? 1 : 0);
