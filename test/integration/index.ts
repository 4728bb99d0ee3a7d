// Entry point of the extension-host test run (VS Code's extensionTestsPath): runs every bundled *.test.js next to
// this file with mocha, inside the real extension host. test/vscode/run.mjs bundles index.ts and each
// test/integration/**/*.test.ts into one folder; any new *.test.ts file is picked up without registration.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Marks output of the extension host (mocha, tests, the extension) so that run.mjs can tell it apart from the
 * workbench's own log, which arrives through the same channel; run.mjs prints marked lines and logs the rest.
 */
export const EXT_HOST_MARK = '\u2063';

function markConsoleOutput(): void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const log = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => log(EXT_HOST_MARK + format(...args));
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(EXT_HOST_MARK + format(...args));
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(dir, f));
}

export function run(): Promise<void> {
  markConsoleOutput();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    // The summary reporter writes {passed, failed, pending} to $TEST_SUMMARY_FILE for run.mjs.
    reporter: process.env.DATAWORKS_TEST_REPORTER ?? 'spec',
  });
  const grep = process.env.DATAWORKS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
