import * as vscode from 'vscode';
import { UserCancelledError } from '../util/errors';
import { regionItems, requireProfile } from './pickers';
import type { CommandFactory } from './deps';
import { inertText } from '../util/inertText';

/** Changes the profile's active region (the first root, the status bar, the palette commands' region). */
export const switchRegion: CommandFactory = (deps) => async () => {
  const profile = requireProfile(deps);
  const current = deps.profiles.activeRegion(profile);
  const items = regionItems([current]);
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Select the region for profile {0}', inertText(profile.name)),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!pick) throw new UserCancelledError();
  await deps.profiles.updateViewState(profile.name, { activeRegion: pick.id === profile.region ? undefined : pick.id });
};
