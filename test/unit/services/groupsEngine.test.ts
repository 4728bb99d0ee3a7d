import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { applyPlan, isStalePlan, StalePlan } from '../../../src/services/groupsApply';
import { exportGroupsFile } from '../../../src/services/groupsExport';
import { fileProjects, planGroups, planIsEmpty, type GroupChange, type GroupsPlan } from '../../../src/services/groupsPlan';
import { readGroupsSnapshot, RegionMismatch, type GroupsSnapshot } from '../../../src/services/groupsSnapshot';
import { PROBE_PROJECT } from '../../../src/services/userGroupKind';
import { groupsFileSchema, type DesiredGroup, type GroupsFile } from '../../../src/shared/groupsFile';
import { aliyunCliCommand } from '../../../src/shared/requests';
import { LIMITS } from '../../../src/shared/schemas';
import { FakeDsgTenant, type TenantGroup, type WriteFault } from '../fakes/fakeDsgTenant';

const REGION = 'cn-shanghai';
const file = (groups: DesiredGroup[], prune?: boolean): GroupsFile => ({ region: REGION, groups, ...(prune === undefined ? {} : { prune }) });
const snap = (t: FakeDsgTenant, f?: GroupsFile, extra: readonly string[] = []): Promise<GroupsSnapshot> =>
  readGroupsSnapshot(t, REGION, { projectCandidates: [...(f ? fileProjects(f) : []), ...extra] });
const plan = async (t: FakeDsgTenant, f: GroupsFile): Promise<GroupsPlan> => planGroups(f, await snap(t, f));
const writes = (t: FakeDsgTenant): number => t.count('saveUserGroups') + t.count('deleteUserGroups');

function tenantWith(rows: Omit<TenantGroup, 'id' | 'modifiedTime'>[]): FakeDsgTenant {
  const t = new FakeDsgTenant(REGION);
  for (const r of rows) t.add(r);
  return t;
}

/** What a change asks for, to compare a plan's rest with another plan's. */
function intent(c: GroupChange): string {
  switch (c.kind) {
    case 'create': case 'update': return JSON.stringify(['write', c.name, c.after.owner, c.after.type, c.after.projectName ?? '', [...c.after.accounts].sort()]);
    case 'delete': return JSON.stringify(['delete', c.name]);
    default: return JSON.stringify([c.kind, c.name]);
  }
}
const writing = (p: GroupsPlan): GroupChange[] => p.changes.filter((c) => c.kind === 'create' || c.kind === 'update' || c.kind === 'delete');

describe('groups as code: server snapshot', () => {
  it('learns every type with one listing per type filter, not calls per group', async () => {
    const t = new FakeDsgTenant(REGION);
    for (let i = 0; i < 250; i++) t.add({ name: `g${String(i).padStart(3, '0')}`, owner: 'o', type: ((i % 3) + 1) as 1 | 2 | 3, projectName: i % 3 === 2 ? 'mc_a' : '', accounts: ['a'] });
    const s = await readGroupsSnapshot(t, REGION, { projectCandidates: ['mc_a'] });
    assert.equal(s.groups.length, 250);
    assert.equal(s.filtersApplied, true);
    assert.equal(s.projectFilterApplied, true);
    assert.ok(s.groups.every((g) => g.type !== undefined && (g.type !== 3 || g.projectName === 'mc_a')));
    // 3 unfiltered pages, 1 page per type (84/83/83), probe (1), candidate mc_a (1 page of 83).
    assert.equal(s.calls, 3 + 3 + 1 + 1);
    assert.equal(t.count('listUserGroups'), s.calls);
  });

  it('leaves types unknown and says so when the server ignores the type filter', async () => {
    const t = tenantWith([
      { name: 'a', owner: 'o', type: 1, projectName: '', accounts: ['x'] },
      { name: 'b', owner: 'o', type: 2, projectName: '', accounts: ['y'] },
    ]);
    t.honoursType = false;
    const s = await snap(t);
    assert.equal(s.filtersApplied, false);
    assert.ok(s.groups.every((g) => g.type === undefined && /type filter/.test(g.note ?? '')));
  });

  it('leaves a MaxCompute project unknown when the probe shows the ProjectName filter ignored', async () => {
    const t = tenantWith([{ name: 'mc', owner: 'o', type: 3, projectName: 'p1', accounts: ['r'] }]);
    t.honoursProject = false;
    const s = await readGroupsSnapshot(t, REGION, { projectCandidates: ['p1'] });
    assert.equal(s.projectFilterApplied, false);
    assert.deepEqual([s.groups[0]?.type, s.groups[0]?.projectName], [3, undefined]);
    assert.ok(t.calls.some((c) => (c.args as { projectName?: string }).projectName === PROBE_PROJECT));
  });

  it('fingerprint changes with any visible write and not with the listing order', async () => {
    const t = tenantWith([
      { name: 'a', owner: 'o', type: 1, projectName: '', accounts: ['x', 'y'] },
      { name: 'b', owner: 'o', type: 1, projectName: '', accounts: ['z'] },
    ]);
    const before = (await snap(t)).fingerprint;
    t.groups.reverse();
    (t.groups[0] as TenantGroup).accounts.reverse();
    assert.equal((await snap(t)).fingerprint, before);
    await t.saveUserGroups([{ id: 1, name: 'a', owner: 'o2', type: 1, accounts: ['x', 'y'] }]);
    assert.notEqual((await snap(t)).fingerprint, before);
  });

  it('refuses a service of another region', async () => {
    await assert.rejects(readGroupsSnapshot(new FakeDsgTenant('cn-beijing'), REGION), RegionMismatch);
  });
});

describe('groups as code: plan', () => {
  const base = (): FakeDsgTenant => tenantWith([
    { name: 'keep', owner: 'o', type: 1, projectName: '', accounts: ['a', 'b'] },
    { name: 'grow', owner: 'o', type: 1, projectName: '', accounts: ['a'] },
    { name: 'stray', owner: 'o', type: 2, projectName: '', accounts: ['r'] },
    { name: 'mc', owner: 'o', type: 3, projectName: 'p1', accounts: ['role'] },
  ]);
  const wanted: DesiredGroup[] = [
    { name: 'keep', owner: 'o', type: 1, accounts: ['b', 'a'] },
    { name: 'grow', owner: 'o2', type: 1, accounts: ['a', 'c'] },
    { name: 'new', owner: 'o', type: 2, accounts: ['r'] },
    { name: 'mc', owner: 'o', type: 3, projectName: 'p2', accounts: ['role'] },
  ];

  it('plans create, update (fields and accounts), unchanged; no delete without prune', async () => {
    const t = base();
    const p = await plan(t, file(wanted));
    assert.deepEqual(p.counts, { create: 1, update: 2, unchanged: 1, delete: 0, unknown: 1, ambiguous: 0 });
    const grow = p.changes.find((c) => c.name === 'grow');
    assert.ok(grow?.kind === 'update');
    assert.deepEqual(grow.fields, [{ field: 'owner', before: 'o', after: 'o2' }]);
    assert.deepEqual([grow.accountsAdded, grow.accountsRemoved, grow.converts], [['c'], [], false]);
    const mc = p.changes.find((c) => c.name === 'mc');
    assert.ok(mc?.kind === 'update' && mc.converts);
    // p1 is not a candidate (the file names p2 only): the old project is unknown, but that it is not p2 is known.
    assert.deepEqual(mc.fields, [{ field: 'projectName', before: undefined, after: 'p2', unknown: true }]);
    // Updates first (with the server's Id), then creates, each its own batch; the CLI line is the request's.
    assert.deepEqual(p.batches.map((b) => b.action === 'DsgUserGroupAddOrUpdate' ? b.groups.map((g) => [g.name, g.id]) : []), [[['grow', 2], ['mc', 4]], [['new', undefined]]]);
    for (const b of p.batches) assert.equal(b.cli, aliyunCliCommand(b.request));
    assert.match(p.batches[0]?.cli ?? '', /^aliyun dataworks-public DsgUserGroupAddOrUpdate --UserGroups '\[\{"Id":2,"Name":"grow"/);
    assert.ok(p.batches.every((b) => b.action !== 'DsgUserGroupDelete'));
  });

  it('deletes the groups the file does not name only with prune: true', async () => {
    const t = base();
    const p = await plan(t, file(wanted, true));
    assert.deepEqual(p.changes.filter((c) => c.kind === 'delete').map((c) => c.name), ['stray']);
    const last = p.batches.at(-1);
    assert.ok(last?.action === 'DsgUserGroupDelete');
    assert.deepEqual(last.ids, [3]);
    assert.equal(last.cli, `aliyun dataworks-public DsgUserGroupDelete --Ids '[3]' --region cn-shanghai`);
  });

  it('plans a type change as an update that converts the group', async () => {
    const p = await plan(base(), file([{ name: 'stray', owner: 'o', type: 1, accounts: ['r'] }]));
    const c = p.changes[0];
    assert.ok(c?.kind === 'update' && c.converts);
    assert.deepEqual(c.fields, [{ field: 'type', before: 2, after: 1 }]);
  });

  it('never claims an unknown type is unchanged, and writes nothing for it alone', async () => {
    const t = base();
    t.honoursType = false;
    const p = await plan(t, file(wanted));
    const keep = p.changes.find((c) => c.name === 'keep');
    assert.ok(keep?.kind === 'unchanged');
    assert.deepEqual([keep.id, keep.unknown], [1, ['type']]);
    const grow = p.changes.find((c) => c.name === 'grow');
    assert.ok(grow?.kind === 'update');
    assert.deepEqual(grow.fields.at(-1), { field: 'type', before: undefined, after: 1, unknown: true });
    assert.equal(p.counts.unknown, 3);
    assert.match(p.unknowns.join('\n'), /keep: type unknown \(the server does not apply the type filter\); not written; cannot be shown unchanged/);
  });

  it('batches at most LIMITS.groupsPerRequest groups per request', async () => {
    const many = Array.from({ length: 45 }, (_, i): DesiredGroup => ({ name: `n${i}`, owner: 'o', type: 1, accounts: ['a'] }));
    const p = await plan(new FakeDsgTenant(REGION), file(many));
    assert.deepEqual(p.batches.map((b) => b.names.length), [LIMITS.groupsPerRequest, LIMITS.groupsPerRequest, 5]);
  });

  it('does not pick one of several server groups with the file name', async () => {
    const t = tenantWith([
      { name: 'twin', owner: 'o', type: 1, projectName: '', accounts: ['a'] },
      { name: 'twin', owner: 'o', type: 1, projectName: '', accounts: ['b'] },
    ]);
    const p = await plan(t, file([{ name: 'twin', owner: 'o', type: 1, accounts: ['c'] }], true));
    assert.deepEqual(p.changes, [{ kind: 'ambiguous', name: 'twin', ids: [1, 2] }]);
    assert.ok(planIsEmpty(p));
  });
});

describe('groups as code: apply', () => {
  const wanted = Array.from({ length: 50 }, (_, i): DesiredGroup => ({ name: `g${String(i).padStart(2, '0')}`, owner: 'o', type: 1, accounts: [`a${i}`] }));

  it('applies every batch, reads each back, and the next plan is empty', async () => {
    const t = new FakeDsgTenant(REGION);
    const p = await plan(t, file(wanted));
    const before = t.count('listUserGroups');
    const r = await applyPlan(p, t);
    assert.equal(r.outcome, 'done');
    assert.equal(r.applied.length, 50);
    assert.equal(writes(t), 3);
    // Stale check (1 page) + per batch a read-back of one page (the list is shorter than the batch's lookups).
    assert.equal(t.count('listUserGroups') - before, 1 + 3);
    assert.ok(planIsEmpty(await plan(t, file(wanted))));
  });

  describe('what an apply\'s read-back costs: what each batch wrote, never the tenant per batch', () => {
    const big = (n = 1000): FakeDsgTenant => tenantWith(Array.from({ length: n }, (_, i) => ({ name: `t${String(i).padStart(4, '0')}`, owner: 'o', type: 1 as const, projectName: '', accounts: ['a'] })));
    const keep = (t: FakeDsgTenant, from: number, to: number): DesiredGroup[] => t.groups.slice(from, to).map((g) => ({ name: g.name, owner: g.owner, type: 1, accounts: g.accounts }));
    const newGroups = (n: number): DesiredGroup[] => Array.from({ length: n }, (_, i) => ({ name: `new${i}`, owner: 'o', type: 1, accounts: ['a'] }));
    /** The apply's list reads after the plan, by kind: whole-list pages and Name lookups. */
    async function measured(t: FakeDsgTenant, f: GroupsFile): Promise<{ r: Awaited<ReturnType<typeof applyPlan>>; pages: number; lookups: number; batches: number }> {
      const p = await plan(t, f);
      const from = t.calls.length;
      const r = await applyPlan(p, t);
      const lists = t.calls.slice(from).filter((c) => c.method === 'listUserGroups').map((c) => c.args as { name?: string });
      const lookups = lists.filter((a) => a.name !== undefined).length;
      return { r, pages: lists.length - lookups, lookups, batches: p.batches.length };
    }

    it('looks the written groups up by name after each batch when the list is longer (10,000 groups: 100 pages)', async () => {
      const t = big(10_000);
      // 30 updates and 30 creates in 4 batches among 970 unchanged groups.
      const f = file([...keep(t, 0, 30).map((g) => ({ ...g, owner: 'o2' })), ...keep(t, 30, 1000), ...newGroups(30)]);
      const { r, pages, lookups, batches } = await measured(t, f);
      assert.equal(r.outcome, 'done');
      assert.deepEqual([batches, writes(t), r.applied.length], [4, 4, 60]);
      // The stale check's 100 pages, then one lookup per written group: nothing per unchanged group.
      assert.deepEqual([pages, lookups, r.calls], [100, 60, 100 + 4 + 60]);
      assert.ok(planIsEmpty(await plan(t, f)));
    });

    it('reads the list instead when it is fewer pages than the batch has groups, at its current length', async () => {
      const t = big();
      // 30 creates: 20 then 10. After the first batch the list is 11 pages: more than the second batch's 10 lookups.
      const { r, pages, lookups } = await measured(t, file([...keep(t, 0, 1000), ...newGroups(30)]));
      assert.equal(r.outcome, 'done');
      assert.deepEqual([pages, lookups], [10 + 11, 10]);
    });

    it('does not read back a group whose only change the list cannot show (its type)', async () => {
      const t = big();
      const { r, pages, lookups } = await measured(t, file([...keep(t, 1, 1000), { name: 't0000', owner: 'o', type: 2, accounts: ['a'] }]));
      assert.deepEqual([pages, lookups], [10, 0]);
      assert.deepEqual([r.outcome, r.applied, r.unverified], ['done', ['t0000'], ['t0000']]);
    });

    it('reads the list when a written name matches too many groups to look up, and still sees the write', async () => {
      const t = big(700);
      t.add({ name: 't', owner: 'o', type: 1, projectName: '', accounts: ['a'] });
      // "t" matches all 701 groups: the lookup's first page shows that, then the 8-page list is read.
      const { r, pages, lookups } = await measured(t, file([...keep(t, 0, 700), { name: 't', owner: 'o2', type: 1, accounts: ['a'] }]));
      assert.deepEqual([r.outcome, r.applied], ['done', ['t']]);
      assert.deepEqual([pages, lookups], [8 + 8, 1]);
    });

    it('reconciles a batch whose answer was lost by looking its groups up, and never resends it', async () => {
      const t = big();
      t.writeFaults.set(0, 'after');
      const { r, pages, lookups } = await measured(t, file([...keep(t, 0, 1000), ...newGroups(3)]));
      assert.equal(writes(t), 1);
      assert.deepEqual([r.outcome, r.applied.length, r.unknown, r.notApplied], ['failed', 3, [], []]);
      assert.deepEqual([pages, lookups], [10, 3]);
    });
  });

  it('refuses a stale plan and writes nothing', async () => {
    const t = tenantWith([{ name: 'g00', owner: 'o', type: 1, projectName: '', accounts: ['x'] }]);
    const p = await plan(t, file(wanted));
    await t.saveUserGroups([{ id: 1, name: 'g00', owner: 'someone else', type: 1, accounts: ['x'] }]);
    const w = writes(t);
    await assert.rejects(applyPlan(p, t), (e) => isStalePlan(e) && e instanceof StalePlan && e.message === 'the groups changed since this plan: plan again');
    assert.equal(writes(t), w);
  });

  it('stops at a refused batch: what was applied, what was not, and the next plan shows exactly the rest', async () => {
    const t = new FakeDsgTenant(REGION);
    t.writeFaults.set(1, 'before');
    const p = await plan(t, file(wanted));
    const r = await applyPlan(p, t);
    assert.equal(r.outcome, 'failed');
    assert.deepEqual([r.applied.length, r.notApplied.length, r.unknown.length, r.batchesSent], [20, 30, 0, 2]);
    const next = await plan(t, file(wanted));
    assert.deepEqual(next.changes.filter((c) => c.kind === 'create').map((c) => c.name), r.notApplied);
  });

  it('an ambiguous failure is never resent; unseen groups are unknown', async () => {
    const t = new FakeDsgTenant(REGION);
    t.writeFaults.set(0, 'partial');
    const r = await applyPlan(await plan(t, file(wanted)), t);
    assert.equal(writes(t), 1);
    assert.deepEqual([r.applied.length, r.unknown.length, r.notApplied.length], [10, 10, 30]);
    assert.equal((await plan(t, file(wanted))).counts.create, 40);
  });

  it('honours cancellation between batches', async () => {
    const t = new FakeDsgTenant(REGION);
    const ctl = new AbortController();
    const r = await applyPlan(await plan(t, file(wanted)), t, { signal: ctl.signal, onBatch: (done) => { if (done === 1) ctl.abort(); } });
    assert.deepEqual([r.outcome, r.applied.length, r.notApplied.length, writes(t)], ['cancelled', 20, 30, 1]);
  });

  it('deletes only what the plan prunes', async () => {
    const t = tenantWith([{ name: 'old', owner: 'o', type: 1, projectName: '', accounts: ['x'] }]);
    await applyPlan(await plan(t, file(wanted)), t);
    assert.ok(t.groups.some((g) => g.name === 'old'));
    await applyPlan(await plan(t, file(wanted, true)), t);
    assert.ok(!t.groups.some((g) => g.name === 'old'));
  });
});

function parseExport(text: string): GroupsFile {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);
  return groupsFileSchema.parse(value);
}

describe('groups as code: export', () => {
  it('writes sorted, stable bytes with a trailing newline', async () => {
    const t = tenantWith([
      { name: 'zeta', owner: 'o', type: 2, projectName: '', accounts: ['b', 'a'] },
      { name: 'alpha', owner: 'o', type: 3, projectName: 'p1', accounts: ['r'] },
    ]);
    const s = await snap(t, undefined, ['p1']);
    const text = exportGroupsFile(s, REGION);
    assert.equal(text, [
      '{', '  "region": "cn-shanghai",', '  "groups": [',
      '    {', '      "name": "alpha",', '      "owner": "o",', '      "type": 3,', '      "projectName": "p1",', '      "accounts": [', '        "r"', '      ]', '    },',
      '    {', '      "name": "zeta",', '      "owner": "o",', '      "type": 2,', '      "accounts": [', '        "a",', '        "b"', '      ]', '    }',
      '  ]', '}', '',
    ].join('\n'));
    assert.equal(exportGroupsFile({ ...s, groups: [...s.groups].reverse() }, REGION), text);
    assert.match(exportGroupsFile(s, REGION, { schema: 'https://example.invalid/s.json' }), /^\{\n {2}"\$schema": "https:\/\/example\.invalid\/s\.json",\n/);
  });

  it('omits an unknown type with a comment, so the file asks the user', async () => {
    const t = tenantWith([{ name: 'a', owner: 'o', type: 1, projectName: '', accounts: ['x'] }]);
    t.honoursType = false;
    const text = exportGroupsFile(await snap(t), REGION);
    assert.match(text, /\/\/ The server did not say this group's type \(the server does not apply the type filter\)/);
    const errors: ParseError[] = [];
    assert.equal(groupsFileSchema.safeParse(parseJsonc(text, errors)).success, false);
    assert.deepEqual(errors, []);
  });
});

// ---- properties ----

const NAMES = Array.from({ length: 12 }, (_, i) => `grp_${i}`);
const ACCOUNTS = ['user:a', 'user:b', 'user:c', 'user:d', 'user:e'];
const groupArb = fc.record({
  owner: fc.constantFrom('o1', 'o2'),
  type: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
  project: fc.constantFrom('p_one', 'p_two'),
  accounts: fc.subarray(ACCOUNTS, { minLength: 1 }),
});
const namedArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), groupArb), { selector: ([n]) => n, maxLength: 12 });
const scenarioArb = fc.record({ tenant: namedArb, desired: namedArb, prune: fc.boolean(), honoursType: fc.boolean() });
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

function setUp(s: Scenario): { t: FakeDsgTenant; f: GroupsFile } {
  const t = tenantWith(s.tenant.map(([name, g]) => ({ name, owner: g.owner, type: g.type, projectName: g.type === 3 ? g.project : '', accounts: g.accounts })));
  t.honoursType = s.honoursType;
  const f = file(s.desired.map(([name, g]): DesiredGroup => ({ name, owner: g.owner, type: g.type, ...(g.type === 3 ? { projectName: g.project } : {}), accounts: g.accounts })), s.prune);
  return { t, f };
}

describe('groups as code: properties', function () {
  this.timeout(60_000);
  const runs = { numRuns: 200 };

  it('apply(plan(file)) then plan again writes nothing', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const { t, f } = setUp(s);
      const r = await applyPlan(await plan(t, f), t);
      assert.equal(r.outcome, 'done');
      const again = await plan(t, f);
      assert.deepEqual(again.batches, []);
      // With the types learnable, the server now holds exactly the file's groups (and no others, with prune).
      if (s.honoursType) {
        const held = (name: string) => t.groups.filter((g) => g.name === name).map((g) => [g.owner, g.type, g.projectName, [...g.accounts].sort()]);
        for (const g of f.groups) assert.deepEqual(held(g.name), [[g.owner, g.type, g.projectName ?? '', [...g.accounts].sort()]], g.name);
        if (s.prune) assert.equal(t.groups.length, f.groups.length);
      }
    }), runs);
  });

  it('export then plan is empty when the types are known', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const { t } = setUp({ ...s, honoursType: true });
      const snapshot = await snap(t, undefined, ['p_one', 'p_two']);
      const text = exportGroupsFile(snapshot, REGION);
      assert.equal(exportGroupsFile(snapshot, REGION), text);
      const p = planGroups(parseExport(text), snapshot);
      assert.deepEqual([p.batches.length, p.counts.unknown, p.counts.unchanged], [0, 0, snapshot.groups.length]);
    }), runs);
  });

  it('a plan never deletes without prune', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const { t, f } = setUp({ ...s, prune: false });
      const p = await plan(t, f);
      assert.ok(p.changes.every((c) => c.kind !== 'delete') && p.batches.every((b) => b.action !== 'DsgUserGroupDelete'));
      await applyPlan(p, t);
      assert.equal(t.count('deleteUserGroups'), 0);
    }), runs);
  });

  it('a stale plan never applies', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, fc.constantFrom(...NAMES), async (s, intruder) => {
      const { t, f } = setUp(s);
      const p = await plan(t, f);
      const hit = t.groups.find((g) => g.name === intruder);
      if (hit) await t.saveUserGroups([{ id: hit.id, name: hit.name, owner: `${hit.owner}_x`, type: hit.type, accounts: hit.accounts }]);
      else await t.saveUserGroups([{ name: intruder, owner: 'o1', type: 1, accounts: ['user:a'] }]);
      const w = writes(t);
      await assert.rejects(applyPlan(p, t), StalePlan);
      assert.equal(writes(t), w);
    }), runs);
  });

  it('a fault in batch k leaves a state whose next plan is exactly the remaining changes', async () => {
    const faultArb = fc.record({ k: fc.nat({ max: 3 }), mode: fc.constantFrom<WriteFault>('before', 'after', 'partial') });
    await fc.assert(fc.asyncProperty(scenarioArb, faultArb, async (s, fault) => {
      const { t, f } = setUp(s);
      t.writeFaults.set(fault.k, fault.mode);
      const first = await plan(t, f);
      const r = await applyPlan(first, t);
      const next = await plan(t, f);
      const planned = new Map(writing(first).map((c) => [c.name, intent(c)]));
      const rest = new Map(writing(next).map((c) => [c.name, intent(c)]));
      // Nothing new: every remaining change is one the first plan had, asking for the same end state.
      for (const [name, want] of rest) assert.equal(want, planned.get(name), name);
      // Applied ones are gone; not-applied ones remain; unknown ones are whichever the server shows.
      for (const name of r.applied) assert.ok(!rest.has(name), `${name} applied but planned again`);
      for (const name of r.notApplied) assert.ok(rest.has(name), `${name} not applied but missing from the next plan`);
      for (const name of rest.keys()) assert.ok(r.notApplied.includes(name) || r.unknown.includes(name), `${name} in the rest but reported applied`);
      if (r.outcome === 'done') assert.deepEqual(next.batches, []);
      assert.ok(writes(t) <= first.batches.length);
    }), runs);
  });
});
