// "This is exactly what will be sent": each form's request goes through the real DataWorksServiceImpl (real
// openapi-client transport, real signing) to the emulator, and the parameters the emulator received are compared
// with the review's WireRequest (src/shared/requests.ts): query and body separately, names, values and order.
// What arrived is seen by a recording pass-through in front of the emulator, so the emulator itself is untouched.

import * as assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataWorksError, type DataWorksService } from '../../src/api';
import { createDataServiceGroupRequest, dsgUserGroupAddOrUpdateRequest, type WireParam, type WireRequest } from '../../src/shared/requests';
import { checkBusinessProcess, checkUserGroups, emptyUserGroupRow } from '../../src/shared/schemas';
import { startEmulator, type RunningEmulator } from '../emulator';
import { parseRawQuery } from '../emulator/signature';
import { serviceFor } from '../support/emulatorService';

interface Received {
  readonly action: string;
  readonly method: string;
  readonly rawQuery: string;
  readonly rawBody: string;
  readonly contentType: string;
}

/** A loopback HTTP server that records each request and forwards it unchanged (headers included) to `target`. */
async function startTap(target: RunningEmulator): Promise<{ readonly endpoint: string; readonly seen: Received[]; close(): Promise<void> }> {
  const seen: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: IncomingHttpHeaders = req.headers;
      seen.push({
        action: String(headers['x-acs-action'] ?? ''),
        method: req.method ?? '',
        rawQuery: q < 0 ? '' : url.slice(q + 1),
        rawBody: body.toString('utf8'),
        contentType: String(headers['content-type'] ?? ''),
      });
      const out = request({ host: '127.0.0.1', port: target.port, method: req.method, path: url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The single request the tap saw for `action`, as ordered [name, value] pairs of query and form body. */
function receivedFor(seen: readonly Received[], action: string): { query: WireParam[]; body: WireParam[]; r: Received } {
  const hits = seen.filter((s) => s.action === action);
  assert.equal(hits.length, 1, `${action} sent ${hits.length} times`);
  const r = hits[0];
  assert.ok(r);
  const body = r.rawBody === '' ? [] : parseRawQuery(r.rawBody);
  if (body.length > 0) assert.match(r.contentType, /^application\/x-www-form-urlencoded/);
  return { query: parseRawQuery(r.rawQuery), body, r };
}

/**
 * Sends and waits for the answer. The server may refuse a value (its name rules are narrower than the form's): the
 * request still reached it, once (a 4xx is never resent), and that request is what is compared.
 */
async function sendAllowingRefusal(send: () => Promise<unknown>, mustSucceed: boolean): Promise<void> {
  try {
    await send();
  } catch (e) {
    if (mustSucceed || !(e instanceof DataWorksError) || e.httpStatus === undefined || e.httpStatus >= 500) throw e;
  }
}

function assertSameParams(got: { query: WireParam[]; body: WireParam[]; r: Received }, review: WireRequest): void {
  assert.equal(got.r.method, review.method);
  assert.deepEqual(got.query, review.query, 'query: names, values and order');
  assert.deepEqual(got.body, review.body, 'body: names, values and order');
  // Byte for byte, not just equal after JavaScript's string comparison of decoded values.
  const bytes = (params: WireParam[]): string[] => params.map(([k, v]) => `${Buffer.from(k).toString('hex')}=${Buffer.from(v).toString('hex')}`);
  assert.deepEqual(bytes(got.query), bytes(review.query));
  assert.deepEqual(bytes(got.body), bytes(review.body));
}

describe('api: the review\'s WireRequest is what reaches the server', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let tap: Awaited<ReturnType<typeof startTap>>;
  let svc: DataWorksService;
  const region = 'cn-shanghai';

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
    tap = await startTap(emu);
    svc = serviceFor(emu, { endpoint: { host: tap.endpoint, protocol: 'http' }, region });
  });
  after(async () => {
    await tap.close();
    await emu.close();
  });
  beforeEach(() => {
    tap.seen.length = 0;
  });

  const NAMES = [
    'Plain name', `Quote's "double" name`, 'name & more = less ; + %20 %', '中文业务流程 ✓', '-leading-dash', 'a\u00a0b\u200bc',
  ];

  for (const [i, name] of NAMES.entries()) {
    it(`Create Business Process: ${JSON.stringify(name)}`, async () => {
      const ws = (await svc.listWorkspaces({ pageNumber: 1, pageSize: 100 })).items.find((w) => w.status === 'AVAILABLE');
      const gw = (await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 })).items[0];
      assert.ok(ws && gw);
      const checked = checkBusinessProcess({
        projectId: ` ${ws.id} `, apiGatewayGroupId: gw.id, name: `  ${name} ${i}  `, description: `line one\nline two $(x) 'q' & = + ${name}`,
      });
      assert.ok(checked.ok, JSON.stringify(checked));
      const review = createDataServiceGroupRequest(checked.value, region);
      tap.seen.length = 0;
      await sendAllowingRefusal(() => svc.createBusinessProcess(checked.value), i === 0);
      assertSameParams(receivedFor(tap.seen, 'CreateDataServiceGroup'), review);
    });
  }

  it('Add User Groups: new groups of every type, ProjectName only on type 3', async () => {
    const users = await svc.listTenantUsers();
    const person = users.find((u) => u.accountType !== 6);
    const [project, roles] = Object.entries(emu.snapshot().maxComputeRoles)[0] ?? [];
    assert.ok(person && project && roles?.[0]);
    const stamp = Date.now();
    const checked = checkUserGroups({
      rows: [
        { ...emptyUserGroupRow(), name: `wire_${stamp}_a`, owner: person.accountName, type: '1', projectName: project, accounts: [person.yunAccount] },
        { ...emptyUserGroupRow(), name: `wire_${stamp}_b`, owner: person.accountName, type: '2', projectName: project, accounts: [person.yunAccount] },
        { ...emptyUserGroupRow(), name: `wire_${stamp}_c`, owner: person.accountName, type: '3', projectName: project, accounts: [roles[0]] },
      ],
    });
    assert.ok(checked.ok, JSON.stringify(checked));
    const review = dsgUserGroupAddOrUpdateRequest(checked.value.groups, region);
    tap.seen.length = 0;
    await sendAllowingRefusal(() => svc.saveUserGroups(checked.value.groups), false);
    const got = receivedFor(tap.seen, 'DsgUserGroupAddOrUpdate');
    assertSameParams(got, review);
    const sent = JSON.parse(got.query[0]?.[1] ?? '[]') as Record<string, unknown>[];
    assert.deepEqual(sent.map((g) => 'ProjectName' in g), [false, false, true]);
  });

  it('Edit User Group: an update carries the Id first, as the review shows', async () => {
    const users = await svc.listTenantUsers();
    const person = users.find((u) => u.accountType !== 6);
    assert.ok(person);
    const name = `wire_edit_${Date.now()}`;
    await svc.saveUserGroups([{ name, owner: person.accountName, type: 1, accounts: [person.yunAccount] }]);
    const group = (await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name })).items.find((g) => g.name === name);
    assert.ok(group);
    const checked = checkUserGroups({
      rows: [{ ...emptyUserGroupRow(), name: `${name}_renamed`, owner: person.accountName, type: '1', accounts: [person.yunAccount] }],
    }, [group.id]);
    assert.ok(checked.ok, JSON.stringify(checked));
    const review = dsgUserGroupAddOrUpdateRequest(checked.value.groups, region);
    tap.seen.length = 0;
    await svc.saveUserGroups(checked.value.groups);
    assertSameParams(receivedFor(tap.seen, 'DsgUserGroupAddOrUpdate'), review);
    assert.match(review.query[0]?.[1] ?? '', /^\[\{"Id":\d+,"Name":/);
  });
});
