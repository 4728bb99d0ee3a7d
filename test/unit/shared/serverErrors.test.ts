import assert from 'node:assert/strict';
import { serverFieldErrors } from '../../../src/shared/serverErrors';
import type { RawUserGroupRow } from '../../../src/shared/schemas';

const T = { message: 'T' };
const row = (name: string, owner: string, accounts: string[] = ['user:a']): RawUserGroupRow => ({ name, owner, type: '1', projectName: '', accounts });

describe('server errors on user group rows', () => {
  it('one row: the field of that row', () => {
    assert.deepEqual(serverFieldErrors('owner', 'User list or owner user does not exist.', { rows: [row('g', 'alice')] }, T),
      [{ path: 'groups.0.owner', text: 'T' }]);
  });
  it('several rows: the row whose value the server quotes', () => {
    const raw = { rows: [row('g1', 'alice'), row('g2', 'ghost'), row('g3', 'bob')] };
    assert.deepEqual(serverFieldErrors('owner', 'owner ghost does not exist', raw, T), [{ path: 'groups.1.owner', text: 'T' }]);
    assert.deepEqual(serverFieldErrors('accounts', 'account user:zz unknown', { rows: [row('a', 'o', ['user:x']), row('b', 'o', ['user:zz'])] }, T),
      [{ path: 'groups.1.accounts', text: 'T' }]);
  });
  it('several rows, nothing quoted: every row, since one of them is wrong', () => {
    const raw = { rows: [row('g1', 'alice'), row('g2', 'bob')] };
    assert.deepEqual(serverFieldErrors('owner', 'User list or owner user does not exist.', raw, T).map((e) => e.path), ['groups.0.owner', 'groups.1.owner']);
  });
  it('an error about the group ID lands on the name; unknown fields nowhere', () => {
    assert.deepEqual(serverFieldErrors('id', 'x', { rows: [row('g', 'o')] }, T), [{ path: 'groups.0.name', text: 'T' }]);
    assert.deepEqual(serverFieldErrors('apiGatewayGroupId', 'x', { rows: [row('g', 'o')] }, T), []);
  });
});
