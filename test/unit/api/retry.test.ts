import * as assert from 'node:assert/strict';
import * as b from './bodies';
import { hang, harness, httpError, networkError, ok, readTimeout, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from '../../../src/api/retry';
import { TransportError } from '../../../src/api/transport';

const input = { projectId: 10001, apiGatewayGroupId: 'gw1', name: 'Orders', description: '' };
const throttle = () => httpError(429, 'Throttling.User', 'Your request is too frequent. Try again later.');

describe('api: retries', () => {
  it('throttling on a read: retried with backoff, then succeeds', async () => {
    const { svc, fake, sleeps } = harness();
    fake.reply(throttle(), throttle(), ok(b.listProjects));
    const page = await svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
    assert.equal(page.items.length, 1);
    assert.equal(fake.requests.length, 3);
    // random() = 0.5, throttle base 500 ms: 250, then 500.
    assert.deepEqual(sleeps, [250, 500]);
  });

  it('throttling on a create is retried too (a 429 is a refusal, nothing was created)', async () => {
    const { svc, fake } = harness();
    fake.reply(httpError(429, 'Throttling.Api', 'limit'), ok(b.createDsGroup));
    const r = await svc.createBusinessProcess(input);
    assert.deepEqual(r, { groupId: 'ds_new1', requestId: 'REQ-CDG', recovered: false });
    assert.deepEqual(fake.actions(), ['CreateDataServiceGroup', 'CreateDataServiceGroup']);
  });

  it('Success:false with a Throttling code counts as throttling', async () => {
    const { svc, fake } = harness();
    fake.reply(ok({ RequestId: 'R', Success: false, ErrorCode: 'Throttling.System', HttpStatusCode: 429 }), ok(b.queryList()));
    await svc.listUserGroups({ pageNumber: 1, pageSize: 10 });
    assert.equal(fake.requests.length, 2);
  });

  it('gives up after 3 retries with the last error', async () => {
    const { svc, fake, sleeps } = harness();
    fake.fallback = throttle();
    const e = await rejection(svc.listTenantUsers());
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'throttled');
    assert.equal(e.retryable, true);
    assert.equal(fake.requests.length, 4);
    assert.deepEqual(sleeps, [250, 500, 1000]);
  });

  it('honours Retry-After when the transport reports it', async () => {
    const { svc, fake, sleeps } = harness();
    fake.reply(httpError(429, 'Throttling.User', 'x', 'R', { retryAfterMs: 1234 }), ok(b.userList));
    await svc.listTenantUsers();
    assert.deepEqual(sleeps, [1234]);
  });

  it('5xx and network errors on reads are retried', async () => {
    const { svc, fake } = harness();
    fake.reply(httpError(500, 'InternalError.System', 'err'), networkError('ECONNRESET', 'maybe-sent'), readTimeout(), ok(b.getProject));
    await svc.getWorkspace(10001);
    assert.equal(fake.requests.length, 4);
  });

  it('4xx business errors are not retried', async () => {
    const { svc, fake } = harness();
    fake.reply(httpError(400, 'InvalidParameter', 'bad'));
    await rejection(svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
    assert.equal(fake.requests.length, 1);
  });

  it('does not back off past the deadline', async () => {
    const { svc, fake, sleeps } = harness({}, { random: () => 0.99 });
    fake.fallback = throttle();
    const e = await rejection(svc.listTenantUsers({ deadlineMs: 800 }));
    assert.equal((e as DataWorksError).kind, 'throttled');
    // 495 ms fits into 800, the next ~990 would not.
    assert.deepEqual(sleeps, [495]);
    assert.equal(fake.requests.length, 2);
  });

  it('backoff: full jitter under an exponential ceiling with a cap', () => {
    assert.equal(backoffDelay(0, false, DEFAULT_BACKOFF, () => 1), 200);
    assert.equal(backoffDelay(2, true, DEFAULT_BACKOFF, () => 1), 2000);
    assert.equal(backoffDelay(10, true, DEFAULT_BACKOFF, () => 1), 10_000);
    assert.equal(backoffDelay(1, true, DEFAULT_BACKOFF, () => 0), 0);
    assert.equal(parseRetryAfter('2', 0), 2000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
  });

  describe('CreateDataServiceGroup after an ambiguous failure', () => {
    it('5xx: not resent; found by the lookup → recovered', async () => {
      const { svc, fake } = harness();
      fake.reply(httpError(500, 'InternalError.System', 'boom', 'REQ-500'), ok(b.listDsGroups([
        { ...b.dsGroup, GroupId: 'ds_other', GroupName: 'Orders v2', ApiGatewayGroupId: 'gw1' },
        { ...b.dsGroup, GroupId: 'ds_found', GroupName: 'Orders', ApiGatewayGroupId: 'gw1' },
      ])));
      const r = await svc.createBusinessProcess(input);
      assert.deepEqual(r, { groupId: 'ds_found', requestId: 'REQ-500', recovered: true });
      assert.deepEqual(fake.actions(), ['CreateDataServiceGroup', 'ListDataServiceGroups']);
      assert.deepEqual(fake.requests[1]?.body, { GroupNameKeyword: 'Orders', PageNumber: '1', PageSize: '100', ProjectId: '10001' });
    });

    it('timeout after sending: lookup finds nothing → unknown (the create may still be running on the server)', async () => {
      const { svc, fake } = harness();
      fake.reply(readTimeout(), ok(b.listDsGroups([{ ...b.dsGroup, GroupName: 'Orders (old)' }])));
      const e = await rejection(svc.createBusinessProcess(input));
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.kind, 'timeout');
      assert.equal(e.createVerdict, 'unknown');
      assert.deepEqual(fake.actions(), ['CreateDataServiceGroup', 'ListDataServiceGroups']);
    });

    it('connection reset: lookup fails → unknown', async () => {
      const { svc, fake } = harness();
      fake.reply(networkError('ECONNRESET', 'maybe-sent'));
      fake.fallback = httpError(403, 'Forbidden.RAM', 'no');
      const e = await rejection(svc.createBusinessProcess(input));
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.code, 'ECONNRESET');
      assert.equal(e.createVerdict, 'unknown');
      assert.equal(fake.actions().filter((a) => a === 'CreateDataServiceGroup').length, 1);
    });

    it('a same-named group bound to another API group is not taken for ours', async () => {
      const { svc, fake } = harness();
      fake.reply(httpError(503, 'ServiceUnavailable', 'x'), ok(b.listDsGroups([{ ...b.dsGroup, GroupName: 'Orders', ApiGatewayGroupId: 'gw-other' }])));
      const e = await rejection(svc.createBusinessProcess(input));
      assert.equal((e as DataWorksError).createVerdict, 'not-created');
    });

    it('refused connection (never sent) is resent', async () => {
      const { svc, fake } = harness();
      fake.reply(networkError('ECONNREFUSED', 'not-sent'), ok(b.createDsGroup));
      const r = await svc.createBusinessProcess(input);
      assert.equal(r.recovered, false);
      assert.deepEqual(fake.actions(), ['CreateDataServiceGroup', 'CreateDataServiceGroup']);
    });

    it('the deadline firing while the create is in flight leads to a lookup, not a resend', async () => {
      const { svc, fake } = harness();
      fake.reply(hang(), ok(b.listDsGroups([b.dsGroup])));
      const r = await svc.createBusinessProcess(input, { deadlineMs: 30 });
      assert.deepEqual(r, { groupId: 'ds_123abc', requestId: '', recovered: true });
      assert.deepEqual(fake.actions(), ['CreateDataServiceGroup', 'ListDataServiceGroups']);
    });
  });

  describe('DsgUserGroupAddOrUpdate', () => {
    const create = { name: 'new_group', owner: 'user1', type: 1 as const, accounts: ['user:user1'] };
    const update = { id: 123, name: 'yun_group', owner: 'user1', type: 1 as const, accounts: ['user:user1'] };

    it('update (with Id) after a 5xx is resent: idempotent', async () => {
      const { svc, fake } = harness();
      fake.reply(httpError(500, 'UNKNOWN.ERROR', 'unknown error.'), ok(b.dsgWriteOk));
      const r = await svc.saveUserGroups([update]);
      assert.deepEqual(r, { requestId: 'REQ-W' });
      assert.deepEqual(fake.actions(), ['DsgUserGroupAddOrUpdate', 'DsgUserGroupAddOrUpdate']);
    });

    it('create after a 5xx is not resent; lookup finds it → recovered', async () => {
      const { svc, fake } = harness();
      fake.reply(httpError(500, 'UNKNOWN.ERROR', 'unknown error.', 'REQ-U'), ok(b.queryList([{ ...b.userGroup, Id: 9, Name: 'new_group' }])));
      const r = await svc.saveUserGroups([create]);
      assert.deepEqual(r, { requestId: 'REQ-U', recovered: true });
      assert.deepEqual(fake.actions(), ['DsgUserGroupAddOrUpdate', 'DsgUserGroupQueryList']);
      assert.deepEqual(fake.requests[1]?.query, { Name: 'new_group', PageNumber: '1', PageSize: '100' });
    });

    it('create after a timeout: lookup finds nothing → unknown (may still be running); lookup fails → unknown', async () => {
      const a = harness();
      a.fake.reply(readTimeout(), ok(b.queryList([])));
      const e1 = await rejection(a.svc.saveUserGroups([create]));
      assert.equal((e1 as DataWorksError).createVerdict, 'unknown');
      const c = harness();
      c.fake.reply(readTimeout());
      c.fake.fallback = networkError('ECONNRESET', 'maybe-sent');
      const e2 = await rejection(c.svc.saveUserGroups([create, update]));
      assert.equal((e2 as DataWorksError).createVerdict, 'unknown');
      assert.equal(c.fake.actions().filter((x) => x === 'DsgUserGroupAddOrUpdate').length, 1);
    });

    it('Success:false with HttpStatusCode 500 on a create is ambiguous too', async () => {
      const { svc, fake } = harness();
      fake.reply(ok({ RequestId: 'R', Success: false, ErrorCode: 'UNKNOWN.ERROR', ErrorMessage: 'unknown error.', HttpStatusCode: 500 }), ok(b.queryList([])));
      const e = await rejection(svc.saveUserGroups([create]));
      assert.equal((e as DataWorksError).createVerdict, 'not-created');
      assert.equal(fake.requests.length, 2);
    });
  });

  it('delete resent after a lost answer treats USERGROUP.ID.ERROR as done', async () => {
    const { svc, fake } = harness();
    fake.reply(networkError('ECONNRESET', 'maybe-sent'), ok({ RequestId: 'R2', Success: false, ErrorCode: 'USERGROUP.ID.ERROR', HttpStatusCode: 400 }));
    const r = await svc.deleteUserGroups([123]);
    assert.equal(r.requestId, 'R2');
  });

  it('a transport error class from another bundle copy is still recognised', async () => {
    const { svc, fake } = harness();
    // Same shape, different class object: what dist/api.js throws into dist/extension.js.
    class ForeignTransportError extends Error {
      override readonly name = 'DataWorksTransportError';
      readonly kind = 'http';
      readonly sendState = 'maybe-sent';
      readonly statusCode = 404;
      readonly code = 'InvalidAccessKeyId.NotFound';
      readonly body = { RequestId: 'RF', Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' };
    }
    fake.reply(() => Promise.reject(new ForeignTransportError('x')));
    const e = await rejection(svc.listTenantUsers());
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
    assert.equal(e.requestId, 'RF');
    assert.ok(!(new ForeignTransportError('x') instanceof TransportError));
  });
});
