import assert from 'node:assert/strict';
import type { ListUserGroupsRequest, UserGroupInput, WriteResult } from '../../../src/api/dataWorksService';
import type { Page, UserGroup } from '../../../src/api/types';
import { UserGroupController, type UgTexts, type UserGroupTarget } from '../../../src/forms/userGroup';
import type { UgToWebview } from '../../../src/shared/protocol';
import type { RawUserGroupRow, RawUserGroups } from '../../../src/shared/schemas';
import { FakeDataWorksService, userGroup, workspace } from '../fakes/fakeDataWorksService';
import { TestDataWorksError, deferred, fakeForm, settle } from '../fakes/fakeFormEnv';

const texts: UgTexts = {
  groupNotFound: (id) => `group ${id} not found`,
  typeLabel: (type) => `type ${type}`,
  saved: (names) => `saved ${names}`,
  saveFailed: (line) => `save failed: ${line}`,
  nameTakenBy: (id) => `taken by ${id}`,
  projectNotListed: (p) => `not under ${p}`,
};

/**
 * A server whose list items carry neither type nor project (as every SDK model), filtering on what it knows; it
 * may ignore the type filter. Saving applies the write, new groups get IDs from 100.
 */
class KindHidingService extends FakeDataWorksService {
  ignoreTypeFilter = false;

  override async listUserGroups(req: ListUserGroupsRequest): Promise<Page<UserGroup>> {
    const page = await super.listUserGroups(this.ignoreTypeFilter ? { ...req, type: undefined } : req);
    return { ...page, items: page.items.map(({ type: _t, projectName: _p, ...g }) => g) };
  }

  override async saveUserGroups(groups: readonly UserGroupInput[]): Promise<WriteResult> {
    const res = await super.saveUserGroups(groups);
    for (const g of groups) {
      const id = g.id ?? 100 + this.userGroups.length;
      this.userGroups = [...this.userGroups.filter((x) => x.id !== id), { ...userGroup(id, g.name, g.accounts), owner: g.owner, type: g.type, projectName: g.projectName }];
    }
    return res;
  }
}

const row = (over: Partial<RawUserGroupRow> = {}): RawUserGroupRow => ({ name: 'g7', owner: 'owner', type: '2', projectName: '', accounts: ['user:a'], ...over });
const raw = (...rows: RawUserGroupRow[]): RawUserGroups => ({ rows });

function setup(target: Omit<UserGroupTarget, 'region'>, prepare: (s: KindHidingService) => void = () => undefined) {
  const service = new KindHidingService();
  service.workspaces = [workspace(1, 'ws_1')];
  service.userGroups = [{ ...userGroup(7, 'g7', ['user:a']), type: 2 }, { ...userGroup(8, 'taken', []), type: 1 }];
  prepare(service);
  const form = fakeForm<UgToWebview, RawUserGroups, UgTexts>(service, texts);
  const ctl = new UserGroupController(form.env, { region: service.region, ...target });
  ctl.start();
  return { service, form, ctl };
}

/** The group 7 as the tree listed it (no type: the list does not say). */
const listed = (): UserGroup => ({ ...userGroup(7, 'g7', ['user:a']), type: undefined });

describe('forms: user group controller', () => {
  it('lookups: answered by seq in any order; roles per project, shared until a refresh; a bad project asks nothing', async () => {
    const { service, form, ctl } = setup({});
    const slow = deferred();
    service.gates.set('listTenantUsers', slow.promise);
    const users = ctl.handle({ type: 'loadTenantUsers', seq: 1, refresh: false });
    await ctl.handle({ type: 'loadMaxComputeRoles', seq: 2, projectName: 'sales', refresh: false });
    await ctl.handle({ type: 'loadMaxComputeRoles', seq: 3, projectName: 'sales', refresh: false });
    await ctl.handle({ type: 'loadMaxComputeRoles', seq: 4, projectName: '1bad', refresh: false });
    slow.release();
    await users;
    assert.deepEqual(form.rec.posts.map((p) => [p.type, 'seq' in p && p.seq]), [['maxComputeRoles', 2], ['maxComputeRoles', 3], ['tenantUsers', 1]]);
    assert.equal(service.count('listMaxComputeRoles'), 1);
    service.fail.set('listMaxComputeRoles', new TestDataWorksError('ODPS-0420095', 'no such project'));
    await ctl.handle({ type: 'loadMaxComputeRoles', seq: 5, projectName: 'sales', refresh: true });
    assert.deepEqual(form.of('lookupFailed').map((p) => [p.seq, p.lookup, p.forbidden]), [[5, 'maxComputeRoles', false]]);
  });

  it('adding: a name another group has is refused with its ID, on leaving the box and at submit; nothing is saved', async () => {
    const { service, form, ctl } = setup({});
    await ctl.handle({ type: 'checkName', seq: 1, row: 0, name: 'taken' });
    assert.deepEqual(form.of('nameCheck'), [{ type: 'nameCheck', seq: 1, row: 0, name: 'taken', existingId: 8 }]);
    await ctl.handle({ type: 'submit', values: raw(row({ name: 'fresh' }), row({ name: 'taken' })) });
    assert.deepEqual(form.of('fieldErrors').at(-1)?.errors, [{ path: 'groups.1.name', text: 'taken by 8' }]);
    assert.equal(service.count('saveUserGroups'), 0);
    assert.equal(ctl.init().phase, 'edit');
  });

  it('adding: saves, finds the new groups\' IDs, remembers their kinds and tells the tree', async () => {
    const { service, form, ctl } = setup({});
    assert.equal(ctl.init().mode, 'add');
    await ctl.handle({ type: 'submit', values: raw(row({ name: 'n1', type: '3', projectName: 'sales' })) });
    assert.equal(service.count('saveUserGroups'), 1);
    const result = form.of('result')[0]?.result;
    assert.deepEqual(result, { outcome: 'success', requestId: 'REQ-S', groups: [{ name: 'n1', id: 102 }] });
    assert.deepEqual(form.rec.remembered, [{ id: 102, kind: { type: 3, projectName: 'sales' } }]);
    assert.deepEqual(form.rec.writes, [{ kind: 'userGroupsSaved', region: 'cn-shanghai', ids: [102] }]);
    await ctl.handle({ type: 'copyId', index: 0 });
    await ctl.handle({ type: 'revealInTree', index: 0 });
    await ctl.handle({ type: 'copyId', index: 5 });
    assert.deepEqual(form.rec.copies, [{ text: '102', announce: true }]);
    assert.deepEqual(form.rec.reveals, [{ kind: 'userGroup', region: 'cn-shanghai', name: 'n1', id: 102 }]);
  });

  it('editing from the tree: the type asked of the server, the review\'s before/after, the update of that ID only', async () => {
    const { service, form, ctl } = setup({ group: listed() });
    assert.equal(ctl.init().kind, 'resolving');
    await settle();
    assert.deepEqual(form.of('groupKind'), [{ type: 'groupKind', state: 'known', groupType: 2 }]);
    assert.equal(ctl.init().prefill.rows[0]?.type, '2');
    // Editing sends one row: more is refused.
    await ctl.handle({ type: 'review', values: raw(row(), row({ name: 'other' })) });
    assert.deepEqual(form.of('fieldErrors').at(-1)?.errors, [{ path: 'groups', code: 'invalid' }]);
    await ctl.handle({ type: 'review', values: raw(row({ owner: 'bob', accounts: ['user:b'] })) });
    const diff = form.of('review')[0]?.diff;
    assert.deepEqual(diff?.rows.find((r) => r.field === 'owner'), { field: 'owner', before: 'owner', after: 'bob' });
    assert.deepEqual(diff?.rows.find((r) => r.field === 'type'), { field: 'type', before: 'type 2', after: 'type 2' });
    assert.deepEqual([diff?.added, diff?.removed], [['user:b'], ['user:a']]);
    await ctl.handle({ type: 'submit', values: raw(row({ owner: 'bob' })) });
    assert.deepEqual((service.calls.find((c) => c.method === 'saveUserGroups')?.args as UserGroupInput[]).map((g) => g.id), [7]);
    assert.deepEqual(form.of('result')[0]?.result, { outcome: 'success', requestId: 'REQ-S', groups: [{ name: 'g7', id: 7 }] });
  });

  it('a restored form saves nothing before its group is loaded again, then saves that group', async () => {
    const hold = deferred();
    const { service, form, ctl } = setup({ groupRef: { id: 7, name: 'g7' } }, (s) => s.gates.set('listUserGroups', hold.promise));
    assert.equal(ctl.init().mode, 'edit');
    assert.equal(ctl.init().kind, 'resolving');
    await ctl.handle({ type: 'review', values: raw(row()) });
    await ctl.handle({ type: 'submit', values: raw(row()) });
    assert.deepEqual(form.of('fieldErrors').map((m) => m.errors), [[{ path: '', code: 'groupNotLoaded' }], [{ path: '', code: 'groupNotLoaded' }]]);
    assert.equal(form.of('review').length, 0);
    assert.equal(service.count('saveUserGroups'), 0);
    hold.release();
    service.gates.delete('listUserGroups');
    await settle();
    await settle();
    assert.deepEqual(form.of('groupKind').at(-1), { type: 'groupKind', state: 'known', groupType: 2 });
    assert.equal(ctl.init().prefill.rows[0]?.name, 'g7');
    await ctl.handle({ type: 'submit', values: raw(row({ owner: 'carol' })) });
    assert.equal(service.count('saveUserGroups'), 1);
    assert.equal((service.calls.find((c) => c.method === 'saveUserGroups')?.args as UserGroupInput[])[0]?.id, 7);
  });

  it('a restored form whose group was deleted meanwhile says so and can never save', async () => {
    const { service, form, ctl } = setup({ groupRef: { id: 99, name: 'gone' } });
    await settle();
    await settle();
    assert.deepEqual(form.of('fieldErrors')[0]?.errors, [{ path: '', text: 'group 99 not found' }]);
    assert.deepEqual(form.of('groupKind'), [{ type: 'groupKind', state: 'unknown' }]);
    assert.equal(ctl.init().kind, 'unknown');
    await ctl.handle({ type: 'submit', values: raw(row({ name: 'gone' })) });
    assert.deepEqual(form.of('fieldErrors').at(-1)?.errors, [{ path: '', code: 'groupNotLoaded' }]);
    assert.equal(service.count('saveUserGroups'), 0);
  });

  it('a type the server\'s answers do not settle stays unselected, and nothing is saved until the user picks one', async () => {
    const { service, form, ctl } = setup({ group: listed() }, (s) => (s.ignoreTypeFilter = true));
    await settle();
    await settle();
    assert.deepEqual(form.of('groupKind'), [{ type: 'groupKind', state: 'unknown' }]);
    const prefill = ctl.init().prefill;
    assert.equal(prefill.rows[0]?.type, '');
    await ctl.handle({ type: 'submit', values: prefill });
    assert.deepEqual(form.of('fieldErrors').at(-1)?.errors.map((e) => [e.path, e.code]), [['groups.0.type', 'typeRequired']]);
    assert.equal(service.count('saveUserGroups'), 0);
    await ctl.handle({ type: 'review', values: raw(row({ type: '1' })) });
    assert.equal(form.of('review')[0]?.diff?.rows.find((r) => r.field === 'type')?.before, '?');
    await ctl.handle({ type: 'submit', values: raw(row({ type: '1' })) });
    assert.equal(service.count('saveUserGroups'), 1);
    assert.equal(ctl.init().kind, 'known', 'what was written is known');
  });

  it('a MaxCompute-role group of unknown project: a project the server does not list the group under is refused', async () => {
    const { service, form, ctl } = setup({ group: listed() }, (s) => {
      s.userGroups = [{ ...userGroup(7, 'g7', ['user:a']), type: 3, projectName: 'real_proj' }];
    });
    await settle();
    await settle();
    assert.deepEqual(form.of('groupKind'), [{ type: 'groupKind', state: 'known', groupType: 3 }]);
    await ctl.handle({ type: 'submit', values: raw(row({ type: '3', projectName: 'other_proj' })) });
    assert.deepEqual(form.of('fieldErrors').at(-1)?.errors, [{ path: 'groups.0.projectName', text: 'not under other_proj' }]);
    assert.equal(service.count('saveUserGroups'), 0);
    await ctl.handle({ type: 'submit', values: raw(row({ type: '3', projectName: 'real_proj' })) });
    assert.equal(service.count('saveUserGroups'), 1);
    assert.deepEqual(form.rec.remembered, [{ id: 7, kind: { type: 3, projectName: 'real_proj' } }]);
  });

  it('a failed save: the error on the form and on the field the server named, back in edit; closed: a warning', async () => {
    const { service, form, ctl } = setup({});
    service.fail.set('saveUserGroups', new TestDataWorksError('USERACCOUNT.OWNER.ERROR', 'owner nobody is not valid', { field: 'owner' }));
    await ctl.handle({ type: 'submit', values: raw(row({ name: 'n1', owner: 'nobody' })) });
    const result = form.of('result')[0]?.result;
    assert.ok(result?.outcome === 'error');
    assert.deepEqual(result.errors.map((e) => e.path), ['groups.0.owner']);
    assert.equal(ctl.init().phase, 'edit');
    const hold = deferred();
    service.gates.set('saveUserGroups', hold.promise);
    const again = ctl.handle({ type: 'submit', values: raw(row({ name: 'n1', owner: 'nobody' })) });
    await settle();
    await ctl.handle({ type: 'submit', values: raw(row({ name: 'n1', owner: 'nobody' })) });
    form.close();
    hold.release();
    await again;
    assert.equal(service.count('saveUserGroups'), 2, 'one submission at a time');
    assert.deepEqual(form.rec.notices, [{ severity: 'warning', text: 'save failed: owner nobody is not valid [USERACCOUNT.OWNER.ERROR] (request ID REQ-E)' }]);
  });
});
