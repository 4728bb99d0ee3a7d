// @ts-check
// User groups as code in the benchmark, bench-process side: the groups file of 1,000 groups written against a tenant
// of 10,000 (the emulator's "large" seed), the call budgets computed from the tenant and the file alone (not from
// what the engine did), and the check of the tenant after the apply. The extension-host side is
// bench/payload/groups.cjs.
//
// The budgets follow the engine's documented cost (src/services/groupsSnapshot.ts, groupsApply.ts), in list pages:
//   plan   = the unfiltered list + each type filter's list + one ProjectName probe + the candidate projects' lists
//            (at most DEFAULT_PROJECT_SEARCHES of them) + one ListProjects page (the candidates; the tree's cache
//            may answer it); nothing per group of the file or of the tenant.
//   apply  = the stale check (the unfiltered list before) + one call per batch + after each batch a read-back of what
//            it wrote: one Name lookup per written group, or the whole list when that is fewer pages; nothing per
//            unchanged group.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {import('../types.js').EmulatorUserGroup} EmulatorUserGroup
 * @typedef {import('../types.js').GroupsFileGroup} GroupsFileGroup
 * @typedef {import('../types.js').GroupsScenario} GroupsScenario
 * @typedef {import('../types.js').PlanPages} PlanPages
 */

/** The engine's page size for DsgUserGroupQueryList (the API's maximum). */
export const PAGE_SIZE = 100;
/** Our cap on groups per DsgUserGroupAddOrUpdate (LIMITS.groupsPerRequest) and IDs per DsgUserGroupDelete. */
export const GROUPS_PER_SAVE = 20;
export const IDS_PER_DELETE = 100;
/** Candidate projects the snapshot searches at most (DEFAULT_PROJECT_SEARCHES). */
export const PROJECT_SEARCHES = 20;
/** The file: most groups unchanged, some updated, some created. */
export const FILE_MIX = { unchanged: 800, updates: 100, creates: 100 };

/**
 * Calls to read a whole list of `n` groups: an empty list still takes its one call.
 * @param {number} n
 */
export const pages = (n) => Math.max(1, Math.ceil(n / PAGE_SIZE));

/**
 * The pages a plan's snapshot reads from a tenant, by listing.
 * @param {readonly Pick<EmulatorUserGroup, 'type' | 'projectName'>[]} tenant
 * @returns {PlanPages}
 */
export function planPages(tenant) {
  const byType = [1, 2, 3].map((t) => pages(tenant.filter((g) => g.type === t).length));
  /** @type {Map<string, number>} */
  const perProject = new Map();
  for (const g of tenant) if (g.type === 3) perProject.set(g.projectName, (perProject.get(g.projectName) ?? 0) + 1);
  // Which candidates the snapshot searches depends on the workspaces page: bounded by the most expensive ones.
  const projectPages = [...perProject.values()].map(pages).sort((a, b) => b - a).slice(0, PROJECT_SEARCHES);
  const candidates = projectPages.reduce((s, p) => s + p, 0) + (PROJECT_SEARCHES - projectPages.length);
  const all = pages(tenant.length);
  const typeFilters = byType.reduce((s, p) => s + p, 0);
  return { all, typeFilters, probe: 1, candidates, listProjects: 1, total: all + typeFilters + 1 + candidates + 1 };
}

/**
 * What the read-backs after the batches cost (groupsApply.ts): per batch, a Name lookup per written group, or the
 * whole list at its length then when that is fewer pages (a lookup of these names matches one group: one page).
 * @param {readonly { names: number, creates: number }[]} batches in the plan's order
 * @param {number} tenant groups on the server before the apply
 */
export function readBackCalls(batches, tenant) {
  let size = tenant;
  let listPages = pages(tenant);
  let calls = 0;
  for (const b of batches) {
    size += b.creates;
    if (listPages <= b.names) {
      listPages = pages(size);
      calls += listPages;
    } else calls += b.names;
  }
  return calls;
}

/**
 * The file's version of a server group with one field changed: the owner or, every other time, one more account of
 * the group's kind.
 * @param {EmulatorUserGroup} g
 * @param {number} k
 * @returns {GroupsFileGroup}
 */
function updated(g, k) {
  const same = asFileGroup(g);
  if (k % 2 === 0) return { ...same, owner: g.owner === 'alice' ? 'bob' : 'alice' };
  const extra = g.type === 1 ? ['user:alice', 'user:bob'] : g.type === 2 ? ['role:dataworks_etl_role', 'role:bi_readonly_role'] : ['role_project_admin', 'role_project_scheduler'];
  const add = extra.find((a) => !g.accounts.includes(a)) ?? 'user:carol';
  return { ...same, accounts: [...g.accounts, add] };
}

/**
 * @param {EmulatorUserGroup} g
 * @returns {GroupsFileGroup}
 */
function asFileGroup(g) {
  return { name: g.name, owner: g.owner, type: g.type, ...(g.type === 3 ? { projectName: g.projectName } : {}), accounts: [...g.accounts] };
}

/**
 * A new group of each kind in turn, valid against the seed (owners and accounts of its tenant users and the
 * MaxCompute project sales_dw).
 * @param {number} i
 * @returns {GroupsFileGroup}
 */
function created(i) {
  const name = `bench_new_${String(i + 1).padStart(4, '0')}`;
  const type = /** @type {1 | 2 | 3} */ ((i % 3) + 1);
  if (type === 1) return { name, owner: 'alice', type, accounts: ['user:bob', 'user:carol'] };
  if (type === 2) return { name, owner: 'acme_data', type, accounts: ['role:bi_readonly_role'] };
  return { name, owner: 'carol', type, projectName: 'sales_dw', accounts: ['role_project_dev'] };
}

/**
 * Writes the groups file (and its prune: true twin) into `dir` from the tenant's groups, and computes what the plan
 * and the apply should cost.
 * @param {readonly EmulatorUserGroup[]} tenant the emulator's groups (all in `region`: DSG data is tenant-wide)
 * @param {string} dir outside the window's workspace folder: a *.dwgroups.json there activates the extension at startup
 * @returns {GroupsScenario}
 */
export function groupsScenario(tenant, dir, region = 'cn-shanghai') {
  const existing = tenant.filter((g) => g.name.startsWith('bulk_group_')).sort((a, b) => (a.name < b.name ? -1 : 1));
  const picked = existing.slice(0, FILE_MIX.unchanged + FILE_MIX.updates);
  if (picked.length < FILE_MIX.unchanged + FILE_MIX.updates) throw new Error(`the tenant has ${existing.length} bulk groups; the "large" seed has 9,983`);
  // Every 9th group of the 900 is updated: 100 updates spread over the file and over the three kinds.
  const isUpdate = (/** @type {number} */ i) => i % 9 === 4;
  const groups = picked.map((g, i) => (isUpdate(i) ? updated(g, Math.floor(i / 9)) : asFileGroup(g)));
  for (let i = 0; i < FILE_MIX.creates; i++) groups.push(created(i));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench.dwgroups.json');
  const pruneFile = join(dir, 'bench-prune.dwgroups.json');
  writeFileSync(file, JSON.stringify({ region, prune: false, groups }, null, 1) + '\n');
  writeFileSync(pruneFile, JSON.stringify({ region, prune: true, groups }, null, 1) + '\n');

  const updates = picked.filter((_, i) => isUpdate(i)).length;
  const creates = FILE_MIX.creates;
  // The tenant after the apply: the created groups added (an update changes no group's kind here).
  const after = [...tenant, ...groups.slice(picked.length).map((g, i) => ({ id: -1 - i, name: g.name, owner: g.owner, type: g.type, projectName: g.projectName ?? '', accounts: g.accounts }))];
  // Updates first, then creates (groupsPlan.ts), each in requests of GROUPS_PER_SAVE.
  /** @type {{ names: number, creates: number }[]} */
  const sent = [];
  for (let left = updates; left > 0; left -= GROUPS_PER_SAVE) sent.push({ names: Math.min(left, GROUPS_PER_SAVE), creates: 0 });
  for (let left = creates; left > 0; left -= GROUPS_PER_SAVE) sent.push({ names: Math.min(left, GROUPS_PER_SAVE), creates: Math.min(left, GROUPS_PER_SAVE) });
  const batches = sent.length;
  const readBack = readBackCalls(sent, tenant.length);
  const pruneDeletes = after.length - groups.length;
  return {
    region, file, pruneFile,
    tenant: tenant.length,
    fileGroups: groups.length,
    counts: { unchanged: picked.length - updates, update: updates, create: creates, pruneDelete: pruneDeletes },
    plan: planPages(tenant),
    replan: planPages(after),
    apply: { staleCheck: pages(tenant.length), batches, readBack, total: pages(tenant.length) + batches + readBack },
    pruneBatches: Math.ceil(pruneDeletes / IDS_PER_DELETE),
    groups,
  };
}

/**
 * What is wrong with the tenant after the apply: each file group must be there once, as the file says.
 * @param {readonly EmulatorUserGroup[]} tenant
 * @param {readonly GroupsFileGroup[]} groups
 * @param {number} before the tenant's size before the apply
 * @param {number} creates
 * @returns {string[]}
 */
export function verifyApplied(tenant, groups, before, creates) {
  /** @type {Map<string, EmulatorUserGroup[]>} */
  const byName = new Map();
  for (const g of tenant) byName.set(g.name, [...(byName.get(g.name) ?? []), g]);
  /** @type {string[]} */
  const problems = [];
  const sorted = (/** @type {readonly string[]} */ a) => JSON.stringify([...a].sort());
  for (const want of groups) {
    const have = byName.get(want.name) ?? [];
    if (have.length !== 1) {
      problems.push(`${want.name}: ${have.length} groups on the server`);
      continue;
    }
    const g = /** @type {EmulatorUserGroup} */ (have[0]);
    if (g.owner !== want.owner || g.type !== want.type || (want.type === 3 && g.projectName !== want.projectName) || sorted(g.accounts) !== sorted(want.accounts)) {
      problems.push(`${want.name}: the server has ${JSON.stringify([g.owner, g.type, g.projectName, g.accounts])}`);
    }
  }
  if (tenant.length !== before + creates) problems.push(`the tenant has ${tenant.length} groups, expected ${before} + ${creates}`);
  return problems.slice(0, 20);
}
