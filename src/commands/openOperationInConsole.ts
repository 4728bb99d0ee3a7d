import * as vscode from 'vscode';
import { businessProcessConsoleUrl, userGroupConsoleUrl } from './resources';
import type { CommandFactory } from './deps';
import { operationArg } from './operationArg';

/** The console page of what the write concerned: the business process (or its workspace), the user group(s). */
export const openOperationInConsole: CommandFactory = (deps) => async (arg?: unknown) => {
  const e = operationArg(deps, arg);
  const input = e.input;
  let url: string;
  switch (input.action) {
    case 'createBusinessProcess':
      url = businessProcessConsoleUrl(e.region, input.projectId, e.createdId);
      break;
    case 'saveUserGroups': {
      const ids = input.groups.map((g) => g.id);
      url = userGroupConsoleUrl(e.region, ids.length === 1 ? ids[0] : undefined);
      break;
    }
    case 'deleteUserGroups':
      url = userGroupConsoleUrl(e.region);
      break;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
};
