// The groups-as-code plan: what DsgUserGroupAddOrUpdate / DsgUserGroupDelete requests turn the server's groups
// (a snapshot) into the file's. A pure function of the two: the same file and snapshot give the same plan, and the
// requests in it are the WireRequest objects the API layer sends (shared/requests.ts), so what the review shows is
// what goes out. Groups are matched by name: the add-or-update call returns no IDs.
//
// Never guessed: when the server did not say a group's type (or a MaxCompute group's project), the plan says so. A
// group whose other fields already match is then not written (writing would only repeat the file's type, and the
// next plan could not tell either), but it is listed as unknown, not as unchanged.
import type { UserGroupInput } from '../api';
import type { DesiredGroup, GroupsFile } from '../shared/groupsFile';
import {
  aliyunCliCommand, dsgUserGroupAddOrUpdateRequest, dsgUserGroupDeleteRequest, type DeleteRequest, type WireRequest,
} from '../shared/requests';
import { LIMITS } from '../shared/schemas';
import type { GroupsSnapshot, SnapshotGroup } from './groupsSnapshot';
import { RegionMismatch } from './groupsSnapshot';

/** Our cap on IDs per DsgUserGroupDelete (not documented; the same assumption as the API layer's checks). */
export const DELETE_IDS_PER_REQUEST = 100;

export type PlannedField = 'owner' | 'type' | 'projectName';

/** One field that differs. `before` undefined with `unknown` true: the server did not say what it is now. */
export interface FieldChange {
  readonly field: PlannedField;
  readonly before: string | number | undefined;
  readonly after: string | number | undefined;
  readonly unknown?: boolean;
}

export type GroupChange =
  | { readonly kind: 'create'; readonly name: string; readonly after: DesiredGroup }
  | {
    readonly kind: 'update'; readonly name: string; readonly id: number; readonly before: SnapshotGroup; readonly after: DesiredGroup;
    readonly fields: readonly FieldChange[]; readonly accountsAdded: readonly string[]; readonly accountsRemoved: readonly string[];
    /** The type (or project) changes: the server converts the group (its accounts must suit the new kind). */
    readonly converts: boolean;
  }
  /** Nothing to write. `unknown` names what the server did not say, so the plan cannot claim it is unchanged. */
  | { readonly kind: 'unchanged'; readonly name: string; readonly id: number; readonly before: SnapshotGroup; readonly unknown: readonly ('type' | 'projectName')[] }
  | { readonly kind: 'delete'; readonly name: string; readonly id: number; readonly before: SnapshotGroup }
  /** Several server groups have the file's name: matching by name cannot pick one, so nothing is written for it. */
  | { readonly kind: 'ambiguous'; readonly name: string; readonly ids: readonly number[] };

export interface SaveBatch {
  readonly action: 'DsgUserGroupAddOrUpdate';
  /** Group names in the batch, in request order. */
  readonly names: readonly string[];
  readonly groups: readonly UserGroupInput[];
  readonly request: WireRequest;
  readonly cli: string;
}

export interface DeleteBatch {
  readonly action: 'DsgUserGroupDelete';
  readonly names: readonly string[];
  readonly ids: readonly number[];
  readonly request: DeleteRequest;
  readonly cli: string;
}

export type PlanBatch = SaveBatch | DeleteBatch;

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly delete: number;
  /** Groups whose type or project the server did not say (any kind of change). */
  readonly unknown: number;
  readonly ambiguous: number;
}

export interface GroupsPlan {
  readonly region: string;
  readonly prune: boolean;
  /** The snapshot's fingerprint: apply refuses when the server's groups no longer match it. */
  readonly fingerprint: string;
  readonly filtersApplied: boolean | 'unknown';
  /** Every file group and, with prune, every server group the file does not name; sorted by name. */
  readonly changes: readonly GroupChange[];
  /** In sending order: updates, creates, then deletes. */
  readonly batches: readonly PlanBatch[];
  readonly counts: PlanCounts;
  /** Human-readable notes on what is unknown ("analysts: type unknown (the server does not apply the type filter)"). */
  readonly unknowns: readonly string[];
}

const sortedSet = (a: readonly string[]): string[] => [...new Set(a)].sort();

function diffAccounts(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: sortedSet(after.filter((x) => !b.has(x))), removed: sortedSet(before.filter((x) => !a.has(x))) };
}

function input(g: DesiredGroup, id?: number): UserGroupInput {
  return {
    ...(id === undefined ? {} : { id }),
    name: g.name, owner: g.owner, type: g.type, accounts: [...g.accounts],
    ...(g.type === 3 && g.projectName ? { projectName: g.projectName } : {}),
  };
}

function compare(after: DesiredGroup, before: SnapshotGroup): GroupChange {
  const fields: FieldChange[] = [];
  const unknown: ('type' | 'projectName')[] = [];
  if (before.owner !== after.owner) fields.push({ field: 'owner', before: before.owner, after: after.owner });
  if (before.type === undefined) unknown.push('type');
  else if (before.type !== after.type) fields.push({ field: 'type', before: before.type, after: after.type });
  if (after.type === 3) {
    const want = after.projectName ?? '';
    // A group of unknown type was not searched by project; one of another type has none.
    if (before.type === 3 && before.projectName === undefined && before.notInProjects?.includes(want)) {
      // Searched under the file's project and not listed there: which project it has is unknown, that it differs is not.
      fields.push({ field: 'projectName', before: undefined, after: want, unknown: true });
    } else if (before.type === undefined || (before.type === 3 && before.projectName === undefined)) unknown.push('projectName');
    else if (before.type !== 3) fields.push({ field: 'projectName', before: undefined, after: want });
    else if (before.projectName !== want) fields.push({ field: 'projectName', before: before.projectName, after: want });
  }
  const { added, removed } = diffAccounts(before.accounts, after.accounts);
  if (fields.length === 0 && added.length === 0 && removed.length === 0) {
    return { kind: 'unchanged', name: after.name, id: before.id, before, unknown };
  }
  // An update sends the file's type and project whatever the server has: what the server did not say is shown as
  // a change from unknown, never as unchanged.
  // Known to change (a project known only to differ counts): the server converts the group.
  const converts = fields.some((f) => f.field === 'type' || f.field === 'projectName');
  for (const f of unknown) fields.push({ field: f, before: undefined, after: f === 'type' ? after.type : after.projectName, unknown: true });
  return { kind: 'update', name: after.name, id: before.id, before, after, fields, accountsAdded: added, accountsRemoved: removed, converts };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const byName = <T extends { name: string }>(x: T, y: T): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);

/** The save batch for these groups: the request object the API layer sends and its `aliyun` CLI line. */
export function saveBatch(groups: readonly UserGroupInput[], region: string): SaveBatch {
  const request = dsgUserGroupAddOrUpdateRequest(groups, region);
  return { action: 'DsgUserGroupAddOrUpdate', names: groups.map((g) => g.name), groups, request, cli: aliyunCliCommand(request) };
}

export function deleteBatch(groups: readonly { id: number; name: string }[], region: string): DeleteBatch {
  const ids = groups.map((g) => g.id);
  const request = dsgUserGroupDeleteRequest(ids, region);
  return { action: 'DsgUserGroupDelete', names: groups.map((g) => g.name), ids, request, cli: aliyunCliCommand(request) };
}

/**
 * The plan that turns `snapshot` into `file`. Pure. Updates carry the server group's Id; creates and updates go in
 * separate batches of at most LIMITS.groupsPerRequest (an update is safe to resend, a create is not); deletes only
 * with `prune: true`, at most DELETE_IDS_PER_REQUEST IDs each.
 */
export function planGroups(file: GroupsFile, snapshot: GroupsSnapshot): GroupsPlan {
  if (file.region !== snapshot.region) throw new RegionMismatch(file.region, snapshot.region);
  const prune = file.prune === true;
  const server = new Map<string, SnapshotGroup[]>();
  for (const g of snapshot.groups) server.set(g.name, [...(server.get(g.name) ?? []), g]);

  const changes: GroupChange[] = [];
  const named = new Set<string>();
  for (const want of [...file.groups].sort(byName)) {
    named.add(want.name);
    const have = server.get(want.name) ?? [];
    if (have.length === 0) changes.push({ kind: 'create', name: want.name, after: want });
    else if (have.length > 1) changes.push({ kind: 'ambiguous', name: want.name, ids: have.map((g) => g.id) });
    else changes.push(compare(want, have[0] as SnapshotGroup));
  }
  if (prune) {
    for (const g of snapshot.groups) if (!named.has(g.name)) changes.push({ kind: 'delete', name: g.name, id: g.id, before: g });
  }
  changes.sort(byName);

  const updates: UserGroupInput[] = [];
  const creates: UserGroupInput[] = [];
  const deletes: { id: number; name: string }[] = [];
  const unknowns: string[] = [];
  const counts = { create: 0, update: 0, unchanged: 0, delete: 0, unknown: 0, ambiguous: 0 };
  for (const c of changes) {
    counts[c.kind]++;
    if (c.kind === 'create') creates.push(input(c.after));
    else if (c.kind === 'update') updates.push(input(c.after, c.id));
    else if (c.kind === 'delete') deletes.push({ id: c.id, name: c.name });
    else if (c.kind === 'ambiguous') unknowns.push(`${c.name}: ${c.ids.length} server groups have this name; nothing is written for it`);
    const unknown = c.kind === 'unchanged' ? c.unknown : c.kind === 'update' ? c.fields.filter((f) => f.unknown).map((f) => f.field) : [];
    if (unknown.length > 0) {
      counts.unknown++;
      const note = c.kind === 'update' || c.kind === 'unchanged' ? c.before.note : undefined;
      const what = unknown.map((f) => (f === 'type' ? 'type' : 'MaxCompute project')).join(' and ');
      const consequence = c.kind === 'unchanged' ? 'not written; cannot be shown unchanged' : 'the update sets it from the file';
      unknowns.push(`${c.name}: ${what} unknown${note ? ` (${note})` : ''}; ${consequence}`);
    }
  }
  const batches: PlanBatch[] = [
    ...chunks(updates, LIMITS.groupsPerRequest).map((b) => saveBatch(b, file.region)),
    ...chunks(creates, LIMITS.groupsPerRequest).map((b) => saveBatch(b, file.region)),
    ...chunks(deletes, DELETE_IDS_PER_REQUEST).map((b) => deleteBatch(b, file.region)),
  ];
  return {
    region: file.region, prune, fingerprint: snapshot.fingerprint, filtersApplied: snapshot.filtersApplied,
    changes, batches, counts, unknowns,
  };
}

/** True when the plan writes nothing. */
export function planIsEmpty(plan: GroupsPlan): boolean {
  return plan.batches.length === 0;
}

/** The MaxCompute projects the file names: the candidates to search the server's type-3 groups under. */
export function fileProjects(file: GroupsFile): string[] {
  return sortedSet(file.groups.flatMap((g) => (g.type === 3 && g.projectName ? [g.projectName] : [])));
}
