import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  aliyunCliCommand, createDataServiceGroupRequest, dsgUserGroupAddOrUpdateRequest, dsgUserGroupDeleteRequest, shellQuote,
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

describe('requests: DsgUserGroupDelete', () => {
  it('sends Ids as one JSON array string in the query, and the equivalent aliyun command', () => {
    const req = dsgUserGroupDeleteRequest([12, 345], 'cn-beijing');
    assert.equal(req.action, 'DsgUserGroupDelete');
    assert.deepEqual(req.query, [['Ids', '[12,345]']]);
    assert.deepEqual(req.body, []);
    assert.equal(aliyunCliCommand(req), `aliyun dataworks-public DsgUserGroupDelete --Ids '[12,345]' --region cn-beijing`);
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
      const req = createDataServiceGroupRequest({ projectId: 7, apiGatewayGroupId: 'g-1', name, description }, 'cn-beijing');
      assert.deepEqual(argv.slice(0, 2), ['dataworks-public', 'CreateDataServiceGroup']);
      assert.deepEqual(readAsAliyunCli(argv.slice(2)), [...req.body, ['region', 'cn-beijing']]);
    }), { numRuns: 100 });
  });
});

/**
 * How the aliyun CLI reads its arguments (aliyun-cli cli/parser.go): an argument is cut at its first `=` or `:`;
 * when the part before starts with `--` it is a flag (the part after, when not empty, its value), with a single `-`
 * a shorthand flag; anything else is the value of the pending flag. Returns [flag, value] pairs in order.
 */
function readAsAliyunCli(args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  let pending: string | undefined;
  for (const arg of args) {
    const cut = arg.search(/[=:]/);
    const prefix = cut < 0 ? arg : arg.slice(0, cut);
    const after = cut < 0 ? '' : arg.slice(cut + 1);
    if (prefix.startsWith('--')) {
      assert.equal(pending, undefined, `flag ${pending ?? ''} got no value`);
      if (after !== '') out.push([prefix.slice(2), after]);
      else pending = prefix.slice(2);
    } else if (prefix.startsWith('-')) {
      assert.fail(`the CLI would take ${JSON.stringify(arg)} for a shorthand flag`);
    } else {
      assert.notEqual(pending, undefined, `stray argument ${JSON.stringify(arg)}`);
      out.push([pending ?? '', arg]);
      pending = undefined;
    }
  }
  assert.equal(pending, undefined);
  return out;
}

describe('requests: the aliyun command says what the wire request says', function () {
  this.timeout(60_000);
  const hasSh = (() => { try { execFileSync('sh', ['-c', 'true']); return true; } catch { return false; } })();
  /** The command's arguments after `aliyun`, as a real shell splits them (with `aliyun` a function that prints them). */
  const shellArgs = (cmd: string): string[] => {
    const script = `aliyun() { for a in "$@"; do printf '%s\\0' "$a"; done; }; ${cmd}`;
    return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\u0000').slice(0, -1);
  };
  const HOSTILE = [
    `it's "quoted"`, 'two\nlines', '$(touch /tmp/dw-pwned)', '`id`', '-x', '--GroupName=other', '-a:b', 'a=b:c', '  spaced  ',
    '\\', "'", '!', '*', '~', '#comment', ';ls', '|cat', '&', '中文名称', '', '--',
  ];

  it('CreateDataServiceGroup: every hostile name and description comes back exactly, in the wire order', function () {
    if (!hasSh) this.skip();
    for (const text of HOSTILE) {
      const req = createDataServiceGroupRequest({ projectId: 7, apiGatewayGroupId: 'g-1', name: text, description: text }, 'cn-beijing');
      const argv = shellArgs(aliyunCliCommand(req));
      assert.deepEqual(argv.slice(0, 2), ['dataworks-public', 'CreateDataServiceGroup'], JSON.stringify(text));
      assert.deepEqual(readAsAliyunCli(argv.slice(2)), [...req.query, ...req.body, ['region', 'cn-beijing']], JSON.stringify(text));
    }
  });

  it('DsgUserGroupAddOrUpdate: hostile names, owners and accounts survive inside the one UserGroups value', function () {
    if (!hasSh) this.skip();
    for (const text of HOSTILE) {
      const req = dsgUserGroupAddOrUpdateRequest([
        { id: 9, name: text, owner: text, type: 1, accounts: [text, 'user:b'] },
        { name: `${text}2`, owner: 'o', type: 3, projectName: 'p1', accounts: ['role_a'] },
      ], 'cn-hangzhou');
      const argv = shellArgs(aliyunCliCommand(req));
      assert.deepEqual(argv.slice(0, 2), ['dataworks-public', 'DsgUserGroupAddOrUpdate']);
      const params = readAsAliyunCli(argv.slice(2));
      assert.deepEqual(params, [...req.query, ...req.body, ['region', 'cn-hangzhou']], JSON.stringify(text));
      const groups = JSON.parse(params[0]?.[1] ?? '') as { Name: string; Owner: string; Accounts: string[] }[];
      assert.equal(groups[0]?.Name, text);
      assert.deepEqual(groups[0]?.Accounts, [text, 'user:b']);
    }
  });

  it('nothing in the command ran: no file was created by $(...)', function () {
    if (!hasSh) this.skip();
    const probe = execFileSync('sh', ['-c', 'test -e /tmp/dw-pwned && echo yes || echo no'], { encoding: 'utf8' }).trim();
    assert.equal(probe, 'no');
  });
});

describe('requests: ProjectName only for MaxCompute roles', () => {
  it('types 1 and 2 never carry ProjectName; type 3 does, after Accounts', () => {
    const req = dsgUserGroupAddOrUpdateRequest([
      { name: 'a', owner: 'o', type: 1, projectName: 'p', accounts: ['x'] },
      { name: 'b', owner: 'o', type: 2, projectName: 'p', accounts: ['x'] },
      { name: 'c', owner: 'o', type: 3, projectName: 'p', accounts: ['x'] },
    ], 'cn-hangzhou');
    const groups = JSON.parse(req.query[0]?.[1] ?? '') as Record<string, unknown>[];
    assert.deepEqual(groups.map((g) => Object.keys(g)), [
      ['Name', 'Owner', 'Accounts', 'UserGroupType'],
      ['Name', 'Owner', 'Accounts', 'UserGroupType'],
      ['Name', 'Owner', 'Accounts', 'ProjectName', 'UserGroupType'],
    ]);
  });
});
