// The packaged extension (dist/*.vsix, when a build has produced one) carries no test secret: none of the canary
// credentials, none of the emulator's key pairs, no test or source files, no source maps.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS } from '../emulator';
import { AK_SECRET, PROXY_PASSWORD, WRONG_SECRET, WRONG_TOKEN } from './support';

const DIST = join(__dirname, '..', '..', 'dist');

describe('reliability: the packaged VSIX carries no test secrets', () => {
  const vsix = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.vsix')).map((f) => join(DIST, f)) : [];

  it('no canary, no emulator key pair, no tests, sources or maps in any dist/*.vsix', function () {
    // Only a build makes a VSIX (npm run package); without one there is nothing to inspect.
    if (vsix.length === 0) this.skip();
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
