import * as vscode from 'vscode';
import type { TenantUser, UserGroup } from '../api';
import { PAGE_SIZE } from '../constants';
import { UserGroupsFolderNode } from '../tree/folderNodes';
import { AccountNode } from '../tree/resourceNodes';
import { UserCancelledError, UserFacingError } from '../util/errors';
import { inertText } from '../util/inertText';
import { withCancellableProgress } from '../util/progress';
import { locateGroupNode, searchAccountGroups, type AccountSearchPort } from './accountGroupSearch';
import type { CommandFactory, Deps } from './deps';
import { nodeArg, requireProfile, userGroupsFolder } from './pickers';

/**
 * From an account under a user group (that account), the User Groups folder or the palette (an account picked from
 * the tenant's users, or typed): the groups of the region's list that contain it; picking one reveals it in the tree.
 * A string argument is taken as the account.
 */
export const findUserGroupsOfAccount: CommandFactory = (deps) => async (arg?: unknown) => {
  const profile = requireProfile(deps);
  const accountNode = nodeArg(arg, AccountNode);
  const region = accountNode?.resource.region ?? nodeArg(arg, UserGroupsFolderNode)?.region ?? deps.profiles.activeRegion(profile);
  const given = accountNode?.resource.data.account ?? (typeof arg === 'string' && arg.trim() ? arg.trim() : undefined);
  const account = given ?? (await pickAccount(deps, region));
  const { folder } = await userGroupsFolder(deps, region);
  const result = await searchAccountGroups(folder, account, scopePort(), PAGE_SIZE);
  if (result.failed) throw new UserFacingError(vscode.l10n.t('The user groups could not be loaded. The explorer shows the error.'));
  const name = typeof account === 'string' ? account : account.yunAccount || account.accountName;
  // The IDs only (names are outside text): enough to follow a "why is it not listed" report.
  deps.log.info(`[findUserGroupsOfAccount] ${result.groups.length} of ${result.searched}/${result.total ?? '?'} groups: ${result.groups.map((g) => g.id).join(', ')}`);
  const picked = await pickGroup(result.groups, name, result.searched, result.total, deps.profiles.viewState(profile.name).userGroupFilter);
  if (!picked) return;
  const node = await locateGroupNode(folder, picked.id);
  if (!node) throw new UserFacingError(vscode.l10n.t('The user group {0} is no longer in the list. Refresh the explorer.', inertText(picked.name)));
  await deps.view.reveal(node);
};

type AccountItem = vscode.QuickPickItem & { readonly account: string | TenantUser };

function userItem(u: TenantUser): AccountItem {
  return {
    label: inertText(u.accountName || u.yunAccount),
    description: inertText(u.yunAccount),
    detail: u.accountType === 6 ? vscode.l10n.t('RAM role') : vscode.l10n.t('Alibaba Cloud account'),
    account: u,
  };
}

/** The tenant's users (the forms' list and cache) to pick from; anything typed that is not one of them is offered as typed. */
function pickAccount(deps: Deps, region: string): Promise<string | TenantUser> {
  const qp = vscode.window.createQuickPick<AccountItem>();
  qp.title = vscode.l10n.t('Find User Groups of an Account');
  qp.placeholder = vscode.l10n.t('Pick an account or type one (user:name, role:name or a MaxCompute role)');
  qp.matchOnDescription = true;
  qp.ignoreFocusOut = true;
  qp.busy = true;
  let users: readonly TenantUser[] = [];
  const render = (): void => {
    const value = qp.value.trim();
    const known = users.some((u) => u.accountName === value || u.yunAccount === value);
    const typed: AccountItem[] = value && !known
      ? [{ label: inertText(value), description: vscode.l10n.t('as typed'), alwaysShow: true, account: value }]
      : [];
    qp.items = [...typed, ...users.map(userItem)];
  };
  qp.onDidChangeValue(render);
  deps.formContext().tenantUsers(region, false).then(
    (list) => {
      users = list;
      render();
    },
    (e: unknown) => {
      // The search still works for a typed account; the reason is in the log.
      deps.reportError(e, 'tenant users', requireProfile(deps).name);
      qp.placeholder = vscode.l10n.t('The tenant\'s users could not be loaded (see the log). Type an account.');
    },
  ).then(() => (qp.busy = false), () => (qp.busy = false));
  return new Promise((resolve, reject) => {
    let settled = false;
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!chosen || settled) return;
      settled = true;
      resolve(chosen.account);
      qp.dispose();
    });
    qp.onDidHide(() => {
      if (settled) return;
      settled = true;
      reject(new UserCancelledError());
      qp.dispose();
    });
    qp.show();
  });
}

/** Asks before loading the pages left (each is a call against the account's quota), under a cancellable progress. */
function scopePort(): AccountSearchPort {
  return {
    chooseScope: async (loaded, total, calls) => {
      const all = { label: vscode.l10n.t('Load all pages first'), description: vscode.l10n.t('{0} more user groups, {1} calls to DataWorks', total - loaded, calls), scope: 'all' as const };
      const some = { label: vscode.l10n.t('Search loaded only'), description: vscode.l10n.t('{0} of {1} user groups', loaded, total), scope: 'loaded' as const };
      const pick = await vscode.window.showQuickPick([all, some], { title: vscode.l10n.t('Not all user groups are loaded'), ignoreFocusOut: true });
      if (!pick) throw new UserCancelledError();
      return pick.scope;
    },
    withProgress: (task) => Promise.resolve(withCancellableProgress(vscode.l10n.t('Loading all user groups'), (signal, progress) =>
      task(signal, (loaded, total) => progress.report({ message: vscode.l10n.t('{0} of {1}', loaded, total) })))),
  };
}

/** The group to reveal; undefined when none was found (the user is told). */
async function pickGroup(groups: readonly UserGroup[], account: string, searched: number, total: number | undefined, filter: string | undefined): Promise<UserGroup | undefined> {
  const scope = total !== undefined && searched < total
    ? vscode.l10n.t('{0} of {1} user groups searched', searched, total)
    : vscode.l10n.t('{0} user groups searched', searched);
  const note = filter ? `${scope} · ${vscode.l10n.t('filter: {0}', inertText(filter))}` : scope;
  if (groups.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No user group lists {0} ({1}).', inertText(account), note));
    return undefined;
  }
  const items = groups.map((g) => ({
    label: inertText(g.name),
    description: inertText(g.owner),
    detail: g.projectName
      ? vscode.l10n.t('{0} accounts · MaxCompute project {1}', g.accounts.length, inertText(g.projectName))
      : vscode.l10n.t('{0} accounts', g.accounts.length),
    group: g,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('User groups of {0} ({1})', inertText(account), note),
    placeHolder: vscode.l10n.t('Pick a user group to reveal it in the explorer'),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!pick) throw new UserCancelledError();
  return pick.group;
}
