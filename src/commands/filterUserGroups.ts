import * as vscode from 'vscode';
import { UserCancelledError } from '../util/errors';
import { requireProfile } from './pickers';
import type { CommandFactory } from './deps';

/** A server-side name search (DsgUserGroupQueryList Name), remembered per profile. */
export const filterUserGroups: CommandFactory = (deps) => async () => {
  const profile = requireProfile(deps);
  const current = deps.profiles.viewState(profile.name).userGroupFilter;
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter User Groups'),
    prompt: vscode.l10n.t('Part of a user group name; leave empty to show all.'),
    value: current ?? '',
    ignoreFocusOut: true,
  });
  if (value === undefined) throw new UserCancelledError();
  await deps.profiles.updateViewState(profile.name, { userGroupFilter: value.trim() || undefined });
  deps.model.userGroupFilterChanged();
  deps.view.updateChrome();
};
