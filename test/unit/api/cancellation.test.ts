import * as assert from 'node:assert/strict';
import * as b from './bodies';
import { hang, harness, ok, rejection } from './fakes';
import { DataWorksError } from '../../../src/api';
import { realClock } from '../../../src/api/clock';
import { TokenBucket } from '../../../src/api/rateLimiter';

const input = { projectId: 10001, apiGatewayGroupId: 'gw1', name: 'Orders', description: '' };

describe('api: cancellation and deadline', () => {
  it('abort while in flight rejects promptly with kind cancelled; the late answer is ignored', async () => {
    const { svc, fake } = harness();
    let answer: (v: ReturnType<typeof ok>) => void = () => undefined;
    fake.reply(() => new Promise((resolve) => { answer = resolve; }));
    const ctl = new AbortController();
    const p = svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }, { signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    const e = await rejection(p);
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.action, 'ListProjects');
    answer(ok(b.listProjects));
  });

  it('an already aborted signal sends nothing', async () => {
    const { svc, fake } = harness();
    const e = await rejection(svc.listTenantUsers({ signal: AbortSignal.abort() }));
    assert.equal((e as DataWorksError).kind, 'cancelled');
    assert.equal(fake.requests.length, 0);
  });

  it('abort during backoff rejects without waiting out the delay', async () => {
    const { svc, fake } = harness({}, { sleep: realClock.sleep, now: realClock.now, backoff: { throttleBaseMs: 60_000, capMs: 60_000 } });
    fake.fallback = { statusCode: 200, headers: {}, body: { RequestId: 'R', Success: false, ErrorCode: 'Throttling.User', HttpStatusCode: 429 } };
    const ctl = new AbortController();
    const started = Date.now();
    const p = svc.listUserGroups({ pageNumber: 1, pageSize: 10 }, { signal: ctl.signal, deadlineMs: 120_000 });
    setTimeout(() => ctl.abort(), 20);
    const e = await rejection(p);
    assert.equal((e as DataWorksError).kind, 'cancelled');
    assert.ok(Date.now() - started < 1000);
  });

  it('abort while waiting in the rate limiter rejects and gives the slot back', async () => {
    const limiter = new TokenBucket(1);
    const { svc, fake } = harness({}, { rateLimiter: limiter, sleep: realClock.sleep, now: realClock.now });
    fake.fallback = ok(b.userList);
    await svc.listTenantUsers();
    const ctl = new AbortController();
    const started = Date.now();
    const p = svc.listTenantUsers({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    assert.equal(((await rejection(p)) as DataWorksError).kind, 'cancelled');
    assert.ok(Date.now() - started < 500);
    assert.equal(fake.requests.length, 1);
  });

  it('deadline: a hung read fails with kind timeout after deadlineMs', async () => {
    const { svc, fake } = harness();
    fake.reply(hang());
    const started = Date.now();
    const e = await rejection(svc.getWorkspace(1, { deadlineMs: 50 }));
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'timeout');
    assert.equal(e.code, 'DeadlineExceeded');
    assert.ok(Date.now() - started < 1000);
  });

  it('the config timeout is the default deadline, and each attempt gets at most the time left', async () => {
    const { svc, fake } = harness({ timeoutMs: 40 });
    fake.reply(hang());
    const e = await rejection(svc.listTenantUsers());
    assert.equal((e as DataWorksError).kind, 'timeout');
    assert.ok((fake.options[0]?.timeoutMs ?? 0) <= 40);
    const h2 = harness();
    h2.fake.reply(ok(b.userList));
    await h2.svc.listTenantUsers({ deadlineMs: 5000 });
    assert.ok((h2.fake.options[0]?.timeoutMs ?? 0) <= 5000 && (h2.fake.options[0]?.timeoutMs ?? 0) > 4000);
  });

  it('cancelling a create in flight reports verdict unknown, without a lookup', async () => {
    const { svc, fake } = harness();
    fake.reply(hang());
    const ctl = new AbortController();
    const p = svc.createBusinessProcess(input, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 5);
    const e = await rejection(p);
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.createVerdict, 'unknown');
    assert.deepEqual(fake.actions(), ['CreateDataServiceGroup']);
  });
});
