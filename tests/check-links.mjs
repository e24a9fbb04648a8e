// Checks that every local link and anchor in a built site resolves: each
// href/src that is not an absolute http(s) or mailto address must name a file
// of the site, and a #fragment must name an id in that file.
//   node tests/check-links.mjs SITE
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname, relative, normalize } from "node:path";

const site = process.argv[2];
if (!site) { console.error("usage: node check-links.mjs SITE"); process.exit(2); }

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const decode = (s) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const ids = new Map();
function idsOf(file) {
  if (!ids.has(file)) {
    const set = new Set();
    for (const m of readFileSync(file, "utf8").matchAll(/\sid="([^"]*)"/g)) set.add(decode(m[1]));
    ids.set(file, set);
  }
  return ids.get(file);
}

const pages = walk(site).filter((f) => f.endsWith(".html"));
let links = 0, broken = 0;
for (const page of pages) {
  const html = readFileSync(page, "utf8");
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const url = decode(m[1]);
    if (/^(https?:|mailto:)/.test(url)) continue;
    links++;
    const [path, frag] = url.split("#");
    const target = path === "" ? page : normalize(join(dirname(page), path));
    let problem = null;
    if (!relative(site, target) || relative(site, target).startsWith("..")) problem = "leaves the site";
    else if (!existsSync(target)) problem = "no such file";
    else if (frag && target.endsWith(".html") && !idsOf(target).has(frag)) problem = `no id "${frag}"`;
    if (problem) {
      broken++;
      console.error(`${relative(site, page)}: ${url}: ${problem}`);
    }
  }
}
console.log(`links: ${pages.length} pages, ${links} local links, ${broken} broken`);
process.exit(broken ? 1 : 0);
