// Property: the aliyun CLI config importer (src/auth/cliConfig.ts) takes any file content, however broken or hostile,
// and never throws, never pollutes prototypes, never echoes the file's text (it holds secrets) in a problem
// detail, and never returns a profile without both a key ID and a secret (plus a token for StsToken).

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCliConfig, readCliConfig } from '../../../src/auth/cliConfig';
import { HOSTILE_KEYS, hostileString, runCounted } from './fuzzKit';
import { assertNoSecretRun } from '../../support/secretRuns';

const CANARY = 'cliCanarySecret9f8e7d6c5b4a';
const N = 1500;

const value = fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }), fc.constant(CANARY));
const mode = fc.oneof(fc.constantFrom('AK', 'ak', 'StsToken', 'ststoken', 'RamRoleArn', 'EcsRamRole', 'External', '', ' AK '), hostileString);
const profile = fc.record({
  name: value, mode, access_key_id: value, access_key_secret: value, sts_token: value, region_id: value,
}, { requiredKeys: [] });
/** A profile object with hostile own keys, built the way JSON.parse builds them. */
const hostileProfile = fc.tuple(profile, fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), value), { maxLength: 3 })).map(([p, extra]) => {
  const o: Record<string, unknown> = { ...p };
  for (const [k, v] of extra) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
});
const config = fc.record({
  current: value,
  profiles: fc.oneof(fc.array(fc.oneof(hostileProfile, value), { maxLength: 6 }), value),
  meta_path: value,
}, { requiredKeys: [] });

/** Text: valid JSON of a hostile config, JSON with `__proto__` written literally, truncated JSON, or noise. */
const text = fc.oneof(
  config.map((c) => JSON.stringify(c)),
  config.map((c) => JSON.stringify(c).replace('{', `{"__proto__":{"polluted":"${CANARY}"},`)),
  config.map((c) => JSON.stringify(c)).chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((n) => s.slice(0, n))),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', 'null', '[]', '{}', '{"profiles":{}}', '{"profiles":null}', `{"profiles":[{"name":"p","access_key_secret":"${CANARY}"`),
  fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => `{"profiles":[{"name":"${'n'.repeat(n)}","access_key_id":"a","access_key_secret":"b"}]}`),
);

describe('fuzz: CLI config importer', function () {
  this.timeout(120_000);

  it(`any file content → a result, no exceptions, no half profiles, no echo, no pollution (${N} cases)`, () => {
    runCounted('parseCliConfig', text, (t) => {
      const r = parseCliConfig(t);
      if (r.ok) {
        for (const p of r.profiles) {
          assert.ok(typeof p.name === 'string' && p.name.length > 0, 'named');
          assert.ok(typeof p.credentials.accessKeyId === 'string' && p.credentials.accessKeyId.trim() !== '', 'key ID');
          assert.ok(typeof p.credentials.accessKeySecret === 'string' && p.credentials.accessKeySecret.trim() !== '', 'secret');
          if (p.credentials.securityToken !== undefined) assert.ok(p.credentials.securityToken.trim() !== '', 'token');
          assert.ok(p.region === undefined || typeof p.region === 'string');
        }
        for (const s of r.skipped) assert.equal(typeof s.name, 'string');
      } else {
        assert.ok(['missing', 'unreadable', 'malformed'].includes(r.problem));
        assertNoSecretRun([JSON.stringify(r)], [CANARY], 'the import result');
      }
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype untouched');
    }, N);
  });

  it('StsToken profiles always carry their token; AK profiles never invent one', () => {
    runCounted('parseCliConfig STS', fc.array(profile, { minLength: 1, maxLength: 5 }).map((ps) => ps.map((p, i) => ({ ...p, name: `p${i}` }))), (ps) => {
      const r = parseCliConfig(JSON.stringify({ profiles: ps }));
      assert.ok(r.ok);
      for (const p of r.profiles) {
        const src = ps.find((x) => x.name === p.name);
        assert.ok(src, 'comes from an input profile');
        const m = typeof src.mode === 'string' ? src.mode.trim().toLowerCase() : '';
        if (m === 'ststoken') assert.ok(p.credentials.securityToken);
        else assert.equal(p.credentials.securityToken, undefined);
      }
    }, 500);
  });

  it('a reader that throws anything becomes missing/unreadable, never an exception', async () => {
    let ran = 0;
    for (const thrown of [Object.assign(new Error('x'), { code: 'ENOENT' }), Object.assign(new Error('x'), { code: 'EACCES' }), 'str', null, undefined, 42, { code: {} }]) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test: a reader rejecting with non-Errors
      const r = await readCliConfig('/nope', () => Promise.reject(thrown));
      assert.ok(!r.ok);
      ran++;
    }
    assert.equal(ran, 7);
  });
});
