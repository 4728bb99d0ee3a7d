// Applies a groups-as-code plan. The plan was computed from a snapshot: if the server's groups changed since, the
// plan is refused (StalePlan) rather than written over someone else's change. Batches go out in the plan's order,
// one call each (the caller rate-limits); after each batch the groups it wrote are read back, because whether a
// batch is all-or-nothing is not documented. The read-back costs what the batch wrote, not what the tenant holds:
// one Name lookup per written group, or the whole list when that is fewer pages (a small tenant), and nothing for a
// group whose change the list cannot show (its type or project). The first failure stops the apply: a request that
// failed may have succeeded, so nothing is ever resent; the result says what was applied, what was not and what
// is unknown, and the next plan, read from the server, shows exactly what remains.
// Plain logic, no `vscode`.
import type { CallOptions, DataWorksService, UserGroup, UserGroupInput } from '../api';
import { asDataWorksError } from '../base/errors';
import type { GroupsPlan, PlanBatch } from './groupsPlan';
import { readGroupList } from './groupsSnapshot';

export type GroupsWriter = Pick<DataWorksService, 'region' | 'listUserGroups' | 'saveUserGroups' | 'deleteUserGroups'>;

/** The server's groups are not those the plan was made from. */
export class StalePlan extends Error {
  override readonly name = 'StalePlan';
  constructor(readonly planned: string, readonly found: string) {
    super('the groups changed since this plan: plan again');
  }
}

export function isStalePlan(e: unknown): e is StalePlan {
  return e instanceof Error && e.name === 'StalePlan';
}

export interface ApplyDeps {
  readonly signal?: AbortSignal;
  /** Called after each batch (sent and read back). */
  readonly onBatch?: (done: number, total: number) => void;
  readonly log?: (line: string) => void;
}

export interface ApplyResult {
  readonly outcome: 'done' | 'failed' | 'cancelled';
  /** Group names, per what the read-back showed. */
  readonly applied: readonly string[];
  readonly notApplied: readonly string[];
  /** Sent in a request that failed ambiguously and not seen on the server yet: it may still land. Never resent. */
  readonly unknown: readonly string[];
  /** Applied per the server's answer, but what changed (type, project) is not in the list and could not be read back. */
  readonly unverified: readonly string[];
  readonly batchesSent: number;
  /** The failure that stopped the apply. */
  readonly error?: unknown;
  /** API calls the apply made (stale check, batches, read-backs). */
  readonly calls: number;
}

const PAGE_SIZE = 100;
/**
 * A name lookup is a fuzzy (substring) search: a short name can match many groups. A lookup that would take more
 * pages than this is not made; the whole list is read instead.
 */
const LOOKUP_PAGES = 5;

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((v) => x.has(v));
};

/** Whether the failure proves the server did not take the request (so unseen groups were not written). */
function definitive(e: unknown): boolean {
  const d = asDataWorksError(e);
  if (!d) return false;
  if (d.createVerdict === 'not-created') return true;
  return d.httpStatus !== undefined && d.httpStatus >= 400 && d.httpStatus < 500 && d.httpStatus !== 408;
}

interface ReadCost {
  calls: number;
  /** Pages the whole list took when last read: what reading it again would cost. */
  listPages: number;
}

/**
 * The server's groups with these names: one lookup per name, or the whole list when it is no longer than the
 * lookups would be or when a name matches too many groups to look up.
 */
async function readBack(service: GroupsWriter, names: readonly string[], cost: ReadCost): Promise<Map<string, UserGroup[]>> {
  const wanted = new Set(names);
  const found = new Map<string, UserGroup[]>();
  if (wanted.size === 0) return found;
  const add = (g: UserGroup): void => {
    if (!wanted.has(g.name)) return;
    const list = found.get(g.name) ?? [];
    if (!list.some((x) => x.id === g.id)) found.set(g.name, [...list, g]);
  };
  const readList = async (): Promise<Map<string, UserGroup[]>> => {
    found.clear();
    const all = await readGroupList(service);
    cost.calls += all.calls;
    cost.listPages = all.calls;
    all.groups.forEach(add);
    return found;
  };
  if (cost.listPages <= wanted.size) return readList();
  let complete = true;
  await Promise.all([...wanted].map(async (name) => {
    for (let pageNumber = 1; complete; pageNumber++) {
      cost.calls++;
      const page = await service.listUserGroups({ name, pageNumber, pageSize: PAGE_SIZE });
      if (page.totalCount > LOOKUP_PAGES * page.pageSize) complete = false;
      else page.items.forEach(add);
      if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) break;
    }
  }));
  return complete ? found : readList();
}

/** Whether the server shows this save as done: one group of the name, with the owner and accounts sent. */
function saved(g: UserGroupInput, found: Map<string, UserGroup[]>): boolean {
  const have = found.get(g.name) ?? [];
  if (have.length !== 1) return false;
  const s = have[0] as UserGroup;
  return (g.id === undefined || s.id === g.id) && s.owner === g.owner && sameSet(s.accounts, g.accounts);
}

/** Names whose planned change the list cannot show (only the type or project changes). */
function invisible(plan: GroupsPlan): Set<string> {
  const out = new Set<string>();
  for (const c of plan.changes) {
    if (c.kind === 'update' && c.accountsAdded.length === 0 && c.accountsRemoved.length === 0 && c.fields.every((f) => f.field !== 'owner')) out.add(c.name);
  }
  return out;
}

/**
 * Applies `plan` with `service` (bound to the plan's region). Throws StalePlan, before writing anything, when the
 * server's groups differ from the plan's snapshot, and whatever the stale check's read throws. Every other failure
 * is returned in the result, never thrown: the caller shows what was and was not applied.
 */
export async function applyPlan(plan: GroupsPlan, service: GroupsWriter, deps: ApplyDeps = {}): Promise<ApplyResult> {
  const opts: CallOptions = deps.signal ? { signal: deps.signal } : {};
  const now = await readGroupList(service, opts);
  const counter: ReadCost = { calls: now.calls, listPages: now.calls };
  if (now.fingerprint !== plan.fingerprint) throw new StalePlan(plan.fingerprint, now.fingerprint);
  const hidden = invisible(plan);

  const applied: string[] = [];
  const notApplied: string[] = [];
  const unknown: string[] = [];
  const unverified: string[] = [];
  const result = (outcome: ApplyResult['outcome'], batchesSent: number, error?: unknown): ApplyResult => ({
    outcome, applied, notApplied, unknown, unverified, batchesSent, calls: counter.calls, ...(error === undefined ? {} : { error }),
  });
  const rest = (from: number): string[] => plan.batches.slice(from).flatMap((b) => b.names);

  for (let i = 0; i < plan.batches.length; i++) {
    if (deps.signal?.aborted) {
      notApplied.push(...rest(i));
      return result('cancelled', i);
    }
    const batch = plan.batches[i] as PlanBatch;
    let failure: unknown;
    let failed = false;
    try {
      counter.calls++;
      if (batch.action === 'DsgUserGroupAddOrUpdate') await service.saveUserGroups(batch.groups, opts);
      else await service.deleteUserGroups(batch.ids, opts);
    } catch (e) {
      failed = true;
      failure = e;
      deps.log?.(`groups apply: batch ${i + 1}/${plan.batches.length} (${batch.action}) failed; reading back, never resending`);
    }

    let found: Map<string, UserGroup[]>;
    try {
      // Not under the apply's signal: after a cancelled send, what happened is still worth knowing.
      found = await readBack(service, batch.names.filter((n) => !hidden.has(n)), counter);
    } catch (e) {
      deps.log?.(`groups apply: read-back after batch ${i + 1} failed`);
      unknown.push(...batch.names);
      notApplied.push(...rest(i + 1));
      return result('failed', i + 1, failed ? failure : e);
    }

    let mismatch = false;
    const sure = failed && definitive(failure);
    const settle = (name: string, done: boolean, readable: boolean): void => {
      if (done) applied.push(name);
      else if (!readable && !failed) { applied.push(name); unverified.push(name); } else if (failed && !sure) unknown.push(name);
      else { notApplied.push(name); mismatch = true; }
    };
    if (batch.action === 'DsgUserGroupAddOrUpdate') {
      for (const g of batch.groups) {
        const readable = !hidden.has(g.name);
        settle(g.name, readable && saved(g, found), readable);
      }
    } else {
      batch.ids.forEach((id, k) => {
        const name = batch.names[k] as string;
        settle(name, !(found.get(name) ?? []).some((g) => g.id === id), true);
      });
    }
    deps.onBatch?.(i + 1, plan.batches.length);
    if (failed || mismatch) {
      notApplied.push(...rest(i + 1));
      return result('failed', i + 1, failed ? failure : new Error('the server answered success but the groups do not show the change'));
    }
  }
  return result('done', plan.batches.length);
}
