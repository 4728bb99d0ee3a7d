#!/usr/bin/env node
// @ts-check
// Runs the extension in a real VS Code (code-server 4.139 = VS Code 1.139) driven by headless Chromium.
//
//   node test/vscode/run.mjs integration   mocha inside the extension host (test/integration/**/*.test.ts),
//                                          extension loaded from the repo as extensionDevelopmentPath
//   node test/vscode/run.mjs e2e           UI tests (test/e2e/**/*.test.ts, mocha in Node + playwright-core),
//                                          extension installed from a freshly packaged VSIX
//   node test/vscode/run.mjs demo          same as `npm run demo` (scripts/demo.mjs)
//
// Options: --grep <text>   only tests whose full title contains <text>
//          --keep          keep the run folder (logs, user data, profiles) even when everything passed
// Env:     TEST_SUMMARY_FILE  receives {"passed":N,"failed":N,"pending":N} (scripts/test.mjs adds them up)
//          DATAWORKS_TEST_TIMEOUT  overall limit in seconds for one suite (default 1800)
//          DATAWORKS_TEST_START_TIMEOUT  integration: seconds until the extension host starts the tests (default 180)
// Exit code: 0 when every test passed, 1 otherwise.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { prepare } from './prepare.mjs';
import * as h from './harness.mjs';

const { ROOT, log, secs } = h;
const RESULTS = join(ROOT, 'test-results');
const EXT_HOST_MARK = '\u2063'; // keep in sync with test/integration/index.ts

/** @typedef {{ passed: number, failed: number, pending?: number }} Summary */
/** @typedef {{ grep?: string | undefined }} SuiteOptions */

/** @param {Summary} summary */
function writeSummary(summary) {
  const file = process.env.TEST_SUMMARY_FILE;
  if (file) writeFileSync(file, JSON.stringify(summary));
}

/**
 * @param {string} file
 * @returns {Summary | undefined}
 */
function readSummary(file) {
  try {
    return /** @type {Summary} */ (JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} seconds
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, seconds, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// Only a guard against hangs: mocha's per-test timeouts catch a stuck test much earlier.
const suiteTimeout = Number(process.env.DATAWORKS_TEST_TIMEOUT ?? 1800);

// ---------------------------------------------------------------------------------------------------------------

/**
 * Extension-host tests: code-server with the smoke-test driver, tests passed in through the `payload` query.
 * @param {SuiteOptions} opts
 */
async function integration(opts) {
  const tools = await prepare();
  const run = h.createRunDir('integration');
  log(`run folder: ${run.dir}`);
  h.buildExtension();
  const testsIndex = await h.bundleIntegrationTests(join(run.out, 'integration'));

  const emu = await h.startEmulator({ seed: 'demo' });
  const wiring = h.emulatorWiring(emu);
  h.writeUserSettings(run, wiring.settings);

  const innerSummary = join(run.dir, 'summary.json');
  const env = h.isolatedEnv(run, {
    ...wiring.env,
    TEST_SUMMARY_FILE: innerSummary,
    DATAWORKS_TEST_REPORTER: join(ROOT, 'test', 'support', 'summaryReporter.cjs'),
    DATAWORKS_TEST_ROOT: ROOT,
    DATAWORKS_TEST_WORKSPACE: run.workspace,
    ...(opts.grep ? { DATAWORKS_TEST_GREP: opts.grep } : {}),
  });
  const port = await h.freePort();
  const server = await h.startCodeServer(tools, run, { port, env, smokeTestDriver: true });

  const t0 = Date.now(); // workbench.log times are relative to this
  const context = await h.launchBrowser(tools, run, env, { name: 'integration' });
  /** @type {(code: number) => void} */
  let resolveExit;
  /** @type {(err: Error) => void} */
  let rejectExit;
  let started = false;
  /** @type {Promise<number>} */
  const exited = new Promise((resolve, reject) => {
    resolveExit = resolve;
    rejectExit = reject;
  });
  // The workbench reports the test run through these two hooks (VS Code's smoke-test driver contract).
  // Lines from the extension host (mocha's report, console output of tests and extension) carry EXT_HOST_MARK
  // (see test/integration/index.ts) and are printed; the workbench's own log goes to logs/workbench.log.
  const workbenchLog = createWriteStream(join(run.logs, 'workbench.log'));
  h.onCleanup(() => new Promise((r) => workbenchLog.end(r)));
  await context.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
    /** @type {unknown[] | undefined} */
    const list = Array.isArray(args) ? args : undefined;
    const text = list ? format(...list) : String(args);
    const at = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
    workbenchLog.write(`${at}s [${type}] ${text.replaceAll(EXT_HOST_MARK, '')}\n`);
    if (text.includes(EXT_HOST_MARK)) {
      started = true;
      console.log(text.replaceAll(EXT_HOST_MARK, ''));
    }
  });
  await context.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => resolveExit(code));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  page.on('crash', () => rejectExit(new Error('the Chromium page crashed during the test run')));

  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(testsIndex)],
  ];
  await page.goto(server.workbenchUrl({ payload: JSON.stringify(payload) }));
  // Fail early when the tests never start (workbench or extension host stuck, payload ignored).
  const startLimit = Number(process.env.DATAWORKS_TEST_START_TIMEOUT ?? 180);
  const watchdog = setTimeout(() => {
    if (!started) {
      rejectExit(
        new Error(
          `the extension host did not start the tests within ${startLimit} s ` +
            `(see ${join(run.logs, 'workbench.log')} and ${server.logFile})`,
        ),
      );
    }
  }, startLimit * 1000);
  h.onCleanup(() => clearTimeout(watchdog));
  let code;
  try {
    code = await withTimeout(
      Promise.race([
        exited,
        server.exited.then((c) => {
          throw new Error(`code-server exited (${c}) during the test run`);
        }),
      ]),
      suiteTimeout,
      'the extension-host test run',
    );
  } catch (err) {
    await page.screenshot({ path: join(RESULTS, 'integration-timeout.png') }).catch(() => {});
    throw err;
  }
  log(`extension host tests finished with code ${code} (${secs(t0)})`);
  const summary = readSummary(innerSummary) ?? { passed: 0, failed: code === 0 ? 0 : 1, pending: 0 };
  if (code !== 0 && summary.failed === 0) summary.failed = 1; // the runner itself failed (load error, crash)
  return { summary, run, server };
}

/**
 * UI tests: code-server without the smoke-test driver, extension installed from the VSIX, mocha in Node.
 * @param {SuiteOptions} opts
 */
async function e2e(opts) {
  const tools = await prepare();
  const run = h.createRunDir('e2e');
  log(`run folder: ${run.dir}`);
  h.buildExtension();
  const vsix = h.packageVsix(join(run.out, 'dataworks.vsix'));

  const emu = await h.startEmulator({ seed: 'demo' });
  const wiring = h.emulatorWiring(emu);
  h.writeUserSettings(run, wiring.settings);
  const env = h.isolatedEnv(run, wiring.env);
  h.installVsix(tools, run, vsix, env);
  // A workbench opened with openWorkbench({ locale: 'zh-CN' }) runs in Simplified Chinese; the others stay English.
  h.offerChineseDisplayLanguage(run);

  const port = await h.freePort();
  const server = await h.startCodeServer(tools, run, { port, env });

  const innerSummary = join(run.dir, 'summary.json');
  const mochaBin = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [
    mochaBin,
    '--import=tsx',
    '--require',
    'test/e2e/hooks.ts',
    '--reporter',
    'test/support/summaryReporter.cjs',
    '--timeout',
    '60000',
    '--slow',
    '10000',
    ...(opts.grep ? ['--grep', opts.grep] : []),
    ...(process.stdout.isTTY ? ['--color'] : []),
    'test/e2e/**/*.test.ts',
  ];
  const t0 = Date.now();
  const mocha = h.startGroup('mocha (e2e)', process.execPath, args, {
    env: {
      ...process.env,
      ...wiring.env,
      TEST_SUMMARY_FILE: innerSummary,
      DATAWORKS_E2E_URL: server.workbenchUrl(),
      DATAWORKS_E2E_SERVER: server.url,
      DATAWORKS_E2E_WORKSPACE: run.workspace,
      DATAWORKS_E2E_RUN_DIR: run.dir,
      DATAWORKS_E2E_USER_DATA: run.userData,
      DATAWORKS_E2E_RESULTS: RESULTS,
      DATAWORKS_CHROMIUM: tools.chromium,
      // Chromium launched by the tests gets HOME/XDG inside the run folder through this.
      DATAWORKS_E2E_BROWSER_HOME: run.home,
    },
    onLine: (line) => console.log(line),
  });
  const code = await withTimeout(mocha.closed, suiteTimeout, 'the e2e mocha run');
  log(`e2e mocha finished with code ${code} (${secs(t0)})`);
  const summary = readSummary(innerSummary) ?? { passed: 0, failed: 1, pending: 0 };
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  return { summary, run, server };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  if (process.argv[2] === 'demo') {
    await import('../../scripts/demo.mjs'); // it reads its own options (--port, --screenshots, ...)
    return;
  }
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { grep: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const kind = positionals[0];
  const suites = { integration, e2e };
  const suite = kind === 'integration' || kind === 'e2e' ? suites[kind] : undefined;
  if (!suite) {
    console.error('usage: node test/vscode/run.mjs <integration|e2e|demo> [--grep text] [--keep]');
    process.exit(2);
  }
  mkdirSync(RESULTS, { recursive: true });
  const t0 = Date.now();
  let result;
  let exitCode = 1;
  try {
    result = await suite(values);
    const { passed, failed, pending = 0 } = result.summary;
    writeSummary({ passed, failed, pending });
    log(`${kind}: ${passed} passed, ${failed} failed, ${pending} pending (${secs(t0)} in total)`);
    exitCode = failed > 0 ? 1 : 0;
    const errors = exitCode !== 0 ? h.extensionHostErrors(result.run) : '';
    if (errors) console.error(`--- errors in the extension host log ---\n${errors}`);
  } catch (err) {
    if (h.state.stopping) return; // interrupted: the signal handler stops everything and exits
    console.error(`[vscode-test] ${kind} FAILED: ${(err instanceof Error ? err.stack : undefined) ?? String(err)}`);
    writeSummary({ passed: 0, failed: 1, pending: 0 });
    if (h.state.serverLog) console.error(`--- last lines of ${h.state.serverLog} ---\n${h.tail(h.state.serverLog)}`);
    if (h.state.runDir) log(`kept the run folder for inspection: ${h.state.runDir}`);
  }
  await h.cleanup();
  if (result?.run) {
    if (exitCode === 0 && !values.keep) h.removeRunDir(result.run);
    else if (existsSync(result.run.dir)) log(`kept the run folder for inspection: ${result.run.dir}`);
  }
  process.exit(exitCode);
}

await main();
