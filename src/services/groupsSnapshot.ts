// A region's Data Security Guard user groups as the server shows them, read for the groups-as-code plan.
// The list API's items carry neither a group's type nor its MaxCompute project (every SDK model), so those are
// learned at list scale: each type filter is listed once, all pages, which gives every group's type in (pages × 3)
// calls rather than calls per group. Whether the server applies the filters is itself unknown, so the answers are
// checked for consistency (a group listed under two types means the filter is ignored) and nothing is guessed.
// Plain logic, no `vscode`: unit-tested against a fake service and over HTTP against the emulator.
import type { CallOptions, ListUserGroupsRequest, Page, UserGroup, UserGroupType } from '../api';
import { PROBE_PROJECT } from './userGroupKind';

export interface GroupsReader {
  readonly region: string;
  listUserGroups(req: ListUserGroupsRequest, opts?: CallOptions): Promise<Page<UserGroup>>;
}

/** One server group with what the server's answers settled about its kind. */
export interface SnapshotGroup {
  readonly id: number;
  readonly name: string;
  readonly owner: string;
  readonly accounts: readonly string[];
  readonly modifiedTime: string;
  /** Absent when the server's answers did not settle it. */
  readonly type?: UserGroupType;
  /** Only for type 3, and only when exactly one searched project lists the group. */
  readonly projectName?: string;
  /** Why the type (or the project of a type-3 group) is unknown, for the log. */
  readonly note?: string;
  /** The same as a code, for translated text. */
  readonly reason?: UnknownReason;
  /**
   * Projects a type-3 group of unknown project was searched under, with the filter shown to be applied, and not
   * found: its project is none of these (so a file naming one of them asks for a change, not for nothing).
   */
  readonly notInProjects?: readonly string[];
}

export type UnknownReason = 'typeFilterIgnored' | 'typeNotListed' | 'projectFilterIgnored' | 'projectNotFound' | 'projectAmbiguous';

export interface GroupsSnapshot {
  readonly region: string;
  /** Sorted by name, then id. */
  readonly groups: readonly SnapshotGroup[];
  /** Whether the server applies the userGroupType filter; 'unknown' when its answers do not show it either way. */
  readonly filtersApplied: boolean | 'unknown';
  /** Whether the server applies the ProjectName filter (probed with a project that cannot exist). */
  readonly projectFilterApplied: boolean | 'unknown';
  /** Stable hash of ids, names, owners, accounts and modification times: changes when anyone writes a group. */
  readonly fingerprint: string;
  /** API calls the read made. */
  readonly calls: number;
}

export interface SnapshotOptions extends CallOptions {
  /** MaxCompute projects to search type-3 groups under (the file's projects, the region's workspaces). */
  readonly projectCandidates?: readonly string[];
  /** Candidate projects searched at most (each costs its pages). Default 20. */
  readonly maxProjectSearches?: number;
}

const PAGE_SIZE = 100;
/** A list that has not ended after this many pages is not trusted to end (10,000 groups take 100). */
const MAX_PAGES = 1000;
const TYPES: readonly UserGroupType[] = [1, 2, 3];
export const DEFAULT_PROJECT_SEARCHES = 20;

/** Thrown when a read is asked of a service bound to another region than the file names. */
export class RegionMismatch extends Error {
  override readonly name = 'RegionMismatch';
  constructor(readonly fileRegion: string, readonly serviceRegion: string) {
    super(`the file is for ${fileRegion} but the service is for ${serviceRegion}`);
  }
}

interface Counter { calls: number }

/** Every page of one (filtered) list, deduplicated by id. */
async function listAll(service: GroupsReader, filter: Partial<ListUserGroupsRequest>, counter: Counter, opts?: CallOptions): Promise<UserGroup[]> {
  const byId = new Map<number, UserGroup>();
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    counter.calls++;
    const page = await service.listUserGroups({ ...filter, pageNumber, pageSize: PAGE_SIZE }, opts);
    for (const g of page.items) byId.set(g.id, g);
    if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) break;
  }
  return [...byId.values()];
}

/** FNV-1a, 2 × 32 bits with different offsets: stable across runs and platforms, no dependency. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The fingerprint of what the list says (kinds are derived from filtered lists and are not part of it). */
export function groupsFingerprint(groups: readonly Pick<UserGroup, 'id' | 'name' | 'owner' | 'accounts' | 'modifiedTime'>[]): string {
  const rows = [...groups]
    .sort((x, y) => x.id - y.id)
    .map((g) => [g.id, g.name, g.owner, [...g.accounts].sort(), g.modifiedTime]);
  return hash(JSON.stringify(rows));
}

/** All pages of the unfiltered list and their fingerprint: what apply re-reads to detect a stale plan. */
export async function readGroupList(service: GroupsReader, opts?: CallOptions): Promise<{ groups: UserGroup[]; fingerprint: string; calls: number }> {
  const counter = { calls: 0 };
  const groups = await listAll(service, {}, counter, opts);
  return { groups, fingerprint: groupsFingerprint(groups), calls: counter.calls };
}

const byName = (x: SnapshotGroup, y: SnapshotGroup): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id - y.id);

/**
 * Reads every group of the service's region with its kind where the server's answers settle it. Cost: the list's
 * pages × 4 (unfiltered and the three type filters; the type filters are skipped when the items carry the type),
 * plus, when type-3 groups lack a project, one probe and each candidate project's pages (at most
 * `maxProjectSearches` candidates).
 */
export async function readGroupsSnapshot(service: GroupsReader, region: string, opts: SnapshotOptions = {}): Promise<GroupsSnapshot> {
  if (service.region !== region) throw new RegionMismatch(region, service.region);
  const call: CallOptions = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.deadlineMs ? { deadlineMs: opts.deadlineMs } : {}) };
  const counter = { calls: 0 };
  const listed = await listAll(service, {}, counter, call);
  const fingerprint = groupsFingerprint(listed);

  // A service that sends the type (and project) in the items settles them without a search.
  const types = new Map<number, UserGroupType | undefined>();
  const notes = new Map<number, string>();
  const reasons = new Map<number, UnknownReason>();
  const unknownBecause = (id: number, reason: UnknownReason, note: string): void => {
    reasons.set(id, reason);
    notes.set(id, note);
  };
  let filtersApplied: boolean | 'unknown' = 'unknown';
  const untyped = listed.filter((g) => g.type === undefined);
  for (const g of listed) if (g.type !== undefined) types.set(g.id, g.type);
  if (untyped.length > 0) {
    const lists = await Promise.all(TYPES.map((type) => listAll(service, { type }, counter, call)));
    const hits = new Map<number, UserGroupType[]>();
    lists.forEach((items, i) => {
      for (const g of items) hits.set(g.id, [...(hits.get(g.id) ?? []), TYPES[i] as UserGroupType]);
    });
    const ignored = [...hits.values()].some((h) => h.length > 1);
    filtersApplied = ignored ? false : untyped.every((g) => hits.get(g.id)?.length === 1) ? true : 'unknown';
    for (const g of untyped) {
      const h = hits.get(g.id) ?? [];
      if (!ignored && h.length === 1) types.set(g.id, h[0]);
      else if (ignored) unknownBecause(g.id, 'typeFilterIgnored', 'the server does not apply the type filter');
      else unknownBecause(g.id, 'typeNotListed', 'no type filter lists the group');
    }
  }

  // Projects of type-3 groups the items do not name: a probe first, then the candidates.
  const projects = new Map<number, string>();
  const notIn = new Map<number, string[]>();
  for (const g of listed) if (g.type === 3 && g.projectName) projects.set(g.id, g.projectName);
  const needProject = listed.filter((g) => types.get(g.id) === 3 && !projects.has(g.id));
  let projectFilterApplied: boolean | 'unknown' = 'unknown';
  if (needProject.length > 0) {
    const probe = await listAll(service, { type: 3, projectName: PROBE_PROJECT }, counter, call);
    if (probe.length > 0) {
      projectFilterApplied = false;
      for (const g of needProject) unknownBecause(g.id, 'projectFilterIgnored', 'the server does not apply the ProjectName filter');
    } else {
      const max = opts.maxProjectSearches ?? DEFAULT_PROJECT_SEARCHES;
      const candidates = [...new Set(opts.projectCandidates ?? [])].filter((c) => c !== '' && c !== PROBE_PROJECT).sort().slice(0, max);
      const lists = await Promise.all(candidates.map((projectName) => listAll(service, { type: 3, projectName }, counter, call)));
      const hits = new Map<number, string[]>();
      lists.forEach((items, i) => {
        for (const g of items) hits.set(g.id, [...(hits.get(g.id) ?? []), candidates[i] as string]);
      });
      if (candidates.length > 0) projectFilterApplied = true;
      for (const g of needProject) {
        const h = hits.get(g.id) ?? [];
        if (h.length === 1) projects.set(g.id, h[0] as string);
        else if (h.length === 0) notIn.set(g.id, candidates);
        if (h.length === 0) unknownBecause(g.id, 'projectNotFound', `none of ${candidates.length} searched projects lists the group`);
        else if (h.length > 1) unknownBecause(g.id, 'projectAmbiguous', `${h.length} projects list the group`);
      }
    }
  }

  const groups = listed.map((g): SnapshotGroup => {
    const type = types.get(g.id);
    const projectName = type === 3 ? projects.get(g.id) : undefined;
    const note = notes.get(g.id);
    const reason = reasons.get(g.id);
    const not = projectName === undefined ? notIn.get(g.id) : undefined;
    return {
      id: g.id, name: g.name, owner: g.owner, accounts: [...g.accounts], modifiedTime: g.modifiedTime,
      ...(type === undefined ? {} : { type }),
      ...(projectName === undefined ? {} : { projectName }),
      ...(note === undefined ? {} : { note }),
      ...(reason === undefined ? {} : { reason }),
      ...(not === undefined ? {} : { notInProjects: not }),
    };
  }).sort(byName);
  return { region, groups, filtersApplied, projectFilterApplied, fingerprint, calls: counter.calls };
}
