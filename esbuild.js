// @ts-check
// Builds the extension host bundle, the chunks it loads on demand (core.js: explorer and commands; deferred.js: API
// layer and form hosts; api.js: the Alibaba Cloud SDK) and the webview bundles.
// Usage: node esbuild.js [--production] [--watch] [--metafile]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafile = process.argv.includes('--metafile');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile,
  alias: packageAliases(),
};

/** Packages whose `main` esbuild cannot bundle, mapped to a build it can (bench/lib/breakdown.mjs uses them too). */
function packageAliases() {
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow (the bundle would require
  // ./impl/format at run time and fail); its ES module build bundles like any other.
  return { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
}

function webviewEntries() {
  const dir = path.join(__dirname, 'media', 'forms');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('@entry'))
    .map((f) => path.join(dir, f));
}

/**
 * `import * as vscode from 'vscode'` without copying the API: esbuild turns each such import of a CommonJS module
 * into `__toESM(require(...))`, which defines a getter for every own property (the API object has ~450: ~4 ms per
 * copy, once per importing module). Through this one-line module the API is the prototype of an empty object, so
 * `__toESM` has nothing to copy and builds its namespace on the same prototype: `vscode.window` is one lookup away.
 */
/** @type {import('esbuild').Plugin} */
const sharedVscodeNamespace = {
  name: 'shared-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "module.exports = Object.create(require('vscode'));", loader: 'js' }));
  },
};

/** The API is JSON only: @alicloud/tea-xml (and xml2js, sax, xmlbuilder with it) would be ~100 KB of dead weight. */
/** @type {import('esbuild').Plugin} */
const noXml = {
  name: 'no-tea-xml',
  setup(build) {
    build.onResolve({ filter: /^@alicloud\/tea-xml$/ }, () => ({ path: 'tea-xml', namespace: 'tea-xml-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'tea-xml-stub' }, () => ({
      contents: "module.exports = { parseXml() { throw new Error('XML responses are not supported'); }, toXML() { throw new Error('XML requests are not supported'); } };",
      loader: 'js',
    }));
  },
};

/**
 * dist/api.js passes openapi-client static keys only: src/api/staticCredentials.ts answers for @alicloud/credentials,
 * whose default provider chain (environment, files, ECS metadata) must never run and is 40% of the SDK's code.
 */
/** @type {import('esbuild').Plugin} */
const staticCredentials = {
  name: 'static-credentials',
  setup(build) {
    build.onResolve({ filter: /^@alicloud\/credentials$/ }, () => ({ path: path.join(__dirname, 'src', 'api', 'staticCredentials.ts') }));
  },
};

/**
 * The extension is three CommonJS files of our own, each loaded when first needed, plus the SDK (dist/api.js):
 *   dist/extension.js  activation: registers the commands, the tree view and the form serializers (src/extension.ts
 *                      and the few files in SHELL), so that activating reads and runs as little as possible;
 *   dist/core.js       the explorer, the services and the command handlers (src/core.ts), on the first tree question,
 *                      command or restored form;
 *   dist/deferred.js   the API layer and the form hosts (src/deferred.ts), on the first API call or form, or in the
 *                      background once the explorer view is visible and drawn (src/tree/apiPreload.ts).
 * `import('./core')` and `import('./deferred')` become plain requires of those files (the extension host patches
 * require for `vscode`, not Node's ESM loader). Any static import across a line would quietly bundle a second copy
 * of a module (of its classes and state), so it fails the build.
 */
const src = path.join(__dirname, 'src');
/** @type {Record<string, string>} */
const CHUNK_OF = { [path.join(src, 'core.ts')]: './core.js', [path.join(src, 'deferred.ts')]: './deferred.js' };
/** @param {string} dir @param {string} file */
const inFolder = (dir, file) => file.startsWith(path.join(src, dir) + path.sep);
// The folder decides the chunk (docs/ARCHITECTURE.md): src/api, src/shared, src/forms and src/webview are dist/deferred.js;
// src/base (stateless values and checks) is carried by whichever chunk uses it; everything else is dist/core.js.
// The only files whose chunk is not their folder's are the activation shims of SHELL, which dist/extension.js
// carries: registrations too small to deserve a folder, each next to the code it stands in for.
const SHELL = new Set(['extension.ts', 'constants.ts', 'tree/deferredProvider.ts', 'webview/serializers.ts', 'webview/loadForms.ts'].map((f) => path.join(src, f)));
/** @param {string} file */
const isDeferredCode = (file) =>
  file === path.join(src, 'deferred.ts') || inFolder('api', file) || inFolder('shared', file) || inFolder('forms', file) || (inFolder('webview', file) && !SHELL.has(file));
// Shell files without state, which dist/core.js may carry a copy of.
const STATELESS = new Set(['constants.ts', 'webview/loadForms.ts'].map((f) => path.join(src, f)));
/** @param {string} file */
const isCoreCode = (file) => !isDeferredCode(file) && (!SHELL.has(file) || STATELESS.has(file));

/**
 * A bundle of the files `belongs(file)` accepts; the entries of other chunks only through import().
 * @param {string} chunk
 * @param {(file: string) => boolean} belongs
 * @returns {import('esbuild').Plugin}
 */
function chunkBoundary(chunk, belongs) {
  return {
    name: `chunk-boundary-${chunk}`,
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace === 'chunk' || !args.importer) return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        const file = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
        if (!file || !file.startsWith(src + path.sep) || belongs(file)) return undefined;
        if (args.kind === 'dynamic-import' && CHUNK_OF[file]) return { path: CHUNK_OF[file], namespace: 'chunk' };
        const what = CHUNK_OF[file] ? `import('${args.path}')` : 'import type';
        return { errors: [{ text: `${path.relative(__dirname, args.importer)} imports ${path.relative(__dirname, file)}, which is not part of dist/${chunk}.js: use ${what}` }] };
      });
      build.onLoad({ filter: /.*/, namespace: 'chunk' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
      build.onResolve({ filter: /^\.\/\w+\.js$/, namespace: 'chunk' }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const allBuilds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The API chunk (dist/api.js) is required at run time on first use through a computed path, so it needs
    // no external entry; './api.js' here would also externalise zod's own internal ./api.js and break loading.
    external: ['vscode'],
    plugins: [sharedVscodeNamespace, chunkBoundary('extension', (f) => SHELL.has(f))],
  },
  {
    ...common,
    entryPoints: { core: 'src/core.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sharedVscodeNamespace, chunkBoundary('core', isCoreCode)],
  },
  {
    ...common,
    entryPoints: { deferred: 'src/deferred.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [sharedVscodeNamespace],
  },
  {
    ...common,
    entryPoints: { api: 'src/api/openApiTransport.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [noXml, staticCredentials],
  },
  {
    ...common,
    entryPoints: webviewEntries(),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];
const builds = allBuilds.filter((b) => !Array.isArray(b.entryPoints) || b.entryPoints.length > 0)
 .filter((b) => Array.isArray(b.entryPoints) || Object.values(b.entryPoints ?? {}).every((p) => fs.existsSync(p)));

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (metafile) {
    fs.mkdirSync('dist', { recursive: true });
    const merged = { inputs: {}, outputs: {} };
    for (const r of results) {
      if (!r.metafile) continue;
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    fs.writeFileSync('dist/meta.json', JSON.stringify(merged));
  }
}

// The benchmark's breakdown bundles parts of the code with the same plugins.
module.exports = { sharedVscodeNamespace, noXml, staticCredentials, builds, packageAliases };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
