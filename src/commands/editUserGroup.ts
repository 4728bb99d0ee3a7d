import * as vscode from 'vscode';
import { UserGroupNode } from '../tree/resourceNodes';
import { nodeArg, pickUserGroup } from './pickers';
import type { CommandFactory } from './deps';
import { openPrefilled, prefillArg } from './formPrefill';
import { loadForms } from '../webview/loadForms';

/**
 * From a user group node or the palette; with a prefill naming the group (Retry in Recent Operations), the form
 * loads that group from the server and shows the failed request's values for review.
 */
export const editUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const parsed = await prefillArg(arg);
  const prefill = parsed?.prefill === 'userGroups' ? parsed : undefined;
  const group = prefill?.group;
  if (prefill && group) {
    await openPrefilled(deps, prefill, (forms, ctx) => forms.openUserGroupForm(ctx, { region: prefill.region, groupRef: group }));
    return;
  }
  const node = nodeArg(arg, UserGroupNode) ?? (await pickUserGroup(deps, vscode.l10n.t('Select the user group to edit')));
  const ctx = deps.formContext();
  const { openUserGroupForm } = await loadForms();
  openUserGroupForm(ctx, { region: node.resource.region, group: node.group });
};
