import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperationEntry } from '../../../src/services/operations';
import * as codec from '../../../src/shared/operationCodec';
import { failureOutcome, recordWrites } from '../../../src/api/operationRecorder';
import { nodeStoreFs, OPERATIONS_FILE, OperationStore } from '../../../src/services/operationStore';
import { verifyOperation } from '../../../src/services/operationVerify';
import { Redactor } from '../../../src/util/redact';
import { businessProcess, FakeApiError, FakeDataWorksService, userGroup } from '../fakes/fakeDataWorksService';

/** Shaped like the API layer's DataWorksError after an ambiguous failure. */
class AmbiguousError extends Error {
  readonly kind = 'timeout';
  readonly code = 'Timeout';
  constructor(readonly createVerdict: 'unknown' | 'not-created' | undefined, readonly requestId = 'REQ-T') {
    super('no answer in time');
  }
}

describe('recordWrites (Recent Operations decorator)', () => {
  let dir: string;
  let inner: FakeDataWorksService;
  let store: OperationStore;
  let seen: OperationEntry[][];
  const redactor = new Redactor();
  const logs: string[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dw-rec-'));
    inner = new FakeDataWorksService('cn-shanghai');
    store = new OperationStore({ fs: nodeStoreFs, codec: () => Promise.resolve(codec), dir, session: 'S1', log: (m) => logs.push(m) });
    seen = [];
    // What the file holds each time the inner service is called: the entry must be there before the request leaves.
    const original = inner.createBusinessProcess.bind(inner);
    inner.createBusinessProcess = async (input) => {
      seen.push((JSON.parse(readFileSync(join(dir, OPERATIONS_FILE), 'utf8')) as { entries: OperationEntry[] }).entries);
      return original(input);
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const service = () => recordWrites(inner, 'prod profile', { store, session: 'S1', newId: randomUUID, redact: (t) => redactor.redact(t), log: (m) => logs.push(m) });

  it('records a create as running before sending, then succeeded with the request ID, new ID and exact request', async () => {
    const r = await service().createBusinessProcess({ projectId: 7, apiGatewayGroupId: 'g1', name: 'sales api', description: 'd' });
    assert.equal(r.groupId, 'ds_new');
    assert.deepEqual(seen[0]?.map((e) => e.status), ['running']);
    const [e] = await store.list();
    assert.ok(e);
    assert.equal(e.status, 'succeeded');
    assert.equal(e.requestId, 'REQ-C');
    assert.equal(e.createdId, 'ds_new');
    assert.equal(e.profile, 'prod profile');
    assert.equal(e.region, 'cn-shanghai');
    assert.deepEqual(e.request.body, [['ProjectId', '7'], ['ApiGatewayGroupId', 'g1'], ['GroupName', 'sales api'], ['Description', 'd']]);
  });

  it('records saves and deletes with the groups and IDs concerned', async () => {
    const s = service();
    await s.saveUserGroups([{ id: 4, name: 'ops', owner: 'u1', type: 1, accounts: ['user:a'] }]);
    await s.deleteUserGroups([4, 5]);
    const [del, save] = await store.list();
    assert.deepEqual(del?.input, { action: 'deleteUserGroups', ids: [4, 5] });
    assert.deepEqual(del?.request.query, [['Ids', '[4,5]']]);
    assert.equal(del?.requestId, 'REQ-D');
    assert.deepEqual(save?.input, { action: 'saveUserGroups', groups: [{ id: 4, name: 'ops', owner: 'u1', type: 1, accounts: ['user:a'] }] });
    assert.equal(save?.request.action, 'DsgUserGroupAddOrUpdate');
  });

  it('records a refusal as failed and an ambiguous failure as unknown, and rethrows both unchanged', async () => {
    const refusal = new FakeApiError('Forbidden.Access', 'not allowed', 'REQ-F');
    inner.fail.set('saveUserGroups', refusal);
    await assert.rejects(service().saveUserGroups([{ name: 'n', owner: 'o', type: 1, accounts: [] }]), (e) => e === refusal);
    const lost = new AmbiguousError('unknown');
    inner.fail.set('deleteUserGroups', lost);
    await assert.rejects(service().deleteUserGroups([1]), (e) => e === lost);
    const [del, save] = await store.list();
    assert.deepEqual([save?.status, save?.error, save?.requestId], ['failed', { code: 'Forbidden.Access', message: 'not allowed' }, 'REQ-F']);
    assert.deepEqual([del?.status, del?.error?.code], ['unknown', 'Timeout']);
  });

  it('classifies outcomes: only a server refusal is a failure', () => {
    const id = (t: string): string => t;
    assert.equal(failureOutcome(new AmbiguousError('not-created'), id).status, 'failed');
    assert.equal(failureOutcome(new AmbiguousError(undefined), id).status, 'unknown');
    assert.equal(failureOutcome(Object.assign(new FakeApiError('InternalError', 'boom'), { httpStatus: 500 }), id).status, 'unknown');
    assert.equal(failureOutcome(Object.assign(new FakeApiError('Bad', 'bad'), { httpStatus: 400 }), id).status, 'failed');
    assert.equal(failureOutcome(new Error('a bug'), id).status, 'unknown');
  });

  it('still sends (and answers) when the file cannot be written', async () => {
    const broken = new OperationStore({
      fs: { ...nodeStoreFs, write: () => Promise.reject(new Error('read-only disk')) }, codec: () => Promise.resolve(codec), dir, session: 'S1', log: (m) => logs.push(m),
    });
    const s = recordWrites(inner, 'p', { store: broken, session: 'S1', newId: randomUUID, redact: (t) => t, log: (m) => logs.push(m) });
    assert.equal((await s.saveUserGroups([{ name: 'n', owner: 'o', type: 1, accounts: [] }])).requestId, 'REQ-S');
    assert.ok(logs.some((l) => /could not be saved \(read-only disk\)/.test(l)));
  });

  it('passes reads straight through', async () => {
    inner.userGroups = [userGroup(1)];
    assert.equal((await service().listUserGroups({ pageNumber: 1, pageSize: 10 })).items.length, 1);
    assert.equal(service().region, 'cn-shanghai');
    assert.deepEqual(await store.list(), []);
  });

  it('never writes a secret: the AccessKey is no part of the request, and a secret echoed in an error is redacted', async () => {
    const canaryId = 'LTAI5tCanaryKeyId0000001';
    const canarySecret = 'CanarySecretValue0123456789abcdXYZ';
    redactor.add(canaryId, canarySecret);
    inner.fail.set('saveUserGroups', new FakeApiError('SignatureDoesNotMatch', `string to sign is: POST&AccessKeyId=${canaryId}&x=${canarySecret}`));
    await assert.rejects(service().saveUserGroups([{ name: 'g', owner: 'o', type: 1, accounts: ['user:a'] }]));
    inner.fail.set('createBusinessProcess', new FakeApiError('X', `bad secret ${canarySecret}`));
    await assert.rejects(service().createBusinessProcess({ projectId: 1, apiGatewayGroupId: 'g', name: 'n', description: '' }));
    const text = readFileSync(join(dir, OPERATIONS_FILE), 'utf8');
    assert.ok(!text.includes(canaryId) && !text.includes(canarySecret), text);
    assert.ok(!/AccessKey(Id|Secret)|SecurityToken|Signature=/.test(JSON.stringify((await store.list()).map((e) => e.request))));
  });
});

describe('verifyOperation', () => {
  const base = { id: 'x', session: 'S', startedAt: 1, updatedAt: 1, profile: 'p', region: 'cn-shanghai', status: 'unknown' as const };
  const request = { product: 'dataworks-public' as const, version: '2020-05-18' as const, method: 'POST' as const, region: 'cn-shanghai', query: [], body: [] };

  it('finds a created business process by exact name and API group', async () => {
    const s = new FakeDataWorksService();
    s.businessProcesses.set(7, [{ ...businessProcess(7, 1), name: 'sales api x' }, { ...businessProcess(7, 2), name: 'sales api', apiGatewayGroupId: 'g1' }]);
    const input = { action: 'createBusinessProcess' as const, projectId: 7, apiGatewayGroupId: 'g1', name: 'sales api', description: '' };
    const v = await verifyOperation(s, { ...base, input, request: { ...request, action: 'CreateDataServiceGroup' } }, 99);
    assert.deepEqual(v, { status: 'succeeded', verified: { at: 99, found: 'all' }, createdId: 'ds_7_2' });
    const missing = await verifyOperation(s, { ...base, input: { ...input, name: 'other' }, request: { ...request, action: 'CreateDataServiceGroup' } }, 99);
    assert.equal(missing.status, 'failed');
  });

  it('finds saved groups by name (and an update by its values) and deletes by the IDs being gone', async () => {
    const s = new FakeDataWorksService();
    s.userGroups = [{ ...userGroup(4, 'ops', ['user:a']), owner: 'u1' }, userGroup(5)];
    const save = (accounts: string[]) => ({ action: 'saveUserGroups' as const, groups: [{ id: 4, name: 'ops', owner: 'u1', type: 1 as const, accounts }] });
    const r = { ...request, action: 'DsgUserGroupAddOrUpdate' as const };
    assert.equal((await verifyOperation(s, { ...base, input: save(['user:a']), request: r }, 1)).status, 'succeeded');
    assert.equal((await verifyOperation(s, { ...base, input: save(['user:b']), request: r }, 1)).status, 'failed');
    const d = { ...request, action: 'DsgUserGroupDelete' as const };
    assert.equal((await verifyOperation(s, { ...base, input: { action: 'deleteUserGroups', ids: [9] }, request: d }, 1)).status, 'succeeded');
    assert.equal((await verifyOperation(s, { ...base, input: { action: 'deleteUserGroups', ids: [4, 5] }, request: d }, 1)).status, 'failed');
    const some = await verifyOperation(s, { ...base, input: { action: 'deleteUserGroups', ids: [4, 9] }, request: d }, 1);
    assert.deepEqual(some, { status: 'unknown', verified: { at: 1, found: 'some' } });
  });
});
