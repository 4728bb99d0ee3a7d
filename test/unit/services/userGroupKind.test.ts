import { strict as assert } from 'node:assert';
import type { ListUserGroupsRequest } from '../../../src/api/dataWorksService';
import type { Page, UserGroup, UserGroupType } from '../../../src/api/types';
import {
  checkGroupProject, editPrefill, GroupKindCache, kindFromList, MAX_PROJECT_CANDIDATES, PROBE_PROJECT, resolveGroupKind, userGroupTypeLabel, type KindLookup,
} from '../../../src/services/userGroupKind';
import { checkUserGroups } from '../../../src/shared/schemas';

interface ServerGroup { id: number; name: string; type: UserGroupType; projectName: string; modifiedTime: string }

/**
 * A list API as the SDK models describe it: items without type or project. Whether it applies the type and project
 * filters is what the real service leaves open, so both are switches.
 */
class SdkShapedList implements KindLookup {
  readonly requests: ListUserGroupsRequest[] = [];
  honoursType = true;
  honoursProject = true;

  constructor(readonly groups: ServerGroup[]) {}

  listUserGroups(req: ListUserGroupsRequest): Promise<Page<UserGroup>> {
    this.requests.push(req);
    const all = this.groups.filter((g) => (!req.name || g.name.includes(req.name))
      && (!this.honoursType || req.type === undefined || g.type === req.type)
      && (!this.honoursProject || !req.projectName || g.projectName === req.projectName));
    const start = (req.pageNumber - 1) * req.pageSize;
    const items = all.slice(start, start + req.pageSize).map((g) => ({
      id: g.id, name: g.name, owner: 'o', accounts: [], createdTime: '', modifiedTime: g.modifiedTime,
    }));
    return Promise.resolve({ items, pageNumber: req.pageNumber, pageSize: req.pageSize, totalCount: all.length });
  }
}

const listed = (g: ServerGroup): UserGroup => ({ id: g.id, name: g.name, owner: 'o', accounts: [], createdTime: '', modifiedTime: g.modifiedTime });

const tenant = (): ServerGroup[] => [
  { id: 1, name: 'analysts', type: 1, projectName: '', modifiedTime: 't1' },
  { id: 2, name: 'etl_roles', type: 2, projectName: '', modifiedTime: 't2' },
  { id: 3, name: 'mc_readers', type: 3, projectName: 'finance_mc', modifiedTime: 't3' },
  // Same name prefix in another project and type: the name filter is a substring match.
  { id: 4, name: 'mc_readers_sales', type: 3, projectName: 'sales_dw', modifiedTime: 't4' },
  { id: 5, name: 'analysts_2', type: 2, projectName: '', modifiedTime: 't5' },
];

describe('user group kind: type and project from the server, never guessed', () => {
  const candidates = (...names: string[]) => () => Promise.resolve(names);

  it('settles each type by the one type filter that lists the group', async () => {
    const server = new SdkShapedList(tenant());
    for (const g of server.groups.filter((x) => x.type !== 3)) {
      const kind = await resolveGroupKind(server, listed(g), candidates());
      assert.deepEqual(kind, { type: g.type }, g.name);
    }
  });

  it('settles a MaxCompute role group and its project among the candidates', async () => {
    const server = new SdkShapedList(tenant());
    const g = server.groups[2] as ServerGroup;
    const kind = await resolveGroupKind(server, listed(g), candidates('sales_dw', 'finance_mc', 'other'));
    assert.deepEqual(kind, { type: 3, projectName: 'finance_mc' });
    // The probe came first, then one search per candidate, all filtered by type 3.
    const projectSearches = server.requests.filter((r) => r.projectName !== undefined);
    assert.equal(projectSearches[0]?.projectName, PROBE_PROJECT);
    assert.deepEqual(projectSearches.slice(1).map((r) => r.projectName), ['sales_dw', 'finance_mc', 'other']);
    assert.ok(projectSearches.every((r) => r.type === 3 && r.name === 'mc_readers'));
  });

  it('leaves the type unknown when the server ignores the type filter', async () => {
    const server = new SdkShapedList(tenant());
    server.honoursType = false;
    const kind = await resolveGroupKind(server, listed(server.groups[0] as ServerGroup), candidates());
    assert.equal(kind.type, undefined);
    assert.match(kind.note ?? '', /not applied/);
  });

  it('leaves the type unknown when no type filter lists the group', async () => {
    const server = new SdkShapedList(tenant());
    // The group was deleted (or renamed) since the tree listed it.
    const kind = await resolveGroupKind(server, { ...listed(server.groups[0] as ServerGroup), id: 99 }, candidates());
    assert.equal(kind.type, undefined);
  });

  it('leaves the project unknown when the server ignores the project filter (the probe lists the group)', async () => {
    const server = new SdkShapedList(tenant());
    server.honoursProject = false;
    const kind = await resolveGroupKind(server, listed(server.groups[2] as ServerGroup), candidates('sales_dw', 'finance_mc'));
    assert.deepEqual({ type: kind.type, projectName: kind.projectName }, { type: 3, projectName: undefined });
    // No candidate was asked: the probe already showed the filter says nothing.
    assert.ok(!server.requests.some((r) => r.projectName === 'sales_dw'));
  });

  it('leaves the project unknown when no candidate lists the group, and asks at most the cap', async () => {
    const server = new SdkShapedList(tenant());
    const many = Array.from({ length: MAX_PROJECT_CANDIDATES + 10 }, (_, i) => `p${i}`);
    const kind = await resolveGroupKind(server, listed(server.groups[2] as ServerGroup), () => Promise.resolve(many));
    assert.equal(kind.type, 3);
    assert.equal(kind.projectName, undefined);
    assert.equal(server.requests.filter((r) => r.projectName?.startsWith('p')).length, MAX_PROJECT_CANDIDATES);
  });

  it('finds the group past the first page of a fuzzy name search', async () => {
    const groups: ServerGroup[] = Array.from({ length: 250 }, (_, i) => ({ id: 100 + i, name: `team_${i}`, type: 1, projectName: '', modifiedTime: '' }));
    groups.push({ id: 999, name: 'team', type: 2, projectName: '', modifiedTime: '' });
    const server = new SdkShapedList(groups);
    server.honoursType = false;
    // With the filter ignored, every type lists it (on page 3): unknown, but only after reading that far.
    assert.equal((await resolveGroupKind(server, listed(groups[250] as ServerGroup), candidates())).type, undefined);
    server.honoursType = true;
    assert.deepEqual(await resolveGroupKind(server, listed(groups[250] as ServerGroup), candidates()), { type: 2 });
  });

  it('uses what a list item says when it says enough, with no call', async () => {
    const server = new SdkShapedList(tenant());
    const item: UserGroup = { ...listed(server.groups[2] as ServerGroup), type: 3, projectName: 'finance_mc' };
    assert.deepEqual(await resolveGroupKind(server, item, candidates()), { type: 3, projectName: 'finance_mc' });
    assert.equal(server.requests.length, 0);
    assert.equal(kindFromList({ ...item, projectName: undefined }), undefined, 'type 3 without a project is not enough');
  });

  it('a failing search fails the resolution (the caller shows the type as unknown)', async () => {
    const server: KindLookup = { listUserGroups: () => Promise.reject(new Error('Throttling')) };
    await assert.rejects(resolveGroupKind(server, listed(tenant()[0] as ServerGroup), candidates()), /Throttling/);
  });
});

describe('checkGroupProject: a project the user entered, confirmed by the server', () => {
  it('says listed, not listed, or unverifiable when the filter is not applied', async () => {
    const server = new SdkShapedList(tenant());
    const g = listed(server.groups[2] as ServerGroup);
    assert.equal(await checkGroupProject(server, g, 'finance_mc'), 'listed');
    assert.equal(await checkGroupProject(server, g, 'sales_dw'), 'not-listed');
    server.honoursProject = false;
    assert.equal(await checkGroupProject(server, g, 'sales_dw'), 'unverifiable');
  });
});

describe('editPrefill', () => {
  const g: UserGroup = { id: 3, name: 'mc_readers', owner: 'o', accounts: ['finance_reader'], createdTime: '', modifiedTime: '' };

  it('selects no type and no project while they are unknown, so the form cannot be saved as is', () => {
    const row = editPrefill(g, undefined).rows[0];
    assert.equal(row?.type, '');
    assert.equal(row?.projectName, '');
    assert.equal(checkUserGroups(editPrefill(g, { note: 'x' }), [3]).ok, false);
    const type3 = editPrefill(g, { type: 3 }).rows[0];
    assert.deepEqual([type3?.type, type3?.projectName], ['3', ''], 'type 3 with its project unknown');
  });

  it('fills in what was settled', () => {
    assert.deepEqual(editPrefill(g, { type: 3, projectName: 'finance_mc' }).rows, [
      { name: 'mc_readers', owner: 'o', type: '3', projectName: 'finance_mc', accounts: ['finance_reader'] },
    ]);
    assert.equal(editPrefill(g, { type: 2, projectName: 'ignored' }).rows[0]?.projectName, '');
  });
});

describe('GroupKindCache', () => {
  it('holds a kind per profile, region and group while the modification time and lifetime hold', () => {
    let now = 0;
    const cache = new GroupKindCache(() => 1000, () => now);
    const g: UserGroup = { id: 7, name: 'g', owner: 'o', accounts: [], createdTime: '', modifiedTime: 'm1' };
    cache.set('p', 'cn-shanghai', 7, { type: 2 }, 'm1');
    assert.deepEqual(cache.get('p', 'cn-shanghai', g), { type: 2 });
    assert.equal(cache.get('q', 'cn-shanghai', g), undefined, 'another profile');
    assert.equal(cache.get('p', 'cn-hangzhou', g), undefined, 'another region');
    assert.equal(cache.get('p', 'cn-shanghai', { ...g, modifiedTime: 'm2' }), undefined, 'changed since');
    now = 1001;
    assert.equal(cache.get('p', 'cn-shanghai', g), undefined, 'expired');
  });

  it('a kind we wrote holds whatever modification time the server then reports, and unknown kinds are not kept', () => {
    const cache = new GroupKindCache(() => 1000, () => 0);
    const g: UserGroup = { id: 7, name: 'g', owner: 'o', accounts: [], createdTime: '', modifiedTime: 'later' };
    cache.set('p', 'r', 7, { type: 3, projectName: 'finance_mc' });
    assert.deepEqual(cache.get('p', 'r', g), { type: 3, projectName: 'finance_mc' });
    cache.set('p', 'r', 8, { note: 'unknown' });
    assert.equal(cache.get('p', 'r', { ...g, id: 8 }), undefined);
    cache.clear('p');
    assert.equal(cache.get('p', 'r', g), undefined);
  });
});

describe('userGroupKind: the type labels', () => {
  it('names each type once, through the caller\'s translation', () => {
    const t = (message: string): string => `[${message}]`;
    assert.deepEqual(([1, 2, 3] as const).map((type) => userGroupTypeLabel(type, t)), ['[Alibaba Cloud account]', '[RAM role]', '[MaxCompute role]']);
  });
});
