import * as vscode from 'vscode';
import { Commands } from '../constants';
import { CredentialsUnavailableError, describeError, isCancellation, isCredentialRejection, UserFacingError } from '../util/errors';
import type { Deps } from './deps';
import { inertText } from '../util/inertText';

/**
 * The one error boundary of every command: a cancel is silent; anything else is logged (redacted) and shown
 * once, with the request ID and a way to the log. Never rethrows: VS Code would show it a second time.
 */
export async function runCommand(deps: Deps, id: string, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (isCancellation(e)) {
      deps.log.debug(`${id}: cancelled`);
      return;
    }
    deps.log.failure(`${id} failed:`, e);
    if (e instanceof CredentialsUnavailableError) {
      const signIn = vscode.l10n.t('Sign In Again');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The credentials of profile {0} are missing or unreadable. Enter them again.', inertText(e.profileName)), signIn)
        .then((pick) => (pick === signIn ? vscode.commands.executeCommand(Commands.updateCredentials, e.profileName) : undefined));
      return;
    }
    const profile = deps.profiles.active();
    if (profile && isCredentialRejection(e)) deps.auth.markRejected(profile.name);
    // One line of plain text: our explanation, what DataWorks said, the request ID (describeError puts them together).
    // The server's message and names in our own messages are outside text.
    const text = inertText(deps.redactor.redact(e instanceof UserFacingError ? e.message : describeError(e, deps.locale()).message));
    const showLogs = vscode.l10n.t('Show Logs');
    void vscode.window.showErrorMessage(text, showLogs).then((pick) => {
      if (pick === showLogs) deps.channel.show(true);
    });
  }
}
