import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { OperationEntry } from '../services/operations';
import { UserFacingError } from '../util/errors';
import { inertText } from '../util/inertText';
import type { CommandFactory } from './deps';
import type { BusinessProcessPrefill, DeletePrefill, UserGroupsPrefill } from './formPrefill';
import { operationArg } from './operationArg';

/** The command and prefill that reopen a failed write for review. Never sends anything itself. */
export function retryArgs(e: OperationEntry): [string, BusinessProcessPrefill | UserGroupsPrefill | DeletePrefill] | undefined {
  const input = e.input;
  switch (input.action) {
    case 'createBusinessProcess':
      return [Commands.createBusinessProcess, {
        prefill: 'businessProcess', region: e.region, projectId: input.projectId,
        values: { projectId: String(input.projectId), apiGatewayGroupId: input.apiGatewayGroupId, name: input.name, description: input.description },
      }];
    case 'saveUserGroups': {
      const rows = input.groups.map((g) => ({ name: g.name, owner: g.owner, type: String(g.type), projectName: g.projectName ?? '', accounts: [...g.accounts] }));
      const updates = input.groups.filter((g) => g.id !== undefined);
      const [only] = input.groups;
      if (updates.length === 0) return [Commands.addUserGroup, { prefill: 'userGroups', region: e.region, values: { rows } }];
      // The edit form updates one group; a request that mixed or batched updates has no form to reopen it in.
      if (input.groups.length === 1 && only?.id !== undefined) {
        return [Commands.editUserGroup, { prefill: 'userGroups', region: e.region, group: { id: only.id, name: only.name.slice(0, 512) }, values: { rows } }];
      }
      return undefined;
    }
    case 'deleteUserGroups':
      return input.ids.length === 1 && input.ids[0] !== undefined
        ? [Commands.deleteUserGroup, { prefill: 'deleteUserGroup', region: e.region, id: input.ids[0] }]
        : undefined;
  }
}

/** Reopens a failed write's form with its values (or the delete confirmation): the user reviews and sends it. */
export const retryOperation: CommandFactory = (deps) => async (arg?: unknown) => {
  const entry = operationArg(deps, arg);
  if (entry.status !== 'failed') {
    throw new UserFacingError(entry.status === 'unknown'
      ? vscode.l10n.t('This operation may have been carried out. Verify it first.')
      : vscode.l10n.t('Only a failed operation can be retried.'));
  }
  const active = deps.profiles.active();
  if (active?.name !== entry.profile) {
    throw new UserFacingError(vscode.l10n.t('This operation was made with profile {0}. Switch to that profile to retry it.', inertText(entry.profile)));
  }
  const args = retryArgs(entry);
  if (!args) throw new UserFacingError(vscode.l10n.t('This request has no form to reopen it in. Use Show Request to see what was sent.'));
  await vscode.commands.executeCommand(...args);
};
