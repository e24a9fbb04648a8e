// Checks that keep the content complete (issue: the most complete reference).
// For every registry: iana meaning in codes.json:
//  - both language sections have every part a reader expects, as ### headings;
//  - each language has at least 600 characters of prose (code blocks excluded);
//  - references and see-also are present;
//  - a registered 4xx or 5xx meaning tells the reader who received it what to
//    check ("If you received it" / "遇到了怎么办"), right after its meaning.
// (Constants are checked by statusgen itself, against data/constants.)
// For every other meaning: both languages have at least 300 characters of prose.
//   node tests/content-checks.mjs SITE/codes.json
import { readFileSync } from "node:fs";

const doc = JSON.parse(readFileSync(process.argv[2], "utf8"));
const parts = {
  zh: ["含义", "何时使用", "客户端与缓存", "相关首部字段", "示例", "易混淆的状态码"],
  en: ["Meaning", "When to use it", "Clients and caches", "Related headers", "Example", "Often confused with"],
};
const received = { zh: "遇到了怎么办", en: "If you received it" };

function prose(html) {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&[a-z#0-9]+;/g, "x")
    .replace(/\s+/g, " ")
    .trim();
}
function headings(html) {
  // A number's only meaning has its parts as h2, one of several as h3.
  const level = /<h2>/.test(html) ? 2 : 3;
  return [...html.matchAll(new RegExp(`<h${level}>([\\s\\S]*?)<\\/h${level}>`, "g"))].map((m) => m[1].replace(/<[^>]+>/g, ""));
}

const problems = [];
let iana = 0, others = 0;
for (const entry of doc.codes) {
  for (const m of entry.meanings) {
    const say = (msg) => problems.push(`${m.id}: ${msg}`);
    if (m.registry !== "iana") {
      others++;
      for (const l of ["zh", "en"])
        if (prose(m.body[l]).length < 300) say(`${l} body has only ${prose(m.body[l]).length} characters of prose`);
      continue;
    }
    iana++;
    for (const l of ["zh", "en"]) {
      const h = headings(m.body[l]);
      for (const p of parts[l]) if (!h.includes(p)) say(`${l} body lacks the part "${p}"`);
      if (m.code >= 400 && m.code < 600 && h[1] !== received[l])
        say(`${l} body: the second part must be "${received[l]}" (right after the meaning)`);
      const n = prose(m.body[l]).length;
      if (n < 600) say(`${l} body has only ${n} characters of prose (at least 600)`);
      if (!/<pre><code class="language-http">/.test(m.body[l])) say(`${l} body has no example exchange (\`\`\`http)`);
    }
    if (m.references.length === 0) say("no references");
    if (m.see_also.length === 0) say("no see-also");
  }
}
for (const p of problems) console.error(p);
console.log(`content: ${iana} IANA meanings and ${others} others checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
