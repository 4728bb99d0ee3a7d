#!/usr/bin/env node
// @ts-check
// `npm run demo`: the extension in a real VS Code (code-server) against the local DataWorks emulator.
//   - builds and packages the extension, installs the VSIX into a fresh code-server profile;
//   - starts the emulator with the demo seed and a persistent state file (.cache/demo/emulator-state.json);
//   - starts code-server on http://127.0.0.1:8080 (or --port N), the emulator endpoint in the user settings
//     and the demo key pair offered as the Environment profile (ALIBABA_CLOUD_* variables);
//   - keeps running until Ctrl+C.
// `npm run demo -- --screenshots <dir>` instead drives Chromium through the main screens, writes PNGs and exits.
// Other options: --emulator-port N (default: any free port), --seed demo|empty|large, --reset (fresh emulator state)
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepare } from '../test/vscode/prepare.mjs';
import * as h from '../test/vscode/harness.mjs';

const { ROOT, log, secs } = h;

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8080' },
    'emulator-port': { type: 'string', default: '0' },
    seed: { type: 'string', default: 'demo' },
    screenshots: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});

/**
 * @param {import('../test/vscode/harness.mjs').Tools} tools
 * @param {NodeJS.ProcessEnv} env
 * @param {Awaited<ReturnType<typeof h.startCodeServer>>} server
 * @param {string} outDir
 */
async function screenshots(tools, env, server, outDir) {
  mkdirSync(outDir, { recursive: true });
  const run = { profiles: join(outDir, '.profiles') };
  mkdirSync(run.profiles, { recursive: true });
  const context = await h.launchBrowser(tools, run, env, { name: 'demo' });
  const page = context.pages()[0] ?? (await context.newPage());
  // Tree rows show a spinning icon while they load; wait (up to 10 s) until none is left.
  const settle = async () => {
    await page
      .waitForFunction(() => !document.querySelector('.part.sidebar .codicon-modifier-spin'), undefined, { timeout: 10_000 })
      .catch(() => log('the tree is still loading; taking the screenshot anyway'));
    await page.waitForTimeout(300);
  };
  /** @param {string} name */
  const shot = async (name) => {
    const file = join(outDir, name);
    await page.screenshot({ path: file });
    log(`wrote ${file}`);
  };
  await page.goto(server.workbenchUrl());
  await h.waitForWorkbench(page);

  // 1. The workbench with the DataWorks view open.
  const activity = page.locator('.part.activitybar .action-item a[aria-label^="DataWorks"]').first();
  const hasView = await activity.waitFor({ state: 'visible', timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  if (hasView) {
    await activity.click();
    await page.locator('.part.sidebar .monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 20_000 }).catch(() => {
      log('the DataWorks view shows no tree items (no profile yet?)');
    });
  } else {
    log('no "DataWorks" entry in the activity bar (package.json contributes no view container yet)');
  }
  await page.mouse.move(800, 500); // no hover tooltip on the activity bar
  await settle();
  await shot('01-workbench-dataworks-view.png');

  // 2. The tree with its first collapsed items expanded.
  for (let i = 0; i < 4; i++) {
    const collapsed = page.locator('.part.sidebar .monaco-list-row[role="treeitem"][aria-expanded="false"]').first();
    if (!(await collapsed.count())) break;
    await collapsed.locator('.monaco-tl-twistie').click();
    await settle();
  }
  await page.mouse.move(800, 500);
  await shot('02-tree-expanded.png');

  // 3. The command palette listing the DataWorks commands.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>DataWorks');
  await page.waitForTimeout(800);
  await shot('03-command-palette.png');
  await page.keyboard.press('Escape');
  await context.close();
  rmSync(run.profiles, { recursive: true, force: true });
}

async function main() {
  const t0 = Date.now();
  const tools = await prepare();
  const port = await h.freePort(Number(values.port)).catch((/** @type {unknown} */ err) => {
    throw new Error(`${h.errorText(err)}: pass another one with --port N (npm run demo -- --port 8081)`);
  });
  const demoDir = join(ROOT, '.cache', 'demo');
  mkdirSync(demoDir, { recursive: true });
  const statePath = join(demoDir, 'emulator-state.json');
  if (values.reset) rmSync(statePath, { force: true });

  // code-server's profile is fresh on every start (the emulator state is what persists).
  const runBase = join(demoDir, 'run');
  rmSync(runBase, { recursive: true, force: true });
  const run = h.createRunDir('demo', runBase);

  h.buildExtension();
  const vsix = h.packageVsix(join(run.out, 'dataworks.vsix'));
  const emu = await h.startEmulator({ port: Number(values['emulator-port']), seed: values.seed, statePath });
  const wiring = h.emulatorWiring(emu);
  h.writeUserSettings(run, wiring.settings);
  const env = h.isolatedEnv(run, wiring.env);
  h.installVsix(tools, run, vsix, env);
  // A long reconnection grace time: reloading the page or a laptop going to sleep keeps the session.
  const server = await h.startCodeServer(tools, run, { port, env, graceSeconds: 3600 });
  log(`ready in ${secs(t0)}`);

  if (values.screenshots) {
    await screenshots(tools, env, server, resolve(values.screenshots));
    await h.cleanup();
    process.exit(0);
  }

  console.log('');
  console.log(`  DataWorks for VS Code is running in code-server: ${server.workbenchUrl()}`);
  if (emu) {
    console.log(`  DataWorks emulator: ${emu.url}   state: ${statePath}`);
    if (emu.credentials) console.log(`  Environment profile: AccessKey ID ${emu.credentials.accessKeyId} (region cn-shanghai)`);
  }
  console.log(`  Logs: ${run.logs}`);
  console.log('  Press Ctrl+C to stop.\n');
  // Keep running until a signal (the harness stops the server and the emulator) or the server dies.
  const code = await server.exited;
  if (h.state.stopping) return; // Ctrl+C: the harness is already stopping everything
  console.error(`[demo] code-server exited (${code}); see ${server.logFile}`);
  await h.cleanup();
  process.exit(1);
}

main().catch(async (/** @type {unknown} */ err) => {
  console.error(`[demo] FAILED: ${(err instanceof Error ? err.stack : undefined) ?? String(err)}`);
  await h.cleanup();
  process.exit(1);
});
