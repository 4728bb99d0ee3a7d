// What the plan page shows of a GroupsPlan (services/groupsPlan.ts): a change set, one row per group, and every
// request exactly as it will be sent. Pure: the host passes the translation in, the unit tests their own.
import type { ApplyResult } from '../services/groupsApply';
import type { FieldChange, GroupChange, GroupsPlan } from '../services/groupsPlan';
import type { SnapshotGroup, UnknownReason } from '../services/groupsSnapshot';
import { userGroupTypeLabel } from '../services/userGroupKind';
import type { ApplyState, PlanField, PlanRequest, PlanRow, PlanView } from '../shared/groupsPlanProtocol';
import type { WriteRequest } from '../shared/requests';
import type { Translate } from '../util/translate';

export interface PlanViewMeta {
  readonly planId: string;
  readonly fileName: string;
  readonly profile: string;
  readonly createdAt: number;
}

/** `Name=value` lines, in the order they go on the wire (query, then body). */
export function parametersText(req: WriteRequest): string {
  return [...req.query, ...req.body].map(([k, v]) => `${k}=${v}`).join('\n');
}

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
  return plan.batches.map((b) => ({ action: b.action, names: [...b.names], parameters: parametersText(b.request), cli: b.cli }));
}

/** The page's apply state before anything is sent. */
export function idleApply(plan: GroupsPlan): ApplyState {
  return { phase: 'idle', batches: plan.batches.map(() => 'pending'), applied: [], notApplied: [], unknown: [] };
}

export function toPlanView(plan: GroupsPlan, meta: PlanViewMeta, t: Translate): PlanView {
  return {
    planId: meta.planId,
    fileName: meta.fileName,
    region: plan.region,
    profile: meta.profile,
    prune: plan.prune,
    createdAt: meta.createdAt,
    counts: { ...plan.counts },
    rows: plan.changes.map((c) => planRow(c, t)),
    requests: planRequests(plan),
    stale: false,
    apply: idleApply(plan),
  };
}

/** Progress while applying: batches before `done` are sent, the next is being sent. */
export function applyingState(plan: GroupsPlan, done: number): ApplyState {
  return {
    phase: 'applying',
    batches: plan.batches.map((_, i) => (i < done ? 'done' : i === done ? 'sending' : 'pending')),
    applied: [], notApplied: [], unknown: [],
  };
}

/**
 * The finished apply: each batch's state from which of its groups landed. A batch of the result's sent ones is
 * failed when any of its groups did not apply, unknown when any may still land; batches after are skipped.
 */
export function finishedState(plan: GroupsPlan, r: ApplyResult, message?: { text: string; serverMessage?: string; requestId?: string }): ApplyState {
  const notApplied = new Set(r.notApplied);
  const unknown = new Set(r.unknown);
  const batches = plan.batches.map((b, i): ApplyState['batches'][number] => {
    if (i >= r.batchesSent) return 'skipped';
    if (b.names.some((n) => unknown.has(n))) return 'unknown';
    if (b.names.some((n) => notApplied.has(n))) return 'failed';
    return 'done';
  });
  return {
    phase: r.outcome,
    batches,
    applied: [...r.applied],
    notApplied: [...r.notApplied],
    unknown: [...r.unknown],
    ...(message ? { message: message.text } : {}),
    ...(message?.serverMessage ? { serverMessage: message.serverMessage } : {}),
    ...(message?.requestId ? { requestId: message.requestId } : {}),
  };
}
