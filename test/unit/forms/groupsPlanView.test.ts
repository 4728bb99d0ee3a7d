// The plan page's view of a plan: what each row says, the exact requests, and the state after an apply.
import * as assert from 'node:assert/strict';
import { finishedState, applyingState, parametersText, toPlanView } from '../../../src/forms/groupsPlanView';
import type { ApplyResult } from '../../../src/services/groupsApply';
import { planGroups } from '../../../src/services/groupsPlan';
import type { GroupsSnapshot, SnapshotGroup } from '../../../src/services/groupsSnapshot';
import type { GroupsFile } from '../../../src/shared/groupsFile';
import { parseMessage } from '../../../src/shared/protocol';
import { planViewSchema } from '../../../src/shared/groupsPlanProtocol';

const t = (s: string, ...a: (string | number | boolean)[]): string => s.replace(/\{(\d)\}/g, (_m, i: string) => String(a[Number(i)]));
const meta = { planId: 'p-1', fileName: 'prod.dwgroups.json', profile: 'default', createdAt: 1 };

function snapshot(groups: SnapshotGroup[]): GroupsSnapshot {
  return { region: 'cn-hangzhou', groups, filtersApplied: true, projectFilterApplied: true, fingerprint: 'f1', calls: 1 };
}
const g = (id: number, name: string, accounts: string[], extra: Partial<SnapshotGroup> = {}): SnapshotGroup =>
  ({ id, name, owner: 'alice', accounts, modifiedTime: '1', type: 1, ...extra });

describe('groups plan view', () => {
  const file: GroupsFile = {
    region: 'cn-hangzhou',
    prune: true,
    groups: [
      { name: 'analysts', owner: 'alice', type: 1, accounts: ['a', 'c'] },
      { name: 'newbies', owner: 'bob', type: 2, accounts: ['r1'] },
      { name: 'same', owner: 'alice', type: 1, accounts: ['x'] },
    ],
  };
  const plan = planGroups(file, snapshot([
    g(1, 'analysts', ['a', 'b']),
    g(2, 'same', ['x']),
    g(3, 'legacy', ['z']),
    g(4, '<img src=x onerror=alert(1)>', ['q']),
  ]));
  const view = toPlanView(plan, meta, t);

  it('gives one row per group with its action, the accounts added and removed, and parses with the page schema', () => {
    assert.ok(parseMessage(planViewSchema, view), 'the view matches the protocol');
    const byName = new Map(view.rows.map((r) => [r.name, r]));
    assert.equal(byName.get('analysts')?.action, 'update');
    assert.deepEqual(byName.get('analysts')?.accountsAdded, ['c']);
    assert.deepEqual(byName.get('analysts')?.accountsRemoved, ['b']);
    assert.equal(byName.get('newbies')?.action, 'create');
    assert.deepEqual(byName.get('newbies')?.fields.map((f) => [f.field, f.before, f.after]), [['owner', undefined, 'bob'], ['type', undefined, 'RAM role']]);
    assert.equal(byName.get('same')?.action, 'unchanged');
    assert.equal(byName.get('same')?.writes, false);
    assert.equal(byName.get('legacy')?.action, 'delete');
    // Outside text stays the very string: the page sets it as text.
    assert.equal(byName.get('<img src=x onerror=alert(1)>')?.action, 'delete');
    assert.deepEqual(view.counts, { create: 1, update: 1, unchanged: 1, delete: 2, unknown: 0, ambiguous: 0 });
  });

  it('shows every request exactly as sent: action, parameters in wire order, and the CLI line', () => {
    assert.equal(view.requests.length, plan.batches.length);
    view.requests.forEach((r, i) => {
      const b = plan.batches[i];
      assert.ok(b);
      assert.equal(r.action, b.action);
      assert.equal(r.cli, b.cli);
      assert.equal(r.parameters, [...b.request.query, ...b.request.body].map(([k, v]) => `${k}=${v}`).join('\n'));
    });
    assert.deepEqual(view.requests.map((r) => r.action), ['DsgUserGroupAddOrUpdate', 'DsgUserGroupAddOrUpdate', 'DsgUserGroupDelete']);
    assert.equal(parametersText({ product: 'dataworks-public', version: '2020-05-18', action: 'DsgUserGroupDelete', method: 'POST', region: 'cn-hangzhou', query: [['Ids', '[3]']], body: [] }), 'Ids=[3]');
  });

  it('an unknown type is never shown as unchanged', () => {
    const p = planGroups({ region: 'cn-hangzhou', groups: [{ name: 'same', owner: 'alice', type: 1, accounts: ['x'] }] },
      snapshot([g(2, 'same', ['x'], { type: undefined, note: 'no filter' })]));
    const v = toPlanView(p, meta, t);
    assert.equal(v.rows[0]?.action, 'unknown');
    assert.equal(v.rows[0]?.writes, false);
    assert.match(v.rows[0]?.note ?? '', /cannot be shown as unchanged/);
  });

  it('tracks the apply: progress per request, then which groups landed, failed or may still land', () => {
    assert.deepEqual(applyingState(plan, 1).batches, ['done', 'sending', 'pending']);
    const failed: ApplyResult = {
      outcome: 'failed', applied: ['analysts'], notApplied: ['legacy'], unknown: ['newbies'], unverified: [], batchesSent: 2, calls: 5,
    };
    const s = finishedState(plan, failed, { text: 'Throttled', requestId: 'req-1' });
    assert.equal(s.phase, 'failed');
    assert.deepEqual(s.batches, ['done', 'unknown', 'skipped']);
    assert.deepEqual(s.unknown, ['newbies']);
    assert.equal(s.requestId, 'req-1');
    assert.ok(parseMessage(planViewSchema, { ...view, apply: s }));
  });
});
