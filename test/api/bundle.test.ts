// dist/api.js as esbuild.js builds it (tea-xml and @alicloud/credentials replaced) signs requests the emulator
// accepts, for AccessKey and STS pairs, and its failures still map to DataWorksErrors. The other API tests load
// src/api/openApiTransport.ts with the real packages; this one loads the bundle, as the extension does.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { DataWorksError, type Credentials, type TransportModule } from '../../src/api';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, startEmulator, type RunningEmulator } from '../emulator';
import { FAST_DEPS, serviceFor } from '../support/emulatorService';

interface BuildConfig { readonly entryPoints: Record<string, string> | string[]; readonly outdir: string }
const root = join(__dirname, '..', '..');
const { builds } = createRequire(__filename)(join(root, 'esbuild.js')) as { builds: BuildConfig[] };

describe('api: the dist/api.js bundle against the emulator', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let dir: string;
  let transport: TransportModule;

  before(async () => {
    const config = builds.find((b) => !Array.isArray(b.entryPoints) && 'api' in b.entryPoints);
    assert.ok(config, 'esbuild.js builds an api entry');
    dir = mkdtempSync(join(tmpdir(), 'dw-api-bundle-'));
    const entry = (config.entryPoints as Record<string, string>)['api'] ?? '';
    await esbuild.build({ ...config, entryPoints: { api: join(root, entry) }, outdir: dir, minify: true, sourcemap: false, metafile: true });
    const bundle = join(dir, 'api.js');
    transport = createRequire(bundle)(bundle) as TransportModule;
    emu = await startEmulator({ seed: 'demo' });
  });
  after(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const service = (credentials: Credentials) => serviceFor(emu, { credentials }, { ...FAST_DEPS, loadTransport: () => Promise.resolve(transport) });

  it('carries neither @alicloud/credentials nor tea-xml', async () => {
    const text = await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'api.js'), 'utf8'));
    assert.doesNotMatch(text, /ECSRAMRoleCredentialsProvider|ALIBABA_CLOUD_ECS_METADATA|xml2js/);
    assert.match(text, /static_sts/);
  });

  it('AccessKey and STS pairs are accepted, an expired STS token is reported', async () => {
    const before = emu.counts();
    const ak = await service(DEMO_CREDENTIALS).listWorkspaces({ pageNumber: 1, pageSize: 10 });
    const sts = await service(DEMO_STS_CREDENTIALS).listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.ok(ak.items.length > 0);
    assert.deepEqual(sts.items.map((w) => w.id), ak.items.map((w) => w.id));
    let err: unknown;
    try {
      await service(EXPIRED_STS_CREDENTIALS).listWorkspaces({ pageNumber: 1, pageSize: 10 });
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof DataWorksError, String(err));
    assert.match(err.code, /^InvalidSecurityToken/);
    assert.equal(emu.counts()['ListProjects'] ?? 0, (before['ListProjects'] ?? 0) + 3);
  });
});
