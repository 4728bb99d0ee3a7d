import * as vscode from 'vscode';
import { UserGroupNode } from '../tree/resourceNodes';
import { openUserGroupForm } from '../webview/forms';
import { nodeArg, pickUserGroup } from './pickers';
import type { CommandFactory } from './deps';

export const editUserGroup: CommandFactory = (deps) => async (arg?: unknown) => {
  const node = nodeArg(arg, UserGroupNode) ?? (await pickUserGroup(deps, vscode.l10n.t('Select the user group to edit')));
  openUserGroupForm(deps.formContext(), { region: node.resource.region, group: node.group });
};
