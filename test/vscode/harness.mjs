// @ts-check
// Shared machinery for run.mjs, desktop.mjs and scripts/demo.mjs: build, bundle, package, run folders,
// the DataWorks emulator, code-server and Chromium, and cleanup of everything that was started.
// Plain Node ESM; only esbuild, playwright-core and tsx come from the project's node_modules.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { ROOT } from './prepare.mjs';

export { ROOT };
const require = createRequire(import.meta.url);

/** @typedef {Awaited<ReturnType<typeof import('./prepare.mjs').prepare>>} Tools */
/** @typedef {ReturnType<typeof createRunDir>} RunDir */
/** @typedef {import('playwright-core').Page} Page */
/**
 * What the harness uses of test/emulator/index.ts (loaded through tsx, so not typed from its source here).
 * setFaults takes test/emulator's FaultConfig; latencyMs is the one the benchmark sets.
 * @typedef {{ url: string, endpoint: string, port: number, close: () => Promise<void>, setFaults: (faults: { latencyMs?: number }) => void }} RunningEmulator
 * @typedef {{
 *   startEmulator: (opts: { port: number, seed: string, statePath?: string }) => Promise<RunningEmulator>,
 *   DEMO_CREDENTIALS?: unknown,
 * }} EmulatorModule
 * @typedef {RunningEmulator & { credentials: { accessKeyId: string, accessKeySecret: string } | undefined }} Emulator
 */

/**
 * What is running now, for error reports.
 * @type {{ serverLog: string | undefined, runDir: string | undefined, stopping: boolean }}
 */
export const state = { serverLog: undefined, runDir: undefined, stopping: false };

/** @param {string} msg */
export const log = (msg) => console.log(`[vscode-test] ${msg}`);
/** @param {number} t0 */
export const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @returns {{ publisher: string, name: string, scripts?: Record<string, string>, repository?: unknown }} */
export const manifest = () => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const extensionId = () => {
  const m = manifest();
  return `${m.publisher}.${m.name}`;
};

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: everything started registers a closer; they run in reverse order on exit, error, SIGINT and SIGTERM.

/** @type {Array<() => unknown>} */
const closers = [];
/** @type {Promise<void> | undefined} */
let cleaning;
/** @param {() => unknown} fn */
export function onCleanup(fn) {
  closers.push(fn);
}
export async function cleanup() {
  cleaning ??= (async () => {
    while (closers.length) {
      const fn = /** @type {() => unknown} */ (closers.pop());
      try {
        await fn();
      } catch (err) {
        console.error(`[vscode-test] cleanup: ${errorText(err)}`);
      }
    }
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    state.stopping = true;
    log(`${sig}: stopping everything that was started ...`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  // Last resort if the async cleanup did not run: kill the process groups we know of.
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});

// ---------------------------------------------------------------------------------------------------------------
// Processes

/** @type {Set<number>} */
const groups = new Set();
/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** The message of an Error, or the thrown value as text. */
export const errorText = (/** @type {unknown} */ err) => String((err instanceof Error ? err.message : undefined) ?? err);

/**
 * Starts a child in its own process group (so that its whole tree can be killed), logging to a file.
 * @param {string} name
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, logFile?: string, onLine?: (line: string) => void }} [options]
 * @returns {{child: import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>, stop: () => Promise<void>, exited: Promise<number|string|null>, closed: Promise<number|string|null>}}
 */
export function startGroup(name, cmd, args, { env, cwd = ROOT, logFile, onLine } = {}) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // No pid: the spawn failed ('error' follows) and there is no group to kill.
  const pid = child.pid ?? 0;
  if (pid) groups.add(pid);
  const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  let buf = '';
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    out?.write(chunk);
    if (!onLine) return;
    buf += chunk.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // exited: the process itself ended; closed: also its output streams (all output has been read).
  /** @type {Promise<number | string | null>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (err) => {
      console.error(`[vscode-test] ${name}: ${err.message}`);
      resolve(null);
    });
  });
  /** @type {Promise<number | string | null>} */
  const closed = new Promise((resolve) => {
    child.once('close', (code, signal) => {
      if (onLine && buf) onLine(buf);
      resolve(code ?? signal);
    });
    child.once('error', () => resolve(null));
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (pid) killGroup(pid, 'SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    // Whatever is left of the group (also children that outlived the leader) goes now.
    if (pid) killGroup(pid, 'SIGKILL');
    groups.delete(pid);
    out?.end();
  };
  onCleanup(stop);
  return { child, stop, exited, closed };
}

/**
 * Runs a command to completion with inherited output; throws on failure.
 * @param {string} label
 * @param {string} cmd
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
export function runSync(label, cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${label}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${label} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal})`);
  log(`${label} (${secs(t0)})`);
}

/**
 * A free TCP port on 127.0.0.1, or checks that `port` is free.
 * @returns {Promise<number>}
 */
export function freePort(port = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (/** @type {NodeJS.ErrnoException} */ err) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is already in use`) : err),
    );
    srv.listen(port, '127.0.0.1', () => {
      const { port: p } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(p));
    });
  });
}

/**
 * Polls `url` until it answers 2xx, or throws after `timeoutMs` with `what` in the message.
 * @param {string} url
 * @param {string} what
 */
export async function waitForHttp(url, what, timeoutMs = 30_000, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${what} exited before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      // fetch() fails with a TypeError whose cause is the socket error (ECONNREFUSED while the server starts).
      const cause = err instanceof Error ? /** @type {NodeJS.ErrnoException | undefined} */ (err.cause) : undefined;
      last = cause?.code ?? errorText(err);
    }
    await sleep(200);
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s (last: ${last})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Build, bundle, package

export function buildExtension() {
  runSync('built the extension (node esbuild.js)', process.execPath, ['esbuild.js']);
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) throw new Error('node esbuild.js produced no dist/extension.js');
}

/**
 * @param {string} dir
 * @param {string} suffix
 */
function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(suffix))
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .sort();
}

/**
 * Bundles test/integration/index.ts and every test/integration/**\/*.test.ts into `outDir` (one CommonJS file each,
 * `vscode` external, mocha required from the project's node_modules by absolute path).
 * @param {string} outDir
 * @returns {Promise<string>} the absolute path of index.js (the extensionTestsPath)
 */
export async function bundleIntegrationTests(outDir) {
  const t0 = Date.now();
  const esbuild = /** @type {typeof import('esbuild')} */ (require('esbuild'));
  const srcDir = join(ROOT, 'test', 'integration');
  const tests = findFiles(srcDir, '.test.ts');
  if (tests.length === 0) throw new Error('no test/integration/**/*.test.ts found');
  const mochaMain = join(require.resolve('mocha/package.json'), '..', 'lib', 'mocha.cjs');
  const mochaPath = existsSync(mochaMain) ? mochaMain : require.resolve('mocha');
  await esbuild.build({
    entryPoints: [join(srcDir, 'index.ts'), ...tests],
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    plugins: [
      {
        name: 'mocha-from-project',
        setup(build) {
          build.onResolve({ filter: /^mocha$/ }, () => ({ path: mochaPath, external: true }));
        },
      },
    ],
  });
  log(`bundled ${tests.length} integration test file(s): ${tests.map((t) => relative(srcDir, t)).join(', ')} (${secs(t0)})`);
  return join(outDir, 'index.js');
}

/** Top-level entries never copied into the VSIX staging folder (large, and excluded by any .vscodeignore). */
const NOT_STAGED = new Set(['.cache', '.git', 'node_modules', 'out', 'test-results', '.vscode-test', 'bench']);

/**
 * Packages the extension as a VSIX with vsce (offline), using the project's .vscodeignore.
 * vsce lists every file of the folder before it applies .vscodeignore, which takes ~20 s with the tools in
 * .cache/; so the project (without .cache, .git, node_modules) is copied to a staging folder first.
 * @param {string} outFile
 */
export function packageVsix(outFile) {
  const stage = join(dirname(outFile), 'vsix-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_STAGED.has(entry)) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  // A vscode:prepublish script would need the dependencies; vsce itself does not ("vsce": {"dependencies": false}).
  if (manifest().scripts?.['vscode:prepublish']) symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  // No flags, as `npm run package` and a release: a check vsce would make before publishing fails the tests too.
  runSync('packaged the VSIX', process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--out', outFile], {
    cwd: stage,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(stage, { recursive: true, force: true });
  return outFile;
}

// ---------------------------------------------------------------------------------------------------------------
// Run folders

/**
 * A fresh folder for one run: HOME and XDG_* for code-server and Chromium, code-server's user-data and extensions
 * dirs, an empty workspace, and browser profiles.
 * @param {string} kind
 * @param {string} [base] this folder instead of a fresh temp folder (kept after the run)
 */
export function createRunDir(kind, base) {
  const dir = base ?? mkdtempSync(join(tmpdir(), `dataworks-${kind}-`));
  const d = {
    dir,
    home: join(dir, 'home'),
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    workspace: join(dir, 'workspace'),
    profiles: join(dir, 'profiles'),
    logs: join(dir, 'logs'),
    out: join(dir, 'out'),
  };
  for (const p of Object.values(d)) mkdirSync(p, { recursive: true });
  state.runDir = dir;
  // Interrupted runs leave nothing behind (closers run in reverse order: this one after the processes stopped).
  if (!base) onCleanup(() => state.stopping && removeRunDir(d));
  return d;
}

/**
 * HOME and XDG dirs inside the run folder, for code-server and Chromium.
 * @param {RunDir} run
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function isolatedEnv(run, extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Do not let an outer VS Code / npm run leak into the server or the extension host.
    if (/^(VSCODE_|ELECTRON_)/.test(k) || /^npm_(config|package|lifecycle)_/i.test(k)) continue;
    env[k] = v;
  }
  const xdg = {
    XDG_CONFIG_HOME: join(run.home, '.config'),
    XDG_DATA_HOME: join(run.home, '.local', 'share'),
    XDG_CACHE_HOME: join(run.home, '.cache'),
    XDG_RUNTIME_DIR: join(run.home, '.run'), // VS Code puts its IPC sockets here
  };
  for (const dir of Object.values(xdg)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { ...env, HOME: run.home, ...xdg, ...extra };
}

export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/**
 * @param {RunDir} run
 * @param {Record<string, unknown>} settings
 */
export function writeUserSettings(run, settings) {
  const dir = join(run.userData, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
}

/**
 * Lets a browser that asks for Simplified Chinese (Accept-Language zh-CN) get a zh-cn workbench; others stay English.
 * VS Code's server takes the language from --locale, else argv.json's `locale` (a missing argv.json counts as "en"),
 * else the browser; so argv.json is written without one. It honours only a language a language pack offers, read
 * from `<user-data>/languagepacks.json`; there is no language pack offline, so this one names a translation file
 * with no text: VS Code's own texts stay English, but the workbench's language, and with it the extension's
 * vscode.env.language, its l10n bundle and package.nls.zh-cn.json, are zh-cn.
 * @param {Pick<RunDir, 'userData' | 'out'>} run
 */
export function offerChineseDisplayLanguage(run) {
  const translations = join(run.out, 'zh-cn.i18n.json');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  mkdirSync(join(run.userData, 'User'), { recursive: true });
  writeFileSync(join(run.userData, 'User', 'argv.json'), '{}\n');
  // The shape VS Code writes (the workbench's language list reads extensions[0]); the extension named is not installed.
  const pack = { hash: 'test-zh-cn', label: '中文(简体)', extensions: [{ extensionIdentifier: { id: 'dataworks-test.zh-cn-display-language' }, version: '0.0.0' }], translations: { vscode: translations } };
  writeFileSync(join(run.userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': pack }));
}

// ---------------------------------------------------------------------------------------------------------------
// DataWorks emulator (test/emulator, TypeScript, loaded in-process through tsx)

/**
 * Starts the emulator in this process. Returns undefined (with a note) while test/emulator/index.ts does not exist yet.
 * @param {{ port?: number, seed?: string, statePath?: string }} [options]
 * @returns {Promise<Emulator | undefined>}
 */
export async function startEmulator({ port = 0, seed = 'demo', statePath } = {}) {
  const entry = join(ROOT, 'test', 'emulator', 'index.ts');
  if (!existsSync(entry)) {
    log('test/emulator/index.ts does not exist yet: running without the DataWorks emulator');
    return undefined;
  }
  const t0 = Date.now();
  const { tsImport } = await import('tsx/esm/api');
  const mod = /** @type {EmulatorModule} */ (await tsImport(entry, import.meta.url));
  /** @type {Parameters<EmulatorModule['startEmulator']>[0]} */
  const opts = { port, seed };
  if (statePath) opts.statePath = statePath;
  const emu = await mod.startEmulator(opts);
  const close = async () => {
    await emu.close();
  };
  onCleanup(close);
  const credentials = normaliseCredentials(mod.DEMO_CREDENTIALS);
  const url = emu.url ?? `http://${emu.endpoint}`;
  log(`emulator (seed ${seed}) listening on ${url} (${secs(t0)})`);
  return { ...emu, url, endpoint: emu.endpoint ?? new URL(url).host, credentials, close };
}

/**
 * DEMO_CREDENTIALS → {accessKeyId, accessKeySecret}, whatever the exact field names are.
 * @param {unknown} c
 */
function normaliseCredentials(c) {
  if (!c || typeof c !== 'object') return undefined;
  const fields = /** @type {Record<string, unknown>} */ (c);
  /** @param {string[]} names */
  const pick = (...names) => names.map((n) => fields[n]).find((v) => typeof v === 'string');
  const accessKeyId = pick('accessKeyId', 'AccessKeyId', 'keyId', 'id');
  const accessKeySecret = pick('accessKeySecret', 'AccessKeySecret', 'secret', 'keySecret');
  return accessKeyId && accessKeySecret ? { accessKeyId, accessKeySecret } : undefined;
}

/**
 * Environment variables and user settings that point the extension at the emulator.
 * @param {Emulator | undefined} emu
 * @returns {{ env: Record<string, string>, settings: Record<string, string> }}
 */
export function emulatorWiring(emu) {
  if (!emu) return { env: {}, settings: {} };
  /** @type {Record<string, string>} */
  const env = {
    DATAWORKS_TEST_EMULATOR_URL: emu.url,
    DATAWORKS_TEST_EMULATOR_ENDPOINT: emu.endpoint,
    ALIBABA_CLOUD_REGION_ID: 'cn-shanghai',
  };
  if (emu.credentials) {
    env.ALIBABA_CLOUD_ACCESS_KEY_ID = emu.credentials.accessKeyId;
    env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = emu.credentials.accessKeySecret;
  }
  return { env, settings: { 'dataworks.endpointOverride': emu.url.replace(/\/$/, '') } };
}

// ---------------------------------------------------------------------------------------------------------------
// code-server

/**
 * Installs a VSIX into the run's extensions dir (before the server starts).
 * @param {Tools} tools
 * @param {RunDir} run
 * @param {string} vsix
 * @param {NodeJS.ProcessEnv} env
 */
export function installVsix(tools, run, vsix, env) {
  runSync(
    'installed the VSIX into code-server',
    tools.node,
    [tools.codeServer, '--install-extension', vsix, '--force', '--extensions-dir', run.extensions, '--user-data-dir', run.userData],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * Starts code-server on 127.0.0.1:`port` and waits for /healthz.
 * @param {Tools} tools
 * @param {RunDir} run
 * @param {object} o
 * @param {number} o.port
 * @param {NodeJS.ProcessEnv} o.env
 * @param {boolean} [o.smokeTestDriver] pass --vscode-option enable-smoke-test-driver (needed for extensionTestsPath)
 * @param {number} [o.graceSeconds] code-server's --reconnection-grace-time
 * @returns {Promise<{url: string, port: number, workbenchUrl: (query?: Record<string,string>) => string, logFile: string, stop: () => Promise<void>, alive: () => boolean, exited: Promise<number|string|null>}>}
 */
export async function startCodeServer(tools, run, { port, env, smokeTestDriver = false, graceSeconds = 5 }) {
  const t0 = Date.now();
  const logFile = join(run.logs, 'code-server.log');
  state.serverLog = logFile;
  const args = [
    tools.codeServer,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    run.userData,
    '--extensions-dir',
    run.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--reconnection-grace-time',
    String(graceSeconds),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  let alive = true;
  const proc = startGroup('code-server', tools.node, args, { env, logFile });
  void proc.exited.then(() => (alive = false));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, `code-server (log: ${logFile})`, 60_000, () => alive);
  log(`code-server ${tools.codeServerVersion} on ${url} (${secs(t0)})`);
  const workbenchUrl = (query = {}) => {
    const q = new URLSearchParams({ folder: run.workspace, ...query });
    return `${url}/?${q.toString()}`;
  };
  return { url, port, workbenchUrl, logFile, stop: proc.stop, alive: () => alive, exited: proc.exited };
}

/**
 * Error lines (with a few lines of stack) from the extension host logs of a run, for failure reports.
 * @param {RunDir} run
 */
export function extensionHostErrors(run, max = 30) {
  const logsDir = join(run.userData, 'logs');
  const files = findFiles(logsDir, 'exthost.log');
  /** @type {string[]} */
  const out = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/\[error\]/.test(line) || /ENOTFOUND|open-vsx|vsda/.test(line)) return;
      out.push(line);
      // The stack follows on lines without a timestamp.
      for (const next of lines.slice(i + 1, i + 4)) {
        if (/^\d{4}-\d\d-\d\d /.test(next)) break;
        out.push(next);
      }
    });
  }
  return out.slice(0, max).join('\n');
}

/** @param {string} file */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/**
 * Launches headless Chromium with a fresh profile in the run folder.
 * @param {Tools} tools
 * @param {Pick<RunDir, 'profiles'>} run
 * @param {NodeJS.ProcessEnv} env
 * @param {{ name?: string, viewport?: { width: number, height: number } }} [options]
 */
export async function launchBrowser(tools, run, env, { name = 'browser', viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = /** @type {typeof import('playwright-core')} */ (require('playwright-core'));
  const profile = mkdtempSync(join(run.profiles, `${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    args: [...CHROMIUM_ARGS],
    env,
    viewport,
    // Our own signal handlers close the browser in order (playwright's would exit the process first).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => context.close().catch(() => {}));
  return context;
}

/**
 * Waits until the workbench is rendered (activity bar and editor area present).
 * @param {Page} page
 */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** @param {Pick<RunDir, 'dir'>} run */
export function removeRunDir(run) {
  rmSync(run.dir, { recursive: true, force: true, maxRetries: 3 });
}
