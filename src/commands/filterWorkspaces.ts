import * as vscode from 'vscode';
import { UserCancelledError } from '../util/errors';
import { requireProfile } from './pickers';
import type { CommandFactory } from './deps';

/** Narrows the loaded workspaces by name or identifier, remembered per profile; costs no call. */
export const filterWorkspaces: CommandFactory = (deps) => async () => {
  const profile = requireProfile(deps);
  const current = deps.profiles.viewState(profile.name).workspaceFilter;
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Workspaces'),
    prompt: vscode.l10n.t('Part of a workspace name or identifier; leave empty to show all.'),
    value: current ?? '',
    ignoreFocusOut: true,
  });
  if (value === undefined) throw new UserCancelledError();
  await deps.profiles.updateViewState(profile.name, { workspaceFilter: value.trim() || undefined });
  deps.model.workspaceFilterChanged();
  deps.view.updateChrome();
};
