import * as assert from 'node:assert/strict';
import { parseCliConfig, readCliConfig } from '../../../src/auth/cliConfig';

const config = {
  current: 'sts',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'LTAIdefault0001', access_key_secret: 'sec-default', region_id: 'cn-shanghai' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'STS.abc', access_key_secret: 'sec-sts', sts_token: 'tok', region_id: 'cn-beijing' },
    { name: 'lower', mode: 'ak', access_key_id: 'LTAIlower00001', access_key_secret: 'sec-lower', region_id: '' },
    { name: 'nomode', access_key_id: 'LTAInomode0001', access_key_secret: 'sec-nomode', region_id: 'cn-hangzhou' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'x', access_key_secret: 'y', ram_role_arn: 'acs:ram::1:role/r', region_id: 'cn-shanghai' },
    { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'r', region_id: 'cn-shanghai' },
    { name: 'chain', mode: 'ChainableRamRoleArn', source_profile: 'default', region_id: 'cn-shanghai' },
    { name: 'uri', mode: 'CredentialsURI', credentials_uri: 'http://localhost:6666/', region_id: 'cn-shanghai' },
    { name: 'sso', mode: 'CloudSSO', region_id: 'cn-shanghai' },
    { name: 'oidc', mode: 'OIDC', region_id: 'cn-shanghai' },
    { name: 'ext', mode: 'External', process_command: 'x', region_id: 'cn-shanghai' },
    { name: 'halfak', mode: 'AK', access_key_id: 'LTAIhalf000001', access_key_secret: '', region_id: 'cn-shanghai' },
    { name: 'halfsts', mode: 'StsToken', access_key_id: 'STS.x', access_key_secret: 's', sts_token: '', region_id: 'cn-shanghai' },
    { mode: 'AK', access_key_id: 'a', access_key_secret: 'b' },
    'not an object',
  ],
  meta_path: '',
};

describe('Alibaba Cloud CLI config import', () => {
  const result = parseCliConfig(JSON.stringify(config));

  it('imports AK and StsToken profiles (modes compared case-insensitively, empty mode = AK)', () => {
    assert.ok(result.ok);
    assert.deepEqual(result.profiles.map((p) => p.name), ['default', 'sts', 'lower', 'nomode']);
    const sts = result.profiles.find((p) => p.name === 'sts');
    assert.deepEqual(sts?.credentials, { accessKeyId: 'STS.abc', accessKeySecret: 'sec-sts', securityToken: 'tok' });
    assert.equal(sts?.current, true);
    assert.equal(sts?.region, 'cn-beijing');
    assert.equal(result.profiles.find((p) => p.name === 'lower')?.region, undefined);
    assert.equal(result.profiles.find((p) => p.name === 'default')?.credentials.securityToken, undefined);
  });

  it('lists every other mode with the reason it is skipped', () => {
    assert.ok(result.ok);
    const byName = new Map(result.skipped.map((s) => [s.name, s.reason]));
    for (const name of ['role', 'ecs', 'chain', 'uri', 'sso', 'oidc', 'ext']) {
      assert.equal(byName.get(name)?.kind, 'unsupportedMode', name);
    }
    assert.deepEqual(byName.get('halfak'), { kind: 'incomplete', missing: ['access_key_secret'] });
    assert.deepEqual(byName.get('halfsts'), { kind: 'incomplete', missing: ['sts_token'] });
    assert.equal(byName.get('')?.kind, 'noName');
  });

  it('reports a malformed file without echoing its content', () => {
    const r = parseCliConfig('{"profiles": [ {"access_key_secret": "SECRET-IN-FILE" ');
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.problem === 'malformed');
    assert.ok(!JSON.stringify(r).includes('SECRET-IN-FILE'));
    const noProfiles = parseCliConfig('{"current": "x"}');
    assert.ok(!noProfiles.ok && noProfiles.problem === 'malformed');
    assert.ok(!parseCliConfig('null').ok);
  });

  it('reports a missing file and an unreadable one', async () => {
    const missing = await readCliConfig('/nope/config.json', () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' })));
    assert.deepEqual(missing, { ok: false, problem: 'missing' });
    const denied = await readCliConfig('/root/config.json', () => Promise.reject(Object.assign(new Error('x'), { code: 'EACCES' })));
    assert.deepEqual(denied, { ok: false, problem: 'unreadable', detail: 'EACCES' });
    const fine = await readCliConfig('/x', () => Promise.resolve(JSON.stringify(config)));
    assert.ok(fine.ok);
  });
});
