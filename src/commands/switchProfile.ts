import * as vscode from 'vscode';
import { pickProfile } from './pickers';
import type { CommandFactory } from './deps';

export const switchProfile: CommandFactory = (deps) => async () => {
  const profile = await pickProfile(deps, vscode.l10n.t('Select the DataWorks profile to use'));
  await deps.profiles.setActive(profile.name);
};
