// classify(): what any thrown value means and what the user is told, the same for the commands, the tree and the forms.
import * as assert from 'node:assert/strict';
import { DataWorksError, type DataWorksErrorInit } from '../../../src/api/errors';
import { classify, errorKind, rejectedCredential } from '../../../src/base/errors';
import { CredentialsUnavailableError, UserCancelledError, UserFacingError } from '../../../src/util/errors';
import { FakeApiError } from '../fakes/fakeDataWorksService';

const SLASH = 'The specified parameter "Name" is not valid: it must not contain "/".';
const dwe = (init: Partial<DataWorksErrorInit> & { code: string }): DataWorksError =>
  new DataWorksError({ action: 'ListProjects', kind: 'api', message: init.code, ...init });

describe('classify', () => {
  it('cancelled: our cancel, an AbortError, a cancelled call', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (const e of [new UserCancelledError(), abort, dwe({ kind: 'cancelled', code: 'Cancelled' })]) {
      assert.equal(classify(e, 'en').kind, 'cancelled', String(e));
    }
  });

  it('credentials-missing: carries the profile, for the Sign In Again prompt', () => {
    assert.deepEqual(classify(new CredentialsUnavailableError('prod', 'unreadable'), 'en'), {
      kind: 'credentials-missing', message: 'The credentials of profile "prod" are unreadable.', profileName: 'prod',
    });
  });

  it('credentials-rejected: every rejected-credential code and its sub-codes, in any case; nothing that only starts alike', () => {
    for (const [code, httpStatus] of [
      ['InvalidAccessKeyId.NotFound', 404], ['InvalidAccessKeyId.Inactive', 403], ['InvalidAccessKeyId', 400], ['SignatureDoesNotMatch', 400],
      ['IncompleteSignature', 400], ['InvalidSecurityToken.Expired', 400], ['invalidsecuritytoken.malformed', 400],
    ] as const) {
      assert.equal(classify(dwe({ code, httpStatus }), 'en').kind, 'credentials-rejected', code);
    }
    assert.equal(rejectedCredential('SignatureDoesNotMatch'), 'accessKeySecret');
    assert.equal(rejectedCredential('InvalidSecurityToken.Expired'), 'securityToken');
    assert.equal(rejectedCredential('InvalidAccessKeyIdFormat'), undefined);
    assert.equal(classify(dwe({ code: 'InvalidAccessKeyIdFormat', httpStatus: 400 }), 'en').kind, 'api');
  });

  it('forbidden: the one test, for the forms\' lookups and Add Profile alike', () => {
    for (const [code, httpStatus] of [
      ['Forbidden.RAM', 403], ['Forbidden.Access', 403], ['PERMISSION.DENIED.ERROR', 403], ['NoPermission', 400], ['Permission.Denied', undefined],
      ['SomethingNew', 403],
    ] as const) {
      assert.equal(classify(dwe({ code, ...(httpStatus ? { httpStatus } : {}) }), 'en').kind, 'forbidden', code);
    }
    // Not a permission problem: a throttled answer, whatever its status.
    assert.equal(classify(dwe({ kind: 'throttled', code: 'Throttling.User', httpStatus: 403 }), 'en').kind, 'throttled');
  });

  it('throttled, and api for every other failure of a call (code, network, timeout, unreadable answer)', () => {
    assert.equal(classify(dwe({ kind: 'throttled', code: 'Throttling.User' }), 'en').kind, 'throttled');
    for (const kind of ['api', 'network', 'timeout', 'unexpected-response'] as const) {
      assert.equal(classify(dwe({ kind, code: 'InternalError', httpStatus: 500 }), 'en').kind, 'api', kind);
    }
  });

  it('input and bug: our UserFacingError as is; anything else thrown, including a value that is no Error', () => {
    assert.deepEqual(classify(new UserFacingError('Pick a region first.'), 'zh-cn'), { kind: 'input', message: 'Pick a region first.' });
    assert.deepEqual(classify(new TypeError('x is undefined'), 'en'), { kind: 'bug', message: 'x is undefined' });
    assert.deepEqual(classify('a string', 'en'), { kind: 'bug', message: 'a string' });
    assert.deepEqual(classify(undefined, 'en'), { kind: 'bug', message: 'undefined' });
    assert.deepEqual(classify(42, 'en'), { kind: 'bug', message: '42' });
    // String() throws for an object without a prototype; classify must not.
    assert.deepEqual(classify(Object.create(null), 'en'), { kind: 'bug', message: '[object Object]' });
  });

  it('an API error: the text is exactly userMessage / userMessageParts, with what DataWorks said, in both locales', () => {
    const e = dwe({ code: 'InvalidParameter', httpStatus: 400, requestId: 'REQ-7', message: SLASH, serverMessage: SLASH });
    const en = classify(e, 'en');
    assert.deepEqual(en, {
      kind: 'api', code: 'InvalidParameter', requestId: 'REQ-7',
      message: `A parameter value is invalid. DataWorks said: ${SLASH} (request ID REQ-7)`,
      parts: { message: 'A parameter value is invalid.', serverMessage: SLASH },
    });
    const zh = classify(e, 'zh-cn');
    assert.equal(zh.message, `参数值无效。DataWorks 返回：${SLASH}（请求 ID：REQ-7）`);
    assert.deepEqual(zh.parts, { message: '参数值无效。', serverMessage: SLASH });
    for (const locale of ['en', 'zh-cn'] as const) {
      assert.equal(classify(e, locale).message, e.userMessage(locale));
      assert.deepEqual(classify(e, locale).parts, e.userMessageParts(locale));
    }
  });

  it('a numeric DSG code: an api error whose server message is the main text, in both locales', () => {
    const e = dwe({ action: 'DsgUserGroupAddOrUpdate', code: '1029030003', message: 'param error', serverMessage: 'param error', requestId: 'R' });
    assert.deepEqual(classify(e, 'en'), {
      kind: 'api', code: '1029030003', requestId: 'R', message: 'DataWorks rejected the request. param error (request ID R)',
      parts: { message: 'DataWorks rejected the request. param error' },
    });
    assert.equal(classify(e, 'zh-cn').message, 'DataWorks 拒绝了该请求。param error（请求 ID：R）');
  });

  it('recognises a DataWorksError and our own errors from another bundle by name and shape, not instanceof', () => {
    const foreign = new FakeApiError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 'REQ-9', 'api', 404);
    assert.ok(!(foreign instanceof DataWorksError));
    assert.deepEqual(classify(foreign, 'en'), {
      kind: 'credentials-rejected', code: 'InvalidAccessKeyId.NotFound', requestId: 'REQ-9',
      message: foreign.userMessage('en'), parts: foreign.userMessageParts('en'),
    });
    assert.equal(errorKind(Object.assign(new Error('x'), { name: 'UserCancelledError' })), 'cancelled');
    assert.equal(errorKind(Object.assign(new Error('x'), { name: 'CredentialsUnavailableError', profileName: 'p' })), 'credentials-missing');
    assert.equal(errorKind(Object.assign(new Error('x'), { name: 'UserFacingError' })), 'input');
    // Half a DataWorksError is not one: its methods are what the text comes from.
    assert.equal(errorKind({ name: 'DataWorksError', code: 'Forbidden.RAM', kind: 'api', userMessage: () => 'x' }), 'bug');
    assert.equal(errorKind(Object.assign(new Error('x'), { name: 'CredentialsUnavailableError' })), 'bug');
  });
});
