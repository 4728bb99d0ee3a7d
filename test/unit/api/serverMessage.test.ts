// The server's own message next to ours: kept apart on the error, labelled on one line, never invented.
import * as assert from 'node:assert/strict';
import { DataWorksError } from '../../../src/api';
import { harness, httpError, ok, rejection } from './fakes';

const SERVER = 'The specified parameter "Name" is invalid: it must not contain "/".';

function serverError(code: string, serverMessage: string | undefined, over: Partial<ConstructorParameters<typeof DataWorksError>[0]> = {}): DataWorksError {
  return new DataWorksError({
    action: 'CreateDataServiceGroup', kind: 'api', code, httpStatus: 400, requestId: 'REQ-9',
    message: serverMessage ?? 'DataWorks reported that the operation did not succeed',
    ...(serverMessage === undefined ? {} : { serverMessage }), ...over,
  });
}

describe('api: the server message beside ours', () => {
  it('a known code: our text, then what DataWorks said, then the request ID (English)', () => {
    const e = serverError('InvalidParameter', SERVER);
    assert.deepEqual(e.userMessageParts('en'), { message: 'A parameter value is invalid.', serverMessage: SERVER });
    assert.equal(e.userMessage('en'), `A parameter value is invalid. DataWorks said: ${SERVER} (request ID REQ-9)`);
  });

  it('a known code in Chinese: our text, then "DataWorks 返回：", then the request ID', () => {
    const e = serverError('InvalidParameter', SERVER);
    assert.deepEqual(e.userMessageParts('zh-cn'), { message: '参数值无效。', serverMessage: SERVER });
    assert.equal(e.userMessage('zh-cn'), `参数值无效。DataWorks 返回：${SERVER}（请求 ID：REQ-9）`);
  });

  it('a documented DSG code and a prefix code (Throttling.*) show the server message too', () => {
    const owner = serverError('USERACCOUNT.OWNER.ERROR', 'User list or owner user does not exist.');
    assert.equal(owner.userMessageParts('en').serverMessage, 'User list or owner user does not exist.');
    assert.match(owner.userMessage('zh-cn'), /^负责人或部分账号不存在。.*DataWorks 返回：User list or owner user does not exist\.（请求 ID：REQ-9）$/);
    const throttled = serverError('Throttling.User', 'Request was denied due to user flow control.', { kind: 'throttled' });
    assert.match(throttled.userMessage('en'), /limiting the request rate.* DataWorks said: Request was denied due to user flow control\./);
  });

  it('the create verdict stays with our text, before what DataWorks said', () => {
    const e = serverError('InternalError', 'The request processing has failed due to some unknown error.').withVerdict('not-created');
    assert.equal(e.serverMessage, 'The request processing has failed due to some unknown error.', 'withVerdict keeps it');
    assert.equal(e.userMessageParts('en').message, 'DataWorks had an internal error. Try again later. Nothing was created; it is safe to try again.');
    assert.match(e.userMessage('en'), /safe to try again\. DataWorks said: The request processing has failed/);
  });

  it('an unknown code: the server message is the main text after our generic prefix, not repeated beneath', () => {
    for (const [code, msg] of [['Duplicate.GroupName', 'A business process named "x" already exists.'], ['1029030003', 'param error']] as const) {
      const e = serverError(code, msg);
      assert.deepEqual(e.userMessageParts('en'), { message: `DataWorks rejected the request. ${msg}` }, code);
      assert.deepEqual(e.userMessageParts('zh-cn'), { message: `DataWorks 拒绝了该请求。${msg}` }, code);
      assert.equal(e.userMessage('en'), `DataWorks rejected the request. ${msg} (request ID REQ-9)`, code);
      assert.doesNotMatch(e.userMessage('zh-cn'), /DataWorks 返回/, code);
    }
  });

  it('no label when the server said nothing, said only blanks, or said what we say', () => {
    assert.deepEqual(serverError('InvalidParameter', undefined).userMessageParts('en'), { message: 'A parameter value is invalid.' });
    assert.deepEqual(serverError('InvalidParameter', ' \n ').userMessageParts('en'), { message: 'A parameter value is invalid.' });
    assert.deepEqual(serverError('InvalidParameter', 'a parameter value is invalid. ').userMessageParts('en'), { message: 'A parameter value is invalid.' });
    assert.deepEqual(serverError('InvalidParameter', '参数值无效。').userMessageParts('zh-cn'), { message: '参数值无效。' });
  });

  it('errors raised on this side carry no server message: nothing is labelled as said by DataWorks', () => {
    // InvalidProxy / InvalidCredentials / an input guard: kind "api", but our own English text.
    for (const code of ['InvalidProxy', 'InvalidCredentials', 'InvalidParameter']) {
      const e = new DataWorksError({ action: 'A', kind: 'api', code, message: 'No AccessKey ID or secret configured' });
      assert.equal(e.userMessageParts('en').serverMessage, undefined, code);
      assert.doesNotMatch(e.userMessage('en'), /DataWorks said/, code);
    }
    const net = new DataWorksError({ action: 'A', kind: 'network', code: 'ECONNRESET', message: 'read ECONNRESET' });
    assert.deepEqual(net.userMessageParts('zh-cn'), { message: '无法连接 DataWorks。请检查网络连接和代理设置。' });
  });

  it('folds the server message to one line and bounds it', () => {
    const e = serverError('InvalidParameter', `line one\n\tline two\r\n${'x'.repeat(5000)}`);
    const s = e.userMessageParts('en').serverMessage ?? '';
    assert.ok(s.startsWith('line one line two x'), s.slice(0, 40));
    assert.equal(s.length, 1000);
    assert.ok(s.endsWith('…'));
    assert.doesNotMatch(e.userMessage('en'), /[\r\n\t]/);
  });

  it('from an HTTP error answer: the server message is kept apart, redacted, and shown beneath ours', async () => {
    const { svc, fake } = harness({ credentials: { accessKeyId: 'AKID-test', accessKeySecret: 'super-secret-value' } });
    fake.reply(httpError(400, 'InvalidParameter', 'Name is invalid; signed with super-secret-value at https://h/?Signature=abc', 'REQ-H'));
    const e = await rejection(svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.ok(e instanceof DataWorksError);
    assert.ok(e.serverMessage?.startsWith('Name is invalid'), e.serverMessage);
    assert.doesNotMatch(e.serverMessage ?? '', /super-secret-value|Signature=abc/);
    assert.match(e.userMessage('en'), /^A parameter value is invalid\. DataWorks said: Name is invalid; .* \(request ID REQ-H\)$/);
    assert.doesNotMatch(e.userMessage('en'), /super-secret-value/);
  });

  it('from a Success:false answer: ErrorMessage is the server message; without one, there is none (ours is not labelled as theirs)', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ RequestId: 'REQ-D', Success: false, ErrorCode: 'USERACCOUNT.OWNER.ERROR', ErrorMessage: 'User list or owner user does not exist.', HttpStatusCode: 400 }));
    const e = await rejection(svc.saveUserGroups([{ id: 5, name: 'n', owner: 'ghost', type: 1, accounts: [] }]));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.serverMessage, 'User list or owner user does not exist.');

    fake.reply(ok({ RequestId: 'REQ-E', Success: false, ErrorCode: 'PARAMS.ERROR', HttpStatusCode: 400 }));
    const silent = await rejection(svc.saveUserGroups([{ id: 5, name: 'n', owner: 'o', type: 1, accounts: [] }]));
    assert.ok(silent instanceof DataWorksError);
    assert.equal(silent.serverMessage, undefined);
    assert.equal(silent.userMessage('en'), 'DataWorks rejected the parameters. Check the values and try again. (request ID REQ-E)');
  });
});
