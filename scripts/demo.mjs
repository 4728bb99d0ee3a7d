#!/usr/bin/env node
// @ts-check
// `npm run demo`: the extension in a real VS Code (code-server) against the local DataWorks emulator.
//   - builds and packages the extension, installs the VSIX into a fresh code-server profile;
//   - starts the emulator with the demo seed and a persistent state file (.cache/demo/emulator-state.json);
//   - starts code-server on http://127.0.0.1:8080 (or --port N), the emulator endpoint in the user settings
//     and the demo key pair offered as the Environment profile (ALIBABA_CLOUD_* variables);
//   - keeps running until Ctrl+C.
// `npm run demo -- --screenshots <dir>` instead writes the README's screenshots (test/e2e/screenshots.ts: the explorer,
// both forms and a user groups file's plan, in a light and a dark theme, against a freshly seeded emulator) and exits;
// the README's are in media/readme (`npm run screenshots`).
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

/** @typedef {typeof import('../test/e2e/screenshots.js')} ScreenshotsModule */
/** @typedef {typeof import('../test/e2e/driver.js')} DriverModule */

/**
 * Takes the README's screenshots (test/e2e/screenshots.ts) once per colour theme, each pass in a fresh browser
 * against the emulator's seed state and without what the extension stored in the previous pass, so that every run
 * draws the same pictures (all but the request IDs, which the emulator makes up per request).
 * @param {import('../test/vscode/harness.mjs').Tools} tools
 * @param {NodeJS.ProcessEnv} env
 * @param {import('../test/vscode/harness.mjs').RunDir} run
 * @param {Awaited<ReturnType<typeof h.startCodeServer>>} server
 * @param {{ url: string }} emu
 * @param {Record<string, string>} settings
 * @param {string} outDir
 */
async function screenshots(tools, env, run, server, emu, settings, outDir) {
  mkdirSync(outDir, { recursive: true });
  const { tsImport } = await import('tsx/esm/api');
  process.chdir(ROOT); // the driver reads package.json from the working directory
  const shots = /** @type {ScreenshotsModule} */ (await tsImport(join(ROOT, 'test', 'e2e', 'screenshots.ts'), import.meta.url));
  const driver = /** @type {DriverModule} */ (await tsImport(join(ROOT, 'test', 'e2e', 'driver.ts'), import.meta.url));
  /** @param {'GET' | 'POST'} method @param {string} path @param {unknown} [body] */
  const admin = async (method, path, body) => {
    const res = await fetch(`${emu.url.replace(/\/$/, '')}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return /** @type {unknown} */ (await res.json());
  };
  const seedState = await admin('GET', '/__admin/state');
  for (const [theme, colorTheme] of Object.entries(shots.SCREENSHOT_THEMES)) {
    const t0 = Date.now();
    await admin('POST', '/__admin/state', seedState);
    // What the extension keeps across windows (Recent Operations, drafts) would show the previous pass' work.
    for (const dir of ['globalStorage', 'workspaceStorage']) rmSync(join(run.userData, 'User', dir), { recursive: true, force: true });
    // The workbench reads the user settings when it loads: each pass opens its own page after writing them.
    // No forwarded-ports count in the status bar: it depends on what else listens on this machine at the moment.
    h.writeUserSettings(run, { ...settings, 'workbench.colorTheme': colorTheme, 'remote.autoForwardPorts': false });
    const context = await h.launchBrowser(tools, run, env, { name: `shots-${theme}`, viewport: { width: 1280, height: 800 } });
    const page = context.pages()[0] ?? (await context.newPage());
    const wb = new driver.Workbench(context, page);
    try {
      await page.goto(server.workbenchUrl());
      await wb.ready();
      const setup = {
        workspace: run.workspace,
        serverGroups: async () => /** @type {{ userGroups: import('../test/e2e/screenshots.js').ServerGroup[] }} */ (await admin('GET', '/__admin/state')).userGroups,
      };
      await shots.takeReadmeScreenshots(wb, setup, async (screen) => {
        const file = join(outDir, shots.screenshotFile(screen, /** @type {import('../test/e2e/screenshots.js').ScreenshotTheme} */ (theme)));
        await page.screenshot({ path: file });
        log(`wrote ${file}`);
      });
    } catch (err) {
      const file = join(outDir, `failed-${theme}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      throw new Error(`the ${theme} pass failed (the page as it was: ${file}; logs: ${run.logs}): ${h.errorText(err)}`);
    } finally {
      await context.close();
    }
    log(`${theme} theme: ${secs(t0)}`);
  }
  h.writeUserSettings(run, settings);
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
  // Screenshots start from the seed alone, never from what an earlier demo left in the state file.
  const shotsDir = values.screenshots === undefined ? undefined : resolve(values.screenshots);

  // code-server's profile is fresh on every start (the emulator state is what persists).
  const runBase = join(demoDir, 'run');
  rmSync(runBase, { recursive: true, force: true });
  const run = h.createRunDir('demo', runBase);

  h.buildExtension();
  const vsix = h.packageVsix(join(run.out, 'dataworks.vsix'));
  const emu = await h.startEmulator({ port: Number(values['emulator-port']), seed: values.seed, ...(shotsDir ? {} : { statePath }) });
  const wiring = h.emulatorWiring(emu);
  h.writeUserSettings(run, wiring.settings);
  const env = h.isolatedEnv(run, wiring.env);
  h.installVsix(tools, run, vsix, env);
  // A long reconnection grace time: reloading the page or a laptop going to sleep keeps the session.
  const server = await h.startCodeServer(tools, run, { port, env, graceSeconds: 3600 });
  log(`ready in ${secs(t0)}`);

  if (shotsDir) {
    if (!emu) throw new Error('screenshots need the DataWorks emulator (test/emulator)');
    await screenshots(tools, env, run, server, emu, wiring.settings, shotsDir);
    log(`screenshots done in ${secs(t0)}`);
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
