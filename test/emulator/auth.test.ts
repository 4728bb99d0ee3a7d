// The live server against the real client (@alicloud/openapi-client 0.4.15) and against hand-made raw requests.
import assert from 'node:assert/strict';
import { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS, startEmulator } from './index';
import type { RunningEmulator } from './index';
import { acsDate, call, callError, makeClient, popCoreRequest, send, signedRequest } from './helpers';

describe('emulator auth and wire', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    await emu.close();
  });

  it('answers every action when signed by openapi-client (ACS3)', async () => {
    const c = makeClient(emu);
    const sh = emu.snapshot().regions['cn-shanghai'];
    const apiGroupId = sh?.apiGatewayGroups[0]?.groupId ?? '';
    const bp = sh?.businessProcesses[0];
    const results = {
      ListProjects: await call(c, 'ListProjects', { query: { PageNumber: '1', PageSize: '100' } }),
      GetProject: await call(c, 'GetProject', { query: { ProjectId: '10001' } }),
      ListDataServiceGroups: await call(c, 'ListDataServiceGroups', { body: { ProjectId: 10001, PageNumber: 1, PageSize: 10 } }),
      GetDataServiceGroup: await call(c, 'GetDataServiceGroup', { body: { GroupId: bp?.groupId ?? '', ProjectId: 10001 } }),
      CreateDataServiceGroup: await call(c, 'CreateDataServiceGroup', { body: { ProjectId: 10001, ApiGatewayGroupId: apiGroupId, GroupName: 'Orders (v2)', Description: "it's *new*!" } }),
      DsgUserGroupQueryList: await call(c, 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '10' } }),
      DsgUserGroupQueryUserList: await call(c, 'DsgUserGroupQueryUserList', { method: 'GET' }),
      DsgUserGroupGetOdpsRoleGroups: await call(c, 'DsgUserGroupGetOdpsRoleGroups', { method: 'GET', query: { ProjectName: 'sales_dw' } }),
      DsgUserGroupAddOrUpdate: await call(c, 'DsgUserGroupAddOrUpdate', { query: { UserGroups: JSON.stringify([{ Name: 'wire_group', Owner: 'alice', Accounts: ['user:bob', 'user:carol'], UserGroupType: 1 }]) } }),
      DsgUserGroupDelete: await call(c, 'DsgUserGroupDelete', { query: { Ids: '[1001]' } }),
      DescribeApiGroups: await call(c, 'DescribeApiGroups', { version: '2016-07-14', query: { PageNumber: '1', PageSize: '50' } }),
    };
    for (const [action, body] of Object.entries(results)) assert.match(String(body.RequestId), /^[0-9A-F-]{36}$/, action);
    assert.equal((results.ListProjects.PageResult as { TotalCount: number }).TotalCount, 4);
    assert.equal((results.GetProject.Data as { ProjectIdentifier: string }).ProjectIdentifier, 'sales_dw');
    assert.match(String(results.CreateDataServiceGroup.GroupId), /^ds_[0-9a-f]{12}$/);
    assert.equal(results.DsgUserGroupAddOrUpdate.Data, true);
    assert.equal(results.DsgUserGroupDelete.Data, true);
    assert.deepEqual(results.DsgUserGroupGetOdpsRoleGroups.Data, ['role_project_admin', 'role_project_dev', 'role_project_scheduler', 'role_project_security', 'sales_analyst']);
    assert.equal((results.DescribeApiGroups.ApiGroupAttributes as { ApiGroupAttribute: unknown[] }).ApiGroupAttribute.length, 3);
    const counts = emu.counts();
    for (const action of Object.keys(results)) assert.equal(counts[action], 1, action);
  });

  it('accepts legacy HMAC-SHA1 (signatureAlgorithm v2) for query and form-body actions', async () => {
    const c = makeClient(emu, DEMO_CREDENTIALS, { signatureAlgorithm: 'v2' });
    const users = await call(c, 'DsgUserGroupQueryUserList', { method: 'GET' });
    assert.ok(Array.isArray(users.Data) && users.Data.length >= 8);
    const groups = await call(c, 'ListDataServiceGroups', { body: { ProjectId: 10001, GroupNameKeyword: 'sales' } });
    assert.ok((groups.GroupPagingResult as { TotalCount: number }).TotalCount >= 2);
    const bad = makeClient(emu, { ...DEMO_CREDENTIALS, accessKeySecret: 'wrong' }, { signatureAlgorithm: 'v2' });
    const e = await callError(bad, 'ListProjects');
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.match(String(e.data.Message), /server string to sign is:POST&%2F&/);
  });

  it('accepts a legacy HMAC-SHA1 request with every parameter and the Signature in a POST form body (pop-core)', async () => {
    const list = await send(emu, popCoreRequest(emu, 'DsgUserGroupQueryList', { PageNumber: '1', PageSize: '5', Name: 'sales' }));
    assert.equal(list.status, 200, JSON.stringify(list.json));
    const data = list.json.PageData as { TotalCount: number; Data: { Name: string }[] };
    assert.ok(data.TotalCount > 0 && data.Data.every((g) => g.Name.includes('sales')));
    // A form-body action and a write, the same way.
    const bp = await send(emu, popCoreRequest(emu, 'ListDataServiceGroups', { ProjectId: '10001', GroupNameKeyword: 'sales' }));
    assert.ok((bp.json.GroupPagingResult as { TotalCount: number }).TotalCount >= 2);
    const write = await send(emu, popCoreRequest(emu, 'DsgUserGroupAddOrUpdate', { UserGroups: JSON.stringify([{ Name: 'pop_core_group', Owner: 'alice', Accounts: ['user:bob'], UserGroupType: 1 }]) }));
    assert.deepEqual([write.status, write.json.Success, write.json.Data], [200, true, true]);
    assert.ok(emu.snapshot().userGroups.some((g) => g.name === 'pop_core_group'));

    // The signature covers the body: a changed parameter, a wrong secret or a replay is refused.
    const signed = popCoreRequest(emu, 'DsgUserGroupQueryUserList', {});
    const tampered = await send(emu, { ...signed, body: (signed.body ?? '').replace('Format=JSON', 'Format=XML') });
    assert.deepEqual([tampered.status, tampered.json.Code], [400, 'SignatureDoesNotMatch']);
    assert.match(String(tampered.json.Message), /server string to sign is:POST&%2F&/);
    const wrong = await send(emu, popCoreRequest(emu, 'DsgUserGroupQueryUserList', {}, { creds: { ...DEMO_CREDENTIALS, accessKeySecret: 'wrong' } }));
    assert.equal(wrong.json.Code, 'SignatureDoesNotMatch');
    assert.equal((await send(emu, signed)).status, 200);
    assert.equal((await send(emu, signed)).json.Code, 'SignatureNonceUsed');
  });

  it('accepts the STS pair only with its token', async () => {
    const ok = await call(makeClient(emu, DEMO_STS_CREDENTIALS), 'ListProjects');
    assert.ok(ok.PageResult);
    const noToken = await callError(makeClient(emu, { accessKeyId: DEMO_STS_CREDENTIALS.accessKeyId, accessKeySecret: DEMO_STS_CREDENTIALS.accessKeySecret }), 'ListProjects');
    assert.deepEqual([noToken.statusCode, noToken.code], [400, 'InvalidSecurityToken.Mismatch']);
    const wrong = await callError(makeClient(emu, { ...DEMO_STS_CREDENTIALS, securityToken: 'forged' }), 'ListProjects');
    assert.equal(wrong.code, 'InvalidSecurityToken.Mismatch');
    const expired = await callError(makeClient(emu, EXPIRED_STS_CREDENTIALS), 'ListProjects');
    assert.deepEqual([expired.statusCode, expired.code], [400, 'InvalidSecurityToken.Expired']);
    const v2 = await call(makeClient(emu, DEMO_STS_CREDENTIALS, { signatureAlgorithm: 'v2' }), 'ListProjects');
    assert.ok(v2.PageResult);
  });

  it('rejects a wrong secret and an unknown key with the gateway codes and error body', async () => {
    const wrong = await callError(makeClient(emu, { ...DEMO_CREDENTIALS, accessKeySecret: 'nope' }), 'ListProjects');
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.code, 'SignatureDoesNotMatch');
    assert.match(String(wrong.data.Message), /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}/);
    const unknown = await callError(makeClient(emu, { accessKeyId: 'LTAInobody', accessKeySecret: 'x' }), 'ListProjects');
    assert.deepEqual([unknown.statusCode, unknown.code], [404, 'InvalidAccessKeyId.NotFound']);
    assert.deepEqual(Object.keys(unknown.data).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId', 'statusCode']);
    assert.equal(unknown.data.Message, 'Specified access key is not found.');
    assert.equal(unknown.data.HostId, 'dataworks.cn-shanghai.aliyuncs.com');
    assert.match(String(unknown.data.Recommend), /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidAccessKeyId\.NotFound/);
  });

  it('rejects raw requests: tampered signature, tampered query, stale date, reused nonce, missing signed header', async () => {
    const good = signedRequest(emu, { action: 'ListProjects', query: { PageSize: '5' } });
    const ok = await send(emu, good);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['x-acs-request-id'], ok.json.RequestId);

    const replay = await send(emu, good);
    assert.deepEqual([replay.status, replay.json.Code], [400, 'SignatureNonceUsed']);

    const tampered = signedRequest(emu, { action: 'ListProjects' });
    tampered.headers.authorization = (tampered.headers.authorization ?? '').replace(/Signature=([0-9a-f])/, (_m, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`);
    assert.equal((await send(emu, tampered)).json.Code, 'SignatureDoesNotMatch');

    const changedQuery = signedRequest(emu, { action: 'ListProjects', query: { PageSize: '5' } });
    const r1 = await send(emu, { ...changedQuery, path: '/?PageSize=6' });
    assert.equal(r1.json.Code, 'SignatureDoesNotMatch');

    const stale = await send(emu, signedRequest(emu, { action: 'ListProjects', date: acsDate(Date.now() - 16 * 60_000) }));
    assert.deepEqual([stale.status, stale.json.Code], [400, 'InvalidTimeStamp.Expired']);
    const future = await send(emu, signedRequest(emu, { action: 'ListProjects', date: acsDate(Date.now() + 16 * 60_000) }));
    assert.equal(future.json.Code, 'InvalidTimeStamp.Expired');

    const unsignedNonce = signedRequest(emu, { action: 'ListProjects' });
    unsignedNonce.headers.authorization = (unsignedNonce.headers.authorization ?? '').replace('x-acs-signature-nonce;', '');
    const r2 = await send(emu, unsignedNonce);
    assert.deepEqual([r2.status, r2.json.Code], [400, 'IncompleteSignature']);

    const noAuth = signedRequest(emu, { action: 'ListProjects' });
    delete noAuth.headers.authorization;
    assert.equal((await send(emu, noAuth)).json.Code, 'IncompleteSignature');
  });

  // `send` gives no content-length, so node:http sends these bodies chunked, like openapi-client does.
  it('checks the body hash of a chunked form body', async () => {
    const r = signedRequest(emu, { action: 'ListDataServiceGroups', body: 'ProjectId=10001' });
    const res = await send(emu, { ...r, body: 'ProjectId=10002' });
    assert.deepEqual([res.status, res.json.Code], [400, 'SignatureDoesNotMatch']);
    const fine = await send(emu, signedRequest(emu, { action: 'ListDataServiceGroups', body: 'ProjectId=10001' }));
    assert.equal(fine.status, 200);
  });

  it('answers unknown actions and versions', async () => {
    const e = await callError(makeClient(emu), 'NoSuchAction');
    assert.deepEqual([e.statusCode, e.code], [404, 'InvalidAction.NotFound']);
    assert.equal(e.data.Message, 'Specified api is not found, please check your url and method.');
    const wrongProduct = await callError(makeClient(emu), 'DescribeApiGroups');
    assert.equal(wrongProduct.code, 'InvalidAction.NotFound');
    const v = await callError(makeClient(emu), 'ListProjects', { version: '2024-05-18' });
    assert.equal(v.code, 'InvalidVersion');
    assert.equal(emu.counts().NoSuchAction, 1);
  });

  it('takes the region from x-acs-region-id, else from the host name', async () => {
    const c = makeClient(emu);
    const hz = await call(c, 'ListProjects', { headers: { 'x-acs-region-id': 'cn-hangzhou' } });
    assert.deepEqual((hz.PageResult as { ProjectList: { ProjectIdentifier: string }[] }).ProjectList.map((p) => p.ProjectIdentifier), ['hz_logistics', 'hz_risk_ml']);
    const byHost = await send(emu, signedRequest(emu, { action: 'ListProjects', host: 'dataworks-vpc.cn-hangzhou.aliyuncs.com' }));
    assert.equal((byHost.json.PageResult as { TotalCount: number }).TotalCount, 2);
    const gw = await send(emu, signedRequest(emu, { action: 'DescribeApiGroups', version: '2016-07-14', host: 'apigateway.cn-hangzhou.aliyuncs.com' }));
    assert.equal((gw.json.ApiGroupAttributes as { ApiGroupAttribute: { RegionId: string }[] }).ApiGroupAttribute[0]?.RegionId, 'cn-hangzhou');
    const nowhere = await call(c, 'ListProjects', { headers: { 'x-acs-region-id': 'eu-central-1' } });
    assert.equal((nowhere.PageResult as { TotalCount: number }).TotalCount, 0);
  });

  it('lets the restricted pair read but not write DSG groups, and denies it API Gateway', async () => {
    const c = makeClient(emu, RESTRICTED_CREDENTIALS);
    assert.equal((await call(c, 'DsgUserGroupQueryUserList', { method: 'GET' })).Success, true);
    const denied = await call(c, 'DsgUserGroupDelete', { query: { Ids: '[1002]' } });
    assert.deepEqual([denied.Success, denied.ErrorCode, denied.HttpStatusCode], [false, 'PERMISSION.DENIED.ERROR', 403]);
    const ram = await callError(c, 'DescribeApiGroups', { version: '2016-07-14' });
    assert.deepEqual([ram.statusCode, ram.code], [403, 'Forbidden.RAM']);
  });

  it('uses the configured key pair instead of the demo pair', async () => {
    const own = await startEmulator({ accessKeyId: 'LTAImine', accessKeySecret: 'my-secret' });
    try {
      assert.ok((await call(makeClient(own, { accessKeyId: 'LTAImine', accessKeySecret: 'my-secret' }), 'ListProjects')).PageResult);
      assert.equal((await callError(makeClient(own), 'ListProjects')).code, 'InvalidAccessKeyId.NotFound');
    } finally {
      await own.close();
    }
  });
});
