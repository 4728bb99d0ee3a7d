// The packaged extension (dist/*.vsix, when a build has produced one) carries no test secret: none of the canary
// credentials, none of the emulator's key pairs, no test or source files, no source maps.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS } from '../emulator';
import { AK_SECRET, PROXY_PASSWORD, WRONG_SECRET, WRONG_TOKEN } from './support';

const DIST = join(__dirname, '..', '..', 'dist');

describe('reliability: the packaged VSIX carries no test secrets', () => {
  let vsix: string[] = [];
  let built: string | undefined;

  before(function () {
    vsix = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.vsix')).map((f) => join(DIST, f)) : [];
    if (vsix.length > 0) return;
    // No package yet (a fresh clone): make one the way a release is made, production build and .vscodeignore.
    this.timeout(180_000);
    built = mkdtempSync(join(tmpdir(), 'dw-vsix-'));
    const out = join(built, 'dataworks-vscode.vsix');
    const root = join(__dirname, '..', '..');
    const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const pack = spawnSync(process.execPath, ['--input-type=module', '-e',
      'const h = await import("./test/vscode/harness.mjs"); h.packageVsix(process.argv[1]);', out], { cwd: root, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    vsix = [out];
  });
  after(() => {
    if (built) rmSync(built, { recursive: true, force: true });
  });

  it('no canary, no emulator key pair, no tests, sources or maps in the VSIX', function () {
    const secrets = [AK_SECRET, WRONG_SECRET, WRONG_TOKEN, PROXY_PASSWORD, DEMO_CREDENTIALS.accessKeySecret, DEMO_STS_CREDENTIALS.accessKeySecret,
      DEMO_STS_CREDENTIALS.securityToken, EXPIRED_STS_CREDENTIALS.accessKeySecret, RESTRICTED_CREDENTIALS.accessKeySecret];
    for (const file of vsix) {
      const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      assert.equal(list.status, 0, `unzip -Z1 ${file}: ${list.stderr}`);
      const names = list.stdout.split('\n').filter(Boolean);
      assert.ok(names.includes('extension/dist/extension.js'), `${file} looks like our package`);
      for (const n of names) assert.doesNotMatch(n, /(^|\/)(test|src)\/|\.map$|\.ts$/, `${file}: ${n}`);
      const content = spawnSync('unzip', ['-p', file], { maxBuffer: 64 * 1024 * 1024 });
      assert.equal(content.status, 0);
      const text = content.stdout.toString('latin1');
      assert.ok(text.length > 100_000, 'the contents were read');
      for (const s of secrets) assert.ok(!text.includes(s), `${file} contains ${s.slice(0, 10)}…`);
      console.log(`  ${file}: ${names.length} files, ${(text.length / 1024).toFixed(0)} KB scanned for ${secrets.length} secrets, none found`);
    }
  });
});
