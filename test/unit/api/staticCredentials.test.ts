// dist/api.js answers openapi-client's credential questions with src/api/staticCredentials.ts instead of
// @alicloud/credentials: for the two types openapi-client builds from static keys, both must answer alike.

import * as assert from 'node:assert/strict';
import RealCredential, { Config as RealConfig } from '@alicloud/credentials';
import Credential, { Config } from '../../../src/api/staticCredentials';

const AK = { accessKeyId: 'LTAI5tUnitTestKeyId000', accessKeySecret: 'unit-test-secret-value' };
const STS = { accessKeyId: 'STS.UnitTestKeyId00000', accessKeySecret: 'unit-test-sts-secret', securityToken: 'CAIS-unit-test-token' };

describe('api: static credentials (the @alicloud/credentials stand-in in dist/api.js)', () => {
  for (const [type, keys] of [['access_key', AK], ['sts', STS]] as const) {
    it(`answers like @alicloud/credentials for type ${type}`, async () => {
      // The same construction as openapi-client's Client constructor.
      const realConfig = new RealConfig({ type, accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
      const ourConfig = new Config({ type, accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret });
      if ('securityToken' in keys) {
        realConfig.securityToken = keys.securityToken;
        ourConfig.securityToken = keys.securityToken;
      }
      const real = new RealCredential(realConfig);
      const ours = new Credential(ourConfig);
      const r = await real.getCredential();
      const o = await ours.getCredential();
      for (const field of ['accessKeyId', 'accessKeySecret', 'securityToken', 'bearerToken', 'type', 'providerName'] as const) {
        assert.equal(o[field], r[field], field);
      }
      assert.equal(ours.getType(), real.getType());
      assert.equal(await ours.getAccessKeyId(), await real.getAccessKeyId());
      assert.equal(await ours.getAccessKeySecret(), await real.getAccessKeySecret());
      assert.equal(await ours.getSecurityToken(), await real.getSecurityToken());
    });
  }

  it('never falls back to the environment or the default chain', () => {
    const saved = { ...process.env };
    try {
      process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = 'LTAI-from-env';
      process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = 'secret-from-env';
      process.env['ALIBABA_CLOUD_SECURITY_TOKEN'] = 'token-from-env';
      assert.throws(() => new Credential(null), /default chain/);
      assert.throws(() => new Credential(new Config({ type: 'ecs_ram_role', roleName: 'r' })), /ecs_ram_role/);
      assert.throws(() => new Credential(new Config({ type: 'access_key', accessKeySecret: 's' })), /empty/);
      assert.throws(() => new Credential(new Config({ type: 'sts', ...AK })), /security token/);
    } finally {
      process.env = saved;
    }
  });
});
