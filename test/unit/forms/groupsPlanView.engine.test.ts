import { strict as assert } from 'node:assert';
import { applyPlan } from '../../../src/services/groupsApply';
import { fileProjects, planGroups, type GroupsPlan } from '../../../src/services/groupsPlan';
import { finishedState, toPlanView } from '../../../src/forms/groupsPlanView';
import { readGroupsSnapshot } from '../../../src/services/groupsSnapshot';
import type { DesiredGroup, GroupsFile } from '../../../src/shared/groupsFile';
import { planViewSchema } from '../../../src/shared/groupsPlanProtocol';
import type { Translate } from '../../../src/util/translate';
import { FakeDsgTenant } from '../fakes/fakeDsgTenant';

const REGION = 'cn-shanghai';
const t: Translate = (m, ...a) => m.replace(/\{(\d)\}/g, (_, i: string) => String(a[Number(i)]));

async function planFor(tenant: FakeDsgTenant, f: GroupsFile): Promise<GroupsPlan> {
  return planGroups(f, await readGroupsSnapshot(tenant, REGION, { projectCandidates: fileProjects(f) }));
}

function tenant(honoursType = true): FakeDsgTenant {
  const x = new FakeDsgTenant(REGION);
  x.honoursType = honoursType;
  x.add({ name: 'keep', owner: 'o', type: 1, projectName: '', accounts: ['a'] });
  x.add({ name: 'grow', owner: 'o', type: 1, projectName: '', accounts: ['a'] });
  x.add({ name: 'stray', owner: 'o', type: 2, projectName: '', accounts: ['r'] });
  return x;
}
const wanted: DesiredGroup[] = [
  { name: 'keep', owner: 'o', type: 1, accounts: ['a'] },
  { name: 'grow', owner: 'o', type: 2, accounts: ['a', 'b'] },
  { name: 'new', owner: 'o', type: 3, projectName: 'mc', accounts: ['role'] },
];
const view = (p: GroupsPlan) => planViewSchema.parse(toPlanView(p, { planId: 'p-1', fileName: 'team.dwgroups.json', profile: 'default', createdAt: 0 }, t));

describe('groups as code: the plan page view', () => {
  it('maps every change to a row the page protocol accepts', async () => {
    const v = view(await planFor(tenant(), { region: REGION, prune: true, groups: wanted }));
    assert.deepEqual(v.rows.map((r) => [r.name, r.action, r.writes]), [['grow', 'update', true], ['keep', 'unchanged', false], ['new', 'create', true], ['stray', 'delete', true]]);
    assert.deepEqual(v.rows[0]?.fields, [{ field: 'type', before: 'Alibaba Cloud account', after: 'RAM role' }]);
    assert.equal(v.rows[0]?.converts, true);
    assert.deepEqual(v.requests.map((r) => [r.action, r.names]), [['DsgUserGroupAddOrUpdate', ['grow']], ['DsgUserGroupAddOrUpdate', ['new']], ['DsgUserGroupDelete', ['stray']]]);
    assert.equal(v.requests[2]?.parameters, 'Ids=[3]');
    assert.deepEqual(v.apply.batches, ['pending', 'pending', 'pending']);
  });

  it('shows an unknown type as unknown with the server\'s reason, never as unchanged', async () => {
    const v = view(await planFor(tenant(false), { region: REGION, groups: wanted }));
    const keep = v.rows.find((r) => r.name === 'keep');
    assert.deepEqual([keep?.action, keep?.writes], ['unknown', false]);
    assert.match(keep?.note ?? '', /does not apply the type filter.*cannot be shown as unchanged/);
    const grow = v.rows.find((r) => r.name === 'grow');
    assert.deepEqual(grow?.fields, [{ field: 'type', after: 'RAM role', unknown: true }]);
  });

  it('maps an apply result to batch states', async () => {
    const x = tenant();
    x.writeFaults.set(1, 'before');
    const p = await planFor(x, { region: REGION, prune: true, groups: wanted });
    const s = finishedState(p, await applyPlan(p, x));
    assert.deepEqual([s.phase, s.batches, s.applied, s.notApplied, s.unknown], ['failed', ['done', 'failed', 'skipped'], ['grow'], ['new', 'stray'], []]);
    const y = tenant();
    y.writeFaults.set(0, 'after');
    const q = await planFor(y, { region: REGION, groups: wanted });
    // Written, then the answer was lost: the read-back shows it landed, so its batch is done; the apply stopped there.
    const u = finishedState(q, await applyPlan(q, y));
    assert.deepEqual([u.phase, u.batches, u.applied], ['failed', ['done', 'skipped'], ['grow']]);
  });
});
