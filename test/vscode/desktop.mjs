#!/usr/bin/env node
// @ts-check
// `npm run test:desktop`: the same extension-host suite (test/integration) in desktop VS Code (Electron) through
// @vscode/test-electron, for machines that can download VS Code from update.code.visualstudio.com.
// Not part of `npm test`: on an offline machine the download fails, and this says so and exits 1.
// Env: VSCODE_TEST_VERSION (default "stable"), VSCODE_EXECUTABLE (use an installed VS Code, no download).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as h from './harness.mjs';

const { ROOT, log, secs } = h;
const require = createRequire(import.meta.url);

async function main() {
  const t0 = Date.now();
  h.buildExtension();
  const dir = mkdtempSync(join(tmpdir(), 'dataworks-desktop-'));
  const testsIndex = await h.bundleIntegrationTests(join(dir, 'integration'));
  const emu = await h.startEmulator({ seed: 'demo' });
  const wiring = h.emulatorWiring(emu);
  const innerSummary = join(dir, 'summary.json');
  const userData = join(dir, 'user-data');
  const settingsDir = join(userData, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({ ...h.BASE_SETTINGS, ...wiring.settings }, null, 2));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });

  const { runTests } = /** @type {typeof import('@vscode/test-electron')} */ (require('@vscode/test-electron'));
  /** @type {import('@vscode/test-electron').TestOptions} */
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData, '--disable-workspace-trust'],
    extensionTestsEnv: {
      ...wiring.env,
      TEST_SUMMARY_FILE: innerSummary,
      DATAWORKS_TEST_REPORTER: join(ROOT, 'test', 'support', 'summaryReporter.cjs'),
      DATAWORKS_TEST_ROOT: ROOT,
      DATAWORKS_TEST_WORKSPACE: workspace,
    },
    cachePath: join(ROOT, '.vscode-test'),
  };
  if (process.env.VSCODE_EXECUTABLE) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  else options.version = process.env.VSCODE_TEST_VERSION ?? 'stable';

  /** @type {number} */
  let code;
  try {
    code = await runTests(options);
  } catch (err) {
    const msg = h.errorText(err);
    if (!options.vscodeExecutablePath && /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|download|getaddrinfo|socket/i.test(msg)) {
      console.error(
        `\n[test:desktop] Could not download desktop VS Code (${msg.split('\n')[0]}).\n` +
          'This machine cannot reach update.code.visualstudio.com. Run the same suite in a real VS Code with\n' +
          '    npm run test:integration     (code-server, works offline)\n' +
          'or set VSCODE_EXECUTABLE=/path/to/code to use an installed desktop VS Code.\n',
      );
    } else {
      console.error(`[test:desktop] FAILED: ${(err instanceof Error ? err.stack : undefined) ?? msg}`);
    }
    code = 1;
  }
  /** @type {{ passed: number, failed: number, pending: number }} */
  let summary;
  try {
    summary = /** @type {typeof summary} */ (JSON.parse(readFileSync(innerSummary, 'utf8')));
  } catch {
    summary = { passed: 0, failed: 1, pending: 0 };
  }
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  if (process.env.TEST_SUMMARY_FILE) writeFileSync(process.env.TEST_SUMMARY_FILE, JSON.stringify(summary));
  log(`desktop: ${summary.passed} passed, ${summary.failed} failed (${secs(t0)})`);
  await h.cleanup();
  rmSync(dir, { recursive: true, force: true });
  process.exit(code === 0 && summary.failed === 0 ? 0 : 1);
}

main().catch(async (/** @type {unknown} */ err) => {
  console.error(`[test:desktop] FAILED: ${(err instanceof Error ? err.stack : undefined) ?? String(err)}`);
  await h.cleanup();
  process.exit(1);
});
