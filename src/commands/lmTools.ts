// The language model tools (Copilot agent mode): reads of the active profile through the explorer's read cache, and
// two proposals that open a form prefilled for the human to review. No tool writes: a form sends only when the user
// submits it. dist/extension.js registers light stubs (src/extension.ts) that reach this file through dist/core.js
// on the first invoke; the input schemas and result text are in dist/deferred.js (src/shared/lmTools.ts, zod).
import * as vscode from 'vscode';
import type { Profile } from '../auth/profile';
import { PAGE_SIZE, type LmToolName } from '../constants';
import { groupsContainingAccount } from '../services/accountGroups';
import { cacheKeys } from '../services/cacheKeys';
import type { Page, UserGroup } from '../api';
import type * as LmText from '../shared/lmTools';
import { UserCancelledError } from '../util/errors';
import { settings } from '../services/settings';
import { inertText } from '../util/inertText';
import { loadForms } from '../webview/loadForms';
import type { Deps } from './deps';
import { seedDraft, type BusinessProcessPrefill, type UserGroupsPrefill } from './formPrefill';

type Lm = typeof LmText;

/** Pages of PAGE_SIZE read at most by one tool call: a list tool's answer, and the account search over all groups. */
const LIST_PAGES = 3;
const SEARCH_PAGES = 10;

export interface LmToolHost {
  prepare(name: LmToolName, input: unknown): Promise<vscode.PreparedToolInvocation>;
  invoke(name: LmToolName, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult>;
}

const result = (text: string): vscode.LanguageModelToolResult => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** `lm` loads the schemas and result text (dist/deferred.js). */
export function createLmTools(deps: Deps, lm: () => Promise<Lm>): LmToolHost {
  /** The active profile and the region the input names (else the profile's active one). */
  const scope = (region: string | undefined): { profile: Profile; region: string } | undefined => {
    const profile = deps.profiles.active();
    return profile && { profile, region: region ?? deps.profiles.activeRegion(profile) };
  };
  const NO_PROFILE = 'No DataWorks profile is set up. Ask the user to run "DataWorks: Add Profile"; nothing was read.';

  /** The list's pages through the read cache (the tree's keys and page size), up to `maxPages`. */
  async function readPages<T>(listKey: string, fetch: (pageNumber: number) => Promise<Page<T>>, maxPages: number): Promise<{ items: T[]; notRead: number }> {
    const items: T[] = [];
    let total = 0;
    for (let n = 1; n <= maxPages; n++) {
      const page = await deps.cache.get(cacheKeys.page(listKey, n), () => fetch(n));
      items.push(...page.items);
      total = page.totalCount;
      if (page.items.length === 0 || n * PAGE_SIZE >= page.totalCount) break;
    }
    return { items, notRead: Math.max(0, total - items.length) };
  }
  const service = (s: { profile: Profile; region: string }) => deps.services.getService(s.profile.name, s.region);
  const contains = (needle: string | undefined, ...hay: string[]): boolean =>
    !needle || hay.some((h) => h.toLowerCase().includes(needle.toLowerCase()));

  async function userGroups(s: { profile: Profile; region: string }, filter: string, maxPages: number): Promise<{ items: UserGroup[]; notRead: number }> {
    const svc = await service(s);
    return readPages(cacheKeys.userGroups(s.profile.name, s.region, filter), (pageNumber) =>
      svc.listUserGroups({ pageNumber, pageSize: PAGE_SIZE, ...(filter ? { name: filter } : {}) }), maxPages);
  }
  const groupItem = (g: UserGroup, withAccounts: boolean): Record<string, unknown> => ({
    id: g.id, name: g.name, owner: g.owner,
    ...(g.type === undefined ? {} : { type: g.type }), ...(g.projectName ? { projectName: g.projectName } : {}),
    ...(withAccounts ? { accounts: g.accounts } : { accountCount: g.accounts.length }),
    modifiedTime: g.modifiedTime,
  });

  async function read(name: LmToolName, input: unknown, m: Lm): Promise<string> {
    switch (name) {
      case 'dataworks_listWorkspaces': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const svc = await service(s);
        const { items, notRead } = await readPages(cacheKeys.workspaces(s.profile.name, s.region), (pageNumber) => svc.listWorkspaces({ pageNumber, pageSize: PAGE_SIZE }), LIST_PAGES);
        const hits = items.filter((w) => contains(p.input.nameContains, w.name, w.identifier));
        return m.formatList({
          what: 'Workspaces', profile: s.profile.name, region: s.region, narrow: 'nameContains', notRead,
          items: hits.map((w) => ({ id: w.id, identifier: w.identifier, name: w.name, status: w.status, description: m.clip(w.description) })),
        });
      }
      case 'dataworks_listBusinessProcesses': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const svc = await service(s);
        const projectId = p.input.workspaceId;
        const { items, notRead } = await readPages(cacheKeys.businessProcesses(s.profile.name, s.region, projectId), (pageNumber) => svc.listBusinessProcesses({ projectId, pageNumber, pageSize: PAGE_SIZE }), LIST_PAGES);
        const hits = items.filter((b) => contains(p.input.nameContains, b.name));
        return m.formatList({
          what: `Business processes of workspace ${projectId}`, profile: s.profile.name, region: s.region, narrow: 'nameContains', notRead,
          items: hits.map((b) => ({ id: b.id, name: b.name, description: m.clip(b.description), apiGatewayGroupId: b.apiGatewayGroupId, modifiedTime: b.modifiedTime })),
        });
      }
      case 'dataworks_listUserGroups': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const { items, notRead } = await userGroups(s, p.input.nameContains?.trim() ?? '', LIST_PAGES);
        return m.formatList({
          what: 'User groups', profile: s.profile.name, region: s.region, narrow: 'nameContains (a server-side name search)', notRead,
          items: items.map((g) => groupItem(g, false)),
        });
      }
      case 'dataworks_getUserGroup': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const { items, notRead } = await userGroups(s, '', SEARCH_PAGES);
        const g = items.find((x) => x.id === p.input.groupId);
        const notFound = `No user group with id ${p.input.groupId} among the ${items.length} groups read${notRead ? ` (${notRead} more not read)` : ''}.`;
        return m.formatItem('User group', s.profile.name, s.region, g && groupItem(g, true), notFound);
      }
      case 'dataworks_findUserGroupsOfAccount': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const { items, notRead } = await userGroups(s, '', SEARCH_PAGES);
        const hits = groupsContainingAccount(items, p.input.account);
        const searched = `Searched ${items.length} user groups for the account ${m.quoted(p.input.account)} (exact match, with or without the user:/role: prefix)${notRead ? `; ${notRead} groups were not read (too many), so the answer may be incomplete` : ''}.`;
        return m.formatList({
          what: 'User groups containing an account', profile: s.profile.name, region: s.region, narrow: 'dataworks_getUserGroup for one group', note: searched,
          items: hits.map((g) => groupItem(g, false)),
        });
      }
      case 'dataworks_listTenantUsers': {
        const p = m.parseLmToolInput(name, input);
        if (!p.ok) return p.message;
        const s = scope(p.input.region);
        if (!s) return NO_PROFILE;
        const svc = await service(s);
        // The forms' key: saving groups does not change the tenant's users.
        const users = await deps.cache.get(cacheKeys.tenantUsers(s.profile.name, s.region), () => svc.listTenantUsers());
        const hits = users.filter((u) => contains(p.input.nameContains, u.accountName, u.yunAccount));
        return m.formatList({
          what: 'Tenant users and RAM roles', profile: s.profile.name, region: s.region, narrow: 'nameContains',
          items: hits.map((u) => ({ accountName: u.accountName, account: u.yunAccount, kind: u.accountType === 6 ? 'RAM role' : 'user' })),
        });
      }
      default:
        return propose(name, input, m);
    }
  }

  /** Opens the form with the proposal: the human reviews and submits it, or closes it. Nothing is sent here. */
  async function propose(name: LmToolName, input: unknown, m: Lm): Promise<string> {
    const plan = proposal(name, input, m);
    if (typeof plan === 'string') return plan;
    try {
      await seedDraft(deps, plan.profile, plan.prefill, 'proposal');
    } catch (e) {
      if (e instanceof UserCancelledError) return 'The user kept the form or draft they already had open; the proposal was not opened. Nothing was sent.';
      throw e;
    }
    const ctx = deps.formContext();
    const forms = await loadForms();
    const p = plan.prefill;
    if (p.prefill === 'businessProcess') forms.openBusinessProcessForm(ctx, { region: p.region, projectId: p.projectId });
    else if (p.group) forms.openUserGroupForm(ctx, { region: p.region, groupRef: p.group });
    else forms.openUserGroupForm(ctx, { region: p.region });
    return `Opened ${plan.title} with the proposed values for the user to review (profile ${m.quoted(plan.profile)}, region ${p.region}). Nothing has been sent: the change is made only if the user submits the form.`;
  }

  type Plan = { profile: string; title: string; summary: string; prefill: BusinessProcessPrefill | UserGroupsPrefill };
  /** The form, its prefill and a plain-text summary; a string when the input cannot be proposed. */
  function proposal(name: LmToolName, input: unknown, m: Lm): Plan | string {
    const t = (s: string): string => inertText(m.quoted(s));
    if (name === 'dataworks_proposeBusinessProcess') {
      const p = m.parseLmToolInput(name, input);
      if (!p.ok) return p.message;
      const s = scope(p.input.region);
      if (!s) return NO_PROFILE;
      const v = p.input;
      return {
        profile: s.profile.name,
        title: 'the Create Business Process form',
        summary: vscode.l10n.t('Profile {0}, region {1}, workspace {2}. Name: {3}. Description: {4}. API Gateway group: {5}.',
          inertText(s.profile.name), s.region, String(v.workspaceId), t(v.name), t(v.description ?? ''), t(v.apiGatewayGroupId ?? '')),
        prefill: {
          prefill: 'businessProcess', region: s.region, projectId: v.workspaceId,
          values: { projectId: String(v.workspaceId), name: v.name, description: v.description ?? '', apiGatewayGroupId: v.apiGatewayGroupId ?? '' },
        },
      };
    }
    if (name === 'dataworks_proposeUserGroupChanges') {
      const p = m.parseLmToolInput(name, input);
      if (!p.ok) return p.message;
      const s = scope(p.input.region);
      if (!s) return NO_PROFILE;
      const rows = p.input.groups.map((g) => ({ name: g.name, owner: g.owner, type: String(g.type), projectName: g.projectName ?? '', accounts: [...g.accounts] }));
      const lines = p.input.groups.map((g) => vscode.l10n.t('Group {0}: owner {1}, type {2}{3}, accounts {4}.',
        t(g.name), t(g.owner), String(g.type), g.projectName ? ` (${t(g.projectName)})` : '', g.accounts.length ? g.accounts.map(t).join(', ') : vscode.l10n.t('none')));
      const edit = p.input.editGroupId;
      const [first] = rows;
      return {
        profile: s.profile.name,
        title: edit === undefined ? 'the Add User Group form' : `the Edit User Group form of group ${edit}`,
        summary: [vscode.l10n.t('Profile {0}, region {1}.', inertText(s.profile.name), s.region), ...lines].join(' '),
        // The edited group's new name is the search term the form finds it by; the ID decides (formContext.findUserGroup).
        prefill: { prefill: 'userGroups', region: s.region, values: { rows }, ...(edit === undefined || !first ? {} : { group: { id: edit, name: first.name } }) },
      };
    }
    return `Unknown tool ${name}.`;
  }

  /** A call that reaches us while the tools are off (invokeTool by name ignores their `when` clause) fails, unread. */
  function refuseWhenOff(): void {
    if (!settings.languageModelToolsEnabled()) {
      throw new Error(vscode.l10n.t('The DataWorks tools are turned off (setting dataworks.languageModelTools.enabled).'));
    }
  }

  function failure(e: unknown): string {
    const r = deps.reportError(e, 'Language model tool');
    return r.kind === 'cancelled' ? 'Cancelled; nothing was done.' : `DataWorks could not answer: ${r.message}`;
  }

  return {
    async prepare(name, input) {
      refuseWhenOff();
      // No side effects here: no read, no form. A proposal says exactly what will be opened.
      if (name !== 'dataworks_proposeBusinessProcess' && name !== 'dataworks_proposeUserGroupChanges') {
        return { invocationMessage: vscode.l10n.t('Reading DataWorks ({0})', name.replace(/^dataworks_/, '')) };
      }
      const plan = proposal(name, input, await lm());
      if (typeof plan === 'string') return { invocationMessage: vscode.l10n.t('Checking a DataWorks proposal') };
      const isBp = plan.prefill.prefill === 'businessProcess';
      const editing = plan.prefill.prefill === 'userGroups' && plan.prefill.group;
      return {
        invocationMessage: vscode.l10n.t('Opening a DataWorks form for your review'),
        confirmationMessages: {
          title: isBp ? vscode.l10n.t('Open the Create Business Process form?')
            : editing ? vscode.l10n.t('Open the Edit User Group form of group {0}?', String(editing.id))
              : vscode.l10n.t('Open the Add User Group form?'),
          message: `${plan.summary}\n\n${vscode.l10n.t('The form opens with these values. Nothing is sent to DataWorks until you review and submit it.')}`,
        },
      };
    },
    async invoke(name, input, token) {
      refuseWhenOff();
      if (token.isCancellationRequested) return result('Cancelled; nothing was done.');
      let text: string;
      try {
        text = await read(name, input, await lm());
      } catch (e) {
        text = failure(e);
      }
      return result(deps.redactor.redact(text));
    },
  };
}
