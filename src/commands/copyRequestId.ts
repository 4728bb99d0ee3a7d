import * as vscode from 'vscode';
import { inertText } from '../util/inertText';
import { UserFacingError } from '../util/errors';
import type { CommandFactory } from './deps';
import { operationArg } from './operationArg';

/** For a support ticket: the request ID of a write. */
export const copyRequestId: CommandFactory = (deps) => async (arg?: unknown) => {
  const entry = operationArg(deps, arg);
  if (!entry.requestId) throw new UserFacingError(vscode.l10n.t('No request ID was received for this operation.'));
  await vscode.env.clipboard.writeText(entry.requestId);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied request ID {0}.', inertText(entry.requestId)));
};
