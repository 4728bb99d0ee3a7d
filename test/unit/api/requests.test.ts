import * as assert from 'node:assert/strict';
import * as b from './bodies';
import { harness, ok, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';
import { createDataServiceGroupRequest, dsgUserGroupAddOrUpdateRequest } from '../../../src/shared/requests';

describe('api: request building (exact wire parameters)', () => {
  it('ListProjects: POST, PageNumber/PageSize in the query', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.listProjects));
    await svc.listWorkspaces({ pageNumber: 2, pageSize: 50 });
    assert.deepEqual(fake.requests[0], {
      product: 'dataworks', action: 'ListProjects', version: '2020-05-18', method: 'POST',
      query: { PageNumber: '2', PageSize: '50' }, region: 'cn-shanghai',
    });
  });

  it('clamps PageSize to 100 (50 for API Gateway) and refuses a bad page number without sending', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.listProjects), ok(b.apiGroups), ok(b.queryList()));
    await svc.listWorkspaces({ pageNumber: 1, pageSize: 500 });
    await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 100 });
    await svc.listUserGroups({ pageNumber: 1, pageSize: 0 });
    assert.equal(fake.requests[0]?.query['PageSize'], '100');
    assert.equal(fake.requests[1]?.query['PageSize'], '50');
    assert.equal(fake.requests[2]?.query['PageSize'], '1');
    const e = await rejection(svc.listWorkspaces({ pageNumber: 0, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'InvalidParameter');
    assert.equal(e.field, 'pageNumber');
    assert.equal(fake.requests.length, 3);
  });

  it('GetProject: POST, ProjectId in the query', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.getProject));
    await svc.getWorkspace(10001);
    assert.deepEqual(fake.requests[0]?.query, { ProjectId: '10001' });
    assert.equal(fake.requests[0]?.method, 'POST');
    assert.equal(fake.requests[0]?.body, undefined);
  });

  it('ListDataServiceGroups: POST, form body, no TenantId', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.listDsGroups()), ok(b.listDsGroups()));
    await svc.listBusinessProcesses({ projectId: 10001, pageNumber: 1, pageSize: 20, nameKeyword: 'Ord' });
    await svc.listBusinessProcesses({ projectId: 10001, pageNumber: 3, pageSize: 20 });
    assert.deepEqual(fake.requests[0]?.body, { GroupNameKeyword: 'Ord', PageNumber: '1', PageSize: '20', ProjectId: '10001' });
    assert.deepEqual(fake.requests[0]?.query, {});
    assert.deepEqual(fake.requests[1]?.body, { PageNumber: '3', PageSize: '20', ProjectId: '10001' });
  });

  it('GetDataServiceGroup: POST, form body', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.getDsGroup));
    await svc.getBusinessProcess(10001, 'ds_123abc');
    assert.deepEqual(fake.requests[0]?.body, { GroupId: 'ds_123abc', ProjectId: '10001' });
    assert.equal(fake.requests[0]?.method, 'POST');
  });

  it('CreateDataServiceGroup: POST, form body with all four fields (empty description kept), no TenantId', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.createDsGroup));
    const r = await svc.createBusinessProcess({ projectId: 10001, apiGatewayGroupId: 'gw1', name: 'My group (test)*', description: '' });
    assert.deepEqual(fake.requests[0]?.body, { ApiGatewayGroupId: 'gw1', Description: '', GroupName: 'My group (test)*', ProjectId: '10001' });
    assert.deepEqual(fake.requests[0]?.query, {});
    assert.deepEqual(r, { groupId: 'ds_new1', requestId: 'REQ-CDG', recovered: false });
  });

  it('DsgUserGroupAddOrUpdate: POST, UserGroups as one JSON string in the SDK key order', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.dsgWriteOk));
    await svc.saveUserGroups([
      { name: 'g1', owner: 'user1', type: 1, accounts: ['user:user1', 'user:user 2'] },
      { id: 123, name: 'g2', owner: 'user1', type: 3, accounts: ['role_a'], projectName: 'dev_project' },
    ]);
    const req = fake.requests[0];
    assert.equal(req?.method, 'POST');
    assert.equal(req?.body, undefined);
    assert.deepEqual(Object.keys(req?.query ?? {}), ['UserGroups']);
    assert.equal(req?.query['UserGroups'],
      '[{"Name":"g1","Owner":"user1","Accounts":["user:user1","user:user 2"],"UserGroupType":1},'
      + '{"Id":123,"Name":"g2","Owner":"user1","Accounts":["role_a"],"ProjectName":"dev_project","UserGroupType":3}]');
  });

  it('DsgUserGroupAddOrUpdate: ProjectName is sent for type 3 only, as the review shows it', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.dsgWriteOk));
    const groups = [
      { name: 'g1', owner: 'user1', type: 1 as const, accounts: ['user:user1'], projectName: 'leftover' },
      { id: 5, name: 'g2', owner: 'user1', type: 2 as const, accounts: ['role:r'], projectName: 'leftover' },
    ];
    await svc.saveUserGroups(groups);
    assert.equal(fake.requests[0]?.query['UserGroups'],
      '[{"Name":"g1","Owner":"user1","Accounts":["user:user1"],"UserGroupType":1},'
      + '{"Id":5,"Name":"g2","Owner":"user1","Accounts":["role:r"],"UserGroupType":2}]');
    assert.deepEqual(Object.entries(fake.requests[0]?.query ?? {}), dsgUserGroupAddOrUpdateRequest(groups, 'cn-shanghai').query);
  });

  it('CreateDataServiceGroup: the body is the shared WireRequest\'s, same order', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.createDsGroup));
    const input = { projectId: 10001, apiGatewayGroupId: 'gw1', name: 'n', description: 'd' };
    await svc.createBusinessProcess(input);
    assert.deepEqual(Object.entries(fake.requests[0]?.body ?? {}), createDataServiceGroupRequest(input, 'cn-shanghai').body);
  });

  it('DsgUserGroupDelete: POST, Ids as a JSON string', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.dsgWriteOk));
    await svc.deleteUserGroups([123, 456]);
    assert.deepEqual(fake.requests[0]?.query, { Ids: '[123,456]' });
    assert.equal(fake.requests[0]?.method, 'POST');
  });

  it('DsgUserGroupQueryList: GET, filters in the query only when given', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.queryList()), ok(b.queryList()));
    await svc.listUserGroups({ pageNumber: 1, pageSize: 100 });
    await svc.listUserGroups({ pageNumber: 2, pageSize: 10, name: 'yun', owner: 'user1', projectName: 'dev' });
    assert.equal(fake.requests[0]?.method, 'GET');
    assert.deepEqual(fake.requests[0]?.query, { PageNumber: '1', PageSize: '100' });
    assert.deepEqual(fake.requests[1]?.query, { Name: 'yun', Owner: 'user1', PageNumber: '2', PageSize: '10', ProjectName: 'dev' });
  });

  it('DsgUserGroupQueryUserList: GET without parameters', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.userList));
    await svc.listTenantUsers();
    assert.deepEqual(fake.requests[0], {
      product: 'dataworks', action: 'DsgUserGroupQueryUserList', version: '2020-05-18', method: 'GET', query: {}, region: 'cn-shanghai',
    });
  });

  it('DsgUserGroupGetOdpsRoleGroups: GET, ProjectName in the query', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.roles));
    assert.deepEqual(await svc.listMaxComputeRoles('dev_project'), ['role_a', 'role_b']);
    assert.deepEqual(fake.requests[0]?.query, { ProjectName: 'dev_project' });
    assert.equal(fake.requests[0]?.method, 'GET');
  });

  it('DescribeApiGroups: CloudAPI 2016-07-14, POST, query', async () => {
    const { svc, fake } = harness();
    fake.reply(ok(b.apiGroups));
    await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 20, nameKeyword: 'Traf' });
    assert.deepEqual(fake.requests[0], {
      product: 'cloudapi', action: 'DescribeApiGroups', version: '2016-07-14', method: 'POST',
      query: { GroupName: 'Traf', PageNumber: '1', PageSize: '20' }, region: 'cn-shanghai',
    });
  });

  it('validates user group input before sending, naming the field', async () => {
    const { svc, fake } = harness();
    const e1 = await rejection(svc.saveUserGroups([{ name: ' ', owner: 'u', type: 1, accounts: [] }]));
    const e2 = await rejection(svc.saveUserGroups([{ name: 'n', owner: '', type: 1, accounts: [] }]));
    const e3 = await rejection(svc.saveUserGroups([{ name: 'n', owner: 'u', type: 3, accounts: [] }]));
    const e4 = await rejection(svc.deleteUserGroups([]));
    assert.deepEqual([e1, e2, e3, e4].map((e) => (e as DataWorksError).field), ['name', 'owner', 'projectName', 'ids']);
    assert.equal(fake.requests.length, 0);
  });

  it('refuses empty credentials instead of letting the SDK fall back to its default chain', async () => {
    const { svc, fake } = harness({ credentials: { accessKeyId: '', accessKeySecret: '' } });
    const e = await rejection(svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'InvalidCredentials');
    assert.equal(fake.requests.length, 0);
  });
});

describe('api: transport loading', () => {
  it('a failed load is a DataWorksError and is tried again on the next call', async () => {
    let loads = 0;
    const { svc, fake } = harness({}, {
      loadTransport: () => {
        loads++;
        return loads === 1 ? Promise.reject(new Error('Cannot find module ./api.js')) : Promise.resolve({ createTransport: () => fake });
      },
    });
    fake.reply(ok(b.userList));
    const e = await rejection(svc.listTenantUsers());
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'TransportUnavailable');
    assert.equal((await svc.listTenantUsers()).length, 1);
    assert.equal(loads, 2);
  });

  it('loads the transport once, on the first call, not at creation', async () => {
    let loads = 0;
    const { svc, fake } = harness({}, {
      loadTransport: () => {
        loads++;
        return Promise.resolve({ createTransport: () => fake });
      },
    });
    assert.equal(loads, 0);
    fake.fallback = ok(b.userList);
    await Promise.all([svc.listTenantUsers(), svc.listTenantUsers()]);
    await svc.listTenantUsers();
    assert.equal(loads, 1);
  });
});
