// @ts-check
// Phase 1 of the benchmark: a production build and a VSIX made from a snapshot of the working tree in a temp folder
// (so that colleagues' dist/ is never overwritten while their tests run), then sizes, file counts and the
// metafile check that nothing from @alicloud/* is bundled into dist/extension.js.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Top-level entries of the repo not copied into the snapshot. */
const SKIP = new Set(['.git', 'node_modules', '.cache', 'dist', 'out', 'test-results', '.vscode-test', 'bench', 'coverage']);

/**
 * @param {string} label
 * @param {string} cmd
 * @param {string[]} args
 * @param {Omit<import('node:child_process').SpawnSyncOptions, 'encoding'>} [opts]
 * @returns {string} stdout
 */
function run(label, cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw new Error(`${label}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal}):\n${(r.stderr || r.stdout || '').slice(-3000)}`);
  return r.stdout;
}

/**
 * Copies the working tree (without .git, node_modules, dist …) to `stage`; node_modules is a symlink.
 * @param {string} root
 * @param {string} stage
 */
export function snapshot(root, stage) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of readdirSync(root)) {
    if (!SKIP.has(entry)) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
}

/** @param {number} bytes */
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** @param {string} path */
function fileSize(path) {
  const buf = readFileSync(path);
  return { bytes: buf.length, kb: kb(buf.length), gzipKb: kb(gzipSync(buf, { level: 9 }).length) };
}

/**
 * Bytes in `output` per package (node_modules/<pkg> or "own code"), largest first.
 * @param {import('esbuild').Metafile} meta
 * @param {string} output
 */
function contributors(meta, output) {
  const out = meta.outputs[output];
  if (!out) return [];
  /** @type {Map<string, number>} */
  const byPkg = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    let key = m?.[1] ?? 'own code';
    if (m && key === 'zod') key = /zod\/v4\/locales\//.test(input) ? 'zod (locales)' : /\/mini\//.test(input) ? 'zod (mini)' : /\/classic\//.test(input) ? 'zod (classic)' : 'zod (core)';
    byPkg.set(key, (byPkg.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPkg.entries()].sort((a, b) => b[1] - a[1]).map(([pkg, bytes]) => ({ pkg, kb: kb(bytes) }));
}

/**
 * Builds with `node esbuild.js --production --metafile` in the snapshot and measures the outputs.
 * @param {string} stage
 */
export function buildProduction(stage) {
  const t0 = Date.now();
  run('node esbuild.js --production --metafile', process.execPath, ['esbuild.js', '--production', '--metafile'], { cwd: stage });
  const buildMs = Date.now() - t0;
  const dist = join(stage, 'dist');
  const meta = /** @type {import('esbuild').Metafile} */ (JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')));
  const extOut = Object.keys(meta.outputs).find((k) => k.endsWith('dist/extension.js'));
  const apiOut = Object.keys(meta.outputs).find((k) => k.endsWith('dist/api.js'));
  const deferredOut = Object.keys(meta.outputs).find((k) => k.endsWith('dist/deferred.js'));
  const coreOut = Object.keys(meta.outputs).find((k) => k.endsWith('dist/core.js'));
  const extInputs = extOut ? meta.outputs[extOut]?.inputs : undefined;
  const alicloudInExtension = extInputs ? Object.keys(extInputs).filter((i) => i.includes('node_modules/@alicloud/')) : ['(no dist/extension.js in the metafile)'];
  const webviewDir = join(dist, 'webview');
  const webviews = existsSync(webviewDir)
    ? readdirSync(webviewDir)
        .filter((f) => f.endsWith('.js'))
        .sort()
        .map((f) => {
          const out = Object.keys(meta.outputs).find((k) => k.endsWith(`dist/webview/${f}`));
          return { name: f, ...fileSize(join(webviewDir, f)), top: out ? contributors(meta, out).slice(0, 6) : [] };
        })
    : [];
  return {
    buildMs,
    extension: { ...fileSize(join(dist, 'extension.js')), top: extOut ? contributors(meta, extOut).slice(0, 8) : [] },
    api: existsSync(join(dist, 'api.js')) ? { ...fileSize(join(dist, 'api.js')), top: apiOut ? contributors(meta, apiOut).slice(0, 6) : [] } : undefined,
    core: existsSync(join(dist, 'core.js')) ? { ...fileSize(join(dist, 'core.js')), top: coreOut ? contributors(meta, coreOut).slice(0, 6) : [] } : undefined,
    deferred: existsSync(join(dist, 'deferred.js')) ? { ...fileSize(join(dist, 'deferred.js')), top: deferredOut ? contributors(meta, deferredOut).slice(0, 6) : [] } : undefined,
    webviews,
    alicloudInExtension,
  };
}

/**
 * Packages the snapshot with vsce (as `npm run package` does after the build) and lists the VSIX.
 * @param {string} stage
 * @param {string} outFile
 */
export function packageVsix(stage, outFile) {
  // vsce walks every file of the folder before .vscodeignore applies: the node_modules link is not needed any more.
  const link = join(stage, 'node_modules');
  if (existsSync(link)) unlinkSync(link);
  const manifest = /** @type {{ repository?: unknown, vsce?: { dependencies?: boolean } }} */ (JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')));
  const t0 = Date.now();
  run('vsce package', process.execPath, [
    require.resolve('@vscode/vsce/vsce'),
    'package',
    // The current tree packages with no flags, as a release does (test/vscode/harness.mjs); the flags are only for
    // snapshots of older commits, from before the LICENSE, the repository and "vsce": {"dependencies": false}.
    ...(manifest.vsce?.dependencies === false ? [] : ['--no-dependencies']),
    ...(manifest.repository ? [] : ['--allow-missing-repository', '--baseContentUrl', 'https://invalid.example/', '--baseImagesUrl', 'https://invalid.example/']),
    ...(existsSync(join(stage, 'LICENSE')) ? [] : ['--skip-license']),
    '--out',
    outFile,
  ], { cwd: stage });
  const files = run('unzip -Z1', 'unzip', ['-Z1', outFile]).split('\n').filter(Boolean);
  return { ...fileSize(outFile), gzipKb: undefined, mb: Math.round((statSync(outFile).size / 1024 / 1024) * 100) / 100, files: files.length, list: files, packageMs: Date.now() - t0 };
}
