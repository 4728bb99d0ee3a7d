import * as vscode from 'vscode';
import { UserGroupNode } from '../tree/resourceNodes';
import { UserCancelledError } from '../util/errors';
import { nodeArg, pickUserGroup, requireProfile } from './pickers';
import type { CommandFactory } from './deps';
import { inertText } from '../util/inertText';
import { withCancellableProgress } from '../util/progress';
import type { DataWorksService, UserGroup } from '../api';
import { prefillArg } from './formPrefill';

/** The group a Retry (Recent Operations) names, as the server lists it now; undefined when it is gone. */
async function findGroup(service: DataWorksService, id: number): Promise<UserGroup | undefined> {
  for (let pageNumber = 1; pageNumber <= 20; pageNumber++) {
    const page = await service.listUserGroups({ pageNumber, pageSize: 100 });
    const hit = page.items.find((g) => g.id === id);
    if (hit) return hit;
    if (page.items.length === 0 || pageNumber * page.pageSize >= page.totalCount) return undefined;
  }
  return undefined;
}

/** From a user group node or the palette; with a prefill (Retry in Recent Operations), the group with that ID. */
export const deleteUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const profile = requireProfile(deps);
  const parsed = await prefillArg(arg);
  const prefill = parsed?.prefill === 'deleteUserGroup' ? parsed : undefined;
  let group: UserGroup;
  let region: string;
  if (prefill) {
    region = prefill.region;
    const found = await findGroup(await deps.services.getService(profile.name, region), prefill.id);
    if (!found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('User group {0} no longer exists: there is nothing to delete.', inertText(String(prefill.id))));
      return;
    }
    group = found;
  } else {
    const node = nodeArg(arg, UserGroupNode) ?? (await pickUserGroup(deps, vscode.l10n.t('Select the user group to delete')));
    group = node.group;
    region = node.resource.region;
  }
  const confirm = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete user group "{0}" (ID {1}) in {2}?', inertText(group.name), group.id, inertText(region)),
    { modal: true, detail: vscode.l10n.t('Its {0} account(s) lose the permissions granted through this group. This cannot be undone.', group.accounts.length) },
    confirm,
  );
  if (answer !== confirm) throw new UserCancelledError();
  const service = await deps.services.getService(profile.name, region);
  // Reload even after a cancel or a failure: the request may have been carried out before the answer was lost.
  const result = await withCancellableProgress(vscode.l10n.t('Deleting user group {0}…', inertText(group.name)), async (signal) => {
    try {
      return await service.deleteUserGroups([group.id], { signal });
    } finally {
      deps.model.userGroupsChanged(region);
    }
  });
  deps.log.info(`Deleted user group ${group.id} in ${region} (requestId=${result.requestId})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted user group {0}.', inertText(group.name)));
};
