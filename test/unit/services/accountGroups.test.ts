import * as assert from 'node:assert/strict';
import type { TenantUser, UserGroup } from '../../../src/api';
import { accountKeys, groupsContainingAccount } from '../../../src/services/accountGroups';

const group = (id: number, accounts: string[]): UserGroup =>
  ({ id, name: `g${id}`, owner: 'user:acme_data', accounts, createdTime: '', modifiedTime: '' });

describe('accountGroups', () => {
  const groups = [group(1, ['user:alice', 'user:bob']), group(2, ['role:alice']), group(3, ['alice_role']), group(4, ['user:Alice'])];

  it('finds a bare name in its user: and role: forms, exactly', () => {
    assert.deepEqual(groupsContainingAccount(groups, 'alice').map((g) => g.id), [1, 2]);
  });

  it('finds a prefixed account by that value and by its bare name', () => {
    assert.deepEqual(groupsContainingAccount(groups, 'user:bob').map((g) => g.id), [1]);
    assert.deepEqual([...accountKeys('user:bob')].sort(), ['bob', 'user:bob']);
  });

  it('matches a tenant user by yunAccount and accountName', () => {
    const u: TenantUser = { accountName: 'alice_role', accountType: 6, baseId: '3', parentAccountId: '1', yunAccount: 'role:alice_role' };
    assert.deepEqual(groupsContainingAccount(groups, u).map((g) => g.id), [3]);
  });

  it('is case-sensitive and finds nothing for blank input', () => {
    assert.deepEqual(groupsContainingAccount(groups, 'Alice').map((g) => g.id), [4]);
    assert.deepEqual(groupsContainingAccount(groups, '   '), []);
  });
});
