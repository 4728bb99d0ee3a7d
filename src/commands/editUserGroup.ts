import * as vscode from 'vscode';
import { UserGroupNode } from '../tree/resourceNodes';
import { nodeArg, pickUserGroup } from './pickers';
import type { CommandFactory } from './deps';
import { loadForms } from '../webview/loadForms';

export const editUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const node = nodeArg(arg, UserGroupNode) ?? (await pickUserGroup(deps, vscode.l10n.t('Select the user group to edit')));
  const ctx = deps.formContext();
  const { openUserGroupForm } = await loadForms();
  openUserGroupForm(ctx, { region: node.resource.region, group: node.group });
};
