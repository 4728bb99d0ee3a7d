// Business behaviour of the actions: consistency between writes and reads, validation, every documented DSG error
// code in both error styles, edition gates and paging through the large seed.
import assert from 'node:assert/strict';
import { DSG_NUMERIC, startEmulator } from './index';
import type { RunningEmulator } from './index';
import { call, callError, makeClient } from './helpers';
import type OpenApi from '@alicloud/openapi-client';

type Group = { Id: number; Name: string; Owner: string; Accounts: string[]; GmtCreate: string; GmtModified: string };
type RichGroup = Group & { UserGroupType: number; ProjectName: string };
const saveGroups = (c: OpenApi, groups: unknown) => call(c, 'DsgUserGroupAddOrUpdate', { query: { UserGroups: typeof groups === 'string' ? groups : JSON.stringify(groups) } });
const queryGroups = async (c: OpenApi, query: Record<string, string>) =>
  (await call(c, 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '100', ...query } })).PageData as { TotalCount: number; Data: Group[] };

describe('emulator actions: DataWorks workspaces and business processes', () => {
  let emu: RunningEmulator;
  let c: OpenApi;
  let gwSh: string;
  let gwHz: string;
  before(async () => {
    emu = await startEmulator();
    c = makeClient(emu);
    gwSh = emu.snapshot().regions['cn-shanghai']?.apiGatewayGroups[0]?.groupId ?? '';
    gwHz = emu.snapshot().regions['cn-hangzhou']?.apiGatewayGroups[0]?.groupId ?? '';
  });
  after(async () => {
    await emu.close();
  });

  it('seeds a realistic demo tenant', () => {
    const d = emu.snapshot();
    const ws = Object.values(d.regions).flatMap((r) => r.workspaces);
    assert.equal(ws.length, 6);
    assert.equal(ws.filter((w) => w.status === 2).length, 1);
    assert.equal(d.tenantUsers.filter((u) => u.accountType === 6).length, 2);
    for (const t of [1, 2, 3]) assert.ok(d.userGroups.filter((g) => g.type === t).length >= 5, `type ${t}`);
    assert.equal(d.edition, 'Enterprise');
  });

  it('creates a business process that then shows up in List and Get with its values', async () => {
    const created = await call(c, 'CreateDataServiceGroup', { body: { ProjectId: 10002, ApiGatewayGroupId: gwSh, GroupName: '账单 API', Description: '' } });
    const id = String(created.GroupId);
    const list = (await call(c, 'ListDataServiceGroups', { body: { ProjectId: 10002, GroupNameKeyword: '账单' } })).GroupPagingResult as { TotalCount: number; Groups: Record<string, unknown>[] };
    assert.equal(list.TotalCount, 1);
    assert.equal(list.Groups[0]?.GroupId, id);
    const got = (await call(c, 'GetDataServiceGroup', { body: { GroupId: id, ProjectId: 10002 } })).Group as Record<string, unknown>;
    assert.equal(got.GroupName, '账单 API');
    assert.equal(got.Description, '');
    assert.equal(got.ApiGatewayGroupId, gwSh);
    assert.match(String(got.CreatedTime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$/);
  });

  it('validates CreateDataServiceGroup', async () => {
    const base = { ProjectId: 10001, ApiGatewayGroupId: gwSh, GroupName: 'valid_name', Description: 'd' };
    const err = async (body: Record<string, string | number>) => {
      const e = await callError(c, 'CreateDataServiceGroup', { body });
      return `${e.statusCode} ${e.code}`;
    };
    const { Description: _d, ...noDescription } = base;
    assert.equal(await err(noDescription), '400 MissingParameter');
    assert.equal(await err({ ...base, GroupName: '' }), '400 InvalidParameter');
    assert.equal(await err({ ...base, GroupName: 'x'.repeat(65) }), '400 InvalidParameter');
    assert.equal(await err({ ...base, GroupName: 'bad/name' }), '400 InvalidParameter');
    assert.equal(await err({ ...base, ApiGatewayGroupId: gwHz }), '400 Invalid.ApiGatewayGroupId');
    assert.equal(await err({ ...base, GroupName: 'sales_reports' }), '400 Duplicate.GroupName');
    assert.equal(await err({ ...base, ProjectId: 99999 }), '400 Invalid.Tenant.ProjectNotExists');
    assert.equal(await err({ ...base, ProjectId: 10003 }), '400 Invalid.Project.Status');
    // Parameters of a form-body action sent in the query do not count.
    const misplaced = await callError(c, 'CreateDataServiceGroup', { query: { ProjectId: '10001', ApiGatewayGroupId: gwSh, GroupName: 'q', Description: 'd' } });
    assert.equal(misplaced.code, 'MissingParameter');
    assert.match(misplaced.message, /not in the form body/);
    // The same name in another workspace is fine.
    assert.ok((await call(c, 'CreateDataServiceGroup', { body: { ...base, ProjectId: 10004, GroupName: 'sales_reports' } })).GroupId);
  });

  it('validates paging and lookups of the read actions', async () => {
    assert.equal((await callError(c, 'ListProjects', { query: { PageSize: '101' } })).code, 'InvalidParameter');
    assert.equal((await callError(c, 'ListProjects', { query: { PageNumber: 'x' } })).code, 'InvalidParameter');
    assert.equal((await callError(c, 'GetProject')).code, 'MissingParameter');
    assert.equal((await callError(c, 'GetProject', { query: { ProjectId: '42' } })).code, 'Invalid.Tenant.ProjectNotExists');
    const byName = await call(c, 'GetProject', { query: { ProjectIdentifier: 'finance_dw' } });
    assert.deepEqual((byName.Data as { EnvTypes: string[] }).EnvTypes, ['DEV', 'PROD']);
    assert.equal((await callError(c, 'ListDataServiceGroups', { body: { ProjectId: 10001, PageSize: 101 } })).code, 'InvalidParameter');
    assert.equal((await callError(c, 'ListDataServiceGroups', {})).code, 'MissingParameter');
    assert.equal((await callError(c, 'GetDataServiceGroup', { body: { GroupId: 'ds_nope', ProjectId: 10001 } })).code, 'Invalid.DataServiceGroup.NotExists');
    assert.equal((await callError(c, 'DescribeApiGroups', { version: '2016-07-14', query: { PageSize: '51' } })).code, 'InvalidParameter');
    const tagged = await call(c, 'ListProjects', { query: { Tags: JSON.stringify([{ Key: 'team', Value: 'finance' }]) } });
    assert.equal((tagged.PageResult as { TotalCount: number }).TotalCount, 1);
    const gw = await call(c, 'DescribeApiGroups', { version: '2016-07-14', query: { GroupName: 'FINANCE' } });
    assert.equal(gw.TotalCount, 1);
    const byId = await call(c, 'DescribeApiGroups', { version: '2016-07-14', query: { GroupId: gwSh } });
    assert.deepEqual((byId.ApiGroupAttributes as { ApiGroupAttribute: { GroupId: string }[] }).ApiGroupAttribute.map((g) => g.GroupId), [gwSh]);
    const names = async (Sort: string) => ((await call(c, 'DescribeApiGroups', { version: '2016-07-14', query: { Sort } })).ApiGroupAttributes as { ApiGroupAttribute: { GroupName: string }[] }).ApiGroupAttribute.map((g) => g.GroupName);
    assert.deepEqual(await names('asc'), [...(await names('desc'))].reverse());
  });

  it('blocks CreateDataServiceGroup below Enterprise and DSG below Professional', async () => {
    const pro = await startEmulator({ edition: 'Professional' });
    const std = await startEmulator({ edition: 'Standard' });
    try {
      const e = await callError(makeClient(pro), 'CreateDataServiceGroup', { body: { ProjectId: 10001, ApiGatewayGroupId: gwSh, GroupName: 'n', Description: 'd' } });
      assert.deepEqual([e.statusCode, e.code], [403, 'Forbidden.Access']);
      assert.equal(e.data.Message, 'Access is forbidden. Please first activate DataWorks Enterprise Edition or Flagship Edition.');
      assert.equal((await queryGroups(makeClient(pro), {})).TotalCount, 17);
      const d = await callError(makeClient(std), 'DsgUserGroupQueryUserList', { method: 'GET' });
      assert.deepEqual([d.statusCode, d.code], [403, 'Forbidden.Access']);
      assert.ok((await call(makeClient(std), 'ListProjects')).PageResult);
    } finally {
      await Promise.all([pro.close(), std.close()]);
    }
  });
});

describe('emulator actions: DSG user groups', () => {
  let emu: RunningEmulator;
  let c: OpenApi;
  before(async () => {
    emu = await startEmulator();
    c = makeClient(emu);
  });
  after(async () => {
    await emu.close();
  });

  it('creates, updates and deletes groups, and the list follows', async () => {
    await saveGroups(c, [
      { Name: 'ops_users', Owner: 'user:dave', Accounts: ['user:dave', 'frank'], UserGroupType: 1 },
      { Name: 'ops_mc', Owner: 'dave', Accounts: ['finance_reader'], ProjectName: 'finance_mc', UserGroupType: 3 },
    ]);
    const found = await queryGroups(c, { Name: 'OPS_' });
    assert.deepEqual(found.Data.map((g) => g.Name).sort(), ['ops_mc', 'ops_users']);
    const mc = found.Data.find((g) => g.Name === 'ops_mc');
    // Exactly the SDK's item model: the type and the MaxCompute project are not in the list.
    assert.deepEqual(Object.keys(mc ?? {}).sort(), ['Accounts', 'GmtCreate', 'GmtModified', 'Id', 'Name', 'Owner']);
    assert.match(mc?.GmtCreate ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const users = found.Data.find((g) => g.Name === 'ops_users');
    await saveGroups(c, [{ Id: users?.Id, Name: 'ops_users_renamed', Owner: 'erin', Accounts: ['user:erin'], UserGroupType: 1 }]);
    const updated = (await queryGroups(c, { Owner: 'erin' })).Data.find((g) => g.Id === users?.Id);
    assert.deepEqual([updated?.Name, updated?.Accounts], ['ops_users_renamed', ['user:erin']]);

    assert.equal((await queryGroups(c, { ProjectName: 'finance_mc' })).TotalCount, 4);
    assert.equal((await queryGroups(c, { userGroupType: '2' })).TotalCount, 5);

    await call(c, 'DsgUserGroupDelete', { query: { Ids: JSON.stringify([users?.Id, mc?.Id]) } });
    assert.equal((await queryGroups(c, { Name: 'ops_' })).TotalCount, 0);
  });

  it('keeps the old rich list items behind dsgListShape rich, with every filter still honoured', async () => {
    const rich = await startEmulator({ dsgListShape: 'rich' });
    try {
      const q = async (query: Record<string, string>) => (await queryGroups(makeClient(rich), query)) as unknown as { TotalCount: number; Data: RichGroup[] };
      const mc = (await q({ userGroupType: '3', ProjectName: 'finance_mc' })).Data;
      assert.ok(mc.length > 0);
      for (const g of mc) assert.deepEqual([g.UserGroupType, g.ProjectName], [3, 'finance_mc']);
      const ram = (await q({ userGroupType: '1' })).Data[0];
      assert.deepEqual([ram?.UserGroupType, ram?.ProjectName], [1, '']);
      const owner = ram?.Owner ?? '';
      const byOwner = (await q({ Owner: owner })).Data;
      assert.ok(byOwner.length > 0 && byOwner.every((g) => g.Owner === owner));
    } finally {
      await rich.close();
    }
  });

  it('ignores the userGroupType and ProjectName filters with dsgKindFilters ignored (a service that does not apply them)', async () => {
    const loose = await startEmulator({ dsgKindFilters: 'ignored' });
    try {
      const c = makeClient(loose);
      const all = (await queryGroups(c, {})).TotalCount;
      assert.ok(all > 0);
      assert.equal((await queryGroups(c, { userGroupType: '3' })).TotalCount, all);
      assert.equal((await queryGroups(c, { ProjectName: 'no_such_project' })).TotalCount, all);
      // The name filter still applies.
      assert.ok((await queryGroups(c, { Name: 'no_group_has_this_name' })).TotalCount === 0);
    } finally {
      await loose.close();
    }
    // The shared emulator (default settings) applies them.
    assert.ok((await queryGroups(c, { userGroupType: '3' })).TotalCount < (await queryGroups(c, {})).TotalCount);
  });

  it('answers DSG bodies in lower camel case at every level with dsgCase camel; other products stay PascalCase', async () => {
    const camel = await startEmulator({ dsgCase: 'camel' });
    try {
      const cc = makeClient(camel);
      const list = await call(cc, 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '2' } });
      assert.deepEqual(Object.keys(list).sort(), ['httpStatusCode', 'pageData', 'requestId', 'success']);
      const pageData = list.pageData as { data: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(pageData).sort(), ['data', 'pageNumber', 'pageSize', 'totalCount']);
      assert.deepEqual(Object.keys(pageData.data[0] ?? {}).sort(), ['accounts', 'gmtCreate', 'gmtModified', 'id', 'name', 'owner']);
      const users = (await call(cc, 'DsgUserGroupQueryUserList', { method: 'GET' })).data as Record<string, unknown>[];
      assert.deepEqual(Object.keys(users[0] ?? {}).sort(), ['accountName', 'accountType', 'baseId', 'parentAccountId', 'yunAccount']);
      const failed = await call(cc, 'DsgUserGroupDelete', { query: { Ids: '[999999]' } });
      assert.deepEqual([failed.success, failed.errorCode, failed.httpStatusCode], [false, 'USERGROUP.ID.ERROR', 400]);
      assert.ok((await call(cc, 'ListProjects')).PageResult);
    } finally {
      await camel.close();
    }
  });

  it('answers numeric DSG error codes with the plain server message with dsgErrorCodes numeric', async () => {
    const numeric = await startEmulator({ dsgErrorCodes: 'numeric' });
    try {
      const nc = makeClient(numeric);
      const r = await call(nc, 'DsgUserGroupAddOrUpdate', { query: { UserGroups: '[{"Name":' } });
      assert.deepEqual([r.Success, r.ErrorCode, r.ErrorMessage, r.HttpStatusCode], [false, '1029030003', 'param error', 400]);
      const d = await call(nc, 'DsgUserGroupDelete', { query: { Ids: '[999999]' } });
      assert.deepEqual([d.ErrorCode, d.ErrorMessage], [DSG_NUMERIC['USERGROUP.ID.ERROR']?.code, 'The user group ID does not match the tenant or does not exist.']);
      assert.match(String(d.ErrorCode), /^\d{10}$/);
    } finally {
      await numeric.close();
    }
  });

  it('answers every documented DSG error code (body style: HTTP 200 + Success:false)', async () => {
    const codeOf = async (action: string, query: Record<string, string>, method: 'GET' | 'POST' = 'POST') => {
      const r = await call(c, action, { method, query });
      assert.equal(r.Success, false, `${action} ${JSON.stringify(query)}`);
      return `${String(r.HttpStatusCode)} ${String(r.ErrorCode)}`;
    };
    const ug = (groups: unknown) => ({ UserGroups: typeof groups === 'string' ? groups : JSON.stringify(groups) });
    const g = { Name: 'g1', Owner: 'alice', Accounts: ['user:bob'], UserGroupType: 1 };
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, Accounts: Array.from({ length: 101 }, () => 'user:bob') }])), '400 USERGROUP.ACCOUNTLISTSIZE.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, Id: 424242 }])), '400 USERGROUP.ID.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug(Array.from({ length: 21 }, (_x, i) => ({ ...g, Name: `g${i}` })))), '400 USERGROUP.LISTSIZE.ERROR');
    assert.equal(await codeOf('DsgUserGroupQueryList', { PageNumber: '1', PageSize: '101' }, 'GET'), '400 USERGROUP.PAGESIZE.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, Owner: 'nobody' }])), '400 USERACCOUNT.OWNER.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, Accounts: ['user:nobody'] }])), '400 USERACCOUNT.OWNER.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, UserGroupType: 2 }])), '400 USERACCOUNT.OWNER.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, UserGroupType: 3, ProjectName: 'sales_dw', Accounts: ['finance_reader'] }])), '400 USERACCOUNT.OWNER.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, UserGroupType: 3, Accounts: ['role_project_dev'] }])), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug('[{"Name":')), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([{ ...g, UserGroupType: 4 }])), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', ug([])), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupAddOrUpdate', {}), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupQueryList', { PageSize: '10' }, 'GET'), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupGetOdpsRoleGroups', {}, 'GET'), '400 PARAMS.ERROR');
    assert.equal(await codeOf('DsgUserGroupDelete', { Ids: '[999999]' }), '400 USERGROUP.ID.ERROR');
    assert.equal(await codeOf('DsgUserGroupDelete', { Ids: 'not json' }), '400 PARAMS.ERROR');
    emu.setFaults({ dsgUnknownErrorNext: 1 });
    assert.equal(await codeOf('DsgUserGroupQueryUserList', {}, 'GET'), '500 UNKNOWN.ERROR');
    assert.equal((await call(c, 'DsgUserGroupQueryUserList', { method: 'GET' })).Success, true);
    // Nothing of a failed request was applied.
    assert.equal((await queryGroups(c, { Name: 'g1' })).TotalCount, 0);
  });

  it('answers DSG errors as real HTTP errors with dsgErrorStyle http', async () => {
    const http = await startEmulator({ dsgErrorStyle: 'http' });
    try {
      const e = await callError(makeClient(http), 'DsgUserGroupDelete', { query: { Ids: '[999999]' } });
      assert.deepEqual([e.statusCode, e.code, e.data.Message], [400, 'USERGROUP.ID.ERROR', 'The user group ID does not match the tenant or does not exist.']);
      const p = await callError(makeClient(http), 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '500' } });
      assert.equal(p.code, 'USERGROUP.PAGESIZE.ERROR');
    } finally {
      await http.close();
    }
  });
});

describe('emulator actions: large seed paging', function () {
  this.timeout(15_000);
  let emu: RunningEmulator;
  before(async () => {
    // How fast the seed builds is the benchmark's business (machines here are shared and noisy), not a test's.
    emu = await startEmulator({ seed: 'large' });
  });
  after(async () => {
    await emu.close();
  });

  it('pages through all user groups to the end', async () => {
    const c = makeClient(emu);
    const ids = new Set<number>();
    let total = -1;
    for (let page = 1; ; page++) {
      const data = (await call(c, 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: String(page), PageSize: '100' } })).PageData as { TotalCount: number; Data: Group[] };
      total = data.TotalCount;
      for (const g of data.Data) ids.add(g.Id);
      if (data.Data.length < 100) {
        assert.equal(data.Data.length, 0);
        break;
      }
    }
    assert.ok(total >= 10_000);
    assert.equal(ids.size, total);
  });

  it('pages through workspaces, business processes and API groups', async () => {
    const c = makeClient(emu);
    const seen = new Set<number>();
    for (let page = 1; page <= 11; page++) {
      const r = (await call(c, 'ListProjects', { query: { PageNumber: String(page), PageSize: '100' } })).PageResult as { TotalCount: number; ProjectList: { ProjectId: number }[] };
      for (const p of r.ProjectList) seen.add(p.ProjectId);
      assert.equal(r.TotalCount, 1004);
    }
    assert.equal(seen.size, 1004);
    const bp = (await call(c, 'ListDataServiceGroups', { body: { ProjectId: 100001, PageNumber: 3, PageSize: 100 } })).GroupPagingResult as { TotalCount: number; Groups: unknown[] };
    assert.deepEqual([bp.TotalCount, bp.Groups.length], [250, 50]);
    const gw = await call(c, 'DescribeApiGroups', { version: '2016-07-14', query: { PageNumber: '3', PageSize: '50' } });
    assert.deepEqual([gw.TotalCount, (gw.ApiGroupAttributes as { ApiGroupAttribute: unknown[] }).ApiGroupAttribute.length], [123, 23]);
  });
});
