import * as assert from 'node:assert/strict';
import * as b from './bodies';
import { harness, ok, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';

describe('api: response parsing', () => {
  it('maps ListProjects to workspaces', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.listProjects));
    const page = await svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.deepEqual(page, {
      pageNumber: 1, pageSize: 10, totalCount: 1,
      items: [{
        id: 10001, identifier: 'sales_dw', name: 'Sales', description: 'd', status: 'AVAILABLE', ownerBaseId: '1822',
        resourceGroupId: 'rg-1', isDefault: true, tags: [{ key: 'env', value: 'prod' }],
      }],
    });
  });

  it('maps GetProject with its numeric status and details', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.getProject));
    const w = await svc.getWorkspace(10001);
    assert.equal(w.status, 'FROZEN');
    assert.equal(w.mode, 3);
    assert.equal(w.tenantId, 2807);
    assert.deepEqual(w.envTypes, ['DEV', 'PROD']);
    assert.equal(w.isDefault, false);
    assert.equal(w.createdTime, 'Oct 10, 2019 3:42:53 PM');
  });

  it('maps business processes, API Gateway groups, tenant users', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.listDsGroups()), ok(b.getDsGroup), ok(b.apiGroups), ok(b.userList));
    const list = await svc.listBusinessProcesses({ projectId: 10001, pageNumber: 1, pageSize: 10 });
    assert.deepEqual(list.items[0], {
      id: 'ds_123abc', name: 'Orders', description: 'desc', apiGatewayGroupId: 'gw1', projectId: 10001, creatorId: '10001',
      createdTime: '2020-09-24T18:37:51+0800', modifiedTime: '2020-09-24T18:37:51+0800',
    });
    assert.equal((await svc.getBusinessProcess(10001, 'ds_123abc')).id, 'ds_123abc');
    const gw = await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 10 });
    assert.deepEqual(gw.items[0], {
      id: 'be6d2abc', name: 'Traffic', description: 'TrafficInfo', regionId: 'cn-shanghai', basePath: '/v2/',
      instanceId: 'apigateway-cn-1', instanceType: 'VPC_SHARED', subDomain: 'be6d-cn-shanghai.alicloudapi.com',
      modifiedTime: '2016-08-01T08:45:15Z',
    });
    assert.deepEqual(await svc.listTenantUsers(), [
      { accountName: 'user1', accountType: 1, baseId: '2001', parentAccountId: '1001', yunAccount: 'user:user1' },
    ]);
  });

  it('tolerates unknown extra fields and missing optional ones', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({
      RequestId: 'R', Brand: 'new', PageResult: { PageNumber: 1, PageSize: 10, TotalCount: 1, Extra: {}, ProjectList: [{ ProjectId: 1, ProjectIdentifier: 'p', Future: [1] }] },
    }), ok({ RequestId: 'R', PageNumber: 1, PageSize: 10, TotalCount: 0 }));
    const page = await svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.deepEqual(page.items[0], {
      id: 1, identifier: 'p', name: 'p', description: '', status: 'UNKNOWN', ownerBaseId: '', resourceGroupId: '', isDefault: false, tags: [],
    });
    // DescribeApiGroups leaves out ApiGroupAttributes when there are none.
    assert.deepEqual((await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 10 })).items, []);
  });

  it('a missing required field is an unexpected-response error naming the request ID', async () => {
    const { svc, fake } = harness();
    fake.reply(
      ok({ RequestId: 'REQ-BAD', PageResult: { PageNumber: 1, PageSize: 10, TotalCount: 1, ProjectList: [{ ProjectIdentifier: 'p' }] } }),
      ok({ RequestId: 'REQ-BAD2' }),
      ok('not json at all'),
    );
    for (const call of [
      () => svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }),
      () => svc.createBusinessProcess({ projectId: 1, apiGatewayGroupId: 'g', name: 'n', description: '' }),
      () => svc.listTenantUsers(),
    ]) {
      const e = await rejection(call());
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.kind, 'unexpected-response');
      assert.match(e.message, /^Unexpected response from DataWorks \(request ID /);
    }
    assert.equal(fake.requests.length, 3, 'an unexpected response is not retried');
  });

  it('user groups: PascalCase, lower camel fallback, and the optional type/project extras', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.queryList([
      b.userGroup,
      { id: 1955, name: 'dsg_fin_test-copy', owner: 'UAT', accounts: ['role_project_scheduler'], gmtCreate: '2024-05-10 15:22:18', gmtModified: '2024-05-10 15:22:18' },
      { ...b.userGroup, Id: 7, UserGroupType: 3, ProjectName: 'dev_project', mcAggregationInfo: 'x' },
    ], 3)));
    const page = await svc.listUserGroups({ pageNumber: 1, pageSize: 100 });
    assert.deepEqual(page.items, [
      { id: 123, name: 'yun_group', owner: 'user1', accounts: ['user:user1'], createdTime: '2024-05-10 17:14:44', modifiedTime: '2024-05-10 17:14:45' },
      { id: 1955, name: 'dsg_fin_test-copy', owner: 'UAT', accounts: ['role_project_scheduler'], createdTime: '2024-05-10 15:22:18', modifiedTime: '2024-05-10 15:22:18' },
      { id: 7, name: 'yun_group', owner: 'user1', accounts: ['user:user1'], type: 3, projectName: 'dev_project', createdTime: '2024-05-10 17:14:44', modifiedTime: '2024-05-10 17:14:45' },
    ]);
    assert.equal(page.totalCount, 3);
  });

  it('lower camel page wrapper parses too', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ requestId: 'R', success: true, pageData: { pageNumber: 1, pageSize: 10, totalCount: 0, data: [] } }));
    const page = await svc.listUserGroups({ pageNumber: 1, pageSize: 10 });
    assert.equal(page.totalCount, 0);
  });

  it('tenant users: skips items without YunAccount or a usable AccountType, falls back AccountName → YunAccount, logs once', async () => {
    const { svc, fake, logs } = harness();
    const full = b.userList.Data[0];
    fake.reply(ok({
      RequestId: 'REQ-TU', Success: true,
      Data: [
        full,
        { ...full, YunAccount: undefined, AccountName: 'no_yun' },
        { ...full, YunAccount: '', AccountName: 'empty_yun' },
        { AccountType: 6, YunAccount: 'role:etl' },
        { ...full, AccountType: undefined, YunAccount: 'user:no_type' },
        { ...full, AccountType: 'RAM', YunAccount: 'user:bad_type' },
        { ...full, AccountType: '2', YunAccount: 'user:string_type', BaseId: 2002, ParentAccountId: null },
        null,
      ],
    }));
    assert.deepEqual(await svc.listTenantUsers(), [
      { accountName: 'user1', accountType: 1, baseId: '2001', parentAccountId: '1001', yunAccount: 'user:user1' },
      { accountName: 'role:etl', accountType: 6, baseId: '', parentAccountId: '', yunAccount: 'role:etl' },
      { accountName: 'user1', accountType: 2, baseId: '2002', parentAccountId: '', yunAccount: 'user:string_type' },
    ]);
    const notes = logs.filter((m) => /skipped/.test(m));
    assert.deepEqual(notes, ['DsgUserGroupQueryUserList: skipped 5 of 8 tenant users without a YunAccount or AccountType (request ID REQ-TU)']);
  });

  it('tenant users: lower camel items are read the same way', async () => {
    const { svc, fake, logs } = harness();
    fake.reply(ok({ requestId: 'R', success: true, data: [{ accountName: 'a', accountType: 1, baseId: '1', parentAccountId: '0', yunAccount: 'user:a' }, { accountName: 'b' }] }));
    assert.deepEqual((await svc.listTenantUsers()).map((u) => u.yunAccount), ['user:a']);
    assert.equal(logs.filter((m) => /skipped 1 of 2/.test(m)).length, 1);
  });

  it('an unknown DSG shape is an unexpected-response error with the request ID, PascalCase or camel', async () => {
    const bodies: [string, unknown][] = [
      ['PageData missing', { RequestId: 'REQ-S1', Success: true }],
      ['Data not an array', { RequestId: 'REQ-S2', Success: true, PageData: { PageNumber: 1, PageSize: 10, TotalCount: 1, Data: 'x' } }],
      ['camel, pageData missing', { requestId: 'REQ-S3', success: true }],
      ['camel, data not an array', { requestId: 'REQ-S4', success: true, pageData: { pageNumber: 1, pageSize: 10, totalCount: 1, data: { id: 1 } } }],
      ['camel, paging missing', { requestId: 'REQ-S5', success: true, pageData: { data: [] } }],
    ];
    for (const [what, body] of bodies) {
      const { svc, fake } = harness();
      fake.reply(ok(body));
      const e = await rejection(svc.listUserGroups({ pageNumber: 1, pageSize: 10 }));
      assert.ok(e instanceof DataWorksError, what);
      const id = /REQ-S\d/.exec(JSON.stringify(body))?.[0];
      assert.deepEqual([e.kind, e.code, e.requestId], ['unexpected-response', 'UnexpectedResponse', id], what);
      assert.match(e.message, new RegExp(`request ID ${id ?? '?'}`), what);
      assert.match(e.userMessage('en'), new RegExp(id ?? '?'), what);
    }
    for (const body of [{ requestId: 'REQ-U1', success: true }, { requestId: 'REQ-U2', success: true, data: { accountName: 'a' } }]) {
      const { svc, fake } = harness();
      fake.reply(ok(body));
      const e = await rejection(svc.listTenantUsers());
      assert.ok(e instanceof DataWorksError);
      assert.deepEqual([e.kind, e.requestId], ['unexpected-response', body.requestId]);
    }
  });

  it('user group item without an Id is unexpected', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.queryList([{ Name: 'x' }])));
    const e = await rejection(svc.listUserGroups({ pageNumber: 1, pageSize: 10 }));
    assert.equal((e as DataWorksError).kind, 'unexpected-response');
  });

  it('takes the request ID from the header when the body has none', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ GroupId: 'ds_9' }, { 'x-acs-request-id': 'HDR-1' }));
    const r = await svc.createBusinessProcess({ projectId: 1, apiGatewayGroupId: 'g', name: 'n', description: '' });
    assert.equal(r.requestId, 'HDR-1');
  });
});
