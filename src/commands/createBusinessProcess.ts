import * as vscode from 'vscode';
import { WorkspaceNode } from '../tree/resourceNodes';
import { nodeArg, pickWorkspace } from './pickers';
import type { CommandFactory } from './deps';
import { loadForms } from '../webview/loadForms';

/** From a workspace node, or from the palette after picking one of the active region's workspaces. */
export const createBusinessProcess: CommandFactory = (deps) => async (arg?: unknown) => {
  const node = nodeArg(arg, WorkspaceNode) ?? (await pickWorkspace(deps, vscode.l10n.t('Select the workspace for the new business process')));
  const ctx = deps.formContext();
  const { openBusinessProcessForm } = await loadForms();
  openBusinessProcessForm(ctx, { region: node.resource.region, projectId: node.workspace.id });
};
