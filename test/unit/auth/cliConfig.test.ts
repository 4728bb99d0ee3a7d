import * as assert from 'node:assert/strict';
import { MAX_CLI_CONFIG_BYTES, parseCliConfig, readCliConfig } from '../../../src/auth/cliConfig';
import { assertNoSecretRun } from '../../support/secretRuns';

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

describe('Alibaba Cloud CLI config import: hostile files', () => {
  const SECRET = 'cliQ7secretOnItsOwnLine4Xz9Lm2Np8Rt6Vb';

  it('a broken file reports only line and column, never the text, even with the secret on its own line', () => {
    // A lost opening quote: the parser's message quotes the text around the error, across the line break.
    const text = `{\n  "profiles": [\n    {\n      "name": "p",\n      "access_key_secret":\n${SECRET}"\n    }\n  ]\n}\n`;
    const r = parseCliConfig(text);
    assert.ok(!r.ok && r.problem === 'malformed');
    assert.deepEqual(r, { ok: false, problem: 'malformed', at: { line: 6, column: 1 } });
    assertNoSecretRun([JSON.stringify(r)], [SECRET], 'the import result');
  });

  it('finds the position of other JSON errors (1-based line and column)', () => {
    const at = (t: string) => {
      const r = parseCliConfig(t);
      return !r.ok && r.problem === 'malformed' ? r.at : undefined;
    };
    assert.deepEqual(at('{"profiles": [1, 2,]}'), { line: 1, column: 20 });
    assert.deepEqual(at('{"profiles":\r\n [}'), { line: 2, column: 3 });
    assert.deepEqual(at('{"a": "x\ny"}'), { line: 1, column: 9 });
    assert.deepEqual(at('{"a": 1} x'), { line: 1, column: 10 });
    assert.deepEqual(at('{"a": '), { line: 1, column: 7 });
    assert.deepEqual(at('\uFEFF{}'), { line: 1, column: 1 });
  });

  it('skips profile names Add Profile would refuse, and names given twice, without keeping the name', () => {
    const forged = 'ok\n[error] forged log line';
    const r = parseCliConfig(JSON.stringify({
      profiles: [
        { name: forged, mode: 'AK', access_key_id: 'LTAIa0000001', access_key_secret: 's1' },
        { name: 'a/b', mode: 'AK', access_key_id: 'LTAIa0000002', access_key_secret: 's2' },
        { name: 'x'.repeat(65), mode: 'AK', access_key_id: 'LTAIa0000003', access_key_secret: 's3' },
        { name: 'tab\there', mode: 'RamRoleArn' },
        { name: 'Prod', mode: 'AK', access_key_id: 'LTAIa0000004', access_key_secret: 's4' },
        { name: 'prod', mode: 'AK', access_key_id: 'LTAIa0000005', access_key_secret: 's5' },
        { name: '[Open](command:workbench.action.terminal.new)', mode: 'AK', access_key_id: 'LTAIa0000006', access_key_secret: 's6' },
        { name: 'weird', mode: 'x\ny' },
      ],
    }));
    assert.ok(r.ok);
    // A markdown link is a valid name (the UI shows it as text, see inertText); a line break, `/`, 65 characters are not.
    assert.deepEqual(r.profiles.map((p) => p.name), ['Prod', '[Open](command:workbench.action.terminal.new)']);
    assert.equal(r.skipped.filter((s) => s.reason.kind === 'invalidName').length, 5);
    assert.ok(r.skipped.filter((s) => s.reason.kind === 'invalidName').every((s) => s.name === ''));
    assert.deepEqual(r.skipped.find((s) => s.name === 'weird')?.reason, { kind: 'unsupportedMode', mode: '?' });
    assert.ok(!JSON.stringify(r).includes('forged'));
  });

  it('refuses a file over 1 MiB before reading it, and one that grew past it while read', async () => {
    let read = 0;
    const big = await readCliConfig('/x', () => { read++; return Promise.resolve('{}'); }, () => Promise.resolve(MAX_CLI_CONFIG_BYTES + 1));
    assert.deepEqual(big, { ok: false, problem: 'tooLarge', bytes: MAX_CLI_CONFIG_BYTES + 1 });
    assert.equal(read, 0, 'never read');
    const grown = await readCliConfig('/x', () => Promise.resolve(`{"profiles":[],"pad":"${'x'.repeat(MAX_CLI_CONFIG_BYTES)}"}`), () => Promise.resolve(10));
    assert.ok(!grown.ok && grown.problem === 'tooLarge');
    const fits = await readCliConfig('/x', () => Promise.resolve('{"profiles":[]}'), () => Promise.resolve(15));
    assert.ok(fits.ok);
  });
});
