// @ts-check
// Run in a fresh Node process: `node require-child.cjs <file> [warm]`. Times one require() of <file> with a stub
// for the `vscode` module and prints one JSON line. "warm" first loads the Node built-ins the extension host
// already has loaded (http, https, crypto, ...), as the reference note's "warm" figures do.
'use strict';
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: node require-child.cjs <file> [warm]');
if (mode === 'warm') {
  for (const m of ['http', 'https', 'net', 'tls', 'crypto', 'zlib', 'os', 'path', 'fs', 'url', 'util', 'events', 'stream', 'child_process']) {
    require(m);
  }
}

// A stub for `vscode`: a plain object with the names @types/vscode exports (bundlers copy the own keys of a
// CommonJS module into an ES namespace), each a proxy that answers any access, call or construction.
/** @type {string[]} */
const names = [];
try {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [__dirname] }), 'utf8');
  for (const m of dts.matchAll(/^\s*export (?:namespace|class|enum|const|function|let) (\w+)/gm)) if (m[1]) names.push(m[1]);
} catch {
  names.push('commands', 'window', 'workspace', 'l10n', 'env', 'Uri', 'EventEmitter', 'Disposable', 'TreeItem');
}
const target = function vscodeStub() {};
/** @type {typeof target} */
const deep = new Proxy(target, {
  get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : deep),
  apply: () => deep,
  construct: () => deep,
});
// Like the real API object: a plain object whose own keys are the namespaces, classes and enums.
const stub = Object.freeze(Object.fromEntries(names.map((n) => [n, deep])));
// Module._load is Node's internal loader hook, absent from @types/node.
const loader = /** @type {{ _load: (this: unknown, request: string, ...rest: unknown[]) => unknown }} */ (/** @type {unknown} */ (Module));
const originalLoad = loader._load;
loader._load = function load(/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
  if (request === 'vscode') return stub;
  return originalLoad.call(this, request, ...rest);
};

const before = new Set(Object.keys(require.cache));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
require(file);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const loaded = Object.keys(require.cache).filter((k) => !before.has(k) && k !== require.resolve(file));
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, loaded, heapUsed: process.memoryUsage().heapUsed }) + '\n');
