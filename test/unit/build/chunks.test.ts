// The lines between dist/extension.js (activation), dist/core.js (explorer, commands) and dist/deferred.js (API
// layer, forms) as esbuild.js draws them: what each bundle carries, and that crossing a line statically fails the build.

import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

type BuildConfig = esbuild.BuildOptions & { readonly entryPoints: Record<string, string> | string[] };
const root = join(__dirname, '..', '..', '..');
const { builds } = createRequire(__filename)(join(root, 'esbuild.js')) as { builds: BuildConfig[] };

function config(entry: string): BuildConfig {
  const c = builds.find((b) => !Array.isArray(b.entryPoints) && entry in b.entryPoints);
  assert.ok(c, `esbuild.js builds a ${entry} entry`);
  return c;
}

describe('build: the chunks of the extension host code', function () {
  this.timeout(30_000);
  let dir: string;
  const inputs: Record<string, string[]> = {};
  const text: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dw-chunks-'));
    for (const entry of ['extension', 'core']) {
      const c = config(entry);
      const file = (c.entryPoints as Record<string, string>)[entry] ?? '';
      const r = await esbuild.build({ ...c, entryPoints: { [entry]: join(root, file) }, outdir: dir, minify: false, sourcemap: false, metafile: true, logLevel: 'silent' });
      const out = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith(`${entry}.js`));
      assert.ok(out);
      inputs[entry] = Object.keys(out[1].inputs).map((f) => (f.includes(':') ? f : relative(root, join(process.cwd(), f)).replace(/\\/g, '/')));
      text[entry] = readFileSync(join(dir, `${entry}.js`), 'utf8');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('activation carries only the registrations and reaches the rest through requires of the chunks', () => {
    assert.deepEqual(inputs['extension']?.filter((f) => f.startsWith('src/')).sort(), [
      'src/constants.ts', 'src/extension.ts', 'src/tree/deferredProvider.ts', 'src/webview/loadForms.ts', 'src/webview/serializers.ts',
    ]);
    assert.ok(!inputs['extension']?.some((f) => f.includes('node_modules')), 'no package in dist/extension.js');
    assert.deepEqual([...(text['extension'] ?? '').matchAll(/require\("(\.[^"]+)"\)/g)].map((m) => m[1]).sort(), ['./core.js', './deferred.js']);
  });

  it('dist/core.js has the explorer and the commands but neither the API layer, the forms nor a package', () => {
    const core = inputs['core'] ?? [];
    for (const f of ['src/core.ts', 'src/tree/explorerModel.ts', 'src/commands/index.ts', 'src/auth/profileStore.ts']) assert.ok(core.includes(f), f);
    // The folder is the chunk: no file of src/api, src/shared, src/forms or src/webview but the activation shims.
    const crossing = core.filter((f) => /^src\/(api|shared|forms|webview)\//.test(f) && f !== 'src/webview/loadForms.ts');
    assert.deepEqual(crossing, []);
    assert.ok(!core.some((f) => f.includes('node_modules')), 'no package in dist/core.js');
    assert.ok(!core.includes('src/extension.ts') && !core.includes('src/tree/deferredProvider.ts'));
    assert.deepEqual([...(text['core'] ?? '').matchAll(/require\("(\.[^"]+)"\)/g)].map((m) => m[1]), ['./deferred.js']);
  });

  const probe = (entry: string, contents: string) =>
    esbuild.build({ ...config(entry), entryPoints: undefined, stdin: { contents, resolveDir: join(root, 'src'), sourcefile: 'probe.ts', loader: 'ts' }, write: false, sourcemap: false, outdir: undefined, logLevel: 'silent' });

  it('a static import of the core from activation code fails the build, import() does not', async () => {
    await assert.rejects(probe('extension', "import { createCore } from './core'; console.log(createCore);"), /src\/core\.ts, which is not part of dist\/extension\.js: use import\('\.\/core'\)/);
    await assert.rejects(probe('extension', "import { ProfileStore } from './auth/profileStore'; console.log(ProfileStore);"), /not part of dist\/extension\.js/);
    const ok = await probe('extension', "void import('./core').then((m) => m.createCore);");
    assert.match(ok.outputFiles?.[0]?.text ?? '', /require\("\.\/core\.js"\)/);
  });

  it('a static import of the API layer from the core fails the build', async () => {
    await assert.rejects(probe('core', "import { DataWorksError } from './api/errors'; console.log(DataWorksError);"), /not part of dist\/core\.js/);
    await assert.rejects(probe('core', "import { activate } from './extension'; console.log(activate);"), /not part of dist\/core\.js/);
  });
});
