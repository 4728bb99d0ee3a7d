import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bpInitSchema, bpToHostSchema, bpToWebviewSchema, parseMessage, ugInitSchema, ugRestoreSchema, ugToHostSchema, ugToWebviewSchema, type BpInit,
  type BpToHost, type BpToWebview, type UgInit, type UgToHost, type UgToWebview,
} from '../../../src/shared/protocol';
import { createDataServiceGroupRequest } from '../../../src/shared/requests';

const values = { projectId: '10001', apiGatewayGroupId: 'g1', name: 'n', description: '' };
const ugValues = { rows: [{ name: 'g', owner: 'alice', type: '1', projectName: '', accounts: ['user:alice'] }] };

/** Through JSON, as postMessage would carry it, and back through the schema. */
const roundTrip = (schema: Parameters<typeof parseMessage>[0], msg: unknown): unknown => parseMessage(schema, JSON.parse(JSON.stringify(msg)));

describe('protocol: round trip', () => {
  const bpHost: BpToHost[] = [
    { type: 'ready' }, { type: 'draft', values }, { type: 'loadWorkspaces', seq: 1, refresh: false },
    { type: 'loadApiGatewayGroups', seq: 2, refresh: true }, { type: 'checkName', seq: 3, projectId: '1', name: 'n' },
    { type: 'validate', values }, { type: 'review', values }, { type: 'submit', values }, { type: 'copyId' },
    { type: 'revealInTree' }, { type: 'reset' },
  ];
  const bpInit: BpInit = { strings: { 'bp.name': 'Name', 'bp.verdict.not-created': 'x' }, locale: 'zh-cn', region: 'cn-shanghai', restore: { profile: 'p', region: 'cn-shanghai', projectId: 1 }, prefill: values, phase: 'edit' };
  const bpWeb: BpToWebview[] = [
    { type: 'workspaces', seq: 1, items: [{ id: 1, name: 'W', identifier: 'w' }], truncated: false },
    { type: 'apiGatewayGroups', seq: 2, items: [{ id: 'g', name: 'G', regionId: 'cn-shanghai', description: '' }], truncated: true },
    { type: 'lookupFailed', seq: 2, lookup: 'apiGatewayGroups', message: 'no', code: 'Forbidden.RAM', forbidden: true },
    { type: 'nameCheck', seq: 3, name: 'n', taken: true },
    { type: 'fieldErrors', errors: [{ path: 'name', code: 'nameTaken' }, { path: '', text: 'x' }], banner: { severity: 'error', message: 'm', requestId: 'r' } },
    { type: 'review', request: createDataServiceGroupRequest({ projectId: 1, apiGatewayGroupId: 'g', name: 'n', description: '' }, 'cn-shanghai'), cli: 'aliyun …' },
    { type: 'submitting' },
    { type: 'result', result: { outcome: 'success', groupId: 'ds_1', requestId: 'r', recovered: false } },
    { type: 'result', result: { outcome: 'ambiguous', verdict: 'unknown', banner: { severity: 'warning', message: 'm' } } },
  ];
  const ugHost: UgToHost[] = [
    { type: 'ready' }, { type: 'draft', values: ugValues }, { type: 'loadTenantUsers', seq: 1, refresh: false },
    { type: 'loadMaxComputeRoles', seq: 2, projectName: 'p', refresh: false }, { type: 'checkName', seq: 3, row: 19, name: 'x' },
    { type: 'review', values: ugValues }, { type: 'submit', values: ugValues }, { type: 'copyId', index: 0 }, { type: 'revealInTree', index: 2 },
  ];
  const ugInit: UgInit = { strings: {}, locale: 'en', region: 'r', mode: 'edit', restore: { profile: 'p', region: 'r', group: { id: 5, name: 'g' } }, prefill: ugValues, draft: ugValues, kind: 'unknown', phase: 'result',
    result: { outcome: 'success', requestId: 'r', groups: [{ name: 'g', id: 5 }, { name: 'h' }] } };
  const ugWeb: UgToWebview[] = [
    { type: 'tenantUsers', seq: 1, items: [{ accountName: 'alice', accountType: 1, yunAccount: 'user:alice' }] },
    { type: 'maxComputeRoles', seq: 2, projectName: 'p', roles: ['role_a'] },
    { type: 'groupKind', state: 'known', groupType: 3, projectName: 'sales_dw' },
    { type: 'groupKind', state: 'unknown' },
    { type: 'nameCheck', seq: 3, row: 0, name: 'g', existingId: 7 },
    { type: 'review', request: { product: 'dataworks-public', version: '2020-05-18', action: 'DsgUserGroupAddOrUpdate', method: 'POST', region: 'r', query: [['UserGroups', '[]']], body: [] }, cli: 'c',
      diff: { rows: [{ field: 'owner', before: 'a', after: 'b' }], added: ['user:c'], removed: [] } },
  ];
  it('every message survives JSON and the schema unchanged', () => {
    for (const m of bpHost) assert.deepEqual(roundTrip(bpToHostSchema, m), m);
    for (const m of bpWeb) assert.deepEqual(roundTrip(bpToWebviewSchema, m), m);
    for (const m of ugHost) assert.deepEqual(roundTrip(ugToHostSchema, m), m);
    for (const m of ugWeb) assert.deepEqual(roundTrip(ugToWebviewSchema, m), m);
  });
  it('the init data of both pages survives JSON and its schema unchanged, and is no message', () => {
    assert.deepEqual(roundTrip(bpInitSchema, bpInit), bpInit);
    assert.deepEqual(roundTrip(ugInitSchema, ugInit), ugInit);
    assert.equal(roundTrip(bpToWebviewSchema, { type: 'init', ...bpInit }), undefined);
    assert.equal(roundTrip(ugToWebviewSchema, { type: 'init', ...ugInit }), undefined);
  });
});

describe('protocol: rejects', () => {
  const describe_ = (m: unknown) => { try { return JSON.stringify(m)?.slice(0, 200); } catch { return 'unserialisable'; } };
  const rejected = (schema: Parameters<typeof parseMessage>[0], m: unknown) => assert.equal(parseMessage(schema, m), undefined, describe_(m));
  it('unknown message types, including anything that names a command, URL or file', () => {
    for (const m of [{ type: 'executeCommand', command: 'workbench.action.terminal.sendSequence' }, { type: 'openUrl', url: 'https://x' },
      { type: 'readFile', path: '/etc/passwd' }, { type: 'copy', text: 'anything' }, { type: 'READY' }, { type: '' }, {}]) {
      rejected(bpToHostSchema, m);
      rejected(ugToHostSchema, m);
    }
  });
  it('extra keys on known messages', () => {
    rejected(bpToHostSchema, { type: 'copyId', text: 'evil' });
    rejected(ugToHostSchema, { type: 'revealInTree', index: 0, command: 'x' });
    rejected(bpToHostSchema, { type: 'submit', values: { ...values, TenantId: '1' } });
  });
  it('malformed values', () => {
    for (const m of [null, undefined, 42, 'ready', [], { type: 'loadWorkspaces', seq: -1, refresh: false },
      { type: 'loadWorkspaces', seq: 1.5, refresh: false }, { type: 'loadWorkspaces', seq: 1 },
      { type: 'checkName', seq: 1, projectId: 1, name: 'n' }, { type: 'submit', values: { ...values, name: 5 } }]) {
      rejected(bpToHostSchema, m);
    }
    rejected(ugToHostSchema, { type: 'copyId', index: 20 });
    rejected(ugToHostSchema, { type: 'checkName', seq: 1, row: -1, name: 'x' });
  });
  it('oversized strings and arrays', () => {
    rejected(bpToHostSchema, { type: 'submit', values: { ...values, description: 'x'.repeat(8193) } });
    rejected(ugToHostSchema, { type: 'submit', values: { rows: Array.from({ length: 21 }, () => ugValues.rows[0]) } });
    rejected(ugToHostSchema, { type: 'submit', values: { rows: [{ ...ugValues.rows[0], accounts: Array.from({ length: 1001 }, () => 'a') }] } });
    rejected(ugToWebviewSchema, { type: 'maxComputeRoles', seq: 1, projectName: 'p', roles: Array.from({ length: 5001 }, () => 'r') });
    const strings = Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`k${i}`, 'v']));
    rejected(bpInitSchema, { strings, locale: 'en', region: 'r', restore: { profile: 'p', region: 'r' }, prefill: values, phase: 'edit' });
  });
  it('field error paths cannot carry markup or selectors', () => {
    rejected(bpToWebviewSchema, { type: 'fieldErrors', errors: [{ path: 'name"><img src=x>', code: 'required' }] });
    rejected(bpToWebviewSchema, { type: 'fieldErrors', errors: [{ path: 'name', code: 'notACode' }] });
  });
  it("a user-group form's saved state names its group and nothing else: the host reloads the rest from the server", () => {
    const ok = { profile: 'p', region: 'cn-shanghai', group: { id: 5, name: 'g' } };
    assert.deepEqual(parseMessage(ugRestoreSchema, ok), ok);
    // The old state carried the group's data: a page could have changed the review's "before" or the type.
    for (const extra of [{ owner: 'o' }, { accounts: ['user:a'] }, { type: 3 }, { projectName: 'p' }, { modifiedTime: '' }]) {
      assert.equal(parseMessage(ugRestoreSchema, { ...ok, group: { ...ok.group, ...extra } }), undefined, JSON.stringify(extra));
    }
    assert.equal(parseMessage(ugRestoreSchema, { ...ok, region: 'x@attacker.example:443/#' }), undefined, 'a region that is no region ID');
  });

  it('hostile objects do not throw past the boundary', () => {
    const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); } });
    rejected(bpToHostSchema, trap);
    const getter = Object.defineProperty({}, 'type', { get() { throw new Error('getter'); }, enumerable: true });
    rejected(ugToHostSchema, getter);
  });
});

describe('protocol: properties', function () {
  this.timeout(60_000);
  const schemas = [bpToHostSchema, bpToWebviewSchema, ugToHostSchema, ugToWebviewSchema, bpInitSchema, ugInitSchema];
  const N = 2000;
  it(`random JSON values never throw and are rejected unless well-formed (${N} cases × 6 schemas)`, () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      for (const s of schemas) parseMessage(s, v);
    }), { numRuns: N });
  });
  it(`random objects with a known type never throw (${N} cases)`, () => {
    const types = ['ready', 'draft', 'loadWorkspaces', 'checkName', 'review', 'submit', 'copyId', 'init', 'result', 'review', 'lookupFailed'];
    const arb = fc.record({ type: fc.constantFrom(...types) }).chain((base) =>
      fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 3 })).map((d) => ({ ...d, ...base })));
    fc.assert(fc.property(arb, (v) => {
      for (const s of schemas) parseMessage(s, v);
    }), { numRuns: N });
  });
  it(`mutating one field of a valid submit either parses to the same shape or is rejected (${N} cases)`, () => {
    const arb = fc.record({
      key: fc.constantFrom('projectId', 'apiGatewayGroupId', 'name', 'description', 'extra'),
      value: fc.oneof(fc.string({ maxLength: 9000 }), fc.integer(), fc.constant(null), fc.array(fc.string())),
    });
    fc.assert(fc.property(arb, ({ key, value }) => {
      const parsed = parseMessage(bpToHostSchema, { type: 'submit', values: { ...values, [key]: value } });
      const ok = key !== 'extra' && typeof value === 'string' && value.length <= (key === 'projectId' ? 32 : 8192);
      assert.equal(parsed !== undefined, ok);
    }), { numRuns: N });
  });
});
