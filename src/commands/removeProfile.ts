import * as vscode from 'vscode';
import { cacheKeys } from '../services/cacheKeys';
import { UserCancelledError } from '../util/errors';
import { pickProfile } from './pickers';
import type { CommandFactory } from './deps';
import { inertText } from '../util/inertText';

export const removeProfile: CommandFactory = (deps) => async () => {
  const profile = await pickProfile(deps, vscode.l10n.t('Select the profile to remove'), (p) => p.source === 'stored');
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove profile "{0}"?', inertText(profile.name)),
    { modal: true, detail: vscode.l10n.t('Its AccessKey secret is deleted from VS Code\'s secret storage. The Alibaba Cloud CLI configuration is not changed.') },
    remove,
  );
  if (answer !== remove) throw new UserCancelledError();
  await deps.profiles.remove(profile.name);
  deps.cache.invalidate(cacheKeys.profile(profile.name));
  deps.log.info(`Removed profile ${profile.name}`);
};
