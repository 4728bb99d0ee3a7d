// Builds the extension host bundle, the lazily loaded API chunk and the webview bundles.
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
};

function webviewEntries() {
  const dir = path.join(__dirname, 'media', 'forms');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('@entry'))
    .map((f) => path.join(dir, f));
}

const builds = [
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
  },
  {
    ...common,
    entryPoints: { api: 'src/api/openApiTransport.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: webviewEntries(),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
].filter((b) => !Array.isArray(b.entryPoints) || b.entryPoints.length > 0)
 .filter((b) => Array.isArray(b.entryPoints) || Object.values(b.entryPoints).every((p) => fs.existsSync(p)));

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
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    fs.writeFileSync('dist/meta.json', JSON.stringify(merged));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
