// @ts-check
// Where the load of our host code goes: production esbuild options (without esbuild.js's plugins)
// applied to parts of the code (each bundled alone, so shared modules count in each), timed with require() in fresh Node processes.
// Also a variant of the full bundle in which every `import * as vscode` reads the API through its prototype (esbuild
// otherwise copies the whole API object once per importing module), and the API chunk with and without the XML stack.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { requireTime } from './stats.mjs';

const require = createRequire(import.meta.url);
/**
 * Leaves `import('./deferred')` out, as the real build does, so that the core row is the core alone.
 * @type {import('esbuild').Plugin}
 */
const coreOnly = { name: 'core-only', setup(b) { b.onResolve({ filter: /deferred$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)); } };

// The plugins of the real build (esbuild.js), applied here to single parts to show what each one saves.
const { sharedVscodeNamespace: sharedVscode, noXml, packageAliases } = /** @type {typeof import('../../esbuild.js')} */ (require('../../esbuild.js'));

/**
 * @typedef {{ name: string, error: string } | { name: string, kb: number, vscodeRequires: number, medianMs: number | undefined, cpuMedianMs: number | undefined }} BreakdownRow
 */

/**
 * @param {string} root the repository (its node_modules)
 * @param {string} stage the snapshot whose sources are bundled
 * @param {string} outDir where the bundles and breakdown.json go
 * @param {number} [runs]
 * @returns {Promise<BreakdownRow[]>}
 */
export async function loadBreakdown(root, stage, outDir, runs = 11) {
  const esbuild = /** @type {typeof import('esbuild')} */ (require('esbuild'));
  // The snapshot's node_modules link is gone once the VSIX is packaged: resolve packages from the repo.
  /** @type {import('esbuild').BuildOptions} */
  const common = { nodePaths: [join(root, 'node_modules')], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], alias: packageAliases(), legalComments: 'none', logLevel: 'silent', absWorkingDir: stage };
  /** @type {Array<{ name: string, plugins?: import('esbuild').Plugin[] } & ({ entry: string, contents?: undefined } | { contents: string, entry?: undefined })>} */
  const parts = [
    { name: 'all host code in one bundle (no chunks), one vscode namespace copy per module', entry: 'src/extension.ts' },
    { name: 'API layer (src/api/index.ts) incl. zod/mini', entry: 'src/api/index.ts' },
    { name: 'form hosts (src/webview/forms.ts) incl. zod/mini', entry: 'src/webview/forms.ts' },
    { name: 'explorer and commands (src/core.ts, without the chunks it imports)', entry: 'src/core.ts', plugins: [sharedVscode, coreOnly] },
    { name: 'tree (src/tree/explorerView.ts)', entry: 'src/tree/explorerView.ts' },
    { name: 'commands (src/commands/index.ts)', entry: 'src/commands/index.ts' },
    { name: 'forms protocol schemas (src/shared/protocol.ts)', entry: 'src/shared/protocol.ts' },
    { name: 'API response schemas (src/api/schemas.ts)', entry: 'src/api/schemas.ts' },
    { name: 'zod/mini, a small schema', contents: "import * as z from 'zod/mini'; export const s = z.object({ a: z.string(), b: z.optional(z.number()) });" },
    { name: 'zod (the full import), the same schema', contents: "import { z } from 'zod'; export const s = z.object({ a: z.string(), b: z.number().optional() });" },
    { name: 'all host code in one bundle (no chunks), the vscode API as the namespaces\' prototype', entry: 'src/extension.ts', plugins: [sharedVscode] },
    { name: 'API chunk with the XML stack', entry: 'src/api/openApiTransport.ts' },
    { name: 'API chunk, @alicloud/tea-xml stubbed', entry: 'src/api/openApiTransport.ts', plugins: [noXml] },
  ];
  /** @type {BreakdownRow[]} */
  const rows = [];
  for (const [i, p] of parts.entries()) {
    const outfile = join(outDir, `part-${i}.js`);
    /** @type {import('esbuild').BuildOptions} */
    const opts = p.contents !== undefined
      ? { ...common, stdin: { contents: p.contents, resolveDir: stage, loader: 'ts' }, outfile }
      : { ...common, entryPoints: [join(stage, p.entry)], outfile, plugins: p.plugins ?? [] };
    try {
      await esbuild.build(opts);
    } catch (err) {
      rows.push({ name: p.name, error: String((err instanceof Error ? err.message : undefined) ?? err).split('\n')[0] ?? '' });
      continue;
    }
    const bytes = readFileSync(outfile).length;
    const interop = (readFileSync(outfile, 'utf8').match(/\(require\("vscode"\)/g) ?? []).length;
    const t = requireTime(outfile, runs);
    rows.push({ name: p.name, kb: Math.round(bytes / 102.4) / 10, vscodeRequires: interop, medianMs: t.medianMs, cpuMedianMs: t.cpuMedianMs });
  }
  writeFileSync(join(outDir, 'breakdown.json'), JSON.stringify(rows, null, 2));
  return rows;
}
