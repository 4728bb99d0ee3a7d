// Fault injection (options, setFaults and the admin endpoint), request counting and the admin API.
import assert from 'node:assert/strict';
import { startEmulator } from './index';
import type { RunningEmulator } from './index';
import { call, callError, makeClient, send } from './helpers';

async function admin(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${emu.url}${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  return { status: res.status, json: await res.json() };
}

const newGroup = (name: string) => ({ query: { UserGroups: JSON.stringify([{ Name: name, Owner: 'alice', Accounts: ['user:bob'], UserGroupType: 1 }]) } });

describe('emulator faults and admin', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  afterEach(() => {
    emu.clearFaults();
  });
  after(async () => {
    await emu.close();
  });

  it('throttles the next N requests, then answers normally, counting all of them', async () => {
    const c = makeClient(emu);
    emu.resetCounts();
    emu.setFaults({ throttleNext: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await callError(c, 'ListProjects');
      assert.deepEqual([e.statusCode, e.code, e.data.Message], [429, 'Throttling.User', 'Your request is too frequent. Try again later.']);
    }
    assert.ok((await call(c, 'ListProjects')).PageResult);
    assert.deepEqual(emu.counts(), { ListProjects: 3, __total: 3 });
  });

  it('applies rates, codes and the action filter', async () => {
    const c = makeClient(emu);
    emu.setFaults({ throttleRate: 1, throttleCode: 'Throttling.Api', actions: ['ListProjects'] });
    assert.equal((await callError(c, 'ListProjects')).code, 'Throttling.Api');
    assert.equal((await call(c, 'DsgUserGroupQueryUserList', { method: 'GET' })).Success, true);
    emu.setFaults({ serverErrorRate: 1 });
    const e = await callError(c, 'GetProject', { query: { ProjectId: '10001' } });
    assert.deepEqual([e.statusCode, e.code], [500, 'InternalError.System']);
  });

  it('does not execute a request answered with a server error', async () => {
    const c = makeClient(emu);
    const before = emu.snapshot().userGroups.length;
    emu.setFaults({ serverErrorNext: 1 });
    assert.equal((await callError(c, 'DsgUserGroupAddOrUpdate', newGroup('not_created'))).code, 'InternalError.System');
    assert.equal(emu.snapshot().userGroups.length, before);
  });

  it('drops the connection without answering or executing', async () => {
    const c = makeClient(emu);
    const before = emu.snapshot().userGroups.length;
    emu.setFaults({ dropNext: 1 });
    const e = await callError(c, 'DsgUserGroupAddOrUpdate', newGroup('dropped'));
    assert.equal(e.statusCode, undefined);
    assert.match(`${e.code} ${e.message}`, /ECONNRESET|socket hang up/);
    assert.equal(emu.snapshot().userGroups.length, before);
    assert.ok((await call(c, 'ListProjects')).PageResult);
  });

  it('adds latency', async () => {
    emu.setFaults({ latencyMs: 300 });
    const t0 = Date.now();
    await call(makeClient(emu), 'ListProjects');
    assert.ok(Date.now() - t0 >= 290, `took ${Date.now() - t0} ms`);
  });

  it('applies the write, then never answers (timeout after write)', async () => {
    const c = makeClient(emu, undefined, { readTimeout: 400 });
    emu.setFaults({ timeoutAfterWriteNext: 1 });
    const e = await callError(c, 'DsgUserGroupAddOrUpdate', newGroup('written_but_unanswered'));
    assert.match(`${(e as unknown as Error).name} ${e.message}`, /Timeout/);
    assert.ok(emu.snapshot().userGroups.some((g) => g.name === 'written_but_unanswered'));
    assert.equal((await call(c, 'DsgUserGroupAddOrUpdate', newGroup('answered'))).Data, true);
  });

  it('lets the next N matching requests pass untouched, then faults the following one (the second batch of an apply)', async function () {
    this.timeout(10_000);
    const c = makeClient(emu, undefined, { readTimeout: 400 });
    emu.setFaults({ passNext: 1, timeoutAfterWriteNext: 1, throttleNext: 1, actions: ['DsgUserGroupAddOrUpdate'] });
    // Not a matching action: neither passed nor faulted.
    assert.ok((await call(c, 'ListProjects')).PageResult);
    assert.equal((await call(c, 'DsgUserGroupAddOrUpdate', newGroup('passed_first'))).Data, true);
    assert.equal((await callError(c, 'DsgUserGroupAddOrUpdate', newGroup('throttled_second'))).code, 'Throttling.User');
    const e = await callError(c, 'DsgUserGroupAddOrUpdate', newGroup('held_third'));
    assert.match(`${(e as unknown as Error).name} ${e.message}`, /Timeout/);
    const names = emu.snapshot().userGroups.map((g) => g.name);
    assert.deepEqual(['passed_first', 'throttled_second', 'held_third'].map((n) => names.includes(n)), [true, false, true]);
    assert.deepEqual((await admin(emu, 'GET', '/__admin/faults')).json, { actions: ['DsgUserGroupAddOrUpdate'], passNext: 0, timeoutAfterWriteNext: 0, throttleNext: 0 });
  });

  it('takes faults at start', async () => {
    const other = await startEmulator({ faults: { throttleNext: 1, throttleCode: 'Throttling.System' } });
    try {
      assert.equal((await callError(makeClient(other), 'ListProjects')).code, 'Throttling.System');
      assert.ok((await call(makeClient(other), 'ListProjects')).PageResult);
    } finally {
      await other.close();
    }
  });

  it('refuses admin requests for any host name but the loopback names of its own port (DNS rebinding)', async () => {
    const asHost = (host: string, method = 'GET', path = '/__admin/counts') => send(emu, { method, path, headers: { host } });
    for (const host of [`127.0.0.1:${emu.port}`, `localhost:${emu.port}`, `LOCALHOST:${emu.port}`, `[::1]:${emu.port}`]) {
      assert.equal((await asHost(host)).status, 200, host);
    }
    for (const host of [`evil.example:${emu.port}`, `127.0.0.1.nip.io:${emu.port}`, '127.0.0.1', `127.0.0.1:${emu.port + 1}`, `localhost.evil.example:${emu.port}`]) {
      const r = await asHost(host);
      assert.equal(r.status, 403, host);
      assert.match(String(r.json.error), /127\.0\.0\.1, localhost or \[::1\]/);
    }
    // Nothing behind the check runs: a rebinding page cannot change faults either.
    assert.equal((await send(emu, { method: 'POST', path: '/__admin/faults', headers: { host: `evil.example:${emu.port}`, 'content-type': 'application/json' }, body: '{"throttleRate":1}' })).status, 403);
    assert.ok((await call(makeClient(emu), 'ListProjects')).PageResult);
  });

  it('serves the admin API: counts, faults, state, settings', async () => {
    const c = makeClient(emu);
    assert.deepEqual((await admin(emu, 'POST', '/__admin/reset-counts')).json, { ok: true });
    assert.equal((await admin(emu, 'POST', '/__admin/faults', { throttleNext: 1, actions: ['ListProjects'] })).status, 200);
    assert.equal((await callError(c, 'ListProjects')).code, 'Throttling.User');
    await call(c, 'ListProjects');
    assert.deepEqual((await admin(emu, 'GET', '/__admin/counts')).json, { ListProjects: 2, __total: 2 });

    await admin(emu, 'POST', '/__admin/faults', { throttleRate: 1 });
    assert.equal((await admin(emu, 'DELETE', '/__admin/faults')).status, 200);
    assert.ok((await call(c, 'ListProjects')).PageResult);

    const bad = await admin(emu, 'POST', '/__admin/faults', { throttleRate: 2 });
    assert.equal(bad.status, 400);
    assert.equal((await admin(emu, 'POST', '/__admin/faults', { nonsense: 1 })).status, 400);

    const state = (await admin(emu, 'GET', '/__admin/state')).json as { seed: string; userGroups: unknown[] };
    assert.equal(state.seed, 'demo');
    assert.ok(state.userGroups.length > 10);

    const defaults = { edition: 'Enterprise', dsgErrorStyle: 'body', dsgErrorCodes: 'symbolic', dsgCase: 'pascal', dsgListShape: 'sdk', dsgKindFilters: 'applied' };
    assert.deepEqual((await admin(emu, 'GET', '/__admin/settings')).json, defaults);
    assert.deepEqual((await admin(emu, 'POST', '/__admin/settings', { edition: 'Basic', dsgErrorStyle: 'http' })).json, { ...defaults, edition: 'Basic', dsgErrorStyle: 'http' });
    assert.equal((await callError(c, 'DsgUserGroupQueryUserList', { method: 'GET' })).code, 'Forbidden.Access');
    await admin(emu, 'POST', '/__admin/settings', { edition: 'Enterprise', dsgErrorStyle: 'body' });

    const switched = { dsgErrorCodes: 'numeric', dsgCase: 'camel', dsgListShape: 'rich' };
    assert.deepEqual((await admin(emu, 'POST', '/__admin/settings', switched)).json, { ...defaults, ...switched });
    const failed = await call(c, 'DsgUserGroupDelete', { query: { Ids: 'x' } });
    assert.deepEqual([failed.success, failed.errorCode, failed.errorMessage], [false, '1029030003', 'param error']);
    const item = ((await call(c, 'DsgUserGroupQueryList', { method: 'GET', query: { PageNumber: '1', PageSize: '1' } })).pageData as { data: Record<string, unknown>[] }).data[0];
    assert.ok(item && 'userGroupType' in item && 'projectName' in item);
    // A bad value changes nothing, not even the valid settings sent with it.
    assert.equal((await admin(emu, 'POST', '/__admin/settings', { dsgErrorCodes: 'symbolic', dsgCase: 'kebab' })).status, 400);
    assert.deepEqual((await admin(emu, 'GET', '/__admin/settings')).json, { ...defaults, ...switched });
    await admin(emu, 'POST', '/__admin/settings', defaults);
    assert.equal((await admin(emu, 'GET', '/__admin/nothing')).status, 404);
  });
});
