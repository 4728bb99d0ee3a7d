// The real API layer (real openapi-client transport, real signing) against the emulator over loopback HTTP.

import * as assert from 'node:assert/strict';
import { DataWorksError, type DataWorksService, type UserGroup } from '../../src/api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, DSG_NUMERIC, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS, startEmulator,
  type EmulatorOptions, type RunningEmulator,
} from '../emulator';

/** The documented messages of the symbolic codes (the DSG error table of the API pages). */
const SYMBOLIC_MESSAGES: Readonly<Record<string, string>> = {
  'USERGROUP.ID.ERROR': 'The user group ID does not match the tenant or does not exist.',
  'USERACCOUNT.OWNER.ERROR': 'User list or owner user does not exist.',
  'USERGROUP.ACCOUNTLISTSIZE.ERROR': 'The number of account exceeds the limit.',
  'USERGROUP.LISTSIZE.ERROR': 'The number of user groups exceeds the limit.',
  'PARAMS.ERROR': 'param error.',
  'PERMISSION.DENIED.ERROR': 'Permission denied',
  'UNKNOWN.ERROR': 'unknown error.',
};
import { serviceFor } from '../support/emulatorService';


async function failure(p: Promise<unknown>): Promise<DataWorksError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DataWorksError, `expected a DataWorksError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected a failure');
}

async function all<T>(fetch: (pageNumber: number) => Promise<{ items: readonly T[]; totalCount: number; pageSize: number }>): Promise<{ items: T[]; pages: number; total: number }> {
  const items: T[] = [];
  let total = 0;
  let pageNumber = 1;
  for (;;) {
    const p = await fetch(pageNumber);
    items.push(...p.items);
    total = p.totalCount;
    if (p.items.length === 0 || items.length >= total) return { items, pages: pageNumber, total };
    pageNumber++;
  }
}

describe('api against the emulator', function () {
  this.timeout(20_000);
  const started: RunningEmulator[] = [];
  const start = async (opts: EmulatorOptions = {}): Promise<RunningEmulator> => {
    const emu = await startEmulator(opts);
    started.push(emu);
    return emu;
  };
  after(async () => {
    await Promise.all(started.map((e) => e.close()));
  });

  describe('every action (demo seed)', () => {
    let emu: RunningEmulator;
    let svc: DataWorksService;
    before(async () => {
      emu = await start({ seed: 'demo' });
      svc = serviceFor(emu);
    });

    it('workspaces differ per region (x-acs-region-id)', async () => {
      const sh = await svc.listWorkspaces({ pageNumber: 1, pageSize: 100 });
      const hz = await serviceFor(emu, { region: 'cn-hangzhou' }).listWorkspaces({ pageNumber: 1, pageSize: 100 });
      assert.ok(sh.items.length > 0 && hz.items.length > 0);
      assert.equal(sh.totalCount, sh.items.length);
      const shIds = new Set(sh.items.map((w) => w.id));
      assert.ok(hz.items.every((w) => !shIds.has(w.id)));
      const first = sh.items[0];
      assert.ok(first);
      const details = await svc.getWorkspace(first.id);
      assert.equal(details.identifier, first.identifier);
      assert.ok(details.envTypes.length > 0);
    });

    it('business processes: list, get, create', async () => {
      const ws = (await svc.listWorkspaces({ pageNumber: 1, pageSize: 100 })).items.find((w) => w.status === 'AVAILABLE');
      assert.ok(ws);
      const gw = (await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 })).items[0];
      assert.ok(gw);
      assert.equal(gw.regionId, 'cn-shanghai');
      const created = await svc.createBusinessProcess({ projectId: ws.id, apiGatewayGroupId: gw.id, name: 'Emulator test group', description: 'made by test/api' });
      assert.equal(created.recovered, false);
      assert.match(created.groupId, /^ds_/);
      const list = await svc.listBusinessProcesses({ projectId: ws.id, pageNumber: 1, pageSize: 100, nameKeyword: 'Emulator test' });
      assert.deepEqual(list.items.map((g) => g.id), [created.groupId]);
      const got = await svc.getBusinessProcess(ws.id, created.groupId);
      assert.equal(got.name, 'Emulator test group');
      assert.equal(got.apiGatewayGroupId, gw.id);
      const dup = await failure(svc.createBusinessProcess({ projectId: ws.id, apiGatewayGroupId: gw.id, name: 'Emulator test group', description: '' }));
      assert.equal(dup.kind, 'api');
      assert.equal(dup.field, 'name');
      const badGw = await failure(svc.createBusinessProcess({ projectId: ws.id, apiGatewayGroupId: 'nope', name: 'Other', description: '' }));
      assert.equal(badGw.field, 'apiGatewayGroupId');
    });

    it('user groups: tenant users, MaxCompute roles, create, find, update, delete', async () => {
      const users = await svc.listTenantUsers();
      const person = users.find((u) => u.accountType !== 6);
      assert.ok(person);
      const [project, roles] = Object.entries(emu.snapshot().maxComputeRoles)[0] ?? [];
      assert.ok(project && roles);
      assert.deepEqual(await svc.listMaxComputeRoles(project), roles);

      const name = `api_test_${Date.now()}`;
      await svc.saveUserGroups([
        { name, owner: person.accountName, type: 1, accounts: [person.yunAccount] },
        { name: `${name}_mc`, owner: person.accountName, type: 3, accounts: roles.slice(0, 1), projectName: project },
      ]);
      const found = await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name });
      const group = found.items.find((g) => g.name === name);
      const mc = found.items.find((g) => g.name === `${name}_mc`);
      assert.ok(group && mc);
      // The SDK's list items carry neither the type nor the MaxCompute project.
      assert.deepEqual([group.owner, group.accounts, group.type, group.projectName], [person.accountName, [person.yunAccount], undefined, undefined]);
      assert.deepEqual([mc.accounts, mc.type, mc.projectName], [roles.slice(0, 1), undefined, undefined]);

      await svc.saveUserGroups([{ id: group.id, name: `${name}_renamed`, owner: person.accountName, type: 1, accounts: [] }]);
      const renamed = await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name: `${name}_renamed` });
      assert.deepEqual(renamed.items.map((g) => g.id), [group.id]);

      await svc.deleteUserGroups([group.id, mc.id]);
      assert.equal((await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name })).totalCount, 0);
    });
  });

  it('pages to the end of the large seed (10,000+ user groups, 1,000+ workspaces)', async function () {
    this.timeout(60_000);
    const emu = await start({ seed: 'large' });
    const svc = serviceFor(emu);
    const groups = await all<UserGroup>((pageNumber) => svc.listUserGroups({ pageNumber, pageSize: 100 }));
    assert.ok(groups.total >= 10_000, `total ${groups.total}`);
    assert.equal(groups.items.length, groups.total);
    assert.equal(new Set(groups.items.map((g) => g.id)).size, groups.total);
    const ws = await all((pageNumber) => svc.listWorkspaces({ pageNumber, pageSize: 100 }));
    assert.ok(ws.total >= 1000, `total ${ws.total}`);
    assert.equal(ws.items.length, ws.total);
    assert.equal(ws.pages, Math.ceil(ws.total / 100));
  });

  it('reads the type and project of a group when the server sends them (dsgListShape rich)', async () => {
    const emu = await start({ seed: 'demo', dsgListShape: 'rich' });
    const items = (await serviceFor(emu).listUserGroups({ pageNumber: 1, pageSize: 100 })).items;
    const byId = new Map(emu.snapshot().userGroups.map((g) => [g.id, g]));
    assert.ok(items.length > 0);
    for (const g of items) {
      const rec = byId.get(g.id);
      assert.ok(rec);
      assert.deepEqual([g.type, g.projectName], [rec.type, rec.type === 3 ? rec.projectName : undefined]);
    }
  });

  it('skips tenant users the list cannot use and logs how many, once', async () => {
    const seed = await start({ seed: 'demo' });
    const state = JSON.parse(JSON.stringify(seed.snapshot())) as { tenantUsers: Record<string, unknown>[] };
    const [noYun, noName, noType, stringType] = state.tenantUsers;
    assert.ok(noYun && noName && noType && stringType);
    delete noYun['yunAccount'];
    delete noName['accountName'];
    delete noType['accountType'];
    stringType['accountType'] = String(stringType['accountType']);
    const dir = mkdtempSync(join(tmpdir(), 'dw-api-'));
    try {
      const statePath = join(dir, 'state.json');
      writeFileSync(statePath, JSON.stringify(state));
      const emu = await start({ statePath });
      const logs: string[] = [];
      const logger = { debug: () => undefined, info: () => undefined, warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
      const users = await serviceFor(emu, { logger }).listTenantUsers();
      assert.equal(users.length, state.tenantUsers.length - 2);
      assert.ok(!users.some((u) => u.baseId === noYun['baseId'] || u.baseId === noType['baseId']));
      const named = users.find((u) => u.baseId === noName['baseId']);
      assert.deepEqual([named?.accountName, named?.yunAccount], [noName['yunAccount'], noName['yunAccount']]);
      assert.equal(users.find((u) => u.baseId === stringType['baseId'])?.accountType, Number(stringType['accountType']));
      assert.deepEqual(logs.filter((m) => /skipped/.test(m)).length, 1);
      assert.match(logs.join('\n'), /skipped 2 of \d+ tenant users/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Every DSG path through the real client, in every wire variant the emulator can answer in.
  for (const dsgCase of ['pascal', 'camel'] as const) {
    for (const dsgErrorCodes of ['symbolic', 'numeric'] as const) {
      for (const dsgErrorStyle of ['body', 'http'] as const) {
        describe(`DSG (dsgCase ${dsgCase}, dsgErrorCodes ${dsgErrorCodes}, dsgErrorStyle ${dsgErrorStyle})`, () => {
          let emu: RunningEmulator;
          let svc: DataWorksService;
          let owner = '';
          let account = '';
          before(async () => {
            emu = await start({ seed: 'demo', dsgCase, dsgErrorCodes, dsgErrorStyle });
            svc = serviceFor(emu);
            const u = (await svc.listTenantUsers()).find((x) => x.accountType !== 6);
            assert.ok(u);
            owner = u.accountName;
            account = u.yunAccount;
          });
          afterEach(() => emu.clearFaults());

          it('tenant users, MaxCompute roles, list with filters, create, update, delete', async () => {
            const snap = emu.snapshot();
            const users = await svc.listTenantUsers();
            assert.deepEqual(users.map((u) => u.yunAccount), snap.tenantUsers.map((u) => u.yunAccount));
            assert.ok(users.every((u) => u.accountName !== '' && Number.isInteger(u.accountType) && u.baseId !== ''));
            const [project, roles] = Object.entries(snap.maxComputeRoles)[0] ?? [];
            assert.ok(project && roles);
            assert.deepEqual(await svc.listMaxComputeRoles(project), roles);
            assert.deepEqual(await svc.listMaxComputeRoles('no_such_project'), []);

            const first = await svc.listUserGroups({ pageNumber: 1, pageSize: 5 });
            assert.equal(first.totalCount, snap.userGroups.length);
            assert.equal(first.items.length, 5);
            const newest = snap.userGroups[snap.userGroups.length - 1];
            assert.deepEqual(first.items[0], {
              id: newest?.id, name: newest?.name, owner: newest?.owner, accounts: newest?.accounts,
              createdTime: first.items[0]?.createdTime, modifiedTime: first.items[0]?.modifiedTime,
            });
            assert.match(first.items[0]?.createdTime ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

            const name = `matrix_${dsgCase}_${dsgErrorCodes}_${dsgErrorStyle}`;
            await svc.saveUserGroups([
              { name, owner, type: 1, accounts: [account] },
              { name: `${name}_mc`, owner, type: 3, accounts: roles.slice(0, 1), projectName: project },
            ]);
            const found = await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name, owner });
            assert.deepEqual(found.items.map((g) => g.name).sort(), [name, `${name}_mc`]);
            assert.equal((await svc.listUserGroups({ pageNumber: 1, pageSize: 100, projectName: project })).totalCount,
              emu.snapshot().userGroups.filter((g) => g.projectName === project).length);
            const group = found.items.find((g) => g.name === name);
            assert.ok(group);
            await svc.saveUserGroups([{ id: group.id, name: `${name}_v2`, owner, type: 1, accounts: [] }]);
            assert.deepEqual((await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name: `${name}_v2` })).items.map((g) => [g.id, g.accounts]), [[group.id, []]]);
            const r = await svc.deleteUserGroups(found.items.map((g) => g.id));
            assert.match(r.requestId, /^[0-9A-F-]{36}$/);
            assert.equal((await svc.listUserGroups({ pageNumber: 1, pageSize: 100, name })).totalCount, 0);
          });

          const expectDsgError = async (p: Promise<unknown>, symbolic: keyof typeof DSG_NUMERIC, status: number, field?: string) => {
            const e = await failure(p);
            const own = DSG_NUMERIC[symbolic];
            assert.ok(own);
            const expected = dsgErrorCodes === 'numeric' ? own : { code: symbolic, message: SYMBOLIC_MESSAGES[symbolic] };
            // The server's own code and message, the request ID, and the input it concerns.
            assert.deepEqual([e.code, e.message, e.httpStatus, e.field], [expected.code, expected.message, status, field]);
            assert.match(e.requestId ?? '', /^[0-9A-F-]{36}$/);
            assert.ok(e.userMessage('en').includes(e.requestId ?? '-'));
            assert.match(e.userMessage('zh-cn'), /[\u4e00-\u9fff]/);
            return e;
          };

          it('USERGROUP.ID.ERROR → id (save and delete)', async () => {
            await expectDsgError(svc.saveUserGroups([{ id: 99_999_999, name: 'x_g', owner, type: 1, accounts: [] }]), 'USERGROUP.ID.ERROR', 400, 'id');
            await expectDsgError(svc.deleteUserGroups([99_999_999]), 'USERGROUP.ID.ERROR', 400, 'id');
          });
          it('USERACCOUNT.OWNER.ERROR → owner', () => expectDsgError(svc.saveUserGroups([{ name: 'x_g', owner: 'nobody_here', type: 1, accounts: [] }]), 'USERACCOUNT.OWNER.ERROR', 400, 'owner'));
          it('USERGROUP.ACCOUNTLISTSIZE.ERROR → accounts', () => expectDsgError(svc.saveUserGroups([{ name: 'x_g', owner, type: 1, accounts: Array(101).fill(account) as string[] }]), 'USERGROUP.ACCOUNTLISTSIZE.ERROR', 400, 'accounts'));
          it('USERGROUP.LISTSIZE.ERROR (no single input)', () => expectDsgError(svc.saveUserGroups([...Array(21).keys()].map((i) => ({ name: `x_g${i}`, owner, type: 1 as const, accounts: [] }))), 'USERGROUP.LISTSIZE.ERROR', 400));
          it('PARAMS.ERROR (no single input)', () => expectDsgError(svc.saveUserGroups([{ name: 'bad name!', owner, type: 1, accounts: [] }]), 'PARAMS.ERROR', 400));
          it('PERMISSION.DENIED.ERROR', async () => {
            const restricted = serviceFor(emu, { credentials: RESTRICTED_CREDENTIALS });
            await expectDsgError(restricted.deleteUserGroups([1001]), 'PERMISSION.DENIED.ERROR', 403);
            await expectDsgError(restricted.saveUserGroups([{ name: 'x_g', owner, type: 1, accounts: [] }]), 'PERMISSION.DENIED.ERROR', 403);
          });
          it('UNKNOWN.ERROR on every read: retried, then given up', async () => {
            for (const read of [() => svc.listTenantUsers(), () => svc.listUserGroups({ pageNumber: 1, pageSize: 10 }), () => svc.listMaxComputeRoles('sales_dw')]) {
              emu.setFaults({ dsgUnknownErrorNext: 4 });
              emu.resetCounts();
              const e = await expectDsgError(read(), 'UNKNOWN.ERROR', 500);
              assert.equal(e.retryable, true);
              assert.equal(emu.counts()['__total'], 4);
            }
          });
          it('USERGROUP.PAGESIZE.ERROR cannot happen: the layer clamps PageSize to 100', async () => {
            const p = await svc.listUserGroups({ pageNumber: 1, pageSize: 1000 });
            assert.equal(p.pageSize, 100);
          });
        });
      }
    }
  }

  describe('faults, credentials, cancellation', () => {
    let emu: RunningEmulator;
    let svc: DataWorksService;
    let projectId = 0;
    let gatewayId = '';
    before(async () => {
      emu = await start({ seed: 'demo' });
      svc = serviceFor(emu);
      const ws = (await svc.listWorkspaces({ pageNumber: 1, pageSize: 100 })).items.find((w) => w.status === 'AVAILABLE');
      const gw = (await svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 50 })).items[0];
      assert.ok(ws && gw);
      projectId = ws.id;
      gatewayId = gw.id;
    });
    beforeEach(() => {
      emu.clearFaults();
      emu.resetCounts();
    });

    it('throttling is retried: counts() shows the extra attempts', async () => {
      emu.setFaults({ throttleNext: 2, throttleCode: 'Throttling.Api', actions: ['ListProjects'] });
      const page = await svc.listWorkspaces({ pageNumber: 1, pageSize: 10 });
      assert.ok(page.items.length > 0);
      assert.equal(emu.counts()['ListProjects'], 3);
    });

    it('throttling on a create is retried and creates once', async () => {
      emu.setFaults({ throttleNext: 1, actions: ['CreateDataServiceGroup'] });
      const r = await svc.createBusinessProcess({ projectId, apiGatewayGroupId: gatewayId, name: 'Throttled then created', description: '' });
      assert.equal(r.recovered, false);
      assert.equal(emu.counts()['CreateDataServiceGroup'], 2);
    });

    it('persistent throttling ends in a throttled error after 3 retries', async () => {
      emu.setFaults({ throttleRate: 1, actions: ['DescribeApiGroups'] });
      const e = await failure(svc.listApiGatewayGroups({ pageNumber: 1, pageSize: 10 }));
      assert.equal(e.kind, 'throttled');
      assert.equal(e.httpStatus, 429);
      assert.equal(emu.counts()['DescribeApiGroups'], 4);
    });

    it('5xx and dropped connections on reads are retried', async () => {
      emu.setFaults({ serverErrorNext: 1, dropNext: 1, actions: ['GetProject'] });
      await svc.getWorkspace(projectId);
      assert.equal(emu.counts()['GetProject'], 3);
    });

    it('create held after the write: not resent, found by name → created, recovered', async () => {
      emu.setFaults({ timeoutAfterWriteNext: 1, actions: ['CreateDataServiceGroup'] });
      const name = 'Held after write';
      const r = await svc.createBusinessProcess({ projectId, apiGatewayGroupId: gatewayId, name, description: '' }, { deadlineMs: 500 });
      assert.equal(r.recovered, true);
      assert.equal(emu.counts()['CreateDataServiceGroup'], 1);
      const list = await svc.listBusinessProcesses({ projectId, pageNumber: 1, pageSize: 100, nameKeyword: name });
      assert.deepEqual(list.items.filter((g) => g.name === name).map((g) => g.id), [r.groupId]);
    });

    it('create answered 500 before executing: not resent, verdict not-created', async () => {
      emu.setFaults({ serverErrorNext: 1, actions: ['CreateDataServiceGroup'] });
      const e = await failure(svc.createBusinessProcess({ projectId, apiGatewayGroupId: gatewayId, name: 'Never created', description: '' }));
      assert.equal(e.code, 'InternalError.System');
      assert.equal(e.createVerdict, 'not-created');
      assert.equal(emu.counts()['CreateDataServiceGroup'], 1);
      assert.equal(emu.counts()['ListDataServiceGroups'], 1);
    });

    it('user group create held after the write: not resent, recovered', async () => {
      const owner = (await svc.listTenantUsers()).find((u) => u.accountType !== 6)?.accountName ?? '';
      emu.resetCounts();
      emu.setFaults({ timeoutAfterWriteNext: 1, actions: ['DsgUserGroupAddOrUpdate'] });
      const r = await svc.saveUserGroups([{ name: `held_${Date.now()}`, owner, type: 1, accounts: [] }], { deadlineMs: 500 });
      assert.equal(r.recovered, true);
      assert.equal(emu.counts()['DsgUserGroupAddOrUpdate'], 1);
    });

    it('cancellation rejects promptly', async () => {
      emu.setFaults({ latencyMs: 1500, actions: ['ListProjects'] });
      const ctl = new AbortController();
      const t0 = Date.now();
      const p = svc.listWorkspaces({ pageNumber: 1, pageSize: 10 }, { signal: ctl.signal });
      setTimeout(() => ctl.abort(), 50);
      const e = await failure(p);
      assert.equal(e.kind, 'cancelled');
      assert.ok(Date.now() - t0 < 1000);
    });

    it('deadline: a slow server ends in kind timeout at the deadline', async () => {
      emu.setFaults({ latencyMs: 1500, actions: ['GetProject'] });
      const t0 = Date.now();
      const e = await failure(svc.getWorkspace(projectId, { deadlineMs: 300 }));
      assert.equal(e.kind, 'timeout');
      assert.ok(Date.now() - t0 < 1500);
    });

    it('wrong secret → SignatureDoesNotMatch, not retried, nothing secret in the message', async () => {
      const bad = serviceFor(emu, { credentials: { accessKeyId: DEMO_CREDENTIALS.accessKeyId, accessKeySecret: 'wrong-secret-value' } });
      const e = await failure(bad.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
      assert.equal(e.code, 'SignatureDoesNotMatch');
      assert.equal(e.field, 'accessKeySecret');
      assert.equal(emu.counts()['ListProjects'], 1);
      assert.doesNotMatch(e.message, /wrong-secret-value|ACS3-HMAC-SHA256\n/);
      assert.match(e.userMessage('en'), /secret/);
    });

    it('unknown key → InvalidAccessKeyId.NotFound', async () => {
      const bad = serviceFor(emu, { credentials: { accessKeyId: 'LTAINOSUCHKEY', accessKeySecret: 'whatever-secret' } });
      const e = await failure(bad.listTenantUsers());
      assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
      assert.equal(e.kind, 'api');
      assert.equal(e.field, 'accessKeyId');
    });

    it('STS credentials work; an expired token is reported', async () => {
      const sts = serviceFor(emu, { credentials: DEMO_STS_CREDENTIALS });
      assert.ok((await sts.listWorkspaces({ pageNumber: 1, pageSize: 10 })).items.length > 0);
      const expired = serviceFor(emu, { credentials: EXPIRED_STS_CREDENTIALS });
      const e = await failure(expired.listWorkspaces({ pageNumber: 1, pageSize: 10 }));
      assert.match(e.code, /^InvalidSecurityToken/);
      assert.match(e.userMessage('zh-cn'), /STS/);
    });

    it('a RAM user without API Gateway permission → Forbidden.RAM', async () => {
      const e = await failure(serviceFor(emu, { credentials: RESTRICTED_CREDENTIALS }).listApiGatewayGroups({ pageNumber: 1, pageSize: 10 }));
      assert.equal(e.code, 'Forbidden.RAM');
      assert.equal(e.httpStatus, 403);
    });
  });

  it('a Basic edition tenant → Forbidden.Access with what to do', async () => {
    const emu = await start({ seed: 'demo', edition: 'Basic' });
    const e = await failure(serviceFor(emu).listUserGroups({ pageNumber: 1, pageSize: 10 }));
    assert.equal(e.code, 'Forbidden.Access');
    assert.match(e.userMessage('en'), /Edition/);
  });
});
