// Validates JSON documents against a JSON Schema (draft 2020-12) with Ajv.
//   node tests/validate-json.mjs SCHEMA [--ref OTHER-SCHEMA]... DOCUMENT...
// --ref adds a schema that SCHEMA refers to by its $id.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const args = process.argv.slice(2);
const schemaPath = args.shift();
const refs = [];
const docs = [];
while (args.length) {
  const a = args.shift();
  if (a === "--ref") refs.push(args.shift());
  else docs.push(a);
}
if (!schemaPath || docs.length === 0) {
  console.error("usage: node validate-json.mjs SCHEMA [--ref OTHER]... DOCUMENT...");
  process.exit(2);
}
const load = (p) => JSON.parse(readFileSync(p, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const r of refs) ajv.addSchema(load(r));
const validate = ajv.compile(load(schemaPath));
let bad = 0;
for (const d of docs) {
  if (!validate(load(d))) {
    bad++;
    for (const e of validate.errors) console.error(`${d}: ${e.instancePath || "/"}: ${e.message}`);
  }
}
console.log(`${docs.length - bad} of ${docs.length} documents valid against ${schemaPath}`);
process.exit(bad ? 1 : 0);
