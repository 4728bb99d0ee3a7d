import assert from 'node:assert/strict';
import type { TenantUserItem } from '../../../src/shared/protocol';
import { emptyUserGroupRow, type RawUserGroupRow } from '../../../src/shared/schemas';
import {
  MAX_OWNER_OPTIONS, MAX_SHOWN_OPTIONS, accountsNotInList, applyKind, askRoles, askTenantUsers, candidatesFor, emptyLookups,
  kindNamesProject, lookupFailed, ownerOptions, parsePasted, rolesUnasked, searchCandidates, splitPasted, takeRoles, takeTenantUsers,
  tenantUsersUnasked, toggled, type Candidate, type Candidates, type GroupKind, type Lookups,
} from '../../../media/forms/userGroupLogic';

const USERS: TenantUserItem[] = [
  { accountName: 'alice', accountType: 1, yunAccount: '1001' },
  { accountName: 'bob', accountType: 5, yunAccount: '1002' },
  { accountName: 'etl-role', accountType: 6, yunAccount: '2001' },
  { accountName: 'Alicia', accountType: 3, yunAccount: '1003' },
  { accountName: 'ops-role', accountType: 6, yunAccount: '2002' },
];

const row = (over: Partial<RawUserGroupRow>): RawUserGroupRow => ({ ...emptyUserGroupRow(), ...over });
const withUsers = (): Lookups => ({ ...emptyLookups(), tenantUsers: USERS });
const listOf = (c: Candidates): Candidate[] => {
  assert.equal(c.kind, 'list', `expected a list, got ${JSON.stringify(c)}`);
  return c.kind === 'list' ? c.list : [];
};
const values = (c: Candidates): string[] => listOf(c).map((x) => x.value);

describe('user-group form: the accounts a row can pick', () => {
  it('type 1 offers every member except RAM roles (AccountType 6), by yunAccount, labelled with name and id', () => {
    const list = listOf(candidatesFor(row({ type: '1' }), withUsers()));
    assert.deepEqual(list.map((x) => x.value), ['1001', '1002', '1003']);
    assert.deepEqual(list[0], { value: '1001', label: 'alice (1001)', names: ['1001', 'alice'] });
  });

  it('type 2 offers the RAM roles only', () => {
    assert.deepEqual(values(candidatesFor(row({ type: '2' }), withUsers())), ['2001', '2002']);
  });

  it('type 3 offers the MaxCompute roles of the row\'s project (name trimmed), not the tenant\'s members', () => {
    const lookups = withUsers();
    lookups.roles.set('sales_dw', ['role_reader', 'role_writer']);
    lookups.roles.set('other', ['role_x']);
    const list = listOf(candidatesFor(row({ type: '3', projectName: '  sales_dw ' }), lookups));
    assert.deepEqual(list, [
      { value: 'role_reader', label: 'role_reader', names: ['role_reader'] },
      { value: 'role_writer', label: 'role_writer', names: ['role_writer'] },
    ]);
  });

  it('type 3 without a project, or with one whose roles were not asked for, says a project comes first', () => {
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: '   ' }), withUsers()), { kind: 'rolesFirst' });
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p1' }), withUsers()), { kind: 'rolesFirst' });
  });

  it('type 3 while the roles load, and after they failed (with the host\'s message)', () => {
    const lookups = emptyLookups();
    lookups.rolesState.set('p1', { state: 'loading', seq: 7 });
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p1' }), lookups), { kind: 'loading' });
    lookups.rolesState.set('p1', { state: 'failed', message: 'Forbidden', seq: -1 });
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p1' }), lookups), { kind: 'failed', message: 'Forbidden' });
  });

  it('types 1 and 2 before the member list: nothing to say, loading, or failed', () => {
    const lookups = emptyLookups();
    assert.deepEqual(candidatesFor(row({ type: '1' }), lookups), { kind: 'none' });
    lookups.tenantUsersState = { state: 'loading', seq: 3 };
    assert.deepEqual(candidatesFor(row({ type: '2' }), lookups), { kind: 'loading' });
    lookups.tenantUsersState = { state: 'failed', message: 'Throttling', seq: -1 };
    assert.deepEqual(candidatesFor(row({ type: '1' }), lookups), { kind: 'failed', message: 'Throttling' });
  });

  it('a row that does not exist has no candidates', () => {
    assert.deepEqual(candidatesFor(undefined, withUsers()), { kind: 'none' });
  });

  it('an edited group whose type is not known yet (\'\') is offered the non-role members, as type 1', () => {
    assert.deepEqual(values(candidatesFor(row({ type: '' }), withUsers())), ['1001', '1002', '1003']);
  });
});

describe('user-group form: searching the candidates', () => {
  const list = listOf(candidatesFor(row({ type: '1' }), withUsers()));

  it('matches the label anywhere, ignoring case and surrounding blanks', () => {
    assert.deepEqual(searchCandidates(list, '  ALI ').shown.map((x) => x.value), ['1001', '1003']);
    assert.deepEqual(searchCandidates(list, '1002').shown.map((x) => x.value), ['1002']);
  });

  it('an empty search shows everything; no match shows nothing', () => {
    assert.equal(searchCandidates(list, '').total, 3);
    assert.deepEqual(searchCandidates(list, 'zzz'), { shown: [], total: 0, more: 0 });
  });

  it(`shows at most ${MAX_SHOWN_OPTIONS} and counts the rest`, () => {
    const many: Candidate[] = Array.from({ length: MAX_SHOWN_OPTIONS + 37 }, (_, k) => ({ value: String(k), label: `user${k}`, names: [String(k)] }));
    const all = searchCandidates(many, 'user');
    assert.equal(all.shown.length, MAX_SHOWN_OPTIONS);
    assert.equal(all.total, MAX_SHOWN_OPTIONS + 37);
    assert.equal(all.more, 37);
    assert.equal(all.shown[0]?.value, '0');
    const exact = searchCandidates(many.slice(0, MAX_SHOWN_OPTIONS), '');
    assert.equal(exact.more, 0, 'exactly the cap: nothing more');
    assert.equal(searchCandidates(many, 'user1', 5).more, searchCandidates(many, 'user1').total - 5);
  });
});

describe('user-group form: accounts not in the list for the row\'s type', () => {
  it('names the chosen accounts the list does not have, in their order', () => {
    const ram = listOf(candidatesFor(row({ type: '2' }), withUsers()));
    assert.deepEqual(accountsNotInList(['1001', '2001', 'ghost'], ram), ['1001', 'ghost']);
  });

  it('says nothing while the list is not known', () => {
    assert.deepEqual(accountsNotInList(['anything'], undefined), []);
  });
});

describe('user-group form: pasting a list of accounts', () => {
  const list = listOf(candidatesFor(row({ type: '1' }), withUsers()));

  it('splits on line breaks, commas and semicolons, ASCII and full-width, trimming each entry', () => {
    assert.deepEqual(splitPasted(' a ,b\r\nc;d，e；f\n\n, ,'), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(splitPasted('first last\tx'), ['first last\tx'], 'blanks inside an entry are kept');
  });

  it('matches entries by yunAccount or account name and adds the yunAccount', () => {
    assert.deepEqual(parsePasted('alice\n1002', list, []), { entries: 2, added: ['1001', '1002'], unknown: [] });
  });

  it('keeps the entries no candidate has as unknown, and adds the rest', () => {
    assert.deepEqual(parsePasted('alice, nobody, etl-role', list, []), { entries: 3, added: ['1001'], unknown: ['nobody', 'etl-role'] });
  });

  it('names match exactly (a different case is unknown)', () => {
    assert.deepEqual(parsePasted('ALICE', list, []).unknown, ['ALICE']);
  });

  it('adds each account once: repeated entries, an account named twice (name and id), and ones already chosen', () => {
    assert.deepEqual(parsePasted('alice, alice, 1001，bob, Alicia', list, ['1003']), { entries: 4, added: ['1001', '1002'], unknown: [] });
  });

  it('without a list (not loaded, or failed) takes every entry as it is', () => {
    assert.deepEqual(parsePasted('x1; x2\nx1', undefined, ['x2']), { entries: 2, added: ['x1'], unknown: [] });
  });

  it('blank text has no entries', () => {
    assert.deepEqual(parsePasted(' \n , ；', list, []), { entries: 0, added: [], unknown: [] });
  });
});

describe('user-group form: ticking accounts and the owner list', () => {
  it('toggling adds at the end once and removes every copy', () => {
    assert.deepEqual(toggled(['a', 'b'], 'c', true), ['a', 'b', 'c']);
    assert.deepEqual(toggled(['a', 'b'], 'a', true), ['a', 'b']);
    assert.deepEqual(toggled(['a', 'b', 'a'], 'a', false), ['b']);
  });

  it(`owners are the members that are not RAM roles, at most ${MAX_OWNER_OPTIONS}`, () => {
    assert.deepEqual(ownerOptions(USERS).map((u) => u.accountName), ['alice', 'bob', 'Alicia']);
    const many = Array.from({ length: MAX_OWNER_OPTIONS + 5 }, (_, k): TenantUserItem => ({ accountName: `u${k}`, accountType: 1, yunAccount: String(k) }));
    assert.equal(ownerOptions(many).length, MAX_OWNER_OPTIONS);
  });
});

describe('user-group form: applyKind fills what the host settled, never the user\'s choice', () => {
  const kind = (over: Partial<GroupKind>): GroupKind => ({ type: 'groupKind', state: 'known', ...over });

  it('fills the type of an edited group that has none selected', () => {
    const r = row({ type: '' });
    assert.equal(applyKind(r, kind({ groupType: 2 }), 'edit'), true);
    assert.equal(r.type, '2');
  });

  it('fills type and project of a MaxCompute-role group whose project box is empty or blank', () => {
    const r = row({ type: '', projectName: '  ' });
    assert.equal(applyKind(r, kind({ groupType: 3, projectName: 'sales_dw' }), 'edit'), true);
    assert.deepEqual([r.type, r.projectName], ['3', 'sales_dw']);
  });

  it('never overrides a type the user chose, even to fill a project', () => {
    for (const chosen of ['1', '2'] as const) {
      const r = row({ type: chosen });
      assert.equal(applyKind(r, kind({ groupType: 3, projectName: 'sales_dw' }), 'edit'), false);
      assert.deepEqual([r.type, r.projectName], [chosen, '']);
    }
  });

  it('never overrides a project the user typed', () => {
    const r = row({ type: '3', projectName: 'mine' });
    assert.equal(applyKind(r, kind({ groupType: 3, projectName: 'sales_dw' }), 'edit'), false);
    assert.equal(r.projectName, 'mine');
  });

  it('fills the project only for type 3 as settled by the host', () => {
    const r = row({ type: '3' });
    assert.equal(applyKind(r, kind({ groupType: 1, projectName: 'sales_dw' }), 'edit'), false);
    assert.equal(r.projectName, '');
  });

  it('picks no type when the host settled none', () => {
    const r = row({ type: '' });
    assert.equal(applyKind(r, kind({ state: 'unknown' }), 'edit'), false);
    assert.equal(applyKind(r, kind({ state: 'resolving' }), 'edit'), false);
    assert.equal(r.type, '');
  });

  it('does nothing when adding groups, without an answer, or without a row', () => {
    const r = row({ type: '' });
    assert.equal(applyKind(r, kind({ groupType: 1 }), 'add'), false);
    assert.equal(applyKind(r, kind({ groupType: 1 }), undefined), false);
    assert.equal(applyKind(r, undefined, 'edit'), false);
    assert.equal(applyKind(undefined, kind({ groupType: 1 }), 'edit'), false);
    assert.equal(r.type, '');
  });

  it('the answer names the project unless it settles type 3 without one', () => {
    assert.equal(kindNamesProject({ groupType: 3, projectName: undefined }), false);
    assert.equal(kindNamesProject({ groupType: 3, projectName: 'p' }), true);
    assert.equal(kindNamesProject({ groupType: 1, projectName: undefined }), true);
    assert.equal(kindNamesProject({ groupType: undefined, projectName: undefined }), true);
  });
});

describe('user-group form: lookups answer only the request still pending', () => {
  it('the member list: asked once, a stale answer ignored, the pending one taken', () => {
    const l = emptyLookups();
    assert.equal(tenantUsersUnasked(l), true);
    askTenantUsers(l, 10);
    assert.equal(tenantUsersUnasked(l), false);
    askTenantUsers(l, 11);
    assert.equal(takeTenantUsers(l, 10, USERS.slice(0, 1)), false);
    assert.equal(l.tenantUsers, undefined);
    assert.equal(takeTenantUsers(l, 11, USERS), true);
    assert.deepEqual(values(candidatesFor(row({ type: '2' }), l)), ['2001', '2002']);
    assert.equal(takeTenantUsers(l, 11, []), false, 'answered once');
    assert.equal(tenantUsersUnasked(l), false);
  });

  it('the member list: a failure of the pending request shows; one of an earlier request does not; it is not asked again by itself', () => {
    const l = emptyLookups();
    askTenantUsers(l, 20);
    assert.equal(lookupFailed(l, 'tenantUsers', 19, 'late'), false);
    assert.deepEqual(candidatesFor(row({ type: '1' }), l), { kind: 'loading' });
    assert.equal(lookupFailed(l, 'tenantUsers', 20, 'Throttling'), true);
    assert.deepEqual(candidatesFor(row({ type: '1' }), l), { kind: 'failed', message: 'Throttling' });
    assert.equal(tenantUsersUnasked(l), false);
    askTenantUsers(l, 21);
    assert.equal(takeTenantUsers(l, 21, USERS), true);
  });

  it('roles, per project: stale answers ignored, a refresh forgets the known roles, a failure marks its project only', () => {
    const l = emptyLookups();
    assert.equal(rolesUnasked(l, 'p1'), true);
    askRoles(l, 'p1', 30, false);
    askRoles(l, 'p2', 31, false);
    assert.equal(rolesUnasked(l, 'p1'), false);
    assert.equal(takeRoles(l, 'p1', 31, ['wrong']), false);
    assert.equal(takeRoles(l, 'p1', 30, ['r1']), true);
    assert.deepEqual(values(candidatesFor(row({ type: '3', projectName: 'p1' }), l)), ['r1']);
    askRoles(l, 'p1', 32, true);
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p1' }), l), { kind: 'loading' });
    assert.equal(lookupFailed(l, 'maxComputeRoles', 99, 'x'), false);
    assert.equal(lookupFailed(l, 'maxComputeRoles', 31, 'NoPermission'), true);
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p2' }), l), { kind: 'failed', message: 'NoPermission' });
    assert.deepEqual(candidatesFor(row({ type: '3', projectName: 'p1' }), l), { kind: 'loading' });
  });
});
