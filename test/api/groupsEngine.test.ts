// The groups-as-code engine with the real API layer against the emulator over HTTP: export then plan is empty, and
// a failed batch leaves a state whose next plan is exactly the rest; and the engine's properties, each run on a fresh
// demo tenant.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyPlan, StalePlan } from '../../src/services/groupsApply';
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

describe('groups as code against the emulator: properties', function () {
  this.timeout(120_000);
  // Names of the demo tenant (so files update and keep some) and new ones (so they create); types 1 and 2 only:
  // their accounts are tenant accounts the emulator knows.
  const NAMES = ['yun_group', 'sales_analysts', 'auditors', 'contractors', 'etl_roles', 'bi_roles', 'prop_a', 'prop_b', 'prop_c'];
  const groupArb = fc.oneof(
    fc.record({ owner: fc.constantFrom('alice', 'bob', 'acme_data'), type: fc.constant<1>(1), accounts: fc.subarray(['user:alice', 'user:bob', 'user:carol', 'user:erin'], { minLength: 1 }) }),
    fc.record({ owner: fc.constantFrom('alice', 'dave'), type: fc.constant<2>(2), accounts: fc.subarray(['role:dataworks_etl_role', 'role:bi_readonly_role'], { minLength: 1 }) }),
  );
  const fileArb = fc.record({
    groups: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), groupArb), { selector: ([n]) => n, maxLength: 8 }),
    prune: fc.boolean(),
    intruder: fc.constantFrom(...NAMES),
  });

  it('apply(plan(file)) then plan is empty; no delete without prune; a stale plan writes nothing', async () => {
    await fc.assert(fc.asyncProperty(fileArb, async ({ groups, prune, intruder }) => {
      const emu = await startEmulator({ seed: 'demo' });
      try {
        const service = serviceFor(emu);
        const read = () => readGroupsSnapshot(service, REGION, { projectCandidates: PROJECTS });
        const file: GroupsFile = { region: REGION, prune, groups: groups.map(([name, g]): DesiredGroup => ({ name, ...g })) };
        const writes = (): number => (emu.counts().DsgUserGroupAddOrUpdate ?? 0) + (emu.counts().DsgUserGroupDelete ?? 0);

        // A stale plan: someone changes a group between plan and apply; nothing is written.
        const stale = planGroups(file, await read());
        const hit = emu.snapshot().userGroups.find((g) => g.name === intruder);
        await service.saveUserGroups([hit
          ? { id: hit.id, name: hit.name, owner: hit.owner === 'bob' ? 'alice' : 'bob', type: hit.type, accounts: hit.accounts }
          : { name: intruder, owner: 'alice', type: 1, accounts: ['user:frank'] }]);
        const before = writes();
        await assert.rejects(applyPlan(stale, service), StalePlan);
        assert.equal(writes(), before);

        const plan = planGroups(file, await read());
        if (!prune) assert.ok(plan.batches.every((b) => b.action !== 'DsgUserGroupDelete'));
        const r = await applyPlan(plan, service);
        assert.equal(r.outcome, 'done', JSON.stringify(r));
        if (!prune) assert.equal(emu.counts().DsgUserGroupDelete ?? 0, 0);
        assert.deepEqual(planGroups(file, await read()).batches, []);
        const held = emu.snapshot().userGroups;
        for (const g of file.groups) assert.equal(held.filter((h) => h.name === g.name).length, 1, g.name);
      } finally {
        await emu.close();
      }
    }), { numRuns: 40 });
  });
});
