// The glossary's banned terms, checked in the Chinese text of the content:
// every use is reported as FILE:LINE:COL: error: …, and the exit status is 1.
// The terms come from the block <!-- banned-terms … --> of docs/glossary.md:
// one per line, TERM<TAB>USE INSTEAD[<TAB>microsoft], where "microsoft" lets
// pages about Microsoft's products use the term as their interface does.
// Only prose is checked: the zh language section of each body, without code,
// link addresses, and text in quotation marks (a title or a screen quoted as
// it is).  Aliases and summaries may use everyday words (see the glossary).
//   node tests/glossary-check.mjs [FILE…]   (default: content/**/*.md)
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const glossary = readFileSync("docs/glossary.md", "utf8");
const block = /<!-- banned-terms\n([\s\S]*?)-->/.exec(glossary);
if (!block) {
  console.error("docs/glossary.md: error: no <!-- banned-terms … --> block");
  process.exit(2);
}
const terms = block[1].split("\n").filter((l) => l.trim()).map((l) => {
  const [term, instead, where] = l.split("\t");
  return { term, instead, microsoft: where === "microsoft" };
});

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith(".md")) out.push(p);
  }
  return out;
}

// Blanks out, keeping every column, what is not prose: code spans, link
// addresses, text between quotation marks.
function prose(line) {
  const blank = (m) => " ".repeat(m.length);
  return line
    .replace(/`[^`]*`/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/“[^”]*”/g, blank)
    .replace(/「[^」]*」/g, blank)
    .replace(/‘[^’]*’/g, blank);
}

const problems = [];
const list = process.argv.length > 2 ? process.argv.slice(2) : files("content");
for (const file of list) {
  const text = readFileSync(file, "utf8");
  const vendor = (/^vendor:\s*(.*)$/m.exec(text.split(/^---$/m)[1] || "") || [])[1] || "";
  const lines = text.split("\n");
  let zh = false, fence = false;
  lines.forEach((line, i) => {
    if (/^<!-- lang: zh -->/.test(line)) zh = true;
    else if (/^<!-- lang: /.test(line)) zh = false;
    if (/^(```|~~~)/.test(line)) { fence = !fence; return; }
    if (!zh || fence) return;
    const p = prose(line);
    for (const t of terms) {
      if (t.microsoft && /microsoft/i.test(vendor)) continue;
      for (let at = p.indexOf(t.term); at >= 0; at = p.indexOf(t.term, at + 1))
        problems.push(`${file}:${i + 1}:${[...line.slice(0, at)].length + 1}: error: '${t.term}': the glossary says '${t.instead}' (docs/glossary.md)`);
    }
  });
}
for (const p of problems) console.log(p);
console.log(`glossary: ${list.length} files, ${terms.length} banned terms, ${problems.length} uses`);
process.exit(problems.length ? 1 : 0);
