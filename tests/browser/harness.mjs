// The checks' harness shared by the browser tests (browser.mjs, serve.mjs):
// each check runs, prints PASS or FAIL with what went wrong, and is counted.
// BROWSER_TESTS=REGEX runs only the checks whose names match.
const only = process.env.BROWSER_TESTS ? new RegExp(process.env.BROWSER_TESTS, 'i') : null;
export const counts = { passed: 0, failed: 0 };

export async function test(name, fn) {
  if (only && !only.test(name)) return;
  const t0 = Date.now();
  try {
    await fn();
    counts.passed++;
    console.log(`PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    counts.failed++;
    console.log(`FAIL ${name}`);
    for (const line of String((e && e.message) || e).split('\n').slice(0, 40)) console.log(`     ${line}`);
  }
}

export function check(cond, msg) {
  if (!cond) throw new Error(msg);
}
