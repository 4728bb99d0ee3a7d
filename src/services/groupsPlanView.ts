// The plan page's view of a GroupsPlan and of an apply's result (shared/groupsPlanProtocol.ts). Texts are
// translated here with the Translate the caller passes (vscode.l10n.t in the extension), so this stays plain logic.
import type { ApplyState, BatchState, PlanCounts, PlanField, PlanRequest, PlanRow } from '../shared/groupsPlanProtocol';
import type { Translate } from '../util/translate';
import type { ApplyResult } from './groupsApply';
import type { FieldChange, GroupChange, GroupsPlan } from './groupsPlan';
import type { SnapshotGroup, UnknownReason } from './groupsSnapshot';
import { userGroupTypeLabel } from './userGroupKind';

function reasonText(reason: UnknownReason | undefined, group: SnapshotGroup | undefined, t: Translate): string {
  switch (reason) {
    case 'typeFilterIgnored': return t('The server does not apply the type filter, so it did not say this group\'s type.');
    case 'typeNotListed': return t('No type filter lists this group, so the server did not say its type.');
    case 'projectFilterIgnored': return t('The server does not apply the MaxCompute project filter, so it did not say this group\'s project.');
    case 'projectNotFound': return t('None of the {0} searched MaxCompute projects lists this group.', group?.notInProjects?.length ?? 0);
    case 'projectAmbiguous': return t('Several MaxCompute projects list this group.');
    default: return t('The server did not say this group\'s type or MaxCompute project.');
  }
}

function fieldView(f: FieldChange, t: Translate): PlanField {
  const text = (v: string | number | undefined): string | undefined => {
    if (v === undefined) return undefined;
    if (f.field === 'type' && (v === 1 || v === 2 || v === 3)) return userGroupTypeLabel(v, t);
    return String(v);
  };
  const before = text(f.before);
  const after = text(f.after);
  return { field: f.field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }), ...(f.unknown ? { unknown: true } : {}) };
}

/** One row per change. An unchanged group whose type or project is unknown is the `unknown` row (not written). */
export function planRow(c: GroupChange, t: Translate): PlanRow {
  const empty = { fields: [], accountsAdded: [], accountsRemoved: [] };
  switch (c.kind) {
    case 'create':
      return {
        name: c.name, action: 'create', writes: true,
        fields: [
          { field: 'owner', after: c.after.owner },
          { field: 'type', after: userGroupTypeLabel(c.after.type, t) },
          ...(c.after.type === 3 && c.after.projectName ? [{ field: 'projectName' as const, after: c.after.projectName }] : []),
        ],
        accountsAdded: [...c.after.accounts].sort(), accountsRemoved: [],
      };
    case 'update': {
      const unknown = c.fields.some((f) => f.unknown);
      return {
        name: c.name, action: 'update', writes: true, fields: c.fields.map((f) => fieldView(f, t)),
        accountsAdded: [...c.accountsAdded], accountsRemoved: [...c.accountsRemoved],
        ...(c.converts ? { converts: true } : {}),
        ...(unknown ? { note: `${reasonText(c.before.reason, c.before, t)} ${t('The update sets it from the file.')}` } : {}),
      };
    }
    case 'unchanged':
      if (c.unknown.length === 0) return { name: c.name, action: 'unchanged', writes: false, ...empty };
      return {
        name: c.name, action: 'unknown', writes: false, ...empty,
        note: `${reasonText(c.before.reason, c.before, t)} ${t('Nothing else differs, so it is not written, but it cannot be shown as unchanged.')}`,
      };
    case 'delete':
      return { name: c.name, action: 'delete', writes: true, ...empty, accountsRemoved: [...c.before.accounts].sort() };
    case 'ambiguous':
      return { name: c.name, action: 'ambiguous', writes: false, ...empty, note: t('{0} groups on the server have this name, so nothing is written for it.', c.ids.length) };
  }
}

/** Each request as sent: its parameters as `Name=value` lines and its `aliyun` CLI line. */
export function planRequests(plan: GroupsPlan): PlanRequest[] {
  return plan.batches.map((b) => ({
    action: b.action,
    names: [...b.names],
    parameters: [...b.request.query, ...b.request.body].map(([n, v]) => `${n}=${v}`).join('\n'),
    cli: b.cli,
  }));
}

/** The parts of the page's PlanView that come from the plan (the caller adds planId, file name, profile, times). */
export function planViewParts(plan: GroupsPlan, t: Translate): { region: string; prune: boolean; counts: PlanCounts; rows: PlanRow[]; requests: PlanRequest[] } {
  return { region: plan.region, prune: plan.prune, counts: { ...plan.counts }, rows: plan.changes.map((c) => planRow(c, t)), requests: planRequests(plan) };
}

/** The page's apply state before anything is sent. */
export function idleApplyState(plan: GroupsPlan): ApplyState {
  return { phase: 'idle', batches: plan.batches.map((): BatchState => 'pending'), applied: [], notApplied: [], unknown: [] };
}

/** The page's apply state after `applyPlan` returned (the caller adds the translated failure message). */
export function applyStateOf(plan: GroupsPlan, r: ApplyResult): ApplyState {
  const unknown = new Set(r.unknown);
  const batches = plan.batches.map((b, i): BatchState => {
    if (i < r.batchesSent - 1 || (i === r.batchesSent - 1 && r.outcome !== 'failed')) return 'done';
    if (i === r.batchesSent - 1) return b.names.some((n) => unknown.has(n)) ? 'unknown' : 'failed';
    return 'skipped';
  });
  return { phase: r.outcome, batches, applied: [...r.applied], notApplied: [...r.notApplied], unknown: [...r.unknown] };
}
