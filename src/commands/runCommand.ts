import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Deps } from './deps';
import { inertText } from '../util/inertText';

/**
 * The one error boundary of every command: a cancel is silent; anything else is reported (logged redacted, a
 * rejected key marked) and shown once, with the request ID and a way to the log. Never rethrows: VS Code would show
 * it a second time.
 */
export async function runCommand(deps: Deps, id: string, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (e) {
    const failed = deps.reportError(e, id);
    if (failed.kind === 'cancelled') {
      deps.log.debug(`${id}: cancelled`);
      return;
    }
    if (failed.profileName !== undefined) {
      const profileName = failed.profileName;
      const signIn = vscode.l10n.t('Sign In Again');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The credentials of profile {0} are missing or unreadable. Enter them again.', inertText(profileName)), signIn)
        .then((pick) => (pick === signIn ? vscode.commands.executeCommand(Commands.updateCredentials, profileName) : undefined));
      return;
    }
    // One line of plain text, redacted: our explanation, what DataWorks said, the request ID. The server's message
    // and names in our own messages are outside text.
    const text = inertText(failed.message);
    const showLogs = vscode.l10n.t('Show Logs');
    void vscode.window.showErrorMessage(text, showLogs).then((pick) => {
      if (pick === showLogs) deps.channel.show(true);
    });
  }
}
