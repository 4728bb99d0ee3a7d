import assert from 'node:assert/strict';
import {
  LIMITS, checkBusinessProcess, checkUserGroups, createBusinessProcessSchema, descriptionSchema, nameSchema,
  projectIdSchema, apiGatewayGroupIdSchema, userGroupRowSchema, type RawBusinessProcess, type RawUserGroupRow,
} from '../../../src/shared/schemas';

const bp = (over: Partial<RawBusinessProcess> = {}): RawBusinessProcess => ({
  projectId: '10001', apiGatewayGroupId: 'be6d2abcc0dd4f749fc2d2edd6567164', name: 'Orders', description: 'Order APIs', ...over,
});
const row = (over: Partial<RawUserGroupRow> = {}): RawUserGroupRow => ({
  name: 'analysts', owner: 'alice', type: '1', projectName: '', accounts: ['user:alice', 'user:bob'], ...over,
});
const codes = (r: { ok: boolean; errors?: { path: string; code: string }[] }) =>
  r.ok ? [] : (r.errors ?? []).map((e) => `${e.path}:${e.code}`);

describe('schemas: names', () => {
  it('trims and accepts 1–64 characters', () => {
    assert.equal(nameSchema.parse('  Orders  '), 'Orders');
    assert.equal(nameSchema.parse('x'.repeat(64)), 'x'.repeat(64));
    assert.equal(nameSchema.parse('业务流程'), '业务流程');
  });
  it('rejects empty, blank, too long and control characters', () => {
    for (const [v, code] of [['', 'required'], ['   ', 'required'], ['x'.repeat(65), 'nameTooLong'], ['a\nb', 'controlCharacters'],
      ['a\u0000b', 'controlCharacters'], ['a\u0085b', 'controlCharacters'], ['a\tb', 'controlCharacters']] as const) {
      const r = nameSchema.safeParse(v);
      assert.equal(r.success, false, JSON.stringify(v));
      assert.equal(r.error?.issues[0]?.message, code, JSON.stringify(v));
    }
  });
  it('rejects non-strings', () => {
    for (const v of [undefined, null, 1, {}, []]) assert.equal(nameSchema.safeParse(v).success, false);
  });
});

describe('schemas: description', () => {
  it('allows empty, line breaks and tabs, up to 1024 characters', () => {
    assert.equal(descriptionSchema.parse(''), '');
    assert.equal(descriptionSchema.parse('line one\nline two\tend'), 'line one\nline two\tend');
    assert.equal(descriptionSchema.parse('d'.repeat(LIMITS.descriptionMax)).length, LIMITS.descriptionMax);
  });
  it('rejects more than 1024 characters and other control characters', () => {
    assert.equal(descriptionSchema.safeParse('d'.repeat(1025)).error?.issues[0]?.message, 'descriptionTooLong');
    assert.equal(descriptionSchema.safeParse('bell\u0007').error?.issues[0]?.message, 'controlCharacters');
  });
});

describe('schemas: workspace and API group IDs', () => {
  it('projectId is a positive safe integer', () => {
    assert.equal(projectIdSchema.parse(10001), 10001);
    for (const v of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, '10001', undefined]) {
      assert.equal(projectIdSchema.safeParse(v).success, false, String(v));
    }
  });
  it('ApiGatewayGroupId is [A-Za-z0-9_-]{1,64}', () => {
    assert.equal(apiGatewayGroupIdSchema.parse(' 1000abcd '), '1000abcd');
    assert.equal(apiGatewayGroupIdSchema.parse('a_b-C'.padEnd(64, 'x')).length, 64);
    assert.equal(apiGatewayGroupIdSchema.safeParse('').error?.issues[0]?.message, 'required');
    for (const v of ['a b', 'a/b', 'x'.repeat(65), 'grp;rm', '组']) {
      assert.equal(apiGatewayGroupIdSchema.safeParse(v).error?.issues[0]?.message, 'apiGatewayGroupIdInvalid', v);
    }
  });
});

describe('schemas: create business process', () => {
  it('accepts a complete form and converts the workspace ID', () => {
    assert.deepEqual(checkBusinessProcess(bp()), {
      ok: true, value: { projectId: 10001, apiGatewayGroupId: 'be6d2abcc0dd4f749fc2d2edd6567164', name: 'Orders', description: 'Order APIs' },
    });
  });
  it('reports every invalid field once, by path', () => {
    assert.deepEqual(codes(checkBusinessProcess({ projectId: '', apiGatewayGroupId: '', name: '', description: 'ok' })),
      ['projectId:workspaceRequired', 'apiGatewayGroupId:required', 'name:required']);
  });
  it('does not take Number() liberties with the workspace ID', () => {
    for (const p of ['1e3', '0x10', ' ', '-5', '0', '12.5']) {
      assert.deepEqual(codes(checkBusinessProcess(bp({ projectId: p }))), ['projectId:workspaceRequired'], p);
    }
  });
  it('rejects unknown keys', () => {
    assert.equal(createBusinessProcessSchema.safeParse({ projectId: 1, apiGatewayGroupId: 'a', name: 'n', description: '', TenantId: 1 }).success, false);
  });
});

describe('schemas: user groups', () => {
  it('accepts a type 1 group and drops ProjectName for types 1 and 2', () => {
    const r = checkUserGroups({ rows: [row({ projectName: 'ignored' })] });
    assert.ok(r.ok);
    assert.deepEqual(r.value.groups[0], { name: 'analysts', owner: 'alice', type: 1, accounts: ['user:alice', 'user:bob'] });
  });
  it('type 3 requires a valid MaxCompute project', () => {
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ type: '3', accounts: ['role_a'] })] })), ['groups.0.projectName:projectRequired']);
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ type: '3', projectName: '9bad', accounts: ['role_a'] })] })), ['groups.0.projectName:projectInvalid']);
    const ok = checkUserGroups({ rows: [row({ type: '3', projectName: 'dev_project', accounts: ['role_a'] })] });
    assert.ok(ok.ok);
    assert.equal(ok.value.groups[0]?.projectName, 'dev_project');
  });
  it('rejects a missing type, a wrong type, missing owner, no accounts', () => {
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ type: '', owner: ' ', accounts: [] })] })),
      ['groups.0.owner:required', 'groups.0.type:typeRequired', 'groups.0.accounts:accountsRequired']);
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ type: '4' })] })), ['groups.0.type:typeRequired']);
  });
  it('limits accounts to 100, unique', () => {
    const many = Array.from({ length: 101 }, (_, i) => `user:u${i}`);
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ accounts: many })] })), ['groups.0.accounts:tooManyAccounts']);
    assert.ok(checkUserGroups({ rows: [row({ accounts: many.slice(0, 100) })] }).ok);
    assert.deepEqual(codes(checkUserGroups({ rows: [row({ accounts: ['user:a', ' user:a '] })] })), ['groups.0.accounts:duplicateAccount']);
  });
  it('blank pasted entries are dropped, not reported', () => {
    const r = checkUserGroups({ rows: [row({ accounts: ['user:a', '  ', ''] })] });
    assert.ok(r.ok);
    assert.deepEqual(r.value.groups[0]?.accounts, ['user:a']);
  });
  it('limits a request to 20 groups with distinct names', () => {
    const rows = Array.from({ length: 21 }, (_, i) => row({ name: `g${i}` }));
    assert.deepEqual(codes(checkUserGroups({ rows })), ['groups:tooManyGroups']);
    assert.ok(checkUserGroups({ rows: rows.slice(0, 20) }).ok);
    assert.deepEqual(codes(checkUserGroups({ rows: [row(), row({ name: ' analysts ' })] })), ['groups.1.name:duplicateGroupName']);
    assert.deepEqual(codes(checkUserGroups({ rows: [] })), ['groups:required']);
  });
  it('carries the Id the host supplies, only from the host', () => {
    const r = checkUserGroups({ rows: [row()] }, [123]);
    assert.ok(r.ok);
    assert.equal(r.value.groups[0]?.id, 123);
    assert.equal(userGroupRowSchema.safeParse({ id: -1, name: 'a', owner: 'b', type: 1, accounts: ['x'] }).success, false);
  });
});
