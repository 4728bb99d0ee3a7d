// Data Security Guard user-group actions. Every business failure is a DsgError; the server decides whether it goes
// out as HTTP 200 + Success:false or as a real 4xx (dsgErrorStyle).
import { DSG } from '../errors';
import type { EmulatorData, TenantUserRecord, UserGroupRecord, UserGroupType } from '../model';
import type { ActionContext, ActionResult } from './common';
import { contains, dsgInt, dsgJson, dsgTime, page } from './common';
import type { DsgListShape } from '../wire';

/** Emulator limits (the real numbers are not documented). */
export const MAX_GROUPS_PER_REQUEST = 20;
export const MAX_ACCOUNTS_PER_GROUP = 100;
export const USER_GROUP_NAME_RULE = /^[\p{L}\p{N}_\-.]{1,64}$/u;

const ok = (extra: ActionResult): ActionResult => ({ Success: true, HttpStatusCode: 200, ...extra });

/**
 * Exactly the SDK's item model (Accounts, GmtCreate, GmtModified, Id, Name, Owner): the real list does not tell a
 * group's type or MaxCompute project. 'rich' adds both, for tests written against the emulator's old shape.
 */
function groupWire(g: UserGroupRecord, shape: DsgListShape): ActionResult {
  const item: ActionResult = {
    Id: g.id,
    Name: g.name,
    Owner: g.owner,
    Accounts: [...g.accounts],
    GmtCreate: dsgTime(g.createdAt),
    GmtModified: dsgTime(g.modifiedAt),
  };
  return shape === 'rich' ? { ...item, UserGroupType: g.type, ProjectName: g.projectName } : item;
}

export function queryList(ctx: ActionContext): ActionResult {
  const p = ctx.params;
  const pageNumber = dsgInt(p, 'PageNumber', true) ?? 1;
  const pageSize = dsgInt(p, 'PageSize', true) ?? 10;
  if (pageSize > 100) throw DSG.pageSize();
  if (pageNumber < 1 || pageSize < 1) throw DSG.params();
  const name = p.get('Name') ?? '';
  const owner = p.get('Owner') ?? '';
  const kindFilters = ctx.kindFilters === 'applied';
  const projectName = kindFilters ? p.get('ProjectName') ?? '' : '';
  const type = kindFilters ? dsgInt(p, 'userGroupType', false) : undefined;
  const groups = ctx.store.current.userGroups;
  // Newest first: walk the id-ordered array backwards instead of sorting 10,000 records per call.
  const matches: UserGroupRecord[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (!g) continue;
    if (name && !contains(g.name, name)) continue;
    if (owner && g.owner !== owner) continue;
    if (projectName && g.projectName !== projectName) continue;
    if (type !== undefined && g.type !== type) continue;
    matches.push(g);
  }
  return ok({ PageData: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: matches.length, Data: page(matches, pageNumber, pageSize).map((g) => groupWire(g, ctx.listShape)) } });
}

export function queryUserList(ctx: ActionContext): ActionResult {
  return ok({
    Data: ctx.store.current.tenantUsers.map((u) => ({
      AccountName: u.accountName,
      AccountType: u.accountType,
      BaseId: u.baseId,
      ParentAccountId: u.parentAccountId,
      YunAccount: u.yunAccount,
    })),
  });
}

export function getOdpsRoleGroups(ctx: ActionContext): ActionResult {
  const projectName = ctx.params.get('ProjectName');
  if (!projectName) throw DSG.params();
  return ok({ Data: [...(ctx.store.current.maxComputeRoles[projectName] ?? [])] });
}

interface GroupInput {
  id?: number;
  name: string;
  owner: string;
  type: UserGroupType;
  accounts: string[];
  projectName: string;
}

const findUser = (d: EmulatorData, v: string): TenantUserRecord | undefined =>
  d.tenantUsers.find((u) => u.yunAccount === v || u.accountName === v);

function parseGroup(x: unknown): GroupInput {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw DSG.params();
  const o = x as Record<string, unknown>;
  const { Id, Name, Owner, Accounts, ProjectName, UserGroupType } = o;
  let id: number | undefined;
  if (Id !== undefined && Id !== null) {
    const n = typeof Id === 'string' && /^\d+$/.test(Id) ? Number(Id) : Id;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw DSG.params();
    id = n;
  }
  if (typeof Name !== 'string' || !USER_GROUP_NAME_RULE.test(Name)) throw DSG.params();
  if (typeof Owner !== 'string' || Owner === '') throw DSG.params();
  const type = typeof UserGroupType === 'string' ? Number(UserGroupType) : UserGroupType;
  if (type !== 1 && type !== 2 && type !== 3) throw DSG.params();
  if (!Array.isArray(Accounts) || !Accounts.every((a): a is string => typeof a === 'string')) throw DSG.params();
  if (ProjectName !== undefined && ProjectName !== null && typeof ProjectName !== 'string') throw DSG.params();
  const projectName = typeof ProjectName === 'string' ? ProjectName : '';
  if (type === 3 && projectName === '') throw DSG.params();
  return { ...(id !== undefined ? { id } : {}), name: Name, owner: Owner, type, accounts: Accounts, projectName: type === 3 ? projectName : '' };
}

function checkMembers(d: EmulatorData, g: GroupInput): void {
  if (!findUser(d, g.owner)) throw DSG.owner();
  if (g.accounts.length > MAX_ACCOUNTS_PER_GROUP) throw DSG.accountListSize();
  for (const a of g.accounts) {
    if (g.type === 3) {
      if (!(d.maxComputeRoles[g.projectName] ?? []).includes(a)) throw DSG.owner();
      continue;
    }
    const u = findUser(d, a);
    // Type 1 holds accounts and RAM users (AccountType 1..5), type 2 RAM roles (AccountType 6).
    if (!u || (g.type === 1) !== (u.accountType !== 6)) throw DSG.owner();
  }
}

export function addOrUpdate(ctx: ActionContext): ActionResult {
  const raw = dsgJson(ctx.params, 'UserGroups');
  if (!Array.isArray(raw) || raw.length === 0) throw DSG.params();
  if (raw.length > MAX_GROUPS_PER_REQUEST) throw DSG.listSize();
  const inputs = raw.map(parseGroup);
  const d = ctx.store.current;
  const seen = new Set<number>();
  for (const g of inputs) {
    if (g.id !== undefined) {
      if (seen.has(g.id)) throw DSG.params();
      seen.add(g.id);
      if (!d.userGroups.some((x) => x.id === g.id)) throw DSG.id();
    }
    checkMembers(d, g);
  }
  // Validated as a whole first: a request either applies completely or not at all.
  ctx.store.mutate((data) => {
    for (const g of inputs) {
      const existing = g.id === undefined ? undefined : data.userGroups.find((x) => x.id === g.id);
      if (existing) {
        Object.assign(existing, { name: g.name, owner: g.owner, type: g.type, accounts: [...g.accounts], projectName: g.projectName, modifiedAt: ctx.nowIso });
      } else {
        data.userGroups.push({ id: data.nextUserGroupId++, name: g.name, owner: g.owner, type: g.type, accounts: [...g.accounts], projectName: g.projectName, createdAt: ctx.nowIso, modifiedAt: ctx.nowIso });
      }
    }
  });
  return ok({ Data: true });
}

export function deleteGroups(ctx: ActionContext): ActionResult {
  const raw = dsgJson(ctx.params, 'Ids');
  if (!Array.isArray(raw) || raw.length === 0) throw DSG.params();
  const ids = raw.map((x: unknown) => {
    const n = typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw DSG.params();
    return n;
  });
  const d = ctx.store.current;
  if (ids.length > MAX_GROUPS_PER_REQUEST * 5) throw DSG.listSize();
  for (const id of ids) if (!d.userGroups.some((g) => g.id === id)) throw DSG.id();
  const drop = new Set(ids);
  ctx.store.mutate((data) => {
    data.userGroups = data.userGroups.filter((g) => !drop.has(g.id));
  });
  return ok({ Data: true });
}
