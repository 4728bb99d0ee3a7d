import * as assert from 'node:assert/strict';
import { harness, httpError, networkError, ok, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';
import { redact } from '../../../src/api/redact';
import { TransportError } from '../../../src/api/transport';

const listGroups = (svc: ReturnType<typeof harness>['svc']) => svc.listUserGroups({ pageNumber: 1, pageSize: 10 });

describe('api: error mapping', () => {
  it('HTTP 4xx thrown by the client: code, status, request ID, server message; not retried', async () => {
    const { svc, fake } = harness();
    fake.reply(httpError(403, 'Forbidden.Access', 'Access is forbidden. Please first activate DataWorks Enterprise Edition or Flagship Edition.', 'REQ-403'));
    const e = await rejection(svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'api');
    assert.equal(e.code, 'Forbidden.Access');
    assert.equal(e.httpStatus, 403);
    assert.equal(e.requestId, 'REQ-403');
    assert.equal(e.action, 'ListProjects');
    assert.equal(e.retryable, false);
    assert.match(e.message, /Access is forbidden/);
    assert.match(e.userMessage('en'), /Enterprise Edition/);
    assert.match(e.userMessage('zh-cn'), /企业版/);
    assert.match(e.userMessage('en'), /REQ-403/);
    assert.equal(fake.requests.length, 1);
  });

  it('HTTP 200 with Success:false (DSG style): ErrorCode, ErrorMessage, HttpStatusCode', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ RequestId: 'REQ-D', Success: false, ErrorCode: 'USERACCOUNT.OWNER.ERROR', ErrorMessage: 'User list or owner user does not exist.', HttpStatusCode: 400 }));
    const e = await rejection(svc.saveUserGroups([{ id: 5, name: 'n', owner: 'ghost', type: 1, accounts: [] }]));
    assert.ok(e instanceof DataWorksError);
    assert.deepEqual([e.kind, e.code, e.httpStatus, e.requestId, e.field], ['api', 'USERACCOUNT.OWNER.ERROR', 400, 'REQ-D', 'owner']);
    assert.equal(fake.requests.length, 1);
  });

  it('HTTP 4xx whose body is DSG-shaped (no Code, ErrorCode instead)', async () => {
    const { svc, fake } = harness();
    fake.reply(new TransportError({
      kind: 'http', sendState: 'maybe-sent', statusCode: 400, message: 'undefined: code: 400, undefined request id: R',
      body: { RequestId: 'R', Success: false, ErrorCode: 'USERGROUP.ID.ERROR', ErrorMessage: 'The user group ID does not match the tenant or does not exist.' },
    }));
    const e = await rejection(svc.saveUserGroups([{ id: 9, name: 'n', owner: 'o', type: 1, accounts: [] }]));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'USERGROUP.ID.ERROR');
    assert.equal(e.requestId, 'R');
    assert.equal(e.field, 'id');
    assert.match(e.message, /does not match the tenant/);
  });

  it('Data:false on a DSG write is a failure', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ RequestId: 'R', Success: true, Data: false }));
    const e = await rejection(svc.deleteUserGroups([1]));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'api');
    assert.equal(e.code, 'OperationFailed');
  });

  it('maps documented codes to fields', () => {
    const cases: [string, string | undefined][] = [
      ['USERGROUP.ID.ERROR', 'id'], ['USERACCOUNT.OWNER.ERROR', 'owner'], ['USERGROUP.ACCOUNTLISTSIZE.ERROR', 'accounts'],
      ['USERGROUP.NAME.DUPLICATE', 'name'], ['InvalidApiGatewayGroupId.NotFound', 'apiGatewayGroupId'], ['PARAMS.ERROR', undefined],
      ['InvalidAccessKeyId.NotFound', 'accessKeyId'], ['SignatureDoesNotMatch', 'accessKeySecret'],
      ['InvalidSecurityToken.Expired', 'securityToken'], ['Throttling.User', undefined],
    ];
    for (const [code, field] of cases) {
      assert.equal(new DataWorksError({ action: 'A', kind: 'api', code, message: 'm' }).field, field, code);
    }
  });

  it('has English and Chinese texts for every documented code and kind', () => {
    const codes = [
      'Forbidden.Access', 'Forbidden.RAM', 'Throttling.Api', 'Throttling.User', 'Throttling.System', 'InternalError.System',
      'InternalError.UserId.Missing', 'USERGROUP.ACCOUNTLISTSIZE.ERROR', 'USERGROUP.ID.ERROR', 'USERGROUP.LISTSIZE.ERROR',
      'USERGROUP.PAGESIZE.ERROR', 'USERACCOUNT.OWNER.ERROR', 'PARAMS.ERROR', 'PERMISSION.DENIED.ERROR', 'UNKNOWN.ERROR',
      'InvalidAccessKeyId.NotFound', 'SignatureDoesNotMatch', 'InvalidTimeStamp.Expired', 'SignatureNonceUsed',
      'InvalidSecurityToken.Expired', 'InvalidSecurityToken.Malformed', 'InvalidAction.NotFound', 'MissingParameter',
      'InvalidParameter', 'MissingParameter.GroupName',
    ];
    const generic = new DataWorksError({ action: 'A', kind: 'api', code: 'Zzz', message: 'SERVER-TEXT' });
    assert.match(generic.userMessage('en'), /SERVER-TEXT/);
    for (const code of codes) {
      const e = new DataWorksError({ action: 'A', kind: code.startsWith('Throttling') ? 'throttled' : 'api', code, message: 'SERVER-TEXT' });
      const en = e.userMessage('en');
      const zh = e.userMessage('zh-cn');
      assert.doesNotMatch(en, /SERVER-TEXT/, `${code} has its own English text`);
      assert.doesNotMatch(zh, /SERVER-TEXT/, `${code} has its own Chinese text`);
      assert.match(zh, /[\u4e00-\u9fff]/, code);
      assert.notEqual(en, zh);
    }
    for (const kind of ['network', 'timeout', 'cancelled'] as const) {
      const e = new DataWorksError({ action: 'A', kind, code: 'X', message: 'm' });
      assert.match(e.userMessage('zh-cn'), /[\u4e00-\u9fff]/);
      assert.ok(e.userMessage('en').length > 10);
    }
  });

  it('states the create verdict in the user message', () => {
    const e = new DataWorksError({ action: 'A', kind: 'timeout', code: 'ReadTimeout', message: 'm', createVerdict: 'not-created' });
    assert.match(e.userMessage('en'), /safe to try again/);
    assert.match(e.withVerdict('unknown').userMessage('zh-cn'), /无法确定/);
  });

  it('network errors: redacts the query string and any secret', async () => {
    const { svc, fake } = harness();
    fake.fallback = networkError('ECONNRESET', 'maybe-sent', 'read ECONNRESET POST http://127.0.0.1:9/?UserGroups=%5B%5D&AccessKeyId=AKID-test failed. super-secret-value');
    const e = await rejection(listGroups(svc));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'network');
    assert.equal(e.code, 'ECONNRESET');
    assert.doesNotMatch(e.message, /UserGroups|AKID-test|super-secret-value/);
    assert.match(e.message, /http:\/\/127\.0\.0\.1:9\//);
  });

  it('redact(): URLs, signature parameters, string to sign, explicit secrets', () => {
    assert.equal(redact('GET https://dataworks.cn-shanghai.aliyuncs.com/?Signature=x&a=b failed.'), 'GET https://dataworks.cn-shanghai.aliyuncs.com/?… failed.');
    assert.equal(redact('Credential=AK1,SignedHeaders=host'), 'Credential=…,SignedHeaders=host');
    assert.equal(redact('Specified signature is not matched with our calculation. server string to sign is:ACS3\nabc'), 'Specified signature is not matched with our calculation. server string to sign is: …');
    assert.equal(redact('token TOKEN-123456 here', ['TOKEN-123456']), 'token … here');
  });

  it('SignatureDoesNotMatch from the server does not carry the string to sign into the message', async () => {
    const { svc, fake } = harness();
    fake.reply(httpError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\nabcdef'));
    const e = await rejection(listGroups(svc));
    assert.ok(e instanceof DataWorksError);
    assert.doesNotMatch(e.message, /abcdef/);
    assert.match(e.userMessage('en'), /secret/);
  });

  it('logs never contain credentials', async () => {
    const { svc, fake, logs } = harness({ credentials: { accessKeyId: 'AKID-test', accessKeySecret: 'super-secret-value', securityToken: 'sts-token-value' } });
    fake.reply(networkError('ECONNREFUSED', 'not-sent', 'connect ECONNREFUSED super-secret-value sts-token-value'), ok({ RequestId: 'R', PageResult: { PageNumber: 1, PageSize: 10, TotalCount: 0 } }));
    await svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.ok(logs.length > 0);
    for (const line of logs) assert.doesNotMatch(line, /super-secret-value|sts-token-value/);
  });
});

describe('api: error fields from parameter errors', () => {
  it('reads the wire parameter name from MissingParameter/InvalidParameter', () => {
    const f = (code: string, message: string) => new DataWorksError({ action: 'A', kind: 'api', code, message }).field;
    assert.equal(f('InvalidParameter', 'The specified parameter "GroupName" is not valid.'), 'name');
    assert.equal(f('MissingParameter', 'The input parameter "Description" that is mandatory for processing this request is not supplied.'), 'description');
    assert.equal(f('MissingParameter.ApiGatewayGroupId', 'x'), 'apiGatewayGroupId');
    assert.equal(f('Duplicate.GroupName', 'exists'), 'name');
    assert.equal(f('Invalid.ApiGatewayGroupId', 'nope'), 'apiGatewayGroupId');
    assert.equal(f('InvalidParameter', 'The specified parameter "Zzz" is not valid.'), undefined);
  });
});

describe('api: numeric DSG error codes', () => {
  const f = (code: string, message: string) => new DataWorksError({ action: 'A', kind: 'api', code, message }).field;

  it('puts a numeric code on the input its message names, else on none', () => {
    const cases: [string, string | undefined][] = [
      ['User list or owner user does not exist.', 'owner'],
      ['Owner is empty', 'owner'],
      ['The number of account exceeds the limit.', 'accounts'],
      ['accounts is invalid', 'accounts'],
      ['The user group ID does not match the tenant or does not exist.', 'id'],
      ['Ids must not be empty', 'id'],
      ['UserGroups is not a valid JSON array', 'userGroups'],
      ['ProjectName is required for UserGroupType 3', 'type'],
      ['ProjectName is required', 'projectName'],
      ['param error', undefined],
      ['The number of user groups exceeds the limit.', undefined],
      ['Page size is too large, maximum of 100.', undefined],
      ['unknown error', undefined],
      ['Permission denied', undefined],
      ['invalid identity', undefined],
    ];
    for (const [message, field] of cases) assert.equal(f('1029030003', message), field, message);
  });

  it('reads field words from the message only for numeric codes', () => {
    assert.equal(f('SOME.OTHER.ERROR', 'owner missing'), undefined);
    assert.equal(f('OperationFailed', 'The user group ID does not match'), undefined);
    assert.equal(f('USERGROUP.ID.ERROR', 'owner'), 'id');
  });

  it('keeps the server code, message and request ID; the user message shows the server text', async () => {
    for (const camel of [false, true]) {
      const { svc, fake } = harness();
      const body = { RequestId: 'REQ-N', Success: false, ErrorCode: '1029030004', ErrorMessage: 'The user group ID does not match the tenant or does not exist.', HttpStatusCode: 400 };
      fake.reply(ok(camel ? { requestId: body.RequestId, success: false, errorCode: body.ErrorCode, errorMessage: body.ErrorMessage, httpStatusCode: 400 } : body));
      const e = await rejection(svc.saveUserGroups([{ id: 5, name: 'n', owner: 'o', type: 1, accounts: [] }]));
      assert.ok(e instanceof DataWorksError);
      assert.deepEqual([e.kind, e.code, e.message, e.httpStatus, e.requestId, e.field, e.retryable], ['api', '1029030004', body.ErrorMessage, 400, 'REQ-N', 'id', false]);
      assert.match(e.userMessage('en'), /does not match the tenant.*REQ-N/);
      assert.match(e.userMessage('zh-cn'), /DataWorks 拒绝了该请求.*REQ-N/);
    }
  });

  it('a delete resent after a lost answer that finds the group gone (numeric code naming the ID) succeeded', async () => {
    const { svc, fake } = harness();
    fake.reply(
      networkError('ECONNRESET', 'maybe-sent'),
      ok({ RequestId: 'REQ-2', Success: false, ErrorCode: '1029030004', ErrorMessage: 'The user group ID does not match the tenant or does not exist.', HttpStatusCode: 400 }),
    );
    const r = await svc.deleteUserGroups([7]);
    assert.equal(r.requestId, 'REQ-2');
    assert.equal(fake.requests.length, 2);
  });
});
