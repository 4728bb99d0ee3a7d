import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  aliyunCliCommand, createDataServiceGroupRequest, dsgUserGroupAddOrUpdateRequest, shellQuote,
} from '../../../src/shared/requests';

describe('requests: CreateDataServiceGroup', () => {
  const req = createDataServiceGroupRequest(
    { projectId: 10001, apiGatewayGroupId: '1000abcd', name: 'Business process name', description: "Test's process" },
    'cn-shanghai',
  );
  it('puts ProjectId, ApiGatewayGroupId, GroupName, Description in the form body, in that order', () => {
    assert.equal(req.action, 'CreateDataServiceGroup');
    assert.deepEqual(req.query, []);
    assert.deepEqual(req.body, [
      ['ProjectId', '10001'], ['ApiGatewayGroupId', '1000abcd'], ['GroupName', 'Business process name'], ['Description', "Test's process"],
    ]);
  });
  it('gives the equivalent aliyun command', () => {
    assert.equal(aliyunCliCommand(req),
      `aliyun dataworks-public CreateDataServiceGroup --ProjectId 10001 --ApiGatewayGroupId 1000abcd --GroupName 'Business process name' --Description 'Test'\\''s process' --region cn-shanghai`);
  });
  it('never carries TenantId or credentials', () => {
    const all = JSON.stringify(req) + aliyunCliCommand(req);
    for (const w of ['TenantId', 'AccessKey', 'Secret', 'Signature']) assert.ok(!all.includes(w), w);
  });
});

describe('requests: DsgUserGroupAddOrUpdate', () => {
  it('sends UserGroups as one JSON string with keys Id?, Name, Owner, Accounts, ProjectName?, UserGroupType', () => {
    const req = dsgUserGroupAddOrUpdateRequest([
      { id: 123, name: 'yun_group', owner: 'user1', type: 1, accounts: ['user:user1'] },
      { name: 'mc', owner: 'user1', type: 3, projectName: 'dev_project', accounts: ['role_a', 'role_b'] },
      { name: 'ram', owner: 'user1', type: 2, projectName: 'dropped', accounts: ['role:r1'] },
    ], 'cn-hangzhou');
    assert.deepEqual(req.body, []);
    assert.equal(req.query.length, 1);
    const [name, value] = req.query[0] ?? ['', ''];
    assert.equal(name, 'UserGroups');
    assert.equal(value,
      '[{"Id":123,"Name":"yun_group","Owner":"user1","Accounts":["user:user1"],"UserGroupType":1},' +
      '{"Name":"mc","Owner":"user1","Accounts":["role_a","role_b"],"ProjectName":"dev_project","UserGroupType":3},' +
      '{"Name":"ram","Owner":"user1","Accounts":["role:r1"],"UserGroupType":2}]');
    assert.equal(aliyunCliCommand(req), `aliyun dataworks-public DsgUserGroupAddOrUpdate --UserGroups '${value}' --region cn-hangzhou`);
  });
});

describe('requests: shell quoting', function () {
  // Spawns a shell per case.
  this.timeout(120_000);
  it('leaves safe words bare and quotes everything else', () => {
    assert.equal(shellQuote('cn-shanghai'), 'cn-shanghai');
    assert.equal(shellQuote(''), "''");
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote('$(rm -rf ~)'), "'$(rm -rf ~)'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote('-rf'), "'-rf'");
  });

  const hasSh = (() => { try { execFileSync('sh', ['-c', 'true']); return true; } catch { return false; } })();
  it('round-trips any string through a real POSIX shell (property, 200 cases)', function () {
    if (!hasSh) this.skip();
    // NUL cannot be an argv element at all, so it is the one character left out.
    const arb = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    fc.assert(fc.property(arb, (s) => {
      const out = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8' });
      return out === s;
    }), { numRuns: 200 });
  });
  it('the whole CLI command splits back into the exact parameters (property, 100 cases)', function () {
    if (!hasSh) this.skip();
    const text = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\u0000'));
    fc.assert(fc.property(text, text, (name, description) => {
      const cmd = aliyunCliCommand(createDataServiceGroupRequest({ projectId: 7, apiGatewayGroupId: 'g-1', name, description }, 'cn-beijing'));
      const script = `set -- ${cmd.replace(/^aliyun /, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
      const argv = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\u0000').slice(0, -1);
      assert.deepEqual(argv, ['dataworks-public', 'CreateDataServiceGroup', '--ProjectId', '7', '--ApiGatewayGroupId', 'g-1',
        '--GroupName', name, '--Description', description, '--region', 'cn-beijing']);
    }), { numRuns: 100 });
  });
});
