// What the user-group form decides without looking at the page: which accounts a row can pick, which of them match a
// search, what a pasted list adds, and what the host's answer about an edited group's type fills in. No DOM and no
// VS Code API here: plain-Node unit tests import this module, and userGroup.ts turns its answers into text.
import type { TenantUserItem, UgToWebview } from '../../src/shared/protocol';
import type { RawUserGroupRow } from '../../src/shared/schemas';

/** RAM roles in the tenant's member list: the accounts of type-2 groups, and never those of type-1 groups. */
export const RAM_ROLE_ACCOUNT_TYPE = 6;
/** At most this many options are drawn; the rest are counted ("N more, refine the search"). */
export const MAX_SHOWN_OPTIONS = 200;
/** At most this many owner suggestions go into the datalist. */
export const MAX_OWNER_OPTIONS = 2000;

/** One account a row can pick: the value saved, the text shown, and the names a pasted entry may use for it. */
export interface Candidate {
  value: string;
  label: string;
  names: string[];
}

type Lookup = { state: 'loading'; seq: number } | { state: 'failed'; message?: string; seq: number };

/** What the page knows of the two lookups; the host answers a request only if its seq is still the one asked. */
export interface Lookups {
  tenantUsers?: TenantUserItem[];
  tenantUsersState: { state: 'idle'; seq: number } | Lookup;
  /** MaxCompute roles per project name. */
  roles: Map<string, string[]>;
  rolesState: Map<string, Lookup>;
}

export const emptyLookups = (): Lookups => ({ tenantUsersState: { state: 'idle', seq: -1 }, roles: new Map(), rolesState: new Map() });

/** Marks the member list as asked for under `seq`; an answer to an earlier request is ignored from now on. */
export function askTenantUsers(l: Lookups, seq: number): void {
  l.tenantUsersState = { state: 'loading', seq };
}

/** Marks a project's roles as asked for under `seq`; `refresh` forgets the roles known so far. */
export function askRoles(l: Lookups, projectName: string, seq: number, refresh: boolean): void {
  l.rolesState.set(projectName, { state: 'loading', seq });
  if (refresh) l.roles.delete(projectName);
}

/** Whether the member list is neither known nor asked for (nor failed: a failure waits for Reload). */
export const tenantUsersUnasked = (l: Lookups): boolean => !l.tenantUsers && l.tenantUsersState.state === 'idle';

/** Whether a project's roles are neither known nor asked for. */
export const rolesUnasked = (l: Lookups, projectName: string): boolean => !l.roles.has(projectName) && !l.rolesState.has(projectName);

/** Takes the host's member list if it answers the pending request; false (nothing changed) for a stale answer. */
export function takeTenantUsers(l: Lookups, seq: number, items: TenantUserItem[]): boolean {
  if (seq !== l.tenantUsersState.seq) return false;
  l.tenantUsers = items;
  l.tenantUsersState = { state: 'idle', seq: -1 };
  return true;
}

/** Takes a project's roles if they answer its pending request; false (nothing changed) for a stale answer. */
export function takeRoles(l: Lookups, projectName: string, seq: number, roles: string[]): boolean {
  if (l.rolesState.get(projectName)?.seq !== seq) return false;
  l.rolesState.delete(projectName);
  l.roles.set(projectName, roles);
  return true;
}

/** Records that the request `seq` failed; false when it is not the pending member-list request (roles: any project). */
export function lookupFailed(l: Lookups, lookup: 'tenantUsers' | 'maxComputeRoles', seq: number, message: string | undefined): boolean {
  const failed = { state: 'failed', message, seq: -1 } as const;
  if (lookup === 'tenantUsers') {
    if (seq !== l.tenantUsersState.seq) return false;
    l.tenantUsersState = failed;
    return true;
  }
  let hit = false;
  for (const [p, st] of l.rolesState) {
    if (st.seq === seq) {
      l.rolesState.set(p, failed);
      hit = true;
    }
  }
  return hit;
}

/** The accounts a row can pick, or why there are none yet. */
export type Candidates =
  | { kind: 'list'; list: Candidate[] }
  /** A MaxCompute-role group whose roles have not been asked for: a project name comes first. */
  | { kind: 'rolesFirst' }
  | { kind: 'loading' }
  | { kind: 'failed'; message?: string | undefined }
  /** Nothing to say (no row, or the member list not asked for yet). */
  | { kind: 'none' };

export function candidatesFor(row: RawUserGroupRow | undefined, lookups: Lookups): Candidates {
  if (!row) return { kind: 'none' };
  if (row.type === '3') {
    const p = row.projectName.trim();
    if (!p) return { kind: 'rolesFirst' };
    const list = lookups.roles.get(p);
    if (list) return { kind: 'list', list: list.map((r) => ({ value: r, label: r, names: [r] })) };
    const st = lookups.rolesState.get(p);
    if (st?.state === 'failed') return { kind: 'failed', message: st.message };
    return st ? { kind: 'loading' } : { kind: 'rolesFirst' };
  }
  const users = lookups.tenantUsers;
  if (!users) {
    const st = lookups.tenantUsersState;
    if (st.state === 'failed') return { kind: 'failed', message: st.message };
    return st.state === 'loading' ? { kind: 'loading' } : { kind: 'none' };
  }
  const wantRam = row.type === '2';
  return {
    kind: 'list',
    list: users
      .filter((u) => (u.accountType === RAM_ROLE_ACCOUNT_TYPE) === wantRam)
      .map((u) => ({ value: u.yunAccount, label: `${u.accountName} (${u.yunAccount})`, names: [u.yunAccount, u.accountName] })),
  };
}

/** The candidates whose label contains the search (any case), the first `cap` of them, and how many more match. */
export function searchCandidates(list: readonly Candidate[], search: string, cap = MAX_SHOWN_OPTIONS): { shown: Candidate[]; total: number; more: number } {
  const query = search.trim().toLowerCase();
  const matches = list.filter((x) => !query || x.label.toLowerCase().includes(query));
  return { shown: matches.slice(0, cap), total: matches.length, more: Math.max(0, matches.length - cap) };
}

/** The chosen accounts that are not in the list for the row's type; none while the list is not known. */
export function accountsNotInList(accounts: readonly string[], list: readonly Candidate[] | undefined): string[] {
  if (!list) return [];
  const known = new Set(list.map((x) => x.value));
  return accounts.filter((a) => !known.has(a));
}

/** Splits a pasted list on line breaks, commas and semicolons (ASCII or full-width); trimmed, blanks and repeats dropped. */
export function splitPasted(text: string): string[] {
  return [...new Set(text.split(/[\n\r,;，；]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/**
 * A pasted list against the candidates: each entry is an account's value or name. `added` holds the values not yet
 * chosen (each once, even when two entries name the same account), `unknown` the entries no candidate has. While the
 * list is not known every entry is taken as it is, unchecked.
 */
export function parsePasted(text: string, list: readonly Candidate[] | undefined, chosen: readonly string[]): { entries: number; added: string[]; unknown: string[] } {
  const entries = splitPasted(text);
  const have = new Set(chosen);
  const added: string[] = [];
  const unknown: string[] = [];
  for (const entry of entries) {
    const hit = list ? list.find((x) => x.names.includes(entry))?.value : entry;
    if (hit === undefined) unknown.push(entry);
    else if (!have.has(hit)) {
      have.add(hit);
      added.push(hit);
    }
  }
  return { entries: entries.length, added, unknown };
}

/** Toggles one account in a row's list, keeping the order of the others and each account once. */
export function toggled(accounts: readonly string[], account: string, on: boolean): string[] {
  if (!on) return accounts.filter((a) => a !== account);
  return accounts.includes(account) ? [...accounts] : [...accounts, account];
}

/** The owner suggestions: the tenant's members that are not RAM roles, capped. */
export function ownerOptions(users: readonly TenantUserItem[]): TenantUserItem[] {
  return users.filter((u) => u.accountType !== RAM_ROLE_ACCOUNT_TYPE).slice(0, MAX_OWNER_OPTIONS);
}

export type GroupKind = Extract<UgToWebview, { type: 'groupKind' }>;

/**
 * Fills in what the server's answers settled about an edited group, unless the user has already chosen: the type
 * only while none is selected, the project only for a MaxCompute-role group whose project box is empty. Never picks a
 * type itself, and does nothing when adding groups. True when it changed the row.
 */
export function applyKind(row: RawUserGroupRow | undefined, kind: GroupKind | undefined, mode: 'add' | 'edit' | undefined): boolean {
  if (!row || !kind || mode !== 'edit') return false;
  let filled = false;
  if (row.type === '' && kind.groupType !== undefined) {
    row.type = String(kind.groupType);
    filled = true;
  }
  if (row.type === '3' && kind.groupType === 3 && kind.projectName && row.projectName.trim() === '') {
    row.projectName = kind.projectName;
    filled = true;
  }
  return filled;
}

/** Whether the host's answer names the project of the edited group (false for a MaxCompute-role group without one). */
export const kindNamesProject = (kind: Pick<GroupKind, 'groupType' | 'projectName'>): boolean => !(kind.groupType === 3 && !kind.projectName);
