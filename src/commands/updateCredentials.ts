import * as vscode from 'vscode';
import { ErrorNode, SignInNode } from '../tree/statusNodes';
import { UserFacingError } from '../util/errors';
import { runCredentialsFlow } from './credentialsFlow';
import { pickProfile } from './pickers';
import type { CommandFactory } from './deps';

/** "Sign in again": enter new credentials for a stored profile (from its tree node, a notification or the palette). */
export const updateCredentials: CommandFactory = (deps) => async (arg?: unknown) => {
  const name = arg instanceof SignInNode ? arg.profileName
    : typeof arg === 'string' ? arg
    : arg instanceof ErrorNode ? deps.profiles.active()?.name
    : undefined;
  const profile = name !== undefined
    ? deps.profiles.get(name)
    : await pickProfile(deps, vscode.l10n.t('Select the profile to enter credentials for'), (p) => p.source === 'stored');
  if (!profile) throw new UserFacingError(vscode.l10n.t('There is no profile to choose from.'));
  if (profile.source === 'environment') {
    throw new UserFacingError(vscode.l10n.t('The Environment profile comes from environment variables; change them and restart VS Code.'));
  }
  await runCredentialsFlow(deps, profile);
};
