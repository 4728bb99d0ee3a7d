import * as vscode from 'vscode';
import { UserCancelledError } from '../util/errors';
import { regionItems, requireProfile } from './pickers';
import type { CommandFactory } from './deps';

/** Chooses the regions shown as roots next to the active one; remembered per profile. */
export const showRegions: CommandFactory = (deps) => async () => {
  const profile = requireProfile(deps);
  const active = deps.profiles.activeRegion(profile);
  const shown = deps.profiles.visibleRegions(profile);
  const items = regionItems(shown).filter((i) => i.id !== active);
  const picks = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Regions to show next to {0}', active),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!picks) throw new UserCancelledError();
  await deps.profiles.updateViewState(profile.name, { extraRegions: picks.map((p) => p.id) });
};
