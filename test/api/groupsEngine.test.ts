// The groups-as-code engine with the real API layer against the emulator over HTTP: export then plan is empty, and
// a failed batch leaves a state whose next plan is exactly the rest.
import { strict as assert } from 'node:assert';
import { applyPlan } from '../../src/services/groupsApply';
import { exportGroupsFile } from '../../src/services/groupsExport';
import { planGroups } from '../../src/services/groupsPlan';
import { readGroupsSnapshot } from '../../src/services/groupsSnapshot';
import type { DesiredGroup, GroupsFile } from '../../src/shared/groupsFile';
import { parseGroupsFile } from '../../src/shared/groupsFileText';
import { startEmulator, type RunningEmulator } from '../emulator';
import { serviceFor } from '../support/emulatorService';

const REGION = 'cn-shanghai';
const PROJECTS = ['sales_dw', 'finance_mc'];

describe('groups as code against the emulator', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ seed: 'demo' }); });
  after(async () => { await emu.close(); });

  it('export then plan is empty; a failed batch leaves exactly the rest for the next plan', async () => {
    const service = serviceFor(emu);
    const snapshot = await readGroupsSnapshot(service, REGION, { projectCandidates: PROJECTS });
    assert.equal(snapshot.filtersApplied, true);
    const parsed = parseGroupsFile(exportGroupsFile(snapshot, REGION));
    assert.deepEqual(parsed.problems, []);
    const exported = parsed.value as GroupsFile;
    assert.deepEqual(planGroups(exported, snapshot).batches, []);

    const extra = Array.from({ length: 30 }, (_, i): DesiredGroup => ({ name: `gac_${String(i).padStart(2, '0')}`, owner: 'alice', type: 1, accounts: ['user:bob'] }));
    const file: GroupsFile = { ...exported, groups: [...exported.groups, ...extra] };
    const plan = planGroups(file, snapshot);
    assert.equal(plan.batches.length, 2);
    const r = await applyPlan(plan, service, {
      onBatch: (done) => { if (done === 1) emu.setFaults({ serverErrorNext: 10, actions: ['DsgUserGroupAddOrUpdate'] }); },
    });
    emu.clearFaults();
    assert.equal(r.outcome, 'failed');
    assert.deepEqual([r.applied.length, r.notApplied.length + r.unknown.length], [20, 10]);
    const next = planGroups(file, await readGroupsSnapshot(service, REGION, { projectCandidates: PROJECTS }));
    assert.deepEqual(next.changes.filter((c) => c.kind === 'create').map((c) => c.name), [...r.notApplied, ...r.unknown].sort());
    const done = await applyPlan(next, service);
    assert.equal(done.outcome, 'done');
    assert.deepEqual(planGroups(file, await readGroupsSnapshot(service, REGION, { projectCandidates: PROJECTS })).batches, []);
  });
});
