// What kind of group a Data Security Guard user group is: its type and, for MaxCompute roles, its project.
// The list API's items carry neither (every SDK model: Accounts, GmtCreate, GmtModified, Id, Name, Owner), and
// saving a group with another type converts it. So the kind is asked of the server, never guessed, and where the
// server's answers do not settle it, it stays unknown and the user is asked.
// Plain logic, no `vscode`: unit-tested against the fake service and the emulator.
import type { CallOptions, ListUserGroupsRequest, Page, UserGroup, UserGroupType } from '../api';
import type { RawUserGroups } from '../shared/schemas';
import type { Translate } from '../util/translate';

export interface GroupKind {
  readonly type?: UserGroupType;
  /** Only for type 3, and only when the server's answers name exactly one project. */
  readonly projectName?: string;
  /** Why the type (or the project of a type-3 group) is unknown, for the log. */
  readonly note?: string;
}

export interface KindLookup {
  listUserGroups(req: ListUserGroupsRequest, opts?: CallOptions): Promise<Page<UserGroup>>;
}

const TYPES: readonly UserGroupType[] = [1, 2, 3];

/** A user group type's name, as the tree, the form's review and the form page show it. */
export function userGroupTypeLabel(type: UserGroupType, t: Translate): string {
  switch (type) {
    case 1: return t('Alibaba Cloud account');
    case 2: return t('RAM role');
    case 3: return t('MaxCompute role');
  }
}
/** Pages of a filtered name search read at most: the name filter is a substring match. */
const MAX_PAGES = 5;
/** Candidate projects asked about at most (each is one call). */
export const MAX_PROJECT_CANDIDATES = 10;
/**
 * A project name that follows the MaxCompute naming rule but no tenant has. If the server lists the group under it,
 * the ProjectName filter is not being applied and no filtered answer says anything.
 */
export const PROBE_PROJECT = 'dataworks_vscode_no_such_project_0';

/** Whether a search with `filter` (plus the group's name) lists the group. */
async function lists(service: KindLookup, group: UserGroup, filter: Partial<ListUserGroupsRequest>, opts?: CallOptions): Promise<boolean> {
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const page = await service.listUserGroups({ ...filter, name: group.name, pageNumber, pageSize: 100 }, opts);
    if (page.items.some((g) => g.id === group.id)) return true;
    if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) return false;
  }
  return false;
}

/**
 * The group's type from three searches filtered by type: known only when exactly one of them lists the group. A
 * server that ignores the filter lists it in all three, and one that filters on something else may list it in none:
 * both leave the type unknown rather than picking one.
 */
async function resolveType(service: KindLookup, group: UserGroup, opts?: CallOptions): Promise<GroupKind> {
  const hits = await Promise.all(TYPES.map((type) => lists(service, group, { type }, opts)));
  const matching = TYPES.filter((_, i) => hits[i]);
  if (matching.length === 1) return { type: matching[0] };
  return { note: matching.length === 0 ? 'no type filter lists the group' : `the type filter is not applied (${matching.length} types list the group)` };
}

/**
 * The project of a type-3 group: known only when exactly one candidate project lists it and a project that cannot
 * exist does not (so the ProjectName filter is really applied).
 */
async function resolveProject(
  service: KindLookup, group: UserGroup, candidates: readonly string[], opts?: CallOptions,
): Promise<GroupKind> {
  if (await lists(service, group, { type: 3, projectName: PROBE_PROJECT }, opts)) {
    return { type: 3, note: 'the ProjectName filter is not applied' };
  }
  const unique = [...new Set(candidates)].filter((c) => c !== '' && c !== PROBE_PROJECT).slice(0, MAX_PROJECT_CANDIDATES);
  const hits = await Promise.all(unique.map((projectName) => lists(service, group, { type: 3, projectName }, opts)));
  const matching = unique.filter((_, i) => hits[i]);
  if (matching.length === 1) return { type: 3, projectName: matching[0] };
  return { type: 3, note: matching.length === 0 ? `none of ${unique.length} candidate projects lists the group` : `${matching.length} projects list the group` };
}

/**
 * Whether the server lists a type-3 group under `projectName`: 'unverifiable' when it also lists it under a project
 * that cannot exist (the filter is not applied). Asked before saving a project the user entered because the server's
 * answers did not name one.
 */
export async function checkGroupProject(
  service: KindLookup, group: UserGroup, projectName: string, opts?: CallOptions,
): Promise<'listed' | 'not-listed' | 'unverifiable'> {
  const [probe, entered] = await Promise.all([
    lists(service, group, { type: 3, projectName: PROBE_PROJECT }, opts),
    lists(service, group, { type: 3, projectName }, opts),
  ]);
  if (probe) return 'unverifiable';
  return entered ? 'listed' : 'not-listed';
}

/** What the list item itself says, when it says enough (a service that sends UserGroupType and ProjectName). */
export function kindFromList(group: UserGroup): GroupKind | undefined {
  if (group.type === undefined || (group.type === 3 && !group.projectName)) return undefined;
  return { type: group.type, ...(group.type === 3 ? { projectName: group.projectName } : {}) };
}

/**
 * Resolves what the server did not send. `projectCandidates` is asked only for a type-3 group whose project is
 * unknown (the region's workspace identifiers are the usual MaxCompute project names).
 */
export async function resolveGroupKind(
  service: KindLookup,
  group: UserGroup,
  projectCandidates: () => Promise<readonly string[]>,
  opts?: CallOptions,
): Promise<GroupKind> {
  const listed = kindFromList(group);
  if (listed) return listed;
  const known: GroupKind = group.type === undefined ? await resolveType(service, group, opts) : { type: group.type };
  if (known.type !== 3) return known;
  return resolveProject(service, group, await projectCandidates(), opts);
}

/**
 * The resolved kinds of groups per profile and region, valid for the read cache's lifetime and while the group's
 * modification time is unchanged.
 */
export class GroupKindCache {
  private readonly kinds = new Map<string, { kind: GroupKind; modifiedTime: string | undefined; at: number }>();

  constructor(private readonly ttlMs: () => number, private readonly now: () => number = Date.now) {}

  private static key(profile: string, region: string, id: number): string {
    return JSON.stringify([profile, region, id]);
  }

  get(profile: string, region: string, group: UserGroup): GroupKind | undefined {
    const hit = this.kinds.get(GroupKindCache.key(profile, region, group.id));
    if (!hit || this.now() - hit.at > this.ttlMs()) return undefined;
    // A write of ours leaves the modification time open: the server sets it, and we learn it with the next list.
    if (hit.modifiedTime !== undefined && hit.modifiedTime !== group.modifiedTime) return undefined;
    return hit.kind;
  }

  /** A kind the server's answers settled (with the group's modification time), or one we have just written. */
  set(profile: string, region: string, id: number, kind: GroupKind, modifiedTime?: string): void {
    if (kind.type === undefined) return;
    this.kinds.set(GroupKindCache.key(profile, region, id), { kind: { type: kind.type, ...(kind.projectName ? { projectName: kind.projectName } : {}) }, modifiedTime, at: this.now() });
  }

  /** Drops a profile's entries (all without one). */
  clear(profile?: string): void {
    if (profile === undefined) return this.kinds.clear();
    const prefix = JSON.stringify([profile]).slice(0, -1) + ',';
    for (const key of [...this.kinds.keys()]) if (key.startsWith(prefix)) this.kinds.delete(key);
  }
}

/**
 * The edit form's first values. The type and project are what the server's answers settled, else empty: nothing is
 * selected, and the form cannot be saved until they are known or the user picks them.
 */
export function editPrefill(group: UserGroup, kind: GroupKind | undefined): RawUserGroups {
  return {
    rows: [{
      name: group.name,
      owner: group.owner,
      type: kind?.type === undefined ? '' : String(kind.type),
      projectName: kind?.type === 3 ? kind.projectName ?? '' : '',
      accounts: [...group.accounts],
    }],
  };
}
