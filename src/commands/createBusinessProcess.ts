import * as vscode from 'vscode';
import { WorkspaceNode } from '../tree/resourceNodes';
import { nodeArg, pickWorkspace } from './pickers';
import type { CommandFactory } from './deps';
import { openPrefilled, prefillArg } from './formPrefill';
import { loadForms } from '../webview/loadForms';

/**
 * From a workspace node, or from the palette after picking one of the active region's workspaces; or with a prefill
 * (Retry in Recent Operations): the form opens with those values for review.
 */
export const createBusinessProcess: CommandFactory = (deps) => async (arg?: unknown) => {
  const parsed = await prefillArg(arg);
  const prefill = parsed?.prefill === 'businessProcess' ? parsed : undefined;
  if (prefill) {
    await openPrefilled(deps, prefill, (forms, ctx) => forms.openBusinessProcessForm(ctx, { region: prefill.region, projectId: prefill.projectId }));
    return;
  }
  const node = nodeArg(arg, WorkspaceNode) ?? (await pickWorkspace(deps, vscode.l10n.t('Select the workspace for the new business process')));
  const ctx = deps.formContext();
  const { openBusinessProcessForm } = await loadForms();
  openBusinessProcessForm(ctx, { region: node.resource.region, projectId: node.workspace.id });
};
