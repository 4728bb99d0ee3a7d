import * as vscode from 'vscode';
import { UserCancelledError } from '../util/errors';
import type { CommandFactory } from './deps';

export const clearOperations: CommandFactory = (deps) => async () => {
  const clear = vscode.l10n.t('Clear');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Clear the list of recent operations?'),
    { modal: true, detail: vscode.l10n.t('Their request IDs and requests are forgotten in every window. Nothing changes in DataWorks.') },
    clear,
  );
  if (answer !== clear) throw new UserCancelledError();
  await deps.operations.store.clear();
};
