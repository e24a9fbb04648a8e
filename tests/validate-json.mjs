// Validates a JSON document against a JSON Schema (draft 2020-12) with Ajv.
//   node tests/validate-json.mjs SCHEMA DOCUMENT
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaPath, docPath] = process.argv.slice(2);
if (!schemaPath || !docPath) {
  console.error("usage: node validate-json.mjs SCHEMA DOCUMENT");
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const doc = JSON.parse(readFileSync(docPath, "utf8"));
if (!validate(doc)) {
  for (const e of validate.errors) console.error(`${docPath}: ${e.instancePath || "/"}: ${e.message}`);
  process.exit(1);
}
console.log(`${docPath}: valid against ${schemaPath}`);
