// What the plan page shows of a GroupsPlan (services/groupsPlan.ts): a change set, one row per group, and every
// request exactly as it will be sent. Pure: the host passes the translation in, the unit tests their own.
import type { GroupChange, GroupsPlan } from '../services/groupsPlan';
import type { ApplyResult } from '../services/groupsApply';
import type { ApplyState, PlanRequest, PlanRow, PlanView } from '../shared/groupsPlanProtocol';
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

const fieldText = (v: string | number | undefined): string | undefined => (v === undefined ? undefined : String(v));

function row(c: GroupChange, t: Translate): PlanRow {
  const base = { name: c.name, fields: [], accountsAdded: [], accountsRemoved: [] };
  switch (c.kind) {
    case 'create': {
      const fields: PlanRow['fields'] = [
        { field: 'owner', after: c.after.owner },
        { field: 'type', after: String(c.after.type) },
        ...(c.after.type === 3 && c.after.projectName ? [{ field: 'projectName' as const, after: c.after.projectName }] : []),
      ];
      return { ...base, action: 'create', writes: true, fields, accountsAdded: [...new Set(c.after.accounts)].sort() };
    }
    case 'update': {
      const unknown = c.fields.some((f) => f.unknown);
      return {
        ...base,
        action: unknown ? 'unknown' : 'update',
        writes: true,
        fields: c.fields.map((f) => ({
          field: f.field,
          ...(f.before === undefined ? {} : { before: String(f.before) }),
          ...(fieldText(f.after) === undefined ? {} : { after: String(f.after) }),
          ...(f.unknown ? { unknown: true } : {}),
        })),
        accountsAdded: [...c.accountsAdded],
        accountsRemoved: [...c.accountsRemoved],
        ...(c.converts ? { converts: true } : {}),
        ...(unknown ? { note: t('DataWorks did not say this group\'s current type or project: the update sets it from the file.') } : {}),
      };
    }
    case 'unchanged':
      return c.unknown.length > 0
        ? { ...base, action: 'unknown', writes: false, note: t('DataWorks did not say this group\'s type or project, so it cannot be shown as unchanged. Nothing is written for it.') }
        : { ...base, action: 'unchanged', writes: false };
    case 'delete':
      return { ...base, action: 'delete', writes: true, accountsRemoved: [...c.before.accounts].sort() };
    case 'ambiguous':
      return { ...base, action: 'ambiguous', writes: false, note: t('{0} groups on the server have this name: nothing is written for it.', c.ids.length) };
  }
}

export function planRequests(plan: GroupsPlan): PlanRequest[] {
  return plan.batches.map((b) => ({ action: b.action, names: [...b.names], parameters: parametersText(b.request), cli: b.cli }));
}

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
    rows: plan.changes.map((c) => row(c, t)),
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
