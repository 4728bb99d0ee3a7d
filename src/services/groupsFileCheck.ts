// What a groups file says that only DataWorks can judge: are the owners and accounts the tenant's, are the type-3
// accounts roles of their MaxCompute project, and is the file about the region the active profile is on. No vscode:
// the diagnostics adapter (groupsFileDiagnostics.ts) places the findings and words them; tests drive this directly.
//
// Names are the tenant's data, matched exactly as the emulator and DsgUserGroupAddOrUpdate do (an account is known by
// its YunAccount, `user:alice`, or its account name, `alice`); suggestions are only ever offered, never applied.
import type { TenantUser } from '../api';
import type { GroupsFile } from '../shared/groupsFile';

/** MaxCompute projects asked about at most per check (one ListMaxComputeRoles call each, cached). */
export const MAX_ROLE_PROJECTS = 10;
/** Suggestions offered per unknown name. */
export const MAX_SUGGESTIONS = 3;

export type GroupsFileFindingCode =
  | 'otherRegion' | 'unknownOwner' | 'unknownAccount' | 'accountIsRole' | 'accountIsNotRole' | 'unknownRole' | 'notChecked';

export interface GroupsFileFinding {
  /** Where in the file: e.g. `['groups', 2, 'accounts', 0]`. */
  readonly path: readonly (string | number)[];
  readonly code: GroupsFileFindingCode;
  readonly severity: 'warning' | 'info';
  /** The values the sentence names, in its order (outside text: show inert). */
  readonly args: readonly string[];
  /** Closest known names, best first (for the quick fix). */
  readonly suggestions?: readonly string[];
}

/**
 * The reads the checks need, for one profile and region; both go through the read cache. `undefined`: not known
 * without a request, and requests are not allowed now (while typing: a project name typed letter by letter must not
 * cost a call per letter); that check is skipped, silently.
 */
export interface GroupsFileLookups {
  tenantUsers(): Promise<readonly TenantUser[] | undefined>;
  maxComputeRoles(projectName: string): Promise<readonly string[] | undefined>;
}

/** The file's region against the active profile's: a plan uses the file's region, with the profile's credentials. */
export function regionFinding(file: Pick<GroupsFile, 'region'>, profileName: string, profileRegion: string): GroupsFileFinding | undefined {
  if (file.region === profileRegion) return undefined;
  return { path: ['region'], code: 'otherRegion', severity: 'warning', args: [file.region, profileName, profileRegion] };
}

/** Levenshtein distance, case-insensitive (names that differ only in case are the closest of all but one). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return a === b ? 0 : 0.5;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * The known names closest to `name`, best first, at most `max`; a name further than half its length (at least 3
 * edits) is no suggestion. A `user:`/`role:` prefix is compared without, so `alcie` suggests `user:alice`.
 */
export function closestNames(name: string, known: Iterable<string>, max = MAX_SUGGESTIONS): string[] {
  const bare = (s: string): string => s.replace(/^(?:user|role):/, '');
  const target = bare(name.trim());
  const limit = Math.max(3, Math.ceil(target.length / 2));
  const scored: { n: string; d: number }[] = [];
  for (const n of new Set(known)) {
    if (n.length > 256 || n === name) continue;
    const d = editDistance(target, bare(n));
    if (d <= limit) scored.push({ n, d });
  }
  scored.sort((x, y) => x.d - y.d || x.n.localeCompare(y.n));
  return scored.slice(0, max).map((s) => s.n);
}

const isRole = (u: TenantUser): boolean => u.accountType === 6;

/**
 * The server checks of a valid file. Never rejects: a failed read gives one `notChecked` info finding and the
 * checks that did not need it still run. `signal` stops further reads (a newer version of the text is on its way).
 */
export async function checkGroupsFileOnServer(file: GroupsFile, lookups: GroupsFileLookups, signal?: AbortSignal): Promise<GroupsFileFinding[]> {
  const findings: GroupsFileFinding[] = [];
  let failed = false;
  const notChecked = (): void => {
    if (!failed) findings.push({ path: [], code: 'notChecked', severity: 'info', args: [] });
    failed = true;
  };

  const needsUsers = file.groups.length > 0;
  let users: readonly TenantUser[] | undefined;
  if (needsUsers) {
    try {
      users = await lookups.tenantUsers();
    } catch {
      notChecked();
    }
  }
  if (users) {
    const byName = new Map<string, TenantUser>();
    for (const u of users) {
      byName.set(u.accountName, u);
      byName.set(u.yunAccount, u);
    }
    const owners = users.map((u) => u.accountName);
    file.groups.forEach((g, i) => {
      if (!byName.has(g.owner)) {
        findings.push({ path: ['groups', i, 'owner'], code: 'unknownOwner', severity: 'warning', args: [g.owner], suggestions: closestNames(g.owner, owners) });
      }
      if (g.type === 3) return;
      // Type 1 holds Alibaba Cloud accounts and RAM users, type 2 RAM roles (the server refuses the other kind).
      const fitting = users.filter((u) => isRole(u) === (g.type === 2)).map((u) => u.yunAccount);
      g.accounts.forEach((a, j) => {
        const u = byName.get(a);
        const path = ['groups', i, 'accounts', j];
        if (!u) findings.push({ path, code: 'unknownAccount', severity: 'warning', args: [a], suggestions: closestNames(a, fitting) });
        else if (isRole(u) && g.type === 1) findings.push({ path, code: 'accountIsRole', severity: 'warning', args: [a] });
        else if (!isRole(u) && g.type === 2) findings.push({ path, code: 'accountIsNotRole', severity: 'warning', args: [a] });
      });
    });
  }

  const projects = [...new Set(file.groups.filter((g) => g.type === 3 && g.projectName).map((g) => g.projectName as string))].slice(0, MAX_ROLE_PROJECTS);
  const roles = new Map<string, ReadonlySet<string>>();
  for (const p of projects) {
    if (signal?.aborted || failed) break;
    try {
      const list = await lookups.maxComputeRoles(p);
      if (list) roles.set(p, new Set(list));
    } catch {
      notChecked();
    }
  }
  file.groups.forEach((g, i) => {
    const known = g.type === 3 && g.projectName ? roles.get(g.projectName) : undefined;
    if (!known || !g.projectName) return;
    g.accounts.forEach((a, j) => {
      if (!known.has(a)) {
        findings.push({ path: ['groups', i, 'accounts', j], code: 'unknownRole', severity: 'warning', args: [a, g.projectName ?? ''], suggestions: closestNames(a, known) });
      }
    });
  });
  return findings;
}
