// The plan page's messages: the union is the allow-list, in both directions.
import * as assert from 'node:assert/strict';
import { canApply, fieldChangeText, isFinished, visibleRows } from '../../../media/forms/groupsPlanLogic';
import { planToHostSchema, planToWebviewSchema, type PlanRow, type PlanView } from '../../../src/shared/groupsPlanProtocol';
import { parseMessage } from '../../../src/shared/protocol';

const row = (name: string, action: PlanRow['action']): PlanRow => ({ name, action, writes: action !== 'unchanged', fields: [], accountsAdded: [], accountsRemoved: [] });
const view = (over: Partial<PlanView> = {}): PlanView => ({
  planId: 'p-1', fileName: 'a.dwgroups.json', region: 'cn-hangzhou', profile: 'default', prune: false, createdAt: 0,
  counts: { create: 1, update: 0, unchanged: 1, delete: 0, unknown: 0, ambiguous: 0 },
  rows: [row('a', 'create'), row('b', 'unchanged')],
  requests: [{ action: 'DsgUserGroupAddOrUpdate', names: ['a'], parameters: 'UserGroups=[]', cli: 'aliyun dataworks-public DsgUserGroupAddOrUpdate' }],
  stale: false,
  apply: { phase: 'idle', batches: ['pending'], applied: [], notApplied: [], unknown: [] },
  ...over,
});

describe('groups plan page protocol', () => {
  it('accepts exactly the page messages', () => {
    for (const m of [{ type: 'ready' }, { type: 'apply', planId: 'p-1' }, { type: 'replan' }, { type: 'copyCli' }, { type: 'copyCli', index: 0 }, { type: 'copyRequest', index: 3 }, { type: 'openFile' }, { type: 'cancelApply', planId: 'p-1' }]) {
      assert.ok(parseMessage(planToHostSchema, m), JSON.stringify(m));
    }
  });

  it('refuses anything else: unknown types, extra fields, commands, paths, bad ids', () => {
    for (const m of [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openFile', path: '/etc/passwd' },
      { type: 'apply', planId: 'p-1', requests: [] },
      { type: 'apply', planId: '../x' },
      { type: 'copyCli', index: -1 },
      { type: 'copyCli', index: 1.5 },
      { type: 'apply' },
      null, 'apply', 42,
    ]) assert.equal(parseMessage(planToHostSchema, m), undefined, JSON.stringify(m));
  });

  it('the host messages carry a full view or an apply state of a named plan', () => {
    assert.ok(parseMessage(planToWebviewSchema, { type: 'view', view: view() }));
    assert.ok(parseMessage(planToWebviewSchema, { type: 'stale', planId: 'p-1' }));
    assert.equal(parseMessage(planToWebviewSchema, { type: 'view', view: { ...view(), region: 'evil.example.com/x' } }), undefined);
    assert.equal(parseMessage(planToWebviewSchema, { type: 'applyState', planId: 'p-1', apply: { phase: 'weird' } }), undefined);
  });
});

describe('groups plan page logic', () => {
  it('collapses unchanged rows unless expanded', () => {
    assert.deepEqual(visibleRows(view().rows, false).map((r) => r.name), ['a']);
    assert.deepEqual(visibleRows(view().rows, true).map((r) => r.name), ['a', 'b']);
  });

  it('writes before → after, with words for none and unknown', () => {
    const w = { none: '(none)', unknown: '(unknown)' };
    assert.equal(fieldChangeText({ field: 'owner', before: 'a', after: 'b' }, w), 'a → b');
    assert.equal(fieldChangeText({ field: 'owner', after: 'b' }, w), 'b');
    assert.equal(fieldChangeText({ field: 'type', after: '3', unknown: true }, w), '(unknown) → 3');
  });

  it('Apply only for an idle, fresh plan that writes something', () => {
    assert.equal(canApply(view()), true);
    assert.equal(canApply(view({ stale: true })), false);
    assert.equal(canApply(view({ requests: [] })), false);
    assert.equal(canApply(view({ apply: { phase: 'applying', batches: ['sending'], applied: [], notApplied: [], unknown: [] } })), false);
    assert.equal(isFinished({ phase: 'failed', batches: [], applied: [], notApplied: [], unknown: [] }), true);
    assert.equal(isFinished({ phase: 'applying', batches: [], applied: [], notApplied: [], unknown: [] }), false);
  });
});
