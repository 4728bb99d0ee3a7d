#!/usr/bin/env node
// @ts-check
// Runs every test suite, then prints the total over all of them as the last line: "N passed, N failed".
// Usage: node scripts/test.mjs [suite ...]   (suites: unit, api, vscode, e2e; default all)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {string[]} globs
 * @param {string[]} [extra]
 * @returns {[string, string[]]}
 */
const mocha = (globs, extra = []) => ['npx', ['mocha', '--import=tsx', '--reporter', 'test/support/summaryReporter.cjs', ...extra, ...globs]];

/**
 * name → [command, args, needs] ; a suite whose entry file is missing is skipped with a note.
 * A Map, not an object: a name from the command line such as "toString" or "__proto__" must be an unknown suite,
 * not a member of Object.prototype (which ran nothing and reported "0 failed").
 * @type {ReadonlyMap<string, { cmd: [string, string[]], needs: string }>}
 */
const suites = new Map([
  ['unit', { cmd: mocha(['test/unit/**/*.test.ts']), needs: 'test/unit' }],
  ['api', { cmd: mocha(['test/emulator/**/*.test.ts', 'test/api/**/*.test.ts', 'test/reliability/**/*.test.ts'], ['--timeout', '20000']), needs: 'test/emulator' }],
  ['vscode', { cmd: ['node', ['test/vscode/run.mjs', 'integration']], needs: 'test/vscode/run.mjs' }],
  ['e2e', { cmd: ['node', ['test/vscode/run.mjs', 'e2e']], needs: 'test/vscode/run.mjs' }],
]);

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : [...suites.keys()];
const dir = mkdtempSync(join(tmpdir(), 'dw-test-'));
let passed = 0;
let failed = 0;
const rows = [];

for (const name of wanted) {
  const suite = suites.get(name);
  if (!suite) {
    console.error(`unknown suite: ${name}`);
    failed++;
    continue;
  }
  if (!existsSync(suite.needs)) {
    rows.push(`${name}: not present (${suite.needs})`);
    continue;
  }
  const summary = join(dir, `${name}.json`);
  const [cmd, args] = suite.cmd;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TEST_SUMMARY_FILE: summary } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  let s = { passed: 0, failed: 0 };
  if (existsSync(summary)) s = /** @type {typeof s} */ (JSON.parse(readFileSync(summary, 'utf8')));
  // A suite that crashed before reporting, or exited non-zero with no failure counted, counts as one failure.
  if (r.status !== 0 && s.failed === 0) s.failed = 1;
  passed += s.passed;
  failed += s.failed;
  rows.push(`${name}: ${s.passed} passed, ${s.failed} failed (${secs} s, exit ${r.status ?? r.signal})`);
}
rmSync(dir, { recursive: true, force: true });
console.log('\n' + rows.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
